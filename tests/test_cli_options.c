/* The one-line error contract of every program: a bad option or value gets
 * exit status 2, nothing on stdout, and exactly one line on stderr naming the
 * option, with control characters in the echoed value escaped. Options are
 * accepted by their full names only: a cut-short name is refused with the
 * name to write, an ambiguous one lists the candidates.
 * argv[1..7]: sl-plan sl-rate sl-apr sl-capacity sl-audit sl-portfolio
 * sl-rent-to-own. */
#include "cli_exec.h"
#include "testutil.h"

enum { PLAN, RATE, APR, CAPACITY, AUDIT, PORTFOLIO, RENT_TO_OWN, PROGRAMS };

static const char *progs[PROGRAMS];

/* The options of each program that take a value, as its --help names them. */
static const char *const value_options[PROGRAMS][40] = {
    [PLAN] = {"--amount", "--rate", "--years", "--terms", "--terms-per-year", "--type",
              "--interest-only-terms", "--term-fee", "--establishment-fee", "--round-to",
              "--rounding", "--payout-date", "--format", "--due-day", "--first-due",
              "--day-count", "--rate-change", "--fixed", "--interest-only", "--extra",
              "--repay-all", "--market-rate", "--margin", "--borrower", NULL},
    [RATE] = {"--effective", "--nominal", "--terms-per-year", "--decimals", "--rounding", NULL},
    [APR] = {"--flow", "--time", "--decimals", NULL},
    [CAPACITY] = {"--adults", "--children-0-5", "--children-6-10", "--children-11-17",
                  "--income", "--fixed-costs", "--maintenance", "--living-costs", "--date",
                  "--policy-rate", "--stress-add", "--loan", "--step", "--cofinancing-payment",
                  "--years", "--terms", "--terms-per-year", "--type",
                  "--interest-only-terms", "--term-fee", "--round-to", "--rounding", "--format",
                  NULL},
    [AUDIT] = {"--tolerance", "--amount", "--rate", "--years", "--terms", "--terms-per-year",
               "--type", "--interest-only-terms", "--term-fee", "--establishment-fee",
               "--round-to", "--rounding", "--payout-date", "--format", "--due-day",
               "--first-due", "--day-count", "--rate-change", "--fixed", "--interest-only",
               "--extra", "--repay-all", "--market-rate", "--margin", "--borrower", NULL},
    [PORTFOLIO] = {"--as-of", "--from", "--to", "--on-error", "--format", NULL},
    [RENT_TO_OWN] = {"--price", "--rent-months", "--rent", "--rate", "--format", NULL},
};

/* Run prog with the arguments (NULL-terminated); expect the usage-error
 * contract with one line on stderr containing every string in want. */
static void expect_one_line(int prog, const char *const *args, const char *const *want)
{
    char *argv[16];
    int k = 0;
    argv[k++] = (char *)progs[prog];
    for (int i = 0; args[i]; i++)
        argv[k++] = (char *)args[i];
    argv[k] = NULL;
    exec_result r = exec_run(NULL, argv);
    exec_expect_usage_error(r.status, r.out, r.err, want[0]);
    ck_assert_msg(count_lines(r.err) == 1, "%s %s: %d lines on stderr: %s", progs[prog], args[0],
                  count_lines(r.err), r.err);
    for (int i = 1; want[i]; i++)
        ck_assert_msg(strstr(r.err, want[i]) != NULL, "%s %s: stderr lacks '%s': %s",
                      progs[prog], args[0], want[i], r.err);
    exec_free(&r);
}

/* A value of 300 characters names its option (it once said "option value
 * '…': too long" for every option of the contract's life). */
START_TEST(a_long_value_names_its_option)
{
    char value[301];
    memset(value, '7', 300);
    value[300] = '\0';
    value[0] = 'x'; /* never a valid number either */
    for (int p = 0; p < PROGRAMS; p++)
        for (int i = 0; value_options[p][i]; i++) {
            const char *args[] = {value_options[p][i], value, NULL};
            char quoted[64];
            snprintf(quoted, sizeof quoted, "%s '", value_options[p][i]);
            const char *want[] = {quoted, NULL};
            expect_one_line(p, args, want);
        }
}
END_TEST

/* A newline, a carriage return, a tab or an escape sequence in a value is
 * echoed escaped, so stderr stays one line and the terminal is left alone. */
START_TEST(control_characters_are_escaped)
{
    static const struct {
        const char *value, *shown;
    } cases[] = {
        {"12\n3", "12\\n3"},
        {"x1\r\n", "x1\\r\\n"},
        {"x\t5", "x\\t5"},
        {"\x1b[31mred", "\\x1B[31mred"},
        {"x\x7f", "x\\x7F"},
    };
    for (int p = 0; p < PROGRAMS; p++)
        for (int i = 0; value_options[p][i]; i++)
            for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
                const char *args[] = {value_options[p][i], cases[c].value, NULL};
                const char *want[] = {value_options[p][i], cases[c].shown, NULL};
                expect_one_line(p, args, want);
            }
    /* in an option's name too */
    const char *args[] = {"--amount\n", NULL};
    const char *want[] = {"unknown option '--amount\\n'", NULL};
    expect_one_line(PLAN, args, want);
}
END_TEST

/* Each bad option gets the message for what is wrong with it: none of these
 * "needs a value". */
START_TEST(each_bad_option_gets_its_own_message)
{
    static const struct {
        const char *args[4];
        const char *want[4];
    } cases[] = {
        {{"-x", NULL}, {"unknown option '-x'", NULL}},
        {{"-", "--amount", "5", NULL}, {"unexpected argument '-'", NULL}},
        {{"--help=x", NULL}, {"--help takes no value", NULL}},
        {{"--version=", NULL}, {"--version takes no value", NULL}},
        {{"--strict=1", NULL}, {"--strict takes no value", NULL}},
        {{"--colour", "red", NULL}, {"unknown option '--colour'", NULL}},
        {{"--colour=red", NULL}, {"unknown option '--colour'", NULL}},
        {{"--amount", NULL}, {"--amount needs a value", NULL}},
        {{"--rate", "4", "--amount", NULL}, {"--amount needs a value", NULL}},
        /* an ambiguous prefix lists the candidates */
        {{"--r", "5", NULL}, {"option '--r' is ambiguous", "--rate, ", "--rounding"}},
        {{"--round=ore", NULL}, {"option '--round' is ambiguous", "--round-to, --rounding"}},
        /* a unique prefix is refused with the full name to write */
        {{"--am", "5", NULL}, {"option '--am' is cut short", "write --amount in full"}},
        {{"--strict-", NULL}, {"unknown option '--strict-'", NULL}},
        /* a bad option after an operand is found too */
        {{"extra", "--amoun", "5", NULL}, {"--amoun", NULL}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_one_line(PLAN, cases[i].args, cases[i].want);
    /* every program, the same way */
    for (int p = 0; p < PROGRAMS; p++) {
        const char *a1[] = {"-h", NULL}, *w1[] = {"unknown option '-h'", NULL};
        const char *a2[] = {"--help=yes", NULL}, *w2[] = {"--help takes no value", NULL};
        const char *a3[] = {"--vers", NULL}, *w3[] = {"write --version in full", NULL};
        expect_one_line(p, a1, w1);
        expect_one_line(p, a2, w2);
        expect_one_line(p, a3, w3);
        const char *a4[] = {value_options[p][0], NULL};
        char needs[64];
        snprintf(needs, sizeof needs, "%s needs a value", value_options[p][0]);
        const char *w4[] = {needs, NULL};
        expect_one_line(p, a4, w4);
    }
}
END_TEST

/* Options after "--" are operands, and an option is never taken as the
 * value of the option before it (a lender named "--amount=5", a PDF written
 * to a file named "--format"): such a value is written --name=VALUE. */
START_TEST(values_and_operands_are_not_options)
{
    const char *a1[] = {"--", "--amount", NULL}, *w1[] = {"unexpected argument '--amount'", NULL};
    expect_one_line(PLAN, a1, w1);
    const char *a2[] = {"--amount", "--rate", NULL},
                *w2[] = {"--amount needs a value, not the option '--rate'", "--amount=VALUE", NULL};
    expect_one_line(PLAN, a2, w2);
    const char *a3[] = {"--output", "--format", "pdf", NULL},
                *w3[] = {"--output needs a value, not the option '--format'", NULL};
    expect_one_line(PLAN, a3, w3);
    const char *a4[] = {"--lender", "--amount=5", NULL},
                *w4[] = {"--lender needs a value, not the option '--amount=5'", NULL};
    expect_one_line(PLAN, a4, w4);
    /* written with '=', a value may start with -- (and then it is checked as a value) */
    const char *a5[] = {"--amount=--rate", NULL}, *w5[] = {"--amount '--rate'", NULL};
    expect_one_line(PLAN, a5, w5);
    /* and a full command line still works */
    char *argv[] = {(char *)progs[PLAN], "--amount", "100000", "--rate", "4", "--years=2",
                    "--format", "csv", NULL};
    exec_result r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_int_eq(count_lines(r.out), 25);
    exec_free(&r);
}
END_TEST

/* A file that cannot be opened names the option that gave it. */
START_TEST(an_unreadable_file_names_its_option)
{
    const char *a1[] = {"--plan", "/nonexistent/plan\n.csv", NULL};
    const char *w1[] = {"--plan '/nonexistent/plan\\n.csv': cannot open", NULL};
    expect_one_line(AUDIT, a1, w1);
    const char *a2[] = {"--loans", "/nonexistent/book.csv", "--as-of", "2025-12-31", NULL};
    const char *w2[] = {"--loans '/nonexistent/book.csv': cannot open", NULL};
    expect_one_line(PORTFOLIO, a2, w2);
}
END_TEST

/* stdout of prog with args; fails the test when it does not exit 0. */
static char *output_of(int prog, const char *const *args)
{
    exec_result r = exec_run_args(progs[prog], args);
    ck_assert_msg(r.status == 0, "%s %s %s: exit %d: %s", progs[prog], args[0], args[1], r.status,
                  r.err);
    char *out = r.out;
    r.out = NULL;
    exec_free(&r);
    return out;
}

/* An amount or a date as a family copies it from an ad, a bank's page or a
 * Norwegian form gives the same answer as the plain spelling; text that could
 * mean two amounts is still refused; the reason is in the user's language. */
START_TEST(amounts_and_dates_as_people_write_them)
{
    static const char *const amounts[] = {"kr 3 800 000", "3 800 000 kr", "3.800.000",
                                          "NOK 3 800 000", "3 800 000,00", "3 800 000,-",
                                          "kr 3 800 000,-", "3.800.000,-", "kr 3 800 000,\xE2\x80\x93"};
    const char *plain[] = {"--amount=3800000", "--rate=4,64", "--years=25", "--format=json", NULL};
    char *want = output_of(PLAN, plain);
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        char option[64];
        snprintf(option, sizeof option, "--amount=%s", amounts[i]);
        const char *args[] = {option, "--rate=4,64", "--years=25", "--format=json", NULL};
        char *got = output_of(PLAN, args);
        ck_assert_msg(strcmp(got, want) == 0, "%s: another plan", option);
        free(got);
    }
    free(want);
    const char *a1[] = {"--amount=1.469", "--rate=4", "--years=25", NULL};
    const char *w1[] = {"--amount '1.469'", NULL};
    expect_one_line(PLAN, a1, w1);
    const char *a1b[] = {"--amount=2,000,000", "--rate=4", "--years=25", NULL};
    const char *w1b[] = {"--amount '2,000,000'", NULL};
    expect_one_line(PLAN, a1b, w1b);
    /* ",-" says whole kroner: a comma before it could group thousands or mark decimals */
    const char *a1c[] = {"--amount=1,469,-", "--rate=4", "--years=25", "--lang=nb", NULL};
    const char *w1c[] = {"--amount '1,469,-': tvetydig", NULL};
    expect_one_line(PLAN, a1c, w1c);
    const char *a1d[] = {"--term-fee=30,-", "--amount=1 469,-", "--rate=4", "--years=1",
                         "--format=json", NULL};
    const char *a1e[] = {"--term-fee=30", "--amount=1469", "--rate=4", "--years=1",
                         "--format=json", NULL};
    want = output_of(PLAN, a1e);
    char *got_whole = output_of(PLAN, a1d);
    ck_assert_str_eq(got_whole, want);
    free(got_whole);
    free(want);

    const char *iso[] = {"--adults=2",        "--income=62 000", "--date=2024-03-01",
                         "--policy-rate=4,5", "--max-loan",      "--format=json", NULL};
    const char *norwegian[] = {"--adults=2",        "--income=62 000", "--date=01.03.2024",
                               "--policy-rate=4,5", "--max-loan",      "--format=json", NULL};
    const char *short_form[] = {"--adults=2",        "--income=62 000", "--date=1.3.2024",
                                "--policy-rate=4,5", "--max-loan",      "--format=json", NULL};
    want = output_of(CAPACITY, iso);
    char *got = output_of(CAPACITY, norwegian), *got2 = output_of(CAPACITY, short_form);
    ck_assert_str_eq(got, want);
    ck_assert_str_eq(got2, want);
    free(want);
    free(got);
    free(got2);
    const char *a2[] = {"--adults=2", "--income=62000", "--date=01.03.24", "--policy-rate=4,5",
                        NULL};
    const char *w2[] = {"--date '01.03.24'", "DD.MM.YYYY", NULL};
    expect_one_line(CAPACITY, a2, w2);

    /* the library's reason, in Norwegian (bokmål and nynorsk) */
    const char *a3[] = {"--amount=2x", "--rate=4", "--years=25", "--lang=nb", NULL};
    const char *w3[] = {"--amount '2x': uventede tegn (forventet f.eks. 2 000 000,50)", NULL};
    expect_one_line(PLAN, a3, w3);
    const char *a4[] = {"--adults=2", "--income=62000", "--date=2024/03/01", "--policy-rate=4,5",
                        "--lang=nn", NULL};
    const char *w4[] = {"--date '2024/03/01': venta ein dato som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD",
                        NULL};
    expect_one_line(CAPACITY, a4, w4);
}
END_TEST

static Suite *cli_options_suite(void)
{
    Suite *s = suite_create("cli-options");
    TCase *tc = tcase_create("errors");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, a_long_value_names_its_option);
    tcase_add_test(tc, control_characters_are_escaped);
    tcase_add_test(tc, each_bad_option_gets_its_own_message);
    tcase_add_test(tc, values_and_operands_are_not_options);
    tcase_add_test(tc, an_unreadable_file_names_its_option);
    tcase_add_test(tc, amounts_and_dates_as_people_write_them);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 1 + PROGRAMS) {
        fprintf(stderr, "usage: %s SL-PLAN SL-RATE SL-APR SL-CAPACITY SL-AUDIT SL-PORTFOLIO "
                        "SL-RENT-TO-OWN\n",
                argv[0]);
        return 2;
    }
    for (int i = 0; i < PROGRAMS; i++)
        progs[i] = argv[1 + i];
    return run_suite(cli_options_suite());
}
