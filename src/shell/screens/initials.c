/* initials.c - arcade-style high-score entry: three letters, each turned
 * with up and down, so a gamepad alone is enough; typing works too. */
#include "screens.h"

#include <stdio.h>

void screen_initials(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    (void)ctx;
    char title[160], score[32];
    ui_table_title(v->score_table ? v->score_table : "", title, sizeof title);
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 30), "New high score!", ui->pal.accent,
                        ui->content.x, ui->content.w, ui->content.y + ui_px(ui, 30));
    ui_thousands(v->result.score, score, sizeof score);
    char line[256];
    snprintf(line, sizeof line, "%s  -  #%d in %s", score, v->result.rank + 1, title);
    scene_text_centered(ui, FACE_SANS, ui_px(ui, 16), line, ui->pal.text, ui->content.x,
                        ui->content.w, ui->content.y + ui_px(ui, 76));
    double slot = 70, gap = 18, x0 = (ui->design_w - (3 * slot + 2 * gap)) / 2, y = 150;
    int big = ui_px(ui, 54), arrow = ui_px(ui, 22);
    for (int i = 0; i < 3; i++) {
        double x = x0 + i * (slot + gap);
        int on = i == v->initials_pos;
        SDL_Rect box = ui_rect(ui, x, y, slot, 86);
        scene_fill(ui, box, on ? ui->pal.panel_hi : ui->pal.panel);
        if (on)
            scene_frame(ui, box, ui->pal.accent, ui_px(ui, 3));
        char letter[2] = {v->initials[i], 0};
        scene_text_centered(ui, FACE_MONO, big, letter, on ? ui->pal.accent : ui->pal.text, box.x,
                            box.w, box.y + (box.h - text_line_height(ui->fonts, FACE_MONO, big)) / 2);
        scene_hit(ui, box, ui_choose(i), -1);
        if (on) {
            SDL_Rect up = ui_rect(ui, x, y - 36, slot, 32), down = ui_rect(ui, x, y + 90, slot, 32);
            scene_text_centered(ui, FACE_SANS, arrow, "\xE2\x96\xB2", ui->pal.accent, up.x, up.w, up.y);
            scene_text_centered(ui, FACE_SANS, arrow, "\xE2\x96\xBC", ui->pal.accent, down.x, down.w,
                                down.y);
            Action a_up = {ACTION_UP, 0}, a_down = {ACTION_DOWN, 0};
            scene_hit(ui, up, a_up, -1);
            scene_hit(ui, down, a_down, -1);
        }
    }
    SDL_Rect ok = ui_rect(ui, (ui->design_w - 160) / 2.0, 290, 160, 38);
    scene_fill(ui, ok, v->initials_pos == 2 ? ui->pal.accent : ui->pal.panel);
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 18), "OK", v->initials_pos == 2 ? ui->pal.bg : ui->pal.text,
                        ok.x, ok.w, ok.y + (ok.h - text_line_height(ui->fonts, FACE_BOLD, ui_px(ui, 18))) / 2);
    scene_hit(ui, ok, ui_choose(3), -1);
    /* Enter (or A) steps to the next letter, and on the last one saves:
     * say which, as OK lights up for the last. */
    ui_hint(ui, v->initials_pos < 2
                    ? "Up/down change the letter  -  left/right move  -  Enter: next letter"
                    : "Up/down change the letter  -  left/right move  -  Enter: OK, save");
}
