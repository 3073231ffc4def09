/* placement.c - placing runs of sectionless questions (see placement.h).
 *
 * Cost: one pass to build word vectors, an inverted index over sectioned
 * questions that skips the commonest words, and for each sectionless
 * question one walk over the postings of its words. Nothing compares every
 * question with every other, so a 10,000-question corpus stays cheap.
 */
#include "placement.h"
#include "words.h"
#include "xalloc.h"

#include <math.h>
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

static size_t place_count_phrase(const uint32_t *ids, size_t n, const Phrase *p)
{
    size_t hits = 0;
    for (size_t i = 0; i + p->len <= n; i++)
        if (memcmp(ids + i, p->ids, p->len * sizeof *ids) == 0)
            hits++;
    return hits;
}

/* Word vectors of all documents, one after another: document i has the
 * entries start[i] .. start[i + 1] - 1, sorted by id. */
typedef struct PlaceVecs {
    uint32_t *ids;
    float *weights;
    size_t *start;
    size_t len, cap;
} PlaceVecs;

/* Appends the term counts of document i (its ids in any order, with
 * repeats) as its vector. */
static void place_vec_add(PlaceVecs *v, Vocab *vocab, size_t i, const uint32_t *ids, size_t n)
{
    size_t before = v->cap;
    /* One to spare: the pool exists even when every document is empty. */
    v->ids = xgrow(v->ids, &v->cap, v->len + n + 1, sizeof *v->ids);
    if (v->cap != before)
        v->weights = xrealloc(v->weights, v->cap * sizeof *v->weights);
    v->start[i] = v->len;
    v->len += vocab_count_terms(vocab, ids, n, v->ids + v->len, v->weights + v->len);
}

/* termvec_weight for document i of the pool. */
static void place_vec_weight(PlaceVecs *v, size_t i, const float *idf)
{
    TermVec tv = {v->ids + v->start[i], v->weights + v->start[i],
                  (uint32_t)(v->start[i + 1] - v->start[i])};
    termvec_weight(&tv, idf);
}

void placement_choose(const PlaceDoc *docs, size_t doc_count,
                      const char *const *topic_names, size_t topic_count,
                      size_t run_count, long *run_topic)
{
    for (size_t r = 0; r < run_count; r++)
        run_topic[r] = -1;
    if (run_count == 0 || topic_count == 0 || doc_count == 0)
        return;

    /* One pass of tokenising: word vectors for all, and the word sequence
     * of sectionless questions for finding topic names in them. Vectors
     * and sequences live in two pools, not in an allocation per question. */
    Vocab *vocab = vocab_new();
    PlaceVecs vecs = {0};
    vecs.start = xmalloc((doc_count + 1) * sizeof *vecs.start);
    size_t *seq_start = xmalloc((doc_count + 1) * sizeof *seq_start);
    size_t seq_len = 0, seq_cap = 0;
    uint32_t *seq_pool = xgrow(NULL, &seq_cap, 1, sizeof *seq_pool);
    uint32_t *ids = NULL;
    size_t id_count, id_cap = 0;
    for (size_t i = 0; i < doc_count; i++) {
        id_count = 0;
        if (docs[i].texts) {
            for (size_t k = 0; k < docs[i].text_count; k++)
                words_ids(vocab, docs[i].texts[k], strlen(docs[i].texts[k]), &ids, &id_count,
                          &id_cap);
        } else {
            words_ids(vocab, docs[i].prose, docs[i].prose_len, &ids, &id_count, &id_cap);
        }
        place_vec_add(&vecs, vocab, i, ids, id_count);
        seq_start[i] = seq_len;
        if (docs[i].topic < 0 && id_count) {
            seq_pool = xgrow(seq_pool, &seq_cap, seq_len + id_count, sizeof *seq_pool);
            memcpy(seq_pool + seq_len, ids, id_count * sizeof *ids);
            seq_len += id_count;
        }
    }
    seq_start[doc_count] = seq_len;
    vecs.start[doc_count] = vecs.len;
    free(ids);
    size_t terms = vocab_size(vocab);
    uint32_t *df = xcalloc(terms + 1, sizeof *df);
    for (size_t k = 0; k < vecs.len; k++)
        df[vecs.ids[k]]++;
    float *idf = xcalloc(terms + 1, sizeof *idf);
    for (size_t t = 0; t < terms; t++)
        idf[t] = words_idf(doc_count, df[t]);
    for (size_t i = 0; i < doc_count; i++)
        place_vec_weight(&vecs, i, idf);

    /* Inverted index of sectioned questions; the commonest words carry
     * almost no weight and the longest postings, so they are left out. */
    size_t df_cap = doc_count / 10 > 50 ? doc_count / 10 : 50;
    size_t *post_start = xcalloc(terms + 1, sizeof *post_start);
    for (size_t i = 0; i < doc_count; i++)
        if (docs[i].topic >= 0)
            for (size_t k = vecs.start[i]; k < vecs.start[i + 1]; k++)
                post_start[vecs.ids[k] + 1]++;
    for (size_t t = 0; t < terms; t++)
        post_start[t + 1] += post_start[t];
    uint32_t *post = xmalloc((post_start[terms] + 1) * sizeof *post); /* doc indexes */
    float *post_w = xmalloc((post_start[terms] + 1) * sizeof *post_w);
    size_t *fill = xcalloc(terms + 1, sizeof *fill);
    for (size_t i = 0; i < doc_count; i++) {
        if (docs[i].topic < 0)
            continue;
        for (size_t k = vecs.start[i]; k < vecs.start[i + 1]; k++) {
            uint32_t t = vecs.ids[k];
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

    float *acc = xcalloc(doc_count, sizeof *acc);
    size_t *touched = xmalloc(doc_count * sizeof *touched);
    size_t *seen = xcalloc(doc_count, sizeof *seen); /* q + 1 once touched for q */
    float *votes = xcalloc(run_count * topic_count, sizeof *votes);
    float *names = xcalloc(run_count * topic_count, sizeof *names);
    float *similarity = xcalloc(run_count, sizeof *similarity);
    size_t *run_size = xcalloc(run_count, sizeof *run_size);

    for (size_t q = 0; q < doc_count; q++) {
        if (docs[q].topic >= 0 || docs[q].run >= run_count)
            continue;
        size_t r = docs[q].run;
        run_size[r]++;
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
        /* The nearest few sectioned questions vote with their similarity. */
        for (int n = 0; n < PLACE_NEIGHBOURS; n++) {
            size_t best = SIZE_MAX;
            for (size_t j = 0; j < ntouched; j++)
                if (acc[touched[j]] > 0.0f && (best == SIZE_MAX || acc[touched[j]] > acc[best] ||
                                               (acc[touched[j]] == acc[best] && touched[j] < best)))
                    best = touched[j];
            if (best == SIZE_MAX)
                break;
            votes[r * topic_count + (size_t)docs[best].topic] += acc[best];
            if (n == 0)
                similarity[r] += acc[best];
            acc[best] = -1.0f; /* taken */
        }
        for (size_t j = 0; j < ntouched; j++)
            acc[touched[j]] = 0.0f;

        for (size_t p = 0; p < phrase_count; p++)
            names[r * topic_count + (size_t)phrases[p].topic] +=
                (float)place_count_phrase(seq_pool + seq_start[q],
                                          seq_start[q + 1] - seq_start[q], &phrases[p]);
    }

    for (size_t r = 0; r < run_count; r++) {
        float vote_sum = 0, name_sum = 0;
        for (size_t t = 0; t < topic_count; t++) {
            vote_sum += votes[r * topic_count + t];
            name_sum += names[r * topic_count + t];
        }
        if (run_size[r] == 0)
            continue;
        if (name_sum == 0 && similarity[r] / (float)run_size[r] < PLACE_MIN_SIMILARITY)
            continue;
        float best_score = -1, best_names = -1;
        for (size_t t = 0; t < topic_count; t++) {
            float score = 0, named = names[r * topic_count + t];
            if (vote_sum > 0)
                score += votes[r * topic_count + t] / vote_sum;
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

    free(run_size);
    free(similarity);
    free(names);
    free(votes);
    free(seen);
    free(touched);
    free(acc);
    free(phrases);
    free(fill);
    free(post_w);
    free(post);
    free(post_start);
    free(idf);
    free(df);
    free(seq_pool);
    free(seq_start);
    free(vecs.ids);
    free(vecs.weights);
    free(vecs.start);
    vocab_free(vocab);
}
