/* score.c - points for an answer (see score.h). */
#include "score.h"

unsigned score_time_points(uint32_t elapsed_ms, uint32_t limit_ms)
{
    if (limit_ms == 0)
        return SCORE_MAX;
    if (elapsed_ms > limit_ms)
        elapsed_ms = limit_ms;
    /* floor(1000 - 500 t / T + 1/2), all over 2T to stay in integers. */
    uint64_t T = limit_ms, t = elapsed_ms;
    return (unsigned)((2 * SCORE_MAX * T - SCORE_MAX * t + T) / (2 * T));
}

unsigned score_streak_bonus(unsigned streak)
{
    if (streak <= 1)
        return 0;
    unsigned bonus = (streak - 1) * SCORE_STREAK_STEP;
    return bonus < SCORE_STREAK_MAX ? bonus : SCORE_STREAK_MAX;
}

unsigned score_answer(uint32_t elapsed_ms, uint32_t limit_ms, unsigned streak)
{
    return score_time_points(elapsed_ms, limit_ms) + score_streak_bonus(streak);
}
