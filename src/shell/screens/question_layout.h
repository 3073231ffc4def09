/* question_layout.h - how a question is fitted on screen, shared by the
 * question screen and the layout test (every question of the corpus must
 * fit at 640x480). All sizes in design units. */
#ifndef QA_SHELL_QUESTION_LAYOUT_H
#define QA_SHELL_QUESTION_LAYOUT_H

#include "../../core/round.h"
#include "../ui.h"

#define QUESTION_BAR_Y 34
#define QUESTION_KIND_Y 50
#define QUESTION_TOP 70
#define QUESTION_BOTTOM 28
#define QUESTION_GAP 12
#define QUESTION_PAD 6
#define QUESTION_LABEL_W 30
#define QUESTION_OPTION_MIN_H 30
#define QUESTION_OPTION_GAP 6

typedef struct QuestionFit {
    TextBox prompt;
    TextBox code;  /* the code a prompt asks about (it->code), else empty */
    TextBox options[ROUND_MAX_OPTIONS];
    int prompt_px, option_px, code_px;
    int grid;   /* options in two columns (all short, one line each) */
    int option_h; /* grid: height of every option box */
    int height; /* pixels used by prompt and options */
    int fits;   /* within the height given */
} QuestionFit;

/* Lays out a question in width x height pixels, shrinking the text within
 * readable limits (13 units for prompts, 12 for options, 10 for code).
 * Options that are all one short line go in two columns. */
void question_fit(Ui *ui, const RoundItem *it, int width, int height, QuestionFit *fit);
void question_fit_free(QuestionFit *fit);

#endif
