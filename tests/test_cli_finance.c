/* sl-finance's command-line contract: the family of docs/finance.md in
 * JSON with every summary key, each loan's first payment equal to sl-plan's
 * for the same loan, the rate shock beside the base case, CSV, and bad or
 * inconsistent input (exit 2, one line naming the options, nothing on
 * stdout), and the household part of --help shared with sl-capacity.
 * argv[1]: sl-finance, argv[2]: sl-plan, argv[3]: sl-capacity. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>

#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog, *plan_prog, *capacity_prog;

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

/* An amount key in øre ("-1281.76" → -128176). */
static sl_money amount(json_t *o, const char *key)
{
    return M(str(o, key));
}

/* The identities of one answer (the base case or the rate shock), to the øre. */
static void check_identities(json_t *o)
{
    ck_assert_int_eq(amount(o, "total_need"), amount(o, "price") +
                                                  amount(o, "transaction_costs") +
                                                  amount(o, "establishment_fees"));
    ck_assert_int_eq(amount(o, "transaction_costs"),
                     amount(o, "document_tax") + amount(o, "registration_fees"));
    ck_assert_int_eq(amount(o, "total_need"), amount(o, "own_funds") + amount(o, "bank_loan") +
                                                  amount(o, "start_loan") + amount(o, "grant"));
    ck_assert_int_eq(amount(o, "first_payment_total"),
                     amount(o, "first_payment_bank") + amount(o, "first_payment_start_loan") +
                         amount(o, "common_costs"));
    ck_assert_int_eq(amount(o, "monthly_after_tax_deduction"),
                     amount(o, "first_payment_total") - amount(o, "tax_deduction_first_month"));
    /* 22 % of the first term's interest, half up to the øre */
    ck_assert_int_eq(amount(o, "tax_deduction_first_month"),
                     (amount(o, "first_interest_total") * 22 + 50) / 100);
    ck_assert_int_eq(amount(o, "stressed_payment_total"),
                     amount(o, "stressed_payment_bank") + amount(o, "stressed_payment_start_loan"));
    ck_assert_int_eq(amount(o, "surplus"), amount(o, "available") - amount(o, "common_costs") -
                                               amount(o, "stressed_payment_total"));
    ck_assert_int_eq(json_is_true(json_object_get(o, "fits")), amount(o, "surplus") >= 0);
}

/* Issue 15's family in the one run docs/finance.md walks through, with
 * --rate-shock +3 and --max-price: the figures of the walk-through and the
 * identities, base and shocked, to the øre. */
START_TEST(the_family_in_one_run)
{
    const char *args[] = {FAMILY, "--max-price", "--rate-shock", "+3", "--format", "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_t *root = json_of(r), *s = json_object_get(root, "rate_shock");
    ck_assert_ptr_nonnull(s);
    check_identities(root);
    check_identities(s);
    ck_assert_str_eq(str(root, "first_payment_total"), "20899.49");
    ck_assert_str_eq(str(root, "monthly_after_tax_deduction"), "17214.73");
    ck_assert_str_eq(str(root, "surplus"), "-1281.76");
    ck_assert_str_eq(str(root, "max_price"), "3630000.00");
    ck_assert_str_eq(str(s, "points"), "3.000");
    ck_assert_str_eq(str(s, "first_payment_total"), "28331.16");
    ck_assert_str_eq(str(s, "monthly_after_tax_deduction"), "22607.42");
    ck_assert_str_eq(str(s, "surplus"), "-9428.66");
    ck_assert_str_eq(str(s, "max_price"), "2840000.00");
    /* The shock moves the rates, not the purchase. */
    ck_assert_str_eq(str(s, "total_need"), str(root, "total_need"));
    ck_assert_str_eq(str(s, "available"), str(root, "available"));
    /* The grant need: what the startlån the household carries leaves open
     * (3 897 235 − 190 000 − 3 230 000 − 274 447,51), shown beside "does not fit". */
    ck_assert_str_eq(str(root, "grant_need"), "202787.49");
    json_t *parts = json_object_get(root, "grant_need_parts");
    ck_assert_ptr_nonnull(parts);
    ck_assert_int_eq(amount(root, "grant_need"),
                     amount(root, "total_need") - amount(root, "own_funds") -
                         amount(root, "bank_loan") - amount(parts, "largest_loan"));
    json_decref(root);
}
END_TEST

/* The grant need is exact: with that grant (the documents held at 4, so the
 * grant's deed does not move the need) the purchase fits with 0,00 to spare,
 * one øre less does not. */
START_TEST(grant_need_is_exact)
{
    const char *base[] = {FAMILY, "--documents", "4", "--format", "json", NULL};
    result *r = run_argv(prog, base);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_t *root = json_of(r);
    sl_money need = amount(root, "grant_need");
    ck_assert_int_gt(need, 0);
    ck_assert(json_is_false(json_object_get(root, "fits")));
    json_decref(root);
    for (int less = 0; less <= 1; less++) {
        char grant[32];
        sl_money g = need - less;
        snprintf(grant, sizeof grant, "%lld.%02lld", (long long)(g / 100), (long long)(g % 100));
        const char *with[] = {FAMILY, "--documents", "4", "--grant", grant, "--format", "json",
                              NULL};
        r = run_argv(prog, with);
        ck_assert_msg(r->status == 0, "%s", r->err);
        root = json_of(r);
        check_identities(root);
        ck_assert_int_eq(json_is_true(json_object_get(root, "fits")), !less);
        ck_assert_int_eq(amount(root, "surplus") >= 0, !less);
        json_decref(root);
    }
}
END_TEST

static char rules_path[1024];

/* The whole budget of sl-capacity: an income that ends is checked again
 * from its end; a bostøtte estimate is counted as income (the loans'
 * payments today as the housing costs); today's rent compared with owning
 * after the interest deduction and the estimate. */
START_TEST(the_whole_budget)
{
    const char *args[] = {"--price", "2600000", "--own-funds", "50000", "--bank-share", "60",
                          "--bank-rate", "5.5", "--start-rate", "4.64", "--date", "2024-03-01",
                          "--adults", "1", "--children-0-5", "2", "--income-item", "wages:24000",
                          "--income-item", "overgangsstønad:7000:2027-08-01", "--income-item",
                          "barnetrygd:3532", "--energy", "1500", "--insurance", "300",
                          "--maintenance", "1000", "--policy-rate", "4.5",
                          "--estimate-housing-allowance", "--housing-allowance-rules", rules_path,
                          "--allowance-gross-income", "300000", "--current-rent", "11000",
                          "--current-housing-allowance", "1200", "--format", "json", NULL};
    result *r = run_argv(prog, args);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_t *root = json_of(r);
    check_identities(root);
    json_t *ha = json_object_get(root, "housing_allowance"), *b = json_object_get(root, "budget");
    ck_assert_ptr_nonnull(ha);
    /* the weighting example: 300 000 / (1 + 2 × 0.13) = 238 095; the ceiling binds */
    ck_assert_str_eq(str(ha, "weighted_income"), "238095.00");
    ck_assert_str_eq(str(ha, "monthly"), "2562.00");
    ck_assert_str_eq(str(ha, "loan_payment"), "14331.97");
    ck_assert_int_eq(amount(ha, "loan_payment"),
                     amount(root, "first_payment_bank") + amount(root, "first_payment_start_loan"));
    /* 24 000 + 7 000 + 3 532 + 2 562 */
    ck_assert_str_eq(str(b, "income"), "37094.00");
    json_t *ends = json_object_get(root, "income_ends");
    ck_assert_int_eq(json_array_size(ends), 1);
    json_t *e = json_array_get(ends, 0);
    ck_assert_str_eq(str(e, "date"), "2027-08-01");
    ck_assert_str_eq(str(e, "income"), "30094.00");
    /* the same costs and loans: the surplus falls by the 7 000 that ends */
    ck_assert_int_eq(amount(e, "surplus"), amount(root, "surplus") - 700000);
    ck_assert(json_is_false(json_object_get(e, "fits")));
    json_t *rc = json_object_get(root, "rent_comparison");
    ck_assert_ptr_nonnull(rc);
    ck_assert_str_eq(str(rc, "renting"), "9800.00");
    ck_assert_int_eq(amount(rc, "payment"), amount(ha, "loan_payment"));
    ck_assert_int_eq(amount(rc, "owning"), amount(rc, "payment") -
                                               amount(root, "tax_deduction_first_month") +
                                               100000 - 256200);
    json_decref(root);
    /* The table shows each part. */
    const char *table[] = {"--price", "2600000", "--own-funds", "50000", "--bank-share", "60",
                           "--bank-rate", "5.5", "--start-rate", "4.64", "--date", "2024-03-01",
                           "--adults", "1", "--income-item", "wages:24000", "--income-item",
                           "overgangsstønad:7000:2027-08-01", "--policy-rate", "4.5",
                           "--current-rent", "11000", NULL};
    r = run_argv(prog, table);
    ck_assert_msg(r->status == 0, "%s", r->err);
    ck_assert_ptr_nonnull(strstr(r->out, "When incomes end"));
    ck_assert_ptr_nonnull(strstr(r->out, "The grant need (tilskuddsbehov)"));
    ck_assert_ptr_nonnull(strstr(r->out, "Renting today against owning"));
    /* Without a household there is nothing to weigh. */
    const char *alone[] = {"--price", "1000000", "--bank-share", "80", "--bank-rate", "5",
                           "--start-rate", "4", "--date", "2026-01-01", "--current-rent",
                           "9000", NULL};
    r = run_argv(prog, alone);
    exec_expect_usage_error(r->status, r->out, r->err, "--current-rent");
    const char *rules[] = {FAMILY, "--estimate-housing-allowance", NULL};
    r = run_argv(prog, rules);
    exec_expect_usage_error(r->status, r->out, r->err, "--estimate-housing-allowance");
}
END_TEST

/* The CSV row for path: the amount and, with a rate shock, its figure
 * beside it; NULL when the CSV has no such item. */
static const char *csv_row(const char *csv, const char *path, char *amount, char *shocked,
                           size_t size)
{
    size_t len = strlen(path);
    for (const char *line = csv; line && *line; line = strchr(line, '\n'), line += !!line) {
        if (strncmp(line, path, len) != 0 || line[len] != ',')
            continue;
        const char *a = line + len + 1, *end = strchr(a, '\n');
        const char *comma = memchr(a, ',', (size_t)(end - a));
        const char *a_end = comma ? comma : end;
        snprintf(amount, size, "%.*s", (int)(a_end - a), a);
        shocked[0] = '\0';
        if (comma)
            snprintf(shocked, size, "%.*s", (int)(end - comma - 1), comma + 1);
        return line;
    }
    return NULL;
}

/* Every leaf of v in the CSV under its path with the same text; with
 * shock, the shock's leaf at the same path beside it. Returns the count. */
static int csv_has_leaves(const char *csv, json_t *v, json_t *shock, char *path, size_t len)
{
    if (json_is_object(v)) {
        const char *key;
        json_t *child;
        int n = 0;
        json_object_foreach(v, key, child) {
            if (len == 0 && strcmp(key, "rate_shock") == 0)
                continue;
            int k = snprintf(path + len, 512 - len, "%s%s", len ? "." : "", key);
            n += csv_has_leaves(csv, child, json_object_get(shock, key), path, len + (size_t)k);
        }
        path[len] = '\0';
        return n;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *child;
        int n = 0;
        json_array_foreach(v, i, child) {
            int k = snprintf(path + len, 512 - len, "%s%zu", len ? "." : "", i);
            n += csv_has_leaves(csv, child, json_array_get(shock, i), path, len + (size_t)k);
        }
        path[len] = '\0';
        return n;
    }
    char amount[128], shocked[128], num[32];
    ck_assert_msg(csv_row(csv, path, amount, shocked, sizeof amount), "CSV lacks %s", path);
    const char *want = json_is_string(v)    ? json_string_value(v)
                       : json_is_true(v)    ? "true"
                       : json_is_false(v)   ? "false"
                       : json_is_integer(v) ? (snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                                                        json_integer_value(v)),
                                               num)
                                            : "";
    ck_assert_msg(strcmp(amount, want) == 0, "%s: CSV %s, JSON %s", path, amount, want);
    if (shock && json_is_string(shock))
        ck_assert_msg(strcmp(shocked, json_string_value(shock)) == 0, "%s shocked: CSV %s, JSON %s",
                      path, shocked, json_string_value(shock));
    return 1;
}

#define WHOLE_BUDGET                                                                          \
    "--price", "2600000", "--own-funds", "50000", "--bank-share", "60", "--bank-rate", "5.5", \
        "--start-rate", "4.64", "--date", "2024-03-01", "--adults", "1", "--children-0-5",   \
        "2", "--income-item", "wages:24000", "--income-item",                                \
        "overgangsstønad:7000:2027-08-01", "--income-item", "barnetrygd:3532", "--energy",   \
        "1500", "--insurance", "300", "--maintenance", "1000", "--policy-rate", "4.5",        \
        "--estimate-housing-allowance", "--housing-allowance-rules", rules_path,              \
        "--allowance-gross-income", "300000", "--current-rent", "11000",                      \
        "--current-housing-allowance", "1200", "--max-price"

/* The CSV carries every figure of the JSON, the budget's too (grant need,
 * bostøtte, the rent comparison, the capacity lines, the budget when the
 * overgangsstønad ends), each named by its JSON path, and the rate shock's
 * figure beside each summary key. */
START_TEST(csv_carries_the_json)
{
    const char *json_args[] = {WHOLE_BUDGET, "--rate-shock", "1", "--format", "json", NULL};
    result *r = run_argv(prog, json_args);
    ck_assert_msg(r->status == 0, "%s", r->err);
    json_t *root = json_of(r);
    json_t *shock = json_object_get(root, "rate_shock");
    ck_assert_ptr_nonnull(shock);
    static char csv[1 << 20];
    const char *csv_args[] = {WHOLE_BUDGET, "--rate-shock", "1", "--format", "csv", NULL};
    r = run_argv(prog, csv_args);
    ck_assert_msg(r->status == 0, "%s", r->err);
    snprintf(csv, sizeof csv, "%s", r->out);
    ck_assert(strncmp(csv, "item,amount,rate_shock\n", 23) == 0);
    ck_assert_ptr_null(strchr(csv, '"'));
    char path[512] = "";
    int leaves = csv_has_leaves(csv, root, NULL, path, 0);
    ck_assert_int_ge(leaves, 80);
    /* the shock beside the base, key by key */
    const char *key;
    json_t *v;
    json_object_foreach(shock, key, v) {
        if (strcmp(key, "points") == 0 || !json_is_string(v))
            continue;
        char amount[128], shocked[128];
        ck_assert_msg(csv_row(csv, key, amount, shocked, sizeof amount), "CSV lacks %s", key);
        ck_assert_msg(strcmp(shocked, json_string_value(v)) == 0, "%s shocked: CSV %s, JSON %s",
                      key, shocked, json_string_value(v));
    }
    /* the figures an adviser looks for, each on its line */
    char amount[128], shocked[128];
    const char *wanted[] = {"grant_need", "grant_need_parts.largest_loan",
                            "housing_allowance.monthly", "housing_allowance.weighted_income",
                            "rent_comparison.monthly_change", "rent_comparison.owning",
                            "budget.available", "budget.living_costs", "budget.housing_costs",
                            "income_ends.0.surplus", "income_ends.0.ends.0", "max_price"};
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++)
        ck_assert_msg(csv_row(csv, wanted[i], amount, shocked, sizeof amount), "CSV lacks %s",
                      wanted[i]);
    csv_row(csv, "housing_allowance.weighted_income", amount, shocked, sizeof amount);
    ck_assert_str_eq(amount, "238095.00");
    csv_row(csv, "income_ends.0.ends.0", amount, shocked, sizeof amount);
    ck_assert_str_eq(amount, "transitional-benefit");
    json_decref(root);
    /* without a shock: two columns, the same figures */
    const char *plain_json[] = {WHOLE_BUDGET, "--format", "json", NULL};
    r = run_argv(prog, plain_json);
    ck_assert_msg(r->status == 0, "%s", r->err);
    root = json_of(r);
    const char *plain_csv[] = {WHOLE_BUDGET, "--format", "csv", NULL};
    r = run_argv(prog, plain_csv);
    ck_assert_msg(r->status == 0, "%s", r->err);
    snprintf(csv, sizeof csv, "%s", r->out);
    ck_assert(strncmp(csv, "item,amount\n", 12) == 0);
    ck_assert_int_eq(csv_has_leaves(csv, root, NULL, path, 0), leaves);
    for (const char *line = csv; *line; line = strchr(line, '\n') + 1) {
        const char *comma = strchr(line, ',');
        ck_assert_ptr_nonnull(comma);
        ck_assert(strchr(comma + 1, ',') == NULL || strchr(comma + 1, ',') > strchr(line, '\n'));
    }
    json_decref(root);
}
END_TEST

/* The text of help from the line starting with first through the line
 * ending with last (both included), once; "" when it is not there. */
static void help_part(char *out, size_t size, const char *help, const char *first,
                      const char *last)
{
    out[0] = '\0';
    const char *a = strstr(help, first), *b = a ? strstr(a, last) : NULL;
    if (!a || !b)
        return;
    b += strlen(last);
    ck_assert_msg(strstr(b, first) == NULL, "'%s' twice in --help", first);
    snprintf(out, size, "%.*s", (int)(b - a), a);
}

/* sl-capacity and sl-finance read the household and the owner's bostøtte
 * and rent options with the same code (cli_household.c, cli_owner.c), and
 * their --help prints those options from the same text: it cannot drift. */
START_TEST(household_help_is_shared)
{
    static char finance[1 << 20], capacity[1 << 20], a[1 << 14], b[1 << 14];
    const char *help[] = {"--help", NULL};
    result *r = run_argv(prog, help);
    ck_assert_int_eq(r->status, 0);
    snprintf(finance, sizeof finance, "%s", r->out);
    r = run_argv(capacity_prog, help);
    ck_assert_int_eq(r->status, 0);
    snprintf(capacity, sizeof capacity, "%s", r->out);
    const char *parts[][2] = {
        {"Household (per month):\n", "share/startlan/guidelines.txt)\n"},
        {"  --estimate-housing-allowance", "(less its bostøtte) with owning\n"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        help_part(a, sizeof a, finance, parts[i][0], parts[i][1]);
        help_part(b, sizeof b, capacity, parts[i][0], parts[i][1]);
        ck_assert_msg(a[0] != '\0', "sl-finance --help lacks '%s'", parts[i][0]);
        ck_assert_str_eq(a, b);
    }
    /* every budget option the shared code reads is in that part */
    help_part(a, sizeof a, finance, parts[0][0], parts[0][1]);
    const char *options[] = {"--adults", "--sharing", "--children-0-5", "--children-6-10",
                             "--children-11-17", "--income ", "--gross-income-yearly",
                             "--strict", "--living-costs ", "--maintenance", "--fixed-costs",
                             "--income-item", "--living-costs-basis", "--energy",
                             "--insurance", "--furniture", "--municipal-fees",
                             "--other-debt-payments", "--credit-limits", "--childcare",
                             "--transport", "--guidelines"};
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        ck_assert_msg(strstr(a, options[i]), "the household help lacks %s", options[i]);
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

/* A refused rate shows the text typed, as every program does ("-5"), never
 * the library's six-decimal figure of it ("-5.000000"); a shock names the
 * rate it would make. A margin over Husbanken's 0.25 points is warned of. */
START_TEST(rate_errors_show_the_value_as_typed)
{
    const char *margin[] = {FAMILY, "--start-rate", "99.9", "--margin", "0,25", NULL};
    expect_usage(margin, "--margin '0,25': the rate plus the margin must be from 0 to 100 %\n");
    const char *below[] = {FAMILY, "--margin", "-5.5", NULL};
    expect_usage(below, "--margin '-5.5': the rate plus the margin");
    const char *stress[] = {FAMILY, "--policy-rate", "60", "--stress-add", "50", NULL};
    expect_usage(stress, "--stress-add '50': the policy rate plus the add-on is above 100 %\n");
    const char *shock[] = {FAMILY, "--rate-shock", "-6", NULL};
    expect_usage(shock, "--rate-shock '-6': the bank loan would have the rate -0.5 %: the "
                        "shocked rate must be from 0 to 100 %\n");
    const char *shock_nb[] = {FAMILY, "--rate-shock", "-4,7", "--lang", "nb", NULL};
    expect_usage(shock_nb, "--rate-shock «-4,7»: startlånet ville fått renten -0,06 %: renten "
                           "med renteøkningen må være fra 0 til 100 %\n");
    /* Husbanken's rules on the startlån are warned of, as sl-plan does */
    const char *over[] = {FAMILY, "--margin", "0.3", NULL};
    result *w = run_argv(prog, over);
    ck_assert_int_eq(w->status, 0);
    ck_assert_msg(strstr(w->err, "warning: the kommune's margin 0.300 percentage points is over "
                                 "the 0.25 allowed"),
                  "%s", w->err);
    const char *all[][6] = {{"--margin", "0.25000", "--start-rate", "99.9"},
                            {"--stress-add", "50.0", "--policy-rate", "60"},
                            {"--rate-shock", "-50"},
                            {"--bank-stress-add", "97", "--bank-rate", "5"}};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *args[40] = {FAMILY};
        size_t n = 0;
        while (args[n])
            n++;
        for (size_t j = 0; all[i][j]; j++)
            args[n++] = all[i][j];
        result *r = run_argv(prog, args);
        ck_assert_int_eq(r->status, 2);
        ck_assert_msg(!strstr(r->err, "000000"), "%s", r->err);
        char typed[64];
        snprintf(typed, sizeof typed, "%s '%s'", all[i][0], all[i][1]);
        ck_assert_msg(strstr(r->err, typed), "%s: %s", typed, r->err);
    }
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s SL-FINANCE SL-PLAN SL-CAPACITY\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    plan_prog = argv[2];
    capacity_prog = argv[3];
    data_path(rules_path, sizeof rules_path, "bostotte-rules-example.txt");
    Suite *s = suite_create("cli-finance");
    TCase *tc = tcase_create("cli-finance");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, family_json);
    tcase_add_test(tc, same_budget_as_sl_capacity);
    tcase_add_test(tc, first_payments_are_sl_plans);
    tcase_add_test(tc, rate_shock);
    tcase_add_test(tc, bad_and_inconsistent_input);
    tcase_add_test(tc, rate_errors_show_the_value_as_typed);
    tcase_add_test(tc, the_family_in_one_run);
    tcase_add_test(tc, grant_need_is_exact);
    tcase_add_test(tc, the_whole_budget);
    tcase_add_test(tc, csv_carries_the_json);
    tcase_add_test(tc, household_help_is_shared);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
