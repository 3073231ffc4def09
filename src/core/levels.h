/* levels.h - each topic's ladder of levels.
 *
 * A level says how a round of its topic is played: questions per round,
 * seconds per question, options per question, lives (0: none, the round is
 * "question n of N"), the marks for one to three stars (percent of
 * questions answered right; the one-star mark is the pass mark, so
 * pass <= stars2 <= stars3), and the kinds of question allowed.
 * Difficulty rises along a ladder: less time, more options, harder kinds.
 *
 * Ladders come from human-editable INI files, one per topic (see
 * levels_load_dir and the README); a topic without a file, or whose file is
 * broken, gets the default ladder.
 */
#ifndef QA_LEVELS_H
#define QA_LEVELS_H

#include "diag.h"

#include <stddef.h>

enum { LADDER_MAX = 12 };

typedef struct LevelSpec {
    unsigned questions; /* per round, 1 to 100 */
    unsigned seconds;   /* per question, 3 to 600 */
    unsigned options;   /* 2 to 5 */
    unsigned lives;     /* 0 to 9; 0: no lives */
    unsigned pass;      /* percent right to pass, which is one star */
    unsigned stars2;    /* percent right for two stars */
    unsigned stars3;    /* percent right for three stars */
    unsigned kinds;     /* KIND_BIT()s, see round.h */
} LevelSpec;

typedef struct Ladder {
    LevelSpec levels[LADDER_MAX];
    unsigned count;
} Ladder;

/* The ladder of a topic with no level file: three levels. */
void ladder_default(Ladder *out);

/* Stars (0 to 3) for `right` answers out of `asked` on a level. */
unsigned level_stars(const LevelSpec *l, unsigned right, unsigned asked);

/* Every topic's ladder, by topic name. */
typedef struct Levels Levels;

Levels *levels_new(void);
void levels_free(Levels *ls);

/* Reads one level file; on any error the file is reported (FILE:LINE) and
 * nothing is added. Returns 0 when the ladder was added. */
int levels_load_file(Levels *ls, const char *path, Diagnostics *diag);
/* Reads every *.ini of a directory. Returns the number of ladders added,
 * or -1 when the directory cannot be read (reported). */
int levels_load_dir(Levels *ls, const char *dir, Diagnostics *diag);
/* Parses level-file text (tests, fuzzing). */
int levels_load_text(Levels *ls, const char *name, const char *text, size_t len,
                     Diagnostics *diag);

/* The ladder of a topic (names compared as keys: case and punctuation
 * ignored); the default ladder when it has none. */
const Ladder *levels_for(const Levels *ls, const char *topic);
/* Topic names that have a ladder file, for --check to match with a bank. */
size_t levels_count(const Levels *ls);
const char *levels_topic(const Levels *ls, size_t i);
const char *levels_file(const Levels *ls, size_t i);

#endif
