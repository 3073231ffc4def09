/* diag.h - problems found in outside data, each with FILE:LINE.
 *
 * Readers of corpora, level files and saves never print: they add what they
 * find here, and the caller decides whether to show notes, warn or stop.
 * At most DIAG_MAX messages are kept (a garbage file must not make memory
 * grow without bound); the rest are only counted.
 */
#ifndef QA_DIAG_H
#define QA_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum DiagLevel {
    DIAG_NOTE,    /* text ignored on purpose, duplicates: nothing is wrong */
    DIAG_WARNING, /* something is wrong but the rest is usable */
    DIAG_ERROR    /* a file, or the whole input, cannot be used */
} DiagLevel;

typedef struct Diag {
    DiagLevel level;
    const char *file;    /* as given by the caller */
    unsigned line;       /* 1-based; 0 when the problem is the whole file */
    const char *message; /* one line, no trailing newline */
} Diag;

enum { DIAG_MAX = 5000 };

typedef struct Diagnostics Diagnostics;

Diagnostics *diag_new(void);
void diag_free(Diagnostics *d);

void diag_add(Diagnostics *d, DiagLevel level, const char *file, unsigned line,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Messages kept, in the order they were added. */
size_t diag_count(const Diagnostics *d);
const Diag *diag_get(const Diagnostics *d, size_t i);
/* Problems of one level, including those dropped past DIAG_MAX. */
size_t diag_total(const Diagnostics *d, DiagLevel level);

/* Moves every problem of from to the end of to, as if each had been added
 * to to there (to keeps at most DIAG_MAX, and counts all), and frees from.
 * For a second thread that reports into a Diagnostics of its own. */
void diag_take(Diagnostics *to, Diagnostics *from);

/* Prints "FILE:LINE: message" lines of at least min_level to out. */
void diag_print(const Diagnostics *d, FILE *out, DiagLevel min_level);

#endif
