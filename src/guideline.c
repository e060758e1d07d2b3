/* The state's guideline rates for living costs: reading tables from text,
 * and choosing the table in force on a date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "guideline_internal.h"
#include "textfile_internal.h"
#include "startlan/guideline.h"

struct sl_guideline_table {
    size_t count;
    sl_guideline_rates *rates; /* increasing valid_from */
};

#define FIELDS 7
static const char *const field_names[FIELDS] = {
    "valid_from", "single", "couple", "sharing", "child_0_5", "child_6_10", "child_11_17",
};

/* Fail with the line (and column) of a file, keeping the inner message. */
static int fail_at(sl_error *err, long line, long column, const sl_error *inner)
{
    if (!err)
        return inner->code;
    err->line = line;
    err->column = column;
    return sl__fail(err, inner->code, inner->field, inner->value, "line %ld: %s", line,
                    inner->message);
}

static int fail_line(sl_error *err, long line, long column, int code, const char *field,
                     const char *value, const char *why)
{
    sl_error inner;
    sl_error_clear(&inner);
    sl__fail(&inner, code, field, value, "%s '%s': %s", field, value, why);
    return fail_at(err, line, column, &inner);
}

static int append(sl_guideline_table *t, const sl_guideline_rates *r, size_t *cap)
{
    if (t->count == *cap) {
        size_t n = *cap ? *cap * 2 : 8;
        sl_guideline_rates *p = realloc(t->rates, n * sizeof *p);
        if (!p)
            return SL_ENOMEM;
        t->rates = p;
        *cap = n;
    }
    t->rates[t->count++] = *r;
    return SL_OK;
}

/* One data line (already without comment) into r. 0 for a blank line (r
 * untouched, *filled = 0), 1 with *filled = 1, or a negative code. */
static int parse_line(sl_guideline_rates *r, int *filled, const char *line, size_t len, long lineno,
                      sl_error *err)
{
    char tok[FIELDS][64];
    long col[FIELDS];
    int n = 0;
    size_t i = 0;
    *filled = 0;
    while (i < len) {
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i >= len)
            break;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            i++;
        size_t tl = i - start;
        char text[64];
        size_t keep = tl < sizeof text - 1 ? tl : sizeof text - 1;
        memcpy(text, line + start, keep);
        text[keep] = '\0';
        if (n == FIELDS)
            return fail_line(err, lineno, (long)start + 1, SL_ESYNTAX, "line", text,
                             "more than 7 fields (valid-from and six amounts)");
        if (tl >= sizeof tok[0])
            return fail_line(err, lineno, (long)start + 1, SL_ESYNTAX, field_names[n], text,
                             "field too long");
        memcpy(tok[n], text, keep + 1);
        col[n] = (long)start + 1;
        n++;
    }
    if (n == 0)
        return 0;
    if (n < FIELDS)
        return fail_line(err, lineno, 0, SL_ESYNTAX, field_names[n], "",
                         "missing: a line needs valid-from and six amounts");
    sl_error inner;
    sl_error_clear(&inner);
    if (sl_date_parse(&r->valid_from, tok[0], field_names[0], &inner) != SL_OK)
        return fail_at(err, lineno, col[0], &inner);
    sl_money *amounts[FIELDS - 1] = {&r->single_adult, &r->couple,     &r->sharing_adult,
                                     &r->child_0_5,    &r->child_6_10, &r->child_11_17};
    for (int f = 1; f < FIELDS; f++) {
        if (sl_money_parse(amounts[f - 1], tok[f], field_names[f], &inner) != SL_OK)
            return fail_at(err, lineno, col[f], &inner);
        if (*amounts[f - 1] < 0 || *amounts[f - 1] > SL_GUIDELINE_MAX_AMOUNT)
            return fail_line(err, lineno, col[f], SL_EINVAL, field_names[f], tok[f],
                             "must be from 0 to 1 000 000 000 kr");
    }
    *filled = 1;
    return 1;
}

int sl_guideline_table_parse(sl_guideline_table **out, const char *text, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, "text");
    *out = NULL;
    sl_guideline_table *t = calloc(1, sizeof *t);
    if (!t)
        return sl__fail(err, SL_ENOMEM, "table", "", "out of memory");
    size_t cap = 0;
    long lineno = 0;
    const char *p = text;
    int rc = SL_OK;
    while (*p) {
        const char *next;
        size_t len = sl__text_line(p, &next);
        lineno++;
        const char *hash = memchr(p, '#', len);
        size_t data_len = hash ? (size_t)(hash - p) : len;
        sl_guideline_rates r;
        int filled;
        rc = parse_line(&r, &filled, p, data_len, lineno, err);
        if (rc < 0)
            break;
        rc = SL_OK;
        if (filled) {
            if (t->count > 0 && sl_date_compare(r.valid_from, t->rates[t->count - 1].valid_from) <= 0) {
                char d[SL_DATE_BUFSIZE];
                sl_date_format(d, sizeof d, r.valid_from);
                rc = fail_line(err, lineno, 1, SL_EINVAL, "valid_from", d,
                               "not after the previous table's date (tables must be in "
                               "increasing date order)");
                break;
            }
            if (append(t, &r, &cap) != SL_OK) {
                rc = sl__fail(err, SL_ENOMEM, "table", "", "out of memory");
                break;
            }
        }
        p = next;
    }
    if (rc == SL_OK && t->count == 0) {
        if (err)
            err->line = 0, err->column = 0;
        rc = sl__fail(err, SL_EINVAL, "table", "", "no guideline table found in the text");
    }
    if (rc != SL_OK) {
        sl_guideline_table_free(t);
        return rc;
    }
    *out = t;
    return SL_OK;
}

int sl_guideline_table_load(sl_guideline_table **out, const char *path, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!path)
        return sl__null(err, "path");
    *out = NULL;
    char *buf;
    int rc = sl__read_text_file(&buf, path, SL_GUIDELINE_MAX_FILE, err);
    if (rc == SL_OK)
        rc = sl_guideline_table_parse(out, buf, err);
    free(buf);
    return rc;
}

int sl_guideline_table_default(sl_guideline_table **out, sl_error *err)
{
    return sl_guideline_table_parse(out, sl_guideline_default_text(), err);
}

void sl_guideline_table_free(sl_guideline_table *table)
{
    if (table) {
        free(table->rates);
        free(table);
    }
}

size_t sl_guideline_table_count(const sl_guideline_table *table)
{
    return table ? table->count : 0;
}

int sl_guideline_table_get(sl_guideline_rates *out, const sl_guideline_table *table, size_t i)
{
    if (!out || !table)
        return SL_ENULL;
    if (i >= table->count)
        return SL_EINVAL;
    *out = table->rates[i];
    return SL_OK;
}

int sl_guideline_table_select(sl_guideline_rates *out, const sl_guideline_table *table, sl_date date,
                              sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!table)
        return sl__null(err, "table");
    if (table->count == 0)
        return sl__fail(err, SL_EINVAL, "guidelines", "", "the guideline table is empty");
    char d[24];
    if (!sl_date_is_valid(date)) {
        snprintf(d, sizeof d, "%04d-%02d-%02d", date.year % 10000, date.month % 100,
                 date.day % 100);
        return sl__fail(err, SL_EINVAL, "date", d, "date %s: no such date", d);
    }
    size_t i = table->count;
    while (i > 0 && sl_date_compare(table->rates[i - 1].valid_from, date) > 0)
        i--;
    if (i == 0) {
        char first[SL_DATE_BUFSIZE];
        sl_date_format(d, sizeof d, date);
        sl_date_format(first, sizeof first, table->rates[0].valid_from);
        return sl__fail(err, SL_EINVAL, "date", d,
                        "date %s: before the first guideline table (valid from %s)", d, first);
    }
    *out = table->rates[i - 1];
    return SL_OK;
}
