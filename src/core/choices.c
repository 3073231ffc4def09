/* choices.c - multiple-choice questions written with the author's own
 * choices (see choices.h). */
#include "choices.h"

#include "strbuf.h"
#include "text.h"
#include "utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* How the choices are labelled, and so how a key may name one. */
typedef enum LabelKind { LABEL_NONE, LABEL_LETTER, LABEL_NUMBER } LabelKind;

/* A letter label at the start of a text: "a) ", "A. ", "a: ", "(a) ". */
typedef struct Label {
    size_t index; /* 0 for a, 1 for b... */
    char style;   /* ')', '.', ':' or '(' */
    int upper;
    size_t skip;  /* bytes of the label, spaces after it included */
} Label;

static int is_marker(char c)
{
    return c == TEXT_CODE_ON || c == TEXT_CODE_OFF;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* Matches t at the start of s, code markers ignored on both sides (a key
 * may quote a choice with or without its backticks), ASCII case folded
 * when fold is set. Returns the bytes of s consumed, markers that close
 * the match included, or 0 when s does not start with t. */
static size_t choice_prefix(const char *s, size_t slen, const char *t, size_t tlen, int fold)
{
    size_t i = 0, j = 0;
    while (j < tlen) {
        if (is_marker(t[j])) {
            j++;
            continue;
        }
        while (i < slen && is_marker(s[i]))
            i++;
        if (i == slen)
            return 0;
        unsigned char a = (unsigned char)s[i], b = (unsigned char)t[j];
        if (a != b && !(fold && tolower(a) == tolower(b)))
            return 0;
        i++;
        j++;
    }
    while (i < slen && is_marker(s[i]))
        i++;
    return i;
}

/* Length of a text without its closing full stops and spaces. */
static size_t trim_end(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' ' || is_marker(s[len - 1])))
        len--;
    return len;
}

/* True when s and t say the same, code markers and a closing full stop
 * aside. */
static int choice_same(const char *s, size_t slen, const char *t, size_t tlen, int fold)
{
    slen = trim_end(s, slen);
    tlen = trim_end(t, tlen);
    if (slen == 0 || tlen == 0)
        return 0;
    return choice_prefix(s, slen, t, tlen, fold) == slen;
}

/* Reads a letter label at the start of s. The label must be followed by a
 * space, or, when at_end is set, may also end the text ("Answer: b)").
 * Returns 1 and fills *out, or 0. */
static int letter_label(const char *s, size_t len, int at_end, Label *out)
{
    size_t i;
    unsigned char letter;
    char style;
    if (len >= 3 && s[0] == '(' && isalpha((unsigned char)s[1]) && s[2] == ')') {
        letter = (unsigned char)s[1];
        style = '(';
        i = 3;
    } else if (len >= 2 && isalpha((unsigned char)s[0]) &&
               (s[1] == ')' || s[1] == '.' || s[1] == ':')) {
        letter = (unsigned char)s[0];
        style = s[1];
        i = 2;
    } else {
        return 0;
    }
    size_t index = (size_t)(tolower(letter) - 'a');
    if (index >= CHOICES_MAX)
        return 0;
    if (i < len ? s[i] != ' ' : !at_end)
        return 0;
    out->index = index;
    out->style = style;
    out->upper = isupper(letter) != 0;
    out->skip = skip_spaces(s, len, i);
    return 1;
}

/* Position of choice k's label, in the given style and case, after a space
 * at or after from; len when there is none. */
static size_t find_letter(const char *s, size_t len, size_t from, size_t k, const Label *first)
{
    for (size_t p = from; p < len; p++) {
        if (p == 0 || s[p - 1] != ' ')
            continue;
        Label lb;
        if (letter_label(s + p, len - p, 0, &lb) && lb.index == k &&
            lb.style == first->style && lb.upper == first->upper)
            return p;
    }
    return len;
}

/* Marks that say "this one" beside a choice. */
static const char *const emoji_marks[] = {
    "\xE2\x9C\x85",             /* ✅ */
    "\xE2\x9C\x94\xEF\xB8\x8F", /* ✔️ */
    "\xE2\x9C\x94",             /* ✔ */
    "\xE2\x9C\x93",             /* ✓ */
};
static const char *const word_marks[] = {
    "(correct)", "(right)", "<- correct", "\xE2\x86\x90 correct", /* ← correct */
};

/* Length of a mark closing s, the spaces before it included, or 0. */
static size_t end_mark(const char *s, size_t len)
{
    if (len == 0 || !strchr(")tT\x85\x94\x8F\x93", s[len - 1]))
        return 0; /* no mark ends so */
    size_t n = 0;
    for (size_t k = 0; !n && k < sizeof emoji_marks / sizeof *emoji_marks; k++) {
        size_t m = strlen(emoji_marks[k]);
        if (m <= len && memcmp(s + len - m, emoji_marks[k], m) == 0)
            n = m;
    }
    for (size_t k = 0; !n && k < sizeof word_marks / sizeof *word_marks; k++) {
        size_t m = strlen(word_marks[k]);
        if (m <= len && strncasecmp(s + len - m, word_marks[k], m) == 0)
            n = m;
    }
    if (!n)
        return 0;
    while (n < len && s[len - n - 1] == ' ')
        n++;
    return n;
}

/* True when a text opens or closes with a cross ("❌ Run as root"). */
static int has_cross(const char *s, size_t len)
{
    static const char *const crosses[] = {
        "\xE2\x9D\x8C", "\xE2\x9C\x97", "\xE2\x9C\x98", "\xE2\x9C\x96", /* ❌ ✗ ✘ ✖ */
        "\xF0\x9F\x9A\xAB",                                                 /* 🚫 */
    };
    while (len > 0 && s[len - 1] == ' ')
        len--;
    for (size_t k = 0; k < sizeof crosses / sizeof *crosses; k++) {
        size_t m = strlen(crosses[k]);
        if (m <= len && (memcmp(s, crosses[k], m) == 0 || memcmp(s + len - m, crosses[k], m) == 0))
            return 1;
    }
    return 0;
}

/* Length of a mark opening s, the spaces after it included, or 0. */
static size_t start_mark(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof emoji_marks / sizeof *emoji_marks; k++) {
        size_t m = strlen(emoji_marks[k]);
        if (m <= len && memcmp(s, emoji_marks[k], m) == 0)
            return skip_spaces(s, len, m);
    }
    return 0;
}

/* Length of a key's label: "Answer: ", "Correct answer - ", "The answer
 * is ", "✅ Right option: ", "Solution = ", spaces after it included; 0
 * when the text has none. */
static size_t key_label(const char *s, size_t len)
{
    size_t i = 0;
    /* Emoji and punctuation before the label ("✅ Answer", "> Answer"): a
     * few of them, so that a search along a text stays linear. */
    while (i < len && i < 12) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || (c < 0x80 && ispunct(c) && c != '(')) {
            i++;
            continue;
        }
        if (c < 0x80)
            break;
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (!k || !(text_is_punct(cp) || cp == 0xFE0F || (cp >= 0x1F000 && cp <= 0x1FAFF)))
            break;
        i += k;
    }
    size_t j = text_match_word(s, len, i, "the");
    if (j)
        i = skip_spaces(s, len, j);
    int qualified = 0;
    j = text_match_word(s, len, i, "correct");
    if (!j)
        j = text_match_word(s, len, i, "right");
    if (j) {
        qualified = 1;
        i = skip_spaces(s, len, j);
    }
    static const char *const nouns[] = {"answer", "ans", "option", "choice", "solution", "key"};
    j = 0;
    for (size_t k = 0; !j && k < sizeof nouns / sizeof *nouns; k++)
        j = text_match_word(s, len, i, nouns[k]);
    if (j)
        i = skip_spaces(s, len, j);
    else if (!qualified)
        return 0;
    j = text_match_word(s, len, i, "is");
    if (j) {
        i = skip_spaces(s, len, j);
        if (i < len && s[i] == ':')
            i = skip_spaces(s, len, i + 1);
        return i;
    }
    static const char *const delimiters[] = {
        ":", "->", "-", "=", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x86\x92", /* – — → */
    };
    for (size_t k = 0; k < sizeof delimiters / sizeof *delimiters; k++) {
        size_t m = strlen(delimiters[k]);
        if (i + m <= len && memcmp(s + i, delimiters[k], m) == 0)
            return skip_spaces(s, len, i + m);
    }
    return 0;
}

/* What follows a key's reference to its choice: "- because ..." gives
 * "because ...". */
static ChoiceText rest_of(const char *s, size_t len, size_t i)
{
    for (;;) {
        if (i < len && strchr(" -:.,;)", s[i]) && s[i] != '\0') {
            i++;
        } else if (i + 3 <= len && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 ||
                                    memcmp(s + i, "\xE2\x80\x94", 3) == 0)) {
            i += 3;
        } else {
            break;
        }
    }
    return (ChoiceText){s + i, len - i};
}

static int ends_reference(const char *s, size_t len, size_t i)
{
    return i == len || (s[i] != '\0' && strchr(" .,:;-)", s[i]) != NULL);
}

/* Past choice k's own text at i when the key repeats it ("b) 8 - ..."),
 * else i. */
static size_t skip_choice_text(const Choices *c, size_t k, const char *s, size_t len, size_t i)
{
    size_t n = choice_prefix(s + i, len - i, c->items[k].text, c->items[k].len, 1);
    if (n && c->items[k].len > 0 && ends_reference(s, len, i + n))
        return i + n;
    return i;
}

/* True when a key's text is a lone letter: "e", "E.", "(e)", "e)". */
static int looks_like_letter(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' ' || s[len - 1] == ')'))
        len--;
    if (len > 0 && s[0] == '(') {
        s++;
        len--;
    }
    return len == 1 && isalpha((unsigned char)s[0]);
}

/* The choice a key's text names, or -1; *end is set past the reference. */
static int key_reference(const Choices *c, LabelKind kind, const unsigned *numbers,
                         const char *s, size_t len, size_t *end)
{
    *end = len;
    /* The whole key is one choice's text: exactly, then in any case. */
    for (int fold = 0; fold <= 1; fold++)
        for (size_t k = 0; k < c->count; k++)
            if (choice_same(s, len, c->items[k].text, c->items[k].len, fold))
                return (int)k;
    if (kind == LABEL_LETTER) {
        Label lb;
        if (letter_label(s, len, 1, &lb) && lb.index < c->count) {
            *end = skip_choice_text(c, lb.index, s, len, lb.skip);
            return (int)lb.index;
        }
        /* A bare letter: "B", "b, since ...", "C - because ...". */
        if (len > 0 && isalpha((unsigned char)s[0]) &&
            (len == 1 || s[1] == ',' || s[1] == ';' ||
             (s[1] == ' ' && (len == 2 || !isalnum((unsigned char)s[2]))))) {
            size_t index = (size_t)(tolower((unsigned char)s[0]) - 'a');
            if (index < c->count) {
                *end = skip_choice_text(c, index, s, len, skip_spaces(s, len, 1));
                return (int)index;
            }
        }
    } else if (kind == LABEL_NUMBER) {
        size_t i = 0;
        unsigned long n = 0;
        while (i < len && i < 6 && isdigit((unsigned char)s[i]))
            n = n * 10 + (unsigned long)(s[i++] - '0');
        if (i > 0 && (i == len || strchr(").:,; ", s[i]))) {
            for (size_t k = 0; k < c->count; k++)
                if (numbers[k] == n) {
                    if (i < len && s[i] != ' ')
                        i++;
                    *end = skip_choice_text(c, k, s, len, skip_spaces(s, len, i));
                    return (int)k;
                }
        }
    }
    if (kind == LABEL_NONE)
        return -1;
    /* The key opens with a choice's text: the longest that fits. */
    int best = -1;
    size_t best_len = 0;
    for (size_t k = 0; k < c->count; k++) {
        size_t n = choice_prefix(s, len, c->items[k].text, c->items[k].len, 1);
        if (n > best_len && ends_reference(s, len, n)) {
            best = (int)k;
            best_len = n;
        }
    }
    if (best >= 0)
        *end = best_len;
    return best;
}

/* Choices as a list: 2 to CHOICES_MAX items at the answer's top level,
 * with nothing nested under them. Returns the blocks used, or 0. */
static size_t read_items(const AnswerBlock *blocks, size_t n, Choices *c, LabelKind *kind,
                         unsigned *numbers)
{
    size_t m = 0;
    while (m < n && blocks[m].kind == ANSWER_ITEM && blocks[m].depth == 0)
        m++;
    if (m < 2 || m > CHOICES_MAX || (m < n && blocks[m].kind == ANSWER_ITEM))
        return 0;
    Label first = {0};
    size_t skip[CHOICES_MAX];
    int lettered = 1, numbered = blocks[0].number > 0;
    for (size_t k = 0; k < m; k++) {
        const char *t = blocks[k].text;
        size_t len = strlen(t);
        Label lb = {0};
        if (!letter_label(t, len, 0, &lb) || lb.index != k ||
            (k > 0 && (lb.style != first.style || lb.upper != first.upper)))
            lettered = 0;
        if (k == 0)
            first = lb;
        skip[k] = lb.skip;
        if (blocks[k].number != blocks[0].number + k)
            numbered = 0;
        c->items[k] = (ChoiceText){t, len};
        numbers[k] = blocks[k].number;
    }
    if (lettered)
        for (size_t k = 0; k < m; k++) {
            c->items[k].text += skip[k];
            c->items[k].len -= skip[k];
        }
    for (size_t k = 0; k < m; k++)
        if (trim_end(c->items[k].text, c->items[k].len) == 0)
            return 0;
    c->count = m;
    *kind = lettered ? LABEL_LETTER : numbered ? LABEL_NUMBER : LABEL_NONE;
    return m;
}

/* Choices in one paragraph: "a) 6 b) 8 c) 9". Returns the blocks used
 * (1), or 0. */
static size_t read_paragraph(const AnswerBlock *blocks, size_t n, Choices *c, ChoiceText *key)
{
    if (n == 0 || blocks[0].kind != ANSWER_PARA)
        return 0;
    const char *s = blocks[0].text;
    size_t len = strlen(s);
    Label first;
    if (!letter_label(s, len, 0, &first) || first.index != 0)
        return 0;
    size_t start = first.skip, k = 0;
    for (;;) {
        size_t next = k + 1 < CHOICES_MAX ? find_letter(s, len, start, k + 1, &first) : len;
        size_t stop = next;
        while (stop > start && s[stop - 1] == ' ')
            stop--;
        if (stop == start)
            return 0;
        c->items[k++] = (ChoiceText){s + start, stop - start};
        if (next == len)
            break;
        Label lb;
        letter_label(s + next, len - next, 0, &lb);
        start = next + lb.skip;
    }
    if (k < 2)
        return 0;
    c->count = k;
    /* The key may close the paragraph: "a) 6 / b) 8 / Answer: b" written
     * on lines of one list item. */
    ChoiceText *last = &c->items[k - 1];
    for (size_t p = 1; p < last->len; p++) {
        if (last->text[p - 1] != ' ' || !key_label(last->text + p, last->len - p))
            continue;
        size_t stop = p;
        while (stop > 0 && last->text[stop - 1] == ' ')
            stop--;
        if (stop == 0)
            break;
        *key = (ChoiceText){last->text + p, last->len - p};
        last->len = stop;
        break;
    }
    return 1;
}

/* The one choice marked right (a checked task item, "✅" beside it), its
 * mark removed; -1 with c->problem set when several are; -2 when none is.
 * A list whose every item is marked is a checklist, not a choice. */
static int marked_choice(Choices *c, const unsigned char *checked)
{
    ChoiceText cut[CHOICES_MAX];
    size_t marked = 0;
    int which = -2;
    for (size_t k = 0; k < c->count; k++) {
        ChoiceText t = c->items[k];
        if (has_cross(t.text, t.len))
            return -2; /* "✅ do this" / "❌ not that": advice, not choices */
        int mark = checked && checked[k];
        size_t e = end_mark(t.text, t.len);
        if (e) {
            t.len -= e;
            mark = 1;
        }
        size_t st = start_mark(t.text, t.len);
        if (st) {
            t.text += st;
            t.len -= st;
            mark = 1;
        }
        cut[k] = t;
        if (mark) {
            marked++;
            which = (int)k;
        }
    }
    if (marked == 0 || marked == c->count)
        return -2;
    if (marked > 1) {
        snprintf(c->problem, sizeof c->problem,
                 "%zu of its %zu choices are marked right; a question here has one right "
                 "choice",
                 marked, c->count);
        return -1;
    }
    if (cut[which].len == 0)
        return -2;
    memcpy(c->items, cut, c->count * sizeof *cut);
    return which;
}

/* A line that introduces the choices: "Options:", "Choose one:". */
static int is_choices_label(const char *s)
{
    static const char *const labels[] = {"options", "choices", "answer options",
                                         "answer choices", "possible answers", "choose one",
                                         "select one", "pick one"};
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ':' || s[len - 1] == ' '))
        len--;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
        if (strlen(labels[k]) == len && strncasecmp(s, labels[k], len) == 0)
            return 1;
    return 0;
}

/* Out holds no choices. Its items are read up to count only, so they are
 * left as they are: a memset of the whole (a "rep stos" of 376 bytes, three
 * times for each ordinary answer) cost more than reading the answer. */
static void choices_clear(Choices *c)
{
    c->count = 0;
    c->right = 0;
    c->explanation = (ChoiceText){NULL, 0};
    c->next_block = 0;
    c->by_number = 0;
    c->problem[0] = '\0';
}

/* The choices at the start of an answer (after an "Options:" line), as
 * items or as one paragraph. Returns the blocks they take, that line
 * included, or 0 (out cleared) when there are none; *first is the block
 * of the first choice. */
static size_t read_choices(const AnswerBlock *blocks, size_t n, Choices *out, LabelKind *kind,
                           unsigned *numbers, int *from_items, size_t *first, ChoiceText *key)
{
    choices_clear(out);
    *key = (ChoiceText){NULL, 0};
    *first = n > 1 && blocks[0].kind == ANSWER_PARA && is_choices_label(blocks[0].text);
    blocks += *first;
    n -= *first;
    size_t used = read_items(blocks, n, out, kind, numbers);
    *from_items = used > 0;
    if (!used) {
        choices_clear(out);
        *kind = LABEL_LETTER;
        used = read_paragraph(blocks, n, out, key);
        if (!used) {
            choices_clear(out);
            return 0;
        }
    }
    return used + *first;
}

int choices_need_key(const AnswerBlock *blocks, size_t n, const unsigned char *checked)
{
    /* Lettered choices, as items or a paragraph, open with "a)". */
    Label label;
    size_t at = n > 1 && blocks[0].kind == ANSWER_PARA && is_choices_label(blocks[0].text);
    if (n == 0 || blocks[at].kind == ANSWER_CODE || blocks[at].kind == ANSWER_ROW ||
        !letter_label(blocks[at].text, strlen(blocks[at].text), 0, &label))
        return 0;
    Choices c;
    LabelKind kind;
    unsigned numbers[CHOICES_MAX];
    int from_items;
    size_t first;
    ChoiceText key;
    size_t used = read_choices(blocks, n, &c, &kind, numbers, &from_items, &first, &key);
    return used > 0 && used == n && kind == LABEL_LETTER && key.len == 0 &&
           marked_choice(&c, from_items && checked ? checked + first : NULL) == -2;
}

int choices_read(const AnswerBlock *blocks, size_t n, const unsigned char *checked,
                 Choices *out)
{
    LabelKind kind;
    unsigned numbers[CHOICES_MAX] = {0};
    int from_items;
    size_t first;
    ChoiceText inline_key;
    size_t used = read_choices(blocks, n, out, &kind, numbers, &from_items, &first, &inline_key);
    if (!used)
        return 0;
    int mark = marked_choice(out, from_items && checked ? checked + first : NULL);
    if (mark == -1)
        return -1;
    if (mark >= 0) {
        out->right = (size_t)mark;
        out->next_block = used;
        return 1;
    }
    const char *s;
    size_t len, after = used;
    if (inline_key.len > 0) {
        s = inline_key.text;
        len = inline_key.len;
    } else {
        if (used >= n || blocks[used].kind != ANSWER_PARA)
            return 0;
        s = blocks[used].text;
        len = strlen(s);
        after = used + 1;
    }
    size_t label = key_label(s, len);
    int right = -1;
    size_t end = len;
    if (label) {
        right = key_reference(out, kind, numbers, s + label, len - label, &end);
        end += label;
    } else if (kind == LABEL_LETTER) {
        /* A revealed box that opens with the choice: "C) list - ...". */
        Label lb;
        if (letter_label(s, len, 1, &lb) && lb.index < out->count) {
            size_t after = skip_choice_text(out, lb.index, s, len, lb.skip);
            if (after > lb.skip || lb.skip == len) {
                right = (int)lb.index;
                end = after;
            }
        }
    }
    if (right < 0) {
        /* A key such as "e" or "(e)" names a choice that is not there; a
         * sentence ("Answer: it depends") answers in words. */
        if (!label || kind != LABEL_LETTER || !looks_like_letter(s + label, len - label))
            return 0;
        StrBuf key = {0};
        text_append_cut(&key, s + label, len - label, 40);
        snprintf(out->problem, sizeof out->problem,
                 "the key \"%s\" names none of its %zu choices (write \"Answer: b\" or the "
                 "right choice's text)",
                 strbuf_str(&key), out->count);
        strbuf_free(&key);
        return -1;
    }
    out->right = (size_t)right;
    out->by_number = kind == LABEL_NUMBER;
    out->explanation = rest_of(s, len, end);
    out->next_block = after;
    return 1;
}
