/* test_timer.c - the countdown's arithmetic: expiry, pause, the seconds
 * shown, and when the display next changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/timer.h"

static void test_counts_down_and_expires_at_the_limit(void **state)
{
    (void)state;
    Timer t;
    timer_start(&t, 10000);
    assert_true(t.running);
    assert_int_equal(timer_remaining(&t), 10000);
    timer_advance(&t, 9999);
    assert_false(timer_expired(&t));
    assert_int_equal(timer_remaining(&t), 1);
    timer_advance(&t, 5000);
    assert_true(timer_expired(&t));
    assert_int_equal(t.elapsed_ms, 10000);
    assert_false(t.running);
}

static void test_pause_stops_the_clock(void **state)
{
    (void)state;
    Timer t;
    timer_start(&t, 5000);
    timer_advance(&t, 1000);
    timer_pause(&t);
    timer_advance(&t, 60000);
    assert_int_equal(timer_remaining(&t), 4000);
    timer_resume(&t);
    timer_advance(&t, 1000);
    assert_int_equal(timer_remaining(&t), 3000);
}

static void test_no_limit_means_no_countdown(void **state)
{
    (void)state;
    Timer t;
    timer_start(&t, 0);
    assert_false(t.running);
    timer_advance(&t, 100000);
    assert_false(timer_expired(&t));
    assert_int_equal(timer_fraction(&t), 65536);
    assert_int_equal(timer_until_next_second(&t), UINT32_MAX);
}

static void test_seconds_shown_round_up(void **state)
{
    (void)state;
    Timer t;
    timer_start(&t, 20000);
    assert_int_equal(timer_seconds_left(&t), 20);
    timer_advance(&t, 1);
    assert_int_equal(timer_seconds_left(&t), 20);
    timer_advance(&t, 999);
    assert_int_equal(timer_seconds_left(&t), 19);
    assert_int_equal(timer_until_next_second(&t), 1000);
    timer_advance(&t, 250);
    assert_int_equal(timer_until_next_second(&t), 750);
}

static void test_until_next_pixel_is_exactly_when_the_bar_shrinks(void **state)
{
    (void)state;
    const unsigned pixels[] = {7, 40, 600, 1280};
    const uint32_t limits[] = {3000, 15000, 20000, 25000};
    for (size_t p = 0; p < 4; p++) {
        for (size_t l = 0; l < 4; l++) {
            Timer t;
            timer_start(&t, limits[l]);
            unsigned shown = pixels[p];
            while (t.running) {
                uint32_t wait = timer_until_next_pixel(&t, pixels[p]);
                assert_true(wait > 0);
                /* One millisecond short: still the same width. */
                if (wait > 1) {
                    timer_advance(&t, wait - 1);
                    uint64_t w = ((uint64_t)timer_remaining(&t) * pixels[p] + limits[l] - 1) /
                                 limits[l];
                    assert_int_equal(w, shown);
                    timer_advance(&t, 1);
                } else {
                    timer_advance(&t, wait);
                }
                uint64_t w = ((uint64_t)timer_remaining(&t) * pixels[p] + limits[l] - 1) / limits[l];
                assert_true(w < shown);
                shown = (unsigned)w;
            }
            assert_int_equal(shown, 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_down_and_expires_at_the_limit),
        cmocka_unit_test(test_pause_stops_the_clock),
        cmocka_unit_test(test_no_limit_means_no_countdown),
        cmocka_unit_test(test_seconds_shown_round_up),
        cmocka_unit_test(test_until_next_pixel_is_exactly_when_the_bar_shrinks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
