/* test_placement.c - placing runs of sectionless questions into topics
 * (src/core/placement.h).
 *
 * Small hand-made quiz packs: sectioned questions in three topics, and runs
 * of questions under no section. Pins: a run whose prose overlaps one topic
 * goes there; a run naming a topic ("OOP") goes there even when its words
 * overlap another topic's questions; a run about nothing known gets -1; runs
 * are placed independently of each other and of document order; a topic
 * with no questions can still be chosen by name; empty inputs give -1.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/placement.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

enum { FUNCTIONS, OOP, DATA, GENERATORS };

static const char *const topic_names[] = {"Functions", "OOP", "Data Structures",
                                          "Generators"};

static PlaceDoc sectioned(const char *prose, long topic)
{
    return (PlaceDoc){.prose = prose, .prose_len = strlen(prose), .topic = topic, .run = 0};
}

static PlaceDoc sectionless(const char *prose, size_t run)
{
    return (PlaceDoc){.prose = prose, .prose_len = strlen(prose), .topic = -1, .run = run};
}

/* The sectioned part of the pack: four questions in each of three topics
 * (Generators has none). */
static size_t add_pack(PlaceDoc *docs)
{
    size_t n = 0;
    docs[n++] = sectioned("What is a lambda? An anonymous function defined with the lambda "
                          "keyword, limited to a single expression.", FUNCTIONS);
    docs[n++] = sectioned("What are default arguments? Parameters that take a default value "
                          "when the caller omits the argument.", FUNCTIONS);
    docs[n++] = sectioned("What does *args collect? Extra positional arguments passed to the "
                          "function, gathered into a tuple.", FUNCTIONS);
    docs[n++] = sectioned("What is a closure? A nested function that remembers variables from "
                          "the enclosing scope.", FUNCTIONS);
    docs[n++] = sectioned("What is inheritance? A subclass reuses and extends the behaviour of "
                          "its parent class.", OOP);
    docs[n++] = sectioned("What is encapsulation? Bundling attributes with the methods that "
                          "operate on them and hiding internal state.", OOP);
    docs[n++] = sectioned("What is polymorphism? Different classes expose the same interface "
                          "and respond in their own way.", OOP);
    docs[n++] = sectioned("What is the purpose of __init__? It initialises a new instance of "
                          "a class.", OOP);
    docs[n++] = sectioned("What is a dictionary? A mapping of hashable keys to values with "
                          "constant time lookup.", DATA);
    docs[n++] = sectioned("How does a list differ from a tuple? A list is mutable while a "
                          "tuple is immutable.", DATA);
    docs[n++] = sectioned("What is a set? An unordered collection of unique hashable "
                          "elements.", DATA);
    docs[n++] = sectioned("What is a deque? A double ended queue with fast appends and pops "
                          "at both ends.", DATA);
    return n;
}

/* Run texts. */
static const char *const run_data[] = {
    "What is a frozenset? An immutable set of unique hashable elements.",
    "When should a tuple replace a list? When the sequence must stay immutable.",
};
static const char *const run_oop_named[] = {
    "Why use OOP at all? Code is grouped around objects and their state instead of loose "
    "parameters and positional arguments.",
    "Is OOP slower? Rarely; a subclass call costs what any call with the same arguments "
    "costs.",
};
static const char *const run_unknown[] = {
    "What is the capital of France? Paris, on the Seine.",
    "Who painted the Mona Lisa? Leonardo da Vinci.",
};
static const char *const run_generators[] = {
    "How do generators pause? Generators yield values lazily and resume on next().",
};

static size_t add_run(PlaceDoc *docs, size_t n, const char *const *texts, size_t count,
                      size_t run)
{
    for (size_t i = 0; i < count; i++)
        docs[n++] = sectionless(texts[i], run);
    return n;
}

static void test_run_overlapping_one_topic_goes_there(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_data, COUNT(run_data), 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], DATA);
}

static void test_run_naming_topic_beats_incidental_overlap(void **state)
{
    (void)state;
    /* The run names OOP; its words overlap Functions questions more
     * ("parameter", "positional", "argument") than OOP ones ("state",
     * "subclass"). */
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_oop_named, COUNT(run_oop_named), 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], OOP);
}

/* Places one run whose only word overlap is with Functions questions and
 * whose only name mention is "OOP"; names lists the three topics in some
 * order. Returns the chosen topic's name, or "(none)". */
static const char *place_conflicting_run(const char *const *names)
{
    static const char *const run[] = {
        "Why use OOP at all? Code is grouped around objects instead of loose parameters "
        "and positional arguments.",
        "Is OOP slower? Rarely; the caller passes the same arguments.",
    };
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run, COUNT(run), 0);
    /* add_pack uses the FUNCTIONS, OOP, DATA numbering: renumber. */
    for (size_t i = 0; i < n; i++) {
        if (docs[i].topic < 0)
            continue;
        const char *want = topic_names[docs[i].topic];
        for (long t = 0; t < 3; t++)
            if (strcmp(names[t], want) == 0) {
                docs[i].topic = t;
                break;
            }
    }
    long run_topic[1] = {-7};
    placement_choose(docs, n, names, 3, 1, run_topic);
    return run_topic[0] < 0 ? "(none)" : names[run_topic[0]];
}

static void test_run_naming_topic_wins_when_all_overlap_is_elsewhere(void **state)
{
    (void)state;
    /* Name vote against word vote: the named topic should win, and the
     * answer must not depend on the order the topics are listed in. */
    static const char *const oop_last[] = {"Functions", "Data Structures", "OOP"};
    static const char *const oop_first[] = {"OOP", "Functions", "Data Structures"};
    assert_string_equal(place_conflicting_run(oop_first), "OOP");
    assert_string_equal(place_conflicting_run(oop_last), "OOP");
}

static void test_run_naming_topic_by_multiword_name(void **state)
{
    (void)state;
    /* "data structures" names the topic; the words overlap nothing. */
    static const char *const run[] = {
        "Which data structures suit a cache? Pick by access pattern.",
    };
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run, COUNT(run), 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], DATA);
}

/* Names sharing their first word are each counted, a mention at the very
 * end of a text too: two mentions of "data structures" (the last one
 * ending the run) beat one of "data science", listed first. */
static void test_names_sharing_a_first_word_are_told_apart(void **state)
{
    (void)state;
    static const char *const names[] = {"Data Science", "Data Structures"};
    PlaceDoc docs[4];
    size_t n = 0;
    docs[n++] = sectioned("What is regression? Fitting a line through points.", 0);
    docs[n++] = sectioned("What is a heap? A tree kept in order.", 1);
    docs[n++] = sectionless("Which data structures suit caching? Sorted arrays beat data "
                            "science here; prefer data structures",
                            0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, names, 2, 1, run_topic);
    assert_int_equal(run_topic[0], 1);
    /* With the last mention gone, the two tie and the first listed wins. */
    docs[2] = sectionless("Which data structures suit caching? Sorted arrays beat data "
                          "science here",
                          0);
    placement_choose(docs, n, names, 2, 1, run_topic);
    assert_int_equal(run_topic[0], 0);
}

static void test_run_about_nothing_known_gets_minus_one(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_unknown, COUNT(run_unknown), 0);
    long run_topic[1] = {7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], -1);
}

static void test_two_runs_placed_independently(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_data, COUNT(run_data), 0);
    n = add_run(docs, n, run_oop_named, COUNT(run_oop_named), 1);
    n = add_run(docs, n, run_unknown, COUNT(run_unknown), 2);
    long run_topic[3] = {-7, -7, -7};
    placement_choose(docs, n, topic_names, 3, 3, run_topic);
    assert_int_equal(run_topic[0], DATA);
    assert_int_equal(run_topic[1], OOP);
    assert_int_equal(run_topic[2], -1);
}

static void test_placement_does_not_depend_on_document_order(void **state)
{
    (void)state;
    /* Sectionless questions first and interleaved, runs numbered in
     * another order than they appear. */
    PlaceDoc docs[32];
    size_t n = 0;
    docs[n++] = sectionless(run_oop_named[0], 2);
    docs[n++] = sectionless(run_data[0], 0);
    docs[n++] = sectionless(run_unknown[0], 1);
    docs[n++] = sectionless(run_oop_named[1], 2);
    docs[n++] = sectionless(run_data[1], 0);
    docs[n++] = sectionless(run_unknown[1], 1);
    n += add_pack(docs + n);
    long run_topic[3] = {-7, -7, -7};
    placement_choose(docs, n, topic_names, 3, 3, run_topic);
    assert_int_equal(run_topic[0], DATA);
    assert_int_equal(run_topic[1], -1);
    assert_int_equal(run_topic[2], OOP);
}

static void test_topic_without_docs_chosen_by_name(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_generators, COUNT(run_generators), 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 4, 1, run_topic);
    assert_int_equal(run_topic[0], GENERATORS);
}

static void test_run_with_no_docs_gets_minus_one(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_data, COUNT(run_data), 0);
    long run_topic[2] = {-7, -7};
    placement_choose(docs, n, topic_names, 3, 2, run_topic); /* run 1 is empty */
    assert_int_equal(run_topic[0], DATA);
    assert_int_equal(run_topic[1], -1);
}

static void test_only_sectionless_docs_give_minus_one(void **state)
{
    (void)state;
    PlaceDoc docs[8];
    size_t n = add_run(docs, 0, run_data, COUNT(run_data), 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], -1);
}

static void test_empty_inputs_give_minus_one(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    n = add_run(docs, n, run_data, COUNT(run_data), 0);
    long run_topic[2] = {-7, -7};

    placement_choose(NULL, 0, topic_names, 3, 2, run_topic); /* no docs */
    assert_int_equal(run_topic[0], -1);
    assert_int_equal(run_topic[1], -1);

    run_topic[0] = run_topic[1] = -7;
    placement_choose(docs, n, NULL, 0, 2, run_topic); /* no topics */
    assert_int_equal(run_topic[0], -1);
    assert_int_equal(run_topic[1], -1);

    placement_choose(docs, n, topic_names, 3, 0, run_topic); /* no runs: nothing to do */
    placement_choose(NULL, 0, NULL, 0, 0, NULL);
}

static void test_empty_prose_gets_minus_one(void **state)
{
    (void)state;
    PlaceDoc docs[32];
    size_t n = add_pack(docs);
    docs[n++] = sectionless("", 0);
    docs[n++] = sectionless("?! --", 0);
    long run_topic[1] = {-7};
    placement_choose(docs, n, topic_names, 3, 1, run_topic);
    assert_int_equal(run_topic[0], -1);
}


/* Questions with no content words at all ("What is it?") at the start,
 * and a run of them: nothing to place, nothing read out of bounds (the
 * word pools start empty). */
static void test_questions_without_words_first(void **state)
{
    (void)state;
    PlaceDoc docs[40];
    size_t n = 0;
    docs[n++] = sectioned("What is it? It is.", DATA);
    docs[n++] = sectionless("Why? 42.", 0);
    n += add_pack(docs + n);
    n = add_run(docs, n, run_data, COUNT(run_data), 1);
    long run_topic[2] = {-7, -7};
    placement_choose(docs, n, topic_names, 3, 2, run_topic);
    assert_int_equal(run_topic[0], -1);
    assert_int_equal(run_topic[1], DATA);

    PlaceDoc empty[2] = {sectioned("Is it?", 0), sectionless("Was it?", 0)};
    long only[1] = {-7};
    placement_choose(empty, 2, topic_names, 3, 1, only);
    assert_int_equal(only[0], -1);
}

/* Adds a document through the incremental API, its prose in pieces. */
static void add_doc(Placement *p, long topic, size_t run, const char *const *pieces,
                    size_t count, long *doc_topic, size_t *doc_run, size_t *n)
{
    placement_doc(p, topic < 0);
    for (size_t i = 0; i < count; i++)
        placement_text(p, pieces[i]);
    doc_topic[*n] = topic;
    doc_run[*n] = run;
    (*n)++;
}

/* A pack of 1,400 documents: several batches, so their words are read
 * while documents are still being added (placement_help), by the adding
 * thread between documents, by a second thread, or both. Fillers
 * with words of their own (topic Generators) surround the real questions;
 * a run added early must still find the Data Structures questions added
 * after it, and a vector read for the wrong document, or a batch lost or
 * read out of order, would hand the run to the fillers' topic. Documents
 * come in pieces. With nobody helping, and on one thread (QA_THREADS=1,
 * where each batch is read as soon as it is full), the result is the
 * same. */
enum { HELP_HERE = 1, HELP_THREAD = 2 };
static size_t place_large_pack(long run_topic[2], int helpers);

typedef struct Helper {
    Placement *p;
    atomic_int stop;
    size_t read;
} Helper;

static void *help_until_stopped(void *arg)
{
    Helper *h = arg;
    while (!atomic_load(&h->stop))
        h->read += (size_t)placement_help(h->p);
    return NULL;
}

static void test_a_pack_read_while_documents_come_places_its_runs(void **state)
{
    (void)state;
    long helped[2] = {-7, -7}, both[2] = {-7, -7}, unhelped[2] = {-7, -7};
    long single[2] = {-7, -7};
    setenv("QA_THREADS", "2", 1);
    /* Each of the five full batches, read by the adding thread as soon
     * as it waits. */
    assert_int_equal(place_large_pack(helped, HELP_HERE), 5);
    place_large_pack(both, HELP_HERE | HELP_THREAD); /* how many: by chance */
    assert_int_equal(place_large_pack(unhelped, 0), 0);
    setenv("QA_THREADS", "1", 1);
    assert_int_equal(place_large_pack(single, HELP_HERE), 0); /* nothing waits */
    unsetenv("QA_THREADS");
    assert_int_equal(helped[0], DATA);
    assert_int_equal(helped[1], -1);
    assert_memory_equal(helped, both, sizeof helped);
    assert_memory_equal(helped, unhelped, sizeof helped);
    assert_memory_equal(helped, single, sizeof helped);
}

/* Returns how many batches placement_help read. */
static size_t place_large_pack(long run_topic[2], int helpers)
{
    enum { DOCS = 1400 };
    static long doc_topic[DOCS];
    static size_t doc_run[DOCS];
    static char filler[DOCS][96];
    PlaceDoc pack[16];
    size_t pack_count = add_pack(pack);
    Placement *p = placement_new();
    Helper helper = {p, 0, 0};
    pthread_t thread;
    if (helpers & HELP_THREAD)
        assert_int_equal(pthread_create(&thread, NULL, help_until_stopped, &helper), 0);
    size_t n = 0, read_here = 0;
    for (size_t i = 0; n < DOCS - 20; i++) {
        if ((helpers & HELP_HERE) && i % 50 == 0)
            read_here += (size_t)placement_help(p);
        if (n == 300)
            for (size_t k = 0; k < COUNT(run_data); k++)
                add_doc(p, -1, 0, &run_data[k], 1, doc_topic, doc_run, &n);
        if (n == 900)
            for (size_t k = 0; k < pack_count; k++) {
                /* The prompt and the answer as two pieces. */
                const char *q = pack[k].prose, *mark = strchr(q, '?');
                static char prompt[16][128];
                size_t len = (size_t)(mark - q) + 1;
                memcpy(prompt[k], q, len);
                prompt[k][len] = '\0';
                const char *pieces[2] = {prompt[k], mark + 1};
                add_doc(p, pack[k].topic, 0, pieces, 2, doc_topic, doc_run, &n);
            }
        snprintf(filler[i], sizeof filler[i], "Filler zq%zu? It keeps zr%zu and zs%zu.", i,
                 i, i % 7);
        const char *piece = filler[i];
        add_doc(p, GENERATORS, 0, &piece, 1, doc_topic, doc_run, &n);
    }
    add_doc(p, -1, 1, run_unknown, COUNT(run_unknown), doc_topic, doc_run, &n);
    if (helpers & HELP_THREAD) {
        atomic_store(&helper.stop, 1);
        pthread_join(thread, NULL);
    }
    placement_choose_runs(p, doc_topic, doc_run, topic_names, 4, 2, run_topic);
    placement_free(p);
    return helper.read + read_here;
}

/* Freeing a placement with batches not read yet, with no choice made:
 * nothing is left behind (ASan). */
static void test_freeing_before_choosing_leaks_nothing(void **state)
{
    (void)state;
    Placement *p = placement_new();
    for (size_t i = 0; i < 2000; i++) {
        placement_doc(p, i % 3 == 0);
        placement_text(p, run_oop_named[i % COUNT(run_oop_named)]);
    }
    placement_free(p);
    placement_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_overlapping_one_topic_goes_there),
        cmocka_unit_test(test_run_naming_topic_beats_incidental_overlap),
        cmocka_unit_test(test_run_naming_topic_wins_when_all_overlap_is_elsewhere),
        cmocka_unit_test(test_run_naming_topic_by_multiword_name),
        cmocka_unit_test(test_names_sharing_a_first_word_are_told_apart),
        cmocka_unit_test(test_run_about_nothing_known_gets_minus_one),
        cmocka_unit_test(test_two_runs_placed_independently),
        cmocka_unit_test(test_placement_does_not_depend_on_document_order),
        cmocka_unit_test(test_topic_without_docs_chosen_by_name),
        cmocka_unit_test(test_run_with_no_docs_gets_minus_one),
        cmocka_unit_test(test_only_sectionless_docs_give_minus_one),
        cmocka_unit_test(test_empty_inputs_give_minus_one),
        cmocka_unit_test(test_empty_prose_gets_minus_one),
        cmocka_unit_test(test_questions_without_words_first),
        cmocka_unit_test(test_a_pack_read_while_documents_come_places_its_runs),
        cmocka_unit_test(test_freeing_before_choosing_leaks_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
