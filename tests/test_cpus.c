/* test_cpus.c - how many threads loading may use (src/core/cpus.h).
 *
 * Pins: QA_THREADS, when a number from 1 up, decides; anything else in it
 * is ignored and the processors online count, which is at least 1.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/cpus.h"

#include <stdlib.h>
#include <unistd.h>

static void test_qa_threads_decides_when_it_is_a_count(void **state)
{
    (void)state;
    setenv("QA_THREADS", "1", 1);
    assert_int_equal(cpus_for_loading(), 1);
    setenv("QA_THREADS", "3", 1);
    assert_int_equal(cpus_for_loading(), 3);
    unsetenv("QA_THREADS");
}

static void test_otherwise_the_processors_online_count(void **state)
{
    (void)state;
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    int want = online >= 1 ? (int)online : 1;
    static const char *const junk[] = {"", "0", "-2", "two", "4x", NULL};
    for (size_t i = 0; junk[i]; i++) {
        setenv("QA_THREADS", junk[i], 1);
        assert_int_equal(cpus_for_loading(), want);
    }
    unsetenv("QA_THREADS");
    assert_int_equal(cpus_for_loading(), want);
    assert_true(cpus_for_loading() >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qa_threads_decides_when_it_is_a_count),
        cmocka_unit_test(test_otherwise_the_processors_online_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
