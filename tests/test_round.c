/* test_round.c - the round generator: fair options from the same topic,
 * the near-duplicate rule on the seed's pairs, no giveaway by length,
 * uniform positions, bags, weights, determinism, small topics, kinds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"
#include "core/round.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED QA_SOURCE_DIR "/assets/corpus/python-interview.md"
/* Pinned on x86-64 with gcc -O2; must hold for any machine and build. */
#define GOLDEN_ROUND                                                                 \
    "reverse 7 2: 8 9 7 10;answer 5 1: 1 5 0 3;reverse 9 3: 8 6 10 9;"                \
    "reverse 0 3: 3 2 4 0;reverse 6 1: 10 6 9 7;"

static Bank *seed_bank;

static int setup_seed(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    seed_bank = corpus_load(SEED, d);
    diag_free(d);
    return bank_question_count(seed_bank) == 75 ? 0 : -1;
}

static int teardown_seed(void **state)
{
    (void)state;
    bank_free(seed_bank);
    return 0;
}

static size_t find_q(const Bank *b, const char *prompt)
{
    StrBuf s = {0};
    for (size_t i = 0; i < bank_question_count(b); i++) {
        strbuf_clear(&s);
        const char *p = bank_question(b, i)->prompt;
        text_append_plain(&s, p, strlen(p));
        if (strcmp(strbuf_str(&s), prompt) == 0) {
            strbuf_free(&s);
            return i;
        }
    }
    strbuf_free(&s);
    fail_msg("no question \"%s\"", prompt);
    return SIZE_MAX;
}

/* A bank made by hand: topics[t] has sizes[t] questions. Each prompt and
 * answer uses words no other question of its topic uses, so that no two are
 * near duplicates. */
static Bank *make_bank(const char *const *names, const size_t *sizes, size_t topics)
{
    static const char *const words[] = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa",
        "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray",
        "yankee", "zulu", "amber", "basalt", "cobalt", "dune", "ember", "fjord",
        "garnet", "harbor", "iris", "jade", "kelp", "lagoon", "marble", "nectar",
        "onyx", "pebble", "quartz", "reef", "slate", "tundra", "umber", "violet"};
    const size_t nw = sizeof words / sizeof *words;
    Bank *b = bank_new();
    for (size_t t = 0; t < topics; t++) {
        size_t topic = bank_add_topic(b, names[t]);
        for (size_t i = 0; i < sizes[t]; i++) {
            size_t w = i * 4;
            char prompt[128], answer[256];
            snprintf(prompt, sizeof prompt, "What is the %s %s?", words[w % nw],
                     words[(w + 1) % nw]);
            snprintf(answer, sizeof answer, "The %s joins the %s in the %s.",
                     words[(w + 2) % nw], words[(w + 3) % nw], words[(i * 5 + t) % nw]);
            AnswerBlock block = {ANSWER_PARA, 0, 0, answer, ""};
            Question q = {0};
            q.prompt = prompt;
            q.answer = &block;
            q.answer_len = 1;
            q.file = "hand.md";
            q.line = (unsigned)(t * 100 + i + 1);
            q.topic = topic;
            bank_add_question(b, &q);
        }
    }
    bank_finish(b);
    return b;
}

/* Checks every invariant of one generated question. */
static void check_item(const Bank *b, const RoundGen *g, const RoundItem *it, unsigned max_options)
{
    assert_true(it->option_count >= 2);
    assert_true(it->option_count <= max_options);
    assert_true(it->answer < it->option_count);
    assert_int_equal(it->sources[it->answer], it->question);
    StrBuf a = {0}, c = {0};
    for (unsigned i = 0; i < it->option_count; i++) {
        assert_true(strlen(it->options[i]) > 0);
        for (unsigned j = i + 1; j < it->option_count; j++) {
            strbuf_clear(&a);
            strbuf_clear(&c);
            text_append_key(&a, it->options[i], strlen(it->options[i]));
            text_append_key(&c, it->options[j], strlen(it->options[j]));
            assert_string_not_equal(strbuf_str(&a), strbuf_str(&c));
            if (it->kind != KIND_OUTPUT && !it->borrowed)
                assert_false(roundgen_conflict(g, it->sources[i], it->sources[j]));
        }
        if (!it->borrowed)
            assert_int_equal(bank_question(b, it->sources[i])->topic, it->topic);
    }
    const Question *q = bank_question(b, it->question);
    if (it->kind == KIND_ANSWER) {
        assert_string_equal(it->options[it->answer], q->option);
        assert_string_equal(it->prompt, q->prompt);
    } else if (it->kind == KIND_REVERSE) {
        assert_string_equal(it->prompt, q->option);
        strbuf_clear(&a);
        text_append_plain(&a, q->prompt, strlen(q->prompt));
        assert_string_equal(it->options[it->answer], strbuf_str(&a));
    } else {
        assert_null(strstr(it->prompt, "# Output"));
    }
    strbuf_free(&a);
    strbuf_free(&c);
}

static void test_every_item_of_the_seed_is_fair(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 11);
    for (int level = 1; level <= 3; level++) {
        RoundParams p;
        assert_int_equal(round_default_params(level, &p, NULL), 0);
        for (int r = 0; r < 30; r++) {
            Round round;
            assert_int_equal(round_generate(g, NULL, 0, &p, &round), 0);
            assert_int_equal(round.count, p.questions);
            for (size_t i = 0; i < round.count; i++)
                check_item(seed_bank, g, &round.items[i], p.options);
            round_free(&round);
        }
    }
    roundgen_free(g);
}

static void test_the_seeds_near_duplicates_are_never_offered_together(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 1);
    size_t key = find_q(seed_bank, "What are Python's key features?");
    size_t web = find_q(seed_bank,
                        "What are Python's key features that make it suitable for web development?");
    size_t comp = find_q(seed_bank, "Explain the difference between composition and inheritance.");
    size_t isa = find_q(seed_bank, "What is the difference between is-a and has-a relationships?");
    assert_true(roundgen_conflict(g, key, web));
    assert_true(roundgen_conflict(g, web, key));
    assert_true(roundgen_conflict(g, comp, isa));
    /* An option that answers the other question too: "Enables asynchronous
     * programming using async and await" for "the difference between
     * synchronous and asynchronous programming", and encapsulation's
     * definition for "the main principles of OOP". */
    size_t aio = find_q(seed_bank, "What is the use of the asyncio library in Python?");
    size_t sync = find_q(seed_bank,
                         "What is the difference between synchronous and asynchronous programming "
                         "in Python?");
    size_t principles = find_q(seed_bank, "What are the main principles of OOP?");
    size_t encap = find_q(seed_bank, "What is encapsulation?");
    assert_true(roundgen_conflict(g, aio, sync));
    assert_true(roundgen_conflict(g, sync, aio));
    assert_true(roundgen_conflict(g, principles, encap));
    /* And ordinary pairs of a topic are not conflicts. */
    size_t gil = find_q(seed_bank,
                        "Explain Python's GIL (Global Interpreter Lock) and its impact on multi-threading.");
    size_t mem = find_q(seed_bank, "Explain Python's memory management.");
    assert_false(roundgen_conflict(g, gil, mem));
    RoundParams p = {10, 4, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE)};
    size_t topic = bank_question(seed_bank, key)->topic;
    for (int r = 0; r < 200; r++) {
        Round round;
        round_generate(g, &topic, 1, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            int has_key = 0, has_web = 0;
            for (unsigned o = 0; o < it->option_count; o++) {
                has_key |= it->sources[o] == key;
                has_web |= it->sources[o] == web;
            }
            assert_false(has_key && has_web);
        }
        round_free(&round);
    }
    roundgen_free(g);
}

static void test_right_option_is_rarely_the_single_longest(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 5);
    RoundParams p = {10, 4, KIND_BIT(KIND_ANSWER)};
    size_t four = 0, longest = 0;
    for (int r = 0; r < 60; r++) {
        for (size_t t = 0; t < bank_topic_count(seed_bank); t++) {
            Round round;
            round_generate(g, &t, 1, &p, &round);
            for (size_t i = 0; i < round.count; i++) {
                const RoundItem *it = &round.items[i];
                if (it->option_count != 4)
                    continue;
                four++;
                size_t right = utf8_count(it->options[it->answer], strlen(it->options[it->answer]));
                int single = 1;
                for (unsigned o = 0; o < 4; o++)
                    if (o != it->answer &&
                        utf8_count(it->options[o], strlen(it->options[o])) >= right)
                        single = 0;
                longest += single;
            }
            round_free(&round);
        }
    }
    assert_true(four > 3000);
    /* Chance is 25%; the bar is 35%. */
    assert_true(longest * 100 <= four * 35);
    print_message("right option single longest in %zu of %zu 4-option questions (%.1f%%)\n",
                  longest, four, 100.0 * (double)longest / (double)four);
    roundgen_free(g);
}

static void test_right_position_is_uniform(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 9);
    RoundParams p = {10, 4, KINDS_ALL};
    size_t counts[4] = {0}, total = 0;
    for (int r = 0; r < 400; r++) {
        Round round;
        round_generate(g, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            if (round.items[i].option_count == 4) {
                counts[round.items[i].answer]++;
                total++;
            }
        }
        round_free(&round);
    }
    for (int k = 0; k < 4; k++) {
        assert_true(counts[k] * 100 > total * 22);
        assert_true(counts[k] * 100 < total * 28);
    }
    roundgen_free(g);
}

static void test_bag_repeats_no_question_until_its_topic_is_used_up(void **state)
{
    (void)state;
    const char *names[] = {"Small", "Other"};
    size_t sizes[] = {7, 9};
    Bank *b = make_bank(names, sizes, 2);
    RoundGen *g = roundgen_new(b, 2);
    RoundParams p = {3, 3, KIND_BIT(KIND_ANSWER)};
    size_t topic = 0;
    int seen[7] = {0};
    size_t drawn = 0;
    /* Rounds of 3 from 7 questions: the first 7 draws are all different. */
    while (drawn < 7) {
        Round round;
        round_generate(g, &topic, 1, &p, &round);
        for (size_t i = 0; i < round.count && drawn < 7; i++, drawn++) {
            size_t q = round.items[i].question - bank_topic_first(b, 0);
            assert_true(q < 7);
            assert_int_equal(seen[q], 0);
            seen[q] = 1;
        }
        round_free(&round);
    }
    /* A round longer than the topic is cut to the topic, without repeats. */
    RoundParams big = {20, 3, KIND_BIT(KIND_ANSWER)};
    Round round;
    round_generate(g, &topic, 1, &big, &round);
    assert_int_equal(round.count, 7);
    for (size_t i = 0; i < round.count; i++)
        for (size_t j = i + 1; j < round.count; j++)
            assert_true(round.items[i].question != round.items[j].question);
    round_free(&round);
    roundgen_free(g);
    bank_free(b);
}

static void test_heavy_weight_comes_back_sooner(void **state)
{
    (void)state;
    const char *names[] = {"Topic"};
    size_t sizes[] = {12};
    Bank *b = make_bank(names, sizes, 1);
    RoundParams p = {1, 3, KIND_BIT(KIND_ANSWER)};
    size_t topic = 0, missed = 5;
    int first_heavy = 0, first_plain = 0;
    for (uint64_t seed = 1; seed <= 200; seed++) {
        RoundGen *g = roundgen_new(b, seed);
        Round round;
        round_generate(g, &topic, 1, &p, &round);
        first_plain += round.items[0].question == missed;
        round_free(&round);
        roundgen_set_weight(g, missed, ROUND_WEIGHT_DEFAULT * 50);
        roundgen_reset_bags(g);
        round_generate(g, &topic, 1, &p, &round);
        first_heavy += round.items[0].question == missed;
        round_free(&round);
        roundgen_free(g);
    }
    /* Uniform: about 1 in 12. Fifty times heavier: most of the time. */
    assert_true(first_plain < 40);
    assert_true(first_heavy > 140);
    bank_free(b);
}

static void round_dump(RoundGen *g, StrBuf *out)
{
    RoundParams p = {12, 4, KINDS_ALL};
    for (int r = 0; r < 5; r++) {
        Round round;
        round_generate(g, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            strbuf_printf(out, "%d %zu %u:", it->kind, it->question, it->answer);
            for (unsigned o = 0; o < it->option_count; o++)
                strbuf_printf(out, " %zu", it->sources[o]);
            strbuf_putc(out, '\n');
        }
        round_free(&round);
    }
}

static void test_same_seed_gives_the_same_rounds(void **state)
{
    (void)state;
    StrBuf a = {0}, b = {0}, c = {0};
    RoundGen *g1 = roundgen_new(seed_bank, 2026), *g2 = roundgen_new(seed_bank, 2026),
             *g3 = roundgen_new(seed_bank, 2027);
    round_dump(g1, &a);
    round_dump(g2, &b);
    round_dump(g3, &c);
    assert_string_equal(strbuf_str(&a), strbuf_str(&b));
    assert_string_not_equal(strbuf_str(&a), strbuf_str(&c));
    roundgen_free(g1);
    roundgen_free(g2);
    roundgen_free(g3);
    strbuf_free(&a);
    strbuf_free(&b);
    strbuf_free(&c);
}

static void test_rounds_are_the_same_on_every_machine(void **state)
{
    (void)state;
    /* A pinned round of a hand-made bank: a different machine, compiler or
     * libm must give exactly this. */
    const char *names[] = {"Alpha", "Beta"};
    size_t sizes[] = {6, 5};
    Bank *b = make_bank(names, sizes, 2);
    RoundGen *g = roundgen_new(b, 12345);
    RoundParams p = {5, 4, KINDS_ALL};
    Round round;
    round_generate(g, NULL, 0, &p, &round);
    StrBuf got = {0};
    for (size_t i = 0; i < round.count; i++) {
        const RoundItem *it = &round.items[i];
        strbuf_printf(&got, "%s %zu %u:", kind_name(it->kind), it->question, it->answer);
        for (unsigned o = 0; o < it->option_count; o++)
            strbuf_printf(&got, " %zu", it->sources[o]);
        strbuf_putc(&got, ';');
    }
    print_message("pinned: %s\n", strbuf_str(&got));
    assert_string_equal(strbuf_str(&got), GOLDEN_ROUND);
    round_free(&round);
    strbuf_free(&got);
    roundgen_free(g);
    bank_free(b);
}

static void test_small_topics_get_fewer_options_and_tiny_ones_borrow(void **state)
{
    (void)state;
    const char *names[] = {"Three", "Lonely", "Big"};
    size_t sizes[] = {3, 1, 8};
    Bank *b = make_bank(names, sizes, 3);
    RoundGen *g = roundgen_new(b, 4);
    RoundParams p = {10, 4, KIND_BIT(KIND_ANSWER)};
    size_t three = 0, lonely = 1;
    Round round;
    round_generate(g, &three, 1, &p, &round);
    assert_int_equal(round.count, 3);
    for (size_t i = 0; i < round.count; i++) {
        assert_int_equal(round.items[i].option_count, 3); /* 2 fair distractors */
        assert_false(round.items[i].borrowed);
    }
    round_free(&round);
    round_generate(g, &lonely, 1, &p, &round);
    assert_int_equal(round.count, 1);
    assert_true(round.items[0].borrowed);
    assert_true(round.items[0].option_count >= 2);
    assert_int_equal(bank_question(b, round.items[0].sources[round.items[0].answer])->topic, 1);
    round_free(&round);
    Diagnostics *d = diag_new();
    roundgen_check(g, 4, d);
    int fewer = 0, borrows = 0;
    for (size_t i = 0; i < diag_count(d); i++) {
        fewer |= strstr(diag_get(d, i)->message, "\"Three\": 3 of its 3 questions get fewer") != NULL;
        borrows |= strstr(diag_get(d, i)->message, "\"Lonely\" cannot offer 2") != NULL;
    }
    assert_true(fewer);
    assert_true(borrows);
    diag_free(d);
    roundgen_free(g);
    bank_free(b);
}

static void test_kinds_appear_only_where_allowed(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 3);
    RoundParams answer_only = {10, 4, KIND_BIT(KIND_ANSWER)};
    RoundParams all = {10, 4, KINDS_ALL};
    size_t counts[KIND_COUNT] = {0};
    for (int r = 0; r < 100; r++) {
        Round round;
        round_generate(g, NULL, 0, &answer_only, &round);
        for (size_t i = 0; i < round.count; i++)
            assert_int_equal(round.items[i].kind, KIND_ANSWER);
        round_free(&round);
        round_generate(g, NULL, 0, &all, &round);
        for (size_t i = 0; i < round.count; i++)
            counts[round.items[i].kind]++;
        round_free(&round);
    }
    for (int k = 0; k < KIND_COUNT; k++)
        assert_true(counts[k] > 0);
    roundgen_free(g);
}

static void test_output_questions_show_code_and_ask_for_its_output(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 8);
    size_t self_q = find_q(seed_bank, "What is self in Python classes?");
    size_t poly = find_q(seed_bank, "What is polymorphism in Python?");
    assert_int_equal(roundgen_output_count(g, self_q), 1);
    assert_int_equal(roundgen_output_count(g, poly), 1);
    size_t oop = bank_question(seed_bank, self_q)->topic;
    size_t outputs = 0;
    for (size_t i = 0; i < bank_topic_size(seed_bank, oop); i++)
        outputs += roundgen_output_count(g, bank_topic_first(seed_bank, oop) + i);
    assert_true(outputs >= 10);
    RoundParams p = {20, 4, KIND_BIT(KIND_OUTPUT)};
    int found_self = 0, found_poly = 0;
    for (int r = 0; r < 60 && !(found_self && found_poly); r++) {
        Round round;
        round_generate(g, &oop, 1, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            if (it->kind != KIND_OUTPUT)
                continue;
            check_item(seed_bank, g, it, 4);
            assert_string_equal(it->code_lang, "python");
            if (it->question == self_q) {
                found_self = 1;
                assert_string_equal(it->options[it->answer], "Hello! My name is John");
                assert_non_null(strstr(it->prompt, "person.greet()"));
            }
            if (it->question == poly) {
                found_poly = 1;
                assert_string_equal(it->options[it->answer], "Meow / Bark");
                assert_non_null(strstr(it->prompt, "animal_sound(Dog())"));
            }
        }
        round_free(&round);
    }
    assert_true(found_self);
    assert_true(found_poly);
    roundgen_free(g);
}

static void test_reverse_questions_offer_prompts(void **state)
{
    (void)state;
    RoundGen *g = roundgen_new(seed_bank, 6);
    RoundParams p = {10, 4, KIND_BIT(KIND_REVERSE)};
    size_t reverse = 0;
    for (int r = 0; r < 20; r++) {
        Round round;
        round_generate(g, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            if (round.items[i].kind == KIND_REVERSE) {
                reverse++;
                check_item(seed_bank, g, &round.items[i], 4);
            }
        }
        round_free(&round);
    }
    /* Answer is always allowed besides: about half. */
    assert_true(reverse > 60);
    roundgen_free(g);
}

/* Questions whose prompt asks about code ("What does this print?") show
 * it, with at most ROUND_OUTPUT_OPTIONS options; they are never reversed
 * (nor offered as a reversed question's options), and the same prompt over
 * other code is no near duplicate. */
static void test_prompts_with_code_show_it_and_are_never_reversed(void **state)
{
    (void)state;
    Bank *b = bank_new();
    size_t topic = bank_add_topic(b, "Output");
    static const char *const prose[] = {"lantern", "meadow", "harbor", "quartz", "violet",
                                        "ember"};
    for (unsigned i = 0; i < 12; i++) {
        char code[64], answer[96], prompt[96];
        snprintf(code, sizeof code, "print(%u * 7)", i);
        snprintf(answer, sizeof answer, "It prints %u.", i * 7);
        snprintf(prompt, sizeof prompt, "Which %s holds the %s?", prose[i % 6],
                 prose[(i + 1) % 6]);
        AnswerBlock block = {ANSWER_PARA, 0, 0, answer, ""};
        Question q = {0};
        q.prompt = i < 8 ? "What does this print?" : prompt;
        q.code = i < 8 ? code : NULL;
        q.code_lang = "python";
        q.answer = &block;
        q.answer_len = 1;
        q.topic = topic;
        bank_add_question(b, &q);
    }
    bank_finish(b);
    RoundGen *g = roundgen_new(b, 99);
    for (size_t q = 1; q < 8; q++)
        assert_false(roundgen_conflict(g, 0, q));
    RoundParams p = {12, 5, KINDS_ALL};
    size_t with_code = 0, reversed = 0;
    for (int r = 0; r < 20; r++) {
        Round round;
        round_generate(g, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            const Question *q = bank_question(b, it->question);
            check_item(b, g, it, q->code ? ROUND_OUTPUT_OPTIONS : 5);
            if (it->kind == KIND_ANSWER && q->code) {
                with_code++;
                assert_string_equal(it->code, q->code);
                assert_string_equal(it->code_lang, "python");
            } else {
                assert_null(it->code);
            }
            if (it->kind == KIND_REVERSE) {
                reversed++;
                assert_null(q->code);
                for (unsigned o = 0; o < it->option_count; o++)
                    assert_null(bank_question(b, it->sources[o])->code);
            }
        }
        round_free(&round);
    }
    assert_true(with_code > 50);
    assert_true(reversed > 10);
    roundgen_free(g);
    bank_free(b);
}

/* A lone topic whose questions all nearly duplicate each other has no
 * fair distractor and no topic to borrow from: its questions are not asked
 * (they would show their answer alone), and the generator says so. */
static void test_questions_with_nothing_to_choose_from_are_not_asked(void **state)
{
    (void)state;
    const char *md = "## Lists\n\n"
                     "1. What is a list?\n   - A list is an ordered mutable sequence.\n"
                     "2. What is a Python list?\n   - A list is an ordered mutable sequence of items.\n"
                     "3. What is a list in Python?\n   - A Python list is an ordered, mutable sequence.\n";
    Diagnostics *d = diag_new();
    CorpusReader *r = corpus_reader_new();
    corpus_reader_add(r, "lists.md", md, strlen(md), d);
    Bank *b = corpus_reader_finish(r, d);
    assert_int_equal(bank_question_count(b), 3);
    RoundGen *g = roundgen_new(b, 1);
    assert_int_equal(roundgen_askable(g), 0);
    RoundParams p = {3, 4, KIND_BIT(KIND_ANSWER)};
    Round round;
    round_generate(g, NULL, 0, &p, &round);
    assert_int_equal(round.count, 0);
    round_free(&round);
    roundgen_free(g);
    bank_free(b);
    diag_free(d);
    /* With the seed, every question can be asked. */
    g = roundgen_new(seed_bank, 1);
    assert_int_equal(roundgen_askable(g), bank_question_count(seed_bank));
    roundgen_free(g);
}

/* What a level promises is what its rounds give: round_plays against many
 * generated rounds of the same parameters. */
static void check_plays(RoundGen *g, size_t topic, const RoundParams *asked,
                        const RoundParams *plays)
{
    unsigned most = 0, kinds = 0;
    size_t count = SIZE_MAX;
    for (int r = 0; r < 200; r++) {
        Round round;
        round_generate(g, &topic, 1, asked, &round);
        if (count == SIZE_MAX)
            count = round.count;
        assert_int_equal(round.count, count);
        for (size_t i = 0; i < round.count; i++) {
            if (round.items[i].option_count > most)
                most = round.items[i].option_count;
            kinds |= KIND_BIT(round.items[i].kind);
        }
        round_free(&round);
    }
    assert_int_equal(plays->questions, count);
    assert_int_equal(plays->options, most);
    assert_int_equal(plays->kinds, kinds);
}

static void test_a_level_plays_what_its_topic_can_give(void **state)
{
    (void)state;
    const char *names[] = {"Three", "Lonely", "Big"};
    size_t sizes[] = {3, 1, 8};
    Bank *b = make_bank(names, sizes, 3);
    RoundGen *g = roundgen_new(b, 4);
    RoundParams asked = {8, 5, KINDS_ALL}, plays;
    /* Three questions, two fair distractors each, no code to run. */
    round_plays(g, 0, &asked, &plays);
    assert_int_equal(plays.questions, 3);
    assert_int_equal(plays.options, 3);
    assert_int_equal(plays.kinds, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE));
    check_plays(g, 0, &asked, &plays);
    /* A lone question borrows from the nearest topic (Three): as many
     * options as that topic has questions, plus its own answer. */
    round_plays(g, 1, &asked, &plays);
    assert_int_equal(plays.questions, 1);
    assert_int_equal(roundgen_nearest_topic(g, 1), 0);
    assert_int_equal(plays.options, 4);
    assert_int_equal(plays.kinds, KIND_BIT(KIND_ANSWER));
    check_plays(g, 1, &asked, &plays);
    /* A topic with room gives what is asked, but never more. */
    RoundParams few = {5, 4, KIND_BIT(KIND_ANSWER)};
    round_plays(g, 2, &few, &plays);
    assert_int_equal(plays.questions, 5);
    assert_int_equal(plays.options, 4);
    assert_int_equal(plays.kinds, KIND_BIT(KIND_ANSWER));
    check_plays(g, 2, &few, &plays);
    round_plays(g, 3, &few, &plays); /* no such topic */
    assert_int_equal(plays.questions, 0);
    roundgen_free(g);
    bank_free(b);
    /* The seed's OOP topic has code with output comments: all three kinds,
     * and the options its code-showing questions leave room for. */
    g = roundgen_new(seed_bank, 2);
    size_t oop = bank_question(seed_bank, find_q(seed_bank, "What is self in Python classes?"))->topic;
    RoundParams all = {20, 5, KINDS_ALL};
    round_plays(g, oop, &all, &plays);
    assert_int_equal(plays.questions, 20);
    assert_int_equal(plays.kinds, KINDS_ALL);
    check_plays(g, oop, &all, &plays);
    /* Functions has no output comments: no "code output" level there. */
    size_t fn = bank_question(seed_bank, find_q(seed_bank,
                                                "What are args and kwargs in Python functions?"))->topic;
    round_plays(g, fn, &all, &plays);
    assert_int_equal(plays.questions, 5);
    assert_false(plays.kinds & KIND_BIT(KIND_OUTPUT));
    check_plays(g, fn, &all, &plays);
    roundgen_free(g);
}

/* A question written with its own choices is offered those, never other
 * questions' answers, and is never asked the other way round; the level
 * screen and --check count its choices, not its topic. */
static void test_questions_with_their_own_choices_offer_them(void **state)
{
    (void)state;
    const char *md = "## Powers\n\n"
                     "1. What is 2 ** 3?\n   - a) 6\n   - b) 8\n   - c) 9\n   - d) 5\n\n"
                     "   Answer: b\n\n"
                     "2. What is 3 ** 2?\n   - a) 6\n   - b) 9\n\n   Answer: b\n\n"
                     "3. What is 10 ** 0?\n   - [ ] 0\n   - [x] 1\n   - [ ] 10\n";
    Diagnostics *d = diag_new();
    CorpusReader *r = corpus_reader_new();
    corpus_reader_add(r, "powers.md", md, strlen(md), d);
    Bank *b = corpus_reader_finish(r, d);
    assert_int_equal(bank_question_count(b), 3);
    size_t cube = find_q(b, "What is 2 ** 3?"), square = find_q(b, "What is 3 ** 2?");
    size_t one = find_q(b, "What is 10 ** 0?");
    assert_int_equal(bank_question(b, cube)->choice_count, 3);
    assert_int_equal(bank_question(b, one)->choice_count, 2);
    RoundGen *g = roundgen_new(b, 8);
    assert_int_equal(roundgen_fair_distractors(g, cube), 3);
    assert_int_equal(roundgen_fair_distractors(g, square), 1);
    RoundParams p = {3, 5, KINDS_ALL}, plays;
    round_plays(g, 0, &p, &plays);
    assert_int_equal(plays.options, 4);
    assert_int_equal(plays.kinds, KIND_BIT(KIND_ANSWER));
    check_plays(g, 0, &p, &plays);
    RoundParams three = {3, 3, KINDS_ALL};
    unsigned seen_cube[4] = {0};
    for (int n = 0; n < 50; n++) {
        Round round;
        round_generate(g, NULL, 0, &three, &round);
        assert_int_equal(round.count, 3);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            const Question *q = bank_question(b, it->question);
            assert_int_equal(it->kind, KIND_ANSWER);
            assert_int_equal(it->option_count,
                             q->choice_count + 1 < 3 ? q->choice_count + 1 : 3);
            assert_string_equal(it->options[it->answer], q->option);
            for (unsigned o = 0; o < it->option_count; o++) {
                assert_int_equal(it->sources[o], it->question);
                if (o == it->answer)
                    continue;
                size_t c = 0;
                while (c < q->choice_count && strcmp(q->choices[c], it->options[o]) != 0)
                    c++;
                assert_true(c < q->choice_count); /* one of its own */
                if (it->question == cube)
                    seen_cube[c]++;
            }
        }
        round_free(&round);
    }
    /* Two of its three wrong choices at a time, each of them in turn. */
    assert_true(seen_cube[0] > 10 && seen_cube[1] > 10 && seen_cube[2] > 10);
    Diagnostics *check = diag_new();
    roundgen_check(g, 4, check);
    assert_int_equal(diag_count(check), 1); /* "3 ** 2" has one wrong choice */
    assert_non_null(strstr(diag_get(check, 0)->message, "2 of its 3 questions"));
    diag_free(check);
    roundgen_free(g);
    bank_free(b);
    diag_free(d);
}

/* A true-or-false question offers True, then False, whichever is right. */
static void test_true_or_false_offers_true_first(void **state)
{
    (void)state;
    const char *md = "## Facts\n\n**True or false: lists are immutable.**\n\nFalse.\n\n"
                     "**True or false: tuples are immutable.**\n\nTrue.\n";
    Diagnostics *d = diag_new();
    CorpusReader *r = corpus_reader_new();
    corpus_reader_add(r, "facts.md", md, strlen(md), d);
    Bank *b = corpus_reader_finish(r, d);
    assert_int_equal(bank_question_count(b), 2);
    RoundGen *g = roundgen_new(b, 8);
    RoundParams p = {2, 4, KINDS_ALL};
    unsigned right_at[2] = {0};
    for (int n = 0; n < 20; n++) {
        Round round;
        round_generate(g, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            assert_int_equal(it->option_count, 2);
            assert_string_equal(it->options[0], "True");
            assert_string_equal(it->options[1], "False");
            assert_string_equal(it->options[it->answer], bank_question(b, it->question)->option);
            right_at[it->answer]++;
        }
        round_free(&round);
    }
    assert_true(right_at[0] > 0 && right_at[1] > 0);
    roundgen_free(g);
    bank_free(b);
    diag_free(d);
}

static void test_kind_names_round_trip(void **state)
{
    (void)state;
    for (int k = 0; k < KIND_COUNT; k++)
        assert_int_equal(kind_parse(kind_name((QuestionKind)k)), k);
    assert_int_equal(kind_parse("riddle"), -1);
    assert_string_equal(kind_heading(KIND_REVERSE), "Which question does this answer?");
    RoundParams p;
    assert_int_equal(round_default_params(0, &p, NULL), -1);
    assert_int_equal(round_default_params(4, &p, NULL), -1);
    unsigned s1, s3;
    round_default_params(1, &p, &s1);
    round_default_params(3, &p, &s3);
    assert_int_equal(p.options, 4);
    assert_true(s3 < s1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_item_of_the_seed_is_fair),
        cmocka_unit_test(test_the_seeds_near_duplicates_are_never_offered_together),
        cmocka_unit_test(test_right_option_is_rarely_the_single_longest),
        cmocka_unit_test(test_right_position_is_uniform),
        cmocka_unit_test(test_bag_repeats_no_question_until_its_topic_is_used_up),
        cmocka_unit_test(test_heavy_weight_comes_back_sooner),
        cmocka_unit_test(test_same_seed_gives_the_same_rounds),
        cmocka_unit_test(test_rounds_are_the_same_on_every_machine),
        cmocka_unit_test(test_small_topics_get_fewer_options_and_tiny_ones_borrow),
        cmocka_unit_test(test_kinds_appear_only_where_allowed),
        cmocka_unit_test(test_output_questions_show_code_and_ask_for_its_output),
        cmocka_unit_test(test_reverse_questions_offer_prompts),
        cmocka_unit_test(test_prompts_with_code_show_it_and_are_never_reversed),
        cmocka_unit_test(test_questions_with_nothing_to_choose_from_are_not_asked),
        cmocka_unit_test(test_questions_with_their_own_choices_offer_them),
        cmocka_unit_test(test_a_level_plays_what_its_topic_can_give),
        cmocka_unit_test(test_true_or_false_offers_true_first),
        cmocka_unit_test(test_kind_names_round_trip),
    };
    return cmocka_run_group_tests(tests, setup_seed, teardown_seed);
}
