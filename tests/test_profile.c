/* test_profile.c - what the game remembers about its player
 * (core/profile.h): default settings, progress through each topic's ladder
 * (best score and stars, passed stays passed, which levels are open, topic
 * names compared as keys), the high-score tables (order, ties, ten slots,
 * independent tables), each question's history and its spaced-repetition
 * weight, initials, and day numbers written and read as YYYY-MM-DD. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/profile.h"

#include <stdio.h>
#include <string.h>

/* ---- helpers ---- */

static HighScore entry(const char *initials, uint32_t score)
{
    HighScore e;
    memset(&e, 0, sizeof e);
    snprintf(e.initials, sizeof e.initials, "%s", initials);
    e.score = score;
    e.accuracy = 75;
    snprintf(e.date, sizeof e.date, "%s", "2025-11-24");
    return e;
}

static size_t table(const Profile *p, const char *name, const HighScore **out)
{
    return profile_table(p, name, out);
}

/* ---- defaults ---- */

static void test_new_profile_has_documented_defaults(void **state)
{
    (void)state;
    Profile *p = profile_new();
    const Settings *s = profile_settings_const(p);
    assert_int_equal(s->volume, 80);
    assert_false(s->muted);
    assert_false(s->fullscreen);
    assert_int_equal(s->timer, TIMER_ON);
    assert_string_equal(profile_initials(p), "AAA");
    assert_int_equal(profile_table_count(p), 0);
    assert_null(profile_table_name(p, 0));
    const HighScore *e = (const HighScore *)1;
    assert_int_equal(table(p, "arcade", &e), 0);
    assert_null(e);
    assert_int_equal(profile_history_count(p), 0);
    assert_null(profile_history_at(p, 0));
    assert_null(profile_history(p, 12345));
    assert_int_equal(profile_level_count(p), 0);
    assert_null(profile_level(p, "Functions", 1));
    assert_int_equal(profile_daily_day(p, "daily"), 0);
    assert_int_equal(profile_daily_count(p), 0);
    profile_free(p);
    profile_free(NULL);
}

static void test_settings_are_writable_and_read_back(void **state)
{
    (void)state;
    Profile *p = profile_new();
    Settings *s = profile_settings(p);
    s->volume = 35;
    s->muted = 1;
    s->fullscreen = 1;
    s->timer = TIMER_RELAXED;
    const Settings *c = profile_settings_const(p);
    assert_ptr_equal(c, s);
    assert_int_equal(c->volume, 35);
    assert_true(c->muted);
    assert_true(c->fullscreen);
    assert_int_equal(c->timer, TIMER_RELAXED);
    /* Each daily table has its own day. */
    profile_set_daily_day(p, "daily", 20416);
    profile_set_daily_day(p, "daily:mine.md", 20400);
    profile_set_daily_day(p, "daily", 20417);
    assert_int_equal(profile_daily_day(p, "daily"), 20417);
    assert_int_equal(profile_daily_day(p, "daily:mine.md"), 20400);
    assert_int_equal(profile_daily_day(p, "daily:other.md"), 0);
    assert_int_equal(profile_daily_count(p), 2);
    uint32_t day;
    assert_string_equal(profile_daily_at(p, 1, &day), "daily:mine.md");
    assert_int_equal(day, 20400);
    assert_null(profile_daily_at(p, 2, &day));
    profile_free(p);
}

/* ---- progress ---- */

static void test_record_level_keeps_best_score_and_stars_and_passed_stays(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_record_level(p, "Functions", 1, 500, 2, 1);
    const LevelRecord *r = profile_level(p, "Functions", 1);
    assert_non_null(r);
    assert_int_equal(r->best_score, 500);
    assert_int_equal(r->stars, 2);
    assert_true(r->passed);
    /* A worse, failed round changes nothing. */
    profile_record_level(p, "Functions", 1, 300, 1, 0);
    r = profile_level(p, "Functions", 1);
    assert_int_equal(r->best_score, 500);
    assert_int_equal(r->stars, 2);
    assert_true(r->passed);
    /* A better score with fewer stars: each best is kept on its own. */
    profile_record_level(p, "Functions", 1, 800, 0, 0);
    r = profile_level(p, "Functions", 1);
    assert_int_equal(r->best_score, 800);
    assert_int_equal(r->stars, 2);
    assert_true(r->passed);
    profile_record_level(p, "Functions", 1, 100, 3, 0);
    r = profile_level(p, "Functions", 1);
    assert_int_equal(r->best_score, 800);
    assert_int_equal(r->stars, 3);
    assert_int_equal(profile_level_count(p), 1);
    profile_free(p);
}

static void test_record_level_failed_first_round_is_not_passed_until_passed(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_record_level(p, "Loops", 2, 120, 0, 0);
    const LevelRecord *r = profile_level(p, "Loops", 2);
    assert_non_null(r);
    assert_int_equal(r->best_score, 120);
    assert_int_equal(r->stars, 0);
    assert_false(r->passed);
    assert_null(profile_level(p, "Loops", 1));
    assert_null(profile_level(p, "Loops", 3));
    profile_record_level(p, "Loops", 2, 90, 1, 1);
    r = profile_level(p, "Loops", 2);
    assert_int_equal(r->best_score, 120);
    assert_int_equal(r->stars, 1);
    assert_true(r->passed);
    /* Stars never exceed 3. */
    profile_record_level(p, "Loops", 2, 90, 7, 1);
    assert_int_equal(profile_level(p, "Loops", 2)->stars, 3);
    profile_free(p);
}

static void test_level_open_level_one_always_next_once_previous_passed(void **state)
{
    (void)state;
    Profile *p = profile_new();
    assert_true(profile_level_open(p, "Functions", 1));
    assert_false(profile_level_open(p, "Functions", 2));
    assert_false(profile_level_open(p, "Functions", 3));
    /* Played but failed: level 2 stays closed. */
    profile_record_level(p, "Functions", 1, 200, 0, 0);
    assert_false(profile_level_open(p, "Functions", 2));
    profile_record_level(p, "Functions", 1, 100, 1, 1);
    assert_true(profile_level_open(p, "Functions", 2));
    assert_false(profile_level_open(p, "Functions", 3));
    /* Another topic is not affected. */
    assert_true(profile_level_open(p, "Loops", 1));
    assert_false(profile_level_open(p, "Loops", 2));
    /* Level 3 opens once level 2 is passed. */
    profile_record_level(p, "Functions", 2, 300, 2, 1);
    assert_true(profile_level_open(p, "Functions", 3));
    assert_false(profile_level_open(p, "Functions", 4));
    profile_free(p);
}

static void test_level_topic_names_compared_ignoring_case_and_punctuation(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_record_level(p, "Object-Oriented Programming (OOP)", 1, 400, 2, 1);
    assert_true(profile_level_open(p, "object oriented programming oop", 2));
    assert_true(profile_level_open(p, "OBJECT ORIENTED PROGRAMMING: OOP", 2));
    const LevelRecord *a = profile_level(p, "Object-Oriented Programming (OOP)", 1);
    const LevelRecord *b = profile_level(p, "object oriented programming oop", 1);
    assert_non_null(a);
    assert_ptr_equal(a, b);
    /* Recording under the other spelling updates the same record. */
    profile_record_level(p, "object oriented programming oop", 1, 900, 1, 0);
    assert_int_equal(profile_level_count(p), 1);
    assert_int_equal(a->best_score, 900);
    const char *topic = NULL;
    unsigned level = 0;
    assert_non_null(profile_level_at(p, 0, &topic, &level));
    assert_string_equal(topic, "Object-Oriented Programming (OOP)"); /* as first recorded */
    /* Different words are a different topic. */
    assert_null(profile_level(p, "Object Oriented Programming", 1));
    assert_false(profile_level_open(p, "objectoriented programming oop", 2));
    profile_free(p);
}

static void test_level_at_enumerates_every_record(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_record_level(p, "Functions", 1, 100, 1, 1);
    profile_record_level(p, "Loops", 1, 200, 2, 1);
    profile_record_level(p, "Functions", 2, 300, 0, 0);
    profile_record_level(p, "Functions", 1, 150, 1, 1); /* updates, no new record */
    assert_int_equal(profile_level_count(p), 3);
    static const struct {
        const char *topic;
        unsigned level, score, stars;
        int passed;
    } expect[] = {{"Functions", 1, 150, 1, 1},
                  {"Loops", 1, 200, 2, 1},
                  {"Functions", 2, 300, 0, 0}};
    for (size_t i = 0; i < 3; i++) {
        const char *topic = NULL;
        unsigned level = 0;
        const LevelRecord *r = profile_level_at(p, i, &topic, &level);
        assert_non_null(r);
        assert_string_equal(topic, expect[i].topic);
        assert_int_equal(level, expect[i].level);
        assert_int_equal(r->best_score, expect[i].score);
        assert_int_equal(r->stars, expect[i].stars);
        assert_int_equal(!!r->passed, expect[i].passed);
        assert_ptr_equal(r, profile_level(p, topic, level));
    }
    const char *topic = NULL;
    unsigned level = 0;
    assert_null(profile_level_at(p, 3, &topic, &level));
    profile_free(p);
}

/* ---- high scores ---- */

static void test_highscores_best_first(void **state)
{
    (void)state;
    Profile *p = profile_new();
    assert_int_equal(profile_rank(p, "arcade", 50), 0);
    HighScore a = entry("AAA", 50), b = entry("BBB", 100), c = entry("CCC", 75);
    assert_int_equal(profile_insert(p, "arcade", &a), 0);
    assert_int_equal(profile_insert(p, "arcade", &b), 0);
    assert_int_equal(profile_rank(p, "arcade", 80), 1);
    assert_int_equal(profile_insert(p, "arcade", &c), 1);
    assert_int_equal(profile_rank(p, "arcade", 1000), 0);
    assert_int_equal(profile_rank(p, "arcade", 1), 3);
    const HighScore *e;
    assert_int_equal(table(p, "arcade", &e), 3);
    assert_int_equal(e[0].score, 100);
    assert_string_equal(e[0].initials, "BBB");
    assert_int_equal(e[1].score, 75);
    assert_string_equal(e[1].initials, "CCC");
    assert_int_equal(e[2].score, 50);
    assert_string_equal(e[2].initials, "AAA");
    assert_int_equal(e[2].accuracy, 75);
    assert_string_equal(e[2].date, "2025-11-24");
    profile_free(p);
}

static void test_highscores_equal_scores_keep_arrival_order(void **state)
{
    (void)state;
    Profile *p = profile_new();
    HighScore first = entry("FST", 60), second = entry("SND", 60), third = entry("THD", 60);
    HighScore top = entry("TOP", 90);
    assert_int_equal(profile_insert(p, "daily", &first), 0);
    /* A later equal score goes below the earlier one. */
    assert_int_equal(profile_rank(p, "daily", 60), 1);
    assert_int_equal(profile_insert(p, "daily", &second), 1);
    assert_int_equal(profile_insert(p, "daily", &top), 0);
    assert_int_equal(profile_insert(p, "daily", &third), 3);
    const HighScore *e;
    assert_int_equal(table(p, "daily", &e), 4);
    assert_string_equal(e[0].initials, "TOP");
    assert_string_equal(e[1].initials, "FST");
    assert_string_equal(e[2].initials, "SND");
    assert_string_equal(e[3].initials, "THD");
    profile_free(p);
}

static void test_highscores_table_holds_ten_and_refuses_below_the_tenth(void **state)
{
    (void)state;
    Profile *p = profile_new();
    char name[4];
    for (unsigned i = 0; i < 10; i++) {
        snprintf(name, sizeof name, "P%02u", i);
        HighScore h = entry(name, 100 - 10 * i); /* 100, 90, ..., 10 */
        assert_int_equal(profile_insert(p, "arcade", &h), (int)i);
    }
    const HighScore *e;
    assert_int_equal(table(p, "arcade", &e), HIGHSCORE_SLOTS);
    assert_int_equal(e[9].score, 10);
    /* Below the tenth, or equal to it (a later equal score goes below). */
    HighScore low = entry("LOW", 5), tie = entry("TIE", 10);
    assert_int_equal(profile_rank(p, "arcade", 5), -1);
    assert_int_equal(profile_insert(p, "arcade", &low), -1);
    assert_int_equal(profile_rank(p, "arcade", 10), -1);
    assert_int_equal(profile_insert(p, "arcade", &tie), -1);
    assert_int_equal(table(p, "arcade", &e), 10);
    assert_string_equal(e[9].initials, "P09");
    /* One that makes it pushes the tenth out. */
    HighScore mid = entry("MID", 55);
    assert_int_equal(profile_rank(p, "arcade", 55), 5);
    assert_int_equal(profile_insert(p, "arcade", &mid), 5);
    assert_int_equal(table(p, "arcade", &e), 10);
    assert_string_equal(e[4].initials, "P04");
    assert_string_equal(e[5].initials, "MID");
    assert_int_equal(e[6].score, 50);
    assert_int_equal(e[9].score, 20);
    assert_string_equal(e[9].initials, "P08");
    /* A new best goes first and the last one drops. */
    HighScore best = entry("BST", 1000);
    assert_int_equal(profile_insert(p, "arcade", &best), 0);
    assert_int_equal(table(p, "arcade", &e), 10);
    assert_string_equal(e[0].initials, "BST");
    assert_int_equal(e[9].score, 30);
    /* An eleventh-place score just above the tenth still enters at 9. */
    HighScore edge = entry("EDG", 31);
    assert_int_equal(profile_insert(p, "arcade", &edge), 9);
    assert_int_equal(table(p, "arcade", &e), 10);
    assert_string_equal(e[9].initials, "EDG");
    for (size_t i = 1; i < 10; i++)
        assert_true(e[i - 1].score >= e[i].score);
    profile_free(p);
}

static void test_highscores_zero_score_never_ranks(void **state)
{
    (void)state;
    Profile *p = profile_new();
    HighScore zero = entry("ZER", 0);
    assert_int_equal(profile_rank(p, "arcade", 0), -1);
    assert_int_equal(profile_insert(p, "arcade", &zero), -1);
    assert_int_equal(profile_table_count(p), 0);
    HighScore one = entry("ONE", 1);
    assert_int_equal(profile_insert(p, "arcade", &one), 0);
    assert_int_equal(profile_rank(p, "arcade", 0), -1);
    assert_int_equal(profile_insert(p, "arcade", &zero), -1);
    const HighScore *e;
    assert_int_equal(table(p, "arcade", &e), 1);
    profile_free(p);
}

static void test_highscores_tables_are_independent_and_listed(void **state)
{
    (void)state;
    Profile *p = profile_new();
    HighScore a = entry("ARC", 300), d = entry("DAY", 20), l = entry("LVL", 70);
    assert_int_equal(profile_insert(p, "arcade", &a), 0);
    assert_int_equal(profile_insert(p, "daily", &d), 0);
    assert_int_equal(profile_insert(p, "level:Functions:2", &l), 0);
    /* 20 ranks second in arcade but first in daily's own order. */
    assert_int_equal(profile_rank(p, "arcade", 20), 1);
    assert_int_equal(profile_rank(p, "daily", 20), 1);
    assert_int_equal(profile_rank(p, "daily", 21), 0);
    assert_int_equal(profile_rank(p, "level:Functions:3", 1), 0);
    const HighScore *e;
    assert_int_equal(table(p, "arcade", &e), 1);
    assert_string_equal(e[0].initials, "ARC");
    assert_int_equal(table(p, "daily", &e), 1);
    assert_string_equal(e[0].initials, "DAY");
    assert_int_equal(table(p, "level:Functions:2", &e), 1);
    assert_int_equal(e[0].score, 70);
    assert_int_equal(table(p, "level:Functions:3", &e), 0);
    assert_int_equal(profile_table_count(p), 3);
    assert_string_equal(profile_table_name(p, 0), "arcade");
    assert_string_equal(profile_table_name(p, 1), "daily");
    assert_string_equal(profile_table_name(p, 2), "level:Functions:2");
    assert_null(profile_table_name(p, 3));
    /* Filling one table leaves the others alone. */
    for (unsigned i = 0; i < 12; i++) {
        HighScore h = entry("FIL", 1000 + i);
        profile_insert(p, "arcade", &h);
    }
    assert_int_equal(table(p, "arcade", &e), 10);
    assert_int_equal(table(p, "daily", &e), 1);
    assert_int_equal(profile_table_count(p), 3);
    profile_free(p);
}

static void test_highscores_insert_copies_and_terminates_strings(void **state)
{
    (void)state;
    Profile *p = profile_new();
    HighScore h;
    memset(&h, 'X', sizeof h); /* no terminators anywhere */
    h.score = 42;
    h.accuracy = 88;
    assert_int_equal(profile_insert(p, "arcade", &h), 0);
    memset(&h, 0, sizeof h); /* the table keeps its own copy */
    const HighScore *e;
    assert_int_equal(table(p, "arcade", &e), 1);
    assert_string_equal(e[0].initials, "XXX");
    assert_string_equal(e[0].date, "XXXXXXXXXX");
    assert_int_equal(e[0].score, 42);
    assert_int_equal(e[0].accuracy, 88);
    profile_free(p);
}

/* ---- question history ---- */

static void test_history_record_counts_right_wrong_slow_and_last_day(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_history_record(p, 0xABCDEF, 1, 0, 20000);
    profile_history_record(p, 0xABCDEF, 0, 0, 20001);
    profile_history_record(p, 0xABCDEF, 1, 1, 20005);
    profile_history_record(p, 0xABCDEF, 0, 1, 20003);
    const QuestionRecord *r = profile_history(p, 0xABCDEF);
    assert_non_null(r);
    assert_int_equal(r->hash, 0xABCDEF);
    assert_int_equal(r->seen, 4);
    assert_int_equal(r->right, 2);
    assert_int_equal(r->wrong, 2);
    assert_int_equal(r->slow, 2);
    assert_int_equal(r->last_day, 20003); /* the day of the last answer */
    assert_int_equal(profile_history_count(p), 1);
    assert_ptr_equal(profile_history_at(p, 0), r);
    assert_null(profile_history(p, 0xABCDEE));
    profile_free(p);
}

static void test_history_weight_unseen_question_is_default_100(void **state)
{
    (void)state;
    Profile *p = profile_new();
    assert_int_equal(profile_history_weight(p, 42, 20000), 100);
    profile_history_record(p, 1, 1, 0, 20000);
    assert_int_equal(profile_history_weight(p, 42, 20000), 100);
    assert_int_equal(profile_history_weight(p, 0, 0), 100);
    profile_free(p);
}

static void test_history_weight_missed_question_weighs_more_than_unseen(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_history_record(p, 7, 0, 0, 20000);
    uint32_t missed = profile_history_weight(p, 7, 20000);
    assert_true(missed > 100);
    profile_history_record(p, 7, 0, 0, 20000);
    assert_true(profile_history_weight(p, 7, 20000) > missed);
    profile_free(p);
}

static void test_history_weight_often_right_weighs_less_than_unseen(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_history_record(p, 8, 1, 0, 20000);
    uint32_t once = profile_history_weight(p, 8, 20000);
    assert_true(once < 100);
    for (int i = 0; i < 20; i++)
        profile_history_record(p, 8, 1, 0, 20000);
    uint32_t many = profile_history_weight(p, 8, 20000);
    assert_true(many < once);
    assert_true(many >= 1); /* a weight is never 0 (round.h) */
    profile_free(p);
}

static void test_history_weight_slow_answer_weighs_more_than_fast(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_history_record(p, 10, 1, 0, 20000); /* fast */
    profile_history_record(p, 11, 1, 1, 20000); /* slow */
    assert_true(profile_history_weight(p, 11, 20000) > profile_history_weight(p, 10, 20000));
    profile_history_record(p, 12, 0, 0, 20000);
    profile_history_record(p, 13, 0, 1, 20000);
    assert_true(profile_history_weight(p, 13, 20000) > profile_history_weight(p, 12, 20000));
    profile_free(p);
}

static void test_history_weight_grows_with_days_since_last_seen_and_is_clamped(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_history_record(p, 20, 1, 0, 20000);
    uint32_t same = profile_history_weight(p, 20, 20000);
    uint32_t later = profile_history_weight(p, 20, 20005);
    uint32_t much_later = profile_history_weight(p, 20, 20020);
    assert_true(later > same);
    assert_true(much_later > later);
    /* The growth stops: a year away weighs as much as ten years away. */
    uint32_t year = profile_history_weight(p, 20, 20365);
    assert_int_equal(profile_history_weight(p, 20, 23650), year);
    assert_int_equal(profile_history_weight(p, 20, UINT32_MAX), year);
    /* A day before the last answer (clock moved back) is not negative age. */
    assert_int_equal(profile_history_weight(p, 20, 19000), same);
    /* The weight itself is bounded: many misses do not grow it forever. */
    for (int i = 0; i < 1000; i++)
        profile_history_record(p, 21, 0, 1, 20000);
    uint32_t heavy = profile_history_weight(p, 21, 20000);
    assert_true(heavy > 100);
    for (int i = 0; i < 1000; i++)
        profile_history_record(p, 21, 0, 1, 20000);
    assert_int_equal(profile_history_weight(p, 21, 20000), heavy);
    assert_int_equal(profile_history_weight(p, 21, 30000), heavy);
    assert_true(heavy <= 1000000); /* ROUND_WEIGHT_MAX */
    profile_free(p);
}

static void test_history_put_then_get_returns_exactly_the_record(void **state)
{
    (void)state;
    Profile *p = profile_new();
    QuestionRecord in = {.hash = 0xFEEDFACECAFEBEEFull, .seen = 9, .right = 4, .wrong = 5,
                         .slow = 3, .last_day = 20416};
    profile_history_put(p, &in);
    const QuestionRecord *r = profile_history(p, in.hash);
    assert_non_null(r);
    assert_int_equal(r->hash, in.hash);
    assert_int_equal(r->seen, 9);
    assert_int_equal(r->right, 4);
    assert_int_equal(r->wrong, 5);
    assert_int_equal(r->slow, 3);
    assert_int_equal(r->last_day, 20416);
    /* Putting again replaces, it does not add. */
    QuestionRecord again = in;
    again.seen = 1;
    again.right = 1;
    again.wrong = 0;
    again.slow = 0;
    again.last_day = 3;
    profile_history_put(p, &again);
    assert_int_equal(profile_history_count(p), 1);
    r = profile_history(p, in.hash);
    assert_int_equal(r->seen, 1);
    assert_int_equal(r->wrong, 0);
    assert_int_equal(r->last_day, 3);
    /* Hash 0 is a hash like any other. */
    QuestionRecord zero = {.hash = 0, .seen = 2, .right = 2, .last_day = 1};
    profile_history_put(p, &zero);
    r = profile_history(p, 0);
    assert_non_null(r);
    assert_int_equal(r->seen, 2);
    assert_int_equal(profile_history_count(p), 2);
    /* A put record is then counted on like a recorded one. */
    profile_history_record(p, 0, 0, 1, 5);
    r = profile_history(p, 0);
    assert_int_equal(r->seen, 3);
    assert_int_equal(r->wrong, 1);
    assert_int_equal(r->slow, 1);
    assert_int_equal(r->last_day, 5);
    profile_free(p);
}

static void test_history_many_distinct_hashes_all_retrievable(void **state)
{
    (void)state;
    enum { N = 5000 };
    Profile *p = profile_new();
    for (uint64_t i = 0; i < N; i++) {
        uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
        profile_history_record(p, h, (int)(i % 2), (int)(i % 3 == 0), (uint32_t)i);
        if (i % 5 == 0)
            profile_history_record(p, h, 1, 0, (uint32_t)i + 1);
    }
    /* Hashes whose probe start is the same (low bits and high bits alike). */
    for (uint64_t i = 0; i < 500; i++) {
        QuestionRecord r = {.hash = (i << 32) | i, .seen = (unsigned)i + 1,
                            .last_day = (uint32_t)(7 * i)};
        profile_history_put(p, &r);
    }
    assert_int_equal(profile_history_count(p), N + 500);
    for (uint64_t i = 0; i < N; i++) {
        uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
        const QuestionRecord *r = profile_history(p, h);
        if (!r)
            fail_msg("hash %zu missing", (size_t)i);
        assert_int_equal(r->hash, h);
        unsigned extra = i % 5 == 0;
        assert_int_equal(r->seen, 1 + extra);
        assert_int_equal(r->right, (unsigned)(i % 2) + extra);
        assert_int_equal(r->wrong, (unsigned)(i % 2 == 0));
        assert_int_equal(r->slow, (unsigned)(i % 3 == 0));
        assert_int_equal(r->last_day, (uint32_t)i + extra);
    }
    for (uint64_t i = 0; i < 500; i++) {
        const QuestionRecord *r = profile_history(p, (i << 32) | i);
        assert_non_null(r);
        assert_int_equal(r->seen, i + 1);
        assert_int_equal(r->last_day, 7 * i);
    }
    /* profile_history_at lists each record once. */
    size_t found = 0;
    for (size_t i = 0; i < profile_history_count(p); i++) {
        const QuestionRecord *r = profile_history_at(p, i);
        assert_non_null(r);
        assert_ptr_equal(profile_history(p, r->hash), r);
        found++;
    }
    assert_int_equal(found, N + 500);
    assert_null(profile_history(p, 0x123456789ull));
    profile_free(p);
}

/* ---- initials ---- */

static void test_set_initials_keeps_letters_and_digits_replaces_others_with_a(void **state)
{
    (void)state;
    Profile *p = profile_new();
    profile_set_initials(p, "XYZ");
    assert_string_equal(profile_initials(p), "XYZ");
    profile_set_initials(p, "R2D");
    assert_string_equal(profile_initials(p), "R2D");
    profile_set_initials(p, "a-Z");
    assert_string_equal(profile_initials(p), "AAZ");
    profile_set_initials(p, "Q!9");
    assert_string_equal(profile_initials(p), "QA9");
    profile_set_initials(p, "\xC3\xA9Z"); /* UTF-8 e-acute: two bytes */
    assert_string_equal(profile_initials(p), "AAZ");
    profile_set_initials(p, "BOBBY");
    assert_string_equal(profile_initials(p), "BOB");
    assert_int_equal(strlen(profile_initials(p)), 3);
    profile_free(p);
}

/* Initials are what was last entered: a shorter entry must not keep
 * letters of the previous initials. */
static void test_set_initials_short_entry_keeps_nothing_of_previous_initials(void **state)
{
    (void)state;
    Profile *fresh = profile_new();
    profile_set_initials(fresh, "B");
    char expect_b[4];
    snprintf(expect_b, sizeof expect_b, "%s", profile_initials(fresh));
    profile_set_initials(fresh, "");
    char expect_empty[4];
    snprintf(expect_empty, sizeof expect_empty, "%s", profile_initials(fresh));
    profile_free(fresh);

    Profile *p = profile_new();
    char got_b[4], got_empty[4];
    profile_set_initials(p, "XYZ");
    profile_set_initials(p, "B");
    snprintf(got_b, sizeof got_b, "%s", profile_initials(p));
    profile_set_initials(p, "XYZ");
    profile_set_initials(p, "");
    snprintf(got_empty, sizeof got_empty, "%s", profile_initials(p));
    profile_free(p); /* before asserting: a failure must not leak */
    if (strcmp(got_b, expect_b) != 0)
        fail_msg("\"XYZ\" then \"B\" gives \"%s\", a fresh profile \"%s\"", got_b, expect_b);
    assert_null(strchr(got_b, 'Z'));
    if (strcmp(got_empty, expect_empty) != 0)
        fail_msg("\"XYZ\" then \"\" gives \"%s\", a fresh profile \"%s\"", got_empty,
                 expect_empty);
}

/* ---- dates ---- */

static void test_day_string_of_known_days(void **state)
{
    (void)state;
    char s[11];
    profile_day_string(0, s);
    assert_string_equal(s, "1970-01-01");
    profile_day_string(20416, s); /* date -d @$((20416*86400)) -u +%F */
    assert_string_equal(s, "2025-11-24");
    profile_day_string(19782, s);
    assert_string_equal(s, "2024-02-29");
    profile_day_string(11016, s);
    assert_string_equal(s, "2000-02-29");
    profile_day_string(47481, s);
    assert_string_equal(s, "2099-12-31");
    profile_day_string(365, s);
    assert_string_equal(s, "1971-01-01");
}

static void test_day_parse_known_days(void **state)
{
    (void)state;
    uint32_t day = 1;
    assert_int_equal(profile_day_parse("1970-01-01", &day), 0);
    assert_int_equal(day, 0);
    assert_int_equal(profile_day_parse("2025-11-24", &day), 0);
    assert_int_equal(day, 20416);
    assert_int_equal(profile_day_parse("2024-02-29", &day), 0);
    assert_int_equal(day, 19782);
    assert_int_equal(profile_day_parse("2000-02-29", &day), 0);
    assert_int_equal(day, 11016);
    assert_int_equal(profile_day_parse("2024-03-01", &day), 0);
    assert_int_equal(day, 19783);
}

static void test_day_parse_round_trips_every_day_to_2100(void **state)
{
    (void)state;
    char prev[11] = "";
    for (uint32_t d = 0; d <= 47481; d++) {
        char s[11];
        profile_day_string(d, s);
        assert_int_equal(strlen(s), 10);
        assert_true(strcmp(s, prev) > 0); /* days written in rising order */
        uint32_t back = UINT32_MAX;
        if (profile_day_parse(s, &back) != 0 || back != d)
            fail_msg("day %u: \"%s\" reads back as %d/%u", d, s, profile_day_parse(s, &back),
                     back);
        memcpy(prev, s, sizeof prev);
    }
}

static void test_day_parse_rejects_malformed_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2025-02-29", /* not a leap year */
        "2100-02-29", /* not a leap year either */
        "26-01-01",   "2026-1-1",   "2026-01-1",  "2026/01/01", "20260101",
        "2026-01-01x", "2026-01-01 ", " 2026-01-01", "2026-01-01\n", "2026-01-1x",
        "2026-+1-01", "+026-01-01", "2026-01--1", "",           "not a date",
        "1969-12-31", /* before day 0 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint32_t day = 12345;
        if (profile_day_parse(bad[i], &day) != -1)
            fail_msg("\"%s\" accepted as day %u", bad[i], day);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_profile_has_documented_defaults),
        cmocka_unit_test(test_settings_are_writable_and_read_back),
        cmocka_unit_test(test_record_level_keeps_best_score_and_stars_and_passed_stays),
        cmocka_unit_test(test_record_level_failed_first_round_is_not_passed_until_passed),
        cmocka_unit_test(test_level_open_level_one_always_next_once_previous_passed),
        cmocka_unit_test(test_level_topic_names_compared_ignoring_case_and_punctuation),
        cmocka_unit_test(test_level_at_enumerates_every_record),
        cmocka_unit_test(test_highscores_best_first),
        cmocka_unit_test(test_highscores_equal_scores_keep_arrival_order),
        cmocka_unit_test(test_highscores_table_holds_ten_and_refuses_below_the_tenth),
        cmocka_unit_test(test_highscores_zero_score_never_ranks),
        cmocka_unit_test(test_highscores_tables_are_independent_and_listed),
        cmocka_unit_test(test_highscores_insert_copies_and_terminates_strings),
        cmocka_unit_test(test_history_record_counts_right_wrong_slow_and_last_day),
        cmocka_unit_test(test_history_weight_unseen_question_is_default_100),
        cmocka_unit_test(test_history_weight_missed_question_weighs_more_than_unseen),
        cmocka_unit_test(test_history_weight_often_right_weighs_less_than_unseen),
        cmocka_unit_test(test_history_weight_slow_answer_weighs_more_than_fast),
        cmocka_unit_test(test_history_weight_grows_with_days_since_last_seen_and_is_clamped),
        cmocka_unit_test(test_history_put_then_get_returns_exactly_the_record),
        cmocka_unit_test(test_history_many_distinct_hashes_all_retrievable),
        cmocka_unit_test(test_set_initials_keeps_letters_and_digits_replaces_others_with_a),
        cmocka_unit_test(test_set_initials_short_entry_keeps_nothing_of_previous_initials),
        cmocka_unit_test(test_day_string_of_known_days),
        cmocka_unit_test(test_day_parse_known_days),
        cmocka_unit_test(test_day_parse_round_trips_every_day_to_2100),
        cmocka_unit_test(test_day_parse_rejects_malformed_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
