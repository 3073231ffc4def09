/* sanitize.h - a document's bytes made safe to parse.
 *
 * A quiz pack may be anything: a file saved with a UTF-8 byte-order mark,
 * a binary renamed .md, text with invalid UTF-8 or control bytes. Before
 * Markdown is parsed, the byte-order mark is skipped, a file that is not
 * text is refused, and invalid UTF-8 and control bytes are replaced, each
 * reported by line.
 */
#ifndef QA_SANITIZE_H
#define QA_SANITIZE_H

#include "diag.h"

#include <stddef.h>

/* Checks and repairs the *len bytes of a document, named name in messages.
 * Returns the text to parse, its length in *len: data itself (past a
 * byte-order mark) when nothing needed repair, else a heap copy stored in
 * *owned (the caller frees it; it has MDTREE_SLACK bytes to spare after
 * the text), or NULL when the file cannot be used. */
const char *sanitize_document(const char *name, const char *data, size_t *len, char **owned,
                              Diagnostics *diag);

#endif
