/* text.c - fonts, text layout and the cache of rendered text (see text.h).
 *
 * Each font file is read once into memory; a face at a new size opens from
 * that memory. The cache is an open-addressing table keyed by face, size
 * and bytes, with least-recently-used eviction that never evicts what the
 * scene being built has already taken (entries carry the generation of
 * their last use).
 */
#include "text.h"
#include "../core/hash.h"
#include "../core/strbuf.h"
#include "../core/text.h"
#include "../core/utf8.h"
#include "../core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* ---- fonts ---- */

enum { FONTS_MAX_OPEN = 48 };

/* The faces, then the font every face falls back to for a character it
 * has no glyph for: symbols and emoji, which authors put in their packs
 * and DejaVu lacks (tools/make-symbol-font). */
enum { FONT_SYMBOL = FACE_COUNT, FONT_FILES };

static const char *const font_files[FONT_FILES] = {
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "Symbola-symbols.ttf"};

typedef struct OpenFont {
    int file;
    int px;
    TTF_Font *font;
    unsigned long used;
} OpenFont;

struct Fonts {
    void *data[FONT_FILES]; /* the font files, kept in memory */
    size_t size[FONT_FILES];
    OpenFont open[FONTS_MAX_OPEN];
    size_t count;
    unsigned long clock;
};

static TTF_Font *fonts_file_at(Fonts *f, int file, int px);

Fonts *fonts_open(const char *dir, char *err, size_t errlen)
{
    Fonts *f = xcalloc(1, sizeof *f);
    for (int i = 0; i < FONT_FILES; i++) {
        StrBuf path = {0};
        strbuf_printf(&path, "%s/%s", dir, font_files[i]);
        errno = 0;
        f->data[i] = SDL_LoadFile(strbuf_str(&path), &f->size[i]);
        if (!f->data[i]) {
            /* SDL's message after a failed open is about its own arguments;
             * the reason is in errno. */
            snprintf(err, errlen, "cannot read the font %s: %s", strbuf_str(&path),
                     errno ? strerror(errno) : SDL_GetError());
            strbuf_free(&path);
            fonts_close(f);
            return NULL;
        }
        strbuf_free(&path);
    }
    /* A first open proves the files are fonts. */
    for (int i = 0; i < FONT_FILES; i++) {
        if (!fonts_file_at(f, i, 16)) {
            snprintf(err, errlen, "not a usable font: %s/%s: %s", dir, font_files[i],
                     TTF_GetError());
            fonts_close(f);
            return NULL;
        }
    }
    return f;
}

void fonts_close(Fonts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->count; i++)
        TTF_CloseFont(f->open[i].font);
    for (int i = 0; i < FONT_FILES; i++)
        SDL_free(f->data[i]);
    free(f);
}

static TTF_Font *fonts_file_at(Fonts *f, int file, int px)
{
    if (px < 4)
        px = 4;
    f->clock++;
    for (size_t i = 0; i < f->count; i++) {
        if (f->open[i].file == file && f->open[i].px == px) {
            f->open[i].used = f->clock;
            return f->open[i].font;
        }
    }
    SDL_RWops *rw = SDL_RWFromConstMem(f->data[file], (int)f->size[file]);
    TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!font)
        return NULL;
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    size_t slot = f->count;
    if (f->count == FONTS_MAX_OPEN) {
        /* Window resized many times: close the least recently used. */
        slot = 0;
        for (size_t i = 1; i < f->count; i++)
            if (f->open[i].used < f->open[slot].used)
                slot = i;
        TTF_CloseFont(f->open[slot].font);
    } else {
        f->count++;
    }
    f->open[slot] = (OpenFont){file, px, font, f->clock};
    return font;
}

TTF_Font *fonts_get(Fonts *f, Face face, int px)
{
    return fonts_file_at(f, (int)face, px);
}

/* ---- characters the face lacks ---- */

/* Which font draws a character. */
typedef enum Pick {
    PICK_FACE,    /* the face itself */
    PICK_SYMBOL,  /* the symbol font */
    PICK_SILENT,  /* nothing: a joiner, a variation selector or a skin tone
                     only modifies the character before it */
    PICK_MISSING  /* nothing: no font has it (better than an empty box) */
} Pick;

static Pick fonts_pick(TTF_Font *face, TTF_Font *symbol, uint32_t cp)
{
    if (cp < 0x80)
        return PICK_FACE;
    if (cp == 0x200D || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) ||
        (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F))
        return PICK_SILENT;
    if (TTF_GlyphIsProvided32(face, cp))
        return PICK_FACE;
    if (symbol && TTF_GlyphIsProvided32(symbol, cp))
        return PICK_SYMBOL;
    return PICK_MISSING;
}

/* True when every byte is ASCII: the face draws it all (the usual case,
 * which skips looking up each character). */
static int fonts_ascii(const char *s, size_t len)
{
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++)
        any |= (unsigned char)s[i];
    return any < 0x80;
}

/* The next run of s from *at that one font draws: its start and length
 * (0 at the end) and its font in *pick (PICK_FACE or PICK_SYMBOL).
 * Characters no font draws are skipped. */
static size_t fonts_next_run(TTF_Font *face, TTF_Font *symbol, const char *s, size_t len,
                             size_t *at, size_t *start, Pick *pick)
{
    size_t i = *at;
    size_t run = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) { /* not UTF-8: the face shows what SDL_ttf makes of it */
            cp = 0;
            n = 1;
        }
        Pick p = fonts_pick(face, symbol, cp);
        if (run == 0) {
            if (p == PICK_SILENT || p == PICK_MISSING) {
                i += n;
                continue;
            }
            *start = i;
            *pick = p;
        } else if (p != *pick) {
            break;
        }
        run += n;
        i += n;
    }
    *at = i;
    return run;
}

static char *text_scratch(size_t len)
{
    static char *buf;
    static size_t cap;
    if (len + 1 > cap) {
        cap = (len + 1) * 2;
        buf = xrealloc(buf, cap);
    }
    return buf;
}

/* Width of s in a face at px, each character in the font that draws it. */
static int text_width(Fonts *f, Face face, int px, const char *s, size_t len)
{
    TTF_Font *font = fonts_get(f, face, px);
    if (!font || len == 0)
        return 0;
    TTF_Font *symbol = fonts_ascii(s, len) ? NULL : fonts_file_at(f, FONT_SYMBOL, px);
    char *tmp = text_scratch(len);
    if (!symbol) {
        memcpy(tmp, s, len);
        tmp[len] = '\0';
        int w = 0, h = 0;
        return TTF_SizeUTF8(font, tmp, &w, &h) == 0 ? w : (int)len * px / 2;
    }
    int total = 0;
    size_t at = 0, start = 0, n;
    Pick pick;
    while ((n = fonts_next_run(font, symbol, s, len, &at, &start, &pick)) > 0) {
        memcpy(tmp, s + start, n);
        tmp[n] = '\0';
        int w = 0, h = 0;
        if (TTF_SizeUTF8(pick == PICK_SYMBOL ? symbol : font, tmp, &w, &h) == 0)
            total += w;
    }
    return total;
}

/* Renders s (NUL-terminated, len bytes) in a face at px: each run in the
 * font that draws it, on the face's baseline, in one surface as tall as
 * the face's lines. NULL when nothing is drawn. */
static SDL_Surface *fonts_render(Fonts *f, Face face, int px, SDL_Color color, const char *s,
                                 size_t len)
{
    TTF_Font *font = fonts_get(f, face, px);
    if (!font)
        return NULL;
    TTF_Font *symbol = fonts_ascii(s, len) ? NULL : fonts_file_at(f, FONT_SYMBOL, px);
    if (!symbol)
        return TTF_RenderUTF8_Blended(font, s, color);
    SDL_Surface **runs = NULL;
    int *run_y = NULL;
    size_t count = 0, cap = 0, y_cap = 0;
    int width = 0;
    size_t at = 0, start = 0, n;
    Pick pick;
    char *tmp = xmalloc(len + 1);
    while ((n = fonts_next_run(font, symbol, s, len, &at, &start, &pick)) > 0) {
        memcpy(tmp, s + start, n);
        tmp[n] = '\0';
        TTF_Font *by = pick == PICK_SYMBOL ? symbol : font;
        SDL_Surface *r = TTF_RenderUTF8_Blended(by, tmp, color);
        if (!r)
            continue;
        runs = xgrow(runs, &cap, count + 1, sizeof *runs);
        run_y = xgrow(run_y, &y_cap, count + 1, sizeof *run_y);
        run_y[count] = TTF_FontAscent(font) - TTF_FontAscent(by);
        runs[count++] = r;
        width += r->w;
    }
    free(tmp);
    SDL_Surface *out = NULL;
    if (count == 1 && run_y[0] == 0) {
        out = runs[0];
        count = 0;
    } else if (width > 0) {
        out = SDL_CreateRGBSurfaceWithFormat(0, width, TTF_FontHeight(font), 32,
                                             SDL_PIXELFORMAT_ARGB8888);
        int x = 0;
        for (size_t i = 0; out && i < count; i++) {
            SDL_Rect to = {x, run_y[i], runs[i]->w, runs[i]->h};
            SDL_SetSurfaceBlendMode(runs[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(runs[i], NULL, out, &to);
            x += runs[i]->w;
        }
    }
    for (size_t i = 0; i < count; i++)
        SDL_FreeSurface(runs[i]);
    free(runs);
    free(run_y);
    return out;
}

void text_size(Fonts *f, Face face, int px, const char *s, int *w, int *h)
{
    *w = *h = 0;
    TTF_Font *font = fonts_get(f, face, px);
    if (font && *s) {
        *w = text_width(f, face, px, s, strlen(s));
        *h = TTF_FontHeight(font);
    }
}

int text_line_height(Fonts *f, Face face, int px)
{
    TTF_Font *font = fonts_get(f, face, px);
    return font ? TTF_FontLineSkip(font) : px;
}

/* ---- layout ---- */

static TextPiece *text_add(TextBox *box)
{
    box->pieces = xgrow(box->pieces, &box->cap, box->count + 1, sizeof *box->pieces);
    TextPiece *p = &box->pieces[box->count++];
    memset(p, 0, sizeof *p);
    return p;
}

/* Bytes of s that fit in width, cut at a code point boundary (at least
 * one code point, so layout always advances). */
static size_t text_fit_chars(Fonts *f, Face face, int px, const char *s, size_t len, int width)
{
    size_t lo = 1, hi = len, best = 0;
    /* Binary search on code point counts. */
    size_t cps = utf8_count(s, len);
    lo = 1;
    hi = cps;
    while (lo <= hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t bytes = 0, n = 0;
        while (bytes < len && n < mid) {
            bytes++;
            while (bytes < len && ((unsigned char)s[bytes] & 0xC0) == 0x80)
                bytes++;
            n++;
        }
        if (text_width(f, face, px, s, bytes) <= width) {
            best = bytes;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (best == 0) {
        best = 1;
        while (best < len && ((unsigned char)s[best] & 0xC0) == 0x80)
            best++;
    }
    return best;
}

/* Inline code next to prose: the mono face looks larger at equal size. */
static int text_code_px(int px)
{
    return px * 9 / 10 > 4 ? px * 9 / 10 : px;
}

void text_layout(Fonts *f, TextBox *box, const char *rich, Face face, int px, int width)
{
    box->count = 0;
    box->width = 0;
    box->lines = 0;
    for (int i = 0; i < FACE_COUNT; i++)
        box->px[i] = px;
    box->px[FACE_MONO] = face == FACE_MONO ? px : text_code_px(px);
    int line_h = text_line_height(f, face, px);
    int x = 0, y = 0;
    int started = 0;
    Face cur = face;
    const char *p = rich;
    TextPiece *last = NULL;
    while (*p) {
        if (*p == TEXT_CODE_ON) {
            cur = FACE_MONO;
            p++;
            continue;
        }
        if (*p == TEXT_CODE_OFF) {
            cur = face;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\n') {
            p++;
            continue;
        }
        /* A word: up to a space or a face change. */
        const char *start = p;
        while (*p && *p != ' ' && *p != '\n' && *p != TEXT_CODE_ON && *p != TEXT_CODE_OFF)
            p++;
        size_t len = (size_t)(p - start);
        /* Glued to the previous word (no space between): "open()." The
         * byte before the word may be a code marker: look past it. */
        const char *before = start;
        while (before > rich && (before[-1] == TEXT_CODE_ON || before[-1] == TEXT_CODE_OFF))
            before--;
        int glued = last && before > rich && before[-1] != ' ' && before[-1] != '\n';
        int w = text_width(f, cur, box->px[cur], start, len);
        int space = glued || x == 0 ? 0 : text_width(f, cur, box->px[cur], " ", 1);
        /* Where the line would end: a word that joins the previous piece
         * is measured with it (kerning makes the whole differ from the sum
         * of its parts). */
        int mergeable = last && last->face == cur && last->y == y &&
                        last->text + last->len + (glued ? 0 : 1) == start;
        int end = mergeable ? last->x + text_width(f, cur, box->px[cur], last->text,
                                                   (size_t)(start + len - last->text))
                            : x + space + w;
        if (!started) {
            started = 1;
            box->lines = 1;
        } else if (x > 0 && end > width) {
            x = 0;
            y += line_h;
            box->lines++;
            space = 0;
            glued = 0;
        }
        while (w > width && len > 0) {
            /* A word wider than the line: cut it. */
            size_t fit = text_fit_chars(f, cur, box->px[cur], start, len, width - x);
            if (x > 0 && fit == len)
                break;
            TextPiece *piece = text_add(box);
            piece->text = start;
            piece->len = fit;
            piece->face = cur;
            piece->x = x;
            piece->y = y;
            piece->w = text_width(f, cur, box->px[cur], start, fit);
            piece->h = line_h;
            if (piece->x + piece->w > box->width)
                box->width = piece->x + piece->w;
            start += fit;
            len -= fit;
            x = 0;
            y += line_h;
            box->lines++;
            w = text_width(f, cur, box->px[cur], start, len);
            last = NULL;
        }
        if (len == 0)
            continue;
        x += space;
        /* Merge with the previous piece of the same face on this line. */
        if (last && last->face == cur && last->y == y &&
            last->text + last->len + (glued ? 0 : 1) == start) {
            last->len = (size_t)(start + len - last->text);
            last->w = text_width(f, cur, box->px[cur], last->text, last->len);
            x = last->x + last->w;
        } else {
            TextPiece *piece = text_add(box);
            piece->text = start;
            piece->len = len;
            piece->face = cur;
            piece->x = x;
            piece->y = y;
            piece->w = w;
            piece->h = line_h;
            last = piece;
            x += w;
        }
        if (x > box->width)
            box->width = x;
    }
    box->height = box->lines * line_h;
}

void text_layout_code(Fonts *f, TextBox *box, const char *code, int px, int width)
{
    box->count = 0;
    box->width = 0;
    box->lines = 0;
    for (int i = 0; i < FACE_COUNT; i++)
        box->px[i] = px;
    int line_h = text_line_height(f, FACE_MONO, px);
    int y = 0;
    const char *p = code;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *s = p;
        do {
            size_t fit = len;
            int w = text_width(f, FACE_MONO, px, s, len);
            if (w > width) {
                fit = text_fit_chars(f, FACE_MONO, px, s, len, width);
                w = text_width(f, FACE_MONO, px, s, fit);
            }
            if (fit > 0) {
                TextPiece *piece = text_add(box);
                piece->text = s;
                piece->len = fit;
                piece->face = FACE_MONO;
                piece->x = 0;
                piece->y = y;
                piece->w = w;
                piece->h = line_h;
                if (w > box->width)
                    box->width = w;
            }
            s += fit;
            len -= fit;
            y += line_h;
            box->lines++;
        } while (len > 0);
        if (!nl)
            break;
        p = nl + 1;
    }
    box->height = y;
}

void text_box_free(TextBox *box)
{
    free(box->pieces);
    memset(box, 0, sizeof *box);
}

/* ---- the cache ---- */

/* A scene needs a few hundred textures at most; the cache keeps about three
 * screens' worth of text pixels (textcache_set_screen), so a long session's
 * ever-new scores and timers do not make memory grow. */
enum { CACHE_SLOTS = 2048, CACHE_MAX_ENTRIES = 600 };
#define CACHE_MIN_PIXELS (2u * 1024u * 1024u)

typedef struct CacheEntry {
    uint64_t hash;
    char *text;
    size_t len;
    Face face;
    int px;
    uint32_t rgba;
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
} CacheEntry;

struct TextCache {
    SDL_Renderer *renderer;
    Fonts *fonts;
    CacheEntry *entries;   /* CACHE_SLOTS, open addressing */
    size_t count;
    size_t pixels;
    size_t max_pixels;
    unsigned long clock;
    unsigned long scene_start; /* entries used since then are on screen */
    size_t renders;
    size_t missing;            /* characters without a glyph, so far */
    char *missing_example;     /* the first text with one */
};

TextCache *textcache_new(SDL_Renderer *r, Fonts *f)
{
    TextCache *c = xcalloc(1, sizeof *c);
    c->renderer = r;
    c->fonts = f;
    c->entries = xcalloc(CACHE_SLOTS, sizeof *c->entries);
    c->max_pixels = CACHE_MIN_PIXELS;
    return c;
}

void textcache_set_screen(TextCache *c, int w, int h)
{
    size_t screen = (size_t)(w > 0 ? w : 1) * (size_t)(h > 0 ? h : 1);
    c->max_pixels = 3 * screen > CACHE_MIN_PIXELS ? 3 * screen : CACHE_MIN_PIXELS;
}

static void textcache_drop(TextCache *c, CacheEntry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    c->pixels -= (size_t)e->w * (size_t)e->h;
    free(e->text);
    memset(e, 0, sizeof *e);
    c->count--;
}

void textcache_clear(TextCache *c)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        if (c->entries[i].text)
            textcache_drop(c, &c->entries[i]);
}

void textcache_free(TextCache *c)
{
    if (!c)
        return;
    textcache_clear(c);
    free(c->entries);
    free(c->missing_example);
    free(c);
}

void textcache_begin(TextCache *c)
{
    c->scene_start = c->clock + 1;
}

size_t textcache_missing_glyphs(const TextCache *c, const char **example)
{
    if (example)
        *example = c->missing_example;
    return c->missing;
}

/* Counts the characters of s that no font can draw (left out). */
static void textcache_check_glyphs(TextCache *c, Face face, int px, const char *s, size_t len)
{
    if (fonts_ascii(s, len))
        return;
    TTF_Font *font = fonts_get(c->fonts, face, px);
    TTF_Font *symbol = fonts_file_at(c->fonts, FONT_SYMBOL, px);
    if (!font)
        return;
    size_t before = c->missing;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (fonts_pick(font, symbol, cp) == PICK_MISSING)
            c->missing++;
        i += n;
    }
    if (c->missing > before && !c->missing_example)
        c->missing_example = xstrdup(s);
}

size_t textcache_renders(const TextCache *c)
{
    return c->renders;
}

static uint32_t textcache_rgba(SDL_Color c)
{
    return ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
}

static uint64_t textcache_hash(Face face, int px, uint32_t rgba, const char *s, size_t len)
{
    uint32_t head[3] = {(uint32_t)face, (uint32_t)px, rgba};
    return hash_bytes(hash_bytes(HASH_SEED, head, sizeof head), s, len);
}

/* Removes the least recently used entries until there is room; with open
 * addressing, the table is rebuilt without them. */
static void textcache_evict(TextCache *c)
{
    while (c->count >= CACHE_MAX_ENTRIES || c->pixels > c->max_pixels) {
        CacheEntry *oldest = NULL;
        for (size_t i = 0; i < CACHE_SLOTS; i++)
            if (c->entries[i].text && (!oldest || c->entries[i].used < oldest->used))
                oldest = &c->entries[i];
        if (!oldest || oldest->used >= c->scene_start)
            break; /* everything left is on the scene being built */
        textcache_drop(c, oldest);
    }
#ifdef __GLIBC__
    /* Evicted textures free buffers of every size; without this the heap
     * fragments and a long session's memory creeps up (about 5 MB over
     * 300,000 frames). */
    malloc_trim(0);
#endif
    /* Re-insert to keep probe chains unbroken. */
    CacheEntry *old = c->entries;
    c->entries = xcalloc(CACHE_SLOTS, sizeof *c->entries);
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        if (!old[i].text)
            continue;
        size_t j = (size_t)old[i].hash & (CACHE_SLOTS - 1);
        while (c->entries[j].text)
            j = (j + 1) & (CACHE_SLOTS - 1);
        c->entries[j] = old[i];
    }
    free(old);
}

SDL_Texture *textcache_get(TextCache *c, Face face, int px, SDL_Color color, const char *s,
                           size_t len, int *w, int *h)
{
    *w = *h = 0;
    if (len == 0)
        return NULL;
    uint32_t rgba = textcache_rgba(color);
    uint64_t hash = textcache_hash(face, px, rgba, s, len);
    size_t i = (size_t)hash & (CACHE_SLOTS - 1);
    for (; c->entries[i].text; i = (i + 1) & (CACHE_SLOTS - 1)) {
        CacheEntry *e = &c->entries[i];
        if (e->hash == hash && e->face == face && e->px == px && e->rgba == rgba &&
            e->len == len && memcmp(e->text, s, len) == 0) {
            e->used = ++c->clock;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    if (c->count + 1 >= CACHE_MAX_ENTRIES || c->pixels > c->max_pixels) {
        textcache_evict(c);
        i = (size_t)hash & (CACHE_SLOTS - 1);
        while (c->entries[i].text)
            i = (i + 1) & (CACHE_SLOTS - 1);
    }
    char *copy = xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    SDL_Color opaque = {color.r, color.g, color.b, 255};
    textcache_check_glyphs(c, face, px, copy, len);
    SDL_Surface *surf = fonts_render(c->fonts, face, px, opaque, copy, len);
    SDL_Texture *tex = surf ? SDL_CreateTextureFromSurface(c->renderer, surf) : NULL;
    CacheEntry *e = &c->entries[i];
    e->hash = hash;
    e->text = copy;
    e->len = len;
    e->face = face;
    e->px = px;
    e->rgba = rgba;
    e->tex = tex;
    e->w = surf ? surf->w : 0;
    e->h = surf ? surf->h : 0;
    e->used = ++c->clock;
    if (surf)
        SDL_FreeSurface(surf);
    if (tex)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    c->count++;
    c->pixels += (size_t)e->w * (size_t)e->h;
    c->renders++;
    *w = e->w;
    *h = e->h;
    return tex;
}
