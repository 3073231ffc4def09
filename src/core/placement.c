/* placement.c - placing runs of sectionless questions (see placement.h).
 *
 * Cost: one pass to build word vectors, an inverted index over sectioned
 * questions that skips the commonest words, and for each sectionless
 * question one walk over the postings of its words. Nothing compares every
 * question with every other, so a 10,000-question corpus stays cheap.
 *
 * The pass over the words is most of that cost, and it needs nothing but
 * the texts, so it need not wait for the end: the caller fills a batch of
 * documents and queues it, and a thread that would otherwise wait reads it
 * (placement_help: a parser's or the reader's, while a large pack loads).
 * Batches are read in two steps. Any thread reads any batch's words into a
 * vocabulary of the batch's own, counts each document's terms and works
 * out their frequencies (place_read). Then the batches are taken in order
 * (place_take), by whoever holds `reading`, the only lock on the shared
 * vocabulary and the vectors: their terms get their ids there (vocab_take)
 * and the vectors join the pool, each in the order its terms were first
 * met. Ids, vectors and results are those of one thread reading all the
 * words in order.
 */
#include "placement.h"
#include "cpus.h"
#include "words.h"
#include "xalloc.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { PLACE_NEIGHBOURS = 3 };

/* Weight of the topic-name vote against the neighbour vote (both are
 * shares that sum to 1 over the topics). */
static const float PLACE_NAME_WEIGHT = 1.25f;
/* Below this mean similarity to its neighbours, and with no topic name
 * mentioned, a run is about none of the topics. */
static const float PLACE_MIN_SIMILARITY = 0.05f;

typedef struct Phrase {
    uint32_t ids[8];
    size_t len;
    long topic;
} Phrase;

typedef struct IdSeq {
    uint32_t *ids;
    size_t count, cap;
    const Vocab *vocab;
} IdSeq;

static void place_collect_seq(const char *w, size_t len, void *userdata)
{
    IdSeq *s = userdata;
    s->ids = xgrow(s->ids, &s->cap, s->count + 1, sizeof *s->ids);
    s->ids[s->count++] = vocab_find(s->vocab, w, len);
}

/* Splits a topic name at "&", "/", ",", "(", ")", "+", ":" and the words
 * "and", "or", "vs" into phrases of content words. */
static size_t place_name_phrases(const Vocab *v, const char *name, long topic,
                                 Phrase *out, size_t max)
{
    size_t count = 0, len = strlen(name), start = 0;
    for (size_t i = 0; i <= len && count < max; i++) {
        int cut = i == len || strchr("&/,()+:;|", name[i]) != NULL;
        size_t skip = 1;
        if (!cut && (i == 0 || name[i - 1] == ' ')) {
            static const char *const words[] = {"and ", "or ", "vs ", "vs. "};
            for (size_t k = 0; k < sizeof words / sizeof *words && !cut; k++) {
                size_t n = strlen(words[k]);
                if (len - i >= n && strncmp(name + i, words[k], n) == 0) {
                    cut = 1;
                    skip = n;
                }
            }
        }
        if (!cut)
            continue;
        IdSeq seq = {NULL, 0, 0, v};
        words_each(name + start, i - start, place_collect_seq, &seq);
        if (seq.count > 0 && seq.count <= 8) {
            int known = 1;
            for (size_t k = 0; k < seq.count; k++)
                known &= seq.ids[k] != UINT32_MAX;
            if (known) {
                memcpy(out[count].ids, seq.ids, seq.count * sizeof *seq.ids);
                out[count].len = seq.count;
                out[count].topic = topic;
                count++;
            }
        }
        free(seq.ids);
        start = i + skip;
        i += skip - 1;
    }
    return count;
}

/* Word vectors of all documents, one after another: document i has the
 * entries start[i] .. start[i + 1] - 1, its terms in the order first met. */
typedef struct PlaceVecs {
    uint32_t *ids;
    float *weights;
    size_t *start;
    size_t len, cap;
} PlaceVecs;

/* A piece of a document's prose; len SIZE_MAX: up to its NUL. */
typedef struct PlacePiece {
    const char *text;
    size_t len;
} PlacePiece;

typedef enum PlaceState { PLACE_QUEUED, PLACE_READING, PLACE_READ } PlaceState;

/* Documents handed over together, their pieces one after another. */
typedef struct PlaceBatch {
    struct PlaceBatch *next;    /* in the queue */
    PlaceState state;           /* under queue_lock */
    PlacePiece *pieces;
    size_t piece_count, piece_cap;
    size_t *doc_pieces;         /* pieces per document */
    unsigned char *sectionless; /* per document */
    size_t doc_count, doc_cap;

    /* Read (place_read): */
    Vocab *vocab;               /* the batch's own */
    uint32_t *terms;            /* each document's terms, ids of vocab, in
                                   the order first met... */
    float *tf;                  /* ...with their frequencies */
    size_t *term_start;         /* document d's: term_start[d] .. [d + 1] - 1 */
    size_t term_len, term_cap;
    uint32_t *seq;              /* a sectionless document's words in order */
    size_t *seq_start;          /* as term_start */
    size_t seq_len, seq_cap;
} PlaceBatch;

enum { PLACE_BATCH_DOCS = 256 };

struct Placement {
    /* Written only by whoever takes batches in, holding `reading`. */
    pthread_mutex_t reading;
    Vocab *vocab;
    PlaceVecs vecs;
    size_t start_cap;   /* of vecs.start and seq_start */
    size_t *seq_start;  /* word sequences of sectionless documents */
    uint32_t *seq_pool;
    size_t seq_len, seq_cap;
    uint32_t *ids;      /* scratch: a batch's ids in vocab */
    size_t id_cap;
    uint32_t *df;       /* documents each term of vocab is in */
    unsigned char *asked; /* ... and whether a sectionless one is */
    size_t df_cap;
    size_t docs;        /* documents taken in */

    /* Batches handed over and not taken in yet, oldest first, and the
     * batch vocabularies not in use. */
    pthread_mutex_t queue_lock;
    pthread_cond_t changed; /* a batch has been read */
    PlaceBatch *queue, *queue_tail;
    Vocab *spare_vocab[4];
    size_t spare_vocabs;

    /* The caller's side. */
    PlaceBatch *batch;  /* being filled */
    int helped;         /* batches wait in the queue for placement_help */
};

static void place_batch_free(PlaceBatch *b)
{
    if (!b)
        return;
    vocab_free(b->vocab);
    free(b->terms);
    free(b->tf);
    free(b->term_start);
    free(b->seq);
    free(b->seq_start);
    free(b->pieces);
    free(b->doc_pieces);
    free(b->sectionless);
    free(b);
}

/* A vocabulary for a batch to read into, under queue_lock. */
static Vocab *place_take_vocab(Placement *p)
{
    return p->spare_vocabs ? p->spare_vocab[--p->spare_vocabs] : vocab_new();
}

/* A batch taken in is done with, under queue_lock: its vocabulary,
 * cleared already, is kept for another batch if there is room. */
static void place_batch_done(Placement *p, PlaceBatch *b)
{
    if (b->vocab && p->spare_vocabs < sizeof p->spare_vocab / sizeof *p->spare_vocab) {
        p->spare_vocab[p->spare_vocabs++] = b->vocab;
        b->vocab = NULL;
    }
}

/* Reads the words of the documents of a batch into its own vocabulary:
 * for each document its terms, in the order first met, with their
 * frequencies, and a sectionless one's words in order. Needs nothing
 * shared: any thread may read any batch. */
static void place_read(PlaceBatch *b)
{
    uint32_t *ids = NULL;
    size_t id_cap = 0, piece = 0;
    b->term_start = xmalloc((b->doc_count + 1) * sizeof *b->term_start);
    b->seq_start = xmalloc((b->doc_count + 1) * sizeof *b->seq_start);
    b->term_start[0] = b->seq_start[0] = 0;
    for (size_t d = 0; d < b->doc_count; d++) {
        size_t id_count = 0;
        for (size_t k = 0; k < b->doc_pieces[d]; k++, piece++) {
            const PlacePiece *pc = &b->pieces[piece];
            size_t len = pc->len == SIZE_MAX ? strlen(pc->text) : pc->len;
            words_ids(b->vocab, pc->text, len, &ids, &id_count, &id_cap);
        }
        /* One entry to spare, so the arrays exist even when every
         * document is empty. */
        size_t before = b->term_cap;
        b->terms = xgrow(b->terms, &b->term_cap, b->term_len + id_count + 1, sizeof *b->terms);
        if (b->term_cap != before)
            b->tf = xrealloc(b->tf, b->term_cap * sizeof *b->tf);
        uint32_t terms = vocab_tally_terms(b->vocab, ids, id_count, b->terms + b->term_len,
                                           b->tf + b->term_len);
        termvec_tf(b->tf + b->term_len, terms);
        b->term_len += terms;
        b->term_start[d + 1] = b->term_len;
        if (b->sectionless[d] && id_count) {
            b->seq = xgrow(b->seq, &b->seq_cap, b->seq_len + id_count, sizeof *b->seq);
            memcpy(b->seq + b->seq_len, ids, id_count * sizeof *ids);
            b->seq_len += id_count;
        }
        b->seq_start[d + 1] = b->seq_len;
    }
    free(ids);
}

/* Takes a read batch in, the next in order, holding `reading`: its terms
 * get their ids in the shared vocabulary, and its vectors join the pool
 * (each in the order its terms were first met: the inverted index built
 * from them needs no order, and this one is the same on every run). */
static void place_take(Placement *p, const PlaceBatch *b)
{
    p->ids = xgrow(p->ids, &p->id_cap, vocab_size(b->vocab) + 1, sizeof *p->ids);
    vocab_take(p->vocab, b->vocab, p->ids);
    size_t df_cap = p->df_cap;
    p->df = xgrow(p->df, &p->df_cap, vocab_size(p->vocab) + 1, sizeof *p->df);
    if (p->df_cap != df_cap) {
        p->asked = xrealloc(p->asked, p->df_cap);
        memset(p->df + df_cap, 0, (p->df_cap - df_cap) * sizeof *p->df);
        memset(p->asked + df_cap, 0, p->df_cap - df_cap);
    }
    PlaceVecs *v = &p->vecs;
    size_t before = v->cap;
    v->ids = xgrow(v->ids, &v->cap, v->len + b->term_len + 1, sizeof *v->ids);
    if (v->cap != before)
        v->weights = xrealloc(v->weights, v->cap * sizeof *v->weights);
    if (p->docs + b->doc_count + 1 > p->start_cap) {
        size_t start_cap = p->start_cap;
        p->vecs.start = xgrow(p->vecs.start, &p->start_cap, p->docs + b->doc_count + 1,
                              sizeof *p->vecs.start);
        p->seq_start = xgrow(p->seq_start, &start_cap, p->docs + b->doc_count + 1,
                             sizeof *p->seq_start);
    }
    p->seq_pool = xgrow(p->seq_pool, &p->seq_cap, p->seq_len + b->seq_len + 1,
                        sizeof *p->seq_pool);
    /* The batch's vectors and word sequences lie one after another, as
     * they will in the pool: one pass each, through local pointers (the
     * byte stores to asked would otherwise have every pointer of p read
     * again for each entry). */
    const uint32_t *map = p->ids, *terms = b->terms;
    uint32_t *df = p->df, *out = v->ids + v->len;
    unsigned char *asked = p->asked;
    size_t *start = v->start + p->docs, *seq_start = p->seq_start + p->docs;
    for (size_t d = 0; d < b->doc_count; d++) {
        unsigned char sectionless = b->sectionless[d];
        size_t from = b->term_start[d], to = b->term_start[d + 1];
        start[d] = v->len + from;
        seq_start[d] = p->seq_len + b->seq_start[d];
        for (size_t k = from; k < to; k++) {
            uint32_t id = map[terms[k]];
            out[k] = id;
            df[id]++;
            asked[id] |= sectionless;
        }
    }
    memcpy(v->weights + v->len, b->tf, b->term_len * sizeof *b->tf);
    uint32_t *seq_out = p->seq_pool + p->seq_len;
    for (size_t k = 0; k < b->seq_len; k++)
        seq_out[k] = map[b->seq[k]];
    v->len += b->term_len;
    p->seq_len += b->seq_len;
    p->docs += b->doc_count;
    v->start[p->docs] = v->len;
    p->seq_start[p->docs] = p->seq_len;
}

/* Reads the first batch waiting to be read, if any: returns 1 when it
 * did. */
static int place_read_one(Placement *p)
{
    pthread_mutex_lock(&p->queue_lock);
    PlaceBatch *b = p->queue;
    while (b && b->state != PLACE_QUEUED)
        b = b->next;
    if (b) {
        b->state = PLACE_READING;
        b->vocab = place_take_vocab(p);
    }
    pthread_mutex_unlock(&p->queue_lock);
    if (!b)
        return 0;
    place_read(b);
    pthread_mutex_lock(&p->queue_lock);
    b->state = PLACE_READ;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->queue_lock);
    return 1;
}

/* The oldest batch if it has been read, taken from the queue, or NULL. */
static PlaceBatch *place_dequeue_read(Placement *p)
{
    pthread_mutex_lock(&p->queue_lock);
    PlaceBatch *b = p->queue;
    if (b && b->state == PLACE_READ) {
        p->queue = b->next;
        if (!p->queue)
            p->queue_tail = NULL;
    } else {
        b = NULL;
    }
    pthread_mutex_unlock(&p->queue_lock);
    return b;
}

/* Takes in the read batches at the head of the queue; the caller holds
 * `reading`. Returns how many. */
static int place_take_read(Placement *p)
{
    int taken = 0;
    PlaceBatch *b;
    while ((b = place_dequeue_read(p)) != NULL) {
        place_take(p, b);
        vocab_clear(b->vocab); /* the batch is ours: no lock needed */
        pthread_mutex_lock(&p->queue_lock);
        place_batch_done(p, b);
        pthread_mutex_unlock(&p->queue_lock);
        place_batch_free(b);
        taken++;
    }
    return taken;
}

int placement_help(Placement *p)
{
    if (!p)
        return 0;
    int did = place_read_one(p);
    /* Taking in is one thread at a time: if another is at it, it takes
     * this batch too, or whoever comes next. */
    if (pthread_mutex_trylock(&p->reading) == 0) {
        did |= place_take_read(p) > 0;
        pthread_mutex_unlock(&p->reading);
    }
    return did;
}

/* Hands the batch being filled over: to the queue, for placement_help or
 * place_wait, when there is more than one processor; else it is read and
 * taken in at once. */
static void place_hand_over(Placement *p)
{
    PlaceBatch *b = p->batch;
    if (!b)
        return;
    p->batch = NULL;
    b->state = PLACE_QUEUED;
    pthread_mutex_lock(&p->queue_lock);
    if (p->queue_tail)
        p->queue_tail->next = b;
    else
        p->queue = b;
    p->queue_tail = b;
    pthread_mutex_unlock(&p->queue_lock);
    if (!p->helped) {
        place_read_one(p);
        pthread_mutex_lock(&p->reading);
        place_take_read(p);
        pthread_mutex_unlock(&p->reading);
    }
}

/* Hands over what is left, reads what nobody is reading, and takes
 * every batch in. */
static void place_wait(Placement *p)
{
    place_hand_over(p);
    pthread_mutex_lock(&p->reading);
    for (;;) {
        place_take_read(p);
        if (place_read_one(p))
            continue;
        /* Nothing to read: the rest is being read on another thread. */
        pthread_mutex_lock(&p->queue_lock);
        int left = p->queue != NULL;
        if (left && p->queue->state != PLACE_READ)
            pthread_cond_wait(&p->changed, &p->queue_lock);
        pthread_mutex_unlock(&p->queue_lock);
        if (!left)
            break;
    }
    pthread_mutex_unlock(&p->reading);
}

Placement *placement_new(void)
{
    Placement *p = xcalloc(1, sizeof *p);
    p->reading = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    p->queue_lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    p->changed = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
    p->helped = cpus_for_loading() > 1;
    p->vocab = vocab_new();
    p->vecs.start = xgrow(NULL, &p->start_cap, 1, sizeof *p->vecs.start);
    size_t cap = 0;
    p->seq_start = xgrow(NULL, &cap, p->start_cap, sizeof *p->seq_start);
    p->vecs.start[0] = 0;
    p->seq_start[0] = 0;
    return p;
}

void placement_free(Placement *p)
{
    if (!p)
        return;
    place_wait(p);
    for (size_t i = 0; i < p->spare_vocabs; i++)
        vocab_free(p->spare_vocab[i]);
    pthread_cond_destroy(&p->changed);
    pthread_mutex_destroy(&p->queue_lock);
    pthread_mutex_destroy(&p->reading);
    free(p->ids);
    free(p->df);
    free(p->asked);
    free(p->seq_pool);
    free(p->seq_start);
    free(p->vecs.ids);
    free(p->vecs.weights);
    free(p->vecs.start);
    vocab_free(p->vocab);
    free(p);
}

void placement_doc(Placement *p, int sectionless)
{
    if (p->batch && p->batch->doc_count == PLACE_BATCH_DOCS)
        place_hand_over(p);
    if (!p->batch)
        p->batch = xcalloc(1, sizeof *p->batch);
    PlaceBatch *b = p->batch;
    size_t cap = b->doc_cap;
    b->doc_pieces = xgrow(b->doc_pieces, &b->doc_cap, b->doc_count + 1, sizeof *b->doc_pieces);
    if (b->doc_cap != cap)
        b->sectionless = xrealloc(b->sectionless, b->doc_cap);
    b->doc_pieces[b->doc_count] = 0;
    b->sectionless[b->doc_count] = sectionless != 0;
    b->doc_count++;
}

static void place_piece(Placement *p, const char *text, size_t len)
{
    PlaceBatch *b = p->batch;
    if (!b || b->doc_count == 0)
        return; /* no document started: nothing to add to */
    b->pieces = xgrow(b->pieces, &b->piece_cap, b->piece_count + 1, sizeof *b->pieces);
    b->pieces[b->piece_count++] = (PlacePiece){text, len};
    b->doc_pieces[b->doc_count - 1]++;
}

void placement_text(Placement *p, const char *text)
{
    place_piece(p, text, SIZE_MAX);
}

void placement_choose(const PlaceDoc *docs, size_t doc_count,
                      const char *const *topic_names, size_t topic_count,
                      size_t run_count, long *run_topic)
{
    Placement *p = placement_new();
    long *topic = xmalloc((doc_count + 1) * sizeof *topic);
    size_t *run = xmalloc((doc_count + 1) * sizeof *run);
    for (size_t i = 0; i < doc_count; i++) {
        placement_doc(p, docs[i].topic < 0);
        place_piece(p, docs[i].prose, docs[i].prose_len);
        topic[i] = docs[i].topic;
        run[i] = docs[i].run;
    }
    placement_choose_runs(p, topic, run, topic_names, topic_count, run_count, run_topic);
    free(run);
    free(topic);
    placement_free(p);
}

/* termvec_weight for document i of the pool (its term frequencies are
 * in already: place_read_batch). */
static void place_vec_weight(PlaceVecs *v, size_t i, const float *idf)
{
    TermVec tv = {v->ids + v->start[i], v->weights + v->start[i],
                  (uint32_t)(v->start[i + 1] - v->start[i])};
    termvec_weight_tf(&tv, idf);
}

void placement_choose_runs(Placement *p, const long *doc_topic, const size_t *doc_run,
                           const char *const *topic_names, size_t topic_count,
                           size_t run_count, long *run_topic)
{
    for (size_t r = 0; r < run_count; r++)
        run_topic[r] = -1;
    place_wait(p);
    size_t doc_count = p->docs;
    if (run_count == 0 || topic_count == 0 || doc_count == 0)
        return;

    Vocab *vocab = p->vocab;
    PlaceVecs vecs = p->vecs;
    const size_t *seq_start = p->seq_start;
    const uint32_t *seq_pool = p->seq_pool;
    size_t terms = vocab_size(vocab);
    const uint32_t *df = p->df;
    float *idf = xcalloc(terms + 1, sizeof *idf);
    for (size_t t = 0; t < terms; t++)
        idf[t] = words_idf(doc_count, df[t]);

    /* Inverted index of sectioned questions; the commonest words carry
     * almost no weight and the longest postings, so they are left out, as
     * are words no sectionless question has: nothing looks them up. */
    size_t df_cap = doc_count / 10 > 50 ? doc_count / 10 : 50;
    /* (Terms of sectionless questions: those asked as documents were
     * added, maybe a few more than the questions placed here ask.) */
    unsigned char *looked_up = xcalloc(terms + 1, 1);
    size_t looked = 0;
    for (size_t t = 0; t < terms; t++) {
        looked_up[t] = p->asked[t] && df[t] <= df_cap;
        looked += looked_up[t];
    }
    /* Weights are read of the questions asking and of those in the index,
     * and only through the index. */
    for (size_t q = 0; q < doc_count && looked > 0; q++)
        if (doc_topic[q] < 0 && doc_run[q] < run_count)
            place_vec_weight(&vecs, q, idf);
    size_t *post_start = xcalloc(terms + 1, sizeof *post_start);
    for (size_t i = 0; i < doc_count && looked > 0; i++) {
        if (doc_topic[i] < 0)
            continue;
        size_t entries = 0;
        for (size_t k = vecs.start[i]; k < vecs.start[i + 1]; k++) {
            post_start[vecs.ids[k] + 1] += looked_up[vecs.ids[k]];
            entries += looked_up[vecs.ids[k]];
        }
        if (entries)
            place_vec_weight(&vecs, i, idf);
    }
    for (size_t t = 0; t < terms; t++)
        post_start[t + 1] += post_start[t];
    uint32_t *post = xmalloc((post_start[terms] + 1) * sizeof *post); /* doc indexes */
    float *post_w = xmalloc((post_start[terms] + 1) * sizeof *post_w);
    size_t *fill = xcalloc(terms + 1, sizeof *fill);
    for (size_t i = 0; i < doc_count && looked > 0; i++) {
        if (doc_topic[i] < 0)
            continue;
        for (size_t k = vecs.start[i]; k < vecs.start[i + 1]; k++) {
            uint32_t t = vecs.ids[k];
            if (!looked_up[t])
                continue;
            size_t at = post_start[t] + fill[t]++;
            post[at] = (uint32_t)i;
            post_w[at] = vecs.weights[k];
        }
    }

    Phrase *phrases = xcalloc(topic_count * 8, sizeof *phrases);
    size_t phrase_count = 0;
    for (size_t t = 0; t < topic_count; t++)
        phrase_count += place_name_phrases(vocab, topic_names[t], (long)t,
                                           phrases + phrase_count, 8);
    /* The phrases by their first word, so that each word of a question is
     * matched only against the phrases it can begin. */
    size_t *phrase_start = xcalloc(terms + 2, sizeof *phrase_start);
    uint32_t *by_first = xmalloc((phrase_count + 1) * sizeof *by_first);
    for (size_t k = 0; k < phrase_count; k++)
        phrase_start[phrases[k].ids[0] + 1]++;
    for (size_t t = 0; t <= terms; t++)
        phrase_start[t + 1] += phrase_start[t];
    size_t *phrase_fill = xcalloc(terms + 1, sizeof *phrase_fill);
    for (size_t k = 0; k < phrase_count; k++) {
        uint32_t first = phrases[k].ids[0];
        by_first[phrase_start[first] + phrase_fill[first]++] = (uint32_t)k;
    }
    free(phrase_fill);

    float *acc = xcalloc(doc_count, sizeof *acc);
    size_t *touched = xmalloc(doc_count * sizeof *touched);
    size_t *seen = xcalloc(doc_count, sizeof *seen); /* q + 1 once touched for q */
    /* A run at a time, its questions in order: each run's votes and name
     * counts add up as they would all runs at once, in topic_count cells
     * used again by the next run. */
    float *votes = xcalloc(topic_count, sizeof *votes);
    float *names = xcalloc(topic_count, sizeof *names);
    size_t *run_first = xcalloc(run_count + 1, sizeof *run_first);
    for (size_t q = 0; q < doc_count; q++)
        if (doc_topic[q] < 0 && doc_run[q] < run_count)
            run_first[doc_run[q] + 1]++;
    for (size_t r = 0; r < run_count; r++)
        run_first[r + 1] += run_first[r];
    size_t *run_docs = xmalloc((run_first[run_count] + 1) * sizeof *run_docs);
    size_t *run_fill = xcalloc(run_count + 1, sizeof *run_fill);
    for (size_t q = 0; q < doc_count; q++)
        if (doc_topic[q] < 0 && doc_run[q] < run_count)
            run_docs[run_first[doc_run[q]] + run_fill[doc_run[q]]++] = q;
    free(run_fill);

    for (size_t r = 0; r < run_count; r++) {
        size_t run_size = run_first[r + 1] - run_first[r];
        if (run_size == 0)
            continue;
        memset(votes, 0, topic_count * sizeof *votes);
        memset(names, 0, topic_count * sizeof *names);
        float similarity = 0;
        for (size_t d = run_first[r]; d < run_first[r + 1]; d++) {
            size_t q = run_docs[d];
            size_t ntouched = 0;
            for (size_t k = vecs.start[q]; k < vecs.start[q + 1]; k++) {
                uint32_t t = vecs.ids[k];
                if (df[t] > df_cap)
                    continue;
                for (size_t p = post_start[t]; p < post_start[t + 1]; p++) {
                    if (seen[post[p]] != q + 1) {
                        seen[post[p]] = q + 1;
                        touched[ntouched++] = post[p];
                    }
                    acc[post[p]] += vecs.weights[k] * post_w[p];
                }
            }
            /* The nearest few sectioned questions vote with their
             * similarity. */
            for (int n = 0; n < PLACE_NEIGHBOURS; n++) {
                size_t best = SIZE_MAX;
                for (size_t j = 0; j < ntouched; j++)
                    if (acc[touched[j]] > 0.0f &&
                        (best == SIZE_MAX || acc[touched[j]] > acc[best] ||
                         (acc[touched[j]] == acc[best] && touched[j] < best)))
                        best = touched[j];
                if (best == SIZE_MAX)
                    break;
                votes[(size_t)doc_topic[best]] += acc[best];
                if (n == 0)
                    similarity += acc[best];
                acc[best] = -1.0f; /* taken */
            }
            for (size_t j = 0; j < ntouched; j++)
                acc[touched[j]] = 0.0f;

            /* Each mention adds one: sums of whole numbers, the same in
             * any order. */
            const uint32_t *seq = seq_pool + seq_start[q];
            size_t seq_len = seq_start[q + 1] - seq_start[q];
            for (size_t i = 0; i < seq_len; i++)
                for (size_t k = phrase_start[seq[i]]; k < phrase_start[seq[i] + 1]; k++) {
                    const Phrase *ph = &phrases[by_first[k]];
                    if (i + ph->len <= seq_len &&
                        memcmp(seq + i, ph->ids, ph->len * sizeof *seq) == 0)
                        names[(size_t)ph->topic] += 1.0f;
                }
        }

        float vote_sum = 0, name_sum = 0;
        for (size_t t = 0; t < topic_count; t++) {
            vote_sum += votes[t];
            name_sum += names[t];
        }
        if (name_sum == 0 && similarity / (float)run_size < PLACE_MIN_SIMILARITY)
            continue;
        float best_score = -1, best_names = -1;
        for (size_t t = 0; t < topic_count; t++) {
            float score = 0, named = names[t];
            if (vote_sum > 0)
                score += votes[t] / vote_sum;
            if (name_sum > 0)
                score += PLACE_NAME_WEIGHT * named / name_sum;
            /* On a tie the topic the run names wins. */
            if (score > best_score || (score == best_score && named > best_names)) {
                best_score = score;
                best_names = named;
                run_topic[r] = (long)t;
            }
        }
    }

    free(run_docs);
    free(run_first);
    free(names);
    free(votes);
    free(seen);
    free(touched);
    free(acc);
    free(by_first);
    free(phrase_start);
    free(phrases);
    free(fill);
    free(looked_up);
    free(post_w);
    free(post);
    free(post_start);
    free(idf);
}
