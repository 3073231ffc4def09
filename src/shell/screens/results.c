/* results.c - a finished round: score, accuracy, best streak, time,
 * stars, whether it is a new best, and what comes next. */
#include "screens.h"

#include <stdio.h>

void screen_results(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const RoundResult *r = &v->result;
    char buf[256], title[96];
    const char *name = ui_round_name(v, ctx, buf, sizeof buf);
    if (v->mode == MODE_ARCADE)
        snprintf(title, sizeof title, "Game over");
    else if (v->mode == MODE_LEVEL)
        snprintf(title, sizeof title, "%s", r->passed ? "Level passed!" : "Level not passed");
    else
        snprintf(title, sizeof title, "Round complete");
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 30), title,
                        v->mode == MODE_LEVEL && !r->passed ? ui->pal.wrong : ui->pal.accent,
                        ui->content.x, ui->content.w, ui->content.y + ui_px(ui, 20));
    scene_text_centered(ui, FACE_SANS, ui_px(ui, 14), name, ui->pal.dim, ui->content.x,
                        ui->content.w, ui->content.y + ui_px(ui, 62));
    char score[32];
    ui_thousands(v->shown_score, score, sizeof score);
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 48), score, ui->pal.text, ui->content.x,
                        ui->content.w, ui->content.y + ui_px(ui, 86));
    double y = 150;
    if (v->mode == MODE_LEVEL) {
        char stars[32];
        ui_stars(r->stars, 3, stars, sizeof stars);
        scene_text_centered(ui, FACE_SANS, ui_px(ui, 34), stars, ui->pal.accent, ui->content.x,
                            ui->content.w, ui->content.y + ui_px(ui, y));
        y += 46;
    }
    /* Accuracy, best streak, time: three columns. */
    char acc[64], streak[32], time[32];
    unsigned pct = r->asked ? r->right * 100 / r->asked : 0;
    snprintf(acc, sizeof acc, "%u%% (%u/%u)", pct, r->right, r->asked);
    snprintf(streak, sizeof streak, "%u", r->best_streak);
    unsigned secs = (r->time_ms + 500) / 1000;
    snprintf(time, sizeof time, "%u:%02u", secs / 60, secs % 60);
    const char *labels[3] = {"Accuracy", "Best streak", "Time"};
    const char *values[3] = {acc, streak, time};
    double colw = (ui->design_w - 2 * UI_MARGIN) / 3.0;
    for (int i = 0; i < 3; i++) {
        SDL_Rect cell = ui_rect(ui, UI_MARGIN + i * colw, y, colw - 8, 58);
        scene_fill(ui, cell, ui->pal.panel);
        scene_text_centered(ui, FACE_SANS, ui_px(ui, 13), labels[i], ui->pal.dim, cell.x, cell.w,
                            cell.y + ui_px(ui, 6));
        scene_text_centered(ui, FACE_BOLD, ui_px(ui, 20), values[i], ui->pal.text, cell.x,
                            cell.w, cell.y + ui_px(ui, 26));
    }
    y += 70;
    /* What this round achieved. */
    char lines[4][128];
    int n = 0;
    if (r->new_best)
        snprintf(lines[n++], sizeof lines[0], "New best on this machine!");
    /* A place in the table: initials first, then the usual menu. */
    int entering = r->rank >= 0 && !v->initials_done;
    if (r->rank >= 0)
        snprintf(lines[n++], sizeof lines[0],
                 entering ? "High score #%d: enter your initials" : "High score #%d", r->rank + 1);
    if (r->opened_next)
        snprintf(lines[n++], sizeof lines[0], "Level %u is open", v->level + 1);
    if (r->mastered)
        snprintf(lines[n++], sizeof lines[0], "Topic mastered!");
    /* What it takes, next to what it took. */
    if (v->mode == MODE_LEVEL && !r->passed && v->ladder && v->level >= 1 && n < 4)
        snprintf(lines[n++], sizeof lines[0], "To pass: %u%% right",
                 v->ladder->levels[v->level - 1].pass);
    if (!r->recorded && v->mode != MODE_PRACTICE && n < 4)
        snprintf(lines[n++], sizeof lines[0], "%s",
                 v->mode == MODE_DAILY && v->daily_replay
                     ? "Today's scored try was already used: this replay is not scored"
                     : "Timer off or relaxed: scores are not recorded");
    for (int i = 0; i < n; i++) {
        scene_text_centered(ui, FACE_BOLD, ui_px(ui, 16), lines[i],
                            i == 0 && (r->new_best || r->rank >= 0) ? ui->pal.right : ui->pal.text,
                            ui->content.x, ui->content.w, ui->content.y + ui_px(ui, y));
        y += 24;
    }
    /* The menu, side by side. */
    const char *again = v->mode == MODE_LEVEL && r->opened_next ? "Next level" : "Play again";
    const char *back = v->mode == MODE_LEVEL || v->mode == MODE_PRACTICE ? "Choose again" : "Title";
    if (entering)
        again = back = "Enter initials";
    const char *entries[2] = {again, back};
    int buttons = entering ? 1 : 2;
    double bw = 200, gap = 16, bx = (ui->design_w - buttons * bw - (buttons - 1) * gap) / 2,
           by = UI_DESIGN_H - 70;
    for (int i = 0; i < 2; i++) {
        SDL_Rect b = ui_rect(ui, bx + i * (bw + gap), by, bw, 36);
        int on = v->selected == i;
        scene_fill(ui, b, on ? ui->pal.accent : ui->pal.panel);
        scene_text_centered(ui, FACE_BOLD, ui_px(ui, 17), entries[i], on ? ui->pal.bg : ui->pal.text,
                            b.x, b.w, b.y + (b.h - text_line_height(ui->fonts, FACE_BOLD, ui_px(ui, 17))) / 2);
        scene_hit(ui, b, ui_choose(i), i);
        if (entering)
            break;
    }
    ui_save_problem(ui, ctx, by - 24);
    ui_hint(ui, "Arrows choose  -  Enter or A confirms");
}
