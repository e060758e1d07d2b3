/* The grant (tilskudd) write-down at year boundaries and the repayment cap
 * on a sale. */
#include "testutil.h"

static sl_date D(int y, int m, int d)
{
    return (sl_date){y, m, d};
}

/* 200 000, 5 % a year over 20 years: 10 000 a completed year. */
START_TEST(writedown_by_years)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = M("200000");
    sl_money v = -1;
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 0, NULL), SL_OK);
    ck_assert_int_eq(v, M("200000"));
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 1, NULL), SL_OK);
    ck_assert_int_eq(v, M("190000"));
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 19, NULL), SL_OK);
    ck_assert_int_eq(v, M("10000"));
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 20, NULL), SL_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 35, NULL), SL_OK);
    ck_assert_int_eq(v, 0);
    /* 123 456.78 × 5 % × 3 = 18 518.517 → 18 518.52; left 104 938.26. */
    g.amount = M("123456.78");
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 3, NULL), SL_OK);
    ck_assert_int_eq(v, M("104938.26"));
    /* Both parameters: 10 % over 10 years, 4 years: 60 % left. */
    g.amount = M("100000");
    g.writedown_per_year = R("10");
    g.years = 10;
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 4, NULL), SL_OK);
    ck_assert_int_eq(v, M("60000"));
}
END_TEST

/* The year completes on the anniversary, not the day before. */
START_TEST(year_boundaries)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = M("200000");
    g.date = D(2024, 3, 15);
    sl_money v = 0;
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2025, 3, 14), NULL), SL_OK);
    ck_assert_int_eq(v, M("200000"));
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2025, 3, 15), NULL), SL_OK);
    ck_assert_int_eq(v, M("190000"));
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2044, 3, 14), NULL), SL_OK);
    ck_assert_int_eq(v, M("10000"));
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2044, 3, 15), NULL), SL_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2023, 1, 1), NULL), SL_OK);
    ck_assert_int_eq(v, M("200000"));
    ck_assert_int_eq(sl_grant_completed_years(D(2024, 2, 29), D(2025, 2, 28)), 1);
    ck_assert_int_eq(sl_grant_completed_years(D(2024, 2, 29), D(2025, 2, 27)), 0);
}
END_TEST

/* After 3 years 170 000 is owed; a sale repays min(170 000, surplus ≥ 0). */
START_TEST(repayment_cap_on_sale)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = M("200000");
    g.date = D(2020, 6, 1);
    sl_money v = 0;
    ck_assert_int_eq(sl_grant_repayment_on_sale(&v, &g, D(2023, 6, 1), M("100000"), NULL),
                     SL_OK);
    ck_assert_int_eq(v, M("100000"));
    ck_assert_int_eq(sl_grant_repayment_on_sale(&v, &g, D(2023, 6, 1), M("500000"), NULL),
                     SL_OK);
    ck_assert_int_eq(v, M("170000"));
    ck_assert_int_eq(sl_grant_repayment_on_sale(&v, &g, D(2023, 6, 1), M("-5"), NULL), SL_OK);
    ck_assert_int_eq(v, 0);
}
END_TEST

START_TEST(bad_terms)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    sl_error err;
    sl_money v = 0;
    g.amount = M("-1");
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 0, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "grant");
    g.amount = 0;
    g.years = 0;
    ck_assert_int_eq(sl_grant_remaining(&v, &g, 0, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "years");
    g.years = 20;
    ck_assert_int_eq(sl_grant_remaining_at(&v, &g, D(2024, 1, 1), &err), SL_EINVAL);
}
END_TEST

/* Random grants: what is owed never rises year to year, falls by the same
 * rounded step sum, and is 0 from the last year on; a sale never repays more
 * than is owed or than the surplus. */
START_TEST(random_invariants)
{
    test_rng g = {test_seed("grant")};
    for (int i = 0; i < 2000; i++) {
        sl_grant_terms t = SL_GRANT_TERMS_INIT;
        t.amount = rng_range(&g, 0, 100000000);
        t.years = (int)rng_range(&g, 1, 40);
        t.writedown_per_year = (sl_rate){1, t.years};
        if (rng_range(&g, 0, 1))
            t.writedown_per_year = (sl_rate){rng_range(&g, 1, 1000), 10000};
        sl_money prev = t.amount, v = 0;
        for (int k = 0; k <= t.years + 1; k++) {
            REQUIRE(sl_grant_remaining(&v, &t, k, NULL) == SL_OK, "case %d", i);
            REQUIRE(v <= prev && v >= 0, "case %d year %d", i, k);
            prev = v;
        }
        REQUIRE(v == 0, "case %d: written off after the period", i);
        t.date = (sl_date){2020, 1 + (int)rng_range(&g, 0, 11), 1 + (int)rng_range(&g, 0, 27)};
        sl_date when = {2020 + (int)rng_range(&g, 0, 45), 1 + (int)rng_range(&g, 0, 11), 1};
        sl_money surplus = rng_range(&g, -1000000, 200000000), owed = 0, repay = 0;
        REQUIRE(sl_grant_remaining_at(&owed, &t, when, NULL) == SL_OK, "case %d", i);
        REQUIRE(sl_grant_repayment_on_sale(&repay, &t, when, surplus, NULL) == SL_OK, "case %d", i);
        REQUIRE(repay >= 0 && repay <= owed && (surplus < 0 || repay <= surplus), "case %d", i);
        REQUIRE(repay == owed || repay == surplus || (surplus < 0 && repay == 0), "case %d", i);
    }
}
END_TEST

/* Defect: writedown num × years overflowed int64 for a rate with a large
 * numerator (UB; it wrapped to a negative write-down). The product is exact
 * now. Rate (2^62 − 3)/(2^63 − 2), just under one half: after one year
 * 200 000 × 0.4999… = 99 999.999… → 100 000.00 written down; after three the
 * write-down passes the amount, so nothing is left. */
START_TEST(writedown_large_numerator)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = M("200000");
    g.writedown_per_year = (sl_rate){INT64_MAX / 2 - 2, INT64_MAX - 1};
    sl_money left = -1;
    sl_error err;
    ck_assert_int_eq(sl_grant_remaining(&left, &g, 1, &err), SL_OK);
    ck_assert_int_eq(left, M("100000"));
    ck_assert_int_eq(sl_grant_remaining(&left, &g, 3, &err), SL_OK);
    ck_assert_int_eq(left, 0);
    sl_date a = {1900, 1, 1}, b = {INT32_MAX, 1, 1};
    ck_assert_int_eq(sl_grant_completed_years(a, b), 0); /* not a valid date */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("grant");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, writedown_by_years);
    tcase_add_test(tc, year_boundaries);
    tcase_add_test(tc, repayment_cap_on_sale);
    tcase_add_test(tc, bad_terms);
    tcase_add_test(tc, random_invariants);
    tcase_add_test(tc, writedown_large_numerator);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
