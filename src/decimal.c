/* Exact decimals of a percent and exact rounding of MPFR values. */
#include "decimal_internal.h"

#include "arith_internal.h"

void sl__decimal_scale(mpz_t out, int decimals)
{
    mpz_ui_pow_ui(out, 10, (unsigned long)decimals + 2);
}

int sl__rate_from_scaled(sl_rate *out, const mpz_t k, int decimals)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_num(q, k);
    mpz_t s;
    mpz_init(s);
    sl__decimal_scale(s, decimals);
    mpq_set_den(q, s);
    mpq_canonicalize(q);
    int rc = sl_rate_from_mpq(out, q);
    mpz_clear(s);
    mpq_clear(q);
    return rc;
}

void sl__mpfr_round_mode(mpz_t out, const mpfr_t x, sl_round_mode mode)
{
    /* The value is a finite dyadic rational: round it as one, exactly. */
    if (mpfr_zero_p(x)) {
        mpz_set_ui(out, 0);
        return;
    }
    mpq_t q;
    mpq_init(q);
    mpfr_exp_t e;
    mpz_t m;
    mpz_init(m);
    e = mpfr_get_z_2exp(m, x);
    if (e >= 0) {
        mpz_mul_2exp(m, m, (mp_bitcnt_t)e);
        mpz_set(out, m);
    } else {
        mpq_set_z(q, m);
        mpq_div_2exp(q, q, (mp_bitcnt_t)(-e));
        sl__mpq_round_mode(out, NULL, q, mode);
    }
    mpz_clear(m);
    mpq_clear(q);
}

void sl__mpq_round_mode(mpz_t out, int *direction, const mpq_t q, sl_round_mode mode)
{
    /* Mode is validated by the callers; the helper cannot fail then. */
    if (sl__mpz_round_quotient(out, direction, mpq_numref(q), mpq_denref(q), 1, mode) != SL_OK)
        mpz_set_ui(out, 0);
}
