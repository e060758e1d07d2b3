/* The programs' language: --lang nb|nn|en, the locale (LANG, LC_ALL …) when
 * no --lang is given, English without either, and --lang working whether or
 * not the machine has the nb_NO/nn_NO locales generated (the catalogues come
 * from the build tree, SL_LOCALEDIR). argv: every program. */
#include "cli_run.h"

static char **progs;
static int n_progs;

/* Run prog with an environment: env ... prog args (NULL-terminated). */
static void run_env(cli_result *r, const char *const *env, char *const *args)
{
    char *argv[32];
    int n = 0;
    argv[n++] = "/usr/bin/env";
    argv[n++] = "-u";
    argv[n++] = "LC_ALL";
    argv[n++] = "-u";
    argv[n++] = "LC_MESSAGES";
    argv[n++] = "-u";
    argv[n++] = "LANGUAGE";
    argv[n++] = "-u";
    argv[n++] = "LANG";
    for (; env && *env; env++)
        argv[n++] = (char *)*env;
    for (; *args; args++)
        argv[n++] = *args;
    argv[n] = NULL;
    ck_assert(n < 32);
    cli_run(r, argv, NULL);
}

START_TEST(lang_option_chooses_the_language_of_errors)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, NULL, (char *[]){p, "--lang", "nb", "--no-such-option", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "ukjent valg «--no-such-option»"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--no-such-option", "--lang=nn", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "ukjent val «--no-such-option»"), "%s: %s", p, r.err);
    ck_assert_msg(strstr(r.err, "sjå «"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--lang", "en", "--no-such-option", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such-option");
    ck_assert_msg(strstr(r.err, "unknown option '--no-such-option'"), "%s: %s", p, r.err);
}
END_TEST

START_TEST(locale_chooses_without_lang)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, (const char *[]){"LANG=nb_NO.UTF-8", NULL}, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "ukjent valg"), "%s: %s", p, r.err);
    run_env(&r, (const char *[]){"LC_ALL=nn_NO.UTF-8", "LANG=en_GB.UTF-8", NULL},
            (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "ukjent val "), "%s: %s", p, r.err);
    /* --lang wins over the locale */
    run_env(&r, (const char *[]){"LANG=nb_NO.UTF-8", NULL},
            (char *[]){p, "--lang", "en", "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    /* the C locale, or none: English, whatever LANGUAGE says (as gettext) */
    run_env(&r, (const char *[]){"LANG=C", "LANGUAGE=nb", NULL}, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    run_env(&r, NULL, (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
    run_env(&r, (const char *[]){"LC_ALL=C", "LANG=nb_NO.UTF-8", NULL},
            (char *[]){p, "--no-such", NULL});
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
}
END_TEST

START_TEST(unknown_language_is_a_usage_error)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, NULL, (char *[]){p, "--lang", "de", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang 'de'");
    run_env(&r, NULL, (char *[]){p, "--lang=", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    run_env(&r, NULL, (char *[]){p, "--lang", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    run_env(&r, NULL, (char *[]){p, "--lang", "nb\x1b[2J", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--lang");
    ck_assert_msg(strchr(r.err, '\x1b') == NULL, "escape sequence copied to stderr");
}
END_TEST

START_TEST(missing_catalogues_fall_back_to_english)
{
    static cli_result r;
    char *p = progs[_i];
    run_env(&r, (const char *[]){"SL_LOCALEDIR=/nonexistent", NULL},
            (char *[]){p, "--lang", "nb", "--no-such", NULL});
    exec_expect_usage_error(r.status, r.out, r.err, "--no-such");
    ck_assert_msg(strstr(r.err, "unknown option"), "%s: %s", p, r.err);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROGRAM...\n", argv[0]);
        return 2;
    }
    progs = argv + 1;
    n_progs = argc - 1;
    Suite *s = suite_create("cli_i18n");
    TCase *tc = tcase_create("language");
    tcase_add_loop_test(tc, lang_option_chooses_the_language_of_errors, 0, n_progs);
    tcase_add_loop_test(tc, locale_chooses_without_lang, 0, n_progs);
    tcase_add_loop_test(tc, unknown_language_is_a_usage_error, 0, n_progs);
    tcase_add_loop_test(tc, missing_catalogues_fall_back_to_english, 0, n_progs);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
