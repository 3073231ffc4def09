/* bench_core.c - in-process timings of the core, printed as "name: value".
 *
 *   bench_core corpus FILE [REPEAT]   mean time to read a corpus from memory
 *   bench_core rounds FILE [REPEAT]   generator set-up, and the time to make a
 *                                     10-question round (one topic, and all
 *                                     topics mixed)
 *
 * Reading from memory leaves disk and process start-up out, which the
 * whole-process comparison in tools/bench covers.
 */
#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"
#include "core/round.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double bench_now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static char *bench_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static int bench_corpus(const char *path, int repeat)
{
    size_t len;
    char *data = bench_read(path, &len);
    if (!data) {
        fprintf(stderr, "bench_core: cannot read %s\n", path);
        return 1;
    }
    double best = 1e18, total = 0;
    size_t questions = 0;
    for (int i = 0; i < repeat; i++) {
        double t0 = bench_now_us();
        Diagnostics *diag = diag_new();
        CorpusReader *r = corpus_reader_new();
        corpus_reader_add(r, path, data, len, diag);
        Bank *bank = corpus_reader_finish(r, diag);
        double dt = bench_now_us() - t0;
        questions = bank_question_count(bank);
        bank_free(bank);
        diag_free(diag);
        total += dt;
        if (dt < best)
            best = dt;
    }
    printf("corpus_questions: %zu\ncorpus_read_us_mean: %.1f\ncorpus_read_us_best: %.1f\n",
           questions, total / repeat, best);
    free(data);
    return 0;
}

static int bench_rounds(const char *path, int repeat)
{
    Diagnostics *diag = diag_new();
    Bank *bank = corpus_load(path, diag);
    diag_free(diag);
    if (bank_question_count(bank) < 2) {
        fprintf(stderr, "bench_core: %s has no playable questions\n", path);
        bank_free(bank);
        return 1;
    }
    double t0 = bench_now_us();
    RoundGen *gen = roundgen_new(bank, 42);
    double setup = bench_now_us() - t0;
    RoundParams params = {10, 4, KINDS_ALL};
    /* The largest topic, where choosing distractors costs most. */
    size_t big = 0;
    for (size_t t = 1; t < bank_topic_count(bank); t++)
        if (bank_topic_size(bank, t) > bank_topic_size(bank, big))
            big = t;
    double one = 0, all = 0;
    for (int i = 0; i < repeat; i++) {
        Round r;
        double a = bench_now_us();
        round_generate(gen, &big, 1, &params, &r);
        double b = bench_now_us();
        round_free(&r);
        round_generate(gen, NULL, 0, &params, &r);
        double c = bench_now_us();
        round_free(&r);
        one += b - a;
        all += c - b;
    }
    printf("rounds_bank_questions: %zu\nrounds_largest_topic: %zu\n"
           "rounds_setup_ms: %.2f\nround_one_topic_us: %.2f\nround_all_topics_us: %.2f\n",
           bank_question_count(bank), bank_topic_size(bank, big), setup / 1000.0,
           one / repeat, all / repeat);
    roundgen_free(gen);
    bank_free(bank);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "rounds") == 0)
        return bench_rounds(argv[2], argc > 3 ? atoi(argv[3]) : 1000);
    if (argc >= 3 && strcmp(argv[1], "corpus") == 0)
        return bench_corpus(argv[2], argc > 3 ? atoi(argv[3]) : 100);
    fprintf(stderr, "usage: bench_core corpus|rounds FILE [REPEAT]\n");
    return 2;
}
