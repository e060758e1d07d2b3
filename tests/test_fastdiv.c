/* Division by invariant integers gives exactly the hardware quotient; the
 * per-term interest built on it (or, without __int128, on the portable
 * path) equals the exact rational half-up quotient. */
#include "fastdiv_internal.h"
#include "interest_internal.h"
#include "testutil.h"

#ifdef SL_HAVE_FASTDIV
static void check(uint64_t n, uint64_t d)
{
    sl__divider v;
    sl__divider_init(&v, d);
    uint64_t q = sl__divide(&v, n);
    REQUIRE(q == n / d, "%llu / %llu gave %llu", (unsigned long long)n, (unsigned long long)d,
            (unsigned long long)q);
}

START_TEST(edges)
{
    const uint64_t values[] = {0, 1, 2, 3, 7, 10, 12, 100, 1200, 1200000, 12000000000000000ull,
                               (1ull << 32) - 1, 1ull << 32, (1ull << 63) - 1, 1ull << 63,
                               (1ull << 63) + 1, UINT64_MAX - 1, UINT64_MAX};
    size_t n = sizeof values / sizeof values[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (values[j] != 0) {
                check(values[i], values[j]);
                if (values[i] > 0)
                    check(values[i] - 1, values[j]);
            }
}
END_TEST

START_TEST(random_operands)
{
    test_rng g = {test_seed("fastdiv")};
    for (int i = 0; i < 2000000; i++) {
        uint64_t d = rng_next(&g) >> (rng_next(&g) % 64);
        uint64_t n = rng_next(&g) >> (rng_next(&g) % 64);
        if (d == 0)
            d = 1;
        check(n, d);
        check(d * (n % 1000), d); /* exact multiples */
        check(d * (n % 1000) - 1, d);
    }
}
END_TEST
#endif

/* round_half_up(bal × num / (den × k)) from GMP directly, independent of
 * the library's rounding helpers. */
static int64_t interest_by_gmp(int64_t bal, sl_rate r, int k)
{
    mpz_t n, d;
    mpz_inits(n, d, NULL);
    sl__mpz_set_i64(n, bal);
    sl__mpz_set_i64(d, r.num);
    mpz_mul(n, n, d);
    mpz_mul_2exp(n, n, 1);
    sl__mpz_set_i64(d, r.den);
    mpz_mul_si(d, d, k);
    mpz_add(n, n, d);
    mpz_mul_2exp(d, d, 1);
    mpz_fdiv_q(n, n, d); /* floor((2·bal·num + den·k) / (2·den·k)) */
    int64_t v = 0;
    REQUIRE(sl__mpz_get_i64(&v, n) == SL_OK, "range");
    mpz_clears(n, d, NULL);
    return v;
}

START_TEST(term_interest_exact)
{
    uint64_t seed = test_seed("term interest by gmp");
    test_rng g = {seed};
    static const int per_year[] = {12, 4, 2, 1};
    for (int i = 0; i < 20000; i++) {
        int64_t den = i % 3 == 0 ? 100000 : rng_range(&g, 1, SL_PLAN_MAX_RATE_DENOMINATOR);
        sl_rate r;
        REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 0, den), den) == SL_OK, "rate");
        int k = per_year[i % 4];
        sl__term_interest ti;
        sl__term_interest_init(&ti, r, k);
        for (int j = 0; j < 8; j++) {
            int64_t bal = j == 0 ? SL_PLAN_MAX_PRINCIPAL : j == 1 ? 0
                                                         : rng_range(&g, 0, SL_PLAN_MAX_PRINCIPAL);
            int64_t got = -1;
            REQUIRE(sl__term_interest_of(&ti, bal, &got) == SL_OK, "%lld", (long long)bal);
            REQUIRE(got == interest_by_gmp(bal, r, k), "seed %llu: %lld × %lld/%lld / %d",
                    (unsigned long long)seed, (long long)bal, (long long)r.num,
                    (long long)r.den, k);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fastdiv");
    TCase *tc = tcase_create("fastdiv");
#ifdef SL_HAVE_FASTDIV
    tcase_add_test(tc, edges);
    tcase_add_test(tc, random_operands);
#endif
    tcase_add_test(tc, term_interest_exact);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
