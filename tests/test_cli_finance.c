/* sl-finance's command-line contract: the family of docs/finance.md in
 * JSON with every summary key, each loan's first payment equal to sl-plan's
 * for the same loan, the rate shock beside the base case, CSV, and bad or
 * inconsistent input (exit 2, one line naming the options, nothing on
 * stdout). argv[1]: sl-finance, argv[2]: sl-plan. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>

#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog, *plan_prog;

typedef struct result {
    int status;
    char out[1 << 20];
    char err[8192];
} result;

static result res;

static result *run_argv(const char *program, const char *const *args)
{
    const char *argv[80];
    int n = 0;
    argv[n++] = program;
    for (; *args; args++) {
        ck_assert_int_lt(n, 78);
        argv[n++] = *args;
    }
    argv[n] = NULL;
    exec_result e = exec_run(NULL, (char *const *)argv);
    res.status = e.status;
    exec_copy(res.out, sizeof res.out, e.out);
    exec_copy(res.err, sizeof res.err, e.err);
    exec_free(&e);
    return &res;
}

#define FAMILY                                                                             \
    "--price", "3800000", "--own-funds", "190000", "--bank-share", "85", "--bank-rate",    \
        "5.5", "--start-rate", "4.64", "--margin", "0.25", "--date", "2026-12-01",          \
        "--adults", "2", "--children-0-5", "1", "--children-6-10", "1",                   \
        "--gross-income-yearly", "780000", "--policy-rate", "4"

static json_t *json_of(const result *r)
{
    json_error_t e;
    json_t *root = json_loads(r->out, 0, &e);
    ck_assert_msg(root != NULL, "not JSON: %s\n%s", e.text, r->out);
    return root;
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    ck_assert_msg(json_is_string(v), "key %s missing", key);
    return json_string_value(v);
}

/* The family: every summary key, the figures worked in test_finance.c. */
START_TEST(family_json)
{
    const char *args[] = {FAMILY, "--max-price", "--format", "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_int_eq(r->status, 0);
    json_t *root = json_of(r);
    const char *keys[] = {"price", "transaction_costs", "total_need", "own_funds", "bank_loan",
                          "start_loan", "grant", "first_payment_bank",
                          "first_payment_start_loan", "first_payment_total",
                          "monthly_after_tax_deduction", "available", "stressed_payment_total",
                          "surplus", "max_price"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        str(root, keys[i]);
    ck_assert_str_eq(str(root, "total_need"), "3897235.00");
    ck_assert_str_eq(str(root, "start_loan"), "477235.00");
    ck_assert_str_eq(str(root, "first_payment_total"), "20899.49");
    ck_assert_str_eq(str(root, "monthly_after_tax_deduction"), "17214.73");
    ck_assert_str_eq(str(root, "available"), "26600.60");
    ck_assert_str_eq(str(root, "surplus"), "-1281.76");
    ck_assert_str_eq(str(root, "max_price"), "3630000.00");
    ck_assert(json_is_false(json_object_get(root, "fits")));
    ck_assert_str_eq(str(root, "date"), "2026-12-01");
    ck_assert_str_eq(str(root, "guideline_table"), "2024-01-01");
    ck_assert_ptr_nonnull(strstr(r->err, "more than 12 months older"));
    json_decref(root);
}
END_TEST

/* sl-finance uses sl-capacity's budget: named costs, income items and the
 * floor. The family's available 26 600.60, + an AAP item of 3 000, − strøm
 * 2 000 (raises the floor: no actual living costs given), − barnehage 1 500
 * = 26 100.60; the surplus moves by the same −500. */
START_TEST(same_budget_as_sl_capacity)
{
    const char *args[] = {FAMILY, "--income-item", "aap:3000", "--energy", "2000",
                          "--childcare", "1500", "--format", "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_t *root = json_of(r);
    ck_assert_str_eq(str(root, "available"), "26100.60");
    ck_assert_str_eq(str(root, "surplus"), "-1781.76");
    json_t *b = json_object_get(root, "budget");
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(str(b, "other_costs"), "1500.00");
    json_decref(root);
    const char *bad[] = {FAMILY, "--income-item", "lottery:5", NULL};
    r = run_argv(prog, bad);
    ck_assert_int_eq(r->status, 2);
    ck_assert_ptr_nonnull(strstr(r->err, "--income-item"));
    ck_assert_str_eq(r->out, "");
}
END_TEST

/* sl-plan's first payment for the same loan, from its JSON. */
static char *plan_first_payment(char *buf, size_t size, const char *const *args)
{
    result *r = run_argv(plan_prog, args);
    ck_assert_int_eq(r->status, 0);
    json_t *root = json_of(r);
    json_t *row = json_array_get(json_object_get(root, "schedule"), 0);
    snprintf(buf, size, "%s", str(row, "payment"));
    json_decref(root);
    return buf;
}

/* Each loan's first payment is sl-plan's for the same loan. */
START_TEST(first_payments_are_sl_plans)
{
    const char *args[] = {FAMILY, "--bank-term-fee", "50", "--bank-years", "25", "--format",
                          "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_int_eq(r->status, 0);
    json_t *root = json_of(r);
    char bank[32], start[32], bank_amount[32], start_amount[32], p[32];
    snprintf(bank, sizeof bank, "%s", str(root, "first_payment_bank"));
    snprintf(start, sizeof start, "%s", str(root, "first_payment_start_loan"));
    snprintf(bank_amount, sizeof bank_amount, "%s", str(root, "bank_loan"));
    snprintf(start_amount, sizeof start_amount, "%s", str(root, "start_loan"));
    json_decref(root);
    const char *bank_plan[] = {"--amount", bank_amount, "--rate", "5.5", "--years", "25",
                               "--term-fee", "50", "--payout-date", "2026-12-01", "--format",
                               "json", NULL};
    ck_assert_str_eq(plan_first_payment(p, sizeof p, bank_plan), bank);
    const char *start_plan[] = {"--amount", start_amount, "--rate", "4.64", "--margin", "0.25",
                                "--years", "30", "--term-fee", "30", "--establishment-fee",
                                "600", "--payout-date", "2026-12-01", "--format", "json", NULL};
    ck_assert_str_eq(plan_first_payment(p, sizeof p, start_plan), start);
}
END_TEST

/* +3 points: beside the base case in every format. */
START_TEST(rate_shock)
{
    const char *args[] = {FAMILY, "--rate-shock", "3", "--format", "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_int_eq(r->status, 0);
    json_t *root = json_of(r);
    json_t *s = json_object_get(root, "rate_shock");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(str(s, "first_payment_bank"), "24835.91"); /* 8.5 %: the base stress */
    ck_assert_str_eq(str(s, "start_loan"), str(root, "start_loan"));
    ck_assert_str_eq(str(s, "points"), "3.000");
    json_decref(root);
    const char *csv[] = {FAMILY, "--rate-shock", "3", "--format", "csv", NULL};
    r = run_argv(prog, csv);
    ck_assert_int_eq(r->status, 0);
    ck_assert(strncmp(r->out, "item,amount,rate_shock\n", 23) == 0);
    ck_assert_ptr_nonnull(strstr(r->out, "\nfirst_payment_bank,18339.58,24835.91\n"));
    const char *table[] = {FAMILY, "--rate-shock", "3", NULL};
    r = run_argv(prog, table);
    ck_assert_int_eq(r->status, 0);
    ck_assert_ptr_nonnull(strstr(r->out, "Rate shock"));
    ck_assert_ptr_nonnull(strstr(r->out, "Sources (kilder)"));
}
END_TEST

static void expect_usage(const char *const *args, const char *option)
{
    result *r = run_argv(prog, args);
    exec_expect_usage_error(r->status, r->out, r->err, option);
}

START_TEST(bad_and_inconsistent_input)
{
    const char *share[] = {FAMILY, "--bank-share", "120", NULL};
    expect_usage(share, "--bank-share");
    const char *over[] = {FAMILY, "--own-funds", "900000", NULL};
    expect_usage(over, "--own-funds");
    const char *fixed[] = {FAMILY, "--start-amount", "100000", NULL};
    expect_usage(fixed, "--own-funds");
    const char *both[] = {FAMILY, "--bank-amount", "3000000", NULL};
    expect_usage(both, "--bank-amount");
    const char *above[] = {"--price", "1000000", "--bank-amount", "1200000", "--bank-rate", "5",
                           "--start-rate", "4", "--date", "2026-01-01", NULL};
    expect_usage(above, "--bank");
    const char *no_rate[] = {"--price", "1000000", "--bank-share", "80", "--start-rate", "4",
                             NULL};
    expect_usage(no_rate, "--bank-rate");
    const char *no_price[] = {"--bank-share", "80", "--bank-rate", "5", "--start-rate", "4", NULL};
    expect_usage(no_price, "--price");
    const char *policy[] = {"--price", "1000000", "--bank-share", "80", "--bank-rate", "5",
                            "--start-rate", "4", "--adults", "1", "--income", "40000", NULL};
    expect_usage(policy, "--policy-rate");
    const char *prop[] = {FAMILY, "--property", "hytte", NULL};
    expect_usage(prop, "--property");
    const char *price[] = {FAMILY, "--price", "3,800,000", NULL};
    expect_usage(price, "--price");
    const char *maxp[] = {"--price", "1000000", "--bank-share", "80", "--bank-rate", "5",
                          "--start-rate", "4", "--max-price", NULL};
    expect_usage(maxp, "--max-price");
    const char *early[] = {FAMILY, "--date", "2023-05-01", NULL};
    expect_usage(early, "--registration-fee");
    const char *strict[] = {FAMILY, "--income", "780000", "--strict", NULL};
    expect_usage(strict, "--income");
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SL-FINANCE SL-PLAN\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    plan_prog = argv[2];
    Suite *s = suite_create("cli-finance");
    TCase *tc = tcase_create("cli-finance");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, family_json);
    tcase_add_test(tc, same_budget_as_sl_capacity);
    tcase_add_test(tc, first_payments_are_sl_plans);
    tcase_add_test(tc, rate_shock);
    tcase_add_test(tc, bad_and_inconsistent_input);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
