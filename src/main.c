/* main.c - the front door: parses the command line and hands over to the
 * text commands (core only) or to the game (the SDL shell, loaded as a
 * module: see launch.h).
 *
 * exit() lives here only: everything below returns a status.
 */
#include "commands.h"
#include "options.h"
#include "launch.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    Options opts;
    StrBuf err = {0};
    if (options_parse(argc, argv, &opts, &err) != 0) {
        fprintf(stderr, "quizarcade: %s\n", strbuf_str(&err));
        strbuf_free(&err);
        return 2;
    }
    strbuf_free(&err);
    opts.start_ms = (double)start.tv_sec * 1e3 + (double)start.tv_nsec / 1e6;
    switch (opts.command) {
    case CMD_HELP:
        options_print_help(stdout);
        return fflush(stdout) == 0 ? 0 : 1;
    case CMD_VERSION:
        printf("quizarcade %s\n", QA_VERSION);
        return fflush(stdout) == 0 ? 0 : 1;
    case CMD_PLAY:
    case CMD_TIMEDEMO:
        return launch_game(&opts);
    default:
        return commands_run(&opts, stdout, stderr);
    }
}
