/* test_qatable.c - tables that hold one question a row: which column is
 * which, read from the header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/qatable.h"

#include <string.h>

/* A header row as the cells mdtree gives: split on " | ". */
static int columns(const char *header, QaColumns *c)
{
    MdCell cells[QATABLE_CELLS_MAX + 1];
    size_t n = 0;
    const char *p = header;
    for (;;) {
        const char *sep = strstr(p, " | ");
        size_t len = sep ? (size_t)(sep - p) : strlen(p);
        if (n <= QATABLE_CELLS_MAX)
            cells[n] = (MdCell){p, len};
        n++;
        if (!sep)
            break;
        p = sep + 3;
    }
    return qatable_columns(cells, n, c);
}

static void test_a_header_names_its_columns(void **state)
{
    (void)state;
    QaColumns c;
    assert_int_equal(columns("Question | Answer", &c), 1);
    assert_int_equal(c.count, 2);
    assert_int_equal(c.question, 0);
    assert_int_equal(c.answer, 1);
    assert_int_equal(c.explanation, -1);
    assert_int_equal(c.topic, -1);
    assert_int_equal(c.choice_count, 0);

    /* Other names, any case, markup and symbols, columns of no use. */
    assert_int_equal(columns("# | Category | \xE2\x9D\x93 Q: | A: | Why?", &c), 1);
    assert_int_equal(c.count, 5);
    assert_int_equal(c.topic, 1);
    assert_int_equal(c.question, 2);
    assert_int_equal(c.answer, 3);
    assert_int_equal(c.explanation, 4);
    assert_int_equal(columns("Front | Back", &c), 1); /* flashcards */
    assert_int_equal(columns("\x0eprompt\x0f | Correct Answer | Difficulty", &c), 1);
    assert_int_equal(c.question, 0);
    assert_int_equal(c.answer, 1);
}

static void test_lettered_columns_are_choices(void **state)
{
    (void)state;
    QaColumns c;
    assert_int_equal(columns("Question | A | B | C | D | Answer", &c), 1);
    assert_int_equal(c.choice_count, 4);
    assert_int_equal(c.choice[0], 1);
    assert_int_equal(c.choice[3], 4);
    assert_int_equal(c.answer, 5);
    assert_int_equal(columns("Question | Option A | Option B | Key", &c), 1);
    assert_int_equal(c.choice_count, 2);
    assert_int_equal(c.answer, 3);
    /* Choices with no answer column: not a table of questions. */
    assert_int_equal(columns("Question | A | B | C", &c), 0);
}

static void test_other_tables_are_not_questions(void **state)
{
    (void)state;
    QaColumns c;
    assert_int_equal(columns("Method | Purpose", &c), 0);
    assert_int_equal(columns("Term | Definition", &c), 0);
    assert_int_equal(columns("Question", &c), 0);          /* one column */
    assert_int_equal(columns("Question | Asked by", &c), 0); /* no answer */
    assert_int_equal(columns("", &c), 0);
    /* Wider than any table of questions. */
    assert_int_equal(columns("Question | Answer | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | "
                             "14 | 15 | 16 | 17", &c), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_header_names_its_columns),
        cmocka_unit_test(test_lettered_columns_are_choices),
        cmocka_unit_test(test_other_tables_are_not_questions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
