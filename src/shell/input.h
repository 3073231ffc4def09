/* input.h - keyboard, mouse, touch and gamepad events to the game's actions.
 *
 * Every device maps to the same abstract actions, so every screen works
 * with a keyboard alone and with a gamepad alone. Pointer events (mouse,
 * touch) are hit-tested against the current scene. Requests that are the
 * shell's own business (quit, full screen, a new window size) come back as
 * flags.
 */
#ifndef QA_SHELL_INPUT_H
#define QA_SHELL_INPUT_H

#include "../core/game.h"
#include "ui.h"

#include <SDL.h>

enum { INPUT_MAX_PADS = 8, INPUT_MAX_ACTIONS = 4 };

typedef enum InputRequest {
    REQUEST_QUIT = 1,
    REQUEST_FULLSCREEN = 2, /* toggle */
    REQUEST_RESIZED = 4,
    REQUEST_REDRAW = 8
} InputRequest;

typedef struct Input {
    SDL_GameController *pads[INPUT_MAX_PADS];
    int stick_x, stick_y; /* -1, 0, 1: the left stick's held direction */
    int hover;            /* last hover index sent */
    float scale_x, scale_y; /* window coordinates to renderer pixels */
    /* Touch: a tap clicks when the finger lifts; a drag scrolls instead. */
    int touching;
    SDL_FingerID finger;
    int touch_x, touch_y;   /* where the finger went down, renderer pixels */
    float drag;             /* vertical travel not yet scrolled, pixels */
    int dragged;            /* the finger moved: no click on lifting */
} Input;

void input_open(Input *in);
void input_close(Input *in);
/* Translates one event into actions (returns how many) and requests. */
int input_event(Input *in, const SDL_Event *e, const Ui *ui, const GameView *v,
                Action out[INPUT_MAX_ACTIONS], unsigned *requests);

#endif
