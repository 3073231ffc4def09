/* profile.c - what the game remembers about its player (see profile.h). */
#include "profile.h"
#include "arena.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct LevelEntry {
    const char *topic; /* as first recorded */
    const char *key;   /* text_append_key of topic */
    unsigned level;
    LevelRecord rec;
} LevelEntry;

typedef struct Table {
    const char *name;
    HighScore entries[HIGHSCORE_SLOTS];
    size_t count;
} Table;

typedef struct DailyEntry {
    const char *table;
    uint32_t day;
} DailyEntry;

struct Profile {
    Arena arena;
    Settings settings;
    LevelEntry *levels;
    size_t level_count, level_cap;
    Table *tables;
    size_t table_count, table_cap;
    QuestionRecord *history;
    size_t history_count, history_cap;
    size_t *slots; /* open addressing on hash: index + 1 */
    size_t slot_cap;
    DailyEntry *dailies;
    size_t daily_count, daily_cap;
    char initials[4];
};

Profile *profile_new(void)
{
    Profile *p = xcalloc(1, sizeof *p);
    p->settings.volume = 80;
    p->settings.timer = TIMER_ON;
    strcpy(p->initials, "AAA");
    p->slot_cap = 64;
    p->slots = xcalloc(p->slot_cap, sizeof *p->slots);
    return p;
}

void profile_free(Profile *p)
{
    if (!p)
        return;
    free(p->levels);
    free(p->tables);
    free(p->history);
    free(p->slots);
    free(p->dailies);
    arena_free(&p->arena);
    free(p);
}

Settings *profile_settings(Profile *p)
{
    return &p->settings;
}

const Settings *profile_settings_const(const Profile *p)
{
    return &p->settings;
}

/* ---- progress ---- */

static char *profile_key(const char *s)
{
    StrBuf k = {0};
    text_append_key(&k, s, strlen(s));
    return strbuf_take(&k);
}

static LevelEntry *profile_find_level(const Profile *p, const char *topic, unsigned level)
{
    char *key = profile_key(topic);
    LevelEntry *found = NULL;
    for (size_t i = 0; i < p->level_count && !found; i++)
        if (p->levels[i].level == level && strcmp(p->levels[i].key, key) == 0)
            found = &p->levels[i];
    free(key);
    return found;
}

const LevelRecord *profile_level(const Profile *p, const char *topic, unsigned level)
{
    LevelEntry *e = profile_find_level(p, topic, level);
    return e ? &e->rec : NULL;
}

void profile_record_level(Profile *p, const char *topic, unsigned level, unsigned score,
                          unsigned stars, int passed)
{
    LevelEntry *e = profile_find_level(p, topic, level);
    if (!e) {
        p->levels = xgrow(p->levels, &p->level_cap, p->level_count + 1, sizeof *p->levels);
        e = &p->levels[p->level_count++];
        memset(e, 0, sizeof *e);
        e->topic = arena_strdup(&p->arena, topic);
        char *key = profile_key(topic);
        e->key = arena_strdup(&p->arena, key);
        free(key);
        e->level = level;
    }
    if (score > e->rec.best_score)
        e->rec.best_score = score;
    if (stars > e->rec.stars)
        e->rec.stars = stars > 3 ? 3 : stars;
    e->rec.passed |= passed != 0;
}

int profile_level_open(const Profile *p, const char *topic, unsigned level)
{
    if (level <= 1)
        return 1;
    const LevelRecord *prev = profile_level(p, topic, level - 1);
    return prev && prev->passed;
}

size_t profile_level_count(const Profile *p)
{
    return p->level_count;
}

const LevelRecord *profile_level_at(const Profile *p, size_t i, const char **topic,
                                    unsigned *level)
{
    if (i >= p->level_count)
        return NULL;
    *topic = p->levels[i].topic;
    *level = p->levels[i].level;
    return &p->levels[i].rec;
}

/* ---- high scores ---- */

static Table *profile_find_table(const Profile *p, const char *name)
{
    for (size_t i = 0; i < p->table_count; i++)
        if (strcmp(p->tables[i].name, name) == 0)
            return &p->tables[i];
    return NULL;
}

size_t profile_table(const Profile *p, const char *table, const HighScore **entries)
{
    Table *t = profile_find_table(p, table);
    *entries = t ? t->entries : NULL;
    return t ? t->count : 0;
}

int profile_rank(const Profile *p, const char *table, uint32_t score)
{
    if (score == 0)
        return -1;
    Table *t = profile_find_table(p, table);
    size_t count = t ? t->count : 0;
    size_t rank = 0;
    while (rank < count && t->entries[rank].score >= score)
        rank++;
    return rank < HIGHSCORE_SLOTS ? (int)rank : -1;
}

int profile_insert(Profile *p, const char *table, const HighScore *e)
{
    int rank = profile_rank(p, table, e->score);
    if (rank < 0)
        return -1;
    Table *t = profile_find_table(p, table);
    if (!t) {
        p->tables = xgrow(p->tables, &p->table_cap, p->table_count + 1, sizeof *p->tables);
        t = &p->tables[p->table_count++];
        memset(t, 0, sizeof *t);
        t->name = arena_strdup(&p->arena, table);
    }
    size_t move = t->count - (size_t)rank;
    if (t->count == HIGHSCORE_SLOTS)
        move--;
    memmove(&t->entries[rank + 1], &t->entries[rank], move * sizeof *t->entries);
    t->entries[rank] = *e;
    t->entries[rank].initials[3] = '\0';
    t->entries[rank].date[10] = '\0';
    if (t->count < HIGHSCORE_SLOTS)
        t->count++;
    return rank;
}

size_t profile_table_count(const Profile *p)
{
    return p->table_count;
}

const char *profile_table_name(const Profile *p, size_t i)
{
    return i < p->table_count ? p->tables[i].name : NULL;
}

/* ---- question history ---- */

static size_t *profile_slot(const Profile *p, uint64_t hash)
{
    size_t mask = p->slot_cap - 1;
    for (size_t i = (size_t)(hash ^ (hash >> 32)) & mask;; i = (i + 1) & mask) {
        size_t *s = &p->slots[i];
        if (*s == 0 || p->history[*s - 1].hash == hash)
            return s;
    }
}

static QuestionRecord *profile_history_get(Profile *p, uint64_t hash)
{
    size_t *s = profile_slot(p, hash);
    if (*s)
        return &p->history[*s - 1];
    p->history = xgrow(p->history, &p->history_cap, p->history_count + 1, sizeof *p->history);
    QuestionRecord *r = &p->history[p->history_count++];
    memset(r, 0, sizeof *r);
    r->hash = hash;
    *s = p->history_count;
    if (p->history_count * 2 > p->slot_cap) {
        free(p->slots);
        p->slot_cap *= 2;
        p->slots = xcalloc(p->slot_cap, sizeof *p->slots);
        for (size_t i = 0; i < p->history_count; i++)
            *profile_slot(p, p->history[i].hash) = i + 1;
        r = &p->history[p->history_count - 1];
    }
    return r;
}

void profile_history_record(Profile *p, uint64_t hash, int right, int slow, uint32_t day)
{
    QuestionRecord *r = profile_history_get(p, hash);
    r->seen++;
    if (right)
        r->right++;
    else
        r->wrong++;
    if (slow)
        r->slow++;
    r->last_day = day;
}

void profile_history_put(Profile *p, const QuestionRecord *src)
{
    QuestionRecord *r = profile_history_get(p, src->hash);
    *r = *src;
}

const QuestionRecord *profile_history(const Profile *p, uint64_t hash)
{
    size_t s = *profile_slot(p, hash);
    return s ? &p->history[s - 1] : NULL;
}

uint32_t profile_history_weight(const Profile *p, uint64_t hash, uint32_t day)
{
    const QuestionRecord *r = profile_history(p, hash);
    if (!r)
        return 100; /* never seen: the default weight */
    int64_t w = 100 + 250 * (int64_t)r->wrong + 100 * (int64_t)r->slow - 30 * (int64_t)r->right;
    uint32_t age = day > r->last_day ? day - r->last_day : 0;
    w += 10 * (int64_t)(age < 30 ? age : 30);
    if (w < 25)
        w = 25;
    if (w > 5000)
        w = 5000;
    return (uint32_t)w;
}

size_t profile_history_count(const Profile *p)
{
    return p->history_count;
}

const QuestionRecord *profile_history_at(const Profile *p, size_t i)
{
    return i < p->history_count ? &p->history[i] : NULL;
}

/* ---- small state ---- */

static DailyEntry *profile_daily_find(const Profile *p, const char *table)
{
    for (size_t i = 0; i < p->daily_count; i++)
        if (strcmp(p->dailies[i].table, table) == 0)
            return &p->dailies[i];
    return NULL;
}

uint32_t profile_daily_day(const Profile *p, const char *table)
{
    const DailyEntry *d = profile_daily_find(p, table);
    return d ? d->day : 0;
}

void profile_set_daily_day(Profile *p, const char *table, uint32_t day)
{
    DailyEntry *d = profile_daily_find(p, table);
    if (!d) {
        p->dailies = xgrow(p->dailies, &p->daily_cap, p->daily_count + 1, sizeof *p->dailies);
        d = &p->dailies[p->daily_count++];
        d->table = arena_strdup(&p->arena, table);
    }
    d->day = day;
}

size_t profile_daily_count(const Profile *p)
{
    return p->daily_count;
}

const char *profile_daily_at(const Profile *p, size_t i, uint32_t *day)
{
    if (i >= p->daily_count)
        return NULL;
    *day = p->dailies[i].day;
    return p->dailies[i].table;
}

const char *profile_initials(const Profile *p)
{
    return p->initials;
}

void profile_set_initials(Profile *p, const char *initials)
{
    int ended = 0;
    for (int i = 0; i < 3; i++) {
        char c = ended ? '\0' : initials[i];
        ended |= c == '\0';
        p->initials[i] = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : 'A';
    }
    p->initials[3] = '\0';
}

/* Days from civil date and back (proleptic Gregorian; H. Hinnant). */
static int64_t profile_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void profile_day_string(uint32_t day, char out[11])
{
    int64_t z = (int64_t)day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    unsigned yy = (unsigned)(y % 10000);
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int profile_day_parse(const char *s, uint32_t *day)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1970 ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    int64_t days = profile_days_from_civil(y, (unsigned)m, (unsigned)d);
    char back[11];
    profile_day_string((uint32_t)days, back);
    if (strcmp(back, s) != 0)
        return -1; /* 2026-02-30 and the like */
    *day = (uint32_t)days;
    return 0;
}
