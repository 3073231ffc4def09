/* common.c - widgets the screens share (see screens.h). */
#include "screens.h"

#include <stdio.h>
#include <string.h>

Action ui_choose(int i)
{
    Action a = {ACTION_CHOOSE, i};
    return a;
}

enum { UI_CORNER_W = 84, UI_CORNER_H = 28 };

double ui_heading(Ui *ui, const char *text, const char *sub, double y)
{
    /* Left of the corner button: a long name shrinks a little, then is cut. */
    int max_w = ui_px(ui, ui->design_w - 2 * UI_MARGIN - UI_CORNER_W - 12);
    int px = ui_px(ui, 26);
    for (double units = 25; ui_text_width(ui, FACE_BOLD, px, text) > max_w && units >= 20; units--)
        px = ui_px(ui, units);
    char fitted[256];
    ui_fit_text(ui, FACE_BOLD, px, text, max_w, fitted, sizeof fitted);
    int line = ui_px(ui, 26);
    scene_text(ui, FACE_BOLD, px, fitted, ui->pal.text, ui->content.x + ui_px(ui, UI_MARGIN),
               ui->content.y + ui_px(ui, y) + (line - px) * 3 / 4);
    y += 34;
    if (sub && *sub) {
        scene_text(ui, FACE_SANS, ui_px(ui, 14), sub, ui->pal.dim,
                   ui->content.x + ui_px(ui, UI_MARGIN), ui->content.y + ui_px(ui, y));
        y += 22;
    }
    return y + 6;
}

void ui_menu(Ui *ui, const char *const *entries, int count, int selected, double x, double y,
             double w, double h, double text_units)
{
    int px = ui_px(ui, text_units);
    for (int i = 0; i < count; i++) {
        SDL_Rect r = ui_rect(ui, x, y + i * h, w, h - 4);
        int on = i == selected;
        scene_fill(ui, r, on ? ui->pal.panel_hi : ui->pal.panel);
        if (on)
            scene_fill(ui, (SDL_Rect){r.x, r.y, ui_px(ui, 4), r.h}, ui->pal.accent);
        int th = text_line_height(ui->fonts, FACE_SANS, px);
        scene_text(ui, on ? FACE_BOLD : FACE_SANS, px, entries[i], on ? ui->pal.accent : ui->pal.text,
                   r.x + ui_px(ui, 14), r.y + (r.h - th) / 2);
        scene_hit(ui, r, ui_choose(i), i);
    }
}

void ui_thousands(unsigned n, char *out, size_t size)
{
    char digits[16];
    snprintf(digits, sizeof digits, "%u", n);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len && o + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

void ui_stars(unsigned stars, unsigned max, char *out, size_t size)
{
    size_t o = 0;
    for (unsigned i = 0; i < max && o + 4 < size; i++) {
        const char *s = i < stars ? "\xE2\x98\x85" : "\xE2\x98\x86"; /* ★ ☆ */
        memcpy(out + o, s, 3);
        o += 3;
    }
    out[o] = '\0';
}

const char *ui_round_name(const GameView *v, const ScreenCtx *ctx, char *buf, size_t size)
{
    switch (v->mode) {
    case MODE_ARCADE: return "Arcade";
    case MODE_DAILY:
        snprintf(buf, size, "Daily challenge %s%s", v->daily_date,
                 v->daily_replay ? " - replay, not scored" : "");
        return buf;
    case MODE_ATTRACT: return "Demo - press any key";
    case MODE_PRACTICE:
        snprintf(buf, size, "Practice: %s",
                 v->topic == SIZE_MAX ? "all topics" : bank_topic_name(ctx->bank, v->topic));
        return buf;
    default:
        snprintf(buf, size, "%s - level %u", bank_topic_name(ctx->bank, v->topic), v->level);
        return buf;
    }
}

void ui_round_bar(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    char buf[256], num[32];
    int small = ui_px(ui, 13), big = ui_px(ui, 17);
    int y = ui->content.y + ui_px(ui, 8);
    int left = ui->content.x + ui_px(ui, UI_MARGIN);
    int right = ui->content.x + ui->content.w - ui_px(ui, UI_MARGIN);
    const char *name = ui_round_name(v, ctx, buf, sizeof buf);
    /* Score on the right, progress in the middle, the round's name left. */
    ui_thousands(v->shown_score, num, sizeof num);
    char score[64];
    snprintf(score, sizeof score, "%s", num);
    int sw = ui_text_width(ui, FACE_BOLD, big, score);
    scene_text(ui, FACE_BOLD, big, score, ui->pal.accent, right - sw, y - ui_px(ui, 2));
    int x = right - sw - ui_px(ui, 8);
    if (v->streak >= 2) {
        char streak[32];
        snprintf(streak, sizeof streak, "streak x%u", v->streak);
        int w = ui_text_width(ui, FACE_SANS, small, streak);
        x -= w;
        scene_text(ui, FACE_SANS, small, streak, ui->pal.right, x, y);
        x -= ui_px(ui, 10);
    }
    char progress[64];
    if (v->max_lives) {
        size_t o = 0;
        for (unsigned i = 0; i < v->max_lives && o + 4 < sizeof progress; i++) {
            memcpy(progress + o, i < v->lives ? "\xE2\x99\xA5" : "\xE2\x99\xA1", 3); /* ♥ ♡ */
            o += 3;
        }
        progress[o] = '\0';
    } else {
        progress[0] = '\0';
    }
    char count[64] = "";
    if (v->total)
        snprintf(count, sizeof count, "%zu of %u", v->index + 1, v->total);
    else
        snprintf(count, sizeof count, "question %zu", v->index + 1);
    char middle[160];
    snprintf(middle, sizeof middle, "%s%s%s", count, progress[0] ? "   " : "", progress);
    int mw = ui_text_width(ui, FACE_SANS, small, middle);
    int mx = x - mw;
    scene_text(ui, FACE_SANS, small, middle, v->max_lives && v->lives <= 1 ? ui->pal.wrong : ui->pal.text,
               mx, y);
    /* The name takes what is left, cut if it must. */
    char cut[256];
    ui_fit_text(ui, FACE_SANS, small, name, mx - ui_px(ui, 12) - left, cut, sizeof cut);
    scene_text(ui, FACE_SANS, small, cut, ui->pal.dim, left, y);
}

void ui_fit_text(Ui *ui, Face face, int px, const char *text, int max_w, char *out, size_t size)
{
    snprintf(out, size, "%s", text);
    if (max_w <= 0 || ui_text_width(ui, face, px, out) <= max_w)
        return;
    size_t n = strlen(out);
    while (n > 0) {
        /* Drop a code point, then try with "...". */
        n--;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
            n--;
        if (n + 4 > size)
            continue;
        memcpy(out + n, "...", 4);
        if (ui_text_width(ui, face, px, out) <= max_w)
            return;
    }
}

/* A small labelled button at (x, y) in design units that sends an action. */
static void ui_small_button(Ui *ui, const char *label, ActionType type, double x, double y,
                            double w, double h)
{
    SDL_Rect r = ui_rect(ui, x, y, w, h);
    scene_fill(ui, r, ui->pal.panel);
    int px = ui_px(ui, 14);
    scene_text_centered(ui, FACE_SANS, px, label, ui->pal.text, r.x, r.w,
                        r.y + (r.h - text_line_height(ui->fonts, FACE_SANS, px)) / 2);
    Action a = {type, 0};
    scene_hit(ui, r, a, -1);
}

void ui_corner_button(Ui *ui, const char *label, ActionType type)
{
    ui_small_button(ui, label, type, ui->design_w - UI_MARGIN - UI_CORNER_W, 14, UI_CORNER_W,
                    UI_CORNER_H);
}

void ui_hint_button(Ui *ui, const char *label, ActionType type)
{
    ui_small_button(ui, label, type, ui->design_w - UI_MARGIN - UI_CORNER_W, UI_DESIGN_H - 28,
                    UI_CORNER_W, 24);
}

void ui_hint(Ui *ui, const char *text)
{
    int px = ui_px(ui, 12);
    scene_text_centered(ui, FACE_SANS, px, text, ui->pal.dim, ui->content.x, ui->content.w,
                        ui->content.y + ui->content.h - ui_px(ui, 20));
}

void ui_save_problem(Ui *ui, const ScreenCtx *ctx, double y)
{
    if (!ctx->save_problem || !ctx->save_problem[0])
        return;
    char line[400], fitted[400];
    snprintf(line, sizeof line, "Progress is not being saved: %s", ctx->save_problem);
    int px = ui_px(ui, 12), margin = ui_px(ui, UI_MARGIN);
    ui_fit_text(ui, FACE_SANS, px, line, ui->content.w - 2 * margin, fitted, sizeof fitted);
    scene_text_centered(ui, FACE_SANS, px, fitted, ui->pal.wrong, ui->content.x, ui->content.w,
                        ui->content.y + ui_px(ui, y));
}

void ui_table_title(const char *table, char *out, size_t size)
{
    char topic[192];
    unsigned level;
    /* A pack's own tables: "arcade:PACK", "daily:PACK". */
    size_t arcade = strlen(GAME_TABLE_ARCADE), daily = strlen(GAME_TABLE_DAILY);
    if (strcmp(table, GAME_TABLE_ARCADE) == 0) {
        snprintf(out, size, "Arcade");
    } else if (strcmp(table, GAME_TABLE_DAILY) == 0) {
        snprintf(out, size, "Daily challenge");
    } else if (strncmp(table, GAME_TABLE_ARCADE ":", arcade + 1) == 0) {
        snprintf(out, size, "Arcade - %s", table + arcade + 1);
    } else if (strncmp(table, GAME_TABLE_DAILY ":", daily + 1) == 0) {
        snprintf(out, size, "Daily challenge - %s", table + daily + 1);
    } else if (game_table_level(table, topic, sizeof topic, &level) == 0) {
        snprintf(out, size, "%s - level %u", topic, level);
    } else {
        snprintf(out, size, "%s", table);
    }
}
