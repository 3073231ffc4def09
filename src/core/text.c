/* text.c - rich text helpers and the wording tests the corpus reader uses
 * (see text.h).
 *
 * The wording tests are deliberately small lists of English words: a quiz
 * pack is written by people, and "does this read as a question" is decided
 * by the same cues a reader uses (a question mark, an interrogative, a
 * "Q:" label). The corpus reader combines them with the document structure.
 */
#include "text.h"
#include "simd.h"
#include "utf8.h"
#include "xalloc.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

int text_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int text_is_punct(uint32_t cp)
{
    if (cp < 0x80)
        return cp > ' ' && !isalnum((int)cp) && cp != 0x7F;
    return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x2190 && cp <= 0x21FF) ||
           (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3001 && cp <= 0x303F) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           cp == 0xFFFD;
}

/* Decodes one code point; invalid bytes (which sanitised text never has)
 * count as one punctuation byte so that loops always advance. */
static size_t text_next(const char *s, size_t len, size_t i, uint32_t *cp)
{
    size_t n = utf8_decode(s + i, len - i, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        n = 1;
    }
    return n;
}

void text_append_plain(StrBuf *out, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == TEXT_CODE_ON || s[i] == TEXT_CODE_OFF) {
            strbuf_append(out, s + start, i - start);
            start = i + 1;
        }
    }
    strbuf_append(out, s + start, len - start);
}

/* Longest run of backticks in s[0..len). */
static size_t text_longest_backtick_run(const char *s, size_t len)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

void text_append_markdown(StrBuf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *on = memchr(s + i, TEXT_CODE_ON, len - i);
        size_t plain_end = on ? (size_t)(on - s) : len;
        text_append_plain(out, s + i, plain_end - i);
        if (!on)
            break;
        size_t code_start = plain_end + 1;
        const char *off = memchr(s + code_start, TEXT_CODE_OFF, len - code_start);
        size_t code_end = off ? (size_t)(off - s) : len;
        size_t ticks = text_longest_backtick_run(s + code_start, code_end - code_start) + 1;
        int pad = code_end > code_start &&
                  (s[code_start] == '`' || s[code_end - 1] == '`');
        for (size_t t = 0; t < ticks; t++)
            strbuf_putc(out, '`');
        if (pad)
            strbuf_putc(out, ' ');
        strbuf_append(out, s + code_start, code_end - code_start);
        if (pad)
            strbuf_putc(out, ' ');
        for (size_t t = 0; t < ticks; t++)
            strbuf_putc(out, '`');
        i = off ? code_end + 1 : len;
    }
}

/* For ASCII: the byte a key keeps (lower case), or 0 for a separator. */
static unsigned char text_key_byte(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return c;
    return 0;
}

#if QA_SSE2
/* Bit j set when c[j] is an ASCII letter or digit; *upper: the capitals
 * as a byte mask. */
static inline unsigned text_alnum16(__m128i c, __m128i *upper)
{
    /* Signed compares: bytes >= 0x80 are negative, in none of these. */
    *upper = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('A' - 1)),
                           _mm_cmplt_epi8(c, _mm_set1_epi8('Z' + 1)));
    __m128i lower = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('a' - 1)),
                                  _mm_cmplt_epi8(c, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(c, _mm_set1_epi8('9' + 1)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(*upper, lower), digit));
}

/* The sixteen bytes at s (seventeen readable) with ASCII capitals in lower
 * case; *run is how many of them, from the first, a key keeps as they
 * are: letters and digits, and single spaces followed by one. */
static inline __m128i text_key16(const char *s, unsigned *run)
{
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i upper, ignored;
    unsigned alnum = text_alnum16(c, &upper);
    unsigned next_alnum =
        text_alnum16(_mm_loadu_si128((const __m128i *)(const void *)(s + 1)), &ignored);
    unsigned space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8(' ')));
    unsigned keep = alnum | (space & next_alnum);
    *run = (unsigned)__builtin_ctz(~keep | 0x10000u);
    return _mm_or_si128(c, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}
#endif

void text_append_key(StrBuf *out, const char *s, size_t len)
{
    /* A key is never longer than its text: reserve once (and sixteen
     * bytes for the wide stores below), write directly. */
    strbuf_append(out, "", 0);
    out->data = xgrow(out->data, &out->cap, out->len + len + 17, 1);
    char *w = out->data + out->len;
    char *start = w;
    int pending_space = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            unsigned char k = text_key_byte(c);
            if (!k) {
                pending_space = 1;
            } else {
                if (pending_space && w > start)
                    *w++ = ' ';
                pending_space = 0;
#if QA_SSE2
                if (i + 17 <= len) {
                    /* A run of letters and digits, sixteen bytes at once
                     * (at least one: s[i] is one). */
                    for (;;) {
                        unsigned run;
                        _mm_storeu_si128((__m128i *)(void *)w, text_key16(s + i, &run));
                        w += run;
                        i += run;
                        if (run < 16 || i + 17 > len)
                            break;
                    }
                    continue;
                }
#endif
                *w++ = (char)k;
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = text_next(s, len, i, &cp);
        if (text_is_space(cp) || text_is_punct(cp)) {
            pending_space = 1;
        } else {
            if (pending_space && w > start)
                *w++ = ' ';
            pending_space = 0;
            memcpy(w, s + i, n);
            w += n;
        }
        i += n;
    }
    out->len = (size_t)(w - out->data);
    out->data[out->len] = '\0';
}

/* Collapses white space from src into dst, which may be src itself (the
 * writes never overtake the reads). Returns the length written; no NUL. */
/* The end of the run of visible ASCII that starts at src[i] (a visible
 * byte), single spaces inside it included, each one followed by a visible
 * byte. */
static size_t text_visible_run(const char *src, size_t len, size_t i)
{
#if QA_SSE2
    /* Sixteen bytes at once; the byte after each is read too. A byte ends
     * the run when it is not visible and no space, or a space followed by
     * a byte that is not visible. */
    while (i + 17 <= len) {
        __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(src + i + 1));
        /* Signed: bytes >= 0x80 are below 0x21 too. */
        unsigned invisible = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(c, _mm_set1_epi8(0x21)));
        unsigned space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8(' ')));
        unsigned next_invisible =
            (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(next, _mm_set1_epi8(0x21)));
        unsigned stop = (invisible & ~space) | (space & next_invisible);
        if (stop)
            return i + (unsigned)__builtin_ctz(stop);
        i += 16;
    }
#endif
    while (i < len) {
        unsigned char d = (unsigned char)src[i];
        if (d > ' ' && d < 0x80) {
            i++;
        } else if (d == ' ' && i + 1 < len && (unsigned char)src[i + 1] > ' ' &&
                   (unsigned char)src[i + 1] < 0x80) {
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

static size_t text_collapse_into(char *dst, const char *src, size_t len)
{
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)src[i];
        if (c > ' ' && c < 0x80) {
            /* Fast path: a run of visible ASCII with single spaces inside
             * it is copied as it is, in one move (w <= i: safe in place). */
            if (space && w > 0)
                dst[w++] = ' ';
            space = 0;
            size_t start = i;
            i = text_visible_run(src, len, i);
            memmove(dst + w, src + start, i - start);
            w += i - start;
            continue;
        }
        size_t n = 1;
        int is_space;
        if (c < 0x80) {
            is_space = c == ' ' || (c >= '\t' && c <= '\r');
        } else {
            uint32_t cp;
            n = text_next(src, len, i, &cp);
            is_space = text_is_space(cp);
        }
        if (is_space) {
            space = 1;
        } else {
            if (space && w > 0)
                dst[w++] = ' ';
            space = 0;
            for (size_t k = 0; k < n; k++)
                dst[w++] = src[i + k];
        }
        i += n;
    }
    return w;
}

size_t text_collapse_space(char *s, size_t len)
{
    size_t w = text_collapse_into(s, s, len);
    if (w < len)
        s[w] = '\0';
    return w;
}

size_t text_copy_collapsed(char *dst, const char *src, size_t len)
{
    size_t w = text_collapse_into(dst, src, len);
    dst[w] = '\0';
    return w;
}

static int text_is_cut_trim(char c)
{
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '(' ||
           c == '/' || c == '&';
}

void text_append_cut(StrBuf *out, const char *s, size_t len, size_t max_chars)
{
    StrBuf plain = {0};
    text_append_plain(&plain, s, len);
    size_t chars = utf8_count(plain.data ? plain.data : "", plain.len);
    if (chars <= max_chars) {
        strbuf_append(out, strbuf_str(&plain), plain.len);
        strbuf_free(&plain);
        return;
    }
    /* Byte offset just past max_chars - 1 code points (room for the "…"). */
    size_t keep = 0, counted = 0;
    while (keep < plain.len && counted < max_chars - 1) {
        keep++;
        while (keep < plain.len && ((unsigned char)plain.data[keep] & 0xC0) == 0x80)
            keep++;
        counted++;
    }
    size_t cut = keep;
    /* Prefer the last word boundary, unless it throws away over a third. */
    size_t sp = keep;
    while (sp > 0 && plain.data[sp] != ' ')
        sp--;
    if (sp > keep * 2 / 3)
        cut = sp;
    while (cut > 0 && text_is_cut_trim(plain.data[cut - 1]))
        cut--;
    strbuf_append(out, plain.data, cut);
    strbuf_puts(out, "\xE2\x80\xA6");
    strbuf_free(&plain);
}

static size_t text_skip_space(const char *s, size_t len, size_t i)
{
    while (i < len) {
        uint32_t cp;
        size_t n = text_next(s, len, i, &cp);
        if (!text_is_space(cp))
            break;
        i += n;
    }
    return i;
}

size_t text_number_prefix(const char *s, size_t len)
{
    size_t i = 0;
    int paren = 0;
    if (i < len && (s[i] == '(' || s[i] == '#')) {
        paren = s[i] == '(';
        i++;
    }
    size_t digits = 0;
    while (i < len && isdigit((unsigned char)s[i]) && digits < 9) {
        i++;
        digits++;
    }
    if (digits == 0)
        return 0;
    if (paren) {
        if (i >= len || s[i] != ')')
            return 0;
        i++;
    } else if (i < len && (s[i] == '.' || s[i] == ')' || s[i] == ':')) {
        i++;
    } else if (s[0] != '#') {
        /* "12 - What..." */
        size_t j = text_skip_space(s, len, i);
        if (j == i || j >= len || (s[j] != '-' && strncmp(s + j, "\xE2\x80\x93", 3) != 0))
            return 0;
        i = j + (s[j] == '-' ? 1 : 3);
    }
    size_t j = text_skip_space(s, len, i);
    if (j == i && j < len)
        return 0; /* "3.14" is a number, not a prefix */
    return j;
}

size_t text_match_word(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    if (len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)s[i + k]) != w[k])
            return 0;
    if (i + n < len && isalnum((unsigned char)s[i + n]))
        return 0;
    return i + n;
}

/* After a label word: optional number, then a delimiter, then space. */
static size_t text_label_tail(const char *s, size_t len, size_t i, int allow_dot)
{
    i = text_skip_space(s, len, i);
    while (i < len && isdigit((unsigned char)s[i]))
        i++;
    i = text_skip_space(s, len, i);
    if (i >= len)
        return 0;
    if (s[i] == ':' || s[i] == ')' || s[i] == '-' || (allow_dot && s[i] == '.'))
        i++;
    else if (strncmp(s + i, "\xE2\x80\x93", 3) == 0 || strncmp(s + i, "\xE2\x80\x94", 3) == 0)
        i += 3;
    else
        return 0;
    return text_skip_space(s, len, i);
}

size_t text_question_label(const char *s, size_t len)
{
    if (len == 0 || (s[0] != 'q' && s[0] != 'Q'))
        return 0;
    static const char *const words[] = {"question", "q"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t i = text_match_word(s, len, 0, words[k]);
        if (!i) {
            /* "Q1:" has no word boundary between Q and 1. */
            if (k == 1 && len > 1 && (s[0] == 'q' || s[0] == 'Q') &&
                isdigit((unsigned char)s[1]))
                i = 1;
            else
                continue;
        }
        size_t end = text_label_tail(s, len, i, 1);
        if (end)
            return end;
    }
    return 0;
}

size_t text_answer_label(const char *s, size_t len)
{
    /* Every label starts with one of these letters. */
    if (len == 0 || !strchr("aAsSeEcCrR", s[0]))
        return 0;
    static const char *const whole[] = {
        "answer", "answers", "solution", "show answer", "show solution",
        "see answer", "reveal answer", "click to expand", "click to see answer",
        "click to reveal", "explanation", "ans"};
    if (len <= 24) {
        StrBuf key = {0};
        text_append_key(&key, s, len);
        for (size_t k = 0; k < sizeof whole / sizeof *whole; k++) {
            if (strcmp(strbuf_str(&key), whole[k]) == 0) {
                strbuf_free(&key);
                return len;
            }
        }
        strbuf_free(&key);
    }
    static const char *const words[] = {"answer", "ans", "solution", "explanation", "a"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t i = text_match_word(s, len, 0, words[k]);
        if (!i && k == 4 && len > 1 && (s[0] == 'a' || s[0] == 'A') &&
            isdigit((unsigned char)s[1]))
            i = 1;
        if (!i)
            continue;
        /* "A." may open a sentence and "A)" a choice; "A1." is a label. */
        int bare = k == 4 && !(i < len && isdigit((unsigned char)s[i]));
        if (bare && text_skip_space(s, len, i) < len && s[text_skip_space(s, len, i)] == ')')
            continue;
        size_t end = text_label_tail(s, len, i, !bare);
        if (end)
            return end;
    }
    return 0;
}

/* Words that open a question or a task set to the reader. */
static const char *const text_question_words[] = {
    "what", "what's", "whats", "why", "how", "when", "where", "which", "who",
    "whom", "whose", "explain", "describe", "define", "compare", "contrast",
    "differentiate", "distinguish", "discuss", "elaborate", "illustrate",
    "summarize", "summarise", "outline", "list", "name", "give", "write",
    "implement", "state", "tell", "mention", "identify", "predict",
    "difference", "differences", "advantages", "disadvantages", "benefits",
    "pros"};

/* The subset that opens a question even in a heading, where "List" or
 * "Name" would more often start a section title. */
static const char *const text_interrogatives[] = {
    "what", "why", "how", "when", "where", "which", "who", "whom", "whose",
    "explain", "describe", "define", "compare", "contrast", "differentiate",
    "distinguish", "discuss", "elaborate", "illustrate", "difference",
    "differences"};

static int text_ends_with_question_mark(const char *s, size_t len)
{
    while (len > 0) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == ')' ||
            c == ']' || c == '*' || c == '_' || c == TEXT_CODE_OFF) {
            len--;
        } else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
                   (unsigned char)s[len - 2] == 0x80 &&
                   ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99)) {
            len -= 3; /* closing curly quote */
        } else {
            break;
        }
    }
    return len > 0 && (s[len - 1] == '?' ||
                       (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x9F", 3) == 0));
}

/* A set of the words above for looking a word up in one probe: each word
 * (at most TEXT_SET_WORD bytes) zero-padded into two 64-bit keys. A
 * question opens with one of a few dozen words, and most texts looked at
 * open with none: comparing the first word with each in turn cost more
 * than the rest of the look at a text. */
enum { TEXT_SET_SLOTS = 128, TEXT_SET_WORD = 15 };

typedef struct TextWordSet {
    uint64_t key[TEXT_SET_SLOTS][2]; /* key[i][0] 0: free */
} TextWordSet;

static TextWordSet text_question_set, text_interrogative_set;
static pthread_once_t text_sets_once = PTHREAD_ONCE_INIT;

static size_t text_set_home(uint64_t k0, uint64_t k1)
{
    uint64_t h = (k0 ^ (k1 * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 57); /* 7 bits: TEXT_SET_SLOTS */
}

static void text_set_add(TextWordSet *set, const char *word)
{
    uint64_t k[2] = {0, 0};
    memcpy(k, word, strlen(word));
    size_t i = text_set_home(k[0], k[1]);
    while (set->key[i][0])
        i = (i + 1) % TEXT_SET_SLOTS;
    set->key[i][0] = k[0];
    set->key[i][1] = k[1];
}

static void text_sets_fill(void)
{
    for (size_t k = 0; k < sizeof text_question_words / sizeof *text_question_words; k++)
        text_set_add(&text_question_set, text_question_words[k]);
    for (size_t k = 0; k < sizeof text_interrogatives / sizeof *text_interrogatives; k++)
        text_set_add(&text_interrogative_set, text_interrogatives[k]);
}

/* True when the first word of s (lower-cased ASCII letters and
 * apostrophes) is in the set. */
static int text_starts_with_any(const char *s, size_t len, const TextWordSet *set)
{
    size_t i = 0;
    while (i < len && (s[i] == TEXT_CODE_ON || s[i] == ' '))
        i++;
    unsigned char word[16] = {0};
    size_t n = 0;
    while (i + n < len && n < TEXT_SET_WORD) {
        unsigned char c = (unsigned char)s[i + n];
        unsigned char lower = c | 0x20;
        if (lower >= 'a' && lower <= 'z')
            word[n++] = lower;
        else if (c == '\'')
            word[n++] = c;
        else
            break;
    }
    if (n == 0 || n == TEXT_SET_WORD)
        return 0;
    uint64_t k0, k1;
    memcpy(&k0, word, 8);
    memcpy(&k1, word + 8, 8);
    pthread_once(&text_sets_once, text_sets_fill);
    for (size_t at = text_set_home(k0, k1); set->key[at][0]; at = (at + 1) % TEXT_SET_SLOTS)
        if (set->key[at][0] == k0 && set->key[at][1] == k1)
            return 1;
    return 0;
}

int text_ends_with_question(const char *s, size_t len)
{
    return text_ends_with_question_mark(s, len);
}

/* Length of a leading "True or false", "True/False" or "Fill in the
 * blank(s)", or 0. */
static size_t text_task_phrase(const char *s, size_t len)
{
    static const char *const phrases[] = {"true or false", "true/false", "true / false",
                                          "fill in the blanks", "fill in the blank"};
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == TEXT_CODE_ON))
        i++;
    if (i == len || !strchr("tTfF", s[i]))
        return 0; /* most texts: no need to compare */
    for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++) {
        size_t n = strlen(phrases[k]);
        if (i + n <= len && strncasecmp(s + i, phrases[k], n) == 0 &&
            (i + n == len || !isalnum((unsigned char)s[i + n])))
            return i + n;
    }
    return 0;
}

int text_is_task_label(const char *s, size_t len)
{
    size_t n = text_task_phrase(s, len);
    if (n == 0)
        return 0;
    while (n < len && (s[n] == ' ' || s[n] == ':' || s[n] == '?' || s[n] == '.' ||
                       s[n] == '-' || s[n] == TEXT_CODE_OFF))
        n++;
    return n == len;
}

int text_true_or_false(const char *s, size_t len)
{
    size_t n = text_task_phrase(s, len);
    return n > 0 && (s[n - 1] == 'e' || s[n - 1] == 'E');
}

int text_reads_as_question(const char *s, size_t len)
{
    return text_ends_with_question_mark(s, len) ||
           text_starts_with_any(s, len, &text_question_set) ||
           text_task_phrase(s, len) > 0;
}

int text_opens_as_question(const char *s, size_t len)
{
    return text_ends_with_question_mark(s, len) ||
           text_starts_with_any(s, len, &text_interrogative_set) ||
           text_task_phrase(s, len) > 0;
}

int text_refers_to_code(const char *s, size_t len)
{
    static const char *const words[] = {
        "this", "these", "following", "below", "above", "snippet", "code", "program",
        "script", "output", "outputs", "print", "prints", "printed", "display", "displays",
        "return", "returns", "result", "given", "here"};
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    if (len > 0 && s[len - 1] == ':')
        return 1;
    StrBuf key = {0};
    text_append_key(&key, s, len);
    const char *k = strbuf_str(&key);
    int found = 0;
    for (const char *w = k; *w && !found; w += strcspn(w, " "), w += *w == ' ') {
        size_t n = strcspn(w, " ");
        for (size_t i = 0; i < sizeof words / sizeof *words && !found; i++)
            found = strlen(words[i]) == n && strncmp(w, words[i], n) == 0;
    }
    strbuf_free(&key);
    return found;
}

int text_is_chatter(const char *s, size_t len)
{
    static const char *const openers[] = {
        "let me know", "hope this helps", "hope that helps", "i hope", "hope you",
        "feel free", "happy coding", "happy learning", "good luck", "best of luck",
        "thanks for", "thank you for", "if you have any", "if you d like",
        "if you would like", "would you like", "do you want", "all the best",
        "let me", "i can also", "i ll", "want me to"};
    size_t lead = 0;
    while (lead < len && !isalnum((unsigned char)s[lead]) && (unsigned char)s[lead] < 0x80)
        lead++;
    if (lead == len)
        return 0;
    /* The text must start like an opener before a key is made: with its
     * first letter, and when an ASCII byte ends the run of letters and
     * digits here (the key's first word), with its whole first word. */
    size_t end = lead;
    while (end < len && isalnum((unsigned char)s[end]))
        end++;
    size_t n = end - lead;
    int whole = end == len || (unsigned char)s[end] < 0x80;
    int c = tolower((unsigned char)s[lead]), first = 0;
    for (size_t i = 0; i < sizeof openers / sizeof *openers && !first; i++)
        first = openers[i][0] == c &&
                (!whole || (strncasecmp(s + lead, openers[i], n) == 0 && openers[i][n] == ' '));
    if (!first)
        return 0;
    StrBuf key = {0};
    text_append_key(&key, s, len < 48 ? len : 48);
    const char *k = strbuf_str(&key);
    int found = 0;
    for (size_t i = 0; i < sizeof openers / sizeof *openers && !found; i++) {
        size_t n = strlen(openers[i]);
        found = strncmp(k, openers[i], n) == 0 && (k[n] == ' ' || k[n] == '\0');
    }
    strbuf_free(&key);
    return found;
}
