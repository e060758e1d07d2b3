/* sl-rent-to-own with the kommune's side and rent by husleieloven: the cost
 * rent derived and charged as the rent, the kommune's result of the deal
 * worked by hand in tests/test_kommune_side.c (worked_deal), the KPI
 * adjustment worked in tests/test_rent_index.c (kpi_worked), the deposit,
 * and their bad input. */
#include "cli_exec.h"
#include "cli_json.h"
#include "testutil.h"

static char *prog;

static exec_result run(const char *const *args)
{
    return exec_run_args(prog, args);
}

/* 4 000 000, 40 m² at 9 600 (tilskudd 384 000), the kommune's loan 85 % at
 * 0 % over 30 years (9 444.44 a month), FDV 2 000 + avgifter 500: cost rent
 * 11 944.44, the family's rent; sold back at 4 000 000 after 60 months:
 * result 630 026.40. */
START_TEST(worked_deal_json)
{
    const char *args[] = {"--price", "4000000", "--rent-months", "60", "--start", "2025-01-01",
                          "--rate", "5", "--kommune-loan-rate", "0", "--area", "40",
                          "--rental-grant-per-m2", "9600", "--fdv", "2000",
                          "--municipal-fees", "500", "--format", "json", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *s = json_object_get(root, "summary"), *k = json_object_get(root, "kommune");
    ck_assert_str_eq(json_str(s, "cost_rent"), "11944.44");
    ck_assert_str_eq(json_str(s, "rent_before"), "11944.44");
    ck_assert_str_eq(json_str(k, "cost_rent"), "11944.44");
    ck_assert_str_eq(json_str(k, "rental_grant"), "384000.00");
    ck_assert_str_eq(json_str(k, "loan_amount"), "3400000.00");
    ck_assert_str_eq(json_str(k, "rent_received"), "716666.40");
    ck_assert_str_eq(json_str(k, "loan_repaid"), "2833333.60");
    ck_assert_str_eq(json_str(k, "rental_grant_repaid"), "320640.00");
    ck_assert_str_eq(json_str(k, "kommune_result"), "630026.40");
    json_t *tl = json_object_get(k, "timeline");
    ck_assert_int_eq(json_array_size(tl), 60);
    ck_assert_str_eq(json_str(json_array_get(tl, 59), "cash"), "-216000.00");
    ck_assert_str_eq(json_str(json_array_get(tl, 59), "date"), "2029-12-01");
    json_decref(root);
    exec_free(&r);

    /* A rent given and a surplus credited: the family pays 4 000 000 − 60 × 1 055.56. */
    const char *credit[] = {"--price", "4000000", "--rent-months", "60", "--rent", "13000",
                            "--credit-surplus", "--rate", "5", "--kommune-loan-rate", "0",
                            "--area", "40", "--rental-grant-per-m2", "9600", "--fdv", "2000",
                            "--municipal-fees", "500", "--format", "json", NULL};
    r = run(credit);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_loads(r.out, 0, NULL);
    k = json_object_get(root, "kommune");
    ck_assert_str_eq(json_str(json_object_get(root, "summary"), "rent_credit"), "63333.60");
    ck_assert_str_eq(json_str(k, "sale_proceeds"), "3936666.40");
    /* The surplus credited comes back as the same result: 630 026.40. */
    ck_assert_str_eq(json_str(k, "kommune_result"), "630026.40");
    json_decref(root);
    exec_free(&r);
}
END_TEST

START_TEST(table_shows_both_sides)
{
    const char *args[] = {"--price", "4000000", "--rent-months", "60", "--rate", "5",
                          "--kommune-loan-rate", "0", "--area", "40", "--rental-grant-per-m2",
                          "9600", "--fdv", "2000", "--municipal-fees", "500", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "The kommune's side"));
    ck_assert_ptr_nonnull(strstr(r.out, "630 026,40"));
    ck_assert_ptr_nonnull(strstr(r.out, "If the option lapses"));
    exec_free(&r);
}
END_TEST

static void refused(const char *const *args, const char *needle)
{
    exec_result r = run(args);
    exec_expect_usage_error(r.status, r.out, r.err, needle);
    ck_assert_msg(strchr(r.err, '\n') == r.err + strlen(r.err) - 1, "one line: %s", r.err);
    exec_free(&r);
}

START_TEST(bad_input)
{
    const char *no_rate[] = {"--price", "4000000", "--rate", "5", "--area", "40", NULL};
    refused(no_rate, "--kommune-loan-rate");
    const char *area[] = {"--price", "4000000", "--rate", "5", "--kommune-loan-rate", "4",
                          "--area", "4x", NULL};
    refused(area, "--area '4x'");
    const char *share[] = {"--price", "4000000", "--rate", "5", "--kommune-loan-rate", "4",
                           "--kommune-loan-share", "101", NULL};
    refused(share, "--kommune-loan-share");
    const char *grant[] = {"--price", "1000000", "--rate", "5", "--kommune-loan-rate", "4",
                           "--area", "80", "--rental-grant-per-m2", "20000", NULL};
    refused(grant, "--rental-grant-per-m2 '20000'");
    const char *fees[] = {"--price", "1000000", "--rate", "5", "--municipal-fees", "-500", NULL};
    refused(fees, "--municipal-fees '-500'");
    const char *part[] = {"--model", "part-own", "--price", "1000000", "--rate", "5",
                          "--kommune-loan-rate", "4", NULL};
    refused(part, "part-own");
    const char *years[] = {"--price", "1000000", "--rate", "5", "--kommune-loan-rate", "4",
                           "--kommune-loan-years", "51", NULL};
    refused(years, "--kommune-loan-years");
    /* A cost rent given above the rent with the surplus credited. */
    const char *cost[] = {"--price", "4000000", "--rent-months", "12", "--rent", "5000",
                          "--credit-surplus", "--rate", "5", "--kommune-loan-rate", "4", NULL};
    refused(cost, "--cost-rent");
}
END_TEST

/* The index of tests/test_rent_index.c: 10 000 → 10 350 → 10 120. */
static const char kpi[] = "2024-11 100\n2025-11 103.5\n2026-11 101.2\n";

START_TEST(kpi_rent_path)
{
    char path[64];
    exec_temp_file(path, kpi, strlen(kpi));
    const char *args[] = {"--price", "3000000", "--rent-months", "36", "--rent", "10000",
                          "--start", "2025-01-01", "--rate", "5", "--rent-index", path,
                          "--deposit", "30000", "--deposit-use", "purchase", "--format", "json",
                          NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    json_t *s = json_object_get(root, "summary"), *tl = json_object_get(root, "timeline");
    ck_assert_str_eq(json_str(json_array_get(tl, 11), "housing_cost"), "10000.00");
    ck_assert_str_eq(json_str(json_array_get(tl, 12), "housing_cost"), "10350.00");
    ck_assert_str_eq(json_str(json_array_get(tl, 24), "housing_cost"), "10120.00");
    ck_assert_str_eq(json_str(s, "rent_paid"), "365640.00");
    ck_assert_str_eq(json_str(s, "rent_before"), "10120.00");
    ck_assert_str_eq(json_str(s, "rent_adjustment"), "index");
    ck_assert_str_eq(json_str(json_object_get(s, "deposit"), "amount"), "30000.00");
    /* 3 000 000 + 75 000 + 1 090 − the deposit 30 000 as own funds. */
    ck_assert_str_eq(json_str(s, "loan_amount"), "3046090.00");
    json_decref(root);
    exec_free(&r);

    /* The kommune receives the adjusted rents. */
    const char *kom[] = {"--price", "3000000", "--rent-months", "36", "--rent", "10000",
                         "--start", "2025-01-01", "--rate", "5", "--rent-index", path,
                         "--kommune-loan-rate", "0", "--format", "json", NULL};
    r = run(kom);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_loads(r.out, 0, NULL);
    ck_assert_str_eq(json_str(json_object_get(root, "kommune"), "rent_received"), "365640.00");
    json_decref(root);
    exec_free(&r);

    /* Lag 3 needs October 2024, which the file lacks. */
    const char *lag[] = {"--price", "3000000", "--rent-months", "36", "--rent", "10000",
                         "--start", "2025-01-01", "--rate", "5", "--rent-index", path,
                         "--rent-index-lag", "3", NULL};
    r = run(lag);
    exec_expect_usage_error(r.status, r.out, r.err, "2024-10");
    ck_assert_ptr_nonnull(strstr(r.err, "--rent-index"));
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(rate_adjusted_rent)
{
    const char *args[] = {"--price", "3000000", "--rent-months", "25", "--rent", "12000",
                          "--rate", "5", "--rent-adjust", "3", "--format", "json", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    json_t *tl = json_object_get(root, "timeline");
    ck_assert_str_eq(json_str(json_array_get(tl, 12), "housing_cost"), "12360.00");
    ck_assert_str_eq(json_str(json_array_get(tl, 24), "housing_cost"), "12730.80");
    ck_assert_str_eq(json_str(json_object_get(root, "summary"), "rent_before"), "12730.80");
    json_decref(root);
    exec_free(&r);
}
END_TEST

/* --view year sums the rent the month table shows: adjusted, not the flat rent. */
START_TEST(year_view_adjusted_rent)
{
    const char *args[] = {"--price", "3000000", "--rent-months", "25", "--rent", "12000",
                          "--rate", "5", "--rent-adjust", "3", "--view", "year",
                          "--format", "csv", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    /* 12 x 12 000, 12 x 12 360, then 1 x 12 730.80 */
    ck_assert_ptr_nonnull(strstr(r.out, "\n1,144000.00,"));
    ck_assert_ptr_nonnull(strstr(r.out, "\n2,148320.00,"));
    ck_assert_ptr_nonnull(strstr(r.out, "\n3,12730.80,"));
    exec_free(&r);
}
END_TEST

/* Not buying: the deposit is the tenant's own money and comes back (husleieloven § 3-5). */
START_TEST(lapse_returns_deposit)
{
    const char *args[] = {"--price", "3000000", "--rent-months", "12", "--rent", "12000",
                          "--rate", "5", "--deposit", "36000", "--format", "json", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_str(json_object_get(root, "lapse"), "deposit_returned"), "36000.00");
    json_decref(root);
    exec_free(&r);
}
END_TEST

START_TEST(rent_law_bad_input)
{
    const char *deposit[] = {"--price", "3000000", "--rent-months", "12", "--rent", "12000",
                             "--rate", "5", "--deposit", "72000.01", NULL};
    refused(deposit, "--deposit '72000.01'");
    const char *ok[] = {"--price", "3000000", "--rent-months", "12", "--rent", "12000",
                        "--rate", "5", "--deposit", "72000", NULL};
    exec_result r = run(ok);
    ck_assert_int_eq(r.status, 0);
    exec_free(&r);
    const char *start[] = {"--price", "3000000", "--rent-months", "24", "--rent", "12000",
                           "--rate", "5", "--rent-index", "/dev/null", NULL};
    refused(start, "--start");
    const char *both[] = {"--price", "3000000", "--rent-months", "24", "--rent", "12000",
                          "--rate", "5", "--rent-index", "/dev/null", "--rent-adjust", "2",
                          "--start", "2025-01-01", NULL};
    refused(both, "--rent-adjust '2'");
    const char *missing[] = {"--price", "3000000", "--rent-months", "24", "--rent", "12000",
                             "--rate", "5", "--rent-index", "/nonexistent/kpi.txt", "--start",
                             "2025-01-01", NULL};
    refused(missing, "--rent-index '/nonexistent/kpi.txt'");
    const char *use[] = {"--price", "3000000", "--rent", "12000", "--rate", "5",
                         "--deposit-use", "purchase", NULL};
    refused(use, "--deposit-use 'purchase'");
    const char *use2[] = {"--price", "3000000", "--rent", "12000", "--rate", "5", "--deposit",
                          "1", "--deposit-use", "keep", NULL};
    refused(use2, "--deposit-use 'keep'");
    const char *adjust[] = {"--price", "3000000", "--rent", "12000", "--rate", "5",
                            "--rent-adjust", "101", NULL};
    refused(adjust, "--rent-adjust");
    const char *part[] = {"--model", "part-own", "--price", "3000000", "--rate", "5",
                          "--deposit", "1000", NULL};
    refused(part, "--deposit");
}
END_TEST

/* The documented command of docs/rent-to-own.md ("Holmestrand's case,
 * worked"), read from the page between its markers and run as it stands. */
static int doc_command(char **argv, int max, char *buf, size_t size)
{
    char path[512];
    data_path(path, sizeof path, "../../docs/rent-to-own.md");
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *start = strstr(buf, "<!-- holmestrand-example");
    ck_assert_ptr_nonnull(start);
    char *end = strstr(start, "<!-- end holmestrand-example");
    ck_assert_ptr_nonnull(end);
    *end = '\0';
    start = strstr(start, "sl-rent-to-own ");
    ck_assert_ptr_nonnull(start);
    int argc = 0;
    for (char *tok = strtok(start, " \n"); tok && argc < max - 1; tok = strtok(NULL, " \n"))
        argv[argc++] = tok;
    argv[0] = prog;
    return argc;
}

START_TEST(holmestrand_example)
{
    static char text[1 << 17];
    char *argv[80];
    int argc = doc_command(argv, 76, text, sizeof text);
    ck_assert_int_gt(argc, 40);
    argv[argc++] = "--format";
    argv[argc++] = "json";
    argv[argc] = NULL;
    exec_result r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *k = json_object_get(root, "kommune"), *s = json_object_get(root, "summary");
    json_t *b = json_object_get(root, "budget"), *c = json_object_get(root, "purchase_check");
    /* Published: 9 600 kr/m² (62 m²) and 3.3 % a completed year for 5 years. */
    ck_assert_str_eq(json_str(k, "rental_grant"), "595200.00");
    ck_assert_str_eq(json_str(k, "rental_grant_repaid"), "496992.00");
    ck_assert_str_eq(json_str(k, "loan_amount"), "2275890.00");
    ck_assert_str_eq(json_str(k, "own_capital"), "0.00");
    ck_assert_str_eq(json_str(k, "first_payment"), "11721.69");
    ck_assert_str_eq(json_str(k, "cost_rent"), "14771.69");
    ck_assert_str_eq(json_str(s, "cost_rent"), "14771.69");
    ck_assert_str_eq(json_str(k, "rent_received"), "941099.04");
    ck_assert_str_eq(json_str(k, "interest_paid"), "506430.38");
    ck_assert_str_eq(json_str(k, "running_costs"), "183000.00");
    ck_assert_str_eq(json_str(k, "loan_repaid"), "2079018.98");
    ck_assert_str_eq(json_str(k, "kommune_result"), "278786.66");
    ck_assert_str_eq(json_str(json_object_get(k, "lapse"), "cash"), "54797.64");
    ck_assert_str_eq(json_str(s, "rent_paid"), "941099.04");
    ck_assert_str_eq(json_str(s, "rent_before"), "16625.67");
    ck_assert_str_eq(json_str(s, "loan_amount"), "2531090.00");
    ck_assert_str_eq(json_str(s, "first_payment"), "13066.07");
    ck_assert_str_eq(json_str(json_object_get(b, "before"), "bsu_deduction"), "150.00");
    ck_assert_str_eq(json_str(json_object_get(b, "before"), "rent_covered"), "3050.00");
    ck_assert_str_eq(json_str(json_object_get(b, "before"), "total"), "19975.67");
    ck_assert_str_eq(json_str(json_object_get(b, "after"), "interest"), "9786.88");
    ck_assert_str_eq(json_str(json_object_get(b, "after"), "interest_deduction"), "2153.11");
    ck_assert_str_eq(json_str(json_object_get(b, "after"), "total"), "13112.96");
    ck_assert_str_eq(json_str(s, "monthly_change"), "-6862.71");
    ck_assert_str_eq(json_str(json_object_get(root, "bsu"), "deposits"), "90000.00");
    ck_assert_str_eq(json_str(json_object_get(root, "bsu"), "deduction"), "9000.00");
    /* The check: the stressed payment from the engine; the budget's figures
     * come from the shipped tables, so only its sign and its sum are fixed. */
    ck_assert(json_is_true(json_object_get(c, "fits")));
    ck_assert_str_eq(json_str(c, "stressed_payment"), "16028.21");
    sl_money avail = M(json_str(c, "available")), surplus = M(json_str(c, "surplus"));
    ck_assert_int_eq(surplus, avail - M("16028.21"));
    json_decref(root);
    exec_free(&r);

    /* One income: cannot buy; the grant closes the gap to the largest loan. */
    int n = 0;
    for (int i = 0; argv[i]; i++)
        if (!(strcmp(argv[i], "240000") == 0 && i > 0 &&
              strcmp(argv[i - 1], "--gross-income-yearly") == 0))
            argv[n++] = argv[i];
        else
            n--;
    argv[n] = NULL;
    r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    root = json_loads(r.out, 0, NULL);
    c = json_object_get(root, "purchase_check");
    ck_assert(json_is_false(json_object_get(c, "fits")));
    ck_assert_int_lt(M(json_str(c, "surplus")), 0);
    ck_assert_int_eq(M(json_str(c, "grant_to_close")),
                     M("2531090") - M(json_str(c, "largest_start_loan")));
    json_decref(root);
    exec_free(&r);
}
END_TEST

/* A bank lends 50 % of the price: the startlån is the rest, the bank's
 * payment at its rate + 3 points is the co-financing both must fit. */
START_TEST(bank_split)
{
    const char *args[] = {"--price", "2000000", "--rent-months", "12", "--rent", "10000",
                          "--start", "2025-01-01", "--rate", "0", "--years", "25",
                          "--adults", "1", "--income", "60000", "--policy-rate", "4",
                          "--bank-share", "50", "--bank-rate", "0", "--bank-years", "25",
                          "--format", "json", NULL};
    exec_result r = run(args);
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    json_t *root = json_loads(r.out, 0, NULL);
    json_t *c = json_object_get(root, "purchase_check");
    /* Loan 2 051 090 = bank 1 000 000 + startlån 1 051 090. */
    ck_assert_str_eq(json_str(c, "bank_loan"), "1000000.00");
    ck_assert_str_eq(json_str(c, "start_loan"), "1051090.00");
    /* 1 000 000 at 3 % over 300 terms: 1e6 · 0.0025 / (1 − 1.0025^−300) = 4 742.113… */
    ck_assert_str_eq(json_str(c, "bank_stressed_payment"), "4742.11");
    ck_assert(json_is_true(json_object_get(c, "fits")));
    json_decref(root);
    exec_free(&r);
}
END_TEST

START_TEST(family_bad_input)
{
    const char *bsu[] = {"--price", "2000000", "--rent-months", "12", "--rate", "5", "--bsu",
                         "1000", NULL};
    refused(bsu, "--bsu '1000'");
    const char *bal[] = {"--price", "2000000", "--rate", "5", "--bsu-balance", "1000", NULL};
    refused(bal, "--bsu-balance");
    const char *big[] = {"--price", "2000000", "--rent-months", "12", "--start", "2025-01-01",
                         "--rate", "5", "--bsu", "1000", "--bsu-balance", "300000.01", NULL};
    refused(big, "--bsu-balance '300000.01'");
    const char *policy[] = {"--price", "2000000", "--rate", "5", "--policy-rate", "4", NULL};
    refused(policy, "--policy-rate");
    const char *nopolicy[] = {"--price", "2000000", "--rate", "5", "--adults", "1",
                              "--income", "30000", NULL};
    refused(nopolicy, "--policy-rate");
    const char *bank[] = {"--price", "2000000", "--rate", "5", "--bank-share", "50", NULL};
    refused(bank, "--bank-share");
    const char *bankrate[] = {"--price", "2000000", "--rate", "5", "--adults", "1", "--income",
                              "30000", "--policy-rate", "4", "--bank-share", "50", NULL};
    refused(bankrate, "--bank-rate");
    const char *part[] = {"--model", "part-own", "--price", "2000000", "--rate", "5",
                          "--adults", "1", NULL};
    refused(part, "part-own");
    const char *allow[] = {"--price", "2000000", "--rate", "5", "--housing-allowance-after",
                           "x", NULL};
    refused(allow, "--housing-allowance-after 'x'");
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROGRAM\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli_kommune");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, worked_deal_json);
    tcase_add_test(tc, table_shows_both_sides);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, kpi_rent_path);
    tcase_add_test(tc, rate_adjusted_rent);
    tcase_add_test(tc, year_view_adjusted_rent);
    tcase_add_test(tc, lapse_returns_deposit);
    tcase_add_test(tc, rent_law_bad_input);
    tcase_add_test(tc, holmestrand_example);
    tcase_add_test(tc, bank_split);
    tcase_add_test(tc, family_bad_input);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
