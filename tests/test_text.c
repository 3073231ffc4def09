/* test_text.c - the game's rich text helpers (src/core/text.h).
 *
 * Pins: plain and Markdown rendering of inline code markers; comparison
 * keys; cutting to a number of code points at a word boundary; white-space
 * collapsing; the number and label prefixes the corpus reader strips; and
 * the wording tests (question mark, question openers, chatter).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "random_text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ON "\x0e"  /* TEXT_CODE_ON */
#define OFF "\x0f" /* TEXT_CODE_OFF */
#define ELLIPSIS "\xE2\x80\xA6"

typedef void (*AppendFn)(StrBuf *out, const char *s, size_t len);

/* Results are copied into fixed buffers so that a failing assertion
 * (which longjmps out of the test) leaks nothing. */
typedef struct Text {
    char s[1024];
} Text;

/* Copies and frees b. */
static Text take(StrBuf *b)
{
    Text t;
    int fits = b->len < sizeof t.s;
    snprintf(t.s, sizeof t.s, "%s", strbuf_str(b));
    strbuf_free(b);
    assert_true(fits);
    return t;
}

/* Runs an append function on s into a fresh buffer. */
static Text render(AppendFn fn, const char *s)
{
    StrBuf b = {0};
    fn(&b, s, strlen(s));
    return take(&b);
}

static void assert_renders(AppendFn fn, const char *in, const char *want)
{
    Text got = render(fn, in);
    assert_string_equal(got.s, want);
}

static Text cut(const char *s, size_t max_chars)
{
    StrBuf b = {0};
    text_append_cut(&b, s, strlen(s), max_chars);
    return take(&b);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* True when every byte sequence of s is valid UTF-8. */
static int valid_utf8(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

#define LEN(lit) (sizeof(lit) - 1)

/* ---- text_append_plain ---- */

static void test_plain_drops_code_markers(void **state)
{
    (void)state;
    assert_renders(text_append_plain, "the difference between " ON "is" OFF " and " ON "==" OFF,
                   "the difference between is and ==");
}

static void test_plain_leaves_text_without_markers_unchanged(void **state)
{
    (void)state;
    assert_renders(text_append_plain, "caf\xC3\xA9 `not code` **bold**",
                   "caf\xC3\xA9 `not code` **bold**");
}

static void test_plain_appends_to_existing_content(void **state)
{
    (void)state;
    StrBuf b = {0};
    strbuf_puts(&b, "x=");
    text_append_plain(&b, ON "y" OFF, LEN(ON "y" OFF));
    Text got = take(&b);
    assert_string_equal(got.s, "x=y");
}

/* ---- text_append_markdown ---- */

static void test_markdown_wraps_code_in_backticks(void **state)
{
    (void)state;
    assert_renders(text_append_markdown, "between " ON "is" OFF " and " ON "==" OFF,
                   "between `is` and `==`");
}

static void test_markdown_text_without_code_is_unchanged(void **state)
{
    (void)state;
    assert_renders(text_append_markdown, "plain words", "plain words");
}

static void test_markdown_uses_longer_fence_for_code_with_backtick(void **state)
{
    (void)state;
    assert_renders(text_append_markdown, "use " ON "a`b" OFF " now", "use ``a`b`` now");
    assert_renders(text_append_markdown, ON "a``b" OFF, "```a``b```");
}

static void test_markdown_pads_code_that_starts_or_ends_with_backtick(void **state)
{
    (void)state;
    assert_renders(text_append_markdown, "use " ON "`x`" OFF " now", "use `` `x` `` now");
    assert_renders(text_append_markdown, ON "x`" OFF, "`` x` ``");
}

static void test_markdown_unclosed_code_runs_to_end(void **state)
{
    (void)state;
    assert_renders(text_append_markdown, "call " ON "f()", "call `f()`");
}

/* ---- text_append_key ---- */

static void test_key_lowercases_ascii(void **state)
{
    (void)state;
    assert_renders(text_append_key, "What Is PYTHON", "what is python");
}

static void test_key_ignores_curly_apostrophe_and_case(void **state)
{
    (void)state;
    Text a = render(text_append_key, "What are Python\xE2\x80\x99s data types?");
    Text b = render(text_append_key, "what are PYTHON'S data-types");
    assert_string_equal(a.s, b.s);
    assert_string_equal(a.s, "what are python s data types");
}

static void test_key_drops_curly_double_quotes(void **state)
{
    (void)state;
    Text a = render(text_append_key, "\xE2\x80\x9CHello\xE2\x80\x9D world");
    Text b = render(text_append_key, "\"hello\" world");
    assert_string_equal(a.s, "hello world");
    assert_string_equal(b.s, "hello world");
}

static void test_key_drops_markup_markers(void **state)
{
    (void)state;
    assert_renders(text_append_key, "use " ON "is" OFF " not " ON "==" OFF, "use is not");
    assert_renders(text_append_key, "**OOP**", "oop");
}

static void test_key_collapses_white_space_runs_and_trims(void **state)
{
    (void)state;
    assert_renders(text_append_key, "  a \t\n b\xC2\xA0\xC2\xA0" "c  ", "a b c");
}

static void test_key_keeps_non_ascii_letters(void **state)
{
    (void)state;
    assert_renders(text_append_key, "Caf\xC3\xA9 \xC3\x9C" "ber", "caf\xC3\xA9 \xC3\x9C" "ber");
}

static void test_key_of_only_punctuation_is_empty(void **state)
{
    (void)state;
    assert_renders(text_append_key, " ?!\xE2\x80\x94... ", "");
}

/* ---- text_append_cut ---- */

static void test_cut_leaves_short_text_alone(void **state)
{
    (void)state;
    const char *s = "The quick brown fox jumps over the lazy dog"; /* 43 */
    Text r = cut(s, 43);
    assert_string_equal(r.s, s);
    r = cut(s, 100);
    assert_string_equal(r.s, s);
}

static void test_cut_short_text_drops_code_markers(void **state)
{
    (void)state;
    Text r = cut("use " ON "map" OFF, 40);
    assert_string_equal(r.s, "use map");
}

static void test_cut_at_word_boundary_with_ellipsis(void **state)
{
    (void)state;
    Text r = cut("The quick brown fox jumps over the lazy dog", 20);
    assert_string_equal(r.s, "The quick brown fox" ELLIPSIS);
    r = cut("The quick brown fox jumps over the lazy dog", 42);
    assert_string_equal(r.s, "The quick brown fox jumps over the lazy" ELLIPSIS);
}

static void test_cut_counts_ellipsis_within_max_chars(void **state)
{
    (void)state;
    const char *s = "one two three four five six seven eight nine ten eleven twelve";
    for (size_t max = 5; max < strlen(s); max++) {
        Text r = cut(s, max);
        assert_true(utf8_count(r.s, strlen(r.s)) <= max);
        assert_true(ends_with(r.s, ELLIPSIS));
    }
}

static void test_cut_never_splits_utf8_sequence(void **state)
{
    (void)state;
    /* Two-, three- and four-byte letters with no spaces. */
    const char *s = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
                    "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    for (size_t max = 2; max < 9; max++) {
        Text r = cut(s, max);
        assert_true(valid_utf8(r.s));
        assert_int_equal(utf8_count(r.s, strlen(r.s)), max);
        assert_true(ends_with(r.s, ELLIPSIS));
    }
}

static void test_cut_long_word_is_cut_mid_word(void **state)
{
    (void)state;
    Text r = cut("Supercalifragilisticexpialidocious", 10);
    assert_string_equal(r.s, "Supercali" ELLIPSIS);
}

static void test_cut_trims_trailing_punctuation_before_ellipsis(void **state)
{
    (void)state;
    Text r = cut("alpha, beta; gamma: delta epsilon", 19);
    assert_string_equal(r.s, "alpha, beta; gamma" ELLIPSIS);
    r = cut("alpha, beta; gamma: delta epsilon", 14);
    assert_string_equal(r.s, "alpha, beta" ELLIPSIS);
}

static void test_cut_ignores_code_markers_when_counting(void **state)
{
    (void)state;
    /* 10 code points once the markers are gone. */
    Text r = cut(ON "abc" OFF " " ON "defghi" OFF, 10);
    assert_string_equal(r.s, "abc defghi");
}

/* ---- text_collapse_space ---- */

static void test_collapse_space_joins_runs_and_trims(void **state)
{
    (void)state;
    char s[] = "  one \n\t two\r\n\nthree   ";
    size_t n = text_collapse_space(s, strlen(s));
    assert_int_equal(n, LEN("one two three"));
    assert_memory_equal(s, "one two three", n);
}

static void test_collapse_space_handles_unicode_spaces(void **state)
{
    (void)state;
    char s[] = "a\xC2\xA0\xE2\x80\x83" "b\xE3\x80\x80";
    size_t n = text_collapse_space(s, strlen(s));
    assert_int_equal(n, 3);
    assert_memory_equal(s, "a b", 3);
}

static void test_collapse_space_of_blank_text_is_empty(void **state)
{
    (void)state;
    char s[] = " \n\t ";
    assert_int_equal(text_collapse_space(s, strlen(s)), 0);
}

static void test_collapse_space_keeps_non_space_text(void **state)
{
    (void)state;
    char s[] = "caf\xC3\xA9-au-lait";
    size_t n = text_collapse_space(s, strlen(s));
    assert_int_equal(n, strlen("caf\xC3\xA9-au-lait"));
    assert_memory_equal(s, "caf\xC3\xA9-au-lait", n);
}

/* Single spaces inside ASCII runs stay; a space before a newline, a
 * non-ASCII letter or a non-breaking space joins the run around it. */
static void test_collapse_space_single_spaces_next_to_other_text(void **state)
{
    (void)state;
    char s[] = "a b  c \n d \xC3\xA9 f\xC2\xA0 g x ";
    const char want[] = "a b c d \xC3\xA9 f g x";
    size_t n = text_collapse_space(s, strlen(s));
    assert_int_equal(n, LEN(want));
    assert_memory_equal(s, want, n);

    char dst[32];
    const char src[] = " two words\tand  more ";
    n = text_copy_collapsed(dst, src, strlen(src));
    assert_string_equal(dst, "two words and more");
}

/* ---- text_number_prefix ---- */

#define NUMBER_PREFIX(lit) text_number_prefix((lit), LEN(lit))

static void test_number_prefix_accepts_list_numbers(void **state)
{
    (void)state;
    assert_int_equal(NUMBER_PREFIX("12. What is a list?"), 4);
    assert_int_equal(NUMBER_PREFIX("3) What"), 3);
    assert_int_equal(NUMBER_PREFIX("(4) What"), 4);
    assert_int_equal(NUMBER_PREFIX("#5 What"), 3);
    assert_int_equal(NUMBER_PREFIX("7 - What"), 4);
    assert_int_equal(NUMBER_PREFIX("8:  What"), 4);
}

static void test_number_prefix_accepts_en_dash_separator(void **state)
{
    (void)state;
    assert_int_equal(NUMBER_PREFIX("7 \xE2\x80\x93 What"), 6);
}

static void test_number_prefix_leaves_question_labels_to_their_function(void **state)
{
    (void)state;
    /* "Q7: " is a question label, not a number (see text.h). */
    assert_int_equal(NUMBER_PREFIX("Q7: What is a tuple?"), 0);
    assert_int_equal(text_question_label("Q7: What is a tuple?", 20), 4);
}

static void test_number_prefix_rejects_numbers_in_prose(void **state)
{
    (void)state;
    assert_int_equal(NUMBER_PREFIX("3.14 is pi"), 0);
    assert_int_equal(NUMBER_PREFIX("2020 was a year"), 0);
    assert_int_equal(NUMBER_PREFIX("What is 1. here"), 0);
    assert_int_equal(NUMBER_PREFIX("(4 items)"), 0);
    assert_int_equal(NUMBER_PREFIX(""), 0);
}

/* ---- text_question_label ---- */

#define QUESTION_LABEL(lit) text_question_label((lit), LEN(lit))

static void test_question_label_accepts_q_forms(void **state)
{
    (void)state;
    assert_int_equal(QUESTION_LABEL("Q: What"), 3);
    assert_int_equal(QUESTION_LABEL("Q1. What"), 4);
    assert_int_equal(QUESTION_LABEL("q12: What"), 5);
    assert_int_equal(QUESTION_LABEL("Q 1) What"), 5);
}

static void test_question_label_accepts_question_word(void **state)
{
    (void)state;
    assert_int_equal(QUESTION_LABEL("Question 3: What"), 12);
    assert_int_equal(QUESTION_LABEL("question: what"), 10);
    assert_int_equal(QUESTION_LABEL("Question - What"), 11);
}

static void test_question_label_rejects_words_starting_with_q(void **state)
{
    (void)state;
    assert_int_equal(QUESTION_LABEL("Quiz: Python"), 0);
    assert_int_equal(QUESTION_LABEL("Queue is a FIFO"), 0);
    assert_int_equal(QUESTION_LABEL("Questions about lists"), 0);
    assert_int_equal(QUESTION_LABEL("Question"), 0); /* no delimiter */
}

/* ---- text_answer_label ---- */

#define ANSWER_LABEL(lit) text_answer_label((lit), LEN(lit))

static void test_answer_label_accepts_short_labels(void **state)
{
    (void)state;
    assert_int_equal(ANSWER_LABEL("A: It is"), 3);
    assert_int_equal(ANSWER_LABEL("A1: It is"), 4);
    assert_int_equal(ANSWER_LABEL("Ans. It is"), 5);
}

static void test_answer_label_accepts_words(void **state)
{
    (void)state;
    assert_int_equal(ANSWER_LABEL("Answer: It is"), 8);
    assert_int_equal(ANSWER_LABEL("Solution - use a set"), 11);
    assert_int_equal(ANSWER_LABEL("Explanation: because"), 13);
}

static void test_answer_label_alone_is_whole_text(void **state)
{
    (void)state;
    assert_int_equal(ANSWER_LABEL("Answer"), 6);
    assert_int_equal(ANSWER_LABEL("Answer:"), 7);
    assert_int_equal(ANSWER_LABEL("Solution -"), 10);
    assert_int_equal(ANSWER_LABEL("Explanation:"), 12);
}

static void test_answer_label_rejects_prose_starting_with_a(void **state)
{
    (void)state;
    assert_int_equal(ANSWER_LABEL("A decorator modifies a function"), 0);
    assert_int_equal(ANSWER_LABEL("Answers vary by version"), 0);
    assert_int_equal(ANSWER_LABEL("Another way is"), 0);
    assert_int_equal(ANSWER_LABEL("An answer: yes"), 0);
}

/* ---- text_ends_with_question ---- */

#define ENDS_Q(lit) text_ends_with_question((lit), LEN(lit))

static void test_ends_with_question_plain(void **state)
{
    (void)state;
    assert_true(ENDS_Q("What is a list?"));
    assert_true(ENDS_Q("What is a list?  "));
    assert_false(ENDS_Q("What is a list"));
    assert_false(ENDS_Q("Is it? No."));
    assert_false(ENDS_Q(""));
}

static void test_ends_with_question_allows_closing_quotes_brackets_markup(void **state)
{
    (void)state;
    assert_true(ENDS_Q("Ask \"why?\""));
    assert_true(ENDS_Q("Ask 'why?'"));
    assert_true(ENDS_Q("(why?)"));
    assert_true(ENDS_Q("[why?]"));
    assert_true(ENDS_Q("**Why?**"));
    assert_true(ENDS_Q("_why?_"));
    assert_true(ENDS_Q("Ask \xE2\x80\x9Cwhy?\xE2\x80\x9D"));
    assert_true(ENDS_Q("Ask \xE2\x80\x98why?\xE2\x80\x99"));
    assert_true(ENDS_Q("What does " ON "x?" OFF));
}

static void test_ends_with_question_accepts_fullwidth_mark(void **state)
{
    (void)state;
    assert_true(ENDS_Q("Why\xEF\xBC\x9F"));
}

/* ---- text_reads_as_question / text_opens_as_question ---- */

#define READS(lit) text_reads_as_question((lit), LEN(lit))
#define OPENS(lit) text_opens_as_question((lit), LEN(lit))

static void test_interrogative_both_reads_and_opens(void **state)
{
    (void)state;
    assert_true(READS("What is X"));
    assert_true(OPENS("What is X"));
    assert_true(READS("how does it work"));
    assert_true(OPENS("how does it work"));
    assert_true(READS("Difference between list and tuple"));
    assert_true(OPENS("Difference between list and tuple"));
}

static void test_explain_statement_both_reads_and_opens(void **state)
{
    (void)state;
    assert_true(READS("Explain GIL."));
    assert_true(OPENS("Explain GIL."));
}

static void test_task_word_reads_but_does_not_open(void **state)
{
    (void)state;
    assert_true(READS("List comprehensions"));
    assert_false(OPENS("List comprehensions"));
    assert_true(READS("Name three built-in types"));
    assert_false(OPENS("Name three built-in types"));
    assert_true(READS("Write a function that reverses a string"));
    assert_false(OPENS("Write a function that reverses a string"));
}

static void test_plain_title_neither_reads_nor_opens(void **state)
{
    (void)state;
    assert_false(READS("Functions"));
    assert_false(OPENS("Functions"));
    assert_false(READS("Object-oriented programming"));
    assert_false(OPENS("Object-oriented programming"));
}

static void test_question_word_must_be_whole_word(void **state)
{
    (void)state;
    assert_false(READS("Whatever happens"));
    assert_false(OPENS("Whatever happens"));
    assert_false(READS("Listing files"));
    assert_false(OPENS("Howl"));
}

static void test_question_mark_makes_any_text_read_and_open(void **state)
{
    (void)state;
    assert_true(READS("Functions?"));
    assert_true(OPENS("Functions?"));
    assert_true(OPENS("List vs tuple?"));
}

/* Quiz tasks that ask without a question word or mark. */
static void test_true_or_false_and_fill_in_the_blank_ask(void **state)
{
    (void)state;
    assert_true(READS("True or False: lists are immutable."));
    assert_true(OPENS("true/false - a tuple can be a key"));
    assert_true(READS("Fill in the blank: the keyword ____ defines a function."));
    assert_true(OPENS("Fill in the blanks"));
    assert_false(READS("True values are kept."));
    assert_false(READS("True or falsehood"));
    assert_true(text_true_or_false("True or false: x", 16));
    assert_true(text_true_or_false("TRUE / FALSE", 12));
    assert_false(text_true_or_false("Fill in the blank: x", 20));
    assert_false(text_true_or_false("True values", 11));
    /* Alone, the task labels the question after it. */
    assert_true(text_is_task_label("True or False:", 14));
    assert_true(text_is_task_label("Fill in the blank - ", 20));
    assert_false(text_is_task_label("True or false: x", 16));
}

static void test_leading_code_span_is_judged_by_its_words(void **state)
{
    (void)state;
    assert_true(READS(ON "map" OFF " vs " ON "filter" OFF "?"));
    assert_false(READS(ON "map" OFF " and filter"));
    assert_false(OPENS(ON "map" OFF " and filter"));
}

/* ---- text_is_chatter ---- */

#define CHATTER(lit) text_is_chatter((lit), LEN(lit))

static void test_chatter_detects_sign_offs(void **state)
{
    (void)state;
    assert_true(CHATTER("Let me know if you'd like code examples..."));
    assert_true(CHATTER("Let me know if you\xE2\x80\x99" "d like code examples for any of these!"));
    assert_true(CHATTER("Hope this helps!"));
    assert_true(CHATTER("Good luck with your interview!"));
    assert_true(CHATTER("Feel free to ask more questions."));
    assert_true(CHATTER("**Happy coding!**"));
}

static void test_chatter_let_with_other_subject_is_not_chatter(void **state)
{
    (void)state;
    /* Hard case: "Let" opens math prose too. Only "let me ..." is chatter. */
    assert_false(CHATTER("Let x be 5"));
    assert_false(CHATTER("Let's define a class"));
}

/* Every opener is found whatever its first word's case and whatever ends
 * it (an apostrophe, a curly one, a dash), and a first word that only
 * starts like an opener's is not one. */
static void test_chatter_openers_by_their_first_word(void **state)
{
    (void)state;
    assert_true(CHATTER("I'll add examples if you want."));
    assert_true(CHATTER("I\xE2\x80\x99ll add examples if you want."));
    assert_true(CHATTER("If you\xE2\x80\x99" "d like, I can go on."));
    assert_true(CHATTER("THANKS for reading!"));
    assert_true(CHATTER("Thank you for your time."));
    assert_true(CHATTER("Do you want more questions?"));
    assert_true(CHATTER("Would you like a cheat sheet?"));
    assert_true(CHATTER("All the best!"));
    assert_true(CHATTER("Best of luck!"));
    assert_true(CHATTER("Want me to add more?"));
    assert_true(CHATTER("Hope\xE2\x80\x94this helps"));
    assert_true(CHATTER("  > *Hope* this helps"));
    assert_false(CHATTER("Hopefully this works"));
    assert_false(CHATTER("Iterators are lazy."));
    assert_false(CHATTER("Feeling lucky is no strategy."));
    assert_false(CHATTER("Do not mutate default arguments."));
    assert_false(CHATTER("Bestow a name on it"));
    assert_false(CHATTER("If"));
}

static void test_chatter_rejects_subject_matter(void **state)
{
    (void)state;
    assert_false(CHATTER("Here is an example:"));
    assert_false(CHATTER("A decorator wraps a function."));
    assert_false(CHATTER("Lists are mutable; tuples are not."));
    assert_false(CHATTER("Letters are characters"));
    assert_false(CHATTER(""));
}

/* ---- the sixteen-byte fast paths against byte-at-a-time references ----
 *
 * text_append_key and the white-space collapsing copy runs of letters and
 * single spaces sixteen bytes at a time (SSE2). Their output must be the
 * bytes the old loops gave, so each is compared with a reference written
 * here one byte (or one code point) at a time, on texts that end at every
 * offset of a window, hold multi-byte and invalid UTF-8, long words and
 * runs of white space. Inputs are copied into buffers of their exact size
 * so that ASan builds catch a read past the end. */

/* Reference for text_append_key: one byte or code point at a time, as
 * text.c did before its fast path. Invalid UTF-8 counts as one U+FFFD
 * byte (text_next), which is punctuation: a separator. */
static void ref_append_key(StrBuf *out, const char *s, size_t len)
{
    size_t start = out->len;
    int pending = 0;
    strbuf_append(out, "", 0);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        size_t n = 1;
        int sep;
        char lower = (char)c;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                lower = (char)(c + 32);
            sep = !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
        } else {
            uint32_t cp;
            n = utf8_decode(s + i, len - i, &cp);
            if (n == 0) {
                n = 1;
                cp = 0xFFFD;
            }
            sep = text_is_space(cp) || text_is_punct(cp);
        }
        if (sep) {
            pending = 1;
        } else {
            if (pending && out->len > start)
                strbuf_putc(out, ' ');
            pending = 0;
            if (c < 0x80)
                strbuf_putc(out, lower);
            else
                strbuf_append(out, s + i, n);
        }
        i += n;
    }
}

/* Reference for the collapsing copy: ASCII space and \t..\r and Unicode
 * spaces (invalid bytes are U+FFFD, not a space) become one space between
 * two other characters; none at either end. Returns the length. */
static size_t ref_collapse(char *dst, const char *src, size_t len)
{
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)src[i];
        size_t n = 1;
        int is_space;
        if (c < 0x80) {
            is_space = c == ' ' || (c >= '\t' && c <= '\r');
        } else {
            uint32_t cp;
            n = utf8_decode(src + i, len - i, &cp);
            if (n == 0) {
                n = 1;
                cp = 0xFFFD;
            }
            is_space = text_is_space(cp);
        }
        if (is_space) {
            space = 1;
        } else {
            if (space && w > 0)
                dst[w++] = ' ';
            space = 0;
            memcpy(dst + w, src + i, n);
            w += n;
        }
        i += n;
    }
    return w;
}

/* 1: text_append_key of s (after prefix) equals the reference; prints the
 * input when not. */
static int key_matches_reference(const char *s, size_t len, const char *prefix)
{
    char *in = exact_copy(s, len);
    StrBuf got = {0}, want = {0};
    strbuf_puts(&got, prefix);
    strbuf_puts(&want, prefix);
    text_append_key(&got, in, len);
    ref_append_key(&want, in, len);
    int same = got.len == want.len && memcmp(got.data, want.data, got.len) == 0 &&
               got.data[got.len] == '\0';
    if (!same) {
        print_literal("text_append_key input", s, len);
        print_literal("prefix", prefix, strlen(prefix));
        print_literal("got", got.data, got.len);
        print_literal("want", want.data, want.len);
    }
    free(in);
    strbuf_free(&got);
    strbuf_free(&want);
    return same;
}

/* 1: text_copy_collapsed and text_collapse_space (on an exact-size copy)
 * both give the reference's bytes and length; the copy is NUL-terminated,
 * and the in-place one too when it got shorter. */
static int collapse_matches_reference(const char *s, size_t len)
{
    char *want = malloc(len + 1);
    char *copy = malloc(len + 1);
    char *in_place = exact_copy(s, len);
    assert_non_null(want);
    assert_non_null(copy);
    size_t want_len = ref_collapse(want, s, len);
    size_t copy_len = text_copy_collapsed(copy, s, len);
    size_t in_place_len = text_collapse_space(in_place, len);
    int same = copy_len == want_len && memcmp(copy, want, want_len) == 0 &&
               copy[copy_len] == '\0' && in_place_len == want_len &&
               memcmp(in_place, want, want_len) == 0 &&
               (in_place_len == len || in_place[in_place_len] == '\0');
    if (!same) {
        print_literal("collapse input", s, len);
        print_literal("text_copy_collapsed", copy, copy_len);
        print_literal("text_collapse_space", in_place, in_place_len);
        print_literal("want", want, want_len);
    }
    free(want);
    free(copy);
    free(in_place);
    return same;
}

/* Pieces of random texts: words, capitals and digits, runs of white space,
 * ASCII punctuation and markup, two- and three-byte letters and
 * punctuation, Unicode spaces, invalid and truncated UTF-8, and a word
 * longer than 64 bytes. */
#define X10 "xxxxxxxxxx"
static const char *const text_pieces[] = {
    "What", "is", "A", "z9", "_", " ", "  ", "\t", "\n", "?", "**", "`code`",
    "\xC3\xA9",                  /* é */
    "\xE2\x80\x99",              /* ’ U+2019, punctuation */
    "\xE6\x97\xA5\xE6\x9C\xAC", /* 日本 */
    "\xFF",                      /* never valid */
    "-", X10 X10 X10 X10 X10 X10 X10, /* 70 bytes */
    "\r\n", "\xC2\xA0",          /* no-break space */
    "\xE2\x80\x83",              /* em space */
    "\xE3\x80\x80",              /* ideographic space */
    "\xC3",                      /* truncated é */
    "\x80",                      /* lone continuation byte */
    "@[`{/:",                    /* just outside A-Z, a-z, 0-9 */
};
#undef X10

enum { TEXT_PIECES = sizeof text_pieces / sizeof *text_pieces };

/* A random text of exactly `want` bytes from the pieces (random_text.h). */
static size_t random_text(uint64_t *rng, char *buf, size_t want)
{
    return random_pieces_text(rng, text_pieces, TEXT_PIECES, buf, want);
}

enum { RANDOM_TEXTS = 3000, RANDOM_MAX = 300 };

/* The key of 3000 random texts of 0..300 bytes is the reference's, on an
 * empty buffer and after prefixes of 1..23 bytes (the writes start at
 * every alignment). */
static void test_key_fast_path_matches_reference_on_random_texts(void **state)
{
    (void)state;
    uint64_t rng = 0x9E3779B97F4A7C15ull;
    char text[RANDOM_MAX];
    static const char prefix[] = "Key: Prefix Before It, ";
    for (int t = 0; t < RANDOM_TEXTS; t++) {
        size_t len = random_text(&rng, text, random_below(&rng, RANDOM_MAX + 1));
        assert_true(key_matches_reference(text, len, ""));
        size_t p = 1 + (size_t)t % (sizeof prefix - 1);
        char pre[sizeof prefix];
        memcpy(pre, prefix, p);
        pre[p] = '\0';
        assert_true(key_matches_reference(text, len, pre));
    }
}

/* Texts of 0..80 bytes repeating fill, then each with one of seps written
 * at every offset (cut at the text's end): each must pass check. */
static void check_inserts_at_every_offset(const char *fill, const char *const *seps,
                                          size_t sep_count, int (*check)(const char *, size_t))
{
    char text[96];
    size_t fill_len = strlen(fill);
    for (size_t len = 0; len <= 80; len++) {
        for (size_t i = 0; i < len; i++)
            text[i] = fill[i % fill_len];
        assert_true(check(text, len));
        for (size_t s = 0; s < sep_count; s++) {
            for (size_t at = 0; at < len; at++) {
                char t[96];
                memcpy(t, text, len);
                size_t n = strlen(seps[s]);
                memcpy(t + at, seps[s], at + n <= len ? n : len - at);
                assert_true(check(t, len));
            }
        }
    }
}

/* key_matches_reference on an empty key and after a prefix. */
static int key_matches_reference_both_ways(const char *s, size_t len)
{
    return key_matches_reference(s, len, "") && key_matches_reference(s, len, "ab");
}

/* Texts of 1..80 bytes of letters and digits with one separator (or a
 * non-ASCII letter, or invalid byte) written at every offset: the run of
 * letters ends at each place of a sixteen-byte window, and each text ends
 * at each place of one. */
static void test_key_fast_path_matches_reference_at_every_offset(void **state)
{
    (void)state;
    static const char *const seps[] = {" ", "?", "  ", " \n", "\t", "\xC3\xA9", "\xE2\x80\x99",
                                       "\xFF", "\xC3", "\xC2\xA0"};
    check_inserts_at_every_offset("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", seps,
                                  sizeof seps / sizeof *seps, key_matches_reference_both_ways);
}

/* Keys of texts of 15, 16, 17, 31, 32 and 33 bytes whose run of letters
 * ends exactly at the edge of a sixteen-byte window (or one byte either
 * side), written out. */
static void test_key_runs_ending_at_window_edges(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Abcdefghijklmno", "abcdefghijklmno"},                        /* 15 */
        {"ABCDEFGHIJKLMNOP", "abcdefghijklmnop"},                      /* 16 */
        {"ABCDEFGHIJKLMNOPQ", "abcdefghijklmnopq"},                    /* 17 */
        {"ABCDEFGHIJKLMNOP?", "abcdefghijklmnop"},                     /* 17 */
        {"ABCDEFGHIJKLMNO Q", "abcdefghijklmno q"},                    /* 17 */
        {"ABCDEFGHIJKLMN  P", "abcdefghijklmn p"},                     /* 17 */
        {"ABCDEFGHIJKLMN\xE2\x80\x99", "abcdefghijklmn"},              /* 17 */
        {"ABCDEFGHIJKLMNOP\xC3\xA9", "abcdefghijklmnop\xC3\xA9"},      /* 18 */
        {"What is the GIL in CPython 3.12", "what is the gil in cpython 3 12"}, /* 31 */
        {"ABCDEFGHIJKLMNOP\tQRSTUVWXYZabcd", "abcdefghijklmnop qrstuvwxyzabcd"}, /* 31 */
        {"0123456789ABCDEFGHIJKLMNOPQRSTUV", "0123456789abcdefghijklmnopqrstuv"}, /* 32 */
        {"ABCDEFGHIJKLMNO QRSTUVWXYZABCDE\xFF", "abcdefghijklmno qrstuvwxyzabcde"}, /* 32 */
        {"0123456789ABCDEFGHIJKLMNOPQRSTUV!", "0123456789abcdefghijklmnopqrstuv"}, /* 33 */
        {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcde\xC3\xA9", /* 33 */
         "abcdefghijklmnopqrstuvwxyzabcde\xC3\xA9"},
        {"abcdefghijklmnopqrstuvwxyzABCDEF ", "abcdefghijklmnopqrstuvwxyzabcdef"}, /* 33 */
        {"?abcdefghijklmnopqrstuvwxyzABCDE", "abcdefghijklmnopqrstuvwxyzabcde"}, /* 32 */
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        size_t len = strlen(cases[c].in);
        char *in = exact_copy(cases[c].in, len);
        StrBuf b = {0};
        text_append_key(&b, in, len);
        free(in);
        Text got = take(&b);
        assert_string_equal(got.s, cases[c].want);
        /* After other content: appended as it is, no space before it. */
        b = (StrBuf){0};
        strbuf_puts(&b, "k:");
        in = exact_copy(cases[c].in, len);
        text_append_key(&b, in, len);
        free(in);
        got = take(&b);
        assert_memory_equal(got.s, "k:", 2);
        assert_string_equal(got.s + 2, cases[c].want);
        assert_true(key_matches_reference(cases[c].in, len, ""));
    }
}

/* text_copy_collapsed and text_collapse_space on 3000 random texts of
 * 0..300 bytes give the reference's bytes, and the same bytes as each
 * other. */
static void test_collapse_fast_path_matches_reference_on_random_texts(void **state)
{
    (void)state;
    uint64_t rng = 0xD1B54A32D192ED03ull;
    char text[RANDOM_MAX];
    for (int t = 0; t < RANDOM_TEXTS; t++) {
        size_t len = random_text(&rng, text, random_below(&rng, RANDOM_MAX + 1));
        assert_true(collapse_matches_reference(text, len));
    }
}

/* Texts of 1..80 bytes of visible ASCII with white space (or a non-ASCII
 * character, or an invalid byte) written at every offset: a run ends at
 * each place of a sixteen-byte window, a single space sits at each place,
 * the text ends at each place. */
static void test_collapse_fast_path_matches_reference_at_every_offset(void **state)
{
    (void)state;
    static const char *const seps[] = {" ", "  ", "\t", " \n", "\n ", "\r\n", "\v", "\f",
                                       "\xC2\xA0", "\xE2\x80\x83", " \xC2\xA0", "\xC3\xA9",
                                       "\xFF", "\xC3", "\x7F", "\x01"};
    check_inserts_at_every_offset("What-is_Python's (GIL)? x=1; \"y\"~[z]{}", seps,
                                  sizeof seps / sizeof *seps, collapse_matches_reference);
}

/* Collapsing texts of 15, 16, 17, 31, 32 and 33 bytes whose single spaces and
 * runs sit at the window edges, written out. */
static void test_collapse_runs_ending_at_window_edges(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"abcdefghijklm \n", "abcdefghijklm"},                         /* 15 */
        {"abcdefghijklmno ", "abcdefghijklmno"},                       /* 16 */
        {"abcdefghijklmno p", "abcdefghijklmno p"},                    /* 17 */
        {"abcdefghijklmn  p", "abcdefghijklmn p"},                     /* 17 */
        {"abcdefghijklmnop\n", "abcdefghijklmnop"},                    /* 17 */
        {"abcdefghijklmnop q", "abcdefghijklmnop q"},                  /* 18 */
        {"abcdefghijklmno \xC3\xA9", "abcdefghijklmno \xC3\xA9"},      /* 18 */
        {"abcdefghijklmno\xC2\xA0p", "abcdefghijklmno p"},             /* 18 */
        {"abcdefghijklmnopqrstuvwxyz 0123", "abcdefghijklmnopqrstuvwxyz 0123"}, /* 31 */
        {"a b c d e f g h i j k l m n o p ", "a b c d e f g h i j k l m n o p"}, /* 32 */
        {"a b c d e f g h i j k l m n o p q", "a b c d e f g h i j k l m n o p q"}, /* 33 */
        {"a b c d e f g h i j k l m n o\t\t q", "a b c d e f g h i j k l m n o q"}, /* 33 */
        {" \t\nabcdefghijklmnopqrstuvwxyz0123", "abcdefghijklmnopqrstuvwxyz0123"}, /* 33 */
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        size_t len = strlen(cases[c].in);
        char dst[64];
        assert_true(len < sizeof dst);
        size_t n = text_copy_collapsed(dst, cases[c].in, len);
        assert_int_equal(n, strlen(cases[c].want));
        assert_string_equal(dst, cases[c].want);
        assert_true(collapse_matches_reference(cases[c].in, len));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_drops_code_markers),
        cmocka_unit_test(test_plain_leaves_text_without_markers_unchanged),
        cmocka_unit_test(test_plain_appends_to_existing_content),
        cmocka_unit_test(test_markdown_wraps_code_in_backticks),
        cmocka_unit_test(test_markdown_text_without_code_is_unchanged),
        cmocka_unit_test(test_markdown_uses_longer_fence_for_code_with_backtick),
        cmocka_unit_test(test_markdown_pads_code_that_starts_or_ends_with_backtick),
        cmocka_unit_test(test_markdown_unclosed_code_runs_to_end),
        cmocka_unit_test(test_key_lowercases_ascii),
        cmocka_unit_test(test_key_ignores_curly_apostrophe_and_case),
        cmocka_unit_test(test_key_drops_curly_double_quotes),
        cmocka_unit_test(test_key_drops_markup_markers),
        cmocka_unit_test(test_key_collapses_white_space_runs_and_trims),
        cmocka_unit_test(test_key_keeps_non_ascii_letters),
        cmocka_unit_test(test_key_of_only_punctuation_is_empty),
        cmocka_unit_test(test_cut_leaves_short_text_alone),
        cmocka_unit_test(test_cut_short_text_drops_code_markers),
        cmocka_unit_test(test_cut_at_word_boundary_with_ellipsis),
        cmocka_unit_test(test_cut_counts_ellipsis_within_max_chars),
        cmocka_unit_test(test_cut_never_splits_utf8_sequence),
        cmocka_unit_test(test_cut_long_word_is_cut_mid_word),
        cmocka_unit_test(test_cut_trims_trailing_punctuation_before_ellipsis),
        cmocka_unit_test(test_cut_ignores_code_markers_when_counting),
        cmocka_unit_test(test_collapse_space_joins_runs_and_trims),
        cmocka_unit_test(test_collapse_space_handles_unicode_spaces),
        cmocka_unit_test(test_collapse_space_of_blank_text_is_empty),
        cmocka_unit_test(test_collapse_space_keeps_non_space_text),
        cmocka_unit_test(test_collapse_space_single_spaces_next_to_other_text),
        cmocka_unit_test(test_key_fast_path_matches_reference_on_random_texts),
        cmocka_unit_test(test_key_fast_path_matches_reference_at_every_offset),
        cmocka_unit_test(test_key_runs_ending_at_window_edges),
        cmocka_unit_test(test_collapse_fast_path_matches_reference_on_random_texts),
        cmocka_unit_test(test_collapse_fast_path_matches_reference_at_every_offset),
        cmocka_unit_test(test_collapse_runs_ending_at_window_edges),
        cmocka_unit_test(test_number_prefix_accepts_list_numbers),
        cmocka_unit_test(test_number_prefix_accepts_en_dash_separator),
        cmocka_unit_test(test_number_prefix_leaves_question_labels_to_their_function),
        cmocka_unit_test(test_number_prefix_rejects_numbers_in_prose),
        cmocka_unit_test(test_question_label_accepts_q_forms),
        cmocka_unit_test(test_question_label_accepts_question_word),
        cmocka_unit_test(test_question_label_rejects_words_starting_with_q),
        cmocka_unit_test(test_answer_label_accepts_short_labels),
        cmocka_unit_test(test_answer_label_accepts_words),
        cmocka_unit_test(test_answer_label_alone_is_whole_text),
        cmocka_unit_test(test_answer_label_rejects_prose_starting_with_a),
        cmocka_unit_test(test_ends_with_question_plain),
        cmocka_unit_test(test_ends_with_question_allows_closing_quotes_brackets_markup),
        cmocka_unit_test(test_ends_with_question_accepts_fullwidth_mark),
        cmocka_unit_test(test_interrogative_both_reads_and_opens),
        cmocka_unit_test(test_explain_statement_both_reads_and_opens),
        cmocka_unit_test(test_task_word_reads_but_does_not_open),
        cmocka_unit_test(test_plain_title_neither_reads_nor_opens),
        cmocka_unit_test(test_question_word_must_be_whole_word),
        cmocka_unit_test(test_question_mark_makes_any_text_read_and_open),
        cmocka_unit_test(test_leading_code_span_is_judged_by_its_words),
        cmocka_unit_test(test_true_or_false_and_fill_in_the_blank_ask),
        cmocka_unit_test(test_chatter_detects_sign_offs),
        cmocka_unit_test(test_chatter_let_with_other_subject_is_not_chatter),
        cmocka_unit_test(test_chatter_openers_by_their_first_word),
        cmocka_unit_test(test_chatter_rejects_subject_matter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
