/* The double-precision fast paths against the exact paths: the certified
 * APR (status, rounded rate, bracket, exactness) and the effective → nominal
 * conversion (status, rate, direction) must give the same answer every time.
 *
 * Cases (seeded, replayable with SL_TEST_SEED): plans of 1 to 1 200 terms
 * from the engine with fees, fees near the payment, roots within 10^-12 of a
 * grid point (every rounding boundary is one), roots exactly on one, negative
 * roots, flows with several sign changes (refused by both), dated flows, all
 * decimals and modes. SL_FAST_APR_CASES sets the number of cases (default
 * 20 000; CI runs 1 000 000, .ci/run).
 *
 * Conversions: random rates, and rates whose nominal value lies within about
 * 10^-15 of a rounding boundary or a whole last digit, or exactly on one (a
 * rational root), for every number of decimals, every mode and the usual
 * numbers of terms per year. */
#include <math.h>

#include <mpfr.h>

#include "apr_internal.h"
#include "decimal_internal.h"
#include "testutil.h"

typedef struct tally {
    long cases, fast, fallback, refused;
} tally;

static void compare(tally *t, const sl_apr_flow *f, size_t n, const sl_apr_options *o,
                    const char *kind, uint64_t seed, long index)
{
    sl_apr_result a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    int ra = sl__apr_solve(&a, f, n, o, 1, NULL);
    int rb = sl__apr_solve(&b, f, n, o, 0, NULL);
    REQUIRE(ra == rb, "%s case %ld (seed %llu): status %d fast, %d exact", kind, index,
            (unsigned long long)seed, ra, rb);
    t->cases++;
    if (ra != SL_OK) {
        t->refused++;
        return;
    }
    REQUIRE(sl_rate_compare(a.rate, b.rate) == 0 && sl_rate_compare(a.low, b.low) == 0 &&
                sl_rate_compare(a.high, b.high) == 0 && a.exact == b.exact,
            "%s case %ld (seed %llu): %lld/%lld fast, %lld/%lld exact", kind, index,
            (unsigned long long)seed, (long long)a.rate.num, (long long)a.rate.den,
            (long long)b.rate.num, (long long)b.rate.den);
    if (a.precision == SL__APR_FAST_PRECISION)
        t->fast++;
    else
        t->fallback++;
}

static sl_apr_options random_options(test_rng *g)
{
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    if (rng_range(g, 0, 3) == 0) {
        o.decimals = (int)rng_range(g, 1, SL_APR_MAX_DECIMALS);
        o.mode = (sl_round_mode)rng_range(g, 0, 3);
    }
    return o;
}

/* A plan from the engine: drawn at 0, each row's payment at its term. */
static size_t plan_flows(sl_apr_flow *f, test_rng *g, int short_or_long, int fee_heavy)
{
    static const int freq[] = {12, 12, 12, 4, 2, 1};
    sl_loan_terms t;
    sl_loan_terms_init(&t);
    t.terms_per_year = freq[rng_range(g, 0, 5)];
    t.terms = short_or_long == 1   ? (int)rng_range(g, 1, 6)
              : short_or_long == 2 ? (int)rng_range(g, 600, 1200)
                                   : (int)rng_range(g, 12, 360);
    if (t.terms > 50 * t.terms_per_year)
        t.terms = 50 * t.terms_per_year;
    t.principal = fee_heavy ? rng_range(g, 10000, 500000) : rng_range(g, 1000000, 800000000);
    t.type = rng_range(g, 0, 3) ? SL_LOAN_ANNUITY : SL_LOAN_SERIAL;
    ck_assert_int_eq(sl_rate_from_fraction(&t.nominal_rate, rng_range(g, 0, 20000), 100000),
                     SL_OK);
    t.term_fee = fee_heavy ? rng_range(g, 1000, 20000) : rng_range(g, 0, 10000);
    t.establishment_fee = fee_heavy ? rng_range(g, 0, t.principal - 1) : rng_range(g, 0, 300000);
    if (t.establishment_fee >= t.principal)
        t.establishment_fee = 0;
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    f[0] = (sl_apr_flow){0, 1, t.principal - t.establishment_fee};
    size_t n = 1;
    sl_plan_row r;
    while (sl_plan_next(plan, &r) == 1)
        f[n++] = (sl_apr_flow){r.term, t.terms_per_year, -r.payment};
    sl_plan_free(plan);
    return n;
}

/* Payments p_k at k / per_year years and the amount drawn chosen so that the
 * root lies within about 10^-12 of the grid point m / (2S) of the options'
 * decimals (or exactly on it when the drawn amount comes out whole). */
static size_t near_grid_flows(sl_apr_flow *f, test_rng *g, const sl_apr_options *o)
{
    int per_year = rng_range(g, 0, 1) ? 12 : 1;
    size_t n = (size_t)rng_range(g, 1, 120);
    int64_t s = 1;
    for (int i = 0; i < o->decimals + 2; i++)
        s *= 10;
    int64_t m = rng_range(g, 1, 2 * s * 3 / 10 + 1); /* 0 % .. 30 % */
    mpfr_t v, x, sum;
    mpfr_inits2(256, v, x, sum, (mpfr_ptr)0);
    /* v = (1 + m/(2S))^(−1/per_year) */
    mpfr_set_si(x, m, MPFR_RNDN);
    mpfr_div_si(x, x, 2 * s, MPFR_RNDN);
    mpfr_add_ui(x, x, 1, MPFR_RNDN);
    mpfr_rootn_ui(v, x, (unsigned long)per_year, MPFR_RNDN);
    mpfr_ui_div(v, 1, v, MPFR_RNDN);
    mpfr_set_ui(sum, 0, MPFR_RNDN);
    mpfr_set_ui(x, 1, MPFR_RNDN);
    int64_t big = rng_range(g, 0, 1) ? (int64_t)1 << 40 : 1000000;
    for (size_t k = 1; k <= n; k++) {
        int64_t p = rng_range(g, big / 2, big);
        f[k] = (sl_apr_flow){(int64_t)k, per_year, -p};
        mpfr_mul(x, x, v, MPFR_RNDN);
        mpfr_t term;
        mpfr_init2(term, 256);
        mpfr_mul_si(term, x, p, MPFR_RNDN);
        mpfr_add(sum, sum, term, MPFR_RNDN);
        mpfr_clear(term);
    }
    long tweak = (long)rng_range(g, -2, 2);
    f[0] = (sl_apr_flow){0, 1, (int64_t)mpfr_get_si(sum, MPFR_RNDN) + tweak};
    mpfr_clears(v, x, sum, (mpfr_ptr)0);
    return n + 1;
}

/* One sign change, the root below 0 (allowed), or several (refused). */
static size_t sign_flows(sl_apr_flow *f, test_rng *g, int changes)
{
    size_t n = (size_t)rng_range(g, 3, 40);
    int64_t sign = 1;
    int left = changes;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && left > 0 && rng_range(g, 0, (int64_t)(n - k)) < left) {
            sign = -sign;
            left--;
        }
        f[k] = (sl_apr_flow){(int64_t)k, 12, sign * rng_range(g, 1, 10000000)};
    }
    return n;
}

/* Flows on days: D = 365 or 365 · 366, gaps of 28 to 31 days. */
static size_t dated_flows(sl_apr_flow *f, test_rng *g)
{
    size_t n = (size_t)rng_range(g, 2, 240);
    int64_t day = 0, den = rng_range(g, 0, 1) ? 365 : 365 * 366;
    f[0] = (sl_apr_flow){0, 1, rng_range(g, 1000000, 100000000)};
    int64_t pay = f[0].amount / (int64_t)n * 11 / 10 + 1;
    for (size_t k = 1; k < n; k++) {
        day += rng_range(g, 28, 31);
        f[k] = (sl_apr_flow){day * (den / 365), den, -pay - rng_range(g, 0, 1000)};
    }
    return n;
}

START_TEST(fast_path_agrees_with_exact_path)
{
    uint64_t seed = test_seed("fast apr");
    test_rng g = {seed};
    const char *env = getenv("SL_FAST_APR_CASES");
    long cases = env ? atol(env) : 20000;
    sl_apr_flow *f = malloc(1300 * sizeof *f);
    ck_assert_ptr_nonnull(f);
    tally plans = {0, 0, 0, 0}, adversarial = {0, 0, 0, 0};
    for (long i = 0; i < cases; i++) {
        sl_apr_options o = random_options(&g);
        int kind = (int)rng_range(&g, 0, 15);
        size_t n;
        tally *t = &adversarial;
        const char *name;
        if (kind < 8) { /* plain plans: the fast path should decide nearly all */
            n = plan_flows(f, &g, 0, 0);
            o = (sl_apr_options)SL_APR_OPTIONS_INIT;
            t = &plans;
            name = "plan";
        } else if (kind == 8) {
            n = plan_flows(f, &g, (int)rng_range(&g, 1, 2), 0);
            name = "short or long plan";
        } else if (kind == 9) {
            n = plan_flows(f, &g, 0, 1);
            name = "fees near the payment";
        } else if (kind <= 11) {
            n = near_grid_flows(f, &g, &o);
            name = "root near a grid point";
        } else if (kind == 12) {
            n = sign_flows(f, &g, 1);
            o.allow_negative = 1;
            name = "one sign change, negative allowed";
        } else if (kind == 13) {
            n = sign_flows(f, &g, (int)rng_range(&g, 2, 4));
            o.allow_negative = (int)rng_range(&g, 0, 1);
            name = "several sign changes";
        } else {
            n = dated_flows(f, &g);
            name = "dated";
        }
        compare(t, f, n, &o, name, seed, i);
    }
    free(f);
    printf("fast apr: %ld plans, %ld decided by the bound, %ld by the exact path; "
           "%ld adversarial cases, %ld decided by the bound, %ld by the exact path, %ld "
           "refused by both\n",
           plans.cases, plans.fast, plans.fallback, adversarial.cases, adversarial.fast,
           adversarial.fallback, adversarial.refused);
    /* The fast path must carry the common case, or it is not tested. */
    ck_assert_msg(plans.fast * 1000 >= plans.cases * 999, "the bound decided only %ld of %ld",
                  plans.fast, plans.cases);
    ck_assert_msg(adversarial.fallback > 0, "no case reached the exact path");
}
END_TEST

/* A root exactly on a rounding tie: the bound cannot decide it, the exact
 * path proves it with rationals (1 000 drawn, 1 050 repaid after six equal
 * months: (1 + X)^(1/2) = 1.05, X = 10.25 %, a tie at one decimal). */
START_TEST(exact_tie_falls_back)
{
    sl_apr_flow f[] = {{0, 1, 100000}, {6, 12, -105000}};
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    o.decimals = 1;
    sl_apr_result r;
    ck_assert_int_eq(sl_apr(&r, f, 2, &o, NULL), SL_OK);
    ck_assert_int_eq(r.exact, 1);
    ck_assert_int_ne(r.precision, SL__APR_FAST_PRECISION);
    ck_assert_int_eq(r.rate.num, 103);
    ck_assert_int_eq(r.rate.den, 1000);
}
END_TEST

static void compare_conversion(tally *t, sl_rate e, int n, int decimals, sl_round_mode mode,
                               uint64_t seed, long index)
{
    sl_rate a = {0, 1}, b = {0, 1};
    int da = 2, db = 2, slow = 0;
    int ra = sl__effective_to_nominal(&a, &da, e, n, decimals, mode, 1, &slow, NULL);
    int rb = sl__effective_to_nominal(&b, &db, e, n, decimals, mode, 0, NULL, NULL);
    REQUIRE(ra == rb && (ra != SL_OK || (sl_rate_compare(a, b) == 0 && da == db)),
            "conversion %ld (seed %llu): %lld/%lld, n %d, %d decimals, mode %d: "
            "%lld/%lld (%d) fast, %lld/%lld (%d) exact",
            index, (unsigned long long)seed, (long long)e.num, (long long)e.den, n, decimals,
            (int)mode, (long long)a.num, (long long)a.den, da, (long long)b.num,
            (long long)b.den, db);
    t->cases++;
    if (ra != SL_OK)
        t->refused++;
    else if (slow)
        t->fallback++;
    else
        t->fast++;
}

/* An effective rate whose nominal rate (n terms a year) is within about
 * 10^-15 of `target` (a fraction of one), or exactly it when exact. */
static sl_rate effective_near(double target_num, int64_t target_den, int n, int exact)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, target_num);
    mpz_mul_si(mpq_denref(q), mpq_denref(q), target_den * n);
    mpq_canonicalize(q); /* rn / n */
    mpz_add(mpq_numref(q), mpq_numref(q), mpq_denref(q));
    mpz_pow_ui(mpq_numref(q), mpq_numref(q), (unsigned long)n);
    mpz_pow_ui(mpq_denref(q), mpq_denref(q), (unsigned long)n);
    mpz_sub(mpq_numref(q), mpq_numref(q), mpq_denref(q));
    sl_rate r;
    if (!exact || sl_rate_from_mpq(&r, q) != SL_OK) {
        /* the nearest fraction with denominator 10^15 */
        mpz_t k;
        mpz_init(k);
        mpz_mul_ui(k, mpq_numref(q), 1000000000000000ul);
        mpz_fdiv_q(k, k, mpq_denref(q));
        r.num = mpz_get_si(k);
        r.den = 1000000000000000;
        mpz_clear(k);
    }
    mpq_clear(q);
    return r;
}

START_TEST(conversion_fast_path_agrees_with_exact_path)
{
    uint64_t seed = test_seed("fast conversion");
    test_rng g = {seed};
    static const int freq[] = {1, 2, 4, 12, 26, 52, 365, 366};
    tally random = {0, 0, 0, 0}, boundary = {0, 0, 0, 0};
    long index = 0;
    for (int i = 0; i < 50000; i++, index++) {
        int64_t den = rng_range(&g, 0, 1) ? 100000 : rng_range(&g, 1, 1000000000);
        sl_rate e = {rng_range(&g, -den + 1, 2 * den), den};
        int n = freq[rng_range(&g, 0, 7)];
        /* one term a year: nominal = effective, a whole last digit, exact path */
        compare_conversion(n == 1 ? &boundary : &random, e, n, (int)rng_range(&g, 0, 5),
                           (sl_round_mode)rng_range(&g, 0, 3), seed, index);
    }
    /* Near and on every kind of boundary: k / S and (k + 1/2) / S. */
    for (int decimals = 0; decimals <= SL_RATE_MAX_DECIMALS; decimals++) {
        int64_t s = 1;
        for (int i = 0; i < decimals + 2; i++)
            s *= 10;
        for (int j = 0; j < 400; j++, index++) {
            int n = freq[rng_range(&g, 0, 7)];
            int exact = n <= 4 && decimals <= 4 && rng_range(&g, 0, 1);
            double k = (double)rng_range(&g, 1, s / 5 + 1) + (rng_range(&g, 0, 1) ? 0.5 : 0);
            sl_rate e = effective_near(k, s, n, exact);
            for (int mode = 0; mode < 4; mode++)
                compare_conversion(&boundary, e, n, decimals, (sl_round_mode)mode, seed, index);
        }
    }
    printf("fast conversion: %ld random, %ld decided by the bound, %ld by the exact path; "
           "%ld near or on a boundary (or one term a year), %ld decided by the bound, %ld by the exact path\n",
           random.cases, random.fast, random.fallback, boundary.cases, boundary.fast,
           boundary.fallback);
    ck_assert_msg(random.fast * 1000 >= (random.cases - random.refused) * 999,
                  "the bound decided only %ld of %ld", random.fast, random.cases);
    ck_assert_msg(boundary.fallback > 0, "no case reached the exact path");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fast_paths");
    TCase *tc = tcase_create("against the exact path");
    tcase_set_timeout(tc, 3600);
    tcase_add_test(tc, fast_path_agrees_with_exact_path);
    tcase_add_test(tc, exact_tie_falls_back);
    tcase_add_test(tc, conversion_fast_path_agrees_with_exact_path);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
