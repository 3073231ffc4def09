/* test_bank.c - the question bank (src/core/bank.h).
 *
 * Pins: topics merged by key; bank_finish ordering questions topic by topic
 * and dropping empty topics; topic lookup; the one-line option computed from
 * an answer; the Markdown form of an answer (checked both as text and, for
 * structure, by parsing it back with md4c); the JSON export (parsed back with
 * cJSON); and the question hash.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/bank.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"

#include <cjson/cJSON.h>
#include <md4c.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ON "\x0e"  /* TEXT_CODE_ON */
#define OFF "\x0f" /* TEXT_CODE_OFF */
#define ELLIPSIS "\xE2\x80\xA6"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static AnswerBlock para(const char *text)
{
    return (AnswerBlock){ANSWER_PARA, 0, 0, text, ""};
}

static AnswerBlock item(unsigned depth, unsigned number, const char *text)
{
    return (AnswerBlock){ANSWER_ITEM, depth, number, text, ""};
}

static AnswerBlock row(unsigned number, const char *text)
{
    return (AnswerBlock){ANSWER_ROW, 0, number, text, ""};
}

static AnswerBlock code(unsigned depth, const char *text, const char *lang)
{
    return (AnswerBlock){ANSWER_CODE, depth, 0, text, lang};
}

static Question question(const char *prompt, const AnswerBlock *answer, size_t answer_len,
                         size_t topic)
{
    Question q = {0};
    q.prompt = prompt;
    q.option = "";
    q.answer = answer;
    q.answer_len = answer_len;
    q.file = "pack.md";
    q.line = 1;
    q.topic = topic;
    return q;
}

/* Adds a question whose answer is one paragraph. */
static void add_simple(Bank *b, size_t topic, const char *prompt, const char *answer,
                       unsigned line)
{
    AnswerBlock a = para(answer);
    Question q = question(prompt, &a, 1, topic);
    q.line = line;
    bank_add_question(b, &q);
}

/* Results are copied into fixed buffers so that a failing assertion
 * (which longjmps out of the test) leaks nothing. */
typedef struct Text {
    char s[2048];
} Text;

/* Copies and frees b. */
static Text take(StrBuf *b)
{
    Text t;
    int fits = b->len < sizeof t.s;
    snprintf(t.s, sizeof t.s, "%s", strbuf_str(b));
    strbuf_free(b);
    assert_true(fits);
    return t;
}

static Text option_of(const AnswerBlock *blocks, size_t count)
{
    StrBuf out = {0};
    answer_option_text(blocks, count, &out);
    return take(&out);
}

static Text markdown_of(const AnswerBlock *blocks, size_t count)
{
    Question q = question("Q?", blocks, count, 0);
    StrBuf out = {0};
    question_answer_markdown(&q, &out);
    return take(&out);
}

/* ---- Markdown structure through md4c ----
 * Blocks become tags: "ul[li[...]]", "ol3[...]" (start number), "code:LANG{...}";
 * paragraphs add nothing; inline code spans become "<...>". */

static int md_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    StrBuf *b = userdata;
    switch (type) {
    case MD_BLOCK_UL:
        strbuf_puts(b, "ul[");
        break;
    case MD_BLOCK_OL:
        strbuf_printf(b, "ol%u[", ((MD_BLOCK_OL_DETAIL *)detail)->start);
        break;
    case MD_BLOCK_LI:
        strbuf_puts(b, "li[");
        break;
    case MD_BLOCK_CODE: {
        const MD_BLOCK_CODE_DETAIL *d = detail;
        strbuf_puts(b, "code:");
        strbuf_append(b, d->lang.text ? d->lang.text : "", d->lang.size);
        strbuf_puts(b, "{");
        break;
    }
    case MD_BLOCK_P:
    case MD_BLOCK_DOC:
        break;
    default:
        strbuf_puts(b, "?[");
        break;
    }
    return 0;
}

static int md_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)detail;
    StrBuf *b = userdata;
    if (type == MD_BLOCK_CODE)
        strbuf_puts(b, "}");
    else if (type != MD_BLOCK_P && type != MD_BLOCK_DOC)
        strbuf_puts(b, "]");
    else if (type == MD_BLOCK_P)
        strbuf_puts(b, "|");
    return 0;
}

static int md_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)detail;
    if (type == MD_SPAN_CODE)
        strbuf_puts(userdata, "<");
    return 0;
}

static int md_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)detail;
    if (type == MD_SPAN_CODE)
        strbuf_puts(userdata, ">");
    return 0;
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    (void)type;
    strbuf_append(userdata, text, size);
    return 0;
}

static Text md_structure(const char *markdown)
{
    MD_PARSER parser = {0};
    parser.flags = MD_DIALECT_COMMONMARK;
    parser.enter_block = md_enter_block;
    parser.leave_block = md_leave_block;
    parser.enter_span = md_enter_span;
    parser.leave_span = md_leave_span;
    parser.text = md_text;
    StrBuf b = {0};
    int rc = md_parse(markdown, (MD_SIZE)strlen(markdown), &parser, &b);
    Text t = take(&b);
    assert_int_equal(rc, 0);
    return t;
}

/* ---- fixture: what a test owns, freed even when an assertion fails ---- */

typedef struct Fixture {
    Bank *bank;
    char *json;  /* output of bank_write_json */
    cJSON *root; /* json parsed back */
    FILE *file;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->bank = bank_new();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    if (f->file)
        fclose(f->file);
    cJSON_Delete(f->root);
    free(f->json);
    bank_free(f->bank);
    free(f);
    return 0;
}

static Bank *bank_of(void **state)
{
    return ((Fixture *)*state)->bank;
}

/* ---- topics ---- */

static void test_add_topic_merges_names_with_same_key(void **state)
{
    Bank *b = bank_of(state);
    size_t oop = bank_add_topic(b, "**OOP**");
    size_t fn = bank_add_topic(b, "Functions");
    assert_int_not_equal(oop, fn);
    assert_int_equal(bank_add_topic(b, "oop"), oop);
    assert_int_equal(bank_add_topic(b, "  OOP!  "), oop);
    assert_int_equal(bank_add_topic(b, "FUNCTIONS"), fn);
    size_t oo = bank_add_topic(b, "Object-Oriented Programming");
    assert_int_equal(bank_add_topic(b, "object oriented  programming"), oo);
    assert_int_not_equal(oo, oop);
}

static void test_add_topic_keeps_first_spelling_of_name(void **state)
{
    Bank *b = bank_of(state);
    size_t t = bank_add_topic(b, "**OOP**");
    bank_add_topic(b, "oop");
    add_simple(b, t, "What is a class?", "A blueprint.", 1);
    bank_finish(b);
    assert_int_equal(bank_topic_count(b), 1);
    assert_string_equal(bank_topic_name(b, 0), "**OOP**");
}

static void test_add_topic_many_topics_stay_distinct(void **state)
{
    Bank *b = bank_of(state);
    char name[32];
    for (unsigned i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "Topic %u", i);
        assert_int_equal(bank_add_topic(b, name), i);
    }
    for (unsigned i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "topic %u", i);
        assert_int_equal(bank_add_topic(b, name), i);
    }
}

static void test_finish_orders_questions_topic_by_topic(void **state)
{
    Bank *b = bank_of(state);
    size_t ta = bank_add_topic(b, "Alpha");
    size_t tb = bank_add_topic(b, "Beta");
    add_simple(b, tb, "b1", "B one", 10);
    add_simple(b, ta, "a1", "A one", 20);
    add_simple(b, tb, "b2", "B two", 30);
    add_simple(b, ta, "a2", "A two", 40);
    add_simple(b, tb, "b3", "B three", 50);
    bank_finish(b);

    assert_int_equal(bank_topic_count(b), 2);
    assert_int_equal(bank_question_count(b), 5);
    assert_string_equal(bank_topic_name(b, 0), "Alpha");
    assert_string_equal(bank_topic_name(b, 1), "Beta");
    assert_int_equal(bank_topic_first(b, 0), 0);
    assert_int_equal(bank_topic_size(b, 0), 2);
    assert_int_equal(bank_topic_first(b, 1), 2);
    assert_int_equal(bank_topic_size(b, 1), 3);

    static const char *const want[] = {"a1", "a2", "b1", "b2", "b3"};
    static const size_t want_topic[] = {0, 0, 1, 1, 1};
    static const unsigned want_line[] = {20, 40, 10, 30, 50};
    for (size_t i = 0; i < COUNT(want); i++) {
        const Question *q = bank_question(b, i);
        assert_string_equal(q->prompt, want[i]);
        assert_int_equal(q->topic, want_topic[i]);
        assert_int_equal(q->line, want_line[i]);
    }
}

static void test_finish_drops_empty_topics_and_renumbers(void **state)
{
    Bank *b = bank_of(state);
    bank_add_topic(b, "Empty first");
    size_t t1 = bank_add_topic(b, "Kept one");
    bank_add_topic(b, "Empty middle");
    size_t t3 = bank_add_topic(b, "Kept two");
    bank_add_topic(b, "Empty last");
    add_simple(b, t3, "q3", "three", 3);
    add_simple(b, t1, "q1", "one", 1);
    bank_finish(b);

    assert_int_equal(bank_topic_count(b), 2);
    assert_string_equal(bank_topic_name(b, 0), "Kept one");
    assert_string_equal(bank_topic_name(b, 1), "Kept two");
    assert_int_equal(bank_topic_size(b, 0), 1);
    assert_int_equal(bank_topic_size(b, 1), 1);
    assert_int_equal(bank_topic_first(b, 0), 0);
    assert_int_equal(bank_topic_first(b, 1), 1);
    assert_string_equal(bank_question(b, 0)->prompt, "q1");
    assert_int_equal(bank_question(b, 0)->topic, 0);
    assert_string_equal(bank_question(b, 1)->prompt, "q3");
    assert_int_equal(bank_question(b, 1)->topic, 1);
}

/* Questions that come topic by topic (as the corpus reader adds them) are
 * renumbered in place: the same bank as from any other order. */
static void test_finish_of_questions_in_topic_order_renumbers_them(void **state)
{
    Bank *b = bank_of(state);
    bank_add_topic(b, "Empty first");
    size_t t1 = bank_add_topic(b, "Kept one");
    bank_add_topic(b, "Empty middle");
    size_t t3 = bank_add_topic(b, "Kept two");
    add_simple(b, t1, "q1", "one", 1);
    add_simple(b, t1, "q2", "two", 2);
    add_simple(b, t3, "q3", "three", 3);
    bank_finish(b);

    assert_int_equal(bank_topic_count(b), 2);
    assert_int_equal(bank_topic_size(b, 0), 2);
    assert_int_equal(bank_topic_size(b, 1), 1);
    assert_int_equal(bank_topic_first(b, 1), 2);
    const char *want[] = {"q1", "q2", "q3"};
    size_t want_topic[] = {0, 0, 1};
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(bank_question(b, i)->prompt, want[i]);
        assert_int_equal(bank_question(b, i)->topic, want_topic[i]);
    }
    assert_int_equal(bank_find_topic(b, "kept two"), 1);
}

/* Questions filled in place, out of topic order: they are then read topic
 * by topic, each with its new topic number, and their own data. */
static void test_questions_filled_in_place_are_read_topic_by_topic(void **state)
{
    Bank *b = bank_of(state);
    size_t t0 = bank_add_topic(b, "Zero");
    bank_add_topic(b, "Empty");
    size_t t2 = bank_add_topic(b, "Two");
    const char *prompts[] = {"a", "b", "c", "d"};
    size_t topics[] = {t2, t0, t2, t0};
    for (size_t i = 0; i < 4; i++) {
        Question *q = bank_new_question(b);
        assert_string_equal(q->file, "");
        assert_string_equal(q->code_lang, "");
        assert_null(q->option);
        q->prompt = prompts[i];
        q->line = (unsigned)i + 1;
    }
    for (size_t i = 0; i < 4; i++)
        bank_question_edit(b, i)->topic = topics[i];
    bank_finish(b);
    assert_int_equal(bank_topic_count(b), 2);
    const char *want[] = {"b", "d", "a", "c"};
    size_t want_topic[] = {0, 0, 1, 1};
    unsigned want_line[] = {2, 4, 1, 3};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(bank_question(b, i)->prompt, want[i]);
        assert_int_equal(bank_question(b, i)->topic, want_topic[i]);
        assert_int_equal(bank_question(b, i)->line, want_line[i]);
    }
    assert_int_equal(bank_topic_first(b, 1), 2);
}

static void test_finish_on_empty_bank_has_nothing(void **state)
{
    Bank *b = bank_of(state);
    bank_add_topic(b, "Nothing here");
    bank_finish(b);
    assert_int_equal(bank_topic_count(b), 0);
    assert_int_equal(bank_question_count(b), 0);
    assert_int_equal(bank_find_topic(b, "Nothing here"), -1);
}

static void test_find_topic_ignores_case_and_punctuation(void **state)
{
    Bank *b = bank_of(state);
    size_t ta = bank_add_topic(b, "Data Types");
    size_t tb = bank_add_topic(b, "**OOP**");
    add_simple(b, ta, "a", "A", 1);
    add_simple(b, tb, "b", "B", 2);
    bank_finish(b);
    assert_int_equal(bank_find_topic(b, "data types"), 0);
    assert_int_equal(bank_find_topic(b, "DATA-TYPES"), 0);
    assert_int_equal(bank_find_topic(b, "oop"), 1);
    assert_int_equal(bank_find_topic(b, "OOP"), 1);
    assert_int_equal(bank_find_topic(b, "**Oop**"), 1);
}

static void test_find_topic_missing_gives_minus_one(void **state)
{
    Bank *b = bank_of(state);
    size_t t = bank_add_topic(b, "Functions");
    bank_add_topic(b, "Dropped");
    add_simple(b, t, "a", "A", 1);
    bank_finish(b);
    assert_int_equal(bank_find_topic(b, "Generators"), -1);
    assert_int_equal(bank_find_topic(b, "Function"), -1);
    assert_int_equal(bank_find_topic(b, ""), -1);
    assert_int_equal(bank_find_topic(b, "Dropped"), -1); /* empty topic gone */
}

/* ---- questions are copied ---- */

static void test_add_question_copies_strings_and_blocks(void **state)
{
    char prompt[] = "What is a set?";
    char text[] = "An unordered collection.";
    char file[] = "sets.md";
    AnswerBlock a = para(text);
    Question q = question(prompt, &a, 1, 0);
    q.file = file;
    q.line = 7;
    Bank *b = bank_of(state);
    q.topic = bank_add_topic(b, "Sets");
    bank_add_question(b, &q);
    memset(prompt, 'x', sizeof prompt - 1);
    memset(text, 'x', sizeof text - 1);
    memset(file, 'x', sizeof file - 1);
    a.text = "changed";
    bank_finish(b);
    const Question *got = bank_question(b, 0);
    assert_string_equal(got->prompt, "What is a set?");
    assert_int_equal(got->answer_len, 1);
    assert_string_equal(got->answer[0].text, "An unordered collection.");
    assert_string_equal(got->file, "sets.md");
    assert_int_equal(got->line, 7);
}

static void test_add_question_keeps_given_option(void **state)
{
    AnswerBlock a = para("A long explanation that would make another option.");
    Question q = question("Q?", &a, 1, 0);
    q.option = "Short form";
    Bank *b = bank_of(state);
    q.topic = bank_add_topic(b, "T");
    bank_add_question(b, &q);
    bank_finish(b);
    assert_string_equal(bank_question(b, 0)->option, "Short form");
}

/* ---- the option (one-line answer) ---- */

static void test_option_computed_from_answer_when_empty(void **state)
{
    AnswerBlock a[] = {para("Lists are " ON "mutable" OFF "."), code(0, "x = [1]", "python")};
    Question q = question("Q?", a, COUNT(a), 0);
    Bank *b = bank_of(state);
    q.topic = bank_add_topic(b, "T");
    bank_add_question(b, &q);
    bank_finish(b);
    assert_string_equal(bank_question(b, 0)->option, "Lists are mutable.");
}

/* The corpus reader adds questions in place with no option: the option is
 * derived when the question is first handed out, once. */
static void test_option_of_owned_question_is_derived_once_on_first_use(void **state)
{
    Bank *b = bank_of(state);
    AnswerBlock *a = arena_alloc(bank_arena(b), 2 * sizeof *a);
    a[0] = para("Tuples are " ON "immutable" OFF ".");
    a[1] = para("Lists are not.");
    Question q = question("Q?", a, 2, 0);
    q.option = NULL;
    q.topic = bank_add_topic(b, "T");
    bank_add_question_owned(b, &q);
    bank_finish(b);
    const char *first = bank_question(b, 0)->option;
    assert_non_null(first);
    assert_string_equal(first, "Tuples are immutable. Lists are not.");
    assert_ptr_equal(bank_question(b, 0)->option, first);
}

static void test_option_leaves_out_code_blocks(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Use a comprehension."), code(0, "[x * 2 for x in xs]", "python"),
                       para("It is faster.")};
    Text r = option_of(a, COUNT(a));
    assert_null(strstr(r.s, "for x in"));
    assert_string_equal(r.s, "Use a comprehension. It is faster.");
}

static void test_option_joins_blocks_with_semicolon(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Lists are mutable"), item(0, 0, "tuples are not"),
                       item(0, 0, "sets are unordered")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "Lists are mutable; tuples are not; sets are unordered");
}

static void test_option_drops_example_labels(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Decorators wrap a " ON "function" OFF ". Example:"),
                       code(0, "@dec\ndef f(): pass", "python"), para("Example:"),
                       para("They run at definition time.")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "Decorators wrap a function. They run at definition time.");
}

/* "Output:" and a short block: the output is the answer, and leads. */
static void test_option_takes_an_announced_output(void **state)
{
    (void)state;
    AnswerBlock a[] = {para(ON "Output:" OFF), code(0, "[1, 2, 3] [3, 1, 2]\n", ""),
                       para("sorted() returns a new list.")};
    assert_string_equal(option_of(a, COUNT(a)).s, "[1, 2, 3] [3, 1, 2]: sorted() returns a new list.");
    /* Lines are joined; prose before the label stays first. */
    AnswerBlock b[] = {para("Both classes speak."), para("Result:"),
                       code(0, "  Meow\n\n  Bark  \n", "text")};
    assert_string_equal(option_of(b, COUNT(b)).s, "Both classes speak. Meow / Bark");
    /* Alone, the output is the whole option. */
    AnswerBlock c[] = {para("Prints:"), code(0, "42", "")};
    assert_string_equal(option_of(c, COUNT(c)).s, "42");
    /* Too long to read as one line: left out, like any code. */
    AnswerBlock d[] = {para("Output:"), code(0, "1\n2\n3\n4\n5\n", ""), para("Five lines.")};
    assert_string_equal(option_of(d, COUNT(d)).s, "Five lines.");
    /* An example is still an illustration, not the answer. */
    AnswerBlock e[] = {para("Example:"), code(0, "x = 1", "python"), para("Names bind.")};
    assert_string_equal(option_of(e, COUNT(e)).s, "Names bind.");
}

/* Tables read row by row; empty cells stay in their columns. */
static void test_option_reads_a_table_row_by_row(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Compared:"), row(0, "Op | Array | List |"), row(1, "index | O(1) |"),
                       row(2, "| O(n) | O(1)")};
    assert_string_equal(option_of(a, COUNT(a)).s, "Compared: Array / List - index: O(1); O(n) / O(1)");
    AnswerBlock b[] = {row(0, "| A | B"), row(1, "x | | 2"), row(2, "y | 3 |")};
    assert_string_equal(option_of(b, COUNT(b)).s, "A / B - x: - / 2; y: 3");
    /* A header alone; two tables one after the other. */
    AnswerBlock c[] = {row(0, "only | header"), row(0, "k | v"), row(1, "a | b")};
    assert_string_equal(option_of(c, COUNT(c)).s, "only / header: a: b");
    AnswerBlock d[] = {row(0, "k | v"), row(1, "a | b"), row(2, "c | d")};
    assert_string_equal(markdown_of(d, COUNT(d)).s, "| k | v |\n| --- | --- |\n| a | b |\n| c | d |");
}

static void test_option_drops_trailing_colon_of_lead_in(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Use the with statement:"), code(0, "with open(p) as f: ...", "")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "Use the with statement");
}

static void test_option_is_cut_to_max_with_ellipsis(void **state)
{
    (void)state;
    char longer[40 * 7 + 1] = "";
    for (int i = 0; i < 40; i++)
        strcat(longer, "word\xC3\xA9 ");
    AnswerBlock a[] = {para(longer)};
    Text r = option_of(a, COUNT(a));
    size_t chars = utf8_count(r.s, strlen(r.s));
    assert_true(chars <= QUESTION_OPTION_MAX);
    assert_true(chars > QUESTION_OPTION_MAX / 2);
    assert_int_equal(memcmp(r.s + strlen(r.s) - 3, ELLIPSIS, 3), 0);
    /* Cut at a word boundary: the last word before the ellipsis is whole. */
    assert_int_equal(memcmp(r.s + strlen(r.s) - 3 - 6, "word\xC3\xA9", 6), 0);
}

static void test_option_short_answer_has_no_ellipsis(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("A tuple is immutable.")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "A tuple is immutable.");
}

static void test_option_of_code_only_answer_is_first_nonblank_line(void **state)
{
    (void)state;
    AnswerBlock a[] = {code(0, "\n   \n    return x  \nmore", "python")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "return x");
}

static void test_option_of_code_only_answer_skips_empty_code_block(void **state)
{
    (void)state;
    AnswerBlock a[] = {code(0, "", ""), code(0, "  \nprint(1)", "python")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "print(1)");
}

static void test_option_collapses_white_space(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("  spread \t out   words ")};
    Text r = option_of(a, COUNT(a));
    assert_string_equal(r.s, "spread out words");
}

/* ---- the answer as Markdown ---- */

static void test_answer_markdown_paragraphs_separated_by_blank_line(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("First."), para("Second.")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "First.\n\nSecond.");
}

static void test_answer_markdown_bullets_and_numbers(void **state)
{
    (void)state;
    AnswerBlock a[] = {item(0, 0, "one"), item(0, 0, "two"), para("Then:"), item(0, 1, "first"),
                       item(0, 2, "second")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "- one\n- two\n\nThen:\n\n1. first\n2. second");
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "ul[li[one]li[two]]Then:|ol1[li[first]li[second]]");
}

static void test_answer_markdown_indents_nested_items(void **state)
{
    (void)state;
    AnswerBlock a[] = {item(0, 0, "outer"), item(1, 0, "inner"), item(2, 1, "deepest"),
                       item(0, 0, "back")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "- outer\n  - inner\n    1. deepest\n- back");
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "ul[li[outerul[li[innerol1[li[deepest]]]]]li[back]]");
}

static void test_answer_markdown_nests_under_two_digit_number(void **state)
{
    (void)state;
    /* An item's children must stay its children whatever its number's width. */
    AnswerBlock a[] = {item(0, 10, "ten"), item(1, 0, "detail"), item(0, 11, "eleven")};
    Text r = markdown_of(a, COUNT(a));
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "ol10[li[tenul[li[detail]]]li[eleven]]");
}

static void test_answer_markdown_inline_code_in_backticks(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Compare " ON "is" OFF " with " ON "==" OFF "."),
                       item(0, 0, "use " ON "a`b" OFF)};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "Compare `is` with `==`.\n\n- use ``a`b``");
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "Compare <is> with <==>.|ul[li[use <a`b>]]");
}

static void test_answer_markdown_fenced_code_with_language(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Like this:"), code(0, "def f():\n    return 1", "python")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "Like this:\n\n```python\ndef f():\n    return 1\n```");
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "Like this:|code:python{def f():\n    return 1\n}");
}

static void test_answer_markdown_fenced_code_without_language(void **state)
{
    (void)state;
    AnswerBlock a[] = {code(0, "x = 1", "")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "```\nx = 1\n```");
}

static void test_answer_markdown_nested_code_is_indented(void **state)
{
    (void)state;
    AnswerBlock a[] = {item(0, 0, "first"), code(1, "x = 1\n\ny = 2", "py")};
    Text r = markdown_of(a, COUNT(a));
    assert_string_equal(r.s, "- first\n\n  ```py\n  x = 1\n\n  y = 2\n  ```");
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "ul[li[first|code:py{x = 1\n\ny = 2\n}]]");
}

static void test_answer_markdown_code_containing_fence_stays_one_block(void **state)
{
    (void)state;
    /* A code block about Markdown itself: its own ``` line must not end it. */
    AnswerBlock a[] = {code(0, "Write:\n```\nprint(1)\n```", "markdown")};
    Text r = markdown_of(a, COUNT(a));
    Text s = md_structure(r.s);
    assert_string_equal(s.s, "code:markdown{Write:\n```\nprint(1)\n```\n}");
}

/* ---- JSON export ---- */

/* Writes the fixture's bank as JSON and parses it back; returns the root. */
static const cJSON *write_and_parse(void **state)
{
    Fixture *f = *state;
    size_t size = 0;
    FILE *out = open_memstream(&f->json, &size);
    assert_non_null(out);
    int rc = bank_write_json(f->bank, out);
    assert_int_equal(fclose(out), 0);
    assert_int_equal(rc, 0);
    assert_non_null(f->json);
    assert_true(size > 0);
    assert_int_equal(f->json[size - 1], '\n');
    f->root = cJSON_Parse(f->json);
    assert_non_null(f->root);
    return f->root;
}

static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    assert_true(cJSON_IsString(item));
    return item->valuestring;
}

static void test_write_json_has_documented_shape(void **state)
{
    Bank *b = bank_of(state);
    size_t oop = bank_add_topic(b, "OOP");
    size_t fn = bank_add_topic(b, "Functions \"and\" more");
    AnswerBlock a1[] = {para("A " ON "class" OFF " is a blueprint."), code(0, "class A: pass", "python")};
    Question q1 = question("What is a " ON "class" OFF "?", a1, COUNT(a1), oop);
    q1.file = "packs/oop.md";
    q1.line = 12;
    AnswerBlock a2[] = {item(0, 0, "positional"), item(0, 0, "keyword")};
    Question q2 = question("Kinds of arguments?", a2, COUNT(a2), fn);
    q2.file = "fn.md";
    q2.line = 3;
    bank_add_question(b, &q2);
    bank_add_question(b, &q1);
    bank_finish(b);

    const cJSON *root = write_and_parse(state);
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(root, "topics");
    assert_true(cJSON_IsArray(topics));
    assert_int_equal(cJSON_GetArraySize(topics), 2);

    const cJSON *t0 = cJSON_GetArrayItem(topics, 0);
    assert_string_equal(json_str(t0, "name"), "OOP");
    const cJSON *qs0 = cJSON_GetObjectItemCaseSensitive(t0, "questions");
    assert_true(cJSON_IsArray(qs0));
    assert_int_equal(cJSON_GetArraySize(qs0), 1);
    const cJSON *jq = cJSON_GetArrayItem(qs0, 0);
    assert_string_equal(json_str(jq, "prompt"), "What is a `class`?");
    assert_string_equal(json_str(jq, "answer"),
                        "A `class` is a blueprint.\n\n```python\nclass A: pass\n```");
    assert_string_equal(json_str(jq, "option"), "A class is a blueprint.");
    assert_string_equal(json_str(jq, "source"), "packs/oop.md:12");

    const cJSON *t1 = cJSON_GetArrayItem(topics, 1);
    assert_string_equal(json_str(t1, "name"), "Functions \"and\" more");
    const cJSON *qs1 = cJSON_GetObjectItemCaseSensitive(t1, "questions");
    assert_int_equal(cJSON_GetArraySize(qs1), 1);
    jq = cJSON_GetArrayItem(qs1, 0);
    assert_string_equal(json_str(jq, "prompt"), "Kinds of arguments?");
    assert_string_equal(json_str(jq, "answer"), "- positional\n- keyword");
    assert_string_equal(json_str(jq, "option"), "positional; keyword");
    assert_string_equal(json_str(jq, "source"), "fn.md:3");
    /* Only questions with code under their prompt have "code". */
    assert_null(cJSON_GetObjectItemCaseSensitive(jq, "code"));
    assert_null(cJSON_GetObjectItemCaseSensitive(jq, "code_lang"));
}

static void test_write_json_gives_the_code_a_prompt_asks_about(void **state)
{
    Bank *b = bank_of(state);
    size_t t = bank_add_topic(b, "Output");
    AnswerBlock a[] = {para("It prints " ON "2" OFF ".")};
    Question q = question("What does this print?", a, COUNT(a), t);
    char code_text[] = "print(1 + 1)";
    q.code = code_text;
    q.code_lang = "python";
    bank_add_question(b, &q);
    memset(code_text, 'x', sizeof code_text - 1); /* the bank keeps its own copy */
    bank_finish(b);
    assert_string_equal(bank_question(b, 0)->code, "print(1 + 1)");
    const cJSON *root = write_and_parse(state);
    const cJSON *topic = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "topics"), 0);
    const cJSON *jq = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(topic, "questions"), 0);
    assert_string_equal(json_str(jq, "prompt"), "What does this print?");
    assert_string_equal(json_str(jq, "code"), "print(1 + 1)");
    assert_string_equal(json_str(jq, "code_lang"), "python");
    assert_string_equal(json_str(jq, "answer"), "It prints `2`.");
}

static void test_write_json_of_empty_bank(void **state)
{
    Bank *b = bank_of(state);
    bank_finish(b);
    const cJSON *root = write_and_parse(state);
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(root, "topics");
    assert_true(cJSON_IsArray(topics));
    assert_int_equal(cJSON_GetArraySize(topics), 0);
}

static void test_write_json_reports_write_failure(void **state)
{
    Bank *b = bank_of(state);
    size_t t = bank_add_topic(b, "T");
    add_simple(b, t, "q", "a", 1);
    bank_finish(b);
    Fixture *f = *state;
    f->file = fopen("/dev/full", "w");
    if (!f->file)
        skip();
    setvbuf(f->file, NULL, _IONBF, 0);
    assert_int_equal(bank_write_json(b, f->file), -1);
}

/* ---- hash ---- */

static uint64_t hash_of(const char *prompt, const AnswerBlock *a, size_t n, const char *file,
                        unsigned line)
{
    Bank *b = bank_new();
    Question q = question(prompt, a, n, bank_add_topic(b, "T"));
    q.file = file;
    q.line = line;
    bank_add_question(b, &q);
    bank_finish(b);
    uint64_t h = question_hash(bank_question(b, 0));
    bank_free(b);
    return h;
}

static void test_hash_equal_for_equal_content(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Immutable."), code(0, "t = (1,)", "python")};
    AnswerBlock same[] = {para("Immutable."), code(0, "t = (1,)", "python")};
    uint64_t h1 = hash_of("What is a tuple?", a, COUNT(a), "a.md", 1);
    uint64_t h2 = hash_of("What is a tuple?", same, COUNT(same), "b.md", 99);
    assert_true(h1 == h2);
}

static void test_hash_differs_when_code_differs(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("It prints 2.")};
    const char *codes[] = {NULL, "print(2)", "print(1 + 1)"};
    uint64_t h[3];
    for (int i = 0; i < 3; i++) {
        Bank *b = bank_new();
        Question q = question("What does this print?", a, 1, bank_add_topic(b, "T"));
        q.code = codes[i];
        bank_add_question(b, &q);
        bank_finish(b);
        h[i] = question_hash(bank_question(b, 0));
        bank_free(b);
    }
    assert_true(h[0] != h[1] && h[1] != h[2] && h[0] != h[2]);
}

static void test_hash_differs_when_answer_text_differs(void **state)
{
    (void)state;
    AnswerBlock a[] = {para("Immutable.")};
    AnswerBlock b[] = {para("Mutable.")};
    assert_true(hash_of("What is a tuple?", a, 1, "a.md", 1) !=
                hash_of("What is a tuple?", b, 1, "a.md", 1));
}

static void test_hash_differs_when_prompt_or_structure_differs(void **state)
{
    (void)state;
    AnswerBlock p[] = {para("Immutable.")};
    AnswerBlock i[] = {item(0, 0, "Immutable.")};
    AnswerBlock c1[] = {code(0, "x", "python")};
    AnswerBlock c2[] = {code(0, "x", "ruby")};
    uint64_t base = hash_of("What is a tuple?", p, 1, "a.md", 1);
    assert_true(base != hash_of("What is a list?", p, 1, "a.md", 1));
    assert_true(base != hash_of("What is a tuple?", i, 1, "a.md", 1));
    assert_true(hash_of("Q", c1, 1, "a.md", 1) != hash_of("Q", c2, 1, "a.md", 1));
}

static void test_hash_distinguishes_where_blocks_split(void **state)
{
    (void)state;
    /* "ab"+"c" and "a"+"bc" are different answers. */
    AnswerBlock x[] = {para("ab"), para("c")};
    AnswerBlock y[] = {para("a"), para("bc")};
    assert_true(hash_of("Q", x, 2, "a.md", 1) != hash_of("Q", y, 2, "a.md", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add_topic_merges_names_with_same_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_topic_keeps_first_spelling_of_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_topic_many_topics_stay_distinct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finish_orders_questions_topic_by_topic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finish_drops_empty_topics_and_renumbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finish_of_questions_in_topic_order_renumbers_them,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_questions_filled_in_place_are_read_topic_by_topic,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_finish_on_empty_bank_has_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_topic_ignores_case_and_punctuation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_topic_missing_gives_minus_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_question_copies_strings_and_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_question_keeps_given_option, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_computed_from_answer_when_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_of_owned_question_is_derived_once_on_first_use, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_leaves_out_code_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_joins_blocks_with_semicolon, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_drops_example_labels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_takes_an_announced_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_reads_a_table_row_by_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_drops_trailing_colon_of_lead_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_is_cut_to_max_with_ellipsis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_short_answer_has_no_ellipsis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_of_code_only_answer_is_first_nonblank_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_of_code_only_answer_skips_empty_code_block, setup, teardown),
        cmocka_unit_test_setup_teardown(test_option_collapses_white_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_paragraphs_separated_by_blank_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_bullets_and_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_indents_nested_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_nests_under_two_digit_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_inline_code_in_backticks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_fenced_code_with_language, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_fenced_code_without_language, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_nested_code_is_indented, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answer_markdown_code_containing_fence_stays_one_block, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_json_has_documented_shape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_json_gives_the_code_a_prompt_asks_about, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_write_json_of_empty_bank, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_json_reports_write_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hash_equal_for_equal_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hash_differs_when_code_differs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hash_differs_when_answer_text_differs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hash_differs_when_prompt_or_structure_differs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hash_distinguishes_where_blocks_split, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
