/* Portfolio figures: dated figures agree with the engine's rows, periods add
 * up to the whole plan, totals are exact sums of the per-loan figures. */
#include "testutil.h"

static sl_loan_terms random_loan(test_rng *g)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    static const int k[] = {12, 4, 2, 1};
    t.terms_per_year = k[rng_range(g, 0, 3)];
    t.terms = (int)rng_range(g, 1, 30) * t.terms_per_year;
    t.principal = rng_range(g, 100000, 500000000);
    ck_assert_int_eq(sl_rate_from_fraction(&t.nominal_rate, rng_range(g, 0, 8000), 100000), 0);
    t.type = rng_range(g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
    t.interest_only_terms = (int)rng_range(g, 0, t.terms - 1) / 4;
    t.term_fee = rng_range(g, 0, 1) ? 3000 : 0;
    t.establishment_fee = rng_range(g, 0, 1) ? 60000 : 0;
    t.payout_date = (sl_date){2000 + (int)rng_range(g, 0, 30), (int)rng_range(g, 1, 12),
                              (int)rng_range(g, 1, 31)};
    t.payout_date.day = t.payout_date.day > sl_date_days_in_month(t.payout_date.year,
                                                                  t.payout_date.month)
                            ? sl_date_days_in_month(t.payout_date.year, t.payout_date.month)
                            : t.payout_date.day;
    return t;
}

START_TEST(years_add_up_to_the_plan)
{
    test_rng g = {test_seed("portfolio")};
    for (int i = 0; i < 150; i++) {
        sl_loan_terms t = random_loan(&g);
        sl_plan_totals whole;
        ck_assert_int_eq(sl_plan_totals_for(&whole, &t, NULL), SL_OK);
        sl_money interest = 0, principal = 0, fees = 0;
        int terms = 0;
        for (int y = t.payout_date.year; y <= t.payout_date.year + 51; y++) {
            sl_loan_figures f;
            sl_date from = {y, 1, 1}, to = {y, 12, 31};
            ck_assert_int_eq(sl_loan_figures_compute(&f, &t, to, from, to, NULL), SL_OK);
            interest += f.interest;
            principal += f.principal;
            fees += f.fees;
            terms += f.terms_due;
            ck_assert_int_eq(f.fees, f.term_fees + f.establishment_fee);
            ck_assert_int_eq(f.establishment_fee,
                             y == t.payout_date.year ? t.establishment_fee : 0);
        }
        ck_assert_int_eq(interest, whole.interest);
        ck_assert_int_eq(principal, whole.principal);
        ck_assert_int_eq(fees, whole.fees);
        ck_assert_int_eq(terms, whole.terms);
    }
}
END_TEST

START_TEST(balance_follows_the_rows)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("2 000 000");
    t.nominal_rate = R("4.640");
    t.terms = 300;
    t.payout_date = (sl_date){2024, 6, 20};
    sl_plan *p;
    ck_assert_int_eq(sl_plan_new(&p, &t, NULL), SL_OK);
    sl_plan_row r;
    sl_date from = {2000, 1, 1};
    sl_loan_figures f;
    /* before payout: nothing owed; on the payout day: the whole loan */
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, (sl_date){2024, 6, 19}, from,
                                             (sl_date){2024, 6, 19}, NULL), SL_OK);
    ck_assert_int_eq(f.balance, 0);
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, (sl_date){2024, 6, 20}, from,
                                             (sl_date){2024, 6, 20}, NULL), SL_OK);
    ck_assert_int_eq(f.balance, t.principal);
    for (int i = 0; i < 30; i++) {
        ck_assert_int_eq(sl_plan_next(p, &r), 1);
        /* the day before the due date: the opening balance; on it: the closing */
        sl_date before;
        ck_assert_int_eq(sl_date_add_days(&before, r.due_date, -1), SL_OK);
        ck_assert_int_eq(sl_loan_figures_compute(&f, &t, before, r.due_date, r.due_date, NULL),
                         SL_OK);
        ck_assert_int_eq(f.balance, r.opening_balance);
        ck_assert_int_eq(f.interest, r.interest); /* the one term due that day */
        ck_assert_int_eq(sl_loan_figures_compute(&f, &t, r.due_date, from, r.due_date, NULL),
                         SL_OK);
        ck_assert_int_eq(f.balance, r.closing_balance);
    }
    sl_plan_free(p);
}
END_TEST

START_TEST(totals_are_exact_sums)
{
    test_rng g = {test_seed("portfolio-totals")};
    sl_portfolio_totals *tot;
    ck_assert_int_eq(sl_portfolio_totals_new(&tot), SL_OK);
    sl_money sb = 0, si = 0, sp = 0, sf = 0;
    sl_date as_of = {2025, 12, 31}, from = {2025, 1, 1};
    for (int i = 0; i < 300; i++) {
        sl_loan_terms t = random_loan(&g);
        sl_loan_figures f;
        ck_assert_int_eq(sl_loan_figures_compute(&f, &t, as_of, from, as_of, NULL), SL_OK);
        sl_portfolio_totals_add(tot, &f);
        sb += f.balance;
        si += f.interest;
        sp += f.principal;
        sf += f.fees;
    }
    sl_portfolio_totals_skip(tot);
    sl_money v;
    ck_assert_int_eq(sl_portfolio_totals_get(&v, tot, SL_PORTFOLIO_BALANCE), SL_OK);
    ck_assert_int_eq(v, sb);
    ck_assert_int_eq(sl_portfolio_totals_get(&v, tot, SL_PORTFOLIO_INTEREST), SL_OK);
    ck_assert_int_eq(v, si);
    ck_assert_int_eq(sl_portfolio_totals_get(&v, tot, SL_PORTFOLIO_PRINCIPAL), SL_OK);
    ck_assert_int_eq(v, sp);
    ck_assert_int_eq(sl_portfolio_totals_get(&v, tot, SL_PORTFOLIO_FEES), SL_OK);
    ck_assert_int_eq(v, sf);
    ck_assert_int_eq(sl_portfolio_totals_loans(tot), 300);
    ck_assert_int_eq(sl_portfolio_totals_skipped(tot), 1);
    char buf[SL_PORTFOLIO_BUFSIZE], want[SL_MONEY_BUFSIZE];
    ck_assert_int_gt(sl_portfolio_totals_format(buf, sizeof buf, tot, SL_PORTFOLIO_BALANCE), 0);
    sl_money_format(want, sizeof want, sb, SL_MONEY_PLAIN);
    ck_assert_str_eq(buf, want);
    sl_portfolio_totals_free(tot);
}
END_TEST

START_TEST(totals_beyond_int64_stay_exact)
{
    sl_portfolio_totals *tot;
    ck_assert_int_eq(sl_portfolio_totals_new(&tot), SL_OK);
    sl_loan_figures f = {0};
    f.balance = INT64_MAX;
    sl_portfolio_totals_add(tot, &f);
    sl_portfolio_totals_add(tot, &f);
    sl_money v;
    ck_assert_int_eq(sl_portfolio_totals_get(&v, tot, SL_PORTFOLIO_BALANCE), SL_ERANGE);
    char buf[SL_PORTFOLIO_BUFSIZE];
    ck_assert_int_gt(sl_portfolio_totals_format(buf, sizeof buf, tot, SL_PORTFOLIO_BALANCE), 0);
    ck_assert_str_eq(buf, "184467440737095516.14"); /* 2 × 9223372036854775807 øre */
    ck_assert_int_gt(sl_portfolio_totals_format(buf, sizeof buf, tot, SL_PORTFOLIO_INTEREST), 0);
    ck_assert_str_eq(buf, "0.00");
    ck_assert_int_eq(sl_portfolio_totals_format(buf, 5, tot, SL_PORTFOLIO_BALANCE), SL_ERANGE);
    sl_portfolio_totals_free(tot);
    sl_portfolio_totals_free(NULL);
}
END_TEST

/* The 64-bit running part hands over to the exact sum when it would
 * overflow: random huge amounts of both signs against a GMP sum. */
START_TEST(totals_hand_over_to_exact_sums)
{
    test_rng g = {test_seed("portfolio-hand-over")};
    sl_portfolio_totals *tot;
    ck_assert_int_eq(sl_portfolio_totals_new(&tot), SL_OK);
    mpz_t want, x;
    mpz_inits(want, x, NULL);
    for (int i = 0; i < 2000; i++) {
        sl_loan_figures f = {0};
        f.interest = (int64_t)(rng_next(&g) >> rng_range(&g, 1, 40)) *
                     (rng_range(&g, 0, 3) ? 1 : -1);
        sl_portfolio_totals_add(tot, &f);
        sl__mpz_set_i64(x, f.interest);
        mpz_add(want, want, x);
        if (i % 97 == 0) {
            char buf[SL_PORTFOLIO_BUFSIZE], ref[SL_PORTFOLIO_BUFSIZE + 8];
            ck_assert_int_gt(sl_portfolio_totals_format(buf, sizeof buf, tot,
                                                        SL_PORTFOLIO_INTEREST), 0);
            mpz_abs(x, want);
            char digits[SL_PORTFOLIO_BUFSIZE];
            gmp_snprintf(digits, sizeof digits, "%03Zd", x);
            size_t n = strlen(digits);
            snprintf(ref, sizeof ref, "%s%.*s.%s", mpz_sgn(want) < 0 ? "-" : "", (int)(n - 2),
                     digits, digits + n - 2);
            ck_assert_str_eq(buf, ref);
        }
    }
    mpz_clears(want, x, NULL);
    sl_portfolio_totals_free(tot);
}
END_TEST

START_TEST(rejected_inputs)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("100 000");
    t.nominal_rate = R("5");
    t.terms = 12;
    sl_loan_figures f;
    sl_error err;
    sl_date d = {2025, 12, 31}, from = {2025, 1, 1};
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, d, from, d, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "payout_date");
    t.payout_date = (sl_date){2025, 1, 15};
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, d, d, from, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "to");
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, (sl_date){2025, 2, 30}, from, d, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "as_of");
    t.terms = 0;
    ck_assert_int_eq(sl_loan_figures_compute(&f, &t, d, from, d, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "terms");
}
END_TEST

static Suite *portfolio_suite(void)
{
    Suite *s = suite_create("portfolio");
    TCase *tc = tcase_create("figures");
    tcase_add_test(tc, years_add_up_to_the_plan);
    tcase_add_test(tc, balance_follows_the_rows);
    tcase_add_test(tc, rejected_inputs);
    suite_add_tcase(s, tc);
    tc = tcase_create("totals");
    tcase_add_test(tc, totals_are_exact_sums);
    tcase_add_test(tc, totals_beyond_int64_stay_exact);
    tcase_add_test(tc, totals_hand_over_to_exact_sums);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(portfolio_suite());
}
