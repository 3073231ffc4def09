/* test_corpus.c - reading quiz packs: the three dialects of the seed and
 * their variations, the seed's topics and counts, duplicates, ignored text,
 * placement of sectionless questions, other authors' styles, bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SEED QA_SOURCE_DIR "/assets/corpus/python-interview.md"
#define FOREIGN QA_SOURCE_DIR "/tests/corpora/foreign"

/* ---- helpers ---- */

typedef struct Loaded {
    Bank *bank;
    Diagnostics *diag;
} Loaded;

static Loaded load_n(const char *name, const char *data, size_t len)
{
    Loaded l;
    l.diag = diag_new();
    CorpusReader *r = corpus_reader_new();
    corpus_reader_add(r, name, data, len, l.diag);
    l.bank = corpus_reader_finish(r, l.diag);
    return l;
}

static Loaded load(const char *md)
{
    return load_n("t.md", md, strlen(md));
}

static Loaded load_path(const char *path)
{
    Loaded l;
    l.diag = diag_new();
    l.bank = corpus_load(path, l.diag);
    return l;
}

static void unload(Loaded *l)
{
    bank_free(l->bank);
    diag_free(l->diag);
}

/* Plain prompt of a question. */
static const char *plain_prompt(const Question *q, StrBuf *buf)
{
    strbuf_clear(buf);
    text_append_plain(buf, q->prompt, strlen(q->prompt));
    return strbuf_str(buf);
}

static const Question *find_question(const Bank *b, const char *prompt)
{
    StrBuf buf = {0};
    const Question *found = NULL;
    for (size_t i = 0; i < bank_question_count(b) && !found; i++)
        if (strcmp(plain_prompt(bank_question(b, i), &buf), prompt) == 0)
            found = bank_question(b, i);
    strbuf_free(&buf);
    return found;
}

/* The question with this prompt, which must exist and offer this option. */
static const Question *expect_option(const Bank *b, const char *prompt, const char *option)
{
    const Question *q = find_question(b, prompt);
    if (!q)
        fail_msg("no question \"%s\"", prompt);
    assert_string_equal(q->option, option);
    return q;
}

static const char *answer_md(const Question *q, StrBuf *buf)
{
    strbuf_clear(buf);
    question_answer_markdown(q, buf);
    return strbuf_str(buf);
}

static int has_diag(const Diagnostics *d, DiagLevel level, unsigned line, const char *needle)
{
    for (size_t i = 0; i < diag_count(d); i++) {
        const Diag *g = diag_get(d, i);
        if (g->level == level && (line == 0 || g->line == line) && strstr(g->message, needle))
            return 1;
    }
    return 0;
}

/* True if needle occurs in any prompt, answer or option of the bank. */
static int bank_contains(const Bank *b, const char *needle)
{
    StrBuf buf = {0};
    int found = 0;
    for (size_t i = 0; i < bank_question_count(b) && !found; i++) {
        const Question *q = bank_question(b, i);
        strbuf_clear(&buf);
        text_append_plain(&buf, q->prompt, strlen(q->prompt));
        strbuf_putc(&buf, '\n');
        question_answer_markdown(q, &buf);
        strbuf_putc(&buf, '\n');
        strbuf_puts(&buf, q->option);
        if (q->code) {
            strbuf_putc(&buf, '\n');
            strbuf_puts(&buf, q->code);
        }
        found = strstr(strbuf_str(&buf), needle) != NULL;
    }
    strbuf_free(&buf);
    return found;
}

/* The question whose code (shown with its prompt) contains needle, or
 * NULL. */
static const Question *find_code(const Bank *b, const char *needle)
{
    for (size_t i = 0; i < bank_question_count(b); i++) {
        const Question *q = bank_question(b, i);
        if (q->code && strstr(q->code, needle))
            return q;
    }
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    StrBuf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return strbuf_take(&b);
}

/* ---- dialect 1: section heading, numbered questions, bullet answers ---- */

static void test_dialect1_numbered_questions_with_bullet_answers(void **state)
{
    (void)state;
    Loaded l = load("### Functions\n\n"
                    "6. What are args and kwargs in Python functions?\n"
                    "   - `args`: Allows passing variable-length positional arguments.\n"
                    "   - `kwargs`: Allows passing variable-length keyword arguments.\n\n"
                    "9. Explain the concept of closures in Python.\n"
                    "   - A closure is a nested function:\n"
                    "     ```python\n"
                    "     func()  # Output: Hello\n"
                    "     ```\n\n"
                    "10. What are first-class functions in Python?\n"
                    "   - Functions are treated like objects.\n");
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_string_equal(bank_topic_name(l.bank, 0), "Functions");
    assert_int_equal(bank_question_count(l.bank), 3);
    StrBuf buf = {0};
    const Question *q = find_question(l.bank, "What are args and kwargs in Python functions?");
    assert_non_null(q);
    assert_int_equal(q->line, 3);
    assert_string_equal(answer_md(q, &buf),
                        "- `args`: Allows passing variable-length positional arguments.\n"
                        "- `kwargs`: Allows passing variable-length keyword arguments.");
    q = find_question(l.bank, "Explain the concept of closures in Python.");
    assert_non_null(q);
    assert_int_equal(q->answer_len, 2);
    assert_int_equal(q->answer[1].kind, ANSWER_CODE);
    assert_string_equal(q->answer[1].lang, "python");
    assert_string_equal(q->answer[1].text, "func()  # Output: Hello");
    /* "10." takes 4 columns: its 3-space bullets follow the list instead of
     * nesting, and are still its answer. */
    q = find_question(l.bank, "What are first-class functions in Python?");
    assert_non_null(q);
    assert_int_equal(q->line, 13);
    assert_string_equal(q->option, "Functions are treated like objects.");
    strbuf_free(&buf);
    unload(&l);
}

/* ---- dialect 2: one heading per question ---- */

static void test_dialect2_heading_questions_drop_answer_label(void **state)
{
    (void)state;
    Loaded l = load("### 4. What is `self` in Python classes?\n"
                    "Answer:  \n"
                    "`self` refers to the instance of the class.\n\n"
                    "Example:\n"
                    "```python\n"
                    "person.greet()  # Output: Hello\n"
                    "```\n\n"
                    "---\n\n"
                    "### 5. What is the difference between a class variable and an instance variable?\n"
                    "Answer:\n"
                    "- Class Variable: Shared across all instances.\n"
                    "- Instance Variable: Specific to an object.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = bank_question(l.bank, 0);
    assert_string_equal(q->prompt, "What is \x0eself\x0f in Python classes?");
    assert_int_equal(q->line, 1);
    assert_int_equal(q->answer_len, 3);
    assert_int_equal(q->answer[0].kind, ANSWER_PARA);
    assert_string_equal(q->answer[0].text, "\x0eself\x0f refers to the instance of the class.");
    assert_int_equal(q->answer[2].kind, ANSWER_CODE);
    assert_string_equal(q->option, "self refers to the instance of the class.");
    q = bank_question(l.bank, 1);
    assert_int_equal(q->answer_len, 2);
    assert_int_equal(q->answer[0].kind, ANSWER_ITEM);
    assert_string_equal(q->option,
                        "Class Variable: Shared across all instances. Instance Variable: "
                        "Specific to an object.");
    unload(&l);
}

static void test_dialect2_numbered_lists_stay_in_the_answer(void **state)
{
    (void)state;
    Loaded l = load("### 2. What are the main principles of OOP?\n"
                    "Answer:  \n"
                    "1. Encapsulation: Bundling data and methods.\n"
                    "2. Inheritance: What makes new classes from old ones?\n"
                    "3. Polymorphism: One interface, many types.\n\n"
                    "### 7. What are the types of inheritance in Python?\n"
                    "Answer:  \n"
                    "1. Single Inheritance: One class inherits from another.\n"
                    "2. Multiple Inheritance: A class inherits from multiple classes.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = bank_question(l.bank, 0);
    assert_int_equal(q->answer_len, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(q->answer[i].kind, ANSWER_ITEM);
        assert_int_equal(q->answer[i].number, i + 1);
    }
    StrBuf buf = {0};
    assert_string_equal(answer_md(bank_question(l.bank, 1), &buf),
                        "1. Single Inheritance: One class inherits from another.\n"
                        "2. Multiple Inheritance: A class inherits from multiple classes.");
    strbuf_free(&buf);
    unload(&l);
}

/* ---- dialect 3: bold sections, bold numbered questions, nested bullets ---- */

static void test_dialect3_bold_headings_and_questions(void **state)
{
    (void)state;
    Loaded l = load("### **Django Framework**\n"
                    "6. **Explain Django\xE2\x80\x99s MVT architecture.**  \n"
                    "   - MVT stands for Model-View-Template.  \n"
                    "     - **Model:** Manages database interactions.  \n"
                    "     - **View:** Processes business logic.\n\n"
                    "10. **What are Django signals, and when do you use them?**  \n"
                    "   - Signals allow decoupled components to communicate.\n");
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_string_equal(bank_topic_name(l.bank, 0), "Django Framework");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = find_question(l.bank, "Explain Django\xE2\x80\x99s MVT architecture.");
    assert_non_null(q);
    assert_int_equal(q->answer_len, 3);
    assert_int_equal(q->answer[1].depth, 1);
    assert_string_equal(q->answer[1].text, "Model: Manages database interactions.");
    assert_non_null(find_question(l.bank, "What are Django signals, and when do you use them?"));
    unload(&l);
}

/* ---- variations of the same pack give the same bank ---- */

static char *bank_fingerprint(const Bank *b)
{
    StrBuf out = {0};
    for (size_t t = 0; t < bank_topic_count(b); t++) {
        strbuf_printf(&out, "# %s\n", bank_topic_name(b, t));
        for (size_t i = 0; i < bank_topic_size(b, t); i++) {
            const Question *q = bank_question(b, bank_topic_first(b, t) + i);
            strbuf_printf(&out, "Q %s\nO %s\n", q->prompt, q->option);
            question_answer_markdown(q, &out);
            strbuf_putc(&out, '\n');
        }
    }
    return strbuf_take(&out);
}

static char *replace_all(const char *s, const char *from, const char *to)
{
    StrBuf out = {0};
    size_t n = strlen(from);
    for (const char *p = s; *p;) {
        if (strncmp(p, from, n) == 0) {
            strbuf_puts(&out, to);
            p += n;
        } else {
            strbuf_putc(&out, *p++);
        }
    }
    return strbuf_take(&out);
}

static const char *VARIATION_BASE =
    "### General Python\n\n"
    "1. What are Python's key features?\n"
    "   - Interpreted: runs from source.\n"
    "   - Dynamic typing: types at runtime.\n\n"
    "2. What is the difference between shallow copy and deep copy?\n"
    "   - Shallow copy copies references (`copy.copy()`).\n"
    "   - Deep copy copies everything.\n\n"
    "### Functions\n\n"
    "3. How do Python decorators work?\n"
    "   - A decorator wraps a function. Example:\n"
    "     ```python\n"
    "     @decorator\n"
    "     def f(): pass\n"
    "     ```\n";

static void test_variations_give_the_same_bank(void **state)
{
    (void)state;
    Loaded base = load(VARIATION_BASE);
    char *expect = bank_fingerprint(base.bank);
    assert_int_equal(bank_question_count(base.bank), 3);

    char *hashes2 = replace_all(VARIATION_BASE, "### ", "## ");
    char *stars = replace_all(VARIATION_BASE, "   - ", "   * ");
    char *crlf = replace_all(VARIATION_BASE, "\n", "\r\n");
    char *bold_section = replace_all(VARIATION_BASE, "### General Python", "### **General Python**");
    char *bold = replace_all(bold_section, "1. What are Python's key features?",
                             "1. **What are Python's key features?**  ");
    free(bold_section);
    StrBuf bom = {0};
    strbuf_puts(&bom, "\xEF\xBB\xBF");
    strbuf_puts(&bom, crlf);
    const char *variants[] = {hashes2, stars, crlf, bold, strbuf_str(&bom)};
    for (size_t i = 0; i < sizeof variants / sizeof *variants; i++) {
        Loaded v = load(variants[i]);
        char *got = bank_fingerprint(v.bank);
        assert_string_equal(got, expect);
        free(got);
        unload(&v);
    }
    /* Curly quotes give the same questions (one apostrophe form each). */
    char *curly = replace_all(VARIATION_BASE, "Python's", "Python\xE2\x80\x99s");
    Loaded c = load(curly);
    assert_int_equal(bank_question_count(c.bank), 3);
    assert_non_null(find_question(c.bank, "What are Python\xE2\x80\x99s key features?"));
    unload(&c);
    free(curly);
    free(hashes2);
    free(stars);
    free(crlf);
    free(bold);
    strbuf_free(&bom);
    free(expect);
    unload(&base);
}

/* ---- headings nest as Markdown defines ---- */

static void test_question_heading_at_section_level_ends_the_section(void **state)
{
    (void)state;
    Loaded l = load("### Basics\n\n"
                    "1. What is a variable?\n   - A name bound to a value.\n\n"
                    "2. What is a list?\n   - A mutable sequence.\n\n"
                    "### 1. What is a tuple?\nAnswer: An immutable sequence.\n");
    /* The tuple question is under no section: with nothing else to go
     * by it still lands in the only topic there is. */
    expect_option(l.bank, "What is a tuple?", "An immutable sequence.");
    unload(&l);

    Loaded deep = load("## Basics\n\n"
                       "### What is a tuple?\nAn immutable sequence.\n\n"
                       "## Advanced\n\n"
                       "### What is a metaclass?\nThe class of a class.\n");
    assert_int_equal(bank_topic_count(deep.bank), 2);
    assert_string_equal(bank_topic_name(deep.bank, 0), "Basics");
    assert_string_equal(bank_topic_name(deep.bank, 1), "Advanced");
    assert_int_equal(bank_question(deep.bank, 0)->topic, 0);
    assert_int_equal(bank_question(deep.bank, 1)->topic, 1);
    unload(&deep);
}

static void test_sub_headings_inside_a_question_belong_to_its_answer(void **state)
{
    (void)state;
    Loaded l = load("## Loops\n\n"
                    "### How does a for loop work?\n\n"
                    "#### Answer\n\nIt iterates over an iterable.\n\n"
                    "#### Example\n\n```python\nfor x in y: pass\n```\n\n"
                    "### What does break do?\nIt leaves the loop.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = bank_question(l.bank, 0);
    assert_int_equal(q->answer_len, 3);
    assert_string_equal(q->answer[0].text, "It iterates over an iterable.");
    assert_string_equal(q->answer[1].text, "Example");
    assert_int_equal(q->answer[2].kind, ANSWER_CODE);
    unload(&l);
}

static void test_title_heading_is_not_a_topic(void **state)
{
    (void)state;
    Loaded l = load("# Python Interview Questions\n\nIntro text.\n\n"
                    "## Basics\n\n### What is PEP 8?\nThe style guide.\n\n"
                    "## Testing\n\n### What is pytest?\nA test framework.\n");
    assert_int_equal(bank_topic_count(l.bank), 2);
    assert_string_equal(bank_topic_name(l.bank, 0), "Basics");
    assert_true(has_diag(l.diag, DIAG_NOTE, 3, "Intro text"));
    unload(&l);

    Loaded flat = load("# Rust Questions\n\n## 1. What is ownership?\nEach value has one owner.\n\n"
                       "## 2. What is borrowing?\nUsing a reference.\n");
    assert_int_equal(bank_topic_count(flat.bank), 1);
    assert_string_equal(bank_topic_name(flat.bank, 0), "Rust Questions");
    assert_int_equal(bank_question_count(flat.bank), 2);
    unload(&flat);
}

static void test_sections_with_the_same_name_merge_across_files(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    CorpusReader *r = corpus_reader_new();
    const char *a = "## Basics\n\n1. What is A?\n   - A is a letter.\n\n## Extra\n\n"
                    "1. What is E?\n   - E is a letter.\n";
    const char *b = "### **basics**\n\n1. What is B?\n   - B is a letter.\n";
    /* Names written again, in turn: the topics of their first time. */
    const char *c = "## Extra\n\n1. What is F?\n   - F is a letter.\n\n## Basics\n\n"
                    "1. What is C?\n   - C is a letter.\n\n## Extra\n\n"
                    "1. What is G?\n   - G is a letter.\n";
    corpus_reader_add(r, "a.md", a, strlen(a), d);
    corpus_reader_add(r, "b.md", b, strlen(b), d);
    corpus_reader_add(r, "c.md", c, strlen(c), d);
    Bank *bank = corpus_reader_finish(r, d);
    assert_int_equal(bank_topic_count(bank), 2);
    assert_string_equal(bank_topic_name(bank, 0), "Basics");
    assert_int_equal(bank_topic_size(bank, 0), 3);
    assert_string_equal(bank_topic_name(bank, 1), "Extra");
    assert_int_equal(bank_topic_size(bank, 1), 3);
    assert_int_equal(find_question(bank, "What is C?")->topic, 0);
    assert_int_equal(find_question(bank, "What is G?")->topic, 1);
    const Question *q = find_question(bank, "What is B?");
    assert_non_null(q);
    assert_string_equal(q->file, "b.md");
    assert_int_equal(q->topic, 0);
    bank_free(bank);
    diag_free(d);
}

/* ---- duplicates, ignored text, questions without answers ---- */

static void test_duplicate_prompts_are_kept_once(void **state)
{
    (void)state;
    Loaded l = load("## A\n\n1. What are Python's data types?\n   - Numbers and more.\n\n"
                    "## B\n\n1. **What are PYTHON\xE2\x80\x99S  data-types**?\n   - Other answer.\n");
    assert_int_equal(bank_question_count(l.bank), 1);
    assert_string_equal(bank_question(l.bank, 0)->option, "Numbers and more.");
    assert_true(has_diag(l.diag, DIAG_NOTE, 8, "duplicate"));
    unload(&l);
}

/* ---- code a prompt asks about ---- */

static void test_code_under_a_pointing_prompt_belongs_to_the_question(void **state)
{
    (void)state;
    Loaded l = load("## Output\n\n### What does this print?\n\n```python\nprint(1 + 1)\n```\n\n"
                    "It prints `2`.\n\n"
                    "### Explain the result\n\n```\nlen([])\n```\n\n**Answer:** zero.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = find_question(l.bank, "What does this print?");
    assert_non_null(q);
    assert_string_equal(q->code, "print(1 + 1)");
    assert_string_equal(q->code_lang, "python");
    assert_int_equal(q->answer_len, 1);
    assert_string_equal(q->option, "It prints 2.");
    /* A prompt that does not point at it: the "Answer:" label after the
     * code tells, and is dropped. */
    q = find_question(l.bank, "Explain the result");
    assert_non_null(q);
    assert_string_equal(q->code, "len([])");
    assert_string_equal(q->code_lang, "");
    assert_string_equal(q->option, "zero.");
    unload(&l);
}

static void test_code_that_answers_stays_the_answer(void **state)
{
    (void)state;
    Loaded l = load("## Lists\n\n"
                    /* all there is: the answer */
                    "### How do you reverse a list?\n\n```python\nitems.reverse()\n```\n\n"
                    /* code, then prose, under a prompt that does not point at it */
                    "### How do you copy a list?\n\n```python\nitems[:]\n```\n\n"
                    "A full slice makes a shallow copy.\n\n"
                    /* the label comes first: the code after it is the answer */
                    "### How do you sort a list?\nAnswer:\n\n```python\nitems.sort()\n```\n\n"
                    "It sorts in place.\n\n"
                    /* code in an item of the answer, not before it */
                    "### What does this return?\n\n- It depends:\n\n  ```python\nf()\n```\n");
    assert_int_equal(bank_question_count(l.bank), 4);
    for (size_t i = 0; i < bank_question_count(l.bank); i++)
        assert_null(bank_question(l.bank, i)->code);
    StrBuf buf = {0};
    assert_non_null(strstr(answer_md(find_question(l.bank, "How do you sort a list?"), &buf),
                           "items.sort()"));
    strbuf_free(&buf);
    unload(&l);
}

static void test_pointing_prompt_with_only_code_takes_the_first_block(void **state)
{
    (void)state;
    Loaded l = load("## Output\n\nQ: What is the output of the following?\n\n"
                    "```python\nprint('a' * 2)\n```\n\n```\naa\n```\n");
    assert_int_equal(bank_question_count(l.bank), 1);
    const Question *q = bank_question(l.bank, 0);
    assert_string_equal(q->code, "print('a' * 2)");
    assert_int_equal(q->answer_len, 1);
    assert_int_equal(q->answer[0].kind, ANSWER_CODE);
    assert_string_equal(q->answer[0].text, "aa");
    unload(&l);
}

static void test_same_prompt_with_other_code_is_another_question(void **state)
{
    (void)state;
    Loaded l = load("## Output\n\n"
                    "### What does this print?\n\n```\nprint(1)\n```\n\nIt prints 1.\n\n"
                    "### What does this print?\n\n```\nprint(2)\n```\n\nIt prints 2.\n\n"
                    "### What does this print?\n\n```\nprint(2)\n```\n\nThe number 2.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_string_equal(bank_question(l.bank, 0)->code, "print(1)");
    assert_string_equal(bank_question(l.bank, 1)->code, "print(2)");
    assert_true(has_diag(l.diag, DIAG_NOTE, 19, "duplicate"));
    /* The saved history tells them apart too. */
    assert_true(question_hash(bank_question(l.bank, 0)) !=
                question_hash(bank_question(l.bank, 1)));
    unload(&l);
}

static void test_code_too_long_to_show_leaves_its_question_out(void **state)
{
    (void)state;
    StrBuf md = {0};
    strbuf_puts(&md, "## Output\n\n### What does this print?\n\n```\n");
    for (int i = 0; i < 15; i++)
        strbuf_printf(&md, "print(%d)\n", i);
    strbuf_puts(&md, "```\n\nThe numbers 0 to 14.\n\n### What is 14 lines?\n\n```\n");
    for (int i = 0; i < 14; i++)
        strbuf_printf(&md, "x = %d\n", i);
    strbuf_puts(&md, "```\n\nAnswer: the longest code shown with a prompt.\n");
    Loaded l = load(md.data);
    assert_int_equal(bank_question_count(l.bank), 1);
    assert_non_null(bank_question(l.bank, 0)->code);
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "15 lines long"));
    unload(&l);
    strbuf_free(&md);
}

static void test_tip_quotes_are_not_answers_but_notes_are(void **state)
{
    (void)state;
    Loaded l = load("## Files\n\n### How do you open a file?\n\nWith `open()`.\n\n"
                    "> \xF0\x9F\x92\xA1 **Tip:** try every example yourself.\n\n"
                    "> **Note:** close it, or use `with`.\n\n"
                    "### How do you read a line?\n\nWith `readline()`.\n\n"
                    "> [!TIP]\n> Practice daily.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_false(bank_contains(l.bank, "try every example"));
    assert_false(bank_contains(l.bank, "Practice daily"));
    assert_true(bank_contains(l.bank, "close it"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 7, "tip for the reader"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 15, "tip for the reader"));
    unload(&l);
}

static void test_chatter_and_loose_text_never_enter_an_answer(void **state)
{
    (void)state;
    Loaded l = load("Here are some questions for you.\n\n"
                    "## Basics\n\nThis section covers basics.\n\n"
                    "1. What is X?\n   - X is a thing.\n\n"
                    "Let me know if you'd like code examples for any specific question!\n\n"
                    "---\n\n"
                    "### 1. What is Y?\nAnswer: Y is another thing.\n\n"
                    "Hope this helps! Good luck.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_false(bank_contains(l.bank, "Let me know"));
    assert_false(bank_contains(l.bank, "Hope this helps"));
    assert_false(bank_contains(l.bank, "This section covers"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 1, "ignored text"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 5, "ignored text"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 10, "Let me know"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 17, "Hope this helps"));
    unload(&l);
}

static void test_question_without_answer_is_reported_and_left_out(void **state)
{
    (void)state;
    Loaded l = load("## Basics\n\n### What is X?\n\n### What is Y?\nY is a letter.\n\n"
                    "## More\n\n1. What is Z?\n2. What is W?\n   - W is a letter.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_null(find_question(l.bank, "What is X?"));
    assert_null(find_question(l.bank, "What is Z?"));
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "no answer"));
    assert_true(has_diag(l.diag, DIAG_WARNING, 10, "no answer"));
    unload(&l);
}

static void test_table_of_contents_links_are_not_questions(void **state)
{
    (void)state;
    Loaded l = load("# JS Questions\n\n## Table of Contents\n\n"
                    "1. [What is a closure?](#what-is-a-closure)\n"
                    "2. [What is hoisting?](#what-is-hoisting)\n\n"
                    "## Functions\n\n### What is a closure?\n\nA function with its scope.\n\n"
                    "**[\xE2\xAC\x86 back to top](#js-questions)**\n\n"
                    "### What is hoisting?\n\nMoving declarations up.\n");
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_false(bank_contains(l.bank, "back to top"));
    unload(&l);
}

/* ---- other authors' shapes ---- */

static void test_q_and_a_lines_in_one_or_two_paragraphs(void **state)
{
    (void)state;
    Loaded l = load("**Files**\n\n"
                    "Q: Which command prints the working directory?\nA: `pwd`\n\n"
                    "Q: What does `cd -` do?\n\n"
                    "A: It goes back to the previous directory.\n\n"
                    "**Q3. How do you count lines?**\n\n**Answer:** With `wc -l`.\n");
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_string_equal(bank_topic_name(l.bank, 0), "Files");
    assert_int_equal(bank_question_count(l.bank), 3);
    const Question *q = find_question(l.bank, "Which command prints the working directory?");
    assert_non_null(q);
    assert_string_equal(q->answer[0].text, "\x0epwd\x0f");
    expect_option(l.bank, "What does cd - do?", "It goes back to the previous directory.");
    expect_option(l.bank, "How do you count lines?", "With wc -l.");
    unload(&l);
}

/* A bold label or number before the question ("**Q:** What...?") marks
 * it, it is not the question; "A1." labels an answer as "A:" does. */
static void test_bold_labels_and_numbered_answer_labels(void **state)
{
    (void)state;
    Loaded l = load("## Joins\n\n"
                    "Q1. What is an INNER JOIN?\nA1. Rows that match in both tables.\n\n"
                    "**Q:** What is an index?\n**A:** A structure that speeds up lookups.\n\n"
                    "**Question:** When is an index a bad idea?\n"
                    "**Answer:** On columns written more often than read.\n\n"
                    "**3.** What is a view?\n\nA stored query.\n");
    assert_int_equal(bank_question_count(l.bank), 4);
    expect_option(l.bank, "What is an INNER JOIN?", "Rows that match in both tables.");
    expect_option(l.bank, "What is an index?", "A structure that speeds up lookups.");
    expect_option(l.bank, "When is an index a bad idea?",
                  "On columns written more often than read.");
    expect_option(l.bank, "What is a view?", "A stored query.");
    assert_false(has_diag(l.diag, DIAG_NOTE, 0, "duplicate"));
    unload(&l);
}

/* Numbered questions with nothing under them wait for an answer key at
 * the end of the file; each of its items answers the question with its
 * number. Choices with no key wait too, and stay an ordinary answer when no
 * key comes. */
static void test_an_answer_key_answers_questions_by_number(void **state)
{
    (void)state;
    Loaded l = load("# Ports\n\n## Questions\n\n"
                    "### 1. Which port does SSH use?\n\n"
                    "### 2. Which port does DNS use?\n\n"
                    "### 3. Which protocol does ping use?\n\na) TCP\nb) ICMP\nc) UDP\n\n"
                    "### 4. Which port does SMTP use?\n\n"
                    "**Answers**\n\n"
                    "- 1. Port 22.\n- 2. Port 53, over UDP and TCP.\n- 3. b - it sends echo requests\n"
                    "- 7. Port 80.\n");
    assert_int_equal(bank_question_count(l.bank), 3);
    /* "Questions" names no topic: the title does. */
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_string_equal(bank_topic_name(l.bank, 0), "Ports");
    const Question *q = expect_option(l.bank, "Which port does SSH use?", "Port 22.");
    assert_int_equal(q->line, 5);
    q = expect_option(l.bank, "Which protocol does ping use?", "ICMP");
    assert_int_equal(q->choice_count, 2);
    assert_int_equal(q->answer_len, 2);
    assert_string_equal(q->answer[1].text, "It sends echo requests"); /* a sentence */
    assert_null(find_question(l.bank, "Which port does SMTP use?"));
    assert_true(has_diag(l.diag, DIAG_WARNING, 15, "question has no answer"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 0, "no question waits for it"));
    assert_false(bank_contains(l.bank, "Answers"));
    unload(&l);

    /* No key: the choices are the answer, as written. */
    l = load("## Ping\n\n1. Which protocol does ping use?\n   a) TCP\n   b) ICMP\n\n"
             "2. What does ping measure?\n   The round trip time.\n");
    q = find_question(l.bank, "Which protocol does ping use?");
    assert_non_null(q);
    assert_int_equal(q->choice_count, 0);
    assert_string_equal(q->option, "a) TCP b) ICMP");
    unload(&l);

    /* "Answer:" alone under a question labels its answer; it is no key. */
    l = load("## SQL\n\n**1. What does SQL stand for?**\n\n**Answer:**\n\n"
             "- Structured\n- Query\n- Language\n");
    expect_option(l.bank, "What does SQL stand for?", "Structured; Query; Language");
    unload(&l);
}

/* "Q." pairs with "A." (which elsewhere may open a sentence or a choice),
 * in one paragraph or two; a bold "**Q2**" before its colon is a label. */
static void test_q_dot_answers_and_bold_labels_before_a_colon(void **state)
{
    (void)state;
    Loaded l = load("## Pods\n\n"
                    "Q. What is a Pod?\nA. The smallest deployable unit.\n\n"
                    "Q. What is a node?\n\nA. A machine that runs Pods.\n\n"
                    "**Q2**: What restarts a failed Pod?\n**A2**: Its controller.\n\n"
                    "**3.** What is a label?\n\nA. Lincoln would not know.\n");
    assert_int_equal(bank_question_count(l.bank), 4);
    expect_option(l.bank, "What is a Pod?", "The smallest deployable unit.");
    expect_option(l.bank, "What is a node?", "A machine that runs Pods.");
    expect_option(l.bank, "What restarts a failed Pod?", "Its controller.");
    /* Not asked as "Q.": "A." stays the sentence's. */
    expect_option(l.bank, "What is a label?", "A. Lincoln would not know.");
    unload(&l);
}

/* "True or false: ..." asks too, and its options are True and False. */
static void test_true_or_false_questions_offer_true_and_false(void **state)
{
    (void)state;
    Loaded l = load("## Basics\n\n**1. True or False: Python lists are immutable.**\n\n"
                    "**Answer:** False. Lists can be changed in place.\n\n"
                    "**2. Fill in the blank: the keyword ____ defines a function.**\n\n"
                    "**Answer:** `def`\n");
    const Question *q = expect_option(l.bank, "True or False: Python lists are immutable.",
                                      "False");
    assert_int_equal(q->choice_count, 1);
    assert_string_equal(q->choices[0], "True");
    assert_string_equal(q->answer[0].text, "False. Lists can be changed in place.");
    q = expect_option(l.bank, "Fill in the blank: the keyword ____ defines a function.", "def");
    assert_int_equal(q->choice_count, 0);
    unload(&l);
}

/* Markdown is not read inside HTML, but `code` written there is code. */
static void test_code_spans_inside_html_answers(void **state)
{
    (void)state;
    Loaded l = load("## Hooks\n\n#### What must a custom hook's name start with?\n\n"
                    "<details>\n  <summary>Click to reveal</summary>\n"
                    "  With `use`, as in ``useFetch`` (a ` alone stays).\n</details>\n");
    const Question *q = find_question(l.bank, "What must a custom hook's name start with?");
    assert_non_null(q);
    assert_int_equal(q->answer_len, 1);
    assert_string_equal(q->answer[0].text,
                        "With \x0euse\x0f, as in \x0euseFetch\x0f (a ` alone stays).");
    assert_string_equal(q->option, "With use, as in useFetch (a ` alone stays).");
    unload(&l);
}

/* The README's own example pack ("Writing a quiz pack"), read from the
 * README: every question it shows is one question, and a heading
 * question's answer stops at the next labelled or bold question. */
static void test_the_readmes_example_pack_reads_as_it_says(void **state)
{
    (void)state;
    FILE *f = fopen(QA_SOURCE_DIR "/README.md", "rb");
    assert_non_null(f);
    StrBuf readme = {0}, pack = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_append(&readme, chunk, n);
    fclose(f);
    const char *section = strstr(strbuf_str(&readme), "## Writing a quiz pack");
    assert_non_null(section);
    const char *start = strstr(section, "```markdown\n");
    assert_non_null(start);
    start += strlen("```markdown\n");
    const char *end = strstr(start, "\n```\n");
    assert_non_null(end);
    strbuf_append(&pack, start, (size_t)(end - start) + 1);
    Loaded l = load(strbuf_str(&pack));
    assert_int_equal(bank_question_count(l.bank), 5);
    const Question *self = find_question(l.bank, "What is self in Python classes?");
    assert_non_null(self);
    for (size_t b = 0; b < self->answer_len; b++)
        assert_null(strstr(self->answer[b].text, "decorator"));
    expect_option(l.bank, "What is a decorator?", "A function that wraps another function.");
    assert_non_null(find_question(l.bank, "Which command prints the working directory?"));
    assert_non_null(find_question(l.bank, "What does git stash do?"));
    assert_int_equal(diag_total(l.diag, DIAG_WARNING), 0);
    unload(&l);
    strbuf_free(&pack);
    strbuf_free(&readme);
}

/* "### Question 3" only numbers a question: the paragraph under it asks
 * it, whatever its wording, and the blocks below answer it. */
static void test_a_heading_that_only_numbers_a_question(void **state)
{
    (void)state;
    Loaded l = load("## Shell\n\n### Question 1\nWhich command prints the working directory?\n\n"
                    "`pwd`\n\n#### Q2:\n\nName the command that lists files.\n\n"
                    "**Answer:** `ls`\n\n### Question 3\n\n- not a question\n\n"
                    "### Question 4\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_string_equal(bank_topic_name(l.bank, 0), "Shell");
    const Question *q = expect_option(l.bank, "Which command prints the working directory?", "pwd");
    assert_int_equal(q->line, 4);
    q = expect_option(l.bank, "Name the command that lists files.", "ls");
    assert_true(has_diag(l.diag, DIAG_WARNING, 14, "\"Question 3\" has no question under it"));
    assert_true(has_diag(l.diag, DIAG_WARNING, 18, "\"Question 4\" has no question under it"));
    assert_false(bank_contains(l.bank, "Question"));
    unload(&l);

    /* A lead-in and its code before the question itself. */
    l = load("## Python\n\n### Question 1\n\nConsider the following code:\n\n"
             "```python\nprint(len([1, 2]))\n```\n\nWhat does it print?\n\n**Answer:** 2\n");
    q = expect_option(l.bank, "Consider the following code: What does it print?", "2");
    assert_non_null(q->code);
    assert_string_equal(q->code, "print(len([1, 2]))");
    assert_string_equal(q->code_lang, "python");
    unload(&l);

    /* Flashcards as "### Question" and "### Answer" pairs. */
    l = load("## Git\n\n### Question\nWhat does git switch -c do?\n\n### Answer\n"
             "It creates a branch and switches to it.\n\n### Question\n"
             "How do you delete a merged branch?\n\n### Answer\ngit branch -d\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    expect_option(l.bank, "What does git switch -c do?",
                  "It creates a branch and switches to it.");
    assert_int_equal(bank_topic_count(l.bank), 1);
    unload(&l);
}

/* Shapes a review found misread: each must keep its answer. */
static void test_answers_that_look_like_keys_or_choices_stay_answers(void **state)
{
    (void)state;
    /* A key in the choices' paragraph, with its explanation and more
     * paragraphs: every block is kept (one block became two). */
    Loaded l = load("## Powers\n\n1. What is 2 ** 3?\n   a) 6\n   b) 8\n"
                    "   Answer: b - because two cubed is 8\n\n   p2\n\n   p3\n\n   p4\n\n"
                    "   p5\n\n   p6\n\n   p7\n\n   p8\n");
    const Question *q = expect_option(l.bank, "What is 2 ** 3?", "8");
    assert_int_equal(q->answer_len, 9);
    assert_string_equal(q->answer[1].text, "Because two cubed is 8");
    assert_string_equal(q->answer[8].text, "p8");
    unload(&l);

    /* "**Answers:**" under the only numbered question labels its answer. */
    l = load("## Net\n\n**4. What is ICMP?**\n\n**Answers:**\n\n- used by ping\n\n"
             "5. What is ARP?\n   - it maps IP addresses to MAC addresses\n");
    expect_option(l.bank, "What is ICMP?", "used by ping");
    assert_non_null(find_question(l.bank, "What is ARP?"));
    unload(&l);

    /* Counting a numbered list is no choice of its fourth item. */
    l = load("## Types\n\n### How many primitive types are listed here?\n\n"
             "1. int\n2. float\n3. bool\n4. str\n\nThe answer is 4.\n");
    q = find_question(l.bank, "How many primitive types are listed here?");
    assert_non_null(q);
    assert_int_equal(q->choice_count, 0);
    unload(&l);

    /* "Q)" pairs with "A)". */
    l = load("## Capitals\n\nQ) What is the capital of France?\nA) Paris\n");
    expect_option(l.bank, "What is the capital of France?", "Paris");
    unload(&l);

    /* "Exercise 1" is a section, and its lead-in no question. */
    l = load("## Exercise 1\n\nAnswer the following questions about networking.\n\n"
             "1. What is DNS?\n   - The domain name system.\n"
             "2. What is IP?\n   - The internet protocol.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_string_equal(bank_topic_name(l.bank, 0), "Exercise 1");
    unload(&l);

    /* "### Question 2" numbers its question for an answer key. */
    l = load("# Ports\n\n### Question 1\nWhich port does SSH use?\n\n"
             "### Question 2\nWhich port does DNS use?\n\n## Answers\n\n1. 22\n2. 53\n");
    expect_option(l.bank, "Which port does DNS use?", "53");
    unload(&l);

    /* A row of a table of choices with one choice is left out, and an
     * empty row says nothing. */
    l = load("| Question | A | B | Answer |\n|---|---|---|---|\n| Which? | x | | A |\n"
             "| | | | |\n| Which one? | x | y | B |\n");
    assert_int_equal(bank_question_count(l.bank), 1);
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "1 of its 2 choices filled in"));
    assert_int_equal(diag_count(l.diag), 1);
    unload(&l);
}

/* The README's example after a paragraph that opens with `lead`. */
static Loaded readme_example(const char *lead)
{
    size_t len;
    char *readme = read_file(QA_SOURCE_DIR "/README.md", &len);
    const char *at = strstr(readme, lead);
    assert_non_null(at);
    const char *start = strstr(at, "```markdown\n");
    assert_non_null(start);
    start += strlen("```markdown\n");
    const char *end = strstr(start, "\n```\n");
    assert_non_null(end);
    Loaded l = load_n("README.md", start, (size_t)(end - start) + 1);
    free(readme);
    return l;
}

/* The README's examples of multiple choice, tables and an answer key. */
static void test_the_readmes_other_examples_read_as_they_say(void **state)
{
    (void)state;
    Loaded l = readme_example("**Multiple choice.**");
    const Question *q = expect_option(l.bank, "Which keyword defines a function in Python?", "def");
    assert_int_equal(q->choice_count, 2);
    assert_int_equal(q->answer_len, 2); /* the choice, then why */
    unload(&l);

    l = readme_example("**Tables.**");
    assert_int_equal(bank_question_count(l.bank), 2);
    expect_option(l.bank, "What is the capital of Australia?", "Canberra");
    expect_option(l.bank, "Which of these countries is landlocked?", "Bolivia");
    unload(&l);

    l = readme_example("**An answer key at the end.**");
    assert_int_equal(bank_question_count(l.bank), 2);
    expect_option(l.bank, "What does DNS stand for?", "Domain Name System.");
    q = expect_option(l.bank, "Which protocol does ping use?", "ICMP");
    assert_int_equal(diag_total(l.diag, DIAG_WARNING), 0);
    unload(&l);
}

/* "3. What is X?", a paragraph, then "   1. a step" and "4. What is Y?":
 * Markdown makes the steps and question 4 one list; the steps stay in the
 * answer of question 3. */
static void test_numbered_steps_after_a_paragraph_answer_stay_in_it(void **state)
{
    (void)state;
    Loaded l = load("## SQL\n\n"
                    "3. What is normalization?\n\n"
                    "Organising tables to reduce redundancy.\n\n"
                    "   1. First normal form: atomic values.\n"
                    "   2. Second normal form: no partial dependencies.\n\n"
                    "4. What is an index?\n\n"
                    "A data structure that speeds up lookups.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = find_question(l.bank, "What is normalization?");
    assert_non_null(q);
    assert_int_equal(q->answer_len, 3);
    assert_int_equal(q->answer[1].kind, ANSWER_ITEM);
    assert_int_equal(q->answer[1].number, 1);
    assert_string_equal(q->answer[2].text, "Second normal form: no partial dependencies.");
    assert_non_null(find_question(l.bank, "What is an index?"));
    assert_int_equal(diag_total(l.diag, DIAG_NOTE), 0);
    unload(&l);
}

static void test_details_summary_blocks(void **state)
{
    (void)state;
    Loaded l = load("## Git\n\n"
                    "<details>\n<summary><b>What does <code>git stash</code> do?</b></summary>\n\n"
                    "It shelves changes.\n\n```bash\ngit stash pop\n```\n\n</details>\n\n"
                    "<!--\n<details>\n<summary>What is git worktree?</summary>\n\nTODO\n\n</details>\n-->\n\n"
                    "<details><summary>What is a rebase?</summary>\n\nReplaying commits.\n\n</details>\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = find_question(l.bank, "What does git stash do?");
    assert_non_null(q);
    assert_int_equal(q->answer_len, 2);
    assert_null(find_question(l.bank, "What is git worktree?"));
    assert_false(bank_contains(l.bank, "TODO"));
    unload(&l);
}

/* ---- placement of sectionless questions ---- */

static void test_sectionless_run_goes_to_the_topic_it_is_about(void **state)
{
    (void)state;
    Loaded l = load("### Databases\n\n"
                    "1. What is an index in a database?\n   - A structure that speeds up queries on a table column.\n\n"
                    "2. What is a transaction?\n   - A unit of database work: commit or rollback.\n\n"
                    "### Networking\n\n"
                    "3. What is TCP?\n   - A reliable stream protocol over IP with handshakes.\n\n"
                    "4. What is UDP?\n   - A datagram protocol over IP without handshakes.\n\n"
                    "---\n\n"
                    "### 1. What does a database index cost?\nAnswer: Slower writes to the table.\n\n"
                    "### 2. When should a transaction rollback happen?\nAnswer: When database work fails.\n");
    long db = bank_find_topic(l.bank, "Databases");
    assert_true(db >= 0);
    assert_int_equal(bank_topic_size(l.bank, (size_t)db), 4);
    const Question *q = find_question(l.bank, "What does a database index cost?");
    assert_non_null(q);
    assert_int_equal(q->topic, (size_t)db);
    unload(&l);
}

static void test_sectionless_run_about_nothing_gets_its_own_topic(void **state)
{
    (void)state;
    const char *a = "## Cooking\n\n1. How long do you boil an egg?\n   - About seven minutes.\n\n"
                    "2. What is a roux?\n   - Flour cooked in butter.\n";
    const char *b = "### What is a black hole?\nA region where gravity traps light.\n\n"
                    "### What is a neutron star?\nThe collapsed core of a massive star.\n";
    Diagnostics *d = diag_new();
    CorpusReader *r = corpus_reader_new();
    corpus_reader_add(r, "cooking.md", a, strlen(a), d);
    corpus_reader_add(r, "space-facts.md", b, strlen(b), d);
    Bank *bank = corpus_reader_finish(r, d);
    assert_int_equal(bank_topic_count(bank), 2);
    assert_string_equal(bank_topic_name(bank, 1), "Space Facts");
    assert_int_equal(bank_topic_size(bank, 1), 2);
    bank_free(bank);
    diag_free(d);
}

/* ---- the seed ---- */

static void test_seed_topics_and_counts(void **state)
{
    (void)state;
    Loaded l = load_path(SEED);
    static const struct { const char *name; size_t count; } expect[] = {
        {"General Python", 10},
        {"Functions", 5},
        {"Object-Oriented Programming (OOP)", 20},
        {"File Handling", 5},
        {"Error Handling", 5},
        {"Libraries and Frameworks", 5},
        {"Django Framework", 5},
        {"API Development", 5},
        {"Microservices", 5},
        {"DevOps & Tools", 5},
        {"Security", 5},
    };
    assert_int_equal(bank_topic_count(l.bank), 11);
    for (size_t t = 0; t < 11; t++) {
        assert_string_equal(bank_topic_name(l.bank, t), expect[t].name);
        assert_int_equal(bank_topic_size(l.bank, t), expect[t].count);
    }
    assert_int_equal(bank_question_count(l.bank), 75);
    assert_int_equal(diag_total(l.diag, DIAG_ERROR), 0);
    assert_int_equal(diag_total(l.diag, DIAG_WARNING), 0);
    unload(&l);
}

static void test_seed_sectionless_part_is_placed_in_oop(void **state)
{
    (void)state;
    Loaded l = load_path(SEED);
    long oop = bank_find_topic(l.bank, "Object-Oriented Programming (OOP)");
    assert_true(oop >= 0);
    const char *part2[] = {"What is Object-Oriented Programming (OOP)?",
                           "What is self in Python classes?",
                           "What is the difference between @staticmethod and @classmethod?",
                           "How is method overriding implemented in Python?",
                           "How does Python implement operator overloading?"};
    for (size_t i = 0; i < sizeof part2 / sizeof *part2; i++) {
        const Question *q = find_question(l.bank, part2[i]);
        assert_non_null(q);
        assert_int_equal(q->topic, (size_t)oop);
    }
    unload(&l);
}

static void test_seed_chatter_is_ignored_and_duplicates_noted(void **state)
{
    (void)state;
    Loaded l = load_path(SEED);
    assert_false(bank_contains(l.bank, "Let me know"));
    assert_false(bank_contains(l.bank, "Here are the answers"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 213, "Let me know"));
    assert_int_equal(diag_total(l.diag, DIAG_NOTE), 31); /* 30 duplicates + chatter */
    unload(&l);
}

static void test_seed_options_are_one_short_line(void **state)
{
    (void)state;
    Loaded l = load_path(SEED);
    for (size_t i = 0; i < bank_question_count(l.bank); i++) {
        const Question *q = bank_question(l.bank, i);
        size_t len = strlen(q->option);
        assert_true(len > 0);
        assert_true(utf8_count(q->option, len) <= QUESTION_OPTION_MAX);
        assert_null(strchr(q->option, '\n'));
        assert_null(strchr(q->option, '`'));
        assert_null(strchr(q->option, TEXT_CODE_ON));
        assert_null(strstr(q->option, "**"));
    }
    unload(&l);
}

static void test_seed_sources_point_at_the_question_line(void **state)
{
    (void)state;
    Loaded l = load_path(SEED);
    const Question *q = find_question(l.bank, "What are Python's key features?");
    assert_non_null(q);
    assert_int_equal(q->line, 5);
    q = find_question(l.bank, "What is Object-Oriented Programming (OOP)?");
    assert_int_equal(q->line, 427);
    q = find_question(l.bank, "Explain Django\xE2\x80\x99s MVT architecture.");
    assert_int_equal(q->line, 717);
    unload(&l);
}

/* ---- foreign packs: styles the game was not designed around ---- */

/* Emoji and symbols are dropped from topic names. */
static void strip_symbols(char *s)
{
    size_t w = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k)
            k = 1;
        if (!(cp >= 0x2000 && !(cp >= 0x2010 && cp <= 0x2027)))
            for (size_t j = 0; j < k; j++)
                s[w++] = s[i + j];
        i += k;
    }
    s[w] = '\0';
    while (w > 0 && s[w - 1] == ' ')
        s[--w] = '\0';
    size_t lead = 0;
    while (s[lead] == ' ')
        lead++;
    memmove(s, s + lead, w - lead + 1);
}

static void check_expectations(const char *md_path, const char *expect_path)
{
    size_t len;
    char *expect = read_file(expect_path, &len);
    Loaded l = load_path(md_path);
    size_t topic = 0;
    StrBuf buf = {0};
    for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "topic: ", 7) == 0) {
            char *eq = strrchr(line, '=');
            assert_non_null(eq);
            size_t count = (size_t)atoi(eq + 1);
            *eq = '\0';
            char *name = line + 7;
            strip_symbols(name);
            assert_true(topic < bank_topic_count(l.bank));
            if (strcmp(name, "*") != 0) {
                strbuf_clear(&buf);
                strbuf_puts(&buf, bank_topic_name(l.bank, topic));
                strip_symbols(buf.data);
                if (strcmp(buf.data, name) != 0)
                    fail_msg("%s: topic %zu is \"%s\", expected \"%s\"", md_path, topic,
                             buf.data, name);
            }
            if (bank_topic_size(l.bank, topic) != count)
                fail_msg("%s: topic \"%s\" has %zu questions, expected %zu", md_path,
                         bank_topic_name(l.bank, topic), bank_topic_size(l.bank, topic), count);
            topic++;
        } else if (strncmp(line, "question: ", 10) == 0) {
            if (!find_question(l.bank, line + 10))
                fail_msg("%s: no question \"%s\"", md_path, line + 10);
        } else if (strncmp(line, "ignored: ", 9) == 0) {
            if (bank_contains(l.bank, line + 9))
                fail_msg("%s: \"%s\" should have been ignored", md_path, line + 9);
        } else if (strncmp(line, "code: ", 6) == 0) {
            /* Shown with its prompt, and no longer in the answer. */
            const Question *q = find_code(l.bank, line + 6);
            if (!q)
                fail_msg("%s: no question shows the code \"%s\"", md_path, line + 6);
            if (strstr(answer_md(q, &buf), line + 6))
                fail_msg("%s: the code \"%s\" is in the answer too", md_path, line + 6);
        } else if (strncmp(line, "nocode: ", 8) == 0) {
            const Question *q = find_question(l.bank, line + 8);
            if (!q)
                fail_msg("%s: no question \"%s\"", md_path, line + 8);
            if (q->code)
                fail_msg("%s: \"%s\" took its answer's code as its own", md_path, line + 8);
        } else if (strncmp(line, "right: ", 7) == 0) {
            /* right: PROMPT => OPTION [N]: the option, and N wrong choices
             * of the author's own (0: an ordinary answer). */
            char *arrow = strstr(line, " => ");
            char *bracket = strrchr(line, '[');
            assert_non_null(arrow);
            assert_non_null(bracket);
            *arrow = '\0';
            bracket[-1] = '\0';
            const Question *q = find_question(l.bank, line + 7);
            if (!q)
                fail_msg("%s: no question \"%s\"", md_path, line + 7);
            if (strcmp(q->option, arrow + 4) != 0)
                fail_msg("%s: \"%s\" offers \"%s\", expected \"%s\"", md_path, line + 7,
                         q->option, arrow + 4);
            if (q->choice_count != (size_t)atoi(bracket + 1))
                fail_msg("%s: \"%s\" has %zu choices of its own, expected %d", md_path,
                         line + 7, q->choice_count, atoi(bracket + 1));
        } else if (strncmp(line, "leftout: ", 9) == 0) {
            assert_null(find_question(l.bank, line + 9));
            assert_true(has_diag(l.diag, DIAG_WARNING, 0, "multiple-choice question left out"));
        } else if (strncmp(line, "noanswer: ", 10) == 0) {
            assert_null(find_question(l.bank, line + 10));
            assert_true(has_diag(l.diag, DIAG_WARNING, 0, "no answer"));
        }
    }
    assert_int_equal(topic, bank_topic_count(l.bank));
    strbuf_free(&buf);
    unload(&l);
    free(expect);
}

static void test_foreign_packs_meet_their_expectations(void **state)
{
    (void)state;
    DIR *dir = opendir(FOREIGN);
    assert_non_null(dir);
    struct dirent *e;
    int checked = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 8 || strcmp(e->d_name + n - 7, ".expect") != 0)
            continue;
        StrBuf md = {0}, ex = {0};
        strbuf_printf(&ex, "%s/%s", FOREIGN, e->d_name);
        strbuf_printf(&md, "%s/%.*s.md", FOREIGN, (int)(n - 7), e->d_name);
        check_expectations(md.data, ex.data);
        strbuf_free(&md);
        strbuf_free(&ex);
        checked++;
    }
    closedir(dir);
    assert_true(checked >= 9);
}

/* ---- bad input ---- */

static void test_empty_and_blank_files_are_errors(void **state)
{
    (void)state;
    const char *inputs[] = {"", "   \n\n\t\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < 3; i++) {
        Loaded l = load(inputs[i]);
        assert_int_equal(bank_question_count(l.bank), 0);
        assert_false(corpus_is_playable(l.bank));
        assert_true(has_diag(l.diag, DIAG_ERROR, 0, "empty file"));
        unload(&l);
    }
}

static void test_binary_and_random_bytes_are_refused(void **state)
{
    (void)state;
    unsigned char bytes[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof bytes; i++) {
        x = x * 1103515245u + 12345u;
        bytes[i] = (unsigned char)(x >> 16);
    }
    Loaded l = load_n("random.bin", (const char *)bytes, sizeof bytes);
    assert_int_equal(bank_question_count(l.bank), 0);
    assert_int_equal(diag_total(l.diag, DIAG_ERROR), 1);
    unload(&l);

    const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0## What is this?\nA binary.\n";
    l = load_n("a.out", elf, sizeof elf - 1);
    assert_int_equal(bank_question_count(l.bank), 0);
    assert_true(has_diag(l.diag, DIAG_ERROR, 0, "binary file"));
    unload(&l);
}

static void test_invalid_utf8_is_replaced_and_reported_by_line(void **state)
{
    (void)state;
    Loaded l = load("## Basics\n\n### What is caf\xE9?\nA coffee place \xFF\xFE.\n\n"
                    "### What is tea?\nA drink.\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "invalid UTF-8"));
    assert_true(has_diag(l.diag, DIAG_WARNING, 4, "invalid UTF-8"));
    assert_non_null(find_question(l.bank, "What is caf\xEF\xBF\xBD?"));
    for (size_t i = 0; i < bank_question_count(l.bank); i++) {
        const Question *q = bank_question(l.bank, i);
        uint32_t cp;
        for (size_t k = 0; q->option[k];) {
            size_t n = utf8_decode(q->option + k, strlen(q->option + k), &cp);
            assert_true(n > 0);
            k += n;
        }
    }
    unload(&l);
}

static void test_control_bytes_become_spaces(void **state)
{
    (void)state;
    Loaded l = load("## A\n\n### What is \x0e" "X\x0f?\nIt is \x01" "fine.\n");
    const Question *q = bank_question(l.bank, 0);
    assert_string_equal(q->prompt, "What is X ?");
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "control character"));
    unload(&l);
    /* DEL too, also inside a long run of plain text (read 8 bytes at a
     * time). */
    l = load("## A\n\n### What is the answer here?\nabcdefghijklmnop\x7fqrstuvwxyz and so on.\n");
    q = bank_question(l.bank, 0);
    assert_string_equal(q->answer[0].text, "abcdefghijklmnop qrstuvwxyz and so on.");
    assert_true(has_diag(l.diag, DIAG_WARNING, 4, "control character 0x7F"));
    unload(&l);
}

static void test_one_megabyte_line_is_cut_not_fatal(void **state)
{
    (void)state;
    StrBuf md = {0};
    strbuf_puts(&md, "## Big\n\n### What is ");
    for (int i = 0; i < 1024 * 1024 / 8; i++)
        strbuf_puts(&md, "so long ");
    strbuf_puts(&md, "?\nAn answer ");
    for (int i = 0; i < 1024 * 1024 / 8; i++)
        strbuf_puts(&md, "word ok ");
    strbuf_puts(&md, "\n\n### What is short?\nShort.\n");
    Loaded l = load_n("big.md", md.data, md.len);
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = bank_question(l.bank, 0);
    assert_true(utf8_count(q->prompt, strlen(q->prompt)) <= 400);
    assert_true(utf8_count(q->option, strlen(q->option)) <= QUESTION_OPTION_MAX);
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "cut to"));
    strbuf_free(&md);
    unload(&l);
}

static void test_thousands_of_nested_lists_and_quotes(void **state)
{
    (void)state;
    StrBuf md = {0};
    strbuf_puts(&md, "## Deep\n\n### What is deep?\n");
    for (int i = 0; i < 10000; i++)
        strbuf_puts(&md, "> ");
    strbuf_puts(&md, "very deep\n\n");
    for (int i = 0; i < 2000; i++) {
        for (int k = 0; k < i; k++)
            strbuf_puts(&md, "  ");
        strbuf_puts(&md, "- level\n");
    }
    strbuf_puts(&md, "\n### What is shallow?\nNot deep.\n");
    Loaded l = load_n("deep.md", md.data, md.len);
    assert_int_equal(bank_question_count(l.bank), 2);
    assert_true(has_diag(l.diag, DIAG_WARNING, 0, "flattened"));
    const Question *q = bank_question(l.bank, 0);
    assert_true(q->answer_len <= 400);
    for (size_t i = 0; i < q->answer_len; i++)
        assert_true(q->answer[i].depth <= 40);
    strbuf_free(&md);
    unload(&l);
}

static void test_missing_path_and_directory_without_markdown(void **state)
{
    (void)state;
    Loaded l = load_path("/nonexistent/quiz.md");
    assert_false(corpus_is_playable(l.bank));
    assert_true(has_diag(l.diag, DIAG_ERROR, 0, "No such file"));
    unload(&l);

    char dir[] = "/tmp/qa-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    StrBuf p = {0};
    strbuf_printf(&p, "%s/notes.txt", dir);
    FILE *f = fopen(p.data, "w");
    fputs("## A\n### What?\nThat.\n", f);
    fclose(f);
    l = load_path(dir);
    assert_false(corpus_is_playable(l.bank));
    assert_true(has_diag(l.diag, DIAG_ERROR, 0, "no .md files"));
    unload(&l);

    /* Two packs in a directory: read in name order, merged. */
    const char *names[] = {"b.md", "a.md"};
    const char *texts[] = {"## Shared\n\n### What is B?\nB.\n", "## Shared\n\n### What is A?\nA.\n"};
    for (int i = 0; i < 2; i++) {
        strbuf_clear(&p);
        strbuf_printf(&p, "%s/%s", dir, names[i]);
        f = fopen(p.data, "w");
        fputs(texts[i], f);
        fclose(f);
    }
    l = load_path(dir);
    assert_int_equal(bank_topic_count(l.bank), 1);
    assert_int_equal(bank_question_count(l.bank), 2);
    StrBuf buf = {0};
    assert_string_equal(plain_prompt(bank_question(l.bank, 0), &buf), "What is A?");
    strbuf_free(&buf);
    unload(&l);
    const char *all[] = {"notes.txt", "a.md", "b.md"};
    for (int i = 0; i < 3; i++) {
        strbuf_clear(&p);
        strbuf_printf(&p, "%s/%s", dir, all[i]);
        unlink(p.data);
    }
    rmdir(dir);
    strbuf_free(&p);
}

static void test_oversized_input_is_refused(void **state)
{
    (void)state;
    size_t n = CORPUS_MAX_FILE_BYTES + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'a', n);
    Loaded l = load_n("huge.md", big, n);
    assert_true(has_diag(l.diag, DIAG_ERROR, 0, "too large"));
    unload(&l);
    free(big);
}

static void test_fifty_megabyte_corpus_is_read(void **state)
{
    (void)state;
    StrBuf md = {0};
    size_t i = 0;
    while (md.len < 50u * 1024 * 1024) {
        if (i % 50 == 0)
            strbuf_printf(&md, "## Topic %zu\n\n", i / 50);
        strbuf_printf(&md, "%zu. What is item number %zu in this long list?\n"
                           "   - It is the item that comes after number %zu, with some filler "
                           "text to make the corpus large enough for the test.\n\n",
                      i % 50 + 1, i, i);
        i++;
    }
    Loaded l = load_n("fifty.md", md.data, md.len);
    assert_int_equal(bank_question_count(l.bank), i);
    assert_int_equal(bank_topic_count(l.bank), (i + 49) / 50);
    strbuf_free(&md);
    unload(&l);
}

/* The same bank from a file on disk (a large one is mapped, not read:
 * filemap.h) as from the same bytes in memory. */
static void expect_same_from_disk(const char *md, size_t len)
{
    char dir[] = "/tmp/qa-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    StrBuf path = {0};
    strbuf_printf(&path, "%s/pack.md", dir);
    FILE *f = fopen(path.data, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(md, 1, len, f), len);
    fclose(f);
    Loaded disk = load_path(path.data), memory = load_n(path.data, md, len);
    assert_int_equal(diag_count(disk.diag), diag_count(memory.diag));
    assert_int_equal(bank_question_count(disk.bank), bank_question_count(memory.bank));
    assert_true(bank_question_count(disk.bank) > 100);
    StrBuf a = {0}, b = {0};
    for (size_t i = 0; i < bank_question_count(disk.bank); i++) {
        const Question *x = bank_question(disk.bank, i), *y = bank_question(memory.bank, i);
        assert_string_equal(x->prompt, y->prompt);
        assert_string_equal(answer_md(x, &a), answer_md(y, &b));
        assert_int_equal(x->line, y->line);
        assert_string_equal(bank_topic_name(disk.bank, x->topic),
                            bank_topic_name(memory.bank, y->topic));
    }
    strbuf_free(&a);
    strbuf_free(&b);
    unload(&disk);
    unload(&memory);
    unlink(path.data);
    rmdir(dir);
    strbuf_free(&path);
}

static void test_large_file_on_disk_reads_as_in_memory(void **state)
{
    (void)state;
    StrBuf md = {0};
    for (size_t i = 0; md.len < 200000; i++) {
        if (i % 40 == 0)
            strbuf_printf(&md, "## Topic %zu\n\n", i / 40);
        strbuf_printf(&md, "### What does step %zu of the process do?\n"
                           "It moves the work on by one stage, number %zu.\n\n", i, i);
    }
    expect_same_from_disk(md.data, md.len);
    /* Ending at a page boundary with no line break: the parser's guard
     * bytes go past the file's last page. */
    strbuf_append(&md, "### What is the last question?\nThe last answer.", 47);
    while (md.len % 4096 != 0)
        strbuf_putc(&md, '.');
    expect_same_from_disk(md.data, md.len);
    strbuf_free(&md);
}

static void test_unterminated_fence_reported_rest_usable(void **state)
{
    (void)state;
    Loaded l = load("## A\n\n### What is X?\nX is:\n```python\nx = 1\n\n"
                    "### What is Y?\nY.\n");
    assert_true(has_diag(l.diag, DIAG_WARNING, 5, "never closed"));
    assert_true(bank_question_count(l.bank) >= 1);
    unload(&l);
}

static void test_small_topics_are_reported_by_check(void **state)
{
    (void)state;
    Loaded l = load("## Tiny\n\n### What is X?\nX.\n\n### What is Y?\nY.\n");
    corpus_check_topics(l.bank, l.diag);
    assert_true(has_diag(l.diag, DIAG_WARNING, 3, "too few for 4-option"));
    assert_true(corpus_is_playable(l.bank));
    unload(&l);
}


/* Headings are classified while the document streams in; these are
 * settled only by what comes later. */
static void test_headings_settled_by_later_blocks(void **state)
{
    (void)state;
    /* The first heading looks like a title until a lower heading comes:
     * then it was a section all along. */
    Loaded l = load("## Basics\n\n1. What is a Python dict?\n   - A dict maps keys to values.\n\n"
                    "### Deeper\n\n1. What is a set?\n   - A set holds unique items.\n\n"
                    "# Part two\n\n## Dicts\n\n1. How do dict keys work?\n"
                    "   - Dict keys map to values; keys must be hashable.\n\n"
                    "2. How do you merge two dicts?\n   - Use the | operator on dict values.\n");
    assert_int_equal(bank_question_count(l.bank), 4);
    assert_string_equal(bank_topic_name(l.bank, bank_question(l.bank, 0)->topic), "Basics");
    unload(&l);
    /* Without the lower heading, it is the title, and its question is
     * placed by what it is about. */
    Loaded t = load("## Basics\n\n1. What is a Python dict?\n   - A dict maps keys to values.\n\n"
                    "### Deeper\n\n1. What is a set?\n   - A set holds unique items.\n\n"
                    "### Dicts\n\n1. How do dict keys work?\n"
                    "   - Dict keys map to values; keys must be hashable.\n\n"
                    "2. How do you merge two dicts?\n   - Use the | operator on dict values.\n");
    assert_int_equal(bank_question_count(t.bank), 4);
    for (size_t i = 0; i < bank_topic_count(t.bank); i++)
        assert_string_not_equal(bank_topic_name(t.bank, i), "Basics");
    unload(&t);

    /* A heading worded as a question is a section once two list questions
     * with answers turn up under it, however far down. */
    Loaded s = load("## What should you know about loops?\n\nSome words.\n\nMore words.\n\n"
                    "1. What is a for loop?\n   - It iterates.\n\n"
                    "2. What is a while loop?\n   - It repeats while true.\n");
    assert_int_equal(bank_question_count(s.bank), 2);
    assert_string_equal(bank_topic_name(s.bank, 0), "What should you know about loops?");
    unload(&s);

    /* A heading question whose answer runs over many blocks. */
    StrBuf md = {0};
    strbuf_puts(&md, "# Pack\n\n## Basics\n\n### What is a list?\n\n");
    for (int i = 0; i < 500; i++)
        strbuf_printf(&md, "Point %d about lists.\n\n", i);
    strbuf_puts(&md, "### What is a dict?\n\nA mapping.\n");
    Loaded big = load(strbuf_str(&md));
    assert_int_equal(bank_question_count(big.bank), 2);
    assert_string_equal(bank_topic_name(big.bank, 0), "Basics");
    assert_true(bank_question(big.bank, 0)->answer_len >= 400);
    unload(&big);
    strbuf_free(&md);
}

/* A table in an answer keeps its rows as rows: the header first, its cells
 * (an empty one too) joined; the option reads it row by row. */
static void test_tables_in_answers_keep_their_rows(void **state)
{
    (void)state;
    Loaded l = load("## Basics\n\n### What is the difference between a list and a tuple?\n\n"
                    "| | List | Tuple |\n|---|---|---|\n| Mutable | yes | no |\n"
                    "| Syntax | `[1, 2]` | `(1, 2)` |\n\nBoth are ordered.\n\n"
                    "### What do the modes do?\n\n| Mode | Effect |\n|------|-----|\n"
                    "| r | read |\n| w | write |\n");
    assert_int_equal(bank_question_count(l.bank), 2);
    const Question *q = find_question(l.bank, "What is the difference between a list and a tuple?");
    assert_int_equal(q->answer_len, 4);
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(q->answer[i].kind, ANSWER_ROW);
        assert_int_equal(q->answer[i].number, i);
    }
    assert_string_equal(q->answer[0].text, "| List | Tuple");
    assert_string_equal(q->answer[2].text, "Syntax | \x0e[1, 2]\x0f | \x0e(1, 2)\x0f");
    assert_int_equal(q->answer[3].kind, ANSWER_PARA);
    assert_string_equal(q->option, "List / Tuple - Mutable: yes / no; Syntax: [1, 2] / (1, 2); "
                                   "Both are ordered.");
    StrBuf md = {0};
    question_answer_markdown(q, &md);
    assert_string_equal(strbuf_str(&md), "|  | List | Tuple |\n| --- | --- | --- |\n"
                                         "| Mutable | yes | no |\n"
                                         "| Syntax | `[1, 2]` | `(1, 2)` |\n\nBoth are ordered.");
    strbuf_free(&md);
    /* Two columns read as "key: value". */
    q = find_question(l.bank, "What do the modes do?");
    assert_string_equal(q->option, "r: read; w: write");
    unload(&l);
}

/* Tip and note boxes written in HTML are study advice, not answers. */
static void test_html_tip_boxes_are_left_out_of_answers(void **state)
{
    (void)state;
    Loaded l = load("## Basics\n\n### What is a list?\n\nA mutable sequence.\n\n"
                    "<div class=\"tip\">\n\nTip: practise with lists every day.\n\n</div>\n\n"
                    "More about lists.\n\n"
                    "<div class='box callout-info'>Remember: lists are ordered.</div>\n\n"
                    "<aside>\n\n- a bullet in an aside\n\n</aside>\n\n"
                    "### What is a dict?\n\nA mapping.\n\n"
                    "<p align=\"center\">Keys are hashable.</p>\n\n"
                    "<div class=\"note\">\n\nNever closed.\n\n"
                    "### What is a set?\n\nUnique items.\n");
    assert_int_equal(bank_question_count(l.bank), 3);
    const Question *list = bank_question(l.bank, 0);
    assert_int_equal(list->answer_len, 2);
    assert_string_equal(list->answer[0].text, "A mutable sequence.");
    assert_string_equal(list->answer[1].text, "More about lists.");
    assert_true(has_diag(l.diag, DIAG_NOTE, 9, "tip or note box"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 15, "tip or note box"));
    assert_true(has_diag(l.diag, DIAG_NOTE, 19, "tip or note box"));
    /* An HTML paragraph that is no box stays in the answer. */
    const Question *dict = bank_question(l.bank, 1);
    assert_int_equal(dict->answer_len, 2);
    assert_string_equal(dict->answer[1].text, "Keys are hashable.");
    /* A box that never closes ends at the next heading. */
    const Question *set = bank_question(l.bank, 2);
    assert_string_equal(set->prompt, "What is a set?");
    assert_string_equal(set->answer[0].text, "Unique items.");
    unload(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dialect1_numbered_questions_with_bullet_answers),
        cmocka_unit_test(test_dialect2_heading_questions_drop_answer_label),
        cmocka_unit_test(test_dialect2_numbered_lists_stay_in_the_answer),
        cmocka_unit_test(test_dialect3_bold_headings_and_questions),
        cmocka_unit_test(test_variations_give_the_same_bank),
        cmocka_unit_test(test_question_heading_at_section_level_ends_the_section),
        cmocka_unit_test(test_sub_headings_inside_a_question_belong_to_its_answer),
        cmocka_unit_test(test_title_heading_is_not_a_topic),
        cmocka_unit_test(test_headings_settled_by_later_blocks),
        cmocka_unit_test(test_html_tip_boxes_are_left_out_of_answers),
        cmocka_unit_test(test_sections_with_the_same_name_merge_across_files),
        cmocka_unit_test(test_duplicate_prompts_are_kept_once),
        cmocka_unit_test(test_code_under_a_pointing_prompt_belongs_to_the_question),
        cmocka_unit_test(test_code_that_answers_stays_the_answer),
        cmocka_unit_test(test_pointing_prompt_with_only_code_takes_the_first_block),
        cmocka_unit_test(test_same_prompt_with_other_code_is_another_question),
        cmocka_unit_test(test_code_too_long_to_show_leaves_its_question_out),
        cmocka_unit_test(test_tip_quotes_are_not_answers_but_notes_are),
        cmocka_unit_test(test_chatter_and_loose_text_never_enter_an_answer),
        cmocka_unit_test(test_question_without_answer_is_reported_and_left_out),
        cmocka_unit_test(test_table_of_contents_links_are_not_questions),
        cmocka_unit_test(test_tables_in_answers_keep_their_rows),
        cmocka_unit_test(test_q_and_a_lines_in_one_or_two_paragraphs),
        cmocka_unit_test(test_bold_labels_and_numbered_answer_labels),
        cmocka_unit_test(test_an_answer_key_answers_questions_by_number),
        cmocka_unit_test(test_a_heading_that_only_numbers_a_question),
        cmocka_unit_test(test_q_dot_answers_and_bold_labels_before_a_colon),
        cmocka_unit_test(test_true_or_false_questions_offer_true_and_false),
        cmocka_unit_test(test_code_spans_inside_html_answers),
        cmocka_unit_test(test_answers_that_look_like_keys_or_choices_stay_answers),
        cmocka_unit_test(test_the_readmes_example_pack_reads_as_it_says),
        cmocka_unit_test(test_the_readmes_other_examples_read_as_they_say),
        cmocka_unit_test(test_numbered_steps_after_a_paragraph_answer_stay_in_it),
        cmocka_unit_test(test_details_summary_blocks),
        cmocka_unit_test(test_sectionless_run_goes_to_the_topic_it_is_about),
        cmocka_unit_test(test_sectionless_run_about_nothing_gets_its_own_topic),
        cmocka_unit_test(test_seed_topics_and_counts),
        cmocka_unit_test(test_seed_sectionless_part_is_placed_in_oop),
        cmocka_unit_test(test_seed_chatter_is_ignored_and_duplicates_noted),
        cmocka_unit_test(test_seed_options_are_one_short_line),
        cmocka_unit_test(test_seed_sources_point_at_the_question_line),
        cmocka_unit_test(test_foreign_packs_meet_their_expectations),
        cmocka_unit_test(test_empty_and_blank_files_are_errors),
        cmocka_unit_test(test_binary_and_random_bytes_are_refused),
        cmocka_unit_test(test_invalid_utf8_is_replaced_and_reported_by_line),
        cmocka_unit_test(test_control_bytes_become_spaces),
        cmocka_unit_test(test_one_megabyte_line_is_cut_not_fatal),
        cmocka_unit_test(test_thousands_of_nested_lists_and_quotes),
        cmocka_unit_test(test_missing_path_and_directory_without_markdown),
        cmocka_unit_test(test_oversized_input_is_refused),
        cmocka_unit_test(test_fifty_megabyte_corpus_is_read),
        cmocka_unit_test(test_large_file_on_disk_reads_as_in_memory),
        cmocka_unit_test(test_unterminated_fence_reported_rest_usable),
        cmocka_unit_test(test_small_topics_are_reported_by_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
