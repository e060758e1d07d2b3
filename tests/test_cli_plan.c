/* sl-plan's contract with its users: formats, the built-in example, and refusals. */
#include <stdarg.h>

#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog;

/* Run sl-plan with up to 12 arguments (a NULL ends the list). */
static exec_result run_list(const char *first, ...)
{
    char *argv[14] = {(char *)prog};
    va_list ap;
    va_start(ap, first);
    int n = 1;
    for (const char *a = first; a && n < 13; a = va_arg(ap, const char *))
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    return exec_run(NULL, argv);
}
#define SL_PLAN(...) run_list(__VA_ARGS__, NULL)

START_TEST(builtin_example_runs_and_says_so)
{
    exec_result r = run_list(NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.err, "built-in example"));
    ck_assert_ptr_nonnull(strstr(r.out, "2 000 000,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "4,640 %"));
    ck_assert_ptr_nonnull(strstr(r.out, "Total paid"));
    exec_free(&r);
}
END_TEST

START_TEST(csv_has_the_contract_header_and_plain_amounts)
{
    exec_result r = SL_PLAN("--amount", "2 000 000", "--rate", "4,64", "--years", "25", "--format",
                        "csv");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.err, "");
    ck_assert_int_eq(count_lines(r.out), 301);
    ck_assert(strncmp(r.out, "term,due_date,", 14) == 0);
    char *nl = strchr(r.out, '\n');
    *nl = '\0';
    const char *cols[] = {"opening_balance", "interest", "principal", "fee", "payment",
                          "closing_balance"};
    for (size_t i = 0; i < 6; i++)
        ck_assert_ptr_nonnull(strstr(r.out, cols[i]));
    /* first row: due date empty without --payout-date, amounts with '.' and 2 decimals */
    ck_assert(strncmp(nl + 1, "1,,2000000.00,7733.33,", 22) == 0);
    /* the last line (term 300) closes at 0.00: the 8th column */
    const char *last = strstr(nl + 1, "\n300,");
    ck_assert_ptr_nonnull(last);
    int comma = 0;
    while (comma < 7 && *++last)
        comma += *last == ',';
    ck_assert(strncmp(last, ",0.00,", 6) == 0);
    exec_free(&r);

    r = SL_PLAN("--amount", "1200", "--rate", "6", "--terms", "2", "--payout-date", "2024-01-31",
                "--format", "csv");
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\n1,2024-02-29,1200.00,"));
    ck_assert_ptr_nonnull(strstr(r.out, "\n2,2024-03-31,"));
    exec_free(&r);
}
END_TEST

START_TEST(json_parses_and_adds_up)
{
    exec_result r = SL_PLAN("--amount", "1 000 000", "--rate", "5", "--years", "5", "--round-to",
                        "krone", "--format", "json");
    ck_assert_int_eq(r.status, 0);
    json_error_t jerr;
    json_t *root = json_loads(r.out, 0, &jerr);
    ck_assert_msg(root != NULL, "JSON: %s", jerr.text);
    json_t *schedule = json_object_get(root, "schedule");
    ck_assert_int_eq(json_array_size(schedule), 60);
    json_t *first = json_array_get(schedule, 0);
    ck_assert_int_eq(json_integer_value(json_object_get(first, "term")), 1);
    ck_assert(json_is_null(json_object_get(first, "due_date")));
    ck_assert_str_eq(json_string_value(json_object_get(first, "payment")), "18871.00");
    ck_assert_str_eq(json_string_value(json_object_get(first, "opening_balance")), "1000000.00");
    json_t *totals = json_object_get(root, "totals");
    ck_assert_str_eq(json_string_value(json_object_get(totals, "principal")), "1000000.00");
    const char *keys[] = {"interest", "principal", "fees", "paid"};
    for (size_t i = 0; i < 4; i++)
        ck_assert(json_is_string(json_object_get(totals, keys[i])));
    json_t *loan = json_object_get(root, "loan");
    ck_assert_str_eq(json_string_value(json_object_get(loan, "amount")), "1000000.00");
    ck_assert_str_eq(json_string_value(json_object_get(loan, "rate")), "5.000");
    /* the schedule's payments sum to the total paid (no fees here) */
    sl_money sum = 0;
    size_t i;
    json_t *row;
    json_array_foreach(schedule, i, row) sum += M(json_string_value(json_object_get(row, "payment")));
    ck_assert_int_eq(sum, M(json_string_value(json_object_get(totals, "paid"))));
    json_decref(root);
    exec_free(&r);
}
END_TEST

/* Each bad input: exit status 2, nothing on stdout, one message naming the option. */
START_TEST(bad_input_is_refused_by_name)
{
    static const struct {
        const char *args[6];
        const char *names;
    } cases[] = {
        {{"--amount", "abc", "--rate", "5", "--years", "25"}, "--amount"},
        {{"--amount", "-5", "--rate", "5", "--years", "25"}, "--amount"},
        {{"--amount", "1000.555", "--rate", "5", "--years", "25"}, "--amount"},
        {{"--amount", "2000000000000.01", "--rate", "5", "--years", "25"}, "--amount"},
        {{"--amount", "1000", "--rate", "-1", "--years", "25"}, "--rate"},
        {{"--amount", "1000", "--rate", "100.5", "--years", "25"}, "--rate"},
        {{"--amount", "1000", "--rate", "five", "--years", "25"}, "--rate"},
        {{"--amount", "1000", "--rate", "5", "--years", "0"}, "--years"},
        {{"--amount", "1000", "--rate", "5", "--years", "51"}, "--years"},
        {{"--amount", "1000", "--rate", "5", "--terms", "0"}, "--terms"},
        {{"--amount", "1000", "--rate", "5", "--terms", "601"}, "--terms"},
        {{"--amount", "1000", "--rate", "5", "--terms-per-year", "6"}, "--terms-per-year"},
        {{"--amount", "1000", "--rate", "5", "--type", "bullet"}, "--type"},
        {{"--amount", "1000", "--rate", "5", "--round-to", "cent"}, "--round-to"},
        {{"--amount", "1000", "--rate", "5", "--payout-date", "2025-02-30"}, "--payout-date"},
        {{"--amount", "1000", "--rate", "5", "--term-fee", "-30"}, "--term-fee"},
        {{"--amount", "1000", "--rate", "5", "--bogus", "1"}, "--bogus"},
        {{"--amount", "1000", "--years", "5", "--format", "xml"}, "--format"},
        {{"--amount", "1000", "--years", "5", NULL}, "--rate"},
        {{"--rate", "5", "--years", "5", NULL}, "--amount"},
        {{"--amount", "1000", "--rate", "5", "--years", NULL}, "--years"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *const *a = cases[i].args;
        exec_result r = run_list(a[0], a[1], a[2], a[3], a[4], a[5], NULL);
        exec_expect_usage_error(r.status, r.out, r.err, cases[i].names);
        exec_free(&r);
    }
    /* interest-only terms must leave at least one term to amortise */
    exec_result r = SL_PLAN("--amount", "1000", "--rate", "5", "--terms", "12",
                        "--interest-only-terms", "12");
    ck_assert_int_eq(r.status, 2);
    ck_assert_str_eq(r.out, "");
    ck_assert_ptr_nonnull(strstr(r.err, "--interest-only-terms '12'"));
    exec_free(&r);
}
END_TEST

START_TEST(help_and_version)
{
    exec_result r = SL_PLAN("--help");
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "--amount"));
    ck_assert_ptr_nonnull(strstr(r.out, "--payout-date"));
    exec_free(&r);
    r = SL_PLAN("--version");
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, sl_version()));
    exec_free(&r);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-plan\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli-plan");
    TCase *tc = tcase_create("sl-plan");
    tcase_add_test(tc, builtin_example_runs_and_says_so);
    tcase_add_test(tc, csv_has_the_contract_header_and_plain_amounts);
    tcase_add_test(tc, json_parses_and_adds_up);
    tcase_add_test(tc, bad_input_is_refused_by_name);
    tcase_add_test(tc, help_and_version);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
