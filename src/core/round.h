/* round.h - fair multiple-choice rounds from the question bank.
 *
 * A round is N questions, each with up to K options: the right one and
 * distractors taken from *other questions of the same topic*. Players judge
 * a quiz by its fairness, so:
 *   - never two right options: a candidate whose question or answer nearly
 *     duplicates the asked one's is never offered against it, nor are two
 *     options that nearly duplicate each other (content words compared
 *     after dropping stop words and markup, by similarity and by
 *     containment, since a short answer can sit inside a longer one);
 *   - no giveaway by form: distractors of a similar length and shape
 *     (prose, list, code) are preferred;
 *   - a question written with its own choices (choices.h) is offered
 *     those, and is never asked the other way round;
 *   - a topic that cannot supply K-1 fair distractors gets fewer options
 *     (3 where it can, never fewer than 2); only a topic that cannot supply
 *     one borrows from the topic whose vocabulary is nearest.
 * Kinds of question: pick the answer (with the code the prompt asks
 * about, if any); reverse ("Which question does this answer?", never for
 * a question whose prompt needs its code); output ("What does this code print?", for code whose lines
 * carry "# Output: ..." comments).
 *
 * A generator lives for a session: it holds what is precomputed when the
 * bank loads (near-duplicate pairs, lengths, outputs), one shuffled bag per
 * topic so that no question repeats until its topic's pool is used up, the
 * questions' selection weights, and the random generator. The same seed
 * gives byte-identical rounds on every machine.
 */
#ifndef QA_ROUND_H
#define QA_ROUND_H

#include "bank.h"
#include "diag.h"

#include <stddef.h>
#include <stdint.h>

enum {
    ROUND_MAX_OPTIONS = 5,
    ROUND_OUTPUT_OPTIONS = 4 /* a question that shows code (an output question, or a
                                prompt with its code) has fewer options */
};

typedef enum QuestionKind {
    KIND_ANSWER,  /* which option answers the question */
    KIND_REVERSE, /* which question does this answer */
    KIND_OUTPUT,  /* what does this code print */
    KIND_COUNT
} QuestionKind;

#define KIND_BIT(k) (1u << (k))
#define KINDS_ALL (KIND_BIT(KIND_ANSWER) | KIND_BIT(KIND_REVERSE) | KIND_BIT(KIND_OUTPUT))

/* "answer", "reverse", "output". */
const char *kind_name(QuestionKind kind);
/* How the question is put on screen: "Pick the right answer",
 * "Which question does this answer?", "What does this code print?". */
const char *kind_heading(QuestionKind kind);
/* Parses a kind name; -1 when unknown. */
int kind_parse(const char *name);

typedef struct RoundParams {
    unsigned questions; /* N, at least 1 */
    unsigned options;   /* K, 2 to ROUND_MAX_OPTIONS */
    unsigned kinds;     /* KIND_BIT()s allowed; KIND_ANSWER is always allowed */
} RoundParams;

/* The built-in ladder used until level files exist: levels 1 to 3. Fills
 * params and the seconds per question; returns -1 for another level. */
int round_default_params(int level, RoundParams *params, unsigned *seconds);

typedef struct RoundItem {
    QuestionKind kind;
    size_t question;      /* global index of the asked question */
    size_t topic;
    const char *prompt;   /* ANSWER: the question's prompt (rich text);
                             REVERSE: the answer's one-line form;
                             OUTPUT: the code, its output comments removed */
    const char *code;     /* ANSWER: the code the prompt asks about, or NULL */
    const char *code_lang; /* OUTPUT, or ANSWER with code: the code's
                              language, else "" */
    unsigned option_count;
    const char *options[ROUND_MAX_OPTIONS]; /* plain one-line texts */
    size_t sources[ROUND_MAX_OPTIONS];      /* the question each option
                                               belongs to (the asked one
                                               for the author's own
                                               choices) */
    unsigned answer;      /* index of the right option */
    unsigned borrowed;    /* distractors came from another topic */
} RoundItem;

typedef struct Round {
    RoundItem *items; /* owned by the round: round_free */
    size_t count;
} Round;

typedef struct RoundGen RoundGen;

/* Precomputes what rounds need from a bank. The bank must outlive the
 * generator; rounds' strings point into both. */
RoundGen *roundgen_new(const Bank *bank, uint64_t seed);
void roundgen_free(RoundGen *g);

/* Selection weight of a question (default ROUND_WEIGHT_DEFAULT, at least 1):
 * a heavier question comes earlier in its topic's next bag. */
enum { ROUND_WEIGHT_DEFAULT = 100, ROUND_WEIGHT_MAX = 1000000 };
void roundgen_set_weight(RoundGen *g, size_t question, uint32_t weight);
/* Empties every bag, so that the next draws follow the current weights. */
void roundgen_reset_bags(RoundGen *g);

/* Generates a round from the given topics (all topics when topic_count is
 * 0; several topics are mixed in proportion to their sizes). Returns 0, or
 * -1 when the topics have no question (out is then empty). */
int round_generate(RoundGen *g, const size_t *topics, size_t topic_count,
                   const RoundParams *params, Round *out);
void round_free(Round *r);

/* ---- what the generator knows, for --check, the game and tests ---- */

/* True when a and b must never be offered together (near duplicates). */
int roundgen_conflict(const RoundGen *g, size_t a, size_t b);
/* How many same-topic questions could stand as distractors of q. */
size_t roundgen_fair_distractors(const RoundGen *g, size_t question);
/* The topic whose vocabulary is nearest, or -1 with a single topic. */
long roundgen_nearest_topic(const RoundGen *g, size_t topic);
/* Number of "what does this code print" items a question has. */
size_t roundgen_output_count(const RoundGen *g, size_t question);
/* How a round of one topic asked with `asked` really plays with this bank:
 * questions (no more than the topic can ask), options (no more than its
 * questions can get: the most that any of them gets) and kinds (those its
 * questions can be asked as: no "code output" in a topic without output
 * comments). Menus show this rather than promise what the pack lacks. */
void round_plays(const RoundGen *g, size_t topic, const RoundParams *asked, RoundParams *out);

/* Reports topics whose questions get fewer than `options` options, and
 * topics that must borrow distractors, to diag. */
void roundgen_check(const RoundGen *g, unsigned options, Diagnostics *diag);
/* How many questions can be asked: those with a fair distractor in their
 * topic or a topic to borrow one from. The others (a lone topic of near
 * duplicates) would show their answer alone, so rounds leave them out. */
size_t roundgen_askable(const RoundGen *g);

#endif
