/* test_rng.c - the project's PCG32: reference outputs (so every machine
 * gives the same sequence), bounded draws without bias, shuffles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/rng.h"

#include <string.h>

static void test_matches_the_pcg32_reference_sequence(void **state)
{
    (void)state;
    /* pcg32-demo from pcg-random.org: seed 42, sequence 54. */
    static const uint32_t expect[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                      0x83d2f293, 0xbfa4784b, 0xcbed606e};
    Rng r;
    rng_seed(&r, 42, 54);
    for (size_t i = 0; i < sizeof expect / sizeof *expect; i++)
        assert_int_equal(rng_next(&r), expect[i]);
}

static void test_same_seed_same_sequence_other_stream_differs(void **state)
{
    (void)state;
    Rng a, b, c;
    rng_seed(&a, 7, 1);
    rng_seed(&b, 7, 1);
    rng_seed(&c, 7, 2);
    int differs = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = rng_next(&a);
        assert_int_equal(x, rng_next(&b));
        differs |= x != rng_next(&c);
    }
    assert_true(differs);
}

static void test_below_stays_in_range_and_covers_it_evenly(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 1, 1);
    unsigned counts[7] = {0};
    for (int i = 0; i < 70000; i++) {
        uint32_t x = rng_below(&r, 7);
        assert_true(x < 7);
        counts[x]++;
    }
    for (int k = 0; k < 7; k++) {
        assert_true(counts[k] > 9500);
        assert_true(counts[k] < 10500);
    }
    assert_int_equal(rng_below(&r, 0), 0);
    assert_int_equal(rng_below(&r, 1), 0);
}

static void test_shuffle_is_a_permutation_and_moves_things(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 3, 3);
    int a[50];
    for (int i = 0; i < 50; i++)
        a[i] = i;
    rng_shuffle(&r, a, 50, sizeof *a);
    int seen[50] = {0}, moved = 0;
    for (int i = 0; i < 50; i++) {
        seen[a[i]]++;
        moved += a[i] != i;
    }
    for (int i = 0; i < 50; i++)
        assert_int_equal(seen[i], 1);
    assert_true(moved > 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_the_pcg32_reference_sequence),
        cmocka_unit_test(test_same_seed_same_sequence_other_stream_differs),
        cmocka_unit_test(test_below_stays_in_range_and_covers_it_evenly),
        cmocka_unit_test(test_shuffle_is_a_permutation_and_moves_things),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
