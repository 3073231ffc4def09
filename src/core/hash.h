/* hash.h - FNV-1a, the hash of everything that is kept or shown: question
 * content (saved history), save-file checksums, the daily seed, caches.
 * Fixed by definition, so its values are the same on every machine.
 *
 * hash_table_key is for tables that live in memory only (the corpus
 * reader's dedupe keys): eight bytes a step instead of one, as FNV-1a's
 * multiply per byte is a chain the processor cannot overlap. Its values
 * may differ between machines (byte order), so nothing may keep them or
 * let an order depend on them. */
#ifndef QA_HASH_H
#define QA_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH_SEED 1469598103934665603ull

/* Continues hash h over n bytes; start with HASH_SEED. */
static inline uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* A hash of n bytes for an in-memory table (see above). */
static inline uint64_t hash_table_key(const void *data, size_t n)
{
    const unsigned char *p = data;
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = HASH_SEED ^ (n * k);
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (n > 0) {
        uint64_t w = 0;
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)p[i] << (i * 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
}

#endif
