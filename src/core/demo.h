/* demo.h - a scripted player, for the timedemo and for tests.
 *
 * Plays the game through its actions only, as a person would: waits a
 * while on each screen, picks a mode from the title in turn (topic levels,
 * arcade, practice, daily), answers right or wrong, now and then lets the
 * timer run out, pauses and resumes, scrolls an explanation, enters
 * initials. Every choice comes from its own seeded generator, so a seed
 * replays the same session exactly.
 */
#ifndef QA_DEMO_H
#define QA_DEMO_H

#include "game.h"
#include "rng.h"

typedef struct Demo {
    Rng rng;
    uint64_t last_key;  /* what the player last saw */
    uint32_t wait_ms;   /* how long to look at it before acting */
    uint32_t waited_ms;
    int let_time_out;   /* this question: wait for the buzzer */
    int pause_left;     /* pauses still to make in this round */
    int scrolled;       /* the explanation was scrolled */
    unsigned title_turn;
    unsigned rounds;    /* rounds finished since the title */
} Demo;

void demo_init(Demo *d, uint64_t seed);

/* The player's next action after dt_ms more of game time looking at v;
 * ACTION_NONE while it is thinking. */
Action demo_next(Demo *d, const GameView *v, uint32_t dt_ms);

#endif
