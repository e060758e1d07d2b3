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

/* Largest n and terms_per_year the annuity functions accept (1000 years of
 * monthly terms; daily terms): they bound the exact power (1 + r)^n. */
#define SL_ANNUITY_MAX_TERMS 12000
/* The most terms per year (daily terms). */
#define SL_ANNUITY_MAX_TERMS_PER_YEAR 365

/* A rounded by `rounding` (e.g. SL_ROUNDING_DEFAULT: øre, half up).
 * n 1 .. SL_ANNUITY_MAX_TERMS, terms_per_year 1 .. SL_ANNUITY_MAX_TERMS_PER_YEAR.
 * 0, SL_EINVAL or SL_ERANGE.
 * @param out receives the payment per term, rounded by `rounding`
 * @param balance the balance to pay off, in øre
 * @param annual_rate the nominal annual rate (fraction of one)
 * @param terms_per_year terms per year, 1 .. SL_ANNUITY_MAX_TERMS_PER_YEAR
 * @param n the number of terms left, 1 .. SL_ANNUITY_MAX_TERMS
 * @param rounding the rounding unit and mode of the payment
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_annuity_payment(sl_money *out, sl_money balance, sl_rate annual_rate,
                                             int terms_per_year, int n, sl_rounding rounding);

/* The serial instalment: balance / n rounded to the øre, half up.
 * 0 or SL_EINVAL (n < 1).
 * @param out receives the instalment
 * @param balance the balance, in øre
 * @param n the number of terms left (>= 1)
 * @return 0 or SL_EINVAL (n < 1) */
SL_API SL_WARN_UNUSED int sl_serial_instalment(sl_money *out, sl_money balance, int n);

/* Interest for one equal period: balance × annual_rate / terms_per_year,
 * rounded to the øre, half up (convention 1). 0, SL_EINVAL or SL_ERANGE.
 * @param out receives the interest
 * @param balance the balance, in øre
 * @param annual_rate the nominal annual rate (fraction of one)
 * @param terms_per_year terms per year
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_interest_for_term(sl_money *out, sl_money balance, sl_rate annual_rate,
                                               int terms_per_year);

#ifdef __cplusplus
}
#endif

#endif
