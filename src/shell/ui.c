/* ui.c - the drawing context and scenes (see ui.h). */
#include "ui.h"
#include "../core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { UI_FADE_MS = 160 };

void ui_resize(Ui *ui, int out_w, int out_h)
{
    ui->out_w = out_w > 1 ? out_w : 1;
    ui->out_h = out_h > 1 ? out_h : 1;
    /* The widest layout is 16:9, the narrowest 4:3; beyond, letterbox. */
    int w = ui->out_w, h = ui->out_h;
    if ((long)w * 9 > (long)h * 16)
        w = h * 16 / 9;
    if ((long)w * 3 < (long)h * 4)
        h = w * 3 / 4;
    ui->content.w = w;
    ui->content.h = h;
    ui->content.x = (ui->out_w - w) / 2;
    ui->content.y = (ui->out_h - h) / 2;
    ui->unit = (double)h / UI_DESIGN_H;
    ui->design_w = (int)((double)w / ui->unit + 0.5);
    if (ui->design_w < UI_DESIGN_MIN_W)
        ui->design_w = UI_DESIGN_MIN_W;
}

int ui_px(const Ui *ui, double units)
{
    int px = (int)(units * ui->unit + 0.5);
    return units > 0 && px < 1 ? 1 : px;
}

SDL_Rect ui_rect(const Ui *ui, double x, double y, double w, double h)
{
    SDL_Rect r;
    r.x = ui->content.x + ui_px(ui, x);
    r.y = ui->content.y + ui_px(ui, y);
    r.w = ui_px(ui, x + w) - ui_px(ui, x);
    r.h = ui_px(ui, y + h) - ui_px(ui, y);
    return r;
}

SDL_Color ui_alpha(SDL_Color c, Uint8 a)
{
    c.a = a;
    return c;
}

/* ---- scenes ---- */

static DrawCmd *scene_add(Ui *ui, DrawKind kind)
{
    Scene *s = &ui->scene;
    s->cmds = xgrow(s->cmds, &s->cap, s->count + 1, sizeof *s->cmds);
    DrawCmd *c = &s->cmds[s->count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

void scene_begin(Ui *ui)
{
    ui->scene.count = 0;
    ui->scene.hit_count = 0;
    ui->scene.max_scroll = -1;
    ui->scene.columns = 1;
    ui->scene.bar_segments = 0;
    textcache_begin(ui->cache);
}

void scene_fill(Ui *ui, SDL_Rect r, SDL_Color c)
{
    DrawCmd *d = scene_add(ui, DRAW_FILL);
    d->r = r;
    d->c = c;
}

void scene_frame(Ui *ui, SDL_Rect r, SDL_Color c, int thick)
{
    DrawCmd *d = scene_add(ui, DRAW_FRAME);
    d->r = r;
    d->c = c;
    d->thick = thick > 0 ? thick : 1;
}

/* Text textures carry their colour; only alpha is applied when drawn. */
static void scene_texture(Ui *ui, SDL_Texture *tex, int x, int y, int w, int h, Uint8 alpha)
{
    if (!tex)
        return;
    DrawCmd *d = scene_add(ui, DRAW_TEXTURE);
    d->tex = tex;
    d->r = (SDL_Rect){x, y, w, h};
    d->c = (SDL_Color){255, 255, 255, alpha};
}

int scene_text(Ui *ui, Face face, int px, const char *s, SDL_Color c, int x, int y)
{
    int w, h;
    SDL_Texture *tex = textcache_get(ui->cache, face, px, c, s, strlen(s), &w, &h);
    scene_texture(ui, tex, x, y, w, h, c.a);
    return w;
}

int ui_text_width(Ui *ui, Face face, int px, const char *s)
{
    int w, h;
    text_size(ui->fonts, face, px, s, &w, &h);
    return w;
}

int scene_text_centered(Ui *ui, Face face, int px, const char *s, SDL_Color c, int x, int w,
                        int y)
{
    int tw, th;
    SDL_Texture *tex = textcache_get(ui->cache, face, px, c, s, strlen(s), &tw, &th);
    scene_texture(ui, tex, x + (w - tw) / 2, y, tw, th, c.a);
    return tw;
}

void scene_box(Ui *ui, const TextBox *box, int x, int y, SDL_Color c, SDL_Color code_c,
               int clip_y0, int clip_y1)
{
    for (size_t i = 0; i < box->count; i++) {
        const TextPiece *p = &box->pieces[i];
        int top = y + p->y;
        if (top + p->h <= clip_y0 || top >= clip_y1)
            continue;
        int w, h;
        SDL_Color pc = p->face == FACE_MONO ? code_c : c;
        SDL_Texture *tex = textcache_get(ui->cache, p->face, box->px[p->face], pc, p->text,
                                         p->len, &w, &h);
        /* Centred on the line: inline code is set a little smaller. */
        scene_texture(ui, tex, x + p->x, top + (p->h - h) / 2, w, h, pc.a);
    }
}

void scene_clip(Ui *ui, SDL_Rect r)
{
    DrawCmd *d = scene_add(ui, DRAW_CLIP);
    d->r = r;
}

void scene_unclip(Ui *ui)
{
    scene_add(ui, DRAW_UNCLIP);
}

void scene_timerbar(Ui *ui, SDL_Rect r, int segments)
{
    DrawCmd *d = scene_add(ui, DRAW_TIMERBAR);
    d->r = r;
    d->thick = segments;
    ui->scene.bar_segments = segments;
}

void scene_hit(Ui *ui, SDL_Rect r, Action click, int hover)
{
    Scene *s = &ui->scene;
    s->hits = xgrow(s->hits, &s->hit_cap, s->hit_count + 1, sizeof *s->hits);
    HitRegion *h = &s->hits[s->hit_count++];
    h->r = r;
    h->click = click;
    h->hover = hover;
}

const HitRegion *scene_hit_at(const Ui *ui, int x, int y)
{
    SDL_Point p = {x, y};
    /* Later regions are on top (overlays are added last). */
    for (size_t i = ui->scene.hit_count; i-- > 0;)
        if (SDL_PointInRect(&p, &ui->scene.hits[i].r))
            return &ui->scene.hits[i];
    return NULL;
}

/* ---- drawing ---- */

static void ui_set_color(SDL_Renderer *r, SDL_Color c)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

static void ui_draw_timerbar(Ui *ui, const DrawCmd *d, const GameView *v)
{
    int segments = d->thick;
    if (segments <= 0 || !v || !v->timer)
        return;
    uint32_t frac = timer_fraction(v->timer);
    /* Lit segments: the remaining fraction, rounded up. */
    int lit = (int)(((uint64_t)frac * (uint64_t)segments + 65535) >> 16);
    if (lit > segments)
        lit = segments;
    int gap = d->r.w / segments > 3 ? 1 + d->r.w / segments / 8 : 0;
    int low = timer_seconds_left(v->timer) <= 5;
    SDL_Color on = low ? ui->pal.bar_low : ui->pal.bar;
    SDL_Color off = ui->pal.panel;
    for (int i = 0; i < segments; i++) {
        int x0 = d->r.x + (int)((long)d->r.w * i / segments);
        int x1 = d->r.x + (int)((long)d->r.w * (i + 1) / segments);
        SDL_Rect seg = {x0, d->r.y, x1 - x0 - gap, d->r.h};
        ui_set_color(ui->renderer, i < lit ? on : off);
        SDL_RenderFillRect(ui->renderer, &seg);
    }
}

void ui_draw(Ui *ui, const GameView *v)
{
    SDL_Renderer *r = ui->renderer;
    /* One pass over the screen: clear to the background when the content
     * fills it, else black bars and the content. */
    int full = ui->content.w == ui->out_w && ui->content.h == ui->out_h;
    SDL_Color clear = full ? ui->pal.bg : (SDL_Color){0, 0, 0, 255};
    SDL_SetRenderDrawColor(r, clear.r, clear.g, clear.b, 255);
    SDL_RenderClear(r);
    if (!full) {
        ui_set_color(r, ui->pal.bg);
        SDL_RenderFillRect(r, &ui->content);
    }
    /* A new screen fades in through its text: no extra pass over the
     * screen, and the blending costs nothing more than drawing text. */
    Uint8 fade = 255;
    if (v && v->transition_ms < UI_FADE_MS)
        fade = (Uint8)(80 + 175 * (int)v->transition_ms / UI_FADE_MS);
    for (size_t i = 0; i < ui->scene.count; i++) {
        const DrawCmd *d = &ui->scene.cmds[i];
        switch (d->kind) {
        case DRAW_FILL:
            ui_set_color(r, d->c);
            SDL_RenderFillRect(r, &d->r);
            break;
        case DRAW_FRAME: {
            ui_set_color(r, d->c);
            SDL_Rect e[4] = {{d->r.x, d->r.y, d->r.w, d->thick},
                             {d->r.x, d->r.y + d->r.h - d->thick, d->r.w, d->thick},
                             {d->r.x, d->r.y, d->thick, d->r.h},
                             {d->r.x + d->r.w - d->thick, d->r.y, d->thick, d->r.h}};
            SDL_RenderFillRects(r, e, 4);
            break;
        }
        case DRAW_TEXTURE:
            SDL_SetTextureAlphaMod(d->tex, (Uint8)(d->c.a * fade / 255));
            SDL_RenderCopy(r, d->tex, NULL, &d->r);
            break;
        case DRAW_CLIP:
            SDL_RenderSetClipRect(r, &d->r);
            break;
        case DRAW_UNCLIP:
            SDL_RenderSetClipRect(r, NULL);
            break;
        case DRAW_TIMERBAR:
            ui_draw_timerbar(ui, d, v);
            break;
        }
    }
    SDL_RenderSetClipRect(r, NULL);
}

void ui_free(Ui *ui)
{
    free(ui->scene.cmds);
    free(ui->scene.hits);
    text_box_free(&ui->box);
    memset(&ui->scene, 0, sizeof ui->scene);
}
