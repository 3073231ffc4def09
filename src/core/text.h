/* text.h - the game's "rich text": UTF-8 with inline code marked.
 *
 * Prompts and answers keep one piece of markup only, inline code, because it
 * changes meaning ("the difference between `is` and `==`") and is drawn in a
 * monospace font. A code span is enclosed in TEXT_CODE_ON ... TEXT_CODE_OFF,
 * two control bytes that the corpus reader removes from its input, so they
 * never clash with real text. Everything else (bold, links, HTML) is gone by
 * the time text reaches the bank.
 *
 * The functions append to a StrBuf; none allocates anything else.
 */
#ifndef QA_TEXT_H
#define QA_TEXT_H

#include "strbuf.h"

#include <stddef.h>
#include <stdint.h>

#define TEXT_CODE_ON '\x0e'
#define TEXT_CODE_OFF '\x0f'

/* Plain text: code markers dropped. */
void text_append_plain(StrBuf *out, const char *s, size_t len);

/* Markdown inline text: code spans between backticks. */
void text_append_markdown(StrBuf *out, const char *s, size_t len);

/* Comparison key: ASCII lowercased, punctuation (ASCII and Unicode) and
 * markup dropped, words separated by single spaces. "What are Python’s data
 * types?" and "what are PYTHON'S data-types" give the same key. */
void text_append_key(StrBuf *out, const char *s, size_t len);

/* Appends plain text cut to at most max_chars code points at a word
 * boundary; a cut text ends with "…" (counted in max_chars). */
void text_append_cut(StrBuf *out, const char *s, size_t len, size_t max_chars);

/* Collapses every run of white space (newlines included) to one space and
 * trims both ends, in place. Returns the new length. */
size_t text_collapse_space(char *s, size_t len);

/* Copies src into dst (room for len + 1 bytes) with white space collapsed
 * as text_collapse_space does; returns the length written (NUL added). */
size_t text_copy_collapsed(char *dst, const char *src, size_t len);

/* True for Unicode punctuation and symbols the key and tokenizer drop. */
int text_is_punct(uint32_t cp);

/* True for ASCII and Unicode white space. */
int text_is_space(uint32_t cp);

/* Length of a leading list number or question number such as "12. ",
 * "3) ", "(4) ", "#5 " or "7 - ", white space after it included, or 0
 * when s has none. ("Q7: " is a question label: text_question_label.) */
size_t text_number_prefix(const char *s, size_t len);

/* Position past the lower-case ASCII word w when s[i..] holds it, in any
 * case, as a whole word (no letter or digit right after it); else 0. */
size_t text_match_word(const char *s, size_t len, size_t i, const char *w);

/* Length of a leading question label ("Q:", "Q1.", "Question 3:",
 * "Question -"), white space after it included, or 0. */
size_t text_question_label(const char *s, size_t len);

/* Length of a leading answer label ("A:", "Ans.", "Answer:", "Solution -",
 * "Explanation:"), white space after it included, or 0. A text that is only
 * a label ("Answer") counts as a label too. */
size_t text_answer_label(const char *s, size_t len);

/* The three wording tests below take text with numbers and labels
 * already removed. */

/* True when the text ends with a question mark (closing quotes, brackets
 * and markup after it allowed). */
int text_ends_with_question(const char *s, size_t len);

/* True when the text ends with a question mark or starts with an
 * interrogative or a task word (What, How, Explain, List, Write, Difference
 * between...): the test for list items and bold lines. */
int text_reads_as_question(const char *s, size_t len);

/* Stricter, for headings: a question mark, or an interrogative (What, How,
 * Explain, Compare...) but not a task word such as "List" or "Name". Both
 * take "True or false: ..." and "Fill in the blank: ..." as questions. */
int text_opens_as_question(const char *s, size_t len);

/* True when a prompt opens with "True or false" (or "True/False"): its
 * answer is one of the two. */
int text_true_or_false(const char *s, size_t len);

/* True when a text is nothing but such a task ("True or false:", "Fill in
 * the blank -"): a label of the question that follows it. */
int text_is_task_label(const char *s, size_t len);

/* True when a prompt points at something shown with it: it ends with a
 * colon, or names it ("this", "the following", "below", "snippet", "code",
 * "output", "print"...): "What does this print?". */
int text_refers_to_code(const char *s, size_t len);

/* True when a paragraph addresses the reader rather than the subject
 * ("Let me know if...", "Hope this helps", "Good luck!"). */
int text_is_chatter(const char *s, size_t len);

#endif
