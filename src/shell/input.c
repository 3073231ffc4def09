/* input.c - events to actions (see input.h).
 *
 * Keyboard: arrows move, Enter/Space confirm, Esc/Backspace back (pause in
 * a round), 1-5 and A-E choose, letters type initials, M mutes, F11 and
 * Alt+Enter toggle full screen. Mouse: hover highlights, click chooses,
 * the wheel scrolls. Touch: a tap is a click (SDL's synthetic mouse events
 * from touch are turned off so a tap counts once). Gamepad: D-pad or left
 * stick move, A confirms, B goes back, Start pauses; pads are opened and
 * closed as they are plugged in and out. A pad takes the first free slot:
 * SDL's device indices (of SDL_CONTROLLERDEVICEADDED) shift as pads come
 * and go, so slots are matched to pads by joystick instance id.
 */
#include "input.h"

#include <string.h>

enum { STICK_ON = 16000, STICK_OFF = 8000 };
/* Touch, in design units: a finger that travels more than the slop drags
 * (no tap); each line's worth of travel scrolls one line. */
enum { INPUT_TAP_SLOP_UNITS = 8, INPUT_DRAG_LINE_UNITS = 18 };

static SDL_JoystickID input_pad_id(SDL_GameController *pad)
{
    return SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(pad));
}

/* Opens the game controller at a device index into the first free slot,
 * unless it is open already or every slot is taken. */
static void input_add_pad(Input *in, int device)
{
    if (device < 0 || device >= SDL_NumJoysticks() || !SDL_IsGameController(device))
        return;
    SDL_JoystickID id = SDL_JoystickGetDeviceInstanceID(device);
    int free_slot = -1;
    for (int i = 0; i < INPUT_MAX_PADS; i++) {
        if (in->pads[i] && input_pad_id(in->pads[i]) == id)
            return;
        if (!in->pads[i] && free_slot < 0)
            free_slot = i;
    }
    if (free_slot >= 0)
        in->pads[free_slot] = SDL_GameControllerOpen(device);
}

static void input_remove_pad(Input *in, SDL_JoystickID id)
{
    for (int i = 0; i < INPUT_MAX_PADS; i++) {
        if (in->pads[i] && input_pad_id(in->pads[i]) == id) {
            SDL_GameControllerClose(in->pads[i]);
            in->pads[i] = NULL;
        }
    }
}

void input_open(Input *in)
{
    memset(in, 0, sizeof *in);
    in->hover = -1;
    in->scale_x = in->scale_y = 1.0f;
    for (int i = 0; i < SDL_NumJoysticks(); i++)
        input_add_pad(in, i);
}

void input_close(Input *in)
{
    for (int i = 0; i < INPUT_MAX_PADS; i++)
        if (in->pads[i])
            SDL_GameControllerClose(in->pads[i]);
    memset(in->pads, 0, sizeof in->pads);
}

static int input_put(Action out[], int n, ActionType t, int index)
{
    if (n < INPUT_MAX_ACTIONS) {
        out[n].type = t;
        out[n].index = index;
        n++;
    }
    return n;
}

static int input_key(const SDL_KeyboardEvent *k, const GameView *v, Action out[],
                     unsigned *requests)
{
    SDL_Keycode key = k->keysym.sym;
    int alt = (k->keysym.mod & KMOD_ALT) != 0;
    if (key == SDLK_F11 || (alt && (key == SDLK_RETURN || key == SDLK_KP_ENTER))) {
        if (!k->repeat)
            *requests |= REQUEST_FULLSCREEN;
        return 0;
    }
    switch (key) {
    case SDLK_UP: return input_put(out, 0, ACTION_UP, 0);
    case SDLK_DOWN: return input_put(out, 0, ACTION_DOWN, 0);
    case SDLK_LEFT: return input_put(out, 0, ACTION_LEFT, 0);
    case SDLK_RIGHT: return input_put(out, 0, ACTION_RIGHT, 0);
    case SDLK_PAGEUP: return input_put(out, 0, ACTION_SCROLL, -5);
    case SDLK_PAGEDOWN: return input_put(out, 0, ACTION_SCROLL, 5);
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: return k->repeat ? 0 : input_put(out, 0, ACTION_CONFIRM, 0);
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE: return k->repeat ? 0 : input_put(out, 0, ACTION_BACK, 0);
    default: break;
    }
    if (k->repeat)
        return 0;
    if (key == SDLK_m && v->screen != SCREEN_INITIALS)
        return input_put(out, 0, ACTION_MUTE, 0);
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return input_put(out, 0, ACTION_CHAR, '1' + (int)(key - SDLK_KP_1));
    if ((key >= SDLK_a && key <= SDLK_z) || (key >= SDLK_0 && key <= SDLK_9))
        return input_put(out, 0, ACTION_CHAR, (int)key);
    return 0;
}

static int input_pad_button(Uint8 button, Action out[])
{
    switch (button) {
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return input_put(out, 0, ACTION_UP, 0);
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return input_put(out, 0, ACTION_DOWN, 0);
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return input_put(out, 0, ACTION_LEFT, 0);
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return input_put(out, 0, ACTION_RIGHT, 0);
    case SDL_CONTROLLER_BUTTON_A: return input_put(out, 0, ACTION_CONFIRM, 0);
    case SDL_CONTROLLER_BUTTON_B:
    case SDL_CONTROLLER_BUTTON_BACK: return input_put(out, 0, ACTION_BACK, 0);
    case SDL_CONTROLLER_BUTTON_START: return input_put(out, 0, ACTION_PAUSE, 0);
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: return input_put(out, 0, ACTION_SCROLL, -3);
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: return input_put(out, 0, ACTION_SCROLL, 3);
    default: return 0;
    }
}

/* The stick acts once when it is pushed past a threshold, and again only
 * after it came back near the centre. */
static int input_stick(Input *in, const SDL_ControllerAxisEvent *a, Action out[])
{
    int *held;
    ActionType minus, plus;
    if (a->axis == SDL_CONTROLLER_AXIS_LEFTY) {
        held = &in->stick_y;
        minus = ACTION_UP;
        plus = ACTION_DOWN;
    } else if (a->axis == SDL_CONTROLLER_AXIS_LEFTX) {
        held = &in->stick_x;
        minus = ACTION_LEFT;
        plus = ACTION_RIGHT;
    } else {
        return 0;
    }
    int value = a->value;
    int dir = value > STICK_ON ? 1 : value < -STICK_ON ? -1 : 0;
    /* A new direction: from the centre, or flicked straight across it. */
    if (dir != 0 && dir != *held) {
        *held = dir;
        return input_put(out, 0, dir > 0 ? plus : minus, 0);
    }
    if (*held != 0 && value < STICK_OFF && value > -STICK_OFF)
        *held = 0;
    return 0;
}

static int input_pointer(Input *in, const Ui *ui, int x, int y, int click, Action out[])
{
    const HitRegion *h = scene_hit_at(ui, x, y);
    int n = 0;
    int hover = h ? h->hover : -1;
    if (hover != in->hover) {
        in->hover = hover;
        if (hover >= 0)
            n = input_put(out, n, ACTION_HOVER, hover);
    }
    if (click && h && h->click.type != ACTION_NONE)
        n = input_put(out, n, h->click.type, h->click.index);
    return n;
}

int input_event(Input *in, const SDL_Event *e, const Ui *ui, const GameView *v,
                Action out[INPUT_MAX_ACTIONS], unsigned *requests)
{
    switch (e->type) {
    case SDL_QUIT:
        *requests |= REQUEST_QUIT;
        return 0;
    case SDL_KEYDOWN:
        return input_key(&e->key, v, out, requests);
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return 0;
        return input_pointer(in, ui, (int)(e->motion.x * in->scale_x),
                             (int)(e->motion.y * in->scale_y), 0, out);
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        return input_pointer(in, ui, (int)(e->button.x * in->scale_x),
                             (int)(e->button.y * in->scale_y), 1, out);
    case SDL_MOUSEWHEEL: {
        int dy = e->wheel.y * (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1);
        return dy ? input_put(out, 0, ACTION_SCROLL, -dy * 2) : 0;
    }
    case SDL_FINGERDOWN:
        if (in->touching)
            return 0; /* one finger at a time */
        in->touching = 1;
        in->finger = e->tfinger.fingerId;
        in->touch_x = (int)(e->tfinger.x * (float)ui->out_w);
        in->touch_y = (int)(e->tfinger.y * (float)ui->out_h);
        in->drag = 0;
        in->dragged = 0;
        return input_pointer(in, ui, in->touch_x, in->touch_y, 0, out);
    case SDL_FINGERMOTION: {
        if (!in->touching || e->tfinger.fingerId != in->finger)
            return 0;
        in->drag += e->tfinger.dy * (float)ui->out_h;
        /* Travel either way beyond the slop makes it a drag: a finger that
         * slides onto another option and lifts there answers neither. */
        float mx = e->tfinger.x * (float)ui->out_w - (float)in->touch_x;
        float my = e->tfinger.y * (float)ui->out_h - (float)in->touch_y;
        float slop = (float)ui_px(ui, INPUT_TAP_SLOP_UNITS);
        if (mx > slop || mx < -slop || my > slop || my < -slop)
            in->dragged = 1;
        /* A finger moving down shows what is above: scrolls up. */
        float line = (float)ui_px(ui, INPUT_DRAG_LINE_UNITS);
        int lines = (int)(in->drag / (line > 1 ? line : 1));
        if (lines == 0 || !in->dragged)
            return 0;
        in->drag -= (float)lines * line;
        return input_put(out, 0, ACTION_SCROLL, -lines);
    }
    case SDL_FINGERUP:
        if (!in->touching || e->tfinger.fingerId != in->finger)
            return 0;
        in->touching = 0;
        return in->dragged ? 0 : input_pointer(in, ui, in->touch_x, in->touch_y, 1, out);
    case SDL_CONTROLLERDEVICEADDED: /* which: a device index */
        input_add_pad(in, e->cdevice.which);
        return 0;
    case SDL_CONTROLLERDEVICEREMOVED: /* which: an instance id */
        input_remove_pad(in, e->cdevice.which);
        return 0;
    case SDL_CONTROLLERBUTTONDOWN:
        return input_pad_button(e->cbutton.button, out);
    case SDL_CONTROLLERAXISMOTION:
        return input_stick(in, &e->caxis, out);
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            *requests |= REQUEST_RESIZED;
            return 0;
        case SDL_WINDOWEVENT_EXPOSED:
            *requests |= REQUEST_REDRAW;
            return 0;
        case SDL_WINDOWEVENT_FOCUS_LOST:
        case SDL_WINDOWEVENT_MINIMIZED:
            return input_put(out, 0, ACTION_FOCUS_LOST, 0);
        case SDL_WINDOWEVENT_FOCUS_GAINED:
            return input_put(out, 0, ACTION_FOCUS_GAINED, 0);
        default:
            return 0;
        }
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        *requests |= REQUEST_REDRAW | REQUEST_RESIZED;
        return 0;
    default:
        return 0;
    }
}
