/* game.c - the game's rules as a state machine (see game.h).
 *
 * One handler per screen and overlay takes the actions; game_update moves
 * time. Every change a player could see bumps the version, so the shell can
 * tell when to redraw without comparing states.
 */
#include "game.h"
#include "hash.h"
#include "score.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    GAME_TRANSITION_MS = 160,  /* fade-in of a new screen (never blocks input) */
    GAME_SCORE_ANIM_MS = 400,  /* a score change counts up over this time */
    ATTRACT_QUESTION_MS = 2500,
    ATTRACT_FEEDBACK_MS = 4000,
    ATTRACT_QUESTIONS = 6,
    ARCADE_LIVES = 3,
    ARCADE_ROUND = 10,
    ARCADE_SECONDS_MAX = 20,
    ARCADE_SECONDS_MIN = 6,
    PRACTICE_QUESTIONS = 10,
    GAME_SLOW_UNTIMED_MS = 15000, /* an untimed answer slower than this is "slow" */
    DAILY_QUESTIONS = 10,
    DAILY_SECONDS = 20,
    TICK_FROM_SECONDS = 5,
    SOUND_QUEUE = 16
};

struct Game {
    const Bank *bank;
    const Levels *levels;
    Profile *profile;
    RoundGen *gen;       /* the session's generator */
    RoundGen *daily_gen; /* seeded by the date, while a daily runs */
    GameView v;
    Round round;
    Timer timer;
    uint64_t version;
    GameSound sounds[SOUND_QUEUE];
    size_t sound_head, sound_count;
    int quit;
    int settings_changed;
    int profile_changed;
    uint32_t today;
    char today_str[11];
    uint32_t anim_carry;      /* ms not yet spent on the score animation */
    uint32_t attract_ms;      /* time on the current attract screen */
    uint32_t toast_ms;        /* how long v.toast has been shown */
    uint32_t untimed_ms;      /* time on an untimed question (practice,
                                 timer off): for the history's "slow" */
    int weighted;             /* the generator holds practice's weights */
    unsigned last_tick;       /* last second a tick sounded for */
    Screen scores_return;     /* where the scores screen goes back to */
    size_t scores_table;      /* index among game_scores_tables */
    int max_scroll;           /* set by the shell: how far a view scrolls */
    int columns;              /* set by the shell: columns of the options */
    char table[192];          /* high-score table of the round */
    char arcade_table[192];   /* this pack's arcade and daily tables */
    char daily_table[192];
    char scores_name[192];    /* table shown on the scores screen */
};

/* ---- small helpers ---- */

static void game_changed(Game *g)
{
    g->version++;
}

static void game_sound(Game *g, GameSound s)
{
    if (g->v.mode == MODE_ATTRACT)
        return; /* the attract mode plays silently, from its start */
    if (g->sound_count == SOUND_QUEUE)
        return;
    g->sounds[(g->sound_head + g->sound_count++) % SOUND_QUEUE] = s;
}

static void game_go(Game *g, Screen s)
{
    g->v.screen = s;
    g->v.selected = 0;
    g->v.scroll = 0;
    g->v.transition_ms = 0;
    g->v.overlay = OVERLAY_NONE;
    g->max_scroll = -1;
    g->columns = 1;
    game_changed(g);
}

static size_t game_topic_count(const Game *g)
{
    return bank_topic_count(g->bank);
}

/* Entries of the topics screen: in practice, "All topics" comes first. */
static int game_topic_entries(const Game *g)
{
    return (int)game_topic_count(g) + (g->v.mode == MODE_PRACTICE);
}

static const Ladder *game_ladder(const Game *g, size_t topic)
{
    static Ladder fallback;
    const Ladder *l = g->levels ? levels_for(g->levels, bank_topic_name(g->bank, topic)) : NULL;
    if (!l) {
        ladder_default(&fallback);
        l = &fallback;
    }
    return l;
}

void game_level_table(const char *topic, unsigned level, char *out, size_t size)
{
    snprintf(out, size, "level:%s:%u", topic, level);
}

int game_table_level(const char *table, char *topic, size_t size, unsigned *level)
{
    if (strncmp(table, "level:", 6) != 0)
        return -1;
    const char *name = table + 6, *colon = strrchr(name, ':');
    if (!colon || colon[1] < '0' || colon[1] > '9')
        return -1;
    snprintf(topic, size, "%.*s", (int)(colon - name), name);
    *level = (unsigned)strtoul(colon + 1, NULL, 10);
    return 0;
}

static int game_move(Game *g, int delta, int count, int wrap)
{
    if (count <= 0)
        return 0;
    int s = g->v.selected + delta;
    if (wrap)
        s = ((s % count) + count) % count;
    else if (s < 0)
        s = 0;
    else if (s >= count)
        s = count - 1;
    if (s == g->v.selected)
        return 0;
    g->v.selected = s;
    game_sound(g, SOUND_MOVE);
    game_changed(g);
    return 1;
}

/* The pointer is over entry `index` of `count`: highlight it. */
static void game_hover(Game *g, int index, int count)
{
    if (index >= 0 && index < count && index != g->v.selected) {
        g->v.selected = index;
        game_changed(g);
    }
}

/* A click or tap on entry `index` of `count` selects it; 0 when there is
 * no such entry. */
static int game_pick(Game *g, int index, int count)
{
    if (index < 0 || index >= count)
        return 0;
    g->v.selected = index;
    return 1;
}

/* ---- starting rounds ---- */

static uint32_t game_arcade_seconds(unsigned streak)
{
    unsigned s = ARCADE_SECONDS_MAX > streak ? ARCADE_SECONDS_MAX - streak : 0;
    return s < ARCADE_SECONDS_MIN ? ARCADE_SECONDS_MIN : s;
}

/* Seconds of a question in the current round, before the timer setting. */
static uint32_t game_question_seconds(const Game *g)
{
    switch (g->v.mode) {
    case MODE_LEVEL: return g->v.ladder->levels[g->v.level - 1].seconds;
    case MODE_ARCADE: return game_arcade_seconds(g->v.streak);
    case MODE_DAILY: return DAILY_SECONDS;
    case MODE_ATTRACT: return 12;
    default: return 0;
    }
}

static void game_ask(Game *g)
{
    g->v.item = &g->round.items[g->v.index];
    uint32_t seconds = game_question_seconds(g);
    TimerMode tm = profile_settings(g->profile)->timer;
    if (g->v.mode != MODE_ATTRACT && g->v.mode != MODE_DAILY) {
        if (tm == TIMER_RELAXED)
            seconds *= 2;
        else if (tm == TIMER_OFF)
            seconds = 0;
    }
    timer_start(&g->timer, seconds * 1000);
    g->v.timed = seconds > 0;
    g->last_tick = 0;
    g->attract_ms = 0;
    g->untimed_ms = 0;
    game_go(g, SCREEN_QUESTION);
    g->v.selected = 0;
}

/* The chosen topic's ladder, and how each of its levels plays with this
 * bank (the levels screen shows that, not what the ladder asks). */
static void game_set_ladder(Game *g, size_t topic)
{
    g->v.ladder = topic != SIZE_MAX ? game_ladder(g, topic) : NULL;
    if (!g->v.ladder)
        return;
    for (unsigned i = 0; i < g->v.ladder->count; i++) {
        const LevelSpec *l = &g->v.ladder->levels[i];
        RoundParams asked = {l->questions, l->options, l->kinds};
        round_plays(g->gen, topic, &asked, &g->v.plays[i]);
    }
}

static RoundGen *game_round_gen(Game *g)
{
    return g->v.mode == MODE_DAILY && g->daily_gen ? g->daily_gen : g->gen;
}

static int game_make_round(Game *g, const RoundParams *p)
{
    round_free(&g->round);
    size_t topic = g->v.topic;
    int rc = topic == SIZE_MAX ? round_generate(game_round_gen(g), NULL, 0, p, &g->round)
                               : round_generate(game_round_gen(g), &topic, 1, p, &g->round);
    g->v.round = &g->round;
    return rc == 0 && g->round.count > 0 ? 0 : -1;
}

static void game_begin(Game *g, GameMode mode, size_t topic, unsigned level)
{
    g->v.mode = mode;
    g->v.topic = topic;
    g->v.level = level;
    game_set_ladder(g, topic);
    g->v.index = 0;
    g->v.score = g->v.shown_score = 0;
    g->v.streak = g->v.best_streak = 0;
    g->v.answered = g->v.correct = 0;
    g->v.play_ms = 0;
    g->v.max_lives = 0;
    g->v.total = 0;
    g->v.daily_replay = 0;
    g->v.initials_done = 0;
    memset(&g->v.result, 0, sizeof g->v.result);
    g->v.result.rank = -1;
    RoundParams p = {10, 4, KINDS_ALL};
    if (g->weighted && mode != MODE_PRACTICE) {
        /* Practice's weights stay in practice: other modes draw evenly. */
        for (size_t q = 0; q < bank_question_count(g->bank); q++)
            roundgen_set_weight(g->gen, q, ROUND_WEIGHT_DEFAULT);
        roundgen_reset_bags(g->gen);
        g->weighted = 0;
    }
    switch (mode) {
    case MODE_LEVEL: {
        const LevelSpec *l = &g->v.ladder->levels[level - 1];
        p.questions = l->questions;
        p.options = l->options;
        p.kinds = l->kinds;
        g->v.max_lives = l->lives;
        game_level_table(bank_topic_name(g->bank, topic), level, g->table, sizeof g->table);
        break;
    }
    case MODE_ARCADE:
        p.questions = ARCADE_ROUND;
        g->v.max_lives = ARCADE_LIVES;
        snprintf(g->table, sizeof g->table, "%s", g->arcade_table);
        break;
    case MODE_PRACTICE:
        p.questions = PRACTICE_QUESTIONS;
        /* Spaced repetition: missed and slow questions weigh more. */
        for (size_t q = 0; q < bank_question_count(g->bank); q++)
            roundgen_set_weight(g->gen, q,
                                profile_history_weight(g->profile,
                                                       question_hash(bank_question(g->bank, q)),
                                                       g->today));
        roundgen_reset_bags(g->gen);
        g->weighted = 1;
        g->table[0] = '\0';
        break;
    case MODE_DAILY: {
        p.questions = DAILY_QUESTIONS;
        /* The same questions on every machine for the day: a generator
         * seeded by the date alone. */
        uint64_t seed = hash_bytes(HASH_SEED, g->today_str, strlen(g->today_str));
        roundgen_free(g->daily_gen);
        g->daily_gen = roundgen_new(g->bank, seed);
        g->v.daily_replay = profile_daily_day(g->profile, g->daily_table) == g->today;
        snprintf(g->table, sizeof g->table, "%s", g->daily_table);
        break;
    }
    case MODE_ATTRACT:
        p.questions = ATTRACT_QUESTIONS;
        p.kinds = KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE);
        g->table[0] = '\0';
        break;
    }
    g->v.lives = g->v.max_lives;
    g->v.total = mode == MODE_ARCADE ? 0 : p.questions;
    if (game_make_round(g, &p) != 0) {
        game_go(g, SCREEN_TITLE);
        return;
    }
    if (mode != MODE_ARCADE)
        g->v.total = (unsigned)g->round.count;
    if (mode == MODE_DAILY && !g->v.daily_replay) {
        /* One scored attempt a day: the day is spent when it starts, so
         * quitting half-way cannot buy a second look at the questions. */
        profile_set_daily_day(g->profile, g->daily_table, g->today);
        g->profile_changed = 1;
    }
    game_sound(g, SOUND_SELECT);
    game_ask(g);
}

/* ---- answering ---- */

static void game_answer(Game *g, int pick)
{
    const RoundItem *it = g->v.item;
    if (pick >= (int)it->option_count)
        return;
    uint32_t elapsed = g->v.timed ? g->timer.elapsed_ms : g->untimed_ms;
    int right = pick == (int)it->answer;
    g->v.picked = pick;
    g->v.right = right;
    g->v.answered++;
    g->v.play_ms += elapsed;
    if (right) {
        g->v.streak++;
        g->v.correct++;
        if (g->v.streak > g->v.best_streak)
            g->v.best_streak = g->v.streak;
        g->v.points = score_answer(elapsed, g->timer.limit_ms, g->v.streak);
        g->v.score += g->v.points;
        game_sound(g, SOUND_RIGHT);
    } else {
        g->v.streak = 0;
        g->v.points = 0;
        if (g->v.max_lives && g->v.lives > 0)
            g->v.lives--;
        game_sound(g, pick < 0 ? SOUND_TIMEOUT : SOUND_WRONG);
    }
    if (g->v.mode != MODE_ATTRACT) {
        /* Slow: over 60% of the time allowed, or with no timer over
         * GAME_SLOW_UNTIMED_MS. */
        int slow = g->timer.limit_ms ? (uint64_t)elapsed * 10 > (uint64_t)g->timer.limit_ms * 6
                                     : elapsed > GAME_SLOW_UNTIMED_MS;
        profile_history_record(g->profile, question_hash(bank_question(g->bank, it->question)),
                               right, slow, g->today);
    }
    timer_pause(&g->timer);
    game_go(g, SCREEN_FEEDBACK);
    g->attract_ms = 0;
}

static void game_finish(Game *g)
{
    RoundResult *r = &g->v.result;
    memset(r, 0, sizeof *r);
    r->rank = -1;
    r->score = g->v.score;
    r->right = g->v.correct;
    r->asked = g->v.answered;
    r->best_streak = g->v.best_streak;
    r->time_ms = g->v.play_ms;
    const Settings *s = profile_settings(g->profile);
    /* The daily always runs its own timer, whatever the setting: its one
     * attempt a day is recorded, its replays are not. */
    if (g->v.mode == MODE_DAILY)
        r->recorded = !g->v.daily_replay;
    else
        r->recorded = s->timer == TIMER_ON && g->v.mode != MODE_PRACTICE &&
                      g->v.mode != MODE_ATTRACT;
    if (g->v.mode == MODE_LEVEL) {
        const char *topic = bank_topic_name(g->bank, g->v.topic);
        const LevelSpec *l = &g->v.ladder->levels[g->v.level - 1];
        unsigned asked = g->v.total > g->v.answered ? g->v.total : g->v.answered;
        r->stars = level_stars(l, g->v.correct, asked);
        r->passed = r->stars >= 1;
        const LevelRecord *before = profile_level(g->profile, topic, g->v.level);
        r->new_best = r->recorded && (!before || r->score > before->best_score);
        int next_was_open = profile_level_open(g->profile, topic, g->v.level + 1);
        profile_record_level(g->profile, topic, g->v.level, r->recorded ? r->score : 0,
                             r->stars, r->passed);
        r->opened_next = r->passed && !next_was_open && g->v.level < g->v.ladder->count;
        r->mastered = r->passed && g->v.level == g->v.ladder->count;
    }
    if (r->recorded && g->table[0]) {
        r->rank = profile_rank(g->profile, g->table, r->score);
        if (g->v.mode != MODE_LEVEL)
            r->new_best = r->rank == 0;
    }
    game_sound(g, SOUND_COMPLETE);
    if (r->new_best || r->rank == 0)
        game_sound(g, SOUND_HIGHSCORE);
    if (g->v.mode != MODE_ATTRACT)
        g->profile_changed = 1;
    game_go(g, SCREEN_RESULTS);
}

static void game_next(Game *g)
{
    if (g->v.max_lives && g->v.lives == 0) {
        game_finish(g);
        return;
    }
    if (g->v.index + 1 < g->round.count) {
        g->v.index++;
        game_ask(g);
        return;
    }
    if (g->v.mode == MODE_ARCADE) {
        RoundParams p = {ARCADE_ROUND, 4, KINDS_ALL};
        if (game_make_round(g, &p) == 0) {
            g->v.index = 0;
            game_ask(g);
            return;
        }
    }
    if (g->v.mode == MODE_ATTRACT) {
        g->v.mode = MODE_LEVEL;
        game_go(g, SCREEN_TITLE);
        g->v.idle_ms = 0;
        return;
    }
    game_finish(g);
}

/* Leaves a round without results: back where it was started from. */
static void game_abandon(Game *g)
{
    timer_pause(&g->timer);
    GameMode m = g->v.mode;
    if (m == MODE_LEVEL) {
        game_go(g, SCREEN_LEVELS);
        g->v.selected = (int)g->v.level - 1;
    } else if (m == MODE_PRACTICE) {
        size_t topic = g->v.topic;
        game_go(g, SCREEN_TOPICS);
        g->v.selected = topic == SIZE_MAX ? 0 : (int)topic + 1; /* after "All topics" */
    } else {
        g->v.mode = MODE_LEVEL;
        game_go(g, SCREEN_TITLE);
        g->v.selected = m == MODE_ARCADE ? TITLE_ARCADE : m == MODE_DAILY ? TITLE_DAILY : TITLE_PLAY;
    }
}

/* ---- overlays ---- */

static void game_open_overlay(Game *g, Overlay o, int quit_game)
{
    g->v.overlay = o;
    g->v.overlay_sel = o == OVERLAY_CONFIRM ? 1 : 0; /* "No" first */
    g->v.confirm_quit_game = quit_game;
    timer_pause(&g->timer);
    game_sound(g, SOUND_SELECT);
    game_changed(g);
}

static void game_close_overlay(Game *g)
{
    g->v.overlay = OVERLAY_NONE;
    if (g->v.screen == SCREEN_QUESTION)
        timer_resume(&g->timer);
    game_changed(g);
}

static void game_overlay_handle(Game *g, Action a)
{
    int count = 2;
    switch (a.type) {
    case ACTION_UP:
    case ACTION_LEFT:
    case ACTION_DOWN:
    case ACTION_RIGHT: {
        int s = g->v.overlay_sel + (a.type == ACTION_UP || a.type == ACTION_LEFT ? -1 : 1);
        s = (s + count) % count;
        if (s != g->v.overlay_sel) {
            g->v.overlay_sel = s;
            game_sound(g, SOUND_MOVE);
            game_changed(g);
        }
        return;
    }
    case ACTION_HOVER:
        if (a.index >= 0 && a.index < count && a.index != g->v.overlay_sel) {
            g->v.overlay_sel = a.index;
            game_changed(g);
        }
        return;
    case ACTION_CHOOSE:
        if (a.index < 0 || a.index >= count)
            return;
        g->v.overlay_sel = a.index;
        break;
    case ACTION_CONFIRM:
        break;
    case ACTION_BACK:
    case ACTION_PAUSE:
        if (g->v.overlay == OVERLAY_CONFIRM && !g->v.confirm_quit_game) {
            g->v.overlay = OVERLAY_PAUSE; /* back to the pause menu */
            g->v.overlay_sel = 1;
            game_changed(g);
        } else {
            game_close_overlay(g);
        }
        return;
    default:
        return;
    }
    game_sound(g, SOUND_SELECT);
    if (g->v.overlay == OVERLAY_PAUSE) {
        if (g->v.overlay_sel == 0) {
            game_close_overlay(g);
        } else {
            g->v.overlay = OVERLAY_CONFIRM;
            g->v.overlay_sel = 1;
            game_changed(g);
        }
        return;
    }
    /* OVERLAY_CONFIRM: 0 = Yes, 1 = No */
    if (g->v.overlay_sel == 1) {
        if (g->v.confirm_quit_game)
            game_close_overlay(g);
        else {
            g->v.overlay = OVERLAY_PAUSE;
            game_changed(g);
        }
    } else if (g->v.confirm_quit_game) {
        g->quit = 1;
        game_changed(g);
    } else {
        game_abandon(g);
    }
}

/* ---- screens ---- */

static void game_title(Game *g, Action a)
{
    switch (a.type) {
    case ACTION_UP: game_move(g, -1, TITLE_COUNT, 1); return;
    case ACTION_DOWN: game_move(g, 1, TITLE_COUNT, 1); return;
    case ACTION_HOVER: game_hover(g, a.index, TITLE_COUNT); return;
    case ACTION_BACK: game_open_overlay(g, OVERLAY_CONFIRM, 1); return;
    case ACTION_CHOOSE:
        if (!game_pick(g, a.index, TITLE_COUNT))
            return;
        break;
    case ACTION_CONFIRM: break;
    default: return;
    }
    switch ((TitleEntry)g->v.selected) {
    case TITLE_PLAY:
    case TITLE_PRACTICE:
        g->v.mode = g->v.selected == TITLE_PLAY ? MODE_LEVEL : MODE_PRACTICE;
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_TOPICS);
        break;
    case TITLE_ARCADE: game_begin(g, MODE_ARCADE, SIZE_MAX, 0); break;
    case TITLE_DAILY: game_begin(g, MODE_DAILY, SIZE_MAX, 0); break;
    case TITLE_SCORES:
        game_sound(g, SOUND_SELECT);
        g->scores_return = SCREEN_TITLE;
        g->scores_table = 0;
        snprintf(g->scores_name, sizeof g->scores_name, "%s", g->arcade_table);
        g->v.score_table = g->scores_name;
        g->v.score_browsing = 1;
        game_go(g, SCREEN_SCORES);
        g->v.selected = -1;
        break;
    case TITLE_SETTINGS:
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_SETTINGS);
        break;
    case TITLE_QUIT: game_open_overlay(g, OVERLAY_CONFIRM, 1); break;
    default: break;
    }
}

/* The level to offer first: the lowest open level not yet passed. */
static int game_first_level(const Game *g, size_t topic)
{
    const Ladder *l = game_ladder(g, topic);
    const char *name = bank_topic_name(g->bank, topic);
    int pick = 0;
    for (unsigned i = 1; i <= l->count; i++) {
        if (!profile_level_open(g->profile, name, i))
            break;
        pick = (int)i - 1;
        const LevelRecord *r = profile_level(g->profile, name, i);
        if (!r || !r->passed)
            break;
    }
    return pick;
}

static void game_topics(Game *g, Action a)
{
    int count = game_topic_entries(g);
    switch (a.type) {
    case ACTION_UP: game_move(g, -1, count, 1); return;
    case ACTION_DOWN: game_move(g, 1, count, 1); return;
    case ACTION_HOVER: game_hover(g, a.index, count); return;
    case ACTION_BACK:
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_TITLE);
        g->v.selected = g->v.mode == MODE_PRACTICE ? TITLE_PRACTICE : TITLE_PLAY;
        g->v.mode = MODE_LEVEL;
        return;
    case ACTION_CHOOSE:
        if (!game_pick(g, a.index, count))
            return;
        break;
    case ACTION_CONFIRM: break;
    default: return;
    }
    if (g->v.mode == MODE_PRACTICE) {
        size_t topic = g->v.selected == 0 ? SIZE_MAX : (size_t)g->v.selected - 1;
        game_begin(g, MODE_PRACTICE, topic, 0);
        return;
    }
    g->v.topic = (size_t)g->v.selected;
    game_set_ladder(g, g->v.topic);
    game_sound(g, SOUND_SELECT);
    game_go(g, SCREEN_LEVELS);
    g->v.selected = game_first_level(g, g->v.topic);
}

static void game_levels(Game *g, Action a)
{
    int count = (int)g->v.ladder->count;
    switch (a.type) {
    case ACTION_UP: case ACTION_LEFT: game_move(g, -1, count, 0); return;
    case ACTION_DOWN: case ACTION_RIGHT: game_move(g, 1, count, 0); return;
    case ACTION_HOVER: game_hover(g, a.index, count); return;
    case ACTION_BACK: {
        size_t topic = g->v.topic;
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_TOPICS);
        g->v.selected = (int)topic;
        return;
    }
    case ACTION_CHOOSE:
        if (!game_pick(g, a.index, count))
            return;
        break;
    case ACTION_CONFIRM: break;
    default: return;
    }
    unsigned level = (unsigned)g->v.selected + 1;
    const char *topic = bank_topic_name(g->bank, g->v.topic);
    if (!profile_level_open(g->profile, topic, level)) {
        /* Locked: say which level opens the way. */
        unsigned open = 1;
        while (open + 1 < level && profile_level_open(g->profile, topic, open + 1))
            open++;
        game_sound(g, SOUND_WRONG);
        g->v.toast = TOAST_LOCKED;
        g->v.toast_level = open;
        g->toast_ms = 0;
        game_changed(g);
        return;
    }
    game_begin(g, MODE_LEVEL, g->v.topic, level);
}

static int game_option_key(const Game *g, int c)
{
    int n = (int)g->v.item->option_count;
    if (c >= '1' && c <= '9' && c - '1' < n)
        return c - '1';
    if (c >= 'a' && c <= 'z' && c - 'a' < n)
        return c - 'a';
    if (c >= 'A' && c <= 'Z' && c - 'A' < n)
        return c - 'A';
    return -1;
}

/* The arrows over options laid out in g->columns columns, reading order:
 * up and down stay in the column (wrapping), left and right stay in the
 * row (wrapping). With one column, every arrow steps through the list. */
static void game_move_grid(Game *g, ActionType t, int count)
{
    int cols = g->columns, sel = g->v.selected;
    if (cols <= 1 || count <= cols) {
        game_move(g, t == ACTION_UP || t == ACTION_LEFT ? -1 : 1, count, 1);
        return;
    }
    int col = sel % cols, row = sel / cols, rows = (count + cols - 1) / cols;
    int to = sel;
    if (t == ACTION_LEFT || t == ACTION_RIGHT) {
        int in_row = row == rows - 1 ? count - row * cols : cols;
        int c = (col + (t == ACTION_RIGHT ? 1 : in_row - 1)) % in_row;
        to = row * cols + c;
    } else {
        /* The rows that have this column (the last row may be short). */
        int col_rows = col < count - (rows - 1) * cols ? rows : rows - 1;
        int r = (row + (t == ACTION_DOWN ? 1 : col_rows - 1)) % col_rows;
        to = r * cols + col;
    }
    game_move(g, to - sel, count, 1);
}

static void game_question(Game *g, Action a)
{
    int count = (int)g->v.item->option_count;
    switch (a.type) {
    case ACTION_UP: case ACTION_LEFT: case ACTION_DOWN: case ACTION_RIGHT:
        game_move_grid(g, a.type, count);
        return;
    case ACTION_HOVER: game_hover(g, a.index, count); return;
    case ACTION_CHOOSE:
        if (a.index >= 0 && a.index < count)
            game_answer(g, a.index);
        return;
    case ACTION_CHAR: {
        int k = game_option_key(g, a.index);
        if (k >= 0)
            game_answer(g, k);
        return;
    }
    case ACTION_CONFIRM: game_answer(g, g->v.selected); return;
    case ACTION_BACK:
    case ACTION_PAUSE:
    case ACTION_FOCUS_LOST: game_open_overlay(g, OVERLAY_PAUSE, 0); return;
    default: return;
    }
}

static void game_scroll(Game *g, int delta)
{
    int s = g->v.scroll + delta;
    if (s < 0)
        s = 0;
    if (g->max_scroll >= 0 && s > g->max_scroll)
        s = g->max_scroll;
    if (s != g->v.scroll) {
        g->v.scroll = s;
        game_changed(g);
    }
}

static void game_feedback(Game *g, Action a)
{
    switch (a.type) {
    case ACTION_UP: game_scroll(g, -1); return;
    case ACTION_DOWN: game_scroll(g, 1); return;
    case ACTION_SCROLL: game_scroll(g, a.index); return;
    case ACTION_CONFIRM:
    case ACTION_CHOOSE:
        game_sound(g, SOUND_SELECT);
        game_next(g);
        return;
    case ACTION_BACK:
    case ACTION_PAUSE: game_open_overlay(g, OVERLAY_PAUSE, 0); return;
    default: return;
    }
}

static void game_show_scores(Game *g, const char *table, Screen back)
{
    snprintf(g->scores_name, sizeof g->scores_name, "%s", table);
    g->v.score_table = g->scores_name;
    g->v.score_browsing = back != SCREEN_RESULTS;
    g->scores_return = back;
    game_go(g, SCREEN_SCORES);
}

static void game_results(Game *g, Action a)
{
    /* While initials are due there is one choice: entering them. */
    int entering = g->v.result.rank >= 0 && !g->v.initials_done;
    switch (a.type) {
    /* The two choices sit side by side: left/right move as up/down do. */
    case ACTION_UP:
    case ACTION_LEFT:
        if (!entering)
            game_move(g, -1, RESULT_COUNT, 1);
        return;
    case ACTION_DOWN:
    case ACTION_RIGHT:
        if (!entering)
            game_move(g, 1, RESULT_COUNT, 1);
        return;
    case ACTION_HOVER: game_hover(g, a.index, entering ? 1 : RESULT_COUNT); return;
    case ACTION_CHOOSE:
        if (!game_pick(g, a.index, entering ? 1 : RESULT_COUNT))
            return;
        break;
    case ACTION_CONFIRM: break;
    case ACTION_BACK: g->v.selected = RESULT_MENU; break;
    default: return;
    }
    game_sound(g, SOUND_SELECT);
    if (g->v.result.rank >= 0 && !g->v.initials_done) {
        /* A place in the table: initials first, arcade-style. */
        memcpy(g->v.initials, profile_initials(g->profile), 4);
        g->v.initials_pos = 0;
        g->v.score_table = g->table;
        game_go(g, SCREEN_INITIALS);
        return;
    }
    if (g->v.selected == RESULT_AGAIN) {
        unsigned level = g->v.level;
        if (g->v.mode == MODE_LEVEL && g->v.result.opened_next)
            level++;
        game_begin(g, g->v.mode, g->v.topic, level);
        return;
    }
    game_abandon(g);
}

static char game_initial_step(char c, int delta)
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const int n = (int)sizeof set - 1;
    const char *at = strchr(set, c);
    int i = at && c ? (int)(at - set) : 0;
    return set[((i + delta) % n + n) % n];
}

/* Moves the initials' cursor to slot `to` (0 to 2), if it is elsewhere. */
static void game_initials_to(Game *g, int to, GameSound sound)
{
    if (to < 0 || to > 2 || to == g->v.initials_pos)
        return;
    g->v.initials_pos = to;
    game_sound(g, sound);
    game_changed(g);
}

static void game_initials(Game *g, Action a)
{
    int pos = g->v.initials_pos;
    switch (a.type) {
    case ACTION_UP:
    case ACTION_DOWN:
        g->v.initials[pos] = game_initial_step(g->v.initials[pos], a.type == ACTION_UP ? 1 : -1);
        game_sound(g, SOUND_MOVE);
        game_changed(g);
        return;
    case ACTION_LEFT:
    case ACTION_BACK:
        game_initials_to(g, pos - 1, SOUND_MOVE);
        return;
    case ACTION_RIGHT:
        game_initials_to(g, pos + 1, SOUND_MOVE);
        return;
    case ACTION_CHAR: {
        int c = a.index;
        if (c >= 'a' && c <= 'z')
            c -= 32;
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return;
        g->v.initials[pos] = (char)c;
        if (pos < 2)
            g->v.initials_pos++;
        game_sound(g, SOUND_MOVE);
        game_changed(g);
        return;
    }
    case ACTION_CHOOSE:
        /* A pointer picks a letter's slot (0 to 2), or OK (3). */
        if (a.index >= 0 && a.index < 3) {
            game_initials_to(g, a.index, SOUND_MOVE);
            return;
        }
        if (a.index != 3)
            return;
        break;
    case ACTION_CONFIRM:
        if (pos < 2) {
            game_initials_to(g, pos + 1, SOUND_SELECT);
            return;
        }
        break;
    default: return;
    }
    HighScore e;
    memset(&e, 0, sizeof e);
    memcpy(e.initials, g->v.initials, 3);
    e.score = g->v.result.score;
    e.accuracy = g->v.result.asked ? g->v.result.right * 100 / g->v.result.asked : 0;
    memcpy(e.date, g->today_str, sizeof e.date);
    g->v.result.rank = profile_insert(g->profile, g->table, &e);
    profile_set_initials(g->profile, g->v.initials);
    g->v.initials_done = 1;
    g->profile_changed = 1;
    game_sound(g, SOUND_SELECT);
    game_show_scores(g, g->table, SCREEN_RESULTS);
    g->v.selected = g->v.result.rank;
}

/* Is table the level table of a topic of this bank? */
static int game_is_own_level_table(const Game *g, const char *table)
{
    char topic[192];
    unsigned level;
    return game_table_level(table, topic, sizeof topic, &level) == 0 &&
           bank_find_topic(g->bank, topic) >= 0;
}

/* The tables the scores screen pages through: this pack's arcade and
 * daily, then the level tables of its topics that have scores. Writes the
 * name of table i to out; returns how many there are. */
static size_t game_scores_tables(const Game *g, size_t i, char *out, size_t size)
{
    if (i == 0)
        snprintf(out, size, "%s", g->arcade_table);
    else if (i == 1)
        snprintf(out, size, "%s", g->daily_table);
    size_t n = 2;
    for (size_t t = 0; t < profile_table_count(g->profile); t++) {
        const char *name = profile_table_name(g->profile, t);
        if (!game_is_own_level_table(g, name))
            continue;
        if (i == n)
            snprintf(out, size, "%s", name);
        n++;
    }
    return n;
}

static void game_scores(Game *g, Action a)
{
    switch (a.type) {
    case ACTION_LEFT:
    case ACTION_RIGHT:
    case ACTION_UP:
    case ACTION_DOWN: {
        if (g->scores_return == SCREEN_RESULTS)
            return; /* showing the table the result went into */
        size_t n = game_scores_tables(g, 0, g->scores_name, sizeof g->scores_name);
        int d = a.type == ACTION_LEFT || a.type == ACTION_UP ? -1 : 1;
        g->scores_table = (g->scores_table + n + (size_t)(d + (int)n)) % n;
        game_scores_tables(g, g->scores_table, g->scores_name, sizeof g->scores_name);
        g->v.score_table = g->scores_name;
        g->v.selected = -1;
        game_sound(g, SOUND_MOVE);
        game_changed(g);
        return;
    }
    case ACTION_BACK:
    case ACTION_CONFIRM:
    case ACTION_CHOOSE: {
        game_sound(g, SOUND_SELECT);
        Screen back = g->scores_return;
        game_go(g, back);
        g->v.selected = back == SCREEN_TITLE ? TITLE_SCORES : RESULT_AGAIN;
        return;
    }
    default: return;
    }
}

static void game_settings(Game *g, Action a)
{
    Settings *s = profile_settings(g->profile);
    int delta = 0;
    switch (a.type) {
    case ACTION_UP: game_move(g, -1, SETTING_COUNT, 1); return;
    case ACTION_DOWN: game_move(g, 1, SETTING_COUNT, 1); return;
    case ACTION_HOVER: game_hover(g, a.index, SETTING_COUNT); return;
    case ACTION_BACK:
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_TITLE);
        g->v.selected = TITLE_SETTINGS;
        return;
    case ACTION_LEFT: delta = -1; break;
    case ACTION_RIGHT: delta = 1; break;
    case ACTION_CHOOSE:
        if (a.index < 0 || a.index >= SETTING_COUNT)
            return;
        g->v.selected = a.index;
        delta = 1;
        break;
    case ACTION_CONFIRM: delta = 1; break;
    default: return;
    }
    switch ((SettingEntry)g->v.selected) {
    case SETTING_VOLUME: {
        int v = (int)s->volume + delta * 10;
        if (a.type == ACTION_CONFIRM || a.type == ACTION_CHOOSE)
            v = s->volume >= 100 ? 0 : (int)s->volume + 10;
        s->volume = (unsigned)(v < 0 ? 0 : v > 100 ? 100 : v);
        break;
    }
    case SETTING_MUTE: s->muted = !s->muted; break;
    case SETTING_FULLSCREEN: s->fullscreen = !s->fullscreen; break;
    case SETTING_TIMER: s->timer = (TimerMode)(((int)s->timer + delta + 3) % 3); break;
    case SETTING_BACK:
        if (a.type == ACTION_LEFT || a.type == ACTION_RIGHT)
            return;
        game_sound(g, SOUND_SELECT);
        game_go(g, SCREEN_TITLE);
        g->v.selected = TITLE_SETTINGS;
        return;
    default: return;
    }
    g->settings_changed = 1;
    g->profile_changed = 1;
    game_sound(g, SOUND_MOVE);
    game_changed(g);
}

/* ---- the attract mode ---- */

static void game_start_attract(Game *g)
{
    game_begin(g, MODE_ATTRACT, SIZE_MAX, 0);
}

/* ---- public ---- */

Game *game_new(const Bank *bank, const Levels *levels, Profile *profile, uint64_t seed,
               uint32_t today)
{
    Game *g = xcalloc(1, sizeof *g);
    g->bank = bank;
    g->levels = levels;
    g->profile = profile;
    g->gen = roundgen_new(bank, seed);
    g->today = today;
    profile_day_string(today, g->today_str);
    g->v.daily_date = g->today_str;
    game_set_pack(g, NULL);
    g->v.topic = SIZE_MAX;
    g->v.picked = -1;
    g->v.timer = &g->timer;
    g->v.round = &g->round;
    g->v.result.rank = -1;
    g->max_scroll = -1;
    game_go(g, SCREEN_TITLE);
    return g;
}

void game_set_pack(Game *g, const char *pack)
{
    if (!pack || !pack[0]) {
        snprintf(g->arcade_table, sizeof g->arcade_table, "%s", GAME_TABLE_ARCADE);
        snprintf(g->daily_table, sizeof g->daily_table, "%s", GAME_TABLE_DAILY);
    } else {
        /* Table names are saved one a line, to the end of the line. */
        char name[128];
        snprintf(name, sizeof name, "%s", pack);
        for (char *c = name; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7F)
                *c = '?';
        snprintf(g->arcade_table, sizeof g->arcade_table, "%s:%s", GAME_TABLE_ARCADE, name);
        snprintf(g->daily_table, sizeof g->daily_table, "%s:%s", GAME_TABLE_DAILY, name);
    }
    g->v.arcade_table = g->arcade_table;
    g->v.daily_table = g->daily_table;
    game_changed(g);
}

void game_free(Game *g)
{
    if (!g)
        return;
    round_free(&g->round);
    roundgen_free(g->daily_gen);
    roundgen_free(g->gen);
    free(g);
}

void game_handle(Game *g, Action a)
{
    if (a.type == ACTION_NONE)
        return;
    if (a.type != ACTION_HOVER && a.type != ACTION_FOCUS_GAINED)
        g->v.idle_ms = 0;
    if (a.type == ACTION_MUTE) {
        Settings *s = profile_settings(g->profile);
        s->muted = !s->muted;
        g->settings_changed = 1;
        /* Said on screen: M works everywhere, with no menu to show it. */
        g->v.toast = s->muted ? TOAST_MUTED : TOAST_UNMUTED;
        g->toast_ms = 0;
        game_changed(g);
        if (g->v.mode != MODE_ATTRACT)
            return; /* else it is input too: back to the title */
    }
    if (g->v.mode == MODE_ATTRACT) {
        if (a.type == ACTION_HOVER || a.type == ACTION_FOCUS_GAINED || a.type == ACTION_FOCUS_LOST)
            return;
        /* Any input leaves the attract mode. */
        timer_pause(&g->timer);
        g->v.mode = MODE_LEVEL;
        game_go(g, SCREEN_TITLE);
        g->v.idle_ms = 0;
        return;
    }
    if (a.type == ACTION_FOCUS_GAINED)
        return;
    if (g->v.overlay != OVERLAY_NONE) {
        if (a.type != ACTION_FOCUS_LOST)
            game_overlay_handle(g, a);
        return;
    }
    switch (g->v.screen) {
    case SCREEN_TITLE: game_title(g, a); break;
    case SCREEN_TOPICS: game_topics(g, a); break;
    case SCREEN_LEVELS: game_levels(g, a); break;
    case SCREEN_QUESTION: game_question(g, a); break;
    case SCREEN_FEEDBACK:
        if (a.type == ACTION_FOCUS_LOST)
            return;
        game_feedback(g, a);
        break;
    case SCREEN_RESULTS: game_results(g, a); break;
    case SCREEN_INITIALS: game_initials(g, a); break;
    case SCREEN_SCORES: game_scores(g, a); break;
    case SCREEN_SETTINGS: game_settings(g, a); break;
    default: break;
    }
}

static void game_update_score(Game *g, uint32_t dt)
{
    if (g->v.shown_score == g->v.score) {
        g->anim_carry = 0;
        return;
    }
    if (g->v.shown_score > g->v.score) {
        g->v.shown_score = g->v.score;
        game_changed(g);
        return;
    }
    /* Count up so that any change takes about GAME_SCORE_ANIM_MS, in steps
     * of whole points: the last answer's points set the pace. */
    g->anim_carry += dt;
    unsigned pace = g->v.points ? g->v.points : 100;
    unsigned step = (unsigned)((uint64_t)pace * g->anim_carry / GAME_SCORE_ANIM_MS);
    if (step == 0)
        return;
    g->anim_carry = 0;
    unsigned left = g->v.score - g->v.shown_score;
    g->v.shown_score += step < left ? step : left;
    game_changed(g);
}

void game_update(Game *g, uint32_t dt)
{
    if (g->v.transition_ms < GAME_TRANSITION_MS) {
        g->v.transition_ms += dt;
        if (g->v.transition_ms > GAME_TRANSITION_MS)
            g->v.transition_ms = GAME_TRANSITION_MS;
        game_changed(g);
    }
    game_update_score(g, dt);
    if (g->v.toast != TOAST_NONE) {
        g->toast_ms += dt;
        if (g->toast_ms >= GAME_TOAST_MS) {
            g->v.toast = TOAST_NONE;
            game_changed(g);
        }
    }
    if (g->v.overlay != OVERLAY_NONE)
        return;
    if (g->v.screen == SCREEN_TITLE && g->v.mode != MODE_ATTRACT) {
        g->v.idle_ms += dt;
        if (g->v.idle_ms >= GAME_ATTRACT_AFTER_MS) {
            g->v.idle_ms = 0;
            game_start_attract(g);
        }
        return;
    }
    if (g->v.mode == MODE_ATTRACT) {
        g->attract_ms += dt;
        if (g->v.screen == SCREEN_QUESTION) {
            unsigned before = timer_seconds_left(&g->timer);
            timer_advance(&g->timer, dt);
            if (timer_seconds_left(&g->timer) != before)
                game_changed(g);
            if (g->attract_ms >= ATTRACT_QUESTION_MS)
                game_answer(g, (int)g->v.item->answer); /* reveal */
        } else if (g->v.screen == SCREEN_FEEDBACK && g->attract_ms >= ATTRACT_FEEDBACK_MS) {
            game_next(g);
        }
        return;
    }
    if (g->v.screen != SCREEN_QUESTION)
        return;
    if (!g->v.timed) {
        if (g->untimed_ms < UINT32_MAX - dt)
            g->untimed_ms += dt;
        return;
    }
    if (!g->timer.running)
        return;
    unsigned before = timer_seconds_left(&g->timer);
    timer_advance(&g->timer, dt);
    unsigned after = timer_seconds_left(&g->timer);
    if (after != before) {
        game_changed(g);
        if (after <= TICK_FROM_SECONDS && after > 0 && after != g->last_tick) {
            g->last_tick = after;
            game_sound(g, SOUND_TICK);
        }
    }
    if (timer_expired(&g->timer))
        game_answer(g, -1);
}

const GameView *game_view(const Game *g)
{
    return &g->v;
}

uint64_t game_version(const Game *g)
{
    return g->version;
}

uint32_t game_next_change(const Game *g, unsigned bar_pixels)
{
    uint32_t next = UINT32_MAX;
    if (g->v.transition_ms < GAME_TRANSITION_MS || g->v.shown_score != g->v.score)
        next = 16;
    if (g->v.toast != TOAST_NONE && GAME_TOAST_MS - g->toast_ms < next)
        next = GAME_TOAST_MS - g->toast_ms;
    if (g->v.overlay != OVERLAY_NONE)
        return next;
    if (g->v.screen == SCREEN_TITLE && g->v.mode != MODE_ATTRACT) {
        uint32_t left = GAME_ATTRACT_AFTER_MS - g->v.idle_ms;
        return left < next ? left : next;
    }
    if (g->v.mode == MODE_ATTRACT) {
        uint32_t limit = g->v.screen == SCREEN_QUESTION ? ATTRACT_QUESTION_MS : ATTRACT_FEEDBACK_MS;
        uint32_t left = limit > g->attract_ms ? limit - g->attract_ms : 0;
        if (left < next)
            next = left;
    }
    if (g->v.screen == SCREEN_QUESTION && g->timer.running) {
        uint32_t a = timer_until_next_second(&g->timer);
        uint32_t b = timer_until_next_pixel(&g->timer, bar_pixels);
        if (a < next)
            next = a;
        if (b < next)
            next = b;
    }
    return next;
}

GameSound game_take_sound(Game *g)
{
    if (g->sound_count == 0)
        return SOUND_NONE;
    GameSound s = g->sounds[g->sound_head];
    g->sound_head = (g->sound_head + 1) % SOUND_QUEUE;
    g->sound_count--;
    return s;
}

int game_wants_quit(const Game *g)
{
    return g->quit;
}

int game_take_profile_change(Game *g)
{
    int c = g->profile_changed;
    g->profile_changed = 0;
    return c;
}

int game_take_settings_change(Game *g)
{
    int c = g->settings_changed;
    g->settings_changed = 0;
    return c;
}

void game_set_columns(Game *g, int columns)
{
    g->columns = columns > 1 ? columns : 1;
}

void game_set_max_scroll(Game *g, int max_scroll)
{
    g->max_scroll = max_scroll;
    if (max_scroll >= 0 && g->v.scroll > max_scroll) {
        g->v.scroll = max_scroll;
        game_changed(g);
    }
}
