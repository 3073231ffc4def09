/* bench_baseline.c - the floor for showing a question: a minimal SDL2 +
 * SDL_ttf + SDL_mixer program that opens the game's window and draws one
 * question screen, doing no more work than that needs. The game's benchmark
 * compares `quizarcade --timedemo FRAMES` against it, so the difference is
 * the game's own overhead.
 *
 *   bench_baseline DATA_ROOT [FRAMES]
 *
 * DATA_ROOT is the repository root (assets/fonts, assets/sounds); FRAMES
 * defaults to 1. Every text is rendered once into a texture; each frame then
 * only clears, copies the textures, fills the rectangles and presents (no
 * vsync, and the timer bar loses 1 px a frame so frames differ). Prints
 *
 *   startup_ms: main() entry to the end of the first present
 *   frames: FRAMES
 *   frame_ms_mean / frame_ms_p99: clear to end of present, per frame
 *
 * to stdout, and "renderer: NAME" to stderr. Without a sound device it warns
 * once and runs silently; any other SDL or SDL_ttf failure exits 1.
 */
#include <SDL.h>
#include <SDL_mixer.h>
#include <SDL_ttf.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum {
    WIN_W = 1280,
    WIN_H = 720,
    MARGIN = 48,
    OPTIONS = 4,
    BOX_PAD = 14,
    BOX_GAP = 14,
    NUMBER_W = 40,
    BAR_H = 18,
};

/* One text, rendered once, and where it goes on the screen. */
typedef struct {
    SDL_Texture *tex;
    SDL_Rect dst;
} Label;

/* The texts and rectangles of the question screen. */
typedef struct {
    Label title, prompt, score, timer;
    Label number[OPTIONS], option[OPTIONS];
    SDL_Rect box[OPTIONS];
    SDL_Rect track, bar;
} Screen;

/* Everything the program opens, so that one function can close it all. */
typedef struct {
    bool sdl, ttf, mixer;
    Mix_Chunk *select;
    SDL_Window *win;
    SDL_Renderer *ren;
    TTF_Font *title, *body, *mono;
    Screen screen;
} Baseline;

static const char *const BASELINE_OPTIONS[OPTIONS] = {
    "A class variable is defined in the class body and shared by every instance, while an "
    "instance variable belongs to a single object.",
    "Class variables are stored in each object's __dict__ when it is created, whereas instance "
    "variables live in the module namespace.",
    "There is no real difference: Python copies every class variable into each new instance as "
    "soon as its __init__ method has run.",
    "Instance variables have to be declared with the global keyword, while class variables can "
    "only be created inside static methods.",
};

static double baseline_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int baseline_fail(const char *what)
{
    fprintf(stderr, "bench_baseline: %s: %s\n", what, SDL_GetError());
    return 1;
}

static void baseline_warn_audio(const char *error)
{
    fprintf(stderr, "bench_baseline: warning: no audio, running silently: %s\n", error);
}

/* SDL, SDL_ttf and the mixer; audio trouble only costs the sound. */
static int baseline_start(Baseline *b, const char *root)
{
    bool audio = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_AUDIO | SDL_INIT_GAMECONTROLLER) == 0;
    if (!audio) {
        char why[256];
        SDL_strlcpy(why, SDL_GetError(), sizeof why);
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER) != 0)
            return baseline_fail("SDL_Init");
        baseline_warn_audio(why);
    }
    b->sdl = true;
    if (TTF_Init() != 0)
        return baseline_fail("TTF_Init");
    b->ttf = true;
    if (audio) {
        b->mixer = Mix_OpenAudio(44100, AUDIO_S16SYS, 2, 1024) == 0;
        if (!b->mixer)
            baseline_warn_audio(Mix_GetError());
    }
    if (b->mixer) {
        char path[4096];
        snprintf(path, sizeof path, "%s/assets/sounds/select.wav", root);
        SDL_RWops *file = SDL_RWFromFile(path, "rb");
        b->select = file ? Mix_LoadWAV_RW(file, 1) : NULL;
        if (!b->select)
            return baseline_fail("Mix_LoadWAV");
    }
    return 0;
}

static int baseline_open_window(Baseline *b)
{
    b->win = SDL_CreateWindow("Quiz Arcade", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              WIN_W, WIN_H, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!b->win)
        return baseline_fail("SDL_CreateWindow");
    b->ren = SDL_CreateRenderer(b->win, -1, SDL_RENDERER_ACCELERATED);
    if (!b->ren)
        b->ren = SDL_CreateRenderer(b->win, -1, SDL_RENDERER_SOFTWARE);
    if (!b->ren)
        return baseline_fail("SDL_CreateRenderer");
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(b->ren, &info) != 0)
        return baseline_fail("SDL_GetRendererInfo");
    fprintf(stderr, "renderer: %s\n", info.name);
    return 0;
}

static TTF_Font *baseline_open_font(const char *root, const char *file, int px)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/assets/fonts/%s", root, file);
    TTF_Font *font = TTF_OpenFont(path, px);
    if (!font)
        baseline_fail("TTF_OpenFont");
    return font;
}

static int baseline_open_fonts(Baseline *b, const char *root)
{
    b->title = baseline_open_font(root, "DejaVuSans.ttf", 27);
    b->body = b->title ? baseline_open_font(root, "DejaVuSans.ttf", 21) : NULL;
    b->mono = b->body ? baseline_open_font(root, "DejaVuSansMono.ttf", 19) : NULL;
    return b->mono ? 0 : 1;
}

/* Renders text at (x, y), wrapped to wrap pixels when wrap > 0. */
static int baseline_make_label(SDL_Renderer *ren, TTF_Font *font, const char *text, int x, int y,
                               int wrap, Label *out)
{
    const SDL_Color ink = {236, 238, 250, 255};
    SDL_Surface *s = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, ink, (Uint32)wrap)
                              : TTF_RenderUTF8_Blended(font, text, ink);
    if (!s)
        return baseline_fail("TTF_RenderUTF8_Blended");
    out->tex = SDL_CreateTextureFromSurface(ren, s);
    out->dst = (SDL_Rect){x, y, s->w, s->h};
    SDL_FreeSurface(s);
    return out->tex ? 0 : baseline_fail("SDL_CreateTextureFromSurface");
}

/* Renders every text once and lays the screen out for the output size. */
static int baseline_build_screen(Baseline *b)
{
    Screen *sc = &b->screen;
    SDL_Renderer *ren = b->ren;
    int w, h;
    if (SDL_GetRendererOutputSize(ren, &w, &h) != 0)
        return baseline_fail("SDL_GetRendererOutputSize");
    int inner = w - 2 * MARGIN;
    if (baseline_make_label(ren, b->body,
                            "Object-Oriented Programming (OOP) \xE2\x80\x94 Question 3 of 10",
                            MARGIN, 28, 0, &sc->title) ||
        baseline_make_label(ren, b->mono, "Score 2400  Streak 3", 0, 30, 0, &sc->score))
        return 1;
    sc->score.dst.x = w - MARGIN - sc->score.dst.w;
    if (baseline_make_label(ren, b->title,
                            "What is the difference between a class variable and an instance "
                            "variable?",
                            MARGIN, 84, inner, &sc->prompt))
        return 1;
    int y = sc->prompt.dst.y + sc->prompt.dst.h + 32;
    int tx = MARGIN + BOX_PAD + NUMBER_W;
    int lift = TTF_FontAscent(b->body) - TTF_FontAscent(b->mono); /* same baseline */
    for (int i = 0; i < OPTIONS; i++) {
        char digit[2] = {(char)('1' + i), '\0'};
        if (baseline_make_label(ren, b->mono, digit, MARGIN + BOX_PAD, y + BOX_PAD + lift, 0,
                                &sc->number[i]) ||
            baseline_make_label(ren, b->body, BASELINE_OPTIONS[i], tx, y + BOX_PAD,
                                inner - 2 * BOX_PAD - NUMBER_W, &sc->option[i]))
            return 1;
        sc->box[i] = (SDL_Rect){MARGIN, y, inner, sc->option[i].dst.h + 2 * BOX_PAD};
        y += sc->box[i].h + BOX_GAP;
    }
    if (baseline_make_label(ren, b->mono, "12 s", 0, h - MARGIN - BAR_H, 0, &sc->timer))
        return 1;
    sc->timer.dst.x = w - MARGIN - sc->timer.dst.w;
    sc->timer.dst.y += (BAR_H - sc->timer.dst.h) / 2;
    sc->track = (SDL_Rect){MARGIN, h - MARGIN - BAR_H, inner - sc->timer.dst.w - 16, BAR_H};
    sc->bar = sc->track;
    return 0;
}

static void baseline_copy(SDL_Renderer *ren, const Label *l)
{
    SDL_RenderCopy(ren, l->tex, NULL, &l->dst);
}

/* One frame; the timer bar is `shrink` px shorter than the track. */
static void baseline_draw_frame(Baseline *b, int shrink)
{
    Screen *sc = &b->screen;
    SDL_Renderer *ren = b->ren;
    SDL_SetRenderDrawColor(ren, 16, 18, 38, 255);
    SDL_RenderClear(ren);
    SDL_SetRenderDrawColor(ren, 38, 44, 86, 255);
    SDL_RenderFillRects(ren, sc->box, OPTIONS);
    SDL_RenderFillRect(ren, &sc->track);
    sc->bar.w = shrink < sc->track.w ? sc->track.w - shrink : 0;
    SDL_SetRenderDrawColor(ren, 242, 178, 58, 255);
    SDL_RenderFillRect(ren, &sc->bar);
    baseline_copy(ren, &sc->title);
    baseline_copy(ren, &sc->score);
    baseline_copy(ren, &sc->prompt);
    for (int i = 0; i < OPTIONS; i++) {
        baseline_copy(ren, &sc->number[i]);
        baseline_copy(ren, &sc->option[i]);
    }
    baseline_copy(ren, &sc->timer);
    SDL_RenderPresent(ren);
}

/* Draws `frames` frames into ms[]; returns the time the first one ended. */
static double baseline_run_frames(Baseline *b, int frames, double *ms)
{
    double first_end = 0;
    SDL_Event e;
    for (int i = 0; i < frames; i++) {
        while (SDL_PollEvent(&e))
            ;
        double t0 = baseline_now_ms();
        baseline_draw_frame(b, i);
        double t1 = baseline_now_ms();
        ms[i] = t1 - t0;
        if (i == 0)
            first_end = t1;
    }
    return first_end;
}

static void baseline_destroy_label(Label *l)
{
    if (l->tex)
        SDL_DestroyTexture(l->tex);
}

static void baseline_close(Baseline *b)
{
    Screen *sc = &b->screen;
    baseline_destroy_label(&sc->title);
    baseline_destroy_label(&sc->prompt);
    baseline_destroy_label(&sc->score);
    baseline_destroy_label(&sc->timer);
    for (int i = 0; i < OPTIONS; i++) {
        baseline_destroy_label(&sc->number[i]);
        baseline_destroy_label(&sc->option[i]);
    }
    if (b->mono)
        TTF_CloseFont(b->mono);
    if (b->body)
        TTF_CloseFont(b->body);
    if (b->title)
        TTF_CloseFont(b->title);
    if (b->ren)
        SDL_DestroyRenderer(b->ren);
    if (b->win)
        SDL_DestroyWindow(b->win);
    if (b->select)
        Mix_FreeChunk(b->select);
    if (b->mixer)
        Mix_CloseAudio();
    Mix_Quit();
    if (b->ttf)
        TTF_Quit();
    if (b->sdl)
        SDL_Quit();
}

static int baseline_compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void baseline_report(double startup_ms, double *ms, int frames)
{
    double sum = 0;
    for (int i = 0; i < frames; i++)
        sum += ms[i];
    qsort(ms, (size_t)frames, sizeof *ms, baseline_compare);
    /* ceil(0.99 * N) - 1, in integers so that it is exact */
    long p99 = (99L * frames + 99) / 100 - 1;
    printf("startup_ms: %.2f\n", startup_ms);
    printf("frames: %d\n", frames);
    printf("frame_ms_mean: %.3f\n", sum / frames);
    printf("frame_ms_p99: %.3f\n", ms[p99]);
}

static int baseline_parse_frames(const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    return end != arg && *end == '\0' && n > 0 && n <= 10000000 ? (int)n : -1;
}

int main(int argc, char **argv)
{
    double start = baseline_now_ms();
    int frames = argc == 3 ? baseline_parse_frames(argv[2]) : 1;
    if (argc < 2 || argc > 3 || frames < 1) {
        fprintf(stderr, "usage: bench_baseline DATA_ROOT [FRAMES]\n");
        return 2;
    }
    double *ms = malloc((size_t)frames * sizeof *ms);
    if (!ms) {
        fprintf(stderr, "bench_baseline: out of memory\n");
        return 1;
    }
    Baseline b = {0};
    int rc = baseline_start(&b, argv[1]);
    if (rc == 0)
        rc = baseline_open_window(&b);
    if (rc == 0)
        rc = baseline_open_fonts(&b, argv[1]);
    if (rc == 0)
        rc = baseline_build_screen(&b);
    double first_end = 0;
    if (rc == 0)
        first_end = baseline_run_frames(&b, frames, ms);
    baseline_close(&b);
    if (rc == 0)
        baseline_report(first_end - start, ms, frames);
    free(ms);
    return rc == 0 && fflush(stdout) == 0 ? 0 : 1;
}
