/* strbuf.h - a growable byte string, always NUL-terminated.
 *
 * Used to assemble text piece by piece (parser callbacks, JSON, messages).
 * The buffer owns its memory; strbuf_free releases it, strbuf_take hands it
 * over to the caller.
 */
#ifndef QA_STRBUF_H
#define QA_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
    char *data;   /* NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
} StrBuf;

/* A StrBuf needs no set-up beyond zero-initialisation: StrBuf b = {0}. */

void strbuf_append(StrBuf *b, const char *s, size_t len);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
void strbuf_clear(StrBuf *b);
/* Cuts the contents back to their first len bytes (len <= b->len). */
void strbuf_truncate(StrBuf *b, size_t len);
/* Returns the contents ("" when empty); valid until the next change. */
const char *strbuf_str(const StrBuf *b);
/* Hands the heap string to the caller (free() it); the buffer is empty. */
char *strbuf_take(StrBuf *b);
void strbuf_free(StrBuf *b);

#endif
