/* demo.c - a scripted player (see demo.h). */
#include "demo.h"

void demo_init(Demo *d, uint64_t seed)
{
    d->last_key = UINT64_MAX;
    d->wait_ms = 0;
    d->waited_ms = 0;
    d->let_time_out = 0;
    d->pause_left = 1;
    d->scrolled = 0;
    d->title_turn = 0;
    d->rounds = 0;
    rng_seed(&d->rng, seed, 0xDE30);
}

/* A number identifying what is on screen, to notice changes. */
static uint64_t demo_key(const GameView *v)
{
    return ((uint64_t)v->screen << 40) ^ ((uint64_t)v->overlay << 36) ^
           ((uint64_t)v->index << 8) ^ ((uint64_t)v->answered << 20) ^
           (uint64_t)(v->initials_pos & 0xFF);
}

static uint32_t demo_between(Demo *d, uint32_t lo, uint32_t hi)
{
    return lo + rng_below(&d->rng, hi - lo + 1);
}

static Action demo_act(ActionType t, int index)
{
    Action a = {t, index};
    return a;
}

/* Decides, on arrival at a screen, how long to look at it. */
static void demo_arrive(Demo *d, const GameView *v)
{
    d->waited_ms = 0;
    switch (v->screen) {
    case SCREEN_QUESTION:
        if (v->overlay != OVERLAY_NONE) {
            d->wait_ms = demo_between(d, 300, 900);
            break;
        }
        d->let_time_out = v->timed && rng_below(&d->rng, 8) == 0;
        d->wait_ms = demo_between(d, 700, 6000);
        break;
    case SCREEN_FEEDBACK:
        d->scrolled = 0;
        d->wait_ms = demo_between(d, 600, 2500);
        break;
    case SCREEN_RESULTS:
        d->pause_left = 1;
        d->rounds++;
        d->wait_ms = demo_between(d, 1000, 2000);
        break;
    default:
        d->wait_ms = demo_between(d, 250, 800);
        break;
    }
}

Action demo_next(Demo *d, const GameView *v, uint32_t dt)
{
    uint64_t key = demo_key(v);
    if (key != d->last_key) {
        d->last_key = key;
        demo_arrive(d, v);
    }
    d->waited_ms += dt;
    if (d->waited_ms < d->wait_ms)
        return demo_act(ACTION_NONE, 0);
    d->waited_ms = 0;
    d->wait_ms = demo_between(d, 250, 700);

    if (v->overlay == OVERLAY_PAUSE)
        return demo_act(ACTION_CONFIRM, 0); /* Resume */
    if (v->overlay == OVERLAY_CONFIRM)
        return demo_act(ACTION_BACK, 0);
    switch (v->screen) {
    case SCREEN_TITLE: {
        static const TitleEntry turns[] = {TITLE_PLAY, TITLE_ARCADE, TITLE_PLAY,
                                           TITLE_PRACTICE, TITLE_DAILY, TITLE_SCORES,
                                           TITLE_SETTINGS};
        d->rounds = 0;
        TitleEntry e = turns[d->title_turn++ % (sizeof turns / sizeof *turns)];
        return demo_act(ACTION_CHOOSE, (int)e);
    }
    case SCREEN_TOPICS:
        if (d->rounds > 0)
            return demo_act(ACTION_BACK, 0); /* on to another mode */
        if (rng_below(&d->rng, 3) == 0)
            return demo_act(ACTION_DOWN, 0);
        return demo_act(ACTION_CONFIRM, 0);
    case SCREEN_LEVELS:
        if (d->rounds > 0)
            return demo_act(ACTION_BACK, 0);
        return demo_act(ACTION_CONFIRM, 0);
    case SCREEN_QUESTION: {
        if (d->pause_left > 0) {
            d->pause_left--;
            return demo_act(ACTION_PAUSE, 0);
        }
        if (d->let_time_out)
            return demo_act(ACTION_NONE, 0);
        const RoundItem *it = v->item;
        int pick = (int)it->answer;
        if (rng_below(&d->rng, 10) >= 7 && it->option_count > 1)
            pick = (pick + 1 + (int)rng_below(&d->rng, it->option_count - 1)) %
                   (int)it->option_count;
        if (rng_below(&d->rng, 2) == 0)
            return demo_act(ACTION_CHAR, '1' + pick);
        return demo_act(ACTION_CHOOSE, pick);
    }
    case SCREEN_FEEDBACK:
        if (!d->scrolled) {
            d->scrolled = 1;
            return demo_act(ACTION_SCROLL, 2);
        }
        return demo_act(ACTION_CONFIRM, 0);
    case SCREEN_RESULTS:
        return demo_act(ACTION_CHOOSE, rng_below(&d->rng, 2) ? RESULT_MENU : RESULT_AGAIN);
    case SCREEN_INITIALS:
        if (v->initials_pos < 2)
            return demo_act(ACTION_CHAR, 'A' + (int)rng_below(&d->rng, 26));
        return demo_act(ACTION_CONFIRM, 0);
    case SCREEN_SCORES:
        if (v->score_table && rng_below(&d->rng, 2))
            return demo_act(ACTION_RIGHT, 0); /* page through the tables */
        return demo_act(ACTION_CONFIRM, 0);
    case SCREEN_SETTINGS:
        if (v->selected == SETTING_VOLUME && rng_below(&d->rng, 2))
            return demo_act(ACTION_DOWN, 0);
        return demo_act(ACTION_BACK, 0);
    default:
        return demo_act(ACTION_NONE, 0);
    }
}
