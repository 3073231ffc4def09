/* options.c - the command line (see options.h).
 *
 * Options are declared in one table: its name, whether it takes a value,
 * and what it sets. Help text comes from the same table, so --help cannot
 * drift from what is accepted.
 */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef enum OptKind {
    OPT_COMMAND, /* selects the command */
    OPT_STRING,  /* stores a string */
    OPT_INT,     /* stores a positive int */
    OPT_LONG,    /* stores a positive long, and selects a command */
    OPT_SEED,    /* stores a 64-bit seed */
    OPT_FLAG     /* sets an int to 1 */
} OptKind;

typedef struct OptSpec {
    const char *name;
    OptKind kind;
    Command command; /* OPT_COMMAND, OPT_LONG */
    size_t offset;   /* of the field in Options */
    const char *arg; /* name of the value in --help, or NULL */
    const char *help;
} OptSpec;

#define FIELD(f) offsetof(Options, f)

static const OptSpec option_table[] = {
    {"--corpus", OPT_STRING, CMD_PLAY, FIELD(corpus), "PATH",
     "quiz pack: a .md file or a directory of them (default: the shipped corpus)"},
    {"--list-topics", OPT_COMMAND, CMD_LIST_TOPICS, 0, NULL,
     "print the topics and their question counts"},
    {"--export-json", OPT_COMMAND, CMD_EXPORT_JSON, 0, NULL,
     "print the whole question bank as JSON"},
    {"--check", OPT_COMMAND, CMD_CHECK, 0, NULL,
     "report every problem of the corpus (and levels) as FILE:LINE: message; "
     "exit 1 if not playable"},
    {"--dump-rounds", OPT_COMMAND, CMD_DUMP_ROUNDS, 0, NULL,
     "print generated rounds as JSON Lines, one question per line"},
    {"--topic", OPT_STRING, CMD_PLAY, FIELD(topic), "NAME",
     "with --dump-rounds: only this topic (default: every topic)"},
    {"--level", OPT_INT, CMD_PLAY, FIELD(level), "N", "with --dump-rounds: level (default 1)"},
    {"--seed", OPT_SEED, CMD_PLAY, FIELD(seed), "S",
     "seed of the random generator (default: from the clock; 1 for --dump-rounds and --timedemo)"},
    {"--rounds", OPT_INT, CMD_PLAY, FIELD(rounds), "R",
     "with --dump-rounds: number of rounds per topic (default 1)"},
    {"--levels", OPT_STRING, CMD_PLAY, FIELD(levels), "DIR",
     "level files (default: the shipped levels)"},
    {"--save-dir", OPT_STRING, CMD_PLAY, FIELD(save_dir), "DIR",
     "where progress, scores and settings are saved, made if missing (default: the user's data folder)"},
    {"--timedemo", OPT_LONG, CMD_TIMEDEMO, FIELD(frames), "FRAMES",
     "play a scripted session for FRAMES frames, print timings and exit (saves only with --save-dir)"},
    {"--windowed", OPT_FLAG, CMD_PLAY, FIELD(windowed), NULL, "start in a window"},
    {"--fullscreen", OPT_FLAG, CMD_PLAY, FIELD(fullscreen), NULL, "start in full screen"},
    {"--mute", OPT_FLAG, CMD_PLAY, FIELD(mute), NULL, "no sound this session (the saved mute setting is kept)"},
    {"--help", OPT_COMMAND, CMD_HELP, 0, NULL, "show this help and exit"},
    {"--version", OPT_COMMAND, CMD_VERSION, 0, NULL, "show the version and exit"},
};

static const OptSpec *options_find(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++)
        if (strlen(option_table[i].name) == len && strncmp(option_table[i].name, name, len) == 0)
            return &option_table[i];
    return NULL;
}

static int options_number(const char *s, unsigned long long max, unsigned long long *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

int options_parse(int argc, char **argv, Options *opts, StrBuf *err)
{
    memset(opts, 0, sizeof *opts);
    opts->command = CMD_PLAY;
    opts->level = 1;
    opts->rounds = 1;
    int command_set = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        const OptSpec *spec = options_find(arg, name_len);
        if (!spec) {
            strbuf_printf(err, "unknown option '%s' (try --help)", arg);
            return -1;
        }
        const char *value = NULL;
        if (spec->arg) {
            if (eq)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                strbuf_printf(err, "option %s needs a value (%s)", spec->name, spec->arg);
                return -1;
            }
        } else if (eq) {
            strbuf_printf(err, "option %s takes no value", spec->name);
            return -1;
        }
        char *field = (char *)opts + spec->offset;
        unsigned long long number;
        switch (spec->kind) {
        case OPT_COMMAND:
        case OPT_LONG:
            if (command_set && opts->command != spec->command) {
                strbuf_printf(err, "option %s cannot be combined with another command",
                              spec->name);
                return -1;
            }
            command_set = 1;
            opts->command = spec->command;
            if (spec->kind == OPT_LONG) {
                if (options_number(value, LONG_MAX, &number) != 0 || number == 0) {
                    strbuf_printf(err, "option %s needs a positive whole number, not '%s'",
                                  spec->name, value);
                    return -1;
                }
                *(long *)(void *)field = (long)number;
            }
            break;
        case OPT_STRING:
            if (!*value) {
                strbuf_printf(err, "option %s needs a non-empty value", spec->name);
                return -1;
            }
            *(const char **)(void *)field = value;
            break;
        case OPT_INT:
            if (options_number(value, 1000000, &number) != 0 || number == 0) {
                strbuf_printf(err, "option %s needs a positive whole number, not '%s'",
                              spec->name, value);
                return -1;
            }
            *(int *)(void *)field = (int)number;
            break;
        case OPT_SEED:
            if (options_number(value, UINT64_MAX, &number) != 0) {
                strbuf_printf(err, "option %s needs a whole number from 0 to %llu, not '%s'",
                              spec->name, (unsigned long long)UINT64_MAX, value);
                return -1;
            }
            opts->seed = (uint64_t)number;
            opts->seed_given = 1;
            break;
        case OPT_FLAG:
            *(int *)(void *)field = 1;
            break;
        }
    }
    if (opts->windowed && opts->fullscreen) {
        strbuf_puts(err, "options --windowed and --fullscreen exclude each other");
        return -1;
    }
    return 0;
}

void options_print_help(FILE *out)
{
    fprintf(out, "Usage: quizarcade [OPTION]...\n"
                 "Quiz Arcade: timed multiple-choice rounds from quiz packs written in "
                 "Markdown.\nWith no command option, starts the game.\n\nOptions:\n");
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++) {
        const OptSpec *s = &option_table[i];
        char head[64];
        snprintf(head, sizeof head, "%s%s%s", s->name, s->arg ? " " : "", s->arg ? s->arg : "");
        fprintf(out, "  %-20s %s\n", head, s->help);
    }
    fprintf(out, "\nExit status: 0 on success, 1 when the corpus is not playable or a "
                 "command fails,\n2 for a wrong command line.\n");
}
