/* Private helpers of the rate modules (effective.c, apr*.c): exact decimals
 * of a percent and exact rounding of MPFR values. */
#ifndef SL_DECIMAL_INTERNAL_H
#define SL_DECIMAL_INTERNAL_H

#include <gmp.h>
#include <mpfr.h>

#include "startlan/error.h"
#include "startlan/rate.h"
#include "startlan/rounding.h"

/* S = 10^(decimals + 2): a rate (fraction of one) times S is its value in
 * units of the last decimal of a percent. */
void sl__decimal_scale(mpz_t out, int decimals);

/* *out = k / 10^(decimals + 2). 0 or SL_ERANGE. */
int sl__rate_from_scaled(sl_rate *out, const mpz_t k, int decimals);

/* Round the (exact, dyadic) value x to an integer by mode, exactly. */
void sl__mpfr_round_mode(mpz_t out, const mpfr_t x, sl_round_mode mode);

/* Round the exact rational q to an integer by mode; direction as for
 * sl__mpz_round_quotient. */
void sl__mpq_round_mode(mpz_t out, int *direction, const mpq_t q, sl_round_mode mode);

/* sl_effective_to_nominal with the double-precision fast path (fast = 1,
 * what the public function does) or the exact path alone (fast = 0, for
 * tests). *exact_path (may be NULL) is set to 1 when the exact path decided. */
int sl__effective_to_nominal(sl_rate *out, int *direction, sl_rate effective, int terms_per_year,
                             int decimals, sl_round_mode mode, int fast, int *exact_path,
                             sl_error *err);

#endif
