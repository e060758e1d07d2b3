/* Over-/underkurs of a fixed rate repaid early: an exact present value. */
#include "arith_internal.h"
#include "startlan/breakcost.h"

static int rate_ok(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

int sl_break_cost(sl_money *out, sl_money repaid, sl_rate fixed_rate, sl_rate market_rate,
                  int months)
{
    if (!out)
        return SL_ENULL;
    if (repaid < 0 || months < 0 || months > 600 || !rate_ok(fixed_rate) ||
        !rate_ok(market_rate))
        return SL_EINVAL;
    /* c = A(f − m)/12; i = a/(12b) with m = a/b.
     * K = c·((12b+a)^M − (12b)^M) / (a/(12b) · (12b+a)^M)
     *   = A(f − m)·b·((12b+a)^M − (12b)^M) / (a·(12b+a)^M), a > 0;
     * K = A(f − m)·M/12 when a = 0. */
    mpq_t diff, k;
    mpz_t a, b12, s, t, num, den;
    mpq_inits(diff, k, NULL);
    mpz_inits(a, b12, s, t, num, den, NULL);
    mpq_t f, m;
    mpq_inits(f, m, NULL);
    sl_rate_to_mpq(f, fixed_rate);
    sl_rate_to_mpq(m, market_rate);
    mpq_sub(diff, f, m);
    sl__mpz_set_i64(t, repaid);
    mpz_mul(num, mpq_numref(diff), t);
    mpz_set(den, mpq_denref(diff));
    sl__mpz_set_i64(a, market_rate.num);
    if (mpz_sgn(a) == 0 || months == 0) {
        mpz_mul_ui(num, num, (unsigned long)months);
        mpz_mul_ui(den, den, 12);
    } else {
        sl__mpz_set_i64(b12, market_rate.den);
        mpz_mul_ui(b12, b12, 12);
        mpz_add(s, b12, a);
        mpz_pow_ui(s, s, (unsigned long)months); /* (12b+a)^M */
        mpz_pow_ui(t, b12, (unsigned long)months); /* (12b)^M */
        mpz_sub(t, s, t);
        mpz_mul(num, num, t);
        sl__mpz_set_i64(t, market_rate.den);
        mpz_mul(num, num, t);
        mpz_mul(den, den, a);
        mpz_mul(den, den, s);
    }
    int rc = sl__mpz_round_quotient(t, NULL, num, den, 1, SL_ROUND_HALF_UP);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, t);
    mpq_clears(diff, k, f, m, NULL);
    mpz_clears(a, b12, s, t, num, den, NULL);
    return rc;
}

int sl_break_months(int *out, sl_date from, sl_date to)
{
    if (!out)
        return SL_ENULL;
    if (!sl_date_is_valid(from) || !sl_date_is_valid(to))
        return SL_EINVAL;
    if (sl_date_compare(to, from) <= 0) {
        *out = 0;
        return SL_OK;
    }
    int m = (to.year - from.year) * 12 + (to.month - from.month);
    sl_date d;
    while (m > 0) {
        if (sl_date_add_months(&d, from, m, from.day) == SL_OK && sl_date_compare(d, to) <= 0)
            break;
        m--;
    }
    *out = m;
    return SL_OK;
}
