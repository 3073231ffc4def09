/* screens.c - the table from screens to their builders (see screens.h). */
#include "screens.h"

typedef void (*ScreenBuild)(Ui *ui, const GameView *v, const ScreenCtx *ctx);

static const ScreenBuild screen_builders[SCREEN_COUNT] = {
    [SCREEN_TITLE] = screen_title,       [SCREEN_TOPICS] = screen_topics,
    [SCREEN_LEVELS] = screen_levels,     [SCREEN_QUESTION] = screen_question,
    [SCREEN_FEEDBACK] = screen_feedback, [SCREEN_RESULTS] = screen_results,
    [SCREEN_INITIALS] = screen_initials, [SCREEN_SCORES] = screen_scores,
    [SCREEN_SETTINGS] = screen_settings,
};

void feedback_free(void);
void question_free(void);

void screens_free(void)
{
    feedback_free();
    question_free();
}

int screens_hide_question(const GameView *v)
{
    return v->screen == SCREEN_QUESTION && v->overlay != OVERLAY_NONE && v->timed;
}

void screens_build(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    scene_begin(ui);
    if (v->screen < SCREEN_COUNT && screen_builders[v->screen] && !screens_hide_question(v))
        screen_builders[v->screen](ui, v, ctx);
    screen_overlay(ui, v, ctx);
    screen_toast(ui, v, ctx);
}
