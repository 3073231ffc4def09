/* test_save.c - saved data: the text format round-trips everything; writes
 * are atomic; every kind of damaged file (truncated, binary, unknown
 * version, changed, nonsense) is kept aside as .bak and reported, never
 * used and never overwritten; an existing backup is never replaced, and
 * when every backup name is taken the damaged file stays where it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/diag.h"
#include "core/profile.h"
#include "core/save.h"
#include "core/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Hard links can be switched off, as on a FAT memory card: the game's
 * calls to link() come here (this program's definition interposes the C
 * library's). */
static int no_hard_links;
static unsigned link_calls;

int link(const char *from, const char *to)
{
    link_calls++;
    if (no_hard_links) {
        errno = EPERM;
        return -1;
    }
    return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

static char dir[64];
static char path[128];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/qa-save-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, sizeof path, "%s/save.txt", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static Profile *sample_profile(void)
{
    Profile *p = profile_new();
    Settings *s = profile_settings(p);
    s->volume = 40;
    s->muted = 1;
    s->fullscreen = 1;
    s->timer = TIMER_RELAXED;
    profile_set_initials(p, "Q7Z");
    profile_set_daily_day(p, "daily", 20781);
    profile_set_daily_day(p, "daily:my pack.md", 20780);
    profile_record_level(p, "Object-Oriented Programming (OOP)", 1, 7350, 3, 1);
    profile_record_level(p, "Object-Oriented Programming (OOP)", 2, 2100, 0, 0);
    profile_record_level(p, "DevOps & Tools", 1, 900, 1, 1);
    HighScore a = {"ABC", 12000, 90, "2026-11-20"}, b = {"XYZ", 8000, 75, "2026-11-21"};
    profile_insert(p, "arcade", &a);
    profile_insert(p, "arcade", &b);
    profile_insert(p, "level:DevOps & Tools:1", &b);
    profile_history_record(p, 0x0123456789abcdefull, 0, 1, 20780);
    profile_history_record(p, 0xfedcba9876543210ull, 1, 0, 20781);
    return p;
}

static char *format(const Profile *p)
{
    StrBuf b = {0};
    save_format(p, &b);
    return strbuf_take(&b);
}

static void write_text(const char *file, const char *text, size_t len)
{
    FILE *f = fopen(file, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

static int exists(const char *file)
{
    struct stat st;
    return stat(file, &st) == 0;
}

static void test_everything_round_trips(void **state)
{
    (void)state;
    Profile *p = sample_profile();
    char *text = format(p);
    Profile *q = profile_new();
    Diagnostics *d = diag_new();
    assert_int_equal(save_parse("t", text, strlen(text), q, d), 0);
    assert_int_equal(diag_count(d), 0);
    char *again = format(q);
    assert_string_equal(again, text);
    const Settings *s = profile_settings_const(q);
    assert_int_equal(s->volume, 40);
    assert_true(s->muted && s->fullscreen);
    assert_int_equal(s->timer, TIMER_RELAXED);
    assert_string_equal(profile_initials(q), "Q7Z");
    assert_int_equal(profile_daily_day(q, "daily"), 20781);
    assert_int_equal(profile_daily_day(q, "daily:my pack.md"), 20780);
    assert_int_equal(profile_level(q, "object oriented programming oop", 1)->best_score, 7350);
    assert_true(profile_level_open(q, "DevOps & Tools", 2));
    const HighScore *e;
    assert_int_equal(profile_table(q, "arcade", &e), 2);
    assert_string_equal(e[0].initials, "ABC");
    assert_int_equal(e[1].score, 8000);
    assert_string_equal(e[1].date, "2026-11-21");
    assert_int_equal(profile_table(q, "level:DevOps & Tools:1", &e), 1);
    const QuestionRecord *r = profile_history(q, 0x0123456789abcdefull);
    assert_non_null(r);
    assert_int_equal(r->wrong, 1);
    assert_int_equal(r->slow, 1);
    assert_int_equal(r->last_day, 20780);
    free(again);
    free(text);
    diag_free(d);
    profile_free(q);
    profile_free(p);
}

static void test_write_then_load_through_the_file(void **state)
{
    (void)state;
    Profile *p = sample_profile();
    StrBuf err = {0};
    assert_int_equal(save_write(path, p, &err), 0);
    char tmp[160];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    assert_false(exists(tmp)); /* renamed into place */
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_LOADED);
    assert_string_equal(profile_initials(q), "Q7Z");
    profile_free(q);
    diag_free(d);
    profile_free(p);
    strbuf_free(&err);
}

static void test_missing_file_is_a_fresh_start(void **state)
{
    (void)state;
    unlink(path);
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_NEW);
    assert_int_equal(diag_count(d), 0);
    assert_string_equal(profile_initials(q), "AAA");
    profile_free(q);
    diag_free(d);
}

/* Writes text as the save file, loads it, and expects it kept aside with
 * a message on `line` containing `needle`. */
static void expect_damaged(const char *text, size_t len, unsigned line, const char *needle)
{
    write_text(path, text, len);
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_DAMAGED);
    assert_false(exists(path));
    assert_true(exists(backup));
    /* The backup is the file as it was: nothing is lost. */
    FILE *f = fopen(backup, "rb");
    char *got = calloc(1, len + 1);
    assert_int_equal(fread(got, 1, len + 1, f), len);
    fclose(f);
    assert_memory_equal(got, text, len);
    free(got);
    int found = 0;
    for (size_t i = 0; i < diag_count(d); i++) {
        const Diag *g = diag_get(d, i);
        if (g->line == line && strstr(g->message, needle))
            found = 1;
    }
    if (!found)
        fail_msg("no message on line %u with \"%s\" (first: %u: %s)", line, needle,
                 diag_count(d) ? diag_get(d, 0)->line : 0,
                 diag_count(d) ? diag_get(d, 0)->message : "-");
    /* A fresh profile. */
    assert_int_equal(profile_table_count(q), 0);
    unlink(backup);
    profile_free(q);
    diag_free(d);
}

static void test_damaged_files_are_kept_aside(void **state)
{
    (void)state;
    Profile *p = sample_profile();
    char *text = format(p);
    size_t len = strlen(text);
    /* Truncated at many points, even on a line boundary. */
    for (size_t cut = 1; cut < len; cut += len / 17) {
        write_text(path, text, cut);
        Profile *q;
        Diagnostics *d = diag_new();
        char backup[256];
        assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_DAMAGED);
        unlink(backup);
        profile_free(q);
        diag_free(d);
    }
    /* Binary, unknown version, other files. */
    const char binary[] = "quizarcade-save 1\n\0\x01\x02garbage";
    expect_damaged(binary, sizeof binary - 1, 0, "binary");
    expect_damaged("quizarcade-save 2\nend 0\n", 24, 1, "unknown save format");
    expect_damaged("[Settings]\nvolume=3\n", 20, 1, "not a Quiz Arcade save file");
    expect_damaged("", 0, 0, "empty");
    /* A changed byte breaks the checksum. */
    char *changed = strdup(text);
    char *at = strstr(changed, "score 12000");
    at[6] = '9';
    unsigned end_line = 0;
    for (const char *c = changed; *c; c++)
        end_line += *c == '\n';
    expect_damaged(changed, len, end_line, "checksum");
    free(changed);
    free(text);
    profile_free(p);
}

static void test_each_bad_record_is_reported_by_line(void **state)
{
    (void)state;
    static const struct { const char *record; const char *needle; } bad[] = {
        {"setting volume 101", "volume"},
        {"setting muted 2", "0 or 1"},
        {"setting timer sometimes", "timer"},
        {"setting colour blue", "unknown setting"},
        {"initials ab", "initials"},
        {"daily 2026-02-30", "daily"},
        {"level 4 1 100 1 Functions", "level record"},
        {"level 3 1 100 0 Functions", "level record"},
        {"level 3 1 100 1", "level record"},
        {"score 100 101 2026-01-01 ABC arcade", "score record"},
        {"score 0 50 2026-01-01 ABC arcade", "score record"},
        {"score 100 50 2026-01-01 ABC", "score record"},
        {"history 12 1 1 0 0 2026-01-01", "history record"},
        {"history 0123456789abcdef 1 1 0 0", "history record"},
        {"trophy gold", "unknown record"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        StrBuf t = {0};
        strbuf_printf(&t, "quizarcade-save 1\n# a comment\n%s\nend 1\n", bad[i].record);
        expect_damaged(t.data, t.len, 3, bad[i].needle);
        strbuf_free(&t);
    }
    /* Miscounted records, records after the end. */
    expect_damaged("quizarcade-save 1\ninitials ABC\nend 2\n", 37, 3, "count");
    expect_damaged("quizarcade-save 1\nend 0\ninitials ABC\n", 37, 3, "after the end");
    expect_damaged("quizarcade-save 1\ninitials ABC\n", 31, 3, "no end line");
}

static void test_hand_edited_file_without_checksum_loads(void **state)
{
    (void)state;
    const char *text = "quizarcade-save 1\r\n"
                       "setting volume 30\r\n"
                       "score 4242 80 2026-11-01 BOB level:Functions:1\r\n"
                       "daily 2026-11-02\r\n"
                       "daily 2026-11-03 daily:quiz.md\r\n"
                       "end 4\r\n";
    write_text(path, text, strlen(text));
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_LOADED);
    assert_int_equal(profile_settings(q)->volume, 30);
    const HighScore *e;
    assert_int_equal(profile_table(q, "level:Functions:1", &e), 1);
    assert_int_equal(e[0].score, 4242);
    /* A daily record names its table; without one, the shipped corpus's. */
    uint32_t day;
    profile_day_parse("2026-11-02", &day);
    assert_int_equal(profile_daily_day(q, "daily"), day);
    assert_int_equal(profile_daily_day(q, "daily:quiz.md"), day + 1);
    profile_free(q);
    diag_free(d);
}

/* Found by the save fuzzer: a stray CR before a CRLF ending stayed in the
 * table's name, and the name changed when the file was written again. */
static void test_stray_carriage_returns_do_not_change_names(void **state)
{
    (void)state;
    const char *text = "quizarcade-save 1\r\n"
                       "score 4242 80 2026-01-01 BOB level:Functions:1\r\r\n"
                       "level 2 1 4242 1 Functions\r\r\r\n"
                       "end 2\r\n";
    Profile *p = profile_new();
    Diagnostics *d = diag_new();
    assert_int_equal(save_parse("hand.txt", text, strlen(text), p, d), 0);
    const HighScore *e;
    assert_int_equal(profile_table(p, "level:Functions:1", &e), 1);
    StrBuf once = {0}, twice = {0};
    save_format(p, &once);
    assert_null(memchr(once.data, '\r', once.len));
    Profile *q = profile_new();
    assert_int_equal(save_parse("again", once.data, once.len, q, d), 0);
    save_format(q, &twice);
    assert_int_equal(once.len, twice.len);
    assert_memory_equal(once.data, twice.data, once.len);
    strbuf_free(&once);
    strbuf_free(&twice);
    profile_free(q);
    profile_free(p);
    diag_free(d);
}

static void test_backups_never_replace_each_other(void **state)
{
    (void)state;
    char backup[256];
    for (int i = 1; i <= 3; i++) {
        write_text(path, "nonsense\n", 9);
        Profile *q;
        Diagnostics *d = diag_new();
        assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_DAMAGED);
        char want[200];
        if (i == 1)
            snprintf(want, sizeof want, "%s.bak", path);
        else
            snprintf(want, sizeof want, "%s.bak.%d", path, i);
        assert_string_equal(backup, want);
        profile_free(q);
        diag_free(d);
    }
    for (int i = 1; i <= 3; i++) {
        char name[200];
        if (i == 1)
            snprintf(name, sizeof name, "%s.bak", path);
        else
            snprintf(name, sizeof name, "%s.bak.%d", path, i);
        assert_true(exists(name));
        unlink(name);
    }
}

/* The whole content of a file (NUL-terminated), or NULL when unreadable. */
static char *read_all(const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return NULL;
    StrBuf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_append(&b, chunk, n);
    fclose(f);
    strbuf_putc(&b, '\0');
    return strbuf_take(&b);
}

/* Backup name number i: FILE.bak for 0, FILE.bak.I otherwise. */
static void backup_name(char *out, size_t size, int i)
{
    if (i == 0)
        snprintf(out, size, "%s.bak", path);
    else
        snprintf(out, size, "%s.bak.%d", path, i);
}

/* The damaged file went aside as backup number i, whole, and is gone from
 * where it was. */
static void expect_kept_aside(const char *backup, int i, const char *damaged)
{
    char want[200];
    backup_name(want, sizeof want, i);
    assert_string_equal(backup, want);
    assert_false(exists(path));
    char *got = read_all(backup);
    assert_non_null(got);
    assert_string_equal(got, damaged);
    free(got);
}

/* With .bak and .bak.1 ... .bak.9 all present (the old code's limit, where
 * it replaced .bak.9), a damaged file goes to a new name, and no existing
 * backup changes. */
static void test_backups_past_nine_go_to_a_new_name_and_none_changes(void **state)
{
    (void)state;
    char name[200], content[64];
    for (int i = 0; i <= 9; i++) {
        backup_name(name, sizeof name, i);
        snprintf(content, sizeof content, "old backup %d\n", i);
        write_text(name, content, strlen(content));
    }
    const char damaged[] = "quizarcade-save 1\ninitials ZZZ\nend 7\n";
    write_text(path, damaged, sizeof damaged - 1);
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_DAMAGED);
    expect_kept_aside(backup, 10, damaged);
    char *got;
    for (int i = 0; i <= 9; i++) {
        backup_name(name, sizeof name, i);
        snprintf(content, sizeof content, "old backup %d\n", i);
        got = read_all(name);
        assert_non_null(got);
        assert_string_equal(got, content);
        free(got);
        unlink(name);
    }
    unlink(backup);
    profile_free(q);
    diag_free(d);
}

/* Files in the test folder. */
static size_t dir_entries(void)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* Without hard links the damaged file is copied to a name made
 * exclusively: the copy is whole, the original gone, and the existing
 * backups (.bak, .bak.2) unchanged; nothing else is left behind. */
static void test_backup_without_hard_links_never_replaces_one(void **state)
{
    (void)state;
    char name[200];
    backup_name(name, sizeof name, 0);
    write_text(name, "old backup\n", 11);
    backup_name(name, sizeof name, 2);
    write_text(name, "old backup 2\n", 13);
    const char damaged[] = "quizarcade-save 1\ninitials ZZZ\nend 7\n";
    write_text(path, damaged, sizeof damaged - 1);
    no_hard_links = 1;
    link_calls = 0;
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    SaveStatus st = save_load(path, &q, d, backup, sizeof backup);
    no_hard_links = 0;
    assert_true(link_calls > 0);
    assert_int_equal(st, SAVE_DAMAGED);
    expect_kept_aside(backup, 3, damaged);
    struct stat sb;
    assert_int_equal(stat(backup, &sb), 0);
    assert_int_equal(sb.st_mode & 077, 0); /* the player's data stays private */
    backup_name(name, sizeof name, 0);
    char *got = read_all(name);
    assert_string_equal(got, "old backup\n");
    free(got);
    unlink(name);
    backup_name(name, sizeof name, 2);
    got = read_all(name);
    assert_string_equal(got, "old backup 2\n");
    free(got);
    unlink(name);
    unlink(backup);
    assert_int_equal(dir_entries(), 0);
    profile_free(q);
    diag_free(d);
}

/* When every backup name is taken, nothing is replaced: the damaged file
 * stays where it is, SAVE_FAILED tells the caller to save nothing, and the
 * first message says why in one line. */
static void test_all_backup_names_taken_leaves_the_damaged_file_alone(void **state)
{
    (void)state;
    char name[200];
    for (int i = 0; i <= SAVE_BACKUP_MAX; i++) {
        if (i == 1)
            continue; /* .bak.1 is never made: .bak is the first */
        backup_name(name, sizeof name, i);
        write_text(name, "old\n", 4);
    }
    const char damaged[] = "quizarcade-save 1\ninitials ZZZ\nend 7\n";
    write_text(path, damaged, sizeof damaged - 1);
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256] = "unchanged";
    assert_int_equal(save_load(path, &q, d, backup, sizeof backup), SAVE_FAILED);
    assert_string_equal(backup, "");
    char *got = read_all(path);
    assert_non_null(got);
    assert_string_equal(got, damaged);
    free(got);
    assert_true(diag_count(d) >= 2);
    const Diag *first = diag_get(d, 0);
    assert_string_equal(first->file, path);
    assert_non_null(strstr(first->message, "cannot be kept aside"));
    assert_non_null(strstr(first->message, "all exist"));
    assert_non_null(strstr(first->message, "line 3")); /* the damage itself */
    assert_null(strchr(first->message, '\n'));
    /* The parse's own messages follow. */
    assert_int_equal(diag_get(d, 1)->line, 3);
    assert_string_equal(profile_initials(q), "AAA"); /* a fresh profile */
    backup_name(name, sizeof name, SAVE_BACKUP_MAX + 1);
    assert_false(exists(name));
    for (int i = 0; i <= SAVE_BACKUP_MAX; i++) {
        if (i == 1)
            continue;
        backup_name(name, sizeof name, i);
        got = read_all(name);
        assert_non_null(got);
        assert_string_equal(got, "old\n");
        free(got);
        unlink(name);
    }
    unlink(path);
    profile_free(q);
    diag_free(d);
}

static void test_unreadable_file_is_left_alone(void **state)
{
    (void)state;
    char sub[160];
    snprintf(sub, sizeof sub, "%s/save-dir-not-file", dir);
    mkdir(sub, 0755);
    Profile *q;
    Diagnostics *d = diag_new();
    char backup[256];
    assert_int_equal(save_load(sub, &q, d, backup, sizeof backup), SAVE_FAILED);
    assert_true(exists(sub));
    assert_true(diag_count(d) >= 1);
    profile_free(q);
    diag_free(d);
    rmdir(sub);
}

static void test_write_failure_is_reported(void **state)
{
    (void)state;
    Profile *p = profile_new();
    StrBuf err = {0};
    assert_int_equal(save_write("/nonexistent-dir/save.txt", p, &err), -1);
    assert_non_null(strstr(strbuf_str(&err), "cannot write"));
    strbuf_free(&err);
    profile_free(p);
}

static void test_history_is_capped_to_the_most_recent(void **state)
{
    (void)state;
    Profile *p = profile_new();
    for (uint32_t i = 0; i < SAVE_HISTORY_MAX + 500; i++)
        profile_history_record(p, 0x9000000000000000ull + i, 1, 0, 10000 + i);
    char *text = format(p);
    Profile *q = profile_new();
    Diagnostics *d = diag_new();
    assert_int_equal(save_parse("t", text, strlen(text), q, d), 0);
    assert_int_equal(profile_history_count(q), SAVE_HISTORY_MAX);
    assert_null(profile_history(q, 0x9000000000000000ull));           /* oldest dropped */
    assert_non_null(profile_history(q, 0x9000000000000000ull + SAVE_HISTORY_MAX + 499));
    free(text);
    diag_free(d);
    profile_free(q);
    profile_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_everything_round_trips),
        cmocka_unit_test(test_write_then_load_through_the_file),
        cmocka_unit_test(test_missing_file_is_a_fresh_start),
        cmocka_unit_test(test_damaged_files_are_kept_aside),
        cmocka_unit_test(test_each_bad_record_is_reported_by_line),
        cmocka_unit_test(test_hand_edited_file_without_checksum_loads),
        cmocka_unit_test(test_stray_carriage_returns_do_not_change_names),
        cmocka_unit_test(test_backups_never_replace_each_other),
        cmocka_unit_test(test_backups_past_nine_go_to_a_new_name_and_none_changes),
        cmocka_unit_test(test_backup_without_hard_links_never_replaces_one),
        cmocka_unit_test(test_all_backup_names_taken_leaves_the_damaged_file_alone),
        cmocka_unit_test(test_unreadable_file_is_left_alone),
        cmocka_unit_test(test_write_failure_is_reported),
        cmocka_unit_test(test_history_is_capped_to_the_most_recent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
