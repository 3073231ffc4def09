/* test_levels.c - each topic's ladder of levels (core/levels.h): the
 * default ladder, stars for a result, level files (the INI format documented
 * at the top of levels.c: every field, inheritance of left-out keys, kinds,
 * comments), topic lookup by key, every kind of broken file reported as
 * FILE:LINE with a fallback to the default ladder, duplicate topics, reading
 * a directory, and the level files shipped in levels/. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/diag.h"
#include "core/levels.h"
#include "core/round.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef QA_SOURCE_DIR
#define QA_SOURCE_DIR "."
#endif

/* ---- helpers ---- */

static int load(Levels *ls, const char *name, const char *text, Diagnostics *d)
{
    return levels_load_text(ls, name, text, strlen(text), d);
}

static void assert_spec(const LevelSpec *l, unsigned questions, unsigned seconds,
                        unsigned options, unsigned lives, unsigned pass, unsigned stars2,
                        unsigned stars3, unsigned kinds)
{
    assert_int_equal(l->questions, questions);
    assert_int_equal(l->seconds, seconds);
    assert_int_equal(l->options, options);
    assert_int_equal(l->lives, lives);
    assert_int_equal(l->pass, pass);
    assert_int_equal(l->stars2, stars2);
    assert_int_equal(l->stars3, stars3);
    assert_int_equal(l->kinds, kinds);
}

static void assert_is_default_ladder(const Ladder *l)
{
    Ladder def;
    ladder_default(&def);
    assert_non_null(l);
    assert_int_equal(l->count, 3);
    for (unsigned i = 0; i < 3; i++)
        assert_memory_equal(&l->levels[i], &def.levels[i], sizeof def.levels[i]);
}

/* Loads a broken file named "bad.ini" and checks: refused (-1), nothing
 * added, an error at bad.ini:line whose message contains `word` (errors are
 * not always in line order: the syntax error inih returns comes after the
 * errors found on later lines), every message names bad.ini, and `topic`
 * gets the default ladder. */
static void expect_refused(const char *text, size_t len, unsigned line, const char *word,
                           const char *topic)
{
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(levels_load_text(ls, "bad.ini", text, len, d), -1);
    assert_int_equal(levels_count(ls), 0);
    assert_true(diag_count(d) >= 1);
    assert_int_equal(diag_get(d, 0)->level, DIAG_ERROR);
    const Diag *found = NULL;
    for (size_t i = 0; i < diag_count(d); i++) {
        const Diag *e = diag_get(d, i);
        assert_string_equal(e->file, "bad.ini");
        assert_int_not_equal(e->level, DIAG_NOTE);
        if (!found && e->level == DIAG_ERROR && strstr(e->message, word))
            found = e;
    }
    if (!found) {
        diag_print(d, stderr, DIAG_NOTE);
        fail_msg("no error mentions \"%s\"", word);
    }
    assert_int_equal(found->line, line);
    assert_is_default_ladder(levels_for(ls, topic));
    diag_free(d);
    levels_free(ls);
}

static void expect_refused_text(const char *text, unsigned line, const char *word)
{
    expect_refused(text, strlen(text), line, word, "Loops");
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void remove_file(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

/* A temporary directory for a test; the teardown removes it and the files
 * the tests write, even when the test fails. */
static const char *const tmp_names[] = {
    "b_beta.ini",  "a_alpha.ini", "c_alpha_again.ini", "notes.txt",  "ini",
    ".hidden.ini", "alpha.ini.bak", "h_hotel.ini",     "e_echo.ini", "g_golf.ini",
    "d_delta.ini", "f_foxtrot.ini"};

static int tmp_dir_setup(void **state)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "%s", "/tmp/qa_test_levels_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    *state = dir;
    return 0;
}

static int tmp_dir_teardown(void **state)
{
    const char *dir = *state;
    for (size_t i = 0; i < sizeof tmp_names / sizeof *tmp_names; i++)
        remove_file(dir, tmp_names[i]);
    rmdir(dir); /* may already be gone */
    return 0;
}

/* ---- the default ladder and stars ---- */

static void test_ladder_default_has_three_levels_getting_harder(void **state)
{
    (void)state;
    Ladder l;
    memset(&l, 0xAB, sizeof l);
    ladder_default(&l);
    assert_int_equal(l.count, 3);
    assert_int_equal(l.levels[1].options, 4);
    assert_int_equal(l.levels[2].options, 4);
    assert_true(l.levels[0].options >= 2 && l.levels[0].options <= l.levels[1].options);
    /* Less time along the ladder. */
    assert_true(l.levels[1].seconds < l.levels[0].seconds);
    assert_true(l.levels[2].seconds < l.levels[1].seconds);
    /* More kinds along the ladder; answer always; level 3 allows all. */
    assert_int_equal(l.levels[0].kinds, KIND_BIT(KIND_ANSWER));
    assert_int_equal(l.levels[1].kinds, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE));
    assert_int_equal(l.levels[2].kinds, KINDS_ALL);
    /* Lives only on level 3. */
    assert_int_equal(l.levels[0].lives, 0);
    assert_int_equal(l.levels[1].lives, 0);
    assert_int_equal(l.levels[2].lives, 3);
    for (unsigned i = 0; i < 3; i++) {
        assert_true(l.levels[i].questions >= 1 && l.levels[i].questions <= 100);
        assert_true(l.levels[i].seconds >= 3 && l.levels[i].seconds <= 600);
        assert_true(l.levels[i].pass <= l.levels[i].stars2);
        assert_true(l.levels[i].stars2 <= l.levels[i].stars3);
        assert_true(l.levels[i].stars3 <= 100);
    }
    /* The rest of the array is cleared, not left as garbage. */
    for (unsigned i = 3; i < LADDER_MAX; i++)
        assert_int_equal(l.levels[i].questions, 0);
}

static void test_ladder_default_matches_the_round_defaults(void **state)
{
    (void)state;
    Ladder l;
    ladder_default(&l);
    for (int i = 0; i < 3; i++) {
        RoundParams p;
        unsigned seconds = 0;
        assert_int_equal(round_default_params(i + 1, &p, &seconds), 0);
        assert_int_equal(l.levels[i].questions, p.questions);
        assert_int_equal(l.levels[i].options, p.options);
        assert_int_equal(l.levels[i].kinds, p.kinds);
        assert_int_equal(l.levels[i].seconds, seconds);
    }
    assert_spec(&l.levels[0], 8, 25, 3, 0, 60, 80, 100, KIND_BIT(KIND_ANSWER));
}

static void test_level_stars_thresholds_are_inclusive(void **state)
{
    (void)state;
    LevelSpec l = {.questions = 10, .pass = 60, .stars2 = 80, .stars3 = 100};
    assert_int_equal(level_stars(&l, 5, 10), 0);
    assert_int_equal(level_stars(&l, 6, 10), 1);
    assert_int_equal(level_stars(&l, 7, 10), 1);
    assert_int_equal(level_stars(&l, 8, 10), 2);
    assert_int_equal(level_stars(&l, 9, 10), 2);
    assert_int_equal(level_stars(&l, 10, 10), 3);
    assert_int_equal(level_stars(&l, 3, 5), 1); /* exactly 60% */
    assert_int_equal(level_stars(&l, 2, 3), 1); /* 66.7% */
    /* 66.7% is below a 67% mark: no rounding up. */
    LevelSpec strict = {.pass = 67, .stars2 = 90, .stars3 = 100};
    assert_int_equal(level_stars(&strict, 2, 3), 0);
}

static void test_level_stars_full_marks_give_three_and_nothing_asked_gives_zero(void **state)
{
    (void)state;
    Ladder def;
    ladder_default(&def);
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(level_stars(&def.levels[i], 12, 12), 3);
        assert_int_equal(level_stars(&def.levels[i], 0, 0), 0);
        assert_int_equal(level_stars(&def.levels[i], 0, 12), 0);
    }
    /* Large counts do not overflow. */
    assert_int_equal(level_stars(&def.levels[0], 4000000000u, 4000000000u), 3);
    assert_int_equal(level_stars(&def.levels[0], 2000000000u, 4000000000u), 0);
    /* A zero pass mark gives a star even for no right answer. */
    LevelSpec easy = {.pass = 0, .stars2 = 50, .stars3 = 100};
    assert_int_equal(level_stars(&easy, 0, 4), 1);
}

/* ---- a valid level file ---- */

static const char valid_file[] =
    "; A ladder for one topic\n"                    /* 1 */
    "# both comment styles are ignored\n"           /* 2 */
    "\n"                                            /* 3 */
    "[topic]\n"                                     /* 4 */
    "name = Object-Oriented Programming (OOP)\n"    /* 5 */
    "\n"                                            /* 6 */
    "[level 1]\n"                                   /* 7 */
    "questions = 6\n"                               /* 8 */
    "seconds = 30\n"                                /* 9 */
    "options = 2\n"                                 /* 10 */
    "lives = 0\n"                                   /* 11 */
    "pass = 50\n"                                   /* 12 */
    "stars = 50 75 90\n"                            /* 13 */
    "kinds = answer\n"                              /* 14 */
    "\n"                                            /* 15 */
    "[level 2]\n"                                   /* 16 */
    "; only some keys: the others come from level 1\n"
    "seconds = 20\n"
    "options = 3\n"
    "kinds = answer, reverse\n"
    "\n"
    "   \n"
    "[level 3]\n"
    "# comment inside a level\n"
    "questions = 15\n"
    "seconds = 12\n"
    "options = 5\n"
    "lives = 3\n"
    "stars = 70 85 100\n"
    "kinds = reverse output\n";

static void test_level_file_valid_loads_every_field_without_diagnostics(void **state)
{
    (void)state;
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "oop.ini", valid_file, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(levels_count(ls), 1);
    assert_string_equal(levels_topic(ls, 0), "Object-Oriented Programming (OOP)");
    assert_string_equal(levels_file(ls, 0), "oop.ini");
    const Ladder *l = levels_for(ls, "Object-Oriented Programming (OOP)");
    assert_non_null(l);
    assert_int_equal(l->count, 3);
    assert_spec(&l->levels[0], 6, 30, 2, 0, 50, 75, 90, KIND_BIT(KIND_ANSWER));
    assert_spec(&l->levels[1], 6, 20, 3, 0, 50, 75, 90,
                KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE));
    assert_spec(&l->levels[2], 15, 12, 5, 3, 70, 85, 100, KINDS_ALL);
    diag_free(d);
    levels_free(ls);
}

static void test_level_file_left_out_keys_inherit_previous_level(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"
                               "name = Sorting\n"
                               "[level 1]\n"
                               "questions = 9\n"
                               "[level 2]\n"
                               "seconds = 11\n"
                               "lives = 2\n"
                               "[level 3]\n"
                               "pass = 70\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "sorting.ini", text, d), 0);
    assert_int_equal(diag_count(d), 0);
    const Ladder *l = levels_for(ls, "Sorting");
    assert_int_equal(l->count, 3);
    /* Level 1's left-out keys come from the default ladder's level 1. */
    assert_spec(&l->levels[0], 9, 25, 3, 0, 60, 80, 100, KIND_BIT(KIND_ANSWER));
    assert_spec(&l->levels[1], 9, 11, 3, 2, 60, 80, 100, KIND_BIT(KIND_ANSWER));
    assert_spec(&l->levels[2], 9, 11, 3, 2, 70, 80, 100, KIND_BIT(KIND_ANSWER));
    diag_free(d);
    levels_free(ls);
}

static void test_level_file_kinds_always_include_answer(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"
                               "name = Kinds\n"
                               "[level 1]\n"
                               "kinds = reverse\n"
                               "[level 2]\n"
                               "kinds = output\n"
                               "[level 3]\n"
                               "kinds = output,reverse\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "kinds.ini", text, d), 0);
    assert_int_equal(diag_count(d), 0);
    const Ladder *l = levels_for(ls, "kinds");
    assert_int_equal(l->count, 3);
    assert_int_equal(l->levels[0].kinds, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE));
    assert_int_equal(l->levels[1].kinds, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_OUTPUT));
    assert_int_equal(l->levels[2].kinds, KINDS_ALL);
    diag_free(d);
    levels_free(ls);
}

/* The format says a key left out takes the previous level's value, so a
 * level that leaves out every key is a copy of the one before. */
static void test_level_file_empty_level_section_copies_previous_level(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"
                               "name = Empty Level\n"
                               "[level 1]\n"
                               "questions = 7\n"
                               "[level 2]\n"
                               "[level 3]\n"
                               "seconds = 10\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    int rc = load(ls, "empty-level.ini", text, d);
    size_t messages = diag_count(d);
    if (rc != 0 || messages != 0)
        diag_print(d, stderr, DIAG_NOTE);
    Ladder l = *levels_for(ls, "Empty Level");
    diag_free(d); /* before asserting: a failure must not leak */
    levels_free(ls);
    assert_int_equal(rc, 0);
    assert_int_equal(messages, 0);
    assert_int_equal(l.count, 3);
    assert_int_equal(l.levels[1].questions, 7);
    assert_int_equal(l.levels[1].seconds, 25);
    assert_int_equal(l.levels[2].questions, 7);
    assert_int_equal(l.levels[2].seconds, 10);
}

/* Comments are ignored whatever their length (a level file is edited by
 * hand; a long explanatory comment must not break it). */
static void test_level_file_long_comment_line_is_ignored(void **state)
{
    (void)state;
    char text[1024];
    char comment[301];
    memset(comment, 'x', sizeof comment - 1);
    comment[sizeof comment - 1] = '\0';
    snprintf(text, sizeof text,
             "; %s\n"
             "[topic]\n"
             "name = Long Comment\n"
             "[level 1]\n"
             "questions = 5\n",
             comment);
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    int rc = load(ls, "long.ini", text, d);
    size_t messages = diag_count(d);
    if (rc != 0 || messages != 0)
        diag_print(d, stderr, DIAG_NOTE);
    unsigned questions = levels_for(ls, "Long Comment")->levels[0].questions;
    diag_free(d); /* before asserting: a failure must not leak */
    levels_free(ls);
    assert_int_equal(rc, 0);
    assert_int_equal(messages, 0);
    assert_int_equal(questions, 5);
}

/* ---- looking ladders up ---- */

static void test_levels_for_matches_topic_ignoring_case_and_punctuation(void **state)
{
    (void)state;
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "oop.ini", valid_file, d), 0);
    const Ladder *exact = levels_for(ls, "Object-Oriented Programming (OOP)");
    assert_int_equal(exact->levels[0].seconds, 30);
    assert_ptr_equal(levels_for(ls, "object oriented programming oop"), exact);
    assert_ptr_equal(levels_for(ls, "OBJECT ORIENTED PROGRAMMING: OOP!"), exact);
    assert_ptr_equal(levels_for(ls, "  object--oriented   programming (oop)  "), exact);
    /* Different words are a different topic. */
    assert_ptr_not_equal(levels_for(ls, "Object Oriented Programming"), exact);
    assert_ptr_not_equal(levels_for(ls, "objectoriented programming oop"), exact);
    diag_free(d);
    levels_free(ls);
}

static void test_levels_for_unknown_topic_gets_default_ladder(void **state)
{
    (void)state;
    Levels *ls = levels_new();
    assert_is_default_ladder(levels_for(ls, "Functions"));
    assert_is_default_ladder(levels_for(ls, ""));
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "oop.ini", valid_file, d), 0);
    assert_is_default_ladder(levels_for(ls, "Functions"));
    assert_int_equal(levels_for(ls, "oop object oriented programming")->count, 3);
    assert_is_default_ladder(levels_for(ls, "oop object oriented programming"));
    diag_free(d);
    levels_free(ls);
}

/* Not in levels.h: what levels.c does with NULL (levels_for(NULL) is NULL,
 * levels_free(NULL) does nothing, a NULL Diagnostics only loses messages). */
static void test_levels_null_levels_and_null_diagnostics_are_safe(void **state)
{
    (void)state;
    assert_null(levels_for(NULL, "Functions"));
    levels_free(NULL);
    Levels *ls = levels_new();
    assert_int_equal(levels_count(ls), 0);
    assert_null(levels_topic(ls, 0));
    assert_null(levels_file(ls, 0));
    static const char bad[] = "[topic]\nname = X\n[level 1]\nseconds = 1\n";
    assert_int_equal(load(ls, "bad.ini", bad, NULL), -1);
    assert_int_equal(load(ls, "oop.ini", valid_file, NULL), 0);
    assert_int_equal(levels_count(ls), 1);
    levels_free(ls);
}

/* ---- broken files: FILE:LINE and the default ladder ---- */

static void test_level_file_bad_seconds_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "seconds = 2\n",
                        6, "3 to 600");
}

static void test_level_file_bad_options_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "options = 9\n",
                        4, "2 to 5");
}

static void test_level_file_bad_questions_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "[level 2]\n"
                        "; a comment line\n"
                        "questions = abc\n",
                        7, "abc");
}

static void test_level_file_stars_not_rising_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "stars = 80 60 100\n",
                        4, "rising");
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "stars = 60 80\n",
                        4, "rising");
}

/* `pass` and the first number of `stars` are the same mark (one star is a
 * pass): given together in a level, in either order, they must agree; a
 * pass mark given alone may equal the two-star mark. */
static void test_level_file_pass_and_stars_together_must_agree(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"
                               "name = Marks\n"
                               "[level 1]\n"
                               "pass = 70\n"
                               "stars = 70 85 100\n"
                               "[level 2]\n"
                               "stars = 50 60 70\n"
                               "questions = 4\n"
                               "pass = 50\n"
                               "[level 3]\n"
                               "pass = 60\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    int rc = load(ls, "marks.ini", text, d);
    if (rc != 0 || diag_count(d) != 0)
        diag_print(d, stderr, DIAG_NOTE);
    assert_int_equal(rc, 0);
    assert_int_equal(diag_count(d), 0);
    const Ladder *l = levels_for(ls, "Marks");
    assert_int_equal(l->count, 3);
    assert_spec(&l->levels[0], 8, 25, 3, 0, 70, 85, 100, KIND_BIT(KIND_ANSWER));
    assert_spec(&l->levels[1], 4, 25, 3, 0, 50, 60, 70, KIND_BIT(KIND_ANSWER));
    /* Level 3: a pass mark equal to the inherited two-star mark. */
    assert_spec(&l->levels[2], 4, 25, 3, 0, 60, 60, 70, KIND_BIT(KIND_ANSWER));
    diag_free(d);
    levels_free(ls);
}

static void test_level_file_pass_disagreeing_with_stars_reported_with_line_and_topic_falls_back(
    void **state)
{
    (void)state;
    /* stars after pass: reported on the stars line (it would have changed
     * the pass mark silently). */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "pass = 50\n"
                        "stars = 60 80 100\n"
                        "kinds = answer\n",
                        5, "disagrees");
    /* pass after stars, in a later level: reported on the pass line. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 5\n"
                        "[level 2]\n"
                        "stars = 60 80 100\n"
                        "pass = 65\n"
                        "[level 3]\n"
                        "seconds = 10\n",
                        7, "one-star mark");
}

static void test_level_file_pass_above_two_star_mark_reported_with_line_and_topic_falls_back(
    void **state)
{
    (void)state;
    /* Above the default ladder's two-star mark (80), in the last level. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "pass = 90\n"
                        "seconds = 20\n",
                        4, "above the two-star mark (80)");
    /* Above a two-star mark inherited from the previous level, reported when
     * the next level starts, on the pass line. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "stars = 50 60 70\n"
                        "[level 2]\n"
                        "pass = 65\n"
                        "\n"
                        "[level 3]\n"
                        "seconds = 10\n",
                        6, "above the two-star mark (60)");
    /* Out of range, as before. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "pass = 101\n",
                        4, "0 to 100");
}

static void test_level_file_unknown_kind_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "kinds = answer, riddle\n",
                        4, "riddle");
}

static void test_level_file_unknown_key_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "speed = 3\n",
                        5, "speed");
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "title = Loops and more\n"
                        "[level 1]\n"
                        "questions = 8\n",
                        3, "unknown key");
}

static void test_level_file_unknown_section_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    /* The error is reported on the section's own line. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "[bonus]\n"
                        "questions = 3\n",
                        5, "unknown section");
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 13]\n"
                        "questions = 8\n",
                        3, "unknown section");
    /* Even with no key under it. */
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "[foo]\n",
                        5, "unknown section");
}

static void test_level_file_level_out_of_order_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "[level 3]\n"
                        "questions = 12\n",
                        5, "out of order");
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 2]\n"
                        "questions = 8\n",
                        3, "out of order");
}

static void test_level_file_key_given_twice_reported_with_line_and_topic_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "seconds = 20\n"
                        "questions = 8\n"
                        "seconds = 25\n",
                        6, "twice");
}

/* The topic's name given twice is a key given twice too: which topic is the
 * file for? */
static void test_level_file_topic_name_given_twice_reported_and_file_refused(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"
                               "name = Loops\n"
                               "name = Functions\n"
                               "[level 1]\n"
                               "questions = 8\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    int rc = load(ls, "bad.ini", text, d);
    if (rc == 0)
        fprintf(stderr, "accepted as topic \"%s\"\n", levels_topic(ls, 0));
    size_t messages = diag_count(d);
    DiagLevel level = messages ? diag_get(d, 0)->level : DIAG_NOTE;
    unsigned line = messages ? diag_get(d, 0)->line : 0;
    size_t added = levels_count(ls);
    diag_free(d); /* before asserting: a failure must not leak */
    levels_free(ls);
    assert_int_equal(rc, -1);
    assert_true(messages >= 1);
    assert_int_equal(level, DIAG_ERROR);
    assert_int_equal(line, 3);
    assert_int_equal(added, 0);
}

static void test_level_file_missing_topic_name_reported_and_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[level 1]\n"
                        "questions = 8\n",
                        0, "[topic]");
    expect_refused_text("[topic]\n"
                        "name =\n"
                        "[level 1]\n"
                        "questions = 8\n",
                        2, "empty");
}

static void test_level_file_without_level_1_reported_and_falls_back(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "; no levels yet\n",
                        0, "no [level 1]");
}

static void test_level_file_line_without_equals_reported_as_not_ini(void **state)
{
    (void)state;
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1]\n"
                        "questions = 8\n"
                        "seconds 20\n",
                        5, "not INI");
    expect_refused_text("[topic]\n"
                        "name = Loops\n"
                        "[level 1\n"
                        "questions = 8\n",
                        3, "not INI");
}

static void test_level_file_with_nul_bytes_reported_as_binary(void **state)
{
    (void)state;
    static const char text[] = "[topic]\nname = Loops\0\n[level 1]\nquestions = 8\n";
    expect_refused(text, sizeof text - 1, 0, "binary", "Loops");
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    expect_refused(png, sizeof png - 1, 0, "binary", "Loops");
}

static void test_level_file_empty_reported_and_falls_back(void **state)
{
    (void)state;
    expect_refused("", 0, 0, "[topic]", "Loops");
    expect_refused_text("\n\n   \n; nothing\n", 0, "[topic]");
}

static void test_level_file_error_warning_names_the_topic(void **state)
{
    (void)state;
    static const char text[] = "[topic]\nname = Loops\n[level 1]\nlives = 10\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "loops.ini", text, d), -1);
    assert_int_equal(diag_count(d), 2);
    assert_int_equal(diag_get(d, 0)->line, 4);
    assert_non_null(strstr(diag_get(d, 0)->message, "0 to 9"));
    assert_int_equal(diag_get(d, 1)->level, DIAG_WARNING);
    assert_int_equal(diag_get(d, 1)->line, 0);
    assert_non_null(strstr(diag_get(d, 1)->message, "Loops"));
    diag_free(d);
    levels_free(ls);
}

static void test_level_file_every_error_of_a_file_is_reported(void **state)
{
    (void)state;
    static const char text[] = "[topic]\n"         /* 1 */
                               "name = Loops\n"    /* 2 */
                               "[level 1]\n"       /* 3 */
                               "seconds = 1\n"     /* 4 */
                               "options = 1\n"     /* 5 */
                               "colour = red\n";   /* 6 */
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "bad.ini", text, d), -1);
    assert_int_equal(diag_total(d, DIAG_ERROR), 3);
    assert_int_equal(diag_get(d, 0)->line, 4);
    assert_int_equal(diag_get(d, 1)->line, 5);
    assert_int_equal(diag_get(d, 2)->line, 6);
    assert_int_equal(diag_total(d, DIAG_WARNING), 1);
    diag_free(d);
    levels_free(ls);
}

static void test_level_file_broken_leaves_earlier_ladders_alone(void **state)
{
    (void)state;
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "oop.ini", valid_file, d), 0);
    static const char bad[] = "[topic]\nname = Loops\n[level 1]\nseconds = 2\n";
    assert_int_equal(load(ls, "loops.ini", bad, d), -1);
    assert_int_equal(levels_count(ls), 1);
    assert_string_equal(levels_topic(ls, 0), "Object-Oriented Programming (OOP)");
    assert_int_equal(levels_for(ls, "oop object oriented programming")->levels[0].seconds, 25);
    assert_int_equal(levels_for(ls, "object oriented programming oop")->levels[0].seconds, 30);
    assert_is_default_ladder(levels_for(ls, "Loops"));
    diag_free(d);
    levels_free(ls);
}

/* ---- several files ---- */

static void test_second_file_for_same_topic_refused_naming_first_file(void **state)
{
    (void)state;
    static const char first[] = "[topic]\nname = Loops\n[level 1]\nseconds = 40\n";
    static const char second[] = "[topic]\nname = LOOPS!\n[level 1]\nseconds = 10\n";
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(load(ls, "levels/loops.ini", first, d), 0);
    assert_int_equal(diag_count(d), 0);
    assert_int_equal(load(ls, "levels/loops-copy.ini", second, d), -1);
    assert_int_equal(diag_count(d), 1);
    const Diag *e = diag_get(d, 0);
    assert_int_equal(e->level, DIAG_ERROR);
    assert_string_equal(e->file, "levels/loops-copy.ini");
    assert_int_equal(e->line, 0);
    assert_non_null(strstr(e->message, "levels/loops.ini"));
    assert_non_null(strstr(e->message, "already"));
    assert_int_equal(levels_count(ls), 1);
    assert_string_equal(levels_file(ls, 0), "levels/loops.ini");
    assert_int_equal(levels_for(ls, "loops")->levels[0].seconds, 40);
    diag_free(d);
    levels_free(ls);
}

static void test_levels_load_dir_reads_ini_files_in_name_order_and_skips_others(void **state)
{
    const char *dir = *state;
    /* Written out of order, so that directory order is unlikely to be
     * name order by chance. */
    write_file(dir, "h_hotel.ini", "[topic]\nname = Hotel\n[level 1]\nseconds = 10\n");
    write_file(dir, "b_beta.ini", "[topic]\nname = Beta\n[level 1]\nseconds = 50\n");
    write_file(dir, "e_echo.ini", "[topic]\nname = Echo\n[level 1]\nseconds = 10\n");
    write_file(dir, "a_alpha.ini", "[topic]\nname = Alpha\n[level 1]\nseconds = 40\n");
    write_file(dir, "g_golf.ini", "[topic]\nname = Golf\n[level 1]\nseconds = 10\n");
    write_file(dir, "d_delta.ini", "[topic]\nname = Delta\n[level 1]\nseconds = 10\n");
    write_file(dir, "f_foxtrot.ini", "[topic]\nname = Foxtrot\n[level 1]\nseconds = 10\n");
    /* Same topic as a_alpha.ini: read after it, so refused. */
    write_file(dir, "c_alpha_again.ini", "[topic]\nname = ALPHA\n[level 1]\nseconds = 9\n");
    /* Not level files: never read (each would be an error). */
    write_file(dir, "notes.txt", "not a level file\n");
    write_file(dir, "ini", "not a level file\n");
    write_file(dir, ".hidden.ini", "not a level file\n");
    write_file(dir, "alpha.ini.bak", "not a level file\n");

    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(levels_load_dir(ls, dir, d), 7);
    assert_int_equal(levels_count(ls), 7);
    static const char *const topics[] = {"Alpha", "Beta", "Delta", "Echo",
                                         "Foxtrot", "Golf", "Hotel"};
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(levels_topic(ls, i), topics[i]);
    char path[512];
    snprintf(path, sizeof path, "%s/a_alpha.ini", dir);
    assert_string_equal(levels_file(ls, 0), path);
    snprintf(path, sizeof path, "%s/b_beta.ini", dir);
    assert_string_equal(levels_file(ls, 1), path);
    snprintf(path, sizeof path, "%s/h_hotel.ini", dir);
    assert_string_equal(levels_file(ls, 6), path);
    assert_null(levels_topic(ls, 7));
    assert_null(levels_file(ls, 7));
    assert_int_equal(levels_for(ls, "alpha")->levels[0].seconds, 40);
    assert_int_equal(levels_for(ls, "beta")->levels[0].seconds, 50);
    /* The only message: the duplicate, naming the first file. */
    assert_int_equal(diag_count(d), 1);
    const Diag *e = diag_get(d, 0);
    assert_int_equal(e->level, DIAG_ERROR);
    snprintf(path, sizeof path, "%s/c_alpha_again.ini", dir);
    assert_string_equal(e->file, path);
    assert_non_null(strstr(e->message, "a_alpha.ini"));
    diag_free(d);
    levels_free(ls);
}

static void test_levels_load_dir_empty_directory_adds_nothing(void **state)
{
    const char *dir = *state;
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(levels_load_dir(ls, dir, d), 0);
    assert_int_equal(levels_count(ls), 0);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
    levels_free(ls);
}

static void test_levels_load_dir_missing_directory_reported_returns_minus_one(void **state)
{
    const char *dir = *state;
    assert_int_equal(rmdir(dir), 0); /* now surely missing */
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(levels_load_dir(ls, dir, d), -1);
    assert_int_equal(levels_count(ls), 0);
    assert_int_equal(diag_count(d), 1);
    const Diag *e = diag_get(d, 0);
    assert_int_equal(e->level, DIAG_ERROR);
    assert_string_equal(e->file, dir);
    assert_int_equal(e->line, 0);
    assert_non_null(strstr(e->message, "cannot read"));
    diag_free(d);
    levels_free(ls);
}

static void test_levels_load_file_missing_file_reported(void **state)
{
    (void)state;
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    assert_int_equal(levels_load_file(ls, "/nonexistent/qa/loops.ini", d), -1);
    assert_int_equal(diag_count(d), 1);
    assert_string_equal(diag_get(d, 0)->file, "/nonexistent/qa/loops.ini");
    assert_non_null(strstr(diag_get(d, 0)->message, "cannot open"));
    diag_free(d);
    levels_free(ls);
}

/* ---- the shipped level files ---- */

static void test_shipped_level_files_load_cleanly_and_get_harder(void **state)
{
    (void)state;
    const char *dir = QA_SOURCE_DIR "/levels";
    DIR *dh = opendir(dir);
    size_t files = 0;
    char names[64][256];
    if (dh) {
        struct dirent *e;
        while ((e = readdir(dh)) != NULL && files < 64) {
            size_t n = strlen(e->d_name);
            if (n > 4 && n < sizeof names[0] && e->d_name[0] != '.' &&
                strcmp(e->d_name + n - 4, ".ini") == 0)
                memcpy(names[files++], e->d_name, n + 1);
        }
        closedir(dh);
    }
    if (files == 0) {
        print_message("no *.ini in %s yet: shipped ladders not checked\n", dir);
        skip();
        return;
    }
    for (size_t f = 0; f < files; f++) {
        char path[512];
        int n = snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        assert_true(n > 0 && (size_t)n < sizeof path);
        Levels *ls = levels_new();
        Diagnostics *d = diag_new();
        int rc = levels_load_file(ls, path, d);
        if (rc != 0 || diag_count(d) != 0) {
            diag_print(d, stderr, DIAG_NOTE);
            fail_msg("%s does not load cleanly", path);
        }
        const Ladder *l = levels_for(ls, levels_topic(ls, 0));
        assert_true(l->count >= 1 && l->count <= LADDER_MAX);
        for (unsigned i = 1; i < l->count; i++) {
            if (l->levels[i].seconds > l->levels[i - 1].seconds)
                fail_msg("%s: level %u has more seconds than level %u", path, i + 1, i);
            if (l->levels[i].options < l->levels[i - 1].options)
                fail_msg("%s: level %u has fewer options than level %u", path, i + 1, i);
        }
        if (l->levels[l->count - 1].kinds != KINDS_ALL)
            fail_msg("%s: the last level does not allow every kind", path);
        diag_free(d);
        levels_free(ls);
    }
    /* All together: no two files for one topic. */
    Levels *ls = levels_new();
    Diagnostics *d = diag_new();
    int added = levels_load_dir(ls, dir, d);
    if (diag_count(d) != 0)
        diag_print(d, stderr, DIAG_NOTE);
    assert_int_equal(added, (int)files);
    assert_int_equal(diag_count(d), 0);
    diag_free(d);
    levels_free(ls);
}

#define WITH_TMP_DIR(f) cmocka_unit_test_setup_teardown(f, tmp_dir_setup, tmp_dir_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ladder_default_has_three_levels_getting_harder),
        cmocka_unit_test(test_ladder_default_matches_the_round_defaults),
        cmocka_unit_test(test_level_stars_thresholds_are_inclusive),
        cmocka_unit_test(test_level_stars_full_marks_give_three_and_nothing_asked_gives_zero),
        cmocka_unit_test(test_level_file_valid_loads_every_field_without_diagnostics),
        cmocka_unit_test(test_level_file_left_out_keys_inherit_previous_level),
        cmocka_unit_test(test_level_file_kinds_always_include_answer),
        cmocka_unit_test(test_level_file_empty_level_section_copies_previous_level),
        cmocka_unit_test(test_level_file_long_comment_line_is_ignored),
        cmocka_unit_test(test_levels_for_matches_topic_ignoring_case_and_punctuation),
        cmocka_unit_test(test_levels_for_unknown_topic_gets_default_ladder),
        cmocka_unit_test(test_levels_null_levels_and_null_diagnostics_are_safe),
        cmocka_unit_test(test_level_file_bad_seconds_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_bad_options_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_bad_questions_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_stars_not_rising_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_pass_and_stars_together_must_agree),
        cmocka_unit_test(
            test_level_file_pass_disagreeing_with_stars_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(
            test_level_file_pass_above_two_star_mark_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_unknown_kind_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_unknown_key_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_unknown_section_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_level_out_of_order_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_key_given_twice_reported_with_line_and_topic_falls_back),
        cmocka_unit_test(test_level_file_topic_name_given_twice_reported_and_file_refused),
        cmocka_unit_test(test_level_file_missing_topic_name_reported_and_falls_back),
        cmocka_unit_test(test_level_file_without_level_1_reported_and_falls_back),
        cmocka_unit_test(test_level_file_line_without_equals_reported_as_not_ini),
        cmocka_unit_test(test_level_file_with_nul_bytes_reported_as_binary),
        cmocka_unit_test(test_level_file_empty_reported_and_falls_back),
        cmocka_unit_test(test_level_file_error_warning_names_the_topic),
        cmocka_unit_test(test_level_file_every_error_of_a_file_is_reported),
        cmocka_unit_test(test_level_file_broken_leaves_earlier_ladders_alone),
        cmocka_unit_test(test_second_file_for_same_topic_refused_naming_first_file),
        WITH_TMP_DIR(test_levels_load_dir_reads_ini_files_in_name_order_and_skips_others),
        WITH_TMP_DIR(test_levels_load_dir_empty_directory_adds_nothing),
        WITH_TMP_DIR(test_levels_load_dir_missing_directory_reported_returns_minus_one),
        cmocka_unit_test(test_levels_load_file_missing_file_reported),
        cmocka_unit_test(test_shipped_level_files_load_cleanly_and_get_harder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
