/* Leie til eie / leie før eie: see include/startlan/rent_to_own.h. */
#include "startlan/rent_to_own.h"

#include <stdio.h>
#include <stdlib.h>

#include <gmp.h>

#include "arith_internal.h"
#include "terms_internal.h"
#include "startlan/grant.h"

struct sl_rto_timeline {
    sl_rto_options opt;
    sl_rto_result res;
    sl_plan *plan; /* NULL without a loan */
    sl_grant_terms grant;
    int month;     /* rows produced */
    sl_money savings;
};

static int rate_ok(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

/* Amounts are limited so every sum below fits in int64 øre. */
#define RTO_MAX_AMOUNT SL_PLAN_MAX_PRINCIPAL

static int check_options(const sl_rto_options *o, sl_error *err)
{
    if (o == NULL)
        return sl__null(err, "options");
    /* Version 1 held the loan terms by value: a layout this library cannot read. */
    int vrc = sl__check_version(err, "sl_rto_options", o->version, 2, SL_RTO_OPTIONS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (o->price <= 0 || o->price > RTO_MAX_AMOUNT)
        return sl__fail_money(err, SL_EINVAL, "price", o->price, "must be above 0 and at most 1e12 kr");
    if (o->rent_months < 0 || o->rent_months > SL_RTO_MAX_RENT_MONTHS) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d", o->rent_months);
        return sl__fail(err, SL_EINVAL, "rent_months", buf, "rent months %s: must be 0 .. %d",
                        buf, SL_RTO_MAX_RENT_MONTHS);
    }
    if (o->rent < 0 || o->rent > RTO_MAX_AMOUNT / 1000)
        return sl__fail_money(err, SL_EINVAL, "rent", o->rent, "must be 0 or more");
    if (o->cost_rent < 0 || o->cost_rent > RTO_MAX_AMOUNT / 1000)
        return sl__fail_money(err, SL_EINVAL, "cost_rent", o->cost_rent, "must be 0 or more");
    if (o->credit_surplus && o->cost_rent > o->rent)
        return sl__fail_money(err, SL_EINVAL, "cost_rent", o->cost_rent,
                         "the cost rent is above the rent, so there is no surplus to credit");
    if (o->saving < 0 || o->saving > RTO_MAX_AMOUNT / 1000)
        return sl__fail_money(err, SL_EINVAL, "saving", o->saving, "must be 0 or more");
    if (!rate_ok(o->saving_rate))
        return sl__fail(err, SL_EINVAL, "saving_rate", "", "savings rate must be 0 .. 100 %%");
    if (o->price_rule == SL_PRICE_INDEXED && !rate_ok(o->index_rate))
        return sl__fail(err, SL_EINVAL, "index_rate", "", "index rate must be 0 .. 100 %%");
    if (o->price_rule == SL_PRICE_APPRAISAL) {
        if (o->appraisal <= 0 || o->appraisal > RTO_MAX_AMOUNT)
            return sl__fail_money(err, SL_EINVAL, "appraisal", o->appraisal, "must be above 0");
        if (!rate_ok(o->buyer_share_of_rise))
            return sl__fail(err, SL_EINVAL, "buyer_share_of_rise", "",
                            "the buyer's share of the rise must be 0 .. 100 %%");
    } else if (o->price_rule != SL_PRICE_FIXED && o->price_rule != SL_PRICE_INDEXED) {
        return sl__fail(err, SL_EINVAL, "price_rule", "", "unknown price rule");
    }
    if (o->property != SL_PROPERTY_SELVEIER && o->property != SL_PROPERTY_BORETTSLAG)
        return sl__fail(err, SL_EINVAL, "property", "", "unknown property type");
    if (o->own_funds < 0 || o->own_funds > RTO_MAX_AMOUNT)
        return sl__fail_money(err, SL_EINVAL, "own_funds", o->own_funds, "must be 0 or more");
    if (o->grant < 0 || o->grant > RTO_MAX_AMOUNT)
        return sl__fail_money(err, SL_EINVAL, "grant", o->grant, "must be 0 or more");
    if (o->registration_fee < 0 || o->registration_fee > RTO_MAX_AMOUNT / 1000)
        return sl__fail_money(err, SL_EINVAL, "registration_fee", o->registration_fee, "must be 0 or more");
    if (o->documents < 0 || o->documents > 100)
        return sl__fail(err, SL_EINVAL, "documents", "", "documents must be 0 .. 100");
    if (o->value_growth.den != 0 && !rate_ok(o->value_growth))
        return sl__fail(err, SL_EINVAL, "value_growth", "", "value growth must be 0 .. 100 %%");
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail(err, SL_EINVAL, "start", "", "the start date is not a valid date");
    return SL_OK;
}

int sl_rto_grow(sl_money *out, sl_money base, sl_rate g, int months)
{
    if (out == NULL)
        return SL_ENULL;
    if (g.den <= 0 || g.num < 0 || months < 0 || base < 0)
        return SL_EINVAL;
    int years = months / 12, rest = months % 12;
    /* base · ((den+num)/den)^y · (12·den + num·rest) / (12·den) */
    mpz_t num, den, t;
    mpz_inits(num, den, t, NULL);
    sl__mpz_set_i64(num, base);
    sl__mpz_set_i64(t, g.den + g.num);
    mpz_pow_ui(t, t, (unsigned long)years);
    mpz_mul(num, num, t);
    sl__mpz_set_i64(t, g.den);
    mpz_pow_ui(den, t, (unsigned long)years);
    sl__mpz_set_i64(t, 12 * g.den + g.num * rest);
    mpz_mul(num, num, t);
    sl__mpz_set_i64(t, 12 * g.den);
    mpz_mul(den, den, t);
    int rc = sl__mpz_round_quotient(t, NULL, num, den, SL_ORE_PER_KRONE, SL_ROUND_HALF_UP);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, t);
    mpz_clears(num, den, t, NULL);
    return rc;
}

static int price_at(sl_money *out, const sl_rto_options *o, int months, sl_error *err)
{
    int rc = SL_OK;
    switch (o->price_rule) {
    case SL_PRICE_FIXED:
        *out = o->price;
        return SL_OK;
    case SL_PRICE_INDEXED:
        rc = sl_rto_grow(out, o->price, o->index_rate, months);
        if (rc != SL_OK)
            return sl__fail(err, rc, "index_rate", "", "the indexed price is out of range");
        return SL_OK;
    case SL_PRICE_APPRAISAL: {
        sl_money rise = o->appraisal > o->price ? o->appraisal - o->price : 0;
        int64_t seller = 0;
        rc = sl__muldiv_round(&seller, NULL, rise,
                              o->buyer_share_of_rise.den - o->buyer_share_of_rise.num,
                              o->buyer_share_of_rise.den, 1, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return sl__fail(err, rc, "appraisal", "", "the appraised price is out of range");
        *out = o->price + seller;
        return SL_OK;
    }
    }
    return sl__fail(err, SL_EINVAL, "price_rule", "", "unknown price rule");
}

int sl_rto_price_at(sl_money *out, const sl_rto_options *opt, int months, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    int rc = check_options(opt, err);
    if (rc != SL_OK)
        return rc;
    if (months < 0)
        return sl__fail(err, SL_EINVAL, "months", "", "months must be 0 or more");
    return price_at(out, opt, months, err);
}

/* The loan contract for the computed principal. */
static void loan_terms(sl_loan_terms *t, const sl_rto_options *o, sl_money principal,
                       sl_date transition)
{
    sl__terms_or_default(t, o->loan, SL_RTO_DEFAULT_TERMS);
    t->principal = principal;
    if (t->payout_date.year == 0 && transition.year != 0)
        t->payout_date = transition;
}

int sl_rto_compute(sl_rto_result *out, const sl_rto_options *o, sl_error *err)
{
    sl__error_reset(err);
    int rc = check_options(o, err);
    if (rc != SL_OK)
        return rc;
    if (out == NULL)
        return sl__null(err, "out");
    sl_rto_result r = {0};
    int m = o->rent_months;

    /* Savings: interest on the opening balance at rate / 12, then the deposit. */
    sl_money bal = 0;
    for (int k = 0; k < m; k++) {
        int64_t interest = 0;
        rc = sl__muldiv_round(&interest, NULL, bal, o->saving_rate.num, o->saving_rate.den, 12,
                              1, SL_ROUND_HALF_UP);
        if (rc != SL_OK || bal > RTO_MAX_AMOUNT)
            return sl__fail(err, SL_ERANGE, "saving", "", "the savings grow out of range");
        r.savings_interest += interest;
        bal += interest + o->saving;
    }
    r.savings = bal;
    r.rent_paid = (sl_money)m * o->rent;
    r.last_rent = o->rent;
    r.rent_credit = o->credit_surplus ? (sl_money)m * (o->rent - o->cost_rent) : 0;

    rc = price_at(&r.purchase_price, o, m, err);
    if (rc != SL_OK)
        return rc;

    if (o->property == SL_PROPERTY_SELVEIER) {
        sl_money base = o->price_rule == SL_PRICE_APPRAISAL ? o->appraisal : r.purchase_price;
        int64_t tax = 0;
        rc = sl__muldiv_round(&tax, NULL, base, 25, 1000, 1, SL_ORE_PER_KRONE,
                              SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return sl__fail(err, rc, "price", "", "dokumentavgift out of range");
        r.document_tax = tax;
    }
    r.registration_fees = o->registration_fee * o->documents;
    r.transaction_costs = r.document_tax + r.registration_fees;

    sl_money need = r.purchase_price - r.rent_credit + r.transaction_costs - r.savings -
                    o->own_funds - o->grant;
    if (need > 0) {
        r.loan_amount = need;
    } else {
        r.cash_left = -need;
    }
    r.transition_month = m + 1;
    if (o->start.year != 0) {
        rc = sl_date_add_months(&r.transition_date, o->start, m, o->start.day);
        if (rc != SL_OK)
            return sl__fail(err, rc, "start", "", "the purchase date is out of range");
    }
    if (m > 60)
        r.findings |= SL_RTO_FINDING_RENT_OVER_60_MONTHS;

    if (r.loan_amount > 0) {
        sl_loan_terms t;
        loan_terms(&t, o, r.loan_amount, r.transition_date);
        sl_plan *p = NULL;
        rc = sl_plan_new(&p, &t, err);
        if (rc != SL_OK)
            return rc;
        sl_plan_row row;
        rc = sl_plan_next(p, &row);
        sl_plan_free(p);
        if (rc < 0)
            return sl__fail(err, rc, "loan", "", "the loan plan failed");
        r.first_payment = rc == 1 ? row.payment : 0;
        rc = sl_plan_cost_compute(&r.cost, &t, NULL, err);
        if (rc != SL_OK)
            return rc;
        r.has_loan = 1;
    }
    *out = r;
    return SL_OK;
}

int sl_rto_timeline_new(sl_rto_timeline **out, const sl_rto_options *opt, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    *out = NULL;
    sl_rto_timeline *tl = calloc(1, sizeof *tl);
    if (tl == NULL)
        return sl__fail(err, SL_ENOMEM, "timeline", "", "out of memory");
    int rc = sl_rto_compute(&tl->res, opt, err);
    if (rc != SL_OK) {
        free(tl);
        return rc;
    }
    tl->opt = *opt;
    /* The plan copies the contract and its arrays; the caller's may go. */
    tl->opt.loan = NULL;
    if (tl->res.loan_amount > 0) {
        sl_loan_terms t;
        loan_terms(&t, opt, tl->res.loan_amount, tl->res.transition_date);
        rc = sl_plan_new(&tl->plan, &t, err);
        if (rc != SL_OK) {
            free(tl);
            return rc;
        }
    }
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = opt->grant;
    tl->grant = g;
    *out = tl;
    return SL_OK;
}

static int fill_value(sl_rto_timeline *tl, sl_rto_row *row)
{
    if (tl->opt.value_growth.den == 0)
        return SL_OK;
    row->has_value = 1;
    int rc = sl_rto_grow(&row->market_value, tl->opt.price, tl->opt.value_growth, row->month);
    if (rc != SL_OK)
        return rc;
    if (row->phase == SL_PHASE_OWN)
        row->equity = row->market_value - row->loan_balance - row->grant_remaining;
    return SL_OK;
}

int sl_rto_timeline_next(sl_rto_timeline *tl, sl_rto_row *row)
{
    if (tl == NULL || row == NULL)
        return SL_ENULL;
    const sl_rto_options *o = &tl->opt;
    int m = o->rent_months;
    sl_rto_row r = {0};
    r.month = tl->month + 1;
    if (tl->month < m) {
        int64_t interest = 0;
        int rc = sl__muldiv_round(&interest, NULL, tl->savings, o->saving_rate.num,
                                  o->saving_rate.den, 12, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return rc;
        tl->savings += interest + o->saving;
        r.phase = SL_PHASE_RENT;
        if (o->start.year != 0) {
            rc = sl_date_add_months(&r.date, o->start, tl->month, o->start.day);
            if (rc != SL_OK)
                return rc;
        }
        r.housing_cost = o->rent;
        r.savings_balance = tl->savings;
        r.equity = tl->savings;
        rc = fill_value(tl, &r);
        if (rc != SL_OK)
            return rc;
        tl->month++;
        *row = r;
        return 1;
    }
    if (tl->plan == NULL)
        return 0;
    sl_plan_row p;
    int rc = sl_plan_next(tl->plan, &p);
    if (rc <= 0)
        return rc;
    r.phase = SL_PHASE_OWN;
    r.date = p.due_date;
    r.housing_cost = p.payment;
    r.loan_balance = p.closing_balance;
    rc = sl_grant_remaining(&r.grant_remaining, &tl->grant, (tl->month - m + 1) / 12, NULL);
    if (rc != SL_OK)
        return rc;
    rc = fill_value(tl, &r);
    if (rc != SL_OK)
        return rc;
    if (!r.has_value)
        r.equity = 0;
    tl->month++;
    *row = r;
    return 1;
}

const sl_rto_result *sl_rto_timeline_result(const sl_rto_timeline *tl)
{
    return tl ? &tl->res : NULL;
}

void sl_rto_timeline_free(sl_rto_timeline *tl)
{
    if (tl == NULL)
        return;
    sl_plan_free(tl->plan);
    free(tl);
}

void sl_rto_options_init(sl_rto_options *options)
{
    if (options) {
        const sl_rto_options init = SL_RTO_OPTIONS_INIT;
        *options = init;
    }
}
