/* text.h - fonts, text layout and the cache of rendered text.
 *
 * Text is the bulk of what Quiz Arcade draws, so it is laid out and
 * rasterised once and kept as textures: a screen's scene is rebuilt only
 * when the game changes, and rebuilding it finds unchanged text in the
 * cache.
 *
 * Layout works on the game's rich text (text.h in the core): prose in
 * DejaVu Sans, inline code in DejaVu Sans Mono, word-wrapped to a width;
 * code blocks keep their lines and wrap long ones by character.
 *
 * Characters a face has no glyph for (emoji, most symbols) are measured
 * and drawn in a symbol font on the same baseline; what no font has, and
 * joiners, variation selectors and skin tones, are left out rather than
 * drawn as empty boxes.
 */
#ifndef QA_SHELL_TEXT_H
#define QA_SHELL_TEXT_H

#include <SDL.h>
#include <SDL_ttf.h>

#include <stddef.h>

typedef enum Face {
    FACE_SANS,
    FACE_BOLD,
    FACE_MONO,
    FACE_COUNT
} Face;

typedef struct Fonts Fonts;

/* Opens the three faces and the symbol font from dir (assets/fonts). NULL
 * on failure, with the missing file named in err. */
Fonts *fonts_open(const char *dir, char *err, size_t errlen);
void fonts_close(Fonts *f);
/* The face at a pixel size (opened on first use and kept). */
TTF_Font *fonts_get(Fonts *f, Face face, int px);

/* A laid-out piece: a run of one face on one line. */
typedef struct TextPiece {
    const char *text; /* not NUL-terminated; points into the laid-out text */
    size_t len;
    Face face;
    int x, y;         /* offset from the box's top left */
    int w, h;
} TextPiece;

typedef struct TextBox {
    TextPiece *pieces;
    size_t count, cap;
    int px[FACE_COUNT]; /* size each face was laid out at */
    int width, height; /* extent of the laid-out text */
    int lines;
} TextBox;

/* Lays out rich text (with TEXT_CODE_ON/OFF markers) in `face` at px,
 * wrapped to width; inline code is set in the mono face a little smaller.
 * Reuses box's memory; text must outlive the box. */
void text_layout(Fonts *f, TextBox *box, const char *rich, Face face, int px, int width);
/* Lays out a code block: its lines in the mono face, long lines wrapped
 * by character. */
void text_layout_code(Fonts *f, TextBox *box, const char *code, int px, int width);
void text_box_free(TextBox *box);
/* Line height of a face at a size. */
int text_line_height(Fonts *f, Face face, int px);

/* ---- the cache of rendered text ---- */

typedef struct TextCache TextCache;

TextCache *textcache_new(SDL_Renderer *r, Fonts *f);
void textcache_free(TextCache *c);
/* The texture of a string in a face, size and colour, rendered on first
 * use. Text is rendered in its colour rather than tinted when drawn: SDL's
 * software renderer blends tinted textures on a much slower path. Owned by
 * the cache; valid until textcache_clear or textcache_free. */
SDL_Texture *textcache_get(TextCache *c, Face face, int px, SDL_Color color, const char *s,
                           size_t len, int *w, int *h);
/* Size of a string without rendering it. */
void text_size(Fonts *f, Face face, int px, const char *s, int *w, int *h);
/* Sizes the cache's budget to the output (pixels): about three screens
 * of text. */
void textcache_set_screen(TextCache *c, int w, int h);
/* Marks the start of a new scene: what it takes from now on is never
 * evicted while it is being built. */
void textcache_begin(TextCache *c);
/* Drops everything (the renderer was recreated, or memory is tight). */
void textcache_clear(TextCache *c);
/* Statistics for tests and benchmarks: textures rendered so far. */
size_t textcache_renders(const TextCache *c);
/* Characters rendered so far that no font has a glyph for (left out);
 * *example, if not NULL, gets the first text that had one (or
 * NULL). The game's own strings must have none. */
size_t textcache_missing_glyphs(const TextCache *c, const char **example);

#endif
