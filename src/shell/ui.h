/* ui.h - the drawing context: one logical layout at any window size, and
 * the scene (draw list) a screen builds.
 *
 * Layout is in design units: the content area is 480 units high and 640 to
 * 853 wide (4:3 to 16:9; other shapes are letterboxed), so 640x480 is one
 * pixel per unit and 4K is 4.5. Fonts are opened at the resulting pixel
 * size, so text stays crisp instead of being scaled.
 *
 * A screen describes what it shows as a scene: filled rectangles, text
 * textures, clip rectangles, the timer bar (drawn live from the game's
 * timer) and hit regions for the pointer. Scenes are rebuilt only when the
 * game's view changes; a frame replays the scene with no allocation and no
 * text rendering.
 */
#ifndef QA_SHELL_UI_H
#define QA_SHELL_UI_H

#include "../core/game.h"
#include "text.h"

#include <SDL.h>

enum { UI_DESIGN_H = 480, UI_DESIGN_MIN_W = 640 };

typedef enum DrawKind {
    DRAW_FILL,
    DRAW_FRAME,    /* outline, `thick` pixels */
    DRAW_TEXTURE,
    DRAW_CLIP,
    DRAW_UNCLIP,
    DRAW_TIMERBAR  /* segments lit from the game's timer at draw time */
} DrawKind;

typedef struct DrawCmd {
    DrawKind kind;
    SDL_Rect r;
    SDL_Color c;
    SDL_Texture *tex;
    int thick;        /* DRAW_FRAME; DRAW_TIMERBAR: segments */
} DrawCmd;

typedef struct HitRegion {
    SDL_Rect r;
    Action click;     /* what a click or tap does */
    int hover;        /* index sent as ACTION_HOVER, -1 for none */
} HitRegion;

typedef struct Scene {
    DrawCmd *cmds;
    size_t count, cap;
    HitRegion *hits;
    size_t hit_count, hit_cap;
    int max_scroll;   /* how far the screen's scrolling view goes, -1: none */
    int columns;      /* the choices are laid out in this many columns (reading order) */
    int bar_segments; /* the timer bar's, 0 without one */
} Scene;

typedef struct Palette {
    SDL_Color bg, panel, panel_hi, text, dim, accent, right, wrong, code_bg, code, bar, bar_low;
} Palette;

typedef struct Ui {
    SDL_Renderer *renderer;
    Fonts *fonts;
    TextCache *cache;
    int out_w, out_h;     /* renderer output, in pixels */
    SDL_Rect content;     /* the letterboxed layout area */
    double unit;          /* pixels per design unit */
    int design_w;         /* content width in units (640 to 853) */
    Palette pal;
    Scene scene;
    TextBox box;          /* scratch layout */
    const GameView *view; /* for the live timer bar */
} Ui;

/* Sets the output size (pixels): recomputes the content area and scale. */
void ui_resize(Ui *ui, int out_w, int out_h);
/* Design units to pixels (rounded; at least 1 for a positive size). */
int ui_px(const Ui *ui, double units);
/* A rectangle in design units, relative to the content area, in pixels. */
SDL_Rect ui_rect(const Ui *ui, double x, double y, double w, double h);

/* ---- building a scene ---- */

void scene_begin(Ui *ui);
void scene_fill(Ui *ui, SDL_Rect r, SDL_Color c);
void scene_frame(Ui *ui, SDL_Rect r, SDL_Color c, int thick);
/* One line of plain text at (x, y) (pixels); returns its width. */
int scene_text(Ui *ui, Face face, int px, const char *s, SDL_Color c, int x, int y);
/* Text centred horizontally in [x, x + w). Returns its width. */
int scene_text_centered(Ui *ui, Face face, int px, const char *s, SDL_Color c, int x, int w,
                        int y);
/* Width of plain text in pixels. */
int ui_text_width(Ui *ui, Face face, int px, const char *s);
/* Draws a laid-out box at (x, y); pieces of the mono face get code_c. Only
 * lines within [clip_y0, clip_y1) are added. */
void scene_box(Ui *ui, const TextBox *box, int x, int y, SDL_Color c, SDL_Color code_c,
               int clip_y0, int clip_y1);
void scene_clip(Ui *ui, SDL_Rect r);
void scene_unclip(Ui *ui);
void scene_timerbar(Ui *ui, SDL_Rect r, int segments);
void scene_hit(Ui *ui, SDL_Rect r, Action click, int hover);

/* The region under a point (pixels), or NULL. */
const HitRegion *scene_hit_at(const Ui *ui, int x, int y);

/* Replays the scene, then the letterbox bars and the fade-in. */
void ui_draw(Ui *ui, const GameView *v);
void ui_free(Ui *ui);

/* Colours with an alpha. */
SDL_Color ui_alpha(SDL_Color c, Uint8 a);

#endif
