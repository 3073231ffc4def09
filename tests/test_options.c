/* test_options.c - the command line (src/options.h).
 *
 * Pins: defaults; each command flag; options with values in both the
 * "--name VALUE" and "--name=VALUE" forms; number ranges (--seed is a full
 * 64-bit value, --level and --rounds positive, --timedemo positive); and the
 * errors: unknown option (named in the message), missing value, conflicting
 * commands, --windowed with --fullscreen. Also that --help lists every
 * option.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/strbuf.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Parses a NULL-terminated argument list after "quizarcade". The message,
 * if any, is left in err (caller frees). */
static int parse_args(Options *opts, StrBuf *err, const char *const *args)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = (char *)"quizarcade";
    for (size_t i = 0; args[i]; i++) {
        assert_true(argc < (int)COUNT(argv) - 1);
        argv[argc++] = (char *)args[i];
    }
    argv[argc] = NULL;
    return options_parse(argc, argv, opts, err);
}

/* Runs the parser; the message, if any, is copied to msg and the buffer
 * freed before anything is asserted (a failed assertion longjmps). */
static int parse_msg(Options *opts, const char *const *args, char *msg, size_t size)
{
    StrBuf err = {0};
    int rc = parse_args(opts, &err, args);
    snprintf(msg, size, "%s", strbuf_str(&err));
    strbuf_free(&err);
    return rc;
}

/* Expects success; returns the options. */
static Options parse_ok(const char *const *args)
{
    Options o;
    char msg[256];
    int rc = parse_msg(&o, args, msg, sizeof msg);
    if (rc != 0)
        print_error("unexpected error: %s\n", msg);
    assert_int_equal(rc, 0);
    assert_string_equal(msg, "");
    return o;
}

#define OK(...) parse_ok((const char *const[]){__VA_ARGS__, NULL})

/* Expects failure with a one-line message that contains needle. */
static void parse_fails(const char *const *args, const char *needle)
{
    Options o;
    char msg[256];
    assert_int_equal(parse_msg(&o, args, msg, sizeof msg), -1);
    assert_true(msg[0] != '\0');
    assert_null(strchr(msg, '\n'));
    if (needle && !strstr(msg, needle))
        fail_msg("message \"%s\" does not mention \"%s\"", msg, needle);
}

#define FAILS(needle, ...) parse_fails((const char *const[]){__VA_ARGS__, NULL}, (needle))

/* ---- defaults ---- */

static void test_defaults_without_arguments(void **state)
{
    (void)state;
    Options o = parse_ok((const char *const[]){NULL});
    assert_int_equal(o.command, CMD_PLAY);
    assert_int_equal(o.level, 1);
    assert_int_equal(o.rounds, 1);
    assert_null(o.corpus);
    assert_null(o.levels);
    assert_null(o.save_dir);
    assert_null(o.topic);
    assert_int_equal(o.seed_given, 0);
    assert_int_equal(o.windowed, 0);
    assert_int_equal(o.fullscreen, 0);
    assert_int_equal(o.mute, 0);
}

static void test_defaults_are_reset_on_each_parse(void **state)
{
    (void)state;
    Options o = OK("--check", "--seed", "7", "--mute");
    char *argv[] = {(char *)"quizarcade", NULL};
    StrBuf err = {0};
    int rc = options_parse(1, argv, &o, &err);
    strbuf_free(&err);
    assert_int_equal(rc, 0);
    assert_int_equal(o.command, CMD_PLAY);
    assert_int_equal(o.seed_given, 0);
    assert_int_equal(o.mute, 0);
}

/* ---- commands ---- */

static void test_each_command_flag_selects_its_command(void **state)
{
    (void)state;
    static const struct {
        const char *flag;
        Command command;
    } cases[] = {
        {"--list-topics", CMD_LIST_TOPICS}, {"--export-json", CMD_EXPORT_JSON},
        {"--check", CMD_CHECK},             {"--dump-rounds", CMD_DUMP_ROUNDS},
        {"--help", CMD_HELP},               {"--version", CMD_VERSION},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        Options o = OK(cases[i].flag);
        assert_int_equal(o.command, cases[i].command);
    }
}

static void test_timedemo_selects_command_and_stores_frames(void **state)
{
    (void)state;
    Options o = OK("--timedemo", "600");
    assert_int_equal(o.command, CMD_TIMEDEMO);
    assert_int_equal(o.frames, 600);
    o = OK("--timedemo=1");
    assert_int_equal(o.command, CMD_TIMEDEMO);
    assert_int_equal(o.frames, 1);
}

static void test_same_command_twice_is_accepted(void **state)
{
    (void)state;
    Options o = OK("--check", "--check");
    assert_int_equal(o.command, CMD_CHECK);
}

static void test_two_commands_conflict(void **state)
{
    (void)state;
    FAILS("--list-topics", "--check", "--list-topics");
    FAILS("--help", "--version", "--help");
    FAILS("--timedemo", "--export-json", "--timedemo", "10");
}

/* ---- options with values ---- */

static void test_corpus_with_separate_value(void **state)
{
    (void)state;
    Options o = OK("--corpus", "packs/python.md");
    assert_string_equal(o.corpus, "packs/python.md");
    assert_int_equal(o.command, CMD_PLAY);
}

static void test_corpus_with_equals_value(void **state)
{
    (void)state;
    Options o = OK("--corpus=packs/python.md");
    assert_string_equal(o.corpus, "packs/python.md");
    o = OK("--corpus=a=b.md"); /* only the first '=' separates */
    assert_string_equal(o.corpus, "a=b.md");
}

static void test_string_options_are_stored(void **state)
{
    (void)state;
    Options o = OK("--levels", "lv", "--save-dir=/tmp/save", "--topic", "OOP", "--dump-rounds");
    assert_string_equal(o.levels, "lv");
    assert_string_equal(o.save_dir, "/tmp/save");
    assert_string_equal(o.topic, "OOP");
    assert_int_equal(o.command, CMD_DUMP_ROUNDS);
}

static void test_string_option_rejects_empty_value(void **state)
{
    (void)state;
    FAILS("--corpus", "--corpus=");
    FAILS("--topic", "--topic", "");
}

static void test_missing_value_is_an_error(void **state)
{
    (void)state;
    FAILS("--corpus", "--corpus");
    FAILS("--seed", "--check", "--seed");
    FAILS("--timedemo", "--timedemo");
}

static void test_flag_with_value_is_an_error(void **state)
{
    (void)state;
    FAILS("--mute", "--mute=yes");
    FAILS("--check", "--check=1");
}

static void test_flags_are_set(void **state)
{
    (void)state;
    Options o = OK("--windowed", "--mute");
    assert_int_equal(o.windowed, 1);
    assert_int_equal(o.mute, 1);
    assert_int_equal(o.fullscreen, 0);
    o = OK("--fullscreen");
    assert_int_equal(o.fullscreen, 1);
    assert_int_equal(o.windowed, 0);
}

static void test_windowed_with_fullscreen_rejected(void **state)
{
    (void)state;
    FAILS("--windowed", "--windowed", "--fullscreen");
    FAILS("--fullscreen", "--fullscreen", "--windowed");
}

/* ---- numbers ---- */

static void test_seed_accepts_zero_and_max(void **state)
{
    (void)state;
    Options o = OK("--seed", "0");
    assert_int_equal(o.seed_given, 1);
    assert_true(o.seed == 0);
    o = OK("--seed=18446744073709551615");
    assert_int_equal(o.seed_given, 1);
    assert_true(o.seed == UINT64_MAX);
    o = OK("--seed", "12345");
    assert_true(o.seed == 12345);
}

static void test_seed_rejects_negative_fraction_and_overflow(void **state)
{
    (void)state;
    FAILS("-1", "--seed", "-1");
    FAILS("1.5", "--seed", "1.5");
    FAILS("184467440737095516160", "--seed", "184467440737095516160");
    FAILS("18446744073709551616", "--seed=18446744073709551616");
    FAILS("--seed", "--seed", "");
    FAILS("--seed", "--seed", "+5");
    FAILS("--seed", "--seed", "12abc");
}

static void test_level_and_rounds_accept_positive_numbers(void **state)
{
    (void)state;
    Options o = OK("--level", "3", "--rounds=20");
    assert_int_equal(o.level, 3);
    assert_int_equal(o.rounds, 20);
}

static void test_level_zero_rejected(void **state)
{
    (void)state;
    FAILS("--level", "--level", "0");
    FAILS("--rounds", "--rounds=0");
}

static void test_level_rejects_non_numbers(void **state)
{
    (void)state;
    FAILS("--level", "--level", "-2");
    FAILS("--level", "--level", "two");
    FAILS("--level", "--level", "99999999999999999999");
}

static void test_timedemo_needs_positive_number(void **state)
{
    (void)state;
    FAILS("--timedemo", "--timedemo", "0");
    FAILS("--timedemo", "--timedemo", "-5");
    FAILS("--timedemo", "--timedemo", "ten");
    FAILS("--timedemo", "--timedemo=");
}

/* ---- unknown options ---- */

static void test_unknown_option_names_it(void **state)
{
    (void)state;
    Options o;
    char msg[256];
    assert_int_equal(parse_msg(&o, (const char *const[]){"--check", "--frobnicate", NULL}, msg,
                               sizeof msg),
                     -1);
    assert_non_null(strstr(msg, "--frobnicate"));
}

static void test_unknown_option_with_value_names_it(void **state)
{
    (void)state;
    FAILS("--colour", "--colour=red");
}

static void test_prefix_of_option_is_not_accepted(void **state)
{
    (void)state;
    FAILS("--corp", "--corp", "x.md");
    FAILS("--check-all", "--check-all");
}

static void test_positional_argument_is_rejected(void **state)
{
    (void)state;
    FAILS("pack.md", "pack.md");
    FAILS("-h", "-h");
}

/* ---- help ---- */

static void test_help_lists_every_option(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    options_print_help(f);
    assert_int_equal(fclose(f), 0);
    char help[4096];
    int fits = size < sizeof help;
    snprintf(help, sizeof help, "%s", buf);
    free(buf); /* before asserting: a failure longjmps */
    assert_true(fits);
    static const char *const names[] = {
        "--corpus PATH", "--list-topics", "--export-json", "--check", "--dump-rounds",
        "--topic NAME",  "--level N",     "--seed S",      "--rounds R", "--levels DIR",
        "--save-dir DIR", "--timedemo FRAMES", "--windowed", "--fullscreen", "--mute",
        "--help",        "--version"};
    for (size_t i = 0; i < COUNT(names); i++)
        if (!strstr(help, names[i]))
            fail_msg("--help does not mention %s", names[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_without_arguments),
        cmocka_unit_test(test_defaults_are_reset_on_each_parse),
        cmocka_unit_test(test_each_command_flag_selects_its_command),
        cmocka_unit_test(test_timedemo_selects_command_and_stores_frames),
        cmocka_unit_test(test_same_command_twice_is_accepted),
        cmocka_unit_test(test_two_commands_conflict),
        cmocka_unit_test(test_corpus_with_separate_value),
        cmocka_unit_test(test_corpus_with_equals_value),
        cmocka_unit_test(test_string_options_are_stored),
        cmocka_unit_test(test_string_option_rejects_empty_value),
        cmocka_unit_test(test_missing_value_is_an_error),
        cmocka_unit_test(test_flag_with_value_is_an_error),
        cmocka_unit_test(test_flags_are_set),
        cmocka_unit_test(test_windowed_with_fullscreen_rejected),
        cmocka_unit_test(test_seed_accepts_zero_and_max),
        cmocka_unit_test(test_seed_rejects_negative_fraction_and_overflow),
        cmocka_unit_test(test_level_and_rounds_accept_positive_numbers),
        cmocka_unit_test(test_level_zero_rejected),
        cmocka_unit_test(test_level_rejects_non_numbers),
        cmocka_unit_test(test_timedemo_needs_positive_number),
        cmocka_unit_test(test_unknown_option_names_it),
        cmocka_unit_test(test_unknown_option_with_value_names_it),
        cmocka_unit_test(test_prefix_of_option_is_not_accepted),
        cmocka_unit_test(test_positional_argument_is_rejected),
        cmocka_unit_test(test_help_lists_every_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
