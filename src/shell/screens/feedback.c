/* feedback.c - after an answer: right or wrong (a symbol as well as a
 * colour), the points, the options with the right one and a wrong pick
 * marked, which question a wrong pick actually answers, and the full
 * answer with its code as an explanation, scrollable. */
#include "screens.h"
#include "../../core/text.h"
#include "../../core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Laid-out pieces of the explanation, kept between builds. */
typedef struct ExplainBlock {
    TextBox box;
    int x, y;        /* offset in the explanation */
    int code;        /* a code block: drawn on a panel */
    char marker[16]; /* "•" or "3." for items */
    int marker_x;
} ExplainBlock;

static ExplainBlock *explain;
static size_t explain_cap;
static TextBox feedback_boxes[ROUND_MAX_OPTIONS + 2];

void feedback_free(void)
{
    for (size_t i = 0; i < explain_cap; i++)
        text_box_free(&explain[i].box);
    free(explain);
    explain = NULL;
    explain_cap = 0;
    for (size_t i = 0; i < sizeof feedback_boxes / sizeof *feedback_boxes; i++)
        text_box_free(&feedback_boxes[i]);
}

/* Blocks of the explanation: the code the prompt asked about, if any
 * (shown again beside its answer), then the answer. */
static size_t feedback_block_count(const Question *q)
{
    return q->answer_len + (q->code != NULL);
}

static AnswerBlock feedback_block(const Question *q, size_t i)
{
    if (q->code) {
        if (i == 0)
            return (AnswerBlock){ANSWER_CODE, 0, 0, q->code, q->code_lang};
        i--;
    }
    return q->answer[i];
}

/* Lays out a question's explanation into `width` pixels; returns its
 * height. */
static int feedback_layout_answer(Ui *ui, const Question *q, int width, int px, int code_px)
{
    size_t count = feedback_block_count(q);
    if (count > explain_cap) {
        explain = xrealloc(explain, count * sizeof *explain);
        memset(explain + explain_cap, 0, (count - explain_cap) * sizeof *explain);
        explain_cap = count;
    }
    int indent = ui_px(ui, 18), gap = ui_px(ui, 6), pad = ui_px(ui, 6);
    int y = 0;
    AnswerKind prev = ANSWER_PARA;
    for (size_t i = 0; i < count; i++) {
        AnswerBlock block = feedback_block(q, i);
        const AnswerBlock *a = &block;
        ExplainBlock *b = &explain[i];
        int x = (int)a->depth * indent;
        b->marker[0] = '\0';
        b->code = a->kind == ANSWER_CODE;
        if (a->kind == ANSWER_ITEM) {
            if (a->number)
                snprintf(b->marker, sizeof b->marker, "%u.", a->number);
            else
                snprintf(b->marker, sizeof b->marker, "\xE2\x80\xA2"); /* • */
            b->marker_x = x;
            x += ui_text_width(ui, FACE_SANS, px, a->number ? "00." : "\xE2\x80\xA2") + pad;
        }
        int w = width - x - (b->code ? 2 * pad : 0);
        if (w < width / 3)
            w = width / 3;
        if (b->code)
            text_layout_code(ui->fonts, &b->box, a->text, code_px, w);
        else if (a->kind == ANSWER_ROW)
            /* A header's empty corner cell leaves "| " at the start: not
             * worth a bar of its own. */
            text_layout(ui->fonts, &b->box,
                        a->text + (a->number == 0 && strncmp(a->text, "| ", 2) == 0 ? 2 : 0),
                        a->number == 0 ? FACE_BOLD : FACE_SANS, px, w);
        else
            text_layout(ui->fonts, &b->box, a->text, FACE_SANS, px, w);
        /* Items of one list and rows of one table sit close; other blocks
         * have a gap. */
        if (i > 0 && !(a->kind == ANSWER_ITEM && prev == ANSWER_ITEM) &&
            !(a->kind == ANSWER_ROW && prev == ANSWER_ROW && a->number > 0))
            y += gap;
        prev = a->kind;
        b->x = x;
        b->y = y;
        y += b->box.height + (b->code ? 2 * pad : 0) + ui_px(ui, 2);
    }
    return y;
}

void screen_feedback(Ui *ui, const GameView *v, const ScreenCtx *ctx)
{
    const RoundItem *it = v->item;
    const Question *q = bank_question(ctx->bank, it->question);
    ui_round_bar(ui, v, ctx);
    int left = ui->content.x + ui_px(ui, UI_MARGIN);
    int width = ui->content.w - 2 * ui_px(ui, UI_MARGIN);
    int y = ui->content.y + ui_px(ui, 34);

    /* The verdict, in words and symbol as well as colour. */
    char verdict[96], pts[32];
    SDL_Color vc = v->right ? ui->pal.right : ui->pal.wrong;
    ui_thousands(v->points, pts, sizeof pts);
    if (v->right)
        snprintf(verdict, sizeof verdict, "\xE2\x9C\x93 Right!  +%s", pts); /* ✓ */
    else if (v->picked < 0)
        snprintf(verdict, sizeof verdict, "\xE2\x97\xB7 Time's up"); /* ◷, a clock face the fonts have */
    else
        snprintf(verdict, sizeof verdict, "\xE2\x9C\x97 Wrong"); /* ✗ */
    int vpx = ui_px(ui, 20);
    scene_text(ui, FACE_BOLD, vpx, verdict, vc, left, y);
    y += text_line_height(ui->fonts, FACE_BOLD, vpx) + ui_px(ui, 2);

    /* The question as asked. */
    int px = ui_px(ui, 14), small = ui_px(ui, 13);
    const char *asked = it->kind == KIND_OUTPUT ? "What does the code print?" : it->prompt;
    if (it->kind == KIND_REVERSE)
        asked = "Which question does this answer?";
    TextBox *pb = &feedback_boxes[ROUND_MAX_OPTIONS];
    text_layout(ui->fonts, pb, asked, FACE_BOLD, px, width);
    scene_box(ui, pb, left, y, ui->pal.text, ui->pal.code, y, y + pb->height);
    y += pb->height + ui_px(ui, 6);

    /* The options, the right one and a wrong pick marked. */
    int bottom = ui->content.y + ui->content.h - ui_px(ui, 28);
    int mark_w = ui_px(ui, 22);
    int budget = (bottom - y) / 2; /* the explanation keeps half */
    int all = 0;
    for (unsigned o = 0; o < it->option_count; o++) {
        text_layout(ui->fonts, &feedback_boxes[o], it->options[o], FACE_SANS, small,
                    width - mark_w);
        all += feedback_boxes[o].height + ui_px(ui, 3);
    }
    int only_marked = all > budget;
    for (unsigned o = 0; o < it->option_count; o++) {
        int is_right = o == it->answer, is_pick = (int)o == v->picked;
        if (only_marked && !is_right && !is_pick)
            continue;
        const char *mark = is_right ? "\xE2\x9C\x93" : is_pick ? "\xE2\x9C\x97" : "";
        SDL_Color c = is_right ? ui->pal.right : is_pick ? ui->pal.wrong : ui->pal.dim;
        TextBox *b = &feedback_boxes[o];
        if (is_right || is_pick)
            scene_fill(ui, (SDL_Rect){left, y, ui_px(ui, 3), b->height}, c);
        if (*mark)
            scene_text(ui, FACE_BOLD, small, mark, c, left + ui_px(ui, 7), y);
        scene_box(ui, b, left + mark_w, y, c, c, y, y + b->height);
        y += b->height + ui_px(ui, 3);
    }
    /* Every distractor is a real answer: say to which question. */
    if (v->picked >= 0 && !v->right && it->sources[v->picked] != it->question) {
        size_t src = it->sources[v->picked];
        const Question *other = bank_question(ctx->bank, src);
        char note[600];
        StrBuf plain = {0};
        text_append_plain(&plain, other->prompt, strlen(other->prompt));
        if (other->code) {
            /* "What does this print?" is told apart by its code's first line. */
            size_t line = strcspn(other->code, "\n");
            strbuf_puts(&plain, " (");
            text_append_cut(&plain, other->code, line, 40);
            strbuf_puts(&plain, other->code[line] ? " ...)" : ")");
        }
        if (it->kind == KIND_REVERSE)
            snprintf(note, sizeof note, "That question's answer: %s", other->option);
        else if (it->kind == KIND_OUTPUT)
            snprintf(note, sizeof note, "You picked the output of the code in: %s",
                     strbuf_str(&plain));
        else
            snprintf(note, sizeof note, "You picked the answer to: %s", strbuf_str(&plain));
        strbuf_free(&plain);
        TextBox *nb = &feedback_boxes[ROUND_MAX_OPTIONS + 1];
        text_layout(ui->fonts, nb, note, FACE_SANS, small, width);
        y += ui_px(ui, 2);
        scene_box(ui, nb, left, y, ui->pal.dim, ui->pal.dim, y, y + nb->height);
        y += nb->height;
    }
    y += ui_px(ui, 8);

    /* The explanation: the full answer, scrolling within its panel. */
    SDL_Rect panel = {left, y, width, bottom - y};
    if (panel.h < ui_px(ui, 40))
        panel.h = ui_px(ui, 40);
    scene_fill(ui, panel, ui->pal.panel);
    int pad = ui_px(ui, 10);
    int epx = ui_px(ui, 15), code_px = ui_px(ui, 13);
    int inner_w = panel.w - 2 * pad;
    int height = feedback_layout_answer(ui, q, inner_w, epx, code_px);
    int view_h = panel.h - 2 * pad;
    int step = text_line_height(ui->fonts, FACE_SANS, epx);
    int max_scroll = height > view_h ? (height - view_h + step - 1) / step : 0;
    ui->scene.max_scroll = max_scroll;
    int scroll = v->scroll < max_scroll ? v->scroll : max_scroll;
    int oy = panel.y + pad - scroll * step;
    SDL_Rect clip = {panel.x, panel.y + pad / 2, panel.w, panel.h - pad};
    scene_clip(ui, clip);
    for (size_t i = 0; i < feedback_block_count(q); i++) {
        ExplainBlock *b = &explain[i];
        int bx = panel.x + pad + b->x, by = oy + b->y;
        if (b->code) {
            SDL_Rect cr = {bx, by, inner_w - b->x, b->box.height + 2 * ui_px(ui, 6)};
            if (cr.y + cr.h > clip.y && cr.y < clip.y + clip.h)
                scene_fill(ui, cr, ui->pal.code_bg);
            scene_box(ui, &b->box, bx + ui_px(ui, 6), by + ui_px(ui, 6), ui->pal.code,
                      ui->pal.code, clip.y, clip.y + clip.h);
            continue;
        }
        if (b->marker[0] && by + step > clip.y && by < clip.y + clip.h)
            scene_text(ui, FACE_SANS, epx, b->marker, ui->pal.accent, panel.x + pad + b->marker_x,
                       by);
        scene_box(ui, &b->box, bx, by, ui->pal.text, ui->pal.code, clip.y, clip.y + clip.h);
    }
    scene_unclip(ui);
    if (scroll > 0)
        scene_text(ui, FACE_SANS, small, "\xE2\x96\xB2", ui->pal.accent,
                   panel.x + panel.w - ui_px(ui, 16), panel.y + ui_px(ui, 2));
    if (scroll < max_scroll)
        scene_text(ui, FACE_SANS, small, "\xE2\x96\xBC", ui->pal.accent,
                   panel.x + panel.w - ui_px(ui, 16),
                   panel.y + panel.h - text_line_height(ui->fonts, FACE_SANS, small));
    /* Anywhere goes on; the wheel scrolls. */
    Action next = {ACTION_CONFIRM, 0};
    scene_hit(ui, ui->content, next, -1);
    ui_hint(ui, max_scroll > 0 ? "Enter or A: next  -  arrows or wheel scroll  -  Esc pauses"
                               : "Enter or A: next question  -  Esc pauses");
}
