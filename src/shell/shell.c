/* shell.c - the SDL side (first increment: a window listing the topics).
 *
 * The game screens arrive with the round generator; until then the window
 * shows the corpus's topics and their question counts, drawn once and
 * redrawn only when the window changes.
 */
#include "shell.h"
#include "../commands.h"
#include "../core/bank.h"
#include "../core/corpus.h"
#include "../paths.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdio.h>
#include <stdlib.h>

static void shell_draw(SDL_Renderer *r, TTF_Font *font, const Bank *bank)
{
    SDL_SetRenderDrawColor(r, 16, 18, 38, 255);
    SDL_RenderClear(r);
    SDL_Color white = {240, 240, 250, 255};
    int y = 24;
    char line[256];
    for (size_t t = 0; t <= bank_topic_count(bank); t++) {
        if (t == 0)
            snprintf(line, sizeof line, "Quiz Arcade - %zu topics", bank_topic_count(bank));
        else
            snprintf(line, sizeof line, "%s (%zu)", bank_topic_name(bank, t - 1),
                     bank_topic_size(bank, t - 1));
        SDL_Surface *s = TTF_RenderUTF8_Blended(font, line, white);
        if (!s)
            continue;
        SDL_Texture *tex = SDL_CreateTextureFromSurface(r, s);
        SDL_Rect dst = {32, y, s->w, s->h};
        SDL_RenderCopy(r, tex, NULL, &dst);
        y += s->h + 6;
        SDL_DestroyTexture(tex);
        SDL_FreeSurface(s);
    }
    SDL_RenderPresent(r);
}

int shell_run(const Options *opts)
{
    char *path = commands_corpus_path(opts, stderr);
    if (!path)
        return 1;
    Diagnostics *diag = diag_new();
    Bank *bank = corpus_load(path, diag);
    diag_print(diag, stderr, DIAG_ERROR);
    diag_free(diag);
    free(path);
    if (!corpus_is_playable(bank)) {
        fprintf(stderr, "quizarcade: no playable questions\n");
        bank_free(bank);
        return 1;
    }
    char *root = paths_data_root();
    char *font_path = paths_join(root ? root : ".", "assets/fonts/DejaVuSans.ttf");
    free(root);
    int rc = 1;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "quizarcade: cannot start SDL: %s\n", SDL_GetError());
        goto out;
    }
    SDL_Window *win = SDL_CreateWindow("Quiz Arcade", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, 960, 600, SDL_WINDOW_RESIZABLE);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    TTF_Font *font = TTF_OpenFont(font_path, 24);
    if (!win || !ren || !font) {
        fprintf(stderr, "quizarcade: %s: %s\n", font ? "cannot open a window" : font_path,
                SDL_GetError());
    } else {
        int running = 1, dirty = 1;
        while (running) {
            if (dirty) {
                shell_draw(ren, font, bank);
                dirty = 0;
            }
            SDL_Event e;
            if (!SDL_WaitEvent(&e))
                break;
            if (e.type == SDL_QUIT || (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE))
                running = 0;
            else if (e.type == SDL_WINDOWEVENT)
                dirty = 1;
        }
        rc = 0;
    }
    if (font)
        TTF_CloseFont(font);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
out:
    free(font_path);
    bank_free(bank);
    return rc;
}
