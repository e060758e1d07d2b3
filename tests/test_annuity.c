/* The annuity, the serial instalment and one term's interest, checked by hand. */
#include "testutil.h"

START_TEST(annuity_hand_worked)
{
    /* 10 000 kr at 12 % a year, monthly, 3 terms: r = 1 %.
     * A = 10 000 · 0.01 / (1 − 1.01^−3) = 10 000 · 0.01 · 1.030301 / 0.030301
     *   = 3 400.2211... → 3 400.22 (øre, half up). */
    sl_money a;
    sl_rounding ore = SL_ROUNDING_DEFAULT;
    ck_assert_int_eq(sl_annuity_payment(&a, M("10000"), R("12"), 12, 3, ore), SL_OK);
    ck_assert_int_eq(a, M("3400.22"));
    /* Unrounded, the exact rational satisfies the definition A·(1 − (1+r)^−n) = P·r. */
    mpq_t A, lhs, one_r, t;
    mpq_inits(A, lhs, one_r, t, NULL);
    ck_assert_int_eq(sl_annuity_exact(A, M("10000"), R("12"), 12, 3), SL_OK);
    mpq_set_ui(one_r, 101, 100);
    mpq_mul(t, one_r, one_r);
    mpq_mul(t, t, one_r);       /* 1.01^3 */
    mpq_inv(t, t);              /* 1.01^-3 */
    mpq_set_ui(lhs, 1, 1);
    mpq_sub(t, lhs, t);         /* 1 − 1.01^-3 */
    mpq_mul(lhs, A, t);         /* A·(1 − (1+r)^−n) in øre */
    mpq_set_ui(t, 1000000 / 100, 1); /* P·r = 1 000 000 øre · 0.01 = 10 000 øre */
    ck_assert(mpq_equal(lhs, t));
    mpq_clears(A, lhs, one_r, t, NULL);
}
END_TEST

START_TEST(annuity_rounding_policy)
{
    /* 1 000 000 kr, 5 %, 60 monthly terms: exact 18 871.2336... */
    sl_money a;
    sl_rounding krone_up = {SL_ROUND_UNIT_KRONE, SL_ROUND_UP},
                krone = {SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP},
                ore_down = {SL_ROUND_UNIT_ORE, SL_ROUND_DOWN};
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000000"), R("5"), 12, 60, krone), SL_OK);
    ck_assert_int_eq(a, M("18871"));
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000000"), R("5"), 12, 60, krone_up), SL_OK);
    ck_assert_int_eq(a, M("18872"));
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000000"), R("5"), 12, 60, ore_down), SL_OK);
    ck_assert_int_eq(a, M("18871.23"));
}
END_TEST

START_TEST(zero_rate_is_straight_division)
{
    sl_money a;
    sl_rounding ore = SL_ROUNDING_DEFAULT;
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000"), R("0"), 12, 3, ore), SL_OK);
    ck_assert_int_eq(a, M("333.33"));
    ck_assert_int_eq(sl_annuity_payment(&a, M("100000"), R("0"), 12, 24, ore), SL_OK);
    ck_assert_int_eq(a, M("4166.67"));
}
END_TEST

START_TEST(serial_and_interest)
{
    sl_money v;
    ck_assert_int_eq(sl_serial_instalment(&v, M("20000"), 360), SL_OK);
    ck_assert_int_eq(v, M("55.56")); /* 55.5555... */
    ck_assert_int_eq(sl_serial_instalment(&v, M("0.05"), 2), SL_OK);
    ck_assert_int_eq(v, 3); /* 2.5 øre, half up */
    /* 125 000 kr at 9 % monthly: 937.50 (Excel CUMIPMT example, first term) */
    ck_assert_int_eq(sl_interest_for_term(&v, M("125000"), R("9"), 12), SL_OK);
    ck_assert_int_eq(v, M("937.50"));
    /* 8 000 kr at 10 % monthly: 66.666... → 66.67 */
    ck_assert_int_eq(sl_interest_for_term(&v, M("8000"), R("10"), 12), SL_OK);
    ck_assert_int_eq(v, M("66.67"));
    /* a tie: 1.50 kr at 1 % yearly = 1.5 øre → 2 øre (half up) */
    ck_assert_int_eq(sl_interest_for_term(&v, M("1.50"), R("1"), 1), SL_OK);
    ck_assert_int_eq(v, 2);
}
END_TEST

START_TEST(bad_arguments)
{
    sl_money a = 1;
    sl_rounding ore = SL_ROUNDING_DEFAULT;
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000"), R("5"), 12, 0, ore), SL_EINVAL);
    ck_assert_int_eq(sl_annuity_payment(&a, M("1000"), R("-5"), 12, 10, ore), SL_EINVAL);
    ck_assert_int_eq(sl_serial_instalment(&a, M("1000"), 0), SL_EINVAL);
    ck_assert_int_eq(a, 1);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("annuity");
    TCase *tc = tcase_create("annuity");
    tcase_add_test(tc, annuity_hand_worked);
    tcase_add_test(tc, annuity_rounding_policy);
    tcase_add_test(tc, zero_rate_is_straight_division);
    tcase_add_test(tc, serial_and_interest);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
