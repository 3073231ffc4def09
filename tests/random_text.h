/* random_text.h - helpers for the tests that compare fast text code with
 * byte-at-a-time references on random texts (test_text, test_words).
 * Include after <cmocka.h>. */
#ifndef QA_TESTS_RANDOM_TEXT_H
#define QA_TESTS_RANDOM_TEXT_H

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift64: a fixed sequence on every machine (rand() is not). */
static inline uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static inline size_t random_below(uint64_t *state, size_t n)
{
    return (size_t)(next_random(state) % n);
}

/* Prints s to stderr as a C string literal, for a failing input. */
static inline void print_literal(const char *label, const char *s, size_t len)
{
    fprintf(stderr, "%s (%zu bytes): \"", label, len);
    int hex = 0; /* the last byte was a \x escape */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fprintf(stderr, "\\%c", c);
            hex = 0;
        } else if (c >= 0x20 && c < 0x7F) {
            if (hex && isxdigit(c))
                fprintf(stderr, "\" \"");
            fputc(c, stderr);
            hex = 0;
        } else {
            fprintf(stderr, "\\x%02X", c);
            hex = 1;
        }
    }
    fprintf(stderr, "\"\n");
}

/* A heap copy of exactly len bytes (no NUL after them). */
static inline char *exact_copy(const char *s, size_t len)
{
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    if (len)
        memcpy(p, s, len);
    return p;
}

/* A random text of exactly `want` bytes in buf from the pieces (the last
 * one cut to fit, which leaves truncated UTF-8 at the end too) and, one
 * time in count + 1, a random byte from 1 to 255. Returns want. */
static inline size_t random_pieces_text(uint64_t *rng, const char *const *pieces, size_t count,
                                        char *buf, size_t want)
{
    size_t len = 0;
    while (len < want) {
        size_t k = random_below(rng, count + 1);
        if (k == count) {
            buf[len++] = (char)(1 + random_below(rng, 255));
            continue;
        }
        size_t n = strlen(pieces[k]);
        if (n > want - len)
            n = want - len;
        memcpy(buf + len, pieces[k], n);
        len += n;
    }
    return len;
}

#endif
