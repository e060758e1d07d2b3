/* The rounded annuity from doubles, when a proven error bound decides it.
 *
 * A = P·r / (1 − (1 + r)^−n), r = a/b per term, evaluated as
 * P·f / unit with the annuity factor f = fl(r̂ / w), r̂ = fl(a/b),
 * x = fl(−n · log1p(r̂)), w = −expm1(x). r̂ and log1p(r̂) depend on the
 * rate alone: a book's loans on one rate history share them (plan_cache.c).
 * With u = 2^−53 and log1p, expm1 within 2 ulp (glibc documents 1–2):
 *   r̂ = r(1 + e), |e| <= u, and log1p's condition number r / ((1+r) log1p r)
 *   is at most 1, so log1p(r̂) is within 3u of log1p(r) relatively;
 *   x within 5u (one more rounding of the product);
 *   for x < 0, expm1's condition number |x| e^x / (1 − e^x) is at most 1,
 *   so w is within 7u of 1 − v^n;
 *   three more roundings (r̂ / w, the product with P, the division by the
 *   unit) and r̂'s own: A within 11u < 2^−49.5 relatively.
 * The interval A·(1 ± 2^−44) holds the exact annuity with a margin of about
 * 45 times that (room for a libm some ulp worse than documented); when no
 * rounding boundary of the mode lies in it, every value in it rounds alike
 * and the answer is certain. Otherwise (the annuity within about 10^−13
 * relatively of a boundary, or an exact tie) the caller's 128-bit bounds
 * and, past them, the exact rational decide. Tests compare every answer
 * with the exact rational. */
#include <math.h>

#include "annuity_internal.h"

int sl__annuity_double_rate(double *r, double *log1p_r, int64_t a, int64_t b)
{
    const int64_t exact = (int64_t)1 << 53; /* integers doubles hold exactly */
    if (a <= 0 || b <= 0 || a >= exact || b >= exact)
        return 0;
    *r = (double)a / (double)b;
    *log1p_r = log1p(*r);
    return 1;
}

int sl__annuity_double_factor(double *out, int64_t a, int64_t b, int n)
{
    double r, l;
    return sl__annuity_double_rate(&r, &l, a, b) && sl__annuity_double_factor_of(out, r, l, n);
}

int sl__annuity_by_double(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode)
{
    double f;
    return sl__annuity_double_factor(&f, a, b, n) &&
           sl__annuity_round_factor(out, balance, f, unit, mode);
}
