/* sl-apr's contract: only the rate on stdout; --verbose puts the bracket on
 * stderr; exit 2 naming the option for bad input; no root or an ambiguous one
 * is a message and a non-zero status, never a number. */
#include "cli_run.h"

static char *prog;

#define RUN(r, input, ...)                                   \
    do {                                                     \
        char *argv_[] = {prog, __VA_ARGS__, NULL};           \
        cli_run((r), argv_, (input));                        \
    } while (0)

/* Directive 98/7/EC example 1 from stdin, days/365. */
START_TEST(flows_from_stdin)
{
    static cli_result r;
    RUN(&r, "# drawn, repaid\n1994-01-01,1000\n\n1995-07-01,-1200\n", "--time", "days365");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "12.96\n");
    ck_assert_str_eq(r.err, "");
}
END_TEST

START_TEST(flows_from_file_and_options)
{
    static cli_result r;
    char path[] = "/tmp/sl-apr-testXXXXXX";
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    const char text[] = "2012-10-10,500.00\n2012-11-10,-270\n2012-12-10,-270,00\n";
    ck_assert(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    RUN(&r, NULL, "--time", "days365", path);
    unlink(path);
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "84.63\n");
    RUN(&r, NULL, "--flow", "2012-10-10:500", "--flow", "2012-10-15:-510", "--time",
        "days-actual", "--decimals", "2");
    ck_assert_str_eq(r.out, "326.12\n");
}
END_TEST

START_TEST(verbose_bracket_on_stderr)
{
    static cli_result r;
    RUN(&r, NULL, "--flow", "2020-01-01:1000", "--flow", "2021-01-01:-1123.45", "--verbose");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "12.35\n");
    ck_assert_msg(strstr(r.err, "exactly 12.345 %") != NULL, "%s", r.err);
    RUN(&r, NULL, "--flow", "2020-01-01:1000", "--flow", "2021-01-01:-1123.44", "--verbose");
    ck_assert_str_eq(r.out, "12.34\n");
    ck_assert_msg(strstr(r.err, "between 12.340 % and 12.345 %") != NULL, "%s", r.err);
}
END_TEST

START_TEST(no_root_is_not_a_number)
{
    static cli_result r;
    RUN(&r, NULL, "--flow", "2020-01-01:1000", "--flow", "2021-01-01:-900");
    ck_assert_int_ne(r.status, 0);
    ck_assert_int_ne(r.status, 2);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, "no effective rate") != NULL, "%s", r.err);
    RUN(&r, NULL, "--flow", "2020-01-01:1000", "--flow", "2021-01-01:900");
    ck_assert_int_ne(r.status, 0);
    ck_assert_str_eq(r.out, "");
    RUN(&r, NULL, "--flow", "2020-01-01:-1000", "--flow", "2021-01-01:2300", "--flow",
        "2022-01-01:-1320");
    ck_assert_int_ne(r.status, 0);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, "more than one") != NULL, "%s", r.err);
    RUN(&r, NULL, "--flow", "2020-01-01:1000", "--flow", "2021-01-01:-900", "--allow-negative");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "-10.00\n");
}
END_TEST

/* A drawdown and a payment on one date: the flows do change sign (it used
 * to say they never do); what is wrong is what is left once each date's
 * flows are added up, and the date is named. Where a rate is left, it is
 * the rate of the net flows. */
START_TEST(same_date_flows_say_what_is_wrong)
{
    static cli_result r;
    RUN(&r, NULL, "--flow", "2025-01-01:1000", "--flow", "2025-01-01:-1000");
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, "");
    ck_assert_str_eq(r.err, "sl-apr: no rate: on 2025-01-01, 1 000,00 kr received and 1 000,00 kr "
                            "paid add up to 0,00 kr; with each date's flows added up, money moves "
                            "on fewer than two dates\n");
    RUN(&r, "2025-01-01,1000\n2025-01-01,-1010\n2026-01-01,-5\n", "--lang", "nb");
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, "den 01.01.2025 blir 1\u00a0000,00\u00a0kr mottatt og "
                                "1\u00a0010,00\u00a0kr betalt til sammen -10,00\u00a0kr; "
                                "når kontantstrømmene på hver dato legges sammen, går pengene "
                                "bare én vei") &&
                      !strstr(r.err, "never"),
                  "%s", r.err);
    /* 900 drawn net on the first date, 1 000 repaid a year on: 11.11 % */
    RUN(&r, NULL, "--flow", "2025-01-01:1000", "--flow", "2025-01-01:-100", "--flow",
        "2026-01-01:-1000");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "11.11\n");
    /* money one way as given: the library's reason stands */
    RUN(&r, NULL, "--flow", "2025-01-01:1000", "--flow", "2025-01-01:500");
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "never change sign"), "%s", r.err);
}
END_TEST

/* A file as a spreadsheet exports it: the same flows as flows_from_file (84.63 %)
 * with a header, ';', Norwegian dates and amounts, CRLF, in cp1252, in UTF-8
 * with a byte-order mark, and in UTF-16 (they were refused), and a NUL byte
 * refused with its line (fgets cut the line there and read the rest as a flow). */
START_TEST(spreadsheet_exports_and_nul_bytes)
{
    static cli_result r;
    static const struct {
        const char *text;
        size_t len;
    } files[] = {
        {"Dato;Bel\xf8p\r\n10.10.2012;500,00\r\n10.11.2012;-270\r\n10.12.2012;kr -270,00\r\n", 0},
        {"\xef\xbb\xbf" "Dato;Bel\xc3\xb8p\n10.10.2012; 500,00\n10.11.2012 ;-270\n2012-12-10;-270\n", 0},
        {"\xff\xfe" "2\0" "0\0" "1\0" "2\0" "-\0" "1\0" "0\0" "-\0" "1\0" "0\0" ",\0" "5\0" "0\0" "0\0"
         "\n\0" "1\0" "0\0" ".\0" "1\0" "1\0" ".\0" "2\0" "0\0" "1\0" "2\0" ",\0" "-\0" "2\0" "7\0"
         "0\0" "\n\0" "1\0" "0\0" ".\0" "1\0" "2\0" ".\0" "2\0" "0\0" "1\0" "2\0" ",\0" "-\0" "2\0"
         "7\0" "0\0" "\n\0", 96},
        {"2012-10-10\t500\n2012-11-10\t-270\n2012-12-10\t-270\n", 0},
        /* Excel for Mac's "CSV (Macintosh)": a CR alone ends a line (it was one line) */
        {"Dato;Bel\xf8p\r10.10.2012;500,00\r10.11.2012;-270\r10.12.2012;kr -270,00\r", 0},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[64];
        exec_temp_file(path, files[i].text, files[i].len ? files[i].len : strlen(files[i].text));
        RUN(&r, NULL, "--time", "days365", path);
        unlink(path);
        ck_assert_msg(r.status == 0, "file %zu: %s", i, r.err);
        ck_assert_str_eq(r.out, "84.63\n");
    }
    static const char nul[] = "2012-10-10,500.00\n2012-11-10,-270\0" "99\n2012-12-10,-270\n";
    char path[64];
    exec_temp_file(path, nul, sizeof nul - 1);
    RUN(&r, NULL, "--time", "days365", path);
    unlink(path);
    exec_expect_usage_error(r.status, r.out, r.err, ":2: a NUL byte");
    /* lines are counted the same whatever ends them */
    static const char cr[] = "Dato;Bel\xf8p\r10.10.2012;500,00\r\r10.11.2012;-27O\r";
    exec_temp_file(path, cr, sizeof cr - 1);
    RUN(&r, NULL, "--time", "days365", path);
    unlink(path);
    exec_expect_usage_error(r.status, r.out, r.err, ":4 '10.11.2012;-27O'");
    /* the separator is the first flow's: a ';' later is not a second kind of line */
}
END_TEST

static void bad(const char *what, char *const argv[], const char *input)
{
    static cli_result r;
    cli_run(&r, argv, input);
    exec_expect_usage_error(r.status, r.out, r.err, what);
}

START_TEST(bad_input_exits_2)
{
    bad("--flow", (char *[]){prog, "--flow", "2020-01-01=1000", NULL}, NULL);
    bad("--flow", (char *[]){prog, "--flow", "2020-02-30:1000", NULL}, NULL);
    /* a date of the right shape that does not exist is told so (it was "not a
     * valid YYYY-MM-DD"), in a file too */
    bad("--flow '2020-02-30:1000': no such date (years 1900 to 9999",
        (char *[]){prog, "--flow", "2020-02-30:1000", NULL}, NULL);
    bad("stdin:1 '1899-12-31,1000': no such date (years 1900 to 9999",
        (char *[]){prog, NULL}, "1899-12-31,1000\n2021-01-01,-1100\n");
    bad("--flow", (char *[]){prog, "--flow", "2020-01-01:12.345", NULL}, NULL);
    bad("--time", (char *[]){prog, "--time", "weeks", NULL}, "");
    bad("--decimals", (char *[]){prog, "--decimals", "0", NULL}, "");
    bad("stdin:2", (char *[]){prog, NULL}, "2020-01-01,1000\n2021-01-01;-1100\n");
    bad("two cash flows", (char *[]){prog, NULL}, "2020-01-01,1000\n");
    bad("/nonexistent", (char *[]){prog, "/nonexistent/flows.csv", NULL}, NULL);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-apr\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli-sl-apr");
    TCase *tc = tcase_create("contract");
    tcase_add_test(tc, flows_from_stdin);
    tcase_add_test(tc, flows_from_file_and_options);
    tcase_add_test(tc, verbose_bracket_on_stderr);
    tcase_add_test(tc, no_root_is_not_a_number);
    tcase_add_test(tc, same_date_flows_say_what_is_wrong);
    tcase_add_test(tc, bad_input_exits_2);
    tcase_add_test(tc, spreadsheet_exports_and_nul_bytes);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
