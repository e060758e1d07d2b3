/* startlan: the effective annual rate (effektiv rente, APR) of cash flows and
 * of a plan, certified.
 *
 * The equation (EU directives 2008/48/EC and 2014/17/EU, Annex I;
 * finansavtaleforskriften § 1-4):
 *
 *     Σ C_k (1 + X)^(−t_k) = Σ D_l (1 + X)^(−s_l)
 *
 * drawdowns C at times t, payments D at times s, in years from the first
 * flow. Here every flow is one signed amount: money the borrower receives is
 * positive, money the borrower pays is negative, and the equation is
 * f(X) = Σ a_i (1 + X)^(−t_i) = 0.
 *
 * Certification. The root is found numerically (a double-precision guess),
 * then the reported decimal is proven: with S = 10^(decimals + 2) the grid
 * of half units g = m/(2S) contains the boundaries of every rounding
 * interval, and the library shows, by evaluating f with MPFR directed
 * rounding (a proven lower and upper bound of f), that f has opposite strict
 * signs at two neighbouring grid points, or is exactly 0 at one of them
 * (decided with GMP rationals: the root then sits exactly on a rounding tie
 * or boundary, and that exact value is rounded by the mode, half-up sending a
 * tie away from zero: 12.345 % -> 12.35 %). The root is unique in the
 * searched range by Descartes' rule of signs on the flows, or (for X >= 0)
 * on their running sums (Norström's criterion); when neither rule proves a
 * single root the call returns SL_EAMBIGUOUS, and SL_ENOROOT when there is
 * none. A number is never returned without proof.
 *
 * Time in years (sl_apr_time), from the earliest date:
 *  - SL_APR_EQUAL_MONTHS (default): whole calendar months m counted forward
 *    from the first date on its day of month (clamped to the month's end),
 *    plus the remaining days d, each day 1/365 of a year (an equal month is
 *    365/12 days): t = m/12 + d/365.
 *  - SL_APR_DAYS_365: t = days / 365.
 *  - SL_APR_DAYS_ACTUAL: each day of the period (the first date excluded,
 *    the last included) counts 1/366 of a year if it falls in a leap year,
 *    else 1/365: t = n365/365 + n366/366.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_APR_H
#define STARTLAN_APR_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"
#include "rate.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How the time between flows is counted in years (see above). */
typedef enum sl_apr_time {
    SL_APR_EQUAL_MONTHS = 0, /* like måneder: a month is 1/12 year */
    SL_APR_DAYS_365 = 1,     /* days / 365 */
    SL_APR_DAYS_ACTUAL = 2   /* days / 365, or / 366 for days in a leap year */
} sl_apr_time;

/* One flow at an exact time in years: time_num / time_den (>= 0, den > 0). */
typedef struct sl_apr_flow {
    int64_t time_num; /* the time in years: numerator, >= 0 */
    int64_t time_den; /* denominator, > 0 */
    sl_money amount; /* > 0 received by the borrower, < 0 paid by the borrower */
} sl_apr_flow;

/* One flow on a date. */
typedef struct sl_dated_flow {
    sl_date date;    /* the day the money moves */
    sl_money amount; /* > 0 received by the borrower, < 0 paid by the borrower */
} sl_dated_flow;

/* The version of sl_apr_options this header declares (its `version` field). */
#define SL_APR_OPTIONS_VERSION 1
/* Largest number of decimals (of a percent) the APR is stated with. */
#define SL_APR_MAX_DECIMALS 12
/* Largest MPFR precision (bits) tried before giving up with SL_ERANGE. */
#define SL_APR_MAX_PRECISION 16384

/* How the APR is stated and searched. */
typedef struct sl_apr_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    int decimals;       /* decimals of the percent: 1 .. 12 (default 2, as lenders publish) */
    sl_round_mode mode; /* default SL_ROUND_HALF_UP, as the directive says */
    sl_apr_time time;   /* for dated flows and plans (default equal months) */
    int allow_negative; /* 0 (default): only X >= 0 is searched; a root below 0 is
                           SL_ENOROOT. 1: any X > −100 %. */
} sl_apr_options;

/* Every field of sl_apr_options at its default, as an initialiser. */
#define SL_APR_OPTIONS_INIT {SL_APR_OPTIONS_VERSION, 2, SL_ROUND_HALF_UP, SL_APR_EQUAL_MONTHS, 0}

/* Set *options to SL_APR_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_apr_options_init(sl_apr_options *options);

/* The certified result. */
typedef struct sl_apr_result {
    sl_rate rate;  /* the APR rounded to the decimals by the mode (fraction of one) */
    sl_rate low;   /* proven bracket: low <= exact root <= high, neighbouring half  */
    sl_rate high;  /* units of the last decimal; low == high when the root is exact */
    int exact;     /* 1: the root is exactly low (== high), proven with rationals   */
    int64_t precision; /* bits that decided the last sign: 53 = the double bound, else
                          128 (fixed point) or the MPFR precision (docs/effective-rate.md) */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_apr_result;

/* The certified APR of flows (count >= 2; order free; equal times are summed).
 * opt may be NULL (SL_APR_OPTIONS_INIT); its `time` is not used here.
 * Returns 0; SL_EINVAL / SL_EVERSION / SL_ERANGE for bad input (err names the
 * field: "flows", "decimals", "mode", "time", "version"); SL_ENOROOT (the
 * flows never change sign, or no root at or above 0 % when allow_negative is
 * 0); SL_EAMBIGUOUS (more than one root cannot be ruled out); SL_ERANGE (the
 * root is beyond what an sl_rate holds, or a sign undecided at
 * SL_APR_MAX_PRECISION bits); SL_ENOMEM.
 * @param out receives the certified rate and its bracket
 * @param flows count flows, read only (not kept)
 * @param count the number of flows (>= 2)
 * @param opt the options, may be NULL for SL_APR_OPTIONS_INIT
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or the negative code named above */
SL_API SL_WARN_UNUSED int sl_apr(sl_apr_result *out, const sl_apr_flow *flows, size_t count,
                                 const sl_apr_options *opt, sl_error *err);

/* As sl_apr for dated flows; times from the earliest date by opt->time.
 * @param out receives the certified rate and its bracket
 * @param flows count dated flows, read only (not kept)
 * @param count the number of flows (>= 2)
 * @param opt the options, may be NULL for SL_APR_OPTIONS_INIT
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or the codes of sl_apr (SL_EINVAL also for a bad date) */
SL_API SL_WARN_UNUSED int sl_apr_dated(sl_apr_result *out, const sl_dated_flow *flows,
                                       size_t count, const sl_apr_options *opt, sl_error *err);

/* The time from `from` to `to` (to >= from) in years as an exact fraction
 * *num / *den by the basis above. 0 or SL_EINVAL (bad dates, to < from).
 * @param num receives the numerator
 * @param den receives the denominator (> 0)
 * @param from the first date
 * @param to the last date (>= from)
 * @param time the basis that turns days into years
 * @return 0 or SL_EINVAL (bad dates, to < from) */
SL_API SL_WARN_UNUSED int sl_apr_year_fraction(int64_t *num, int64_t *den, sl_date from,
                                               sl_date to, sl_apr_time time);

/* Parse "equal-months", "days365", "days-actual". 0 or SL_ESYNTAX.
 * @param out receives the basis
 * @param text the text to read, NUL-terminated
 * @return 0 or SL_ESYNTAX */
SL_API SL_WARN_UNUSED int sl_apr_time_parse(sl_apr_time *out, const char *text);
/* The name sl_apr_time_parse reads for a time basis ("equal-months", …).
 * @param time the basis
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_apr_time_name(sl_apr_time time);

#ifdef __cplusplus
}
#endif

#endif
