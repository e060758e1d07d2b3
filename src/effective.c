/* Effective rate (effektiv rente) <-> nominal rate, correctly rounded. */
#include "startlan/effective.h"

#include <stdio.h>

#include <mpfr.h>

#include "arith_internal.h"
#include "decimal_internal.h"
#include "fastroot_internal.h"

static int check_common(int terms_per_year, int decimals, sl_round_mode mode, sl_error *err)
{
    char v[32];
    if (terms_per_year < 1 || terms_per_year > SL_EFFECTIVE_MAX_TERMS_PER_YEAR) {
        snprintf(v, sizeof v, "%d", terms_per_year);
        return sl__fail(err, SL_EINVAL, "terms_per_year", v,
                        "terms_per_year %d: must be from 1 to %d", terms_per_year,
                        SL_EFFECTIVE_MAX_TERMS_PER_YEAR);
    }
    if (decimals < 0 || decimals > SL_RATE_MAX_DECIMALS) {
        snprintf(v, sizeof v, "%d", decimals);
        return sl__fail(err, SL_EINVAL, "decimals", v, "decimals %d: must be from 0 to %d",
                        decimals, SL_RATE_MAX_DECIMALS);
    }
    if (mode < SL_ROUND_HALF_UP || mode > SL_ROUND_UP) {
        snprintf(v, sizeof v, "%d", (int)mode);
        return sl__fail(err, SL_EINVAL, "mode", v, "mode %d: unknown rounding mode", (int)mode);
    }
    return SL_OK;
}

/* Round the exact rational value (fraction of one) to the decimal and store it. */
static int finish_exact(sl_rate *out, int *direction, const mpq_t value, int decimals,
                        sl_round_mode mode, sl_error *err)
{
    mpq_t q;
    mpz_t s, k;
    mpq_init(q);
    mpz_inits(s, k, NULL);
    sl__decimal_scale(s, decimals);
    mpq_set_z(q, s);
    mpq_mul(q, q, value);
    int dir = 0;
    sl__mpq_round_mode(k, &dir, q, mode);
    sl_rate r;
    int rc = sl__rate_from_scaled(&r, k, decimals);
    if (rc == SL_OK) {
        *out = r;
        if (direction)
            *direction = dir;
    } else {
        rc = sl__fail(err, SL_ERANGE, "rate", "", "the converted rate is too large");
    }
    mpz_clears(s, k, NULL);
    mpq_clear(q);
    return rc;
}

static void rate_text(char *buf, size_t size, sl_rate r)
{
    if (sl_rate_format_percent(buf, size, r, SL_RATE_EXACT, SL_ROUND_HALF_UP, '.') < 0)
        sl_rate_format_percent(buf, size, r, 12, SL_ROUND_HALF_UP, '.');
}

int sl_nominal_to_effective(sl_rate *out, int *direction, sl_rate nominal, int terms_per_year,
                            int decimals, sl_round_mode mode, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (nominal.den <= 0)
        return sl__fail(err, SL_EINVAL, "nominal", "", "nominal: not a rate (denominator 0 or below)");
    int rc = check_common(terms_per_year, decimals, mode, err);
    if (rc != SL_OK)
        return rc;
    mpq_t x;
    mpq_init(x);
    sl_rate_to_mpq(x, nominal);
    /* base = 1 + rn/n */
    mpz_mul_ui(mpq_denref(x), mpq_denref(x), (unsigned long)terms_per_year);
    mpq_canonicalize(x);
    mpz_add(mpq_numref(x), mpq_numref(x), mpq_denref(x));
    if (mpz_sgn(mpq_numref(x)) <= 0) {
        char v[SL_RATE_BUFSIZE];
        rate_text(v, sizeof v, nominal);
        mpq_clear(x);
        return sl__fail(err, SL_EINVAL, "nominal", v,
                        "nominal %s %%: the rate per term must be above -100 %%", v);
    }
    /* A huge rate would make an enormous power: it cannot fit anyway. */
    if (mpz_sizeinbase(mpq_numref(x), 2) > 80 + mpz_sizeinbase(mpq_denref(x), 2)) {
        mpq_clear(x);
        return sl__fail(err, SL_ERANGE, "nominal", "", "the effective rate is too large");
    }
    mpz_pow_ui(mpq_numref(x), mpq_numref(x), (unsigned long)terms_per_year);
    mpz_pow_ui(mpq_denref(x), mpq_denref(x), (unsigned long)terms_per_year);
    mpz_sub(mpq_numref(x), mpq_numref(x), mpq_denref(x));
    mpq_canonicalize(x);
    rc = finish_exact(out, direction, x, decimals, mode, err);
    mpq_clear(x);
    return rc;
}

/* One Ziv step: bounds lo <= S·((base)^(1/n) − 1)·n <= hi at precision prec. */
static void nominal_bounds(mpfr_t lo, mpfr_t hi, const mpq_t base, unsigned long n, const mpz_t s)
{
    mpfr_set_q(lo, base, MPFR_RNDD);
    mpfr_set_q(hi, base, MPFR_RNDU);
    mpfr_rootn_ui(lo, lo, n, MPFR_RNDD);
    mpfr_rootn_ui(hi, hi, n, MPFR_RNDU);
    mpfr_sub_ui(lo, lo, 1, MPFR_RNDD);
    mpfr_sub_ui(hi, hi, 1, MPFR_RNDU);
    /* Multiplying by the positive n·S keeps the order. */
    mpfr_mul_ui(lo, lo, n, MPFR_RNDD);
    mpfr_mul_ui(hi, hi, n, MPFR_RNDU);
    mpfr_mul_z(lo, lo, s, MPFR_RNDD);
    mpfr_mul_z(hi, hi, s, MPFR_RNDU);
}

/* The fast path: the value v = S·n·((1 + re)^(1/n) − 1) in double precision
 * with a proven bound B of its error, and the rounded decimal only when
 * [v − B, v + B] holds no rounding boundary and no whole number (so neither
 * the digit nor the direction can depend on the error). The root ŷ is
 * bounded in fastroot_internal.h: ŷ = y(1 + δ), |δ| <= η, so S·n·(ŷ − 1)
 * differs from v by at most S·n·ŷ·η/(1 − η), and the subtraction and the
 * product round by at most 2u|v̂| together; B is that sum times 1.01 (covering the roundings of the bound itself), plus 2^-50
 * for the roundings of the fraction v̂ − floor(v̂) compared below. Returns 1
 * with *out and *direction set, or 0 (the exact path decides). */
static int nominal_fast(sl_rate *out, int *direction, sl_rate effective, int n, int decimals,
                        sl_round_mode mode)
{
#ifdef SL_FAST_DOUBLES
    const int64_t limit = (int64_t)1 << 53;
    int64_t base, s = 1, sn;
    for (int i = 0; i < decimals + 2; i++)
        s *= 10;
    if (effective.den > limit || __builtin_add_overflow(effective.den, effective.num, &base) ||
        base <= 0 || base > limit || __builtin_mul_overflow(s, (int64_t)n, &sn) || sn > limit)
        return 0;
    double y = exp(log1p((double)effective.num / (double)effective.den) / n);
    double eta = sl__root_error(y, (double)base, (double)effective.den, n);
    if (eta < 0 || eta > 0x1p-20)
        return 0;
    double v = (double)sn * (y - 1);
    double bound = 1.01 * (2 * SL_FAST_U * fabs(v) + (double)sn * y * eta / (1 - eta)) + 0x1p-50;
    if (!(fabs(v) < 0x1p50))
        return 0;
    double fl = floor(v), frac = v - fl; /* the true value − fl is within bound of frac */
    if (!(frac - bound > 0 && frac + bound < 1))
        return 0; /* a whole number may lie within the bound */
    int64_t k = (int64_t)fl;
    int up; /* the result is fl + 1 */
    if (mode == SL_ROUND_HALF_UP || mode == SL_ROUND_HALF_EVEN) {
        if (frac + bound < 0.5)
            up = 0;
        else if (frac - bound > 0.5)
            up = 1;
        else
            return 0; /* a tie may lie within the bound */
    } else {
        up = (mode == SL_ROUND_UP) == (fl >= 0); /* away from zero, or toward it */
    }
    if (sl_rate_from_fraction(out, k + up, s) != SL_OK)
        return 0;
    if (direction)
        *direction = up ? 1 : -1;
    return 1;
#else /* no IEEE doubles as assumed: the exact path decides */
    (void)out;
    (void)direction;
    (void)effective;
    (void)n;
    (void)decimals;
    (void)mode;
    return 0;
#endif
}

int sl_effective_to_nominal(sl_rate *out, int *direction, sl_rate effective, int terms_per_year,
                            int decimals, sl_round_mode mode, sl_error *err)
{
    return sl__effective_to_nominal(out, direction, effective, terms_per_year, decimals, mode, 1,
                                    NULL, err);
}

int sl__effective_to_nominal(sl_rate *out, int *direction, sl_rate effective, int terms_per_year,
                             int decimals, sl_round_mode mode, int fast, int *exact_path,
                             sl_error *err)
{
    if (exact_path)
        *exact_path = 0;
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (effective.den <= 0)
        return sl__fail(err, SL_EINVAL, "effective", "", "effective: not a rate (denominator 0 or below)");
    int rc = check_common(terms_per_year, decimals, mode, err);
    if (rc != SL_OK)
        return rc;
    if (fast && nominal_fast(out, direction, effective, terms_per_year, decimals, mode))
        return SL_OK;
    if (exact_path)
        *exact_path = 1;
    unsigned long n = (unsigned long)terms_per_year;
    mpq_t base;
    mpq_init(base);
    sl_rate_to_mpq(base, effective);
    mpz_add(mpq_numref(base), mpq_numref(base), mpq_denref(base)); /* 1 + re */
    if (mpz_sgn(mpq_numref(base)) <= 0) {
        char v[SL_RATE_BUFSIZE];
        rate_text(v, sizeof v, effective);
        mpq_clear(base);
        return sl__fail(err, SL_EINVAL, "effective", v,
                        "effective %s %%: must be above -100 %%", v);
    }
    /* Rational case: 1 + re = p/q with p, q perfect n-th powers. */
    mpz_t rp, rq;
    mpz_inits(rp, rq, NULL);
    if (mpz_root(rp, mpq_numref(base), n) && mpz_root(rq, mpq_denref(base), n)) {
        mpq_t v;
        mpq_init(v);
        mpz_sub(rp, rp, rq); /* root − 1 = (rp − rq)/rq */
        mpz_mul_ui(rp, rp, n);
        mpq_set_num(v, rp);
        mpq_set_den(v, rq);
        mpq_canonicalize(v);
        rc = finish_exact(out, direction, v, decimals, mode, err);
        mpq_clear(v);
        mpz_clears(rp, rq, NULL);
        mpq_clear(base);
        return rc;
    }
    mpz_clears(rp, rq, NULL);

    /* Irrational: no tie is possible; bracket until both ends agree and the
     * rounded value lies outside the bracket (so the direction is known). */
    mpz_t s, klo, khi;
    mpz_inits(s, klo, khi, NULL);
    sl__decimal_scale(s, decimals);
    mpfr_t lo, hi;
    mpfr_inits2(64, lo, hi, (mpfr_ptr)0);
    rc = SL_ERANGE;
    int decided = 0;
    for (mpfr_prec_t prec = 64; prec <= SL_EFFECTIVE_MAX_PRECISION; prec *= 2) {
        mpfr_set_prec(lo, prec);
        mpfr_set_prec(hi, prec);
        nominal_bounds(lo, hi, base, n, s);
        sl__mpfr_round_mode(klo, lo, mode);
        sl__mpfr_round_mode(khi, hi, mode);
        if (mpz_cmp(klo, khi) != 0)
            continue;
        int below = mpfr_cmp_z(lo, klo) > 0; /* k < lo <= value */
        int above = mpfr_cmp_z(hi, klo) < 0; /* value <= hi < k */
        if (!below && !above)
            continue;
        sl_rate r;
        decided = 1;
        if (sl__rate_from_scaled(&r, klo, decimals) != SL_OK) {
            rc = sl__fail(err, SL_ERANGE, "effective", "", "the nominal rate is too large");
            break;
        }
        *out = r;
        if (direction)
            *direction = below ? -1 : 1;
        rc = SL_OK;
        break;
    }
    if (!decided)
        sl__fail(err, SL_ERANGE, "effective", "",
                 "the rounding could not be decided within %d bits", SL_EFFECTIVE_MAX_PRECISION);
    mpfr_clears(lo, hi, (mpfr_ptr)0);
    mpz_clears(s, klo, khi, NULL);
    mpq_clear(base);
    return rc;
}
