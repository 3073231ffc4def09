/* shapes.c - what a block of Markdown says it is (see shapes.h). */
#include "shapes.h"

#include "text.h"
#include "utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

enum { SHAPE_EXCERPT = 60 }; /* code points quoted in a message */

void shape_excerpt(StrBuf *out, const char *s, size_t len)
{
    StrBuf plain = {0};
    text_append_plain(&plain, s, len);
    plain.len = text_collapse_space(plain.data ? plain.data : (char *)"", plain.len);
    text_append_cut(out, strbuf_str(&plain), plain.len, SHAPE_EXCERPT);
    strbuf_free(&plain);
}

void shape_clean(StrBuf *out, const char *s, size_t len)
{
    strbuf_clear(out);
    strbuf_append(out, s, len);
    out->len = text_collapse_space(out->data, out->len);
    out->data[out->len] = '\0';
}

void shape_strip_prefixes(StrBuf *t, int *labelled, int *numbered)
{
    *labelled = *numbered = 0;
    for (int round = 0; round < 3; round++) {
        size_t n = text_number_prefix(t->data, t->len);
        if (n)
            *numbered = 1;
        else if ((n = text_question_label(t->data, t->len)) != 0)
            *labelled = 1;
        if (!n || n >= t->len)
            break;
        memmove(t->data, t->data + n, t->len - n);
        t->len -= n;
        t->data[t->len] = '\0';
    }
}

char shape_q_dot(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n'))
        i++;
    return i + 2 < len && (s[i] == 'Q' || s[i] == 'q') && (s[i + 1] == '.' || s[i + 1] == ')') &&
                   s[i + 2] == ' '
               ? s[i + 1]
               : 0;
}

size_t shape_a_dot(const char *s, size_t len, char dot)
{
    return len > 2 && (s[0] == 'A' || s[0] == 'a') && s[1] == dot && s[2] == ' ' ? 3 : 0;
}

void shape_html_text(StrBuf *out, const char *s, size_t len)
{
    static const struct { const char *name; const char *text; } ents[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
        {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
    strbuf_clear(out);
    for (size_t i = 0; i < len;) {
        if (s[i] == '<') {
            const char *end = len - i >= 4 && strncmp(s + i, "<!--", 4) == 0
                                  ? strstr(s + i, "-->")
                                  : memchr(s + i, '>', len - i);
            if (!end || (size_t)(end - s) >= len)
                break;
            i = (size_t)(end - s) + (s[i + 1] == '!' && end[0] == '-' ? 3 : 1);
            strbuf_putc(out, ' ');
            continue;
        }
        if (s[i] == '&') {
            size_t k = 0;
            for (; k < sizeof ents / sizeof *ents; k++) {
                size_t n = strlen(ents[k].name);
                if (len - i >= n && strncmp(s + i, ents[k].name, n) == 0) {
                    strbuf_puts(out, ents[k].text);
                    i += n;
                    break;
                }
            }
            if (k < sizeof ents / sizeof *ents)
                continue;
        }
        strbuf_putc(out, s[i++]);
    }
    out->len = text_collapse_space(out->data ? out->data : (char *)"", out->len);
    if (out->data)
        out->data[out->len] = '\0';
}

size_t shape_find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[i + k]) == needle[k])
            k++;
        if (k == n)
            return i;
    }
    return len;
}

int shape_quote_is_tip(const MdNode *quote)
{
    const MdNode *p = quote->first;
    if (!p || p->kind != MDK_P)
        return 0;
    const char *s = p->text;
    size_t len = p->text_len, i = 0;
    while (i < len && !isalnum((unsigned char)s[i]))
        i++;
    static const char *const words[] = {"tip", "tips", "pro tip", "hint", "protip"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (len - i >= n && strncasecmp(s + i, words[k], n) == 0 &&
            (i + n == len || !isalnum((unsigned char)s[i + n])))
            return 1;
    }
    return 0;
}

/* Length of the number or question label that opens a text ("3. ", "Q5:
 * "), or 0; *lead is set to the blanks before it. */
static size_t shape_mark_len(const char *s, size_t len, size_t *lead)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n'))
        i++;
    *lead = i;
    size_t n = text_number_prefix(s + i, len - i);
    return n ? n : text_question_label(s + i, len - i);
}

int shape_is_mark(const char *s, size_t len)
{
    size_t lead;
    size_t n = shape_mark_len(s, len, &lead);
    return (n > 0 && lead + n >= len) || text_is_task_label(s + lead, len - lead);
}

int shape_split_question(const MdNode *p, int list_item, StrBuf *prompt,
                         size_t *answer_from)
{
    const char *s = p->text;
    size_t len = p->text_len;
    size_t first_nl = len, a_line = len, a_text = len;
    char q_dot = shape_q_dot(s, len);
    for (const char *nl = memchr(s, '\n', len); nl;
         nl = memchr(nl + 1, '\n', len - (size_t)(nl + 1 - s))) {
        size_t i = (size_t)(nl - s);
        if (first_nl == len)
            first_nl = i;
        size_t j = i + 1;
        while (j < len && s[j] == ' ')
            j++;
        size_t dot = q_dot ? shape_a_dot(s + j, len - j, q_dot) : 0;
        if (dot || text_answer_label(s + j, len - j)) {
            a_line = i;
            a_text = dot ? j + dot : i + 1; /* fr_push drops other labels */
            break;
        }
    }
    size_t end = a_line;
    size_t from = a_text;
    int bold_prefix = 0;
    /* "**Q2**: What...?": the bold part and its colon only label it. */
    size_t bold = p->bold_prefix_len;
    size_t mark_end = bold < len && strchr(":.)", s[bold]) ? bold + 1 : bold;
    if (!p->all_bold && bold > 0 && bold < end && !shape_is_mark(s, mark_end)) {
        end = p->bold_prefix_len;
        from = end;
        bold_prefix = 1;
    } else if (first_nl < end && text_ends_with_question(s, first_nl)) {
        end = first_nl; /* "What is X?" then the answer on the next line */
        from = first_nl + 1;
    }
    /* Most paragraphs and items are no questions: find out on the raw
     * text before copying anything. */
    size_t lead = 0;
    while (lead < end && (s[lead] == ' ' || s[lead] == '\n'))
        lead++;
    size_t num = text_number_prefix(s + lead, end - lead);
    size_t qlab = text_question_label(s + lead + num, end - lead - num);
    int raw_labelled = qlab > 0 || text_question_label(s + lead, end - lead) > 0;
    /* "**True or false:** ..." is marked as a question by its bold task. */
    int bold_task = bold > 0 && text_is_task_label(s, mark_end);
    if (!list_item && !raw_labelled && !p->all_bold && !bold_prefix && !bold_task && !num &&
        a_line == len)
        return 0;
    if (!raw_labelled && !text_reads_as_question(s + lead + num + qlab, end - lead - num - qlab))
        return 0;
    shape_clean(prompt, s, end);
    int labelled, numbered;
    shape_strip_prefixes(prompt, &labelled, &numbered);
    if (prompt->len == 0)
        return 0;
    int asks = labelled || text_reads_as_question(prompt->data, prompt->len);
    if (!list_item)
        asks = asks &&
               (labelled || p->all_bold || bold_prefix || bold_task || numbered || a_line < len);
    if (!asks && bold_prefix) {
        /* The bold part was no question ("**Note:** ..."); try the whole. */
        return 0;
    }
    *answer_from = from;
    return asks;
}

int shape_is_question_item(const MdNode *li, StrBuf *prompt, size_t *from)
{
    const MdNode *lead = li->first;
    return lead && lead->kind == MDK_P && !lead->all_link &&
           shape_split_question(lead, 1, prompt, from);
}

void shape_count_list_questions(const MdNode *list, StrBuf *tmp, size_t *strict,
                                size_t *loose, size_t *answered)
{
    shape_list_questions(list, tmp, NULL, NULL, strict, loose, answered);
}

void shape_list_questions(const MdNode *list, StrBuf *tmp, ShapeItem *items, StrBuf *prompts,
                          size_t *strict, size_t *loose, size_t *answered)
{
    *strict = *loose = *answered = 0;
    if (prompts)
        strbuf_clear(prompts);
    for (const MdNode *li = list->first; li; li = li->next) {
        size_t from;
        int asks = shape_is_question_item(li, tmp, &from);
        if (items) {
            ShapeItem *it = items++;
            memset(it, 0, sizeof *it);
            it->asks = asks;
            if (asks) {
                it->from = from;
                it->prompt_at = prompts->len;
                it->prompt_len = tmp->len;
                strbuf_append(prompts, tmp->data, tmp->len);
            }
        }
        if (!asks)
            continue;
        (*loose)++;
        const MdNode *lead = li->first;
        int labelled = text_question_label(lead->text, lead->text_len) != 0;
        if (labelled || text_ends_with_question(tmp->data, tmp->len))
            (*strict)++;
        if (lead->next || from < lead->text_len)
            (*answered)++;
    }
}

unsigned shape_number_of(const char *s, size_t len)
{
    size_t lead;
    size_t n = shape_mark_len(s, len, &lead);
    return shape_digits_in(s + lead, n);
}

/* True when a short text is made only of the given words, one of which is
 * among the first `needed` of them ("Answer key", "Answers to the quiz"). */
static int shape_words_are(StrBuf *tmp, const char *s, size_t len, const char *const *words,
                           size_t needed)
{
    if (len == 0 || len > 60)
        return 0;
    strbuf_clear(tmp);
    text_append_key(tmp, s, len);
    int found = 0;
    size_t count = 0;
    for (char *w = tmp->data; w && *w;) {
        char *end = strchr(w, ' ');
        size_t n = end ? (size_t)(end - w) : strlen(w);
        size_t k = 0;
        while (words[k] && !(strlen(words[k]) == n && memcmp(words[k], w, n) == 0))
            k++;
        if (!words[k])
            return 0;
        found |= k < needed;
        count++;
        w = end ? end + 1 : NULL;
    }
    return found && count <= 6;
}

int shape_is_key_name(StrBuf *tmp, const char *s, size_t len)
{
    if (len > 60 || (shape_find_ci(s, len, "answer") == len && shape_find_ci(s, len, "solution") == len &&
                     shape_find_ci(s, len, "key") == len))
        return 0;
    /* "Answer" alone labels one answer; "Answers" or "Answer key" are a
     * key's. */
    static const char *const words[] = {"answers", "solutions", "key", "keys", "sheet",
                                        "answer", "solution", "the", "to", "for", "of", "all",
                                        "and", "questions", "quiz", "explanations", NULL};
    return shape_words_are(tmp, s, len, words, 5);
}

int shape_is_generic_name(StrBuf *tmp, const char *s, size_t len)
{
    static const char *const words[] = {"questions", "question", "quiz", "exercises",
                                        "test", "q", "a", "and", "practice", "review",
                                        "self", "interview", NULL};
    return shape_words_are(tmp, s, len, words, 4);
}

unsigned shape_key_item(const MdNode *list, const MdNode *li, const MdNode **item,
                        size_t *skip)
{
    const MdNode *lead = li->first;
    *item = li;
    *skip = 0;
    if (list->kind == MDK_OL)
        return li->number;
    if (lead && lead->kind == MDK_OL && lead->first && !lead->first->next) {
        *item = lead->first; /* "- 1. Port 22." is a list in a list */
        return lead->first->number;
    }
    if (lead && lead->kind == MDK_P) { /* "- 1. Domain Name System" */
        *skip = text_number_prefix(lead->text, lead->text_len);
        return shape_number_of(lead->text, lead->text_len);
    }
    return 0;
}

void shape_html_uncomment(StrBuf *out, const char *s, size_t len)
{
    strbuf_clear(out);
    size_t i = 0;
    while (i < len) {
        size_t open = shape_find_ci(s + i, len - i, "<!--") + i;
        strbuf_append(out, s + i, open - i);
        if (open >= len)
            break;
        size_t close = shape_find_ci(s + open + 4, len - open - 4, "-->") + open + 4;
        i = close < len ? close + 3 : len;
    }
}

/* Class and role words of a tip box. */
static const char *const shape_aside_words[] = {"tip",     "note",       "hint",
                                                "warning", "info",       "callout",
                                                "admonition", "aside",   "caution"};

int shape_html_aside(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= len || s[i] != '<')
        return 0;
    static const char *const tags[] = {"aside", "div", "section", "p", "blockquote"};
    const char *tag = NULL;
    for (size_t t = 0; t < sizeof tags / sizeof *tags && !tag; t++) {
        size_t n = strlen(tags[t]);
        if (len - i - 1 > n && strncasecmp(s + i + 1, tags[t], n) == 0 &&
            !isalnum((unsigned char)s[i + 1 + n]))
            tag = tags[t];
    }
    if (!tag)
        return 0;
    size_t open_end = i;
    while (open_end < len && s[open_end] != '>')
        open_end++;
    int aside = strcmp(tag, "aside") == 0;
    if (!aside) {
        /* The words of its class and role attributes. */
        const char *attrs = s + i;
        size_t attrs_len = open_end - i;
        for (const char *a = attrs; !aside && a < attrs + attrs_len;) {
            size_t at = shape_find_ci(a, (size_t)(attrs + attrs_len - a), "class=");
            size_t role = shape_find_ci(a, (size_t)(attrs + attrs_len - a), "role=");
            size_t k = at < role ? at : role;
            if (a + k >= attrs + attrs_len)
                break;
            a += k + (k == at ? 6 : 5);
            char quote = a < attrs + attrs_len && (*a == '"' || *a == '\'') ? *a++ : ' ';
            const char *v = a;
            while (a < attrs + attrs_len && *a != quote && *a != '>')
                a++;
            /* Each word of the value, split at spaces, dashes and '_'. */
            for (const char *w = v; w < a && !aside;) {
                while (w < a && !isalpha((unsigned char)*w))
                    w++;
                const char *e = w;
                while (e < a && isalpha((unsigned char)*e))
                    e++;
                for (size_t k2 = 0; k2 < sizeof shape_aside_words / sizeof *shape_aside_words; k2++)
                    if ((size_t)(e - w) == strlen(shape_aside_words[k2]) &&
                        strncasecmp(w, shape_aside_words[k2], (size_t)(e - w)) == 0)
                        aside = 1;
                w = e;
            }
        }
    }
    if (!aside)
        return 0;
    char close[16];
    snprintf(close, sizeof close, "</%s", tag);
    return shape_find_ci(s + open_end, len - open_end, close) < len - open_end ? 2 : 1;
}

int shape_html_closes_aside(const MdNode *n)
{
    return shape_find_ci(n->text, n->text_len, "</div") < n->text_len ||
           shape_find_ci(n->text, n->text_len, "</aside") < n->text_len ||
           shape_find_ci(n->text, n->text_len, "</section") < n->text_len ||
           shape_find_ci(n->text, n->text_len, "</blockquote") < n->text_len ||
           shape_find_ci(n->text, n->text_len, "</p>") < n->text_len;
}

int shape_block_asks(const MdNode *b, StrBuf *tmp)
{
    size_t from, strict, loose, answered;
    if (!b)
        return 0;
    if (b->kind == MDK_P)
        return shape_split_question(b, 0, tmp, &from);
    if (b->kind == MDK_UL || b->kind == MDK_OL) {
        shape_count_list_questions(b, tmp, &strict, &loose, &answered);
        return loose > 0;
    }
    if (b->kind == MDK_HTML)
        return shape_find_ci(b->text, b->text_len, "<summary") < b->text_len;
    return 0;
}

int shape_is_bold_section(const MdNode *p, StrBuf *tmp)
{
    if (!p->all_bold || p->text_len == 0 || p->text_len > 80 ||
        memchr(p->text, '\n', p->text_len))
        return 0;
    shape_clean(tmp, p->text, p->text_len);
    int labelled, numbered;
    shape_strip_prefixes(tmp, &labelled, &numbered);
    if (tmp->len == 0 || labelled || text_reads_as_question(tmp->data, tmp->len) ||
        text_answer_label(tmp->data, tmp->len) || strchr(":.!", tmp->data[tmp->len - 1]))
        return 0;
    return shape_block_asks(p->next, tmp);
}

int shape_heading_asks(const MdNode *h, StrBuf *tmp)
{
    shape_clean(tmp, h->text, h->text_len);
    int labelled, numbered;
    shape_strip_prefixes(tmp, &labelled, &numbered);
    if (tmp->len == 0 || text_question_label(tmp->data, tmp->len) >= tmp->len)
        return 0; /* nothing but a label: "## Q6:" */
    if (labelled)
        return 1;
    if (numbered)
        return text_reads_as_question(tmp->data, tmp->len);
    return text_opens_as_question(tmp->data, tmp->len);
}

int shape_is_label_heading(StrBuf *tmp, const char *s, size_t len)
{
    if (len == 0 || len > 40)
        return 0;
    strbuf_clear(tmp);
    text_append_key(tmp, s, len);
    const char *k = strbuf_str(tmp);
    /* Not "Exercise 1" or "Problem 2": more often sections than questions. */
    static const char *const words[] = {"question", "q", "quiz question"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t n = strlen(words[w]);
        if (strncmp(k, words[w], n) != 0)
            continue;
        const char *rest = k + n;
        if (!*rest && w == 0)
            return 1; /* "### Question", then "### Answer" */
        if (*rest == ' ')
            rest++;
        else if (!(w == 1 && isdigit((unsigned char)*rest))) /* "q3" */
            continue;
        if (!*rest)
            continue;
        while (isdigit((unsigned char)*rest))
            rest++;
        if (!*rest)
            return 1;
    }
    return 0;
}

unsigned shape_digits_in(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && !isdigit((unsigned char)s[i]))
        i++;
    unsigned number = 0;
    for (int digits = 0; i < len && isdigit((unsigned char)s[i]) && digits < 9; i++, digits++)
        number = number * 10 + (unsigned)(s[i] - '0');
    return number;
}

int shape_marked_question(const MdNode *p, StrBuf *tmp)
{
    size_t from;
    if (!shape_split_question(p, 0, tmp, &from))
        return 0;
    const char *s = p->text;
    size_t len = p->text_len, lead = 0;
    while (lead < len && (s[lead] == ' ' || s[lead] == '\n'))
        lead++;
    size_t num = text_number_prefix(s + lead, len - lead);
    if (text_question_label(s + lead, len - lead) ||
        text_question_label(s + lead + num, len - lead - num))
        return 1;
    return (p->all_bold || p->bold_prefix_len > 0) && text_ends_with_question(tmp->data, tmp->len);
}
