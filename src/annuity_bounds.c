/* A quick, certain answer for the rounded annuity in almost every case.
 *
 * The exact annuity A = P·a / (b·(1 − v^n)), v = b / (a + b), is enclosed in
 * [L, U] with 128-bit fixed-point arithmetic in which every operation is
 * rounded outward: v^n from below with v rounded down and every product
 * floored, and from above with v rounded up and every product ceiled. Each
 * rounding mode is a non-decreasing function of its argument, so when L and U
 * round to the same multiple of the unit, A rounds to it too: that answer is
 * certain, not probable. When they do not (A within about 2^-100 of a
 * rounding boundary, an exact tie, or 1 − v^n too small to bound), the caller
 * falls back to the exact GMP rational. Either way the result equals the
 * exact definition; tests compare the two on random loans and on ties. */
#include <gmp.h>

#include "annuity_internal.h"
#include "arith_internal.h"
#include "fixed128_internal.h"

#ifdef SL_HAVE_FIXED128
typedef sl_u128 u128;
#define ONE SL_FIXED_ONE
#define mul_wide sl__mul_wide
#define pow_fixed(v, n, up) sl__pow_fixed((v), (uint64_t)(n), (up))

/* A 256-bit number hi · 2^128 + lo as GMP limbs (64-bit limbs: 4 of them). */
static mp_size_t to_limbs(mp_limb_t *l, u128 hi, u128 lo)
{
    l[0] = (mp_limb_t)lo;
    l[1] = (mp_limb_t)(lo >> 64);
    l[2] = (mp_limb_t)hi;
    l[3] = (mp_limb_t)(hi >> 64);
    mp_size_t n = 4;
    while (n > 0 && l[n - 1] == 0)
        n--;
    return n;
}

/* round(N / D) by mode, N and D given as 256-bit numbers (D > 0).
 * Returns 0 and sets *out, or -1 when the quotient needs more than 64 bits. */
static int round_div(uint64_t *out, u128 n_hi, u128 n_lo, u128 d_hi, u128 d_lo, sl_round_mode mode)
{
    mp_limb_t np[4], dp[4], qp[4] = {0, 0, 0, 0}, rp[4] = {0, 0, 0, 0}, r2[5];
    mp_size_t nn = to_limbs(np, n_hi, n_lo), dn = to_limbs(dp, d_hi, d_lo);
    if (dn == 0)
        return -1;
    if (nn < dn) {
        qp[0] = 0;
        for (mp_size_t i = 0; i < nn; i++)
            rp[i] = np[i];
    } else
        mpn_tdiv_qr(qp, rp, 0, np, nn, dp, dn);
    for (int i = 1; i < 4; i++)
        if (qp[i] != 0)
            return -1;
    uint64_t q = qp[0];
    int rem_zero = mpn_zero_p(rp, dn);
    /* 2r against D */
    r2[dn] = mpn_lshift(r2, rp, dn, 1);
    int cmp = r2[dn] ? 1 : mpn_cmp(r2, dp, dn);
    int away = 0;
    switch (mode) {
    case SL_ROUND_HALF_UP:
        away = !rem_zero && cmp >= 0;
        break;
    case SL_ROUND_HALF_EVEN:
        away = !rem_zero && (cmp > 0 || (cmp == 0 && (q & 1)));
        break;
    case SL_ROUND_DOWN:
        away = 0;
        break;
    case SL_ROUND_UP:
        away = !rem_zero;
        break;
    }
    if (away && q == UINT64_MAX)
        return -1;
    *out = q + (uint64_t)away;
    return 0;
}

int sl__annuity_by_bounds(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode)
{
    if (a <= 0 || b <= 0 || balance <= 0 || n < 1 || unit < 1 || unit > 100 ||
        a > INT64_MAX - b || GMP_NUMB_BITS != 64)
        return 0;
    u128 s = (u128)a + (u128)b;
    /* v = b / s as x · 2^127: floor(b · 2^64 / s) · 2^63 + floor(r · 2^63 / s) */
    u128 x = (u128)b << 64;
    u128 q1 = x / s, r1 = x % s;
    u128 y = r1 << 63;
    u128 v_lo = (q1 << 63) + y / s;
    u128 v_hi = v_lo + (y % s != 0);
    u128 w_lo = ONE - pow_fixed(v_hi, n, 1); /* 1 − v^n from below */
    u128 w_hi = ONE - pow_fixed(v_lo, n, 0); /* and from above */
    if (w_lo == 0)
        return 0;
    /* A / unit = P·a·2^127 / (b·unit·W): N over D, bounds by W's bounds. */
    u128 pa = (u128)balance * (u128)a;          /* < 2^126 */
    u128 n_hi = pa >> 1, n_lo = pa << 127;      /* pa · 2^127 */
    u128 bu = (u128)b * (u128)unit;             /* < 2^70 */
    u128 d_hi, d_lo;
    uint64_t lo_units, hi_units;
    mul_wide(bu, w_hi, &d_hi, &d_lo);
    if (round_div(&lo_units, n_hi, n_lo, d_hi, d_lo, mode) != 0)
        return 0;
    mul_wide(bu, w_lo, &d_hi, &d_lo);
    if (round_div(&hi_units, n_hi, n_lo, d_hi, d_lo, mode) != 0)
        return 0;
    if (lo_units != hi_units || lo_units > (uint64_t)(INT64_MAX / unit))
        return 0;
    *out = (sl_money)lo_units * unit;
    return 1;
}
#else
int sl__annuity_by_bounds(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode)
{
    (void)out, (void)balance, (void)a, (void)b, (void)n, (void)unit, (void)mode;
    return 0; /* without 128-bit integers: always the exact rational */
}
#endif
