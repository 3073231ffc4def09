/* timer.c - the countdown of a question (see timer.h). */
#include "timer.h"

void timer_start(Timer *t, uint32_t limit_ms)
{
    t->limit_ms = limit_ms;
    t->elapsed_ms = 0;
    t->running = limit_ms > 0;
}

void timer_pause(Timer *t)
{
    t->running = 0;
}

void timer_resume(Timer *t)
{
    t->running = t->limit_ms > 0 && t->elapsed_ms < t->limit_ms;
}

void timer_advance(Timer *t, uint32_t dt_ms)
{
    if (!t->running)
        return;
    uint32_t left = t->limit_ms - t->elapsed_ms;
    t->elapsed_ms += dt_ms < left ? dt_ms : left;
    if (t->elapsed_ms >= t->limit_ms)
        t->running = 0;
}

uint32_t timer_remaining(const Timer *t)
{
    return t->limit_ms > t->elapsed_ms ? t->limit_ms - t->elapsed_ms : 0;
}

int timer_expired(const Timer *t)
{
    return t->limit_ms > 0 && t->elapsed_ms >= t->limit_ms;
}

unsigned timer_seconds_left(const Timer *t)
{
    return (timer_remaining(t) + 999) / 1000;
}

uint32_t timer_fraction(const Timer *t)
{
    if (t->limit_ms == 0)
        return 65536;
    return (uint32_t)(((uint64_t)timer_remaining(t) << 16) / t->limit_ms);
}

uint32_t timer_until_next_second(const Timer *t)
{
    uint32_t left = timer_remaining(t);
    if (!t->running || left == 0)
        return UINT32_MAX;
    uint32_t into = left % 1000;
    return into ? into : 1000;
}

uint32_t timer_until_next_pixel(const Timer *t, unsigned pixels)
{
    uint32_t left = timer_remaining(t);
    if (!t->running || left == 0 || pixels == 0)
        return UINT32_MAX;
    /* The bar shows ceil(left * pixels / limit) pixels; find when that
     * drops by one: the largest remaining time with one pixel fewer. */
    uint64_t shown = ((uint64_t)left * pixels + t->limit_ms - 1) / t->limit_ms;
    uint64_t below = (shown - 1) * t->limit_ms / pixels;
    return left > below ? (uint32_t)(left - below) : 1;
}
