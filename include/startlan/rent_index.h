/* startlan: rent as husleieloven runs it — the yearly adjustment by the
 * consumer price index (konsumprisindeksen, KPI; husleieloven chapter 4) and
 * the deposit (depositum, § 3-5).
 *
 * Adjustment (husleieloven § 4-2: either party may demand the rent changed in
 * line with the change in KPI since the rent was last set, at the earliest one
 * year after, with one month's written notice): the rent is set at the start
 * and adjusted every 12 months from then. The rent of months 12y + 1 ..
 * 12y + 12 (y >= 1) is the previous year's rent × I(a_y) / I(a_(y−1)),
 * rounded to the øre half up, where a_y is the month lag_months before the
 * y-th adjustment's month (a_0: lag_months before the first rent month).
 * Default lag 2: SSB publishes a month's index on about the 10th of the next
 * month, so the latest index known when an adjustment takes effect on the 1st
 * is the month two before (a documented choice; the law says only "the
 * change since the rent was last set"). A falling index lowers the rent.
 * With a yearly rate instead: previous × (1 + rate), rounded the same way.
 *
 * Deposit: at most 6 months' rent (§ 3-5 "ikke overstige et beløp svarende
 * til seks måneders leie"), on an account in the tenant's name: the tenant's
 * own money, returned at the end or used in the purchase.
 *
 * Index files: one line per month, "YYYY-MM VALUE" (VALUE a decimal with '.'
 * or ',', at most 6 decimals, above 0, e.g. "2025-01 134.8"), months strictly
 * increasing; '#' starts a comment; blank lines are ignored; lines end in
 * LF, CRLF or a CR alone (Excel for Mac).
 *
 * Thread-safety: a series is read-only after parsing; no global state. */
#ifndef STARTLAN_RENT_INDEX_H
#define STARTLAN_RENT_INDEX_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A monthly index series (opaque, read-only once parsed); free with sl_index_series_free. */
typedef struct sl_index_series sl_index_series;

/* Parse an index file's text; name (e.g. the path) is used in messages, err
 * gets the line and column. 0, SL_ESYNTAX, SL_EINVAL (months not increasing,
 * a value not above 0), SL_ENULL or SL_ENOMEM.
 * @param out receives the new series, owned by the caller (free with sl_index_series_free)
 * @param text the file's text, NUL-terminated (not kept)
 * @param name the name in messages, may be NULL
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX, SL_EINVAL, SL_ENULL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_index_series_parse(sl_index_series **out, const char *text,
                                                const char *name, sl_error *err);
/* Read and parse the file at path (at most 16 MiB). Also SL_EIO.
 * @param out receives the new series, owned by the caller (free with sl_index_series_free)
 * @param path the file to read
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return the codes of sl_index_series_parse, or SL_EIO */
SL_API SL_WARN_UNUSED int sl_index_series_load(sl_index_series **out, const char *path,
                                               sl_error *err);
/* Free a series. NULL is allowed.
 * @param series the series to free; NULL is allowed */
SL_API void sl_index_series_free(sl_index_series *series);
/* The value for a month as an exact rational: 0, or SL_EINVAL when the
 * series has no value for it.
 * @param out receives the value
 * @param series the series
 * @param year the year
 * @param month the month, 1 .. 12
 * @return 0 or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_index_series_value(sl_rate *out, const sl_index_series *series,
                                                int year, int month);

/* The version of sl_rent_path_options this header declares (its `version` field). */
#define SL_RENT_PATH_OPTIONS_VERSION 1
/* Most months a path is computed for (50 years). */
#define SL_RENT_PATH_MAX_MONTHS 600

/* A rent and how it is adjusted each year (husleieloven § 4-2). */
typedef struct sl_rent_path_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money rent;              /* the rent set at the start, 0 .. 1 000 000 000 kr */
    int months;                 /* 0 .. SL_RENT_PATH_MAX_MONTHS */
    sl_date start;              /* the first rent month (needed with an index) */
    const sl_index_series *index; /* KPI; NULL: by yearly_rate */
    sl_rate yearly_rate;        /* without an index: the yearly change, −100 .. 100 %; den 0 or
                                   0 % = the rent is not adjusted */
    int lag_months;             /* index month before the adjustment's month, 0 .. 12;
                                   default 2 */
} sl_rent_path_options;

/* Every field of sl_rent_path_options at its default, as an initialiser. */
#define SL_RENT_PATH_OPTIONS_INIT                                                            \
    {SL_RENT_PATH_OPTIONS_VERSION, 0, 0, SL_DATE_NONE, NULL, {0, 0}, 2}

/* Set *options to SL_RENT_PATH_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_rent_path_options_init(sl_rent_path_options *options);

/* The rent of each of opt->months months into rents (room for cap).
 * 0, SL_EINVAL (err names the field: "index" for a month the series lacks,
 * with the month in the message), SL_ERANGE (a rent over 1 000 000 000 kr),
 * SL_ENULL, SL_EVERSION.
 * @param rents the caller's array, receives one rent per month
 * @param cap the room in rents (>= opt->months)
 * @param opt the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL, SL_ERANGE, SL_ENULL or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_rent_path(sl_money *rents, size_t cap,
                                       const sl_rent_path_options *opt, sl_error *err);

/* The most months of rent a deposit may be (husleieloven § 3-5). */
#define SL_DEPOSIT_MAX_MONTHS 6
/* Validate a deposit (depositum): 0 when 0 <= deposit <= SL_DEPOSIT_MAX_MONTHS
 * × rent, else SL_EINVAL naming "deposit" with the limit in the message.
 * @param deposit the deposit
 * @param rent the monthly rent
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or SL_EINVAL naming the field */
SL_API SL_WARN_UNUSED int sl_deposit_check(sl_money deposit, sl_money rent, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
