/* mdtree.c - md4c's callback stream turned into a tree (see mdtree.h).
 *
 * md4c does not report source positions, but the text it passes to the
 * callbacks points into the document for everything that was written in it,
 * so a block's line is the line of its first such text. A cursor walks the
 * document forward as the callbacks come in document order, which keeps line
 * lookup linear in the size of the file.
 */
#include "mdtree.h"
#include "cpus.h"
#include "handoff.h"
#include "simd.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#include <md4c.h>

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct StreamPipe StreamPipe;

typedef struct Builder {
    Arena *arena;
    MdStream *stream;    /* streaming, or NULL for a whole tree */
    StreamPipe *pipe;    /* streaming to a consumer on another thread */
    const char *doc;
    size_t len;
    const char *file;
    Diagnostics *diag;

    int has_cr;          /* the document has a '\r': count lone ones too */
    unsigned first_line; /* line of doc[0]: 1, or more for a part */
    size_t cursor_off;   /* document offset whose line is cursor_line */
    unsigned cursor_line;

    MdNode *root;
    MdNode *cur;         /* innermost open node */
    int depth;           /* open nodes below the root made from md4c blocks */
    int skipped;         /* md4c blocks open past the depth limit */
    int flatten_reported;
    int flatten_pending;  /* reported, but not yet with its line */

    StrBuf text;         /* text of the open leaf */
    MdNode *leaf;        /* open leaf, or NULL */
    int leaf_implicit;   /* the open leaf is the text of a tight list item */
    size_t leaf_last_off; /* where the last text of a leaf in doc began */
    int leaf_has_text;    /* the open leaf has text in doc */
    unsigned cells;      /* cells seen in the open table row */
    uint32_t cell_start[MDTREE_ROW_CELLS_MAX]; /* where each begins in text */

    int strong, link, img, html_block;
    int link_is_anchor; /* the open link goes to "#somewhere" in the page */
    size_t vis_in_strong, vis_out_strong, vis_in_link, vis_out_link, vis_in_anchor;
    int bold_prefix_state; /* 0 none yet, 1 inside the leading strong, 2 done */
} Builder;

/* Number of line breaks in doc[from, to): "\n", "\r\n" and a lone "\r". */
static unsigned builder_count_breaks(const Builder *b, size_t from, size_t to)
{
    unsigned n = 0;
    const char *d = b->doc;
    if (!b->has_cr) {
        /* Called twice for each leaf, over a few dozen bytes each time:
         * counted 32 bytes at a time, not found one by one. */
        size_t i = from;
#if QA_SSE2
        const __m128i nl = _mm_set1_epi8('\n');
        for (; i < to && i + 32 <= b->len; i += 32) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(d + i));
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(d + i + 16));
            uint32_t bits = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v0, nl)) |
                            (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v1, nl)) << 16;
            if (to - i < 32)
                bits &= (1u << (to - i)) - 1;
            for (; bits; bits &= bits - 1) /* line breaks are sparse */
                n++;
        }
        for (; i < to && i + 16 <= b->len; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(d + i));
            unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
            if (to - i < 16)
                bits &= (1u << (to - i)) - 1;
            for (; bits; bits &= bits - 1) /* line breaks are sparse */
                n++;
        }
        if (i >= to)
            return n;
#endif
        for (; i < to; i++)
            n += d[i] == '\n';
        return n;
    }
    for (size_t i = from; i < to; i++) {
        if (d[i] == '\n')
            n++;
        else if (d[i] == '\r' && (i + 1 >= b->len || d[i + 1] != '\n'))
            n++;
    }
    return n;
}

/* Line of a pointer passed by md4c, or 0 when it is not inside the document
 * (md4c passes static strings for line breaks and indentation). */
static unsigned builder_line_of(Builder *b, const char *p)
{
    if (p < b->doc || p >= b->doc + b->len)
        return 0;
    size_t off = (size_t)(p - b->doc);
    if (off < b->cursor_off) {
        /* Back a little (a part's cut heading, before its text): the
         * breaks between are taken off; back far, counted again. */
        if (b->cursor_off - off < off) {
            b->cursor_line -= builder_count_breaks(b, off, b->cursor_off);
            b->cursor_off = off;
            return b->cursor_line;
        }
        b->cursor_off = 0;
        b->cursor_line = b->first_line;
    }
    b->cursor_line += builder_count_breaks(b, b->cursor_off, off);
    b->cursor_off = off;
    return b->cursor_line;
}

static Diagnostics *pipe_diag(StreamPipe *p);
static void pipe_put(Builder *b, MdNode *block);

/* Where the builder reports: the caller's diagnostics, or on the
 * producer's thread a list of its own that travels with the blocks. */
static Diagnostics *builder_diag(Builder *b)
{
    return b->pipe ? pipe_diag(b->pipe) : b->diag;
}

static void builder_report_flatten(Builder *b, unsigned line)
{
    b->flatten_pending = 0;
    diag_add(builder_diag(b), DIAG_WARNING, b->file, line,
             "blocks nested deeper than %d levels are flattened", MDTREE_MAX_DEPTH);
}

static int builder_is_leaf_kind(MdKind k)
{
    return k == MDK_P || k == MDK_H || k == MDK_CODE || k == MDK_HTML || k == MDK_ROW;
}

struct MdStream {
    Builder *builder;
    MdNode doc;           /* the root lives here, outside the pools */
    Arena pools[2];       /* top-level blocks go to pools[current] */
    int current;
    size_t live[2];       /* unreleased top-level blocks per pool */
    MdBlockFn fn;
    void *userdata;
    StreamPipe *pipe;     /* the consumer's side of two threads, or NULL */
};

/* ---- streaming on two threads ----
 *
 * On a large document md4c and the builder run on a second thread (the
 * producer) while the consumer's callback reads blocks on the caller's
 * thread. Finished top-level blocks travel in batches, each with an arena
 * of its own that holds their nodes: the producer never touches a block
 * again once it is in a batch, and the consumer frees a batch when all its
 * blocks are released (blocks are released in order). Problems the builder
 * finds travel with the block they come before, so the caller's
 * diagnostics get them in the order one thread would give. Batches go
 * through a handoff (handoff.h) where at most PIPE_QUEUED_MAX wait, so
 * memory stays bounded. */
enum { PIPE_BATCH = 256, PIPE_QUEUED_MAX = 4 };

typedef struct PipeItem {
    MdNode *block;     /* a top-level block, or NULL: */
    int end;           /* ...the end of the document, else only problems */
    Diagnostics *diag; /* problems found before it, or NULL */
} PipeItem;

typedef struct PipeBatch {
    struct PipeBatch *next; /* consumer: the next batch held */
    Arena arena;
    PipeItem items[PIPE_BATCH];
    size_t count;
    size_t unreleased; /* consumer: blocks not yet released */
    int delivered;     /* consumer: every item handed to the callback */
} PipeBatch;

struct StreamPipe {
    /* The producer's. */
    Handoff *out;                  /* where finished batches go */
    Builder builder;
    PipeBatch *filling;
    Diagnostics *pending;          /* problems since the last item */
    MdNode producer_doc;
    char *text;
    size_t len;                    /* with the final line break */
    int rc;
    MdStreamHooks hooks;           /* functions NULL when not given */
    /* Reading in parts (see pipe_produce). */
    int last_part;                 /* the part being read ends the document */
    size_t cut;                    /* else: where the next part begins */
    PipeBatch *full;               /* a full batch held back until the part's
                                      last block is checked */
    size_t kept;                   /* top-level blocks put in batches */
    size_t skip;                   /* reading a part again: blocks put the
                                      first time, left out */
    Arena skip_arena;              /* ... whose nodes go here meanwhile */
    /* Both's: batches the consumer is done with, for the producer to fill
     * again (their arenas' pages are faulted in already). */
    pthread_mutex_t spare_lock;
    PipeBatch *spare;
    size_t spare_count;
    /* The consumer's: taken batches with blocks still held, oldest first. */
    PipeBatch *held, *held_tail;
};

static Diagnostics *pipe_diag(StreamPipe *p)
{
    if (!p->pending)
        p->pending = diag_new();
    return p->pending;
}

static void pipe_hand_over(StreamPipe *p)
{
    PipeBatch *batch = p->filling;
    p->filling = NULL;
    if (batch)
        handoff_put_idle(p->out, batch, p->hooks.idle, p->hooks.idle_arg);
}

static PipeBatch *pipe_new_batch(StreamPipe *p)
{
    pthread_mutex_lock(&p->spare_lock);
    PipeBatch *batch = p->spare;
    if (batch) {
        p->spare = batch->next;
        p->spare_count--;
    }
    pthread_mutex_unlock(&p->spare_lock);
    if (batch) {
        Arena arena = batch->arena;
        memset(batch, 0, sizeof *batch);
        batch->arena = arena;
    } else {
        batch = xcalloc(1, sizeof *batch);
    }
    p->filling = batch;
    if (p->skip == 0)
        p->builder.arena = &p->filling->arena;
    return p->filling;
}

/* Producer: hands over the full batch held back, if any. */
static void pipe_hand_over_full(StreamPipe *p)
{
    if (p->full)
        handoff_put_idle(p->out, p->full, p->hooks.idle, p->hooks.idle_arg);
    p->full = NULL;
}

/* Producer: a top-level block has ended (NULL: the document, or the part
 * being read, has). */
static void pipe_put(Builder *b, MdNode *block)
{
    StreamPipe *p = b->pipe;
    if (!block && !p->last_part)
        return; /* a part's end: pipe_check_part */
    if (block && p->skip > 0) {
        /* Read again: the block and its problems were put before. */
        p->skip--;
        diag_free(p->pending);
        p->pending = NULL;
        arena_reset(&p->skip_arena);
        if (p->skip == 0)
            b->arena = &p->filling->arena;
        return;
    }
    PipeBatch *batch = p->filling;
    /* The heading where the next part begins is prepared there. */
    int cut_heading = !p->last_part && block && block->kind == MDK_H &&
                      (size_t)(b->doc - p->text) + b->leaf_last_off >= p->cut;
    if (block && p->hooks.prepare && !cut_heading)
        p->hooks.prepare(block, &batch->arena, p->hooks.prepare_arg);
    batch->items[batch->count++] = (PipeItem){block, block == NULL, p->pending};
    p->pending = NULL;
    p->kept += block != NULL;
    if (block && batch->count < PIPE_BATCH)
        return;
    /* A full batch waits one turn: the part's last block, which may be in
     * it, may have to be taken back. */
    p->filling = NULL;
    pipe_hand_over_full(p);
    p->full = batch;
    pipe_new_batch(p);
}

static MdNode *builder_push(Builder *b, MdKind kind)
{
    MdNode *n;
    if ((b->stream || b->pipe) && kind == MDK_DOC) {
        n = b->stream ? &b->stream->doc : &b->pipe->producer_doc;
        memset(n, 0, sizeof *n);
    } else {
        /* Filled in by assignment: as a memset of the arena's, the zeroing
         * was a "rep stos", slow to start, for every node. */
        static const MdNode empty;
        n = arena_alloc_raw(b->arena, sizeof *n);
        *n = empty;
    }
    if (b->stream && b->cur == b->root && b->root) {
        n->pool = (uint8_t)b->stream->current;
        b->stream->live[b->stream->current]++;
    }
    n->kind = (uint8_t)kind;
    n->text = "";
    n->lang = "";
    n->parent = b->cur;
    /* A top-level block handed to another thread is linked there. */
    if (b->cur && !(b->pipe && b->cur == b->root)) {
        if (b->cur->last)
            b->cur->last->next = n;
        else
            b->cur->first = n;
        b->cur->last = n;
    }
    b->cur = n;
    if (builder_is_leaf_kind(kind)) {
        b->leaf = n;
        b->leaf_has_text = 0;
        strbuf_clear(&b->text);
        b->cells = 0;
        b->vis_in_strong = b->vis_out_strong = 0;
        b->vis_in_link = b->vis_out_link = b->vis_in_anchor = 0;
        b->bold_prefix_state = 0;
    }
    return n;
}

/* Checks that a fenced code block ends with a closing fence: md4c closes an
 * unterminated fence silently at the end of the document or container. */
static void builder_check_fence(Builder *b, MdNode *code)
{
    if (!code->mark || !code->line)
        return;
    size_t i = b->leaf_last_off;
    while (i < b->len && b->doc[i] != '\n' && b->doc[i] != '\r')
        i++;
    for (;;) {
        while (i < b->len && (b->doc[i] == '\n' || b->doc[i] == '\r'))
            i++;
        size_t line_start = i;
        while (i < b->len && (b->doc[i] == ' ' || b->doc[i] == '\t' || b->doc[i] == '>'))
            i++;
        if (i < b->len && (b->doc[i] == '\n' || b->doc[i] == '\r'))
            continue; /* blank line inside the block */
        size_t run = 0;
        while (i + run < b->len && b->doc[i + run] == code->mark)
            run++;
        if (run >= 3 || line_start == i + run + 1)
            return;
        break;
    }
    diag_add(builder_diag(b), DIAG_WARNING, b->file, code->line > 1 ? code->line - 1 : 1,
             "code block opened here is never closed (missing closing %c%c%c)",
             code->mark, code->mark, code->mark);
}

/* A row's text, after the offsets where its cells begin (one allocation;
 * mdtree_row_cells reads them back). */
static void builder_finish_row(Builder *b, MdNode *n)
{
    size_t stored = b->cells < MDTREE_ROW_CELLS_MAX ? b->cells : MDTREE_ROW_CELLS_MAX;
    uint32_t *starts = arena_alloc(b->arena, stored * sizeof *starts + b->text.len + 1);
    memcpy(starts, b->cell_start, stored * sizeof *starts);
    char *text = (char *)(starts + stored);
    memcpy(text, strbuf_str(&b->text), b->text.len);
    text[b->text.len] = '\0';
    n->text = text;
    n->number = b->cells;
}

size_t mdtree_row_cells(const MdNode *row, MdCell *cells, size_t max)
{
    size_t count = row->number;
    size_t stored = count < MDTREE_ROW_CELLS_MAX ? count : MDTREE_ROW_CELLS_MAX;
    const uint32_t *starts = (const uint32_t *)(const void *)row->text - stored;
    for (size_t k = 0; k < stored && k < max; k++) {
        size_t end = k + 1 < stored ? starts[k + 1] - 3 : row->text_len;
        if (k + 1 == stored && count > stored) {
            const char *sep = strstr(row->text + starts[k], " | ");
            end = sep ? (size_t)(sep - row->text) : row->text_len;
        }
        cells[k] = (MdCell){row->text + starts[k], end - starts[k]};
    }
    return count;
}

static void builder_finish_leaf(Builder *b)
{
    MdNode *n = b->leaf;
    if (n->kind == MDK_ROW)
        builder_finish_row(b, n);
    else
        n->text = arena_strndup(b->arena, strbuf_str(&b->text), b->text.len);
    n->text_len = (uint32_t)b->text.len;
    n->all_bold = b->vis_in_strong > 0 && b->vis_out_strong == 0;
    n->all_link = b->vis_in_link > 0 && b->vis_out_link == 0;
    n->all_anchor = n->all_link && b->vis_in_anchor == b->vis_in_link;
    if (b->leaf_has_text)
        n->end_line = builder_line_of(b, b->doc + b->leaf_last_off);
    if (n->kind == MDK_CODE)
        builder_check_fence(b, n);
    b->leaf = NULL;
}

static void builder_pop(Builder *b)
{
    if (b->leaf == b->cur)
        builder_finish_leaf(b);
    MdNode *done = b->cur;
    b->cur = b->cur->parent;
    if (b->stream && b->cur == b->root)
        b->stream->fn(b->stream, b->root, done, b->stream->userdata);
    else if (b->pipe && b->cur == b->root)
        pipe_put(b, done);
}

static void builder_close_implicit(Builder *b)
{
    if (b->leaf && b->leaf_implicit) {
        builder_pop(b);
        b->leaf_implicit = 0;
    }
}

static MdKind builder_kind(MD_BLOCKTYPE type)
{
    switch (type) {
    case MD_BLOCK_QUOTE: return MDK_QUOTE;
    case MD_BLOCK_UL: return MDK_UL;
    case MD_BLOCK_OL: return MDK_OL;
    case MD_BLOCK_LI: return MDK_LI;
    case MD_BLOCK_HR: return MDK_HR;
    case MD_BLOCK_H: return MDK_H;
    case MD_BLOCK_CODE: return MDK_CODE;
    case MD_BLOCK_HTML: return MDK_HTML;
    case MD_BLOCK_TABLE: return MDK_TABLE;
    case MD_BLOCK_TR: return MDK_ROW;
    default: return MDK_P;
    }
}

static int builder_is_transparent(MD_BLOCKTYPE type)
{
    return type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY || type == MD_BLOCK_TH ||
           type == MD_BLOCK_TD;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    Builder *b = userdata;
    if (type == MD_BLOCK_DOC) {
        b->root = builder_push(b, MDK_DOC);
        return 0;
    }
    if (builder_is_transparent(type)) {
        if ((type == MD_BLOCK_TH || type == MD_BLOCK_TD) && b->leaf &&
            b->leaf->kind == MDK_ROW) {
            if (b->cells > 0)
                strbuf_puts(&b->text, " | ");
            if (b->cells < MDTREE_ROW_CELLS_MAX)
                b->cell_start[b->cells] = (uint32_t)b->text.len;
            b->cells++;
        }
        return 0;
    }
    builder_close_implicit(b);
    if (b->depth >= MDTREE_MAX_DEPTH || b->leaf) {
        b->skipped++;
        /* Reported with the line of the next text: md4c tells no line
         * when a block opens. */
        if (!b->flatten_reported)
            b->flatten_reported = b->flatten_pending = 1;
        return 0;
    }
    MdNode *prev = b->cur ? b->cur->last : NULL; /* the sibling before it */
    MdNode *n = builder_push(b, builder_kind(type));
    b->depth++;
    switch (type) {
    case MD_BLOCK_UL:
        n->mark = (char)((MD_BLOCK_UL_DETAIL *)detail)->mark;
        break;
    case MD_BLOCK_OL:
        n->number = ((MD_BLOCK_OL_DETAIL *)detail)->start;
        n->mark = (char)((MD_BLOCK_OL_DETAIL *)detail)->mark_delimiter;
        break;
    case MD_BLOCK_LI:
        /* One more than the item before it: counting the items from the
         * first would make a long list cost its square. */
        if (n->parent && n->parent->kind == MDK_OL)
            n->number = prev ? prev->number + 1 : n->parent->number;
        if (((MD_BLOCK_LI_DETAIL *)detail)->is_task)
            n->mark = ((MD_BLOCK_LI_DETAIL *)detail)->task_mark;
        break;
    case MD_BLOCK_H:
        n->level = (unsigned char)((MD_BLOCK_H_DETAIL *)detail)->level;
        break;
    case MD_BLOCK_CODE: {
        MD_BLOCK_CODE_DETAIL *d = detail;
        n->mark = (char)d->fence_char;
        if (d->lang.text && d->lang.size)
            n->lang = arena_strndup(b->arena, d->lang.text, d->lang.size);
        break;
    }
    case MD_BLOCK_HTML:
        b->html_block = 1;
        break;
    default:
        break;
    }
    return 0;
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    Builder *b = userdata;
    (void)detail;
    if (builder_is_transparent(type))
        return 0;
    if (type == MD_BLOCK_DOC) {
        builder_close_implicit(b);
        if (b->stream)
            b->stream->fn(b->stream, b->root, NULL, b->stream->userdata);
        else if (b->pipe)
            pipe_put(b, NULL);
        return 0;
    }
    if (b->skipped > 0) {
        b->skipped--;
        /* A flattened paragraph still ends where it ended. */
        builder_close_implicit(b);
        return 0;
    }
    builder_close_implicit(b);
    if (type == MD_BLOCK_HTML)
        b->html_block = 0;
    builder_pop(b);
    b->depth--;
    return 0;
}

/* Text of a tight list item comes with no paragraph block around it: the
 * first span or text opens an implicit one. */
static void builder_ensure_leaf(Builder *b)
{
    if (!b->leaf) {
        builder_push(b, MDK_P);
        b->leaf_implicit = 1;
    }
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    Builder *b = userdata;
    if (b->img == 0)
        builder_ensure_leaf(b);
    switch (type) {
    case MD_SPAN_CODE:
        if (b->img == 0 && b->leaf)
            strbuf_putc(&b->text, TEXT_CODE_ON);
        break;
    case MD_SPAN_STRONG:
        if (b->strong++ == 0 && b->bold_prefix_state == 0 && b->vis_out_strong == 0)
            b->bold_prefix_state = 1;
        break;
    case MD_SPAN_A: {
        MD_SPAN_A_DETAIL *a = detail;
        if (b->link++ == 0)
            b->link_is_anchor = a->href.size > 0 && a->href.text[0] == '#';
        break;
    }
    case MD_SPAN_IMG: b->img++; break;
    default: break;
    }
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    Builder *b = userdata;
    (void)detail;
    switch (type) {
    case MD_SPAN_CODE:
        if (b->img == 0 && b->leaf)
            strbuf_putc(&b->text, TEXT_CODE_OFF);
        break;
    case MD_SPAN_STRONG:
        if (--b->strong == 0 && b->bold_prefix_state == 1) {
            b->bold_prefix_state = 2;
            if (b->leaf)
                b->leaf->bold_prefix_len = (uint32_t)b->text.len;
        }
        break;
    case MD_SPAN_A: b->link--; break;
    case MD_SPAN_IMG: b->img--; break;
    default: break;
    }
    return 0;
}

/* Named entities an author is likely to type; the rest stay as written. */
static const struct { const char *name; uint32_t cp; } builder_entities[] = {
    {"amp", '&'},     {"lt", '<'},       {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},   {"nbsp", 0xA0},    {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122}, {"mdash", 0x2014}, {"ndash", 0x2013},  {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"laquo", 0xAB},  {"raquo", 0xBB},   {"times", 0xD7},    {"divide", 0xF7},
    {"rarr", 0x2192}, {"larr", 0x2190},  {"harr", 0x2194},   {"rArr", 0x21D2},
    {"le", 0x2264},   {"ge", 0x2265},    {"ne", 0x2260},     {"deg", 0xB0},
    {"middot", 0xB7}, {"bull", 0x2022},  {"check", 0x2713},  {"euro", 0x20AC},
    {"pound", 0xA3},  {"sect", 0xA7},    {"para", 0xB6},     {"plusmn", 0xB1},
};

static void builder_append_entity(Builder *b, const char *s, size_t n)
{
    uint32_t cp = 0;
    int ok = 0;
    if (n >= 4 && s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        char *end = NULL;
        char tmp[16];
        size_t digits = n - 3 - (size_t)hex;
        if (digits > 0 && digits < sizeof tmp) {
            memcpy(tmp, s + 2 + hex, digits);
            tmp[digits] = '\0';
            unsigned long v = strtoul(tmp, &end, hex ? 16 : 10);
            ok = end && *end == '\0' && v > 0 && v <= 0x10FFFF;
            cp = (uint32_t)v;
        }
    } else if (n >= 3) {
        for (size_t i = 0; i < sizeof builder_entities / sizeof *builder_entities; i++) {
            size_t len = strlen(builder_entities[i].name);
            if (len == n - 2 && memcmp(builder_entities[i].name, s + 1, len) == 0) {
                cp = builder_entities[i].cp;
                ok = 1;
                break;
            }
        }
    }
    char out[4];
    size_t m = ok && cp >= 0x20 ? utf8_encode(cp, out) : 0;
    if (m)
        strbuf_append(&b->text, out, m);
    else if (ok)
        strbuf_puts(&b->text, UTF8_REPLACEMENT);
    else
        strbuf_append(&b->text, s, n);
}

/* Inline HTML: a line break tag becomes a line break, other tags vanish. */
static void builder_inline_html(Builder *b, const char *s, size_t n)
{
    if (n >= 3 && s[0] == '<' && (s[1] == 'b' || s[1] == 'B') && (s[2] == 'r' || s[2] == 'R') &&
        (n == 3 || !isalnum((unsigned char)s[3])))
        strbuf_putc(&b->text, '\n');
}

/* The counts below are only ever tested for zero or compared with each
 * other (all link text in anchors?), so a piece of text counts once if it
 * has any visible character: no need to read past the first. */
static void builder_count_visible(Builder *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] <= ' ')
        i++;
    if (i == n)
        return;
    const size_t vis = 1;
    if (b->strong)
        b->vis_in_strong += vis;
    else {
        b->vis_out_strong += vis;
        if (b->bold_prefix_state == 0)
            b->bold_prefix_state = 2;
    }
    if (b->link) {
        b->vis_in_link += vis;
        if (b->link_is_anchor)
            b->vis_in_anchor += vis;
    } else {
        b->vis_out_link += vis;
    }
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *userdata)
{
    Builder *b = userdata;
    if (b->img)
        return 0; /* image alt text is not prose */
    if (type == MD_TEXT_HTML && !b->html_block && !(b->leaf && b->leaf->kind == MDK_HTML)) {
        if (b->leaf)
            builder_inline_html(b, s, n);
        return 0;
    }
    builder_ensure_leaf(b);
    if (s >= b->doc && s < b->doc + b->len) {
        /* A leaf's lines are counted at its first text and, for its
         * end_line, where it closes: not at every span of text. */
        if (!b->leaf->line || b->flatten_pending) {
            unsigned line = builder_line_of(b, s);
            if (b->flatten_pending)
                builder_report_flatten(b, line);
            for (MdNode *p = b->leaf; p && !p->line; p = p->parent)
                p->line = line;
        }
        b->leaf_last_off = (size_t)(s - b->doc);
        b->leaf_has_text = 1;
    }
    switch (type) {
    case MD_TEXT_NULLCHAR:
        strbuf_puts(&b->text, UTF8_REPLACEMENT);
        break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
        strbuf_putc(&b->text, '\n');
        break;
    case MD_TEXT_ENTITY:
        if (b->leaf->kind == MDK_CODE || b->leaf->kind == MDK_HTML)
            strbuf_append(&b->text, s, n);
        else
            builder_append_entity(b, s, n);
        builder_count_visible(b, s, n);
        break;
    case MD_TEXT_CODE:
        if (b->leaf->kind == MDK_ROW) {
            /* md4c leaves the escape of a pipe in a cell's code span
             * ("`a \| b`"), which GitHub shows as "a | b". */
            for (MD_SIZE i = 0; i < n; i++)
                if (!(s[i] == '\\' && i + 1 < n && s[i + 1] == '|'))
                    strbuf_putc(&b->text, s[i]);
        } else {
            strbuf_append(&b->text, s, n);
        }
        builder_count_visible(b, s, n);
        break;
    default:
        strbuf_append(&b->text, s, n);
        builder_count_visible(b, s, n);
        break;
    }
    return 0;
}

/* md4c 0.4.8 (Debian 12) can read past the end of its input when a link
 * is cut off by the end of the document, and then loops over whatever
 * follows in memory. It only ever sees text that ends with a line break
 * and guard bytes of zero, where such a scan stops. */
MdNode *mdtree_parse(Arena *arena, const char *input, size_t input_len, const char *file,
                     Diagnostics *diag)
{
    char *text = malloc(input_len + MDTREE_SLACK);
    if (!text) {
        diag_add(diag, DIAG_ERROR, file, 0, "out of memory reading %zu bytes", input_len);
        return NULL;
    }
    memcpy(text, input, input_len);
    MdNode *doc = mdtree_parse_in_place(arena, text, input_len, file, diag);
    free(text);
    return doc;
}

/* Runs md4c over doc[0, len) into b, whose first line is first_line:
 * the whole document, or one part of it (pipe_produce). doc ends with a
 * line break; md4c may read the guard bytes past the document's end
 * (mdtree_terminate). Returns md4c's status. */
static int builder_parse(Builder *b, const char *doc, size_t len, unsigned first_line)
{
    b->doc = doc;
    b->len = len;
    b->first_line = b->cursor_line = first_line;
    b->cursor_off = 0;
    b->has_cr = memchr(doc, '\r', len) != NULL;
    b->root = b->cur = NULL;
    MD_PARSER parser = {0};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    parser.enter_block = on_enter_block;
    parser.leave_block = on_leave_block;
    parser.enter_span = on_enter_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;
    return md_parse(doc, (MD_SIZE)len, &parser, b);
}

/* What is left at the end of the document: problems found at its very
 * end, md4c's failure. Returns 0, or -1 if md4c failed. */
static int builder_end(Builder *b, int rc)
{
    if (b->flatten_pending)
        builder_report_flatten(b, b->cursor_line);
    strbuf_free(&b->text);
    if (rc != 0 || !b->root) {
        diag_add(builder_diag(b), DIAG_ERROR, b->file, 0,
                 "the Markdown parser failed (out of memory?)");
        return -1;
    }
    return 0;
}

/* Ends text[0, len) with a line break and zero guard bytes in its slack;
 * returns the new length. */
static size_t mdtree_terminate(char *text, size_t len)
{
    text[len++] = '\n';
    memset(text + len, 0, MDTREE_SLACK - 1);
    return len;
}

/* Runs md4c over text (with its slack) into b; returns 0 or -1. */
static int builder_run(Builder *b, char *text, size_t input_len, const char *file,
                       Diagnostics *diag)
{
    size_t len = mdtree_terminate(text, input_len);
    b->file = file;
    b->diag = diag;
    return builder_end(b, builder_parse(b, text, len, 1));
}

MdNode *mdtree_parse_in_place(Arena *arena, char *text, size_t input_len, const char *file,
                              Diagnostics *diag)
{
    Builder b = {0};
    b.arena = arena;
    return builder_run(&b, text, input_len, file, diag) == 0 ? b.root : NULL;
}

static void pipe_batch_free(PipeBatch *batch)
{
    arena_free(&batch->arena);
    free(batch);
}

/* ---- reading a large document in parts ----
 *
 * md4c reads the structure of a whole document before it reports its
 * first block: on 3 MB that is 3 ms in which the consumer has nothing to
 * do. So the producer hands md4c the document in parts, each ending where
 * md4c must close every block it has open: a heading line after a blank
 * line, outside fenced code. The consumer has the first part's blocks
 * after a fraction of a millisecond, and the parts together cost what the
 * whole costs.
 *
 * A quick look at the fences chooses the cut (part_next_cut); md4c has
 * the last word. Each part but the last also reads the heading where the
 * next one starts, and must end with it as a heading of its own at the top
 * level (pipe_check_part): then md4c read every block before it as it does
 * in the whole document, and the heading is left to the next part. If not
 * (the cut was in an HTML comment, say), the quick look cannot be trusted
 * further: the rest of the document, this part included, is read as one,
 * leaving out the blocks put the first time. A document that may define
 * link references (they hold for the whole of it) is read whole. */

enum { PART_FIRST_BYTES = 64 * 1024, PART_BYTES = 256 * 1024 };

/* Whether the line before the one at text[at] is blank. */
static int part_after_blank_line(const char *text, size_t at)
{
    if (at < 2 || text[at - 1] != '\n')
        return 0;
    size_t k = at - 1; /* the line break ending the line before */
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\r'))
        k--;
    return k == 0 || text[k - 1] == '\n';
}

/* The level of the ATX heading that starts the line at text[at], when its
 * text is plain (no link, raw HTML, escape or entity) and its line ends
 * before len; else 0. */
static unsigned part_heading_level(const char *text, size_t len, size_t at)
{
    size_t i = at;
    unsigned level = 0;
    while (i < len && text[i] == '#' && level <= 6) {
        i++;
        level++;
    }
    if (level == 0 || level > 6 || i >= len || (text[i] != ' ' && text[i] != '\t'))
        return 0;
    int words = 0;
    for (; i < len && text[i] != '\n'; i++) {
        char c = text[i];
        if (c == '[' || c == ']' || c == '<' || c == '\\' || c == '&' || c == '\r')
            return 0;
        words |= c != ' ' && c != '\t' && c != '#';
    }
    return i < len && words ? level : 0;
}

/* Fences seen so far by the quick look: a run of three or more '`' or '~'
 * after nothing but indentation, quote and list marks on its line. */
typedef struct PartScan {
    const char *text;
    size_t len;
    int whole;     /* the document is read in one part */
    size_t at;     /* fences scanned up to here */
    char mark;     /* of the fence open, or 0 */
    size_t run;    /* its length */
} PartScan;

#if QA_SSE2
/* Of the sixteen bytes at p, the '`' and the '~'. */
static inline __m128i part_marks16(const char *p)
{
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
    return _mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('`')),
                        _mm_cmpeq_epi8(a, _mm_set1_epi8('~')));
}

/* Bit j set when three '`' or three '~' begin at p[j] (reads p[0..17]);
 * 0 at once when the sixteen bytes hold neither mark. */
static inline unsigned part_runs16(const char *p)
{
    if (!_mm_movemask_epi8(part_marks16(p)))
        return 0;
    const __m128i tick = _mm_set1_epi8('`'), tilde = _mm_set1_epi8('~');
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
    __m128i ticks = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a, tick), _mm_cmpeq_epi8(b, tick)),
                                  _mm_cmpeq_epi8(c, tick));
    __m128i tildes = _mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi8(a, tilde), _mm_cmpeq_epi8(b, tilde)),
        _mm_cmpeq_epi8(c, tilde));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ticks, tildes));
}
#endif

/* The first place in [from, to) where three '`' or three '~' begin, or to.
 * Reads two bytes past each place looked at. */
static size_t part_next_run(const char *t, size_t from, size_t to)
{
    size_t i = from;
#if QA_SSE2
    /* Most of a document has neither mark at all: 64 bytes with none are
     * passed over after one test, and only sixteen with one are looked at
     * for a run of three. */
    for (; i + 64 <= to; i += 64) {
        __m128i any = _mm_setzero_si128();
        for (int q = 0; q < 4; q++)
            any = _mm_or_si128(any, part_marks16(t + i + 16 * q));
        if (!_mm_movemask_epi8(any))
            continue;
        for (int q = 0; q < 4; q++) {
            unsigned bits = part_runs16(t + i + 16 * q);
            if (bits)
                return i + 16 * (size_t)q + (unsigned)__builtin_ctz(bits);
        }
    }
    for (; i + 16 <= to; i += 16) {
        unsigned bits = part_runs16(t + i);
        if (bits)
            return i + (unsigned)__builtin_ctz(bits);
    }
#endif
    for (; i < to; i++)
        if ((t[i] == '`' || t[i] == '~') && t[i + 1] == t[i] && t[i + 2] == t[i])
            return i;
    return to;
}

/* Moves the fence scan on to text[to] (the start of a line). */
static void part_scan_fences(PartScan *ps, size_t to)
{
    const char *text = ps->text;
    size_t i = ps->at;
    while ((i = part_next_run(text, i, to)) < to) {
        char mark = text[i];
        size_t run = 0;
        while (text[i + run] == mark)
            run++;
        size_t start = i;
        while (start > 0 && text[start - 1] != '\n' &&
               strchr(" \t>-*+.)0123456789", text[start - 1]) != NULL)
            start--;
        size_t end = i + run;
        while (end < to && text[end] != '\n')
            end++;
        if (start == 0 || text[start - 1] == '\n') {
            if (!ps->mark) {
                /* "```x```" at the start of a line is code in a line. */
                if (mark == '~' || !memchr(text + i + run, '`', end - i - run)) {
                    ps->mark = mark;
                    ps->run = run;
                }
            } else if (mark == ps->mark && run >= ps->run) {
                size_t k = i + run;
                while (k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
                    k++;
                if (k == end)
                    ps->mark = 0;
            }
        }
        i = end;
    }
    ps->at = to;
}

static void part_scan_init(PartScan *ps, const char *text, size_t len)
{
    *ps = (PartScan){text, len, 0, 0, 0, 0};
    for (const char *p = text; (p = memchr(p, ']', (size_t)(text + len - p))) != NULL; p++)
        if (p[1] == ':') { /* may define a link reference */
            ps->whole = 1;
            return;
        }
}

/* Where the next part begins, at or after from: a heading line, with its
 * level in *level; 0 when there is none (the rest is one part). */
static size_t part_next_cut(PartScan *ps, size_t from, unsigned *level)
{
    const char *text = ps->text;
    if (ps->whole)
        return 0;
    for (size_t at = from; at < ps->len; at++) {
        const char *hash = memchr(text + at, '#', ps->len - at);
        if (!hash)
            break;
        at = (size_t)(hash - text);
        unsigned lv;
        if (!part_after_blank_line(text, at) ||
            (lv = part_heading_level(text, ps->len, at)) == 0)
            continue;
        part_scan_fences(ps, at);
        if (ps->mark)
            continue;
        *level = lv;
        return at;
    }
    return 0;
}

/* The batch holding the last item put, or NULL. */
static PipeBatch *pipe_last_batch(StreamPipe *p)
{
    PipeBatch *batch = p->filling->count ? p->filling : p->full;
    return batch && batch->count ? batch : NULL;
}

/* A part that put blocks (kept went past kept_before) has been read up to
 * the heading at cut: did md4c read it as a heading of its own at the top
 * level, as the part's last block? Then the heading is left to the next
 * part, and the problems found before it stay. */
static int pipe_check_part(StreamPipe *p, size_t kept_before, size_t cut, unsigned level)
{
    PipeBatch *batch = pipe_last_batch(p);
    PipeItem *last = batch ? &batch->items[batch->count - 1] : NULL;
    if (p->pending || p->kept == kept_before || !last || !last->block)
        return 0;
    const MdNode *h = last->block;
    if (h->kind != MDK_H || h->level != level ||
        h->line != builder_line_of(&p->builder, p->text + cut))
        return 0;
    last->block = NULL;
    p->kept--;
    return 1;
}

/* A part that did not end as it should: its last block goes, with the
 * problems found before it, if the part put any (kept went past
 * kept_before); the problems found since go too. */
static void pipe_drop_last(StreamPipe *p, size_t kept_before)
{
    PipeBatch *batch = pipe_last_batch(p);
    if (p->kept > kept_before && batch && batch->items[batch->count - 1].block) {
        p->kept--;
        diag_free(batch->items[--batch->count].diag);
    }
    diag_free(p->pending);
    p->pending = NULL;
}

/* Idle work left for this thread, done until there is none. */
static void pipe_idle_while_any(const MdStreamHooks *hooks)
{
    if (hooks->idle)
        while (hooks->idle(hooks->idle_arg))
            ;
}

/* The end of the line that starts at text[at], past its line break. */
static size_t part_line_end(const char *text, size_t len, size_t at)
{
    const char *nl = memchr(text + at, '\n', len - at);
    return nl ? (size_t)(nl - text) + 1 : len;
}

static void pipe_produce(Handoff *out, void *arg)
{
    StreamPipe *p = arg;
    Builder *b = &p->builder;
    p->out = out;
    pipe_new_batch(p);
    const char *text = p->text;
    size_t len = mdtree_terminate(p->text, p->len);
    PartScan ps;
    part_scan_init(&ps, text, len);
    size_t at = 0;
    unsigned line = 1, level = 0;
    int rc = 0;
    for (;;) {
        size_t cut = part_next_cut(&ps, at + (at ? PART_BYTES : PART_FIRST_BYTES), &level);
        size_t kept_before = p->kept;
        int reported = b->flatten_reported;
        p->last_part = cut == 0;
        p->cut = cut;
        rc = builder_parse(b, text + at, cut ? part_line_end(text, len, cut) - at : len - at,
                           line);
        if (rc == 0 && cut && !pipe_check_part(p, kept_before, cut, level)) {
            /* The quick look and md4c disagree: from here on the document
             * is read in one part, which takes in this one again. */
            pipe_drop_last(p, kept_before);
            p->skip = p->kept - kept_before; /* still counted in kept */
            b->flatten_reported = reported;
            b->flatten_pending = 0;
            b->arena = p->skip ? &p->skip_arena : &p->filling->arena;
            cut = 0;
            p->last_part = 1;
            p->cut = 0;
            rc = builder_parse(b, text + at, len - at, line);
            p->skip = 0;
            b->arena = &p->filling->arena;
        }
        if (rc != 0 || !cut)
            break;
        pipe_hand_over_full(p); /* checked: it can go */
        line = builder_line_of(b, text + cut);
        at = cut;
    }
    p->rc = builder_end(b, rc);
    arena_free(&p->skip_arena);
    pipe_hand_over_full(p);
    /* What came after the last block, and a batch md4c left unfinished. */
    PipeBatch *last = p->filling;
    if (p->pending && last->count < PIPE_BATCH)
        last->items[last->count++] = (PipeItem){NULL, 0, p->pending};
    else
        diag_free(p->pending); /* cannot be: pipe_put leaves room */
    p->pending = NULL;
    if (last->count > 0) {
        pipe_hand_over(p);
    } else {
        pipe_batch_free(last);
        p->filling = NULL;
    }
    /* Idle work (placement's words) while the consumer has blocks to go
     * through, and then while there is more: the consumer does its share
     * before it waits for this thread. */
    handoff_close_idle(out, p->hooks.idle, p->hooks.idle_arg);
    pipe_idle_while_any(&p->hooks);
}

/* Consumer: gives the oldest batches back once delivered and all
 * released, for the producer to fill again (as many as may be in flight),
 * or frees them. */
static void pipe_free_released(StreamPipe *p)
{
    while (p->held && p->held->delivered && p->held->unreleased == 0) {
        PipeBatch *done = p->held;
        p->held = done->next;
        if (!p->held)
            p->held_tail = NULL;
        arena_reset(&done->arena);
        pthread_mutex_lock(&p->spare_lock);
        int keep = p->spare_count < PIPE_QUEUED_MAX + 2;
        if (keep) {
            done->next = p->spare;
            p->spare = done;
            p->spare_count++;
        }
        pthread_mutex_unlock(&p->spare_lock);
        if (!keep)
            pipe_batch_free(done);
    }
}

/* Consumer: hands every item of a batch to the callback. */
static void pipe_deliver(MdStream *s, PipeBatch *batch, Diagnostics *diag)
{
    StreamPipe *p = s->pipe;
    batch->next = NULL;
    for (size_t i = 0; i < batch->count; i++)
        batch->unreleased += batch->items[i].block != NULL;
    if (p->held_tail)
        p->held_tail->next = batch;
    else
        p->held = batch;
    p->held_tail = batch;
    for (size_t i = 0; i < batch->count; i++) {
        PipeItem *it = &batch->items[i];
        diag_take(diag, it->diag);
        it->diag = NULL;
        MdNode *block = it->block;
        if (block) {
            block->parent = &s->doc;
            block->next = NULL;
            if (s->doc.last)
                s->doc.last->next = block;
            else
                s->doc.first = block;
            s->doc.last = block;
        } else if (!it->end) {
            continue;
        }
        s->fn(s, &s->doc, block, s->userdata);
    }
    batch->delivered = 1;
    pipe_free_released(p);
}

/* mdtree_stream with md4c on a second thread; -2 when none can be had. */
static int pipe_stream(MdStream *s, char *text, size_t len, const char *file,
                       Diagnostics *diag, const MdStreamHooks *hooks)
{
    StreamPipe *p = xcalloc(1, sizeof *p);
    if (pthread_mutex_init(&p->spare_lock, NULL) != 0) {
        free(p);
        return -2;
    }
    if (hooks)
        p->hooks = *hooks;
    p->builder.pipe = p;
    p->builder.file = file;
    p->text = text;
    p->len = len;
    Handoff *in = handoff_start(PIPE_QUEUED_MAX, pipe_produce, p);
    if (!in) {
        pthread_mutex_destroy(&p->spare_lock);
        free(p);
        return -2;
    }
    s->pipe = p;
    s->doc.text = s->doc.lang = "";
    PipeBatch *batch;
    while ((batch = handoff_take_idle(in, p->hooks.idle, p->hooks.idle_arg)) != NULL)
        pipe_deliver(s, batch, diag);
    pipe_idle_while_any(&p->hooks);
    handoff_join(in);
    int rc = p->rc;
    while (p->held) {
        PipeBatch *done = p->held;
        p->held = done->next;
        pipe_batch_free(done);
    }
    while (p->spare) {
        PipeBatch *done = p->spare;
        p->spare = done->next;
        pipe_batch_free(done);
    }
    pthread_mutex_destroy(&p->spare_lock);
    free(p);
    s->pipe = NULL;
    return rc;
}

int mdtree_stream(char *text, size_t len, const char *file, Diagnostics *diag,
                  const MdStreamHooks *hooks, MdBlockFn fn, void *userdata)
{
    MdStream s = {0};
    s.fn = fn;
    s.userdata = userdata;
    if (len >= MDTREE_STREAM_THREAD_BYTES && cpus_for_loading() > 1) {
        int rc = pipe_stream(&s, text, len, file, diag, hooks);
        if (rc != -2)
            return rc;
    }
    Builder b = {0};
    s.builder = &b;
    b.stream = &s;
    b.arena = &s.pools[0];
    int rc = builder_run(&b, text, len, file, diag);
    arena_free(&s.pools[0]);
    arena_free(&s.pools[1]);
    return rc;
}

void mdtree_release(MdStream *s, MdNode *keep)
{
    MdNode *doc = &s->doc;
    if (s->pipe) {
        while (doc->first && doc->first != keep) {
            /* Released in order: the block is of the oldest batch holding any. */
            PipeBatch *batch = s->pipe->held;
            while (batch->unreleased == 0)
                batch = batch->next;
            batch->unreleased--;
            doc->first = doc->first->next;
        }
        if (!doc->first)
            doc->last = NULL;
        pipe_free_released(s->pipe);
        return;
    }
    while (doc->first && doc->first != keep) {
        s->live[doc->first->pool]--;
        doc->first = doc->first->next;
    }
    if (!doc->first)
        doc->last = NULL;
    /* A pool whose blocks are all released is emptied; new blocks go to an
     * empty pool, so the two take turns. */
    int cur = s->current, other = 1 - cur;
    if (s->live[cur] == 0) {
        arena_reset(&s->pools[cur]);
    } else if (s->live[other] == 0) {
        arena_reset(&s->pools[other]);
        s->current = other;
        s->builder->arena = &s->pools[other];
    }
}
