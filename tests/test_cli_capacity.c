/* sl-capacity's command-line contract: the hand-worked budget in JSON, and
 * bad or missing household data rejected with status 2, naming the option,
 * with nothing on stdout. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog;

typedef struct run_result {
    int status;
    char out[1 << 16];
    char err[1 << 12];
} run_result;

/* Run prog with the arguments (NULL-terminated); capture both streams. */
static void run(run_result *r, const char *const *args)
{
    const char *argv[64];
    int n = 0;
    argv[n++] = prog;
    for (; args[n - 1]; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    exec_result e = exec_run(NULL, (char *const *)argv);
    r->status = e.status;
    exec_copy(r->out, sizeof r->out, e.out);
    exec_copy(r->err, sizeof r->err, e.err);
    exec_free(&e);
}

#define HOUSEHOLD                                                                          \
    "--adults", "2", "--children-0-5", "1", "--children-11-17", "1", "--income", "45000",  \
        "--fixed-costs", "2000", "--maintenance", "1500", "--date", "2024-03-01",           \
        "--policy-rate", "4.5"

static json_t *json_of(const run_result *r)
{
    json_error_t e;
    json_t *root = json_loads(r->out, 0, &e);
    ck_assert_msg(root != NULL, "not JSON: %s\n%s", e.text, r->out);
    return root;
}

static void expect_key(json_t *root, const char *key, const char *value)
{
    json_t *v = json_object_get(root, key);
    ck_assert_msg(json_is_string(v), "key %s missing", key);
    ck_assert_str_eq(json_string_value(v), value);
}

/* The hand-worked couple of test_capacity.c: 19 400 available, 13 306.05
 * stressed payment on 2 000 000 at 7 %, 6 093.95 to spare. */
START_TEST(json_for_a_loan)
{
    static run_result r;
    const char *args[] = {HOUSEHOLD, "--loan", "2 000 000", "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    expect_key(root, "available", "19400.00");
    expect_key(root, "living_costs", "22100.00");
    expect_key(root, "stressed_rate", "7.000");
    expect_key(root, "stressed_payment", "13306.05");
    expect_key(root, "surplus", "6093.95");
    ck_assert(json_is_true(json_object_get(root, "fits")));
    ck_assert_ptr_null(json_object_get(root, "max_loan"));
    json_decref(root);
}
END_TEST

/* --max-loan: the answer and one step more, as the engine computes them. */
START_TEST(json_for_the_largest_loan)
{
    static run_result r;
    const char *args[] = {HOUSEHOLD, "--max-loan", "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    const char *max = json_string_value(json_object_get(root, "max_loan"));
    ck_assert_ptr_nonnull(max);
    sl_money m = M(max);
    ck_assert_int_eq(m % 100000, 0);
    ck_assert(json_is_true(json_object_get(root, "fits")));
    const char *surplus = json_string_value(json_object_get(root, "surplus"));
    ck_assert_int_ge(M(surplus), 0);
    json_t *next = json_object_get(root, "one_step_more");
    ck_assert_int_eq(M(json_string_value(json_object_get(next, "loan"))), m + 100000);
    ck_assert_int_lt(M(json_string_value(json_object_get(next, "surplus"))), 0);
    json_decref(root);
}
END_TEST

/* Issue 19 from the command line: with 24 interest-only terms the first
 * payment of 3 325 000 at 7 % is interest only (19 395.83, inside the
 * 19 400 available), but from term 25 the plan pays 22 596.99: the loan does
 * not fit, and the largest loan with interest-only terms is below the one
 * without (2 915 000). */
START_TEST(interest_only_is_not_a_false_fit)
{
    static run_result r;
    const char *loan[] = {HOUSEHOLD, "--loan", "3325000", "--interest-only-terms", "24",
                          "--format", "json", NULL};
    run(&r, loan);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    expect_key(root, "stressed_payment", "22596.99");
    expect_key(root, "surplus", "-3196.99");
    ck_assert(json_is_false(json_object_get(root, "fits")));
    json_decref(root);
    const char *with[] = {HOUSEHOLD, "--max-loan", "--interest-only-terms", "24", "--format",
                          "json", NULL};
    run(&r, with);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_of(&r);
    sl_money with_io = M(json_string_value(json_object_get(root, "max_loan")));
    json_decref(root);
    const char *without[] = {HOUSEHOLD, "--max-loan", "--format", "json", NULL};
    run(&r, without);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_of(&r);
    expect_key(root, "max_loan", "2915000.00");
    ck_assert_int_lt(with_io, M("2915000"));
    json_decref(root);
    const char *table[] = {HOUSEHOLD, "--loan", "3325000", "--interest-only-terms", "24", NULL};
    run(&r, table);
    ck_assert_ptr_nonnull(strstr(r.out, "payment from term 25 at the stressed rate"));
}
END_TEST

/* A shortfall is negative in JSON and said plainly in the table. */
START_TEST(shortfall)
{
    static run_result r;
    const char *args[] = {HOUSEHOLD, "--loan", "4000000", "--format", "json", NULL};
    run(&r, args);
    ck_assert_int_eq(r.status, 0);
    json_t *root = json_of(&r);
    ck_assert(json_is_false(json_object_get(root, "fits")));
    ck_assert_int_lt(M(json_string_value(json_object_get(root, "surplus"))), 0);
    json_decref(root);
    const char *table[] = {HOUSEHOLD, "--loan", "4000000", NULL};
    run(&r, table);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "does not fit"));
    ck_assert_ptr_nonnull(strstr(r.out, "short every month"));
}
END_TEST

START_TEST(table_walks_the_budget)
{
    static run_result r;
    const char *args[] = {HOUSEHOLD, "--loan", "2000000", NULL};
    run(&r, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "45 000,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "22 100,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "19 400,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "13 306,05"));
    ck_assert_ptr_nonnull(strstr(r.out, "The loan fits: 6 093,95 kr"));
}
END_TEST

/* The table's amounts line up: every line of the budget and the result that
 * ends in " kr" is as wide on screen as the others, counted in characters,
 * whatever å, ø or × its label holds (printf's %-44s counts bytes). */
START_TEST(columns_line_up)
{
    static run_result r;
    const char *args[] = {"--adults", "1", "--children-0-5", "2", "--children-11-17", "1",
                          "--income-item", "wages:40000", "--income-item", "rental:3000",
                          "--income-item", "overgangsstønad:7000:2027-08-01", "--energy",
                          "1500", "--insurance", "300", "--credit-limits", "5000",
                          "--maintenance", "1000", "--date", "2024-03-01", "--policy-rate",
                          "4.5", "--loan", "1000000", "--terms-per-year", "4", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    const char *p = strstr(r.out, "The budget");
    ck_assert_ptr_nonnull(p);
    int width = -1, lines = 0;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 3 && memcmp(p + len - 3, " kr", 3) == 0 && memcmp(p, "  The ", 6) != 0) {
            int w = 0;
            for (size_t i = 0; i < len; i++)
                w += ((unsigned char)p[i] & 0xC0) != 0x80;
            if (width < 0)
                width = w;
            ck_assert_msg(w == width, "%d characters, not %d: %.*s", w, width, (int)len, p);
            lines++;
        }
        p += len + (end != NULL);
    }
    ck_assert_int_ge(lines, 15);
    ck_assert_ptr_nonnull(strstr(r.out, "× 3 850,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "strøm"));
}
END_TEST

/* Every named cost has its own JSON key and line; the floor adds what the
 * guideline rates leave out (22 100 + 2 000 + 450 = 24 550). */
START_TEST(named_costs_in_json_and_table)
{
    static run_result r;
    const char *args[] = {HOUSEHOLD, "--energy", "2000", "--insurance", "450",
                          "--common-costs", "3000", "--municipal-fees", "800",
                          "--other-debt-payments", "1200", "--credit-limits", "20000",
                          "--childcare", "2500", "--transport", "900", "--loan", "0",
                          "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    expect_key(root, "living_costs_floor", "24550.00");
    expect_key(root, "living_costs", "24550.00");
    expect_key(root, "energy", "2000.00");
    expect_key(root, "insurance", "450.00");
    expect_key(root, "common_costs", "3000.00");
    expect_key(root, "municipal_fees", "800.00");
    expect_key(root, "housing_costs", "5300.00");
    expect_key(root, "other_debt_payments", "1200.00");
    expect_key(root, "credit_limit_payment", "600.00");
    expect_key(root, "childcare", "2500.00");
    expect_key(root, "transport", "900.00");
    expect_key(root, "other_costs", "7200.00");
    /* 45 000 − 24 550 − 5 300 − 7 200 */
    expect_key(root, "available", "7950.00");
    json_decref(root);
    const char *table[] = {HOUSEHOLD, "--energy", "2000", "--common-costs", "3000",
                           "--childcare", "2500", "--loan", "0", NULL};
    run(&r, table);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "strøm og oppvarming"));
    ck_assert_ptr_nonnull(strstr(r.out, "felleskostnader"));
    ck_assert_ptr_nonnull(strstr(r.out, "barnehage/SFO"));
}
END_TEST

/* Income by source: checked now and again when the overgangsstønad stops.
 * One adult, two children 0-5, 1 March 2025 (table of 1.1.2024):
 *   income 24 000 + 7 000 + 3 532 = 34 532; floor 15 550 + 1 500 + 300;
 *   available 34 532 − 17 350 − 1 000 = 16 182; 1 500 000 at 7 % pays
 *   9 979.54: fits by 6 202.46. From 2027-08-01 income 27 532, available
 *   9 182: short 797.54. */
START_TEST(income_that_ends)
{
    static run_result r;
    const char *args[] = {"--adults", "1", "--children-0-5", "2", "--income-item", "wages:24000",
                          "--income-item", "overgangsstønad:7000:2027-08-01", "--income-item",
                          "barnetrygd:3532", "--maintenance", "1000", "--energy", "1500",
                          "--insurance", "300", "--date", "2025-03-01", "--policy-rate", "4.5",
                          "--loan", "1500000", "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    expect_key(root, "income", "34532.00");
    expect_key(root, "available", "16182.00");
    expect_key(root, "surplus", "6202.46");
    json_t *ends = json_object_get(root, "income_ends");
    ck_assert_int_eq(json_array_size(ends), 1);
    json_t *e = json_array_get(ends, 0);
    expect_key(e, "date", "2027-08-01");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(e, "ends"), 0)),
                     "transitional-benefit");
    expect_key(e, "income", "27532.00");
    expect_key(e, "surplus", "-797.54");
    ck_assert(json_is_false(json_object_get(e, "fits")));
    json_decref(root);
    args[23] = "table";
    run(&r, args);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "After the transitional-benefit stops on 2027-08-01 the "
                                        "loan no longer fits: short 797,54 kr"));
}
END_TEST

static void expect_usage(const char *const *args, const char *option);

#define FAMILY                                                                             \
    "--adults", "1", "--children-0-5", "2", "--income-item", "wages:24000", "--income-item",   \
        "overgangsstønad:7000:2027-08-01", "--income-item", "barnetrygd:3532",                 \
        "--maintenance", "1000", "--energy", "1500", "--insurance", "300", "--date",          \
        "2024-03-01", "--policy-rate", "4.5"

static char rules_path[1024];

/* The bostøtte estimate counted as income (rules: tests/data, the hand-worked
 * case of test_housing_allowance.c: 3 persons, 300 000 a year, costs over
 * the ceiling: 2 562 kr a month); the grant need and the rent comparison. */
START_TEST(housing_allowance_grant_and_rent)
{
    static run_result r;
    const char *args[] = {FAMILY, "--max-loan", "--estimate-housing-allowance",
                          "--housing-allowance-rules", rules_path,
                          "--allowance-gross-income", "300000", "--loan-rate", "5.5",
                          "--price", "3000000", "--own-funds", "50000",
                          "--transaction-costs", "75500", "--current-rent", "11000",
                          "--current-housing-allowance", "1200", "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    json_t *ha = json_object_get(root, "housing_allowance");
    ck_assert_ptr_nonnull(ha);
    expect_key(ha, "weighted_income", "238095.00");
    expect_key(ha, "own_share", "66546.28");
    expect_key(ha, "ceiling", "108263.00");
    expect_key(ha, "monthly", "2562.00");
    /* 34 532 + 2 562 counted as income */
    expect_key(root, "income", "37094.00");
    sl_money max = M(json_string_value(json_object_get(root, "max_loan")));
    /* grant need = 3 000 000 + 75 500 − 50 000 − max, never below 0 */
    sl_money need = M("3025500") - max;
    ck_assert_int_gt(need, 0);
    ck_assert_int_eq(M(json_string_value(json_object_get(root, "grant_need"))), need);
    /* Renting 11 000 − 1 200 = 9 800; owning: the payment at 5.5 % less 22 %
     * of its interest, + 1 000 maintenance, − 2 562 bostøtte. */
    sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
    o.date = (sl_date){2024, 3, 1};
    o.policy_rate = R("4.5");
    sl_money payment, interest;
    ck_assert_int_eq(sl_capacity_payment_at(&payment, &interest, max, R("5.5"), &o, NULL), SL_OK);
    json_t *rc = json_object_get(root, "rent_comparison");
    expect_key(rc, "renting", "9800.00");
    sl_money deduction = (interest * 22 * 2 + 100) / 200;
    sl_money owning = payment - deduction + M("1000") - M("2562");
    ck_assert_int_eq(M(json_string_value(json_object_get(rc, "owning"))), owning);
    ck_assert_int_eq(M(json_string_value(json_object_get(rc, "monthly_change"))),
                     owning - M("9800"));
    json_decref(root);

    /* Enough own funds: the grant need is 0, never negative. */
    const char *rich[] = {FAMILY, "--loan", "1000000", "--price", "1000000", "--own-funds",
                          "500000", "--format", "json", NULL};
    run(&r, rich);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_of(&r);
    expect_key(root, "grant_need", "0.00");
    json_decref(root);

    /* Table: the steps are shown. */
    const char *table[] = {FAMILY, "--max-loan", "--estimate-housing-allowance",
                           "--housing-allowance-rules", rules_path,
                           "--allowance-gross-income", "300000", "--loan-rate", "5.5", NULL};
    run(&r, table);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "238 095,00"));
    ck_assert_ptr_nonnull(strstr(r.out, "66 546,28"));
    ck_assert_ptr_nonnull(strstr(r.out, "2 562,00"));
}
END_TEST

/* A rate shock leaves the base case alone: with a bostøtte estimate and an
 * income that ends, the output is the same as without --rate-shock but for
 * the rate_shock object (the estimate was once counted twice after a shock). */
START_TEST(rate_shock_keeps_the_base_case)
{
    static run_result r;
    const char *base[] = {FAMILY, "--max-loan", "--estimate-housing-allowance",
                          "--housing-allowance-rules", rules_path,
                          "--allowance-gross-income", "300000", "--loan-rate", "5.5",
                          "--format", "json", NULL};
    run(&r, base);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *plain = json_of(&r);
    const char *shocked[] = {FAMILY, "--max-loan", "--estimate-housing-allowance",
                             "--housing-allowance-rules", rules_path,
                             "--allowance-gross-income", "300000", "--loan-rate", "5.5",
                             "--rate-shock", "2", "--format", "json", NULL};
    run(&r, shocked);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_of(&r);
    ck_assert_ptr_nonnull(json_object_get(root, "rate_shock"));
    /* 24 000 + 7 000 + 3 532 + one bostøtte of 2 562 */
    expect_key(root, "income", "37094.00");
    ck_assert_int_eq(json_array_size(json_object_get(root, "income_items")), 4);
    json_object_del(root, "rate_shock");
    ck_assert_msg(json_equal(plain, root), "the base case changed with --rate-shock");
    json_decref(root);
    json_decref(plain);
}
END_TEST

/* Bostøtte input that cannot be used: exit 2 naming the option. */
START_TEST(housing_allowance_bad_input)
{
    const char *no_rules[] = {FAMILY, "--loan", "1", "--estimate-housing-allowance",
                              "--allowance-gross-income", "300000", "--loan-rate", "5", NULL};
    expect_usage(no_rules, "--estimate-housing-allowance");
    const char *group[] = {FAMILY, "--loan", "1", "--kommune-group", "5", NULL};
    expect_usage(group, "--kommune-group");
    const char *no_rate[] = {FAMILY, "--loan", "1", "--estimate-housing-allowance",
                             "--housing-allowance-rules", rules_path,
                             "--allowance-gross-income", "300000", NULL};
    expect_usage(no_rate, "--loan-rate");
    const char *before[] = {"--adults", "1", "--income", "30000", "--date", "2021-06-01",
                            "--policy-rate", "4", "--loan", "1",
                            "--estimate-housing-allowance", "--housing-allowance-rules",
                            rules_path, "--allowance-gross-income", "300000", "--loan-rate",
                            "5", NULL};
    expect_usage(before, "--housing-allowance-rules");
    const char *missing[] = {FAMILY, "--loan", "1", "--estimate-housing-allowance",
                             "--housing-allowance-rules", "/nonexistent/rules.txt",
                             "--allowance-gross-income", "300000", "--loan-rate", "5", NULL};
    expect_usage(missing, "--housing-allowance-rules");
    /* a directory opens and reads nothing: it was parsed as empty rules
     * ("the rules lack 'valid-from'") */
    const char *directory[] = {FAMILY, "--loan", "1", "--estimate-housing-allowance",
                               "--housing-allowance-rules", "/",
                               "--allowance-gross-income", "300000", "--loan-rate", "5", NULL};
    expect_usage(directory, "--housing-allowance-rules '/': cannot be read");
    const char *rent[] = {FAMILY, "--loan", "1", "--current-rent", "9000", NULL};
    expect_usage(rent, "--loan-rate");
    const char *price[] = {FAMILY, "--loan", "1", "--price", "-1", NULL};
    expect_usage(price, "--price");
}
END_TEST

/* Bad or missing input: status 2, one message naming the option, no stdout. */
static void expect_usage(const char *const *args, const char *option)
{
    static run_result r;
    run(&r, args);
    exec_expect_usage_error(r.status, r.out, r.err, option);
}

START_TEST(bad_or_missing_household_data)
{
    const char *no_income[] = {"--adults", "1", "--date", "2024-01-01", "--policy-rate", "4.5",
                               "--loan", "1000000", NULL};
    expect_usage(no_income, "--income");
    const char *no_adults[] = {"--income", "40000", "--date", "2024-01-01", "--policy-rate",
                               "4.5", "--loan", "1000000", NULL};
    expect_usage(no_adults, "--adults");
    const char *no_policy[] = {"--adults", "1", "--income", "40000", "--date", "2024-01-01",
                               "--loan", "1000000", NULL};
    expect_usage(no_policy, "--policy-rate");
    const char *no_loan[] = {HOUSEHOLD, NULL};
    expect_usage(no_loan, "--max-loan");
    const char *both[] = {HOUSEHOLD, "--loan", "1", "--max-loan", NULL};
    expect_usage(both, "--loan");
    const char *bad_income[] = {HOUSEHOLD, "--income", "40k", "--loan", "1", NULL};
    expect_usage(bad_income, "--income");
    const char *neg_income[] = {HOUSEHOLD, "--income", "-1", "--loan", "1", NULL};
    expect_usage(neg_income, "--income");
    const char *adults3[] = {HOUSEHOLD, "--adults", "3", "--loan", "1", NULL};
    expect_usage(adults3, "--adults");
    const char *children[] = {HOUSEHOLD, "--children-6-10", "-1", "--loan", "1", NULL};
    expect_usage(children, "--children-6-10");
    const char *sharing[] = {HOUSEHOLD, "--sharing", "--loan", "1", NULL};
    expect_usage(sharing, "--sharing");
    const char *fixed[] = {HOUSEHOLD, "--fixed-costs", "2.000", "--loan", "1", NULL};
    expect_usage(fixed, "--fixed-costs");
    const char *maint[] = {HOUSEHOLD, "--maintenance", "x", "--loan", "1", NULL};
    expect_usage(maint, "--maintenance");
    const char *living[] = {HOUSEHOLD, "--living-costs", "-5", "--loan", "1", NULL};
    expect_usage(living, "--living-costs");
    const char *early[] = {HOUSEHOLD, "--date", "2017-12-31", "--loan", "1", NULL};
    expect_usage(early, "--date");
    const char *bad_date[] = {HOUSEHOLD, "--date", "2024-02-30", "--loan", "1", NULL};
    expect_usage(bad_date, "--date");
    const char *policy[] = {HOUSEHOLD, "--policy-rate", "abc", "--loan", "1", NULL};
    expect_usage(policy, "--policy-rate");
    const char *stress[] = {HOUSEHOLD, "--policy-rate", "99", "--stress-add", "2", "--loan", "1",
                            NULL};
    expect_usage(stress, "--stress-add");
    const char *step[] = {HOUSEHOLD, "--step", "0", "--max-loan", NULL};
    expect_usage(step, "--step");
    const char *rate[] = {HOUSEHOLD, "--rate", "5", "--loan", "1", NULL};
    expect_usage(rate, "--rate");
    const char *years[] = {HOUSEHOLD, "--years", "51", "--loan", "1", NULL};
    expect_usage(years, "--years");
    const char *format[] = {HOUSEHOLD, "--format", "xml", "--loan", "1", NULL};
    expect_usage(format, "--format");
    const char *style[] = {HOUSEHOLD, "--csv-style", "excel-no", "--format", "json", "--loan", "1",
                           NULL};
    expect_usage(style, "--csv-style");
    const char *file[] = {HOUSEHOLD, "--guidelines", "/nonexistent/g.txt", "--loan", "1", NULL};
    expect_usage(file, "--guidelines");
    const char *kind[] = {HOUSEHOLD, "--income-item", "lottery:100", "--loan", "1", NULL};
    expect_usage(kind, "--income-item");
    const char *ended[] = {HOUSEHOLD, "--income-item", "aap:100:2024-03-01", "--loan", "1", NULL};
    expect_usage(ended, "--income-item");
    const char *item_amount[] = {HOUSEHOLD, "--income-item", "aap:-5", "--loan", "1", NULL};
    expect_usage(item_amount, "--income-item");
    const char *item_date[] = {HOUSEHOLD, "--income-item", "aap:5:2027-13-01", "--loan", "1",
                               NULL};
    expect_usage(item_date, "--income-item");
    const char *no_colon[] = {HOUSEHOLD, "--income-item", "aap", "--loan", "1", NULL};
    expect_usage(no_colon, "--income-item");
    const char *energy[] = {HOUSEHOLD, "--energy", "-1", "--loan", "1", NULL};
    expect_usage(energy, "--energy");
    const char *common[] = {HOUSEHOLD, "--common-costs", "-0,01", "--loan", "1", NULL};
    expect_usage(common, "--common-costs");
    const char *sifo[] = {HOUSEHOLD, "--living-costs-basis", "sifo", "--loan", "1", NULL};
    expect_usage(sifo, "--living-costs-basis");
    const char *actual[] = {HOUSEHOLD, "--living-costs-basis", "actual", "--loan", "1", NULL};
    expect_usage(actual, "--living-costs-basis");
}
END_TEST

/* Income as people state it: a monthly net over 150 000 kr warns (an error
 * with --strict); --gross-income-yearly estimates the net from the year's
 * tax rules (780 000 kr in 2026: 47 500,60 kr a month, hand-worked in
 * test_tax.c) and shows the steps; --date defaults to today (SL_TODAY) and
 * a table over 12 months older than the date warns. */
START_TEST(income_as_people_state_it)
{
    static run_result r;
    const char *yearly[] = {"--adults", "2", "--income", "780000", "--date", "2024-03-01",
                            "--policy-rate", "4.5", "--loan", "380000", NULL};
    run(&r, yearly);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.err, "warning") && strstr(r.err, "--gross-income-yearly"), "%s", r.err);
    const char *strict[] = {"--adults", "2", "--income", "780000", "--date", "2024-03-01",
                            "--policy-rate", "4.5", "--loan", "380000", "--strict", NULL};
    expect_usage(strict, "--income");
    const char *gross[] = {"--adults", "2", "--gross-income-yearly", "780000", "--date",
                           "2026-12-01", "--policy-rate", "4", "--loan", "380000", "--format",
                           "json", NULL};
    run(&r, gross);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.err, "more than 12 months older"), "%s", r.err);
    json_t *root = json_of(&r);
    expect_key(root, "income", "47500.60");
    json_t *est = json_object_get(root, "income_estimate");
    ck_assert(json_is_true(json_object_get(est, "estimate")));
    ck_assert_int_eq(json_integer_value(json_object_get(est, "tax_year")), 2026);
    json_t *e1 = json_array_get(json_object_get(est, "earners"), 0);
    expect_key(e1, "bracket_tax", "25365.55");
    expect_key(e1, "social_security", "59280.00");
    json_decref(root);
    const char *two[] = {"--adults", "2", "--gross-income-yearly", "430000",
                         "--gross-income-yearly", "350000", "--income", "2000", "--date",
                         "2026-12-01", "--policy-rate", "4", "--loan", "380000", NULL};
    run(&r, two);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "Earner 2") && strstr(r.out, "an estimate"));
    setenv("SL_TODAY", "2024-06-01", 1);
    const char *today[] = {"--adults", "1", "--income", "40000", "--policy-rate", "4.5",
                           "--loan", "1000000", "--format", "json", NULL};
    run(&r, today);
    unsetenv("SL_TODAY");
    ck_assert_int_eq(r.status, 0);
    root = json_of(&r);
    expect_key(root, "date", "2024-06-01");
    json_decref(root);
    ck_assert_str_eq(r.err, "");
    const char *bad[] = {"--adults", "1", "--gross-income-yearly", "-5", "--date", "2025-01-01",
                         "--policy-rate", "4.5", "--loan", "1", NULL};
    expect_usage(bad, "--gross-income-yearly");
}
END_TEST

/* --rate-shock: the check again with the policy rate (so the stressed
 * rate) that many points higher, beside the base case. */
START_TEST(rate_shock)
{
    static run_result r;
    const char *args[] = {"--adults", "2", "--income", "62000", "--date", "2024-03-01",
                          "--policy-rate", "4.5", "--loan", "2000000", "--rate-shock", "3",
                          "--format", "json", NULL};
    run(&r, args);
    ck_assert_int_eq(r.status, 0);
    json_t *root = json_of(&r);
    json_t *s = json_object_get(root, "rate_shock");
    ck_assert_ptr_nonnull(s);
    expect_key(s, "stressed_rate", "10.000");
    expect_key(s, "loan", "2000000.00");
    /* 2 000 000 kr over 30 years at 10 %: 17 551,43 (annuity, by hand) */
    expect_key(s, "stressed_payment", "17551.43");
    json_decref(root);
    const char *table[] = {"--adults", "2", "--income", "62000", "--date", "2024-03-01",
                           "--policy-rate", "4.5", "--max-loan", "--rate-shock", "3", NULL};
    run(&r, table);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "Rate shock"));
    const char *bad[] = {"--adults", "2", "--income", "62000", "--date", "2024-03-01",
                         "--policy-rate", "1", "--loan", "1", "--rate-shock", "-2", NULL};
    expect_usage(bad, "--rate-shock");
    /* a refusal after a warning (the guideline table is old for the date):
     * the refusal alone, one line, nothing on stdout */
    const char *late[] = {"--adults", "2", "--income", "62000", "--date", "2035-03-01",
                          "--policy-rate", "1", "--loan", "1", "--rate-shock", "-2", NULL};
    run(&r, late);
    exec_expect_usage_error(r.status, r.out, r.err, "--rate-shock");
    ck_assert_msg(!strstr(r.err, "warning") && strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
                  "%s", r.err);
    const char *strict[] = {"--adults", "2", "--income", "600000,0", "--date", "2035-03-01",
                            "--policy-rate", "4", "--loan", "1", "--strict", NULL};
    run(&r, strict);
    exec_expect_usage_error(r.status, r.out, r.err, "error: --income '600000,0' is net income");
    ck_assert_msg(!strstr(r.err, "warning") && strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
                  "%s", r.err);
    /* without a refusal the warnings are all said */
    const char *fine[] = {"--adults", "2", "--income", "600000", "--date", "2035-03-01",
                          "--policy-rate", "4", "--loan", "1", NULL};
    run(&r, fine);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.err, "warning: --income '600000' is net income") &&
                      strstr(r.err, "warning: the guideline table used"),
                  "%s", r.err);
}
END_TEST

/* A newer table from a file is used; a bad file is named with its line. */
START_TEST(guidelines_from_a_file)
{
    char good[] = "/tmp/sl-cap-gl-XXXXXX";
    int fd = mkstemp(good);
    ck_assert(fd >= 0);
    const char text[] = "# test table\n2025-01-01 9000 15000 7000 4000 4100 5400\n";
    ck_assert(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    static run_result r;
    const char *args[] = {"--adults", "1", "--income", "40000", "--date", "2025-06-01",
                          "--policy-rate", "4", "--loan", "0", "--guidelines", good,
                          "--format", "json", NULL};
    run(&r, args);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_t *root = json_of(&r);
    expect_key(root, "living_costs", "9000.00");
    expect_key(root, "available", "31000.00");
    json_decref(root);
    const char *before[] = {"--adults", "1", "--income", "40000", "--date", "2024-06-01",
                            "--policy-rate", "4", "--loan", "0", "--guidelines", good, NULL};
    expect_usage(before, "--date");

    const char bad[] = "# test table\n2025-01-01 9000 15000 7000 4000 4100\n";
    fd = open(good, O_WRONLY | O_TRUNC);
    ck_assert(fd >= 0);
    ck_assert(write(fd, bad, sizeof bad - 1) == (ssize_t)(sizeof bad - 1));
    close(fd);
    const char *broken[] = {"--adults", "1", "--income", "40000", "--date", "2025-06-01",
                            "--policy-rate", "4", "--loan", "0", "--guidelines", good, NULL};
    expect_usage(broken, "line 2");
    unlink(good);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-capacity\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    data_path(rules_path, sizeof rules_path, "bostotte-rules-example.txt");
    Suite *s = suite_create("cli-capacity");
    TCase *tc = tcase_create("output");
    tcase_add_test(tc, json_for_a_loan);
    tcase_add_test(tc, json_for_the_largest_loan);
    tcase_add_test(tc, shortfall);
    tcase_add_test(tc, named_costs_in_json_and_table);
    tcase_add_test(tc, income_that_ends);
    tcase_add_test(tc, housing_allowance_grant_and_rent);
    tcase_add_test(tc, housing_allowance_bad_input);
    tcase_add_test(tc, table_walks_the_budget);
    tcase_add_test(tc, columns_line_up);
    tcase_add_test(tc, rate_shock_keeps_the_base_case);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, bad_or_missing_household_data);
    tcase_add_test(tc, guidelines_from_a_file);
    tcase_add_test(tc, income_as_people_state_it);
    tcase_add_test(tc, rate_shock);
    tcase_add_test(tc, interest_only_is_not_a_false_fit);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
