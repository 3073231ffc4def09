/* levels.c - a topic's ladder: each level's rules, stars and best score,
 * and which are still locked. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

static void levels_kinds(unsigned kinds, char *out, size_t size)
{
    out[0] = '\0';
    static const char *const names[KIND_COUNT] = {"answers", "reverse", "code output"};
    for (int k = 0; k < KIND_COUNT; k++) {
        if (!(kinds & KIND_BIT(k)))
            continue;
        size_t n = strlen(out);
        snprintf(out + n, size - n, "%s%s", n ? ", " : "", names[k]);
    }
}

void screen_levels(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const char *topic = bank_topic_name(ctx->bank, v->topic);
    const Ladder *l = v->ladder;
    char sub[128];
    snprintf(sub, sizeof sub, "%zu questions - pass a level to open the next",
             bank_topic_size(ctx->bank, v->topic));
    double y = ui_heading(ui, topic, sub, 14);
    double row = (UI_DESIGN_H - 34 - y) / (l->count > 0 ? l->count : 1);
    if (row > 62)
        row = 62;
    double W = ui->design_w - 2 * UI_MARGIN;
    int big = ui_px(ui, 18), small = ui_px(ui, 13);
    for (unsigned i = 0; i < l->count; i++) {
        const LevelSpec *s = &l->levels[i];
        const RoundParams *plays = &v->plays[i];
        SDL_Rect r = ui_rect(ui, UI_MARGIN, y + i * row, W, row - 5);
        int on = (int)i == v->selected;
        int open = profile_level_open(ctx->profile, topic, i + 1);
        const LevelRecord *rec = profile_level(ctx->profile, topic, i + 1);
        scene_fill(ui, r, on ? ui->pal.panel_hi : ui->pal.panel);
        if (on)
            scene_fill(ui, (SDL_Rect){r.x, r.y, ui_px(ui, 4), r.h}, ui->pal.accent);
        char title[64];
        snprintf(title, sizeof title, "Level %u", i + 1);
        SDL_Color tc = !open ? ui->pal.dim : on ? ui->pal.accent : ui->pal.text;
        int line = text_line_height(ui->fonts, FACE_SANS, small);
        int ty = r.y + (r.h - text_line_height(ui->fonts, FACE_BOLD, big) - line) / 2;
        scene_text(ui, FACE_BOLD, big, title, tc, r.x + ui_px(ui, 14), ty);
        char kinds[96], detail[256];
        levels_kinds(plays->kinds, kinds, sizeof kinds);
        char lives[32] = "";
        if (s->lives)
            snprintf(lives, sizeof lives, ", %u lives", s->lives);
        snprintf(detail, sizeof detail, "%u question%s, %u s each, %u options%s; %s",
                 plays->questions, plays->questions == 1 ? "" : "s", s->seconds, plays->options,
                 lives, kinds);
        scene_text(ui, FACE_SANS, small, detail, ui->pal.dim, r.x + ui_px(ui, 14),
                   ty + text_line_height(ui->fonts, FACE_BOLD, big));
        char right[96];
        if (!open) {
            snprintf(right, sizeof right, "Locked");
        } else if (rec) {
            char stars[32], num[32];
            ui_stars(rec->stars, 3, stars, sizeof stars);
            ui_thousands(rec->best_score, num, sizeof num);
            /* Not passed yet: the pass mark stays in sight. */
            if (rec->stars == 0)
                snprintf(right, sizeof right, "%s  pass %u%%  best %s", stars, s->pass, num);
            else
                snprintf(right, sizeof right, "%s  best %s", stars, num);
        } else {
            snprintf(right, sizeof right, "\xE2\x98\x86\xE2\x98\x86\xE2\x98\x86  pass %u%%", s->pass);
        }
        int rw = ui_text_width(ui, FACE_SANS, ui_px(ui, 15), right);
        scene_text(ui, FACE_SANS, ui_px(ui, 15), right, open ? ui->pal.accent : ui->pal.dim,
                   r.x + r.w - ui_px(ui, 12) - rw, ty);
        scene_hit(ui, r, ui_choose((int)i), (int)i);
    }
    ui_corner_button(ui, "\xE2\x80\xB9 Back", ACTION_BACK);
    ui_hint(ui, "Arrows choose  -  Enter or A plays  -  Esc or B goes back");
}
