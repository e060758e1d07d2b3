/* Rounding: every mode at and beside ties, both signs, øre and krone. */
#include "testutil.h"

static sl_money q(int64_t num, int64_t den, sl_round_unit unit, sl_round_mode mode, int *dir)
{
    sl_money out = 0;
    sl_rounding r = {unit, mode};
    ck_assert_int_eq(sl_round_quotient(&out, dir, num, den, r), SL_OK);
    return out;
}

START_TEST(modes_at_ties)
{
    /* num/den in øre; 5/2 = 2.5 øre is a tie between 2 and 3. */
    static const struct {
        int64_t num, den;
        sl_round_mode mode;
        sl_money want;
        int dir;
    } cases[] = {
        {5, 2, SL_ROUND_HALF_UP, 3, 1},    {-5, 2, SL_ROUND_HALF_UP, -3, -1},
        {5, 2, SL_ROUND_HALF_EVEN, 2, -1}, {7, 2, SL_ROUND_HALF_EVEN, 4, 1},
        {-5, 2, SL_ROUND_HALF_EVEN, -2, 1}, {-7, 2, SL_ROUND_HALF_EVEN, -4, -1},
        {5, 2, SL_ROUND_DOWN, 2, -1},      {-5, 2, SL_ROUND_DOWN, -2, 1},
        {5, 2, SL_ROUND_UP, 3, 1},         {-5, 2, SL_ROUND_UP, -3, -1},
        /* beside the tie */
        {2499, 1000, SL_ROUND_HALF_UP, 2, -1}, {2501, 1000, SL_ROUND_HALF_EVEN, 3, 1},
        {2001, 1000, SL_ROUND_DOWN, 2, -1},    {2001, 1000, SL_ROUND_UP, 3, 1},
        /* exact */
        {6, 2, SL_ROUND_UP, 3, 0},         {-6, -2, SL_ROUND_HALF_EVEN, 3, 0},
        {5, -2, SL_ROUND_HALF_UP, -3, -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int dir = 9;
        sl_money got = q(cases[i].num, cases[i].den, SL_ROUND_UNIT_ORE, cases[i].mode, &dir);
        ck_assert_msg(got == cases[i].want && dir == cases[i].dir,
                      "case %zu: %lld/%lld mode %d gave %lld dir %d", i,
                      (long long)cases[i].num, (long long)cases[i].den, cases[i].mode,
                      (long long)got, dir);
    }
}
END_TEST

START_TEST(krone_unit)
{
    ck_assert_int_eq(q(150, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP, NULL), 200);
    ck_assert_int_eq(q(150, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_EVEN, NULL), 200);
    ck_assert_int_eq(q(250, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_EVEN, NULL), 200);
    ck_assert_int_eq(q(149, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP, NULL), 100);
    ck_assert_int_eq(q(101, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_UP, NULL), 200);
    ck_assert_int_eq(q(199, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_DOWN, NULL), 100);
    ck_assert_int_eq(q(-150, 1, SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP, NULL), -200);
}
END_TEST

START_TEST(errors_not_wraps)
{
    sl_money out = 5;
    sl_rounding r = SL_ROUNDING_DEFAULT;
    ck_assert_int_eq(sl_round_quotient(&out, NULL, 1, 0, r), SL_EINVAL);
    sl_rounding bad = {(sl_round_unit)7, SL_ROUND_UP};
    ck_assert_int_eq(sl_round_quotient(&out, NULL, 1, 1, bad), SL_EINVAL);
    sl_rounding krone_up = {SL_ROUND_UNIT_KRONE, SL_ROUND_UP};
    ck_assert_int_eq(sl_round_quotient(&out, NULL, INT64_MAX, 1, krone_up), SL_ERANGE);
    ck_assert_int_eq(out, 5);
}
END_TEST

/* The 128-bit fast path and the GMP path agree on random quotients. */
START_TEST(fast_and_gmp_paths_agree)
{
    test_rng g = {test_seed("rounding paths")};
    mpz_t n, d, out;
    mpz_inits(n, d, out, NULL);
    for (int i = 0; i < 200000; i++) {
        int64_t a = (int64_t)(rng_next(&g) >> (rng_next(&g) % 64)) * ((rng_next(&g) & 1) ? 1 : -1);
        int64_t b = (int64_t)(rng_next(&g) >> (1 + rng_next(&g) % 63));
        int64_t c = (int64_t)(rng_next(&g) >> (1 + rng_next(&g) % 63)) + 1;
        int64_t e = rng_range(&g, 1, 365);
        int64_t unit = (rng_next(&g) & 1) ? 1 : 100;
        sl_round_mode mode = (sl_round_mode)(rng_next(&g) % 4);
        int64_t fast = 0;
        int dir_fast = 0, dir_slow = 0;
        int rc = sl__muldiv_round(&fast, &dir_fast, a, b, c, e, unit, mode);
        sl__mpz_set_i64(n, a);
        sl__mpz_set_i64(d, b);
        mpz_mul(n, n, d);
        sl__mpz_set_i64(d, c);
        mpz_mul_si(d, d, (long)e);
        REQUIRE(sl__mpz_round_quotient(out, &dir_slow, n, d, unit, mode) == SL_OK, "case %d", i);
        int64_t slow;
        int fits = sl__mpz_get_i64(&slow, out) == SL_OK;
        REQUIRE((rc == SL_OK) == fits, "case %d", i);
        REQUIRE(!fits || (fast == slow && dir_fast == dir_slow), "case %d", i);
    }
    mpz_clears(n, d, out, NULL);
}
END_TEST

START_TEST(names_parse_back)
{
    for (int m = 0; m < 4; m++) {
        sl_round_mode back;
        ck_assert_int_eq(sl_round_mode_parse(&back, sl_round_mode_name((sl_round_mode)m)), SL_OK);
        ck_assert_int_eq(back, m);
    }
    sl_round_unit u;
    ck_assert_int_eq(sl_round_unit_parse(&u, "krone"), SL_OK);
    ck_assert_int_eq(u, SL_ROUND_UNIT_KRONE);
    ck_assert_int_eq(sl_round_unit_parse(&u, "øre"), SL_OK);
    ck_assert_int_eq(u, SL_ROUND_UNIT_ORE);
    ck_assert_int_eq(sl_round_unit_parse(&u, "cent"), SL_ESYNTAX);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rounding");
    TCase *tc = tcase_create("rounding");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, modes_at_ties);
    tcase_add_test(tc, krone_unit);
    tcase_add_test(tc, errors_not_wraps);
    tcase_add_test(tc, fast_and_gmp_paths_agree);
    tcase_add_test(tc, names_parse_back);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
