/* test_arena.c - the bump allocator (src/core/arena.h).
 *
 * Pins: memory is aligned for any type, zeroed by arena_alloc, copied
 * whole by the dup functions; requests larger than a chunk are served; the
 * total counts what was handed out; a reset arena hands out the same sizes
 * again from one chunk, so memory used over and over stays in place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/arena.h"

#include <string.h>

static size_t aligned(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

static void test_aligned_and_zeroed(void **state)
{
    (void)state;
    Arena a = {0};
    for (size_t n = 1; n < 3000; n += 97) {
        unsigned char *p = arena_alloc(&a, n);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xAB, n); /* writable; the next block is not touched */
    }
    arena_free(&a);
    assert_int_equal(a.total, 0);
}

static void test_copies(void **state)
{
    (void)state;
    Arena a = {0};
    char *s = arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    assert_string_equal(arena_strdup(&a, "quiz"), "quiz");
    assert_string_equal(arena_strndup(&a, "", 0), "");
    int nums[3] = {1, 2, 3};
    int *copy = arena_memdup(&a, nums, sizeof nums);
    assert_memory_equal(copy, nums, sizeof nums);
    assert_non_null(arena_memdup(&a, NULL, 0));
    arena_free(&a);
}

static void test_large_requests_and_total(void **state)
{
    (void)state;
    Arena a = {0};
    char *small = arena_alloc(&a, 10);
    char *big = arena_alloc(&a, 3 << 20); /* larger than any chunk */
    big[(3 << 20) - 1] = 'x';
    char *after = arena_alloc(&a, 10);
    strcpy(small, "still");
    strcpy(after, "here");
    assert_string_equal(small, "still");
    assert_string_equal(after, "here");
    assert_int_equal(a.total, aligned(10) + aligned(3 << 20) + aligned(10));
    arena_free(&a);
}

/* Fills the arena with count blocks of sizes from a pattern; returns 1 if
 * each came right after the one before (one chunk held them all). */
static int fill(Arena *a, size_t count)
{
    char *prev = NULL;
    size_t prev_size = 0;
    int contiguous = 1;
    for (size_t i = 0; i < count; i++) {
        size_t n = 40 + i % 200;
        char *p = arena_alloc_raw(a, n);
        memset(p, (int)i, n);
        if (prev && p != prev + aligned(prev_size))
            contiguous = 0;
        prev = p;
        prev_size = n;
    }
    return contiguous;
}

static void test_reset_reuses_one_chunk(void **state)
{
    (void)state;
    Arena a = {0};
    assert_false(fill(&a, 2000)); /* ~300 KB: several growing chunks */
    for (int round = 0; round < 3; round++) {
        arena_reset(&a);
        assert_int_equal(a.total, 0);
        assert_true(fill(&a, 2000)); /* now one chunk holds it all */
    }
    /* A reset arena still grows past what it kept. */
    arena_reset(&a);
    assert_false(fill(&a, 4000));
    arena_reset(&a);
    assert_true(fill(&a, 4000));
    arena_free(&a);
    arena_reset(&a); /* an empty arena: nothing to keep */
    assert_int_equal(a.total, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aligned_and_zeroed),
        cmocka_unit_test(test_copies),
        cmocka_unit_test(test_large_requests_and_total),
        cmocka_unit_test(test_reset_reuses_one_chunk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
