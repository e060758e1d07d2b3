/* Annuity level payment, serial instalment and one term's interest, exactly. */
#include "annuity_internal.h"
#include "arith_internal.h"
#include "plan_cache_internal.h"
#include "startlan/annuity.h"

/* Numerator and denominator (in øre) of A = P·a·(a+b)^n / (b·((a+b)^n − b^n)),
 * where the rate per term is r = a/b; for r = 0, A = P / n. */
static void annuity_fraction(mpz_t num, mpz_t den, sl_money balance, sl_rate annual, int k, int n)
{
    mpz_t a, b, s, t;
    mpz_inits(a, b, s, t, NULL);
    sl__mpz_set_i64(a, annual.num);
    sl__mpz_set_i64(b, annual.den);
    mpz_mul_ui(b, b, (unsigned long)k);
    sl__mpz_set_i64(num, balance);
    if (mpz_sgn(a) == 0) {
        mpz_set_ui(den, (unsigned long)n);
    } else {
        mpz_gcd(t, a, b);
        mpz_divexact(a, a, t);
        mpz_divexact(b, b, t);
        mpz_add(s, a, b);
        mpz_pow_ui(s, s, (unsigned long)n); /* (a+b)^n */
        mpz_pow_ui(t, b, (unsigned long)n); /* b^n */
        mpz_sub(den, s, t);
        mpz_mul(den, den, b);
        mpz_mul(num, num, a);
        mpz_mul(num, num, s);
    }
    mpz_clears(a, b, s, t, NULL);
}

static int check_args(sl_rate annual, int k, int n)
{
    /* The bounds keep (1 + r)^n a number GMP computes in milliseconds: an
     * exponent of 2^31 asked for gigabytes (and GMP aborts when it cannot). */
    if (n < 1 || n > SL_ANNUITY_MAX_TERMS || k < 1 || k > SL_ANNUITY_MAX_TERMS_PER_YEAR ||
        annual.den <= 0 || annual.num < 0)
        return SL_EINVAL;
    return SL_OK;
}

int sl_annuity_exact(mpq_t out, sl_money balance, sl_rate annual_rate, int terms_per_year, int n)
{
    int rc = check_args(annual_rate, terms_per_year, n);
    if (rc != SL_OK)
        return rc;
    annuity_fraction(mpq_numref(out), mpq_denref(out), balance, annual_rate, terms_per_year, n);
    mpq_canonicalize(out);
    return SL_OK;
}

/* sl_annuity_payment, with the double factor from cache when one is given. */
static int payment(sl_money *out, sl_plan_cache *cache, sl_money balance, sl_rate annual_rate,
                   int terms_per_year, int n, sl_rounding rounding)
{
    int rc = check_args(annual_rate, terms_per_year, n);
    if (rc != SL_OK)
        return rc;
    if (!out)
        return SL_ENULL;
    if (!sl__rounding_valid(rounding))
        return SL_EINVAL;
    /* The rate per term a/b in lowest terms; a double with a proven error
     * bound first, then certain 128-bit bounds (together almost always
     * decisive), the exact rational when they are not. */
    int64_t a = annual_rate.num, b;
    if (a > 0 && !__builtin_mul_overflow(annual_rate.den, (int64_t)terms_per_year, &b)) {
        /* a/b need not be in lowest terms for a double */
        double f;
        if (cache ? sl__plan_cache_factor(cache, &f, a, b, n) &&
                        sl__annuity_round_factor(out, balance, f, rounding.unit, rounding.mode)
                  : sl__annuity_by_double(out, balance, a, b, n, rounding.unit, rounding.mode))
            return SL_OK;
        int64_t x = a, y = b;
        while (y) {
            int64_t t = x % y;
            x = y;
            y = t;
        }
        if (sl__annuity_by_bounds(out, balance, a / x, b / x, n, rounding.unit, rounding.mode))
            return SL_OK;
    }
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    annuity_fraction(num, den, balance, annual_rate, terms_per_year, n);
    rc = sl__mpz_round_quotient(num, NULL, num, den, rounding.unit, rounding.mode);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, num);
    mpz_clears(num, den, NULL);
    return rc;
}

int sl_annuity_payment(sl_money *out, sl_money balance, sl_rate annual_rate, int terms_per_year,
                       int n, sl_rounding rounding)
{
    return payment(out, NULL, balance, annual_rate, terms_per_year, n, rounding);
}

int sl__annuity_payment_cached(sl_money *out, sl_plan_cache *cache, sl_money balance,
                               sl_rate annual_rate, int terms_per_year, int n,
                               sl_rounding rounding)
{
    return payment(out, cache, balance, annual_rate, terms_per_year, n, rounding);
}

int sl_serial_instalment(sl_money *out, sl_money balance, int n)
{
    if (!out)
        return SL_ENULL;
    if (n < 1)
        return SL_EINVAL;
    return sl__muldiv_round(out, NULL, balance, 1, n, 1, 1, SL_ROUND_HALF_UP);
}

int sl_interest_for_term(sl_money *out, sl_money balance, sl_rate annual_rate, int terms_per_year)
{
    if (!out)
        return SL_ENULL;
    if (terms_per_year < 1 || annual_rate.den <= 0)
        return SL_EINVAL;
    return sl__muldiv_round(out, NULL, balance, annual_rate.num, annual_rate.den, terms_per_year, 1,
                            SL_ROUND_HALF_UP);
}
