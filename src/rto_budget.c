/* The family's budget before and after, and BSU: see
 * include/startlan/rto_budget.h. */
#include "startlan/rto_budget.h"

#include <string.h>

#include "arith_internal.h"
#include "startlan/plan.h"
#include "startlan/tax.h"

/* A month's amounts: any a loan's payment can reach (its term fee has no cap of
 * its own), with room for the sums of ten of them. */
#define BUDGET_MAX (INT64_MAX / 16)

/* Published BSU rules (Skatteetaten, "Fradrag for boligsparing for ungdom
 * (BSU)": 10,0 prosent, 27 500 kroner, 300 000 kroner; the 20 % of 2021–2022
 * and the limit of 27 500 from 2021 as the banks' notices of the changes
 * give them, docs/rent-to-own.md). */
static const struct {
    int from;
    sl_money yearly_max, total_max;
    sl_rate deduction;
} bsu_table[] = {
    {2021, 2750000, 30000000, {20, 100}},
    {2023, 2750000, 30000000, {10, 100}},
};
#define BSU_LAST_PUBLISHED 2025

int sl_bsu_rules_for_year(sl_bsu_rules *out, int year, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    if (year < bsu_table[0].from || year > 9999)
        return sl__fail_int(err, SL_EINVAL, "year", year,
                            "no BSU rules for this year (known from 2021)");
    int published = year > BSU_LAST_PUBLISHED ? BSU_LAST_PUBLISHED : year;
    size_t i = sizeof bsu_table / sizeof bsu_table[0];
    while (i > 0 && bsu_table[i - 1].from > published)
        i--;
    out->year = year;
    out->published_year = published;
    out->yearly_max = bsu_table[i - 1].yearly_max;
    out->total_max = bsu_table[i - 1].total_max;
    out->deduction = bsu_table[i - 1].deduction;
    return SL_OK;
}

static int deduction_of(sl_money *out, sl_money deposits, sl_rate rate, sl_error *err)
{
    int64_t d = 0;
    int rc = sl__muldiv_round(&d, NULL, deposits, rate.num, rate.den, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail_money(err, rc, "monthly", deposits, "BSU deduction out of range");
    *out = d;
    return SL_OK;
}

int sl_bsu_plan_compute(sl_bsu_plan *out, sl_money monthly, sl_money balance, sl_date start,
                        int months, int purchase, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    int rc = sl__check_money(err, "monthly", monthly, 0, SL_PLAN_MAX_PRINCIPAL / 1000);
    if (rc != SL_OK)
        return rc;
    if (months < 0 || months > 600)
        return sl__fail_int(err, SL_EINVAL, "months", months, "must be 0 .. 600");
    if (!sl_date_is_valid(start))
        return sl__fail_date(err, SL_EINVAL, "start", start, "BSU needs the first month's date");
    sl_bsu_rules rules;
    if ((rc = sl_bsu_rules_for_year(&rules, start.year, err)) != SL_OK)
        return sl__fail_date(err, SL_EINVAL, "start", start,
                             "no BSU rules for this year (known from 2021)");
    if (balance < 0 || balance > rules.total_max)
        return sl__fail_money(err, SL_EINVAL, "balance", balance,
                              "must be 0 .. the total limit (300 000 kr)");
    sl_bsu_plan p;
    memset(&p, 0, sizeof p);
    sl_money total = balance;
    for (int m = 0; m < months; m++) {
        int key = start.year * 12 + start.month - 1 + m;
        int year = key / 12;
        if (p.years == 0 || p.by_year[p.years - 1].year != year) {
            if ((rc = sl_bsu_rules_for_year(&rules, year, err)) != SL_OK)
                return rc;
            p.by_year[p.years++] = (sl_bsu_year){year, 0, 0};
        }
        sl_bsu_year *y = &p.by_year[p.years - 1];
        sl_money room = rules.yearly_max - y->deposits;
        if (rules.total_max - total < room)
            room = rules.total_max - total;
        sl_money d = monthly < room ? monthly : room;
        y->deposits += d;
        total += d;
        p.deposits += d;
    }
    int purchase_year = -1;
    if (purchase) {
        int key = start.year * 12 + start.month - 1 + months;
        purchase_year = key / 12;
    }
    for (int i = 0; i < p.years; i++) {
        sl_bsu_year *y = &p.by_year[i];
        if (y->year == purchase_year)
            continue;
        if ((rc = sl_bsu_rules_for_year(&rules, y->year, err)) != SL_OK ||
            (rc = deduction_of(&y->deduction, y->deposits, rules.deduction, err)) != SL_OK)
            return rc;
        p.deduction += y->deduction;
    }
    /* The budget's month: a whole year of the deposit under the first year's rules. */
    if ((rc = sl_bsu_rules_for_year(&rules, start.year, err)) != SL_OK)
        return rc;
    sl_money year_deposits = monthly > rules.yearly_max / 12 ? rules.yearly_max : monthly * 12;
    sl_money year_deduction = 0;
    if ((rc = deduction_of(&year_deduction, year_deposits, rules.deduction, err)) != SL_OK)
        return rc;
    int64_t per_month = 0;
    rc = sl__muldiv_round(&per_month, NULL, year_deduction, 1, 12, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail_money(err, rc, "monthly", monthly, "BSU deduction out of range");
    p.monthly_deduction = months > 0 ? per_month : 0;
    *out = p;
    return SL_OK;
}

void sl_rto_budget_options_init(sl_rto_budget_options *options)
{
    if (options) {
        const sl_rto_budget_options init = SL_RTO_BUDGET_OPTIONS_INIT;
        *options = init;
    }
}

int sl_rto_budget_compute(sl_rto_budget *out, const sl_rto_budget_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    if (o == NULL)
        return sl__null(err, "options");
    int rc = sl__check_version(err, "sl_rto_budget_options", o->version, 1,
                               SL_RTO_BUDGET_VERSION);
    if (rc != SL_OK)
        return rc;
    const struct {
        const char *name;
        sl_money v;
    } fields[] = {
        {"rent", o->rent},
        {"saving", o->saving},
        {"bsu", o->bsu},
        {"bsu_deduction", o->bsu_deduction},
        {"rent_covers", o->rent_covers},
        {"allowance_before", o->allowance_before},
        {"payment", o->payment},
        {"interest", o->interest},
        {"owner_costs", o->owner_costs},
        {"allowance_after", o->allowance_after},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((rc = sl__check_money(err, fields[i].name, fields[i].v, 0, BUDGET_MAX)) != SL_OK)
            return rc;
    if (o->interest > o->payment)
        return sl__fail_money(err, SL_EINVAL, "interest", o->interest,
                              "the interest is above the payment");
    int first = 0, last = 0;
    sl_tax_years(&first, &last);
    int year = o->tax_year < first ? first : o->tax_year > last ? last : o->tax_year;
    sl_tax_rules rules;
    if ((rc = sl_tax_rules_for_year(&rules, year, err)) != SL_OK)
        return rc;
    sl_rto_budget b;
    memset(&b, 0, sizeof b);
    b.tax_year = year;
    if ((rc = sl_tax_interest_deduction(&b.interest_deduction, o->interest, &rules, err)) !=
        SL_OK)
        return rc;
    /* Each term is at most INT64_MAX / 16: the sums fit. */
    b.before = o->rent + o->saving + o->bsu - o->bsu_deduction - o->allowance_before;
    b.after = o->payment + o->owner_costs - b.interest_deduction - o->allowance_after;
    b.monthly_change = b.after - b.before;
    *out = b;
    return SL_OK;
}
