/* test_sanitize.c - a document's bytes made safe to parse: clean text
 * passes untouched, a byte-order mark is skipped, bad bytes are replaced
 * and reported by line, and files that are not text are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Result {
    const char *text;
    size_t len;
    char *owned;
    Diagnostics *diag;
} Result;

static Result run(const char *data, size_t len)
{
    Result r = {0};
    r.diag = diag_new();
    r.len = len;
    r.text = sanitize_document("t.md", data, &r.len, &r.owned, r.diag);
    return r;
}

static void done(Result *r)
{
    free(r->owned);
    diag_free(r->diag);
}

static int has(const Diagnostics *d, DiagLevel level, unsigned line, const char *needle)
{
    for (size_t i = 0; i < diag_count(d); i++) {
        const Diag *g = diag_get(d, i);
        if (g->level == level && g->line == line && strstr(g->message, needle))
            return 1;
    }
    return 0;
}

static void test_clean_text_is_used_as_it_is(void **state)
{
    (void)state;
    const char *md = "# Title\n\nWhat is \xC3\xA9? Caf\xC3\xA9.\n";
    Result r = run(md, strlen(md));
    assert_ptr_equal(r.text, md);
    assert_null(r.owned);
    assert_int_equal(r.len, strlen(md));
    assert_int_equal(diag_count(r.diag), 0);
    done(&r);

    const char *bom = "\xEF\xBB\xBF# Title\n";
    r = run(bom, strlen(bom));
    assert_ptr_equal(r.text, bom + 3);
    assert_int_equal(r.len, strlen(bom) - 3);
    done(&r);
}

static void test_bad_bytes_are_replaced_and_reported_by_line(void **state)
{
    (void)state;
    const char md[] = "# Title\n\nCaf\xE9 au lait\nA\x01" "B\n";
    Result r = run(md, sizeof md - 1);
    assert_non_null(r.text);
    assert_non_null(r.owned);
    assert_string_equal(r.text, "# Title\n\nCaf\xEF\xBF\xBD au lait\nA B\n");
    assert_true(has(r.diag, DIAG_WARNING, 3, "invalid UTF-8 (byte 0xE9)"));
    assert_true(has(r.diag, DIAG_WARNING, 4, "control character 0x01"));
    done(&r);
}

/* Line feeds are read eight bytes at a time with the text around them:
 * a control byte or DEL anywhere near them is still found, and lines of
 * plain text stay untouched. */
static void test_control_bytes_next_to_line_feeds_are_found(void **state)
{
    (void)state;
    const char base[] = "ab\ncd\nefgh\n\nijk\nlmnop\nq\n";
    Result r = run(base, sizeof base - 1);
    assert_ptr_equal(r.text, base);
    done(&r);
    static const unsigned char bad[] = {0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1F, 0x7F};
    for (size_t at = 0; at < sizeof base - 1; at++) {
        for (size_t k = 0; k < sizeof bad; k++) {
            char md[sizeof base];
            memcpy(md, base, sizeof base);
            md[at] = (char)bad[k];
            r = run(md, sizeof md - 1);
            assert_non_null(r.owned);
            assert_null(memchr(r.text, bad[k], r.len));
            int reported = 0;
            for (size_t i = 0; i < diag_count(r.diag); i++)
                reported |= strstr(diag_get(r.diag, i)->message, "control character") != NULL;
            assert_true(reported);
            done(&r);
        }
    }
}

/* Long runs of clean text are read 64 bytes at a time: one bad byte
 * anywhere in them, a control byte, DEL or a byte that is not UTF-8, is
 * still found and replaced, whatever its offset from the start. */
static void test_one_bad_byte_in_long_clean_text_is_found(void **state)
{
    (void)state;
    char base[400];
    size_t n = 0;
    n += (size_t)snprintf(base, sizeof base, "# Title\n");
    while (n + 9 < sizeof base - 1)
        n += (size_t)snprintf(base + n, sizeof base - n, "abc def\n");
    Result r = run(base, n);
    assert_ptr_equal(r.text, base);
    done(&r);
    static const unsigned char bad[] = {0x01, 0x7F, 0xE9};
    for (size_t at = 8; at < n; at++) {
        for (size_t k = 0; k < sizeof bad; k++) {
            char md[sizeof base];
            memcpy(md, base, n);
            md[at] = (char)bad[k];
            r = run(md, n);
            assert_non_null(r.owned);
            assert_null(memchr(r.text, bad[k], r.len));
            assert_int_equal(diag_count(r.diag), 1);
            done(&r);
        }
    }
}

static void test_files_that_are_not_text_are_refused(void **state)
{
    (void)state;
    const char nul[] = "ab\0cd";
    Result r = run(nul, sizeof nul - 1);
    assert_null(r.text);
    assert_true(has(r.diag, DIAG_ERROR, 0, "binary file"));
    done(&r);

    char noise[256];
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (char)(0x80 + i % 0x40); /* continuation bytes only */
    r = run(noise, sizeof noise);
    assert_null(r.text);
    assert_true(has(r.diag, DIAG_ERROR, 0, "not a text file"));
    done(&r);

    r = run(" \n\t\n", 4);
    assert_null(r.text);
    assert_true(has(r.diag, DIAG_ERROR, 0, "empty file"));
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_text_is_used_as_it_is),
        cmocka_unit_test(test_bad_bytes_are_replaced_and_reported_by_line),
        cmocka_unit_test(test_control_bytes_next_to_line_feeds_are_found),
        cmocka_unit_test(test_one_bad_byte_in_long_clean_text_is_found),
        cmocka_unit_test(test_files_that_are_not_text_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
