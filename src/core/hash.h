/* hash.h - FNV-1a, the one hash of the project: dedupe keys, question
 * content (saved history), save-file checksums, the daily seed, caches.
 * Fixed by definition, so its values are the same on every machine. */
#ifndef QA_HASH_H
#define QA_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_SEED 1469598103934665603ull

/* Continues hash h over n bytes; start with HASH_SEED. */
static inline uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

#endif
