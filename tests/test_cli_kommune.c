/* sl-rent-to-own with the kommune's side: the cost rent derived and charged
 * as the rent, the kommune's result of the deal worked by hand in
 * tests/test_kommune_side.c (worked_deal), and its bad input. */
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
    const char *fees[] = {"--price", "1000000", "--rate", "5", "--municipal-fees", "500", NULL};
    refused(fees, "--municipal-fees '500'");
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
    suite_add_tcase(s, tc);
    return run_suite(s);
}
