/* test_utf8.c - strict UTF-8 decoding and encoding (src/core/utf8.h).
 *
 * Pins: valid 1-4 byte sequences decode to the right code point and length;
 * overlong forms, surrogates, values above U+10FFFF, truncated sequences and
 * stray continuation bytes are rejected (0); encoding round-trips and refuses
 * non-scalar values; utf8_count counts code points; utf8_floor finds the
 * start of the code point containing a byte offset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/utf8.h"

#include <string.h>

/* Decodes a string literal (without its NUL); returns bytes used. */
static size_t decode_lit(const char *s, size_t len, uint32_t *cp)
{
    *cp = 0xDEADBEEF;
    return utf8_decode(s, len, cp);
}

#define DECODE(lit, cp) decode_lit((lit), sizeof(lit) - 1, (cp))

/* ---- valid sequences ---- */

static void test_decode_ascii_is_one_byte(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("A", &cp), 1);
    assert_int_equal(cp, 0x41);
    assert_int_equal(DECODE("\x7F", &cp), 1);
    assert_int_equal(cp, 0x7F);
}

static void test_decode_nul_byte_is_code_point_zero(void **state)
{
    (void)state;
    uint32_t cp = 99;
    assert_int_equal(utf8_decode("\0x", 2, &cp), 1);
    assert_int_equal(cp, 0);
}

static void test_decode_two_byte_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xC2\x80", &cp), 2); /* smallest 2-byte value */
    assert_int_equal(cp, 0x80);
    assert_int_equal(DECODE("\xC3\xA9", &cp), 2); /* é */
    assert_int_equal(cp, 0xE9);
    assert_int_equal(DECODE("\xDF\xBF", &cp), 2); /* largest 2-byte value */
    assert_int_equal(cp, 0x7FF);
}

static void test_decode_three_byte_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xE0\xA0\x80", &cp), 3); /* U+0800 */
    assert_int_equal(cp, 0x800);
    assert_int_equal(DECODE("\xE2\x80\x99", &cp), 3); /* ’ */
    assert_int_equal(cp, 0x2019);
    assert_int_equal(DECODE("\xED\x9F\xBF", &cp), 3); /* just below surrogates */
    assert_int_equal(cp, 0xD7FF);
    assert_int_equal(DECODE("\xEE\x80\x80", &cp), 3); /* just above surrogates */
    assert_int_equal(cp, 0xE000);
    assert_int_equal(DECODE("\xEF\xBF\xBD", &cp), 3); /* U+FFFD */
    assert_int_equal(cp, 0xFFFD);
}

static void test_decode_four_byte_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xF0\x90\x80\x80", &cp), 4); /* U+10000 */
    assert_int_equal(cp, 0x10000);
    assert_int_equal(DECODE("\xF0\x9F\x98\x80", &cp), 4); /* 😀 */
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(DECODE("\xF4\x8F\xBF\xBF", &cp), 4); /* U+10FFFF */
    assert_int_equal(cp, 0x10FFFF);
}

static void test_decode_uses_only_first_code_point(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xC3\xA9t\xC3\xA9", &cp), 2);
    assert_int_equal(cp, 0xE9);
}

/* ---- invalid sequences ---- */

static void test_decode_rejects_empty_input(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("A", 0, &cp), 0);
}

static void test_decode_rejects_overlong_two_byte(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xC0\x80", &cp), 0); /* overlong NUL */
    assert_int_equal(DECODE("\xC1\xBF", &cp), 0); /* overlong U+007F */
}

static void test_decode_rejects_overlong_three_byte(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xE0\x80\x80", &cp), 0);
    assert_int_equal(DECODE("\xE0\x9F\xBF", &cp), 0); /* overlong U+07FF */
}

static void test_decode_rejects_overlong_four_byte(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xF0\x80\x80\x80", &cp), 0);
    assert_int_equal(DECODE("\xF0\x8F\xBF\xBF", &cp), 0); /* overlong U+FFFF */
}

static void test_decode_rejects_surrogates(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xED\xA0\x80", &cp), 0); /* U+D800 */
    assert_int_equal(DECODE("\xED\xBF\xBF", &cp), 0); /* U+DFFF */
    assert_int_equal(DECODE("\xED\xB0\x80", &cp), 0); /* U+DC00 */
}

static void test_decode_rejects_above_max_code_point(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xF4\x90\x80\x80", &cp), 0); /* U+110000 */
    assert_int_equal(DECODE("\xF5\x80\x80\x80", &cp), 0);
    assert_int_equal(DECODE("\xF7\xBF\xBF\xBF", &cp), 0);
}

static void test_decode_rejects_bytes_never_in_utf8(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xF8\x88\x80\x80\x80", &cp), 0);
    assert_int_equal(DECODE("\xFE", &cp), 0);
    assert_int_equal(DECODE("\xFF", &cp), 0);
}

static void test_decode_rejects_truncated_sequences(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xC3", &cp), 0);
    assert_int_equal(DECODE("\xE2\x80", &cp), 0);
    assert_int_equal(DECODE("\xF0\x9F\x98", &cp), 0);
    /* Bytes exist in memory, but len says they are not available. */
    assert_int_equal(utf8_decode("\xE2\x80\x99", 2, &cp), 0);
    assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 3, &cp), 0);
}

static void test_decode_rejects_sequence_cut_by_ascii(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\xC3" "A", &cp), 0);
    assert_int_equal(DECODE("\xE2\x80" "A", &cp), 0);
    assert_int_equal(DECODE("\xF0\x9F" "AB", &cp), 0);
}

static void test_decode_rejects_lone_continuation_bytes(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(DECODE("\x80", &cp), 0);
    assert_int_equal(DECODE("\xBF", &cp), 0);
    assert_int_equal(DECODE("\x99" "abc", &cp), 0);
}

/* ---- encoding ---- */

static void test_encode_writes_expected_bytes(void **state)
{
    (void)state;
    char out[4];
    assert_int_equal(utf8_encode(0x41, out), 1);
    assert_memory_equal(out, "A", 1);
    assert_int_equal(utf8_encode(0xE9, out), 2);
    assert_memory_equal(out, "\xC3\xA9", 2);
    assert_int_equal(utf8_encode(0x2026, out), 3);
    assert_memory_equal(out, "\xE2\x80\xA6", 3);
    assert_int_equal(utf8_encode(0x1F600, out), 4);
    assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
}

static void test_encode_decode_round_trips_boundaries(void **state)
{
    (void)state;
    static const uint32_t cps[] = {0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000,
                                   0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    static const size_t lens[] = {1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char out[4];
        uint32_t back = 0xDEADBEEF;
        size_t n = utf8_encode(cps[i], out);
        assert_int_equal(n, lens[i]);
        assert_int_equal(utf8_decode(out, n, &back), n);
        assert_int_equal(back, cps[i]);
    }
}

static void test_encode_decode_round_trips_every_scalar_value(void **state)
{
    (void)state;
    size_t failures = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char out[4];
        uint32_t back = 0;
        size_t n = utf8_encode(cp, out);
        if (n == 0 || utf8_decode(out, n, &back) != n || back != cp)
            failures++;
    }
    assert_int_equal(failures, 0);
}

static void test_encode_rejects_surrogates_and_out_of_range(void **state)
{
    (void)state;
    char out[4];
    assert_int_equal(utf8_encode(0xD800, out), 0);
    assert_int_equal(utf8_encode(0xDBFF, out), 0);
    assert_int_equal(utf8_encode(0xDFFF, out), 0);
    assert_int_equal(utf8_encode(0x110000, out), 0);
    assert_int_equal(utf8_encode(0xFFFFFFFF, out), 0);
}

/* ---- counting and flooring ---- */

static void test_count_counts_code_points_not_bytes(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x80\xA6\xF0\x9F\x98\x80z"; /* a é … 😀 z */
    assert_int_equal(utf8_count(s, strlen(s)), 5);
    assert_int_equal(utf8_count("hello", 5), 5);
    assert_int_equal(utf8_count("", 0), 0);
}

static void test_count_respects_len(void **state)
{
    (void)state;
    const char *s = "\xC3\xA9\xC3\xA9\xC3\xA9";
    assert_int_equal(utf8_count(s, 4), 2);
    assert_int_equal(utf8_count(s, 6), 3);
}

/* Sixteen bytes are counted at once: every length and every place of the
 * multi-byte characters, against counting the lead bytes one by one. */
static void test_count_matches_lead_bytes_at_every_length(void **state)
{
    (void)state;
    /* Bytes on each side of the continuation range too: 0x7F, 0xC0. */
    static const char *const pieces[] = {"a", "\xC3\xA9", "\xE2\x80\xA6",
                                         "\xF0\x9F\x98\x80", " \x7F", "\xBF\xC0"};
    char text[200];
    unsigned seed = 7;
    for (int round = 0; round < 200; round++) {
        size_t len = 0;
        while (len < 150) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % 6];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
        }
        for (size_t n = 0; n <= len; n++) {
            size_t want = 0;
            for (size_t i = 0; i < n; i++)
                want += ((unsigned char)text[i] & 0xC0) != 0x80;
            assert_int_equal(utf8_count(text, n), want);
        }
    }
}

static void test_floor_moves_back_to_sequence_start(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE2\x80\xA6\xF0\x9F\x98\x80z";
    /* offsets: a=0, é=1..2, …=3..5, 😀=6..9, z=10 */
    assert_int_equal(utf8_floor(s, 0), 0);
    assert_int_equal(utf8_floor(s, 1), 1);
    assert_int_equal(utf8_floor(s, 2), 1);
    assert_int_equal(utf8_floor(s, 3), 3);
    assert_int_equal(utf8_floor(s, 4), 3);
    assert_int_equal(utf8_floor(s, 5), 3);
    assert_int_equal(utf8_floor(s, 6), 6);
    assert_int_equal(utf8_floor(s, 9), 6);
    assert_int_equal(utf8_floor(s, 10), 10);
}

static void test_floor_at_end_of_string_is_end(void **state)
{
    (void)state;
    const char *s = "ab\xC3\xA9";
    assert_int_equal(utf8_floor(s, 4), 4); /* the NUL terminator */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_ascii_is_one_byte),
        cmocka_unit_test(test_decode_nul_byte_is_code_point_zero),
        cmocka_unit_test(test_decode_two_byte_sequences),
        cmocka_unit_test(test_decode_three_byte_sequences),
        cmocka_unit_test(test_decode_four_byte_sequences),
        cmocka_unit_test(test_decode_uses_only_first_code_point),
        cmocka_unit_test(test_decode_rejects_empty_input),
        cmocka_unit_test(test_decode_rejects_overlong_two_byte),
        cmocka_unit_test(test_decode_rejects_overlong_three_byte),
        cmocka_unit_test(test_decode_rejects_overlong_four_byte),
        cmocka_unit_test(test_decode_rejects_surrogates),
        cmocka_unit_test(test_decode_rejects_above_max_code_point),
        cmocka_unit_test(test_decode_rejects_bytes_never_in_utf8),
        cmocka_unit_test(test_decode_rejects_truncated_sequences),
        cmocka_unit_test(test_decode_rejects_sequence_cut_by_ascii),
        cmocka_unit_test(test_decode_rejects_lone_continuation_bytes),
        cmocka_unit_test(test_encode_writes_expected_bytes),
        cmocka_unit_test(test_encode_decode_round_trips_boundaries),
        cmocka_unit_test(test_encode_decode_round_trips_every_scalar_value),
        cmocka_unit_test(test_encode_rejects_surrogates_and_out_of_range),
        cmocka_unit_test(test_count_counts_code_points_not_bytes),
        cmocka_unit_test(test_count_respects_len),
        cmocka_unit_test(test_count_matches_lead_bytes_at_every_length),
        cmocka_unit_test(test_floor_moves_back_to_sequence_start),
        cmocka_unit_test(test_floor_at_end_of_string_is_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
