/* Exact rounding of quotients: the one place where modes are applied. */
#include <string.h>

#include "arith_internal.h"
#include "int128_internal.h"
#include "startlan/rounding.h"

int sl__rounding_valid(sl_rounding r)
{
    return (r.unit == SL_ROUND_UNIT_ORE || r.unit == SL_ROUND_UNIT_KRONE) &&
           (r.mode == SL_ROUND_HALF_UP || r.mode == SL_ROUND_HALF_EVEN ||
            r.mode == SL_ROUND_DOWN || r.mode == SL_ROUND_UP);
}

static int mode_valid(sl_round_mode mode)
{
    sl_rounding r = {SL_ROUND_UNIT_ORE, mode};
    return sl__rounding_valid(r);
}

/* Decide whether a truncated quotient moves one step away from zero.
 * twice_rem_cmp: sign of (2·|remainder| − |divisor|); rem_zero: exact;
 * trunc_odd: the truncated quotient (in units) is odd. */
static int round_away(sl_round_mode mode, int rem_zero, int twice_rem_cmp, int trunc_odd)
{
    if (rem_zero)
        return 0;
    switch (mode) {
    case SL_ROUND_DOWN:
        return 0;
    case SL_ROUND_UP:
        return 1;
    case SL_ROUND_HALF_UP:
        return twice_rem_cmp >= 0;
    case SL_ROUND_HALF_EVEN:
        return twice_rem_cmp > 0 || (twice_rem_cmp == 0 && trunc_odd);
    }
    return 0;
}

int sl__mpz_round_quotient(mpz_t out, int *direction, const mpz_t num, const mpz_t den,
                           int64_t unit, sl_round_mode mode)
{
    if (mpz_sgn(den) == 0 || unit < 1 || !mode_valid(mode))
        return SL_EINVAL;
    mpz_t d, q, r;
    mpz_inits(d, q, r, NULL);
    sl__mpz_set_i64(d, unit);
    mpz_mul(d, d, den);
    mpz_abs(d, d);
    int sign = mpz_sgn(num) * mpz_sgn(den);
    mpz_abs(r, num);
    mpz_tdiv_qr(q, r, r, d); /* |num| = q·|den·unit| + r */
    int rem_zero = mpz_sgn(r) == 0;
    mpz_mul_2exp(r, r, 1);
    int cmp = mpz_cmp(r, d);
    int away = round_away(mode, rem_zero, cmp, mpz_odd_p(q));
    if (away)
        mpz_add_ui(q, q, 1);
    if (direction)
        *direction = rem_zero ? 0 : (away ? sign : -sign);
    sl__mpz_set_i64(d, unit);
    mpz_mul(out, q, d);
    if (sign < 0)
        mpz_neg(out, out);
    mpz_clears(d, q, r, NULL);
    return SL_OK;
}

#ifdef SL_HAVE_INT128
__extension__ typedef __int128 sl_i128;
__extension__ typedef unsigned __int128 sl_u128;

int sl__muldiv_round(int64_t *out, int *direction, int64_t a, int64_t b, int64_t c, int64_t d,
                     int64_t unit, sl_round_mode mode)
{
    if (c == 0 || d == 0 || unit < 1 || !mode_valid(mode))
        return SL_EINVAL;
    sl_i128 num = (sl_i128)a * b;
    sl_i128 den = (sl_i128)c * d;
    int sign = ((num < 0) != (den < 0)) ? -1 : 1;
    if (num == 0)
        sign = 1;
    sl_u128 n = num < 0 ? (sl_u128)0 - (sl_u128)num : (sl_u128)num;
    sl_u128 dd = den < 0 ? (sl_u128)0 - (sl_u128)den : (sl_u128)den;
    /* |c·d| may come close to 2^126; times the unit it could pass 2^128,
     * so that rare case goes to GMP. */
    if (dd > ((sl_u128)-1) / (sl_u128)unit)
        goto wide;
    dd *= (sl_u128)unit;
    sl_u128 q = n / dd, r = n % dd;
    int rem_zero = r == 0;
    int cmp = (r > dd - r) ? 1 : (r == dd - r ? 0 : -1); /* 2r vs dd without overflow */
    int away = round_away(mode, rem_zero, cmp, (int)(q & 1));
    if (away)
        q += 1;
    if (direction)
        *direction = rem_zero ? 0 : (away ? sign : -sign);
    if (q > (sl_u128)INT64_MAX / (sl_u128)unit)
        return SL_ERANGE;
    *out = sign * (int64_t)(q * (sl_u128)unit);
    return SL_OK;

wide:;
#else
int sl__muldiv_round(int64_t *out, int *direction, int64_t a, int64_t b, int64_t c, int64_t d,
                     int64_t unit, sl_round_mode mode)
{
    if (c == 0 || d == 0 || unit < 1 || !mode_valid(mode))
        return SL_EINVAL;
#endif
    const int64_t over[] = {a, b}, under[] = {c, d};
    return sl__products_round(out, direction, over, 2, under, 2, unit, mode);
}

int sl__products_round(int64_t *out, int *direction, const int64_t *num, size_t n_num,
                       const int64_t *den, size_t n_den, int64_t unit, sl_round_mode mode)
{
    mpz_t zn, zd, t;
    mpz_inits(zn, zd, t, NULL);
    mpz_set_ui(zn, 1);
    mpz_set_ui(zd, 1);
    for (size_t i = 0; i < n_num; i++) {
        sl__mpz_set_i64(t, num[i]);
        mpz_mul(zn, zn, t);
    }
    for (size_t j = 0; j < n_den; j++) {
        sl__mpz_set_i64(t, den[j]);
        mpz_mul(zd, zd, t);
    }
    int rc = sl__mpz_round_quotient(t, direction, zn, zd, unit, mode);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, t);
    mpz_clears(zn, zd, t, NULL);
    return rc;
}

int sl_round_quotient(int64_t *out, int *direction, int64_t numerator, int64_t denominator,
                      sl_rounding rounding)
{
    if (!out)
        return SL_ENULL;
    if (!sl__rounding_valid(rounding))
        return SL_EINVAL;
    return sl__muldiv_round(out, direction, numerator, 1, denominator, 1, rounding.unit,
                            rounding.mode);
}

static const char *const mode_names[] = {"half-up", "half-even", "down", "up"};

int sl_round_mode_parse(sl_round_mode *out, const char *text)
{
    if (!out || !text)
        return SL_ENULL;
    for (int i = 0; i < 4; i++) {
        if (strcmp(text, mode_names[i]) == 0) {
            *out = (sl_round_mode)i;
            return SL_OK;
        }
    }
    return SL_ESYNTAX;
}

const char *sl_round_mode_name(sl_round_mode mode)
{
    return mode_valid(mode) ? mode_names[mode] : NULL;
}

int sl_round_unit_parse(sl_round_unit *out, const char *text)
{
    if (!out || !text)
        return SL_ENULL;
    if (strcmp(text, "ore") == 0 || strcmp(text, "øre") == 0) {
        *out = SL_ROUND_UNIT_ORE;
        return SL_OK;
    }
    if (strcmp(text, "krone") == 0 || strcmp(text, "kr") == 0) {
        *out = SL_ROUND_UNIT_KRONE;
        return SL_OK;
    }
    return SL_ESYNTAX;
}

const char *sl_round_unit_name(sl_round_unit unit)
{
    switch (unit) {
    case SL_ROUND_UNIT_ORE:
        return "ore";
    case SL_ROUND_UNIT_KRONE:
        return "krone";
    }
    return NULL;
}
