/* sl-plan's contract for a contract's life: the new options, the days /
 * rate / event columns, rule findings as warnings or (--strict) errors, and
 * bad values (exit 2, one line naming the option, nothing on stdout).
 * argv[1] is the program. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog;

typedef struct result {
    int status;
    char out[1 << 20];
    char err[8192];
} result;

static result res;

/* Run prog with the NULL-terminated arguments. */
static result *run(const char *first, ...)
{
    const char *argv[64];
    int argc = 0;
    argv[argc++] = prog;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *)) {
        ck_assert_int_lt(argc, 62);
        argv[argc++] = a;
    }
    va_end(ap);
    argv[argc] = NULL;
    fflush(stdout);
    exec_result e = exec_run(NULL, (char *const *)argv);
    res.status = e.status;
    exec_copy(res.out, sizeof res.out, e.out);
    exec_copy(res.err, sizeof res.err, e.err);
    exec_free(&e);
    return &res;
}

/* The CSV line of term `term` (1-based), copied into line. */
static const char *csv_row(const char *csv, int term, char *line, size_t size)
{
    const char *p = csv;
    for (int i = 0; i < term && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    ck_assert_ptr_nonnull(p);
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    ck_assert_uint_lt(n, size);
    memcpy(line, p, n);
    line[n] = '\0';
    return line;
}

/* Exit 2, nothing on stdout, one line on stderr naming the option. */
static void expect_usage_error(const char *option, result *r)
{
    exec_expect_usage_error(r->status, r->out, r->err, option);
}

#define LOAN "--amount", "1200000", "--rate", "4", "--years", "10"

START_TEST(header_keeps_its_prefix)
{
    result *r = run(LOAN, "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert(strncmp(r->out,
                      "term,due_date,opening_balance,interest,principal,fee,payment,"
                      "closing_balance,days,rate,event\n",
                      strlen("term,due_date,opening_balance,interest,principal,fee,payment,"
                             "closing_balance,days,rate,event\n")) == 0);
    char line[512];
    /* No dates: days empty, the rate, no event but the first amortisation. */
    ck_assert_str_eq(csv_row(r->out, 2, line, sizeof line),
                     "2,,1191850.58,3972.84,8176.58,0.00,12149.42,1183674.00,,4.000,");
    ck_assert_int_eq(count_lines(r->out), 121);
}
END_TEST

/* The case through the program: rate 5 % from the due date of
 * term 6; term 7 pays 1 150 694.20 × 0.05 / 12 = 4 794.56 and the new
 * annuity 12 700.79 (worked in test_plan.c). */
START_TEST(rate_change_on_due_date)
{
    result *r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2025-07-01:5",
                    "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    char line[512];
    ck_assert_str_eq(csv_row(r->out, 7, line, sizeof line),
                     "7,2025-08-01,1150694.20,4794.56,7906.23,0.00,12700.79,1142787.97,31,5.000,"
                     "amortised;rate-change");
    ck_assert_str_eq(csv_row(r->out, 6, line, sizeof line),
                     "6,2025-07-01,1158980.35,3863.27,8286.15,0.00,12149.42,1150694.20,30,4.000,");
}
END_TEST

START_TEST(json_rows_and_settlement)
{
    result *r = run(LOAN, "--payout-date", "2025-01-01", "--due-day", "20", "--extra",
                    "2025-06-20:100000", "--fixed", "3:4.5", "--repay-all", "2026-03-10",
                    "--market-rate", "3.9", "--margin", "0.25", "--format", "json", NULL);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_error_t jerr;
    json_t *root = json_loads(r->out, 0, &jerr);
    ck_assert_ptr_nonnull(root);
    json_t *rows = json_object_get(root, "schedule");
    json_t *first = json_array_get(rows, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(first, "days")), 50); /* 01-01 .. 02-20 */
    ck_assert_str_eq(json_string_value(json_object_get(first, "rate")), "4.750");
    json_t *ev = json_object_get(first, "event");
    ck_assert(json_is_array(ev));
    int broken = 0;
    for (size_t i = 0; i < json_array_size(ev); i++)
        broken |= strcmp(json_string_value(json_array_get(ev, i)), "broken-period") == 0;
    ck_assert(broken);
    size_t n = json_array_size(rows);
    json_t *last = json_array_get(rows, n - 1);
    ck_assert_str_eq(json_string_value(json_object_get(last, "due_date")), "2026-03-10");
    ck_assert_str_eq(json_string_value(json_object_get(last, "closing_balance")), "0.00");
    json_t *s = json_object_get(root, "settlement");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(json_string_value(json_object_get(s, "date")), "2026-03-10");
    ck_assert(json_integer_value(json_object_get(s, "break_months")) > 0);
    ck_assert(json_string_value(json_object_get(s, "break_cost"))[0] != '-'); /* 4.5 > 3.9 */
    json_decref(root);
}
END_TEST

/* 0 %: 120 000 over 12 terms; 30 000 extra with term 3 and `shorten`
 * ends the loan after 9 terms; without it, 12 terms. */
START_TEST(extra_shorten)
{
    result *r = run("--amount", "120000", "--rate", "0", "--terms", "12", "--payout-date",
                    "2025-01-01", "--extra", "2025-04-01:30000:shorten", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_int_eq(count_lines(r->out), 10);
    r = run("--amount", "120000", "--rate", "0", "--terms", "12", "--payout-date", "2025-01-01",
            "--extra", "2025-04-01:30000", "--format", "csv", NULL);
    ck_assert_int_eq(count_lines(r->out), 13);
    char line[512];
    ck_assert_str_eq(csv_row(r->out, 3, line, sizeof line),
                     "3,2025-04-01,100000.00,0.00,40000.00,0.00,40000.00,60000.00,31,0.000,"
                     "extra-payment");
}
END_TEST

/* Worked in test_plan.c: the payment holds, the loan ends with term 13. */
START_TEST(keeps_payment)
{
    result *r = run("--amount", "120000", "--rate", "0", "--terms", "12", "--payout-date",
                    "2025-01-01", "--rate-change", "2025-04-01:12", "--rate-change-keeps-payment",
                    "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_int_eq(count_lines(r->out), 14);
    char line[512];
    ck_assert_str_eq(csv_row(r->out, 13, line, sizeof line),
                     "13,2026-02-01,4746.40,47.46,4746.40,0.00,4793.86,0.00,31,12.000,last");
}
END_TEST

/* A leading sign is relative to the rate in force before the date: +3 on
 * 4 % is 7 %, then -0.5 is 6.5 % (the same rows as the absolute rates). */
START_TEST(relative_rate_change)
{
    char rel[1 << 16], line[512];
    result *r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2026-01-15:+3",
                    "--rate-change", "2027-01-01:-0,5", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_uint_lt(strlen(r->out), sizeof rel);
    strcpy(rel, r->out);
    ck_assert(strstr(csv_row(rel, 14, line, sizeof line), ",7.000,"));
    ck_assert(strstr(csv_row(rel, 26, line, sizeof line), ",6.500,"));
    r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2026-01-15:7",
            "--rate-change", "2027-01-01:6.5", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_str_eq(r->out, rel);
    r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2026-01-15:-5", NULL);
    expect_usage_error("--rate-change", r);
    r = run("--help", NULL);
    ck_assert(strstr(r->out, "D:+3"));
}
END_TEST

/* Options that lengthen the loan say so, with the new end date. */
START_TEST(lengthening_warns)
{
    result *r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2026-01-01:+3",
                    "--rate-change-keeps-payment", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->err, "warning") && strstr(r->err, "lengthens the loan from 120 to"),
                  "%s", r->err);
    r = run(LOAN, "--payout-date", "2025-01-01", "--interest-only", "13:12",
            "--interest-only-moves-end", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->err, "from 120 to 132 terms") && strstr(r->err, "2036-01-01"), "%s",
                  r->err);
    r = run(LOAN, "--payout-date", "2025-01-01", "--rate-change", "2026-01-01:-1",
            "--rate-change-keeps-payment", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_str_eq(r->err, ""); /* shorter: nothing to warn about */
    /* in the language asked for, as the web page shows it */
    r = run(LOAN, "--payout-date", "2025-01-01", "--interest-only", "13:12",
            "--interest-only-moves-end", "--format", "csv", "--lang", "nb", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->err, "advarsel: --interest-only-moves-end forlenger lånet fra 120 til "
                                 "132 terminer"),
                  "%s", r->err);
}
END_TEST

/* The warning that a rate history ends is one line in the language asked
 * for, whatever the history file is called (a newline in its name was
 * written as is and split the warning over two lines). */
START_TEST(history_end_warning_is_one_line)
{
    char dir[] = "/tmp/sl-history-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/rates\nx.txt", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("2025-01-01 4.5\n2025-03-01 gap\n", f);
    fclose(f);
    result *r = run("--amount", "100000", "--years", "1", "--payout-date", "2025-01-01",
                    "--rate-history", path, "--format", "csv", "--lang", "nb", NULL);
    unlink(path);
    rmdir(dir);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->err, "advarsel: rentehistorikken ") &&
                      strstr(r->err, "rates\\nx.txt slutter 2025-03-01"),
                  "%s", r->err);
    ck_assert_ptr_eq(strchr(r->err, '\n'), r->err + strlen(r->err) - 1);
}
END_TEST

/* Husbanken's two questions and the rate shock on sl-plan. */
START_TEST(payment_questions_and_shock)
{
    result *r = run("--amount", "1000000", "--rate", "5", "--payment", "8000", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->out, "repaid in 177 terms (14 years 9 terms)"), "%s", r->out);
    r = run("--amount", "1000000", "--rate", "5", "--payment", "8000", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_int_eq(count_lines(r->out), 178);
    ck_assert(strstr(r->err, "177 terms"));
    r = run("--amount", "1000000", "--rate", "5", "--payment", "4166.67", NULL);
    expect_usage_error("--payment", r);
    r = run("--amount", "1000000", "--rate", "5", "--years", "20", "--payment", "8000", NULL);
    expect_usage_error("--payment", r);
    r = run("--years", "25", "--rate", "4.64", "--term-fee", "30", "--payment", "11306.17",
            "--format", "json", NULL);
    ck_assert_int_eq(r->status, 0);
    json_error_t e;
    json_t *root = json_loads(r->out, 0, &e);
    ck_assert_ptr_nonnull(root);
    json_t *q = json_object_get(root, "largest_loan");
    ck_assert_str_eq(json_string_value(json_object_get(q, "max_amount")), "2000000.00");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "loan"), "amount")),
                     "2000000.00");
    json_decref(root);
    r = run(LOAN, "--rate-shock", "3", "--format", "json", NULL);
    ck_assert_int_eq(r->status, 0);
    root = json_loads(r->out, 0, &e);
    ck_assert_ptr_nonnull(root);
    json_t *s = json_object_get(root, "rate_shock");
    ck_assert_str_eq(json_string_value(json_object_get(s, "points")), "3.000");
    /* 1 200 000 kr, 10 years: 12 149,42 at 4 %, 13 933,02 at 7 % (13 933,0175…) (hand-worked annuity) */
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(s, "base"),
                                                       "first_payment")), "12149.42");
    ck_assert_str_eq(json_string_value(json_object_get(s, "first_payment")), "13933.02");
    json_decref(root);
    r = run(LOAN, "--rate-shock", "3", NULL);
    ck_assert(strstr(r->out, "Rate shock"));
    /* the fee lent too: the plan runs on 1 200 600, the payout is 1 200 000 */
    r = run(LOAN, "--establishment-fee", "600", "--establishment-fee-financed", "--format",
            "json", NULL);
    ck_assert_int_eq(r->status, 0);
    root = json_loads(r->out, 0, &e);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "loan"), "amount")),
                     "1200600.00");
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_object_get(root, "establishment_fee_financed"), "payout")),
                     "1200000.00");
    json_decref(root);
}
END_TEST

START_TEST(findings_warn_or_fail)
{
    result *r = run("--amount", "1200000", "--rate", "4", "--years", "40", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert(strstr(r->err, "warning") && strstr(r->err, "30 years"));
    ck_assert_int_eq(count_lines(r->out), 481);
    r = run("--amount", "1200000", "--rate", "4", "--years", "40", "--strict", NULL);
    ck_assert_int_eq(r->status, 2);
    ck_assert_str_eq(r->out, "");
    ck_assert(strstr(r->err, "error") && strstr(r->err, "30 years"));
    r = run("--amount", "1200000", "--rate", "4", "--years", "40", "--special-case", "--strict",
            "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_str_eq(r->err, "");
    r = run(LOAN, "--margin", "0.3", "--strict", NULL);
    ck_assert_int_eq(r->status, 2);
    ck_assert(strstr(r->err, "0.25"));
    r = run(LOAN, "--terms-per-year", "2", "--interest-only", "2:17", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert(strstr(r->err, "household") && strstr(r->err, "8 years"));
    r = run(LOAN, "--terms-per-year", "2", "--borrower", "kommune", "--strict", "--format", "csv",
            NULL);
    ck_assert_int_eq(r->status, 0);
    r = run(LOAN, "--payout-date", "2025-01-01", "--fixed", "20:4", NULL);
    ck_assert(strstr(r->err, "warning") && strstr(r->err, "fixed"));
}
END_TEST

/* Interest-only windows that move the end past 50 years: refused naming
 * what was typed (--years or --terms, the windows) and why, never the
 * lengthened count ("--terms '720'") nobody typed. */
START_TEST(moved_end_past_50_years_names_what_was_typed)
{
    result *r = run("--amount", "1000000", "--rate", "5", "--years", "50", "--interest-only",
                    "1:120", "--interest-only-moves-end", NULL);
    expect_usage_error("--interest-only 1:120 with --interest-only-moves-end: the 120 "
                       "interest-only terms lengthen --years 50 to 720 terms, longer than 50 "
                       "years (600 terms at 12 a year)\n",
                       r);
    ck_assert_msg(!strstr(r->err, "'720'") && !strstr(r->err, "--terms"), "%s", r->err);
    r = run("--amount", "1000000", "--rate", "5", "--terms", "590", "--interest-only", "1:6",
            "--interest-only", "30:6", "--interest-only-moves-end", NULL);
    expect_usage_error("--interest-only 1:6, 30:6 with --interest-only-moves-end: the 12 "
                       "interest-only terms lengthen --terms 590 to 602 terms",
                       r);
    r = run("--amount", "1000000", "--rate", "5", "--years", "50", "--terms-per-year", "4",
            "--interest-only", "1:1", "--interest-only-moves-end", "--lang", "nb", NULL);
    expect_usage_error("--interest-only 1:1 med --interest-only-moves-end: de 1 avdragsfrie "
                       "terminene forlenger --years 50 til 201 terminer, lenger enn 50 år (200 "
                       "terminer med 4 i året)",
                       r);
    /* at the limit: 49 years and 12 moved terms make 600, a plan */
    r = run("--amount", "1000000", "--rate", "5", "--years", "49", "--interest-only", "1:12",
            "--interest-only-moves-end", "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
    ck_assert_msg(strstr(r->out, "\n600,") && !strstr(r->out, "\n601,"), "%s", r->err);
    /* without moving the end the windows stay inside the 50 years */
    r = run("--amount", "1000000", "--rate", "5", "--years", "50", "--interest-only", "1:120",
            "--format", "csv", NULL);
    ck_assert_int_eq(r->status, 0);
}
END_TEST

START_TEST(bad_values_name_the_option)
{
    const char *P = "--payout-date", *PD = "2025-01-01";
    expect_usage_error("--due-day", run(LOAN, P, PD, "--due-day", "29", NULL));
    expect_usage_error("--due-day", run(LOAN, P, PD, "--due-day", "x", NULL));
    expect_usage_error("--first-due", run(LOAN, P, PD, "--first-due", "2025-13-01", NULL));
    expect_usage_error("--first-due", run(LOAN, P, PD, "--first-due", "2024-12-01", NULL));
    expect_usage_error("--day-count", run(LOAN, P, PD, "--day-count", "30e360", NULL));
    expect_usage_error("--rate-change", run(LOAN, P, PD, "--rate-change", "2025-03-01", NULL));
    expect_usage_error("--rate-change", run(LOAN, P, PD, "--rate-change", "2025-02-30:5", NULL));
    expect_usage_error("--rate-change", run(LOAN, P, PD, "--rate-change", "2025-03-01:101", NULL));
    expect_usage_error("--rate-change", run(LOAN, P, PD, "--rate-change", "2040-03-01:5", NULL));
    expect_usage_error("--fixed", run(LOAN, P, PD, "--fixed", "4:3", NULL));
    expect_usage_error("--fixed", run(LOAN, P, PD, "--fixed", "5:x", NULL));
    expect_usage_error("--fixed", run(LOAN, P, PD, "--fixed", "5:4:tomorrow", NULL));
    expect_usage_error("--interest-only", run(LOAN, "--interest-only", "3", NULL));
    expect_usage_error("--interest-only", run(LOAN, "--interest-only", "0:3", NULL));
    expect_usage_error("--interest-only", run(LOAN, "--interest-only", "100:30", NULL));
    expect_usage_error("--extra", run(LOAN, P, PD, "--extra", "2025-03-01:-5", NULL));
    expect_usage_error("--extra", run(LOAN, P, PD, "--extra", "2025-03-01:100:later", NULL));
    expect_usage_error("--extra", run(LOAN, P, PD, "--extra", "2025-01-01:100", NULL));
    expect_usage_error("--repay-all", run(LOAN, P, PD, "--repay-all", "soon", NULL));
    expect_usage_error("--margin", run(LOAN, "--margin", "abc", NULL));
    expect_usage_error("--market-rate", run(LOAN, P, PD, "--market-rate", "200", NULL));
    expect_usage_error("--market-rate",
                       run(LOAN, P, PD, "--fixed", "5:4", "--repay-all", "2026-01-01", NULL));
    expect_usage_error("--borrower", run(LOAN, "--borrower", "person", NULL));
    /* Options that need dates say so. */
    const char *dated[][2] = {{"--due-day", "1"},
                              {"--first-due", "2025-02-01"},
                              {"--rate-change", "2025-02-01:5"},
                              {"--fixed", "5:4"},
                              {"--extra", "2025-02-01:100"},
                              {"--repay-all", "2025-02-01"}};
    for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
        result *r = run(LOAN, dated[i][0], dated[i][1], NULL);
        expect_usage_error(dated[i][0], r);
        ck_assert_msg(strstr(r->err, "--payout-date") != NULL, "%s", r->err);
    }
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-plan\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli-contracts");
    TCase *tc = tcase_create("life");
    tcase_add_test(tc, header_keeps_its_prefix);
    tcase_add_test(tc, rate_change_on_due_date);
    tcase_add_test(tc, json_rows_and_settlement);
    tcase_add_test(tc, extra_shorten);
    tcase_add_test(tc, keeps_payment);
    tcase_add_test(tc, findings_warn_or_fail);
    tcase_add_test(tc, relative_rate_change);
    tcase_add_test(tc, lengthening_warns);
    tcase_add_test(tc, history_end_warning_is_one_line);
    tcase_add_test(tc, payment_questions_and_shock);
    tcase_add_test(tc, bad_values_name_the_option);
    tcase_add_test(tc, moved_end_past_50_years_names_what_was_typed);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
