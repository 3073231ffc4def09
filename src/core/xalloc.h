/* xalloc.h - allocation that never returns NULL.
 *
 * Running out of memory is not a condition the game can recover from in a
 * useful way, so the core treats it as fatal in one place instead of checking
 * every allocation. Sizes are checked for overflow.
 */
#ifndef QA_XALLOC_H
#define QA_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows an array of elem-sized items to at least need items, doubling. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);

#endif
