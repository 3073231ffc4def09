/* bank.c - the question bank (see bank.h). */
#include "bank.h"
#include "arena.h"
#include "hash.h"
#include "text.h"
#include "xalloc.h"

#include <cjson/cJSON.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct Topic {
    const char *name;
    const char *key;  /* text_append_key of the name */
    uint64_t key_hash;
    size_t first;     /* after bank_finish */
    size_t count;
} Topic;

struct Bank {
    Arena arena;
    Topic *topics;
    size_t topic_count, topic_cap;
    size_t *topic_slots;  /* open addressing on key_hash: topic index + 1 */
    size_t slot_cap;
    Question *questions;  /* in the order added */
    size_t question_count, question_cap;
    size_t *order;        /* after bank_finish: the questions topic by
                             topic, or NULL when they were added so */
};


Bank *bank_new(void)
{
    Bank *b = xcalloc(1, sizeof *b);
    b->slot_cap = 64;
    b->topic_slots = xcalloc(b->slot_cap, sizeof *b->topic_slots);
    return b;
}

void bank_free(Bank *b)
{
    if (!b)
        return;
    free(b->topics);
    free(b->topic_slots);
    free(b->questions);
    free(b->order);
    arena_free(&b->arena);
    free(b);
}

static size_t *bank_topic_slot(const Bank *b, const char *key, uint64_t h)
{
    size_t mask = b->slot_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        size_t *slot = &b->topic_slots[i];
        if (*slot == 0)
            return slot;
        const Topic *t = &b->topics[*slot - 1];
        if (t->key_hash == h && strcmp(t->key, key) == 0)
            return slot;
    }
}

static void bank_rehash_topics(Bank *b)
{
    free(b->topic_slots);
    b->slot_cap *= 2;
    b->topic_slots = xcalloc(b->slot_cap, sizeof *b->topic_slots);
    for (size_t t = 0; t < b->topic_count; t++)
        *bank_topic_slot(b, b->topics[t].key, b->topics[t].key_hash) = t + 1;
}

size_t bank_add_topic(Bank *b, const char *name)
{
    StrBuf key = {0};
    text_append_key(&key, name, strlen(name));
    uint64_t h = hash_bytes(HASH_SEED, strbuf_str(&key), key.len);
    size_t *slot = bank_topic_slot(b, strbuf_str(&key), h);
    if (*slot) {
        strbuf_free(&key);
        return *slot - 1;
    }
    b->topics = xgrow(b->topics, &b->topic_cap, b->topic_count + 1, sizeof *b->topics);
    Topic *t = &b->topics[b->topic_count];
    memset(t, 0, sizeof *t);
    t->name = arena_strdup(&b->arena, name);
    t->key = arena_strndup(&b->arena, strbuf_str(&key), key.len);
    t->key_hash = h;
    *slot = ++b->topic_count;
    if (b->topic_count * 2 > b->slot_cap)
        bank_rehash_topics(b);
    strbuf_free(&key);
    return b->topic_count - 1;
}

uint64_t question_hash(const Question *q)
{
    uint64_t h = hash_bytes(HASH_SEED, q->prompt, strlen(q->prompt) + 1);
    if (q->code) {
        h = hash_bytes(h, q->code, strlen(q->code) + 1);
        const char *lang = q->code_lang ? q->code_lang : "";
        h = hash_bytes(h, lang, strlen(lang) + 1);
    }
    for (size_t i = 0; i < q->answer_len; i++) {
        const AnswerBlock *a = &q->answer[i];
        unsigned char head[3] = {(unsigned char)a->kind, (unsigned char)a->depth,
                                 (unsigned char)a->number};
        h = hash_bytes(h, (const char *)head, sizeof head);
        h = hash_bytes(h, a->text, strlen(a->text) + 1);
        h = hash_bytes(h, a->lang, strlen(a->lang) + 1);
    }
    return h;
}

Arena *bank_arena(Bank *b)
{
    return &b->arena;
}

Question *bank_new_question(Bank *b)
{
    b->questions = xgrow(b->questions, &b->question_cap, b->question_count + 1,
                         sizeof *b->questions);
    Question *q = &b->questions[b->question_count++];
    memset(q, 0, sizeof *q);
    q->file = "";
    q->code_lang = "";
    return q;
}

Question *bank_question_edit(Bank *b, size_t index)
{
    return &b->questions[index];
}

void bank_add_question_owned(Bank *b, const Question *q)
{
    Question *d = bank_new_question(b);
    *d = *q;
    if (!d->file)
        d->file = "";
    if (!d->code_lang)
        d->code_lang = "";
}

void bank_add_question(Bank *b, const Question *q)
{
    Question *d = bank_new_question(b);
    *d = *q;
    d->prompt = arena_strdup(&b->arena, q->prompt);
    d->file = q->file ? arena_strdup(&b->arena, q->file) : "";
    d->code = q->code ? arena_strdup(&b->arena, q->code) : NULL;
    d->code_lang = arena_strdup(&b->arena, q->code_lang ? q->code_lang : "");
    AnswerBlock *blocks = arena_alloc(&b->arena, (q->answer_len ? q->answer_len : 1) *
                                                     sizeof *blocks);
    for (size_t i = 0; i < q->answer_len; i++) {
        blocks[i] = q->answer[i];
        blocks[i].text = arena_strdup(&b->arena, q->answer[i].text ? q->answer[i].text : "");
        blocks[i].lang = arena_strdup(&b->arena, q->answer[i].lang ? q->answer[i].lang : "");
    }
    d->answer = blocks;
    if (q->choice_count) {
        const char **choices = arena_alloc(&b->arena, q->choice_count * sizeof *choices);
        for (size_t i = 0; i < q->choice_count; i++)
            choices[i] = arena_strdup(&b->arena, q->choices[i]);
        d->choices = choices;
    }
    d->option = q->option && q->option[0] ? arena_strdup(&b->arena, q->option) : NULL;
}

void bank_finish(Bank *b)
{
    size_t *count = xcalloc(b->topic_count + 1, sizeof *count);
    for (size_t i = 0; i < b->question_count; i++)
        count[b->questions[i].topic]++;
    /* Drop empty topics: old index -> new index. */
    size_t *remap = xcalloc(b->topic_count + 1, sizeof *remap);
    size_t kept = 0;
    for (size_t t = 0; t < b->topic_count; t++) {
        remap[t] = kept;
        if (count[t])
            b->topics[kept++] = b->topics[t];
    }
    size_t first = 0;
    for (size_t t = 0, k = 0; t < b->topic_count; t++) {
        if (!count[t])
            continue;
        b->topics[k].first = first;
        b->topics[k].count = count[t];
        first += count[t];
        k++;
    }
    /* The questions topic by topic, in the order added within a topic (a
     * stable counting sort of their indexes: the questions stay where they
     * are), unless they came in that order. */
    int in_order = 1;
    for (size_t i = 1; i < b->question_count && in_order; i++)
        in_order = b->questions[i].topic >= b->questions[i - 1].topic;
    for (size_t i = 0; i < b->question_count; i++) {
        Question *q = &b->questions[i];
        q->topic = remap[q->topic];
        /* An empty option, however the question came, is derived on first
         * use (bank_question). */
        if (q->option && !q->option[0])
            q->option = NULL;
    }
    free(b->order);
    b->order = NULL;
    if (!in_order) {
        b->order = xmalloc((b->question_count ? b->question_count : 1) * sizeof *b->order);
        size_t *fill = xcalloc(kept + 1, sizeof *fill);
        for (size_t i = 0; i < b->question_count; i++) {
            size_t t = b->questions[i].topic;
            b->order[b->topics[t].first + fill[t]++] = i;
        }
        free(fill);
    }
    b->topic_count = kept;
    memset(b->topic_slots, 0, b->slot_cap * sizeof *b->topic_slots);
    for (size_t t = 0; t < kept; t++)
        *bank_topic_slot(b, b->topics[t].key, b->topics[t].key_hash) = t + 1;
    free(remap);
    free(count);
}

size_t bank_topic_count(const Bank *b)
{
    return b->topic_count;
}

const char *bank_topic_name(const Bank *b, size_t topic)
{
    return b->topics[topic].name;
}

size_t bank_topic_size(const Bank *b, size_t topic)
{
    return b->topics[topic].count;
}

size_t bank_topic_first(const Bank *b, size_t topic)
{
    return b->topics[topic].first;
}

long bank_find_topic(const Bank *b, const char *name)
{
    StrBuf key = {0};
    text_append_key(&key, name, strlen(name));
    uint64_t h = hash_bytes(HASH_SEED, strbuf_str(&key), key.len);
    size_t slot = *bank_topic_slot(b, strbuf_str(&key), h);
    strbuf_free(&key);
    return slot ? (long)slot - 1 : -1;
}

size_t bank_question_count(const Bank *b)
{
    return b->question_count;
}

const Question *bank_question(const Bank *b, size_t index)
{
    Question *q = &b->questions[b->order ? b->order[index] : index];
    if (!q->option) {
        StrBuf opt = {0};
        answer_option_text(q->answer, q->answer_len, &opt);
        /* The one write through a const bank (see bank.h): a bank is
         * always made by bank_new, never const itself. */
        q->option = arena_strndup((Arena *)&b->arena, strbuf_str(&opt), opt.len);
        strbuf_free(&opt);
    }
    return q;
}

/* ---- presentation ---- */

/* Answers nest at most as deep as the corpus reader's tree. */
enum { BANK_MAX_DEPTH = 64 };

static void bank_spaces(StrBuf *out, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        strbuf_putc(out, ' ');
}

enum { BANK_MAX_CELLS = 16 };

/* Splits a table row's text (see ANSWER_ROW) into at most BANK_MAX_CELLS
 * cells; the last one takes the rest. Returns how many. */
static size_t bank_row_cells(const char *s, const char **cell, size_t *len)
{
    /* White space is collapsed: an empty cell leaves "| " at the start,
     * " | | " between cells and " |" at the end. */
    size_t n = 0;
    while (*s && n < BANK_MAX_CELLS) {
        if (s[0] == '|' && (s[1] == ' ' || s[1] == '\0')) {
            cell[n] = s;
            len[n++] = 0;
            s += s[1] ? 2 : 1;
            continue;
        }
        const char *sep = n + 1 < BANK_MAX_CELLS ? strstr(s, " | ") : NULL;
        size_t l = sep ? (size_t)(sep - s) : strlen(s);
        int empty_last = !sep && l >= 2 && s[l - 1] == '|' && s[l - 2] == ' ';
        cell[n] = s;
        len[n++] = empty_last ? l - 2 : l;
        if (empty_last && n < BANK_MAX_CELLS) {
            cell[n] = s + l;
            len[n++] = 0;
        }
        if (!sep)
            break;
        s = sep + 3;
    }
    return n;
}

/* A table row as Markdown: "| a | b |", and the delimiter row under the
 * header. Pipes inside a cell are escaped. */
static void bank_row_markdown(StrBuf *out, const AnswerBlock *a, unsigned col)
{
    const char *cell[BANK_MAX_CELLS];
    size_t len[BANK_MAX_CELLS];
    size_t n = bank_row_cells(a->text, cell, len);
    StrBuf md = {0};
    strbuf_putc(out, '|');
    for (size_t i = 0; i < n; i++) {
        strbuf_clear(&md);
        text_append_markdown(&md, cell[i], len[i]);
        strbuf_putc(out, ' ');
        for (size_t k = 0; k < md.len; k++) {
            if (md.data[k] == '|')
                strbuf_putc(out, '\\');
            strbuf_putc(out, md.data[k]);
        }
        strbuf_puts(out, " |");
    }
    strbuf_free(&md);
    if (a->number == 0) {
        strbuf_putc(out, '\n');
        bank_spaces(out, col);
        strbuf_putc(out, '|');
        for (size_t i = 0; i < (n ? n : 1); i++)
            strbuf_puts(out, " --- |");
    }
}

/* Longest run of backticks in s. */
static size_t bank_backtick_run(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

void question_answer_markdown(const Question *q, StrBuf *out)
{
    /* indent[d]: the column where blocks at depth d start; an item sets
     * the column of its children to just after its marker ("10. " is 4
     * wide), as CommonMark requires for them to nest. */
    unsigned indent[BANK_MAX_DEPTH + 1] = {0};
    for (size_t i = 0; i < q->answer_len; i++) {
        const AnswerBlock *a = &q->answer[i];
        unsigned depth = a->depth < BANK_MAX_DEPTH ? a->depth : BANK_MAX_DEPTH - 1;
        unsigned col = indent[depth];
        if (i > 0) {
            const AnswerBlock *prev = &q->answer[i - 1];
            int tight = (a->kind == ANSWER_ITEM && prev->kind == ANSWER_ITEM) ||
                        (a->kind == ANSWER_ROW && prev->kind == ANSWER_ROW && a->number > 0);
            strbuf_puts(out, tight ? "\n" : "\n\n");
        }
        bank_spaces(out, col);
        switch (a->kind) {
        case ANSWER_ITEM: {
            size_t before = out->len;
            if (a->number)
                strbuf_printf(out, "%u. ", a->number);
            else
                strbuf_puts(out, "- ");
            indent[depth + 1] = col + (unsigned)(out->len - before);
            text_append_markdown(out, a->text, strlen(a->text));
            break;
        }
        case ANSWER_PARA:
            text_append_markdown(out, a->text, strlen(a->text));
            break;
        case ANSWER_ROW:
            bank_row_markdown(out, a, col);
            break;
        case ANSWER_CODE: {
            /* A fence longer than any run of backticks inside the code. */
            size_t ticks = bank_backtick_run(a->text) + 1;
            if (ticks < 3)
                ticks = 3;
            for (size_t t = 0; t < ticks; t++)
                strbuf_putc(out, '`');
            strbuf_printf(out, "%s\n", a->lang);
            const char *s = a->text;
            for (;;) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t)(nl - s) : strlen(s);
                if (n) {
                    bank_spaces(out, col);
                    strbuf_append(out, s, n);
                }
                strbuf_putc(out, '\n');
                if (!nl)
                    break;
                s = nl + 1;
            }
            bank_spaces(out, col);
            for (size_t t = 0; t < ticks; t++)
                strbuf_putc(out, '`');
            break;
        }
        }
    }
}

/* True when the comparison key of a text is one of n labels. */
static int bank_is_label(const char *s, size_t len, const char *const *labels, size_t n)
{
    StrBuf key = {0};
    text_append_key(&key, s, len);
    int found = 0;
    for (size_t i = 0; i < n && !found; i++)
        found = strcmp(strbuf_str(&key), labels[i]) == 0;
    strbuf_free(&key);
    return found;
}

/* True when a plain text is only a lead-in to a code example. */
static int bank_is_example_label(const char *s, size_t len)
{
    static const char *const labels[] = {"example", "examples", "for example", "e g",
                                         "code", "code example", "output", "usage",
                                         "syntax", "sample"};
    if (len > 16)
        return 0; /* the longest label is "code example:" */
    return bank_is_label(s, len, labels, sizeof labels / sizeof *labels);
}

/* Drops a trailing " Example:" sentence and a trailing colon. */
static size_t bank_trim_lead_in(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ':'))
        len--;
    size_t dot = len;
    while (dot > 0 && s[dot - 1] != '.' && s[dot - 1] != '!' && s[dot - 1] != '?')
        dot--;
    if (dot > 0 && dot < len && bank_is_example_label(s + dot, len - dot)) {
        len = dot;
    }
    return len;
}

/* A paragraph that announces the answer's output or result ("Output:",
 * "**Result:**"): the code block after it is the answer itself, not an
 * illustration. */
static int bank_is_output_label(const char *s, size_t len)
{
    static const char *const labels[] = {"output", "outputs", "result", "prints", "it prints",
                                         "the output is", "expected output", "answer"};
    if (len == 0 || len > 20 || s[len - 1] != ':')
        return 0;
    return bank_is_label(s, len, labels, sizeof labels / sizeof *labels);
}

enum { BANK_OUTPUT_LINES = 4, BANK_OUTPUT_BYTES = 100 };

/* Appends a short output block's lines to out, joined by " / ", and
 * returns 1; returns 0 (out unchanged) when the block is too long to be
 * read as an answer on one line. */
static int bank_append_output(StrBuf *out, const char *code)
{
    size_t lines = 0, bytes = 0, start = out->len;
    for (const char *s = code; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        size_t a = 0;
        while (a < n && isspace((unsigned char)s[a]))
            a++;
        while (n > a && isspace((unsigned char)s[n - 1]))
            n--;
        if (n > a) {
            if (++lines > BANK_OUTPUT_LINES || (bytes += n - a) > BANK_OUTPUT_BYTES) {
                strbuf_truncate(out, start);
                return 0;
            }
            if (out->len > start)
                strbuf_puts(out, " / ");
            strbuf_append(out, s + a, n - a);
        }
        if (!nl)
            break;
        s = nl + 1;
    }
    return out->len > start;
}

/* A table (rows[0] its header) on one line, plain: with two columns,
 * "key: value; key: value"; with more, the columns' names first, then
 * each row's values: "List / Tuple - Mutable: yes / no; Ordered: yes / yes". */
static void bank_table_plain(StrBuf *out, const AnswerBlock *rows, size_t count)
{
    const char *cell[BANK_MAX_CELLS];
    size_t len[BANK_MAX_CELLS];
    size_t cols = bank_row_cells(rows[0].text, cell, len);
    if (count == 1) {
        for (size_t c = 0; c < cols; c++) {
            if (c)
                strbuf_puts(out, " / ");
            text_append_plain(out, cell[c], len[c]);
        }
        return;
    }
    if (cols >= 3) {
        /* The value columns' names (the first column names the rows). */
        size_t before = out->len;
        for (size_t c = 1; c < cols; c++) {
            if (len[c] == 0)
                continue;
            if (out->len > before)
                strbuf_puts(out, " / ");
            text_append_plain(out, cell[c], len[c]);
        }
        if (out->len > before)
            strbuf_puts(out, " - ");
    }
    for (size_t r = 1; r < count; r++) {
        size_t n = bank_row_cells(rows[r].text, cell, len);
        while (n > 1 && len[n - 1] == 0)
            n--; /* empty cells at the end */
        if (r > 1)
            strbuf_puts(out, "; ");
        if (len[0] > 0) {
            text_append_plain(out, cell[0], len[0]);
            if (n > 1)
                strbuf_puts(out, ": ");
        }
        for (size_t c = 1; c < n; c++) {
            if (c > 1)
                strbuf_puts(out, " / ");
            if (len[c] == 0)
                strbuf_putc(out, '-'); /* an empty cell between others */
            else
                text_append_plain(out, cell[c], len[c]);
        }
    }
}

/* Starts the next piece of an option: nothing before the first, a space
 * after a sentence's end (or a cut "…"), sep otherwise. */
static void bank_join(StrBuf *prose, const char *sep)
{
    if (prose->len == 0)
        return;
    int ended = strchr(".!?;:", prose->data[prose->len - 1]) != NULL ||
                (prose->len >= 3 && strcmp(prose->data + prose->len - 3, "\xE2\x80\xA6") == 0);
    strbuf_puts(prose, ended ? " " : sep);
}

void answer_option_text(const AnswerBlock *blocks, size_t count, StrBuf *out)
{
    StrBuf prose = {0}, plain = {0};
    int after_output = 0; /* the last piece was an output: ": " joins the next */
    /* Enough prose for QUESTION_OPTION_MAX code points of up to 4 bytes. */
    for (size_t i = 0; i < count && prose.len < QUESTION_OPTION_MAX * 4; i++) {
        if (blocks[i].kind == ANSWER_CODE)
            continue;
        strbuf_clear(&plain);
        if (blocks[i].kind == ANSWER_ROW) {
            /* A table: its rows read as one piece. */
            size_t end = i + 1;
            while (end < count && blocks[end].kind == ANSWER_ROW && blocks[end].number > 0)
                end++;
            bank_table_plain(&plain, blocks + i, end - i);
            i = end - 1;
            if (plain.len == 0)
                continue;
            bank_join(&prose, ": ");
            after_output = 0;
            strbuf_append(&prose, plain.data, plain.len);
            continue;
        }
        text_append_plain(&plain, blocks[i].text, strlen(blocks[i].text));
        size_t len = plain.len;
        if (len > 0 && i + 1 < count && blocks[i + 1].kind == ANSWER_CODE &&
            bank_is_output_label(plain.data, len)) {
            /* "Output:" and its block: the output is the answer. */
            size_t before = prose.len;
            if (after_output)
                strbuf_puts(&prose, " / ");
            else
                bank_join(&prose, "; ");
            if (bank_append_output(&prose, blocks[i + 1].text)) {
                after_output = 1;
                i++;
                continue;
            }
            strbuf_truncate(&prose, before);
        }
        if (len == 0 || bank_is_example_label(plain.data, len))
            continue;
        len = bank_trim_lead_in(plain.data, len);
        if (len == 0)
            continue;
        bank_join(&prose, after_output ? ": " : "; ");
        after_output = 0;
        strbuf_append(&prose, plain.data, len);
    }
    if (prose.len == 0) {
        /* An answer that is only code shows its first line. */
        for (size_t i = 0; i < count; i++) {
            if (blocks[i].kind != ANSWER_CODE)
                continue;
            const char *s = blocks[i].text;
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t)(nl - s) : strlen(s);
                size_t a = 0;
                while (a < n && isspace((unsigned char)s[a]))
                    a++;
                if (a < n) {
                    strbuf_append(&prose, s + a, n - a);
                    break;
                }
                if (!nl)
                    break;
                s = nl + 1;
            }
            if (prose.len)
                break;
        }
    }
    /* Blocks are stored collapsed; only an empty code span or a code-only
     * answer can leave extra spaces. */
    if (prose.len && (strstr(prose.data, "  ") || prose.data[0] == ' ' ||
                      prose.data[prose.len - 1] == ' ' || memchr(prose.data, '\t', prose.len)))
        prose.len = text_collapse_space(prose.data, prose.len);
    text_append_cut(out, strbuf_str(&prose), prose.len, QUESTION_OPTION_MAX);
    strbuf_free(&prose);
    strbuf_free(&plain);
}

int bank_write_json(const Bank *b, FILE *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *topics = cJSON_AddArrayToObject(root, "topics");
    StrBuf s = {0};
    for (size_t t = 0; t < b->topic_count; t++) {
        cJSON *topic = cJSON_CreateObject();
        cJSON_AddStringToObject(topic, "name", b->topics[t].name);
        cJSON *qs = cJSON_AddArrayToObject(topic, "questions");
        for (size_t i = 0; i < b->topics[t].count; i++) {
            const Question *q = bank_question(b, b->topics[t].first + i);
            cJSON *jq = cJSON_CreateObject();
            strbuf_clear(&s);
            text_append_markdown(&s, q->prompt, strlen(q->prompt));
            cJSON_AddStringToObject(jq, "prompt", strbuf_str(&s));
            if (q->code) {
                cJSON_AddStringToObject(jq, "code", q->code);
                cJSON_AddStringToObject(jq, "code_lang", q->code_lang);
            }
            strbuf_clear(&s);
            question_answer_markdown(q, &s);
            cJSON_AddStringToObject(jq, "answer", strbuf_str(&s));
            cJSON_AddStringToObject(jq, "option", q->option);
            if (q->choice_count) {
                cJSON *wrong = cJSON_AddArrayToObject(jq, "choices");
                for (size_t c = 0; c < q->choice_count; c++)
                    cJSON_AddItemToArray(wrong, cJSON_CreateString(q->choices[c]));
            }
            strbuf_clear(&s);
            strbuf_printf(&s, "%s:%u", q->file, q->line);
            cJSON_AddStringToObject(jq, "source", strbuf_str(&s));
            cJSON_AddItemToArray(qs, jq);
        }
        cJSON_AddItemToArray(topics, topic);
    }
    strbuf_free(&s);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    int ok = fputs(text, out) >= 0 && fputc('\n', out) != EOF;
    cJSON_free(text);
    return ok ? 0 : -1;
}
