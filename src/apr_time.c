/* Time between dates in years for the effective-rate equation, and the APR
 * of dated flows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/apr.h"

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t r = a % b;
        a = b;
        b = r;
    }
    return a < 0 ? -a : a;
}

static void reduce(int64_t *num, int64_t *den)
{
    int64_t g = gcd64(*num, *den);
    if (g > 1) {
        *num /= g;
        *den /= g;
    }
}

/* Days in (from, to] that fall in leap years. */
static int64_t leap_days_between(sl_date from, sl_date to)
{
    int64_t leap = 0;
    for (int y = from.year; y <= to.year; y++) {
        if (!sl_date_is_leap_year(y))
            continue;
        sl_date start = {y - 1, 12, 31}, end = {y, 12, 31};
        if (sl_date_compare(start, from) < 0)
            start = from;
        if (sl_date_compare(end, to) > 0)
            end = to;
        int64_t n = sl_date_diff_days(start, end);
        if (n > 0)
            leap += n;
    }
    return leap;
}

int sl_apr_year_fraction(int64_t *num, int64_t *den, sl_date from, sl_date to, sl_apr_time time)
{
    if (!num || !den)
        return SL_ENULL;
    if (!sl_date_is_valid(from) || !sl_date_is_valid(to) ||
        sl_date_compare(to, from) < 0)
        return SL_EINVAL;
    int64_t days = sl_date_diff_days(from, to);
    switch (time) {
    case SL_APR_EQUAL_MONTHS: {
        /* Whole months forward from `from` on its day of month, then days. */
        int64_t m = (int64_t)(to.year - from.year) * 12 + (to.month - from.month);
        sl_date at = from;
        for (; m > 0; m--) {
            if (sl_date_add_months(&at, from, (int)m, from.day) != SL_OK)
                return SL_EINVAL;
            if (sl_date_compare(at, to) <= 0)
                break;
        }
        if (m <= 0) {
            m = 0;
            at = from;
        }
        int64_t d = sl_date_diff_days(at, to);
        *num = 365 * m + 12 * d; /* m/12 + d/365 */
        *den = 12 * 365;
        break;
    }
    case SL_APR_DAYS_365:
        *num = days;
        *den = 365;
        break;
    case SL_APR_DAYS_ACTUAL: {
        int64_t leap = leap_days_between(from, to);
        *num = 366 * (days - leap) + 365 * leap; /* n365/365 + n366/366 */
        *den = 365 * 366;
        break;
    }
    default:
        return SL_EINVAL;
    }
    reduce(num, den);
    return SL_OK;
}

int sl_apr_dated(sl_apr_result *out, const sl_dated_flow *flows, size_t count,
                 const sl_apr_options *opt, sl_error *err)
{
    sl__error_reset(err);
    static const sl_apr_options defaults = SL_APR_OPTIONS_INIT;
    if (!opt)
        opt = &defaults;
    if (!out)
        return sl__null(err, "out");
    if (!flows && count)
        return sl__null(err, "flows");
    if (count == 0)
        return sl__fail(err, SL_EINVAL, "flows", "", "flows: between 2 and 1000000 flows are needed");
    char v[32];
    size_t first = 0;
    for (size_t i = 0; i < count; i++) {
        if (!sl_date_is_valid(flows[i].date)) {
            snprintf(v, sizeof v, "%zu", i + 1);
            return sl__fail(err, SL_EINVAL, "flows", v, "flows %s: not a valid date", v);
        }
        if (sl_date_compare(flows[i].date, flows[first].date) < 0)
            first = i;
    }
    sl_apr_flow *f = malloc(count * sizeof *f);
    if (!f)
        return sl__fail(err, SL_ENOMEM, "flows", "", "out of memory");
    int rc = SL_OK;
    for (size_t i = 0; i < count && rc == SL_OK; i++) {
        f[i].amount = flows[i].amount;
        if (sl_apr_year_fraction(&f[i].time_num, &f[i].time_den, flows[first].date, flows[i].date,
                                 opt->time) != SL_OK) {
            snprintf(v, sizeof v, "%d", (int)opt->time);
            rc = sl__fail(err, SL_EINVAL, "time", v, "time %s: unknown time basis", v);
        }
    }
    if (rc == SL_OK)
        rc = sl_apr(out, f, count, opt, err);
    free(f);
    return rc;
}

static const char *const time_names[] = {"equal-months", "days365", "days-actual"};

int sl_apr_time_parse(sl_apr_time *out, const char *text)
{
    if (!out || !text)
        return SL_ENULL;
    for (int i = 0; i < 3; i++)
        if (strcmp(text, time_names[i]) == 0) {
            *out = (sl_apr_time)i;
            return SL_OK;
        }
    return SL_ESYNTAX;
}

const char *sl_apr_time_name(sl_apr_time time)
{
    return (time >= SL_APR_EQUAL_MONTHS && time <= SL_APR_DAYS_ACTUAL) ? time_names[time] : NULL;
}
