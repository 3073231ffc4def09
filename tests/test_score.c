/* test_score.c - points for an answer: 1000 x (1 - (t/T)/2) rounded, and
 * the streak bonus (+100 a step, up to +500). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/score.h"

static void test_instant_answer_earns_1000_and_the_buzzer_500(void **state)
{
    (void)state;
    assert_int_equal(score_time_points(0, 20000), 1000);
    assert_int_equal(score_time_points(20000, 20000), 500);
    assert_int_equal(score_time_points(10000, 20000), 750);
    assert_int_equal(score_time_points(25000, 20000), 500); /* never below 500 */
}

static void test_points_round_to_nearest(void **state)
{
    (void)state;
    /* 1000 - 500 * 1/3 = 833.33 -> 833; 1000 - 500 * 2/3 = 666.67 -> 667 */
    assert_int_equal(score_time_points(5000, 15000), 833);
    assert_int_equal(score_time_points(10000, 15000), 667);
    /* 1000 - 500 * 1/1000 = 999.5 -> 1000 (half up) */
    assert_int_equal(score_time_points(2, 1000), 999);
    assert_int_equal(score_time_points(1, 1000), 1000);
    for (uint32_t t = 0; t <= 7000; t += 7) {
        unsigned p = score_time_points(t, 7000);
        double exact = 1000.0 * (1.0 - (t / 7000.0) / 2.0);
        assert_true(p >= 500 && p <= 1000);
        /* Nearest, halves up: p - 1/2 < exact <= p + 1/2 (with float slack). */
        assert_true((double)p - exact <= 0.5 + 1e-9 && exact - (double)p < 0.5 - 1e-9);
    }
}

static void test_no_timer_earns_full_points(void **state)
{
    (void)state;
    assert_int_equal(score_time_points(123456, 0), 1000);
}

static void test_streak_bonus_grows_by_100_up_to_500(void **state)
{
    (void)state;
    assert_int_equal(score_streak_bonus(0), 0);
    assert_int_equal(score_streak_bonus(1), 0);
    assert_int_equal(score_streak_bonus(2), 100);
    assert_int_equal(score_streak_bonus(5), 400);
    assert_int_equal(score_streak_bonus(6), 500);
    assert_int_equal(score_streak_bonus(60), 500);
    assert_int_equal(score_answer(0, 10000, 3), 1200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instant_answer_earns_1000_and_the_buzzer_500),
        cmocka_unit_test(test_points_round_to_nearest),
        cmocka_unit_test(test_no_timer_earns_full_points),
        cmocka_unit_test(test_streak_bonus_grows_by_100_up_to_500),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
