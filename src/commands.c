/* commands.c - the text commands of the command line (see commands.h). */
#include "commands.h"
#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"
#include "core/levels.h"
#include "core/round.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "paths.h"

#include <cjson/cJSON.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *commands_corpus_path(const Options *opts, FILE *err)
{
    if (opts->corpus)
        return strdup(opts->corpus);
    char *root = paths_data_root();
    if (!root) {
        fprintf(err, "quizarcade: the shipped corpus (assets/corpus/python-interview.md) "
                     "was not found next to the executable nor in the install folder; "
                     "use --corpus PATH\n");
        return NULL;
    }
    char *path = paths_join(root, "assets/corpus/python-interview.md");
    free(root);
    return path;
}

/* Loads the corpus for a command that needs a playable bank. Errors are
 * printed; warnings are summed up in one line. */
static Bank *commands_load(const Options *opts, FILE *err)
{
    char *path = commands_corpus_path(opts, err);
    if (!path)
        return NULL;
    Diagnostics *diag = diag_new();
    Bank *bank = corpus_load(path, diag);
    diag_print(diag, err, DIAG_ERROR);
    size_t warnings = diag_total(diag, DIAG_WARNING);
    if (warnings)
        fprintf(err, "quizarcade: %s: %zu warning%s while reading (--check shows them, "
                     "and checks rounds and levels too)\n",
                path, warnings, warnings == 1 ? "" : "s");
    if (!corpus_is_playable(bank)) {
        fprintf(err, "quizarcade: %s: no playable questions (a round needs at least 2)\n",
                path);
        bank_free(bank);
        bank = NULL;
    }
    diag_free(diag);
    free(path);
    return bank;
}

static int commands_flush(FILE *out, FILE *err)
{
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(err, "quizarcade: cannot write the output\n");
        return 1;
    }
    return 0;
}

/* The level files: --levels DIR, or the shipped ones when they are there.
 * Problems go to diag. Never NULL. */
static Levels *commands_levels(const Options *opts, Diagnostics *diag)
{
    Levels *levels = levels_new();
    if (opts->levels) {
        levels_load_dir(levels, opts->levels, diag);
        return levels;
    }
    /* The shipped levels sit with the shipped data, found by its corpus or,
     * in an install that lacks it, by its fonts. */
    char *root = paths_data_root();
    if (!root)
        root = paths_data_root_with(PATHS_FONT, NULL);
    if (root) {
        char *dir = paths_join(root, "levels");
        struct stat st;
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
            levels_load_dir(levels, dir, diag);
        free(dir);
        free(root);
    }
    return levels;
}

/* Level files checked against the corpus: every ladder's topic exists
 * (only for level files the user named: the shipped ones are for the
 * shipped corpus, and another pack simply does not use them), and rounds
 * are no longer than their topic. */
static void commands_check_levels(const Levels *levels, const Bank *bank, int named,
                                  Diagnostics *diag)
{
    for (size_t i = 0; i < levels_count(levels); i++) {
        const char *topic = levels_topic(levels, i);
        long t = bank_find_topic(bank, topic);
        if (t < 0) {
            if (named)
                diag_add(diag, DIAG_WARNING, levels_file(levels, i), 0,
                         "topic \"%s\" is not in the corpus: this ladder is not used", topic);
            continue;
        }
        const Ladder *l = levels_for(levels, topic);
        size_t size = bank_topic_size(bank, (size_t)t);
        for (unsigned k = 0; k < l->count; k++)
            if (l->levels[k].questions > size)
                diag_add(diag, DIAG_NOTE, levels_file(levels, i), 0,
                         "level %u asks %u questions but \"%s\" has %zu: its rounds have %zu", k + 1,
                         l->levels[k].questions, topic, size, size);
    }
}

int command_list_topics(const Options *opts, FILE *out, FILE *err)
{
    Bank *bank = commands_load(opts, err);
    if (!bank)
        return 1;
    char total[64];
    snprintf(total, sizeof total, "Total (%zu topic%s)", bank_topic_count(bank),
             bank_topic_count(bank) == 1 ? "" : "s");
    size_t width = strlen(total);
    for (size_t t = 0; t < bank_topic_count(bank); t++) {
        const char *name = bank_topic_name(bank, t);
        size_t w = utf8_count(name, strlen(name));
        if (w > width)
            width = w;
    }
    fprintf(out, "%-*s  %9s\n", (int)width, "Topic", "Questions");
    for (size_t t = 0; t < bank_topic_count(bank); t++) {
        const char *name = bank_topic_name(bank, t);
        /* printf pads by bytes; pad by characters so UTF-8 names align. */
        size_t w = utf8_count(name, strlen(name));
        fprintf(out, "%s%*s  %9zu\n", name, (int)(width - w), "", bank_topic_size(bank, t));
    }
    fprintf(out, "%-*s  %9zu\n", (int)width, total, bank_question_count(bank));
    bank_free(bank);
    return commands_flush(out, err);
}

int command_export_json(const Options *opts, FILE *out, FILE *err)
{
    Bank *bank = commands_load(opts, err);
    if (!bank)
        return 1;
    int rc = bank_write_json(bank, out) == 0 ? 0 : 1;
    bank_free(bank);
    return rc ? (fprintf(err, "quizarcade: cannot write the output\n"), 1)
              : commands_flush(out, err);
}

int command_check(const Options *opts, FILE *out, FILE *err)
{
    char *path = commands_corpus_path(opts, err);
    if (!path)
        return 1;
    Diagnostics *diag = diag_new();
    Bank *bank = corpus_load(path, diag);
    /* Small topics are reported by roundgen_check below, which knows how
     * many options each question really gets. */
    Levels *levels = commands_levels(opts, diag);
    /* Ladders are checked against the corpus they are for: the ones the
     * user named, or the shipped ones with the shipped corpus. */
    commands_check_levels(levels, bank, opts->levels != NULL || opts->corpus == NULL, diag);
    levels_free(levels);
    size_t askable = 0;
    if (bank_question_count(bank) > 0) {
        RoundGen *gen = roundgen_new(bank, 1);
        roundgen_check(gen, 4, diag);
        askable = roundgen_askable(gen);
        roundgen_free(gen);
    }
    diag_print(diag, out, DIAG_NOTE);
    int playable = corpus_is_playable(bank) && askable > 0;
    fprintf(out, "%s: %zu question%s in %zu topic%s; %zu error%s, %zu warning%s, %zu note%s; %s\n",
            path, bank_question_count(bank), bank_question_count(bank) == 1 ? "" : "s",
            bank_topic_count(bank), bank_topic_count(bank) == 1 ? "" : "s",
            diag_total(diag, DIAG_ERROR), diag_total(diag, DIAG_ERROR) == 1 ? "" : "s",
            diag_total(diag, DIAG_WARNING), diag_total(diag, DIAG_WARNING) == 1 ? "" : "s",
            diag_total(diag, DIAG_NOTE), diag_total(diag, DIAG_NOTE) == 1 ? "" : "s",
            playable ? "playable" : "NOT playable");
    bank_free(bank);
    diag_free(diag);
    free(path);
    int rc = commands_flush(out, err);
    return playable ? rc : 1;
}

/* The prompt of a generated question as an author reads it in JSON. */
static void commands_round_prompt(const RoundItem *it, StrBuf *out)
{
    switch (it->kind) {
    case KIND_ANSWER:
        text_append_markdown(out, it->prompt, strlen(it->prompt));
        if (it->code)
            strbuf_printf(out, "\n```%s\n%s\n```", it->code_lang, it->code);
        break;
    case KIND_REVERSE:
        strbuf_printf(out, "%s %s", kind_heading(KIND_REVERSE), it->prompt);
        break;
    case KIND_OUTPUT:
        strbuf_printf(out, "%s\n```%s\n%s\n```", kind_heading(KIND_OUTPUT), it->code_lang,
                      it->prompt);
        break;
    default:
        break;
    }
}

int command_dump_rounds(const Options *opts, FILE *out, FILE *err)
{
    Bank *bank = commands_load(opts, err);
    if (!bank)
        return 1;
    Diagnostics *ldiag = diag_new();
    Levels *levels = commands_levels(opts, ldiag);
    diag_print(ldiag, err, DIAG_ERROR);
    diag_free(ldiag);
    long only = -1;
    if (opts->topic && (only = bank_find_topic(bank, opts->topic)) < 0) {
        fprintf(err, "quizarcade: no topic named \"%s\" (see --list-topics)\n", opts->topic);
        levels_free(levels);
        bank_free(bank);
        return 1;
    }
    /* The level must exist in the ladder of at least one chosen topic. */
    unsigned highest = 0;
    for (size_t t = 0; t < bank_topic_count(bank); t++) {
        if (only >= 0 && t != (size_t)only)
            continue;
        unsigned n = levels_for(levels, bank_topic_name(bank, t))->count;
        if (n > highest)
            highest = n;
    }
    if ((unsigned)opts->level > highest) {
        fprintf(err, "quizarcade: there is no level %d (the ladders go up to %u)\n", opts->level,
                highest);
        levels_free(levels);
        bank_free(bank);
        return 1;
    }
    RoundGen *gen = roundgen_new(bank, opts->seed_given ? opts->seed : 1);
    StrBuf buf = {0};
    int failed = 0;
    for (int r = 0; r < opts->rounds && !failed; r++) {
        for (size_t t = 0; t < bank_topic_count(bank) && !failed; t++) {
            if (only >= 0 && t != (size_t)only)
                continue;
            const Ladder *ladder = levels_for(levels, bank_topic_name(bank, t));
            if ((unsigned)opts->level > ladder->count)
                continue;
            const LevelSpec *spec = &ladder->levels[opts->level - 1];
            RoundParams params = {spec->questions, spec->options, spec->kinds};
            Round round;
            if (round_generate(gen, &t, 1, &params, &round) != 0)
                continue;
            for (size_t i = 0; i < round.count; i++) {
                const RoundItem *it = &round.items[i];
                const Question *q = bank_question(bank, it->question);
                cJSON *j = cJSON_CreateObject();
                cJSON_AddStringToObject(j, "topic", bank_topic_name(bank, it->topic));
                cJSON_AddNumberToObject(j, "level", opts->level);
                cJSON_AddStringToObject(j, "kind", kind_name(it->kind));
                strbuf_clear(&buf);
                commands_round_prompt(it, &buf);
                cJSON_AddStringToObject(j, "prompt", strbuf_str(&buf));
                cJSON *options = cJSON_AddArrayToObject(j, "options");
                for (unsigned o = 0; o < it->option_count; o++)
                    cJSON_AddItemToArray(options, cJSON_CreateString(it->options[o]));
                cJSON_AddNumberToObject(j, "answer", it->answer);
                strbuf_clear(&buf);
                strbuf_printf(&buf, "%s:%u", q->file, q->line);
                cJSON_AddStringToObject(j, "source", strbuf_str(&buf));
                char *line = cJSON_PrintUnformatted(j);
                cJSON_Delete(j);
                failed = !line || fputs(line, out) < 0 || fputc('\n', out) == EOF;
                cJSON_free(line);
            }
            round_free(&round);
        }
    }
    strbuf_free(&buf);
    roundgen_free(gen);
    levels_free(levels);
    bank_free(bank);
    if (failed) {
        fprintf(err, "quizarcade: cannot write the output\n");
        return 1;
    }
    return commands_flush(out, err);
}

int commands_run(const Options *opts, FILE *out, FILE *err)
{
    switch (opts->command) {
    case CMD_LIST_TOPICS: return command_list_topics(opts, out, err);
    case CMD_EXPORT_JSON: return command_export_json(opts, out, err);
    case CMD_CHECK: return command_check(opts, out, err);
    case CMD_DUMP_ROUNDS: return command_dump_rounds(opts, out, err);
    default:
        fprintf(err, "quizarcade: internal error: not a text command\n");
        return 1;
    }
}
