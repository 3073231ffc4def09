/* test_layout.c - what the screens draw, with real fonts on SDL's dummy
 * video driver: every question of the shipped corpus, of every kind, fits
 * at 640x480 (and at 720p and 4K) with nothing clipped or overlapping;
 * every screen stays inside the content area; text is rendered once and
 * then found in the fx.cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/bank.h"
#include "core/corpus.h"
#include "core/demo.h"
#include "core/diag.h"
#include "core/game.h"
#include "core/round.h"
#include "shell/screens/question_layout.h"
#include "shell/screens/screens.h"
#include "shell/text.h"
#include "shell/ui.h"
#include "ui_fixture.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdlib.h>
#include <string.h>

#define SEED QA_SOURCE_DIR "/assets/corpus/python-interview.md"

static Bank *bank;
static UiFixture fx;

static int setup(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    bank = corpus_load(SEED, d);
    diag_free(d);
    return ui_fixture_open(&fx, 0, 640, 480);
}

static int teardown(void **state)
{
    (void)state;
    ui_fixture_close(&fx);
    bank_free(bank);
    return 0;
}

static int rect_inside(SDL_Rect in, SDL_Rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* Every drawn piece is inside the content area (or inside the clip
 * rectangle that contains it, itself inside the content area). */
static void check_scene_inside(const char *what)
{
    int clipped = 0;
    SDL_Rect clip = {0, 0, 0, 0};
    for (size_t i = 0; i < fx.ui.scene.count; i++) {
        const DrawCmd *d = &fx.ui.scene.cmds[i];
        if (d->kind == DRAW_CLIP) {
            clipped = 1;
            clip = d->r;
            if (!rect_inside(clip, fx.ui.content))
                fail_msg("%s: clip rectangle outside the content area", what);
            continue;
        }
        if (d->kind == DRAW_UNCLIP) {
            clipped = 0;
            continue;
        }
        SDL_Rect r = d->r;
        if (clipped) {
            SDL_Rect visible;
            if (!SDL_IntersectRect(&r, &clip, &visible))
                continue;
            r = visible;
        }
        if (!rect_inside(r, fx.ui.content))
            fail_msg("%s: command %zu (%d,%d %dx%d) outside the content area %dx%d", what, i, r.x,
                     r.y, r.w, r.h, fx.ui.content.w, fx.ui.content.h);
    }
}

/* The question screen's options neither overlap each other nor the text
 * above them, and all sit inside the content area. */
static void check_question_hits(const char *what, int prompt_bottom)
{
    for (size_t i = 0; i < fx.ui.scene.hit_count; i++) {
        SDL_Rect a = fx.ui.scene.hits[i].r;
        if (!rect_inside(a, fx.ui.content))
            fail_msg("%s: option %zu outside the content area", what, i);
        if (a.y < prompt_bottom)
            fail_msg("%s: option %zu overlaps the prompt", what, i);
        for (size_t j = i + 1; j < fx.ui.scene.hit_count; j++) {
            SDL_Rect b = fx.ui.scene.hits[j].r;
            if (SDL_HasIntersection(&a, &b))
                fail_msg("%s: options %zu and %zu overlap", what, i, j);
        }
    }
}

/* The columns the question screen tells the game (which the arrows
 * follow) are the ones it draws: in reading order, options i and
 * i + columns share a column, and a row holds `columns` options. */
static void check_columns(const char *what, size_t count)
{
    int cols = fx.ui.scene.columns;
    if (cols < 1 || fx.ui.scene.hit_count < count)
        fail_msg("%s: %d columns, %zu hits", what, cols, fx.ui.scene.hit_count);
    for (size_t i = 0; i < count; i++) {
        SDL_Rect a = fx.ui.scene.hits[i].r;
        for (size_t j = i + 1; j < count; j++) {
            SDL_Rect b = fx.ui.scene.hits[j].r;
            int same_row = i / (size_t)cols == j / (size_t)cols;
            int same_col = i % (size_t)cols == j % (size_t)cols;
            if (same_row != (a.y == b.y) || (same_col && a.x != b.x))
                fail_msg("%s: options %zu and %zu are not where %d columns put them", what, i,
                         j, cols);
        }
    }
}

/* The code a prompt asks about is drawn on its panel, between the prompt
 * and the options (which start at or below `options_top`), with text on
 * it. */
static void check_code_panel(const char *what, int options_top)
{
    SDL_Color bg = fx.ui.pal.code_bg;
    for (size_t i = 0; i < fx.ui.scene.count; i++) {
        const DrawCmd *d = &fx.ui.scene.cmds[i];
        if (d->kind != DRAW_FILL || d->c.r != bg.r || d->c.g != bg.g || d->c.b != bg.b ||
            d->r.y + d->r.h > options_top)
            continue;
        for (size_t j = i + 1; j < fx.ui.scene.count; j++) {
            const DrawCmd *t = &fx.ui.scene.cmds[j];
            if (t->kind == DRAW_TEXTURE && rect_inside(t->r, d->r))
                return;
        }
    }
    fail_msg("%s: no code panel with text above the options", what);
}

static GameView question_view(const RoundItem *it, Round *round, Timer *timer)
{
    GameView v;
    memset(&v, 0, sizeof v);
    v.screen = SCREEN_QUESTION;
    v.mode = MODE_LEVEL;
    v.round = round;
    v.item = it;
    v.timer = timer;
    v.timed = 1;
    v.topic = it->topic;
    v.level = 3;
    v.total = 12;
    v.index = 11;
    v.score = v.shown_score = 123456;
    v.streak = 7;
    v.transition_ms = 1000;
    v.picked = -1;
    return v;
}

static void check_every_item_of(Bank *from, int w, int h)
{
    ui_resize(&fx.ui, w, h);
    RoundGen *gen = roundgen_new(from, 77);
    Timer timer;
    timer_start(&timer, 15000);
    RoundParams p = {75, 5, KINDS_ALL};
    size_t items = 0, smallest = SIZE_MAX, with_code = 0;
    size_t missing = textcache_missing_glyphs(fx.cache, NULL);
    char what[128];
    for (int r = 0; r < 12; r++) {
        Round round;
        round_generate(gen, NULL, 0, &p, &round);
        for (size_t i = 0; i < round.count; i++) {
            const RoundItem *it = &round.items[i];
            GameView v = question_view(it, &round, &timer);
            snprintf(what, sizeof what, "%dx%d question %zu (%s)", w, h, it->question,
                     kind_name(it->kind));
            screens_build(&fx.ui, &v, &(ScreenCtx){.bank = from, .corpus_name = "test"});
            check_scene_inside(what);
            /* Fitting: the layout says it fits, and no line is wider than
             * the text area. */
            QuestionFit fit;
            memset(&fit, 0, sizeof fit);
            int width = fx.ui.content.w - 2 * ui_px(&fx.ui, UI_MARGIN);
            int height = fx.ui.content.h - ui_px(&fx.ui, QUESTION_TOP) - ui_px(&fx.ui, QUESTION_BOTTOM);
            question_fit(&fx.ui, it, width, height, &fit);
            if (!fit.fits)
                fail_msg("%s does not fit: %d of %d pixels", what, fit.height, height);
            int code = it->kind == KIND_OUTPUT;
            if (fit.prompt.width > width - (code ? 2 * ui_px(&fx.ui, QUESTION_PAD) : 0))
                fail_msg("%s: prompt %d wider than %d: %s", what, fit.prompt.width, width,
                         it->prompt);
            if ((size_t)fit.option_px < smallest)
                smallest = (size_t)fit.option_px;
            int prompt_bottom = fx.ui.content.y + ui_px(&fx.ui, QUESTION_TOP) + fit.prompt.height;
            if (it->code) {
                if (fit.code.width > width - 2 * ui_px(&fx.ui, QUESTION_PAD))
                    fail_msg("%s: code %d wider than %d", what, fit.code.width, width);
                prompt_bottom += fit.code.height + 3 * ui_px(&fx.ui, QUESTION_PAD);
                check_code_panel(what, prompt_bottom);
                with_code++;
            }
            question_fit_free(&fit);
            check_question_hits(what, prompt_bottom);
            check_columns(what, it->option_count);
            items++;
        }
        round_free(&round);
    }
    /* Readable: never below 12 design units. */
    assert_true(smallest >= (size_t)ui_px(&fx.ui, 12));
    /* Every character drawn has a glyph in the shipped fonts. */
    const char *example;
    if (textcache_missing_glyphs(fx.cache, &example) != missing)
        fail_msg("%zu characters without a glyph, first in \"%s\"",
                 textcache_missing_glyphs(fx.cache, &example) - missing, example);
    print_message("%dx%d: %zu questions fit (%zu with code), smallest option text %zu px\n", w,
                  h, items, with_code, smallest);
    roundgen_free(gen);
}

static void check_every_item_at(int w, int h)
{
    check_every_item_of(bank, w, h);
}

static void test_every_question_fits_at_640x480(void **state)
{
    (void)state;
    check_every_item_at(640, 480);
}

/* A pack of output puzzles: prompts with code under them (up to the 14
 * lines the reader keeps) and long answers. */
static void test_questions_with_code_fit_at_640x480(void **state)
{
    (void)state;
    Diagnostics *d = diag_new();
    Bank *puzzles = corpus_load(QA_SOURCE_DIR "/tests/corpora/foreign/python-output-puzzles.md", d);
    diag_free(d);
    assert_true(bank_question_count(puzzles) >= 8);
    check_every_item_of(puzzles, 640, 480);
    bank_free(puzzles);
}

/* A pack written the way chat assistants write them: emoji in prompts
 * and answers, some with variation selectors and skin tones. */
static const char emoji_pack[] =
    "## Git \xF0\x9F\x9A\x80\n\n" /* rocket */
    "1. **What does `git stash` do? \xF0\x9F\xA4\x94**\n" /* thinking face */
    "   - \xE2\x9C\x85 It shelves your changes and leaves a clean working tree.\n\n" /* check */
    "2. **What does `git rebase` do? \xF0\x9F\x94\xA5**\n" /* fire */
    "   - \xE2\x9A\xA0\xEF\xB8\x8F It replays your commits on top of another base.\n\n" /* warning */
    "3. **What does `git bisect` find? \xF0\x9F\x90\x9B**\n" /* bug */
    "   - \xF0\x9F\x91\x89 The first commit that introduced a bug, by binary search.\n\n"
    "4. **What does `git cherry-pick` do? \xF0\x9F\x8D\x92**\n" /* cherries */
    "   - \xF0\x9F\x93\x9D It applies the change of one commit onto the current branch.\n\n"
    "5. **What does `git blame` show? \xF0\x9F\x95\xB5\xEF\xB8\x8F**\n" /* detective */
    "   - \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD Who last changed each line of a file, and in which commit.\n";

static void test_a_pack_with_emoji_fits_and_draws_them(void **state)
{
    (void)state;
    CorpusReader *r = corpus_reader_new();
    Diagnostics *d = diag_new();
    corpus_reader_add(r, "emoji.md", emoji_pack, sizeof emoji_pack - 1, d);
    Bank *pack = corpus_reader_finish(r, d);
    diag_free(d);
    assert_int_equal(bank_question_count(pack), 5);
    assert_non_null(strstr(bank_question(pack, 0)->prompt, "\xF0\x9F\xA4\x94"));
    check_every_item_of(pack, 640, 480);
    bank_free(pack);
}

static int width_of(Face face, const char *s)
{
    int w, h;
    text_size(fx.fonts, face, 24, s, &w, &h);
    return w;
}

/* Ink pixels of a string drawn white on black at 24 px. */
static size_t ink_of(Face face, const char *s)
{
    int w, h;
    SDL_Texture *tex = textcache_get(fx.cache, face, 24, (SDL_Color){255, 255, 255, 255}, s,
                                     strlen(s), &w, &h);
    if (!tex)
        return 0;
    SDL_SetRenderDrawColor(fx.renderer, 0, 0, 0, 255);
    SDL_RenderClear(fx.renderer);
    SDL_RenderCopy(fx.renderer, tex, NULL, &(SDL_Rect){0, 0, w, h});
    Uint32 *px = calloc((size_t)w * (size_t)h, sizeof *px);
    SDL_RenderReadPixels(fx.renderer, &(SDL_Rect){0, 0, w, h}, SDL_PIXELFORMAT_ARGB8888, px,
                         w * 4);
    size_t ink = 0;
    for (int i = 0; i < w * h; i++)
        ink += (px[i] & 0xFF) > 128;
    free(px);
    return ink;
}

/* Symbols and emoji DejaVu lacks come from the symbol font, on the same
 * line; variation selectors and joiners draw nothing; a character no
 * font has is left out (not drawn as an empty box) and counted. */
static void test_symbols_and_emoji_come_from_the_symbol_font(void **state)
{
    (void)state;
    size_t missing = textcache_missing_glyphs(fx.cache, NULL);
    const char *emoji[] = {"\xF0\x9F\x9A\x80", /* rocket */ "\xE2\x9C\x85", /* check mark */
                           "\xF0\x9F\x90\x8D", /* snake */ "\xF0\x9F\x92\xA1" /* bulb */};
    for (size_t i = 0; i < sizeof emoji / sizeof *emoji; i++) {
        assert_true(width_of(FACE_SANS, emoji[i]) > 8);
        assert_true(ink_of(FACE_SANS, emoji[i]) > 20);
        assert_true(ink_of(FACE_BOLD, emoji[i]) > 20);
    }
    /* "✅ Done": the mark takes room before the word, in one texture as
     * tall as the face's lines. */
    assert_true(width_of(FACE_SANS, "\xE2\x9C\x85 Done") >
                width_of(FACE_SANS, " Done") + 8);
    int w, h;
    textcache_get(fx.cache, FACE_SANS, 24, (SDL_Color){255, 255, 255, 255},
                  "\xE2\x9C\x85 Done", 8, &w, &h);
    assert_int_equal(h, TTF_FontHeight(fonts_get(fx.fonts, FACE_SANS, 24)));
    /* Warning sign + variation selector 16: as wide as the sign alone. */
    assert_int_equal(width_of(FACE_SANS, "\xE2\x9A\xA0\xEF\xB8\x8F"),
                     width_of(FACE_SANS, "\xE2\x9A\xA0"));
    /* Thumbs up with a skin tone: the tone modifies, it is not a second
     * glyph. */
    assert_int_equal(width_of(FACE_SANS, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"),
                     width_of(FACE_SANS, "\xF0\x9F\x91\x8D"));
    assert_int_equal(textcache_missing_glyphs(fx.cache, NULL), missing);

    /* U+1FAE0 (melting face) is in no shipped font: left out, counted. */
    assert_int_equal(width_of(FACE_SANS, "x\xF0\x9F\xAB\xA0y"),
                     width_of(FACE_SANS, "x") + width_of(FACE_SANS, "y"));
    assert_int_equal(ink_of(FACE_SANS, "\xF0\x9F\xAB\xA0"), 0);
    assert_int_equal(textcache_missing_glyphs(fx.cache, NULL), missing + 1);
}

static void test_every_question_fits_at_720p_and_4k(void **state)
{
    (void)state;
    check_every_item_at(1280, 720);
    check_every_item_at(3840, 2160);
}

/* Texts of the scene that touch no other text or box. */
static size_t count_lone_texts(void)
{
    size_t lone = 0;
    for (size_t i = 0; i < fx.ui.scene.count; i++) {
        const DrawCmd *d = &fx.ui.scene.cmds[i];
        if (d->kind != DRAW_TEXTURE)
            continue;
        int alone = 1;
        for (size_t j = 0; j < fx.ui.scene.count && alone; j++) {
            const DrawCmd *e = &fx.ui.scene.cmds[j];
            if (j != i && (e->kind == DRAW_TEXTURE || e->kind == DRAW_FILL) &&
                SDL_HasIntersection(&d->r, &e->r))
                alone = 0;
        }
        lone += alone;
    }
    return lone;
}

/* With progress not being saved, the screen that says so has one more
 * text, inside the content area and clear of every other text and box. */
static void check_save_problem_line(const GameView *v, const ScreenCtx *ctx, const char *what)
{
    ScreenCtx told = *ctx;
    told.save_problem = "cannot create the save folder /media/card/a/very/long/path/that/goes/"
                        "on/and/on/quizarcade (/media/card: Read-only file system)";
    told.corpus_warnings = 12345; /* the title's subtitle grows too */
    screens_build(&fx.ui, v, ctx);
    size_t count = fx.ui.scene.count, lone = count_lone_texts();
    screens_build(&fx.ui, v, &told);
    check_scene_inside(what);
    if (fx.ui.scene.count != count + 1)
        fail_msg("%s: %zu commands with the save problem, %zu without", what,
                 fx.ui.scene.count, count);
    if (count_lone_texts() != lone + 1)
        fail_msg("%s: the save problem line overlaps other things", what);
}

/* Plays a scripted session and checks every scene built along the way. */
static void test_every_screen_stays_inside_at_640x480(void **state)
{
    (void)state;
    ui_resize(&fx.ui, 640, 480);
    size_t missing = textcache_missing_glyphs(fx.cache, NULL);
    Profile *profile = profile_new();
    Levels *levels = levels_new();
    Game *g = game_new(bank, levels, profile, 3, 20781);
    const GameView *v = game_view(g);
    Demo d;
    demo_init(&d, 5);
    ScreenCtx ctx = {.bank = bank, .profile = profile, .levels = levels,
                     .corpus_name = "python-interview.md"};
    uint64_t built = UINT64_MAX;
    int seen[SCREEN_COUNT] = {0};
    char what[64];
    for (uint32_t t = 0; t < 25 * 60 * 1000; t += 16) {
        game_handle(g, demo_next(&d, v, 16));
        game_update(g, 16);
        while (game_take_sound(g) != SOUND_NONE)
            ;
        if (game_version(g) == built)
            continue;
        built = game_version(g);
        screens_build(&fx.ui, v, &ctx);
        game_set_max_scroll(g, fx.ui.scene.max_scroll);
        snprintf(what, sizeof what, "screen %d overlay %d", v->screen, v->overlay);
        check_scene_inside(what);
        if ((v->screen == SCREEN_TITLE || v->screen == SCREEN_RESULTS) && !seen[v->screen])
            check_save_problem_line(v, &ctx, what);
        seen[v->screen] = 1;
    }
    for (int s = 0; s < SCREEN_COUNT; s++)
        if (!seen[s])
            fail_msg("screen %d never shown", s);
    /* Every character the screens drew has a glyph in the shipped fonts
     * (the corpus's text included): no empty boxes. */
    const char *example;
    if (textcache_missing_glyphs(fx.cache, &example) != missing)
        fail_msg("%zu characters without a glyph, first in \"%s\"",
                 textcache_missing_glyphs(fx.cache, &example) - missing, example);
    game_free(g);
    levels_free(levels);
    profile_free(profile);
}

/* Does the scene draw texture t? */
static int scene_has_texture(const SDL_Texture *t)
{
    for (size_t i = 0; i < fx.ui.scene.count; i++)
        if (fx.ui.scene.cmds[i].kind == DRAW_TEXTURE && fx.ui.scene.cmds[i].tex == t)
            return 1;
    return 0;
}

/* Paused with the clock running, the question and its options are not
 * drawn under the pause menu nor under the quit confirmation reached from
 * it; in relaxed play they stay. */
static void test_pause_hides_a_timed_question(void **state)
{
    (void)state;
    ui_resize(&fx.ui, 640, 480);
    RoundGen *gen = roundgen_new(bank, 12);
    Timer timer;
    timer_start(&timer, 15000);
    RoundParams p = {10, 4, KINDS_ALL};
    Round round;
    round_generate(gen, NULL, 0, &p, &round);
    ScreenCtx ctx = {.bank = bank, .corpus_name = "test"};
    for (int timed = 0; timed <= 1; timed++) {
        GameView v = question_view(&round.items[0], &round, &timer);
        v.timed = timed;
        screens_build(&fx.ui, &v, &ctx);
        SDL_Texture *shown[256];
        size_t n = 0;
        for (size_t i = 0; i < fx.ui.scene.count && n < 256; i++)
            if (fx.ui.scene.cmds[i].kind == DRAW_TEXTURE)
                shown[n++] = fx.ui.scene.cmds[i].tex;
        assert_true(n >= 5); /* the prompt and the options at least */
        for (int o = OVERLAY_PAUSE; o <= OVERLAY_CONFIRM; o++) {
            v.overlay = (Overlay)o;
            screens_build(&fx.ui, &v, &ctx);
            check_scene_inside(timed ? "paused, timed" : "paused, relaxed");
            size_t still = 0;
            for (size_t i = 0; i < n; i++)
                still += scene_has_texture(shown[i]);
            if (timed)
                assert_int_equal(still, 0);
            else
                assert_int_equal(still, n);
        }
    }
    round_free(&round);
    roundgen_free(gen);
}

/* The sound notice sits inside the content area, over any screen. */
static void test_sound_notice_fits(void **state)
{
    (void)state;
    Profile *profile = profile_new();
    for (int w = 640; w <= 1280; w += 640) {
        ui_resize(&fx.ui, w, w * 3 / 4);
        GameView v;
        memset(&v, 0, sizeof v);
        v.screen = SCREEN_TITLE;
        v.topic = SIZE_MAX;
        ScreenCtx ctx = {.bank = bank, .profile = profile, .corpus_name = "test"};
        screens_build(&fx.ui, &v, &ctx);
        size_t plain = fx.ui.scene.count;
        for (int t = TOAST_MUTED; t <= TOAST_LOCKED; t++) {
            for (int session = 0; session <= 1; session++) {
                v.toast = (Toast)t;
                v.toast_level = 12;
                ctx.session_muted = session;
                screens_build(&fx.ui, &v, &ctx);
                check_scene_inside("sound notice");
                assert_int_equal(fx.ui.scene.count, plain + 3); /* box, frame, text */
            }
        }
    }
    profile_free(profile);
}

static void test_long_explanations_scroll(void **state)
{
    (void)state;
    ui_resize(&fx.ui, 640, 480);
    RoundGen *gen = roundgen_new(bank, 8);
    RoundParams p = {75, 4, KIND_BIT(KIND_ANSWER)};
    Round round;
    round_generate(gen, NULL, 0, &p, &round);
    Timer timer;
    timer_start(&timer, 10000);
    ScreenCtx ctx = {.bank = bank, .corpus_name = "test"};
    size_t scrolling = 0;
    for (size_t i = 0; i < round.count; i++) {
        const RoundItem *it = &round.items[i];
        GameView v = question_view(it, &round, &timer);
        v.screen = SCREEN_FEEDBACK;
        v.picked = (int)(it->answer + 1) % (int)it->option_count;
        screens_build(&fx.ui, &v, &ctx);
        check_scene_inside("feedback, top");
        if (fx.ui.scene.max_scroll <= 0)
            continue;
        scrolling++;
        v.scroll = fx.ui.scene.max_scroll;
        screens_build(&fx.ui, &v, &ctx);
        check_scene_inside("feedback, scrolled to the end");
    }
    /* At 640x480 the long answers with code do not fit at once. */
    assert_true(scrolling >= 3);
    print_message("%zu of %zu explanations scroll at 640x480\n", scrolling, round.count);
    round_free(&round);
    roundgen_free(gen);
}

static size_t count_textures(void)
{
    size_t n = 0;
    for (size_t i = 0; i < fx.ui.scene.count; i++)
        n += fx.ui.scene.cmds[i].kind == DRAW_TEXTURE;
    return n;
}

/* A full table of the widest scores: four column headings over the rows,
 * no text touching another, everything inside. */
static void test_a_full_score_table_has_headings_and_fits(void **state)
{
    (void)state;
    static const int sizes[][2] = {{640, 480}, {1280, 720}};
    for (size_t k = 0; k < 2; k++) {
        ui_resize(&fx.ui, sizes[k][0], sizes[k][1]);
        Profile *profile = profile_new();
        GameView v;
        memset(&v, 0, sizeof v);
        v.screen = SCREEN_SCORES;
        v.score_table = GAME_TABLE_ARCADE;
        ScreenCtx ctx = {.bank = bank, .profile = profile, .corpus_name = "test"};
        screens_build(&fx.ui, &v, &ctx);
        size_t empty = count_textures();
        for (unsigned i = 0; i < 40; i++) {
            HighScore e = {"WWW", 99999999u - i, 100, "2026-11-24"};
            profile_insert(profile, GAME_TABLE_ARCADE, &e);
        }
        const HighScore *entries;
        size_t rows = profile_table(profile, GAME_TABLE_ARCADE, &entries);
        assert_true(rows >= 5);
        v.selected = 0;
        screens_build(&fx.ui, &v, &ctx);
        check_scene_inside("full score table");
        /* "No scores yet." gives way to 4 headings and 5 texts a row. */
        assert_int_equal(count_textures(), empty - 1 + 4 + 5 * rows);
        for (size_t i = 0; i < fx.ui.scene.count; i++)
            for (size_t j = i + 1; j < fx.ui.scene.count; j++) {
                const DrawCmd *a = &fx.ui.scene.cmds[i], *b = &fx.ui.scene.cmds[j];
                if (a->kind == DRAW_TEXTURE && b->kind == DRAW_TEXTURE &&
                    SDL_HasIntersection(&a->r, &b->r))
                    fail_msg("%dx%d: texts %zu and %zu overlap", sizes[k][0], sizes[k][1], i, j);
            }
        profile_free(profile);
    }
}

static void test_text_is_rendered_once_then_cached(void **state)
{
    (void)state;
    ui_resize(&fx.ui, 1280, 720);
    Profile *profile = profile_new();
    Game *g = game_new(bank, NULL, profile, 1, 20781);
    ScreenCtx ctx = {.bank = bank, .profile = profile, .corpus_name = "test"};
    screens_build(&fx.ui, game_view(g), &ctx);
    size_t first = textcache_renders(fx.cache);
    for (int i = 0; i < 50; i++)
        screens_build(&fx.ui, game_view(g), &ctx);
    assert_int_equal(textcache_renders(fx.cache), first);
    game_free(g);
    profile_free(profile);
}

static void test_layout_scales_and_letterboxes(void **state)
{
    (void)state;
    ui_resize(&fx.ui, 640, 480);
    assert_int_equal(fx.ui.content.w, 640);
    assert_int_equal(fx.ui.design_w, 640);
    ui_resize(&fx.ui, 1280, 720);
    assert_int_equal(fx.ui.design_w, 853);
    ui_resize(&fx.ui, 3000, 720); /* ultra-wide: pillarboxed to 16:9 */
    assert_int_equal(fx.ui.content.w, 1280);
    assert_int_equal(fx.ui.content.x, 860);
    ui_resize(&fx.ui, 800, 1200); /* portrait: letterboxed to 4:3 */
    assert_int_equal(fx.ui.content.h, 600);
    assert_int_equal(fx.ui.content.y, 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_scales_and_letterboxes),
        cmocka_unit_test(test_every_question_fits_at_640x480),
        cmocka_unit_test(test_every_question_fits_at_720p_and_4k),
        cmocka_unit_test(test_questions_with_code_fit_at_640x480),
        cmocka_unit_test(test_a_pack_with_emoji_fits_and_draws_them),
        cmocka_unit_test(test_symbols_and_emoji_come_from_the_symbol_font),
        cmocka_unit_test(test_pause_hides_a_timed_question),
        cmocka_unit_test(test_sound_notice_fits),
        cmocka_unit_test(test_long_explanations_scroll),
        cmocka_unit_test(test_every_screen_stays_inside_at_640x480),
        cmocka_unit_test(test_a_full_score_table_has_headings_and_fits),
        cmocka_unit_test(test_text_is_rendered_once_then_cached),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
