/* placement.h - which topic a run of sectionless questions is about.
 *
 * A quiz pack may have questions under no section heading (the seed's
 * untitled second part is one). Such questions are placed as a run, not one
 * by one: each question of the run votes for the topics of its most similar
 * sectioned questions (prose words weighted by rarity, code left out), and
 * the topic names the run mentions ("OOP", "object-oriented programming")
 * add a second, independent vote. Word overlap question by question would
 * scatter a run across topics on incidental words such as "method".
 */
#ifndef QA_PLACEMENT_H
#define QA_PLACEMENT_H

#include <stddef.h>

/* Placement reads the words of every question, a batch of documents at a
 * time. With one processor a batch is read as soon as it is full. With
 * more, full batches wait in a queue for placement_help, which a thread
 * calls when it would otherwise wait (the parser's and the reader's while
 * a large pack loads, mdtree.h), and placement_choose_runs reads the rest.
 * Two threads may read two batches at once, each into a vocabulary of its
 * own; the batches are then taken in, in the order the documents were
 * added, so the result is the same to the bit (words.h, vocab_take). */
typedef struct Placement Placement;

Placement *placement_new(void);
/* Waits for a placement_help under way, if any, and frees everything. */
void placement_free(Placement *p);

/* Reads the oldest batch no thread has started on, if any, and takes in
 * the batches read so far that are next in order, unless another thread
 * is at that: returns 1 when it did either, else 0. Safe to call from any
 * thread while the caller adds documents; not once placement_choose_runs
 * or placement_free has been called. */
int placement_help(Placement *p);

/* Starts the next document, number 0, 1, 2... in the order of calls. A
 * sectionless one also keeps its words in order, to find topic names. */
void placement_doc(Placement *p, int sectionless);
/* Adds a piece of prose (NUL-terminated) to the current document. The text
 * is read later, maybe on the other thread: it must stay valid and
 * unchanged until placement_choose_runs returns. */
void placement_text(Placement *p, const char *text);

/* Chooses a topic for each of the runs 0 .. run_count-1 and stores it in
 * run_topic[run], or -1 when no topic is close enough (the caller then
 * gives the run a topic of its own). doc_topic[i] is the topic of document
 * i when it is sectioned, else -1, and doc_run[i] then says which run it
 * belongs to. Call it once, after the last document. */
void placement_choose_runs(Placement *p, const long *doc_topic, const size_t *doc_run,
                           const char *const *topic_names, size_t topic_count,
                           size_t run_count, long *run_topic);

/* All of the above in one call, for documents already at hand. */
typedef struct PlaceDoc {
    const char *prose;         /* prompt and answer text, code blocks left out */
    size_t prose_len;
    long topic;                /* topic of a sectioned question, or -1 */
    size_t run;                /* for topic -1: which run it belongs to */
} PlaceDoc;

void placement_choose(const PlaceDoc *docs, size_t doc_count,
                      const char *const *topic_names, size_t topic_count,
                      size_t run_count, long *run_topic);

#endif
