/* startlan: effective rate (effektiv rente) <-> nominal rate (nominell rente),
 * correctly rounded.
 *
 * For n terms per year (terminer per år):
 *
 *     nominal   rn = ((1 + re)^(1/n) − 1) · n      (Husbanken's conversion)
 *     effective re = (1 + rn/n)^n − 1
 *
 * Results are rounded to `decimals` decimals of a PERCENT (Husbanken: 3) by
 * `mode` (default half-up), and the rounding is decided with certainty:
 *  - effective from nominal is rational; it is computed exactly with GMP and
 *    rounded once (ties are therefore seen exactly);
 *  - nominal from effective is computed exactly when (1 + re)^(1/n) is
 *    rational (numerator and denominator of 1 + re are perfect n-th powers);
 *    otherwise the value is irrational, cannot sit on a tie, and is bracketed
 *    with MPFR directed rounding (RNDD/RNDU) at increasing precision until
 *    both bounds round to the same decimal (Ziv's strategy). The precision is
 *    capped at SL_EFFECTIVE_MAX_PRECISION bits; past it the call fails with
 *    SL_ERANGE instead of looping.
 *
 * Published check (husbanken.no/rente, July 2024): effective 4.290 % gives
 * 4.208 % monthly, 4.223 % quarterly, 4.245 % half-yearly.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_EFFECTIVE_H
#define STARTLAN_EFFECTIVE_H

#include "error.h"
#include "export.h"
#include "rate.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest MPFR precision (bits) tried before giving up with SL_ERANGE. */
#define SL_EFFECTIVE_MAX_PRECISION 65536
/* Largest number of terms per year accepted (daily compounding fits). */
#define SL_EFFECTIVE_MAX_TERMS_PER_YEAR 366

/* Nominal annual rate (nominell rente) for terms_per_year terms from the
 * effective annual rate (effektiv rente), rounded to `decimals` decimals of a
 * percent (0 .. SL_RATE_MAX_DECIMALS) by mode. *out is the rounded value as an
 * exact rate (4.208 % is 4208/100000). direction (may be NULL) gets -1, 0, +1:
 * *out below, equal to, above the exact value.
 * Returns 0; SL_EINVAL (effective <= -100 %, terms_per_year outside
 * 1 .. SL_EFFECTIVE_MAX_TERMS_PER_YEAR, decimals or mode invalid; err names the
 * field); SL_ERANGE (result too large for sl_rate, or undecided at the
 * precision cap).
 * @param out receives the nominal rate, rounded
 * @param direction receives -1, 0 or +1 (the result below, equal to or above the exact value),
 *                  may be NULL
 * @param effective the effective annual rate
 * @param terms_per_year terms per year (n)
 * @param decimals decimals of the percent, 0 .. SL_RATE_MAX_DECIMALS
 * @param mode the rounding mode
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or the negative code named above */
SL_API SL_WARN_UNUSED int sl_effective_to_nominal(sl_rate *out, int *direction, sl_rate effective,
                                                  int terms_per_year, int decimals,
                                                  sl_round_mode mode, sl_error *err);

/* Effective annual rate from the nominal rate with terms_per_year terms,
 * (1 + nominal/n)^n − 1, exact, then rounded like sl_effective_to_nominal.
 * nominal must be above −n·100 %. Same returns.
 * @param out receives the effective rate, rounded
 * @param direction receives -1, 0 or +1 (the result below, equal to or above the exact value),
 *                  may be NULL
 * @param nominal the nominal annual rate
 * @param terms_per_year terms per year (n)
 * @param decimals decimals of the percent, 0 .. SL_RATE_MAX_DECIMALS
 * @param mode the rounding mode
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or the codes of sl_effective_to_nominal */
SL_API SL_WARN_UNUSED int sl_nominal_to_effective(sl_rate *out, int *direction, sl_rate nominal,
                                                  int terms_per_year, int decimals,
                                                  sl_round_mode mode, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
