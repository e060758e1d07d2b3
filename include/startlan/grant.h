/* startlan: the grant (tilskudd til etablering) and its write-down
 * (nedskrivning).
 *
 * The grant is written down by writedown_per_year of the original amount for
 * each completed year from the grant date, over `years` years (Husbanken:
 * 5 % a year over 20 years; both are parameters). After k completed years the
 * amount still owed is
 *     amount − round(amount × writedown_per_year × min(k, years)),
 * the product rounded once to the øre half up, and 0 from year `years` on.
 * On a sale the household repays what is not written down, never more than
 * the sale surplus (salgsgevinst after the loans), and never below 0.
 *
 * Thread-safety: pure functions. */
#ifndef STARTLAN_GRANT_H
#define STARTLAN_GRANT_H

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of sl_grant_terms this header declares (its `version` field). */
#define SL_GRANT_TERMS_VERSION 1

/* A grant (tilskudd) written down year by year. */
typedef struct sl_grant_terms {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money amount;            /* original grant, >= 0 */
    sl_rate writedown_per_year; /* share of the original amount per completed year, default 5 % */
    int years;                  /* write-down period, default 20 (1 .. 100) */
    sl_date date;               /* grant date; needed only by sl_grant_remaining_at */
} sl_grant_terms;

/* Every field of sl_grant_terms at its default, as an initialiser. */
#define SL_GRANT_TERMS_INIT {SL_GRANT_TERMS_VERSION, 0, {5, 100}, 20, SL_DATE_NONE}

/* Set *terms to SL_GRANT_TERMS_INIT (the same defaults as the macro). NULL is allowed.
 * @param terms the struct to set; NULL is allowed */
SL_API void sl_grant_terms_init(sl_grant_terms *terms);

/* Completed whole years from `from` to `to` (0 when to is before from or a
 * date is not valid; an anniversary on 29 February falls on 28 February in
 * other years).
 * @param from the date of the grant
 * @param to the date asked about
 * @return the number of completed years, >= 0 */
SL_API int sl_grant_completed_years(sl_date from, sl_date to);

/* Amount still owed after `completed_years` completed years (formula above).
 * 0, SL_EINVAL (bad terms, negative years; err names the field), SL_EVERSION.
 * @param out receives the amount still owed
 * @param grant the grant's terms, read only
 * @param completed_years completed years since the grant (>= 0)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_grant_remaining(sl_money *out, const sl_grant_terms *grant,
                                             int completed_years, sl_error *err);

/* Amount still owed on `date` (needs grant->date).
 * @param out receives the amount still owed
 * @param grant the grant's terms, read only; its date must be set
 * @param date the date asked about
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_grant_remaining_at(sl_money *out, const sl_grant_terms *grant,
                                                sl_date date, sl_error *err);

/* What is repaid on a sale on `date` with the given sale surplus (price less
 * the loans and the sale's costs; may be negative): min(remaining, max(0, surplus)).
 * @param out receives the amount repaid
 * @param grant the grant's terms, read only
 * @param date the date of the sale
 * @param sale_surplus the sale's surplus, any sign
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_grant_repayment_on_sale(sl_money *out, const sl_grant_terms *grant,
                                                     sl_date date, sl_money sale_surplus,
                                                     sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
