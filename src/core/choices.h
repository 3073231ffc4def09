/* choices.h - multiple-choice questions written with the author's own
 * choices.
 *
 * Many quiz packs give each question its choices and say which is right:
 *
 *     **1. What is the output of `print(2 ** 3)`?**        - A. func
 *     a) 6                                                  - B. def
 *     b) 8                                                  Answer: B
 *     **Answer:** b) 8
 *
 * Read as a plain answer, that would put every choice, and the key, into
 * the one option the player must find. This module recognises such an
 * answer and says which choice is right. Its first blocks are the choices:
 * list items (lettered "a)", "A.", "(a)"; numbered; or plain bullets), or
 * one paragraph of lettered choices ("a) 6 b) 8 c) 9"). The right one is
 * given by
 *   - a key right after them: "Answer: b", "Correct answer: 2",
 *     "✅ Answer: `len(s)`", "The answer is B) 8 - because ...", or, in a
 *     revealed box, a line opening with the choice itself ("C) list - ...");
 *   - or a mark on the choice itself: a checked task item ("- [x] 8"), or a
 *     "✅"/"✔" beside it.
 * Text after the key's reference ("- because ...") and the blocks that
 * follow explain the answer.
 *
 * Pure functions over a question's answer blocks (bank.h); nothing is
 * allocated: results point into the blocks' texts.
 */
#ifndef QA_CHOICES_H
#define QA_CHOICES_H

#include "bank.h"

#include <stddef.h>

enum { CHOICES_MAX = 8 };

/* A piece of one block's rich text (see text.h). */
typedef struct ChoiceText {
    const char *text;
    size_t len;
} ChoiceText;

typedef struct Choices {
    ChoiceText items[CHOICES_MAX]; /* the choices, labels and marks removed */
    size_t count;                  /* 2 to CHOICES_MAX */
    size_t right;                  /* index of the right one */
    ChoiceText explanation;        /* the key's text after its reference
                                      (len 0 when none) */
    size_t next_block;             /* first block after the choices and key */
    int by_number;                 /* the key named the choice by its number
                                      ("Correct answer: 2") */
    char problem[200];             /* choices_read returned -1: what is wrong */
} Choices;

/* Reads the choices at the start of an answer. checked (or NULL) tells
 * for each block whether it is a checked task item. Returns 1 when the
 * answer is a multiple choice with a right choice (out filled), 0 when it
 * is an ordinary answer, and -1 when it has choices and a key that names
 * none of them (out->problem says so, in words for a pack's author). */
int choices_read(const AnswerBlock *blocks, size_t n, const unsigned char *checked,
                 Choices *out);

/* True when an answer is lettered choices and nothing else: no key under
 * them and none marked. Its key may come later, in an answer key at the
 * end of the pack ("1. b"): choices_read then reads the answer with a
 * paragraph "Answer: b" after the choices. */
int choices_need_key(const AnswerBlock *blocks, size_t n, const unsigned char *checked);

#endif
