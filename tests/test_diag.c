/* test_diag.c - problems with FILE:LINE (src/core/diag.h).
 *
 * Pins: messages are kept in the order they come, one line each; past
 * DIAG_MAX they are only counted and diag_print says how many it left out;
 * diag_take moves another list's problems to the end as if they had been
 * added there, counts of dropped ones included.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What diag_print writes, as a string the caller frees. */
static char *printed(const Diagnostics *d, DiagLevel min_level)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    diag_print(d, out, min_level);
    fclose(out);
    return buf;
}

static void test_messages_keep_their_order_and_fold_line_breaks(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    char file[] = "pack.md";
    diag_add(d, DIAG_WARNING, file, 3, "first %d", 1);
    file[0] = 'x'; /* the caller's string may change: diag keeps a copy */
    diag_add(d, DIAG_NOTE, "pack.md", 7, "two\nlines\rhere");
    diag_add(d, DIAG_ERROR, "other.md", 0, "whole file");
    assert_int_equal(diag_count(d), 3);
    assert_string_equal(diag_get(d, 0)->file, "pack.md");
    assert_int_equal(diag_get(d, 0)->line, 3);
    assert_string_equal(diag_get(d, 0)->message, "first 1");
    assert_string_equal(diag_get(d, 1)->message, "two lines here");
    assert_null(diag_get(d, 3));
    assert_int_equal(diag_total(d, DIAG_NOTE), 1);
    char *all = printed(d, DIAG_NOTE);
    assert_string_equal(all, "pack.md:3: first 1\npack.md:7: two lines here\n"
                             "other.md: whole file\n");
    free(all);
    char *warnings = printed(d, DIAG_WARNING);
    assert_string_equal(warnings, "pack.md:3: first 1\nother.md: whole file\n");
    free(warnings);
    diag_free(d);
    diag_free(NULL);
}

static void test_past_the_limit_problems_are_only_counted(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    for (int i = 0; i < DIAG_MAX + 25; i++)
        diag_add(d, DIAG_WARNING, "big.md", (unsigned)i + 1, "problem %d", i);
    assert_int_equal(diag_count(d), DIAG_MAX);
    assert_int_equal(diag_total(d, DIAG_WARNING), DIAG_MAX + 25);
    char *out = printed(d, DIAG_WARNING);
    assert_non_null(strstr(out, "... and 25 more problems not shown\n"));
    free(out);
    diag_free(d);
}

static void test_take_appends_in_order_and_frees_the_source(void **state)
{
    (void)state;
    Diagnostics *to = diag_new(), *from = diag_new();
    diag_add(to, DIAG_NOTE, "a.md", 1, "before");
    diag_add(from, DIAG_WARNING, "a.md", 5, "moved one");
    diag_add(from, DIAG_ERROR, "a.md", 0, "moved two");
    diag_take(to, from); /* frees from (ASan would report a leak) */
    diag_take(to, NULL);
    assert_int_equal(diag_count(to), 3);
    assert_string_equal(diag_get(to, 1)->message, "moved one");
    assert_int_equal(diag_get(to, 1)->line, 5);
    assert_string_equal(diag_get(to, 2)->message, "moved two");
    assert_int_equal(diag_total(to, DIAG_WARNING), 1);
    assert_int_equal(diag_total(to, DIAG_ERROR), 1);
    diag_free(to);
}

/* Taking a list that overflowed gives the counts one list would have. */
static void test_take_keeps_the_counts_of_dropped_problems(void **state)
{
    (void)state;
    Diagnostics *one = diag_new(), *to = diag_new(), *from = diag_new();
    for (int i = 0; i < 10; i++) {
        diag_add(one, DIAG_NOTE, "a.md", 1, "early");
        diag_add(to, DIAG_NOTE, "a.md", 1, "early");
    }
    for (int i = 0; i < DIAG_MAX + 40; i++) {
        diag_add(one, DIAG_WARNING, "a.md", 2, "late %d", i);
        diag_add(from, DIAG_WARNING, "a.md", 2, "late %d", i);
    }
    diag_take(to, from);
    assert_int_equal(diag_count(to), diag_count(one));
    assert_int_equal(diag_total(to, DIAG_WARNING), diag_total(one, DIAG_WARNING));
    assert_int_equal(diag_total(to, DIAG_NOTE), 10);
    assert_string_equal(diag_get(to, DIAG_MAX - 1)->message,
                        diag_get(one, DIAG_MAX - 1)->message);
    diag_free(one);
    diag_free(to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_messages_keep_their_order_and_fold_line_breaks),
        cmocka_unit_test(test_past_the_limit_problems_are_only_counted),
        cmocka_unit_test(test_take_appends_in_order_and_frees_the_source),
        cmocka_unit_test(test_take_keeps_the_counts_of_dropped_problems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
