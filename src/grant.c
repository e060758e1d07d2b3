/* The grant (tilskudd) and its write-down: see include/startlan/grant.h. */
#include "startlan/grant.h"

#include <stdio.h>

#include "arith_internal.h"

static int check_terms(const sl_grant_terms *g, sl_error *err)
{
    char buf[64];
    if (g == NULL)
        return sl__null(err, "grant");
    int vrc = sl__check_version(err, "sl_grant_terms", g->version, 1, SL_GRANT_TERMS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (g->amount < 0 || g->amount > SL_MONEY_MAX / 1000)
        return sl__fail_money(err, SL_EINVAL, "grant", g->amount, "must be 0 or more");
    if (g->writedown_per_year.den <= 0 || g->writedown_per_year.num < 0 ||
        g->writedown_per_year.num > g->writedown_per_year.den)
        return sl__fail(err, SL_EINVAL, "writedown_per_year", "",
                        "write-down per year must be 0 .. 100 %%");
    if (g->years < 1 || g->years > 100) {
        snprintf(buf, sizeof buf, "%d", g->years);
        return sl__fail(err, SL_EINVAL, "years", buf, "write-down years %s: must be 1 .. 100",
                        buf);
    }
    return SL_OK;
}

int sl_grant_completed_years(sl_date from, sl_date to)
{
    if (sl_date_compare(to, from) < 0)
        return 0;
    int k = to.year - from.year;
    if (k > 0) {
        sl_date anniversary;
        if (sl_date_add_months(&anniversary, from, 12 * k, from.day) != SL_OK)
            return 0;
        if (sl_date_compare(to, anniversary) < 0)
            k--;
    }
    return k;
}

int sl_grant_remaining(sl_money *out, const sl_grant_terms *g, int completed_years, sl_error *err)
{
    sl__error_reset(err);
    int rc = check_terms(g, err);
    if (rc != SL_OK)
        return rc;
    if (out == NULL)
        return sl__null(err, "out");
    if (completed_years < 0)
        return sl__fail(err, SL_EINVAL, "completed_years", "", "completed years below 0");
    if (completed_years >= g->years) {
        *out = 0;
        return SL_OK;
    }
    int64_t down = 0;
    rc = sl__muldiv_round(&down, NULL, g->amount,
                          g->writedown_per_year.num * (int64_t)completed_years,
                          g->writedown_per_year.den, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail(err, rc, "grant", "", "write-down out of range");
    *out = down >= g->amount ? 0 : g->amount - down;
    return SL_OK;
}

int sl_grant_remaining_at(sl_money *out, const sl_grant_terms *g, sl_date date, sl_error *err)
{
    sl__error_reset(err);
    int rc = check_terms(g, err);
    if (rc != SL_OK)
        return rc;
    if (!sl_date_is_valid(g->date) || !sl_date_is_valid(date))
        return sl__fail(err, SL_EINVAL, "date", "", "grant date and date are needed");
    return sl_grant_remaining(out, g, sl_grant_completed_years(g->date, date), err);
}

int sl_grant_repayment_on_sale(sl_money *out, const sl_grant_terms *g, sl_date date,
                               sl_money sale_surplus, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    sl_money remaining = 0;
    int rc = sl_grant_remaining_at(&remaining, g, date, err);
    if (rc != SL_OK)
        return rc;
    sl_money cap = sale_surplus > 0 ? sale_surplus : 0;
    *out = remaining < cap ? remaining : cap;
    return SL_OK;
}

void sl_grant_terms_init(sl_grant_terms *terms)
{
    if (terms) {
        const sl_grant_terms init = SL_GRANT_TERMS_INIT;
        *terms = init;
    }
}
