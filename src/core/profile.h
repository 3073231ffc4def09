/* profile.h - what the game remembers about its player.
 *
 * Settings, progress through each topic's ladder, the high-score tables and
 * each question's history (for spaced repetition), in memory. save.h reads
 * and writes it. Tables are named: "arcade", "daily", and
 * "level:<topic>:<n>" for each topic level. History is keyed by the hash of
 * a question's content (question_hash), so an edited question starts
 * afresh.
 */
#ifndef QA_PROFILE_H
#define QA_PROFILE_H

#include <stddef.h>
#include <stdint.h>

enum { HIGHSCORE_SLOTS = 10 };

typedef struct HighScore {
    char initials[4];  /* three letters, NUL-terminated */
    uint32_t score;
    unsigned accuracy; /* percent */
    char date[11];     /* YYYY-MM-DD */
} HighScore;

typedef enum TimerMode {
    TIMER_ON,      /* as the level says */
    TIMER_RELAXED, /* twice the time */
    TIMER_OFF      /* no countdown; scores are not recorded */
} TimerMode;

typedef struct Settings {
    unsigned volume; /* 0 to 100 */
    int muted;
    int fullscreen;
    TimerMode timer;
} Settings;

typedef struct LevelRecord {
    unsigned best_score;
    unsigned stars;  /* 0 to 3 */
    int passed;
} LevelRecord;

typedef struct QuestionRecord {
    uint64_t hash;
    unsigned seen, right, wrong, slow;
    uint32_t last_day; /* days since 1970-01-01 */
} QuestionRecord;

typedef struct Profile Profile;

Profile *profile_new(void);
void profile_free(Profile *p);

Settings *profile_settings(Profile *p);
const Settings *profile_settings_const(const Profile *p);

/* ---- progress ---- */

/* The record of a topic level, or NULL when never played. */
const LevelRecord *profile_level(const Profile *p, const char *topic, unsigned level);
/* Keeps the best score and stars; a level once passed stays passed. */
void profile_record_level(Profile *p, const char *topic, unsigned level, unsigned score,
                          unsigned stars, int passed);
/* Levels 1 .. n are open: level 1 always, each next one once its previous
 * one is passed. */
int profile_level_open(const Profile *p, const char *topic, unsigned level);
/* Records of every level ever played (for saving). */
size_t profile_level_count(const Profile *p);
const LevelRecord *profile_level_at(const Profile *p, size_t i, const char **topic,
                                    unsigned *level);

/* ---- high scores ---- */

/* The entries of a table, best first; returns how many (0 to 10). */
size_t profile_table(const Profile *p, const char *table, const HighScore **entries);
/* The place (0 = first) a score would take in a table, or -1. */
int profile_rank(const Profile *p, const char *table, uint32_t score);
/* Inserts an entry; returns its place, or -1 when it does not make the
 * table. Equal scores keep their order of arrival. */
int profile_insert(Profile *p, const char *table, const HighScore *e);
/* Table names, for saving and the high-score screen. */
size_t profile_table_count(const Profile *p);
const char *profile_table_name(const Profile *p, size_t i);

/* ---- question history ---- */

void profile_history_record(Profile *p, uint64_t hash, int right, int slow, uint32_t day);
const QuestionRecord *profile_history(const Profile *p, uint64_t hash);
/* Selection weight for spaced repetition (see round.h): questions missed
 * or answered slowly, and not seen for a while, weigh more. */
uint32_t profile_history_weight(const Profile *p, uint64_t hash, uint32_t day);
size_t profile_history_count(const Profile *p);
const QuestionRecord *profile_history_at(const Profile *p, size_t i);
/* For loading: puts a record as it was saved. */
void profile_history_put(Profile *p, const QuestionRecord *r);

/* ---- small state ---- */

/* The shipped corpus's daily score table (a pack's own is "daily:PACK"). */
#define PROFILE_DAILY_TABLE "daily"
/* Day of the last daily challenge started as the scored attempt, 0 if none,
 * for each daily score table: "daily" for the shipped corpus, "daily:PACK"
 * for a pack of one's own, so that each pack has its own try a day. */
uint32_t profile_daily_day(const Profile *p, const char *table);
void profile_set_daily_day(Profile *p, const char *table, uint32_t day);
/* The tables with a daily day, for saving: the i-th one's name and day. */
size_t profile_daily_count(const Profile *p);
const char *profile_daily_at(const Profile *p, size_t i, uint32_t *day);
/* Initials last entered ("AAA" at first). */
const char *profile_initials(const Profile *p);
void profile_set_initials(Profile *p, const char *initials);

/* "YYYY-MM-DD" of a day number, and back (-1 when malformed). */
void profile_day_string(uint32_t day, char out[11]);
int profile_day_parse(const char *s, uint32_t *day);

#endif
