/* test_filemap.c - a file's bytes mapped into memory: the bytes and the
 * zeroed, writable slack after them; a file cut short while mapped reads
 * as zeros instead of killing the process; other SIGBUS signals still
 * reach the handler installed before, which is given back afterwards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/filemap.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SLACK = 24 };

/* A temporary file holding len bytes of a pattern, open for reading and
 * writing; its name is unlinked at once. */
static int pattern_file(size_t len)
{
    char name[] = "/tmp/qa-filemap-XXXXXX";
    int fd = mkstemp(name);
    assert_true(fd >= 0);
    unlink(name);
    char *bytes = malloc(len);
    assert_non_null(bytes);
    for (size_t i = 0; i < len; i++)
        bytes[i] = (char)('a' + i % 26);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    free(bytes);
    return fd;
}

static size_t page_size(void)
{
    return (size_t)sysconf(_SC_PAGESIZE);
}

static void check_mapping(size_t len)
{
    int fd = pattern_file(len);
    char *bytes = filemap_open(fd, len, SLACK);
    close(fd); /* the mapping outlives the descriptor */
    assert_non_null(bytes);
    for (size_t i = 0; i < len; i++)
        if (bytes[i] != (char)('a' + i % 26))
            fail_msg("byte %zu of %zu differs", i, len);
    for (size_t i = 0; i < SLACK; i++)
        assert_int_equal(bytes[len + i], 0);
    memset(bytes + len, '\n', SLACK); /* writable */
    bytes[0] = '#';                   /* private: the file keeps its byte */
    assert_int_equal(filemap_close(bytes, len, SLACK), 0);
}

static void test_bytes_and_slack(void **state)
{
    (void)state;
    size_t page = page_size();
    check_mapping(100000);
    check_mapping(3 * page);          /* the slack is past the file's pages */
    check_mapping(3 * page - SLACK);  /* the slack just fits in the last page */
    check_mapping(3 * page - 1);
    check_mapping(1);
}

static void test_writes_stay_private(void **state)
{
    (void)state;
    int fd = pattern_file(10000);
    char *bytes = filemap_open(fd, 10000, SLACK);
    assert_non_null(bytes);
    memset(bytes, 'z', 10000);
    assert_int_equal(filemap_close(bytes, 10000, SLACK), 0);
    char first[4];
    assert_int_equal(pread(fd, first, sizeof first, 0), (ssize_t)sizeof first);
    assert_memory_equal(first, "abcd", 4);
    close(fd);
}

static void test_nothing_to_map(void **state)
{
    (void)state;
    int fd = pattern_file(10);
    assert_null(filemap_open(fd, 0, SLACK));
    close(fd);
    assert_int_equal(filemap_close(NULL, 0, SLACK), 0);
}

static void test_file_cut_short_reads_zeros(void **state)
{
    (void)state;
    size_t page = page_size(), len = 6 * page + 100;
    int fd = pattern_file(len);
    char *bytes = filemap_open(fd, len, SLACK);
    assert_non_null(bytes);
    assert_int_equal(bytes[page + 1], 'a' + (page + 1) % 26); /* read while whole */
    assert_int_equal(ftruncate(fd, (off_t)(2 * page)), 0);
    /* Past the new end: zeros, not SIGBUS. */
    assert_int_equal(bytes[4 * page + 7], 0);
    assert_int_equal(bytes[len - 1], 0);
    assert_int_equal(bytes[len], 0);
    /* Before it: the bytes already there. */
    assert_int_equal(bytes[7], 'a' + 7 % 26);
    assert_int_equal(filemap_close(bytes, len, SLACK), 1);
    close(fd);

    /* The next file is whole again. */
    fd = pattern_file(len);
    bytes = filemap_open(fd, len, SLACK);
    assert_non_null(bytes);
    assert_int_equal(bytes[len - 1], 'a' + (len - 1) % 26);
    assert_int_equal(filemap_close(bytes, len, SLACK), 0);
    close(fd);
}

static volatile sig_atomic_t bus_signals;

static void count_bus(int sig)
{
    (void)sig;
    bus_signals++;
}

static void test_other_sigbus_reaches_the_handler_before(void **state)
{
    (void)state;
    struct sigaction mine = {0}, before, now;
    mine.sa_handler = count_bus;
    sigemptyset(&mine.sa_mask);
    assert_int_equal(sigaction(SIGBUS, &mine, &before), 0);
    bus_signals = 0;

    int fd = pattern_file(10000);
    char *bytes = filemap_open(fd, 10000, SLACK);
    assert_non_null(bytes);
    assert_int_equal(sigaction(SIGBUS, NULL, &now), 0);
    assert_true(now.sa_flags & SA_SIGINFO); /* the map's handler, while mapped */
    raise(SIGBUS);                         /* no mapped file's fault */
    assert_int_equal(bus_signals, 1);
    assert_int_equal(filemap_close(bytes, 10000, SLACK), 0);
    close(fd);

    assert_int_equal(sigaction(SIGBUS, NULL, &now), 0);
    assert_ptr_equal(now.sa_handler, count_bus); /* given back */
    raise(SIGBUS);
    assert_int_equal(bus_signals, 2);
    sigaction(SIGBUS, &before, NULL);
}

static void test_many_files_at_once(void **state)
{
    (void)state;
    enum { N = 12 };
    int fds[N];
    char *maps[N];
    size_t mapped = 0;
    for (int i = 0; i < N; i++) {
        fds[i] = pattern_file(5000 + (size_t)i);
        maps[i] = filemap_open(fds[i], 5000 + (size_t)i, SLACK);
        mapped += maps[i] != NULL;
    }
    /* Some are mapped; the rest are refused (the caller reads them). */
    assert_true(mapped >= 1 && mapped < N);
    for (int i = 0; i < N; i++) {
        if (maps[i])
            assert_int_equal(maps[i][4999], 'a' + 4999 % 26);
        assert_int_equal(filemap_close(maps[i], 5000 + (size_t)i, SLACK), 0);
        close(fds[i]);
    }
    /* Freed: mapping works again. */
    int fd = pattern_file(5000);
    char *bytes = filemap_open(fd, 5000, SLACK);
    assert_non_null(bytes);
    assert_int_equal(filemap_close(bytes, 5000, SLACK), 0);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bytes_and_slack),
        cmocka_unit_test(test_writes_stay_private),
        cmocka_unit_test(test_nothing_to_map),
        cmocka_unit_test(test_file_cut_short_reads_zeros),
        cmocka_unit_test(test_other_sigbus_reaches_the_handler_before),
        cmocka_unit_test(test_many_files_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
