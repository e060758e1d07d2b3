/* startlan: a kommune's book of start loans (utlånsportefølje): per-loan
 * figures for a date and a period, and exact totals over any number of loans.
 *
 * The per-loan figures (sl_loan_figures) are in loan_figures.h.
 *
 * Totals (sl_portfolio_totals) are exact sums in GMP integers, so they never
 * overflow; they are the sums of the per-loan figures to the øre. Nothing is
 * kept per loan: memory is the same for ten loans or ten million.
 *
 * Thread-safety: a totals handle is used by one thread at a time. */
#ifndef STARTLAN_PORTFOLIO_H
#define STARTLAN_PORTFOLIO_H

#include <stdint.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "loan_figures.h"
#include "money.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The figures a total is kept of. */
typedef enum sl_portfolio_item {
    SL_PORTFOLIO_BALANCE = 0,
    SL_PORTFOLIO_INTEREST,
    SL_PORTFOLIO_PRINCIPAL,
    SL_PORTFOLIO_TERM_FEES,
    SL_PORTFOLIO_ESTABLISHMENT_FEES,
    SL_PORTFOLIO_FEES
} sl_portfolio_item;

/* A buffer of this size holds any formatted total with its NUL. */
#define SL_PORTFOLIO_BUFSIZE 64

/* Exact totals over loans (opaque): sl_portfolio_totals_new, _add, _free. */
typedef struct sl_portfolio_totals sl_portfolio_totals;

/* A zeroed exact accumulator. Free with sl_portfolio_totals_free.
 * 0 or SL_ENOMEM.
 * @param out receives the new accumulator, owned by the caller (free with
 *            sl_portfolio_totals_free)
 * @return 0 or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_portfolio_totals_new(sl_portfolio_totals **out);
/* Free an accumulator. NULL is allowed.
 * @param totals the accumulator to free; NULL is allowed */
SL_API void sl_portfolio_totals_free(sl_portfolio_totals *totals);

/* Add one loan's figures (counts one loan). Exact; cannot overflow.
 * @param totals the accumulator
 * @param figures one loan's figures, read only */
SL_API void sl_portfolio_totals_add(sl_portfolio_totals *totals, const sl_loan_figures *figures);
/* Count one input row left out of the totals (a bad row skipped).
 * @param totals the accumulator */
SL_API void sl_portfolio_totals_skip(sl_portfolio_totals *totals);

/* Loans added and rows skipped.
 * @param totals the accumulator
 * @return the count */
SL_API int64_t sl_portfolio_totals_loans(const sl_portfolio_totals *totals);
/* Rows skipped (sl_portfolio_totals_skip).
 * @param totals the accumulator
 * @return the count */
SL_API int64_t sl_portfolio_totals_skipped(const sl_portfolio_totals *totals);

/* A total as øre; SL_ERANGE when it does not fit in int64 (format it
 * instead), SL_EINVAL for an unknown item.
 * @param out receives the total in øre
 * @param totals the accumulator
 * @param item the figure
 * @return 0, SL_ERANGE or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_portfolio_totals_get(sl_money *out, const sl_portfolio_totals *totals,
                                                  sl_portfolio_item item);

/* A total as exact kroner with two decimals and '.' ("12345678901234567.89"),
 * whatever its size. Returns the length, or SL_ERANGE (buffer too small;
 * SL_PORTFOLIO_BUFSIZE is always enough) / SL_EINVAL.
 * @param buf receives the text and a NUL
 * @param size the size of buf in bytes
 * @param totals the accumulator
 * @param item the figure
 * @return the length, or SL_ERANGE / SL_EINVAL */
SL_API int sl_portfolio_totals_format(char *buf, size_t size, const sl_portfolio_totals *totals,
                                      sl_portfolio_item item);

#ifdef __cplusplus
}
#endif

#endif
