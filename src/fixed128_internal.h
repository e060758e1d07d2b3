/* Private: 128-bit fixed-point arithmetic with outward rounding, for bounds
 * that are certain (annuity_bounds.c, apr.c). A number x in [0, 1] is held
 * as x · 2^127 in an unsigned 128-bit integer; every product is floored or
 * ceiled on request, so a chain of products gives a lower or an upper bound. */
#ifndef SL_FIXED128_INTERNAL_H
#define SL_FIXED128_INTERNAL_H

#include <stdint.h>

#include "int128_internal.h"

#ifdef SL_HAVE_INT128
#define SL_HAVE_FIXED128 1
__extension__ typedef unsigned __int128 sl_u128;

#define SL_FIXED_ONE ((sl_u128)1 << 127) /* 1.0 */

/* x · y as a 256-bit number hi · 2^128 + lo. */
static inline void sl__mul_wide(sl_u128 x, sl_u128 y, sl_u128 *hi, sl_u128 *lo)
{
    const sl_u128 mask = ((sl_u128)1 << 64) - 1;
    sl_u128 x0 = x & mask, x1 = x >> 64, y0 = y & mask, y1 = y >> 64;
    sl_u128 p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
    sl_u128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    *lo = (p00 & mask) | (mid << 64);
    *hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/* x · y / 2^127 for x, y <= 1.0: floored (up = 0) or ceiled (up = 1). */
static inline sl_u128 sl__mul_fixed(sl_u128 x, sl_u128 y, int up)
{
    sl_u128 hi, lo;
    sl__mul_wide(x, y, &hi, &lo);
    sl_u128 q = (hi << 1) | (lo >> 127);
    if (up && (lo & (SL_FIXED_ONE - 1)) != 0)
        q++;
    return q;
}

/* v^n (n >= 0, v <= 1.0), every product rounded the same way. */
static inline sl_u128 sl__pow_fixed(sl_u128 v, uint64_t n, int up)
{
    sl_u128 result = SL_FIXED_ONE;
    while (n) {
        if (n & 1)
            result = sl__mul_fixed(result, v, up);
        n >>= 1;
        if (n)
            v = sl__mul_fixed(v, v, up);
    }
    return result;
}
#endif

#endif
