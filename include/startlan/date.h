/* startlan: calendar dates (dato) in the proleptic Gregorian calendar.
 *
 * A date is a plain year/month/day triple; the library never looks at the
 * clock or the time zone. Supported years: 1900..9999.
 *
 * Thread-safety: pure functions, safe from any thread. */
#ifndef STARTLAN_DATE_H
#define STARTLAN_DATE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A calendar day (Gregorian). */
typedef struct sl_date {
    int year;  /* four digits in every valid date */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} sl_date;

/* A date not given: never valid, so never a date to compute with. */
#define SL_DATE_NONE {0, 0, 0}
/* A buffer of this size holds "YYYY-MM-DD" and its NUL. */
#define SL_DATE_BUFSIZE 11

/* 1 when d is a real date in the supported range, else 0.
 * @param d the date
 * @return 1 or 0 */
SL_API int sl_date_is_valid(sl_date d);

/* Parse "YYYY-MM-DD" exactly. err names field (NULL: "date").
 * 0 or SL_ESYNTAX (not that shape) / SL_EINVAL (no such day, e.g. 2025-02-30).
 * @param out receives the date
 * @param text the text to read, NUL-terminated
 * @param field the field named in err, may be NULL for the default above
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_date_parse(sl_date *out, const char *text, const char *field,
                                        sl_error *err);

/* Parse a date as Norwegian exports write it: "YYYY-MM-DD", or day.month.year
 * "07.03.2021" (also "7.3.2021"; the year always four digits). Nothing else,
 * so "03/07/2021" (month or day first?) is refused. Errors as sl_date_parse.
 * @param out receives the date
 * @param text the text to read, NUL-terminated
 * @param field the field named in err, may be NULL for the default above
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_date_parse_norwegian(sl_date *out, const char *text,
                                                  const char *field, sl_error *err);

/* "YYYY-MM-DD" into buf (>= SL_DATE_BUFSIZE). Returns 10, or SL_EINVAL / SL_ERANGE.
 * @param buf receives "YYYY-MM-DD" and a NUL
 * @param size the size of buf (>= SL_DATE_BUFSIZE)
 * @param d the date
 * @return 10 (the length written), SL_EINVAL (not a valid date) or SL_ERANGE (buffer too small) */
SL_API int sl_date_format(char *buf, size_t size, sl_date d);

/* Days in the month (28..31).
 * @param year the year
 * @param month the month, 1 .. 12
 * @return 28 .. 31, or 0 for a month outside 1 .. 12 */
SL_API int sl_date_days_in_month(int year, int month);
/* 1 when year is a leap year (skuddår), else 0.
 * @param year the year
 * @return 1 for a leap year of the Gregorian calendar, else 0 */
SL_API int sl_date_is_leap_year(int year);

/* d plus months calendar months, on day `day` of the target month clamped
 * to the month's end (31 Jan + 1 month = 28/29 Feb). Pass day = d.day for
 * "the same day of month". 0 or SL_EINVAL/SL_ERANGE.
 * @param out receives the date
 * @param d the date to start from
 * @param months the number of months, any sign
 * @param day the day of month wanted, clamped to the month's end
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_date_add_months(sl_date *out, sl_date d, int months, int day);

/* d plus days (any sign). 0 or SL_EINVAL/SL_ERANGE.
 * @param out receives the date
 * @param d the date to start from
 * @param days the number of days, any sign
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_date_add_days(sl_date *out, sl_date d, int64_t days);

/* Days from a to b (b - a), e.g. 2025-01-01 to 2025-02-01 is 31. Meant for
 * valid dates; any other fields give a defined but meaningless number.
 * @param a the first date
 * @param b the second date
 * @return b − a in days */
SL_API int64_t sl_date_diff_days(sl_date a, sl_date b);

/* -1, 0, +1 as a is before, equal to, after b (year, then month, then day;
 * defined for any field values).
 * @param a the first date
 * @param b the second date
 * @return -1, 0 or +1 */
SL_API int sl_date_compare(sl_date a, sl_date b);

/**
 * Write a date as Norwegian exports and documents do: "07.03.2021"
 * (DD.MM.YYYY, always two digits of day and month). sl_date_parse_norwegian
 * reads it back.
 *
 * @param buf   output, at least SL_DATE_BUFSIZE bytes
 * @param size  size of buf
 * @param d     a valid date
 * @return 10, SL_ENULL (buf NULL), SL_EINVAL (not a valid date) or
 *         SL_ERANGE (buf too small).
 */
SL_API int sl_date_format_norwegian(char *buf, size_t size, sl_date d);

#ifdef __cplusplus
}
#endif

#endif
