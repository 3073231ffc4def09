/* title.c - the title screen: the game's name, its menu with "Play"
 * selected, and the best scores of this machine. */
#include "screens.h"

#include <stdio.h>

void screen_title(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    static const char *const entries[TITLE_COUNT] = {
        "Play topics", "Arcade", "Practice", "Daily challenge", "High scores", "Settings", "Quit"};
    int W = ui->design_w;
    scene_text_centered(ui, FACE_BOLD, ui_px(ui, 50), "QUIZ ARCADE", ui->pal.accent,
                        ui->content.x, ui->content.w, ui->content.y + ui_px(ui, 22));
    char sub[320];
    size_t nq = bank_question_count(ctx->bank), nt = bank_topic_count(ctx->bank);
    int at = snprintf(sub, sizeof sub, "%s - %zu question%s in %zu topic%s", ctx->corpus_name,
                      nq, nq == 1 ? "" : "s", nt, nt == 1 ? "" : "s");
    /* An author sees at once that the pack lost something. */
    if (ctx->corpus_warnings && at > 0 && (size_t)at < sizeof sub)
        snprintf(sub + at, sizeof sub - (size_t)at, " - %zu warning%s: see --check",
                 ctx->corpus_warnings, ctx->corpus_warnings == 1 ? "" : "s");
    char fitted[320];
    int sub_px = ui_px(ui, 14);
    ui_fit_text(ui, FACE_SANS, sub_px, sub, ui->content.w - 2 * ui_px(ui, UI_MARGIN), fitted,
                sizeof fitted);
    scene_text_centered(ui, FACE_SANS, sub_px, fitted,
                        ctx->corpus_warnings ? ui->pal.accent : ui->pal.dim, ui->content.x,
                        ui->content.w, ui->content.y + ui_px(ui, 86));

    double menu_w = 260, gap = 24;
    double x = (W - (menu_w + gap + 300)) / 2;
    if (x < UI_MARGIN)
        x = UI_MARGIN;
    ui_menu(ui, entries, TITLE_COUNT, v->selected, x, 124, menu_w, 40, 19);

    /* The best scores of this machine. */
    double bx = x + menu_w + gap, bw = W - bx - UI_MARGIN;
    if (bw > 320)
        bw = 320;
    SDL_Rect box = ui_rect(ui, bx, 124, bw, 276);
    scene_fill(ui, box, ui->pal.panel);
    int px = ui_px(ui, 15), line = text_line_height(ui->fonts, FACE_SANS, px) + ui_px(ui, 4);
    int tx = box.x + ui_px(ui, 14), ty = box.y + ui_px(ui, 10);
    scene_text(ui, FACE_BOLD, ui_px(ui, 17), "High scores", ui->pal.accent, tx, ty);
    ty += ui_px(ui, 30);
    const HighScore *e;
    size_t n = profile_table(ctx->profile, v->arcade_table ? v->arcade_table : GAME_TABLE_ARCADE, &e);
    scene_text(ui, FACE_SANS, ui_px(ui, 13), "Arcade", ui->pal.dim, tx, ty);
    ty += line;
    if (n == 0) {
        scene_text(ui, FACE_SANS, px, "No scores yet: be the first!", ui->pal.text, tx, ty);
        ty += line;
    }
    for (size_t i = 0; i < n && i < 5; i++) {
        char row[64], num[32];
        ui_thousands(e[i].score, num, sizeof num);
        snprintf(row, sizeof row, "%zu.  %s", i + 1, e[i].initials);
        scene_text(ui, FACE_MONO, px, row, ui->pal.text, tx, ty);
        int w = ui_text_width(ui, FACE_MONO, px, num);
        scene_text(ui, FACE_MONO, px, num, ui->pal.text, box.x + box.w - ui_px(ui, 14) - w, ty);
        ty += line;
    }
    ty += ui_px(ui, 6);
    n = profile_table(ctx->profile, v->daily_table ? v->daily_table : GAME_TABLE_DAILY, &e);
    scene_text(ui, FACE_SANS, ui_px(ui, 13), "Daily challenge", ui->pal.dim, tx, ty);
    ty += line;
    if (n > 0) {
        char row[96], num[32];
        ui_thousands(e[0].score, num, sizeof num);
        snprintf(row, sizeof row, "%s  %s", e[0].initials, e[0].date);
        scene_text(ui, FACE_MONO, px, row, ui->pal.text, tx, ty);
        int w = ui_text_width(ui, FACE_MONO, px, num);
        scene_text(ui, FACE_MONO, px, num, ui->pal.text, box.x + box.w - ui_px(ui, 14) - w, ty);
    } else {
        scene_text(ui, FACE_SANS, px, "No scores yet", ui->pal.text, tx, ty);
    }
    uint32_t today;
    int played = v->daily_date && profile_day_parse(v->daily_date, &today) == 0 &&
                 profile_daily_day(ctx->profile, v->daily_table ? v->daily_table
                                                                : GAME_TABLE_DAILY) == today;
    scene_text(ui, FACE_SANS, ui_px(ui, 12),
               played ? "Played today: replays are not scored"
                      : "One scored try a day: it counts once started",
               ui->pal.dim, tx, ty + line);
    ui_save_problem(ui, ctx, 418);
    ui_hint(ui, profile_settings_const(ctx->profile)->muted
                    ? "Arrows choose  -  Enter or A selects  -  Esc quits  -  M: sound on"
                    : "Arrows choose  -  Enter or A selects  -  Esc quits  -  M mutes");
}
