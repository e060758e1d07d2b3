/* startlan: the level payment of an annuity loan (annuitet) and the fixed
 * instalment of a serial loan (serielån), exactly.
 *
 * Annuity: for a balance P, a nominal annual rate R and k terms per year,
 * the rate per term is r = R / k, and the level payment over n terms is
 *
 *     A = P·r / (1 − (1 + r)^−n)          (A = P / n when r = 0)
 *
 * computed as an exact rational with GMP and then rounded once, by the
 * caller's policy. Serial: the instalment P / n rounded to the øre, half up.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_ANNUITY_H
#define STARTLAN_ANNUITY_H

#include "export.h"
#include "money.h"
#include "rate.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A rounded by `rounding` (e.g. SL_ROUNDING_DEFAULT: øre, half up).
 * 0, SL_EINVAL or SL_ERANGE. */
SL_API SL_WARN_UNUSED int sl_annuity_payment(sl_money *out, sl_money balance, sl_rate annual_rate,
                                             int terms_per_year, int n, sl_rounding rounding);

/* The serial instalment: balance / n rounded to the øre, half up.
 * 0 or SL_EINVAL (n < 1). */
SL_API SL_WARN_UNUSED int sl_serial_instalment(sl_money *out, sl_money balance, int n);

/* Interest for one equal period: balance × annual_rate / terms_per_year,
 * rounded to the øre, half up (convention 1). 0, SL_EINVAL or SL_ERANGE. */
SL_API SL_WARN_UNUSED int sl_interest_for_term(sl_money *out, sl_money balance, sl_rate annual_rate,
                                               int terms_per_year);

#ifdef __cplusplus
}
#endif

#endif
