/* timer.h - the countdown of a question, in whole milliseconds.
 *
 * Game time only moves when the loop advances it (fixed steps), so pausing,
 * losing focus and the timedemo's simulated clock are all the same thing:
 * not calling timer_advance. The helpers below tell the shell when the
 * display of the timer next changes, so it can sleep until then.
 */
#ifndef QA_TIMER_H
#define QA_TIMER_H

#include <stdint.h>

typedef struct Timer {
    uint32_t limit_ms;   /* 0: no countdown (practice) */
    uint32_t elapsed_ms;
    int running;
} Timer;

void timer_start(Timer *t, uint32_t limit_ms);
void timer_pause(Timer *t);
void timer_resume(Timer *t);
/* Advances a running timer, never past its limit. */
void timer_advance(Timer *t, uint32_t dt_ms);

uint32_t timer_remaining(const Timer *t);
int timer_expired(const Timer *t);
/* Whole seconds shown to the player: the remaining time rounded up. */
unsigned timer_seconds_left(const Timer *t);
/* Remaining fraction in 1/65536ths (65536 = full), for drawing the bar. */
uint32_t timer_fraction(const Timer *t);
/* Milliseconds until the shown seconds change (UINT32_MAX if never). */
uint32_t timer_until_next_second(const Timer *t);
/* Milliseconds until a bar of `pixels` width loses its next pixel. */
uint32_t timer_until_next_pixel(const Timer *t, unsigned pixels);

#endif
