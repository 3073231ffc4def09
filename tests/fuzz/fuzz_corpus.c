/* fuzz_corpus.c - libFuzzer target for the corpus reader.
 *
 * The input is read as one quiz pack, or as two when its first byte is odd
 * (split in the middle), so that merging topics across files is fuzzed
 * too. Every question of the resulting bank is then rendered the ways the
 * game renders it (Markdown answer, JSON export).
 */
#include "core/bank.h"
#include "core/corpus.h"
#include "core/diag.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diagnostics *diag = diag_new();
    CorpusReader *reader = corpus_reader_new();
    const char *text = (const char *)data;
    if (size > 1 && (data[0] & 1)) {
        size_t half = size / 2;
        corpus_reader_add(reader, "a.md", text + 1, half - 1, diag);
        corpus_reader_add(reader, "b.md", text + half, size - half, diag);
    } else {
        corpus_reader_add(reader, "a.md", text, size, diag);
    }
    Bank *bank = corpus_reader_finish(reader, diag);
    corpus_check_topics(bank, diag);
    StrBuf md = {0};
    for (size_t i = 0; i < bank_question_count(bank); i++) {
        strbuf_clear(&md);
        question_answer_markdown(bank_question(bank, i), &md);
    }
    strbuf_free(&md);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        bank_write_json(bank, null);
        diag_print(diag, null, DIAG_NOTE);
        fclose(null);
    }
    bank_free(bank);
    diag_free(diag);
    return 0;
}
