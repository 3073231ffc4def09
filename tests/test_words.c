/* test_words.c - content words, vocabulary and word vectors
 * (src/core/words.h).
 *
 * Pins: the stop list; the light suffix stripping; how words_each splits,
 * lower-cases, stems and filters a text; vocabulary ids; term counts and
 * their merging; weighting to unit length and the dot product (cosine).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/strbuf.h"
#include "core/words.h"
#include "random_text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ON "\x0e"  /* TEXT_CODE_ON */
#define OFF "\x0f" /* TEXT_CODE_OFF */

/* words_each callback: joins the words with single spaces. */
static void join_word(const char *word, size_t len, void *userdata)
{
    StrBuf *b = userdata;
    if (b->len)
        strbuf_putc(b, ' ');
    strbuf_append(b, word, len);
}

static void assert_words(const char *text, const char *want)
{
    StrBuf b = {0};
    words_each(text, strlen(text), join_word, &b);
    char got[512];
    int fits = b.len < sizeof got;
    snprintf(got, sizeof got, "%s", strbuf_str(&b));
    strbuf_free(&b); /* before asserting: a failure longjmps */
    assert_true(fits);
    assert_string_equal(got, want);
}

static void assert_stem(const char *word, const char *want)
{
    char buf[64];
    size_t len = strlen(word);
    assert_true(len < sizeof buf);
    memcpy(buf, word, len);
    size_t n = words_stem(buf, len);
    assert_true(n <= len);
    buf[n] = '\0';
    assert_string_equal(buf, want);
}

#define IS_STOP(lit) words_is_stop((lit), sizeof(lit) - 1)

/* Weight of word in tv, or -1 when absent. */
static float weight_of(const TermVec *tv, const Vocab *v, const char *word)
{
    uint32_t id = vocab_find(v, word, strlen(word));
    for (uint32_t i = 0; i < tv->count; i++)
        if (tv->ids[i] == id)
            return tv->weights[i];
    return -1.0f;
}

/* What a vocabulary or vector test owns, freed even when an assertion
 * fails. */
typedef struct Fixture {
    Vocab *v;
    TermVec a, b;
    float *idf;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->v = vocab_new();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    termvec_free(&f->a);
    termvec_free(&f->b);
    free(f->idf);
    vocab_free(f->v);
    free(f);
    return 0;
}

/* An idf table of 1.0 for every word of the fixture's vocabulary. */
static float *ones(Fixture *f)
{
    size_t n = vocab_size(f->v);
    f->idf = malloc((n ? n : 1) * sizeof *f->idf);
    assert_non_null(f->idf);
    for (size_t i = 0; i < n; i++)
        f->idf[i] = 1.0f;
    return f->idf;
}

static double norm2(const TermVec *tv)
{
    double s = 0;
    for (uint32_t i = 0; i < tv->count; i++)
        s += (double)tv->weights[i] * tv->weights[i];
    return s;
}

/* ---- stop words ---- */

static void test_stop_words_are_recognised(void **state)
{
    (void)state;
    assert_true(IS_STOP("the"));
    assert_true(IS_STOP("is"));
    assert_true(IS_STOP("of"));
    assert_true(IS_STOP("what"));
    assert_true(IS_STOP("a"));
    assert_true(IS_STOP("your"));
}

static void test_content_words_are_not_stop_words(void **state)
{
    (void)state;
    assert_false(IS_STOP("python"));
    assert_false(IS_STOP("class"));
    assert_false(IS_STOP("list"));
    assert_false(IS_STOP(""));
    assert_false(IS_STOP("internationalization"));
}

static void test_stop_words_respect_len(void **state)
{
    (void)state;
    assert_true(words_is_stop("there", 3));  /* "the" */
    assert_false(words_is_stop("the", 2));   /* "th" */
}

/* ---- stemming ---- */

static void test_stem_plural_es_and_ies(void **state)
{
    (void)state;
    assert_stem("classes", "class");
    assert_stem("libraries", "library");
    assert_stem("matches", "match");
    assert_stem("boxes", "box");
}

static void test_stem_plain_plural(void **state)
{
    (void)state;
    assert_stem("functions", "function");
    assert_stem("types", "type");
}

static void test_stem_keeps_words_ending_in_ss_us_is(void **state)
{
    (void)state;
    assert_stem("class", "class");
    assert_stem("status", "status");
    assert_stem("analysis", "analysis");
}

static void test_stem_ed_and_ing(void **state)
{
    (void)state;
    assert_stem("inherited", "inherit");
    assert_stem("programming", "programm");
    assert_stem("returned", "return");
}

static void test_stem_leaves_short_words_untouched(void **state)
{
    (void)state;
    assert_stem("is", "is");
    assert_stem("ies", "ies");
    assert_stem("bed", "bed");
    assert_stem("ing", "ing");
    assert_stem("gas", "gas");
    assert_stem("bring", "bring"); /* "ing" only stripped from longer words */
}

/* ---- words_each ---- */

static void test_each_skips_stop_words_and_lowercases(void **state)
{
    (void)state;
    assert_words("What is the Global Interpreter Lock?", "global interpreter lock");
}

static void test_each_stems_words(void **state)
{
    (void)state;
    assert_words("Classes inherited from libraries", "class inherit library");
}

static void test_each_splits_on_punctuation(void **state)
{
    (void)state;
    assert_words("data-types,lists;tuples/sets", "data type list tuple set");
    assert_words("Python\xE2\x80\x99s \xE2\x80\x9Cgenerators\xE2\x80\x9D", "python generator");
}

static void test_each_counts_code_as_words_and_skips_markers(void **state)
{
    (void)state;
    assert_words("use " ON "enumerate" OFF " with " ON "zip" OFF, "use enumerate zip");
    assert_words(ON "__init__" OFF " method", "__init__ method");
}

static void test_each_drops_single_chars_and_pure_digits(void **state)
{
    (void)state;
    assert_words("x y 42 2020 go py3 3d", "go py3 3d");
}

static void test_each_keeps_non_ascii_letters(void **state)
{
    (void)state;
    assert_words("Caf\xC3\xA9 na\xC3\xAFve", "caf\xC3\xA9 na\xC3\xAFve");
}

static void test_each_of_empty_or_stop_only_text_gives_nothing(void **state)
{
    (void)state;
    assert_words("", "");
    assert_words("what is the", "");
    assert_words("?! ... ---", "");
}

/* ---- vocabulary ---- */

static void test_vocab_ids_are_stable_and_dense(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    assert_int_equal(vocab_size(v), 0);
    uint32_t a = vocab_intern(v, "alpha", 5);
    uint32_t b = vocab_intern(v, "beta", 4);
    assert_int_not_equal(a, b);
    assert_int_equal(vocab_intern(v, "alpha", 5), a);
    assert_int_equal(vocab_intern(v, "beta", 4), b);
    assert_int_equal(vocab_size(v), 2);
    assert_true(a < 2 && b < 2);
}

static void test_vocab_find_does_not_add(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    uint32_t a = vocab_intern(v, "alpha", 5);
    assert_int_equal(vocab_find(v, "alpha", 5), a);
    assert_int_equal(vocab_find(v, "gamma", 5), UINT32_MAX);
    assert_int_equal(vocab_find(v, "alp", 3), UINT32_MAX);
    assert_int_equal(vocab_size(v), 1);
}

static void test_vocab_keeps_ids_across_growth(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    enum { N = 5000 };
    char word[16];
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(word, sizeof word, "w%u", i);
        assert_int_equal(vocab_intern(v, word, (size_t)n), i);
    }
    assert_int_equal(vocab_size(v), N);
    for (unsigned i = 0; i < N; i++) {
        int n = snprintf(word, sizeof word, "w%u", i);
        assert_int_equal(vocab_find(v, word, (size_t)n), i);
    }
}

/* ---- words_ids: words as written, cached by their key ---- */

/* Ids of the content words of text, joined as "1 2 3". */
static void ids_of(Vocab *v, const char *text, char *out, size_t cap)
{
    uint32_t *ids = NULL;
    size_t n = 0, have = 0;
    words_ids(v, text, strlen(text), &ids, &n, &have);
    size_t w = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && w + 12 < cap; i++)
        w += (size_t)snprintf(out + w, cap - w, i ? " %u" : "%u", ids[i]);
    free(ids);
}

static void test_ids_meet_whatever_the_case_and_keep_underscores(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    char got[256];
    /* "Self", "SELF" and "self" are one word; "my_var" is not "myvar"
     * (key form turns '_' into 0x7F, no letter's). */
    ids_of(v, "Self SELF self my_var myvar MY_VAR my" ON "var" OFF, got, sizeof got);
    assert_string_equal(got, "0 0 0 1 2 1 3");
    assert_int_equal(vocab_find(v, "my_var", 6), 1);
    assert_int_equal(vocab_find(v, "myvar", 5), 2);
}

static void test_ids_tell_long_words_apart_past_eight_bytes(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    char got[256];
    ids_of(v, "internationalisation internationalization Internationalisation", got,
           sizeof got);
    assert_string_equal(got, "0 1 0");
    /* A run longer than 64 bytes counts as its first 64. */
    char longer[200];
    memset(longer, 'q', 100);
    longer[100] = ' ';
    memset(longer + 101, 'Q', 64);
    longer[165] = '\0';
    ids_of(v, longer, got, sizeof got);
    assert_string_equal(got, "2 2");
}

/* Words of 8, 9, 16 and 17 bytes sharing their first 8 or 16 (the cache
 * keys words of up to 16 bytes by two chunks, longer ones apart), in any
 * case, at the start of a text and where fewer than 16 bytes follow. */
static void test_ids_tell_words_apart_at_the_chunk_lengths(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    char got[256];
    ids_of(v,
           "abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq abcdefghijklmno "
           "ABCDEFGHI AbcdefghijklmnoP abcdefghijklmnopQ abcdefgh",
           got, sizeof got);
    assert_string_equal(got, "0 1 2 3 4 1 2 3 0");
    ids_of(v, "abcdefghijklmnop", got, sizeof got);
    assert_string_equal(got, "2");
    ids_of(v, "x abcdefghi", got, sizeof got);
    assert_string_equal(got, "1");
    assert_int_equal(vocab_find(v, "abcdefghijklmnopq", 17), 3);
}

static void test_ids_of_words_at_the_very_end_of_a_text(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    char got[256];
    /* Words ending exactly at the end of the buffer, shorter than eight
     * bytes: read without going past it (ASan would tell). */
    char *text = malloc(5);
    assert_non_null(text);
    memcpy(text, "ab cd", 5);
    uint32_t *ids = NULL;
    size_t n = 0, have = 0;
    words_ids(v, text, 5, &ids, &n, &have);
    free(text);
    assert_int_equal(n, 2);
    assert_int_equal(ids[0], 0);
    assert_int_equal(ids[1], 1);
    free(ids);
    ids_of(v, "Caf\xC3\xA9 caf\xC3\xA9 ab", got, sizeof got);
    assert_string_equal(got, "2 2 0");
}

static void test_ids_stay_the_same_as_the_cache_grows(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    enum { N = 3000 };
    StrBuf text = {0};
    char word[32];
    for (unsigned i = 0; i < N; i++) {
        snprintf(word, sizeof word, "Term%uX ", i);
        strbuf_puts(&text, word);
    }
    uint32_t *ids = NULL;
    size_t n = 0, have = 0;
    words_ids(v, strbuf_str(&text), text.len, &ids, &n, &have);
    /* The same words again, lower case: the ids of the first pass. */
    for (size_t i = 0; i < text.len; i++)
        text.data[i] = (char)tolower((unsigned char)text.data[i]);
    words_ids(v, strbuf_str(&text), text.len, &ids, &n, &have);
    strbuf_free(&text);
    int same = n == 2 * N;
    for (size_t i = 0; same && i < N; i++)
        same = ids[i] == i && ids[N + i] == i;
    free(ids);
    assert_true(same);
}

/* ---- term vectors ---- */

static void test_termvec_counts_repeated_words(void **state)
{
    Fixture *f = *state;
    const char *text = "list list tuple lists dict";
    f->a = termvec_from_text(f->v, text, strlen(text));
    assert_int_equal(f->a.count, 3);
    assert_float_equal(weight_of(&f->a, f->v, "list"), 3.0f, 1e-6);
    assert_float_equal(weight_of(&f->a, f->v, "tuple"), 1.0f, 1e-6);
    assert_float_equal(weight_of(&f->a, f->v, "dict"), 1.0f, 1e-6);
    assert_int_equal(vocab_size(f->v), 3);
}

static void test_termvec_ids_are_sorted(void **state)
{
    Fixture *f = *state;
    vocab_intern(f->v, "zebra", 5); /* id 0 */
    vocab_intern(f->v, "apple", 5); /* id 1 */
    const char *text = "apple mango zebra apple";
    f->a = termvec_from_text(f->v, text, strlen(text));
    assert_int_equal(f->a.count, 3);
    for (uint32_t i = 1; i < f->a.count; i++)
        assert_true(f->a.ids[i - 1] < f->a.ids[i]);
}

/* Terms "w0", "w1"... as ids 0 .. count - 1 of a fresh vocabulary. */
static void intern_numbered_terms(Vocab *v, unsigned count)
{
    char word[16];
    for (unsigned t = 0; t < count; t++) {
        snprintf(word, sizeof word, "w%u", t);
        assert_int_equal(vocab_intern(v, word, strlen(word)), t);
    }
}

/* vocab_count_terms against counting done here: random sequences with 0
 * to 150 distinct ids (sorted by ranking up to 64, by qsort past it),
 * repeats and ids up to 999 in any order. */
static void test_count_terms_matches_a_plain_count(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    enum { TERMS = 1000, MAX = 400 };
    intern_numbered_terms(v, TERMS);
    uint64_t rng = 0x9E3779B97F4A7C15ull;
    uint32_t ids[MAX], out_ids[MAX], pool[160];
    float out_counts[MAX];
    unsigned want[TERMS];
    for (int round = 0; round < 3000; round++) {
        /* A pool of distinct ids, then a sequence drawn from it. */
        uint32_t distinct = (uint32_t)random_below(&rng, 151);
        uint32_t have = 0;
        while (have < distinct) {
            uint32_t id = (uint32_t)random_below(&rng, TERMS), dup = 0;
            for (uint32_t k = 0; k < have; k++)
                dup |= pool[k] == id;
            if (!dup)
                pool[have++] = id;
        }
        size_t n = distinct ? distinct + random_below(&rng, MAX - distinct + 1) : 0;
        memset(want, 0, sizeof want);
        for (size_t k = 0; k < n; k++) {
            ids[k] = k < distinct ? pool[k] : pool[random_below(&rng, distinct)];
            want[ids[k]]++;
        }
        uint32_t count = vocab_count_terms(v, ids, n, out_ids, out_counts);
        int ok = count == distinct;
        for (uint32_t k = 0, t = 0; ok && t < TERMS; t++) {
            if (!want[t])
                continue;
            ok = out_ids[k] == t && out_counts[k] == (float)want[t];
            k++;
        }
        if (!ok)
            print_message("round %d: %u distinct ids, %zu in all\n", round, distinct, n);
        assert_true(ok);
    }
}

static void test_termvec_of_text_without_content_words_is_empty(void **state)
{
    Fixture *f = *state;
    const char *text = "What is the 1 of it?";
    f->a = termvec_from_text(f->v, text, strlen(text));
    assert_int_equal(f->a.count, 0);
    assert_int_equal(vocab_size(f->v), 0);
}

static void test_termvec_add_text_merges_counts(void **state)
{
    Fixture *f = *state;
    const char *a = "python list tuple";
    const char *b = "list dict lists";
    f->a = termvec_from_text(f->v, a, strlen(a));
    termvec_add_text(&f->a, f->v, b, strlen(b));
    assert_int_equal(f->a.count, 4);
    assert_float_equal(weight_of(&f->a, f->v, "python"), 1.0f, 1e-6);
    assert_float_equal(weight_of(&f->a, f->v, "list"), 3.0f, 1e-6);
    assert_float_equal(weight_of(&f->a, f->v, "tuple"), 1.0f, 1e-6);
    assert_float_equal(weight_of(&f->a, f->v, "dict"), 1.0f, 1e-6);
    for (uint32_t i = 1; i < f->a.count; i++)
        assert_true(f->a.ids[i - 1] < f->a.ids[i]);
}

static void test_termvec_add_text_to_empty_vector(void **state)
{
    Fixture *f = *state;
    f->a = termvec_from_text(f->v, "", 0);
    termvec_add_text(&f->a, f->v, "closure closure", 15);
    assert_int_equal(f->a.count, 1);
    assert_float_equal(weight_of(&f->a, f->v, "closure"), 2.0f, 1e-6);
}

static void test_termvec_weight_normalises_to_unit_length(void **state)
{
    Fixture *f = *state;
    const char *text = "generator generator yield iterator lazy evaluation";
    f->a = termvec_from_text(f->v, text, strlen(text));
    float *idf = ones(f);
    idf[vocab_find(f->v, "yield", 5)] = 3.0f;
    termvec_weight(&f->a, idf);
    assert_float_equal(norm2(&f->a), 1.0, 1e-5);
    /* Rarer words weigh more; repeated words more, but sub-linearly. */
    float yield = weight_of(&f->a, f->v, "yield");
    float generator = weight_of(&f->a, f->v, "generator");
    float lazy = weight_of(&f->a, f->v, "lazy");
    assert_true(yield > generator);
    assert_true(generator > lazy);
    assert_true(generator < 2.0f * lazy);
}

/* Placement weighs in two steps (term frequencies while reading, rarity at
 * the end). Both ways give, to the bit, the weights written out here:
 * (1 + ln count) * idf, over the vector's length, for counts of 1 to 97
 * (inside the table of logarithms and past it). */
static void test_termvec_weight_in_two_steps_gives_the_same_bits(void **state)
{
    Fixture *f = *state;
    StrBuf text = {0};
    const char *words[] = {"yield", "generator", "closure", "lambda", "iterator"};
    for (int k = 0; k < 5; k++)
        for (int n = 0; n < 1 + k * 24; n++)
            strbuf_printf(&text, "%s ", words[k]);
    f->a = termvec_from_text(f->v, text.data, text.len);
    f->b = termvec_from_text(f->v, text.data, text.len);
    strbuf_free(&text);
    assert_int_equal(f->a.count, 5);
    float *idf = ones(f);
    idf[vocab_find(f->v, "closure", 7)] = 2.5f;
    idf[vocab_find(f->v, "lambda", 6)] = 0.3f;

    float want[5];
    double norm = 0;
    for (uint32_t i = 0; i < 5; i++) {
        want[i] = (1.0f + words_ln((uint64_t)f->a.weights[i])) * idf[f->a.ids[i]];
        norm += (double)want[i] * want[i];
    }
    float inv = (float)(1.0 / sqrt(norm));
    for (uint32_t i = 0; i < 5; i++)
        want[i] *= inv;

    termvec_weight(&f->a, idf);
    termvec_tf(f->b.weights, f->b.count);
    termvec_weight_tf(&f->b, idf);
    for (uint32_t i = 0; i < 5; i++) {
        assert_memory_equal(&f->a.weights[i], &want[i], sizeof(float));
        assert_memory_equal(&f->b.weights[i], &want[i], sizeof(float));
    }
}

static void test_termvec_dot_of_identical_texts_is_one(void **state)
{
    Fixture *f = *state;
    const char *text = "decorators wrap functions and return functions";
    f->a = termvec_from_text(f->v, text, strlen(text));
    f->b = termvec_from_text(f->v, text, strlen(text));
    float *idf = ones(f);
    termvec_weight(&f->a, idf);
    termvec_weight(&f->b, idf);
    assert_float_equal(termvec_dot(&f->a, &f->b), 1.0f, 1e-5);
}

static void test_termvec_dot_of_disjoint_texts_is_zero(void **state)
{
    Fixture *f = *state;
    const char *x = "decorators wrap functions";
    const char *y = "tuples are immutable sequences";
    f->a = termvec_from_text(f->v, x, strlen(x));
    f->b = termvec_from_text(f->v, y, strlen(y));
    float *idf = ones(f);
    termvec_weight(&f->a, idf);
    termvec_weight(&f->b, idf);
    assert_true(termvec_dot(&f->a, &f->b) == 0.0f);
}

static void test_termvec_dot_of_overlapping_texts_is_between(void **state)
{
    Fixture *f = *state;
    const char *x = "python list comprehension";
    const char *y = "python dict comprehension";
    f->a = termvec_from_text(f->v, x, strlen(x));
    f->b = termvec_from_text(f->v, y, strlen(y));
    float *idf = ones(f);
    termvec_weight(&f->a, idf);
    termvec_weight(&f->b, idf);
    /* Two of three equally weighted words shared: cosine 2/3. */
    assert_float_equal(termvec_dot(&f->a, &f->b), 2.0f / 3.0f, 1e-5);
    assert_float_equal(termvec_dot(&f->a, &f->b), termvec_dot(&f->b, &f->a), 1e-7);
}

/* ---- words_ids (64-byte masks) against words_each ----
 *
 * words_ids finds words through 64-byte masks (SSE2) and hands runs with
 * non-ASCII bytes to the byte scanner words_each uses. For any text, the
 * ids it appends must be, in order, the ids of the words words_each
 * reports (stop words dropped, stemmed, a run of more than 64 ASCII bytes
 * cut to 64, a longer word with non-ASCII letters skipped). Texts are
 * copied into buffers of their exact size so that ASan builds catch a read
 * past the end. */

enum { FOUND_MAX = 512 };

/* The ids (vocab_find) of the words words_each reports. */
typedef struct Found {
    const Vocab *v;
    uint32_t ids[FOUND_MAX];
    size_t n;
} Found;

static void find_word(const char *word, size_t len, void *userdata)
{
    Found *f = userdata;
    if (f->n < FOUND_MAX)
        f->ids[f->n] = vocab_find(f->v, word, len);
    f->n++;
}

static void print_ids(const char *label, const uint32_t *ids, size_t n)
{
    fprintf(stderr, "%s (%zu):", label, n);
    for (size_t i = 0; i < n && i < FOUND_MAX; i++)
        fprintf(stderr, " %d", ids[i] == UINT32_MAX ? -1 : (int)ids[i]);
    fprintf(stderr, "\n");
}

enum { IDS_BEFORE = 3 }; /* ids already in the array before each call */

/* 1: words_ids appends to *ids (after IDS_BEFORE ids it must keep) the
 * ids of the words words_each reports for the same text, in order; prints
 * the text and both sequences when not. *ids stays allocated either way. */
static int ids_match_each(Vocab *v, const char *text, size_t len, uint32_t **ids,
                          size_t *cap)
{
    char *in = malloc(len ? len : 1);
    if (!in)
        return 0;
    if (len)
        memcpy(in, text, len);
    static const uint32_t before[IDS_BEFORE] = {0xDEAD0001u, 0xDEAD0002u, 0xDEAD0003u};
    if (*cap < IDS_BEFORE) {
        uint32_t *grown = realloc(*ids, IDS_BEFORE * sizeof **ids);
        if (!grown) {
            free(in);
            return 0;
        }
        *ids = grown;
        *cap = IDS_BEFORE;
    }
    memcpy(*ids, before, sizeof before);
    size_t count = IDS_BEFORE;
    words_ids(v, in, len, ids, &count, cap);
    Found *found = calloc(1, sizeof *found);
    if (!found) {
        free(in);
        return 0;
    }
    found->v = v;
    words_each(in, len, find_word, found);
    size_t got = count - IDS_BEFORE;
    int same = memcmp(*ids, before, sizeof before) == 0 && got == found->n &&
               found->n <= FOUND_MAX;
    for (size_t i = 0; same && i < got; i++)
        same = (*ids)[IDS_BEFORE + i] == found->ids[i] && found->ids[i] != UINT32_MAX;
    if (!same) {
        print_literal("text", text, len);
        print_ids("words_ids", *ids + IDS_BEFORE, got);
        print_ids("words_each", found->ids, found->n);
        StrBuf words = {0};
        words_each(in, len, join_word, &words);
        print_literal("words_each words", strbuf_str(&words), words.len);
        strbuf_free(&words);
    }
    free(found);
    free(in);
    return same;
}

/* Pieces of random texts: content words, stop words, mixed case, '_' and
 * digits, non-ASCII letters, punctuation and spaces, truncated and invalid
 * UTF-8, code markers and a 70-letter word. */
#define W10 "Wordwordwo"
static const char *const words_pieces[] = {
    "Python", "self", "the", "classes", "x_1", "42", "SELF", "The", "a",
    "\xC3\xA9",                               /* é */
    "na\xC3\xAFve",                           /* naïve */
    "\xE2\x80\x99",                           /* ’ punctuation */
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", /* 日本語 */
    "\xC3",                                   /* truncated é */
    "\xFF",                                   /* never valid */
    "\xE2\x80\x83",                           /* em space */
    " ", "\n", ",", "  ", ON, OFF, "_",
    W10 W10 W10 W10 W10 W10 W10, /* 70 letters */
};
#undef W10

enum { WORDS_PIECES = sizeof words_pieces / sizeof *words_pieces };

/* A random text of exactly `want` bytes from the pieces (random_text.h). */
static size_t random_words_text(uint64_t *rng, char *buf, size_t want)
{
    return random_pieces_text(rng, words_pieces, WORDS_PIECES, buf, want);
}

/* On 2000 random texts of 0..400 bytes (words straddling 64-byte masks,
 * texts ending at every offset), words_ids gives the ids of words_each's
 * words, in order, none added, dropped or moved. */
static void test_ids_match_each_on_random_texts(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    enum { TEXTS = 2000, MAX = 400 };
    uint64_t rng = 0x2545F4914F6CDD1Dull;
    char text[MAX];
    uint32_t *ids = NULL;
    size_t cap = 0;
    for (int t = 0; t < TEXTS; t++) {
        size_t len = random_words_text(&rng, text, random_below(&rng, MAX + 1));
        int same = ids_match_each(v, text, len, &ids, &cap);
        if (!same)
            free(ids);
        assert_true(same);
    }
    free(ids);
}

/* Words placed after 0..140 separator bytes, so that they start and end at
 * every offset of a 64-byte mask: short and long ASCII words (63, 64, 65,
 * 70 bytes), words with non-ASCII letters of up to 64 bytes and past it,
 * followed by nothing, another word or truncated UTF-8. */
static void test_ids_match_each_at_every_offset(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    char q70[71], q62e[65], q63e[66], q64p[64 + 3 + 7 + 1];
    memset(q70, 'q', 70);
    q70[70] = '\0';
    memset(q62e, 'r', 62);
    memcpy(q62e + 62, "\xC3\xA9", 3); /* 64 bytes with é */
    memset(q63e, 's', 63);
    memcpy(q63e + 63, "\xC3\xA9", 3); /* 65 bytes with é: skipped */
    memset(q64p, 't', 64);
    memcpy(q64p + 64, "\xE2\x80\x99" "classes", 11); /* cut at ’ */
    const char *const words[] = {
        "ab", "Python", "self", q70, q70 + 5, q70 + 6, q70 + 7, q62e, q63e, q64p,
        "na\xC3\xAFve", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "x_1", "42", "\xC3\xA9",
    };
    const char *const tails[] = {"", " self", ",classes", "\xC3", "\xE2\x80\x99" "ab",
                                 " \xFF" "cd"};
    const char *const seps[] = {" ", ",", "\xE2\x80\x83"};
    char text[512];
    uint32_t *ids = NULL;
    size_t cap = 0;
    for (size_t s = 0; s < sizeof seps / sizeof *seps; s++) {
        for (size_t pad = 0; pad <= 140; pad++) {
            /* pad bytes of separators (an em space cut short at the end). */
            size_t sl = strlen(seps[s]), len = 0;
            while (len < pad) {
                size_t n = sl < pad - len ? sl : pad - len;
                memcpy(text + len, seps[s], n);
                len += n;
            }
            for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
                for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
                    size_t wl = strlen(words[w]), tl = strlen(tails[t]);
                    memcpy(text + pad, words[w], wl);
                    memcpy(text + pad + wl, tails[t], tl);
                    int same = ids_match_each(v, text, pad + wl + tl, &ids, &cap);
                    if (!same)
                        free(ids);
                    assert_true(same);
                }
            }
        }
    }
    free(ids);
}

/* Texts read in runs, each into a vocabulary of its own, the runs in any
 * order (here: last first) and then taken into one vocabulary in text
 * order, give every word the id one vocabulary reading all the texts in
 * order gives it; and a run's vocabulary, cleared, reads the next run as
 * a new one would. */
static void test_runs_read_apart_and_taken_in_order_give_the_same_ids(void **state)
{
    (void)state;
    enum { TEXTS = 300, RUNS = 6, MAX = 300 };
    static char texts[TEXTS][MAX];
    size_t lens[TEXTS];
    uint64_t rng = 0x1234567887654321ull;
    for (int t = 0; t < TEXTS; t++)
        lens[t] = random_words_text(&rng, texts[t], random_below(&rng, MAX + 1));

    Vocab *whole = vocab_new();
    uint32_t *want = NULL;
    size_t want_n = 0, want_cap = 0;
    size_t ends[TEXTS];
    for (int t = 0; t < TEXTS; t++) {
        words_ids(whole, texts[t], lens[t], &want, &want_n, &want_cap);
        ends[t] = want_n;
    }

    Vocab *runs[RUNS];
    uint32_t *got[RUNS];
    size_t got_n[RUNS], got_cap[RUNS];
    for (int r = RUNS - 1; r >= 0; r--) {
        runs[r] = vocab_new();
        got[r] = NULL;
        got_n[r] = got_cap[r] = 0;
        for (int t = r * TEXTS / RUNS; t < (r + 1) * TEXTS / RUNS; t++)
            words_ids(runs[r], texts[t], lens[t], &got[r], &got_n[r], &got_cap[r]);
    }
    Vocab *taken = vocab_new();
    size_t at = 0;
    for (int r = 0; r < RUNS; r++) {
        uint32_t *ids = malloc((vocab_size(runs[r]) + 1) * sizeof *ids);
        vocab_take(taken, runs[r], ids);
        for (size_t k = 0; k < got_n[r]; k++, at++)
            assert_int_equal(ids[got[r][k]], want[at]);
        free(ids);
        assert_int_equal(at, ends[(r + 1) * TEXTS / RUNS - 1]);
    }
    assert_int_equal(vocab_size(taken), vocab_size(whole));

    /* Cleared, a run's vocabulary starts again from id 0. */
    vocab_clear(runs[0]);
    assert_int_equal(vocab_size(runs[0]), 0);
    Vocab *fresh = vocab_new();
    uint32_t *a = NULL, *b = NULL;
    size_t an = 0, acap = 0, bn = 0, bcap = 0;
    for (int t = TEXTS - 1; t >= TEXTS / 2; t--) {
        words_ids(runs[0], texts[t], lens[t], &a, &an, &acap);
        words_ids(fresh, texts[t], lens[t], &b, &bn, &bcap);
    }
    assert_int_equal(an, bn);
    assert_memory_equal(a, b, an * sizeof *a);
    assert_int_equal(vocab_size(runs[0]), vocab_size(fresh));

    free(a);
    free(b);
    vocab_free(fresh);
    for (int r = 0; r < RUNS; r++) {
        free(got[r]);
        vocab_free(runs[r]);
    }
    vocab_free(taken);
    vocab_free(whole);
    free(want);
}

/* Counting in two steps (the terms in the order first met, then sorted)
 * gives what vocab_count_terms gives, above and below the 64 terms where
 * the sort changes method. */
static void test_tally_then_sort_is_count_terms(void **state)
{
    Vocab *v = ((Fixture *)*state)->v;
    enum { TERMS = 500, MAX = 600 };
    intern_numbered_terms(v, TERMS);
    uint64_t rng = 0xC0FFEE12345678ull;
    uint32_t ids[MAX], want_ids[MAX], got_ids[MAX];
    float want_counts[MAX], got_counts[MAX];
    for (int round = 0; round < 500; round++) {
        size_t n = random_below(&rng, MAX + 1);
        size_t spread = 1 + random_below(&rng, round % 2 ? 60 : TERMS);
        for (size_t k = 0; k < n; k++)
            ids[k] = (uint32_t)((spread * 7 + random_below(&rng, spread)) % TERMS);
        uint32_t want = vocab_count_terms(v, ids, n, want_ids, want_counts);
        uint32_t got = vocab_tally_terms(v, ids, n, got_ids, got_counts);
        assert_int_equal(got, want);
        for (uint32_t k = 1; k < got; k++) /* first met: no order to speak of */
            assert_true(got_ids[k] != got_ids[k - 1]);
        words_sort_terms(got_ids, got_counts, got);
        assert_memory_equal(got_ids, want_ids, want * sizeof *got_ids);
        assert_memory_equal(got_counts, want_counts, want * sizeof *got_counts);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_words_are_recognised),
        cmocka_unit_test(test_runs_read_apart_and_taken_in_order_give_the_same_ids),
        cmocka_unit_test_setup_teardown(test_tally_then_sort_is_count_terms, setup, teardown),
        cmocka_unit_test(test_content_words_are_not_stop_words),
        cmocka_unit_test(test_stop_words_respect_len),
        cmocka_unit_test(test_stem_plural_es_and_ies),
        cmocka_unit_test(test_stem_plain_plural),
        cmocka_unit_test(test_stem_keeps_words_ending_in_ss_us_is),
        cmocka_unit_test(test_stem_ed_and_ing),
        cmocka_unit_test(test_stem_leaves_short_words_untouched),
        cmocka_unit_test(test_each_skips_stop_words_and_lowercases),
        cmocka_unit_test(test_each_stems_words),
        cmocka_unit_test(test_each_splits_on_punctuation),
        cmocka_unit_test(test_each_counts_code_as_words_and_skips_markers),
        cmocka_unit_test(test_each_drops_single_chars_and_pure_digits),
        cmocka_unit_test(test_each_keeps_non_ascii_letters),
        cmocka_unit_test(test_each_of_empty_or_stop_only_text_gives_nothing),
        cmocka_unit_test_setup_teardown(test_vocab_ids_are_stable_and_dense, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vocab_find_does_not_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vocab_keeps_ids_across_growth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_meet_whatever_the_case_and_keep_underscores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_tell_long_words_apart_past_eight_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_tell_words_apart_at_the_chunk_lengths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_of_words_at_the_very_end_of_a_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_stay_the_same_as_the_cache_grows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_match_each_on_random_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ids_match_each_at_every_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_counts_repeated_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_ids_are_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_terms_matches_a_plain_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_of_text_without_content_words_is_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_add_text_merges_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_add_text_to_empty_vector, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_weight_normalises_to_unit_length, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_weight_in_two_steps_gives_the_same_bits,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_dot_of_identical_texts_is_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_dot_of_disjoint_texts_is_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_termvec_dot_of_overlapping_texts_is_between, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
