/* rng.c - PCG32 (see rng.h): XSH RR output of a 64-bit LCG. */
#include "rng.h"

#include <string.h>

void rng_seed(Rng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1) | 1u;
    rng_next(r);
    r->state += seed;
    rng_next(r);
}

uint32_t rng_next(Rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ull + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
    uint32_t rot = (uint32_t)(old >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}

uint32_t rng_below(Rng *r, uint32_t n)
{
    if (n == 0)
        return 0;
    /* Reject the few values that would make some results more likely. */
    uint32_t threshold = (uint32_t)(-n) % n;
    for (;;) {
        uint32_t x = rng_next(r);
        if (x >= threshold)
            return x % n;
    }
}

void rng_shuffle(Rng *r, void *base, size_t n, size_t elem)
{
    unsigned char *a = base, tmp[64];
    if (elem > sizeof tmp)
        return;
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_below(r, (uint32_t)i);
        memcpy(tmp, a + (i - 1) * elem, elem);
        memmove(a + (i - 1) * elem, a + j * elem, elem);
        memcpy(a + j * elem, tmp, elem);
    }
}
