/* shapes.h - what a block of Markdown says it is.
 *
 * The corpus reader (corpus.c) walks a pack block by block and asks, of
 * each, what shape it has: a question (and where its answer starts), a
 * label ("Q:", "A.", "### Question 3"), a section title, the heading of an
 * answer key, a tip box. These pure functions answer; none keeps state.
 * Texts are rich text (text.h) unless they say HTML. Functions taking a
 * StrBuf *tmp use it as scratch (its content is undefined afterwards);
 * those taking StrBuf *out or *prompt write their result there.
 */
#ifndef QA_SHAPES_H
#define QA_SHAPES_H

#include "mdtree.h"
#include "strbuf.h"

#include <stddef.h>

/* ---- text ---- */

/* A short quotation of rich text for a message: plain, one line, cut at
 * about 60 characters. */
void shape_excerpt(StrBuf *out, const char *s, size_t len);

/* Copies rich text with white space collapsed into out (cleared first). */
void shape_clean(StrBuf *out, const char *s, size_t len);

/* Removes leading question numbers and labels ("3. ", "Q1: ", "1. Q: ")
 * from a cleaned text in place. Sets *labelled when a "Q" label was found,
 * *numbered when a number was. */
void shape_strip_prefixes(StrBuf *t, int *labelled, int *numbered);

/* "Q. What...?" pairs with "A. ..." (and "Q)" with "A)"): there "A."
 * labels the answer, where elsewhere it may open a sentence ("A. Lincoln")
 * or a choice. Returns the mark after the Q, or 0. */
char shape_q_dot(const char *s, size_t len);

/* Length of an "A. " label ("A) " after "Q) "), or 0. */
size_t shape_a_dot(const char *s, size_t len, char dot);

/* Visible text of an HTML fragment: tags and comments removed, a few
 * entities decoded, white space collapsed. */
void shape_html_text(StrBuf *out, const char *s, size_t len);

/* Finds a case-insensitive ASCII needle; returns its offset or len. */
size_t shape_find_ci(const char *s, size_t len, const char *needle);

/* A block quote that is a tip for the reader of the pack rather than part
 * of an answer: its text opens with "Tip", "Pro tip" or "Hint" after any
 * emoji or markup ("> 💡 **Tip:** ...", GitHub's "> [!TIP]"). Notes and
 * warnings often qualify the answer, so they stay. */
int shape_quote_is_tip(const MdNode *quote);

/* The text is nothing but a question label or a number ("**Q:** What...?",
 * "**3.** What...?"), or a task ("**True or false:** ..."): the question
 * follows it. */
int shape_is_mark(const char *s, size_t len);

/* ---- questions ---- */

/* Decides whether a paragraph (or a list item's first paragraph) asks a
 * question. On success the cleaned prompt is in prompt and *answer_from is
 * the offset in p->text where an answer written in the same paragraph
 * starts (p->text_len when there is none). A list item counts when its text
 * reads as a question; a paragraph needs a sign that it is not prose: bold,
 * a "Q:" label, a number, or an "A:" line after it. */
int shape_split_question(const MdNode *p, int list_item, StrBuf *prompt,
                         size_t *answer_from);

/* A list item whose first paragraph asks a question (shape_split_question
 * as for a list item). */
int shape_is_question_item(const MdNode *li, StrBuf *prompt, size_t *from);

/* Counts the items of a list that ask a question: strictly (a question
 * mark or a "Q" label) and loosely (also an interrogative). */
void shape_count_list_questions(const MdNode *list, StrBuf *tmp, size_t *strict,
                                size_t *loose, size_t *answered);

/* What shape_list_questions found for one item of a list. */
typedef struct ShapeItem {
    int asks;          /* the item asks a question (shape_is_question_item) */
    size_t from;       /* then: where its answer starts in its first paragraph */
    size_t prompt_at;  /* and its prompt, in the caller's prompts buffer */
    size_t prompt_len;
} ShapeItem;

/* shape_count_list_questions that also tells what each item is, so that a
 * reader need not ask again: items gets one entry per item of the list,
 * in order (room for as many as the list has), and prompts (cleared
 * first) the prompts of the items that ask, one after another. */
void shape_list_questions(const MdNode *list, StrBuf *tmp, ShapeItem *items, StrBuf *prompts,
                          size_t *strict, size_t *loose, size_t *answered);

/* The number a question is written with ("12. What...", "Q3:", "**4.**
 * Why...?"), or 0. */
unsigned shape_number_of(const char *s, size_t len);

/* ---- sections and answer keys ---- */

/* The heading (or line) of an answer key at the end of a pack. */
int shape_is_key_name(StrBuf *tmp, const char *s, size_t len);

/* A section name that names no topic ("Questions", "Quiz"): its questions
 * belong to the part around it. */
int shape_is_generic_name(StrBuf *tmp, const char *s, size_t len);

/* The number an answer key's item answers, the item that holds the
 * answer and where its text starts; 0 when it has no number. */
unsigned shape_key_item(const MdNode *list, const MdNode *li, const MdNode **item,
                        size_t *skip);

/* ---- HTML ---- */

/* Copies HTML without its comments: a commented-out question is no
 * question. */
void shape_html_uncomment(StrBuf *out, const char *s, size_t len);

/* An HTML block that opens a tip, note or warning box: an <aside>, or a
 * <div>, <section>, <p> or <blockquote> whose class or role names one.
 * Such boxes are study advice around an answer, not the answer. Returns 1
 * when the block opens one, 2 when it also closes it. */
int shape_html_aside(const char *s, size_t len);

/* The HTML block closes a box opened earlier. */
int shape_html_closes_aside(const MdNode *n);

/* ---- blocks and headings ---- */

/* A block that asks a question: a paragraph that does, a list with an item
 * that does, or an HTML <details> box with a <summary>. */
int shape_block_asks(const MdNode *b, StrBuf *tmp);

/* A short bold line that asks nothing, followed by a question, is the
 * title of a section ("**Permissions**" in a flashcard file). */
int shape_is_bold_section(const MdNode *p, StrBuf *tmp);

/* A heading whose wording asks a question: labelled ("Q3: ..."), numbered
 * and reading as one, or opening as one (text_opens_as_question). A
 * heading that is only a label ("## Q6:") asks nothing by itself. */
int shape_heading_asks(const MdNode *h, StrBuf *tmp);

/* A heading that only numbers a question ("### Question 3", "## Q3:",
 * "### Question"): the question is the paragraph under it. */
int shape_is_label_heading(StrBuf *tmp, const char *s, size_t len);

/* The first number written in a short text ("Question 12" gives 12), or 0. */
unsigned shape_digits_in(const char *s, size_t len);

/* A paragraph that is marked as a question of its own: labelled ("Q:",
 * "Q5.", "Question 3:") or bold, and asking. Inside the answer of a
 * heading question it starts a new question rather than continuing that
 * answer (a pack may mix heading and paragraph questions). */
int shape_marked_question(const MdNode *p, StrBuf *tmp);

#endif
