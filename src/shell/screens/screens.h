/* screens.h - one file per screen; each builds its scene from the view.
 *
 * A screen's whole interface is one function, screen_NAME(ui, view, ctx):
 * it lays out what the player sees (text, boxes, the timer bar) and the
 * regions a pointer can hit, in design units (see ui.h). It reads the view
 * and changes nothing in the game: input goes the other way, through
 * actions. screens_build picks the screen and adds the overlay on top.
 */
#ifndef QA_SHELL_SCREENS_H
#define QA_SHELL_SCREENS_H

#include "../../core/bank.h"
#include "../../core/game.h"
#include "../../core/levels.h"
#include "../../core/profile.h"
#include "../ui.h"

typedef struct ScreenCtx {
    const Bank *bank;
    const Profile *profile;
    const Levels *levels;
    const char *corpus_name; /* shown on the title */
    int session_muted;       /* --mute: silent this session, whatever the setting */
    const char *save_problem; /* why progress is not being saved; NULL or "" when it is */
    size_t corpus_warnings;   /* problems found reading the corpus (--check lists them) */
} ScreenCtx;

void screens_build(Ui *ui, const GameView *v, const ScreenCtx *ctx);
/* A timed question under an overlay (the clock is stopped) is not drawn:
 * pausing is no time to think. */
int screens_hide_question(const GameView *v);
/* Releases what the screens keep between builds (laid-out text). */
void screens_free(void);

void screen_title(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_topics(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_levels(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_question(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_feedback(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_results(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_initials(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_scores(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_settings(Ui *ui, const GameView *v, const ScreenCtx *ctx);
void screen_overlay(Ui *ui, const GameView *v, const ScreenCtx *ctx);
/* A moment's notice over everything (sound on/off), at the bottom. */
void screen_toast(Ui *ui, const GameView *v, const ScreenCtx *ctx);

/* ---- widgets shared by the screens (common.c) ---- */

enum { UI_MARGIN = 20 };

/* A click that chooses entry i, and hovering that highlights it. */
Action ui_choose(int i);
/* A heading line at y (units); returns the y below it. */
double ui_heading(Ui *ui, const char *text, const char *sub, double y);
/* A vertical menu of entries at (x, y) units, each h high; entry
 * `selected` highlighted; hits choose entry first + i. */
void ui_menu(Ui *ui, const char *const *entries, int count, int selected, double x, double y,
             double w, double h, double text_units);
/* The status bar of a round: where, how far, score, streak, lives. */
void ui_round_bar(Ui *ui, const GameView *v, const ScreenCtx *ctx);
/* A small button in the top right corner that sends an action (Back,
 * Pause): for the mouse and touch, which have no Esc. */
void ui_corner_button(Ui *ui, const char *label, ActionType type);
/* The same at the right end of the hint line (the question's Pause). */
void ui_hint_button(Ui *ui, const char *label, ActionType type);
/* A hint line at the bottom. */
void ui_hint(Ui *ui, const char *text);
/* When progress is not being saved, one line at y (units) that says why. */
void ui_save_problem(Ui *ui, const ScreenCtx *ctx, double y);
/* Copies text into out, cut with "..." to fit max_w pixels. */
void ui_fit_text(Ui *ui, Face face, int px, const char *text, int max_w, char *out, size_t size);
/* "1,234". */
void ui_thousands(unsigned n, char *out, size_t size);
/* Stars as "★★☆". */
void ui_stars(unsigned stars, unsigned max, char *out, size_t size);
/* What a round is called on screen: the topic, "Arcade", ... */
const char *ui_round_name(const GameView *v, const ScreenCtx *ctx, char *buf, size_t size);
/* A table name ("level:Functions:2") as a title ("Functions - level 2"). */
void ui_table_title(const char *table, char *out, size_t size);

#endif
