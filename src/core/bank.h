/* bank.h - the question bank: topics, each with its questions.
 *
 * A bank is built once (by the corpus reader, or by hand in tests) and is
 * read-only afterwards, but for one cache: a question's option text is
 * derived from its answer the first time bank_question hands the question
 * out, so a reader that only counts questions (--list-topics, --check)
 * never pays for it. It owns every string and array it hands out; they
 * stay valid until bank_free. Questions are stored topic by topic, so a
 * question has one global index (0 .. bank_question_count-1) and a place in
 * its topic.
 */
#ifndef QA_BANK_H
#define QA_BANK_H

#include "strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The one-line display form of an answer is at most this many code points. */
enum { QUESTION_OPTION_MAX = 160 };

typedef enum AnswerKind {
    ANSWER_PARA, /* a paragraph */
    ANSWER_ITEM, /* a list item: bullet (number 0) or numbered */
    ANSWER_CODE, /* a code block */
    ANSWER_ROW   /* a table row: its cells' rich text joined by " | " (an
                    empty first cell leaves "| " at the start); number 0
                    for the table's header row, 1, 2... for the others */
} AnswerKind;

typedef struct AnswerBlock {
    AnswerKind kind;
    unsigned depth;   /* nesting below the answer's top level, 0 first */
    unsigned number;  /* ANSWER_ITEM: its number, or 0 for a bullet;
                         ANSWER_ROW: its row, 0 for the header */
    const char *text; /* PARA, ITEM, ROW: rich text on one line (see text.h);
                         CODE: its lines, without a final newline */
    const char *lang; /* CODE: language of the fence, or "" */
} AnswerBlock;

typedef struct Question {
    const char *prompt;         /* rich text, one line, numbering removed */
    const char *code;           /* the code the prompt asks about ("What does
                                   this print?"), shown with it; or NULL */
    const char *code_lang;      /* its language, or "" */
    const char *option;         /* plain one-line form of the answer (never
                                   NULL in a question from bank_question) */
    const AnswerBlock *answer;  /* answer_len blocks */
    size_t answer_len;
    const char *const *choices; /* the author's wrong choices (choices.h),
                                   plain one-line texts offered instead of
                                   other questions' answers; or NULL */
    size_t choice_count;
    const char *file;           /* where it was written */
    unsigned line;
    size_t topic;               /* index of its topic */
} Question;

typedef struct Bank Bank;

/* ---- building (the corpus reader and tests) ---- */

Bank *bank_new(void);
/* Adds a topic, or returns the index of the topic of that name (names are
 * compared as text_append_key keys, so "**OOP**" and "oop" are one). */
size_t bank_add_topic(Bank *b, const char *name);
/* Copies q (its strings and blocks too) into the bank under q->topic.
 * An empty or NULL q->option is derived from the answer when first asked
 * for (see bank_question). */
void bank_add_question(Bank *b, const Question *q);
/* The bank's own arena, for a builder that allocates question data in
 * place (see bank_add_question_owned). */
struct Arena;
struct Arena *bank_arena(Bank *b);
/* Like bank_add_question, without copying: q's strings and blocks must be
 * allocated from bank_arena(b) (or be static). */
void bank_add_question_owned(Bank *b, const Question *q);
/* Adds a question to be filled in place (as for bank_add_question_owned;
 * its topic too), zeroed but for file and code_lang (""). The pointer, and
 * bank_question_edit's, hold until the next question is added. */
Question *bank_new_question(Bank *b);
/* A question as added, to complete it before bank_finish. */
Question *bank_question_edit(Bank *b, size_t index);
/* Orders questions topic by topic and drops empty topics. Call once, after
 * the last add and before any query. */
void bank_finish(Bank *b);

/* ---- queries ---- */

size_t bank_topic_count(const Bank *b);
const char *bank_topic_name(const Bank *b, size_t topic);
size_t bank_topic_size(const Bank *b, size_t topic);
/* Global index of the first question of a topic. */
size_t bank_topic_first(const Bank *b, size_t topic);
/* Topic whose name matches (case and punctuation ignored), or -1. */
long bank_find_topic(const Bank *b, const char *name);

size_t bank_question_count(const Bank *b);
const Question *bank_question(const Bank *b, size_t index);

void bank_free(Bank *b);

/* A 64-bit hash of a question's content (prompt, code and answer, not its
 * place): saved history is keyed by it, so an edited question starts
 * afresh. Computed on each call. */
uint64_t question_hash(const Question *q);

/* ---- presentation ---- */

/* The answer as Markdown: paragraphs, "- " and "N. " items indented by
 * depth, inline code in backticks, fenced code with its language. */
void question_answer_markdown(const Question *q, StrBuf *out);

/* Computes the one-line display form of an answer into out: code blocks
 * left out, markup removed, "Example:" labels dropped, cut at a word
 * boundary to QUESTION_OPTION_MAX code points. */
void answer_option_text(const AnswerBlock *blocks, size_t count, StrBuf *out);

/* The whole bank as JSON:
 * {"topics":[{"name":...,"questions":[{"prompt":...,"answer":...,
 *   "option":...,"source":"FILE:LINE"}]}]}
 * A question with code under its prompt also has "code" and "code_lang"
 * after "prompt".
 * Returns 0, or -1 when writing failed. */
int bank_write_json(const Bank *b, FILE *out);

#endif
