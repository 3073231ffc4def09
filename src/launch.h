/* launch.h - starts the game, which lives in a module of its own.
 *
 * The SDL side (window, sound, fonts) and the ~80 libraries SDL2_mixer pulls
 * in take about 11 ms just to load. The text commands (--list-topics,
 * --export-json, --check, --dump-rounds) never use them, so the executable
 * does not link them: the game is the module quizarcade-game.so, loaded
 * with dlopen only when a window is wanted.
 */
#ifndef QA_LAUNCH_H
#define QA_LAUNCH_H

#include "options.h"

/* Loads the game module and runs it. Returns the exit status. */
int launch_game(const Options *opts);

#endif
