/* settings.c - volume, mute, full screen and the timer, changed with
 * left and right (or Enter). */
#include "screens.h"

#include <stdio.h>
#include <string.h>

void screen_settings(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const Settings *s = profile_settings_const(ctx->profile);
    double y = ui_heading(ui, "Settings", "Saved on this machine", 14);
    static const char *const names[SETTING_COUNT] = {"Volume", "Sound", "Display", "Timer", "Back"};
    static const char *const timers[3] = {"On", "Relaxed (twice the time)", "Off (scores not recorded)"};
    char values[SETTING_COUNT][96];
    char bar[64] = "";
    for (unsigned i = 0; i < 10; i++)
        strcat(bar, i < s->volume / 10 ? "\xE2\x96\xA0" : "\xE2\x96\xA1"); /* ■ □ */
    snprintf(values[SETTING_VOLUME], sizeof values[0], "%s %u%%", bar, s->volume);
    snprintf(values[SETTING_MUTE], sizeof values[0], "%s",
             s->muted ? "Muted" : ctx->session_muted ? "On (silenced by --mute)" : "On");
    snprintf(values[SETTING_FULLSCREEN], sizeof values[0], "%s", s->fullscreen ? "Full screen" : "Window");
    snprintf(values[SETTING_TIMER], sizeof values[0], "%s", timers[s->timer % 3]);
    values[SETTING_BACK][0] = '\0';
    double W = ui->design_w - 2 * UI_MARGIN, row = 46;
    int px = ui_px(ui, 18);
    for (int i = 0; i < SETTING_COUNT; i++) {
        SDL_Rect r = ui_rect(ui, UI_MARGIN, y + i * row, W, row - 6);
        int on = i == v->selected;
        scene_fill(ui, r, on ? ui->pal.panel_hi : ui->pal.panel);
        if (on)
            scene_fill(ui, (SDL_Rect){r.x, r.y, ui_px(ui, 4), r.h}, ui->pal.accent);
        int ty = r.y + (r.h - text_line_height(ui->fonts, FACE_SANS, px)) / 2;
        scene_text(ui, on ? FACE_BOLD : FACE_SANS, px, names[i], on ? ui->pal.accent : ui->pal.text,
                   r.x + ui_px(ui, 14), ty);
        if (values[i][0]) {
            char shown[128];
            snprintf(shown, sizeof shown, on ? "\xE2\x97\x80  %s  \xE2\x96\xB6" : "%s", values[i]);
            int w = ui_text_width(ui, FACE_SANS, px, shown);
            scene_text(ui, FACE_SANS, px, shown, ui->pal.text, r.x + r.w - ui_px(ui, 14) - w, ty);
        }
        scene_hit(ui, r, ui_choose(i), i);
    }
    ui_corner_button(ui, "\xE2\x80\xB9 Back", ACTION_BACK);
    ui_hint(ui, "Up/down choose  -  left/right change  -  Esc or B: back  -  F11 full screen");
}
