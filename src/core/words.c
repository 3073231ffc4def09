/* words.c - content words, vocabulary and word vectors (see words.h). */
#include "words.h"
#include "simd.h"
#include "hash.h"
#include "arena.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

static const char *const words_stop_list[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "e", "each", "eg", "etc", "few", "for", "from",
    "further", "g", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "ie", "if", "in", "into", "is", "it", "its", "itself",
    "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on",
    "once", "one", "only", "or", "other", "our", "out", "over", "own", "s", "same",
    "she", "should", "so", "some", "such", "t", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "us", "very", "was", "way", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your"};

/* The stop list as an open-addressing set, built on first use: one hash
 * and at most a few short compares per word. */
enum { WORDS_STOP_SLOTS = 512 };

static uint32_t words_stop_hash(const char *w, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

/* The lazily built tables below are filled once (pthread_once): placement
 * reads words on whichever thread would otherwise wait. */
static const char *words_stop_slots[WORDS_STOP_SLOTS];
static pthread_once_t words_stop_once = PTHREAD_ONCE_INIT;

static void words_stop_fill(void)
{
    for (size_t i = 0; i < sizeof words_stop_list / sizeof *words_stop_list; i++) {
        const char *w = words_stop_list[i];
        uint32_t h = words_stop_hash(w, strlen(w)) & (WORDS_STOP_SLOTS - 1);
        while (words_stop_slots[h])
            h = (h + 1) & (WORDS_STOP_SLOTS - 1);
        words_stop_slots[h] = w;
    }
}

static const char *const *words_stop_set(void)
{
    pthread_once(&words_stop_once, words_stop_fill);
    return words_stop_slots;
}

int words_is_stop(const char *w, size_t len)
{
    if (len == 0 || len > 8)
        return 0;
    const char *const *slots = words_stop_set();
    for (uint32_t h = words_stop_hash(w, len) & (WORDS_STOP_SLOTS - 1); slots[h];
         h = (h + 1) & (WORDS_STOP_SLOTS - 1))
        if (strncmp(slots[h], w, len) == 0 && slots[h][len] == '\0')
            return 1;
    return 0;
}

static int words_ends(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len > n && memcmp(w + len - n, suffix, n) == 0;
}

size_t words_stem(char *w, size_t len)
{
    if (len <= 3)
        return len;
    if (words_ends(w, len, "ies") && len > 4) {
        w[len - 3] = 'y';
        return len - 2;
    }
    if (words_ends(w, len, "sses"))
        return len - 2;
    if (words_ends(w, len, "ches") || words_ends(w, len, "shes") ||
        words_ends(w, len, "xes") || words_ends(w, len, "zes"))
        return len - 2;
    if (w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' && w[len - 2] != 'i')
        len--;
    if (len > 6 && (words_ends(w, len, "ance") || words_ends(w, len, "ence")))
        return len - 4;
    if (len > 5 && words_ends(w, len, "ing"))
        return len - 3;
    if (len > 4 && words_ends(w, len, "ed"))
        return len - 2;
    return len;
}

/* What each byte is to the word scanner. */
enum { WORDS_SEP = 0, WORDS_HIGH = 1 }; /* else: an ASCII word byte, lower-cased */

/* Bytes that belong to words: ASCII letters, digits and '_' as themselves
 * lower-cased, bytes of multi-byte characters WORDS_HIGH, the rest
 * WORDS_SEP. */
static unsigned char words_byte_table[256];
static pthread_once_t words_byte_once = PTHREAD_ONCE_INIT;

static void words_byte_fill(void)
{
    for (int c = 0; c < 256; c++)
        words_byte_table[c] =
            c >= 0x80 ? WORDS_HIGH
                      : (unsigned char)(isalnum(c) || c == '_' ? tolower(c) : WORDS_SEP);
}

static const unsigned char *words_table(void)
{
    pthread_once(&words_byte_once, words_byte_fill);
    return words_byte_table;
}

enum { WORDS_MAX = 64, WORDS_CHUNKS = WORDS_MAX / 8 }; /* bytes of the longest word kept */

/* A word as the scanner hands it over: its bytes in "key form", eight to
 * a chunk, the last chunk padded with zeros. Key form is the lower-case
 * word with every ASCII byte OR 0x20, which is the same byte for letters
 * and digits and 0x7F for '_': the same for "Self" and "self", and made
 * straight from the source by one OR per chunk, with no per-byte work. */
typedef struct WordKey {
    uint64_t chunk[WORDS_CHUNKS + 1];
    size_t len;
    uint64_t hash;
} WordKey;

static inline uint64_t words_mix(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

/* Up to eight bytes at p (avail of them readable), in key form, the bytes
 * past n (n <= 8) zero. */
static inline uint64_t words_chunk(const char *p, size_t n, size_t avail)
{
    uint64_t c = 0;
    if (avail >= 8)
        memcpy(&c, p, 8);
    else
        for (size_t i = 0; i < avail; i++)
            c |= (uint64_t)(unsigned char)p[i] << (i * 8);
    c |= (~c & 0x8080808080808080ull) >> 2; /* ASCII bytes OR 0x20 */
    return n < 8 ? c & ((1ull << (n * 8)) - 1) : c;
}

/* Fills k with the n bytes at p (avail readable from p), in key form. */
static inline void words_key(WordKey *k, const char *p, size_t n, size_t avail)
{
    uint64_t h = 0x9E3779B97F4A7C15ull;
    size_t c = 0;
    for (size_t at = 0; at < n; at += 8, c++) {
        k->chunk[c] = words_chunk(p + at, n - at, avail - at);
        h = words_mix(h, k->chunk[c]);
    }
    k->len = n;
    k->hash = words_mix(h, n);
}

/* The lower-case word of a key, in word (room for WORDS_MAX bytes). */
static void words_unkey(const WordKey *k, char *word)
{
    memcpy(word, k->chunk, k->len);
    for (size_t i = 0; i < k->len; i++)
        if (word[i] == 0x7F)
            word[i] = '_';
}

/* A word with a multi-byte character, from start: the run of word bytes
 * (ASCII as in words_table, non-ASCII letters as they are) lower-cased
 * into word. A run longer than WORDS_MAX is cut to WORDS_MAX bytes when
 * its non-ASCII letters all fit before the cut, else the length returned
 * is over WORDS_MAX and the caller skips the word.
 * *at is moved past it; *alpha says whether it has a byte that is not a
 * digit. */
static size_t words_wide(const char *text, size_t len, size_t *at, char *word, int *alpha)
{
    const unsigned char *table = words_table();
    size_t i = *at, n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            unsigned char k = table[c];
            if (k == WORDS_SEP)
                break;
            if (n < WORDS_MAX)
                word[n++] = (char)k;
            *alpha |= k > '9';
            i++;
        } else {
            uint32_t cp;
            size_t k = utf8_decode(text + i, len - i, &cp);
            if (k == 0 || text_is_punct(cp) || text_is_space(cp))
                break;
            if (n + k <= WORDS_MAX)
                memcpy(word + n, text + i, k);
            n += k;
            *alpha = 1;
            i += k;
        }
    }
    *at = i;
    return n;
}

/* The next word of text at or after *at, in k: at least 2 bytes and not
 * only digits (ASCII letters, digits, '_' and non-ASCII letters). Returns
 * its length, or 0 at the end of text. Pure ASCII words, nearly all of
 * them, are found by one table look-up per byte and keyed straight from
 * the text. */
static size_t words_next_bytes(const unsigned char *table, const char *text, size_t len,
                               size_t *at, WordKey *k)
{
    size_t i = *at;
    while (i < len) {
        if (table[(unsigned char)text[i]] == WORDS_SEP) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && table[(unsigned char)text[i]] > WORDS_HIGH)
            i++;
        /* Not only digits: a word starting with a letter or '_' is not. */
        int alpha = (unsigned char)text[start] > '9';
        for (size_t j = start + 1; j < i && !alpha; j++)
            alpha = (unsigned char)text[j] > '9';
        if (i < len && table[(unsigned char)text[i]] == WORDS_HIGH) {
            char word[WORDS_MAX + 8];
            i = start;
            size_t n = words_wide(text, len, &i, word, &alpha);
            if (i == start) { /* a character that is no letter */
                i++;
                continue;
            }
            if (n >= 2 && n <= WORDS_MAX && alpha) {
                words_key(k, word, n, n);
                *at = i;
                return n;
            }
            continue;
        }
        size_t n = i - start < WORDS_MAX ? i - start : WORDS_MAX;
        if (n >= 2 && alpha) {
            words_key(k, text + start, n, len - start);
            *at = i;
            return n;
        }
    }
    *at = i;
    return 0;
}

/* Bit j of the result is set when text[base + j] is a word byte (ASCII
 * letter, digit or '_', or any byte >= 0x80), bit j of *high when it is a
 * byte >= 0x80, bit j of *alpha when it is an ASCII letter or '_' (a word
 * byte that is no digit); for the 64 bytes from base, those past len
 * separators. */
static inline uint64_t words_mask64(const unsigned char *table, const char *text, size_t len,
                                    size_t base, uint64_t *high, uint64_t *alpha)
{
    uint64_t m = 0, h = 0, a = 0;
#if QA_SSE2
    (void)table;
    /* The last bytes are copied after zeros, which are separators. */
    char tail[64];
    const char *p = text + base;
    if (base + 64 > len) {
        memset(tail, 0, sizeof tail);
        memcpy(tail, p, len - base);
        p = tail;
    }
    for (unsigned q = 0; q < 4; q++) {
        __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + q * 16));
        __m128i lower = _mm_or_si128(c, _mm_set1_epi8(0x20));
        /* Signed compares: bytes >= 0x80 are negative, in none of these. */
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                       _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(c, _mm_set1_epi8('9' + 1)));
        __m128i named = _mm_or_si128(letter, _mm_cmpeq_epi8(c, _mm_set1_epi8('_')));
        uint64_t hq = (uint64_t)(unsigned)_mm_movemask_epi8(c);
        uint64_t aq = (uint64_t)(unsigned)_mm_movemask_epi8(named);
        h |= hq << (q * 16);
        a |= aq << (q * 16);
        m |= (aq | (uint64_t)(unsigned)_mm_movemask_epi8(digit) | hq) << (q * 16);
    }
#else
    size_t end = len - base < 64 ? len - base : 64;
    for (size_t j = 0; j < end; j++) {
        unsigned char c = (unsigned char)text[base + j], k = table[c];
        m |= (uint64_t)(k != WORDS_SEP) << j;
        h |= (uint64_t)(c >> 7) << j;
        a |= (uint64_t)(k > '9') << j;
    }
#endif
    *high = h;
    *alpha = a;
    return m;
}

static inline unsigned words_ctz(uint64_t m)
{
    return (unsigned)__builtin_ctzll(m);
}

/* Calls fn with each raw word of text; stop words and stems are the
 * caller's business. */
static void words_scan(const char *text, size_t len, WordsFn fn, void *userdata)
{
    const unsigned char *table = words_table();
    WordKey k;
    char word[WORDS_MAX];
    size_t i = 0, n;
    while ((n = words_next_bytes(table, text, len, &i, &k)) > 0) {
        words_unkey(&k, word);
        fn(word, n, userdata);
    }
}

typedef struct WordsEach {
    WordsFn fn;
    void *userdata;
} WordsEach;

static void words_each_raw(const char *w, size_t len, void *userdata)
{
    WordsEach *e = userdata;
    if (words_is_stop(w, len))
        return;
    char stem[64];
    memcpy(stem, w, len);
    e->fn(stem, words_stem(stem, len), e->userdata);
}

void words_each(const char *text, size_t len, WordsFn fn, void *userdata)
{
    WordsEach e = {fn, userdata};
    words_scan(text, len, words_each_raw, &e);
}

/* ---- vocabulary: open addressing on FNV-1a hashes ---- */

/* An open-addressing table from keys to ids, for both tables below; each
 * has its own look-up (the keys differ), the growing is shared. */
typedef struct Slot {
    const void *key; /* terms: the word's bytes; raw: its WordKey chunks. NULL: free */
    uint32_t len;    /* of the word, in bytes */
    uint32_t id;
    uint64_t hash;
} Slot;

typedef struct SlotTable {
    Slot *slots;
    size_t cap;   /* power of two */
    size_t count;
} SlotTable;

/* The cache of words as written, for words of up to 16 bytes (nearly all
 * of them): the key form's two chunks are the key and sit in the slot, so
 * a look-up reads one slot and compares two numbers. Key-form bytes are
 * never zero and the chunks are zero-padded, so the two chunks alone tell
 * words of different lengths apart. */
enum { WORDS_SHORT = 16 };

typedef struct ShortSlot {
    uint64_t c0, c1; /* c0 0: free (a word has at least two bytes) */
    uint64_t id;     /* term id, UINT32_MAX for a stop word */
} ShortSlot;

typedef struct ShortTable {
    ShortSlot *slots;
    size_t count;
    unsigned bits;   /* 1 << bits slots */
} ShortTable;

struct Vocab {
    Arena arena;
    SlotTable terms; /* stemmed content words -> term id */
    Slot *by_id;     /* the terms again, by id (vocab_take) */
    size_t by_id_cap;
    ShortTable short_raw; /* words as written (key form) -> term id, UINT32_MAX
                             for stop words: most words repeat, so each is
                             stemmed once... */
    SlotTable raw;   /* ...and the same for longer words (WordKey chunks) */
    /* Scratch for vocab_tally_terms, indexed by term id. */
    uint32_t *mark;  /* the call that last saw the term */
    uint32_t *tally; /* its count in that call */
    size_t scratch_cap;
    uint32_t call;
};

static uint64_t words_hash(const char *s, size_t len)
{
    return hash_bytes(HASH_SEED, s, len);
}

static void table_init(SlotTable *t)
{
    t->cap = 1024;
    t->count = 0;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
}

/* Doubles the table when one more key would fill it past half. Returns
 * whether it did (slots found before are then stale). */
static int table_make_room(SlotTable *t)
{
    if ((t->count + 1) * 2 <= t->cap)
        return 0;
    Slot *old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key)
            continue;
        /* Keys are distinct: each goes to the first free slot of its probe. */
        size_t j = (size_t)old[i].hash & (t->cap - 1);
        while (t->slots[j].key)
            j = (j + 1) & (t->cap - 1);
        t->slots[j] = old[i];
    }
    free(old);
    return 1;
}

static Slot *table_slot(const SlotTable *t, const char *w, size_t len, uint64_t h)
{
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        Slot *s = &t->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, w, len) == 0))
            return s;
    }
}

static void short_init(ShortTable *t, unsigned bits)
{
    t->bits = bits;
    t->count = 0;
    t->slots = xcalloc((size_t)1 << bits, sizeof *t->slots);
}

/* Where the probe for a key starts: the top bits of a multiplicative
 * hash, which every bit of both chunks reaches. */
static inline size_t short_home(const ShortTable *t, uint64_t c0, uint64_t c1)
{
    uint64_t h = (c0 ^ (c1 * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> (64 - t->bits));
}

/* The slot of a key: its own, or the free one where it would go. */
static inline ShortSlot *short_slot(const ShortTable *t, uint64_t c0, uint64_t c1)
{
    size_t mask = ((size_t)1 << t->bits) - 1;
    for (size_t i = short_home(t, c0, c1);; i = (i + 1) & mask) {
        ShortSlot *s = &t->slots[i];
        if ((s->c0 == c0 && s->c1 == c1) || s->c0 == 0)
            return s;
    }
}

/* Doubles the table when one more key would fill it past half. Returns
 * whether it did. */
static int short_make_room(ShortTable *t)
{
    if ((t->count + 1) * 2 <= (size_t)1 << t->bits)
        return 0;
    ShortTable old = *t;
    short_init(t, old.bits + 1);
    t->count = old.count;
    for (size_t i = 0; i < (size_t)1 << old.bits; i++)
        if (old.slots[i].c0)
            *short_slot(t, old.slots[i].c0, old.slots[i].c1) = old.slots[i];
    free(old.slots);
    return 1;
}

Vocab *vocab_new(void)
{
    Vocab *v = xcalloc(1, sizeof *v);
    table_init(&v->terms);
    short_init(&v->short_raw, 11);
    table_init(&v->raw);
    return v;
}

void vocab_free(Vocab *v)
{
    if (!v)
        return;
    free(v->terms.slots);
    free(v->by_id);
    free(v->short_raw.slots);
    free(v->raw.slots);
    free(v->mark);
    free(v->tally);
    arena_free(&v->arena);
    free(v);
}

/* vocab_intern with the word's hash worked out already. */
static uint32_t vocab_intern_hashed(Vocab *v, const char *word, size_t len, uint64_t h)
{
    table_make_room(&v->terms);
    Slot *s = table_slot(&v->terms, word, len, h);
    if (!s->key) {
        s->key = arena_strndup(&v->arena, word, len);
        s->len = (uint32_t)len;
        s->hash = h;
        s->id = (uint32_t)v->terms.count++;
        v->by_id = xgrow(v->by_id, &v->by_id_cap, v->terms.count, sizeof *v->by_id);
        v->by_id[s->id] = *s;
    }
    return s->id;
}

uint32_t vocab_intern(Vocab *v, const char *word, size_t len)
{
    return vocab_intern_hashed(v, word, len, words_hash(word, len));
}

void vocab_clear(Vocab *v)
{
    memset(v->terms.slots, 0, v->terms.cap * sizeof *v->terms.slots);
    v->terms.count = 0;
    memset(v->raw.slots, 0, v->raw.cap * sizeof *v->raw.slots);
    v->raw.count = 0;
    memset(v->short_raw.slots, 0, ((size_t)1 << v->short_raw.bits) * sizeof *v->short_raw.slots);
    v->short_raw.count = 0;
    arena_reset(&v->arena);
}

void vocab_take(Vocab *v, const Vocab *from, uint32_t *ids)
{
    for (size_t i = 0; i < from->terms.count; i++) {
        const Slot *t = &from->by_id[i];
        ids[i] = vocab_intern_hashed(v, t->key, t->len, t->hash);
    }
}

uint32_t vocab_find(const Vocab *v, const char *word, size_t len)
{
    Slot *s = table_slot(&v->terms, word, len, words_hash(word, len));
    return s->key ? s->id : UINT32_MAX;
}

size_t vocab_size(const Vocab *v)
{
    return v->terms.count;
}

/* ---- term vectors ---- */

/* The slot of a word as written: a whole-chunk compare, no memcmp call. */
static Slot *raw_slot(const SlotTable *t, const WordKey *k)
{
    size_t mask = t->cap - 1, chunks = (k->len + 7) / 8;
    for (size_t i = (size_t)k->hash & mask;; i = (i + 1) & mask) {
        Slot *s = &t->slots[i];
        if (!s->key)
            return s;
        if (s->hash != k->hash || s->len != k->len)
            continue;
        const uint64_t *chunk = s->key;
        size_t c = 0;
        while (c < chunks && chunk[c] == k->chunk[c])
            c++;
        if (c == chunks)
            return s;
    }
}

/* The term id of a new word as written: UINT32_MAX for a stop word, else
 * the id of its stem. */
static uint32_t words_new_id(Vocab *v, const WordKey *k)
{
    char word[WORDS_MAX];
    words_unkey(k, word);
    if (words_is_stop(word, k->len))
        return UINT32_MAX;
    return vocab_intern(v, word, words_stem(word, k->len));
}

/* words_short_id past its first probe: further probes, and a word seen
 * for the first time. Kept out of line, so that the words that hit at
 * once (nearly all) run through a few instructions. */
static uint32_t words_short_miss(Vocab *v, uint64_t c0, uint64_t c1, size_t len)
{
    ShortSlot *s = short_slot(&v->short_raw, c0, c1);
    if (s->c0)
        return (uint32_t)s->id;
    WordKey k = {{c0, c1}, len, 0};
    uint32_t id = words_new_id(v, &k);
    if (short_make_room(&v->short_raw))
        s = short_slot(&v->short_raw, c0, c1);
    s->c0 = c0;
    s->c1 = c1;
    s->id = id;
    v->short_raw.count++;
    return id;
}

/* The term id of a word of up to WORDS_SHORT bytes in key form (c1 is 0
 * for up to 8 bytes), from the cache or worked out the first time. */
static inline uint32_t words_short_id(Vocab *v, uint64_t c0, uint64_t c1, size_t len)
{
    const ShortSlot *s = &v->short_raw.slots[short_home(&v->short_raw, c0, c1)];
    if (s->c0 == c0 && s->c1 == c1)
        return (uint32_t)s->id;
    return words_short_miss(v, c0, c1, len);
}

/* The term id of a word as written (UINT32_MAX for a stop word), from the
 * cache or stemmed and interned the first time it is seen. */
static uint32_t words_raw_id(Vocab *v, const WordKey *k)
{
    if (k->len <= WORDS_SHORT)
        return words_short_id(v, k->chunk[0], k->len > 8 ? k->chunk[1] : 0, k->len);
    Slot *s = raw_slot(&v->raw, k);
    if (s->key)
        return s->id;
    if (table_make_room(&v->raw))
        s = raw_slot(&v->raw, k);
    size_t bytes = (k->len + 7) / 8 * sizeof *k->chunk;
    uint64_t *chunk = arena_alloc(&v->arena, bytes);
    memcpy(chunk, k->chunk, bytes);
    s->key = chunk;
    s->len = (uint32_t)k->len;
    s->hash = k->hash;
    s->id = words_new_id(v, k);
    v->raw.count++;
    return s->id;
}

/* For a word of n bytes (n <= 16), the bytes of its two chunks kept:
 * looked up rather than branched on, as word lengths follow no pattern. */
static const uint64_t words_keep[WORDS_SHORT + 1][2] = {
    {0, 0}, {0xFFull, 0}, {0xFFFFull, 0}, {0xFFFFFFull, 0}, {0xFFFFFFFFull, 0},
    {0xFFFFFFFFFFull, 0}, {0xFFFFFFFFFFFFull, 0}, {0xFFFFFFFFFFFFFFull, 0}, {~0ull, 0},
    {~0ull, 0xFFull}, {~0ull, 0xFFFFull}, {~0ull, 0xFFFFFFull}, {~0ull, 0xFFFFFFFFull},
    {~0ull, 0xFFFFFFFFFFull}, {~0ull, 0xFFFFFFFFFFFFull}, {~0ull, 0xFFFFFFFFFFFFFFull},
    {~0ull, ~0ull}};

/* The term id of an ASCII word of 2..WORDS_SHORT bytes at p, with 16
 * bytes readable from p: its key form is the bytes OR 0x20, zero-padded. */
static inline uint32_t words_ascii_id(Vocab *v, const char *p, size_t n)
{
    uint64_t c0, c1;
    memcpy(&c0, p, 8);
    memcpy(&c1, p + 8, 8);
    c0 = (c0 | 0x2020202020202020ull) & words_keep[n][0];
    c1 = (c1 | 0x2020202020202020ull) & words_keep[n][1];
    return words_short_id(v, c0, c1, n);
}

/* The id of an ASCII word of n bytes at text[start] (2 <= n), or
 * UINT32_MAX for a stop word. */
static inline uint32_t words_ascii_word(Vocab *v, const char *text, size_t len, size_t start,
                                        size_t n)
{
    if (n <= WORDS_SHORT) {
        if (len - start >= 16)
            return words_ascii_id(v, text + start, n);
        size_t avail = len - start;
        uint64_t c0 = words_chunk(text + start, n, avail);
        uint64_t c1 = n > 8 ? words_chunk(text + start + 8, n - 8, avail - 8) : 0;
        return words_short_id(v, c0, c1, n);
    }
    WordKey k;
    words_key(&k, text + start, n < WORDS_MAX ? n : WORDS_MAX, len - start);
    return words_raw_id(v, &k);
}

/* Known words (nearly all of them) cost one probe of the raw-word cache.
 * The text is read through masks of 64 bytes: the runs of word bytes are
 * found from where they start and end, a few bit operations each. A run
 * with a byte >= 0x80 in it is read by words_next_bytes, as words_each
 * reads it; a run of ASCII bytes is one word. */
void words_ids(Vocab *v, const char *text, size_t len, uint32_t **ids, size_t *count,
               size_t *cap)
{
    /* A word takes at least two bytes and a separator. */
    *ids = xgrow(*ids, cap, *count + len / 3 + 2, sizeof **ids);
    uint32_t *out = *ids;
    size_t n_out = *count;
    const unsigned char *table = words_table();
    /* A run still open at the end of the block before: where it began,
     * and whether it has a byte >= 0x80 or one that is no digit so far. */
    int open = 0;
    size_t open_start = 0;
    uint64_t open_high = 0, open_alpha = 0;
    for (size_t base = 0; base < len; base += 64) {
        uint64_t high, alpha, m = words_mask64(table, text, len, base, &high, &alpha);
        uint64_t starts = m & ~((m << 1) | (uint64_t)open);
        uint64_t ends = m & ~(m >> 1); /* last bytes of runs (bit 63: maybe not) */
        while (ends) {
            unsigned e = words_ctz(ends);
            ends &= ends - 1;
            uint64_t upto = ~0ull >> (63 - e);
            size_t start;
            uint64_t hi, al;
            if (open) {
                start = open_start;
                hi = open_high | (high & upto);
                al = open_alpha | (alpha & upto);
                open = 0;
            } else {
                unsigned b = words_ctz(starts);
                starts &= starts - 1;
                uint64_t from = ~0ull << b;
                start = base + b;
                hi = high & from & upto;
                al = alpha & from & upto;
            }
            size_t end = base + e + 1;
            if (e == 63 && end < len && table[(unsigned char)text[end]] != WORDS_SEP) {
                /* The run goes on in the next block. */
                open = 1;
                open_start = start;
                open_high = hi;
                open_alpha = al;
                break;
            }
            size_t n = end - start;
            if (hi) {
                /* Words of the run as words_each reads them; nothing it
                 * reads goes past the run's end, an ASCII separator. */
                WordKey k;
                size_t i = start;
                while (words_next_bytes(table, text, end, &i, &k) > 0) {
                    uint32_t id = words_raw_id(v, &k);
                    out[n_out] = id;
                    n_out += id != UINT32_MAX;
                }
            } else if (n >= 2 && al) {
                /* Stop words are a third of all: no branch for them. */
                uint32_t id = words_ascii_word(v, text, len, start, n);
                out[n_out] = id;
                n_out += id != UINT32_MAX;
            }
        }
    }
    *count = n_out;
}

/* How many of the n values at x are smaller than y (the values and y are
 * below 2^31, so signed compares do). x has room for a multiple of four
 * values, the ones past n INT32_MAX. */
static inline uint32_t words_rank(const uint32_t *x, uint32_t n, uint32_t y)
{
#if QA_SSE2
    __m128i key = _mm_set1_epi32((int)y), sum = _mm_setzero_si128();
    for (uint32_t j = 0; j < n; j += 4) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(x + j));
        sum = _mm_sub_epi32(sum, _mm_cmplt_epi32(v, key)); /* -1 where smaller */
    }
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(1, 0, 3, 2)));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, _MM_SHUFFLE(2, 3, 0, 1)));
    return (uint32_t)_mm_cvtsi128_si32(sum);
#else
    uint32_t rank = 0;
    for (uint32_t j = 0; j < n; j++)
        rank += x[j] < y;
    return rank;
#endif
}

enum { WORDS_RANK_MAX = 64 }; /* distinct terms sorted by ranking; more by qsort */

uint32_t vocab_tally_terms(Vocab *v, const uint32_t *ids, size_t n, uint32_t *out_ids,
                           float *out_counts)
{
    size_t terms = v->terms.count;
    if (terms > v->scratch_cap) {
        size_t old = v->scratch_cap;
        v->mark = xgrow(v->mark, &v->scratch_cap, terms, sizeof *v->mark);
        v->tally = xrealloc(v->tally, v->scratch_cap * sizeof *v->tally);
        memset(v->mark + old, 0, (v->scratch_cap - old) * sizeof *v->mark);
        memset(v->tally + old, 0, (v->scratch_cap - old) * sizeof *v->tally);
    }
    if (++v->call == 0) { /* wrapped: forget every mark */
        memset(v->mark, 0, v->scratch_cap * sizeof *v->mark);
        v->call = 1;
    }
    /* The distinct ids in order of first sight, each with its count,
     * counted by id and then written out as floats (exact). Whether a word
     * is new to the text follows no pattern, so there is no branch on it:
     * every id is written out, and kept by moving on only when new.
     * Through locals: a store to out_ids could be one to v->call. */
    uint32_t count = 0, call = v->call, *mark = v->mark, *tally = v->tally;
    for (size_t k = 0; k < n; k++) {
        uint32_t id = ids[k];
        uint32_t seen = mark[id] == call;
        mark[id] = call;
        tally[id] = (tally[id] & (0u - seen)) + 1;
        out_ids[count] = id;
        count += 1 - seen;
    }
    for (uint32_t i = 0; i < count; i++)
        out_counts[i] = (float)tally[out_ids[i]];
    return count;
}

typedef struct WordsTerm {
    uint32_t id;
    float weight;
} WordsTerm;

static int words_cmp_term(const void *a, const void *b)
{
    uint32_t x = ((const WordsTerm *)a)->id, y = ((const WordsTerm *)b)->id;
    return (x > y) - (x < y);
}

void words_sort_terms(uint32_t *ids, float *weights, uint32_t count)
{
    if (count <= 1)
        return;
    if (count <= WORDS_RANK_MAX) {
        /* The ids are distinct: each goes to the place given by how many
         * are smaller, with no branch to mispredict. */
        uint32_t id_copy[WORDS_RANK_MAX];
        float weight_copy[WORDS_RANK_MAX];
        memcpy(id_copy, ids, count * sizeof *ids);
        memcpy(weight_copy, weights, count * sizeof *weights);
        for (uint32_t k = count; k % 4; k++)
            id_copy[k] = INT32_MAX;
        for (uint32_t k = 0; k < count; k++) {
            uint32_t rank = words_rank(id_copy, count, id_copy[k]);
            ids[rank] = id_copy[k];
            weights[rank] = weight_copy[k];
        }
        return;
    }
    /* Rare: more than the ranking does at little cost. */
    WordsTerm *t = xmalloc(count * sizeof *t);
    for (uint32_t k = 0; k < count; k++)
        t[k] = (WordsTerm){ids[k], weights[k]};
    qsort(t, count, sizeof *t, words_cmp_term);
    for (uint32_t k = 0; k < count; k++) {
        ids[k] = t[k].id;
        weights[k] = t[k].weight;
    }
    free(t);
}

uint32_t vocab_count_terms(Vocab *v, const uint32_t *ids, size_t n, uint32_t *out_ids,
                           float *out_counts)
{
    uint32_t count = vocab_tally_terms(v, ids, n, out_ids, out_counts);
    words_sort_terms(out_ids, out_counts, count);
    return count;
}

/* Term counts of one text, sorted by id. */
static TermVec termvec_count(Vocab *v, const char *text, size_t len)
{
    uint32_t *ids = NULL;
    size_t n = 0, cap = 0;
    words_ids(v, text, len, &ids, &n, &cap);
    TermVec tv = {0};
    tv.ids = xmalloc((n ? n : 1) * sizeof *tv.ids);
    tv.weights = xmalloc((n ? n : 1) * sizeof *tv.weights);
    tv.count = vocab_count_terms(v, ids, n, tv.ids, tv.weights);
    free(ids);
    return tv;
}

void termvec_add_text(TermVec *tv, Vocab *v, const char *text, size_t len)
{
    TermVec add = termvec_count(v, text, len);
    if (tv->count == 0) {
        termvec_free(tv);
        *tv = add;
        return;
    }
    TermVec sum = {0};
    size_t most = (size_t)tv->count + add.count;
    sum.ids = xmalloc(most * sizeof *sum.ids);
    sum.weights = xmalloc(most * sizeof *sum.weights);
    uint32_t i = 0, j = 0;
    while (i < tv->count || j < add.count) {
        if (j >= add.count || (i < tv->count && tv->ids[i] < add.ids[j])) {
            sum.ids[sum.count] = tv->ids[i];
            sum.weights[sum.count++] = tv->weights[i++];
        } else if (i >= tv->count || add.ids[j] < tv->ids[i]) {
            sum.ids[sum.count] = add.ids[j];
            sum.weights[sum.count++] = add.weights[j++];
        } else {
            sum.ids[sum.count] = tv->ids[i];
            sum.weights[sum.count++] = tv->weights[i++] + add.weights[j++];
        }
    }
    termvec_free(tv);
    termvec_free(&add);
    *tv = sum;
}

TermVec termvec_from_text(Vocab *v, const char *text, size_t len)
{
    return termvec_count(v, text, len);
}

void termvec_free(TermVec *tv)
{
    free(tv->ids);
    free(tv->weights);
    tv->ids = NULL;
    tv->weights = NULL;
    tv->count = 0;
}

/* log2(x) in 16.16 fixed point: the integer part from the bit length, the
 * fraction bit by bit by squaring the mantissa (exact integer steps). */
static uint64_t words_log2_q16(uint64_t x)
{
    unsigned int_part = 0;
    while ((x >> int_part) > 1)
        int_part++;
    /* Mantissa in [1, 2) as 2.30 fixed point. */
    uint64_t m = int_part >= 30 ? x >> (int_part - 30) : x << (30 - int_part);
    uint64_t frac = 0;
    for (int bit = 15; bit >= 0; bit--) {
        m = (m * m) >> 30;
        if (m >= (2ull << 30)) {
            m >>= 1;
            frac |= 1ull << bit;
        }
    }
    return ((uint64_t)int_part << 16) | frac;
}

float words_ln(uint64_t x)
{
    if (x <= 1)
        return 0.0f;
    return (float)((double)words_log2_q16(x) / 65536.0 * 0.6931471805599453);
}

/* A table of words_ln for the usual small term counts. */
enum { WORDS_LN_TABLE = 64 };
static float words_ln_table[WORDS_LN_TABLE];
static pthread_once_t words_ln_once = PTHREAD_ONCE_INIT;

static void words_ln_fill(void)
{
    for (uint64_t k = 0; k < WORDS_LN_TABLE; k++)
        words_ln_table[k] = words_ln(k);
}

/* words_ln of a term count, from the table when it is small. */
float words_idf(size_t docs, size_t df)
{
    if (df == 0 || df >= docs)
        return 0.0f;
    double l = ((double)words_log2_q16(docs) - (double)words_log2_q16(df)) / 65536.0;
    return (float)(l * 0.6931471805599453);
}

void termvec_tf(float *counts, size_t n)
{
    /* Sub-linear term frequency: a word said five times is not five times
     * the evidence. */
    pthread_once(&words_ln_once, words_ln_fill);
    for (size_t i = 0; i < n; i++) {
        uint64_t c = (uint64_t)counts[i];
        counts[i] = 1.0f + (c < WORDS_LN_TABLE ? words_ln_table[c] : words_ln(c));
    }
}

void termvec_weight(TermVec *tv, const float *idf)
{
    termvec_tf(tv->weights, tv->count);
    termvec_weight_tf(tv, idf);
}

void termvec_weight_tf(TermVec *tv, const float *idf)
{
    double norm = 0;
    for (uint32_t i = 0; i < tv->count; i++) {
        float w = tv->weights[i] * idf[tv->ids[i]];
        tv->weights[i] = w;
        norm += (double)w * w;
    }
    if (norm > 0) {
        float inv = (float)(1.0 / sqrt(norm));
        for (uint32_t i = 0; i < tv->count; i++)
            tv->weights[i] *= inv;
    }
}

float termvec_dot(const TermVec *a, const TermVec *b)
{
    float sum = 0;
    uint32_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        if (a->ids[i] < b->ids[j])
            i++;
        else if (a->ids[i] > b->ids[j])
            j++;
        else
            sum += a->weights[i++] * b->weights[j++];
    }
    return sum;
}
