/* ui_fixture.h - what the shell's tests draw with: a 640x480 window on
 * SDL's dummy video driver, a software renderer, the shipped fonts, a text
 * cache and a Ui, opened once per test group. Header-only: each test
 * program that includes it has its own. */
#ifndef QA_TESTS_UI_FIXTURE_H
#define QA_TESTS_UI_FIXTURE_H

#include "shell/screens/screens.h"
#include "shell/text.h"
#include "shell/ui.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdlib.h>

typedef struct UiFixture {
    SDL_Window *window;
    SDL_Renderer *renderer;
    Fonts *fonts;
    TextCache *cache;
    Ui ui;
} UiFixture;

/* Opens everything with SDL_Init(flags | SDL_INIT_VIDEO); 0 on success. */
static inline int ui_fixture_open(UiFixture *f, Uint32 flags, int w, int h)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(flags | SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return -1;
    f->window = SDL_CreateWindow("test", 0, 0, w, h, 0);
    f->renderer = f->window ? SDL_CreateRenderer(f->window, -1, SDL_RENDERER_SOFTWARE) : NULL;
    char err[256];
    f->fonts = fonts_open(QA_SOURCE_DIR "/assets/fonts", err, sizeof err);
    if (!f->renderer || !f->fonts)
        return -1;
    f->cache = textcache_new(f->renderer, f->fonts);
    f->ui.renderer = f->renderer;
    f->ui.fonts = f->fonts;
    f->ui.cache = f->cache;
    return 0;
}

static inline void ui_fixture_close(UiFixture *f)
{
    screens_free();
    ui_free(&f->ui);
    textcache_free(f->cache);
    fonts_close(f->fonts);
    SDL_DestroyRenderer(f->renderer);
    SDL_DestroyWindow(f->window);
    TTF_Quit();
    SDL_Quit();
}

#endif
