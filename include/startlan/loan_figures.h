/* startlan: the figures of one loan of a book (utlånsportefølje) for a date
 * and a period, walking the plan engine's rows:
 *  - balance (restgjeld) at as_of: the principal less the principal of every
 *    term due on or before as_of, i.e. assuming each term is paid when due;
 *    0 when the loan is paid out after as_of (not yet paid out);
 *  - interest (renter), principal (avdrag) and term fees (termingebyr) of the
 *    terms whose due date falls in [from, to], both ends included;
 *  - the establishment fee (etableringsgebyr) counts in the period when the
 *    payout date falls in [from, to] (it is paid at payout);
 *    fees = term fees + that establishment fee.
 * A loan needs a payout date (utbetalingsdato) for these dated figures: a
 * contract without one is rejected (SL_EINVAL, field "payout_date").
 * Totals over many loans: portfolio.h.
 *
 * Thread-safety: pure functions, safe from any thread; a cache given to the
 * _cached variants is used by one thread at a time. */
#ifndef STARTLAN_LOAN_FIGURES_H
#define STARTLAN_LOAN_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Figures of one loan for a date and a period. */
typedef struct sl_loan_figures {
    sl_money balance;           /* restgjeld at as_of */
    sl_money interest;          /* renter due in [from, to] */
    sl_money principal;         /* avdrag due in [from, to] */
    sl_money term_fees;         /* termingebyr due in [from, to] */
    sl_money establishment_fee; /* etableringsgebyr if paid out in [from, to], else 0 */
    sl_money fees;              /* term_fees + establishment_fee */
    int terms_due;              /* number of terms due in [from, to] */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_loan_figures;

/* Compute the figures of the loan `terms` (validated here; it must have a
 * payout date) at as_of and for the period from..to (inclusive, from <= to).
 * All amounts come from the plan engine's rows, unrounded sums of øre.
 * 0, or SL_EINVAL / SL_ERANGE / SL_ENOMEM with err naming the field
 * ("payout_date", "as_of", "from", "to" or a contract field).
 * @param out receives the figures
 * @param terms the contract, read only (not kept)
 * @param as_of the date of the balance
 * @param from the first day of the period
 * @param to the last day of the period
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL, SL_ERANGE or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_loan_figures_compute(sl_loan_figures *out, const sl_loan_terms *terms,
                                                  sl_date as_of, sl_date from, sl_date to,
                                                  sl_error *err);

/** sl_loan_figures_compute with the plan's annuity factors kept in cache
 * (sl_plan_cache_new; NULL: none) for the next loans: the same figures,
 * faster for a book whose loans follow one rate history.
 * @param out the figures
 * @param terms the loan's contract
 * @param as_of the date of the balance
 * @param from first day of the period
 * @param to last day of the period
 * @param cache the cache (used by one thread at a time), or NULL
 * @param err the error record (may be NULL)
 * @return the codes of sl_loan_figures_compute */
SL_API SL_WARN_UNUSED int sl_loan_figures_compute_cached(sl_loan_figures *out,
                                                         const sl_loan_terms *terms,
                                                         sl_date as_of, sl_date from, sl_date to,
                                                         sl_plan_cache *cache, sl_error *err);

/** The figures of a plan, as sl_loan_figures_compute gives them for its
 * contract (the plan is rewound first and left where the walk stopped;
 * sl_plan_use_cache applies). For a plan that is already there, such as a
 * book loan's (book.h: sl_book_loan_plan, whose contract is checked once
 * and whose rate history is not copied).
 * @param out receives the figures
 * @param plan the plan (sl_plan_new, sl_book_loan_plan), walked from its first term
 * @param as_of the date of the balance
 * @param from the first day of the period
 * @param to the last day of the period
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ENULL, SL_EINVAL, SL_ERANGE or SL_ENOMEM, as sl_loan_figures_compute */
SL_API SL_WARN_UNUSED int sl_plan_figures(sl_loan_figures *out, sl_plan *plan, sl_date as_of,
                                          sl_date from, sl_date to, sl_error *err);

/* A period of days, both ends included. */
typedef struct sl_period {
    sl_date from; /* the first day */
    sl_date to;   /* the last day, >= from */
} sl_period;

/* The figures of the loan `terms` for several periods in one walk of the
 * engine (the periods sorted, each from <= to, none overlapping): out[i] as
 * sl_loan_figures_compute gives them for from..to with as_of = to, so
 * out[i].balance is the balance at the end of periods[i]. A year split into
 * its days gives figures whose interest, principal and fees add up to the
 * year's. 0, or the errors of sl_loan_figures_compute (field "periods" for
 * periods out of order).
 * @param out the caller's array of count entries, receives the figures
 * @param terms the contract, read only (not kept)
 * @param periods count periods, read only
 * @param count the number of periods
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or the errors of sl_loan_figures_compute */
SL_API SL_WARN_UNUSED int sl_loan_figures_periods(sl_loan_figures *out, const sl_loan_terms *terms,
                                                  const sl_period *periods, size_t count,
                                                  sl_error *err);

/** sl_loan_figures_periods with the annuity factors kept in cache (NULL:
 * none), as sl_loan_figures_compute_cached: the same figures.
 * @param out count figures, one per period
 * @param terms the loan's contract
 * @param periods the periods, sorted and apart
 * @param count the number of periods
 * @param cache the cache (used by one thread at a time), or NULL
 * @param err the error record (may be NULL)
 * @return the codes of sl_loan_figures_periods */
SL_API SL_WARN_UNUSED int sl_loan_figures_periods_cached(sl_loan_figures *out,
                                                         const sl_loan_terms *terms,
                                                         const sl_period *periods, size_t count,
                                                         sl_plan_cache *cache, sl_error *err);

/** The figures of a plan for several periods, as sl_loan_figures_periods
 * gives them for its contract (the plan rewound first, as sl_plan_figures).
 * @param out the caller's array of count entries, receives the figures
 * @param plan the plan (sl_plan_new, sl_book_loan_plan), walked from its first term
 * @param periods count periods, sorted and apart
 * @param count the number of periods
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ENULL, or the errors of sl_loan_figures_periods */
SL_API SL_WARN_UNUSED int sl_plan_figures_periods(sl_loan_figures *out, sl_plan *plan,
                                                  const sl_period *periods, size_t count,
                                                  sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
