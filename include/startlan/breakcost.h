/* startlan: over-/underkurs, the settlement of a fixed rate (fastrente)
 * when a fixed-rate loan is repaid early, in full or in part.
 *
 * For a repaid amount A, the loan's fixed rate f, the current market rate m
 * for the remaining fixed period (both nominal, per year) and M whole months
 * left of the fixed period, the borrower's rate difference is paid monthly
 * in arrears, c = A·(f − m)/12, and discounted monthly at the market rate,
 * i = m/12:
 *
 *     K = c · (1 − (1 + i)^−M) / i          (K = c · M when m = 0)
 *
 * K is computed as one exact rational and rounded once to the øre, half up
 * (ties away from zero, so −K rounds to −round(K)). K > 0 is overkurs (the
 * borrower pays), K < 0 underkurs (the borrower is credited).
 * The months left are counted by sl_break_months: the whole months from the
 * repayment date to the end of the fixed period; a part-month at the end is
 * left out. (Husbanken publishes the principle, not the arithmetic: monthly
 * discounting, whole months and øre rounding are this library's choices.)
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_BREAKCOST_H
#define STARTLAN_BREAKCOST_H

#include "date.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* K above for `repaid` (> = 0), fixed_rate and market_rate (0 .. 100 %) and
 * months (0 .. 600). 0, SL_EINVAL or SL_ERANGE.
 * @param out receives the break cost K
 * @param repaid the amount repaid early (>= 0)
 * @param fixed_rate the contract's fixed rate
 * @param market_rate today's rate for the remaining fixed period
 * @param months whole months left of the fixed period (0 .. 600)
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_break_cost(sl_money *out, sl_money repaid, sl_rate fixed_rate,
                                        sl_rate market_rate, int months);

/* Whole months from `from` to `to` (0 when to <= from): the largest M with
 * from + M months (same day, clamped to the month's end) <= to.
 * 0 or SL_EINVAL (a date not valid).
 * @param out receives the number of months
 * @param from the first date
 * @param to the last date
 * @return 0 or SL_EINVAL (a date not valid) */
SL_API SL_WARN_UNUSED int sl_break_months(int *out, sl_date from, sl_date to);

#ifdef __cplusplus
}
#endif

#endif
