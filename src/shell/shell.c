/* shell.c - the SDL side: set-up, the frame loop, the timedemo.
 *
 * The loop runs the game in fixed 10 ms steps of game time and draws only
 * when something visible changed: a static screen waits for events with
 * SDL_WaitEventTimeout until the game says its view will next change (the
 * next second of the countdown, the next segment of the timer bar, the
 * attract mode), so the CPU sleeps when nothing moves. Drawing is paced by
 * vsync when the renderer offers it.
 *
 * The timedemo plays a scripted session (demo.h) with no vsync and no
 * waiting, one 16 ms step of game time per frame, and prints its timings.
 * It plays the same on every run: the default settings, a fixed date (the
 * script plays the daily challenge), and a fresh profile that is never
 * saved unless --save-dir names one (its progress is then loaded and saved
 * there, but its saved settings are neither used nor changed).
 */
#include "shell.h"
#include "../core/bank.h"
#include "../core/corpus.h"
#include "../core/demo.h"
#include "../core/diag.h"
#include "../core/game.h"
#include "../core/levels.h"
#include "../core/profile.h"
#include "../core/save.h"
#include "../core/strbuf.h"
#include "../core/xalloc.h"
#include "../paths.h"
#include "audio.h"
#include "input.h"
#include "screens/screens.h"
#include "text.h"
#include "ui.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { SHELL_STEP_MS = 10, DEMO_STEP_MS = 16 };

/* The calendar day the timedemo plays on, whatever today is. */
#define DEMO_DAY "2026-01-01"

typedef struct Shell {
    const Options *opts;
    char *root;
    Bank *bank;
    Levels *levels;
    Profile *profile;
    SDL_Window *window;
    SDL_Renderer *renderer;
    Fonts *fonts;
    TextCache *cache;
    Ui ui;
    Audio *audio;
    Input input;
    Game *game;
    ScreenCtx ctx;
    uint64_t built_version; /* of the game, when the scene was built */
    int scene_dirty;        /* rebuild even if the version is the same */
    int bar_lit;            /* timer bar segments lit when last drawn */
    int built_screen;       /* the screen (and overlay) the scene shows */
    int timedemo;
    int fullscreen;         /* the window is full screen now */
    int settings_fullscreen; /* the setting's value last applied to the window */
    char *save_path;        /* NULL: nothing is saved (the file could not be read) */
    char save_problem[320]; /* why nothing is saved, for the player; "" when it is */
    /* Timedemo with --save-dir: the settings read from the save, written
     * back in place of the demo's (which are the defaults). */
    Settings saved_settings;
    uint32_t saved_daily;   /* ... and the day of its last daily, kept too */
    int keep_saved_settings;
    char corpus_name[160];
    int own_pack;           /* playing a pack other than the shipped corpus */
    int sdl_up, ttf_up;
} Shell;

static double shell_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Today's local calendar day, for the daily challenge. */
static uint32_t shell_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char s[16];
    uint32_t day = 0;
    if (strftime(s, sizeof s, "%Y-%m-%d", &tm) == 10)
        profile_day_parse(s, &day);
    return day;
}

static const Palette shell_palette = {
    .bg = {16, 18, 38, 255},       .panel = {33, 38, 74, 255},   .panel_hi = {52, 60, 112, 255},
    .text = {240, 240, 250, 255},  .dim = {150, 156, 196, 255},  .accent = {255, 200, 40, 255},
    .right = {80, 214, 130, 255},  .wrong = {250, 96, 96, 255},  .code_bg = {8, 10, 24, 255},
    .code = {160, 220, 255, 255},  .bar = {80, 190, 255, 255},   .bar_low = {250, 96, 96, 255},
};

/* ---- loading ---- */

/* Nothing will be saved this session: says why on stderr, and keeps the
 * reason for the screens, where a player without a terminal sees it. */
static void shell_no_save(Shell *s, const char *why)
{
    fprintf(stderr, "quizarcade: %s; progress will not be saved\n", why);
    /* Cut whole characters only: a path may be longer than the room. */
    size_t n = strlen(why);
    if (n >= sizeof s->save_problem) {
        n = sizeof s->save_problem - 1;
        while (n > 0 && ((unsigned char)why[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(s->save_problem, why, n);
    s->save_problem[n] = '\0';
    s->scene_dirty = 1;
}

/* Where the profile lives: --save-dir (made with its parents), or the
 * user's data folder. NULL, after shell_no_save, when there is none. */
static char *shell_save_dir(Shell *s)
{
    const Options *o = s->opts;
    char why[1400];
    if (o->save_dir) {
        char err[1200];
        if (paths_mkdir_p(o->save_dir, err, sizeof err) != 0) {
            snprintf(why, sizeof why, "cannot create the save folder %s (%s)", o->save_dir, err);
            shell_no_save(s, why);
            return NULL;
        }
        return xstrdup(o->save_dir);
    }
    char *pref = SDL_GetPrefPath("", "quizarcade");
    if (!pref) {
        snprintf(why, sizeof why, "no folder to save progress in (%s)", SDL_GetError());
        shell_no_save(s, why);
        return NULL;
    }
    char *dir = xstrdup(pref);
    SDL_free(pref);
    size_t n = strlen(dir);
    if (n > 1 && dir[n - 1] == '/')
        dir[n - 1] = '\0';
    return dir;
}

static int shell_load_profile(Shell *s)
{
    /* The timedemo never touches the player's own save. */
    char *dir = s->timedemo && !s->opts->save_dir ? NULL : shell_save_dir(s);
    if (!dir) {
        s->profile = profile_new();
    } else {
        s->save_path = paths_join(dir, "save.txt");
        free(dir);
        Diagnostics *diag = diag_new();
        char backup[1024];
        SaveStatus st = save_load(s->save_path, &s->profile, diag, backup, sizeof backup);
        const Diag *first = diag_count(diag) ? diag_get(diag, 0) : NULL;
        if (st == SAVE_DAMAGED && first)
            fprintf(stderr, "quizarcade: %s:%u: %s; kept aside as %s, starting fresh\n", first->file,
                    first->line, first->message, backup);
        if (st == SAVE_FAILED) {
            char why[1400];
            snprintf(why, sizeof why, "%s: %s", first ? first->file : s->save_path,
                     first ? first->message : "cannot be read");
            shell_no_save(s, why);
            free(s->save_path);
            s->save_path = NULL;
        }
        diag_free(diag);
    }
    if (s->timedemo) {
        /* The demo plays with the default settings; the saved ones are
         * written back unchanged. */
        Settings *set = profile_settings(s->profile);
        Profile *fresh = profile_new();
        s->saved_settings = *set;
        s->keep_saved_settings = 1;
        *set = *profile_settings(fresh);
        profile_free(fresh);
    }
    /* --mute silences this session only (shell_apply_audio): the saved
     * setting is left as it is. */
    return 0;
}

static void shell_save(Shell *s)
{
    if (!s->save_path)
        return;
    StrBuf err = {0};
    Settings *set = profile_settings(s->profile);
    Settings playing = *set;
    /* The daily table the game plays (and the timedemo may have used). */
    const char *table = game_view(s->game)->daily_table;
    uint32_t daily = profile_daily_day(s->profile, table);
    if (s->keep_saved_settings) {
        /* The timedemo's settings and fixed day are its own. */
        *set = s->saved_settings;
        profile_set_daily_day(s->profile, table, s->saved_daily);
    }
    int rc = save_write(s->save_path, s->profile, &err);
    *set = playing;
    profile_set_daily_day(s->profile, table, daily);
    if (rc != 0) {
        shell_no_save(s, strbuf_str(&err));
        free(s->save_path);
        s->save_path = NULL; /* one message is enough */
    }
    strbuf_free(&err);
}

static int shell_load(Shell *s)
{
    const Options *o = s->opts;
    /* The data root is where the fonts are: the shipped corpus is only
     * needed without --corpus. */
    char *searched = NULL;
    s->root = paths_data_root_with(PATHS_FONT, &searched);
    if (!s->root) {
        fprintf(stderr, "quizarcade: the game's data was not found: no %s in %s\n", PATHS_FONT,
                searched ? searched : "any data folder");
        free(searched);
        return -1;
    }
    /* Full paths, so that a message about a missing file names it. */
    char *path = o->corpus ? paths_absolute(o->corpus) : paths_join(s->root, PATHS_CORPUS);
    struct stat st;
    if (!o->corpus && stat(path, &st) != 0) {
        fprintf(stderr, "quizarcade: the shipped corpus %s is missing; use --corpus PATH\n", path);
        free(path);
        return -1;
    }
    Diagnostics *diag = diag_new();
    s->bank = corpus_load(path, diag);
    diag_print(diag, stderr, DIAG_ERROR);
    size_t warnings = diag_total(diag, DIAG_WARNING);
    s->ctx.corpus_warnings = warnings; /* for the title */
    if (warnings)
        fprintf(stderr, "quizarcade: %s: %zu warning%s while reading (--check shows them, "
                        "and checks rounds and levels too)\n",
                path, warnings, warnings == 1 ? "" : "s");
    diag_free(diag);
    const char *base = strrchr(path, '/');
    snprintf(s->corpus_name, sizeof s->corpus_name, "%s", base ? base + 1 : path);
    s->own_pack = o->corpus != NULL;
    if (s->own_pack) {
        /* --corpus naming the shipped corpus plays it, tables and all. */
        char *shipped = paths_join(s->root, PATHS_CORPUS);
        char *a = realpath(path, NULL), *b = realpath(shipped, NULL);
        s->own_pack = !a || !b || strcmp(a, b) != 0;
        free(a);
        free(b);
        free(shipped);
    }
    if (!corpus_is_playable(s->bank)) {
        fprintf(stderr, "quizarcade: %s: no playable questions (a round needs at least 2)\n", path);
        free(path);
        return -1;
    }
    free(path);
    s->levels = levels_new();
    diag = diag_new();
    char *dir = o->levels ? xstrdup(o->levels) : paths_join(s->root, "levels");
    levels_load_dir(s->levels, dir, diag);
    diag_print(diag, stderr, DIAG_WARNING);
    diag_free(diag);
    free(dir);
    return shell_load_profile(s);
}

/* ---- video ---- */

static int shell_video(Shell *s, int timedemo)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "quizarcade: cannot start SDL: %s\n", SDL_GetError());
        return -1;
    }
    s->sdl_up = 1;
    if (TTF_Init() != 0) {
        fprintf(stderr, "quizarcade: cannot start SDL_ttf: %s\n", TTF_GetError());
        return -1;
    }
    s->ttf_up = 1;
    char err[512];
    char *fonts = paths_join(s->root, "assets/fonts");
    s->fonts = fonts_open(fonts, err, sizeof err);
    free(fonts);
    if (!s->fonts) {
        fprintf(stderr, "quizarcade: %s\n", err);
        return -1;
    }
    char *sounds = paths_join(s->root, "assets/sounds");
    s->audio = audio_open(sounds, err, sizeof err);
    free(sounds);
    if (!s->audio) {
        fprintf(stderr, "quizarcade: %s\n", err);
        return -1;
    }
    /* A window of 1280x720 where the display has room, else the display. */
    int w = 1280, h = 720;
    SDL_DisplayMode dm;
    int small_display = SDL_GetDesktopDisplayMode(0, &dm) == 0 && (dm.w < w || dm.h < h);
    Settings *set = profile_settings(s->profile);
    /* What is shown may differ from the setting (--fullscreen, --windowed,
     * a small display); the window follows the setting only when the
     * setting itself changes (shell_apply_settings). */
    s->settings_fullscreen = set->fullscreen;
    s->fullscreen = !s->opts->windowed &&
                    (s->opts->fullscreen || set->fullscreen || (small_display && !timedemo));
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (s->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (small_display) {
        w = dm.w;
        h = dm.h;
    }
    s->window = SDL_CreateWindow("Quiz Arcade", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                 w, h, flags);
    if (!s->window) {
        fprintf(stderr, "quizarcade: cannot open a window: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetWindowMinimumSize(s->window, 320, 240);
    Uint32 rflags = SDL_RENDERER_ACCELERATED | (timedemo ? 0 : SDL_RENDERER_PRESENTVSYNC);
    s->renderer = SDL_CreateRenderer(s->window, -1, rflags);
    if (!s->renderer)
        s->renderer = SDL_CreateRenderer(s->window, -1, SDL_RENDERER_SOFTWARE);
    if (!s->renderer) {
        fprintf(stderr, "quizarcade: cannot draw in the window: %s\n", SDL_GetError());
        return -1;
    }
    s->cache = textcache_new(s->renderer, s->fonts);
    s->ui.renderer = s->renderer;
    s->ui.fonts = s->fonts;
    s->ui.cache = s->cache;
    s->ui.pal = shell_palette;
    input_open(&s->input);
    return 0;
}

static void shell_resize(Shell *s)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(s->renderer, &ow, &oh);
    SDL_GetWindowSize(s->window, &ww, &wh);
    s->input.scale_x = ww > 0 ? (float)ow / (float)ww : 1.0f;
    s->input.scale_y = wh > 0 ? (float)oh / (float)wh : 1.0f;
    ui_resize(&s->ui, ow, oh);
    textcache_set_screen(s->cache, ow, oh);
    s->scene_dirty = 1;
}

/* Volume and mute; --mute keeps this session silent whatever the setting. */
static void shell_apply_audio(Shell *s)
{
    Settings set = *profile_settings(s->profile);
    if (s->opts->mute)
        set.muted = 1;
    audio_apply(s->audio, &set);
}

static void shell_show_fullscreen(Shell *s, int on)
{
    if (on == s->fullscreen)
        return;
    s->fullscreen = on;
    SDL_SetWindowFullscreen(s->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    shell_resize(s);
}

static void shell_apply_settings(Shell *s)
{
    const Settings *set = profile_settings(s->profile);
    shell_apply_audio(s);
    /* Another setting changing (volume, mute) leaves the window as it is. */
    if (set->fullscreen != s->settings_fullscreen) {
        s->settings_fullscreen = set->fullscreen;
        shell_show_fullscreen(s, set->fullscreen);
    }
}

/* ---- frames ---- */

/* Lit segments of the timer bar the scene would draw now. */
static int shell_bar_lit(const Shell *s, const GameView *v)
{
    int segments = s->ui.scene.bar_segments;
    if (!segments || !v->timer)
        return -1;
    return (int)(((uint64_t)timer_fraction(v->timer) * (uint64_t)segments + 65535) >> 16);
}

/* Rebuilds the scene if the game changed, then draws if anything on
 * screen changed (or force). Returns 1 when a frame was presented. */
static int shell_frame(Shell *s, int force)
{
    const GameView *v = game_view(s->game);
    int rebuilt = 0;
    if (s->scene_dirty || game_version(s->game) != s->built_version) {
        s->ui.view = v;
        int screen = (int)v->screen * 8 + (int)v->overlay;
        if (screen != s->built_screen) {
            /* A new screen: the pointer's next move hovers what is under
             * it there, even if it has the same index as before. */
            s->input.hover = -1;
            s->input.touching = 0; /* a finger down on the last screen taps nothing here */
            s->built_screen = screen;
        }
        screens_build(&s->ui, v, &s->ctx);
        game_set_max_scroll(s->game, s->ui.scene.max_scroll);
        game_set_columns(s->game, s->ui.scene.columns);
        s->built_version = game_version(s->game);
        s->scene_dirty = 0;
        rebuilt = 1;
    }
    int lit = shell_bar_lit(s, v);
    if (!rebuilt && !force && lit == s->bar_lit)
        return 0;
    s->bar_lit = lit;
    ui_draw(&s->ui, v);
    SDL_RenderPresent(s->renderer);
    return 1;
}

static void shell_play_sounds(Shell *s)
{
    GameSound snd;
    while ((snd = game_take_sound(s->game)) != SOUND_NONE)
        audio_play(s->audio, snd);
    if (game_take_settings_change(s->game))
        shell_apply_settings(s);
    if (game_take_profile_change(s->game))
        shell_save(s);
}

static int shell_handle_event(Shell *s, const SDL_Event *e)
{
    Action acts[INPUT_MAX_ACTIONS];
    unsigned req = 0;
    int n = input_event(&s->input, e, &s->ui, game_view(s->game), acts, &req);
    for (int i = 0; i < n; i++)
        game_handle(s->game, acts[i]);
    if (req & REQUEST_FULLSCREEN) {
        /* Toggles what is shown, and keeps it as the setting. */
        Settings *set = profile_settings(s->profile);
        set->fullscreen = !s->fullscreen;
        s->settings_fullscreen = set->fullscreen;
        shell_show_fullscreen(s, set->fullscreen);
    }
    if (req & REQUEST_RESIZED)
        shell_resize(s);
    if (req & REQUEST_REDRAW)
        s->scene_dirty = 1;
    return (req & REQUEST_QUIT) != 0;
}

static void shell_loop(Shell *s)
{
    double last = shell_now_ms(), carry = 0;
    int quit = 0;
    shell_frame(s, 1);
    while (!quit && !game_wants_quit(s->game)) {
        /* Sleep until an event, or until the view changes by itself. */
        uint32_t next = game_next_change(s->game, (unsigned)s->ui.scene.bar_segments);
        int timeout = next == UINT32_MAX ? 1000 : (int)(next > 1000 ? 1000 : next);
        timeout -= (int)carry;
        if (timeout < 0)
            timeout = 0;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout)) {
            quit |= shell_handle_event(s, &e);
            while (SDL_PollEvent(&e))
                quit |= shell_handle_event(s, &e);
        }
        double now = shell_now_ms();
        carry += now - last;
        last = now;
        if (carry > 60000)
            carry = 60000;
        while (carry >= SHELL_STEP_MS) {
            game_update(s->game, SHELL_STEP_MS);
            carry -= SHELL_STEP_MS;
        }
        shell_play_sounds(s);
        shell_frame(s, 0);
    }
}

/* ---- the timedemo ---- */

static int shell_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void shell_timedemo(Shell *s, double start_ms)
{
    long frames = s->opts->frames;
    double *times = xmalloc((size_t)frames * sizeof *times);
    Demo demo;
    demo_init(&demo, s->opts->seed_given ? s->opts->seed : 1);
    double startup = 0;
    for (long f = 0; f < frames; f++) {
        double t0 = shell_now_ms();
        SDL_Event e;
        while (SDL_PollEvent(&e))
            if (e.type == SDL_QUIT)
                frames = f;
        game_handle(s->game, demo_next(&demo, game_view(s->game), DEMO_STEP_MS));
        game_update(s->game, DEMO_STEP_MS);
        shell_play_sounds(s);
        shell_frame(s, 1);
        double t1 = shell_now_ms();
        times[f] = t1 - t0;
        if (f == 0)
            startup = t1 - start_ms;
    }
    double sum = 0;
    for (long f = 0; f < frames; f++)
        sum += times[f];
    qsort(times, (size_t)frames, sizeof *times, shell_cmp_double);
    long p99 = frames > 0 ? (long)((double)frames * 0.99 + 0.999999) - 1 : 0;
    if (p99 < 0)
        p99 = 0;
    printf("startup_ms: %.2f\nframes: %ld\nframe_ms_mean: %.3f\nframe_ms_p99: %.3f\n", startup,
           frames, frames ? sum / (double)frames : 0.0, frames ? times[p99] : 0.0);
    fflush(stdout);
    free(times);
}

/* ---- the whole ---- */

static void shell_close(Shell *s)
{
    if (s->game)
        shell_save(s);
    free(s->save_path);
    game_free(s->game);
    screens_free();
    ui_free(&s->ui);
    textcache_free(s->cache);
    input_close(&s->input);
    if (s->renderer)
        SDL_DestroyRenderer(s->renderer);
    if (s->window)
        SDL_DestroyWindow(s->window);
    audio_close(s->audio);
    fonts_close(s->fonts);
    if (s->ttf_up)
        TTF_Quit();
    if (s->sdl_up)
        SDL_Quit();
    profile_free(s->profile);
    levels_free(s->levels);
    bank_free(s->bank);
    free(s->root);
}

int shell_run(const Options *opts)
{
    double start = opts->start_ms > 0 ? opts->start_ms : shell_now_ms();
    Shell s;
    memset(&s, 0, sizeof s);
    s.opts = opts;
    int timedemo = opts->command == CMD_TIMEDEMO;
    s.timedemo = timedemo;
    int rc = 1;
    if (shell_load(&s) == 0 && shell_video(&s, timedemo) == 0) {
        uint64_t seed = opts->seed_given ? opts->seed
                                         : (uint64_t)time(NULL) ^ SDL_GetPerformanceCounter();
        if (timedemo && !opts->seed_given)
            seed = 1;
        uint32_t today = shell_today();
        if (timedemo)
            profile_day_parse(DEMO_DAY, &today);
        s.game = game_new(s.bank, s.levels, s.profile, seed, today);
        game_set_pack(s.game, s.own_pack ? s.corpus_name : NULL);
        if (s.keep_saved_settings)
            s.saved_daily = profile_daily_day(s.profile, game_view(s.game)->daily_table);
        s.ctx.bank = s.bank;
        s.ctx.profile = s.profile;
        s.ctx.levels = s.levels;
        s.ctx.corpus_name = s.corpus_name;
        s.ctx.session_muted = opts->mute;
        s.ctx.save_problem = s.save_problem;
        shell_resize(&s);
        shell_apply_audio(&s);
        if (timedemo)
            shell_timedemo(&s, start);
        else
            shell_loop(&s);
        rc = 0;
    }
    shell_close(&s);
    return rc;
}
