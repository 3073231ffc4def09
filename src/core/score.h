/* score.h - points for an answer, as the best-known live quiz games score.
 *
 * A right answer earns 1000 x (1 - (t/T)/2), rounded: from 1000 for an
 * instant answer down to 500 at the buzzer. Each right answer in a row after
 * the first adds a streak bonus of 100 more, up to 500. A wrong answer or a
 * time-out earns nothing and ends the streak. Integer arithmetic only.
 */
#ifndef QA_SCORE_H
#define QA_SCORE_H

#include <stdint.h>

enum {
    SCORE_MAX = 1000,
    SCORE_STREAK_STEP = 100,
    SCORE_STREAK_MAX = 500
};

/* Points for a right answer given after elapsed_ms of limit_ms (a limit of
 * 0, no timer, earns the full points). */
unsigned score_time_points(uint32_t elapsed_ms, uint32_t limit_ms);

/* Bonus for the streak-th right answer in a row (1 for the first). */
unsigned score_streak_bonus(unsigned streak);

/* Total for a right answer that makes the streak `streak`. */
unsigned score_answer(uint32_t elapsed_ms, uint32_t limit_ms, unsigned streak);

#endif
