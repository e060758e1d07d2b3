/* Private: the certified fast route to the rounded annuity (annuity_bounds.c). */
#ifndef SL_ANNUITY_INTERNAL_H
#define SL_ANNUITY_INTERNAL_H

#include <math.h>
#include <stdint.h>

#include "startlan/money.h"
#include "startlan/rounding.h"

/* The annuity of balance at a rate a/b per term over n terms, rounded to a
 * multiple of unit by mode, when interval bounds decide it with certainty:
 * returns 1 and sets *out; returns 0 (out untouched) when they cannot, and the
 * caller computes the exact rational instead. a, b > 0. */
int sl__annuity_by_bounds(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode);

/* The same from a double-precision evaluation with a proven error bound
 * (annuity_double.c): decides unless the annuity lies within about 10^-13 of
 * its value from a rounding boundary; 0 then, and the bounds decide. */
int sl__annuity_by_double(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode);

/* The two halves of sl__annuity_by_double: the factor r / (1 − (1 + r)^−n)
 * in doubles (0 when a double cannot be trusted for it), and the certified
 * rounding of balance × factor (0 when it cannot decide). The factor is the
 * same for every balance, so it may be kept and reused (plan_cache.c). */
int sl__annuity_double_factor(double *out, int64_t a, int64_t b, int n);
/* The factor in two steps: the rate's own part, r̂ = fl(a/b) and
 * log1p(r̂) (0 when a, b are too large for a double), then the factor of n
 * terms from them, bit for bit what sl__annuity_double_factor gives. */
int sl__annuity_double_rate(double *r, double *log1p_r, int64_t a, int64_t b);
/* (Inline: a book recomputes an annuity at every second row; the proofs
 * are in annuity_double.c.) */
static inline int sl__annuity_double_factor_of(double *out, double r, double log1p_r, int n)
{
    if (n < 1)
        return 0;
    double x = -(double)n * log1p_r;
    double w = -expm1(x);
    if (!(w > 0) || !(x < 0))
        return 0;
    *out = r / w;
    return 1;
}

static inline int sl__annuity_round_factor(sl_money *out, sl_money balance, double factor,
                                           int64_t unit, sl_round_mode mode)
{
    const int64_t exact = (int64_t)1 << 53;
    if (balance <= 0 || unit < 1 || unit > 100 || balance >= exact || !(factor > 0))
        return 0;
    double units = (double)balance * factor; /* in øre; a division by 1 is exact and skipped */
    if (unit != 1)
        units /= (double)unit;
    double delta = 0x1p-44;
    double lo = units * (1 - delta), hi = units * (1 + delta);
    if (!(lo >= 0) || !(hi < 0x1p52))
        return 0;
    double k = (double)(int64_t)lo, q; /* floor(lo), exactly: 0 <= lo < 2^52 */
    switch (mode) {
    case SL_ROUND_DOWN:
        if (!(hi < k + 1))
            return 0;
        q = k;
        break;
    case SL_ROUND_UP:
        if (lo == k || !(hi <= k + 1)) /* the exact value is above lo: ceil is k + 1 */
            return 0;
        q = k + 1;
        break;
    case SL_ROUND_HALF_UP:
    case SL_ROUND_HALF_EVEN: { /* k + 0.5 is the boundary; no tie lies inside */
        /* up or down is the data's (as often one as the other): chosen by
         * selects, not a branch the processor would guess wrong half the time */
        int up = lo > k + 0.5;
        double bound = k + 0.5 + (double)up; /* the interval must end below it (exact) */
        if (!(hi < bound))
            return 0;
        q = k + up;
        break;
    }
    default:
        return 0;
    }
    *out = (sl_money)q * unit;
    return 1;
}

#endif
