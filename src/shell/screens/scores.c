/* scores.c - a high-score table under column headings: rank, initials,
 * score, accuracy, date;
 * left and right page through the tables. */
#include "screens.h"

#include <stdio.h>

void screen_scores(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const char *table = v->score_table  ? v->score_table
                        : v->arcade_table ? v->arcade_table
                                          : GAME_TABLE_ARCADE;
    char title[160];
    ui_table_title(table, title, sizeof title);
    double y = ui_heading(ui, "High scores", title, 14);
    const HighScore *e;
    size_t n = profile_table(ctx->profile, table, &e);
    int px = ui_px(ui, 17);
    int line = text_line_height(ui->fonts, FACE_MONO, px) + ui_px(ui, 6);
    int x = ui->content.x + ui_px(ui, UI_MARGIN + 20);
    int right = ui->content.x + ui->content.w - ui_px(ui, UI_MARGIN + 20);
    int ty = ui->content.y + ui_px(ui, y);
    int date_w = ui_text_width(ui, FACE_MONO, px, "0000-00-00");
    int acc_right = right - date_w - ui_px(ui, 24);
    int score_right = acc_right - ui_text_width(ui, FACE_MONO, px, "100%") - ui_px(ui, 24);
    if (n == 0) {
        scene_text(ui, FACE_SANS, px, "No scores yet.", ui->pal.dim, x, ty);
    } else {
        /* Column headings, each over its column's right edge or start. */
        int hpx = ui_px(ui, 13);
        const char *score_h = "Score", *acc_h = "Right";
        scene_text(ui, FACE_SANS, hpx, "Name", ui->pal.dim, x + ui_px(ui, 50), ty);
        scene_text(ui, FACE_SANS, hpx, score_h, ui->pal.dim,
                   score_right - ui_text_width(ui, FACE_SANS, hpx, score_h), ty);
        scene_text(ui, FACE_SANS, hpx, acc_h, ui->pal.dim,
                   acc_right - ui_text_width(ui, FACE_SANS, hpx, acc_h), ty);
        scene_text(ui, FACE_SANS, hpx, "Date", ui->pal.dim, right - date_w, ty);
        ty += text_line_height(ui->fonts, FACE_SANS, hpx) + ui_px(ui, 4);
    }
    for (size_t i = 0; i < n; i++) {
        int on = (int)i == v->selected;
        if (on)
            scene_fill(ui, (SDL_Rect){x - ui_px(ui, 8), ty - ui_px(ui, 3), right - x + ui_px(ui, 16), line},
                       ui->pal.panel_hi);
        SDL_Color c = on ? ui->pal.accent : ui->pal.text;
        char rank[24], score[32], acc[16];
        snprintf(rank, sizeof rank, "%2zu.", i + 1);
        ui_thousands(e[i].score, score, sizeof score);
        snprintf(acc, sizeof acc, "%3u%%", e[i].accuracy);
        scene_text(ui, FACE_MONO, px, rank, c, x, ty);
        scene_text(ui, FACE_MONO, px, e[i].initials, c, x + ui_px(ui, 50), ty);
        scene_text(ui, FACE_MONO, px, e[i].date, ui->pal.dim, right - date_w, ty);
        scene_text(ui, FACE_MONO, px, acc, c, acc_right - ui_text_width(ui, FACE_MONO, px, acc), ty);
        scene_text(ui, FACE_MONO, px, score, c,
                   score_right - ui_text_width(ui, FACE_MONO, px, score), ty);
        ty += line;
    }
    Action back = {ACTION_CONFIRM, 0};
    scene_hit(ui, ui->content, back, -1);
    ui_hint(ui, v->score_browsing ? "Left/right: other tables  -  Enter, A, Esc or B: back"
                                  : "Enter, A, Esc or B: back");
}
