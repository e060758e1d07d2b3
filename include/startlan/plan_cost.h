/* startlan: the cost figures of a plan (kostnadseksempel): its effective
 * rate (effektiv rente), the total cost of credit (samlet kredittkostnad),
 * the total payable (totalt å betale), and the Norwegian
 * representative-example sentence, all from the plan engine's rows.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_PLAN_COST_H
#define STARTLAN_PLAN_COST_H

#include <stddef.h>
#include <stdint.h>

#include "apr.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a borrower is shown for a plan (the representative example). */
typedef struct sl_plan_cost {
    sl_apr_result apr;      /* effektiv rente */
    sl_money principal;     /* lånebeløp */
    sl_money drawn;         /* principal − establishment fee: what is paid out */
    sl_money total_cost;    /* samlet kredittkostnad: interest + term fees + establishment fee */
    sl_money total_payable; /* totalt å betale: principal + total_cost */
    int terms;              /* rows of the plan */
    int terms_per_year;     /* terminer per år */
    sl_plan_totals totals;  /* the plan's totals */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_plan_cost;

/* The effective rate of the plan for terms, with the establishment fee
 * (etableringsgebyr) deducted from what is drawn at time 0 and each row's
 * payment (interest + principal + term fee) at its term's time. Rows come
 * from the plan engine. Time: SL_APR_EQUAL_MONTHS puts term k of a plan with
 * m terms per year at k·12/m months; the day bases use the due dates and need
 * a payout date. The nominal rate of the contract is taken to stay at its
 * level at signing for the whole term (MCD art. 17): rate changes, extra
 * payments and an early repayment in terms are left out. opt may be NULL.
 * Returns 0, a validation error of the contract, or an error of sl_apr.
 * @param out receives the effective rate and the costs
 * @param terms the contract, read only (not kept)
 * @param opt the APR options, may be NULL for the defaults
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_plan_cost_compute(sl_plan_cost *out, const sl_loan_terms *terms,
                                               const sl_apr_options *opt, sl_error *err);

/* The Norwegian representative-example sentence, e.g.
 * "Eff. rente 4,75 %, 2 000 000 kr o/25 år. Kostnad: 1 234 567 kr. Totalt: 3 234 567 kr."
 * The rate is cost->apr.rate with its decimals; amounts are rounded to whole
 * kroner, half up (1 234 566,50 -> 1 234 567). A term that is not whole years
 * reads "o/25 år og 6 mnd". Returns the length written, or SL_ERANGE when
 * size is too small (buf then holds ""), SL_EINVAL for a bad decimals.
 * @param buf receives the sentence (UTF-8) and a NUL
 * @param size the size of buf in bytes
 * @param cost the plan's cost, read only
 * @param decimals decimals of the rate
 * @return the length written, or SL_ERANGE */
SL_API int sl_plan_cost_sentence(char *buf, size_t size, const sl_plan_cost *cost, int decimals);

#ifdef __cplusplus
}
#endif

#endif
