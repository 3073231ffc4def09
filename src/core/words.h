/* words.h - content words, their rarity, and weighted word vectors.
 *
 * Two parts of the game compare texts by meaning in a cheap way: placing
 * questions that sit under no section into the topic they are most about,
 * and keeping near-duplicate answers from being offered side by side. Both
 * reduce a text to its content words (lower case, stop words dropped, a
 * light English suffix stripping so "classes" meets "class"), weight each
 * word by its rarity over the bank (inverse document frequency) and compare
 * the resulting sparse vectors.
 */
#ifndef QA_WORDS_H
#define QA_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* Calls fn for each content word of a rich or plain text, lower-cased and
 * stemmed, in order. Inline code counts as words; markers are skipped.
 * word is not NUL-terminated and is valid only during the call. */
typedef void (*WordsFn)(const char *word, size_t len, void *userdata);
void words_each(const char *text, size_t len, WordsFn fn, void *userdata);

/* True for an English stop word (the, is, of, what...), lower case. */
int words_is_stop(const char *w, size_t len);

/* Strips common English suffixes in place; returns the new length. */
size_t words_stem(char *w, size_t len);

/* A vocabulary: each distinct word gets a small integer id, and counts how
 * many documents contain it. */
typedef struct Vocab Vocab;

Vocab *vocab_new(void);
void vocab_free(Vocab *v);
/* Id of word, adding it if new. */
uint32_t vocab_intern(Vocab *v, const char *word, size_t len);
/* Id of word, or UINT32_MAX if unknown. */
uint32_t vocab_find(const Vocab *v, const char *word, size_t len);
size_t vocab_size(const Vocab *v);

/* A sparse vector of word weights, sorted by id. */
typedef struct TermVec {
    uint32_t *ids;
    float *weights;
    uint32_t count;
} TermVec;

/* Appends the ids of the content words of a text, in order, to the
 * growable array *ids (count and capacity in *count, *cap). */
void words_ids(Vocab *v, const char *text, size_t len, uint32_t **ids, size_t *count,
               size_t *cap);

/* Counts the terms of a sequence of ids of this vocabulary: writes its
 * distinct ids in increasing order to out_ids and how often each occurs to
 * out_counts (both with room for n), and returns how many there are. */
uint32_t vocab_count_terms(Vocab *v, const uint32_t *ids, size_t n, uint32_t *out_ids,
                           float *out_counts);
/* The same with the distinct ids in the order first met... */
uint32_t vocab_tally_terms(Vocab *v, const uint32_t *ids, size_t n, uint32_t *out_ids,
                           float *out_counts);
/* ...which this sorts by id, with the weight of each (the ids distinct). */
void words_sort_terms(uint32_t *ids, float *weights, uint32_t count);

/* Reading words on more than one thread. A vocabulary gives ids in the
 * order words are first met, so texts are read into it one at a time, in
 * order; but most of the work needs no shared vocabulary. A thread reads a
 * run of texts into a vocabulary of its own, and vocab_take then gives
 * that one's terms ids in the shared one, in the order they were first
 * met: taking runs in the order of their texts gives every term the id
 * that reading all the texts in that order gives it. */
/* Empties v for another run, keeping its memory. */
void vocab_clear(Vocab *v);
/* Writes to ids[i] the id in v of from's term i, adding new terms to v. */
void vocab_take(Vocab *v, const Vocab *from, uint32_t *ids);

/* Builds the term-count vector of a text (ids interned into v).
 * The vector owns its arrays: termvec_free. */
TermVec termvec_from_text(Vocab *v, const char *text, size_t len);
/* Adds the words of another text to a vector. */
void termvec_add_text(TermVec *tv, Vocab *v, const char *text, size_t len);
void termvec_free(TermVec *tv);

/* Natural logarithm of x >= 1, computed in integer arithmetic so that it
 * gives the same bits on every machine and C library (libm's logf may
 * differ in the last place, and word weights decide which distractors a
 * seed picks). Accurate to about 1e-5. */
float words_ln(uint64_t x);

/* Rarity of a word found in df of docs documents: ln(docs / df). */
float words_idf(size_t docs, size_t df);

/* Scales each weight by idf[id] and normalises the vector to length 1. */
void termvec_weight(TermVec *tv, const float *idf);
/* termvec_weight in two steps, the first of which needs no idf yet: term
 * counts become sub-linear frequencies, 1 + ln(count) (in place)... */
void termvec_tf(float *counts, size_t n);
/* ...which are then scaled and normalised as termvec_weight does. Both
 * steps give the same bits as termvec_weight. */
void termvec_weight_tf(TermVec *tv, const float *idf);
/* Dot product of two vectors (the cosine when both are normalised). */
float termvec_dot(const TermVec *a, const TermVec *b);

#endif
