/* Calendar dates: parsing, month arithmetic with end-of-month clamping, day counts. */
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/date.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9999

int sl_date_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int sl_date_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return days[month - 1] + (month == 2 && sl_date_is_leap_year(year));
}

int sl_date_is_valid(sl_date d)
{
    return d.year >= MIN_YEAR && d.year <= MAX_YEAR && d.month >= 1 && d.month <= 12 &&
           d.day >= 1 && d.day <= sl_date_days_in_month(d.year, d.month);
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(sl_date d)
{
    int64_t y = (int64_t)d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = ((int64_t)d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + (int64_t)d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static sl_date civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    sl_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(y + (d.month <= 2));
    return d;
}

int sl_date_parse(sl_date *out, const char *text, const char *field, sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "date";
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, field);
    int shape = strlen(text) == 10 && text[4] == '-' && text[7] == '-';
    for (int i = 0; shape && i < 10; i++)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            shape = 0;
    if (!shape)
        return sl__fail(err, SL_ESYNTAX, field, text, "%s '%s': expected a date as YYYY-MM-DD",
                        field, text);
    sl_date d;
    d.year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    d.month = (text[5] - '0') * 10 + (text[6] - '0');
    d.day = (text[8] - '0') * 10 + (text[9] - '0');
    if (!sl_date_is_valid(d))
        return sl__fail(err, SL_EINVAL, field, text,
                        "%s '%s': no such date (years %d to %d are supported)", field, text,
                        MIN_YEAR, MAX_YEAR);
    *out = d;
    return SL_OK;
}

/* Digits of text[i..i+n) as a number, or -1. */
static int digits(const char *text, size_t i, size_t n)
{
    int v = 0;
    for (size_t k = i; k < i + n; k++) {
        if (text[k] < '0' || text[k] > '9')
            return -1;
        v = v * 10 + (text[k] - '0');
    }
    return v;
}

int sl_date_parse_norwegian(sl_date *out, const char *text, const char *field, sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "date";
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, field);
    const char *p1 = strchr(text, '.'), *p2 = p1 ? strchr(p1 + 1, '.') : NULL;
    if (!p1 || !p2)
        return sl_date_parse(out, text, field, err);
    /* DD.MM.YYYY, D.M.YYYY: one or two digits of day and month, four of year. */
    size_t nd = (size_t)(p1 - text), nm = (size_t)(p2 - p1 - 1), ny = strlen(p2 + 1);
    sl_date d = {0, 0, 0};
    if (nd >= 1 && nd <= 2 && nm >= 1 && nm <= 2 && ny == 4) {
        d.day = digits(text, 0, nd);
        d.month = digits(p1 + 1, 0, nm);
        d.year = digits(p2 + 1, 0, 4);
    }
    if (d.day < 0 || d.month < 0 || d.year <= 0)
        return sl__fail(err, SL_ESYNTAX, field, text,
                        "%s '%s': expected a date as YYYY-MM-DD or DD.MM.YYYY", field, text);
    if (!sl_date_is_valid(d))
        return sl__fail(err, SL_EINVAL, field, text,
                        "%s '%s': no such date (years %d to %d are supported)", field, text,
                        MIN_YEAR, MAX_YEAR);
    *out = d;
    return SL_OK;
}

int sl_date_format(char *buf, size_t size, sl_date d)
{
    if (!buf)
        return SL_ENULL;
    if (!sl_date_is_valid(d))
        return SL_EINVAL;
    if (!buf || size < SL_DATE_BUFSIZE)
        return SL_ERANGE;
    snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
    return 10;
}

int sl_date_format_norwegian(char *buf, size_t size, sl_date d)
{
    if (!buf)
        return SL_ENULL;
    if (!sl_date_is_valid(d))
        return SL_EINVAL;
    if (size < SL_DATE_BUFSIZE)
        return SL_ERANGE;
    snprintf(buf, size, "%02d.%02d.%04d", d.day, d.month, d.year);
    return 10;
}

int sl_date_add_months(sl_date *out, sl_date d, int months, int day)
{
    if (!out)
        return SL_ENULL;
    if (!sl_date_is_valid(d) || day < 1 || day > 31)
        return SL_EINVAL;
    int64_t index = (int64_t)d.year * 12 + (d.month - 1) + months;
    sl_date r;
    r.year = (int)(index / 12);
    r.month = (int)(index % 12) + 1;
    if (r.year < MIN_YEAR || r.year > MAX_YEAR)
        return SL_ERANGE;
    int dim = sl_date_days_in_month(r.year, r.month);
    r.day = day < dim ? day : dim;
    *out = r;
    return SL_OK;
}

int sl_date_add_days(sl_date *out, sl_date d, int64_t days)
{
    if (!out)
        return SL_ENULL;
    if (!sl_date_is_valid(d))
        return SL_EINVAL;
    if (days > 4000000 || days < -4000000)
        return SL_ERANGE;
    sl_date r = civil_from_days(days_from_civil(d) + days);
    if (!sl_date_is_valid(r))
        return SL_ERANGE;
    *out = r;
    return SL_OK;
}

int64_t sl_date_diff_days(sl_date a, sl_date b)
{
    return days_from_civil(b) - days_from_civil(a);
}

int sl_date_compare(sl_date a, sl_date b)
{
    /* Field by field: a packed key overflows for years far outside 1900..9999. */
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return (a.day > b.day) - (a.day < b.day);
}
