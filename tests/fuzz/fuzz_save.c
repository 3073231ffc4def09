/* fuzz_save.c - libFuzzer target for save files: any bytes are read as a
 * save file. A file that is accepted must write back to text that reads
 * again to the same text (nothing accepted is lost or changed). */
#include "core/profile.h"
#include "core/save.h"
#include "core/strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diagnostics *diag = diag_new();
    Profile *p = profile_new();
    if (save_parse("fuzz", (const char *)data, size, p, diag) == 0) {
        StrBuf once = {0}, twice = {0};
        save_format(p, &once);
        Profile *q = profile_new();
        if (save_parse("again", once.data, once.len, q, diag) != 0)
            abort();
        save_format(q, &twice);
        if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0)
            abort();
        profile_free(q);
        strbuf_free(&once);
        strbuf_free(&twice);
    } else if (diag_total(diag, DIAG_ERROR) == 0) {
        abort();
    }
    profile_free(p);
    diag_free(diag);
    return 0;
}
