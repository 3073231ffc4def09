/* round.c - fair multiple-choice rounds (see round.h).
 *
 * Precomputed once per bank:
 *   - each question's content words (prompt, answer prose, option), as
 *     sets of word ids weighted by rarity; inline code spans count as one
 *     word each ("is-a", "==") since they carry the meaning;
 *   - its near-duplicate questions of the same topic, found through an
 *     inverted index over each question's rarest words (no all-pairs
 *     comparison), checked by similarity and by containment;
 *   - per topic, its questions ordered by option length and by prompt
 *     length, so that distractors of a similar length are found by walking
 *     outwards from the asked question: choosing them costs O(K), not O(T);
 *   - code blocks with "# Output:" comments, for the output kind.
 * Every choice uses the generator's PCG32 and integer or exactly-rounded
 * arithmetic, so a seed gives the same rounds everywhere.
 */
#include "round.h"
#include "arena.h"
#include "hash.h"
#include "rng.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { SHAPE_PROSE, SHAPE_LIST, SHAPE_CODE };

/* Candidate pairs come from each question's rarest words... */
enum { ROUND_RARE_WORDS = 8 };
/* ...that are not too common to say anything. */
enum { ROUND_DF_CAP_MIN = 64 };
/* Each question is compared with at most this many later questions of its
 * topic, found through its rarest words first, so that finding conflicts
 * stays linear in the bank's size (8 words of at most 64 questions each: a
 * bank of up to 1,280 questions never reaches it). */
enum { ROUND_COMPARED_MAX = ROUND_RARE_WORDS * ROUND_DF_CAP_MIN };

/* Near duplicates: similar (Dice over rarity-weighted word sets) or one
 * contained in the other. Tuned on the shipped corpus: "key features" vs
 * "key features ... for web development", and "composition and
 * inheritance" vs "is-a and has-a" must conflict; ordinary questions of a
 * topic must not. */
static const double ROUND_DICE_NEAR = 0.55;
static const double ROUND_CONTAIN_NEAR = 0.75;
static const double ROUND_CONTAIN_MIN_WEIGHT = 4.0;

typedef struct WordSet {
    uint32_t *ids; /* sorted, unique */
    uint32_t count;
    double weight; /* sum of the ids' weights */
} WordSet;

typedef struct OutputItem {
    size_t question;
    const char *code;   /* the block without its output comments */
    const char *lang;
    const char *output; /* what it prints, lines joined with " / " */
    const char *key;    /* comparison key of output */
    uint32_t len;       /* code points of output */
} OutputItem;

typedef struct Bag {
    size_t *items; /* global question indices, in draw order */
    size_t count;
    size_t next;
} Bag;

struct RoundGen {
    const Bank *bank;
    Arena arena;
    Rng rng;
    size_t nq, nt;
    uint32_t *conflict_start; /* CSR: conflicts of q are [start[q], start[q+1]) */
    uint32_t *conflicts;
    uint32_t *option_len;     /* code points */
    uint32_t *prompt_len;
    unsigned char *shape;
    const char **prompt_plain;
    const char **option_key;
    uint32_t *weight;
    size_t *by_option;        /* per topic segment, ordered by option length */
    size_t *by_prompt;
    uint32_t *pos_option;     /* place of q in by_option */
    uint32_t *pos_prompt;
    OutputItem *outputs;      /* grouped by question, questions in order */
    size_t output_count;
    size_t *output_start;     /* per question: [start[q], start[q+1]) */
    size_t *topic_output_start; /* per topic, into outputs (topic order) */
    long *nearest;
    Bag *bags;
};

/* ---- names and the default ladder ---- */

static const char *const kind_names[KIND_COUNT] = {"answer", "reverse", "output"};
static const char *const kind_headings[KIND_COUNT] = {
    "Pick the right answer", "Which question does this answer?", "What does this code print?"};

const char *kind_name(QuestionKind kind)
{
    return kind < KIND_COUNT ? kind_names[kind] : "?";
}

const char *kind_heading(QuestionKind kind)
{
    return kind < KIND_COUNT ? kind_headings[kind] : "";
}

int kind_parse(const char *name)
{
    for (int k = 0; k < KIND_COUNT; k++)
        if (strcmp(name, kind_names[k]) == 0)
            return k;
    return -1;
}

int round_default_params(int level, RoundParams *params, unsigned *seconds)
{
    static const struct { unsigned n, k, kinds, seconds; } ladder[] = {
        {8, 3, KIND_BIT(KIND_ANSWER), 25},
        {10, 4, KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE), 20},
        {12, 4, KINDS_ALL, 15},
    };
    if (level < 1 || level > 3)
        return -1;
    params->questions = ladder[level - 1].n;
    params->options = ladder[level - 1].k;
    params->kinds = ladder[level - 1].kinds;
    if (seconds)
        *seconds = ladder[level - 1].seconds;
    return 0;
}

/* ---- words ---- */

/* Text for comparison: each inline code span becomes one word, "code_"
 * followed by its characters (others as '_'), so `is-a` and `==` count;
 * a number becomes a word too ("n42"), so that "It prints 1." and "It
 * prints 2." are different answers. */
static void round_similarity_text(StrBuf *out, const char *rich)
{
    int in_code = 0;
    for (const char *p = rich; *p; p++) {
        if (!in_code && isdigit((unsigned char)*p) &&
            (p == rich || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            strbuf_putc(out, 'n');
        if (*p == TEXT_CODE_ON) {
            in_code = 1;
            strbuf_puts(out, " code_");
        } else if (*p == TEXT_CODE_OFF) {
            in_code = 0;
            strbuf_putc(out, ' ');
        } else if (in_code) {
            unsigned char c = (unsigned char)*p;
            strbuf_putc(out, (char)(isalnum(c) || c >= 0x80 ? c : '_'));
        } else {
            strbuf_putc(out, *p);
        }
    }
    strbuf_putc(out, ' ');
}

static int round_cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static WordSet round_word_set(Vocab *v, const char *text, size_t len)
{
    WordSet s = {0};
    uint32_t *ids = NULL;
    size_t n = 0, cap = 0;
    words_ids(v, text, len, &ids, &n, &cap);
    if (n > 1)
        qsort(ids, n, sizeof *ids, round_cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || ids[u - 1] != ids[i])
            ids[u++] = ids[i];
    s.ids = ids;
    s.count = (uint32_t)u;
    return s;
}

static void round_set_weigh(WordSet *s, const float *w)
{
    s->weight = 0;
    for (uint32_t i = 0; i < s->count; i++)
        s->weight += w[s->ids[i]];
}

static double round_shared(const WordSet *a, const WordSet *b, const float *w)
{
    double shared = 0;
    uint32_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        if (a->ids[i] < b->ids[j])
            i++;
        else if (a->ids[i] > b->ids[j])
            j++;
        else
            shared += w[a->ids[i++]], j++;
    }
    return shared;
}

/* The union of two sets, weighed when w is given. */
static WordSet round_set_union(const WordSet *a, const WordSet *b, const float *w)
{
    WordSet u = {0};
    u.ids = xmalloc(((size_t)a->count + b->count + 1) * sizeof *u.ids);
    uint32_t i = 0, j = 0;
    while (i < a->count || j < b->count) {
        uint32_t x;
        if (j >= b->count || (i < a->count && a->ids[i] < b->ids[j]))
            x = a->ids[i++];
        else if (i >= a->count || b->ids[j] < a->ids[i])
            x = b->ids[j++];
        else
            x = a->ids[i++], j++;
        u.ids[u.count++] = x;
    }
    if (w)
        round_set_weigh(&u, w);
    return u;
}

/* An option that answers another question too: its words are almost all
 * among that question's own (prompt and option), as "Enables asynchronous
 * programming using async and await" is within "difference between
 * synchronous and asynchronous programming? ... async and await". */
static int round_answers_too(const WordSet *option, const WordSet *about, const float *w)
{
    if (option->weight < ROUND_CONTAIN_MIN_WEIGHT)
        return 0;
    return round_shared(option, about, w) >= ROUND_CONTAIN_NEAR * option->weight;
}

static int round_near(const WordSet *a, const WordSet *b, const float *w)
{
    if (a->count == 0 || b->count == 0)
        return 0;
    double shared = round_shared(a, b, w);
    if (shared <= 0)
        return 0;
    double small = a->weight < b->weight ? a->weight : b->weight;
    if (2.0 * shared >= ROUND_DICE_NEAR * (a->weight + b->weight))
        return 1;
    return small >= ROUND_CONTAIN_MIN_WEIGHT && shared >= ROUND_CONTAIN_NEAR * small;
}

/* ---- precomputation ---- */

static unsigned char round_shape(const Question *q)
{
    size_t items = 0, prose = 0;
    for (size_t i = 0; i < q->answer_len; i++) {
        if (q->answer[i].kind == ANSWER_ITEM && q->answer[i].depth == 0)
            items++;
        else if (q->answer[i].kind == ANSWER_PARA || q->answer[i].kind == ANSWER_ROW)
            prose++;
    }
    if (items == 0 && prose == 0)
        return SHAPE_CODE;
    return items >= 2 ? SHAPE_LIST : SHAPE_PROSE;
}

typedef struct Pair {
    uint32_t a, b;
} Pair;

static int round_cmp_pair(const void *x, const void *y)
{
    const Pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

/* Finds near-duplicate pairs within topics and stores them as CSR. all[q]
 * is every word of q (prompt, answer and option), terms the vocabulary's
 * size. */
static void round_find_conflicts(RoundGen *g, WordSet *prompts, WordSet *answers,
                                 WordSet *options, const WordSet *all, size_t terms,
                                 const float *w, const uint32_t *df)
{
    size_t nq = g->nq;
    /* Inverted index over the words of each question: its postings in
     * question order. */
    size_t df_cap = nq / 20 > ROUND_DF_CAP_MIN ? nq / 20 : ROUND_DF_CAP_MIN;
    size_t *start = xcalloc(terms + 2, sizeof *start);
    for (size_t q = 0; q < nq; q++)
        for (uint32_t i = 0; i < all[q].count; i++)
            start[all[q].ids[i] + 1]++;
    for (size_t t = 0; t < terms; t++)
        start[t + 1] += start[t];
    uint32_t *post = xmalloc((start[terms] + 1) * sizeof *post);
    size_t *fill = xcalloc(terms + 1, sizeof *fill);
    for (size_t q = 0; q < nq; q++)
        for (uint32_t i = 0; i < all[q].count; i++) {
            uint32_t t = all[q].ids[i];
            post[start[t] + fill[t]++] = (uint32_t)q;
        }

    /* What each question is about: its prompt and its option together. */
    WordSet *about = xmalloc((nq + 1) * sizeof *about);
    for (size_t q = 0; q < nq; q++)
        about[q] = round_set_union(&prompts[q], &options[q], w);

    Pair *pairs = NULL;
    size_t npairs = 0, cap = 0;
    uint32_t *seen = xcalloc(nq + 1, sizeof *seen); /* q + 1 once compared with q */
    uint32_t rare[ROUND_RARE_WORDS];
    for (size_t q = 0; q < nq; q++) {
        /* The question's rarest words (lowest document frequency). */
        size_t nrare = 0;
        for (uint32_t i = 0; i < all[q].count; i++) {
            uint32_t t = all[q].ids[i];
            if (df[t] < 2 || df[t] > df_cap)
                continue;
            size_t at = nrare;
            while (at > 0 && (df[rare[at - 1]] > df[t] ||
                              (df[rare[at - 1]] == df[t] && rare[at - 1] > t))) {
                if (at < ROUND_RARE_WORDS)
                    rare[at] = rare[at - 1];
                at--;
            }
            if (at < ROUND_RARE_WORDS) {
                rare[at] = t;
                if (nrare < ROUND_RARE_WORDS)
                    nrare++;
            }
        }
        /* Pairs are found from their first question, within its topic:
         * the candidates are the postings past q and before the topic's
         * end (questions are stored topic by topic). */
        const Question *qq = bank_question(g->bank, q);
        size_t topic_end = bank_topic_first(g->bank, qq->topic) + bank_topic_size(g->bank, qq->topic);
        size_t compared = 0;
        for (size_t r = 0; r < nrare && compared < ROUND_COMPARED_MAX; r++) {
            uint32_t t = rare[r];
            size_t lo = start[t], hi = start[t + 1];
            while (lo < hi) { /* the first posting past q */
                size_t mid = lo + (hi - lo) / 2;
                if (post[mid] <= q)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t p = lo; p < start[t + 1] && post[p] < topic_end &&
                                compared < ROUND_COMPARED_MAX;
                 p++) {
                uint32_t c = post[p];
                if (seen[c] == q + 1)
                    continue;
                seen[c] = (uint32_t)q + 1;
                compared++;
                if (round_near(&prompts[q], &prompts[c], w) ||
                    round_near(&answers[q], &answers[c], w) ||
                    round_near(&options[q], &options[c], w) ||
                    round_answers_too(&options[q], &about[c], w) ||
                    round_answers_too(&options[c], &about[q], w)) {
                    pairs = xgrow(pairs, &cap, npairs + 2, sizeof *pairs);
                    pairs[npairs++] = (Pair){(uint32_t)q, c};
                    pairs[npairs++] = (Pair){c, (uint32_t)q};
                }
            }
        }
    }
    /* Equal option texts are twins whatever their words. */
    for (size_t t = 0; t < g->nt; t++) {
        size_t first = bank_topic_first(g->bank, t), n = bank_topic_size(g->bank, t);
        for (size_t i = 0; i + 1 < n; i++) {
            size_t a = g->by_option[first + i], b = g->by_option[first + i + 1];
            if (g->option_len[a] == g->option_len[b] &&
                strcmp(g->option_key[a], g->option_key[b]) == 0) {
                pairs = xgrow(pairs, &cap, npairs + 2, sizeof *pairs);
                pairs[npairs++] = (Pair){(uint32_t)a, (uint32_t)b};
                pairs[npairs++] = (Pair){(uint32_t)b, (uint32_t)a};
            }
        }
    }
    if (npairs > 1)
        qsort(pairs, npairs, sizeof *pairs, round_cmp_pair);
    g->conflict_start = xcalloc(nq + 1, sizeof *g->conflict_start);
    g->conflicts = xmalloc((npairs + 1) * sizeof *g->conflicts);
    size_t kept = 0;
    for (size_t i = 0; i < npairs; i++) {
        if (i > 0 && pairs[i].a == pairs[i - 1].a && pairs[i].b == pairs[i - 1].b)
            continue;
        g->conflicts[kept++] = pairs[i].b;
        g->conflict_start[pairs[i].a + 1]++;
    }
    for (size_t q = 0; q < nq; q++)
        g->conflict_start[q + 1] += g->conflict_start[q];
    free(pairs);
    free(seen);
    for (size_t q = 0; q < nq; q++)
        free(about[q].ids);
    free(about);
    free(fill);
    free(post);
    free(start);
}

/* Orders one topic's questions by a length, ties by index. */
static const uint32_t *round_sort_len;

static int round_cmp_by_len(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (round_sort_len[x] != round_sort_len[y])
        return round_sort_len[x] < round_sort_len[y] ? -1 : 1;
    return (x > y) - (x < y);
}

static void round_order(RoundGen *g, const uint32_t *len, size_t *order, uint32_t *pos)
{
    for (size_t q = 0; q < g->nq; q++)
        order[q] = q;
    round_sort_len = len;
    for (size_t t = 0; t < g->nt; t++) {
        size_t first = bank_topic_first(g->bank, t), n = bank_topic_size(g->bank, t);
        qsort(order + first, n, sizeof *order, round_cmp_by_len);
    }
    round_sort_len = NULL;
    for (size_t i = 0; i < g->nq; i++)
        pos[order[i]] = (uint32_t)i;
}

/* Finds "# Output: ..." in a code line: returns the offset of the '#' and
 * sets the output text span, or returns len when there is none. */
static size_t round_output_comment(const char *line, size_t len, size_t *out_from,
                                   size_t *out_len)
{
    for (size_t i = 0; i < len; i++) {
        if (line[i] != '#')
            continue;
        size_t j = i + 1;
        while (j < len && line[j] == ' ')
            j++;
        if (len - j < 7 || strncasecmp(line + j, "output", 6) != 0)
            continue;
        j += 6;
        if (j < len && (line[j] == 's' || line[j] == 'S'))
            j++;
        while (j < len && line[j] == ' ')
            j++;
        if (j >= len || line[j] != ':')
            continue;
        j++;
        while (j < len && line[j] == ' ')
            j++;
        size_t end = len;
        while (end > j && (line[end - 1] == ' ' || line[end - 1] == '\r'))
            end--;
        if (end == j)
            continue;
        *out_from = j;
        *out_len = end - j;
        return i;
    }
    return len;
}

static void round_collect_outputs(RoundGen *g)
{
    size_t cap = 0;
    g->output_start = xcalloc(g->nq + 1, sizeof *g->output_start);
    StrBuf code = {0}, out = {0};
    for (size_t q = 0; q < g->nq; q++) {
        const Question *qq = bank_question(g->bank, q);
        for (size_t b = 0; b < qq->answer_len; b++) {
            if (qq->answer[b].kind != ANSWER_CODE)
                continue;
            strbuf_clear(&code);
            strbuf_clear(&out);
            const char *s = qq->answer[b].text;
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t)(nl - s) : strlen(s);
                size_t from, olen;
                size_t hash = round_output_comment(s, n, &from, &olen);
                if (hash < n) {
                    if (out.len)
                        strbuf_puts(&out, " / ");
                    strbuf_append(&out, s + from, olen);
                    size_t keep = hash;
                    while (keep > 0 && (s[keep - 1] == ' ' || s[keep - 1] == '\t'))
                        keep--;
                    if (keep > 0) {
                        strbuf_append(&code, s, keep);
                        strbuf_putc(&code, '\n');
                    }
                } else {
                    strbuf_append(&code, s, n);
                    strbuf_putc(&code, '\n');
                }
                s += n + (nl ? 1 : 0);
            }
            if (out.len == 0)
                continue;
            while (code.len > 0 && code.data[code.len - 1] == '\n')
                code.data[--code.len] = '\0';
            g->outputs = xgrow(g->outputs, &cap, g->output_count + 1, sizeof *g->outputs);
            OutputItem *o = &g->outputs[g->output_count++];
            o->question = q;
            o->code = arena_strndup(&g->arena, strbuf_str(&code), code.len);
            o->lang = qq->answer[b].lang;
            StrBuf cut = {0};
            text_append_cut(&cut, strbuf_str(&out), out.len, QUESTION_OPTION_MAX);
            o->output = arena_strndup(&g->arena, strbuf_str(&cut), cut.len);
            o->len = (uint32_t)utf8_count(o->output, cut.len);
            strbuf_clear(&cut);
            text_append_key(&cut, o->output, strlen(o->output));
            o->key = arena_strndup(&g->arena, strbuf_str(&cut), cut.len);
            strbuf_free(&cut);
        }
        g->output_start[q + 1] = g->output_count;
    }
    strbuf_free(&code);
    strbuf_free(&out);
    /* Questions are stored topic by topic, so are their outputs. */
    g->topic_output_start = xcalloc(g->nt + 1, sizeof *g->topic_output_start);
    for (size_t t = 0; t < g->nt; t++) {
        size_t end = bank_topic_first(g->bank, t) + bank_topic_size(g->bank, t);
        g->topic_output_start[t + 1] = g->output_start[end];
    }
}

/* Each topic's nearest topic by vocabulary: the cosine of the topics'
 * summed word weights. */
static void round_nearest_topics(RoundGen *g, WordSet *prompts, WordSet *answers,
                                 const float *w, size_t terms)
{
    g->nearest = xmalloc((g->nt + 1) * sizeof *g->nearest);
    double *cent = xcalloc(g->nt * (terms + 1), sizeof *cent);
    for (size_t q = 0; q < g->nq; q++) {
        size_t t = bank_question(g->bank, q)->topic;
        WordSet *sets[2] = {&prompts[q], &answers[q]};
        for (int k = 0; k < 2; k++)
            for (uint32_t i = 0; i < sets[k]->count; i++)
                cent[t * (terms + 1) + sets[k]->ids[i]] += w[sets[k]->ids[i]];
    }
    double *norm = xcalloc(g->nt + 1, sizeof *norm);
    for (size_t t = 0; t < g->nt; t++)
        for (size_t i = 0; i < terms; i++)
            norm[t] += cent[t * (terms + 1) + i] * cent[t * (terms + 1) + i];
    for (size_t a = 0; a < g->nt; a++) {
        long best = -1;
        double best_sim = -1;
        for (size_t b = 0; b < g->nt; b++) {
            if (a == b)
                continue;
            double dot = 0;
            for (size_t i = 0; i < terms; i++)
                dot += cent[a * (terms + 1) + i] * cent[b * (terms + 1) + i];
            double sim = norm[a] > 0 && norm[b] > 0 ? dot * dot / (norm[a] * norm[b]) : 0;
            if (sim > best_sim) {
                best_sim = sim;
                best = (long)b;
            }
        }
        g->nearest[a] = best;
    }
    free(norm);
    free(cent);
}

RoundGen *roundgen_new(const Bank *bank, uint64_t seed)
{
    RoundGen *g = xcalloc(1, sizeof *g);
    g->bank = bank;
    g->nq = bank_question_count(bank);
    g->nt = bank_topic_count(bank);
    rng_seed(&g->rng, seed, 0x51A2);
    size_t nq = g->nq;
    g->option_len = xcalloc(nq + 1, sizeof *g->option_len);
    g->prompt_len = xcalloc(nq + 1, sizeof *g->prompt_len);
    g->shape = xcalloc(nq + 1, 1);
    g->prompt_plain = xcalloc(nq + 1, sizeof *g->prompt_plain);
    g->option_key = xcalloc(nq + 1, sizeof *g->option_key);
    g->weight = xmalloc((nq + 1) * sizeof *g->weight);
    g->by_option = xmalloc((nq + 1) * sizeof *g->by_option);
    g->by_prompt = xmalloc((nq + 1) * sizeof *g->by_prompt);
    g->pos_option = xmalloc((nq + 1) * sizeof *g->pos_option);
    g->pos_prompt = xmalloc((nq + 1) * sizeof *g->pos_prompt);
    g->bags = xcalloc(g->nt + 1, sizeof *g->bags);

    Vocab *vocab = vocab_new();
    WordSet *prompts = xcalloc(nq + 1, sizeof *prompts);
    WordSet *answers = xcalloc(nq + 1, sizeof *answers);
    WordSet *options = xcalloc(nq + 1, sizeof *options);
    StrBuf tmp = {0};
    for (size_t q = 0; q < nq; q++) {
        const Question *qq = bank_question(bank, q);
        g->weight[q] = ROUND_WEIGHT_DEFAULT;
        g->shape[q] = round_shape(qq);
        g->option_len[q] = (uint32_t)utf8_count(qq->option, strlen(qq->option));
        strbuf_clear(&tmp);
        text_append_plain(&tmp, qq->prompt, strlen(qq->prompt));
        g->prompt_plain[q] = arena_strndup(&g->arena, strbuf_str(&tmp), tmp.len);
        g->prompt_len[q] = (uint32_t)utf8_count(strbuf_str(&tmp), tmp.len);
        strbuf_clear(&tmp);
        text_append_key(&tmp, qq->option, strlen(qq->option));
        g->option_key[q] = arena_strndup(&g->arena, strbuf_str(&tmp), tmp.len);

        strbuf_clear(&tmp);
        round_similarity_text(&tmp, qq->prompt);
        if (qq->code) /* "What does this print?" is another question with other code */
            strbuf_printf(&tmp, " code_%016llx ",
                          (unsigned long long)hash_bytes(HASH_SEED, qq->code, strlen(qq->code)));
        prompts[q] = round_word_set(vocab, strbuf_str(&tmp), tmp.len);
        strbuf_clear(&tmp);
        for (size_t b = 0; b < qq->answer_len; b++)
            if (qq->answer[b].kind != ANSWER_CODE)
                round_similarity_text(&tmp, qq->answer[b].text);
        answers[q] = round_word_set(vocab, strbuf_str(&tmp), tmp.len);
        strbuf_clear(&tmp);
        round_similarity_text(&tmp, qq->option);
        options[q] = round_word_set(vocab, strbuf_str(&tmp), tmp.len);
    }
    strbuf_free(&tmp);
    size_t terms = vocab_size(vocab);
    /* Every word of each question once, and in how many questions each
     * word is. */
    WordSet *all = xmalloc((nq + 1) * sizeof *all);
    uint32_t *df = xcalloc(terms + 1, sizeof *df);
    for (size_t q = 0; q < nq; q++) {
        WordSet pa = round_set_union(&prompts[q], &answers[q], NULL);
        all[q] = round_set_union(&pa, &options[q], NULL);
        free(pa.ids);
        for (uint32_t i = 0; i < all[q].count; i++)
            df[all[q].ids[i]]++;
    }
    /* Weight 1 + rarity: even a word every question has counts a little,
     * so that two questions of a tiny bank can still be compared. */
    float *w = xcalloc(terms + 1, sizeof *w);
    for (size_t t = 0; t < terms; t++)
        w[t] = 1.0f + words_idf(nq, df[t]);
    for (size_t q = 0; q < nq; q++) {
        round_set_weigh(&prompts[q], w);
        round_set_weigh(&answers[q], w);
        round_set_weigh(&options[q], w);
    }
    round_order(g, g->option_len, g->by_option, g->pos_option);
    round_order(g, g->prompt_len, g->by_prompt, g->pos_prompt);
    round_find_conflicts(g, prompts, answers, options, all, terms, w, df);
    round_nearest_topics(g, prompts, answers, w, terms);
    round_collect_outputs(g);

    for (size_t q = 0; q < nq; q++) {
        free(prompts[q].ids);
        free(answers[q].ids);
        free(options[q].ids);
        free(all[q].ids);
    }
    free(all);
    free(prompts);
    free(answers);
    free(options);
    free(w);
    free(df);
    vocab_free(vocab);
    return g;
}

void roundgen_free(RoundGen *g)
{
    if (!g)
        return;
    for (size_t t = 0; t < g->nt; t++)
        free(g->bags[t].items);
    free(g->bags);
    free(g->nearest);
    free(g->topic_output_start);
    free(g->output_start);
    free(g->outputs);
    free(g->pos_prompt);
    free(g->pos_option);
    free(g->by_prompt);
    free(g->by_option);
    free(g->weight);
    free(g->option_key);
    free(g->prompt_plain);
    free(g->shape);
    free(g->prompt_len);
    free(g->option_len);
    free(g->conflicts);
    free(g->conflict_start);
    arena_free(&g->arena);
    free(g);
}

/* ---- queries ---- */

int roundgen_conflict(const RoundGen *g, size_t a, size_t b)
{
    if (a >= g->nq || b >= g->nq)
        return 0;
    const uint32_t *lo = g->conflicts + g->conflict_start[a];
    const uint32_t *hi = g->conflicts + g->conflict_start[a + 1];
    while (lo < hi) {
        const uint32_t *mid = lo + (hi - lo) / 2;
        if (*mid == b)
            return 1;
        if (*mid < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

size_t roundgen_fair_distractors(const RoundGen *g, size_t q)
{
    if (bank_question(g->bank, q)->choice_count)
        return bank_question(g->bank, q)->choice_count; /* the author's own */
    size_t t = bank_question(g->bank, q)->topic;
    size_t n = bank_topic_size(g->bank, t);
    size_t conflicts = g->conflict_start[q + 1] - g->conflict_start[q];
    return n - 1 - conflicts;
}

/* A question that can be asked the other way round ("Which question does
 * this answer?"): not one that needs its code, nor one of the author's
 * multiple choices, whose right choice ("8") says nothing alone. */
static int round_reversible(const RoundGen *g, size_t q)
{
    const Question *qq = bank_question(g->bank, q);
    return bank_topic_size(g->bank, qq->topic) > 1 && !qq->code && !qq->choice_count;
}

/* A question that can get at least two options. */
static int round_askable(const RoundGen *g, size_t q)
{
    return roundgen_fair_distractors(g, q) > 0 ||
           g->nearest[bank_question(g->bank, q)->topic] >= 0;
}

size_t roundgen_askable(const RoundGen *g)
{
    size_t n = 0;
    for (size_t q = 0; q < g->nq; q++)
        n += round_askable(g, q);
    return n;
}

void round_plays(const RoundGen *g, size_t topic, const RoundParams *asked, RoundParams *out)
{
    *out = (RoundParams){0, 0, KIND_BIT(KIND_ANSWER)};
    if (topic >= g->nt)
        return;
    unsigned want = asked->options < 2 ? 2 : asked->options;
    if (want > ROUND_MAX_OPTIONS)
        want = ROUND_MAX_OPTIONS;
    size_t first = bank_topic_first(g->bank, topic), n = bank_topic_size(g->bank, topic);
    size_t askable = 0;
    for (size_t q = first; q < first + n; q++) {
        if (!round_askable(g, q))
            continue;
        askable++;
        const Question *qq = bank_question(g->bank, q);
        size_t fair = roundgen_fair_distractors(g, q);
        /* A question with no fair distractor borrows from the nearest
         * topic: at most one of its questions per option. */
        if (fair == 0)
            fair = g->nearest[topic] >= 0 ? bank_topic_size(g->bank, (size_t)g->nearest[topic]) : 0;
        unsigned got = fair + 1 >= want ? want : (unsigned)fair + 1;
        if (qq->code && got > ROUND_OUTPUT_OPTIONS)
            got = ROUND_OUTPUT_OPTIONS;
        if (got > out->options)
            out->options = got;
        if ((asked->kinds & KIND_BIT(KIND_REVERSE)) && round_reversible(g, q))
            out->kinds |= KIND_BIT(KIND_REVERSE);
        size_t outs = g->output_start[q + 1] - g->output_start[q];
        if ((asked->kinds & KIND_BIT(KIND_OUTPUT)) && outs > 0 &&
            g->topic_output_start[topic + 1] - g->topic_output_start[topic] > outs)
            out->kinds |= KIND_BIT(KIND_OUTPUT);
    }
    out->questions = asked->questions < askable ? asked->questions : (unsigned)askable;
}

long roundgen_nearest_topic(const RoundGen *g, size_t topic)
{
    return topic < g->nt ? g->nearest[topic] : -1;
}

size_t roundgen_output_count(const RoundGen *g, size_t q)
{
    return q < g->nq ? g->output_start[q + 1] - g->output_start[q] : 0;
}

void roundgen_set_weight(RoundGen *g, size_t q, uint32_t weight)
{
    if (q >= g->nq)
        return;
    if (weight < 1)
        weight = 1;
    if (weight > ROUND_WEIGHT_MAX)
        weight = ROUND_WEIGHT_MAX;
    g->weight[q] = weight;
}

void roundgen_reset_bags(RoundGen *g)
{
    for (size_t t = 0; t < g->nt; t++)
        g->bags[t].next = g->bags[t].count;
}

void roundgen_check(const RoundGen *g, unsigned options, Diagnostics *diag)
{
    for (size_t t = 0; t < g->nt; t++) {
        size_t first = bank_topic_first(g->bank, t), n = bank_topic_size(g->bank, t);
        size_t fewer = 0, lowest = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            size_t fair = roundgen_fair_distractors(g, first + i);
            if (fair + 1 < options)
                fewer++;
            if (fair < lowest)
                lowest = fair;
        }
        const Question *q = bank_question(g->bank, first);
        if (lowest == 0) {
            long near = g->nearest[t];
            if (near >= 0)
                diag_add(diag, DIAG_WARNING, q->file, q->line,
                         "topic \"%s\" cannot offer 2 fair options for every question: "
                         "distractors are borrowed from \"%s\"",
                         bank_topic_name(g->bank, t), bank_topic_name(g->bank, (size_t)near));
            else
                diag_add(diag, DIAG_WARNING, q->file, q->line,
                         "topic \"%s\" cannot offer 2 fair options for every question, "
                         "and no other topic can lend it distractors: those questions are "
                         "not asked",
                         bank_topic_name(g->bank, t));
        } else if (fewer > 0) {
            diag_add(diag, DIAG_WARNING, q->file, q->line,
                     "topic \"%s\": %zu of its %zu questions get fewer than %u options "
                     "(too few fair distractors; as few as %zu)",
                     bank_topic_name(g->bank, t), fewer, n, options, lowest + 1);
        }
    }
}

/* ---- bags ---- */

/* Refills a topic's bag: its questions in a weighted random order (weighted
 * sampling without replacement over a Fenwick tree of integer weights). */
static void round_bag_fill(RoundGen *g, size_t t)
{
    Bag *b = &g->bags[t];
    size_t first = bank_topic_first(g->bank, t), n = bank_topic_size(g->bank, t);
    if (!b->items)
        b->items = xmalloc((n + 1) * sizeof *b->items);
    uint64_t *tree = xcalloc(n + 1, sizeof *tree);
    uint64_t total = 0;
    for (size_t i = 1; i <= n; i++) {
        tree[i] += g->weight[first + i - 1];
        total += g->weight[first + i - 1];
        size_t parent = i + (i & (~i + 1));
        if (parent <= n)
            tree[parent] += tree[i];
    }
    size_t top = 1;
    while (top * 2 <= n)
        top *= 2;
    for (size_t k = 0; k < n; k++) {
        /* A point in [0, total), drawn from two 32-bit numbers. */
        uint64_t r = (((uint64_t)rng_next(&g->rng) << 32) | rng_next(&g->rng)) % total;
        size_t pos = 0;
        for (size_t step = top; step; step >>= 1) {
            if (pos + step <= n && tree[pos + step] <= r) {
                pos += step;
                r -= tree[pos];
            }
        }
        /* pos + 1 is the drawn element (1-based); take it out. */
        size_t i = pos + 1;
        uint32_t wi = g->weight[first + i - 1];
        b->items[k] = first + i - 1;
        total -= wi;
        for (size_t j = i; j <= n; j += j & (~j + 1))
            tree[j] -= wi;
    }
    free(tree);
    b->count = n;
    b->next = 0;
}

static int round_taken(const size_t *taken, size_t n, size_t q)
{
    for (size_t i = 0; i < n; i++)
        if (taken[i] == q)
            return 1;
    return 0;
}

/* Draws the next question of a topic not yet in this round. */
static size_t round_bag_draw(RoundGen *g, size_t t, const size_t *taken, size_t ntaken)
{
    Bag *b = &g->bags[t];
    if (b->next >= b->count)
        round_bag_fill(g, t);
    for (size_t k = b->next; k < b->count; k++) {
        if (!round_taken(taken, ntaken, b->items[k])) {
            size_t q = b->items[k];
            b->items[k] = b->items[b->next];
            b->items[b->next++] = q;
            return q;
        }
    }
    return SIZE_MAX;
}

/* ---- choosing options ---- */

/* Picks up to want distractors for q from topic t (the asked question's
 * own topic, or the one it borrows from), near q's length in the given
 * order. Same-shape candidates are preferred. */
static unsigned round_choose(RoundGen *g, size_t q, size_t t, const size_t *order,
                             const uint32_t *len, const uint32_t *pos, int borrowing,
                             unsigned want, size_t *out)
{
    size_t first = bank_topic_first(g->bank, t), n = bank_topic_size(g->bank, t);
    enum { POOL_MAX = 2 * ROUND_MAX_OPTIONS + 2 };
    size_t pool[POOL_MAX];
    unsigned pool_n = 0, pool_want = 2 * want + 2;
    if (pool_want > POOL_MAX)
        pool_want = POOL_MAX;
    /* Start where q's length falls in the topic's order. */
    size_t below, above;
    if (!borrowing) {
        below = pos[q];
        above = pos[q] + 1;
    } else {
        size_t lo = first, hi = first + n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (len[order[mid]] < len[q])
                lo = mid + 1;
            else
                hi = mid;
        }
        below = lo;
        above = lo;
    }
    while (pool_n < pool_want && (below > first || above < first + n)) {
        size_t c;
        int take_below = below > first &&
                         (above >= first + n ||
                          len[q] - len[order[below - 1]] <= len[order[above]] - len[q]);
        c = take_below ? order[--below] : order[above++];
        if (c == q)
            continue;
        /* "What does this print?" means nothing without its code. */
        if (order == g->by_prompt && bank_question(g->bank, c)->code)
            continue;
        if (borrowing ? strcmp(g->option_key[c], g->option_key[q]) == 0
                      : roundgen_conflict(g, q, c))
            continue;
        pool[pool_n++] = c;
    }
    /* Same shape first (stable), then a random pick among the closest. */
    size_t sorted[POOL_MAX];
    unsigned ns = 0;
    for (int pass = 0; pass < 2; pass++)
        for (unsigned i = 0; i < pool_n; i++)
            if ((g->shape[pool[i]] == g->shape[q]) == (pass == 0))
                sorted[ns++] = pool[i];
    unsigned finalists = want + 1 < ns ? want + 1 : ns;
    rng_shuffle(&g->rng, sorted, finalists, sizeof *sorted);
    rng_shuffle(&g->rng, sorted + finalists, ns - finalists, sizeof *sorted);
    unsigned got = 0;
    for (unsigned i = 0; i < ns && got < want; i++) {
        size_t c = sorted[i];
        int twin = 0;
        for (unsigned j = 0; j < got && !twin; j++)
            twin = roundgen_conflict(g, c, out[j]) ||
                   strcmp(g->option_key[c], g->option_key[out[j]]) == 0;
        if (!twin)
            out[got++] = c;
    }
    return got;
}

/* Output distractors: other outputs of the topic, near in length. */
static unsigned round_choose_outputs(RoundGen *g, const OutputItem *right, size_t t,
                                     unsigned want, const OutputItem **out)
{
    size_t from = g->topic_output_start[t], to = g->topic_output_start[t + 1];
    const OutputItem *pool[2 * ROUND_MAX_OPTIONS + 2];
    unsigned n = 0, cap = 2 * want + 2;
    /* Nearest lengths first: a small insertion-ordered pool. */
    for (size_t i = from; i < to; i++) {
        const OutputItem *o = &g->outputs[i];
        if (o->question == right->question || strcmp(o->key, right->key) == 0)
            continue;
        uint32_t d = o->len > right->len ? o->len - right->len : right->len - o->len;
        unsigned at = n;
        while (at > 0) {
            const OutputItem *p = pool[at - 1];
            uint32_t dp = p->len > right->len ? p->len - right->len : right->len - p->len;
            if (dp <= d)
                break;
            at--;
        }
        if (at >= cap)
            continue;
        if (n < cap)
            n++;
        memmove(pool + at + 1, pool + at, (n - 1 - at) * sizeof *pool);
        pool[at] = o;
    }
    rng_shuffle(&g->rng, pool, n, sizeof *pool);
    unsigned got = 0;
    for (unsigned i = 0; i < n && got < want; i++) {
        int twin = 0;
        for (unsigned j = 0; j < got && !twin; j++)
            twin = strcmp(pool[i]->key, out[j]->key) == 0;
        if (!twin)
            out[got++] = pool[i];
    }
    return got;
}

/* Puts the right option at a uniform position among the distractors. */
static void round_place(RoundGen *g, RoundItem *it, const char *right, size_t right_src,
                        const char *const *wrong, const size_t *wrong_src, unsigned nwrong)
{
    it->option_count = nwrong + 1;
    it->answer = rng_below(&g->rng, it->option_count);
    for (unsigned i = 0, w = 0; i < it->option_count; i++) {
        if (i == it->answer) {
            it->options[i] = right;
            it->sources[i] = right_src;
        } else {
            it->options[i] = wrong[w];
            it->sources[i] = wrong_src[w];
            w++;
        }
    }
}

static void round_make_item(RoundGen *g, size_t q, const RoundParams *p, RoundItem *it)
{
    const Question *qq = bank_question(g->bank, q);
    size_t t = qq->topic;
    unsigned want = p->options > 1 ? p->options - 1 : 1;
    if (want > ROUND_MAX_OPTIONS - 1)
        want = ROUND_MAX_OPTIONS - 1;
    memset(it, 0, sizeof *it);
    it->question = q;
    it->topic = t;
    it->code_lang = "";

    /* Which kinds this question can be asked as. */
    QuestionKind possible[KIND_COUNT];
    unsigned npossible = 0;
    possible[npossible++] = KIND_ANSWER;
    if ((p->kinds & KIND_BIT(KIND_REVERSE)) && round_reversible(g, q))
        possible[npossible++] = KIND_REVERSE;
    size_t out_from = g->output_start[q], out_to = g->output_start[q + 1];
    if ((p->kinds & KIND_BIT(KIND_OUTPUT)) && out_to > out_from &&
        g->topic_output_start[t + 1] - g->topic_output_start[t] > out_to - out_from)
        possible[npossible++] = KIND_OUTPUT;
    QuestionKind kind = possible[rng_below(&g->rng, npossible)];

    if (kind == KIND_OUTPUT) {
        const OutputItem *right = &g->outputs[out_from + rng_below(&g->rng,
                                                                  (uint32_t)(out_to - out_from))];
        const OutputItem *wrong[ROUND_MAX_OPTIONS];
        /* Code to read takes room: at most ROUND_OUTPUT_OPTIONS options. */
        unsigned want_out = want < ROUND_OUTPUT_OPTIONS - 1 ? want : ROUND_OUTPUT_OPTIONS - 1;
        unsigned got = round_choose_outputs(g, right, t, want_out, wrong);
        if (got > 0) {
            const char *texts[ROUND_MAX_OPTIONS];
            size_t srcs[ROUND_MAX_OPTIONS];
            for (unsigned i = 0; i < got; i++) {
                texts[i] = wrong[i]->output;
                srcs[i] = wrong[i]->question;
            }
            it->kind = KIND_OUTPUT;
            it->prompt = right->code;
            it->code_lang = right->lang;
            round_place(g, it, right->output, q, texts, srcs, got);
            return;
        }
        kind = KIND_ANSWER;
    }

    int reverse = kind == KIND_REVERSE;
    if (!reverse && qq->code && want > ROUND_OUTPUT_OPTIONS - 1)
        want = ROUND_OUTPUT_OPTIONS - 1; /* code to read takes room */
    if (!reverse && qq->choice_count) {
        /* The author's own wrong choices, a random few of them. */
        const char *texts[ROUND_MAX_OPTIONS];
        size_t srcs[ROUND_MAX_OPTIONS];
        size_t pick[ROUND_MAX_OPTIONS * 2];
        size_t n = qq->choice_count < ROUND_MAX_OPTIONS * 2 ? qq->choice_count
                                                             : ROUND_MAX_OPTIONS * 2;
        for (size_t i = 0; i < n; i++)
            pick[i] = i;
        rng_shuffle(&g->rng, pick, n, sizeof *pick);
        unsigned got = n < want ? (unsigned)n : want;
        for (unsigned i = 0; i < got; i++) {
            texts[i] = qq->choices[pick[i]];
            srcs[i] = q;
        }
        it->kind = KIND_ANSWER;
        it->prompt = qq->prompt;
        if (qq->code) {
            it->code = qq->code;
            it->code_lang = qq->code_lang;
        }
        round_place(g, it, qq->option, q, texts, srcs, got);
        if (it->option_count == 2 && strcmp(it->options[0], "False") == 0 &&
            strcmp(it->options[1], "True") == 0) {
            /* True before False, as every quiz writes them. */
            const char *first = it->options[0];
            it->options[0] = it->options[1];
            it->options[1] = first;
            it->answer = 1 - it->answer;
        }
        return;
    }
    const size_t *order = reverse ? g->by_prompt : g->by_option;
    const uint32_t *len = reverse ? g->prompt_len : g->option_len;
    const uint32_t *pos = reverse ? g->pos_prompt : g->pos_option;
    size_t chosen[ROUND_MAX_OPTIONS];
    unsigned got = round_choose(g, q, t, order, len, pos, 0, want, chosen);
    if (got == 0 && g->nearest[t] >= 0) {
        got = round_choose(g, q, (size_t)g->nearest[t], order, len, pos, 1, want, chosen);
        it->borrowed = got > 0;
    }
    const char *texts[ROUND_MAX_OPTIONS];
    for (unsigned i = 0; i < got; i++)
        texts[i] = reverse ? g->prompt_plain[chosen[i]] : bank_question(g->bank, chosen[i])->option;
    it->kind = kind;
    it->prompt = reverse ? qq->option : qq->prompt;
    if (!reverse && qq->code) {
        it->code = qq->code;
        it->code_lang = qq->code_lang;
    }
    round_place(g, it, reverse ? g->prompt_plain[q] : qq->option, q, texts, chosen, got);
}

int round_generate(RoundGen *g, const size_t *topics, size_t topic_count,
                   const RoundParams *params, Round *out)
{
    out->items = NULL;
    out->count = 0;
    size_t all_count = topic_count ? topic_count : g->nt;
    size_t *pick = xmalloc((all_count + 1) * sizeof *pick);
    uint64_t *left = xmalloc((all_count + 1) * sizeof *left);
    uint64_t total = 0;
    for (size_t i = 0; i < all_count; i++) {
        pick[i] = topic_count ? topics[i] : i;
        left[i] = pick[i] < g->nt ? bank_topic_size(g->bank, pick[i]) : 0;
        total += left[i];
    }
    size_t n = params->questions;
    if (n > total)
        n = (size_t)total;
    if (n == 0) {
        free(pick);
        free(left);
        return -1;
    }
    out->items = xcalloc(n, sizeof *out->items);
    size_t *taken = xmalloc(n * sizeof *taken);
    for (size_t k = 0; k < n && total > 0; k++) {
        /* A topic in proportion to its questions not yet in the round. */
        uint64_t r = (((uint64_t)rng_next(&g->rng) << 32) | rng_next(&g->rng)) % total;
        size_t i = 0;
        while (r >= left[i]) {
            r -= left[i];
            i++;
        }
        size_t q = round_bag_draw(g, pick[i], taken, out->count);
        left[i]--;
        total--;
        if (q == SIZE_MAX)
            continue;
        taken[out->count] = q;
        round_make_item(g, q, params, &out->items[out->count]);
        if (out->items[out->count].option_count < 2)
            continue; /* nothing to choose from: not asked (--check says so) */
        out->count++;
    }
    free(taken);
    free(pick);
    free(left);
    return 0;
}

void round_free(Round *r)
{
    free(r->items);
    r->items = NULL;
    r->count = 0;
}
