/* utf8.h - strict UTF-8 decoding and encoding.
 *
 * Corpus files come from anywhere, so every byte sequence is checked:
 * overlong forms, surrogates and code points above U+10FFFF are invalid.
 */
#ifndef QA_UTF8_H
#define QA_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Decodes one code point at s (len bytes available). Returns the number of
 * bytes used (1 to 4) and stores the code point, or returns 0 when the bytes
 * at s are not valid UTF-8. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (4 bytes). Returns the number of bytes written, 0 for
 * a value that is not a Unicode scalar value. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in a valid UTF-8 string of len bytes. */
size_t utf8_count(const char *s, size_t len);

/* Byte offset of the start of the code point containing offset i. */
size_t utf8_floor(const char *s, size_t i);

#endif
