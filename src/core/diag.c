/* diag.c - problems found in outside data (see diag.h). */
#include "diag.h"
#include "arena.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct Diagnostics {
    Arena arena;
    Diag *items;
    size_t count, cap;
    size_t totals[3];
    const char *last_file_copy; /* file names repeat: keep one copy per run */
};

Diagnostics *diag_new(void)
{
    return xcalloc(1, sizeof(Diagnostics));
}

void diag_free(Diagnostics *d)
{
    if (!d)
        return;
    free(d->items);
    arena_free(&d->arena);
    free(d);
}

static const char *diag_file_copy(Diagnostics *d, const char *file)
{
    if (!file)
        return "";
    if (d->last_file_copy && strcmp(d->last_file_copy, file) == 0)
        return d->last_file_copy;
    d->last_file_copy = arena_strdup(&d->arena, file);
    return d->last_file_copy;
}

void diag_add(Diagnostics *d, DiagLevel level, const char *file, unsigned line,
              const char *fmt, ...)
{
    if (!d)
        return;
    d->totals[level]++;
    if (d->count >= DIAG_MAX)
        return;
    StrBuf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(&msg, fmt, ap);
    va_end(ap);
    /* One message is one line: fold any newline that came from the input. */
    for (size_t i = 0; i < msg.len; i++)
        if (msg.data[i] == '\n' || msg.data[i] == '\r')
            msg.data[i] = ' ';
    d->items = xgrow(d->items, &d->cap, d->count + 1, sizeof *d->items);
    Diag *it = &d->items[d->count++];
    it->level = level;
    it->file = diag_file_copy(d, file);
    it->line = line;
    it->message = arena_strndup(&d->arena, strbuf_str(&msg), msg.len);
    strbuf_free(&msg);
}

size_t diag_count(const Diagnostics *d)
{
    return d ? d->count : 0;
}

const Diag *diag_get(const Diagnostics *d, size_t i)
{
    return i < d->count ? &d->items[i] : NULL;
}

size_t diag_total(const Diagnostics *d, DiagLevel level)
{
    return d ? d->totals[level] : 0;
}

void diag_take(Diagnostics *to, Diagnostics *from)
{
    if (!from)
        return;
    size_t kept[3] = {0, 0, 0};
    for (size_t i = 0; i < from->count; i++) {
        const Diag *it = &from->items[i];
        kept[it->level]++;
        diag_add(to, it->level, it->file, it->line, "%s", it->message);
    }
    /* Those from dropped would have been dropped by to as well: it holds
     * at least as many. Only their count moves. */
    if (to)
        for (int l = 0; l < 3; l++)
            to->totals[l] += from->totals[l] - kept[l];
    diag_free(from);
}

void diag_print(const Diagnostics *d, FILE *out, DiagLevel min_level)
{
    size_t shown = 0, total = 0;
    for (int l = (int)min_level; l <= DIAG_ERROR; l++)
        total += d->totals[l];
    for (size_t i = 0; i < d->count; i++) {
        const Diag *it = &d->items[i];
        if (it->level < min_level)
            continue;
        shown++;
        if (it->line)
            fprintf(out, "%s:%u: %s\n", it->file, it->line, it->message);
        else
            fprintf(out, "%s: %s\n", it->file, it->message);
    }
    if (total > shown)
        fprintf(out, "... and %zu more problems not shown\n", total - shown);
}
