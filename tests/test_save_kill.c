/* test_save_kill.c - saved data survives abuse: a process that saves over
 * and over (the game's own save_write, alternating two different profiles)
 * is killed with SIGKILL at random moments, hundreds of times; each time,
 * the save file left behind is exactly the old or the new one, whole, and
 * reads back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/diag.h"
#include "core/profile.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/strbuf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { KILLS = 300 };

/* Two profiles with different content, big enough that a write takes
 * several system calls. */
static Profile *make_profile(int variant)
{
    Profile *p = profile_new();
    profile_settings(p)->volume = variant ? 30 : 70;
    for (uint32_t i = 0; i < 3000; i++)
        profile_history_record(p, 0x1000000000000000ull * (uint64_t)(variant + 1) + i, i % 3 != 0,
                               i % 5 == 0, 20000 + i % 100);
    HighScore e = {"AAA", 1000u + (uint32_t)variant, 50, "2026-11-24"};
    profile_insert(p, "arcade", &e);
    return p;
}

static void sleep_us(long us)
{
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&t, NULL);
}

static long now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static void test_sigkill_during_saves_leaves_old_or_new_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/qa-kill-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/save.txt", dir);
    Profile *versions[2] = {make_profile(0), make_profile(1)};
    StrBuf text[2] = {{0}, {0}};
    save_format(versions[0], &text[0]);
    save_format(versions[1], &text[1]);
    StrBuf err = {0};
    /* How long one save takes here (sanitizers and slow disks make it
     * several times slower): the kills are spread over about three saves,
     * so they land before, inside and after whole writes. */
    long t0 = now_us();
    for (int i = 0; i < 5; i++)
        assert_int_equal(save_write(path, versions[0], &err), 0);
    long per_save = (now_us() - t0) / 5 + 1;

    Rng rng;
    rng_seed(&rng, 2026, 11);
    int torn = 0, saw[2] = {0, 0};
    for (int k = 0; k < KILLS; k++) {
        int ready[2];
        assert_int_equal(pipe(ready), 0);
        pid_t child = fork();
        assert_true(child >= 0);
        if (child == 0) {
            close(ready[0]);
            if (write(ready[1], "r", 1) != 1)
                _exit(4);
            for (unsigned i = (unsigned)k;; i++)
                if (save_write(path, versions[i % 2], &err) != 0)
                    _exit(3);
        }
        close(ready[1]);
        char byte;
        assert_int_equal(read(ready[0], &byte, 1), 1);
        close(ready[0]);
        sleep_us(rng_below(&rng, (uint32_t)(3 * per_save)));
        kill(child, SIGKILL);
        int status;
        waitpid(child, &status, 0);
        assert_true(WIFSIGNALED(status));

        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        StrBuf got = {0};
        char chunk[8192];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            strbuf_append(&got, chunk, n);
        fclose(f);
        int which = -1;
        for (int v = 0; v < 2; v++)
            if (got.len == text[v].len && memcmp(got.data, text[v].data, got.len) == 0)
                which = v;
        if (which < 0)
            torn++;
        else
            saw[which]++;
        Profile *p = profile_new();
        Diagnostics *d = diag_new();
        assert_int_equal(save_parse(path, got.data, got.len, p, d), 0);
        diag_free(d);
        profile_free(p);
        strbuf_free(&got);
    }
    assert_int_equal(torn, 0);
    /* The kills did land among the saves: both versions were seen. */
    assert_true(saw[0] > 0 && saw[1] > 0);
    print_message("%d kills over saves of %ld us: file held version A/B %d/%d times, torn 0\n", KILLS,
                  per_save, saw[0], saw[1]);
    strbuf_free(&err);
    strbuf_free(&text[0]);
    strbuf_free(&text[1]);
    profile_free(versions[0]);
    profile_free(versions[1]);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sigkill_during_saves_leaves_old_or_new_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
