/* levels.c - each topic's ladder of levels (see levels.h).
 *
 * A level file is INI, read with inih:
 *
 *   [topic]
 *   name = Functions
 *
 *   [level 1]
 *   questions = 8
 *   seconds = 25
 *   options = 3
 *   lives = 0
 *   stars = 60 80 100
 *   kinds = answer
 *
 * A key left out of a level takes the previous level's value (level 1's
 * come from the default ladder). `pass = N` sets the pass mark alone, which
 * is the one-star mark: the first number of `stars` (see level_end).
 *
 * Debian's inih does not pass line numbers to the handler, so the text is
 * fed through ini_parse_stream with a reader that counts lines: the handler
 * runs right after its line is read.
 */
#include "levels.h"
#include "arena.h"
#include "round.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#include <ini.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEVELS_MAX_FILE = 1 << 20 };

void ladder_default(Ladder *out)
{
    memset(out, 0, sizeof *out);
    out->count = 3;
    for (unsigned i = 0; i < 3; i++) {
        RoundParams p;
        unsigned seconds;
        round_default_params((int)i + 1, &p, &seconds);
        out->levels[i].questions = p.questions;
        out->levels[i].seconds = seconds;
        out->levels[i].options = p.options;
        out->levels[i].kinds = p.kinds;
    }
    out->levels[0].lives = 0;
    out->levels[1].lives = 0;
    out->levels[2].lives = 3;
    static const unsigned marks[3][3] = {{60, 80, 100}, {70, 85, 100}, {75, 90, 100}};
    for (unsigned i = 0; i < 3; i++) {
        out->levels[i].pass = marks[i][0];
        out->levels[i].stars2 = marks[i][1];
        out->levels[i].stars3 = marks[i][2];
    }
}

unsigned level_stars(const LevelSpec *l, unsigned right, unsigned asked)
{
    if (asked == 0)
        return 0;
    /* Compare right/asked with pct/100 in integers. */
    unsigned long long r = (unsigned long long)right * 100;
    unsigned stars = 0;
    if (r >= (unsigned long long)l->pass * asked)
        stars = 1;
    if (r >= (unsigned long long)l->stars2 * asked)
        stars = 2;
    if (r >= (unsigned long long)l->stars3 * asked)
        stars = 3;
    return stars;
}

typedef struct LadderEntry {
    const char *topic;
    const char *key;
    const char *file;
    Ladder ladder;
} LadderEntry;

struct Levels {
    Arena arena;
    LadderEntry *entries;
    size_t count, cap;
    Ladder fallback;
};

Levels *levels_new(void)
{
    Levels *ls = xcalloc(1, sizeof *ls);
    ladder_default(&ls->fallback);
    return ls;
}

void levels_free(Levels *ls)
{
    if (!ls)
        return;
    free(ls->entries);
    arena_free(&ls->arena);
    free(ls);
}

/* ---- parsing ---- */

typedef struct LevelParse {
    const char *name;   /* file name for messages */
    Diagnostics *diag;
    const char *text;
    size_t len, pos;
    unsigned line;
    int errors;
    char topic[256];
    int have_topic;
    Ladder ladder;
    int current;        /* level being read (index), -1 in [topic], -2 none */
    unsigned seen_keys; /* bits of keys given in the current level */
    /* The current level's valid pass and stars keys (line 0: not given),
     * checked together when the level ends (level_end). */
    unsigned pass_line, stars_line;
    unsigned pass_value, stars_one;
    char stars_text[64];
} LevelParse;

static void level_error(LevelParse *lp, const char *fmt, const char *a, const char *b)
{
    lp->errors++;
    diag_add(lp->diag, DIAG_ERROR, lp->name, lp->line, fmt, a, b);
}

/* An error on a line other than the current one. */
static void level_error_at(LevelParse *lp, unsigned line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void level_error_at(LevelParse *lp, unsigned line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lp->errors++;
    diag_add(lp->diag, DIAG_ERROR, lp->name, line, "%s", msg);
}

/* The pass mark is the one-star mark (a level is passed with one star or
 * more): `pass = N` and the first number of `stars` set the same mark. So
 * when a level gives both they must agree, and a pass mark given alone must
 * not be above the level's two-star mark (given, inherited from the
 * previous level or from the default ladder). Checked when a level ends,
 * as its keys come in any order. */
static void level_end(LevelParse *lp)
{
    if (lp->current < 0 || !lp->pass_line)
        return;
    const LevelSpec *l = &lp->ladder.levels[lp->current];
    if (lp->stars_line) {
        if (lp->pass_value != lp->stars_one) {
            int pass_last = lp->pass_line > lp->stars_line;
            level_error_at(lp, pass_last ? lp->pass_line : lp->stars_line,
                           "pass = %u disagrees with stars = %s (line %u): the pass mark is "
                           "the one-star mark, the first number of stars; give one of them, "
                           "or the same number",
                           lp->pass_value, lp->stars_text,
                           pass_last ? lp->stars_line : lp->pass_line);
        }
    } else if (l->pass > l->stars2) {
        level_error_at(lp, lp->pass_line,
                       "pass = %u is above the two-star mark (%u): the pass mark is the "
                       "one-star mark, at most the two-star mark (set all three with stars)",
                       l->pass, l->stars2);
    }
}

static void level_section(LevelParse *lp, const char *section);

/* The reader inih calls for each line. inih does not call the handler for
 * a section with no keys, and cuts lines longer than its buffer (200 bytes
 * in Debian's build) in two, so the reader sees sections itself and reads
 * whole lines: a long comment is shortened, any other long line reported. */
static char *level_reader(char *str, int num, void *stream)
{
    LevelParse *lp = stream;
    if (lp->pos >= lp->len || num < 2)
        return NULL;
    size_t start = lp->pos, end = start;
    while (end < lp->len && lp->text[end] != '\n')
        end++;
    lp->pos = end < lp->len ? end + 1 : end;
    lp->line++;
    size_t n = end - start;
    size_t lead = 0;
    while (lead < n && (lp->text[start + lead] == ' ' || lp->text[start + lead] == '\t'))
        lead++;
    char first = lead < n ? lp->text[start + lead] : '\0';
    if (n + 1 >= (size_t)num) {
        if (first != ';' && first != '#')
            level_error(lp, "line too long (over %s characters)%s", "190", "");
        str[0] = '\n';
        str[1] = '\0';
        return str;
    }
    memcpy(str, lp->text + start, n);
    str[n] = '\n';
    str[n + 1] = '\0';
    if (first == '[') {
        const char *close = memchr(lp->text + start + lead, ']', n - lead);
        if (close) {
            char name[200];
            size_t len = (size_t)(close - (lp->text + start + lead)) - 1;
            memcpy(name, lp->text + start + lead + 1, len);
            name[len] = '\0';
            /* Trim as inih does. */
            char *a = name, *b = name + len;
            while (*a == ' ' || *a == '\t')
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
                *--b = '\0';
            level_section(lp, a);
        }
    }
    return str;
}

static int level_number(const char *value, unsigned min, unsigned max, unsigned *out)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)value[0]))
        return -1;
    unsigned long v = strtoul(value, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (errno || *end || v < min || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int level_kinds(const char *value, unsigned *out)
{
    unsigned kinds = 0;
    char word[32];
    const char *p = value;
    while (*p) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        size_t n = 0;
        while (*p && *p != ' ' && *p != ',' && *p != '\t' && n + 1 < sizeof word)
            word[n++] = (char)tolower((unsigned char)*p++);
        word[n] = '\0';
        if (n == 0)
            break;
        int k = kind_parse(word);
        if (k < 0)
            return -1;
        kinds |= KIND_BIT(k);
    }
    if (!kinds)
        return -1;
    *out = kinds | KIND_BIT(KIND_ANSWER);
    return 0;
}

enum { KEY_QUESTIONS, KEY_SECONDS, KEY_OPTIONS, KEY_LIVES, KEY_PASS, KEY_STARS, KEY_KINDS };

/* A section starts: [topic], or the next [level N], which starts as a
 * copy of the previous level. Anything else is reported here, once. */
static void level_section(LevelParse *lp, const char *section)
{
    unsigned n;
    level_end(lp);
    lp->seen_keys = 0;
    lp->pass_line = lp->stars_line = 0;
    if (strcmp(section, "topic") == 0) {
        lp->current = -1;
        return;
    }
    if (strncmp(section, "level ", 6) != 0 ||
        level_number(section + 6, 1, LADDER_MAX, &n) != 0) {
        lp->current = -3;
        level_error(lp, "unknown section [%s] (expected [topic] or [level N], N up to 12)%s",
                    section, "");
        return;
    }
    int index = (int)n - 1;
    if (index != (int)lp->ladder.count) {
        char expect[16];
        snprintf(expect, sizeof expect, "%u", lp->ladder.count + 1);
        lp->current = -3;
        level_error(lp, "[%s] is out of order: expected [level %s]", section, expect);
        return;
    }
    lp->ladder.levels[index] = index > 0 ? lp->ladder.levels[index - 1] : lp->ladder.levels[0];
    lp->ladder.count++;
    lp->current = index;
}

static int level_handler(void *user, const char *section, const char *name, const char *value)
{
    LevelParse *lp = user;
    (void)section;
    if (lp->current == -1) {
        if (strcmp(name, "name") != 0) {
            level_error(lp, "unknown key \"%s\" in [%s] (only name)", name, "topic");
            return 1;
        }
        if (lp->have_topic) {
            level_error(lp, "the topic %s is given twice%s", "name", "");
            return 1;
        }
        if (!value[0] || strlen(value) >= sizeof lp->topic) {
            level_error(lp, "the topic %s is %s", "name", value[0] ? "too long" : "empty");
            return 1;
        }
        strcpy(lp->topic, value);
        lp->have_topic = 1;
        return 1;
    }
    if (lp->current == -2) {
        level_error(lp, "\"%s\" is outside any section (expected [topic] or [level N])%s", name,
                    "");
        return 1;
    }
    if (lp->current < 0)
        return 1; /* a broken section, already reported */
    int index = lp->current;
    LevelSpec *l = &lp->ladder.levels[index];
    static const char *const keys[] = {"questions", "seconds", "options", "lives",
                                       "pass", "stars", "kinds"};
    int key = -1;
    for (int k = 0; k < 7; k++)
        if (strcmp(name, keys[k]) == 0)
            key = k;
    if (key < 0) {
        level_error(lp, "unknown key \"%s\" in [%s]", name, section);
        return 1;
    }
    if (lp->seen_keys & (1u << key)) {
        level_error(lp, "\"%s\" is given twice in [%s]", name, section);
        return 1;
    }
    lp->seen_keys |= 1u << key;
    int bad = 0;
    switch (key) {
    case KEY_QUESTIONS: bad = level_number(value, 1, 100, &l->questions); break;
    case KEY_SECONDS: bad = level_number(value, 3, 600, &l->seconds); break;
    case KEY_OPTIONS: bad = level_number(value, 2, ROUND_MAX_OPTIONS, &l->options); break;
    case KEY_LIVES: bad = level_number(value, 0, 9, &l->lives); break;
    case KEY_PASS:
        bad = level_number(value, 0, 100, &l->pass);
        if (!bad) {
            lp->pass_line = lp->line;
            lp->pass_value = l->pass;
        }
        break;
    case KEY_KINDS: bad = level_kinds(value, &l->kinds); break;
    case KEY_STARS: {
        unsigned s[3];
        char extra;
        int got = sscanf(value, "%u %u %u %c", &s[0], &s[1], &s[2], &extra);
        bad = got != 3 || s[0] > s[1] || s[1] > s[2] || s[2] > 100;
        if (!bad) {
            l->pass = s[0];
            l->stars2 = s[1];
            l->stars3 = s[2];
            lp->stars_line = lp->line;
            lp->stars_one = s[0];
            snprintf(lp->stars_text, sizeof lp->stars_text, "%u %u %u", s[0], s[1], s[2]);
        }
        break;
    }
    }
    if (bad) {
        static const char *const expect[] = {
            "a whole number from 1 to 100", "a whole number from 3 to 600",
            "a whole number from 2 to 5", "a whole number from 0 to 9",
            "a percentage from 0 to 100", "three percentages in rising order, e.g. 60 80 100",
            "kinds among answer, reverse, output"};
        level_error(lp, "bad value \"%s\": expected %s", value, expect[key]);
    }
    return 1;
}

int levels_load_text(Levels *ls, const char *name, const char *text, size_t len,
                     Diagnostics *diag)
{
    LevelParse lp;
    memset(&lp, 0, sizeof lp);
    lp.name = name;
    lp.diag = diag;
    lp.text = text;
    lp.len = len;
    lp.current = -2;
    ladder_default(&lp.ladder);
    lp.ladder.count = 0;
    if (memchr(text, '\0', len)) {
        diag_add(diag, DIAG_ERROR, name, 0, "binary file (it contains NUL bytes), not a level file");
        diag_add(diag, DIAG_WARNING, name, 0, "the default ladder is used instead");
        return -1;
    }
    int rc = ini_parse_stream(level_reader, &lp, level_handler, &lp);
    level_end(&lp); /* the last level */
    if (rc > 0) {
        lp.errors++;
        diag_add(diag, DIAG_ERROR, name, (unsigned)rc,
                 "not INI syntax (expected [section], key = value, or ; comment)");
    } else if (rc < 0) {
        lp.errors++;
        diag_add(diag, DIAG_ERROR, name, 0, "cannot be read");
    }
    if (!lp.errors && !lp.have_topic) {
        lp.errors++;
        diag_add(diag, DIAG_ERROR, name, 0, "no [topic] name: which topic is this ladder for?");
    }
    if (!lp.errors && lp.ladder.count == 0) {
        lp.errors++;
        diag_add(diag, DIAG_ERROR, name, 0, "no [level 1]");
    }
    if (lp.errors) {
        diag_add(diag, DIAG_WARNING, name, 0, "%s: the default ladder is used instead",
                 lp.have_topic ? lp.topic : "this topic");
        return -1;
    }
    StrBuf key = {0};
    text_append_key(&key, lp.topic, strlen(lp.topic));
    for (size_t i = 0; i < ls->count; i++) {
        if (strcmp(ls->entries[i].key, strbuf_str(&key)) == 0) {
            diag_add(diag, DIAG_ERROR, name, 0, "topic \"%s\" already has a ladder in %s",
                     lp.topic, ls->entries[i].file);
            strbuf_free(&key);
            return -1;
        }
    }
    ls->entries = xgrow(ls->entries, &ls->cap, ls->count + 1, sizeof *ls->entries);
    LadderEntry *e = &ls->entries[ls->count++];
    e->topic = arena_strdup(&ls->arena, lp.topic);
    e->key = arena_strndup(&ls->arena, strbuf_str(&key), key.len);
    e->file = arena_strdup(&ls->arena, name);
    e->ladder = lp.ladder;
    strbuf_free(&key);
    return 0;
}

int levels_load_file(Levels *ls, const char *path, Diagnostics *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diag, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    StrBuf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= LEVELS_MAX_FILE)
        strbuf_append(&b, chunk, n);
    fclose(f);
    if (b.len > LEVELS_MAX_FILE) {
        diag_add(diag, DIAG_ERROR, path, 0, "too large for a level file (over 1 MB)");
        strbuf_free(&b);
        return -1;
    }
    int rc = levels_load_text(ls, path, strbuf_str(&b), b.len, diag);
    strbuf_free(&b);
    return rc;
}

static int levels_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int levels_load_dir(Levels *ls, const char *dir, Diagnostics *diag)
{
    DIR *d = opendir(dir);
    if (!d) {
        diag_add(diag, DIAG_ERROR, dir, 0, "cannot read the level folder: %s", strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".ini") == 0 && e->d_name[0] != '.') {
            names = xgrow(names, &cap, count + 1, sizeof *names);
            names[count++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (count > 1)
        qsort(names, count, sizeof *names, levels_cmp);
    int added = 0;
    for (size_t i = 0; i < count; i++) {
        StrBuf path = {0};
        strbuf_printf(&path, "%s/%s", dir, names[i]);
        added += levels_load_file(ls, strbuf_str(&path), diag) == 0;
        strbuf_free(&path);
        free(names[i]);
    }
    free(names);
    return added;
}

const Ladder *levels_for(const Levels *ls, const char *topic)
{
    if (!ls)
        return NULL;
    StrBuf key = {0};
    text_append_key(&key, topic, strlen(topic));
    const Ladder *found = &ls->fallback;
    for (size_t i = 0; i < ls->count; i++)
        if (strcmp(ls->entries[i].key, strbuf_str(&key)) == 0)
            found = &ls->entries[i].ladder;
    strbuf_free(&key);
    return found;
}

size_t levels_count(const Levels *ls)
{
    return ls->count;
}

const char *levels_topic(const Levels *ls, size_t i)
{
    return i < ls->count ? ls->entries[i].topic : NULL;
}

const char *levels_file(const Levels *ls, size_t i)
{
    return i < ls->count ? ls->entries[i].file : NULL;
}
