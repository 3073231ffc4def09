/* qatable.c - tables that hold one question a row (see qatable.h). */
#include "qatable.h"

#include <ctype.h>
#include <string.h>

/* A header cell's name: ASCII letters and digits, lowercased, words one
 * space apart; markup, symbols and emoji dropped. */
static void header_name(const MdCell *c, char *out, size_t size)
{
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; i < c->len && w + 2 < size; i++) {
        unsigned char ch = (unsigned char)c->text[i];
        if (ch < 0x80 && isalnum(ch)) {
            if (space && w > 0)
                out[w++] = ' ';
            space = 0;
            out[w++] = (char)tolower(ch);
        } else if (ch == ' ' || ch == '-' || ch == '_') {
            space = 1;
        }
    }
    out[w] = '\0';
}

static int name_is(const char *name, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(name, *words) == 0)
            return 1;
    return 0;
}

/* The choice a name is ("a", "option b", "choice c"), or -1. */
static int choice_letter(const char *name)
{
    static const char *const prefixes[] = {"", "option ", "choice ", "answer "};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t n = strlen(prefixes[k]);
        if (strncmp(name, prefixes[k], n) == 0 && name[n] >= 'a' &&
            name[n] < 'a' + QATABLE_CHOICES_MAX && name[n + 1] == '\0')
            return name[n] - 'a';
    }
    return -1;
}

int qatable_columns(const MdCell *cells, size_t count, QaColumns *out)
{
    static const char *const question_words[] = {"question", "questions", "q", "prompt",
                                                  "question text", "front", NULL};
    static const char *const answer_words[] = {"answer", "answers", "a", "correct answer",
                                               "correct", "right answer", "solution", "key",
                                               "answer key", "back", NULL};
    static const char *const explanation_words[] = {"explanation", "why", "notes", "note",
                                                    "details", NULL};
    static const char *const topic_words[] = {"topic", "category", "section", "subject",
                                              NULL};
    if (count > QATABLE_CELLS_MAX || count < 2)
        return 0;
    memset(out, 0, sizeof *out);
    out->count = count;
    out->question = out->answer = out->explanation = out->topic = -1;
    int letter_col[QATABLE_CHOICES_MAX];
    for (size_t k = 0; k < QATABLE_CHOICES_MAX; k++)
        letter_col[k] = -1;
    char names[QATABLE_CELLS_MAX][40];
    for (size_t i = 0; i < count; i++) {
        header_name(&cells[i], names[i], sizeof names[i]);
        int letter = choice_letter(names[i]);
        if (letter >= 0 && letter_col[letter] < 0)
            letter_col[letter] = (int)i;
    }
    /* Choices are columns A, B... in a row of at least two; then "A" is
     * no answer column. */
    size_t choices = 0;
    while (choices < QATABLE_CHOICES_MAX && letter_col[choices] >= 0)
        choices++;
    if (choices >= 2) {
        out->choice_count = choices;
        memcpy(out->choice, letter_col, choices * sizeof *letter_col);
    }
    for (size_t i = 0; i < count; i++) {
        const char *name = names[i];
        int is_choice = 0;
        for (size_t k = 0; k < out->choice_count; k++)
            is_choice |= out->choice[k] == (int)i;
        if (is_choice)
            continue;
        if (out->question < 0 && name_is(name, question_words))
            out->question = (int)i;
        else if (out->answer < 0 && name_is(name, answer_words))
            out->answer = (int)i;
        else if (out->explanation < 0 && name_is(name, explanation_words))
            out->explanation = (int)i;
        else if (out->topic < 0 && name_is(name, topic_words))
            out->topic = (int)i;
    }
    return out->question >= 0 && out->answer >= 0;
}
