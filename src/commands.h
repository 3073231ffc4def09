/* commands.h - the text commands of the command line (no window, no SDL).
 *
 * Each returns the process exit status: 0 on success, 1 when the corpus is
 * not playable or output failed. Output goes to out, problems to err.
 */
#ifndef QA_COMMANDS_H
#define QA_COMMANDS_H

#include "options.h"

#include <stdio.h>

/* The corpus path to use: the option's, or the shipped corpus (caller
 * frees). NULL, with a message on err, when the shipped data is missing. */
char *commands_corpus_path(const Options *opts, FILE *err);

int command_list_topics(const Options *opts, FILE *out, FILE *err);
int command_export_json(const Options *opts, FILE *out, FILE *err);
int command_check(const Options *opts, FILE *out, FILE *err);
int command_dump_rounds(const Options *opts, FILE *out, FILE *err);

/* Runs the command opts selects, which must be one of the above. */
int commands_run(const Options *opts, FILE *out, FILE *err);

#endif
