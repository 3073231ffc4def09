/* options.h - the command line, parsed into a plain struct.
 *
 * The command line is a stable interface (tests, authors and scripts rely
 * on it), so it is parsed in one place and tested without running anything.
 */
#ifndef QA_OPTIONS_H
#define QA_OPTIONS_H

#include "core/strbuf.h"

#include <stdint.h>
#include <stdio.h>

typedef enum Command {
    CMD_PLAY,        /* the game (default) */
    CMD_LIST_TOPICS,
    CMD_EXPORT_JSON,
    CMD_CHECK,
    CMD_DUMP_ROUNDS,
    CMD_TIMEDEMO,
    CMD_HELP,
    CMD_VERSION
} Command;

typedef struct Options {
    Command command;
    const char *corpus;    /* --corpus PATH, NULL for the shipped corpus */
    const char *levels;    /* --levels DIR, NULL for the shipped levels */
    const char *save_dir;  /* --save-dir DIR, NULL for the platform's place */
    const char *topic;     /* --topic NAME, NULL for every topic */
    int level;             /* --level N, 1 by default */
    uint64_t seed;         /* --seed S */
    int seed_given;
    int rounds;            /* --rounds R, 1 by default */
    long frames;           /* --timedemo FRAMES */
    int windowed;          /* --windowed */
    int fullscreen;        /* --fullscreen */
    int mute;              /* --mute */
    double start_ms;       /* set by main: CLOCK_MONOTONIC at entry, in ms */
} Options;

/* Parses argv. Returns 0, or -1 with a one-line message in err. */
int options_parse(int argc, char **argv, Options *opts, StrBuf *err);

/* Prints the usage text (every option, one line each). */
void options_print_help(FILE *out);

#define QA_VERSION "0.1.0"

#endif
