/* test_mdtree.c - the Markdown block tree built from md4c's callbacks:
 * block kinds, source lines, leaf text, code fences, flattening. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/mdtree.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct Fixture {
    Arena arena;
    Diagnostics *diag;
    MdNode *doc;
} Fixture;

static MdNode *parse(Fixture *f, const char *md)
{
    memset(&f->arena, 0, sizeof f->arena);
    f->diag = diag_new();
    f->doc = mdtree_parse(&f->arena, md, strlen(md), "t.md", f->diag);
    assert_non_null(f->doc);
    return f->doc;
}

static void done(Fixture *f)
{
    arena_free(&f->arena);
    diag_free(f->diag);
}

static size_t count_children(const MdNode *n)
{
    size_t c = 0;
    for (const MdNode *k = n->first; k; k = k->next)
        c++;
    return c;
}

static int has_warning(const Diagnostics *d, unsigned line, const char *needle)
{
    for (size_t i = 0; i < diag_count(d); i++) {
        const Diag *g = diag_get(d, i);
        if ((line == 0 || g->line == line) && strstr(g->message, needle))
            return 1;
    }
    return 0;
}

static void test_blocks_carry_their_source_line(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "# Title\n\nFirst paragraph\nstill first.\n\n- item one\n- item two\n\n```\ncode\n```\n");
    MdNode *h = doc->first;
    assert_int_equal(h->kind, MDK_H);
    assert_int_equal(h->level, 1);
    assert_int_equal(h->line, 1);
    MdNode *p = h->next;
    assert_int_equal(p->kind, MDK_P);
    assert_int_equal(p->line, 3);
    assert_int_equal(p->end_line, 4);
    MdNode *ul = p->next;
    assert_int_equal(ul->kind, MDK_UL);
    assert_int_equal(ul->line, 6);
    assert_int_equal(ul->last->line, 7);
    MdNode *code = ul->next;
    assert_int_equal(code->kind, MDK_CODE);
    assert_int_equal(code->line, 10);
    done(&f);
}

static void test_crlf_and_lone_cr_count_as_line_breaks(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "# A\r\n\r\ntext\r\n\r\n## B\r\rmore\r");
    assert_int_equal(doc->first->line, 1);
    assert_int_equal(doc->first->next->line, 3);
    assert_int_equal(doc->first->next->next->line, 5);
    assert_int_equal(doc->first->next->next->next->line, 7);
    assert_string_equal(doc->first->next->text, "text");
    done(&f);
}

static void test_tight_list_item_text_becomes_a_paragraph(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "1. What is X?\n   - X is a thing.\n   - It is used.\n");
    MdNode *ol = doc->first;
    assert_int_equal(ol->kind, MDK_OL);
    assert_int_equal(ol->number, 1);
    MdNode *li = ol->first;
    assert_int_equal(li->kind, MDK_LI);
    assert_int_equal(li->number, 1);
    assert_int_equal(count_children(li), 2);
    assert_int_equal(li->first->kind, MDK_P);
    assert_string_equal(li->first->text, "What is X?");
    assert_int_equal(li->first->next->kind, MDK_UL);
    assert_int_equal(count_children(li->first->next), 2);
    done(&f);
}

static void test_ordered_list_items_are_numbered_from_start(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "6. six\n7. seven\n8. eight\n");
    MdNode *ol = doc->first;
    assert_int_equal(ol->number, 6);
    assert_int_equal(ol->first->number, 6);
    assert_int_equal(ol->last->number, 8);
    done(&f);
}

static void test_code_span_is_marked_and_code_block_keeps_language(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "Use `open()` here.\n\n```python\nwith open(f) as x:\n    pass\n```\n");
    char expect[] = "Use " "\x0e" "open()" "\x0f" " here.";
    assert_string_equal(doc->first->text, expect);
    MdNode *code = doc->first->next;
    assert_int_equal(code->kind, MDK_CODE);
    assert_string_equal(code->lang, "python");
    assert_int_equal(code->mark, '`');
    assert_string_equal(code->text, "with open(f) as x:\n    pass\n");
    assert_int_equal(diag_count(f.diag), 0);
    done(&f);
}

static void test_unterminated_fence_is_reported_at_its_opening_line(void **state)
{
    (void)state;
    Fixture f;
    parse(&f, "# T\n\ntext\n\n```python\nprint(1)\nprint(2)\n");
    assert_true(has_warning(f.diag, 5, "never closed"));
    done(&f);
}

static void test_fence_closed_inside_list_item_is_not_reported(void **state)
{
    (void)state;
    Fixture f;
    parse(&f, "1. Q?\n   - Example:\n     ```python\n     x = 1\n\n     y = 2\n     ```\n2. Next\n");
    assert_false(has_warning(f.diag, 0, "never closed"));
    done(&f);
}

static void test_fence_cut_by_end_of_list_item_is_reported(void **state)
{
    (void)state;
    Fixture f;
    parse(&f, "- Example:\n  ```\n  x = 1\nNot code any more.\n\nAnother paragraph.\n");
    assert_true(has_warning(f.diag, 2, "never closed"));
    done(&f);
}

static void test_deep_nesting_is_flattened_and_reported(void **state)
{
    (void)state;
    Fixture f;
    StrBuf md = {0};
    strbuf_puts(&md, "# Title\n\n");
    for (int i = 0; i < 5000; i++)
        strbuf_putc(&md, '>');
    strbuf_puts(&md, " deep text\n");
    for (int i = 0; i < 3000; i++) {
        for (int k = 0; k < i % 200; k++)
            strbuf_puts(&md, "  ");
        strbuf_puts(&md, "- item\n");
    }
    memset(&f.arena, 0, sizeof f.arena);
    f.diag = diag_new();
    f.doc = mdtree_parse(&f.arena, md.data, md.len, "t.md", f.diag);
    assert_non_null(f.doc);
    const MdNode *quote = f.doc->first->next; /* after the title */
    assert_non_null(quote);
    assert_int_equal(quote->kind, MDK_QUOTE);
    int depth = 1;
    for (const MdNode *n = quote; n; n = n->first)
        depth++;
    assert_true(depth <= MDTREE_MAX_DEPTH + 2);
    assert_true(has_warning(f.diag, 3, "flattened")); /* where the deep block is */
    /* The text survives, inside the deepest kept block. */
    const MdNode *n = quote;
    while (n->first)
        n = n->first;
    assert_non_null(strstr(n->text, "deep text"));
    strbuf_free(&md);
    done(&f);
}

static void test_entities_are_decoded_and_html_break_is_a_line_break(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "A &amp; B &lt;tag&gt; &#x2192; &copy; &bogus;<br>next <b>bold</b>\n");
    assert_string_equal(doc->first->text, "A & B <tag> \xE2\x86\x92 \xC2\xA9 &bogus;\nnext bold");
    done(&f);
}

static void test_bold_and_link_coverage_flags(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "**All bold here?**\n\n**Lead:** rest\n\n[All link](#x)\n\nplain **mid**\n");
    MdNode *p = doc->first;
    assert_true(p->all_bold);
    assert_false(p->all_link);
    p = p->next;
    assert_false(p->all_bold);
    assert_int_equal(p->bold_prefix_len, strlen("Lead:"));
    p = p->next;
    assert_true(p->all_link);
    p = p->next;
    assert_false(p->all_bold);
    assert_int_equal(p->bold_prefix_len, 0);
    done(&f);
}

static void test_image_alt_text_is_not_prose(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "Before ![badge alt](x.svg) after\n");
    assert_string_equal(doc->first->text, "Before  after");
    done(&f);
}

static void test_table_rows_join_cells(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "| a | b |\n|---|---|\n| 1 | `x` |\n");
    MdNode *t = doc->first;
    assert_int_equal(t->kind, MDK_TABLE);
    assert_int_equal(count_children(t), 2);
    assert_string_equal(t->first->text, "a | b");
    assert_string_equal(t->last->text, "1 | \x0ex\x0f");
    done(&f);
}

static void assert_cell(MdCell c, const char *want)
{
    assert_int_equal(c.len, strlen(want));
    assert_memory_equal(c.text, want, c.len);
}

/* A row's cells are told apart where its text cannot: an escaped pipe
 * inside a cell, empty cells, cells past the room given. */
static void test_table_rows_keep_their_cells(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "| Q | A | Why |\n|---|---|---|\n| pH \\| salt | `a \\| b` |  |\n"
                            "| | only |\n");
    MdNode *t = doc->first;
    MdCell c[3];
    assert_int_equal(mdtree_row_cells(t->first, c, 3), 3);
    assert_cell(c[0], "Q");
    assert_cell(c[2], "Why");
    MdNode *row = t->first->next;
    assert_string_equal(row->text, "pH | salt | \x0e" "a | b\x0f | ");
    assert_int_equal(mdtree_row_cells(row, c, 3), 3);
    assert_cell(c[0], "pH | salt");
    assert_cell(c[1], "\x0e" "a | b\x0f");
    assert_cell(c[2], "");
    /* A short row gets the header's width, its missing cells empty. */
    row = row->next;
    assert_int_equal(mdtree_row_cells(row, c, 2), 3);
    assert_cell(c[0], "");
    assert_cell(c[1], "only");
    done(&f);

    /* Wider than the cells kept apart: the last kept ends at its separator. */
    doc = parse(&f, "|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|2"
                    "0|21|22|23|24|25|26|27|28|29|30|31|32|33|34|\n"
                    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---"
                    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    MdCell wide[MDTREE_ROW_CELLS_MAX];
    assert_int_equal(mdtree_row_cells(doc->first->first, wide, MDTREE_ROW_CELLS_MAX), 34);
    assert_cell(wide[0], "1");
    assert_cell(wide[MDTREE_ROW_CELLS_MAX - 1], "32");
    done(&f);
}

static void test_html_block_text_is_kept_verbatim(void **state)
{
    (void)state;
    Fixture f;
    MdNode *doc = parse(&f, "<details><summary>Q?</summary>\n\nAnswer.\n\n</details>\n");
    assert_int_equal(doc->first->kind, MDK_HTML);
    assert_non_null(strstr(doc->first->text, "<summary>Q?</summary>"));
    assert_int_equal(doc->first->next->kind, MDK_P);
    assert_int_equal(doc->first->next->line, 3);
    done(&f);
}

static void test_link_cut_by_end_of_input_does_not_read_past_it(void **state)
{
    (void)state;
    /* The document ends inside a link destination; what follows in memory
     * continues it. md4c 0.4.8 reads on past the end here. */
    const char memory[] = " Awesome JavaScript Interview Questions [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n[![PRs Welcome](htt.shields.io/badge/PRs-welcome-brightgreen.svg?style=flat-s\x00""quare)](CONTRIBUTING<p";
    size_t len = 101;
    Arena arena = {0};
    Diagnostics *diag = diag_new();
    MdNode *doc = mdtree_parse(&arena, memory, len, "t.md", diag);
    assert_non_null(doc);
    assert_int_equal(doc->first->kind, MDK_P);
    assert_true(doc->first->text_len < len);
    assert_null(strstr(doc->first->text, "CONTRIBUTING"));
    arena_free(&arena);
    diag_free(diag);
}



/* Each item is numbered from the one before it: the last of a long list
 * gets the start plus its index. */
static void test_long_ordered_list_numbers_every_item(void **state)
{
    (void)state;
    StrBuf md = {0};
    for (int i = 0; i < 5000; i++)
        strbuf_printf(&md, "%d. item %d\n", i + 3, i);
    Fixture f;
    parse(&f, strbuf_str(&md));
    const MdNode *ol = f.doc->first;
    assert_int_equal(ol->kind, MDK_OL);
    assert_int_equal(ol->first->number, 3);
    assert_int_equal(ol->first->next->number, 4);
    assert_int_equal(ol->last->number, 5002);
    done(&f);
    strbuf_free(&md);
}

/* ---- streaming ---- */

typedef struct StreamLog {
    StrBuf kinds;      /* one letter per top-level block, as handed over */
    unsigned lines[64];
    size_t count;
    int ends;          /* calls with block NULL */
    int hold;          /* release nothing until the end */
    int order_ok;      /* every block handed over was doc->last */
} StreamLog;

static char kind_letter(const MdNode *n)
{
    static const char letters[] = "dqulrhHcmpTR";
    return letters[n->kind];
}

static void on_stream_block(MdStream *s, MdNode *doc, MdNode *block, void *userdata)
{
    StreamLog *log = userdata;
    if (!block) {
        log->ends++;
        /* Everything held is still intact at the end. */
        size_t i = 0;
        for (const MdNode *b = doc->first; b && log->hold && i < log->count; b = b->next, i++)
            assert_int_equal(b->line, log->lines[i]);
        mdtree_release(s, NULL);
        return;
    }
    log->order_ok &= doc->last == block && block->next == NULL && block->parent == doc;
    strbuf_putc(&log->kinds, kind_letter(block));
    if (log->count < 64)
        log->lines[log->count++] = block->line;
    if (!log->hold)
        mdtree_release(s, block); /* keep only the newest, to look ahead */
}

static void test_stream_hands_over_top_level_blocks_in_order(void **state)
{
    (void)state;
    const char *md = "# Title\n\nSome text.\n\n- a\n- b\n\n```c\nint x;\n```\n\n---\n\n"
                     "> quoted\n\n1. one\n2. two\n";
    Fixture f;
    parse(&f, md);
    StrBuf tree = {0};
    for (const MdNode *b = f.doc->first; b; b = b->next)
        strbuf_putc(&tree, kind_letter(b));
    for (int hold = 0; hold < 2; hold++) {
        StreamLog log = {0};
        log.hold = hold;
        log.order_ok = 1;
        size_t len = strlen(md);
        char *buf = malloc(len + MDTREE_SLACK);
        memcpy(buf, md, len);
        assert_int_equal(mdtree_stream(buf, len, "t.md", f.diag, NULL, on_stream_block, &log), 0);
        assert_string_equal(strbuf_str(&log.kinds), strbuf_str(&tree));
        assert_int_equal(log.ends, 1);
        assert_true(log.order_ok);
        assert_int_equal(log.lines[0], 1);
        assert_int_equal(log.lines[1], 3);
        strbuf_free(&log.kinds);
        free(buf);
    }
    strbuf_free(&tree);
    done(&f);
}

static void test_stream_keeps_held_blocks_across_many_chunks(void **state)
{
    (void)state;
    /* Thousands of blocks, far more than one arena chunk: blocks held
     * from the start stay valid while later ones come and go. */
    StrBuf md = {0};
    for (int i = 0; i < 3000; i++)
        strbuf_printf(&md, "Paragraph number %d with some words in it.\n\n", i);
    Diagnostics *diag = diag_new();
    for (int hold = 0; hold < 2; hold++) {
        StreamLog log = {0};
        log.hold = hold;
        log.order_ok = 1;
        char *buf = malloc(md.len + MDTREE_SLACK);
        memcpy(buf, md.data, md.len);
        assert_int_equal(mdtree_stream(buf, md.len, "t.md", diag, NULL, on_stream_block, &log), 0);
        assert_int_equal(log.kinds.len, 3000);
        assert_int_equal(log.lines[63], 127);
        assert_true(log.order_ok);
        strbuf_free(&log.kinds);
        free(buf);
    }
    diag_free(diag);
    strbuf_free(&md);
}

/* What a consumer saw of a stream: per top-level block its kind, its
 * line, its first leaf's text, and how many problems were reported when
 * it came. */
typedef struct BigLog {
    StrBuf seen;
    const Diagnostics *diag;
    int hold;
    int ends;
    size_t blocks, memos; /* blocks seen, and those with a memo */
} BigLog;

/* MdStreamHooks' prepare: each top-level block's line as its memo. */
static void memo_line(MdNode *block, Arena *arena, void *arg)
{
    size_t *calls = arg;
    uint32_t *line = arena_alloc(arena, sizeof *line);
    *line = block->line;
    block->memo = line;
    (*calls)++;
}

static int count_idle(void *arg)
{
    atomic_fetch_add((atomic_size_t *)arg, 1);
    return 0;
}

static const MdNode *first_leaf(const MdNode *n)
{
    while (n->first)
        n = n->first;
    return n;
}

/* "KIND LINE TEXT" of a top-level block, its line breaks shown as '|'. */
static void put_block(StrBuf *out, const MdNode *b)
{
    strbuf_printf(out, "%c %u ", kind_letter(b), b->line);
    for (const char *t = first_leaf(b)->text; *t; t++)
        strbuf_putc(out, *t == '\n' ? '|' : *t);
}

static void on_big_block(MdStream *s, MdNode *doc, MdNode *block, void *userdata)
{
    BigLog *log = userdata;
    (void)doc;
    if (!block) {
        log->ends++;
        strbuf_printf(&log->seen, "end %zu\n", diag_count(log->diag));
        mdtree_release(s, NULL);
        return;
    }
    put_block(&log->seen, block);
    strbuf_printf(&log->seen, " %zu\n", diag_count(log->diag));
    log->blocks++;
    if (block->memo) {
        assert_int_equal(*(const uint32_t *)block->memo, block->line);
        log->memos++;
    }
    if (!log->hold)
        mdtree_release(s, block);
}

static void log_tree(StrBuf *out, const MdNode *doc)
{
    for (const MdNode *b = doc->first; b; b = b->next) {
        put_block(out, b);
        strbuf_putc(out, '\n');
    }
}

/* Drops the problem counts from a BigLog, to compare it with a tree. */
static void strip_counts(StrBuf *out, const char *log)
{
    for (const char *line = log; *line;) {
        const char *nl = strchr(line, '\n');
        const char *sp = nl;
        while (sp > line && sp[-1] != ' ')
            sp--;
        if (strncmp(line, "end ", 4) != 0)
            strbuf_append(out, line, (size_t)(sp - line - 1));
        if (strncmp(line, "end ", 4) != 0)
            strbuf_putc(out, '\n');
        line = nl + 1;
    }
}

/* A document large enough to be parsed on a second thread: the blocks,
 * their lines and texts, and the problems (an unterminated fence in a list
 * item, nesting too deep, a fence left open at the end) are those of the
 * whole tree, and each problem is reported before the block it is in:
 * the same, to the block, as on one thread. */
static void test_stream_of_a_large_document_on_two_threads(void **state)
{
    (void)state;
    StrBuf md = {0};
    strbuf_puts(&md, "# Pack\n\n");
    for (int i = 0; i < 4000; i++) {
        strbuf_printf(&md, "## Topic %d\n\n1. **What is thing %d?**\n   - It is item %d.\n"
                           "     - **detail:** more words here.\n\n",
                      i, i, i);
        if (i % 500 == 7)
            strbuf_puts(&md, "```python\nprint(1)\n```\n\n");
        if (i == 1000)
            strbuf_puts(&md, "- an item\n  ```\n  open fence\n- next item\n\n");
        if (i == 2000) {
            for (int d = 0; d < MDTREE_MAX_DEPTH + 4; d++)
                strbuf_puts(&md, ">");
            strbuf_puts(&md, " deep\n\n");
        }
    }
    strbuf_puts(&md, "```\nnever closed\n");
    assert_true(md.len > MDTREE_STREAM_THREAD_BYTES);

    Fixture f;
    parse(&f, strbuf_str(&md));
    StrBuf want = {0};
    log_tree(&want, f.doc);
    assert_int_equal(diag_count(f.diag), 3);

    /* Both ways: on two threads, and (QA_THREADS=1) on one. */
    StrBuf logs[2] = {{0}, {0}};
    for (int run = 0; run < 3; run++) {
        int hold = run == 1;
        setenv("QA_THREADS", run == 2 ? "1" : "2", 1);
        BigLog log = {0};
        Diagnostics *diag = diag_new();
        log.diag = diag;
        log.hold = hold;
        char *buf = malloc(md.len + MDTREE_SLACK);
        memcpy(buf, md.data, md.len);
        size_t prepared = 0;
        atomic_size_t idle = 0;
        MdStreamHooks hooks = {memo_line, &prepared, count_idle, &idle};
        assert_int_equal(mdtree_stream(buf, md.len, "t.md", diag, &hooks, on_big_block, &log),
                         0);
        free(buf);
        /* Every block prepared, before it came, on two threads; none on one. */
        assert_true(log.blocks > 4000);
        assert_int_equal(prepared, run == 2 ? 0 : log.blocks);
        assert_int_equal(log.memos, prepared);
        if (run == 2)
            assert_int_equal(atomic_load(&idle), 0);
        StrBuf got = {0};
        strip_counts(&got, strbuf_str(&log.seen));
        assert_string_equal(strbuf_str(&got), strbuf_str(&want));
        assert_int_equal(log.ends, 1);
        assert_int_equal(diag_count(diag), 3);
        for (size_t i = 0; i < 3; i++) {
            assert_int_equal(diag_get(diag, i)->line, diag_get(f.diag, i)->line);
            assert_string_equal(diag_get(diag, i)->message, diag_get(f.diag, i)->message);
        }
        /* The fence in the list is reported before its list comes, and
         * the fence open at the end before the end. */
        char line[64];
        snprintf(line, sizeof line, "u %u an item 1\n", diag_get(f.diag, 0)->line - 1);
        assert_non_null(strstr(strbuf_str(&log.seen), line));
        assert_non_null(strstr(strbuf_str(&log.seen), "end 3\n"));
        strbuf_free(&got);
        if (run != 1)
            logs[run / 2] = log.seen;
        else
            strbuf_free(&log.seen);
        diag_free(diag);
    }
    unsetenv("QA_THREADS");
    /* The same problems at the same moments, to the block. */
    assert_string_equal(strbuf_str(&logs[0]), strbuf_str(&logs[1]));
    strbuf_free(&logs[0]);
    strbuf_free(&logs[1]);
    strbuf_free(&want);
    strbuf_free(&md);
    done(&f);
}

/* ---- a large document read in parts ----
 *
 * On two threads a large document is handed to md4c in parts cut at
 * heading lines (mdtree.c). Whatever sits at a cut, the blocks, their
 * lines and texts, every node below them and the problems must be those
 * of the whole document read at once. */

/* Every node of a subtree, one per line, with all it carries. */
static void dump_node(StrBuf *out, const MdNode *n, int depth)
{
    strbuf_printf(out, "%*s%c l%u-%u n%u b%u %d%d%d m%d v%u [%s] {", depth, "", kind_letter(n),
                  n->line, n->end_line, n->number, n->bold_prefix_len, n->all_bold,
                  n->all_link, n->all_anchor, n->mark, n->level, n->lang);
    for (const char *t = n->text; *t; t++)
        strbuf_putc(out, *t == '\n' ? '|' : *t);
    strbuf_puts(out, "}\n");
    for (const MdNode *k = n->first; k; k = k->next)
        dump_node(out, k, depth + 1);
}

typedef struct DumpLog {
    StrBuf out;
    const Diagnostics *diag;
} DumpLog;

static void on_dump_block(MdStream *s, MdNode *doc, MdNode *block, void *userdata)
{
    DumpLog *log = userdata;
    (void)doc;
    if (block)
        dump_node(&log->out, block, 0);
    strbuf_printf(&log->out, "problems %zu\n", diag_count(log->diag));
    mdtree_release(s, NULL);
}

/* The problems of a Diagnostics, one per line. */
static void dump_problems(StrBuf *out, const Diagnostics *d)
{
    for (size_t i = 0; i < diag_count(d); i++)
        strbuf_printf(out, "%u %s\n", diag_get(d, i)->line, diag_get(d, i)->message);
}

/* Streams md on two threads (read in parts) and compares everything with
 * the whole tree; on one thread too. */
static void assert_parts_read_as_whole(const StrBuf *md)
{
    assert_true(md->len > MDTREE_STREAM_THREAD_BYTES);
    Arena arena = {0};
    Diagnostics *whole_diag = diag_new();
    MdNode *doc = mdtree_parse(&arena, md->data, md->len, "t.md", whole_diag);
    assert_non_null(doc);
    StrBuf want = {0};
    for (const MdNode *b = doc->first; b; b = b->next)
        dump_node(&want, b, 0);
    dump_problems(&want, whole_diag);
    for (int run = 0; run < 2; run++) {
        setenv("QA_THREADS", run ? "1" : "2", 1);
        Diagnostics *diag = diag_new();
        DumpLog log = {{0}, diag};
        char *buf = malloc(md->len + MDTREE_SLACK);
        memcpy(buf, md->data, md->len);
        assert_int_equal(mdtree_stream(buf, md->len, "t.md", diag, NULL, on_dump_block, &log),
                         0);
        free(buf);
        /* Blocks only, then the problems, as for the whole tree. */
        StrBuf got = {0};
        for (const char *line = strbuf_str(&log.out); *line;) {
            const char *nl = strchr(line, '\n');
            if (strncmp(line, "problems ", 9) != 0)
                strbuf_append(&got, line, (size_t)(nl - line + 1));
            line = nl + 1;
        }
        dump_problems(&got, diag);
        assert_string_equal(strbuf_str(&got), strbuf_str(&want));
        strbuf_free(&got);
        strbuf_free(&log.out);
        diag_free(diag);
    }
    unsetenv("QA_THREADS");
    strbuf_free(&want);
    diag_free(whole_diag);
    arena_free(&arena);
}

/* Filler questions up to about `until` bytes. */
static void add_questions(StrBuf *md, size_t until, int *n)
{
    while (md->len < until) {
        strbuf_printf(md, "## Topic %d\n\n1. **What is thing %d?**\n   - It is *item* %d, "
                          "with `code` and a [link](#top).\n\n",
                      *n, *n, *n);
        (*n)++;
    }
}

/* Headings in code fences (backticks, tildes, longer fences, in a list
 * item, after an inline "```x```" that opens nothing) around every place
 * a part may end: none of them is taken for a cut. */
static void test_parts_skip_headings_inside_code(void **state)
{
    (void)state;
    StrBuf md = {0};
    int n = 0;
    for (size_t at = 60 * 1024; at < 1100 * 1024; at += 64 * 1024) {
        add_questions(&md, at, &n);
        strbuf_puts(&md, "```python\nx = 1\n\n# a comment\n\n## Not a heading\n```\n\n");
        strbuf_puts(&md, "~~~~\n```\n\n## Still code\n\n~~~~\n\n");
        strbuf_puts(&md, "- item\n\n  ```\n\n## Closes the item, not code\n\n");
        strbuf_puts(&md, "```x``` is code in a line\n\n## A heading\n\nText.\n\n");
        add_questions(&md, md.len + 4000, &n);
        strbuf_puts(&md, "````\n```\n\n## Code, the fence is four long\n\n```\n````\n\n");
    }
    assert_parts_read_as_whole(&md);
    strbuf_free(&md);
}

/* What the quick look at fences cannot see: headings inside an HTML
 * comment and an HTML block, a fence opened inside a comment, a heading
 * under an unterminated fence. md4c reads these parts again, joined to the
 * next, and the result is still the whole document's. */
static void test_parts_cut_where_md4c_disagrees_are_read_again(void **state)
{
    (void)state;
    StrBuf md = {0};
    int n = 0;
    for (size_t at = 60 * 1024; at < 1100 * 1024; at += 70 * 1024) {
        add_questions(&md, at, &n);
        strbuf_puts(&md, "<!--\n\n## Hidden heading\n\n```\n\n## Hidden too\n\n-->\n\n");
        add_questions(&md, md.len + 2000, &n);
        strbuf_puts(&md, "<pre>\n\n## In pre\n\n</pre>\n\n");
    }
    add_questions(&md, md.len + 300 * 1024, &n);
    strbuf_puts(&md, "```\nnever closed\n\n## Inside the open fence\n\n");
    add_questions(&md, md.len + 300 * 1024, &n);
    assert_parts_read_as_whole(&md);
    strbuf_free(&md);
}

/* A link reference defined far from where it is used holds for the whole
 * document, which is then read whole; nesting too deep is reported once,
 * in whichever part it first is; CRLF line breaks and lines of every part
 * count from the start. */
static void test_parts_keep_links_warnings_and_lines_of_the_whole(void **state)
{
    (void)state;
    StrBuf md = {0};
    int n = 0;
    strbuf_puts(&md, "See [the docs][docs].\r\n\r\n");
    add_questions(&md, 600 * 1024, &n);
    strbuf_puts(&md, "[docs]: https://docs.python.org\r\n\r\n");
    add_questions(&md, 700 * 1024, &n);
    assert_parts_read_as_whole(&md);
    strbuf_free(&md);

    StrBuf deep = {0};
    n = 0;
    for (size_t at = 100 * 1024; at < 900 * 1024; at += 300 * 1024) {
        add_questions(&deep, at, &n);
        for (int d = 0; d < MDTREE_MAX_DEPTH + 4; d++)
            strbuf_puts(&deep, ">");
        strbuf_puts(&deep, " deep\r\n\r\n");
    }
    add_questions(&deep, deep.len + 100 * 1024, &n);
    for (char *c = deep.data; (c = strchr(c, '\n')) != NULL; c++)
        if (c == deep.data || c[-1] != '\r') {
            /* CRLF everywhere: rebuild with "\r\n". */
            StrBuf crlf = {0};
            for (size_t i = 0; i < deep.len; i++) {
                if (deep.data[i] == '\n' && (i == 0 || deep.data[i - 1] != '\r'))
                    strbuf_putc(&crlf, '\r');
                strbuf_putc(&crlf, deep.data[i]);
            }
            strbuf_free(&deep);
            deep = crlf;
            break;
        }
    assert_parts_read_as_whole(&deep);
    strbuf_free(&deep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_carry_their_source_line),
        cmocka_unit_test(test_crlf_and_lone_cr_count_as_line_breaks),
        cmocka_unit_test(test_tight_list_item_text_becomes_a_paragraph),
        cmocka_unit_test(test_ordered_list_items_are_numbered_from_start),
        cmocka_unit_test(test_long_ordered_list_numbers_every_item),
        cmocka_unit_test(test_code_span_is_marked_and_code_block_keeps_language),
        cmocka_unit_test(test_unterminated_fence_is_reported_at_its_opening_line),
        cmocka_unit_test(test_fence_closed_inside_list_item_is_not_reported),
        cmocka_unit_test(test_fence_cut_by_end_of_list_item_is_reported),
        cmocka_unit_test(test_deep_nesting_is_flattened_and_reported),
        cmocka_unit_test(test_entities_are_decoded_and_html_break_is_a_line_break),
        cmocka_unit_test(test_bold_and_link_coverage_flags),
        cmocka_unit_test(test_image_alt_text_is_not_prose),
        cmocka_unit_test(test_table_rows_join_cells),
        cmocka_unit_test(test_table_rows_keep_their_cells),
        cmocka_unit_test(test_html_block_text_is_kept_verbatim),
        cmocka_unit_test(test_link_cut_by_end_of_input_does_not_read_past_it),
        cmocka_unit_test(test_stream_hands_over_top_level_blocks_in_order),
        cmocka_unit_test(test_stream_keeps_held_blocks_across_many_chunks),
        cmocka_unit_test(test_stream_of_a_large_document_on_two_threads),
        cmocka_unit_test(test_parts_skip_headings_inside_code),
        cmocka_unit_test(test_parts_cut_where_md4c_disagrees_are_read_again),
        cmocka_unit_test(test_parts_keep_links_warnings_and_lines_of_the_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
