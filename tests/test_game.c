/* test_game.c - the game's state machine, driven by actions and time with
 * no window: rounds, answers, the timer, pause, quitting, levels, every
 * mode, high-score entry, the attract mode, and a scripted player. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/bank.h"
#include "core/corpus.h"
#include "core/demo.h"
#include "core/diag.h"
#include "core/game.h"

#include <stdio.h>
#include <string.h>

#define SEED QA_SOURCE_DIR "/assets/corpus/python-interview.md"
#define TODAY 20781 /* 2026-11-24 */

static Bank *bank;

static int setup_bank(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    bank = corpus_load(SEED, d);
    diag_free(d);
    return bank_question_count(bank) == 75 ? 0 : -1;
}

static int teardown_bank(void **state)
{
    (void)state;
    bank_free(bank);
    return 0;
}

typedef struct Fixture {
    Profile *profile;
    Game *game;
    const GameView *v;
} Fixture;

static Fixture start(uint64_t seed)
{
    Fixture f;
    f.profile = profile_new();
    f.game = game_new(bank, NULL, f.profile, seed, TODAY);
    f.v = game_view(f.game);
    return f;
}

static void stop(Fixture *f)
{
    game_free(f->game);
    profile_free(f->profile);
}

static void act(Fixture *f, ActionType t, int index)
{
    Action a = {t, index};
    game_handle(f->game, a);
}

static void press(Fixture *f, ActionType t)
{
    act(f, t, 0);
}

static void advance(Fixture *f, uint32_t ms)
{
    while (ms > 0) {
        uint32_t step = ms < 10 ? ms : 10;
        game_update(f->game, step);
        ms -= step;
    }
}

/* Sounds queued since the last call, counted by kind. */
static void take_sounds(Fixture *f, unsigned counts[SOUND_COUNT])
{
    memset(counts, 0, SOUND_COUNT * sizeof *counts);
    GameSound s;
    while ((s = game_take_sound(f->game)) != SOUND_NONE)
        counts[s]++;
}

static int wrong_pick(const RoundItem *it)
{
    return (int)(it->answer + 1) % (int)it->option_count;
}

/* Title -> topics -> levels -> first question: at most three presses. */
static void three_presses(Fixture *f)
{
    for (int i = 0; i < 3; i++)
        press(f, ACTION_CONFIRM);
    assert_int_equal(f->v->screen, SCREEN_QUESTION);
}

static void test_three_presses_from_launch_start_a_round(void **state)
{
    (void)state;
    Fixture f = start(1);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    assert_int_equal(f.v->selected, TITLE_PLAY);
    three_presses(&f);
    assert_int_equal(f.v->mode, MODE_LEVEL);
    assert_int_equal(f.v->topic, 0);
    assert_int_equal(f.v->level, 1);
    assert_int_equal(f.v->total, 8);
    assert_true(f.v->timed);
    assert_int_equal(f.v->timer->limit_ms, 25000);
    assert_int_equal(f.v->index, 0);
    stop(&f);
}

static void test_right_answers_score_by_time_and_streak(void **state)
{
    (void)state;
    Fixture f = start(2);
    unsigned s[SOUND_COUNT];
    three_presses(&f);
    take_sounds(&f, s);
    advance(&f, 5000);
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    assert_int_equal(f.v->screen, SCREEN_FEEDBACK);
    assert_true(f.v->right);
    assert_int_equal(f.v->points, 900); /* 1000 x (1 - (5/25)/2) */
    assert_int_equal(f.v->score, 900);
    assert_int_equal(f.v->streak, 1);
    take_sounds(&f, s);
    assert_int_equal(s[SOUND_RIGHT], 1);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(f.v->index, 1);
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    assert_int_equal(f.v->points, 1100); /* instant + streak of 2 */
    assert_int_equal(f.v->score, 2000);
    /* The shown score counts up to the score. */
    assert_true(f.v->shown_score < f.v->score);
    advance(&f, 1000);
    assert_int_equal(f.v->shown_score, 2000);
    stop(&f);
}

static void test_wrong_answer_earns_nothing_and_ends_the_streak(void **state)
{
    (void)state;
    Fixture f = start(3);
    unsigned s[SOUND_COUNT];
    three_presses(&f);
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    press(&f, ACTION_CONFIRM);
    take_sounds(&f, s);
    int pick = wrong_pick(f.v->item);
    act(&f, ACTION_CHOOSE, pick);
    assert_false(f.v->right);
    assert_int_equal(f.v->picked, pick);
    assert_int_equal(f.v->points, 0);
    assert_int_equal(f.v->streak, 0);
    assert_int_equal(f.v->best_streak, 1);
    take_sounds(&f, s);
    assert_int_equal(s[SOUND_WRONG], 1);
    stop(&f);
}

static void test_time_out_counts_as_wrong_with_ticks_at_the_end(void **state)
{
    (void)state;
    Fixture f = start(4);
    unsigned s[SOUND_COUNT];
    three_presses(&f);
    take_sounds(&f, s);
    advance(&f, 19990);
    take_sounds(&f, s);
    assert_int_equal(s[SOUND_TICK], 0);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    advance(&f, 5020);
    assert_int_equal(f.v->screen, SCREEN_FEEDBACK);
    assert_int_equal(f.v->picked, -1);
    assert_false(f.v->right);
    take_sounds(&f, s);
    assert_int_equal(s[SOUND_TICK], 5); /* 5, 4, 3, 2, 1 */
    assert_int_equal(s[SOUND_TIMEOUT], 1);
    stop(&f);
}

static void test_pause_and_focus_loss_stop_the_timer(void **state)
{
    (void)state;
    Fixture f = start(5);
    three_presses(&f);
    advance(&f, 1000);
    press(&f, ACTION_PAUSE);
    assert_int_equal(f.v->overlay, OVERLAY_PAUSE);
    advance(&f, 60000);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(timer_remaining(f.v->timer), 24000);
    press(&f, ACTION_CONFIRM); /* Resume */
    assert_int_equal(f.v->overlay, OVERLAY_NONE);
    advance(&f, 1000);
    assert_int_equal(timer_remaining(f.v->timer), 23000);
    press(&f, ACTION_FOCUS_LOST);
    assert_int_equal(f.v->overlay, OVERLAY_PAUSE);
    advance(&f, 5000);
    assert_int_equal(timer_remaining(f.v->timer), 23000);
    press(&f, ACTION_BACK); /* Esc resumes too */
    assert_int_equal(f.v->overlay, OVERLAY_NONE);
    stop(&f);
}

static void test_quitting_a_round_asks_first(void **state)
{
    (void)state;
    Fixture f = start(6);
    three_presses(&f);
    press(&f, ACTION_PAUSE);
    press(&f, ACTION_DOWN);
    press(&f, ACTION_CONFIRM); /* Quit round */
    assert_int_equal(f.v->overlay, OVERLAY_CONFIRM);
    assert_int_equal(f.v->overlay_sel, 1); /* No is the default */
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->overlay, OVERLAY_PAUSE);
    press(&f, ACTION_CONFIRM); /* Quit round again */
    press(&f, ACTION_LEFT);    /* Yes */
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_LEVELS);
    assert_int_equal(f.v->overlay, OVERLAY_NONE);
    /* From the title, Esc asks before quitting the game. */
    press(&f, ACTION_BACK);
    press(&f, ACTION_BACK);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    press(&f, ACTION_BACK);
    assert_int_equal(f.v->overlay, OVERLAY_CONFIRM);
    assert_false(game_wants_quit(f.game));
    act(&f, ACTION_CHOOSE, 0);
    assert_true(game_wants_quit(f.game));
    stop(&f);
}

typedef struct Move {
    ActionType t;
    int want; /* the selection after it */
} Move;

static void expect_moves(Fixture *f, const Move *moves, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        press(f, moves[i].t);
        assert_int_equal(f->v->selected, moves[i].want);
    }
}

/* Options shown in two columns (reading order: 0 1 / 2 3): the arrows
 * move as a d-pad expects, wrapping within the column or the row. */
static void test_arrows_follow_options_in_two_columns(void **state)
{
    (void)state;
    Fixture f = start(5);
    act(&f, ACTION_CHOOSE, TITLE_ARCADE);
    assert_int_equal(f.v->item->option_count, 4);
    static const Move grid[] = {{ACTION_RIGHT, 1}, {ACTION_DOWN, 3}, {ACTION_LEFT, 2},
                                {ACTION_UP, 0},    {ACTION_UP, 2},   {ACTION_RIGHT, 3},
                                {ACTION_RIGHT, 2}, {ACTION_DOWN, 0}, {ACTION_LEFT, 1}};
    game_set_columns(f.game, 2);
    assert_int_equal(f.v->selected, 0);
    expect_moves(&f, grid, sizeof grid / sizeof *grid);
    /* In one column every arrow steps through the list. */
    static const Move list[] = {{ACTION_RIGHT, 2}, {ACTION_DOWN, 3}, {ACTION_LEFT, 2}};
    game_set_columns(f.game, 1);
    expect_moves(&f, list, sizeof list / sizeof *list);
    /* A new screen starts in one column again. */
    game_set_columns(f.game, 2);
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(f.v->selected, 0);
    press(&f, ACTION_DOWN);
    assert_int_equal(f.v->selected, 1);
    stop(&f);
}

/* Three options in two columns (0 1 / 2): the short row and column keep
 * the selection where there is nothing to move to. */
static void test_arrows_in_a_short_last_row(void **state)
{
    (void)state;
    Fixture f = start(5);
    three_presses(&f); /* level 1: three options */
    assert_int_equal(f.v->item->option_count, 3);
    static const Move moves[] = {{ACTION_DOWN, 2}, {ACTION_RIGHT, 2}, {ACTION_UP, 0},
                                 {ACTION_RIGHT, 1}, {ACTION_DOWN, 1}};
    game_set_columns(f.game, 2);
    expect_moves(&f, moves, sizeof moves / sizeof *moves);
    stop(&f);
}

static void test_number_and_letter_keys_choose_options(void **state)
{
    (void)state;
    Fixture f = start(7);
    three_presses(&f);
    act(&f, ACTION_CHAR, '2');
    assert_int_equal(f.v->picked, 1);
    press(&f, ACTION_CONFIRM);
    act(&f, ACTION_CHAR, 'c');
    assert_int_equal(f.v->picked, 2);
    press(&f, ACTION_CONFIRM);
    act(&f, ACTION_CHAR, '9'); /* no ninth option: nothing */
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    stop(&f);
}

/* Plays the rest of a round, answering right when `right`. */
static void play_round(Fixture *f, int right)
{
    while (f->v->screen == SCREEN_QUESTION || f->v->screen == SCREEN_FEEDBACK) {
        if (f->v->screen == SCREEN_QUESTION)
            act(f, ACTION_CHOOSE, right ? (int)f->v->item->answer : wrong_pick(f->v->item));
        else
            press(f, ACTION_CONFIRM);
    }
}

static void test_passing_a_level_gives_stars_and_opens_the_next(void **state)
{
    (void)state;
    Fixture f = start(8);
    const char *topic = bank_topic_name(bank, 0);
    assert_false(profile_level_open(f.profile, topic, 2));
    three_presses(&f);
    play_round(&f, 1);
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    const RoundResult *r = &f.v->result;
    assert_int_equal(r->asked, 8);
    assert_int_equal(r->right, 8);
    assert_int_equal(r->stars, 3);
    assert_true(r->passed);
    assert_true(r->opened_next);
    assert_true(r->new_best);
    assert_int_equal(r->best_streak, 8);
    assert_true(profile_level_open(f.profile, topic, 2));
    assert_int_equal(profile_level(f.profile, topic, 1)->best_score, r->score);
    /* A place in the level's table: initials first, then "play again"
     * goes to the level just opened. */
    assert_int_equal(r->rank, 0);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_INITIALS);
    press(&f, ACTION_CONFIRM);
    press(&f, ACTION_CONFIRM);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_SCORES);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    act(&f, ACTION_CHOOSE, RESULT_AGAIN);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(f.v->level, 2);
    assert_int_equal(f.v->item->option_count, 4);
    stop(&f);
}

static void test_levels_show_what_they_play_with_this_topic(void **state)
{
    (void)state;
    Fixture f = start(4);
    press(&f, ACTION_CONFIRM);
    press(&f, ACTION_DOWN); /* Functions: 5 questions, no output comments */
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_LEVELS);
    assert_string_equal(bank_topic_name(bank, f.v->topic), "Functions");
    const LevelSpec *l1 = &f.v->ladder->levels[0], *l3 = &f.v->ladder->levels[2];
    assert_true(l1->questions > 5);
    assert_true(l3->kinds & KIND_BIT(KIND_OUTPUT));
    assert_int_equal(f.v->plays[0].questions, 5);
    assert_int_equal(f.v->plays[0].options, l1->options);
    assert_false(f.v->plays[2].kinds & KIND_BIT(KIND_OUTPUT));
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(f.v->total, f.v->plays[0].questions);
    stop(&f);
}

static void test_failing_a_level_keeps_the_next_locked(void **state)
{
    (void)state;
    Fixture f = start(9);
    three_presses(&f);
    play_round(&f, 0);
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    assert_int_equal(f.v->result.stars, 0);
    assert_false(f.v->result.passed);
    assert_false(profile_level_open(f.profile, bank_topic_name(bank, 0), 2));
    act(&f, ACTION_CHOOSE, RESULT_MENU);
    assert_int_equal(f.v->screen, SCREEN_LEVELS);
    press(&f, ACTION_DOWN);
    unsigned s[SOUND_COUNT];
    take_sounds(&f, s);
    press(&f, ACTION_CONFIRM); /* level 2 is locked */
    assert_int_equal(f.v->screen, SCREEN_LEVELS);
    take_sounds(&f, s);
    assert_int_equal(s[SOUND_WRONG], 1);
    /* ... and says which level opens it, for a moment. */
    assert_int_equal(f.v->toast, TOAST_LOCKED);
    assert_int_equal(f.v->toast_level, 1);
    advance(&f, GAME_TOAST_MS);
    assert_int_equal(f.v->toast, TOAST_NONE);
    press(&f, ACTION_DOWN); /* level 3: level 1 still comes first */
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->toast, TOAST_LOCKED);
    assert_int_equal(f.v->toast_level, 1);
    stop(&f);
}

static void test_arcade_speeds_up_with_the_streak_and_ends_on_the_last_life(void **state)
{
    (void)state;
    Fixture f = start(10);
    act(&f, ACTION_CHOOSE, TITLE_ARCADE);
    assert_int_equal(f.v->mode, MODE_ARCADE);
    assert_int_equal(f.v->lives, 3);
    uint32_t last = f.v->timer->limit_ms;
    assert_int_equal(last, 20000);
    for (int i = 0; i < 14; i++) { /* past the end of a first round of 10 */
        act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
        press(&f, ACTION_CONFIRM);
        assert_int_equal(f.v->screen, SCREEN_QUESTION);
        assert_true(f.v->timer->limit_ms <= last);
        last = f.v->timer->limit_ms;
    }
    assert_int_equal(last, 6000);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(f.v->lives, 3 - (unsigned)i);
        act(&f, ACTION_CHOOSE, wrong_pick(f.v->item));
        press(&f, ACTION_CONFIRM);
    }
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    assert_int_equal(f.v->result.asked, 17);
    assert_int_equal(f.v->result.right, 14);
    assert_int_equal(f.v->result.rank, 0);
    stop(&f);
}

static void test_practice_has_no_timer_no_lives_and_records_no_score(void **state)
{
    (void)state;
    Fixture f = start(11);
    act(&f, ACTION_CHOOSE, TITLE_PRACTICE);
    assert_int_equal(f.v->screen, SCREEN_TOPICS);
    press(&f, ACTION_CONFIRM); /* All topics */
    assert_int_equal(f.v->mode, MODE_PRACTICE);
    assert_false(f.v->timed);
    assert_int_equal(f.v->max_lives, 0);
    advance(&f, 600000);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    play_round(&f, 0);
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    assert_false(f.v->result.recorded);
    assert_int_equal(f.v->result.rank, -1);
    /* What was missed is remembered for spaced repetition. */
    assert_true(profile_history_count(f.profile) >= 10);
    stop(&f);
}

/* Pause, Quit round, Yes. */
static void quit_round(Fixture *f)
{
    press(f, ACTION_PAUSE);
    press(f, ACTION_DOWN);
    press(f, ACTION_CONFIRM);
    press(f, ACTION_LEFT);
    press(f, ACTION_CONFIRM);
}

static void test_leaving_a_round_comes_back_to_where_it_was_chosen(void **state)
{
    (void)state;
    Fixture f = start(12);
    act(&f, ACTION_CHOOSE, TITLE_ARCADE);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    quit_round(&f);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    assert_int_equal(f.v->selected, TITLE_ARCADE);
    act(&f, ACTION_CHOOSE, TITLE_DAILY);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    quit_round(&f);
    assert_int_equal(f.v->selected, TITLE_DAILY);
    /* Practice of one topic: back on that topic ("All topics" comes first). */
    act(&f, ACTION_CHOOSE, TITLE_PRACTICE);
    press(&f, ACTION_DOWN);
    press(&f, ACTION_DOWN);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->topic, 1);
    quit_round(&f);
    assert_int_equal(f.v->screen, SCREEN_TOPICS);
    assert_int_equal(f.v->selected, 2);
    /* The results' Menu does the same. */
    press(&f, ACTION_BACK);
    act(&f, ACTION_CHOOSE, TITLE_ARCADE);
    for (int i = 0; i < 400 && f.v->screen != SCREEN_RESULTS; i++) {
        if (f.v->screen == SCREEN_FEEDBACK)
            press(&f, ACTION_CONFIRM);
        else
            advance(&f, 60000); /* every life lost to the clock */
    }
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    act(&f, ACTION_CHOOSE, RESULT_MENU);
    if (f.v->screen == SCREEN_INITIALS) {
        press(&f, ACTION_CONFIRM);
        press(&f, ACTION_CONFIRM);
        press(&f, ACTION_CONFIRM);
    }
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    assert_int_equal(f.v->selected, TITLE_ARCADE);
    stop(&f);
}

static void daily_questions(uint64_t seed, Profile *p, size_t *out, int *replay)
{
    Game *g = game_new(bank, NULL, p, seed, TODAY);
    const GameView *v = game_view(g);
    Action a = {ACTION_CHOOSE, TITLE_DAILY};
    game_handle(g, a);
    *replay = v->daily_replay;
    for (size_t i = 0; i < 10; i++) {
        assert_int_equal(v->screen, SCREEN_QUESTION);
        out[i] = v->item->question;
        Action pick = {ACTION_CHOOSE, (int)v->item->answer};
        game_handle(g, pick);
        Action next = {ACTION_CONFIRM, 0};
        game_handle(g, next);
    }
    assert_int_equal(v->screen, SCREEN_RESULTS);
    game_free(g);
}

static void test_daily_challenge_is_the_same_everywhere_and_scored_once(void **state)
{
    (void)state;
    Profile *p1 = profile_new(), *p2 = profile_new();
    size_t a[10], b[10];
    int replay;
    daily_questions(1, p1, a, &replay);
    assert_false(replay);
    daily_questions(987654321, p2, b, &replay);
    assert_memory_equal(a, b, sizeof a);
    assert_int_equal(profile_daily_day(p1, GAME_TABLE_DAILY), TODAY);
    daily_questions(5, p1, b, &replay);
    assert_true(replay); /* already scored today */
    profile_free(p1);
    profile_free(p2);
}

/* An arcade game from the title: one right answer, then three wrong ones
 * and out, on the results screen with a place in the table. */
static void arcade_one_right_then_out(Fixture *f)
{
    act(f, ACTION_CHOOSE, TITLE_ARCADE);
    act(f, ACTION_CHOOSE, (int)f->v->item->answer);
    press(f, ACTION_CONFIRM);
    for (int i = 0; i < 3; i++) {
        act(f, ACTION_CHOOSE, wrong_pick(f->v->item));
        press(f, ACTION_CONFIRM);
    }
    assert_int_equal(f->v->screen, SCREEN_RESULTS);
}

static void test_initials_are_entered_with_directions_alone(void **state)
{
    (void)state;
    Fixture f = start(12);
    arcade_one_right_then_out(&f);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_INITIALS);
    assert_string_equal(f.v->initials, "AAA");
    press(&f, ACTION_UP);
    press(&f, ACTION_UP); /* C */
    press(&f, ACTION_RIGHT);
    press(&f, ACTION_DOWN); /* wraps to 9 */
    press(&f, ACTION_RIGHT);
    press(&f, ACTION_UP);  /* B */
    press(&f, ACTION_LEFT);
    press(&f, ACTION_RIGHT);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_SCORES);
    /* The round's own table, not browsable: its hint says so. */
    assert_false(f.v->score_browsing);
    assert_string_equal(f.v->score_table, GAME_TABLE_ARCADE);
    press(&f, ACTION_RIGHT);
    assert_string_equal(f.v->score_table, GAME_TABLE_ARCADE);
    const HighScore *e;
    assert_int_equal(profile_table(f.profile, GAME_TABLE_ARCADE, &e), 1);
    assert_string_equal(e[0].initials, "C9B");
    assert_string_equal(e[0].date, "2026-11-24");
    assert_int_equal(e[0].accuracy, 25);
    assert_string_equal(profile_initials(f.profile), "C9B");
    stop(&f);
}

/* High scores from the title browse every table with left and right. */
static void test_high_scores_from_the_title_browse_tables(void **state)
{
    (void)state;
    Fixture f = start(9);
    HighScore e = {"ABC", 500, 50, "2026-11-24"};
    profile_insert(f.profile, GAME_TABLE_DAILY, &e);
    profile_insert(f.profile, GAME_TABLE_ARCADE, &e);
    act(&f, ACTION_CHOOSE, TITLE_SCORES);
    assert_int_equal(f.v->screen, SCREEN_SCORES);
    assert_true(f.v->score_browsing);
    char first[128];
    snprintf(first, sizeof first, "%s", f.v->score_table);
    press(&f, ACTION_RIGHT);
    assert_string_not_equal(f.v->score_table, first);
    press(&f, ACTION_LEFT);
    assert_string_equal(f.v->score_table, first);
    stop(&f);
}

/* A level table's name gives back its topic and level, topics with
 * colons included; other tables' names are not level tables. */
static void test_level_table_names_read_back(void **state)
{
    (void)state;
    char name[192], topic[192];
    unsigned level = 0;
    game_level_table("DevOps: CI/CD", 3, name, sizeof name);
    assert_int_equal(game_table_level(name, topic, sizeof topic, &level), 0);
    assert_string_equal(topic, "DevOps: CI/CD");
    assert_int_equal(level, 3);
    assert_int_equal(game_table_level(GAME_TABLE_ARCADE, topic, sizeof topic, &level), -1);
    assert_int_equal(game_table_level("arcade:level:x:1", topic, sizeof topic, &level), -1);
    assert_int_equal(game_table_level("level:no number", topic, sizeof topic, &level), -1);
}

/* A pack other than the shipped corpus keeps its own arcade and daily
 * tables: its scores never mix with the shipped corpus's, and the scores
 * screen pages through its tables and its topics' level tables only. */
/* Each pack has its own scored try at the daily challenge. */
static void test_a_pack_has_its_own_daily_try(void **state)
{
    (void)state;
    Profile *profile = profile_new();
    const char *packs[] = {"mine.md", NULL, "mine.md", NULL, "other.md"};
    const int replay[] = {0, 0, 1, 1, 0};
    for (size_t i = 0; i < 5; i++) {
        Game *g = game_new(bank, NULL, profile, 40 + i, TODAY);
        game_set_pack(g, packs[i]);
        game_handle(g, (Action){ACTION_CHOOSE, TITLE_DAILY});
        const GameView *v = game_view(g);
        assert_int_equal(v->screen, SCREEN_QUESTION);
        if (v->daily_replay != replay[i])
            fail_msg("try %zu (%s): replay %d", i, packs[i] ? packs[i] : "shipped",
                     v->daily_replay);
        game_free(g);
    }
    assert_int_equal(profile_daily_day(profile, "daily:mine.md"), TODAY);
    assert_int_equal(profile_daily_day(profile, "daily:other.md"), TODAY);
    assert_int_equal(profile_daily_day(profile, GAME_TABLE_DAILY), TODAY);
    profile_free(profile);
}

static void test_a_pack_keeps_its_own_tables(void **state)
{
    (void)state;
    Fixture f = start(12);
    game_set_pack(f.game, "my\npack.md");
    assert_string_equal(f.v->arcade_table, "arcade:my?pack.md");
    game_set_pack(f.game, "mine.md");
    assert_string_equal(f.v->arcade_table, "arcade:mine.md");
    assert_string_equal(f.v->daily_table, "daily:mine.md");
    arcade_one_right_then_out(&f);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_INITIALS);
    for (int i = 0; i < 3; i++)
        press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_SCORES);
    assert_string_equal(f.v->score_table, "arcade:mine.md");
    const HighScore *e;
    assert_int_equal(profile_table(f.profile, "arcade:mine.md", &e), 1);
    assert_int_equal(profile_table(f.profile, GAME_TABLE_ARCADE, &e), 0);
    stop(&f);

    /* Browsing: this pack's arcade and daily, then the level table of a
     * topic it has; not the shipped corpus's tables, another pack's, or a
     * level of a topic it lacks. */
    f = start(9);
    game_set_pack(f.game, "mine.md");
    HighScore s = {"ABC", 500, 50, "2026-11-24"};
    char level[160];
    game_level_table(bank_topic_name(bank, 0), 1, level, sizeof level);
    profile_insert(f.profile, GAME_TABLE_ARCADE, &s);
    profile_insert(f.profile, GAME_TABLE_DAILY, &s);
    profile_insert(f.profile, "daily:other.md", &s);
    profile_insert(f.profile, "level:No Such Topic:1", &s);
    profile_insert(f.profile, level, &s);
    act(&f, ACTION_CHOOSE, TITLE_SCORES);
    const char *expect[] = {"arcade:mine.md", "daily:mine.md", level, "arcade:mine.md"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(f.v->score_table, expect[i]);
        press(&f, ACTION_RIGHT);
    }
    stop(&f);

    /* The shipped corpus: the plain tables. */
    f = start(9);
    game_set_pack(f.game, "");
    assert_string_equal(f.v->arcade_table, GAME_TABLE_ARCADE);
    assert_string_equal(f.v->daily_table, GAME_TABLE_DAILY);
    stop(&f);
}

/* After the initials, the results screen offers its usual two choices
 * again; before them, the only choice is entering them. */
static void test_results_after_the_initials_offer_the_usual_menu(void **state)
{
    (void)state;
    Fixture f = start(12);
    arcade_one_right_then_out(&f);
    assert_int_equal(f.v->result.rank, 0);
    assert_false(f.v->initials_done);
    press(&f, ACTION_DOWN); /* one choice only: nothing moves */
    assert_int_equal(f.v->selected, RESULT_AGAIN);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_INITIALS);
    for (int i = 0; i < 3; i++)
        press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_SCORES);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    assert_true(f.v->initials_done);
    press(&f, ACTION_RIGHT); /* the buttons sit side by side */
    assert_int_equal(f.v->selected, RESULT_MENU);
    press(&f, ACTION_LEFT);
    assert_int_equal(f.v->selected, RESULT_AGAIN);
    press(&f, ACTION_DOWN);
    assert_int_equal(f.v->selected, RESULT_MENU);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    const HighScore *e;
    assert_int_equal(profile_table(f.profile, GAME_TABLE_ARCADE, &e), 1);
    stop(&f);
}

/* The daily's one attempt is spent when it starts: quitting half-way
 * (or closing the game) gives no second scored look at its questions. */
static void test_daily_is_spent_when_it_starts(void **state)
{
    (void)state;
    Fixture f = start(21);
    act(&f, ACTION_CHOOSE, TITLE_DAILY);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_false(f.v->daily_replay);
    assert_int_equal(profile_daily_day(f.profile, GAME_TABLE_DAILY), TODAY);
    assert_true(game_take_profile_change(f.game));
    press(&f, ACTION_PAUSE);
    press(&f, ACTION_DOWN);
    press(&f, ACTION_CONFIRM); /* Quit round */
    press(&f, ACTION_LEFT);    /* Yes */
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    act(&f, ACTION_CHOOSE, TITLE_DAILY);
    assert_true(f.v->daily_replay);
    stop(&f);
}

/* The daily runs its own timer whatever the setting, so its attempt is
 * recorded even with the timer set off. */
static void test_daily_is_recorded_whatever_the_timer_setting(void **state)
{
    (void)state;
    Fixture f = start(22);
    profile_settings(f.profile)->timer = TIMER_OFF;
    act(&f, ACTION_CHOOSE, TITLE_DAILY);
    assert_true(f.v->timed);
    for (int i = 0; i < 10; i++) {
        act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
        press(&f, ACTION_CONFIRM);
    }
    assert_int_equal(f.v->screen, SCREEN_RESULTS);
    assert_true(f.v->result.recorded);
    assert_int_equal(f.v->result.rank, 0);
    stop(&f);
}

/* With no timer, a long think still counts as slow for spaced repetition;
 * pausing does not count. */
static void test_practice_remembers_slow_answers(void **state)
{
    (void)state;
    Fixture f = start(23);
    act(&f, ACTION_CHOOSE, TITLE_PRACTICE);
    press(&f, ACTION_CONFIRM); /* All topics */
    assert_false(f.v->timed);
    press(&f, ACTION_PAUSE);
    advance(&f, 60000); /* paused: not thinking time */
    press(&f, ACTION_CONFIRM); /* Resume */
    assert_int_equal(f.v->overlay, OVERLAY_NONE);
    advance(&f, 5000);
    uint64_t quick = question_hash(bank_question(bank, f.v->item->question));
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    press(&f, ACTION_CONFIRM);
    advance(&f, 20000);
    uint64_t slow = question_hash(bank_question(bank, f.v->item->question));
    act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
    const QuestionRecord *r = profile_history(f.profile, quick);
    assert_non_null(r);
    assert_int_equal(r->slow, 0);
    r = profile_history(f.profile, slow);
    assert_non_null(r);
    assert_int_equal(r->right, 1);
    assert_int_equal(r->slow, 1);
    stop(&f);
}

/* Is question q one of the first `heavy` of its topic? */
static int is_heavy(size_t q, size_t first, size_t heavy)
{
    return q >= first && q < first + heavy;
}

/* Practice draws missed questions first; the arcade that follows draws
 * evenly again. Half of the OOP topic was missed often: practice's OOP
 * questions are nearly all from that half, the arcade's are not. Counted
 * over 40 seeds: each one is deterministic, so the shares are fixed. */
static void test_practice_weights_stay_in_practice(void **state)
{
    (void)state;
    size_t oop = SIZE_MAX;
    for (size_t t = 0; t < bank_topic_count(bank); t++)
        if (strcmp(bank_topic_name(bank, t), "Object-Oriented Programming (OOP)") == 0)
            oop = t;
    assert_true(oop != SIZE_MAX);
    size_t first = bank_topic_first(bank, oop), heavy = bank_topic_size(bank, oop) / 2;
    unsigned practice_oop = 0, practice_heavy = 0, arcade_oop = 0, arcade_heavy = 0;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        Fixture f = start(seed);
        for (size_t q = first; q < first + heavy; q++)
            for (int k = 0; k < 20; k++)
                profile_history_record(f.profile, question_hash(bank_question(bank, q)), 0, 0,
                                       TODAY);
        act(&f, ACTION_CHOOSE, TITLE_PRACTICE);
        press(&f, ACTION_CONFIRM); /* All topics */
        assert_int_equal(f.v->mode, MODE_PRACTICE);
        for (size_t i = 0; i < f.v->round->count; i++) {
            size_t q = f.v->round->items[i].question;
            if (bank_question(bank, q)->topic == oop) {
                practice_oop++;
                practice_heavy += is_heavy(q, first, heavy);
            }
        }
        press(&f, ACTION_PAUSE);
        press(&f, ACTION_DOWN);
        press(&f, ACTION_CONFIRM); /* Quit round */
        press(&f, ACTION_LEFT);    /* Yes */
        press(&f, ACTION_CONFIRM);
        while (f.v->screen != SCREEN_TITLE)
            press(&f, ACTION_BACK);
        act(&f, ACTION_CHOOSE, TITLE_ARCADE);
        assert_int_equal(f.v->mode, MODE_ARCADE);
        /* The arcade's first three OOP questions. */
        for (unsigned seen = 0, asked = 0; seen < 3 && asked < 200; asked++) {
            assert_int_equal(f.v->screen, SCREEN_QUESTION);
            size_t q = f.v->item->question;
            if (bank_question(bank, q)->topic == oop) {
                seen++;
                arcade_oop++;
                arcade_heavy += is_heavy(q, first, heavy);
            }
            act(&f, ACTION_CHOOSE, (int)f.v->item->answer);
            press(&f, ACTION_CONFIRM);
        }
        stop(&f);
    }
    /* The weights were in force in practice ... */
    assert_true(practice_oop >= 40);
    assert_true(practice_heavy * 10 >= practice_oop * 9);
    /* ... and the arcade draws the missed half about as often as the
     * rest (even: one in two; with practice's weights, nearly all). */
    assert_int_equal(arcade_oop, 120);
    assert_true(arcade_heavy * 100 <= arcade_oop * 70);
    assert_true(arcade_heavy * 100 >= arcade_oop * 30);
}

/* M says on screen what it did, for a moment, and the loop is told when
 * the notice goes so that it can sleep until then. */
static void test_mute_shows_a_notice_for_a_moment(void **state)
{
    (void)state;
    Fixture f = start(3);
    advance(&f, 500); /* the title's fade-in is over */
    assert_int_equal(f.v->toast, TOAST_NONE);
    press(&f, ACTION_MUTE);
    assert_true(profile_settings(f.profile)->muted);
    assert_int_equal(f.v->toast, TOAST_MUTED);
    assert_int_equal(game_next_change(f.game, 0), GAME_TOAST_MS);
    advance(&f, GAME_TOAST_MS - 100);
    assert_int_equal(f.v->toast, TOAST_MUTED);
    assert_int_equal(game_next_change(f.game, 0), 100);
    uint64_t before = game_version(f.game);
    advance(&f, 100);
    assert_int_equal(f.v->toast, TOAST_NONE);
    assert_true(game_version(f.game) != before);
    /* Also over a round, and again the other way. */
    three_presses(&f);
    press(&f, ACTION_MUTE);
    assert_false(profile_settings(f.profile)->muted);
    assert_int_equal(f.v->toast, TOAST_UNMUTED);
    stop(&f);
}

static void test_mute_in_the_attract_mode_mutes_and_returns_to_the_title(void **state)
{
    (void)state;
    Fixture f = start(24);
    advance(&f, GAME_ATTRACT_AFTER_MS + 100);
    assert_int_equal(f.v->mode, MODE_ATTRACT);
    press(&f, ACTION_MUTE);
    assert_true(profile_settings(f.profile)->muted);
    assert_int_equal(f.v->mode, MODE_LEVEL);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    stop(&f);
}

static void test_attract_mode_after_idle_and_any_input_returns(void **state)
{
    (void)state;
    Fixture f = start(13);
    advance(&f, GAME_ATTRACT_AFTER_MS - 100);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    unsigned sounds[SOUND_COUNT];
    take_sounds(&f, sounds);
    advance(&f, 200);
    assert_int_equal(f.v->mode, MODE_ATTRACT);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    take_sounds(&f, sounds);
    for (int k = 0; k < SOUND_COUNT; k++)
        assert_int_equal(sounds[k], 0); /* silent from its start */
    advance(&f, 2600);
    assert_int_equal(f.v->screen, SCREEN_FEEDBACK);
    assert_true(f.v->right); /* the answer is revealed */
    advance(&f, 4100);
    assert_int_equal(f.v->screen, SCREEN_QUESTION);
    assert_int_equal(f.v->index, 1);
    press(&f, ACTION_DOWN);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    assert_int_equal(f.v->mode, MODE_LEVEL);
    assert_int_equal(profile_history_count(f.profile), 0);
    stop(&f);
}

static void test_settings_change_and_are_reported(void **state)
{
    (void)state;
    Fixture f = start(14);
    act(&f, ACTION_CHOOSE, TITLE_SETTINGS);
    assert_int_equal(f.v->screen, SCREEN_SETTINGS);
    assert_false(game_take_settings_change(f.game));
    press(&f, ACTION_LEFT);
    assert_int_equal(profile_settings(f.profile)->volume, 70);
    assert_true(game_take_settings_change(f.game));
    act(&f, ACTION_CHOOSE, SETTING_MUTE);
    assert_true(profile_settings(f.profile)->muted);
    press(&f, ACTION_MUTE); /* M anywhere */
    assert_false(profile_settings(f.profile)->muted);
    act(&f, ACTION_CHOOSE, SETTING_TIMER);
    assert_int_equal(profile_settings(f.profile)->timer, TIMER_RELAXED);
    press(&f, ACTION_BACK);
    assert_int_equal(f.v->screen, SCREEN_TITLE);
    act(&f, ACTION_CHOOSE, TITLE_PLAY);
    press(&f, ACTION_CONFIRM);
    press(&f, ACTION_CONFIRM);
    assert_int_equal(f.v->timer->limit_ms, 50000); /* relaxed: twice the time */
    stop(&f);
}

static void test_a_static_screen_does_not_change_by_itself(void **state)
{
    (void)state;
    Fixture f = start(15);
    advance(&f, 500); /* the fade-in ends */
    uint64_t v = game_version(f.game);
    advance(&f, 5000);
    assert_true(game_version(f.game) == v);
    /* The loop may sleep until the attract mode is due. */
    assert_int_equal(game_next_change(f.game, 40), GAME_ATTRACT_AFTER_MS - 5500);
    three_presses(&f);
    advance(&f, 500);
    uint32_t next = game_next_change(f.game, 50); /* 25 s on 50 segments */
    assert_true(next <= 500);
    press(&f, ACTION_PAUSE);
    advance(&f, 500);
    v = game_version(f.game);
    advance(&f, 10000);
    assert_true(game_version(f.game) == v);
    assert_int_equal(game_next_change(f.game, 50), UINT32_MAX);
    stop(&f);
}

static void test_scripted_player_visits_every_screen_without_getting_stuck(void **state)
{
    (void)state;
    Fixture f = start(16);
    Demo d;
    demo_init(&d, 42);
    int seen[SCREEN_COUNT] = {0}, paused = 0;
    Screen last = f.v->screen;
    uint32_t since_change = 0;
    for (uint32_t t = 0; t < 40 * 60 * 1000; t += 16) {
        game_handle(f.game, demo_next(&d, f.v, 16));
        game_update(f.game, 16);
        while (game_take_sound(f.game) != SOUND_NONE)
            ;
        seen[f.v->screen] = 1;
        paused |= f.v->overlay == OVERLAY_PAUSE;
        since_change = f.v->screen == last ? since_change + 16 : 0;
        last = f.v->screen;
        assert_true(since_change < 60000);
        assert_false(game_wants_quit(f.game));
    }
    const Screen expect[] = {SCREEN_TITLE, SCREEN_TOPICS, SCREEN_LEVELS, SCREEN_QUESTION,
                             SCREEN_FEEDBACK, SCREEN_RESULTS, SCREEN_INITIALS, SCREEN_SCORES};
    for (size_t i = 0; i < sizeof expect / sizeof *expect; i++)
        assert_true(seen[expect[i]]);
    assert_true(paused);
    assert_true(profile_table_count(f.profile) >= 2);
    stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_presses_from_launch_start_a_round),
        cmocka_unit_test(test_right_answers_score_by_time_and_streak),
        cmocka_unit_test(test_wrong_answer_earns_nothing_and_ends_the_streak),
        cmocka_unit_test(test_time_out_counts_as_wrong_with_ticks_at_the_end),
        cmocka_unit_test(test_pause_and_focus_loss_stop_the_timer),
        cmocka_unit_test(test_quitting_a_round_asks_first),
        cmocka_unit_test(test_arrows_follow_options_in_two_columns),
        cmocka_unit_test(test_arrows_in_a_short_last_row),
        cmocka_unit_test(test_number_and_letter_keys_choose_options),
        cmocka_unit_test(test_passing_a_level_gives_stars_and_opens_the_next),
        cmocka_unit_test(test_levels_show_what_they_play_with_this_topic),
        cmocka_unit_test(test_failing_a_level_keeps_the_next_locked),
        cmocka_unit_test(test_leaving_a_round_comes_back_to_where_it_was_chosen),
        cmocka_unit_test(test_arcade_speeds_up_with_the_streak_and_ends_on_the_last_life),
        cmocka_unit_test(test_practice_has_no_timer_no_lives_and_records_no_score),
        cmocka_unit_test(test_daily_challenge_is_the_same_everywhere_and_scored_once),
        cmocka_unit_test(test_initials_are_entered_with_directions_alone),
        cmocka_unit_test(test_attract_mode_after_idle_and_any_input_returns),
        cmocka_unit_test(test_high_scores_from_the_title_browse_tables),
        cmocka_unit_test(test_a_pack_keeps_its_own_tables),
        cmocka_unit_test(test_a_pack_has_its_own_daily_try),
        cmocka_unit_test(test_level_table_names_read_back),
        cmocka_unit_test(test_results_after_the_initials_offer_the_usual_menu),
        cmocka_unit_test(test_daily_is_spent_when_it_starts),
        cmocka_unit_test(test_daily_is_recorded_whatever_the_timer_setting),
        cmocka_unit_test(test_practice_remembers_slow_answers),
        cmocka_unit_test(test_practice_weights_stay_in_practice),
        cmocka_unit_test(test_mute_shows_a_notice_for_a_moment),
        cmocka_unit_test(test_mute_in_the_attract_mode_mutes_and_returns_to_the_title),
        cmocka_unit_test(test_settings_change_and_are_reported),
        cmocka_unit_test(test_a_static_screen_does_not_change_by_itself),
        cmocka_unit_test(test_scripted_player_visits_every_screen_without_getting_stuck),
    };
    return cmocka_run_group_tests(tests, setup_bank, teardown_bank);
}
