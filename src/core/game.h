/* game.h - the game's rules as a state machine: screens, rounds, modes.
 *
 * The shell feeds it abstract actions (from keyboard, mouse, touch or
 * gamepad alike) and the passing of time in fixed steps; it reads back a
 * view of the state to draw, and sounds to play. Nothing here knows about
 * SDL, windows or wall-clock time, so a test (or the timedemo) drives a
 * whole game with scripted actions.
 *
 * Screens: title (with an attract mode when left alone), topics, levels,
 * question, feedback, results, initials (arcade-style high-score entry),
 * high scores and settings, with pause and quit-confirmation overlays.
 * Modes: topic levels, arcade (all topics, three lives, faster as the
 * streak grows), practice (no timer, no lives, spaced repetition) and the
 * daily challenge (the same questions everywhere for a calendar day).
 */
#ifndef QA_GAME_H
#define QA_GAME_H

#include "bank.h"
#include "levels.h"
#include "profile.h"
#include "round.h"
#include "timer.h"

#include <stddef.h>
#include <stdint.h>

typedef enum ActionType {
    ACTION_NONE,
    ACTION_UP,
    ACTION_DOWN,
    ACTION_LEFT,
    ACTION_RIGHT,
    ACTION_CONFIRM,     /* Enter, Space, gamepad A, click on the focus */
    ACTION_BACK,        /* Esc, gamepad B */
    ACTION_PAUSE,       /* Esc during play, gamepad Start */
    ACTION_CHOOSE,      /* index: pick entry `index` at once (click, tap);
                           on the initials screen 0-2 pick a letter, 3 is OK */
    ACTION_HOVER,       /* index: the pointer is over entry `index` */
    ACTION_CHAR,        /* index: a typed character ('1'..'5', 'a'..'e', letters) */
    ACTION_SCROLL,      /* index: lines to scroll, negative up */
    ACTION_MUTE,
    ACTION_FOCUS_LOST,
    ACTION_FOCUS_GAINED
} ActionType;

typedef struct Action {
    ActionType type;
    int index;
} Action;

typedef enum GameSound {
    SOUND_NONE,
    SOUND_MOVE,
    SOUND_SELECT,
    SOUND_RIGHT,
    SOUND_WRONG,
    SOUND_TIMEOUT,
    SOUND_TICK,
    SOUND_COMPLETE,
    SOUND_HIGHSCORE,
    SOUND_COUNT
} GameSound;

typedef enum Screen {
    SCREEN_TITLE,
    SCREEN_TOPICS,
    SCREEN_LEVELS,
    SCREEN_QUESTION,
    SCREEN_FEEDBACK,
    SCREEN_RESULTS,
    SCREEN_INITIALS,
    SCREEN_SCORES,
    SCREEN_SETTINGS,
    SCREEN_COUNT
} Screen;

typedef enum Overlay {
    OVERLAY_NONE,
    OVERLAY_PAUSE,   /* Resume, Quit round */
    OVERLAY_CONFIRM  /* Yes / No: quit the round, or the game from the title */
} Overlay;

typedef enum GameMode {
    MODE_LEVEL,
    MODE_ARCADE,
    MODE_PRACTICE,
    MODE_DAILY,
    MODE_ATTRACT
} GameMode;

/* Entries of the title menu, in order. */
typedef enum TitleEntry {
    TITLE_PLAY,
    TITLE_ARCADE,
    TITLE_PRACTICE,
    TITLE_DAILY,
    TITLE_SCORES,
    TITLE_SETTINGS,
    TITLE_QUIT,
    TITLE_COUNT
} TitleEntry;

/* Entries of the settings screen. */
typedef enum SettingEntry {
    SETTING_VOLUME,
    SETTING_MUTE,
    SETTING_FULLSCREEN,
    SETTING_TIMER,
    SETTING_BACK,
    SETTING_COUNT
} SettingEntry;

/* Entries of the results screen's menu. */
typedef enum ResultEntry {
    RESULT_AGAIN,  /* play again (next level when one was opened) */
    RESULT_MENU,   /* back to the topics, or the title */
    RESULT_COUNT
} ResultEntry;

/* What a finished round achieved, for the results screen. */
typedef struct RoundResult {
    unsigned score;
    unsigned right, asked;
    unsigned best_streak;
    uint32_t time_ms;
    unsigned stars;       /* topic levels */
    int passed;           /* topic levels */
    int opened_next;      /* the next level was opened by this round */
    int mastered;         /* the topic's last level is passed */
    int new_best;         /* best score of this level / mode on this machine */
    int rank;             /* place in the high-score table, -1 if none */
    int recorded;         /* 0 when the timer was off, or a daily replay */
} RoundResult;

/* A short notice over any screen, for GAME_TOAST_MS after what caused it. */
typedef enum Toast { TOAST_NONE, TOAST_MUTED, TOAST_UNMUTED, TOAST_LOCKED } Toast;
enum { GAME_TOAST_MS = 1500 };

/* Everything the shell draws. Plain data owned by the game; valid until
 * the next game_handle or game_update. */
typedef struct GameView {
    Screen screen;
    Overlay overlay;
    int overlay_sel;            /* selected entry of the overlay */
    int confirm_quit_game;      /* the confirmation is about quitting the game */
    GameMode mode;
    int selected;               /* the screen's highlighted entry */
    int scroll;                 /* first visible line/entry of a list */
    Toast toast;                /* shown over the screen for a moment */
    unsigned toast_level;       /* TOAST_LOCKED: the level to pass first */
    uint32_t idle_ms;           /* time without input (title -> attract) */
    uint32_t transition_ms;     /* time since the screen changed */

    /* topics and levels */
    size_t topic;               /* the chosen topic (SIZE_MAX: all) */
    unsigned level;             /* 1-based */
    const Ladder *ladder;       /* of the chosen topic */
    RoundParams plays[LADDER_MAX]; /* how each level of the ladder plays with
                                   this bank (round_plays): fewer questions
                                   or options, or fewer kinds, than the
                                   ladder asks when the topic lacks them */

    /* the round */
    const Round *round;
    size_t index;               /* question being asked, 0-based */
    const RoundItem *item;      /* round->items + index */
    const Timer *timer;
    int timed;                  /* the question has a countdown */
    int picked;                 /* FEEDBACK: option picked, -1 on time-out */
    int right;                  /* FEEDBACK: the pick was right */
    unsigned points;            /* FEEDBACK: points this answer earned */
    unsigned score;             /* score so far */
    unsigned shown_score;       /* score as animated towards score */
    unsigned streak, best_streak;
    unsigned answered, correct;
    unsigned lives;             /* arcade and levels with lives: left */
    unsigned max_lives;         /* 0: no lives */
    unsigned total;             /* questions in the round (0: endless) */
    uint32_t play_ms;           /* time spent on questions this round */
    const char *daily_date;     /* MODE_DAILY: "YYYY-MM-DD" */
    int daily_replay;           /* today's daily was already scored */

    RoundResult result;         /* RESULTS, INITIALS */
    int initials_done;          /* RESULTS: the initials for result.rank
                                   were entered; the table holds them */
    char initials[4];           /* INITIALS: being entered */
    int initials_pos;           /* INITIALS: 0 to 2 */
    const char *score_table;    /* SCORES, INITIALS: the table shown */
    const char *arcade_table;   /* the tables of this pack's arcade and daily */
    const char *daily_table;    /* scores (see game_set_pack) */
    int score_browsing;         /* SCORES: left/right show the other tables (not
                                   after a round, which shows its own table) */
} GameView;

typedef struct Game Game;

/* The bank, levels and profile must outlive the game; the game changes the
 * profile (progress, scores, history, settings) and never frees it. today is
 * the local calendar day (days since 1970-01-01) for the daily challenge
 * and the dates of high scores. */
Game *game_new(const Bank *bank, const Levels *levels, Profile *profile, uint64_t seed,
               uint32_t today);
void game_free(Game *g);

/* Names the quiz pack being played, other than the shipped corpus (NULL
 * or "" for that one). A pack's arcade and daily scores go to tables of
 * their own, "arcade:PACK" and "daily:PACK", so that a short pack of easy
 * questions never tops the shipped corpus's tables; and the scores screen
 * pages through this pack's tables and its topics' level tables only.
 * Control characters in the name become '?'. */
void game_set_pack(Game *g, const char *pack);

/* Handles one action. */
void game_handle(Game *g, Action a);
/* Advances game time by dt_ms: the countdown, animations, the attract
 * mode. Call with fixed steps. */
void game_update(Game *g, uint32_t dt_ms);

const GameView *game_view(const Game *g);
/* Counts every change a player could see; redraw when it moves. */
uint64_t game_version(const Game *g);
/* Milliseconds of game time until the view changes by itself, for a loop
 * that sleeps until then (UINT32_MAX: not until some input). A bar of
 * bar_pixels width is taken into account for the countdown. */
uint32_t game_next_change(const Game *g, unsigned bar_pixels);

/* Takes the next sound to play; SOUND_NONE when there is none. */
GameSound game_take_sound(Game *g);
/* The player asked to quit (and confirmed). */
int game_wants_quit(const Game *g);
/* A setting changed (volume, mute, fullscreen): the shell applies them. */
int game_take_settings_change(Game *g);
/* The profile changed in a way worth saving now (a round's results, a
 * high score, settings). */
int game_take_profile_change(Game *g);

/* The shell tells how far the current view can scroll (feedback's
 * explanation), so that scrolling past the end does nothing. */
void game_set_max_scroll(Game *g, int max_scroll);
/* ... and in how many columns the question's options are laid out, in
 * reading order (1 or 2): up and down then move within a column, left and
 * right across a row, as a d-pad expects. */
void game_set_columns(Game *g, int columns);

/* Names of the high-score tables the game uses. */
void game_level_table(const char *topic, unsigned level, char *out, size_t size);
/* The other way: the topic (into topic, size bytes) and level of a level
 * table's name. Returns 0, or -1 when table is not a level table's name. */
int game_table_level(const char *table, char *topic, size_t size, unsigned *level);
#define GAME_TABLE_ARCADE "arcade"
#define GAME_TABLE_DAILY PROFILE_DAILY_TABLE

/* Milliseconds of no input on the title before the attract mode starts. */
enum { GAME_ATTRACT_AFTER_MS = 30000 };

#endif
