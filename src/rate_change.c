/* Rate changes as typed (absolute or relative) and rate shocks: exact
 * rational sums on the floating path, nothing rounded. */
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "terms_internal.h"
#include "startlan/rate_change.h"

static int in_unit_range(sl_rate r)
{
    return r.num >= 0 && r.num <= r.den;
}

int sl_rate_change_parse(sl_rate_change_spec *out, const char *text, const char *field,
                         sl_error *err)
{
    sl__error_reset(err);
    if (!field)
        field = "rate_change";
    if (!out)
        return sl__null(err, "out");
    if (!text)
        return sl__null(err, "text");
    const char *colon = strchr(text, ':');
    char date[16];
    if (!colon || (size_t)(colon - text) >= sizeof date)
        return sl__fail(err, SL_ESYNTAX, field, text,
                        "%s: expected DATE:PCT (2026-03-01:4.9) or DATE:+POINTS (2028-01-15:+3)",
                        field);
    memcpy(date, text, (size_t)(colon - text));
    date[colon - text] = '\0';
    sl_rate_change_spec s;
    memset(&s, 0, sizeof s);
    int rc = sl_date_parse(&s.date, date, field, err);
    if (rc != SL_OK)
        return rc;
    const char *pct = colon + 1;
    while (*pct == ' ')
        pct++;
    s.relative = *pct == '+' || *pct == '-';
    rc = sl_rate_parse_percent(&s.value, pct, field, err);
    if (rc != SL_OK)
        return rc;
    if (s.relative ? (s.value.num > s.value.den || -s.value.num > s.value.den)
                   : !in_unit_range(s.value))
        return sl__fail_rate(err, SL_EINVAL, field, s.value,
                             s.relative ? "a change must be within 100 points"
                                        : "must be from 0 to 100 %");
    *out = s;
    return SL_OK;
}

/* Indices of in[] in date order, ties in the order given (a stable
 * insertion sort: a contract has few changes). */
static void sort_by_date(size_t *order, const sl_rate_change_spec *in, size_t count)
{
    for (size_t i = 0; i < count; i++)
        order[i] = i;
    for (size_t i = 1; i < count; i++) {
        size_t v = order[i], j = i;
        while (j > 0 && sl_date_compare(in[order[j - 1]].date, in[v].date) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
}

int sl_rate_changes_resolve(sl_rate_change *out, const sl_rate_change_spec *in, size_t count,
                            sl_rate base, sl_error *err)
{
    sl__error_reset(err);
    if (count == 0)
        return SL_OK;
    if (!out)
        return sl__null(err, "out");
    if (!in)
        return sl__null(err, "in");
    size_t *order = malloc(count * sizeof *order);
    if (!order)
        return sl__fail(err, SL_ENOMEM, "rate_changes", "", "out of memory");
    sort_by_date(order, in, count);
    sl_rate cur = base;
    int rc = SL_OK;
    for (size_t k = 0; k < count && rc == SL_OK; k++) {
        const sl_rate_change_spec *s = &in[order[k]];
        if (s->relative) {
            rc = sl_rate_add(&cur, cur, s->value);
            if (rc != SL_OK) {
                rc = sl__fail_date(err, rc, "rate_changes", s->date, "the changed rate overflows");
                break;
            }
        } else {
            cur = s->value;
        }
        if (!in_unit_range(cur)) {
            rc = sl__fail_date(err, SL_EINVAL, "rate_changes", s->date,
                               "the rate after this change would be outside 0 to 100 %");
            break;
        }
        out[order[k]] = (sl_rate_change){s->date, cur};
    }
    free(order);
    return rc;
}

static int shifted(sl_rate *out, sl_rate r, sl_rate shift, const char *field, sl_error *err)
{
    int rc = sl_rate_add(out, r, shift);
    if (rc != SL_OK)
        return sl__fail_rate(err, rc, field, shift, "the shifted rate overflows");
    if (!in_unit_range(*out))
        return sl__fail_rate(err, SL_EINVAL, field, *out, "the shocked rate must be from 0 to 100 %");
    return SL_OK;
}

int sl_loan_terms_shift_rates(sl_loan_terms *out, sl_rate_change *changes,
                              const sl_loan_terms *terms, sl_rate shift, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!terms)
        return sl__null(err, "terms");
    sl_loan_terms t;
    sl__terms_upgrade(&t, terms);
    int rc = shifted(&t.nominal_rate, t.nominal_rate, shift, "nominal_rate", err);
    if (rc == SL_OK && t.fixed.years)
        rc = shifted(&t.fixed.rate, t.fixed.rate, shift, "fixed", err);
    if (rc == SL_OK && t.rate_change_count) {
        if (!changes)
            return sl__null(err, "changes");
        for (size_t i = 0; i < t.rate_change_count && rc == SL_OK; i++) {
            changes[i].date = t.rate_changes[i].date;
            rc = shifted(&changes[i].rate, t.rate_changes[i].rate, shift, "rate_changes", err);
        }
        t.rate_changes = changes;
    }
    if (rc == SL_OK)
        *out = t;
    return rc;
}
