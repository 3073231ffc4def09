/* test_input.c - events to actions (src/shell/input.c): keyboard, gamepad,
 * mouse and touch, hit-tested against the real scenes the screens build
 * with real fonts on SDL's dummy video driver at 640x480, from a real game
 * driven to the screen under test. SDL events are made by hand. Gamepad
 * hot-plugging uses SDL's virtual joysticks when they work here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"
#include "core/game.h"
#include "core/profile.h"
#include "shell/input.h"
#include "shell/screens/screens.h"
#include "shell/text.h"
#include "shell/ui.h"
#include "ui_fixture.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdlib.h>
#include <string.h>

#define SEED QA_SOURCE_DIR "/assets/corpus/python-interview.md"

enum { W = 640, H = 480 };

static Bank *bank;
static UiFixture fx;

/* What every test gets: a fresh profile, game and input. */
typedef struct Fixture {
    Profile *profile;
    Game *game;
    Input in;
    ScreenCtx ctx;
} Fixture;

static int group_setup(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    /* The dummy driver's window never has focus: without this, SDL drops
     * the virtual gamepad's button presses. */
    SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1");
    Diagnostics *d = diag_new();
    bank = corpus_load(SEED, d);
    diag_free(d);
    if (!bank)
        return -1;
    return ui_fixture_open(&fx, SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS, W, H);
}

static int group_teardown(void **state)
{
    (void)state;
    ui_fixture_close(&fx);
    bank_free(bank);
    return 0;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->profile = profile_new();
    f->game = game_new(bank, NULL, f->profile, 1, 20781);
    f->ctx = (ScreenCtx){.bank = bank, .profile = f->profile,
                         .corpus_name = "python-interview.md"};
    input_open(&f->in);
    ui_resize(&fx.ui, W, H);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    input_close(&f->in);
    game_free(f->game);
    profile_free(f->profile);
    free(f);
    return 0;
}

/* ---- helpers ---- */

static const GameView *view(Fixture *f)
{
    return game_view(f->game);
}

/* Builds the current screen's scene, as the shell does after a change. */
static void build(Fixture *f)
{
    screens_build(&fx.ui, view(f), &f->ctx);
    game_set_max_scroll(f->game, fx.ui.scene.max_scroll);
}

static void act(Fixture *f, ActionType t, int index)
{
    game_handle(f->game, (Action){t, index});
    build(f);
}

/* Title -> Arcade: the first question, built. */
static void go_question(Fixture *f)
{
    assert_int_equal(view(f)->screen, SCREEN_TITLE);
    act(f, ACTION_CHOOSE, TITLE_ARCADE);
    assert_int_equal(view(f)->screen, SCREEN_QUESTION);
    assert_int_equal(view(f)->overlay, OVERLAY_NONE);
    assert_true(view(f)->item->option_count >= 2);
}

/* Title -> Play: the topics, built. */
static void go_topics(Fixture *f)
{
    assert_int_equal(view(f)->screen, SCREEN_TITLE);
    act(f, ACTION_CHOOSE, TITLE_PLAY);
    assert_int_equal(view(f)->screen, SCREEN_TOPICS);
}

/* Feeds one event; the actions land in out, the requests in *req. */
static int feed(Fixture *f, const SDL_Event *e, Action out[INPUT_MAX_ACTIONS], unsigned *req)
{
    for (int i = 0; i < INPUT_MAX_ACTIONS; i++)
        out[i] = (Action){ACTION_NONE, 0};
    *req = 0;
    int n = input_event(&f->in, e, &fx.ui, view(f), out, req);
    assert_true(n >= 0 && n <= INPUT_MAX_ACTIONS);
    return n;
}

/* Feeds one event and hands its actions to the game. */
static int feed_game(Fixture *f, const SDL_Event *e, Action out[INPUT_MAX_ACTIONS])
{
    unsigned req;
    int n = feed(f, e, out, &req);
    for (int i = 0; i < n; i++)
        game_handle(f->game, out[i]);
    build(f);
    return n;
}

static void assert_action(Action a, ActionType t, int index)
{
    if (a.type != t || a.index != index)
        fail_msg("action {%d, %d}, expected {%d, %d}", a.type, a.index, t, index);
}

/* Exactly one action, of type t with index. */
static void assert_one(int n, const Action out[], ActionType t, int index)
{
    if (n != 1)
        fail_msg("%d actions, expected one {%d, %d}", n, t, index);
    assert_action(out[0], t, index);
}

/* Whether out[0..n) holds an action of type t. */
static int has_type(int n, const Action out[], ActionType t)
{
    for (int i = 0; i < n; i++)
        if (out[i].type == t)
            return 1;
    return 0;
}

/* The hit region of the current scene that clicks {t, index}. */
static const HitRegion *find_hit(ActionType t, int index)
{
    for (size_t i = 0; i < fx.ui.scene.hit_count; i++)
        if (fx.ui.scene.hits[i].click.type == t && fx.ui.scene.hits[i].click.index == index)
            return &fx.ui.scene.hits[i];
    fail_msg("no hit region clicks {%d, %d}", t, index);
    return NULL;
}

static SDL_Point center(const HitRegion *h)
{
    return (SDL_Point){h->r.x + h->r.w / 2, h->r.y + h->r.h / 2};
}

static SDL_Event key(SDL_Keycode sym, Uint16 mod, int repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = (Uint8)repeat;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    e.key.keysym.mod = mod;
    return e;
}

static SDL_Event pad_button(Uint8 button)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_CONTROLLERBUTTONDOWN;
    e.cbutton.button = button;
    e.cbutton.state = SDL_PRESSED;
    return e;
}

static SDL_Event pad_axis(Uint8 axis, Sint16 value)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_CONTROLLERAXISMOTION;
    e.caxis.axis = axis;
    e.caxis.value = value;
    return e;
}

static SDL_Event mouse_motion(int x, int y, Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    e.motion.x = x;
    e.motion.y = y;
    return e;
}

static SDL_Event mouse_button(int x, int y, Uint8 button, Uint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = which;
    e.button.button = button;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    return e;
}

/* A finger at pixel (x, y) of the 640x480 output; dx, dy in pixels. */
static SDL_Event finger(Uint32 type, SDL_FingerID id, float x, float y, float dx, float dy)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / (float)W;
    e.tfinger.y = y / (float)H;
    e.tfinger.dx = dx / (float)W;
    e.tfinger.dy = dy / (float)H;
    e.tfinger.pressure = 1.0f;
    return e;
}

/* ---- keyboard ---- */

static void test_keys_1_to_5_and_a_to_e_choose_options(void **state)
{
    Fixture *f = *state;
    go_question(f);
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    /* The keys become characters; the question screen maps them to
     * options (core/game.c game_option_key). */
    for (int i = 0; i < 5; i++) {
        SDL_Event e = key(SDLK_1 + i, KMOD_NONE, 0);
        assert_one(feed(f, &e, out, &req), out, ACTION_CHAR, '1' + i);
        e = key(SDLK_KP_1 + i, KMOD_NUM, 0);
        assert_one(feed(f, &e, out, &req), out, ACTION_CHAR, '1' + i);
        e = key(SDLK_a + i, KMOD_NONE, 0);
        assert_one(feed(f, &e, out, &req), out, ACTION_CHAR, 'a' + i);
        e = key(SDLK_a + i, KMOD_LSHIFT, 0); /* 'A': the same key */
        assert_one(feed(f, &e, out, &req), out, ACTION_CHAR, 'a' + i);
        assert_int_equal(req, 0);
    }
    /* A held key does not answer again. */
    SDL_Event held = key(SDLK_2, KMOD_NONE, 1);
    assert_int_equal(feed(f, &held, out, &req), 0);

    /* And the game answers with the option: '3' picks the third... */
    SDL_Event e = key(SDLK_3, KMOD_NONE, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_FEEDBACK);
    assert_int_equal(view(f)->picked, 2);
    act(f, ACTION_CONFIRM, 0);
    assert_int_equal(view(f)->screen, SCREEN_QUESTION);
    /* ...and 'b' the second. */
    e = key(SDLK_b, KMOD_NONE, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_FEEDBACK);
    assert_int_equal(view(f)->picked, 1);
}

static void test_key_escape_goes_back_and_pauses_a_round(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_topics(f);
    SDL_Event esc = key(SDLK_ESCAPE, KMOD_NONE, 0);
    assert_one(feed(f, &esc, out, &req), out, ACTION_BACK, 0);
    SDL_Event bs = key(SDLK_BACKSPACE, KMOD_NONE, 0);
    assert_one(feed(f, &bs, out, &req), out, ACTION_BACK, 0);
    SDL_Event held = key(SDLK_ESCAPE, KMOD_NONE, 1);
    assert_int_equal(feed(f, &held, out, &req), 0);
    /* Back from the topics: the title. */
    feed_game(f, &esc, out);
    assert_int_equal(view(f)->screen, SCREEN_TITLE);
    /* In a round, Esc pauses. */
    go_question(f);
    feed_game(f, &esc, out);
    assert_int_equal(view(f)->screen, SCREEN_QUESTION);
    assert_int_equal(view(f)->overlay, OVERLAY_PAUSE);
}

static void test_key_m_mutes_except_when_typing_initials(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Event m = key(SDLK_m, KMOD_NONE, 0);
    assert_one(feed(f, &m, out, &req), out, ACTION_MUTE, 0);
    int muted = profile_settings(f->profile)->muted;
    feed_game(f, &m, out);
    assert_int_equal(profile_settings(f->profile)->muted, !muted);
    SDL_Event held = key(SDLK_m, KMOD_NONE, 1);
    assert_int_equal(feed(f, &held, out, &req), 0);
    /* On the initials screen M is a letter. */
    GameView initials;
    memset(&initials, 0, sizeof initials);
    initials.screen = SCREEN_INITIALS;
    req = 0;
    int n = input_event(&f->in, &m, &fx.ui, &initials, out, &req);
    assert_one(n, out, ACTION_CHAR, 'm');
}

static void test_key_f11_and_alt_enter_toggle_fullscreen(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Event e = key(SDLK_F11, KMOD_NONE, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    assert_int_equal(req, REQUEST_FULLSCREEN);
    e = key(SDLK_F11, KMOD_NONE, 1); /* held: no flicker */
    assert_int_equal(feed(f, &e, out, &req), 0);
    assert_int_equal(req, 0);
    const Uint16 alts[] = {KMOD_LALT, KMOD_RALT, KMOD_LALT | KMOD_NUM};
    const SDL_Keycode enters[] = {SDLK_RETURN, SDLK_KP_ENTER};
    for (size_t a = 0; a < sizeof alts / sizeof *alts; a++) {
        for (size_t k = 0; k < 2; k++) {
            e = key(enters[k], alts[a], 0);
            /* Full screen, and no Enter for the game. */
            assert_int_equal(feed(f, &e, out, &req), 0);
            assert_int_equal(req, REQUEST_FULLSCREEN);
        }
    }
    e = key(SDLK_RETURN, KMOD_NONE, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_CONFIRM, 0);
    assert_int_equal(req, 0);
    e = key(SDLK_SPACE, KMOD_NONE, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_CONFIRM, 0);
    /* A held Enter or Space does not confirm again and again. */
    e = key(SDLK_RETURN, KMOD_NONE, 1);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = key(SDLK_SPACE, KMOD_NONE, 1);
    assert_int_equal(feed(f, &e, out, &req), 0);
}

static void test_key_arrows_move(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    const SDL_Keycode keys[] = {SDLK_UP, SDLK_DOWN, SDLK_LEFT, SDLK_RIGHT};
    const ActionType acts[] = {ACTION_UP, ACTION_DOWN, ACTION_LEFT, ACTION_RIGHT};
    for (int i = 0; i < 4; i++) {
        SDL_Event e = key(keys[i], KMOD_NONE, 0);
        assert_one(feed(f, &e, out, &req), out, acts[i], 0);
        e = key(keys[i], KMOD_NONE, 1); /* held arrows keep moving */
        assert_one(feed(f, &e, out, &req), out, acts[i], 0);
    }
    /* Down moves the question's highlight. */
    int sel = view(f)->selected;
    SDL_Event down = key(SDLK_DOWN, KMOD_NONE, 0);
    feed_game(f, &down, out);
    assert_int_equal(view(f)->selected, (sel + 1) % (int)view(f)->item->option_count);
}

/* ---- gamepad ---- */

static void test_pad_buttons(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    const struct {
        Uint8 button;
        ActionType t;
        int index;
    } map[] = {
        {SDL_CONTROLLER_BUTTON_A, ACTION_CONFIRM, 0},
        {SDL_CONTROLLER_BUTTON_B, ACTION_BACK, 0},
        {SDL_CONTROLLER_BUTTON_START, ACTION_PAUSE, 0},
        {SDL_CONTROLLER_BUTTON_DPAD_UP, ACTION_UP, 0},
        {SDL_CONTROLLER_BUTTON_DPAD_DOWN, ACTION_DOWN, 0},
        {SDL_CONTROLLER_BUTTON_DPAD_LEFT, ACTION_LEFT, 0},
        {SDL_CONTROLLER_BUTTON_DPAD_RIGHT, ACTION_RIGHT, 0},
        {SDL_CONTROLLER_BUTTON_LEFTSHOULDER, ACTION_SCROLL, -3},
        {SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, ACTION_SCROLL, 3},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        SDL_Event e = pad_button(map[i].button);
        assert_one(feed(f, &e, out, &req), out, map[i].t, map[i].index);
        assert_int_equal(req, 0);
    }
    /* Releases do nothing, nor do unmapped buttons. */
    SDL_Event up = pad_button(SDL_CONTROLLER_BUTTON_A);
    up.type = SDL_CONTROLLERBUTTONUP;
    up.cbutton.state = SDL_RELEASED;
    assert_int_equal(feed(f, &up, out, &req), 0);
    SDL_Event x = pad_button(SDL_CONTROLLER_BUTTON_X);
    assert_int_equal(feed(f, &x, out, &req), 0);
    /* Start pauses the round. */
    SDL_Event start = pad_button(SDL_CONTROLLER_BUTTON_START);
    feed_game(f, &start, out);
    assert_int_equal(view(f)->overlay, OVERLAY_PAUSE);
}

static void test_pad_stick_acts_once_until_it_returns(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    const Uint8 Y = SDL_CONTROLLER_AXIS_LEFTY, X = SDL_CONTROLLER_AXIS_LEFTX;
    SDL_Event e = pad_axis(Y, 10000); /* below the threshold */
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = pad_axis(Y, 20000);
    assert_one(feed(f, &e, out, &req), out, ACTION_DOWN, 0);
    /* Held, pushed further, eased off a little: nothing more. */
    const Sint16 held[] = {25000, 32767, 12000, 20000, 9000};
    for (size_t i = 0; i < sizeof held / sizeof *held; i++) {
        e = pad_axis(Y, held[i]);
        assert_int_equal(feed(f, &e, out, &req), 0);
    }
    /* Back near the centre, then pushed again: once more. */
    e = pad_axis(Y, 2000);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = pad_axis(Y, 20000);
    assert_one(feed(f, &e, out, &req), out, ACTION_DOWN, 0);
    e = pad_axis(Y, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = pad_axis(Y, -20000);
    assert_one(feed(f, &e, out, &req), out, ACTION_UP, 0);
    e = pad_axis(Y, -30000);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* The other axis is held apart. */
    e = pad_axis(X, 17000);
    assert_one(feed(f, &e, out, &req), out, ACTION_RIGHT, 0);
    e = pad_axis(X, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = pad_axis(X, -32768);
    assert_one(feed(f, &e, out, &req), out, ACTION_LEFT, 0);
    /* Flicked straight across the centre: the new direction at once. */
    e = pad_axis(X, 30000);
    assert_one(feed(f, &e, out, &req), out, ACTION_RIGHT, 0);
    /* The right stick and the triggers do not move. */
    e = pad_axis(SDL_CONTROLLER_AXIS_RIGHTY, 30000);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = pad_axis(SDL_CONTROLLER_AXIS_TRIGGERLEFT, 30000);
    assert_int_equal(feed(f, &e, out, &req), 0);
}

/* ---- mouse ---- */

static void test_mouse_hover_once_per_option(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    const HitRegion *o1 = find_hit(ACTION_CHOOSE, 1);
    assert_int_equal(o1->hover, 1);
    SDL_Rect r1 = o1->r;
    SDL_Event e = mouse_motion(r1.x + 2, r1.y + 2, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, 1);
    /* Further motion inside the same option: nothing. */
    e = mouse_motion(r1.x + r1.w / 2, r1.y + r1.h / 2, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = mouse_motion(r1.x + r1.w - 1, r1.y + r1.h - 1, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* Another option: its index. */
    const HitRegion *o0 = find_hit(ACTION_CHOOSE, 0);
    SDL_Point p0 = center(o0);
    e = mouse_motion(p0.x, p0.y, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, 0);
    /* Off every region, then back: hovers again. */
    e = mouse_motion(fx.ui.content.x + 1, fx.ui.content.y + 1, 0);
    assert_null(scene_hit_at(&fx.ui, fx.ui.content.x + 1, fx.ui.content.y + 1));
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = mouse_motion(p0.x, p0.y, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, 0);
    /* The game highlights what is hovered. */
    SDL_Point p1 = center(find_hit(ACTION_CHOOSE, 1));
    e = mouse_motion(p1.x, p1.y, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->selected, 1);
}

static void test_mouse_click_chooses_option(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    int last = (int)view(f)->item->option_count - 1;
    SDL_Point p = center(find_hit(ACTION_CHOOSE, last));
    /* Hovered first, then clicked: just the choice. */
    SDL_Event e = mouse_motion(p.x, p.y, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, last);
    e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_CHOOSE, last);
    /* Right and middle buttons do nothing. */
    e = mouse_button(p.x, p.y, SDL_BUTTON_RIGHT, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = mouse_button(p.x, p.y, SDL_BUTTON_MIDDLE, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* Clicked without motion before (a fresh pointer): hover, then choose. */
    input_close(&f->in);
    input_open(&f->in);
    e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    int n = feed(f, &e, out, &req);
    assert_int_equal(n, 2);
    assert_action(out[0], ACTION_HOVER, last);
    assert_action(out[1], ACTION_CHOOSE, last);
    /* Off every region: nothing. */
    e = mouse_button(fx.ui.content.x + 1, fx.ui.content.y + 1, SDL_BUTTON_LEFT, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* The game answers with it. */
    e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_FEEDBACK);
    assert_int_equal(view(f)->picked, last);
}

static void test_mouse_back_button_on_topics(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_topics(f);
    const HitRegion *b = find_hit(ACTION_BACK, 0);
    /* Top right corner. */
    assert_true(b->r.x > fx.ui.content.x + fx.ui.content.w / 2);
    assert_true(b->r.y < fx.ui.content.y + fx.ui.content.h / 4);
    SDL_Point p = center(b);
    SDL_Event e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_BACK, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_TITLE);
}

static void test_mouse_pause_button_on_question(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    const HitRegion *b = find_hit(ACTION_PAUSE, 0);
    /* Bottom right corner. */
    assert_true(b->r.x > fx.ui.content.x + fx.ui.content.w / 2);
    assert_true(b->r.y > fx.ui.content.y + fx.ui.content.h * 3 / 4);
    SDL_Point p = center(b);
    SDL_Event e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_PAUSE, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->overlay, OVERLAY_PAUSE);
}

static void test_mouse_from_touch_is_ignored(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Point p = center(find_hit(ACTION_CHOOSE, 1));
    SDL_Event e = mouse_motion(p.x, p.y, SDL_TOUCH_MOUSEID);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* The real mouse at the same place still works (the ignored events
     * left no hover behind). */
    e = mouse_motion(p.x, p.y, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, 1);
    e = mouse_button(p.x, p.y, SDL_BUTTON_LEFT, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_CHOOSE, 1);
}

/* Window coordinates are scaled to renderer pixels (high-DPI). */
static void test_mouse_scales_window_to_pixels(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    ui_resize(&fx.ui, 2 * W, 2 * H);
    f->in.scale_x = f->in.scale_y = 2.0f;
    go_question(f);
    /* Near the option's top left corner, where the unscaled point (half
     * as far from the window's corner) misses it in x and in y. */
    SDL_Rect r = find_hit(ACTION_CHOOSE, 2)->r;
    int wx = (r.x + 4) / 2, wy = (r.y + 4) / 2;
    assert_true(wx < r.x && wy < r.y);
    SDL_Event e = mouse_motion(wx, wy, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_HOVER, 2);
    e = mouse_button(wx, wy, SDL_BUTTON_LEFT, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_CHOOSE, 2);
    /* Touch is normalised: it needs no scale. */
    e = finger(SDL_FINGERDOWN, 1, (float)(r.x + 4) / 2, (float)(r.y + 4) / 2, 0, 0);
    feed(f, &e, out, &req);
    e = finger(SDL_FINGERUP, 1, (float)(r.x + 4) / 2, (float)(r.y + 4) / 2, 0, 0);
    int n = feed(f, &e, out, &req);
    assert_true(n >= 1);
    assert_action(out[n - 1], ACTION_CHOOSE, 2);
}

static void test_mouse_wheel_scrolls(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = 1; /* away from the user: up */
    assert_one(feed(f, &e, out, &req), out, ACTION_SCROLL, -2);
    e.wheel.y = -3;
    assert_one(feed(f, &e, out, &req), out, ACTION_SCROLL, 6);
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    assert_one(feed(f, &e, out, &req), out, ACTION_SCROLL, -6);
    e.wheel.y = 0;
    e.wheel.x = 2; /* sideways only */
    assert_int_equal(feed(f, &e, out, &req), 0);
}

/* ---- touch ---- */

static void test_touch_tap_clicks_on_lifting(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Point p = center(find_hit(ACTION_CHOOSE, 1));
    SDL_Event e = finger(SDL_FINGERDOWN, 7, (float)p.x, (float)p.y, 0, 0);
    int n = feed(f, &e, out, &req);
    /* Touching highlights at most; it does not choose. */
    assert_false(has_type(n, out, ACTION_CHOOSE));
    for (int i = 0; i < n; i++)
        assert_action(out[i], ACTION_HOVER, 1);
    e = finger(SDL_FINGERUP, 7, (float)p.x, (float)p.y, 0, 0);
    n = feed(f, &e, out, &req);
    assert_true(has_type(n, out, ACTION_CHOOSE));
    assert_action(out[n - 1], ACTION_CHOOSE, 1);
    /* The Pause button taps too. */
    SDL_Point b = center(find_hit(ACTION_PAUSE, 0));
    e = finger(SDL_FINGERDOWN, 8, (float)b.x, (float)b.y, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    e = finger(SDL_FINGERUP, 8, (float)b.x, (float)b.y, 0, 0);
    assert_one(feed(f, &e, out, &req), out, ACTION_PAUSE, 0);
    /* And the game takes a tap on an option as the answer. */
    e = finger(SDL_FINGERDOWN, 9, (float)p.x, (float)p.y, 0, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_QUESTION);
    e = finger(SDL_FINGERUP, 9, (float)p.x, (float)p.y, 0, 0);
    feed_game(f, &e, out);
    assert_int_equal(view(f)->screen, SCREEN_FEEDBACK);
    assert_int_equal(view(f)->picked, 1);
}

/* Drags the finger from (x, y0) to (x, y1) in steps of `step` pixels; returns
 * the lines scrolled (sum of ACTION_SCROLL) and fails on any other action. */
static int drag(Fixture *f, SDL_FingerID id, float x, float y0, float y1, float step)
{
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    int lines = 0;
    float dir = y1 > y0 ? 1.0f : -1.0f;
    float y = y0;
    while ((y1 - y) * dir > 0) {
        float d = (y1 - y) * dir < step ? y1 - y : dir * step;
        y += d;
        SDL_Event e = finger(SDL_FINGERMOTION, id, x, y, 0, d);
        int n = feed(f, &e, out, &req);
        for (int i = 0; i < n; i++) {
            if (out[i].type != ACTION_SCROLL)
                fail_msg("dragging gave action {%d, %d}", out[i].type, out[i].index);
            lines += out[i].index;
        }
    }
    return lines;
}

static void test_touch_drag_scrolls_and_does_not_click(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    /* Starting on an option: a drag must not answer it. Lines are 18
     * design units = 18 pixels at 640x480. */
    SDL_Point p = center(find_hit(ACTION_CHOOSE, 0));
    float x = (float)p.x, y = (float)p.y;
    SDL_Event e = finger(SDL_FINGERDOWN, 3, x, y, 0, 0);
    feed(f, &e, out, &req);
    /* Down by 5 lines and a bit: scrolls up 5 lines. */
    int lines = drag(f, 3, x, y, y + 5 * 18 + 6, 7);
    assert_int_equal(lines, -5);
    e = finger(SDL_FINGERUP, 3, x, y + 5 * 18 + 6, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* Up by 4 lines and a bit: scrolls down 4 lines. */
    e = finger(SDL_FINGERDOWN, 4, x, y, 0, 0);
    feed(f, &e, out, &req);
    lines = drag(f, 4, x, y, y - 4 * 18 - 5, 5);
    assert_int_equal(lines, 4);
    e = finger(SDL_FINGERUP, 4, x, y - 4 * 18 - 5, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* In one big move too. */
    e = finger(SDL_FINGERDOWN, 5, x, y, 0, 0);
    feed(f, &e, out, &req);
    lines = drag(f, 5, x, y, y + 3 * 18 + 1, 1000);
    assert_int_equal(lines, -3);
    e = finger(SDL_FINGERUP, 5, x, y + 3 * 18 + 1, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* Down and back to where it started: still a drag, no answer. */
    e = finger(SDL_FINGERDOWN, 6, x, y, 0, 0);
    feed(f, &e, out, &req);
    drag(f, 6, x, y, y + 40, 4);
    drag(f, 6, x, y + 40, y, 4);
    e = finger(SDL_FINGERUP, 6, x, y, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    assert_int_equal(view(f)->screen, SCREEN_QUESTION);
}

static void test_touch_jitter_below_the_slop_still_taps(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Point p = center(find_hit(ACTION_CHOOSE, 2));
    float x = (float)p.x, y = (float)p.y;
    SDL_Event e = finger(SDL_FINGERDOWN, 11, x, y, 0, 0);
    feed(f, &e, out, &req);
    /* Wobbles within 6 pixels (the slop is 8 design units = 8 px). */
    const float ys[] = {3, 6, 2, -4, -6, 0, 5, 1};
    float last = 0;
    for (size_t i = 0; i < sizeof ys / sizeof *ys; i++) {
        e = finger(SDL_FINGERMOTION, 11, x + ys[i] / 2, y + ys[i], ys[i] / 2 - last / 2,
                   ys[i] - last);
        assert_int_equal(feed(f, &e, out, &req), 0);
        last = ys[i];
    }
    e = finger(SDL_FINGERUP, 11, x + last / 2, y + last, 0, 0);
    int n = feed(f, &e, out, &req);
    assert_true(n >= 1);
    assert_action(out[n - 1], ACTION_CHOOSE, 2);
}

static void test_touch_second_finger_is_ignored(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    SDL_Point p0 = center(find_hit(ACTION_CHOOSE, 0));
    SDL_Point p1 = center(find_hit(ACTION_CHOOSE, 1));
    SDL_Event e = finger(SDL_FINGERDOWN, 21, (float)p0.x, (float)p0.y, 0, 0);
    int n = feed(f, &e, out, &req);
    assert_false(has_type(n, out, ACTION_CHOOSE));
    /* A second finger on another option: down, a long drag, up. */
    e = finger(SDL_FINGERDOWN, 22, (float)p1.x, (float)p1.y, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    for (int i = 1; i <= 10; i++) {
        e = finger(SDL_FINGERMOTION, 22, (float)p1.x, (float)p1.y + 10.0f * (float)i, 0, 10);
        assert_int_equal(feed(f, &e, out, &req), 0);
    }
    e = finger(SDL_FINGERUP, 22, (float)p1.x, (float)p1.y + 100, 0, 0);
    assert_int_equal(feed(f, &e, out, &req), 0);
    /* The first finger still taps its option. */
    e = finger(SDL_FINGERUP, 21, (float)p0.x, (float)p0.y, 0, 0);
    n = feed(f, &e, out, &req);
    assert_true(n >= 1);
    assert_action(out[n - 1], ACTION_CHOOSE, 0);
    /* And the next touch is taken again. */
    e = finger(SDL_FINGERDOWN, 22, (float)p1.x, (float)p1.y, 0, 0);
    feed(f, &e, out, &req);
    e = finger(SDL_FINGERUP, 22, (float)p1.x, (float)p1.y, 0, 0);
    n = feed(f, &e, out, &req);
    assert_true(n >= 1);
    assert_action(out[n - 1], ACTION_CHOOSE, 1);
}

/* Sideways travel counts against the tap slop too: a finger that slides
 * from one option to the next in the two-column layout and lifts there
 * answers neither (it used to answer the option it left). */
static void test_touch_sideways_slide_does_not_tap(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    go_question(f);
    /* Answer right until a question of short options, in two columns. */
    const HitRegion *o0 = find_hit(ACTION_CHOOSE, 0), *o1 = find_hit(ACTION_CHOOSE, 1);
    for (int q = 0; q < 200 && o0->r.y != o1->r.y; q++) {
        act(f, ACTION_CHOOSE, (int)view(f)->item->answer);
        assert_int_equal(view(f)->screen, SCREEN_FEEDBACK);
        act(f, ACTION_CONFIRM, 0);
        assert_int_equal(view(f)->screen, SCREEN_QUESTION);
        o0 = find_hit(ACTION_CHOOSE, 0);
        o1 = find_hit(ACTION_CHOOSE, 1);
    }
    assert_int_equal(o0->r.y, o1->r.y); /* side by side */
    SDL_Point a = center(o0), b = center(o1);
    assert_true(b.x - a.x > 8 * 4);
    /* Down on the left option, slide to the right one, lift there. */
    SDL_Event e = finger(SDL_FINGERDOWN, 31, (float)a.x, (float)a.y, 0, 0);
    int n = feed(f, &e, out, &req);
    assert_false(has_type(n, out, ACTION_CHOOSE));
    for (int x = a.x + 4; x <= b.x; x += 4) {
        e = finger(SDL_FINGERMOTION, 31, (float)x, (float)a.y, 4, 0);
        n = feed(f, &e, out, &req);
        assert_false(has_type(n, out, ACTION_CHOOSE));
    }
    e = finger(SDL_FINGERUP, 31, (float)b.x, (float)b.y, 0, 0);
    n = feed(f, &e, out, &req);
    for (int i = 0; i < n; i++)
        if (out[i].type == ACTION_CHOOSE)
            fail_msg("sliding sideways from option 0 to option 1 and lifting there "
                     "chose option %d", out[i].index);
}

/* ---- gamepad hot-plugging, on SDL's virtual joysticks ---- */

/* Attaches a virtual gamepad; returns its device index, or -1. */
static int attach_pad(void)
{
    int device = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER,
                                           SDL_CONTROLLER_AXIS_MAX, SDL_CONTROLLER_BUTTON_MAX, 0);
    if (device < 0 || !SDL_IsGameController(device)) {
        if (device >= 0)
            SDL_JoystickDetachVirtual(device);
        return -1;
    }
    return device;
}

static int open_slots(const Input *in, SDL_JoystickID ids[INPUT_MAX_PADS])
{
    int n = 0;
    for (int i = 0; i < INPUT_MAX_PADS; i++)
        if (in->pads[i])
            ids[n++] = SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(in->pads[i]));
    return n;
}

static int holds(const SDL_JoystickID ids[], int n, SDL_JoystickID id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return 1;
    return 0;
}

static SDL_Event device_event(Uint32 type, Sint32 which)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.cdevice.which = which;
    return e;
}

static void test_pad_hotplug_virtual(void **state)
{
    Fixture *f = *state;
    Action out[INPUT_MAX_ACTIONS];
    unsigned req;
    SDL_JoystickID ids[INPUT_MAX_PADS];
    int before = open_slots(&f->in, ids); /* real pads, if any */
    int a = attach_pad();
    if (a < 0) {
        print_message("virtual gamepads do not work here: %s\n", SDL_GetError());
        skip();
    }
    SDL_JoystickID id_a = SDL_JoystickGetDeviceInstanceID(a);
    SDL_Event e = device_event(SDL_CONTROLLERDEVICEADDED, a);
    assert_int_equal(feed(f, &e, out, &req), 0);
    int n = open_slots(&f->in, ids);
    assert_int_equal(n, before + 1);
    assert_true(holds(ids, n, id_a));
    /* Added twice (input_open's scan and SDL's event): opened once. */
    feed(f, &e, out, &req);
    assert_int_equal(open_slots(&f->in, ids), before + 1);

    /* Its buttons come through SDL as controller events, and act. */
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    SDL_Joystick *joy = SDL_JoystickFromInstanceID(id_a);
    assert_non_null(joy);
    SDL_GameController *pad = SDL_GameControllerFromInstanceID(id_a);
    assert_non_null(pad);
    SDL_GameControllerButtonBind bind =
        SDL_GameControllerGetBindForButton(pad, SDL_CONTROLLER_BUTTON_START);
    assert_int_equal(bind.bindType, SDL_CONTROLLER_BINDTYPE_BUTTON);
    assert_int_equal(SDL_JoystickSetVirtualButton(joy, bind.value.button, SDL_PRESSED), 0);
    SDL_JoystickUpdate();
    SDL_PumpEvents();
    go_question(f);
    int paused = 0;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_CONTROLLERBUTTONDOWN) {
            assert_int_equal(e.cbutton.which, id_a);
            assert_int_equal(e.cbutton.button, SDL_CONTROLLER_BUTTON_START);
            assert_one(feed_game(f, &e, out), out, ACTION_PAUSE, 0);
            paused = 1;
        }
    }
    assert_true(paused);
    assert_int_equal(view(f)->overlay, OVERLAY_PAUSE);
    SDL_JoystickSetVirtualButton(joy, bind.value.button, SDL_RELEASED);
    SDL_JoystickUpdate();

    /* A second pad, then the first unplugged: SDL's device indices shift
     * down. A third pad then goes into the free slot. */
    int b = attach_pad();
    assert_true(b >= 0);
    SDL_JoystickID id_b = SDL_JoystickGetDeviceInstanceID(b);
    e = device_event(SDL_CONTROLLERDEVICEADDED, b);
    feed(f, &e, out, &req);
    n = open_slots(&f->in, ids);
    assert_int_equal(n, before + 2);
    assert_true(holds(ids, n, id_a) && holds(ids, n, id_b));

    assert_int_equal(SDL_JoystickDetachVirtual(a), 0);
    e = device_event(SDL_CONTROLLERDEVICEREMOVED, id_a);
    feed(f, &e, out, &req);
    n = open_slots(&f->in, ids);
    assert_int_equal(n, before + 1);
    assert_false(holds(ids, n, id_a));
    assert_true(holds(ids, n, id_b));

    int c = attach_pad();
    assert_true(c >= 0);
    SDL_JoystickID id_c = SDL_JoystickGetDeviceInstanceID(c);
    assert_true(id_c != id_b);
    e = device_event(SDL_CONTROLLERDEVICEADDED, c);
    feed(f, &e, out, &req);
    n = open_slots(&f->in, ids);
    assert_int_equal(n, before + 2);
    assert_true(holds(ids, n, id_b) && holds(ids, n, id_c));

    /* Unplugging all: every slot they held is free again. */
    input_close(&f->in);
    input_open(&f->in); /* opens what is plugged in: b and c */
    assert_int_equal(open_slots(&f->in, ids), before + 2);
    for (int i = SDL_NumJoysticks(); i-- > 0;) {
        if (!SDL_JoystickIsVirtual(i))
            continue;
        SDL_JoystickID id = SDL_JoystickGetDeviceInstanceID(i);
        SDL_JoystickDetachVirtual(i);
        e = device_event(SDL_CONTROLLERDEVICEREMOVED, id);
        feed(f, &e, out, &req);
    }
    assert_int_equal(open_slots(&f->in, ids), before);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_keys_1_to_5_and_a_to_e_choose_options),
        T(test_key_escape_goes_back_and_pauses_a_round),
        T(test_key_m_mutes_except_when_typing_initials),
        T(test_key_f11_and_alt_enter_toggle_fullscreen),
        T(test_key_arrows_move),
        T(test_pad_buttons),
        T(test_pad_stick_acts_once_until_it_returns),
        T(test_mouse_hover_once_per_option),
        T(test_mouse_click_chooses_option),
        T(test_mouse_back_button_on_topics),
        T(test_mouse_pause_button_on_question),
        T(test_mouse_from_touch_is_ignored),
        T(test_mouse_scales_window_to_pixels),
        T(test_mouse_wheel_scrolls),
        T(test_touch_tap_clicks_on_lifting),
        T(test_touch_drag_scrolls_and_does_not_click),
        T(test_touch_jitter_below_the_slop_still_taps),
        T(test_touch_second_finger_is_ignored),
        T(test_touch_sideways_slide_does_not_tap),
        T(test_pad_hotplug_virtual),
    };
#undef T
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
