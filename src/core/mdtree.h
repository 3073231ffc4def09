/* mdtree.h - a Markdown document as a small tree of blocks, built with md4c.
 *
 * md4c parses Markdown as a stream of callbacks; deciding what is a question
 * needs to look ahead and around (does this list item have nested content?
 * does this heading contain other questions?), so the stream is turned into
 * a tree: whole (mdtree_parse), or one top-level block at a time
 * (mdtree_stream) for readers that hold only what they still need. Only
 * what the corpus reader needs is kept: block kinds, the source line of
 * each block, and the text of leaf blocks as rich text (see text.h). Nesting deeper than MDTREE_MAX_DEPTH is flattened into the block
 * at that depth, so walking the tree recursively is safe on any input.
 *
 * All nodes and strings live in the caller's arena.
 */
#ifndef QA_MDTREE_H
#define QA_MDTREE_H

#include "arena.h"
#include "diag.h"

#include <stddef.h>
#include <stdint.h>

enum { MDTREE_MAX_DEPTH = 32, MDTREE_ROW_CELLS_MAX = 32 };

typedef enum MdKind {
    MDK_DOC,
    MDK_QUOTE,
    MDK_UL,
    MDK_OL,
    MDK_LI,
    MDK_HR,
    MDK_H,
    MDK_CODE,
    MDK_HTML,
    MDK_P,     /* paragraphs, and the text of tight list items */
    MDK_TABLE,
    MDK_ROW    /* one table row; its cells joined with " | " */
} MdKind;

typedef struct MdNode MdNode;
struct MdNode {
    MdNode *parent, *first, *last, *next;
    const char *text;       /* leaves: rich text (P, H, ROW), verbatim (CODE,
                               HTML); NUL-terminated; "" otherwise */
    const char *lang;       /* CODE: language of the info string, or "" */
    uint32_t text_len;
    uint32_t line;          /* first source line (1-based), 0 if unknown */
    uint32_t end_line;      /* last source line with text */
    uint32_t number;        /* OL: start number; LI in an OL: its number;
                               ROW: its cells (see mdtree_row_cells) */
    uint32_t bold_prefix_len; /* P: bytes of text covered by a leading strong
                               span, 0 if the text does not start bold */
    uint8_t kind;           /* MdKind */
    uint8_t level;          /* H: 1 to 6 */
    char mark;              /* UL bullet, OL delimiter, CODE fence char (0:
                               indented code), LI of a task list: its box
                               (' ', 'x' or 'X'), else 0 */
    uint8_t all_bold;       /* P, H: every visible character is strong */
    uint8_t all_link;       /* P, H: every visible character is link text */
    uint8_t all_anchor;     /* ... of links within the page ("#top"):
                               navigation, such as "back to top" */
    uint8_t pool;           /* streaming: which of the stream's two arenas
                               holds this top-level block */
    const void *memo;       /* streaming: what MdStreamHooks' prepare kept of
                               a top-level block, or NULL */
};

/* One cell of a table row: a piece of the row's text. */
typedef struct MdCell {
    const char *text;
    size_t len;
} MdCell;

/* The cells of a ROW node, where its text alone cannot tell them apart (a
 * cell may hold an escaped "|"). Stores at most max of them and returns
 * how many the row has. */
size_t mdtree_row_cells(const MdNode *row, MdCell *cells, size_t max);

/* Parses a UTF-8 Markdown document (sanitised by the caller: valid UTF-8,
 * no control bytes but tab and line endings). Problems found on the way
 * (unterminated code fences, nesting flattened) go to diag under file.
 * Returns the document node, or NULL if md4c failed (reported to diag).
 * The text is copied first (see MDTREE_SLACK). */
MdNode *mdtree_parse(Arena *arena, const char *text, size_t len, const char *file,
                     Diagnostics *diag);

/* Bytes a buffer must have beyond its text for mdtree_parse_in_place. */
enum { MDTREE_SLACK = 24 };

/* The same without a copy: text must be followed by MDTREE_SLACK bytes the
 * parser may overwrite (a line break and zero guard bytes that stop md4c
 * 0.4.8 from reading past the end). text must outlive the tree. */
MdNode *mdtree_parse_in_place(Arena *arena, char *text, size_t len, const char *file,
                              Diagnostics *diag);

/* Streaming: the same tree, handed over one top-level block at a time, so
 * that a large document is never held whole. fn is called with each
 * top-level block once it has ended (a child of doc; block->next is still
 * NULL), and once more with block NULL at the end of the document. The
 * blocks stay valid, linked from doc->first in order, until the consumer
 * releases them with mdtree_release; their memory is then reused. The
 * consumer may keep as many blocks as it needs (to look ahead).
 * Returns 0, or -1 if md4c failed (reported to diag). text is as for
 * mdtree_parse_in_place. */
/* From this size on, and with more than one processor (cpus.h), md4c and
 * the tree builder run on a second thread while fn reads blocks on the
 * caller's: the same blocks, in the same order, with problems reported to
 * diag in the same order. That thread hands md4c the document in parts
 * cut at headings, so that the first blocks come early (mdtree.c). */
enum { MDTREE_STREAM_THREAD_BYTES = 256 * 1024 };

typedef struct MdStream MdStream;
typedef void (*MdBlockFn)(MdStream *s, MdNode *doc, MdNode *block, void *userdata);

/* More work for the two threads of a large document; both are used only
 * when it is parsed on a second thread, so the consumer must do without.
 *
 * prepare(block, arena, prepare_arg) runs where the tree is built, once for
 * each top-level block as it ends, in order, before the consumer sees it.
 * It may set block->memo to what it works out (allocated in arena, which
 * lives as long as the block; the block is not to be changed otherwise),
 * so that the consumer need not work it out itself.
 *
 * idle(idle_arg) is work either thread does instead of waiting for the
 * other: it does a piece and returns 1, or returns 0 when there is none
 * now (see handoff.h). It must be safe to call from both threads. Both
 * also call it once the document is parsed, until it returns 0: the second
 * thread while the consumer still has blocks to read and after, the
 * caller before mdtree_stream returns. */
typedef struct MdStreamHooks {
    void (*prepare)(MdNode *block, Arena *arena, void *arg);
    void *prepare_arg; /* the second thread's own: prepare's scratch, say */
    int (*idle)(void *arg);
    void *idle_arg;
} MdStreamHooks;

/* hooks may be NULL, as may either of its functions. */
int mdtree_stream(char *text, size_t len, const char *file, Diagnostics *diag,
                  const MdStreamHooks *hooks, MdBlockFn fn, void *userdata);

/* Releases the top-level blocks before keep (all of them when keep is
 * NULL): the consumer is done with them and everything they point to. */
void mdtree_release(MdStream *s, MdNode *keep);

#endif
