/* test_shapes.c - what a block of Markdown says it is: questions and where
 * their answers start, labels and numbers, answer-key and generic section
 * names, label headings, HTML text and tip boxes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/shapes.h"

#include <string.h>

typedef struct Doc {
    Arena arena;
    Diagnostics *diag;
    MdNode *root;
} Doc;

static const MdNode *first_block(Doc *d, const char *md)
{
    memset(&d->arena, 0, sizeof d->arena);
    d->diag = diag_new();
    d->root = mdtree_parse(&d->arena, md, strlen(md), "t.md", d->diag);
    assert_non_null(d->root);
    assert_non_null(d->root->first);
    return d->root->first;
}

static void done(Doc *d)
{
    arena_free(&d->arena);
    diag_free(d->diag);
}

#define S(text) (text), strlen(text)

static void test_a_paragraph_asks_and_says_where_its_answer_starts(void **state)
{
    (void)state;
    Doc d;
    StrBuf prompt = {0};
    size_t from;
    const MdNode *p = first_block(&d, "**Q1. What is DNS?**\nA1. The domain name system.\n");
    assert_true(shape_split_question(p, 0, &prompt, &from));
    assert_string_equal(strbuf_str(&prompt), "What is DNS?");
    assert_string_equal(p->text + from, "A1. The domain name system.");
    done(&d);

    /* "Q." pairs with "A.", which is then dropped. */
    p = first_block(&d, "Q. What is a Pod?\nA. A group of containers.\n");
    assert_true(shape_split_question(p, 0, &prompt, &from));
    assert_string_equal(strbuf_str(&prompt), "What is a Pod?");
    assert_string_equal(p->text + from, "A group of containers.");
    done(&d);

    /* Prose asks nothing, even with a question word, unless marked. */
    p = first_block(&d, "What follows is a list of tips.\n");
    assert_false(shape_split_question(p, 0, &prompt, &from));
    assert_true(shape_split_question(p, 1, &prompt, &from)); /* as a list item */
    done(&d);
    strbuf_free(&prompt);
}

static void test_labels_numbers_and_marks(void **state)
{
    (void)state;
    StrBuf t = {0};
    int labelled, numbered;
    strbuf_puts(&t, "1. Q: What is X?");
    shape_strip_prefixes(&t, &labelled, &numbered);
    assert_string_equal(strbuf_str(&t), "What is X?");
    assert_true(labelled && numbered);
    assert_int_equal(shape_number_of(S("12. What is X?")), 12);
    assert_int_equal(shape_number_of(S("Q3: Why?")), 3);
    assert_int_equal(shape_number_of(S("What is X?")), 0);
    assert_int_equal(shape_digits_in(S("Question 12")), 12);
    assert_true(shape_is_mark(S("Q:")));
    assert_true(shape_is_mark(S("3.")));
    assert_true(shape_is_mark(S("True or false:")));
    assert_false(shape_is_mark(S("Note:")));
    assert_int_equal(shape_q_dot(S("Q) Why?")), ')');
    assert_int_equal(shape_a_dot(S("A) Because."), ')'), 3);
    assert_int_equal(shape_a_dot(S("A. Because."), ')'), 0);
    strbuf_free(&t);
}

static void test_section_names_keys_and_label_headings(void **state)
{
    (void)state;
    StrBuf tmp = {0};
    assert_true(shape_is_key_name(&tmp, S("Answer Key")));
    assert_true(shape_is_key_name(&tmp, S("**Answers to the quiz**")));
    assert_true(shape_is_key_name(&tmp, S("Solutions")));
    assert_false(shape_is_key_name(&tmp, S("Answer:"))); /* one answer's label */
    assert_false(shape_is_key_name(&tmp, S("Keys to good design")));
    assert_true(shape_is_generic_name(&tmp, S("Questions")));
    assert_true(shape_is_generic_name(&tmp, S("Practice quiz")));
    assert_false(shape_is_generic_name(&tmp, S("Networking questions")));
    assert_true(shape_is_label_heading(&tmp, S("Question 3")));
    assert_true(shape_is_label_heading(&tmp, S("Q3:")));
    assert_true(shape_is_label_heading(&tmp, S("Question")));
    assert_false(shape_is_label_heading(&tmp, S("Exercise 1")));
    assert_false(shape_is_label_heading(&tmp, S("Question 3: What is X?")));
    strbuf_free(&tmp);
}

static void test_html_text_and_tip_boxes(void **state)
{
    (void)state;
    StrBuf out = {0};
    shape_html_text(&out, S("<p>Use <b>git</b> &amp; <code>ls</code></p>"));
    assert_string_equal(strbuf_str(&out), "Use git & ls");
    shape_html_uncomment(&out, S("a<!-- hidden -->b"));
    assert_string_equal(strbuf_str(&out), "ab");
    assert_int_equal(shape_find_ci(S("Hello <SUMMARY>"), "<summary"), 6);
    assert_int_equal(shape_find_ci(S("Hello"), "<summary"), 5);
    assert_int_equal(shape_html_aside(S("<div class=\"tip\">Read it twice.</div>")), 2);
    assert_int_equal(shape_html_aside(S("<aside>")), 1);
    assert_int_equal(shape_html_aside(S("<div class=\"answer\">")), 0);
    strbuf_free(&out);
}

/* A list is read once: the count of items that ask, and for each item
 * whether it asks, where its answer starts and its prompt. */
static void test_a_list_tells_each_item_once(void **state)
{
    (void)state;
    Doc d;
    StrBuf tmp = {0}, prompts = {0};
    const MdNode *list = first_block(&d, "1. What is a tuple?\n   An immutable sequence.\n"
                                         "2. A note, not a question.\n"
                                         "3. How do lists grow\n"
                                         "   - By doubling.\n");
    ShapeItem items[3];
    size_t strict, loose, answered;
    shape_list_questions(list, &tmp, items, &prompts, &strict, &loose, &answered);
    assert_int_equal(strict, 1);
    assert_int_equal(loose, 2);
    assert_int_equal(answered, 2);
    assert_true(items[0].asks);
    assert_false(items[1].asks);
    assert_true(items[2].asks);
    const MdNode *first = list->first->first;
    assert_string_equal(first->text + items[0].from, "An immutable sequence.");
    assert_int_equal(items[0].prompt_at, 0);
    assert_int_equal(items[0].prompt_len, strlen("What is a tuple?"));
    assert_memory_equal(prompts.data, "What is a tuple?", items[0].prompt_len);
    assert_string_equal(prompts.data + items[2].prompt_at, "How do lists grow");
    size_t s2, l2, a2;
    shape_count_list_questions(list, &tmp, &s2, &l2, &a2);
    assert_int_equal(s2, strict);
    assert_int_equal(l2, loose);
    assert_int_equal(a2, answered);
    done(&d);
    strbuf_free(&tmp);
    strbuf_free(&prompts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_paragraph_asks_and_says_where_its_answer_starts),
        cmocka_unit_test(test_labels_numbers_and_marks),
        cmocka_unit_test(test_section_names_keys_and_label_headings),
        cmocka_unit_test(test_html_text_and_tip_boxes),
        cmocka_unit_test(test_a_list_tells_each_item_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
