/* corpus.h - quiz packs written in Markdown, read into a question bank.
 *
 * A pack is written by a person who never read our README. The reader takes
 * as a question only what reads as one and has an answer, in any of these
 * shapes (and their ordinary variations: ## or ###, * or - bullets, CRLF,
 * a byte-order mark, curly quotes, **bold**):
 *   - a section heading, then numbered questions whose nested (or directly
 *     following) bullets are the answer;
 *   - one heading per question, then the answer (an "Answer:" label is
 *     dropped; numbered lists inside stay part of the answer);
 *   - bold or "Q:"-labelled paragraphs followed by the answer ("A:");
 *   - <details><summary>Question?</summary> ... </details> blocks.
 * Headings nest as Markdown defines. Sections of the same name are one
 * topic, across files too. Questions under no section are placed, run by
 * run, in the topic they are most about (placement.h). Questions with the
 * same normalised prompt are kept once. Everything else (contents, tips,
 * closing words, HTML) is left out and reported as a note.
 *
 * Problems go to a Diagnostics list as FILE:LINE: message; reading never
 * stops at the first problem.
 */
#ifndef QA_CORPUS_H
#define QA_CORPUS_H

#include "bank.h"
#include "diag.h"

#include <stddef.h>

/* A corpus file larger than this is refused. */
#define CORPUS_MAX_FILE_BYTES ((size_t)64 << 20)

typedef struct CorpusReader CorpusReader;

CorpusReader *corpus_reader_new(void);
/* Reads one document. name is how problems and sources refer to it. */
void corpus_reader_add(CorpusReader *r, const char *name, const char *data, size_t len,
                       Diagnostics *diag);
/* Places sectionless questions, builds the bank and frees the reader.
 * Always returns a bank (possibly empty); the caller frees it. */
Bank *corpus_reader_finish(CorpusReader *r, Diagnostics *diag);

/* Reads a .md file, or every .md file of a directory in name order.
 * Returns the bank (possibly empty: see corpus_is_playable). */
Bank *corpus_load(const char *path, Diagnostics *diag);

/* True when a round can be played from the bank: at least two questions. */
int corpus_is_playable(const Bank *b);

/* Adds the warnings a pack's author needs about its topics (too small for
 * four options) to diag. */
void corpus_check_topics(const Bank *b, Diagnostics *diag);

#endif
