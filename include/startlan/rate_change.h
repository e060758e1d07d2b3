/* startlan: rate changes as people state them (renteendring): an absolute
 * rate from a date ("2026-03-01:4.9") or a change of so many percentage
 * points from the rate in force before that date ("2028-01-15:+3",
 * "2028-01-15:-0.5"; a leading sign means relative).
 *
 * Relative changes are resolved on the floating path only: the rate in
 * force before D is the contract's nominal_rate or the latest change
 * before D (changes on the same date apply in the order given). A fixed
 * period and the kommune's margin are applied by the engine on top, as for
 * any change (plan.h, conventions 10 and 11).
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_RATE_CHANGE_H
#define STARTLAN_RATE_CHANGE_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "plan.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One change as typed. relative = 0: the floating rate becomes `value` on
 * `date`; relative = 1: it moves by `value` (any sign) from the rate in
 * force before `date`. */
typedef struct sl_rate_change_spec {
    sl_date date;  /* the first day of the change */
    sl_rate value; /* the new rate, or the change in points when relative */
    int relative;  /* 1: value is added to the rate in force */
} sl_rate_change_spec;

/* Parse "YYYY-MM-DD:PCT", where PCT with a leading '+' or '-' is relative
 * ("+3", "-0,5", "+0.25 %") and without a sign absolute ("4.9", "4,9 %").
 * err names field (NULL: "rate_change"). 0, SL_ESYNTAX or SL_EINVAL (a bad
 * date, an absolute rate outside 0..100 %, a change outside ±100 points).
 * @param out receives the change
 * @param text the text to read, NUL-terminated
 * @param field the field named in err, may be NULL for the default above
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_rate_change_parse(sl_rate_change_spec *out, const char *text,
                                               const char *field, sl_error *err);

/* Resolve count specs into absolute changes: out[i] is in[i] with its rate
 * made absolute (out and in have the same order; out may not alias in).
 * base is the contract's nominal rate before any change. Exact rational
 * sums, no rounding. SL_EINVAL (field "rate_changes") when a resolved rate
 * falls outside 0..100 %, naming the date; SL_ERANGE on overflow.
 * @param out the caller's array of count entries, receives the absolute changes
 * @param in count specs, read only
 * @param count the number of specs
 * @param base the nominal rate before any change
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rate_changes_resolve(sl_rate_change *out,
                                                  const sl_rate_change_spec *in, size_t count,
                                                  sl_rate base, sl_error *err);

/* Every rate of a contract moved by `shift` points (a rate shock): the
 * nominal rate, each floating change and the fixed rate, each kept within
 * 0..100 % (SL_EINVAL, naming the field, otherwise). changes (count
 * entries, the caller's) receives the moved copies of terms->rate_changes;
 * out points at it. SL_ERANGE on overflow.
 * @param out receives the moved contract; its rate_changes points at changes
 * @param changes the caller's array of terms->rate_change_count entries; must outlive out
 * @param terms the contract, read only
 * @param shift the points to add (any sign)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_loan_terms_shift_rates(sl_loan_terms *out, sl_rate_change *changes,
                                                    const sl_loan_terms *terms, sl_rate shift,
                                                    sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
