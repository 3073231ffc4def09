/* overlay.c - the pause menu and the quit confirmation, drawn over the
 * screen below it (which stays visible, dimmed; a timed question is not
 * drawn while paused, see screens_hide_question). */
#include "screens.h"

void screen_overlay(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    if (v->overlay == OVERLAY_NONE)
        return;
    scene_fill(ui, ui->content, ui_alpha(ui->pal.bg, 200));
    /* The overlay takes every click: nothing below reacts. */
    Action none = {ACTION_NONE, 0};
    scene_hit(ui, ui->content, none, -1);
    double w = 320, h = 170, x = (ui->design_w - w) / 2, y = (UI_DESIGN_H - h) / 2;
    SDL_Rect panel = ui_rect(ui, x, y, w, h);
    scene_fill(ui, panel, ui->pal.panel);
    scene_frame(ui, panel, ui->pal.accent, ui_px(ui, 2));
    const char *title, *sub = NULL;
    const char *entries[2];
    int saving = !ctx->save_problem || !ctx->save_problem[0];
    if (v->overlay == OVERLAY_PAUSE) {
        title = "Paused";
        sub = screens_hide_question(v) ? "The clock is stopped and the question hidden."
                                       : "The round waits for you.";
        entries[0] = "Resume";
        entries[1] = "Quit round";
    } else if (v->confirm_quit_game) {
        title = "Quit Quiz Arcade?";
        sub = saving ? "Your progress is saved." : "Progress is not being saved.";
        entries[0] = "Yes";
        entries[1] = "No";
    } else {
        title = "Quit this round?";
        if (v->mode == MODE_DAILY && !v->daily_replay)
            sub = "Today's one scored try will be used up.";
        else if (v->mode == MODE_PRACTICE)
            sub = "What you answered is remembered.";
        else
            sub = "This round's score will be lost.";
        entries[0] = "Yes";
        entries[1] = "No";
    }
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 24), title, ui->pal.accent, panel.x, panel.w,
                        panel.y + ui_px(ui, 14));
    if (sub)
        scene_text_centered(ui, FACE_SANS, ui_px(ui, 13), sub, ui->pal.dim, panel.x, panel.w,
                            panel.y + ui_px(ui, 50));
    double bw = 130, gap = 16, bx = x + (w - 2 * bw - gap) / 2;
    for (int i = 0; i < 2; i++) {
        SDL_Rect b = ui_rect(ui, bx + i * (bw + gap), y + h - 60, bw, 40);
        int on = v->overlay_sel == i;
        scene_fill(ui, b, on ? ui->pal.accent : ui->pal.panel_hi);
        int px = ui_px(ui, 18);
        scene_text_centered(ui, FACE_BOLD, px, entries[i], on ? ui->pal.bg : ui->pal.text, b.x,
                            b.w, b.y + (b.h - text_line_height(ui->fonts, FACE_BOLD, px)) / 2);
        scene_hit(ui, b, ui_choose(i), i);
    }
}

void screen_toast(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    if (v->toast == TOAST_NONE)
        return;
    char locked[64] = "";
    if (v->toast == TOAST_LOCKED)
        snprintf(locked, sizeof locked, "Locked: pass level %u first", v->toast_level);
    const char *text = v->toast == TOAST_LOCKED  ? locked
                       : v->toast == TOAST_MUTED ? "Sound off  (M: on)"
                       : ctx->session_muted      ? "Sound on after this session (--mute)"
                                                 : "Sound on  (M: off)";
    int px = ui_px(ui, 15);
    int tw = ui_text_width(ui, FACE_BOLD, px, text), th = text_line_height(ui->fonts, FACE_BOLD, px);
    int pad = ui_px(ui, 12);
    SDL_Rect box = {ui->content.x + (ui->content.w - tw) / 2 - pad,
                    ui->content.y + ui_px(ui, UI_DESIGN_H - 72), tw + 2 * pad, th + pad};
    scene_fill(ui, box, ui->pal.panel_hi);
    scene_frame(ui, box, ui->pal.accent, ui_px(ui, 1) > 0 ? ui_px(ui, 1) : 1);
    scene_text_centered(ui, FACE_BOLD, px, text, ui->pal.text, box.x, box.w, box.y + pad / 2);
}
