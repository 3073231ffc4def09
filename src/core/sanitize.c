/* sanitize.c - a document's bytes made safe to parse (see sanitize.h). */
#include "sanitize.h"
#include "simd.h"

#include "mdtree.h"
#include "strbuf.h"
#include "utf8.h"

#include <ctype.h>
#include <string.h>

enum { SANITIZE_UTF8_REPORTS = 10 }; /* lines with invalid UTF-8 reported, per file */

#if QA_SSE2
/* Of sixteen bytes at p, those that are no printable ASCII nor a line feed:
 * controls, DEL and (signed: below 0x20 too) bytes >= 0x80. */
static inline __m128i sanitize_odd16(const char *p)
{
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i odd = _mm_andnot_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('\n')),
                                   _mm_cmplt_epi8(c, _mm_set1_epi8(0x20)));
    return _mm_or_si128(odd, _mm_cmpeq_epi8(c, _mm_set1_epi8(0x7F)));
}
#endif

const char *sanitize_document(const char *name, const char *data, size_t *len, char **owned,
                              Diagnostics *diag)
{
    *owned = NULL;
    if (*len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        *len -= 3;
    }
    size_t n = *len;
    size_t visible = 0, nul = 0, bad = 0, controls = 0;
    size_t sample = n < 65536 ? n : 65536, sample_bad = 0;
    for (size_t i = 0; i < n;) {
#if QA_SSE2
        /* Fast path: 64 printable ASCII bytes or line feeds at once, once
         * something visible has been seen; then 16. */
        if (visible && i + 64 <= n) {
            __m128i odd = _mm_setzero_si128();
            for (int q = 0; q < 4; q++)
                odd = _mm_or_si128(odd, sanitize_odd16(data + i + 16 * q));
            if (_mm_movemask_epi8(odd) == 0) {
                i += 64;
                continue;
            }
        }
        if (i + 16 <= n) {
            __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(data + i));
            if (_mm_movemask_epi8(sanitize_odd16(data + i)) == 0) {
                if (!visible) /* only "any at all" matters */
                    visible = _mm_movemask_epi8(_mm_cmpgt_epi8(c, _mm_set1_epi8(' '))) != 0;
                i += 16;
                continue;
            }
        }
#endif
        /* Fast path: eight printable ASCII bytes or line feeds at once. */
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, data + i, 8);
            const uint64_t low = 0x0101010101010101ull, high = 0x8080808080808080ull;
            /* Line feeds become '*' (0x0A | 0x20) for the test: the high
             * bit of each byte of w that is exactly 0x0A, shifted down. */
            uint64_t lf = w ^ (low * 0x0A);
            w |= (~(((lf & ~high) + ~high) | lf) & high) >> 2;
            /* No byte >= 0x80, no byte < 0x20 (x - 0x20 borrows), and no
             * DEL (0x7F: a zero byte in w ^ 0x7F7F...). */
            uint64_t del = w ^ (low * 0x7F);
            if (((w | (w - low * 0x20)) & high) == 0 && ((del - low) & ~del & high) == 0) {
                if (!visible) /* only "any at all" matters */
                    for (int k = 0; k < 8; k++)
                        visible += (unsigned char)data[i + k] > ' ';
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)data[i];
        if (c < 0x80) {
            if (c == 0)
                nul++;
            else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                controls++;
                if (i < sample)
                    sample_bad++;
            } else if (c == 0x7F) {
                controls++;
            } else if (!isspace(c)) {
                visible++;
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(data + i, n - i, &cp);
        if (k == 0) {
            bad++;
            if (i < sample)
                sample_bad++;
            i++;
        } else {
            visible++;
            i += k;
        }
    }
    if (nul > 0) {
        diag_add(diag, DIAG_ERROR, name, 0, "binary file (it contains NUL bytes), not Markdown");
        return NULL;
    }
    if (sample > 0 && sample_bad * 10 > sample) {
        diag_add(diag, DIAG_ERROR, name, 0,
                 "not a text file: %zu of its first %zu bytes are not UTF-8 text", sample_bad,
                 sample);
        return NULL;
    }
    if (visible == 0) {
        diag_add(diag, DIAG_ERROR, name, 0, "empty file: no questions");
        return NULL;
    }
    if (bad == 0 && controls == 0)
        return data;

    /* Repair: invalid bytes become U+FFFD, control bytes a space. */
    StrBuf out = {0};
    unsigned line = 1, reported = 0, last_reported_line = 0;
    int control_reported = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= n || data[i + 1] != '\n')))
            line++;
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
                if (!control_reported) {
                    control_reported = 1;
                    diag_add(diag, DIAG_WARNING, name, line,
                             "control character 0x%02X replaced by a space", c);
                }
                strbuf_putc(&out, ' ');
            } else {
                strbuf_putc(&out, (char)c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(data + i, n - i, &cp);
        if (k == 0) {
            if (line != last_reported_line && reported < SANITIZE_UTF8_REPORTS) {
                reported++;
                last_reported_line = line;
                diag_add(diag, DIAG_WARNING, name, line,
                         "invalid UTF-8 (byte 0x%02X) replaced by U+FFFD%s", c,
                         reported == SANITIZE_UTF8_REPORTS ? "; further lines not reported" : "");
            }
            strbuf_puts(&out, UTF8_REPLACEMENT);
            i++;
        } else {
            strbuf_append(&out, data + i, k);
            i += k;
        }
    }
    *len = out.len;
    static const char slack[MDTREE_SLACK];
    strbuf_append(&out, slack, sizeof slack); /* room for the parser */
    *owned = strbuf_take(&out);
    return *owned;
}
