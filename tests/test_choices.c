/* test_choices.c - multiple-choice answers written with the author's own
 * choices: the choices' forms, the key's forms, marks on a choice, and
 * ordinary answers that must stay ordinary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/choices.h"

#include <string.h>

/* ---- helpers ---- */

#define PARA(t) {ANSWER_PARA, 0, 0, (t), ""}
#define BULLET(t) {ANSWER_ITEM, 0, 0, (t), ""}
#define ITEM(n, t) {ANSWER_ITEM, 0, (n), (t), ""}

static int read_blocks(const AnswerBlock *b, size_t n, Choices *c)
{
    return choices_read(b, n, NULL, c);
}

static void assert_piece(ChoiceText t, const char *want)
{
    assert_int_equal(t.len, strlen(want));
    assert_memory_equal(t.text, want, t.len);
}

static void assert_choices(const Choices *c, const char *const *want, size_t n)
{
    assert_int_equal(c->count, n);
    for (size_t i = 0; i < n; i++)
        assert_piece(c->items[i], want[i]);
}

/* ---- the forms of choices and keys ---- */

static void test_lettered_items_and_a_letter_key(void **state)
{
    (void)state;
    const AnswerBlock b[] = {BULLET("A. func"), BULLET("B. def"), BULLET("C. function"),
                             BULLET("D. lambda"), PARA("Answer: B"),
                             PARA("def starts every function.")};
    Choices c;
    assert_int_equal(read_blocks(b, 6, &c), 1);
    const char *want[] = {"func", "def", "function", "lambda"};
    assert_choices(&c, want, 4);
    assert_int_equal(c.right, 1);
    assert_int_equal(c.explanation.len, 0);
    assert_int_equal(c.next_block, 5);
}

static void test_choices_in_one_paragraph_and_a_key_with_the_choice(void **state)
{
    (void)state;
    const AnswerBlock b[] = {PARA("a) 6 b) 8 c) 9 d) 5"), PARA("Answer: b) 8")};
    Choices c;
    assert_int_equal(read_blocks(b, 2, &c), 1);
    const char *want[] = {"6", "8", "9", "5"};
    assert_choices(&c, want, 4);
    assert_int_equal(c.right, 1);
    assert_int_equal(c.explanation.len, 0);
    assert_int_equal(c.next_block, 2);

    const AnswerBlock up[] = {PARA("(A) tuple (B) str (C) list"),
                              PARA("The correct answer is (C) list, because lists change "
                                   "in place.")};
    assert_int_equal(read_blocks(up, 2, &c), 1);
    const char *want_up[] = {"tuple", "str", "list"};
    assert_choices(&c, want_up, 3);
    assert_int_equal(c.right, 2);
    assert_piece(c.explanation, "because lists change in place.");
}

static void test_numbered_items_and_a_number_key(void **state)
{
    (void)state;
    const AnswerBlock b[] = {ITEM(1, "\x0es.length()\x0f"), ITEM(2, "\x0elen(s)\x0f"),
                             ITEM(3, "\x0es.size\x0f"), PARA("Correct answer: 2")};
    Choices c;
    assert_int_equal(read_blocks(b, 4, &c), 1);
    assert_int_equal(c.count, 3);
    assert_int_equal(c.right, 1);
    assert_piece(c.items[1], "\x0elen(s)\x0f");
}

static void test_a_key_that_spells_the_choice(void **state)
{
    (void)state;
    /* Code spans, case that matters, and an emoji before the label. */
    const AnswerBlock b[] = {BULLET("\x0e\"ABC\"\x0f"), BULLET("\x0e\"Abc\"\x0f"),
                             BULLET("\x0e\"abc\"\x0f"),
                             PARA("\xE2\x9C\x85 Answer: \x0e\"ABC\"\x0f")};
    Choices c;
    assert_int_equal(read_blocks(b, 4, &c), 1);
    assert_int_equal(c.right, 0);

    /* The key's text without its code marks; then what explains it. */
    const AnswerBlock l[] = {BULLET("a) 6"), BULLET("b) 8"), BULLET("c) 9"),
                             PARA("Right answer - 8 - because 2 ** 3 is 8")};
    assert_int_equal(read_blocks(l, 4, &c), 1);
    assert_int_equal(c.right, 1);
    assert_piece(c.explanation, "because 2 ** 3 is 8");
}

/* Choices and key on the lines of one paragraph (a list item's text). */
static void test_a_key_that_closes_the_choices_paragraph(void **state)
{
    (void)state;
    const AnswerBlock b[] = {PARA("a) 6 b) 8 c) 9 Answer: b - two cubed"),
                             PARA("Powers come before products.")};
    Choices c;
    assert_int_equal(read_blocks(b, 2, &c), 1);
    const char *want[] = {"6", "8", "9"};
    assert_choices(&c, want, 3);
    assert_int_equal(c.right, 1);
    assert_piece(c.explanation, "two cubed");
    assert_int_equal(c.next_block, 1); /* the next paragraph explains too */
    assert_false(choices_need_key(b, 1, NULL));
}

/* A revealed box ("Show answer") opens with the choice itself. */
static void test_a_key_that_opens_with_the_choice(void **state)
{
    (void)state;
    const AnswerBlock b[] = {PARA("A) tuple B) str C) list D) frozenset"),
                             PARA("C) list - lists can be changed in place.")};
    Choices c;
    assert_int_equal(read_blocks(b, 2, &c), 1);
    assert_int_equal(c.count, 4);
    assert_int_equal(c.right, 2);
    assert_piece(c.explanation, "lists can be changed in place.");
}

static void test_a_mark_on_the_choice_is_its_key(void **state)
{
    (void)state;
    const AnswerBlock b[] = {BULLET("6"), BULLET("8"), BULLET("9"),
                             PARA("Two to the power of three.")};
    const unsigned char checked[] = {0, 1, 0, 0};
    Choices c;
    assert_int_equal(choices_read(b, 4, checked, &c), 1);
    assert_int_equal(c.right, 1);
    assert_int_equal(c.next_block, 3); /* the paragraph explains it */

    const AnswerBlock m[] = {BULLET("a) 6"), BULLET("b) 8 \xE2\x9C\x85"), BULLET("c) 9")};
    assert_int_equal(read_blocks(m, 3, &c), 1);
    assert_int_equal(c.right, 1);
    assert_piece(c.items[1], "8");

    const AnswerBlock two[] = {BULLET("6 (correct)"), BULLET("8 \xE2\x9C\x94"), BULLET("9")};
    assert_int_equal(read_blocks(two, 3, &c), -1);
    assert_non_null(strstr(c.problem, "2 of its 3 choices are marked right"));
}

/* ---- what is not a multiple choice ---- */

static void test_a_key_that_names_no_choice_is_a_problem(void **state)
{
    (void)state;
    const AnswerBlock b[] = {BULLET("a) 6"), BULLET("b) 8"), BULLET("c) 9"),
                             PARA("Answer: e")};
    Choices c;
    assert_int_equal(read_blocks(b, 4, &c), -1);
    assert_non_null(strstr(c.problem, "\"e\" names none of its 3 choices"));
}

static void test_ordinary_answers_stay_ordinary(void **state)
{
    (void)state;
    Choices c;
    /* A list, then a sentence labelled as the answer. */
    const AnswerBlock list[] = {BULLET("list"), BULLET("tuple"), BULLET("dict"),
                                PARA("Answer: they differ in mutability.")};
    assert_int_equal(read_blocks(list, 4, &c), 0);
    /* Numbered steps and a closing paragraph. */
    const AnswerBlock steps[] = {ITEM(1, "Open the file."), ITEM(2, "Read it."),
                                 PARA("Then close it.")};
    assert_int_equal(read_blocks(steps, 3, &c), 0);
    /* Lettered ways in prose, with no key. */
    const AnswerBlock ways[] = {PARA("a) use a loop b) use a comprehension"),
                                PARA("Both work.")};
    assert_int_equal(read_blocks(ways, 2, &c), 0);
    /* A paragraph alone, and nothing at all. */
    const AnswerBlock one[] = {PARA("A. Lincoln was the 16th president.")};
    assert_int_equal(read_blocks(one, 1, &c), 0);
    assert_int_equal(read_blocks(one, 0, &c), 0);
    /* One item is no choice. */
    const AnswerBlock single[] = {BULLET("a) 6"), PARA("Answer: a")};
    assert_int_equal(read_blocks(single, 2, &c), 0);
    /* Advice marked do and don't, and a key that answers in words. */
    const AnswerBlock advice[] = {BULLET("\xE2\x9C\x85 Use small base images"),
                                  BULLET("\xE2\x9C\x85 Pin versions"),
                                  BULLET("\xE2\x9D\x8C Run as root")};
    assert_int_equal(read_blocks(advice, 3, &c), 0);
    const AnswerBlock words[] = {PARA("(a) lists for appending, (b) tuples to create"),
                                 PARA("Answer: it depends on the operation.")};
    assert_int_equal(read_blocks(words, 2, &c), 0);
    /* Items nested under the first are an answer's structure. */
    const AnswerBlock nested[] = {BULLET("a) 6"), {ANSWER_ITEM, 1, 0, "six", ""},
                                  BULLET("b) 8"), PARA("Answer: b")};
    assert_int_equal(read_blocks(nested, 4, &c), 0);
}

/* Choices alone wait for a key further down the pack (an answer key). */
static void test_choices_alone_need_a_key(void **state)
{
    (void)state;
    const AnswerBlock items[] = {BULLET("a) 6"), BULLET("b) 8"), PARA("Answer: b")};
    assert_true(choices_need_key(items, 2, NULL));
    assert_false(choices_need_key(items, 3, NULL)); /* the key is there */
    const AnswerBlock para[] = {PARA("a) TCP b) ICMP c) UDP")};
    assert_true(choices_need_key(para, 1, NULL));
    /* A mark is a key; bullets and numbers are no lettered choices. */
    const AnswerBlock marked[] = {BULLET("a) 6"), BULLET("b) 8 \xE2\x9C\x85")};
    assert_false(choices_need_key(marked, 2, NULL));
    const unsigned char checked[] = {0, 1};
    assert_false(choices_need_key(items, 2, checked));
    const AnswerBlock bullets[] = {BULLET("6"), BULLET("8")};
    assert_false(choices_need_key(bullets, 2, NULL));
    const AnswerBlock numbered[] = {ITEM(1, "6"), ITEM(2, "8")};
    assert_false(choices_need_key(numbered, 2, NULL));
    const AnswerBlock prose[] = {PARA("A. Lincoln was the 16th president.")};
    assert_false(choices_need_key(prose, 1, NULL));
    assert_false(choices_need_key(prose, 0, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lettered_items_and_a_letter_key),
        cmocka_unit_test(test_choices_in_one_paragraph_and_a_key_with_the_choice),
        cmocka_unit_test(test_numbered_items_and_a_number_key),
        cmocka_unit_test(test_a_key_that_spells_the_choice),
        cmocka_unit_test(test_a_key_that_closes_the_choices_paragraph),
        cmocka_unit_test(test_a_key_that_opens_with_the_choice),
        cmocka_unit_test(test_a_mark_on_the_choice_is_its_key),
        cmocka_unit_test(test_a_key_that_names_no_choice_is_a_problem),
        cmocka_unit_test(test_ordinary_answers_stay_ordinary),
        cmocka_unit_test(test_choices_alone_need_a_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
