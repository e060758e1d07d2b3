/* Rate histories (rentehistorikk): reading `YYYY-MM-DD PCT` / `YYYY-MM-DD gap`
 * lines, the rate in force on a date, and the rate changes a plan needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "rate_history_internal.h"
#include "startlan/rate_history.h"
#include "textfile_internal.h"

struct sl_rate_history {
    size_t count;
    sl_rate_history_entry *entries; /* strictly increasing `from` */
    /* Worked out once when read, for the many loans that follow it: */
    sl_rate_change *changes; /* the entries as rate changes (a gap's rate 0) */
    int *keys;               /* their date keys, increasing */
    size_t *gaps_before;     /* gaps among entries 0 .. i − 1 (count + 1 of them) */
    sl_rate low, high;       /* the lowest and highest rate */
    int64_t den_lcm;         /* the least common multiple of the rates' denominators, or 0
                                when it passes SL_PLAN_MAX_RATE_DENOMINATOR */
};

#define HISTORY_MAX_FILE ((size_t)16 << 20)

extern const char sl__history_husbanken_floating[];
extern const char sl__history_husbanken_floating_quarterly[];

static const struct {
    const char *name;
    const char *text;
} builtins[] = {
    {"husbanken-floating", sl__history_husbanken_floating},
    {"husbanken-floating-quarterly", sl__history_husbanken_floating_quarterly},
};

/* Fail naming the history, its line and column, keeping the inner message. */
static int fail_line(sl_error *err, const char *name, long line, long column, int code,
                     const char *field, const char *value, const char *why)
{
    if (!err)
        return code;
    sl__fail(err, code, field, value, "%s line %ld: %s '%s': %s", name, line, field, value, why);
    err->line = line;
    err->column = column;
    return code;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* One line without its comment. 0 blank, 1 entry in e, or a negative code. */
static int parse_line(sl_rate_history_entry *e, const char *line, size_t len, const char *name,
                      long lineno, sl_error *err)
{
    size_t i = 0;
    while (i < len && is_space(line[i]))
        i++;
    if (i == len)
        return 0;
    size_t ds = i;
    while (i < len && !is_space(line[i]))
        i++;
    char date[32];
    size_t dl = i - ds;
    snprintf(date, sizeof date, "%.*s", (int)(dl < 31 ? dl : 31), line + ds);
    sl_error inner;
    if (dl > 10 || sl_date_parse(&e->from, date, "date", &inner) != SL_OK)
        return fail_line(err, name, lineno, (long)ds + 1, SL_ESYNTAX, "date", date,
                         "not a date (YYYY-MM-DD)");
    while (i < len && is_space(line[i]))
        i++;
    size_t rs = i, re = len;
    while (re > rs && is_space(line[re - 1]))
        re--;
    char rate[64];
    size_t rl = re - rs;
    snprintf(rate, sizeof rate, "%.*s", (int)(rl < 63 ? rl : 63), line + rs);
    if (rl == 0)
        return fail_line(err, name, lineno, (long)len + 1, SL_ESYNTAX, "rate", "",
                         "missing: a line is a date and a rate in percent, or a date and 'gap'");
    e->gap = rl == 3 && memcmp(line + rs, "gap", 3) == 0;
    e->rate = (sl_rate)SL_RATE_ZERO;
    if (e->gap)
        return 1;
    sl_rate one = {1, 1};
    /* "+0.25" is a change of 0.25 points in --rate-change, whose options a
     * history stands for: read here as the rate 0.25 % it would silently be
     * a different plan, so a sign is refused */
    if (rate[0] == '+' || rate[0] == '-')
        return fail_line(err, name, lineno, (long)rs + 1, SL_ESYNTAX, "rate", rate,
                         "a line holds the rate in force from its date (e.g. 4.890), not a "
                         "change of it with a sign");
    if (rl > 63 || sl_rate_parse_percent(&e->rate, rate, "rate", &inner) != SL_OK)
        return fail_line(err, name, lineno, (long)rs + 1, SL_ESYNTAX, "rate", rate,
                         "not a rate in percent (4.640, 4,640 or 4.640 %) nor 'gap'");
    if (e->rate.num < 0 || sl_rate_compare(e->rate, one) > 0)
        return fail_line(err, name, lineno, (long)rs + 1, SL_EINVAL, "rate", rate,
                         "must be from 0 to 100 %");
    return 1;
}

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

/* What every loan on the history would otherwise work out again: the
 * entries as rate changes with their date keys, where the gaps are, and
 * the bounds sl__rate_history_margin_ok tests a margin against. */
static int index_history(sl_rate_history *h)
{
    size_t n = h->count;
    h->changes = malloc(n * sizeof *h->changes);
    h->keys = malloc(n * sizeof *h->keys);
    h->gaps_before = malloc((n + 1) * sizeof *h->gaps_before);
    if (!h->changes || !h->keys || !h->gaps_before)
        return SL_ENOMEM;
    h->low = h->high = h->entries[0].rate; /* entry 0 is never a gap */
    h->den_lcm = 1;
    h->gaps_before[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_rate_history_entry *e = &h->entries[i];
        h->changes[i] = (sl_rate_change){e->from, e->rate};
        h->keys[i] = (e->from.year * 16 + e->from.month) * 32 + e->from.day;
        h->gaps_before[i + 1] = h->gaps_before[i] + (e->gap != 0);
        if (e->gap)
            continue;
        if (sl_rate_compare(e->rate, h->low) < 0)
            h->low = e->rate;
        if (sl_rate_compare(e->rate, h->high) > 0)
            h->high = e->rate;
        if (h->den_lcm) {
            int64_t g = gcd64(h->den_lcm, e->rate.den), f = e->rate.den / g;
            h->den_lcm = h->den_lcm > SL_PLAN_MAX_RATE_DENOMINATOR / f ? 0 : h->den_lcm * f;
        }
    }
    return SL_OK;
}

int sl_rate_history_parse(sl_rate_history **out, const char *text, const char *name,
                          sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, "text");
    *out = NULL;
    if (!name)
        name = "rate history";
    sl_rate_history *h = calloc(1, sizeof *h);
    if (!h)
        return sl__fail(err, SL_ENOMEM, "history", "", "out of memory");
    size_t cap = 0;
    long lineno = 0;
    int rc = SL_OK;
    for (const char *p = text; *p && rc == SL_OK;) {
        const char *next;
        size_t len = sl__text_line(p, &next);
        lineno++;
        const char *hash = memchr(p, '#', len);
        sl_rate_history_entry e;
        int got = parse_line(&e, p, hash ? (size_t)(hash - p) : len, name, lineno, err);
        if (got < 0) {
            rc = got;
            break;
        }
        p = next;
        if (!got)
            continue;
        if (h->count && sl_date_compare(e.from, h->entries[h->count - 1].from) <= 0) {
            char d[SL_DATE_BUFSIZE];
            sl_date_format(d, sizeof d, e.from);
            rc = fail_line(err, name, lineno, 1, SL_EINVAL, "date", d,
                           "not after the previous line's date (dates must increase)");
            break;
        }
        if (h->count == cap) {
            size_t n = cap ? cap * 2 : 16;
            sl_rate_history_entry *grown = realloc(h->entries, n * sizeof *grown);
            if (!grown) {
                rc = sl__fail(err, SL_ENOMEM, "history", "", "out of memory");
                break;
            }
            h->entries = grown;
            cap = n;
        }
        h->entries[h->count++] = e;
    }
    if (rc == SL_OK && (h->count == 0 || h->entries[0].gap))
        rc = sl__fail(err, SL_EINVAL, "history", name,
                      "%s: no rate in the history (it needs at least one 'YYYY-MM-DD PCT' line "
                      "before any gap)",
                      name);
    if (rc == SL_OK && index_history(h) != SL_OK)
        rc = sl__fail(err, SL_ENOMEM, "history", "", "out of memory");
    if (rc != SL_OK) {
        sl_rate_history_free(h);
        return rc;
    }
    *out = h;
    return SL_OK;
}

int sl_rate_history_load(sl_rate_history **out, const char *path, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!path)
        return sl__null(err, "path");
    *out = NULL;
    char *text;
    int rc = sl__read_text_file(&text, path, HISTORY_MAX_FILE, err);
    if (rc == SL_OK)
        rc = sl_rate_history_parse(out, text, path, err);
    free(text);
    return rc;
}

const char *sl_rate_history_builtin_text(const char *name)
{
    for (size_t i = 0; name && i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(name, builtins[i].name) == 0)
            return builtins[i].text;
    return NULL;
}

int sl_rate_history_builtin(sl_rate_history **out, const char *name, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!name)
        return sl__null(err, "name");
    *out = NULL;
    const char *text = sl_rate_history_builtin_text(name);
    if (!text)
        return sl__fail(err, SL_EINVAL, "history", name,
                        "history '%s': not one shipped with the library (husbanken-floating, "
                        "husbanken-floating-quarterly)",
                        name);
    return sl_rate_history_parse(out, text, name, err);
}

void sl_rate_history_free(sl_rate_history *h)
{
    if (h) {
        free(h->entries);
        free(h->changes);
        free(h->keys);
        free(h->gaps_before);
        free(h);
    }
}

size_t sl_rate_history_count(const sl_rate_history *h)
{
    return h ? h->count : 0;
}

int sl_rate_history_get(sl_rate_history_entry *out, const sl_rate_history *h, size_t i)
{
    if (!out || !h)
        return SL_ENULL;
    if (i >= h->count)
        return SL_ERANGE;
    *out = h->entries[i];
    return SL_OK;
}

sl_date sl_rate_history_end(const sl_rate_history *h)
{
    if (h && h->count && h->entries[h->count - 1].gap)
        return h->entries[h->count - 1].from;
    return (sl_date)SL_DATE_NONE;
}

/* Index of the entry in force on date, or -1 before the first. */
static long entry_at(const sl_rate_history *h, sl_date date)
{
    size_t lo = 0, hi = h->count; /* first entry after date */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sl_date_compare(h->entries[mid].from, date) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

/* The refusal for a date with no known rate (before the first entry or in the
 * gap at index k). */
static int no_rate(sl_error *err, const sl_rate_history *h, sl_date date, long k)
{
    if (!sl_date_is_valid(date)) /* nothing to format: say so rather than print garbage */
        return sl__fail_date(err, SL_EINVAL, "date", date, "not a valid date");
    char d[SL_DATE_BUFSIZE], a[SL_DATE_BUFSIZE], b[SL_DATE_BUFSIZE];
    sl_date_format(d, sizeof d, date);
    if (k < 0) {
        sl_date_format(a, sizeof a, h->entries[0].from);
        return sl__fail(err, SL_EINVAL, "date", d,
                        "date %s: before the rate history begins (%s); no rate is known", d, a);
    }
    sl_date_format(a, sizeof a, h->entries[k].from);
    if ((size_t)k + 1 == h->count)
        return sl__fail(err, SL_EINVAL, "date", d,
                        "date %s: the rate history ends on %s; no rate is known from then", d,
                        a);
    sl_date_format(b, sizeof b, h->entries[k + 1].from);
    return sl__fail(err, SL_EINVAL, "date", d,
                    "date %s: in a gap of the rate history (%s to %s); no rate is known", d, a,
                    b);
}

int sl_rate_history_at(sl_rate *out, const sl_rate_history *h, sl_date date, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!h)
        return sl__null(err, "history");
    long k = entry_at(h, date);
    if (k < 0 || h->entries[k].gap)
        return no_rate(err, h, date, k);
    *out = h->entries[k].rate;
    return SL_OK;
}

int sl__rate_history_slice(const sl_rate_change **first, const int **keys, size_t *count,
                           const sl_rate_history *h, sl_date from, sl_date to, sl_error *err)
{
    *count = 0;
    long k = entry_at(h, from);
    if (k < 0 || h->entries[k].gap)
        return no_rate(err, h, from, k);
    long e = sl_date_compare(to, from) > 0 ? entry_at(h, to) : k; /* the last one up to `to` */
    if (h->gaps_before[e + 1] != h->gaps_before[k + 1]) { /* a gap in (k, e] */
        long g = k + 1;
        while (!h->entries[g].gap)
            g++;
        if ((size_t)g + 1 != h->count)
            return no_rate(err, h, h->entries[g].from, g);
        e = g - 1; /* the end of the history: the caller says what follows */
    }
    *first = h->changes + k + 1;
    *keys = h->keys + k + 1;
    *count = (size_t)(e - k);
    return SL_OK;
}

int sl__rate_history_margin_ok(const sl_rate_history *h, sl_rate margin)
{
    sl_rate lo, hi, one = {1, 1};
    if (!h->den_lcm || margin.den <= 0)
        return 0;
    int64_t f = margin.den / gcd64(h->den_lcm, margin.den);
    return h->den_lcm <= SL_PLAN_MAX_RATE_DENOMINATOR / f && /* every sum's denominator */
           sl_rate_add(&lo, h->low, margin) == SL_OK && lo.num >= 0 &&
           sl_rate_add(&hi, h->high, margin) == SL_OK && sl_rate_compare(hi, one) <= 0;
}

int sl_rate_history_changes(sl_rate_change **out, size_t *count, const sl_rate_history *h,
                            sl_date from, sl_date to, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!count)
        return sl__null(err, "count");
    if (!h)
        return sl__null(err, "history");
    *out = NULL;
    *count = 0;
    const sl_rate_change *first;
    const int *keys;
    size_t n;
    int rc = sl__rate_history_slice(&first, &keys, &n, h, from, to, err);
    if (rc != SL_OK || n == 0)
        return rc;
    sl_rate_change *c = malloc(n * sizeof *c);
    if (!c)
        return sl__fail(err, SL_ENOMEM, "history", "", "out of memory");
    memcpy(c, first, n * sizeof *c);
    *out = c;
    *count = n;
    return SL_OK;
}
