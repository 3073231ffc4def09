/* shell.h - the game itself: window, input, sound and the frame loop.
 *
 * The only entry point of the SDL side. Returns the process exit status.
 */
#ifndef QA_SHELL_H
#define QA_SHELL_H

#include "../options.h"

int shell_run(const Options *opts);

#endif
