/* Rates: the percent a user types is kept exactly. */
#include "testutil.h"

START_TEST(parses_typed_percents)
{
    static const struct {
        const char *text;
        int64_t num, den;
    } cases[] = {
        {"4.208", 263, 6250}, {"4,208", 263, 6250}, {"4.208 %", 263, 6250},
        {"4.208%", 263, 6250}, {"5", 1, 20},          {"0", 0, 1},
        {"100", 1, 1},          {"-0.5", -1, 200},      {"0.000000000001", 1, 100000000000000LL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rate r;
        sl_error err;
        ck_assert_msg(sl_rate_parse_percent(&r, cases[i].text, NULL, &err) == SL_OK, "%s",
                      err.message);
        ck_assert_int_eq(r.num, cases[i].num);
        ck_assert_int_eq(r.den, cases[i].den);
    }
}
END_TEST

START_TEST(refuses_bad_percents)
{
    const char *bad[] = {"", "%", "abc", "4.2.1", "4,2,1", "4.", "4.2 %%", "4.0000000000001",
                         "1000001", "4 208"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sl_rate r = {7, 9};
        sl_error err;
        int rc = sl_rate_parse_percent(&r, bad[i], "--rate", &err);
        ck_assert_msg(rc < 0, "'%s' was accepted", bad[i]);
        ck_assert_int_eq(r.num, 7);
        ck_assert_str_eq(err.field, "--rate");
        ck_assert_ptr_nonnull(strstr(err.message, "--rate"));
    }
}
END_TEST

START_TEST(formats_exact_and_rounded)
{
    char buf[SL_RATE_BUFSIZE];
    ck_assert_int_ge(sl_rate_format_percent(buf, sizeof buf, R("4.64"), SL_RATE_EXACT,
                                            SL_ROUND_HALF_UP, '.'), 0);
    ck_assert_str_eq(buf, "4.640");
    sl_rate_format_percent(buf, sizeof buf, R("4.2085"), SL_RATE_EXACT, SL_ROUND_HALF_UP, ',');
    ck_assert_str_eq(buf, "4,2085");
    sl_rate_format_percent(buf, sizeof buf, R("4.2085"), 3, SL_ROUND_HALF_UP, '.');
    ck_assert_str_eq(buf, "4.209");
    sl_rate_format_percent(buf, sizeof buf, R("4.2085"), 3, SL_ROUND_HALF_EVEN, '.');
    ck_assert_str_eq(buf, "4.208");
    sl_rate_format_percent(buf, sizeof buf, R("0.05"), 0, SL_ROUND_HALF_UP, '.');
    ck_assert_str_eq(buf, "0");
    sl_rate_format_percent(buf, sizeof buf, R("-0.25"), 3, SL_ROUND_HALF_UP, '.');
    ck_assert_str_eq(buf, "-0.250");
    sl_rate third;
    ck_assert_int_eq(sl_rate_from_fraction(&third, 1, 3), SL_OK);
    ck_assert_int_eq(sl_rate_format_percent(buf, sizeof buf, third, SL_RATE_EXACT,
                                            SL_ROUND_HALF_UP, '.'), SL_EINVAL);
    sl_rate_format_percent(buf, sizeof buf, third, 4, SL_ROUND_HALF_UP, '.');
    ck_assert_str_eq(buf, "33.3333");
}
END_TEST

START_TEST(exact_sums_for_margins)
{
    sl_rate sum;
    ck_assert_int_eq(sl_rate_add(&sum, R("4.208"), R("0.25")), SL_OK);
    ck_assert_int_eq(sl_rate_compare(sum, R("4.458")), 0);
    ck_assert_int_eq(sl_rate_sub(&sum, R("4.458"), R("4.208")), SL_OK);
    ck_assert_int_eq(sl_rate_compare(sum, R("0.25")), 0);
    ck_assert_int_eq(sl_rate_compare(R("4.2"), R("4.20001")), -1);
    mpq_t q;
    mpq_init(q);
    sl_rate_to_mpq(q, R("4.208"));
    sl_rate back;
    ck_assert_int_eq(sl_rate_from_mpq(&back, q), SL_OK);
    ck_assert_int_eq(back.num, 263);
    ck_assert_int_eq(back.den, 6250);
    mpq_clear(q);
}
END_TEST

/* A fraction is reduced to lowest terms (binary GCD) with its value kept:
 * random operands of every size and sign against GMP. */
START_TEST(fractions_in_lowest_terms)
{
    uint64_t seed = test_seed("rate-reduce");
    test_rng g = {seed};
    mpz_t a, b, gcd;
    mpz_inits(a, b, gcd, NULL);
    for (int i = 0; i < 200000; i++) {
        int64_t common = (int64_t)(rng_next(&g) >> rng_range(&g, 40, 63)) + 1;
        int64_t num = (int64_t)(rng_next(&g) >> rng_range(&g, 1, 63)) / common * common;
        int64_t den = (int64_t)(rng_next(&g) >> rng_range(&g, 1, 63)) / common * common;
        if (den == 0)
            den = common;
        if (rng_range(&g, 0, 1))
            num = -num;
        if (rng_range(&g, 0, 3) == 0)
            den = -den;
        sl_rate r;
        REQUIRE(sl_rate_from_fraction(&r, num, den) == SL_OK, "seed %llu", (unsigned long long)seed);
        sl__mpz_set_i64(a, r.num);
        sl__mpz_set_i64(b, r.den);
        mpz_gcd(gcd, a, b);
        REQUIRE(r.den > 0 && mpz_cmp_ui(gcd, 1) == 0, "seed %llu: %lld/%lld -> %lld/%lld",
                (unsigned long long)seed, (long long)num, (long long)den, (long long)r.num,
                (long long)r.den);
        /* num · r.den == r.num · den */
        sl__mpz_set_i64(a, num);
        sl__mpz_set_i64(b, r.den);
        mpz_mul(a, a, b);
        sl__mpz_set_i64(b, r.num);
        sl__mpz_set_i64(gcd, den);
        mpz_mul(b, b, gcd);
        REQUIRE(mpz_cmp(a, b) == 0, "seed %llu: %lld/%lld changed value",
                (unsigned long long)seed, (long long)num, (long long)den);
    }
    mpz_clears(a, b, gcd, NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rate");
    TCase *tc = tcase_create("rate");
    tcase_add_test(tc, parses_typed_percents);
    tcase_add_test(tc, refuses_bad_percents);
    tcase_add_test(tc, formats_exact_and_rounded);
    tcase_add_test(tc, exact_sums_for_margins);
    tcase_add_test(tc, fractions_in_lowest_terms);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
