/* qatable.h - tables that hold one question a row.
 *
 * Flashcard and quiz authors often write a pack as one table:
 *
 *     | # | Question                    | Answer    | Topic  |
 *     |---|-----------------------------|-----------|--------|
 *     | 1 | What is "apple" in French?  | la pomme  | Food   |
 *
 * or with the choices in columns of their own:
 *
 *     | Question            | A    | B   | C     | Answer |
 *     |---------------------|------|-----|-------|--------|
 *     | Which is mutable?   | str  | int | list  | C      |
 *
 * The header row says which column is which; a table whose header names
 * no question column and no answer column is no such table.
 */
#ifndef QA_QATABLE_H
#define QA_QATABLE_H

#include "mdtree.h"

#include <stddef.h>

enum { QATABLE_CELLS_MAX = 16, QATABLE_CHOICES_MAX = 8 };

typedef struct QaColumns {
    size_t count;       /* cells in the header */
    int question;       /* column index of each, or -1 */
    int answer;         /* the answer, or the key of a multiple choice */
    int explanation;
    int topic;
    int choice[QATABLE_CHOICES_MAX]; /* the columns of choices A, B, C... */
    size_t choice_count;             /* 0, or 2 and more */
} QaColumns;

/* Reads a header row's cells (mdtree_row_cells). Returns 1 when it names a question column and an
 * answer column (out filled), else 0. Recognised names, in any case:
 * question ("Question", "Q", "Prompt", a flashcard's "Front"), answer
 * ("Answer", "A", "Correct answer", "Solution", "Key", "Back"), explanation ("Explanation", "Why", "Notes"),
 * topic ("Topic", "Category", "Section", "Subject") and choices ("A", "B",
 * "C"... or "Option A", "Choice B"), which make "A" a choice, not the
 * answer. Other columns ("#", "Difficulty") are left alone. */
int qatable_columns(const MdCell *cells, size_t count, QaColumns *out);

#endif
