/* question.c - the question: its kind, the prompt (and the code it asks
 * about, or the code to read), the options labelled with both of their keys
 * ("1/A" to "5/E"), the timer bar with the seconds left, and the round's
 * status. Everything fits at 640x480 for every question of the corpus: text
 * wraps, and the font shrinks within readable limits. */
#include "screens.h"
#include "../../core/text.h"
#include "question_layout.h"

#include <stdio.h>
#include <string.h>

/* Option labels: both keys that choose the option, "1/A" to "5/E", in bold
 * at this size (design units). The label column is as wide as the widest
 * label with padding, and at least QUESTION_LABEL_W. */
#define QUESTION_LABEL_PX 15

static void question_label(unsigned o, char out[8])
{
    snprintf(out, 8, "%c/%c", (char)('1' + o), (char)('A' + o));
}

static int question_label_w(Ui *ui)
{
    int px = ui_px(ui, QUESTION_LABEL_PX);
    int w = 0;
    for (unsigned o = 0; o < ROUND_MAX_OPTIONS; o++) {
        char label[8];
        question_label(o, label);
        int lw = ui_text_width(ui, FACE_BOLD, px, label);
        if (lw > w)
            w = lw;
    }
    w += 2 * ui_px(ui, QUESTION_PAD);
    int min = ui_px(ui, QUESTION_LABEL_W);
    return w > min ? w : min;
}

/* Tries sizes from the largest down until the question fits. */
void question_fit(Ui *ui, const RoundItem *it, int width, int height, QuestionFit *fit)
{
    static const struct { double prompt, option, code; } sizes[] = {
        {21, 17, 15}, {20, 16, 14}, {19, 15, 13.5}, {18, 15, 13}, {17, 14, 12.5},
        {16, 14, 12}, {15, 13, 11.5}, {14, 13, 11}, {13, 12, 10.5}, {13, 12, 10}};
    const size_t n = sizeof sizes / sizeof *sizes;
    int label_w = question_label_w(ui);
    int text_w = width - label_w - 2 * ui_px(ui, QUESTION_PAD);
    for (size_t s = 0; s < n; s++) {
        fit->prompt_px = ui_px(ui, sizes[s].prompt);
        fit->option_px = ui_px(ui, sizes[s].option);
        fit->code_px = ui_px(ui, sizes[s].code);
        int code = it->kind == KIND_OUTPUT;
        if (code)
            text_layout_code(ui->fonts, &fit->prompt, it->prompt, fit->code_px,
                             width - 2 * ui_px(ui, QUESTION_PAD));
        else
            text_layout(ui->fonts, &fit->prompt, it->prompt, FACE_SANS, fit->prompt_px, width);
        int total = fit->prompt.height + (code ? 2 * ui_px(ui, QUESTION_PAD) : 0) +
                    ui_px(ui, QUESTION_GAP);
        if (it->code) {
            text_layout_code(ui->fonts, &fit->code, it->code, fit->code_px,
                             width - 2 * ui_px(ui, QUESTION_PAD));
            total += ui_px(ui, QUESTION_PAD) + fit->code.height + 2 * ui_px(ui, QUESTION_PAD);
        }
        int half_w = (width - ui_px(ui, QUESTION_OPTION_GAP)) / 2 - label_w -
                     2 * ui_px(ui, QUESTION_PAD);
        int min = ui_px(ui, QUESTION_OPTION_MIN_H);
        int column = it->option_count > 2;
        int tallest = 0, list = 0;
        for (unsigned o = 0; o < it->option_count; o++) {
            text_layout(ui->fonts, &fit->options[o], it->options[o], FACE_SANS, fit->option_px,
                        text_w);
            int h = fit->options[o].height + 2 * ui_px(ui, QUESTION_PAD);
            if (h < min)
                h = min;
            if (h > tallest)
                tallest = h;
            list += h + ui_px(ui, QUESTION_OPTION_GAP);
            column &= fit->options[o].lines == 1 && fit->options[o].width <= half_w;
        }
        fit->grid = column;
        fit->option_h = tallest;
        if (column)
            list = (int)((it->option_count + 1) / 2) * (tallest + ui_px(ui, QUESTION_OPTION_GAP));
        total += list;
        fit->height = total;
        fit->fits = total <= height;
        if (fit->fits)
            return;
    }
}

void question_fit_free(QuestionFit *fit)
{
    text_box_free(&fit->prompt);
    text_box_free(&fit->code);
    for (int i = 0; i < ROUND_MAX_OPTIONS; i++)
        text_box_free(&fit->options[i]);
}

static QuestionFit question_fit_state;

void question_free(void)
{
    question_fit_free(&question_fit_state);
}

void screen_question(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const RoundItem *it = v->item;
    ui_round_bar(ui, v, ctx);
    int left = ui->content.x + ui_px(ui, UI_MARGIN);
    int width = ui->content.w - 2 * ui_px(ui, UI_MARGIN);
    if (v->timed) {
        SDL_Rect bar = ui_rect(ui, UI_MARGIN, QUESTION_BAR_Y, ui->design_w - 2 * UI_MARGIN - 44, 9);
        /* Two segments a second, at most 60: the bar changes (and the
         * screen is redrawn) only when one goes out. */
        int segments = (int)(v->timer->limit_ms / 500);
        if (segments > 60)
            segments = 60;
        scene_timerbar(ui, bar, segments);
        char secs[16];
        snprintf(secs, sizeof secs, "%u s", timer_seconds_left(v->timer));
        int px = ui_px(ui, 15);
        int w = ui_text_width(ui, FACE_BOLD, px, secs);
        scene_text(ui, FACE_BOLD, px, secs,
                   timer_seconds_left(v->timer) <= 5 ? ui->pal.bar_low : ui->pal.text,
                   ui->content.x + ui->content.w - ui_px(ui, UI_MARGIN) - w,
                   bar.y + bar.h / 2 - text_line_height(ui->fonts, FACE_BOLD, px) / 2);
    }
    scene_text(ui, FACE_BOLD, ui_px(ui, 13), kind_heading(it->kind), ui->pal.accent, left,
               ui->content.y + ui_px(ui, QUESTION_KIND_Y));
    int top = ui->content.y + ui_px(ui, QUESTION_TOP);
    int bottom = ui->content.y + ui->content.h - ui_px(ui, QUESTION_BOTTOM);
    QuestionFit *fit = &question_fit_state;
    question_fit(ui, it, width, bottom - top, fit);
    int y = top;
    int pad = ui_px(ui, QUESTION_PAD);
    if (it->kind == KIND_OUTPUT) {
        SDL_Rect box = {left, y, width, fit->prompt.height + 2 * pad};
        scene_fill(ui, box, ui->pal.code_bg);
        scene_box(ui, &fit->prompt, left + pad, y + pad, ui->pal.code, ui->pal.code, box.y,
                  box.y + box.h);
        y += box.h;
    } else {
        scene_box(ui, &fit->prompt, left, y, ui->pal.text, ui->pal.code, top, bottom);
        y += fit->prompt.height;
        if (it->code) {
            y += pad;
            SDL_Rect box = {left, y, width, fit->code.height + 2 * pad};
            scene_fill(ui, box, ui->pal.code_bg);
            scene_box(ui, &fit->code, left + pad, y + pad, ui->pal.code, ui->pal.code, box.y,
                      box.y + box.h);
            y += box.h;
        }
    }
    y += ui_px(ui, QUESTION_GAP);
    int label_w = question_label_w(ui);
    int gap = ui_px(ui, QUESTION_OPTION_GAP);
    int col_w = (width - gap) / 2;
    int row_y = y;
    for (unsigned o = 0; o < it->option_count; o++) {
        int h = fit->options[o].height + 2 * pad;
        int min = ui_px(ui, QUESTION_OPTION_MIN_H);
        if (h < min)
            h = min;
        SDL_Rect r = {left, y, width, h};
        if (fit->grid) {
            /* Two columns, in reading order: the arrows follow them. */
            ui->scene.columns = 2;
            h = fit->option_h;
            r = (SDL_Rect){left + (int)(o % 2) * (col_w + gap), row_y + (int)(o / 2) * (h + gap),
                           col_w, h};
        }
        int ox = r.x;
        y = r.y;
        int on = (int)o == v->selected;
        scene_fill(ui, r, on ? ui->pal.panel_hi : ui->pal.panel);
        SDL_Rect label = {ox, y, label_w, h};
        scene_fill(ui, label, on ? ui->pal.accent : ui->pal.panel_hi);
        char num[8];
        question_label(o, num);
        int lpx = ui_px(ui, QUESTION_LABEL_PX);
        scene_text_centered(ui, FACE_BOLD, lpx, num, on ? ui->pal.bg : ui->pal.text, ox, label_w,
                            y + (h - text_line_height(ui->fonts, FACE_BOLD, lpx)) / 2);
        scene_box(ui, &fit->options[o], ox + label_w + pad,
                  y + (h - fit->options[o].height) / 2, on ? ui->pal.accent : ui->pal.text,
                  ui->pal.code, r.y, r.y + r.h);
        if (on)
            scene_frame(ui, r, ui->pal.accent, ui_px(ui, 2));
        scene_hit(ui, r, ui_choose((int)o), (int)o);
        y += h + gap;
    }
    /* The keys of the options shown, as on their labels. */
    char hint[96];
    unsigned last = it->option_count ? it->option_count - 1 : 0;
    snprintf(hint, sizeof hint, "1-%c or A-%c answers  -  arrows + Enter  -  Esc or Start pauses",
             (char)('1' + last), (char)('A' + last));
    ui_hint(ui, hint);
    if (v->mode != MODE_ATTRACT)
        ui_hint_button(ui, "\xE2\x9D\x9A\xE2\x9D\x9A Pause", ACTION_PAUSE); /* for touch */
}
