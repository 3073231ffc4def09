/* corpus.c - quiz packs in Markdown read into a question bank (see corpus.h).
 *
 * Two stages per file: sanitise the bytes (byte-order mark, binary files,
 * invalid UTF-8, control bytes), then stream the document through md4c
 * (mdtree.h), which hands over one top-level block at a time. A small state
 * machine walks those blocks: it knows the open section stack and the
 * question whose answer is being collected. Headings are classified as the
 * blocks come in, and the walk waits only while a heading is unsettled, so
 * memory stays small whatever the size of the file. After the last file,
 * sectionless questions are placed (placement.h) and the bank is built.
 */
#include "corpus.h"
#include "arena.h"
#include "choices.h"
#include "filemap.h"
#include "hash.h"
#include "mdtree.h"
#include "placement.h"
#include "qatable.h"
#include "sanitize.h"
#include "shapes.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum {
    CORPUS_PROMPT_MAX = 400,      /* code points */
    CORPUS_ANSWER_BLOCKS_MAX = 400,
    CORPUS_ANSWER_BYTES_MAX = 64 * 1024,
    SHAPE_EXCERPT = 60,
    CORPUS_SECTION_DEPTH = 8,
    CORPUS_CODE_LINES_MAX = 14,   /* code shown with a prompt, at 640x480 */
    CORPUS_WAITING_MAX = 10000    /* questions waiting for an answer key */
};

/* Where a question read goes, known at the end; the question itself is
 * in the bank already (bank_new_question), question i of the reader being
 * the bank's i. */
typedef struct QuestionPlace {
    const char *section;  /* topic name, or NULL when under no section */
    size_t run;           /* sectionless: its run */
    const char *fallback; /* sectionless: topic name if the run fits none */
} QuestionPlace;

struct CorpusReader {
    Bank *bank;           /* built in place: question data lives in its arena */
    Arena arena;          /* the reader's own scratch: names */
    QuestionPlace *qs;
    size_t count, cap;
    uint32_t *key_slots;  /* open addressing on key hash: question index + 1 */
    uint64_t *key_hashes; /* per question; the keys themselves are not kept
                             but made again when two hashes meet */
    size_t key_cap;       /* slots; power of two */
    size_t run_count;
    int run_open;         /* the last question added was sectionless */
    Placement *place;     /* from the first sectionless question on */
    _Atomic(Placement *) place_shared; /* the same, for the parser's thread
                                          (corpus_idle) */
    StrBuf key;           /* scratch: the key of the question being added */
    StrBuf other_key;     /* scratch: the key of a question it may repeat */
};

/* ---- dedupe set ---- */


/* The key two questions are compared by: the prompt's words (case,
 * punctuation and markup aside), and the code it asks about as it is
 * ("What does this print?" differs by its code, where punctuation
 * counts). Empty when the prompt has no words. */
static void corpus_key_of(StrBuf *key, const char *prompt, size_t len, const char *code)
{
    strbuf_clear(key);
    text_append_key(key, prompt, len);
    if (key->len > 0 && code) {
        strbuf_putc(key, '\n');
        strbuf_puts(key, code);
    }
}

/* The slot for the key in cr->key, whose hash is h: that of a question
 * with the same key, or the free one where it would go. */
static uint32_t *corpus_key_slot(CorpusReader *cr, uint64_t h)
{
    size_t mask = cr->key_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &cr->key_slots[i];
        if (*slot == 0)
            return slot;
        if (cr->key_hashes[*slot - 1] != h)
            continue;
        const Question *q = bank_question_edit(cr->bank, *slot - 1);
        corpus_key_of(&cr->other_key, q->prompt, strlen(q->prompt), q->code);
        if (cr->other_key.len == cr->key.len &&
            memcmp(cr->other_key.data, cr->key.data, cr->key.len) == 0)
            return slot;
    }
}

static void corpus_key_grow(CorpusReader *cr)
{
    free(cr->key_slots);
    cr->key_cap = cr->key_cap ? cr->key_cap * 2 : 256;
    cr->key_slots = xcalloc(cr->key_cap, sizeof *cr->key_slots);
    size_t mask = cr->key_cap - 1;
    /* The keys are distinct: each goes to the first free slot of its probe. */
    for (size_t q = 0; q < cr->count; q++) {
        size_t i = (size_t)cr->key_hashes[q] & mask;
        while (cr->key_slots[i])
            i = (i + 1) & mask;
        cr->key_slots[i] = (uint32_t)(q + 1);
    }
}

CorpusReader *corpus_reader_new(void)
{
    CorpusReader *cr = xcalloc(1, sizeof *cr);
    cr->bank = bank_new();
    corpus_key_grow(cr);
    return cr;
}

static void corpus_reader_free(CorpusReader *cr)
{
    placement_free(cr->place);
    free(cr->qs);
    free(cr->key_slots);
    free(cr->key_hashes);
    arena_free(&cr->arena);
    strbuf_free(&cr->key);
    strbuf_free(&cr->other_key);
    free(cr);
}

/* Hands question i to placement: its prompt and the texts of its answer
 * blocks, code left out. They live in the bank's arena and do not change. */
static void corpus_place(CorpusReader *cr, size_t i)
{
    const Question *q = bank_question_edit(cr->bank, i);
    placement_doc(cr->place, cr->qs[i].section == NULL);
    placement_text(cr->place, q->prompt);
    for (size_t b = 0; b < q->answer_len; b++)
        if (q->answer[b].kind != ANSWER_CODE)
            placement_text(cr->place, q->answer[b].text);
}

/* ---- one file ---- */

typedef enum OpenKind { OPEN_HEADING, OPEN_ITEM, OPEN_PARA, OPEN_DETAILS } OpenKind;

/* A numbered question with no answer, or with choices and no key, waits
 * for an answer key later in its file ("## Answers", then "1. Domain Name
 * System.", "2. b"). */
typedef struct Waiting {
    const char *prompt;
    unsigned number, line;
    const char *section;
    AnswerBlock *answer;    /* its choices, or none */
    unsigned char *checked;
    size_t answer_len;
    int answered;
} Waiting;

typedef struct Section {
    unsigned level;
    const char *name; /* NULL for the document's title */
} Section;

typedef struct FileReader {
    CorpusReader *cr;
    const char *file;
    Diagnostics *diag;
    Section sections[CORPUS_SECTION_DEPTH];
    int section_count;
    const char *title;      /* the document title, if any */
    const char *stem_name;  /* topic name made from the file name */

    int open;               /* a question is collecting its answer */
    OpenKind kind;
    unsigned open_level;    /* OPEN_HEADING: the heading's level */
    StrBuf prompt;
    unsigned line;
    const char *section;
    AnswerBlock *answer;
    size_t answer_len, answer_cap, answer_bytes;
    unsigned char *checked; /* per answer block: a checked task item */
    size_t checked_cap;
    int checking;           /* the item being pushed is checked */
    const char *option;     /* set by fr_choices for a multiple choice */
    const char **choices;
    size_t choice_count;
    int truncated;
    size_t lead_code;       /* code blocks before any text of the answer */
    int text_seen;          /* the answer has had text (or a label) */
    int label_after_code;   /* an "Answer:" label came after leading code */
    unsigned number;        /* the open question's number, 0 if none */
    char q_dot;             /* it was asked as "Q. ..." ('.') or "Q) ..."
                               (')'): "A. " or "A) " labels its answer */

    Waiting *waiting;       /* questions waiting for an answer key */
    size_t waiting_len, waiting_cap, waiting_open;
    int in_key;             /* in the answer key's part of the file */
    int want_prompt;        /* a heading such as "### Question 3" came last:
                               the paragraph under it is the question */
    unsigned label_level, label_number, label_line;
    char label_text[64];    /* that heading, for --check */
    StrBuf lead_in;         /* under it, a paragraph that leads in to the
                               question ("Consider this code:"), or empty */
    AnswerBlock lead_in_code; /* and the code after it (text NULL if none) */
    unsigned key_level;     /* the level of the key's heading */

    StrBuf tmp;

    /* Streaming: headings seen but not walked yet (see fr_stream_block). */
    struct PendingHeading *pending;
    size_t pending_head, pending_len, pending_cap;
    size_t headings_seen;
    size_t unsettled[8];    /* unsettled headings whose part goes on: their
                               levels rise, so there are at most six */
    int unsettled_count;
    size_t first_waiting;   /* 1 + index of the first heading while it waits
                               for the end to tell whether it is the title */
    unsigned min_level;     /* lowest heading level so far */
    int eof;
    int in_aside;           /* inside an HTML tip or note, until it closes */
    StrBuf scan;            /* scratch for classifying ahead of the walk */
} FileReader;

static const char *fr_current_section(const FileReader *fr)
{
    if (fr->section_count == 0)
        return NULL;
    return fr->sections[fr->section_count - 1].name;
}

static void corpus_add(CorpusReader *cr, FileReader *fr, const AnswerBlock *code)
{
    StrBuf *key = &cr->key;
    corpus_key_of(key, fr->prompt.data, fr->prompt.len, code ? code->text : NULL);
    if (key->len == 0) {
        diag_add(fr->diag, DIAG_WARNING, fr->file, fr->line,
                 "question has no words, left out");
        return;
    }
    uint64_t h = hash_table_key(key->data, key->len);
    uint32_t *slot = corpus_key_slot(cr, h);
    if (*slot) {
        const Question *first = bank_question_edit(cr->bank, *slot - 1);
        StrBuf ex = {0};
        shape_excerpt(&ex, fr->prompt.data, fr->prompt.len);
        diag_add(fr->diag, DIAG_NOTE, fr->file, fr->line,
                 "duplicate question \"%s\" (first at %s:%u), kept once", strbuf_str(&ex),
                 first->file, first->line);
        strbuf_free(&ex);
        return;
    }
    size_t old_cap = cr->cap;
    cr->qs = xgrow(cr->qs, &cr->cap, cr->count + 1, sizeof *cr->qs);
    if (cr->cap != old_cap) {
        cr->key_hashes = xrealloc(cr->key_hashes, cr->cap * sizeof *cr->key_hashes);
    }
    Question *q = bank_new_question(cr->bank);
    q->prompt = arena_strndup(bank_arena(cr->bank), fr->prompt.data, fr->prompt.len);
    q->code = code ? code->text : NULL;
    q->code_lang = code && code->lang ? code->lang : "";
    q->answer = arena_memdup(bank_arena(cr->bank), fr->answer,
                             fr->answer_len * sizeof *fr->answer);
    q->answer_len = fr->answer_len;
    q->option = fr->option;
    q->choices = fr->choices;
    q->choice_count = fr->choice_count;
    q->file = fr->file;
    q->line = fr->line;
    QuestionPlace *where = &cr->qs[cr->count];
    memset(where, 0, sizeof *where);
    where->section = fr->section;
    if (!where->section) {
        if (!cr->run_open)
            cr->run_count++;
        cr->run_open = 1;
        where->run = cr->run_count - 1;
        where->fallback = fr->title ? fr->title : fr->stem_name;
    } else {
        cr->run_open = 0;
    }
    cr->key_hashes[cr->count] = h;
    cr->count++;
    *slot = (uint32_t)cr->count;
    if (!where->section && !cr->place) {
        /* Placement is needed after all: it reads every question so far. */
        cr->place = placement_new();
        atomic_store_explicit(&cr->place_shared, cr->place, memory_order_release);
        for (size_t i = 0; i + 1 < cr->count; i++)
            corpus_place(cr, i);
    }
    if (cr->place)
        corpus_place(cr, cr->count - 1);
    if (cr->count * 2 > cr->key_cap)
        corpus_key_grow(cr);
}

/* Work for either thread of a large pack while it would wait for the
 * other (mdtree.h): reading the words of questions for placement. */
static int corpus_idle(void *arg)
{
    CorpusReader *cr = arg;
    Placement *p = atomic_load_explicit(&cr->place_shared, memory_order_acquire);
    return p ? placement_help(p) : 0;
}

/* Reports a question left out, and why: "WHY: \"its prompt\"". */
static void fr_left_out(FileReader *fr, unsigned line, const char *prompt, size_t len,
                        const char *why)
{
    StrBuf ex = {0};
    shape_excerpt(&ex, prompt, len);
    diag_add(fr->diag, DIAG_WARNING, fr->file, line, "%s: \"%s\"", why, strbuf_str(&ex));
    strbuf_free(&ex);
}

/* Lines of a code block's text. */
static size_t fr_code_lines(const char *code)
{
    size_t lines = 1;
    for (const char *p = code; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    return lines;
}

/* How many of the answer's first blocks are code the prompt asks about:
 * code right under "What does this print?" followed by the answer, or by
 * an "Answer:" label whatever the prompt says. Code that is all there is
 * answers a question such as "How do you reverse a list?", unless the
 * prompt points at it and more code follows (the output). */
static size_t fr_prompt_code(const FileReader *fr)
{
    size_t k = fr->lead_code;
    if (k == 0)
        return 0;
    int refers = text_refers_to_code(fr->prompt.data, fr->prompt.len);
    if (k < fr->answer_len)
        return fr->label_after_code || refers ? k : 0;
    return refers && k >= 2 ? 1 : 0;
}

/* Plain one-line form of a piece of rich text, in the bank. */
static const char *fr_plain_line(FileReader *fr, const char *s, size_t len)
{
    StrBuf t = {0};
    text_append_cut(&t, s, len, QUESTION_OPTION_MAX);
    const char *copy = arena_strndup(bank_arena(fr->cr->bank), strbuf_str(&t), t.len);
    strbuf_free(&t);
    return copy;
}

static int fr_asks_how_many(const FileReader *fr)
{
    const char *t = fr->prompt.data ? fr->prompt.data : "";
    while (*t == ' ' || *t == TEXT_CODE_ON)
        t++;
    return strncasecmp(t, "how many", 8) == 0;
}

/* "True or false: lists are immutable." answered "False. Lists can ...":
 * its options are True and False, whatever other answers say. */
static void fr_true_or_false(FileReader *fr)
{
    if (fr->answer_len == 0 || fr->answer[0].kind == ANSWER_CODE ||
        !text_true_or_false(fr->prompt.data, fr->prompt.len))
        return;
    const char *t = fr->answer[0].text;
    while (*t == ' ' || *t == TEXT_CODE_ON)
        t++;
    static const char *const words[] = {"False", "True"};
    int truth = -1;
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(words[k]);
        if (strncasecmp(t, words[k], n) == 0 && !isalnum((unsigned char)t[n]))
            truth = k;
    }
    if (truth < 0)
        return;
    fr->option = fr_plain_line(fr, words[truth], strlen(words[truth]));
    const char **wrong = arena_alloc(bank_arena(fr->cr->bank), sizeof *wrong);
    wrong[0] = fr_plain_line(fr, words[!truth], strlen(words[!truth]));
    fr->choices = wrong;
    fr->choice_count = 1;
}

/* An answer written as the author's own choices and a key (choices.h)
 * becomes the right choice, then what explains it; the wrong choices are
 * the question's distractors. Returns 0 when the question must be left
 * out: its key names no choice. */
static int fr_choices(FileReader *fr)
{
    Choices c;
    int found = choices_read(fr->answer, fr->answer_len, fr->checked, &c);
    if (found == 0 || (found > 0 && c.by_number && fr_asks_how_many(fr))) {
        /* "How many ...?" over a numbered list and "The answer is 4." counts
         * the list; it does not pick its fourth item. */
        fr_true_or_false(fr);
        return 1;
    }
    if (found < 0) {
        char why[256];
        snprintf(why, sizeof why, "multiple-choice question left out: %s", c.problem);
        fr_left_out(fr, fr->line, fr->prompt.data, fr->prompt.len, why);
        return 0;
    }
    Arena *arena = bank_arena(fr->cr->bank);
    const ChoiceText *right = &c.items[c.right];
    fr->option = fr_plain_line(fr, right->text, right->len);
    const char **wrong = arena_alloc(arena, (c.count - 1) * sizeof *wrong);
    for (size_t k = 0, w = 0; k < c.count; k++)
        if (k != c.right)
            wrong[w++] = fr_plain_line(fr, c.items[k].text, c.items[k].len);
    fr->choices = wrong;
    fr->choice_count = c.count - 1;
    /* The right choice, its explanation, then the blocks after the key:
     * never more blocks than the choices and key took. */
    AnswerBlock head[2];
    size_t nhead = 0;
    head[nhead++] = (AnswerBlock){ANSWER_PARA, 0, 0,
                                  arena_strndup(arena, right->text, right->len), ""};
    if (c.explanation.len > 0) {
        /* "b) 8 - because ..." explains in a sentence of its own. */
        char *why = arena_strndup(arena, c.explanation.text, c.explanation.len);
        why[0] = (char)toupper((unsigned char)why[0]);
        head[nhead++] = (AnswerBlock){ANSWER_PARA, 0, 0, why, ""};
    }
    size_t tail = fr->answer_len - c.next_block;
    /* The key may share the choices' paragraph: one block can become two
     * (the answer's other arrays are not read past this point). */
    fr->answer = xgrow(fr->answer, &fr->answer_cap, nhead + tail, sizeof *fr->answer);
    memmove(fr->answer + nhead, fr->answer + c.next_block, tail * sizeof *fr->answer);
    memcpy(fr->answer, head, nhead * sizeof *head);
    fr->answer_len = nhead + tail;
    return 1;
}

/* Holds the open question, numbered and with no answer or with choices and
 * no key, until an answer key gives what it lacks. Returns 0 when it does
 * not wait. */
static int fr_wait(FileReader *fr)
{
    if (fr->number == 0 || fr->waiting_len >= CORPUS_WAITING_MAX ||
        (fr->answer_len > 0 && !choices_need_key(fr->answer + fr->lead_code,
                                                 fr->answer_len - fr->lead_code,
                                                 fr->checked + fr->lead_code)))
        return 0;
    Arena *arena = &fr->cr->arena;
    fr->waiting = xgrow(fr->waiting, &fr->waiting_cap, fr->waiting_len + 1, sizeof *fr->waiting);
    Waiting *w = &fr->waiting[fr->waiting_len++];
    w->prompt = arena_strndup(arena, fr->prompt.data, fr->prompt.len);
    w->number = fr->number;
    w->line = fr->line;
    w->section = fr->section;
    w->answer_len = fr->answer_len;
    w->answer = fr->answer_len ? arena_memdup(arena, fr->answer,
                                              fr->answer_len * sizeof *fr->answer)
                               : NULL;
    w->checked = fr->answer_len ? arena_memdup(arena, fr->checked, fr->answer_len) : NULL;
    w->answered = 0;
    fr->waiting_open++;
    return 1;
}

/* Ends the open question: kept if it has an answer, reported if not. Code
 * the prompt asks about moves from the answer to the question. */
static void fr_close(FileReader *fr)
{
    if (!fr->open)
        return;
    fr->open = 0;
    if (fr_wait(fr))
        return;
    if (fr->answer_len == 0) {
        fr_left_out(fr, fr->line, fr->prompt.data, fr->prompt.len,
                    "question has no answer, left out");
        return;
    }
    AnswerBlock code = {0};
    size_t moved = fr_prompt_code(fr);
    Choices after_code;
    if (moved == 0 && fr->lead_code > 0 &&
        choices_read(fr->answer + fr->lead_code, fr->answer_len - fr->lead_code,
                     fr->checked + fr->lead_code, &after_code) == 1)
        moved = fr->lead_code; /* "Which one is true?", code, then its choices */
    if (moved > 0) {
        code = fr->answer[0];
        if (moved > 1) {
            /* Several blocks are shown as one, a blank line apart. */
            StrBuf joined = {0};
            for (size_t i = 0; i < moved; i++) {
                if (i)
                    strbuf_puts(&joined, "\n\n");
                strbuf_puts(&joined, fr->answer[i].text);
            }
            code.text = arena_strndup(bank_arena(fr->cr->bank), strbuf_str(&joined), joined.len);
            strbuf_free(&joined);
        }
        size_t lines = fr_code_lines(code.text);
        if (lines > CORPUS_CODE_LINES_MAX) {
            char why[160];
            snprintf(why, sizeof why,
                     "the code under this question is %zu lines long; at most %d fit on "
                     "screen with the options, so it is left out",
                     lines, CORPUS_CODE_LINES_MAX);
            fr_left_out(fr, fr->line, fr->prompt.data, fr->prompt.len, why);
            return;
        }
        fr->answer_len -= moved;
        memmove(fr->answer, fr->answer + moved, fr->answer_len * sizeof *fr->answer);
        memmove(fr->checked, fr->checked + moved, fr->answer_len);
    }
    if (!fr_choices(fr))
        return;
    corpus_add(fr->cr, fr, moved > 0 ? &code : NULL);
}

/* Starts a question from a cleaned prompt (numbers and labels removed). */
static void fr_open(FileReader *fr, OpenKind kind, const StrBuf *prompt, unsigned line)
{
    fr_close(fr);
    fr->open = 1;
    fr->kind = kind;
    fr->line = line;
    fr->section = fr_current_section(fr);
    fr->answer_len = 0;
    fr->answer_bytes = 0;
    fr->truncated = 0;
    fr->lead_code = 0;
    fr->text_seen = 0;
    fr->label_after_code = 0;
    fr->number = 0;
    fr->q_dot = 0;
    fr->option = NULL;
    fr->choices = NULL;
    fr->choice_count = 0;
    strbuf_clear(&fr->prompt);
    size_t chars = utf8_count(prompt->data, prompt->len);
    if (chars > CORPUS_PROMPT_MAX) {
        diag_add(fr->diag, DIAG_WARNING, fr->file, line,
                 "question is %zu characters long; cut to %d", chars, CORPUS_PROMPT_MAX);
        text_append_cut(&fr->prompt, prompt->data, prompt->len, CORPUS_PROMPT_MAX);
    } else {
        strbuf_append(&fr->prompt, prompt->data, prompt->len);
    }
}

static int fr_answer_full(FileReader *fr, unsigned line)
{
    if (fr->answer_len < CORPUS_ANSWER_BLOCKS_MAX && fr->answer_bytes < CORPUS_ANSWER_BYTES_MAX)
        return 0;
    if (!fr->truncated) {
        fr->truncated = 1;
        diag_add(fr->diag, DIAG_WARNING, fr->file, line,
                 "answer is too long (over %d blocks or %d KB); the rest is left out",
                 CORPUS_ANSWER_BLOCKS_MAX, CORPUS_ANSWER_BYTES_MAX / 1024);
    }
    return 1;
}

/* Adds one answer block. Text of paragraphs and items is rich text that is
 * cleaned here; the first block loses an "Answer:" label. */
static void fr_push(FileReader *fr, AnswerKind kind, unsigned depth, unsigned number,
                    const char *text, size_t len, const char *lang, unsigned line)
{
    if (fr_answer_full(fr, line))
        return;
    const char *stored;
    if (kind != ANSWER_CODE) {
        /* Collapsed straight into the bank: one pass, one copy. */
        char *dst = arena_alloc_raw(bank_arena(fr->cr->bank), len + 1);
        len = text_copy_collapsed(dst, text, len);
        stored = dst;
        if (!fr->text_seen && kind == ANSWER_PARA) {
            size_t label = text_answer_label(dst, len);
            if (!label && fr->q_dot)
                label = shape_a_dot(dst, len, fr->q_dot);
            stored += label;
            len -= label;
            fr->label_after_code = label > 0 && fr->lead_code > 0;
        }
        fr->text_seen = 1;
        if (len == 0 && kind == ANSWER_PARA)
            return;
    } else {
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            len--;
        stored = arena_strndup(bank_arena(fr->cr->bank), text, len);
        if (depth == 0 && !fr->text_seen && fr->answer_len == fr->lead_code)
            fr->lead_code++;
    }
    fr->answer = xgrow(fr->answer, &fr->answer_cap, fr->answer_len + 1, sizeof *fr->answer);
    fr->checked = xgrow(fr->checked, &fr->checked_cap, fr->answer_len + 1, 1);
    fr->checked[fr->answer_len] = (unsigned char)fr->checking;
    AnswerBlock *a = &fr->answer[fr->answer_len++];
    a->kind = kind;
    a->depth = depth;
    a->number = number;
    a->text = stored;
    a->lang = lang && lang[0] ? arena_strdup(bank_arena(fr->cr->bank), lang) : "";
    fr->answer_bytes += len;
}

static void fr_add_block(FileReader *fr, const MdNode *n, unsigned depth);
static void fr_ignore(FileReader *fr, const MdNode *n, const char *why);

/* Adds the visible words of HTML in an answer as a paragraph (none when
 * they are only an "Answer" label). Markdown is not read inside an HTML
 * block, but authors still write `code` there: it is marked as code. */
static void fr_push_html(FileReader *fr, const char *s, size_t len, unsigned depth,
                         unsigned line)
{
    shape_html_text(&fr->tmp, s, len);
    if (fr->tmp.len == 0 || text_answer_label(fr->tmp.data, fr->tmp.len) == fr->tmp.len)
        return;
    StrBuf rich = {0};
    const char *t = fr->tmp.data;
    size_t n = fr->tmp.len, i = 0;
    while (i < n) {
        if (t[i] != '`') {
            strbuf_putc(&rich, t[i++]);
            continue;
        }
        /* A code span: a run of backticks, closed by a run as long. */
        size_t run = 0;
        while (i + run < n && t[i + run] == '`')
            run++;
        size_t close = i + run;
        for (;;) {
            while (close < n && t[close] != '`')
                close++;
            size_t k = 0;
            while (close + k < n && t[close + k] == '`')
                k++;
            if (k == run || close >= n)
                break;
            close += k;
        }
        if (close >= n) { /* never closed: literal backticks */
            strbuf_append(&rich, t + i, run);
            i += run;
            continue;
        }
        size_t a = i + run, b = close;
        if (b - a >= 2 && t[a] == ' ' && t[b - 1] == ' ') {
            a++;
            b--;
        }
        strbuf_putc(&rich, TEXT_CODE_ON);
        strbuf_append(&rich, t + a, b - a);
        strbuf_putc(&rich, TEXT_CODE_OFF);
        i = close + run;
    }
    fr_push(fr, ANSWER_PARA, depth, 0, strbuf_str(&rich), rich.len, NULL, line);
    strbuf_free(&rich);
}

/* Adds one item of a list, with what it holds, to the open answer. */
static void fr_add_item(FileReader *fr, const MdNode *list, const MdNode *li, unsigned depth)
{
    const MdNode *child = li->first;
    unsigned number = list->kind == MDK_OL ? li->number : 0;
    fr->checking = li->mark == 'x' || li->mark == 'X';
    if (child && child->kind == MDK_P) {
        fr_push(fr, ANSWER_ITEM, depth, number, child->text, child->text_len, NULL,
                child->line);
        child = child->next;
    } else {
        fr_push(fr, ANSWER_ITEM, depth, number, "", 0, NULL, li->line);
    }
    fr->checking = 0;
    for (; child; child = child->next)
        fr_add_block(fr, child, depth + 1);
}

static void fr_add_list(FileReader *fr, const MdNode *list, unsigned depth)
{
    for (const MdNode *li = list->first; li; li = li->next)
        fr_add_item(fr, list, li, depth);
}

/* Adds a block of the tree to the open question's answer. */
static void fr_add_block(FileReader *fr, const MdNode *n, unsigned depth)
{
    switch (n->kind) {
    case MDK_P:
        if (n->all_anchor) {
            fr_ignore(fr, n, "a link within the page, not part of an answer");
            break;
        }
        fr_push(fr, ANSWER_PARA, depth, 0, n->text, n->text_len, NULL, n->line);
        break;
    case MDK_ROW: {
        unsigned row = 0; /* md4c gives every table a header row, first */
        for (const MdNode *c = n->parent ? n->parent->first : n; c && c != n; c = c->next)
            row++;
        fr_push(fr, ANSWER_ROW, depth, row, n->text, n->text_len, NULL, n->line);
        break;
    }
    case MDK_H:
        if (text_answer_label(n->text, n->text_len) != n->text_len || n->text_len == 0)
            fr_push(fr, ANSWER_PARA, depth, 0, n->text, n->text_len, NULL, n->line);
        break;
    case MDK_CODE:
        fr_push(fr, ANSWER_CODE, depth, 0, n->text, n->text_len, n->lang, n->line);
        break;
    case MDK_UL:
    case MDK_OL:
        fr_add_list(fr, n, depth);
        break;
    case MDK_QUOTE:
        if (shape_quote_is_tip(n)) {
            fr_ignore(fr, n, "a tip for the reader, not part of an answer");
            break;
        }
        for (const MdNode *c = n->first; c; c = c->next)
            fr_add_block(fr, c, depth);
        break;
    case MDK_TABLE:
    case MDK_LI:
    case MDK_DOC:
        for (const MdNode *c = n->first; c; c = c->next)
            fr_add_block(fr, c, depth);
        break;
    case MDK_HTML: {
        /* Markup inside an answer vanishes; its visible words stay. */
        fr_push_html(fr, n->text, n->text_len, depth, n->line);
        break;
    }
    case MDK_HR:
        break;
    }
}

static void fr_ignore(FileReader *fr, const MdNode *n, const char *why)
{
    const char *what = "text";
    const char *text = n->text;
    size_t len = n->text_len;
    StrBuf html = {0};
    switch (n->kind) {
    case MDK_UL:
    case MDK_OL:
        what = "list";
        break;
    case MDK_CODE:
        what = "code block";
        break;
    case MDK_TABLE:
        what = "table";
        break;
    case MDK_QUOTE:
        what = "quote";
        break;
    case MDK_HTML:
        what = "HTML";
        shape_html_text(&html, n->text, n->text_len);
        text = strbuf_str(&html);
        len = html.len;
        if (len == 0) {
            strbuf_free(&html);
            return; /* comments, badges and layout tags say nothing */
        }
        break;
    case MDK_HR:
        return;
    default:
        break;
    }
    /* Containers: quote the first text inside. */
    const MdNode *leaf = n;
    while (leaf->first && leaf->kind != MDK_HTML) {
        leaf = leaf->first;
        text = leaf->text;
        len = leaf->text_len;
    }
    StrBuf ex = {0};
    shape_excerpt(&ex, text, len);
    if (ex.len || n->kind == MDK_CODE)
        diag_add(fr->diag, DIAG_NOTE, fr->file, n->line ? n->line : leaf->line,
                 "ignored %s (%s): \"%s\"", what, why, strbuf_str(&ex));
    strbuf_free(&ex);
    strbuf_free(&html);
}

static void fr_push_rest(FileReader *fr, const MdNode *p, size_t from)
{
    if (from < p->text_len)
        fr_push(fr, ANSWER_PARA, 0, 0, p->text + from, p->text_len - from, NULL, p->line);
}

/* Gives a waiting question the answer an answer key's item holds (the
 * item's text from skip on, and what is nested under it), or, with li
 * NULL, gives up the wait: a question with choices keeps them as its
 * answer. */
static void fr_answer_from_key(FileReader *fr, Waiting *w, const MdNode *li, size_t skip)
{
    fr_close(fr);
    StrBuf prompt = {0};
    strbuf_puts(&prompt, w->prompt);
    fr_open(fr, OPEN_ITEM, &prompt, w->line);
    strbuf_free(&prompt);
    fr->section = w->section;
    for (size_t i = 0; i < w->answer_len; i++) {
        const AnswerBlock *a = &w->answer[i];
        fr->checking = w->checked[i];
        fr_push(fr, a->kind, a->depth, a->number, a->text, strlen(a->text), a->lang, w->line);
    }
    fr->checking = 0;
    const MdNode *lead = li ? li->first : NULL;
    if (lead && lead->kind == MDK_P) {
        if (w->answer_len > 0) {
            /* The key names one of the question's choices: "2. b". */
            StrBuf key = {0};
            strbuf_puts(&key, "Answer: ");
            strbuf_append(&key, lead->text + skip, lead->text_len - skip);
            fr_push(fr, ANSWER_PARA, 0, 0, key.data, key.len, NULL, lead->line);
            strbuf_free(&key);
        } else {
            fr_push_rest(fr, lead, skip);
        }
        lead = lead->next;
    }
    for (; lead; lead = lead->next)
        fr_add_block(fr, lead, 0);
    fr_close(fr);
    w->answered = 1;
    fr->waiting_open--;
}

/* The first waiting question with this number, or NULL. */
static Waiting *fr_waiting_for(FileReader *fr, unsigned number)
{
    for (size_t i = 0; number && i < fr->waiting_len; i++)
        if (!fr->waiting[i].answered && fr->waiting[i].number == number)
            return &fr->waiting[i];
    return NULL;
}

/* A list in an answer key: each item answers the waiting question with its
 * number, the first one not answered yet. Returns 0, and ends the key,
 * when no item answers any: the list was no key. */
static int fr_key_list(FileReader *fr, const MdNode *list)
{
    const MdNode *item;
    size_t skip;
    int answers = 0;
    for (const MdNode *li = list->first; li && !answers; li = li->next)
        answers = fr_waiting_for(fr, shape_key_item(list, li, &item, &skip)) != NULL;
    if (!answers) {
        fr->in_key = 0;
        return 0;
    }
    fr_close(fr);
    for (const MdNode *li = list->first; li; li = li->next) {
        Waiting *w = fr_waiting_for(fr, shape_key_item(list, li, &item, &skip));
        if (w)
            fr_answer_from_key(fr, w, item, skip);
        else
            fr_ignore(fr, li, "in the answer key, but no question waits for it");
    }
    if (fr->waiting_open == 0)
        fr->in_key = 0;
    return 1;
}

/* At the end of a file, questions still waiting for a key have none. */
static void fr_flush_waiting(FileReader *fr)
{
    for (size_t i = 0; i < fr->waiting_len; i++) {
        Waiting *w = &fr->waiting[i];
        if (w->answered)
            continue;
        if (w->answer_len > 0) {
            fr_answer_from_key(fr, w, NULL, 0);
            continue;
        }
        fr_left_out(fr, w->line, w->prompt, strlen(w->prompt), "question has no answer, left out");
    }
    fr->waiting_len = fr->waiting_open = 0;
    fr->in_key = 0;
}

static void fr_list_items(FileReader *fr, const MdNode *list, const ShapeItem *items,
                          const StrBuf *prompts, StrBuf *prompt);

/* ---- shapes worked out alongside the parser ----
 *
 * On a large pack md4c runs on a second thread. There each heading and
 * list at the top level is also asked the shape questions the reader asks
 * of every such block (a sixth of the reader's work on 10,000 generated
 * questions), and the answers travel with it as its memo (mdtree.h's
 * MdStreamHooks). They are the same pure functions' answers, so the reader
 * gets the same either way. */

typedef struct BlockMemo {
    unsigned char opens;            /* H: shape_heading_asks */
    size_t strict, loose, answered; /* UL, OL: shape_list_questions */
    ShapeItem *items;               /* ... one per item */
    StrBuf prompts;                 /* ... the items' prompts (a memo's
                                       are in the arena: never grown nor
                                       freed) */
} BlockMemo;

typedef struct BlockPrep {
    StrBuf tmp, prompts;
} BlockPrep;

static void fr_prepare_block(MdNode *b, Arena *arena, void *arg)
{
    BlockPrep *prep = arg;
    if (b->kind == MDK_H) {
        BlockMemo *m = arena_alloc(arena, sizeof *m);
        m->opens = (unsigned char)shape_heading_asks(b, &prep->tmp);
        b->memo = m;
    } else if (b->kind == MDK_UL || b->kind == MDK_OL) {
        size_t count = 0;
        for (const MdNode *li = b->first; li; li = li->next)
            count++;
        BlockMemo *m = arena_alloc(arena, sizeof *m);
        m->items = arena_alloc_raw(arena, (count ? count : 1) * sizeof *m->items);
        shape_list_questions(b, &prep->tmp, m->items, &prep->prompts, &m->strict, &m->loose,
                             &m->answered);
        m->prompts.data = arena_strndup(arena, prep->prompts.len ? prep->prompts.data : "",
                                        prep->prompts.len);
        m->prompts.len = prep->prompts.len;
        b->memo = m;
    }
}

/* A list: the answer of an open question, or a list of questions. */
static void fr_list(FileReader *fr, const MdNode *list)
{
    const BlockMemo *memo = list->memo;
    BlockMemo own = {0};
    StrBuf prompt = {0};
    if (!memo) {
        /* Each item is read once: what it is and its prompt, kept for the
         * walk below. */
        size_t count = 0;
        for (const MdNode *li = list->first; li; li = li->next)
            count++;
        own.items = xmalloc((count ? count : 1) * sizeof *own.items);
        shape_list_questions(list, &prompt, own.items, &own.prompts, &own.strict, &own.loose,
                             &own.answered);
        memo = &own;
    }
    if (fr->open && fr->kind != OPEN_HEADING && memo->strict == 0 &&
        (list->kind == MDK_UL || memo->loose == 0)) {
        fr_add_block(fr, list, 0); /* the answer of the open question */
    } else if (memo->loose == 0) {
        fr_close(fr);
        fr_ignore(fr, list, "not part of a question");
    } else {
        fr_list_items(fr, list, memo->items, &memo->prompts, &prompt);
    }
    free(own.items);
    strbuf_free(&own.prompts);
    strbuf_free(&prompt);
}

static void fr_list_items(FileReader *fr, const MdNode *list, const ShapeItem *items,
                          const StrBuf *prompts, StrBuf *prompt)
{
    const ShapeItem *it = items;
    for (const MdNode *li = list->first; li; li = li->next, it++) {
        size_t from = it->from;
        if (!it->asks) {
            /* Items before the list's first question continue the answer
             * of a question still open: Markdown joins "   1. a step"
             * and the next "4. What...?" into one list. */
            if (fr->open && fr->kind != OPEN_HEADING) {
                fr_add_item(fr, list, li, 0);
                continue;
            }
            fr_close(fr);
            fr_ignore(fr, li, "list item that asks no question");
            continue;
        }
        const MdNode *lead = li->first;
        strbuf_clear(prompt);
        strbuf_append(prompt, prompts->data + it->prompt_at, it->prompt_len);
        fr_open(fr, OPEN_ITEM, prompt, lead->line ? lead->line : li->line);
        fr->number = list->kind == MDK_OL ? li->number : shape_number_of(lead->text, from);
        fr_push_rest(fr, lead, from);
        for (const MdNode *c = lead->next; c; c = c->next)
            fr_add_block(fr, c, 0);
        /* The last item may get its answer from the blocks that follow
         * (bullets indented too little to nest under "10. "). */
        if (fr->answer_len > 0 || li->next)
            fr_close(fr);
    }
}

static void fr_html_body(FileReader *fr, const MdNode *n, const char *s, size_t len)
{
    size_t end_details = shape_find_ci(s, len, "</details");
    size_t sum = shape_find_ci(s, len, "<summary");
    if (sum < len) {
        size_t open_end = sum;
        while (open_end < len && s[open_end] != '>')
            open_end++;
        size_t close = shape_find_ci(s, len, "</summary");
        if (open_end < close && close < len) {
            StrBuf q = {0};
            shape_html_text(&q, s + open_end + 1, close - open_end - 1);
            int labelled, numbered;
            shape_strip_prefixes(&q, &labelled, &numbered);
            size_t after = close;
            while (after < len && s[after] != '>')
                after++;
            after = after < len ? after + 1 : len;
            size_t rest_end = end_details < len && end_details > after ? end_details : len;
            int is_label = q.len == 0 || text_answer_label(q.data, q.len) == q.len;
            if (!is_label && (labelled || text_reads_as_question(q.data, q.len))) {
                fr_open(fr, OPEN_DETAILS, &q, n->line);
            }
            if (fr->open && after < rest_end) {
                fr_push_html(fr, s + after, rest_end - after, 0, n->line);
            }
            strbuf_free(&q);
            if (end_details < len && fr->kind == OPEN_DETAILS)
                fr_close(fr);
            return;
        }
    }
    if (fr->open) {
        if (end_details < len && fr->kind == OPEN_DETAILS) {
            fr_push_html(fr, s, end_details, 0, n->line);
            fr_close(fr);
        } else {
            fr_add_block(fr, n, 0);
        }
        return;
    }
    fr_ignore(fr, n, "not part of a question");
}

static void fr_html(FileReader *fr, const MdNode *n)
{
    int aside = shape_html_aside(n->text, n->text_len);
    if (aside) {
        fr_ignore(fr, n, "a tip or note box, not part of an answer");
        fr->in_aside = aside == 1;
        return;
    }
    StrBuf html = {0};
    shape_html_uncomment(&html, n->text, n->text_len);
    fr_html_body(fr, n, strbuf_str(&html), html.len);
    strbuf_free(&html);
}

/* Level given to a bold line used as a section title: below any heading. */
enum { BOLD_SECTION_LEVEL = 7 };

static void fr_push_section(FileReader *fr, unsigned level, const char *name)
{
    while (fr->section_count > 0 && fr->sections[fr->section_count - 1].level >= level)
        fr->section_count--;
    if (fr->section_count == CORPUS_SECTION_DEPTH) {
        memmove(fr->sections, fr->sections + 1,
                (CORPUS_SECTION_DEPTH - 1) * sizeof *fr->sections);
        fr->section_count--;
    }
    fr->sections[fr->section_count].level = level;
    fr->sections[fr->section_count].name = name;
    fr->section_count++;
}

static const char *fr_topic_name(FileReader *fr, const MdNode *h);

static void fr_paragraph(FileReader *fr, const MdNode *p)
{
    if (shape_is_bold_section(p, &fr->tmp)) {
        fr_close(fr);
        const char *name = fr_topic_name(fr, p);
        if (name)
            fr_push_section(fr, BOLD_SECTION_LEVEL, name);
        return;
    }
    StrBuf prompt = {0};
    size_t from;
    if (shape_split_question(p, 0, &prompt, &from)) {
        fr_open(fr, OPEN_PARA, &prompt, p->line);
        fr->number = shape_number_of(p->text, from);
        fr->q_dot = shape_q_dot(p->text, p->text_len);
        fr_push_rest(fr, p, from);
        strbuf_free(&prompt);
        return;
    }
    strbuf_free(&prompt);
    if (fr->open && text_is_chatter(p->text, p->text_len)) {
        fr_close(fr);
        fr_ignore(fr, p, "closing words, not part of an answer");
        return;
    }
    if (fr->open) {
        fr_add_block(fr, p, 0);
        return;
    }
    fr_ignore(fr, p, "not part of a question");
}

/* ---- headings ---- */

typedef struct HeadingInfo {
    const MdNode *node;
    unsigned char opens;    /* its wording asks a question */
    unsigned char question; /* it is a question: asks, and holds none */
    unsigned char title;    /* the document's title */
} HeadingInfo;

/* A topic name from a heading: numbers, emoji and trailing colons gone. */
static const char *fr_topic_name(FileReader *fr, const MdNode *h)
{
    StrBuf t = {0};
    text_append_plain(&t, h->text, h->text_len);
    t.len = text_collapse_space(t.data ? t.data : (char *)"", t.len);
    size_t start = text_number_prefix(t.data ? t.data : "", t.len);
    size_t end = t.len;
    /* Leading and trailing symbols (emoji, bullets, colons). */
    for (;;) {
        uint32_t cp;
        size_t k = start < end ? utf8_decode(t.data + start, end - start, &cp) : 0;
        if (!k || !(cp >= 0x2000 || cp == ' ' || cp == ':' || cp == '-' || cp == '*' ||
                    cp == '#' || cp == '|'))
            break;
        start += k;
    }
    while (end > start) {
        size_t b = utf8_floor(t.data, end - 1);
        uint32_t cp;
        if (!utf8_decode(t.data + b, end - b, &cp) ||
            !(cp >= 0x2000 || cp == ' ' || cp == ':' || cp == '-' || cp == '*' || cp == '#' ||
              cp == '|'))
            break;
        end = b;
    }
    const char *name = end > start ? arena_strndup(&fr->cr->arena, t.data + start, end - start)
                                   : NULL;
    strbuf_free(&t);
    return name;
}

/* A heading such as "### Question 7" with no paragraph under it. */
static void fr_no_prompt(FileReader *fr)
{
    strbuf_clear(&fr->lead_in);
    fr->lead_in_code.text = NULL;
    if (!fr->want_prompt)
        return;
    fr->want_prompt = 0;
    diag_add(fr->diag, DIAG_WARNING, fr->file, fr->label_line,
             "\"%s\" has no question under it (write the question in the paragraph "
             "right below), left out",
             fr->label_text);
}

static void fr_heading(FileReader *fr, const HeadingInfo *info)
{
    const MdNode *h = info->node;
    fr_no_prompt(fr);
    if (!info->question && shape_is_label_heading(&fr->tmp, h->text, h->text_len)) {
        /* "### Question 3": the question is the paragraph under it. */
        fr_close(fr);
        if (fr->in_key && h->level <= fr->key_level)
            fr->in_key = 0;
        while (fr->section_count > 0 && fr->sections[fr->section_count - 1].level >= h->level)
            fr->section_count--;
        StrBuf ex = {0};
        shape_excerpt(&ex, h->text, h->text_len);
        snprintf(fr->label_text, sizeof fr->label_text, "%s", strbuf_str(&ex));
        strbuf_free(&ex);
        fr->want_prompt = 1;
        fr->label_level = h->level;
        fr->label_number = shape_digits_in(h->text, h->text_len);
        fr->label_line = h->line;
        return;
    }
    if (fr->open && fr->kind == OPEN_HEADING && h->level > fr->open_level && !info->opens) {
        fr_add_block(fr, h, 0); /* a sub-heading inside an answer */
        return;
    }
    size_t label = fr->open && !info->opens ? text_answer_label(h->text, h->text_len) : 0;
    if (label > 0 && (label < h->text_len || !shape_is_key_name(&fr->tmp, h->text, h->text_len))) {
        /* "#### Answer: D" under "###### 1. What's the output?", or
         * "### Answer" under "### Question": the answer, whatever its
         * level. ("## Answers" alone may open an answer key.) */
        fr_add_block(fr, h, 0);
        return;
    }
    fr_close(fr);
    if (fr->in_key && h->level <= fr->key_level)
        fr->in_key = 0;
    while (fr->section_count > 0 && fr->sections[fr->section_count - 1].level >= h->level)
        fr->section_count--;
    if (!info->question && !info->title && fr->waiting_open > 0 &&
        shape_is_key_name(&fr->tmp, h->text, h->text_len)) {
        fr->in_key = 1; /* "## Answers": the key to the questions above */
        fr->key_level = h->level;
        return;
    }
    if (info->question) {
        StrBuf prompt = {0};
        shape_clean(&prompt, h->text, h->text_len);
        int labelled, numbered;
        shape_strip_prefixes(&prompt, &labelled, &numbered);
        fr_open(fr, OPEN_HEADING, &prompt, h->line);
        fr->open_level = h->level;
        fr->number = shape_number_of(h->text, h->text_len);
        strbuf_free(&prompt);
        return;
    }
    const char *name = fr_topic_name(fr, h);
    if (info->title) {
        fr->title = name;
        name = NULL;
    } else if (!name) {
        return; /* an empty heading changes nothing */
    } else if (shape_is_generic_name(&fr->tmp, name, strlen(name))) {
        name = fr_current_section(fr); /* "## Questions" under "# Networking" */
    }
    fr_push_section(fr, h->level, name);
}

/* ---- tables of questions ---- */

/* A cell as a topic name: plain text, white space collapsed. */
static const char *fr_cell_name(FileReader *fr, const MdCell *c)
{
    StrBuf t = {0};
    text_append_plain(&t, c->text, c->len);
    t.len = text_collapse_space(t.data ? t.data : (char *)"", t.len);
    const char *name = t.len ? arena_strndup(&fr->cr->arena, t.data, t.len) : NULL;
    strbuf_free(&t);
    return name;
}

/* One row of a table of questions: its question, then its answer (or its
 * choices and key, read as choices.h reads a list), then its explanation. */
static void fr_table_row(FileReader *fr, const MdNode *row, const QaColumns *col)
{
    /* md4c gives every row as many cells as its header; missing ones are
     * empty. */
    static const MdCell none = {"", 0};
    MdCell cells[QATABLE_CELLS_MAX];
    size_t count = mdtree_row_cells(row, cells, QATABLE_CELLS_MAX);
    const MdCell *cell_of[QATABLE_CELLS_MAX];
    for (size_t k = 0; k < QATABLE_CELLS_MAX; k++)
        cell_of[k] = k < count ? &cells[k] : &none;
    const MdCell *q = cell_of[col->question];
    StrBuf prompt = {0};
    shape_clean(&prompt, q->text, q->len);
    int labelled, numbered;
    shape_strip_prefixes(&prompt, &labelled, &numbered);
    size_t filled = 0, choices = 0;
    for (size_t k = 0; k < count && k < QATABLE_CELLS_MAX; k++)
        filled += cells[k].len > 0;
    for (size_t k = 0; k < col->choice_count; k++)
        choices += cell_of[col->choice[k]]->len > 0;
    if (prompt.len == 0 || filled == 0) {
        if (filled > 0)
            fr_ignore(fr, row, "a table row with no question");
        strbuf_free(&prompt); /* an empty row says nothing */
        return;
    }
    if (col->choice_count > 0 && choices < 2) {
        char why[80];
        snprintf(why, sizeof why, "table row has %zu of its %zu choices filled in, left out",
                 choices, col->choice_count);
        fr_left_out(fr, row->line, prompt.data, prompt.len, why);
        strbuf_free(&prompt);
        return;
    }
    fr_open(fr, OPEN_PARA, &prompt, row->line);
    strbuf_free(&prompt);
    if (col->topic >= 0) {
        const char *topic = fr_cell_name(fr, cell_of[col->topic]);
        if (topic)
            fr->section = topic;
    }
    const MdCell *a = cell_of[col->answer];
    if (col->choice_count > 0) {
        StrBuf t = {0};
        for (size_t k = 0; k < col->choice_count; k++) {
            const MdCell *c = cell_of[col->choice[k]];
            if (c->len == 0)
                continue;
            strbuf_clear(&t);
            strbuf_printf(&t, "%c. ", (char)('A' + k));
            strbuf_append(&t, c->text, c->len);
            fr_push(fr, ANSWER_ITEM, 0, 0, t.data, t.len, NULL, row->line);
        }
        if (a->len > 0) {
            strbuf_clear(&t);
            strbuf_puts(&t, "Answer: ");
            strbuf_append(&t, a->text, a->len);
            fr_push(fr, ANSWER_PARA, 0, 0, t.data, t.len, NULL, row->line);
        }
        strbuf_free(&t);
    } else if (a->len > 0) {
        fr_push(fr, ANSWER_PARA, 0, 0, a->text, a->len, NULL, row->line);
    }
    if (col->explanation >= 0 && cell_of[col->explanation]->len > 0 && fr->answer_len > 0) {
        /* The answer cell alone is the option; the explanation is shown
         * with the answer. */
        if (col->choice_count == 0)
            fr->option = fr_plain_line(fr, a->text, a->len);
        fr_push(fr, ANSWER_PARA, 0, 0, cell_of[col->explanation]->text,
                cell_of[col->explanation]->len, NULL, row->line);
    }
    fr_close(fr);
}

/* A table whose header names a question and an answer column holds one
 * question a row (qatable.h). Returns 0 for any other table. */
static int fr_table(FileReader *fr, const MdNode *table)
{
    const MdNode *head = table->first;
    QaColumns col;
    MdCell cells[QATABLE_CELLS_MAX];
    if (!head || head->kind != MDK_ROW)
        return 0;
    size_t count = mdtree_row_cells(head, cells, QATABLE_CELLS_MAX);
    if (count > QATABLE_CELLS_MAX || !qatable_columns(cells, count, &col))
        return 0;
    fr_close(fr);
    for (const MdNode *row = head->next; row; row = row->next)
        if (row->kind == MDK_ROW)
            fr_table_row(fr, row, &col);
    return 1;
}

/* A line that opens an answer key ("**Answers**", "Answer key:") after
 * questions that wait for one. Returns 1 when it does. */
static int fr_key_line(FileReader *fr, const MdNode *p)
{
    /* Questions must be waiting already: under one question with nothing
     * else waiting, "**Answers:**" labels its answer. */
    if (fr->in_key || fr->waiting_open == 0 || !shape_is_key_name(&fr->tmp, p->text, p->text_len))
        return 0;
    fr_close(fr);
    fr->in_key = 1;
    fr->key_level = BOLD_SECTION_LEVEL;
    return 1;
}

/* The paragraph under a heading such as "### Question 3" asks that
 * question when it reads as one ("Name the default driver." does; "Answer
 * these about networking." does not); the rest and the blocks below are
 * the answer. Returns 0 when it asks nothing. */
static int fr_labelled_prompt(FileReader *fr, const MdNode *p)
{
    StrBuf prompt = {0};
    size_t from;
    if (!shape_split_question(p, 1, &prompt, &from) || prompt.len == 0) {
        strbuf_free(&prompt);
        return 0;
    }
    if (fr->lead_in.len > 0) {
        /* "Consider this code:", the code, then "What does it print?" */
        StrBuf whole = {0};
        strbuf_append(&whole, fr->lead_in.data, fr->lead_in.len);
        strbuf_putc(&whole, ' ');
        strbuf_append(&whole, prompt.data, prompt.len);
        strbuf_free(&prompt);
        prompt = whole;
    }
    fr_open(fr, OPEN_HEADING, &prompt, p->line ? p->line : fr->label_line);
    strbuf_free(&prompt);
    fr->open_level = fr->label_level;
    fr->number = fr->label_number;
    if (fr->lead_in_code.text) {
        const AnswerBlock *c = &fr->lead_in_code;
        fr_push(fr, ANSWER_CODE, 0, 0, c->text, strlen(c->text), c->lang, p->line);
    }
    strbuf_clear(&fr->lead_in);
    fr->lead_in_code.text = NULL;
    fr_push_rest(fr, p, from);
    return 1;
}

/* Under a label heading, a paragraph that leads in to the question and
 * code it shows wait for the question itself. Returns 1 when b is kept. */
static int fr_lead_in(FileReader *fr, const MdNode *b)
{
    if (b->kind == MDK_CODE && fr->lead_in.len > 0 && !fr->lead_in_code.text) {
        Arena *arena = bank_arena(fr->cr->bank);
        fr->lead_in_code.text = arena_strndup(arena, b->text, b->text_len);
        fr->lead_in_code.lang = arena_strdup(arena, b->lang);
        return 1;
    }
    if (b->kind != MDK_P || fr->lead_in.len > 0)
        return 0;
    shape_clean(&fr->tmp, b->text, b->text_len);
    if (fr->tmp.len == 0 || fr->tmp.len > 200 || fr->tmp.data[fr->tmp.len - 1] != ':')
        return 0;
    strbuf_append(&fr->lead_in, fr->tmp.data, fr->tmp.len);
    return 1;
}

/* Walks one top-level block that is not a heading. */
static void fr_block(FileReader *fr, const MdNode *b)
{
    if (fr->want_prompt) {
        if (b->kind == MDK_P && fr_labelled_prompt(fr, b)) {
            fr->want_prompt = 0;
            return;
        }
        if (fr_lead_in(fr, b))
            return;
        fr_no_prompt(fr);
    }
    switch (b->kind) {
    case MDK_HR:
        fr_close(fr);
        break;
    case MDK_P:
        if (fr_key_line(fr, b))
            break;
        if (fr->open && fr->kind == OPEN_HEADING) {
            if (text_is_chatter(b->text, b->text_len)) {
                fr_close(fr);
                fr_ignore(fr, b, "closing words, not part of an answer");
            } else if (shape_marked_question(b, &fr->tmp)) {
                fr_close(fr);
                fr_paragraph(fr, b);
            } else {
                fr_add_block(fr, b, 0);
            }
        } else {
            fr_paragraph(fr, b);
        }
        break;
    case MDK_UL:
    case MDK_OL:
        if (fr->in_key && fr_key_list(fr, b))
            break;
        if (fr->open && fr->kind == OPEN_HEADING)
            fr_add_block(fr, b, 0);
        else
            fr_list(fr, b);
        break;
    case MDK_HTML:
        fr_html(fr, b);
        break;
    case MDK_TABLE:
        if (fr_table(fr, b))
            break;
        /* fall through */
    default:
        if (fr->open)
            fr_add_block(fr, b, 0);
        else
            fr_ignore(fr, b, "not part of a question");
        break;
    }
}

/* ---- classifying headings while the document streams in ----
 *
 * A heading is a question when its wording asks one, no deeper heading
 * under it asks one, and its part holds fewer than two list items that are
 * questions with answers; the first heading is the document's title when
 * it is at the lowest level of the document, is no question and holds
 * sections. Most headings are settled a block or two after they appear
 * (the next heading at their level ends their part); the walk waits for
 * the oldest unsettled one, so only the blocks since then are held. */

typedef struct PendingHeading {
    HeadingInfo info;             /* node and opens at once; question and
                                     title once settled */
    unsigned char holds_question; /* a deeper heading in its part asks one */
    unsigned char holds_section;  /* a deeper heading in its part does not */
    unsigned char scope_open;     /* no heading at its level or above yet */
    unsigned char first;          /* the document's first heading */
    unsigned char settled;
    size_t listed;                /* list questions with answers in its part */
} PendingHeading;

/* What a new top-level block tells the headings waiting to be settled.
 * Only unsettled headings whose part is still open can learn anything. */
static void fr_note_block(FileReader *fr, MdNode *b)
{
    const BlockMemo *memo = b->memo;
    if (b->kind == MDK_H) {
        int opens = memo ? memo->opens : shape_heading_asks(b, &fr->scan);
        for (int k = 0; k < fr->unsettled_count; k++) {
            PendingHeading *p = &fr->pending[fr->unsettled[k]];
            if (b->level <= p->info.node->level) {
                p->scope_open = 0;
            } else {
                p->holds_question |= (unsigned char)opens;
                p->holds_section |= (unsigned char)!opens;
            }
        }
        if (b->level < fr->min_level)
            fr->min_level = b->level;
        fr->pending = xgrow(fr->pending, &fr->pending_cap, fr->pending_len + 1,
                            sizeof *fr->pending);
        PendingHeading *p = &fr->pending[fr->pending_len++];
        memset(p, 0, sizeof *p);
        p->info.node = b;
        p->info.opens = (unsigned char)opens;
        p->scope_open = 1;
        p->first = fr->headings_seen++ == 0;
        if (p->first)
            fr->first_waiting = fr->pending_len;
        if (fr->unsettled_count < (int)(sizeof fr->unsettled / sizeof *fr->unsettled))
            fr->unsettled[fr->unsettled_count++] = fr->pending_len - 1;
    } else if (b->kind == MDK_UL || b->kind == MDK_OL) {
        int counted = 0;
        size_t strict, loose, answered = 0;
        for (int k = 0; k < fr->unsettled_count; k++) {
            PendingHeading *p = &fr->pending[fr->unsettled[k]];
            if (!p->scope_open || !p->info.opens || p->holds_question || p->listed >= 2)
                continue;
            if (memo) {
                answered = memo->answered;
            } else if (!counted) {
                shape_count_list_questions(b, &fr->scan, &strict, &loose, &answered);
                counted = 1;
            }
            p->listed += answered;
        }
    }
}

/* Settles a pending heading if what is known suffices. */
static void fr_settle(FileReader *fr, PendingHeading *p)
{
    int open = p->scope_open && !fr->eof;
    if (open && p->info.opens && !p->holds_question && p->listed < 2)
        return; /* may still turn out a question or a section */
    int question = p->info.opens && !p->holds_question && p->listed < 2;
    int title = 0;
    if (p->first && !question && fr->min_level >= p->info.node->level) {
        if (!p->holds_section && open)
            return; /* a section may still follow under it */
        if (p->holds_section) {
            if (p->info.node->level > 1 && !fr->eof)
                return; /* a lower heading later would make it a section */
            title = 1;
        }
    }
    p->info.question = (unsigned char)question;
    p->info.title = (unsigned char)title;
    p->settled = 1;
}

/* mdtree_stream's consumer: classifies, then walks every block it can (all
 * but the newest, which a bold section title needs to look ahead to, and
 * none past an unsettled heading), and releases what it walked. */
static void fr_stream_block(MdStream *stream, MdNode *doc, MdNode *block, void *userdata)
{
    FileReader *fr = userdata;
    if (block)
        fr_note_block(fr, block);
    else
        fr->eof = 1;
    /* Settle what can be; the part of a heading that closed has told all
     * it can, so it settles now (but the first heading may wait for the
     * end). */
    int kept = 0;
    for (int k = 0; k < fr->unsettled_count; k++) {
        PendingHeading *p = &fr->pending[fr->unsettled[k]];
        fr_settle(fr, p);
        if (!p->settled && p->scope_open)
            fr->unsettled[kept++] = fr->unsettled[k];
    }
    fr->unsettled_count = kept;
    if (fr->first_waiting) {
        PendingHeading *p = &fr->pending[fr->first_waiting - 1];
        if (!p->settled)
            fr_settle(fr, p);
        if (p->settled)
            fr->first_waiting = 0;
    }
    if (fr->eof) /* everything is known now */
        for (size_t i = fr->pending_head; i < fr->pending_len; i++)
            if (!fr->pending[i].settled)
                fr_settle(fr, &fr->pending[i]);
    MdNode *b = doc->first;
    while (b && (b->next || fr->eof)) {
        if (fr->in_aside && b->kind != MDK_H) {
            /* Inside a tip box: left out up to its end (or a heading, should
             * the box never close). */
            fr_ignore(fr, b, "in a tip or note box, not part of an answer");
            if (b->kind == MDK_HTML && shape_html_closes_aside(b))
                fr->in_aside = 0;
            b = b->next;
            continue;
        }
        fr->in_aside = 0;
        if (b->kind == MDK_H) {
            PendingHeading *p = &fr->pending[fr->pending_head];
            if (!p->settled)
                break;
            fr_heading(fr, &p->info);
            fr->pending_head++;
        } else {
            fr_block(fr, b);
        }
        b = b->next;
    }
    mdtree_release(stream, b);
    /* All walked: every heading is settled, none is open. */
    if (fr->pending_head == fr->pending_len)
        fr->pending_head = fr->pending_len = 0;
    if (fr->eof) {
        fr_no_prompt(fr);
        fr_close(fr);
        fr_flush_waiting(fr);
    }
}

/* "python-interview.md" -> "Python Interview". */
static const char *corpus_stem_name(Arena *arena, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *name = arena_strndup(arena, base, len);
    int start = 1;
    for (char *p = name; *p; p++) {
        if (*p == '-' || *p == '_')
            *p = ' ';
        if (start && islower((unsigned char)*p))
            *p = (char)toupper((unsigned char)*p);
        start = *p == ' ';
    }
    return name[0] ? name : "Questions";
}

/* Reads one document from a buffer with MDTREE_SLACK bytes to spare after
 * len (a file read whole): parsed in place, with no copy of the text. */
static void corpus_reader_add_buffer(CorpusReader *cr, const char *name, char *data,
                                     size_t len, Diagnostics *diag)
{
    const char *file = arena_strdup(bank_arena(cr->bank), name);
    if (len > CORPUS_MAX_FILE_BYTES) {
        diag_add(diag, DIAG_ERROR, file, 0, "file too large (%zu MB; the limit is %zu MB)",
                 len >> 20, CORPUS_MAX_FILE_BYTES >> 20);
        return;
    }
    char *owned;
    const char *clean = sanitize_document(file, data, &len, &owned, diag);
    if (!clean)
        return;
    /* Clean text is data itself (maybe past a byte-order mark), or a
     * repaired copy: both have the slack the parser writes to. */
    char *text = owned ? owned : data + (clean - data);
    FileReader fr = {0};
    fr.cr = cr;
    fr.file = file;
    fr.diag = diag;
    fr.stem_name = corpus_stem_name(&cr->arena, file);
    fr.min_level = 7;
    cr->run_open = 0;
    size_t before = cr->count;
    BlockPrep prep = {0};
    MdStreamHooks hooks = {fr_prepare_block, &prep, corpus_idle, cr};
    if (mdtree_stream(text, len, file, diag, &hooks, fr_stream_block, &fr) == 0 &&
        cr->count == before)
        diag_add(diag, DIAG_WARNING, file, 0, "no questions found in this file");
    strbuf_free(&prep.tmp);
    strbuf_free(&prep.prompts);
    free(fr.answer);
    free(fr.checked);
    free(fr.waiting);
    free(fr.pending);
    strbuf_free(&fr.prompt);
    strbuf_free(&fr.tmp);
    strbuf_free(&fr.scan);
    strbuf_free(&fr.lead_in);
    free(owned);
}

void corpus_reader_add(CorpusReader *cr, const char *name, const char *data, size_t len,
                       Diagnostics *diag)
{
    if (len > CORPUS_MAX_FILE_BYTES) {
        corpus_reader_add_buffer(cr, name, NULL, len, diag); /* reports it */
        return;
    }
    char *copy = xmalloc(len + MDTREE_SLACK);
    if (len)
        memcpy(copy, data, len);
    corpus_reader_add_buffer(cr, name, copy, len, diag);
    free(copy);
}

/* The topics of section names seen so far (and of the fallback names of
 * runs placed nowhere), by the name as written: a pack writes each name
 * again and again, and looking it up here costs a tenth of working out
 * its topic's key (bank_add_topic). */
typedef struct SectionSlot {
    const char *name;
    uint64_t hash;
    size_t topic;
} SectionSlot;

typedef struct SectionTopics {
    SectionSlot *slots;
    size_t cap, count; /* cap: a power of two, or 0 */
} SectionTopics;

static size_t section_topic(SectionTopics *t, Bank *bank, const char *name)
{
    if (t->count * 2 >= t->cap) {
        SectionTopics grown = {xcalloc(t->cap ? t->cap * 2 : 256, sizeof *grown.slots),
                               t->cap ? t->cap * 2 : 256, t->count};
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].name)
                continue;
            size_t k = (size_t)t->slots[i].hash & (grown.cap - 1);
            while (grown.slots[k].name)
                k = (k + 1) & (grown.cap - 1);
            grown.slots[k] = t->slots[i];
        }
        free(t->slots);
        *t = grown;
    }
    size_t len = strlen(name);
    uint64_t h = hash_bytes(HASH_SEED, name, len);
    size_t k = (size_t)h & (t->cap - 1);
    for (; t->slots[k].name; k = (k + 1) & (t->cap - 1))
        if (t->slots[k].hash == h && strcmp(t->slots[k].name, name) == 0)
            return t->slots[k].topic;
    t->slots[k] = (SectionSlot){name, h, bank_add_topic(bank, name)};
    t->count++;
    return t->slots[k].topic;
}

Bank *corpus_reader_finish(CorpusReader *cr, Diagnostics *diag)
{
    (void)diag;
    Bank *bank = cr->bank;
    /* Topics of sectioned questions, in order of first appearance. */
    long *topic_of = xmalloc((cr->count + 1) * sizeof *topic_of);
    SectionTopics seen = {0};
    for (size_t i = 0; i < cr->count; i++) {
        const char *section = cr->qs[i].section;
        if (i > 0 && section == cr->qs[i - 1].section) /* the same section: no new key */
            topic_of[i] = topic_of[i - 1];
        else
            topic_of[i] = section ? (long)section_topic(&seen, bank, section) : -1;
    }
    size_t topic_count = bank_topic_count(bank);

    long *run_topic = xcalloc(cr->run_count + 1, sizeof *run_topic);
    if (cr->run_count > 0) {
        const char **names = xcalloc(topic_count + 1, sizeof *names);
        for (size_t t = 0; t < topic_count; t++)
            names[t] = bank_topic_name(bank, t);
        size_t *run_of = xmalloc((cr->count + 1) * sizeof *run_of);
        for (size_t i = 0; i < cr->count; i++)
            run_of[i] = cr->qs[i].run;
        placement_choose_runs(cr->place, topic_of, run_of, names, topic_count, cr->run_count,
                              run_topic);
        free(run_of);
        free(names);
    }
    /* Each question's topic. */
    for (size_t i = 0; i < cr->count; i++) {
        const QuestionPlace *r = &cr->qs[i];
        size_t topic;
        if (topic_of[i] >= 0)
            topic = (size_t)topic_of[i];
        else if (run_topic[r->run] >= 0)
            topic = (size_t)run_topic[r->run];
        else
            topic = section_topic(&seen, bank, r->fallback);
        bank_question_edit(bank, i)->topic = topic;
    }
    bank_finish(bank);
    free(seen.slots);
    free(run_topic);
    free(topic_of);
    corpus_reader_free(cr);
    return bank;
}

/* ---- files and directories ---- */

/* The file's bytes, with MDTREE_SLACK to spare: mapped (*mapped = 1; see
 * filemap.h) or read into a buffer of the caller's. */
static char *corpus_read_file(const char *path, size_t *len, int *mapped, Diagnostics *diag)
{
    *mapped = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diag, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size > CORPUS_MAX_FILE_BYTES) {
        diag_add(diag, DIAG_ERROR, path, 0, "file too large (%zu MB; the limit is %zu MB)",
                 (size_t)st.st_size >> 20, CORPUS_MAX_FILE_BYTES >> 20);
        fclose(f);
        return NULL;
    }
    if (S_ISREG(st.st_mode) && st.st_size >= FILEMAP_MIN_BYTES) {
        char *bytes = filemap_open(fileno(f), (size_t)st.st_size, MDTREE_SLACK);
        if (bytes) {
            fclose(f);
            *len = (size_t)st.st_size;
            *mapped = 1;
            return bytes;
        }
    }
    /* One buffer of the file's size plus the parser's slack; a file that
     * grows while read (or a pipe) is read on in chunks. */
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + MDTREE_SLACK : 65536;
    char *buf = xmalloc(cap);
    size_t used = 0, n;
    for (;;) {
        if (cap - used < MDTREE_SLACK + 4096) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        n = fread(buf + used, 1, cap - used - MDTREE_SLACK, f);
        if (n == 0)
            break;
        used += n;
        if (used > CORPUS_MAX_FILE_BYTES) {
            diag_add(diag, DIAG_ERROR, path, 0, "file too large (over %zu MB)",
                     CORPUS_MAX_FILE_BYTES >> 20);
            fclose(f);
            free(buf);
            return NULL;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        diag_add(diag, DIAG_ERROR, path, 0, "read error: %s", strerror(errno));
        free(buf);
        return NULL;
    }
    *len = used;
    return buf;
}

static int corpus_is_markdown_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || name[0] == '.')
        return 0;
    return strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0;
}

static int corpus_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void corpus_add_path(CorpusReader *cr, const char *path, Diagnostics *diag)
{
    size_t len;
    int mapped;
    char *data = corpus_read_file(path, &len, &mapped, diag);
    if (!data)
        return;
    corpus_reader_add_buffer(cr, path, data, len, diag);
    if (!mapped)
        free(data);
    else if (filemap_close(data, len, MDTREE_SLACK))
        diag_add(diag, DIAG_ERROR, path, 0,
                 "the file was cut short while it was read (changed by another program?)");
}

Bank *corpus_load(const char *path, Diagnostics *diag)
{
    CorpusReader *cr = corpus_reader_new();
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_add(diag, DIAG_ERROR, path, 0, "cannot read: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) {
            diag_add(diag, DIAG_ERROR, path, 0, "cannot open directory: %s", strerror(errno));
        } else {
            char **names = NULL;
            size_t count = 0, cap = 0;
            struct dirent *e;
            while ((e = readdir(dir)) != NULL) {
                if (!corpus_is_markdown_name(e->d_name))
                    continue;
                names = xgrow(names, &cap, count + 1, sizeof *names);
                names[count++] = xstrdup(e->d_name);
            }
            closedir(dir);
            if (count > 1)
                qsort(names, count, sizeof *names, corpus_cmp_names);
            if (count == 0)
                diag_add(diag, DIAG_ERROR, path, 0, "no .md files in this directory");
            size_t plen = strlen(path);
            int slash = plen > 0 && path[plen - 1] == '/';
            for (size_t i = 0; i < count; i++) {
                StrBuf full = {0};
                strbuf_printf(&full, "%s%s%s", path, slash ? "" : "/", names[i]);
                struct stat fst;
                if (stat(full.data, &fst) == 0 && S_ISREG(fst.st_mode))
                    corpus_add_path(cr, full.data, diag);
                strbuf_free(&full);
                free(names[i]);
            }
            free(names);
        }
    } else {
        corpus_add_path(cr, path, diag);
    }
    return corpus_reader_finish(cr, diag);
}

int corpus_is_playable(const Bank *b)
{
    return bank_question_count(b) >= 2;
}

void corpus_check_topics(const Bank *b, Diagnostics *diag)
{
    for (size_t t = 0; t < bank_topic_count(b); t++) {
        size_t n = bank_topic_size(b, t);
        if (n >= 4)
            continue;
        const Question *q = bank_question(b, bank_topic_first(b, t));
        diag_add(diag, DIAG_WARNING, q->file, q->line,
                 "topic \"%s\" has %zu question%s: too few for 4-option questions "
                 "(its questions get %s)",
                 bank_topic_name(b, t), n, n == 1 ? "" : "s",
                 n >= 3 ? "3 options" : n == 2 ? "2 options" : "distractors from another topic");
    }
}
