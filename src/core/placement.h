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

typedef struct PlaceDoc {
    const char *prose;         /* prompt and answer text, code blocks left out */
    size_t prose_len;
    long topic;                /* topic of a sectioned question, or -1 */
    size_t run;                /* for topic -1: which run it belongs to */
    const char *const *texts;  /* or, when not NULL, the prose as pieces: */
    size_t text_count;         /* NUL-terminated texts read one after another */
} PlaceDoc;

/* Chooses a topic for each of the runs 0 .. run_count-1 and stores it in
 * run_topic[run], or -1 when no topic is close enough (the caller then
 * gives the run a topic of its own). */
void placement_choose(const PlaceDoc *docs, size_t doc_count,
                      const char *const *topic_names, size_t topic_count,
                      size_t run_count, long *run_topic);

#endif
