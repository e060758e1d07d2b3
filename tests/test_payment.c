/* Husbanken's two questions on the engine: how long a kept payment takes
 * (sl_plan_new_with_payment) and how much a payment carries
 * (sl_plan_max_principal); worked examples and random cases. */
#include "testutil.h"

/* 1 000 000 kr at 5 %, 8 000 kr a term: by hand (interest rounded half up
 * each term, principal = 8 000 − interest) the balance clears in term 177,
 * which pays 7 498,91. */
START_TEST(kept_payment_by_hand)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("1000000");
    t.nominal_rate = R("5");
    t.terms = 600;
    sl_plan *p;
    sl_error err;
    ck_assert_msg(sl_plan_new_with_payment(&p, &t, M("8000"), &err) == SL_OK, "%s", err.message);
    sl_plan_row r;
    int n = 0;
    sl_money principal = 0;
    while (sl_plan_next(p, &r) == 1) {
        n++;
        principal += r.principal;
        if (r.closing_balance > 0)
            ck_assert_int_eq(r.payment, M("8000"));
    }
    ck_assert_int_eq(n, 177);
    ck_assert_int_eq(r.payment, M("7498.91"));
    ck_assert_int_eq(r.closing_balance, 0);
    ck_assert_int_eq(principal, t.principal);
    sl_plan_free(p);
}
END_TEST

START_TEST(kept_payment_refused)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("1000000");
    t.nominal_rate = R("5");
    t.terms = 600;
    t.term_fee = M("30");
    sl_plan *p = (sl_plan *)1;
    sl_error err;
    /* interest 4 166,67 + fee 30 = 4 196,67: not more */
    ck_assert_int_eq(sl_plan_new_with_payment(&p, &t, M("4196.67"), &err), SL_EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(err.field, "payment");
    ck_assert_int_eq(sl_plan_new_with_payment(&p, &t, M("4196.68"), &err), SL_OK);
    sl_plan_free(p);
    t.type = SL_LOAN_SERIAL;
    ck_assert_int_eq(sl_plan_new_with_payment(&p, &t, M("9000"), &err), SL_EINVAL);
    t.type = SL_LOAN_ANNUITY;
    t.interest_only_terms = 12;
    ck_assert_int_eq(sl_plan_new_with_payment(&p, &t, M("9000"), &err), SL_EINVAL);
}
END_TEST

/* The built-in example's payment carries exactly its loan: 2 000 000 kr,
 * 25 years, 4.64 %, term fee 30 kr pays 11 306,17. */
START_TEST(max_principal_published)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.nominal_rate = R("4.64");
    t.terms = 300;
    t.term_fee = M("30");
    sl_money max;
    sl_plan_row at, over;
    ck_assert_int_eq(sl_plan_max_principal(&max, &at, &over, &t, M("11306.17"), M("1000"), NULL),
                     SL_OK);
    ck_assert_int_eq(max, M("2000000"));
    ck_assert_int_eq(at.payment, M("11306.17"));
    ck_assert_int_gt(over.payment, M("11306.17"));
    ck_assert_int_eq(sl_plan_max_principal(&max, NULL, NULL, &t, M("11306.16"), M("1000"), NULL),
                     SL_OK);
    ck_assert_int_eq(max, M("1999000"));
    ck_assert_int_eq(sl_plan_max_principal(&max, NULL, NULL, &t, 0, M("1000"), NULL), SL_OK);
    ck_assert_int_eq(max, 0);
}
END_TEST

/* Random loans: the kept payment is held until the last term, which pays at
 * most it; one term fewer could not clear the loan. The largest principal's
 * first payment fits and one step more does not. */
START_TEST(random_cases)
{
    test_rng g = {test_seed("payment")};
    for (int n = 0; n < 300; n++) {
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        t.principal = rng_range(&g, 10000000, 500000000);
        ck_assert_int_eq(sl_rate_from_fraction(&t.nominal_rate, rng_range(&g, 0, 900), 10000),
                         SL_OK);
        t.terms = 600;
        t.term_fee = rng_range(&g, 0, 5000);
        sl_money interest = t.principal * t.nominal_rate.num / t.nominal_rate.den / 12;
        sl_money pay = interest + t.term_fee + rng_range(&g, t.principal / 500, t.principal / 20);
        sl_plan *p;
        if (sl_plan_new_with_payment(&p, &t, pay, NULL) != SL_OK)
            continue; /* within an øre of the interest */
        sl_plan_row r;
        int rows = 0;
        while (sl_plan_next(p, &r) == 1) {
            rows++;
            REQUIRE(r.payment == pay || r.closing_balance == 0 || rows == 600, "case %d", n);
        }
        REQUIRE(r.closing_balance == 0, "case %d", n);
        if (rows < 600)
            REQUIRE(r.payment <= pay, "case %d", n);
        sl_plan_free(p);

        sl_money step = rng_range(&g, 1, 5) * 100000, max;
        sl_plan_row at, over;
        ck_assert_int_eq(sl_plan_max_principal(&max, &at, &over, &t, pay, step, NULL), SL_OK);
        int whole = max % step == 0;
        REQUIRE(whole && at.payment <= pay, "case %d", n);
        sl_loan_terms u = t;
        u.principal = max + step;
        ck_assert_int_eq(sl_plan_new(&p, &u, NULL), SL_OK);
        ck_assert_int_eq(sl_plan_next(p, &r), 1);
        REQUIRE(r.payment > pay, "case %d", n);
        sl_plan_free(p);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("payment");
    TCase *tc = tcase_create("payment");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, kept_payment_by_hand);
    tcase_add_test(tc, kept_payment_refused);
    tcase_add_test(tc, max_principal_published);
    tcase_add_test(tc, random_cases);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
