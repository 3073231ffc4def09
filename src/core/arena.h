/* arena.h - bump allocator for data that lives and dies together.
 *
 * A question bank is built once and freed once, so its strings and arrays come
 * from an arena: allocation is a pointer bump, and one arena_free releases all.
 * Allocation failure aborts with a message (see xalloc.h): an arena never
 * returns NULL.
 */
#ifndef QA_ARENA_H
#define QA_ARENA_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena Arena;
struct Arena {
    ArenaChunk *head;   /* newest chunk; older ones follow */
    char *next, *end;   /* the free part of the newest chunk */
    size_t total;       /* bytes handed out, for statistics */
};

/* An arena needs no set-up beyond zero-initialisation: Arena a = {0}. */

/* Allocates from a new chunk (arena.c): the slow path of the two below. */
void *arena_alloc_chunk(Arena *a, size_t size);

/* Returns size bytes, not zeroed (for data written at once). Inline: the
 * tree builder and the bank allocate a few hundred thousand times. */
static inline void *arena_alloc_raw(Arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if ((uintptr_t)a->end - (uintptr_t)a->next < size) /* both NULL at first */
        return arena_alloc_chunk(a, size);
    void *p = a->next;
    a->next += size;
    a->total += size;
    return p;
}

/* Returns size bytes aligned for any type, zeroed. Owned by the arena. */
static inline void *arena_alloc(Arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}

/* Copies len bytes of s and adds a terminating NUL. Owned by the arena. */
char *arena_strndup(Arena *a, const char *s, size_t len);

/* Copies a NUL-terminated string. Owned by the arena. */
char *arena_strdup(Arena *a, const char *s);

/* Copies n elements of size elem. Owned by the arena. */
void *arena_memdup(Arena *a, const void *p, size_t size);

/* Releases everything the arena handed out; the arena is empty again. */
void arena_free(Arena *a);

/* Like arena_free, but keeps memory for reuse, so that memory used over and
 * over is not returned and faulted in again: the newest (largest) chunk
 * when it was the only one, else one chunk as large as all of them (up to
 * the largest chunk size), so that an arena filled to about the same size
 * again and again settles on a single chunk. */
void arena_reset(Arena *a);

#endif
