/* rng.h - the project's own random generator: PCG32 (O'Neill, 2014).
 *
 * Every random choice of the game goes through it, never rand(): the same
 * seed gives the same rounds on every machine and build. Pure integer
 * arithmetic; the state is a plain value the caller owns.
 */
#ifndef QA_RNG_H
#define QA_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct Rng {
    uint64_t state;
    uint64_t inc; /* stream selector, always odd */
} Rng;

/* Seeds a generator; different streams give independent sequences. */
void rng_seed(Rng *r, uint64_t seed, uint64_t stream);

/* The next 32 random bits. */
uint32_t rng_next(Rng *r);

/* A uniform integer in [0, n), without modulo bias; 0 when n is 0. */
uint32_t rng_below(Rng *r, uint32_t n);

/* Shuffles n elements of size elem in place (Fisher-Yates). */
void rng_shuffle(Rng *r, void *base, size_t n, size_t elem);

#endif
