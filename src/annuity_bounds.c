/* A quick, certain answer for the rounded annuity in almost every case.
 *
 * The exact annuity A = P·a / (b·(1 − (b/s)^n)), s = a + b, is enclosed in
 * [L, U] with MPFR at 128 bits, every operation rounded outward (directed
 * rounding). Each rounding mode is a non-decreasing function of its argument,
 * so when L and U round to the same multiple of the unit, A rounds to it too:
 * that answer is certain, not probable. When they do not (A within about
 * 2^-100 of a rounding boundary, or an exact tie), the caller falls back to
 * the exact GMP rational. Either way the result equals the exact definition. */
#include <stdint.h>

#include <mpfr.h>

#include "annuity_internal.h"
#include "arith_internal.h"

#define BOUNDS_PREC 128

/* Apply the rounding mode to x (an integer-valued result, exact at this precision). */
static void round_integer(mpfr_t rop, const mpfr_t x, sl_round_mode mode)
{
    switch (mode) {
    case SL_ROUND_HALF_UP:
        mpfr_round(rop, x); /* nearest, ties away from zero */
        break;
    case SL_ROUND_HALF_EVEN:
        mpfr_rint(rop, x, MPFR_RNDN); /* nearest, ties to even */
        break;
    case SL_ROUND_DOWN:
        mpfr_trunc(rop, x);
        break;
    case SL_ROUND_UP:
        mpfr_rint(rop, x, MPFR_RNDA);
        break;
    }
}

/* One bound of A / unit: dir = MPFR_RNDD for the lower, MPFR_RNDU for the upper. */
static void bound(mpfr_t out, sl_money balance, int64_t a, int64_t b, int n, int64_t unit,
                  mpfr_rnd_t dir)
{
    mpfr_rnd_t rev = dir == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD;
    MPFR_DECL_INIT(v, BOUNDS_PREC);
    MPFR_DECL_INIT(s, BOUNDS_PREC);
    /* A is increasing in v = b/s, so the lower bound takes v low. */
    mpfr_set_sj(v, b, MPFR_RNDN); /* exact: b < 2^63 */
    mpfr_set_sj(s, a, MPFR_RNDN);
    mpfr_add(s, s, v, MPFR_RNDN);  /* exact: a + b < 2^64 */
    mpfr_div(v, v, s, dir);        /* b / s */
    mpfr_pow_ui(v, v, (unsigned long)n, dir); /* (b/s)^n */
    mpfr_ui_sub(v, 1, v, rev);     /* 1 − (b/s)^n: the other way */
    mpfr_set_sj(out, balance, MPFR_RNDN); /* exact */
    mpfr_set_sj(s, a, MPFR_RNDN);
    mpfr_mul(out, out, s, dir);    /* P·a: exact, < 2^126 */
    mpfr_set_sj(s, b, MPFR_RNDN);
    mpfr_mul_si(s, s, unit, MPFR_RNDN); /* b·unit: exact, < 2^70 at 128 bits */
    mpfr_div(out, out, s, dir);
    mpfr_div(out, out, v, dir);
}

int sl__annuity_by_bounds(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode)
{
    if (a <= 0 || b <= 0 || balance <= 0 || n < 1 || a > INT64_MAX - b)
        return 0;
    MPFR_DECL_INIT(lo, BOUNDS_PREC);
    MPFR_DECL_INIT(hi, BOUNDS_PREC);
    bound(lo, balance, a, b, n, unit, MPFR_RNDD);
    bound(hi, balance, a, b, n, unit, MPFR_RNDU);
    round_integer(lo, lo, mode);
    round_integer(hi, hi, mode);
    if (!mpfr_number_p(lo) || !mpfr_equal_p(lo, hi) || !mpfr_fits_intmax_p(lo, MPFR_RNDN))
        return 0;
    intmax_t units = mpfr_get_sj(lo, MPFR_RNDN); /* an exact integer */
    if (units > INT64_MAX / unit)
        return 0; /* the exact path reports the overflow */
    *out = (sl_money)units * unit;
    return 1;
}
