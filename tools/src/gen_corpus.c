/* gen_corpus.c - writes a synthetic quiz pack of N questions for benchmarks.
 *
 * The pack mixes the three dialects of the shipped corpus in equal parts
 * (section + numbered questions with bullets; one heading per question with
 * "Answer:" and code; bold sections with bold questions and nested
 * bullets), with a sectionless run now and then, so that every path of the
 * reader is exercised in the proportions real packs have. The output is a
 * pure function of N: no randomness beyond a fixed LCG.
 *
 *   gen_corpus N [TOPICS] > pack.md
 *
 * TOPICS (default 97) is how many distinct section names are cycled
 * through; 1 puts every sectioned question in one topic.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long gen_state = 20261124;

static unsigned gen_next(unsigned n)
{
    gen_state = gen_state * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned)((gen_state >> 33) % n);
}

static const char *const gen_words[] = {
    "object", "class", "method", "function", "module", "package", "thread", "process",
    "request", "response", "database", "index", "query", "cache", "token", "session",
    "iterator", "generator", "decorator", "closure", "exception", "context", "manager",
    "buffer", "stream", "socket", "server", "client", "schema", "migration", "queue",
    "worker", "scheduler", "container", "image", "volume", "network", "gateway", "proxy",
    "metric", "logger", "handler", "signal", "event", "loop", "coroutine", "future",
    "promise", "callback", "pipeline", "deployment", "service", "endpoint", "router"};
#define GEN_WORDS (sizeof gen_words / sizeof *gen_words)

static const char *gen_word(void)
{
    return gen_words[gen_next(GEN_WORDS)];
}

static void gen_sentence(int words)
{
    for (int i = 0; i < words; i++)
        printf("%s%s", i ? " " : "", gen_word());
}

static void gen_dialect1(unsigned long *q, unsigned long count, unsigned long topic)
{
    printf("### Topic %lu\n\n", topic);
    for (int i = 0; i < 5 && *q < count; i++, (*q)++) {
        printf("%lu. What is the difference between a %s and a %s number %lu?\n", *q % 40 + 1,
               gen_word(), gen_word(), *q);
        int bullets = 1 + (int)gen_next(4);
        for (int b = 0; b < bullets; b++) {
            printf("   - `%s`: ", gen_word());
            gen_sentence(6 + (int)gen_next(10));
            printf(".\n");
        }
        printf("\n");
    }
    printf("---\n\n");
}

static void gen_dialect2(unsigned long *q, unsigned long count)
{
    for (int i = 0; i < 5 && *q < count; i++, (*q)++) {
        printf("### %d. How does the %s %s work in case %lu?\nAnswer:  \n", i + 1, gen_word(),
               gen_word(), *q);
        gen_sentence(12 + (int)gen_next(20));
        printf(".\n\nExample:\n```python\nclass %s:\n    def %s(self):\n        return %u"
               "  # Output: %u\n```\n\n---\n\n",
               gen_word(), gen_word(), gen_next(100), gen_next(100));
    }
}

static void gen_dialect3(unsigned long *q, unsigned long count, unsigned long topic)
{
    printf("### **Topic %lu**\n", topic);
    for (int i = 0; i < 5 && *q < count; i++, (*q)++) {
        printf("%d. **Explain the %s of a %s in scenario %lu.**  \n   - ", i + 1, gen_word(),
               gen_word(), *q);
        gen_sentence(8 + (int)gen_next(8));
        printf(".  \n     - **%s:** ", gen_word());
        gen_sentence(5 + (int)gen_next(6));
        printf(".\n\n");
    }
    printf("---\n\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen_corpus QUESTIONS [TOPICS]\n");
        return 2;
    }
    unsigned long count = strtoul(argv[1], NULL, 10);
    unsigned long topics = argc > 2 ? strtoul(argv[2], NULL, 10) : 97;
    if (topics == 0)
        topics = 1;
    unsigned long q = 0, block = 0;
    printf("# Generated pack\n\n");
    while (q < count) {
        unsigned long topic = block / 2 % topics;
        switch (block % 3) {
        case 0: gen_dialect1(&q, count, topic); break;
        case 1: gen_dialect3(&q, count, topic); break;
        default: gen_dialect2(&q, count); break;
        }
        block++;
    }
    return ferror(stdout) ? 1 : 0;
}
