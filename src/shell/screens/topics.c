/* topics.c - every topic with its number of questions and the player's
 * progress: stars along its ladder, levels passed, mastered. */
#include "screens.h"

#include <stdio.h>

/* Stars earned and possible in a topic's ladder; *passed levels. */
static void topics_progress(const ScreenCtx *ctx, size_t t, unsigned *stars, unsigned *max,
                            unsigned *passed, unsigned *levels)
{
    const char *name = bank_topic_name(ctx->bank, t);
    const Ladder *l = levels_for(ctx->levels, name);
    *stars = *passed = 0;
    *levels = l ? l->count : 0;
    *max = *levels * 3;
    for (unsigned i = 1; i <= *levels; i++) {
        const LevelRecord *r = profile_level(ctx->profile, name, i);
        if (r) {
            *stars += r->stars;
            *passed += r->passed != 0;
        }
    }
}

void screen_topics(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    int practice = v->mode == MODE_PRACTICE;
    size_t topics = bank_topic_count(ctx->bank);
    int entries = (int)topics + practice;
    unsigned all_stars = 0, all_max = 0, mastered = 0;
    for (size_t t = 0; t < topics; t++) {
        unsigned s, m, p, l;
        topics_progress(ctx, t, &s, &m, &p, &l);
        all_stars += s;
        all_max += m;
        mastered += l > 0 && p == l;
    }
    char sub[128];
    if (practice)
        snprintf(sub, sizeof sub, "Practice: no timer, missed questions come back sooner");
    else
        snprintf(sub, sizeof sub, "Stars %u of %u  -  topics mastered %u of %zu", all_stars,
                 all_max, mastered, topics);
    double y = ui_heading(ui, practice ? "Practice" : "Choose a topic", sub, 14);
    double row = 38, bottom = UI_DESIGN_H - 34;
    int visible = (int)((bottom - y) / row);
    if (visible < 1)
        visible = 1;
    int first = v->selected - visible / 2;
    if (first > entries - visible)
        first = entries - visible;
    if (first < 0)
        first = 0;
    double W = ui->design_w - 2 * UI_MARGIN;
    int name_px = ui_px(ui, 17), small = ui_px(ui, 13);
    for (int i = first; i < entries && i < first + visible; i++) {
        SDL_Rect r = ui_rect(ui, UI_MARGIN, y + (i - first) * row, W, row - 4);
        int on = i == v->selected;
        scene_fill(ui, r, on ? ui->pal.panel_hi : ui->pal.panel);
        if (on)
            scene_fill(ui, (SDL_Rect){r.x, r.y, ui_px(ui, 4), r.h}, ui->pal.accent);
        int ty = r.y + (r.h - text_line_height(ui->fonts, FACE_SANS, name_px)) / 2;
        char right[128];
        const char *name;
        if (practice && i == 0) {
            name = "All topics";
            snprintf(right, sizeof right, "%zu questions", bank_question_count(ctx->bank));
        } else {
            size_t t = (size_t)(i - practice);
            name = bank_topic_name(ctx->bank, t);
            unsigned s, m, p, l;
            topics_progress(ctx, t, &s, &m, &p, &l);
            char stars[64];
            ui_stars(s * 3 / (m ? m : 1), 3, stars, sizeof stars);
            if (practice) {
                snprintf(right, sizeof right, "%zu questions", bank_topic_size(ctx->bank, t));
            } else {
                /* Each level: its stars when open, a dash when locked. */
                const char *tname = bank_topic_name(ctx->bank, t);
                size_t o = (size_t)snprintf(right, sizeof right, "%zu q  ",
                                            bank_topic_size(ctx->bank, t));
                for (unsigned k = 1; k <= l && o + 16 < sizeof right; k++) {
                    if (!profile_level_open(ctx->profile, tname, k)) {
                        o += (size_t)snprintf(right + o, sizeof right - o, " \xE2\x80\x94");
                        continue;
                    }
                    const LevelRecord *rec = profile_level(ctx->profile, tname, k);
                    char st[16];
                    ui_stars(rec ? rec->stars : 0, 3, st, sizeof st);
                    o += (size_t)snprintf(right + o, sizeof right - o, " %s", st);
                }
                if (l > 0 && p == l && o + 12 < sizeof right)
                    snprintf(right + o, sizeof right - o, "  Mastered");
            }
            (void)stars;
        }
        int rw = ui_text_width(ui, FACE_SANS, small, right);
        SDL_Color rc = on ? ui->pal.accent : ui->pal.dim;
        scene_text(ui, FACE_SANS, small, right, rc, r.x + r.w - ui_px(ui, 12) - rw,
                   r.y + (r.h - text_line_height(ui->fonts, FACE_SANS, small)) / 2);
        char fitted[256];
        ui_fit_text(ui, on ? FACE_BOLD : FACE_SANS, name_px, name,
                    r.w - rw - ui_px(ui, 40), fitted, sizeof fitted);
        scene_text(ui, on ? FACE_BOLD : FACE_SANS, name_px, fitted,
                   on ? ui->pal.accent : ui->pal.text, r.x + ui_px(ui, 14), ty);
        scene_hit(ui, r, ui_choose(i), i);
    }
    if (first > 0)
        scene_text_centered(ui, FACE_SANS, small, "\xE2\x96\xB2 more", ui->pal.dim, ui->content.x,
                            ui->content.w, ui->content.y + ui_px(ui, y - 16));
    if (first + visible < entries)
        scene_text_centered(ui, FACE_SANS, small, "\xE2\x96\xBC more", ui->pal.dim, ui->content.x,
                            ui->content.w, ui->content.y + ui_px(ui, bottom - 6));
    ui_corner_button(ui, "\xE2\x80\xB9 Back", ACTION_BACK);
    ui_hint(ui, "Arrows choose  -  Enter or A opens  -  Esc or B goes back");
}
