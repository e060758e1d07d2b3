/* Rent by the law: the KPI series, the adjusted rent path and the deposit's
 * limit. See include/startlan/rent_index.h. */
#include "startlan/rent_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "textfile_internal.h"
#include "startlan/plan.h"

typedef struct index_point {
    int key;     /* year × 12 + month − 1 */
    sl_rate value;
} index_point;

struct sl_index_series {
    size_t count;
    index_point *points; /* strictly increasing key */
};

#define INDEX_MAX_FILE ((size_t)16 << 20)
#define RENT_MAX (SL_PLAN_MAX_PRINCIPAL / 1000)

static int fail_at(sl_error *err, const char *name, long line, long column, int code,
                   const char *value, const char *why)
{
    if (!err)
        return code;
    sl__fail(err, code, "index", value, "%s line %ld: '%s': %s", name, line, value, why);
    err->line = line;
    err->column = column;
    return code;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

/* "YYYY-MM" → key; -1 when it is not one. */
static int month_key(const char *s, size_t n)
{
    if (n != 7 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 2))
        return -1;
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < 1900 || y > 9999 || m < 1 || m > 12)
        return -1;
    return y * 12 + m - 1;
}

/* "134.8" or "134,8": up to 9 integer digits and 6 decimals, above 0. */
static int decimal_value(sl_rate *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t int_digits = i, dec = 0;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        dec = n - i - 1;
        if (!digits(s + i + 1, dec))
            return SL_ESYNTAX;
    } else if (i != n) {
        return SL_ESYNTAX;
    }
    if (int_digits == 0 || int_digits > 9 || dec > 6)
        return SL_ESYNTAX;
    int64_t num = 0, den = 1;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '.' || s[k] == ',')
            continue;
        num = num * 10 + (s[k] - '0');
    }
    for (size_t k = 0; k < dec; k++)
        den *= 10;
    if (num == 0)
        return SL_EINVAL;
    *out = (sl_rate){num, den};
    return SL_OK;
}

int sl_index_series_parse(sl_index_series **out, const char *text, const char *name,
                          sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    *out = NULL;
    if (text == NULL)
        return sl__null(err, "text");
    if (name == NULL)
        name = "index";
    sl_index_series *s = calloc(1, sizeof *s);
    if (s == NULL)
        return sl__fail(err, SL_ENOMEM, "index", "", "out of memory");
    size_t cap = 0;
    long lineno = 0;
    for (const char *p = text; *p;) {
        const char *next;
        size_t len = sl__text_line(p, &next);
        lineno++;
        const char *hash = memchr(p, '#', len);
        size_t used = hash ? (size_t)(hash - p) : len;
        size_t i = 0;
        while (i < used && is_space(p[i]))
            i++;
        if (i < used) {
            size_t ms = i;
            while (i < used && !is_space(p[i]))
                i++;
            char shown[48];
            snprintf(shown, sizeof shown, "%.*s", (int)(i - ms < 40 ? i - ms : 40), p + ms);
            int key = month_key(p + ms, i - ms);
            if (key < 0) {
                sl_index_series_free(s);
                return fail_at(err, name, lineno, (long)ms + 1, SL_ESYNTAX, shown,
                               "not a month (YYYY-MM)");
            }
            while (i < used && is_space(p[i]))
                i++;
            size_t vs = i, ve = used;
            while (ve > vs && is_space(p[ve - 1]))
                ve--;
            snprintf(shown, sizeof shown, "%.*s", (int)(ve - vs < 40 ? ve - vs : 40), p + vs);
            sl_rate v;
            int rc = decimal_value(&v, p + vs, ve - vs);
            if (rc != SL_OK) {
                sl_index_series_free(s);
                return fail_at(err, name, lineno, (long)vs + 1, rc, shown,
                               rc == SL_EINVAL ? "an index value must be above 0"
                                               : "not an index value (e.g. 134.8)");
            }
            if (s->count > 0 && key <= s->points[s->count - 1].key) {
                snprintf(shown, sizeof shown, "%.*s", (int)(ms + 7 <= used ? 7 : 0), p + ms);
                sl_index_series_free(s);
                return fail_at(err, name, lineno, (long)ms + 1, SL_EINVAL, shown,
                               "months must be strictly increasing");
            }
            if (s->count == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                index_point *np = realloc(s->points, ncap * sizeof *np);
                if (np == NULL) {
                    sl_index_series_free(s);
                    return sl__fail(err, SL_ENOMEM, "index", "", "out of memory");
                }
                s->points = np;
                cap = ncap;
            }
            s->points[s->count++] = (index_point){key, v};
        }
        p = next;
    }
    *out = s;
    return SL_OK;
}

int sl_index_series_load(sl_index_series **out, const char *path, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    *out = NULL;
    if (path == NULL)
        return sl__null(err, "path");
    char *text = NULL;
    int rc = sl__read_text_file(&text, path, INDEX_MAX_FILE, err);
    if (rc != SL_OK)
        return rc;
    rc = sl_index_series_parse(out, text, path, err);
    free(text);
    return rc;
}

void sl_index_series_free(sl_index_series *s)
{
    if (s) {
        free(s->points);
        free(s);
    }
}

int sl_index_series_value(sl_rate *out, const sl_index_series *s, int year, int month)
{
    if (out == NULL || s == NULL)
        return SL_ENULL;
    if (month < 1 || month > 12 || year < 1900 || year > 9999)
        return SL_EINVAL;
    int key = year * 12 + month - 1;
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->points[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == s->count || s->points[lo].key != key)
        return SL_EINVAL;
    *out = s->points[lo].value;
    return SL_OK;
}

/* The index for the month `lag` months before start + months. */
static int index_at(sl_rate *out, const sl_rent_path_options *o, int months, sl_error *err)
{
    int key = o->start.year * 12 + o->start.month - 1 + months - o->lag_months;
    int y = key / 12, m = key % 12 + 1;
    if (sl_index_series_value(out, o->index, y, m) == SL_OK)
        return SL_OK;
    char month[16];
    snprintf(month, sizeof month, "%04d-%02d", y, m);
    return sl__fail(err, SL_EINVAL, "index", month,
                    "the index has no value for %s, needed for the rent adjustment", month);
}

int sl_rent_path(sl_money *rents, size_t cap, const sl_rent_path_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (o == NULL)
        return sl__null(err, "options");
    int rc = sl__check_version(err, "sl_rent_path_options", o->version, 1,
                               SL_RENT_PATH_OPTIONS_VERSION);
    if (rc != SL_OK)
        return rc;
    if ((rc = sl__check_money(err, "rent", o->rent, 0, RENT_MAX)) != SL_OK)
        return rc;
    if (o->months < 0 || o->months > SL_RENT_PATH_MAX_MONTHS)
        return sl__fail_int(err, SL_EINVAL, "months", o->months, "must be 0 .. 600");
    if (o->lag_months < 0 || o->lag_months > 12)
        return sl__fail_int(err, SL_EINVAL, "lag_months", o->lag_months, "must be 0 .. 12");
    sl_rate g = o->yearly_rate;
    if (g.den == 0)
        g = (sl_rate){0, 1};
    if (g.den < 0 || g.num < -g.den || g.num > g.den)
        return sl__fail_rate(err, SL_EINVAL, "yearly_rate", o->yearly_rate,
                             "must be -100 .. 100 %");
    if (o->index != NULL && g.num != 0)
        return sl__fail_rate(err, SL_EINVAL, "yearly_rate", o->yearly_rate,
                             "give an index or a yearly rate, not both");
    if (o->index != NULL && !sl_date_is_valid(o->start))
        return sl__fail_date(err, SL_EINVAL, "start", o->start,
                             "an index adjustment needs the first rent month");
    if (rents == NULL)
        return sl__null(err, "rents");
    if (cap < (size_t)o->months)
        return sl__fail_int(err, SL_EINVAL, "rents", (long)cap,
                            "room for fewer rents than months");
    sl_money rent = o->rent;
    sl_rate prev = {1, 1};
    if (o->index && o->months > 12 && (rc = index_at(&prev, o, 0, err)) != SL_OK)
        return rc;
    for (int m = 0; m < o->months; m++) {
        if (m > 0 && m % 12 == 0) {
            int64_t next = 0;
            if (o->index) {
                sl_rate now;
                if ((rc = index_at(&now, o, m, err)) != SL_OK)
                    return rc;
                const int64_t num[] = {rent, now.num, prev.den};
                const int64_t den[] = {now.den, prev.num};
                rc = sl__products_round(&next, NULL, num, 3, den, 2, 1, SL_ROUND_HALF_UP);
                prev = now;
            } else {
                /* rent + round(rent × rate): rent is whole øre, so this is
                   round(rent × (1 + rate)) without forming den + num. */
                int64_t change = 0;
                rc = sl__muldiv_round(&change, NULL, rent, g.num, g.den, 1, 1, SL_ROUND_HALF_UP);
                next = rent + change;
            }
            if (rc != SL_OK || next > RENT_MAX)
                return sl__fail_money(err, SL_ERANGE, o->index ? "index" : "yearly_rate", next,
                                      "the adjusted rent is over 1 000 000 000 kr a month");
            rent = next;
        }
        rents[m] = rent;
    }
    return SL_OK;
}

int sl_deposit_check(sl_money deposit, sl_money rent, sl_error *err)
{
    sl__error_reset(err);
    if (deposit < 0)
        return sl__fail_money(err, SL_EINVAL, "deposit", deposit, "must be 0 or more");
    if (rent >= 0 && rent <= RENT_MAX && deposit <= SL_DEPOSIT_MAX_MONTHS * rent)
        return SL_OK;
    char limit[SL_MONEY_BUFSIZE];
    sl_money max = rent >= 0 && rent <= RENT_MAX ? SL_DEPOSIT_MAX_MONTHS * rent : 0;
    sl_money_format(limit, sizeof limit, max, SL_MONEY_PLAIN);
    char value[SL_MONEY_BUFSIZE];
    sl_money_format(value, sizeof value, deposit, SL_MONEY_PLAIN);
    return sl__fail(err, SL_EINVAL, "deposit", value,
                    "deposit %s: more than 6 months' rent (%s); husleieloven § 3-5 allows at "
                    "most 6 months",
                    value, limit);
}

void sl_rent_path_options_init(sl_rent_path_options *options)
{
    if (options) {
        const sl_rent_path_options init = SL_RENT_PATH_OPTIONS_INIT;
        *options = init;
    }
}
