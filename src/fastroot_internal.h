/* Private: a root y = (p/q)^(1/n) in double precision with a proven bound
 * of its relative error, for the fast paths of the certified APR (apr_fast.c)
 * and of the effective → nominal conversion (effective.c).
 *
 * u = 2^-52 bounds the relative error of one double operation in every IEEE
 * rounding mode. Any approximation ŷ will do: r̂ = ŷ^n · q / p is computed
 * with n + 1 roundings (a product of j factors by squaring carries at most
 * j − 1 roundings: Higham, Accuracy and Stability of Numerical Algorithms,
 * §3.1), so the true r = (ŷ/y)^n satisfies |r̂/r − 1| <= θ = 1.001 (n + 1) u.
 * By the mean value theorem |r^(1/n) − 1| <= |r − 1| / (n · min(r, 1)), so
 * ŷ = y (1 + δ) with |δ| <= η = (|r̂ − 1| + r̂θ/(1 − θ)) / (n · min(r̂(1 − θ), 1)).
 * Valid only for IEEE binary64 without excess precision or -ffast-math
 * (SL_FAST_DOUBLES); elsewhere the fast paths decide nothing. */
#ifndef SL_FASTROOT_INTERNAL_H
#define SL_FASTROOT_INTERNAL_H

#include <float.h>
#include <math.h>
#include <stdint.h>

#if FLT_RADIX == 2 && DBL_MANT_DIG == 53 && defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0 && \
    !defined(__FAST_MATH__)
#define SL_FAST_DOUBLES 1
#endif

#define SL_FAST_U 0x1p-52 /* one rounding, any mode */

/* x^e (e >= 1) by squaring: a product of e factors x, e − 1 roundings at most. */
static inline double sl__pow_mul(double x, uint64_t e)
{
    double r = 1;
    for (;;) {
        if (e & 1)
            r *= x;
        e >>= 1;
        if (!e)
            return r;
        x *= x;
    }
}

/* η for ŷ ≈ (p/q)^(1/n), 0 < p, q <= 2^53 exact, 1 <= n <= 2^31; returns a
 * negative number when ŷ is too far off for the bound (then decide nothing). */
static inline double sl__root_error(double y, double p, double q, int64_t n)
{
    if (!(y > 0) || !isfinite(y))
        return -1;
    double r = sl__pow_mul(y, (uint64_t)n) * q / p, dn = (double)n;
    if (!(r > 0.5 && r < 2))
        return -1;
    double theta = 1.001 * (dn + 1) * SL_FAST_U, rmin = r * (1 - theta);
    return (fabs(r - 1) + r * theta / (1 - theta)) / (dn * (rmin < 1 ? rmin : 1));
}

#endif
