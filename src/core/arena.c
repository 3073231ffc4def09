/* arena.c - bump allocator (see arena.h).
 *
 * Chunks grow geometrically up to 1 MiB so that a small corpus costs a few
 * kilobytes and a 50 MB one does not make thousands of tiny chunks. Requests
 * larger than a chunk get a chunk of their own.
 */
#include "arena.h"
#include "xalloc.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_MIN_CHUNK = 4096, ARENA_MAX_CHUNK = 1 << 20 };

/* size is a multiple of the alignment and more than the newest chunk has
 * left: a new chunk becomes the newest. */
void *arena_alloc_chunk(Arena *a, size_t size)
{
    ArenaChunk *c = a->head;
    size_t want = c ? c->size * 2 : ARENA_MIN_CHUNK;
    if (want > ARENA_MAX_CHUNK)
        want = ARENA_MAX_CHUNK;
    if (want < size)
        want = size;
    c = xmalloc(sizeof *c + want);
    c->size = want;
    c->next = a->head;
    a->head = c;
    a->next = (char *)c->data + size;
    a->end = (char *)c->data + want;
    a->total += size;
    return c->data;
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *d = arena_alloc_raw(a, len + 1);
    if (len)
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *arena_memdup(Arena *a, const void *p, size_t size)
{
    void *d = arena_alloc_raw(a, size ? size : 1);
    if (size)
        memcpy(d, p, size);
    return d;
}

static void arena_free_chunks(ArenaChunk *c)
{
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
}

void arena_free(Arena *a)
{
    arena_free_chunks(a->head);
    a->head = NULL;
    a->next = a->end = NULL;
    a->total = 0;
}

void arena_reset(Arena *a)
{
    ArenaChunk *keep = a->head;
    if (!keep)
        return;
    if (keep->next) {
        size_t all = 0;
        for (const ArenaChunk *c = keep; c; c = c->next)
            all += c->size;
        if (all > ARENA_MAX_CHUNK)
            all = keep->size > ARENA_MAX_CHUNK ? keep->size : ARENA_MAX_CHUNK;
        arena_free_chunks(keep);
        keep = xmalloc(sizeof *keep + all);
        keep->size = all;
        a->head = keep;
    }
    keep->next = NULL;
    a->next = (char *)keep->data;
    a->end = (char *)keep->data + keep->size;
    a->total = 0;
}
