/* fuzz_levels.c - libFuzzer target for level files: any bytes are read as
 * a level file; the result is either a ladder that obeys the limits of
 * levels.h, or errors with a fallback to the default ladder. */
#include "core/levels.h"
#include "core/round.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diagnostics *diag = diag_new();
    Levels *ls = levels_new();
    int rc = levels_load_text(ls, "fuzz.ini", (const char *)data, size, diag);
    if (rc == 0) {
        const Ladder *l = levels_for(ls, levels_topic(ls, 0));
        if (!l || l->count == 0 || l->count > LADDER_MAX)
            abort();
        for (unsigned i = 0; i < l->count; i++) {
            const LevelSpec *s = &l->levels[i];
            if (s->questions < 1 || s->questions > 100 || s->seconds < 3 || s->seconds > 600 ||
                s->options < 2 || s->options > ROUND_MAX_OPTIONS || s->lives > 9 ||
                s->pass > s->stars2 || s->stars2 > s->stars3 || s->stars3 > 100 ||
                !(s->kinds & KIND_BIT(KIND_ANSWER)))
                abort();
        }
    } else if (diag_total(diag, DIAG_ERROR) == 0) {
        abort(); /* refused without saying why */
    }
    levels_free(ls);
    diag_free(diag);
    return 0;
}
