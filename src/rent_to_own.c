/* Leie til eie / leie før eie: see include/startlan/rent_to_own.h. */
#include "startlan/rent_to_own.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#include "arith_internal.h"
#include "rto_internal.h"
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

/* Amounts are limited so every sum and product below fits in int64 øre:
 * prices and funds at most 1e12 kr, monthly amounts and fees at most 1e9 kr,
 * so M × rent <= 600 × 1e11 øre and fee × documents <= 1e13 øre. */
#define RTO_MAX_AMOUNT SL_PLAN_MAX_PRINCIPAL
#define RTO_MAX_MONTHLY (SL_PLAN_MAX_PRINCIPAL / 1000)

int sl__check_price_rule(sl_error *err, sl_price_rule rule, sl_rate index_rate,
                         sl_money appraisal)
{
    if (rule != SL_PRICE_FIXED && rule != SL_PRICE_INDEXED && rule != SL_PRICE_APPRAISAL)
        return sl__fail_int(err, SL_EINVAL, "price_rule", (long)rule, "unknown price rule");
    if (!rate_ok(index_rate))
        return sl__fail_rate(err, SL_EINVAL, "index_rate", index_rate, "must be 0 .. 100 %");
    if (rule != SL_PRICE_INDEXED && index_rate.num != 0)
        return sl__fail_rate(err, SL_EINVAL, "index_rate", index_rate,
                             "an index rate is only used with the indexed price rule");
    int rc = sl__check_money(err, "appraisal", appraisal, rule == SL_PRICE_APPRAISAL,
                             RTO_MAX_AMOUNT);
    if (rc != SL_OK)
        return rc;
    if (rule != SL_PRICE_APPRAISAL && appraisal != 0)
        return sl__fail_money(err, SL_EINVAL, "appraisal", appraisal,
                              "an appraisal is only used with the appraisal price rule");
    return SL_OK;
}

/* The caller's options in this version's layout: a version-2 struct ends
 * before document_tax_base, so only its own bytes are read and the fields
 * added since take their defaults. */
static int load_options(sl_rto_options *o, const sl_rto_options *given, sl_error *err)
{
    if (given == NULL)
        return sl__null(err, "options");
    /* Version 1 held the loan terms by value: a layout this library cannot read. */
    int rc = sl__check_version(err, "sl_rto_options", given->version, 2, SL_RTO_OPTIONS_VERSION);
    if (rc != SL_OK)
        return rc;
    sl_rto_options_init(o);
    memcpy(o, given,
           given->version >= 3 ? sizeof *o : offsetof(sl_rto_options, document_tax_base));
    o->version = SL_RTO_OPTIONS_VERSION;
    return SL_OK;
}

/* Every field is checked whatever the others say: a value that the chosen
 * rule would ignore is refused rather than silently dropped. */
static int check_options(const sl_rto_options *o, sl_error *err)
{
    int rc;
    if (o->model != SL_RTO_RENT_TO_OWN && o->model != SL_RTO_RENT_BEFORE_OWN)
        return sl__fail_int(err, SL_EINVAL, "model", (long)o->model,
                            "must be rent-to-own or rent-before-own");
    if ((rc = sl__check_money(err, "price", o->price, 1, RTO_MAX_AMOUNT)) != SL_OK)
        return rc;
    if (o->rent_months < 0 || o->rent_months > SL_RTO_MAX_RENT_MONTHS) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d", o->rent_months);
        return sl__fail(err, SL_EINVAL, "rent_months", buf, "rent months %s: must be 0 .. %d",
                        buf, SL_RTO_MAX_RENT_MONTHS);
    }
    if ((rc = sl__check_money(err, "rent", o->rent, 0, RTO_MAX_MONTHLY)) != SL_OK ||
        (rc = sl__check_money(err, "cost_rent", o->cost_rent, 0, RTO_MAX_MONTHLY)) != SL_OK)
        return rc;
    if (o->credit_surplus && o->cost_rent > o->rent)
        return sl__fail_money(err, SL_EINVAL, "cost_rent", o->cost_rent,
                         "the cost rent is above the rent, so there is no surplus to credit");
    if ((rc = sl__check_money(err, "saving", o->saving, 0, RTO_MAX_MONTHLY)) != SL_OK)
        return rc;
    if (!rate_ok(o->saving_rate))
        return sl__fail_rate(err, SL_EINVAL, "saving_rate", o->saving_rate, "must be 0 .. 100 %");
    if ((rc = sl__check_price_rule(err, o->price_rule, o->index_rate, o->appraisal)) != SL_OK)
        return rc;
    if (!rate_ok(o->buyer_share_of_rise))
        return sl__fail_rate(err, SL_EINVAL, "buyer_share_of_rise", o->buyer_share_of_rise,
                             "must be 0 .. 100 %");
    if (o->price_rule != SL_PRICE_APPRAISAL && o->buyer_share_of_rise.num != o->buyer_share_of_rise.den)
        return sl__fail_rate(err, SL_EINVAL, "buyer_share_of_rise", o->buyer_share_of_rise,
                             "the buyer's share of the rise is only used with the appraisal "
                             "price rule");
    if (o->property != SL_PROPERTY_SELVEIER && o->property != SL_PROPERTY_BORETTSLAG)
        return sl__fail_int(err, SL_EINVAL, "property", (long)o->property,
                            "unknown property type");
    if ((rc = sl__check_money(err, "own_funds", o->own_funds, 0, RTO_MAX_AMOUNT)) != SL_OK ||
        (rc = sl__check_money(err, "grant", o->grant, 0, RTO_MAX_AMOUNT)) != SL_OK ||
        (rc = sl__check_money(err, "registration_fee", o->registration_fee, 0,
                              RTO_MAX_MONTHLY)) != SL_OK)
        return rc;
    if (o->documents < 0 || o->documents > 100)
        return sl__fail_int(err, SL_EINVAL, "documents", o->documents, "must be 0 .. 100");
    if (o->value_growth.den != 0 && !rate_ok(o->value_growth))
        return sl__fail_rate(err, SL_EINVAL, "value_growth", o->value_growth,
                             "must be 0 .. 100 %");
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail_date(err, SL_EINVAL, "start", o->start, "not a valid date");
    if (o->document_tax_base != SL_TAX_BASE_VALUE && o->document_tax_base != SL_TAX_BASE_PRICE)
        return sl__fail_int(err, SL_EINVAL, "document_tax_base", (long)o->document_tax_base,
                            "must be value or price");
    return SL_OK;
}

/* Load and check: 0 with *o filled, or the error naming the field. */
static int read_options(sl_rto_options *o, const sl_rto_options *given, sl_error *err)
{
    int rc = load_options(o, given, err);
    return rc != SL_OK ? rc : check_options(o, err);
}

int sl_rto_grow(sl_money *out, sl_money base, sl_rate g, int months)
{
    if (out == NULL)
        return SL_ENULL;
    if (g.den <= 0 || g.num < 0 || months < 0 || months > SL_RTO_MAX_GROW_MONTHS || base < 0)
        return SL_EINVAL;
    int years = months / 12, rest = months % 12;
    /* base · ((den+num)/den)^y · (12·den + num·rest) / (12·den), all in GMP:
     * den + num and 12·den overflow int64 for a rate with a huge denominator. */
    mpz_t num, den, t, gn, gd;
    mpz_inits(num, den, t, gn, gd, NULL);
    sl__mpz_set_i64(gn, g.num);
    sl__mpz_set_i64(gd, g.den);
    sl__mpz_set_i64(num, base);
    mpz_add(t, gd, gn);
    mpz_pow_ui(t, t, (unsigned long)years);
    mpz_mul(num, num, t);
    mpz_pow_ui(den, gd, (unsigned long)years);
    mpz_mul_ui(t, gd, 12);
    mpz_mul(den, den, t);
    mpz_addmul_ui(t, gn, (unsigned long)rest);
    mpz_mul(num, num, t);
    int rc = sl__mpz_round_quotient(t, NULL, num, den, SL_ORE_PER_KRONE, SL_ROUND_HALF_UP);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, t);
    mpz_clears(num, den, t, gn, gd, NULL);
    return rc;
}

static int price_at(sl_money *out, const sl_rto_options *o, int months, sl_error *err)
{
    int rc = SL_OK;
    switch (o->price_rule) {
    case SL_PRICE_FIXED:
        *out = o->price;
        return SL_OK;
    case SL_PRICE_INDEXED: {
        /* The purchase price has the price's own limit, so the sums after it fit. */
        sl_money p = 0;
        rc = sl_rto_grow(&p, o->price, o->index_rate, months);
        if (rc == SL_ERANGE || (rc == SL_OK && p > RTO_MAX_AMOUNT))
            return sl__fail_rate(err, SL_ERANGE, "index_rate", o->index_rate,
                                 "the indexed purchase price is over the maximum of "
                                 "1 000 000 000 000 kr");
        if (rc != SL_OK)
            return sl__fail_rate(err, rc, "index_rate", o->index_rate, "cannot index the price");
        *out = p;
        return SL_OK;
    }
    case SL_PRICE_APPRAISAL: {
        /* P0 + (1 − share) × rise <= appraisal <= RTO_MAX_AMOUNT */
        sl_money rise = o->appraisal > o->price ? o->appraisal - o->price : 0;
        int64_t seller = 0;
        rc = sl__muldiv_round(&seller, NULL, rise,
                              o->buyer_share_of_rise.den - o->buyer_share_of_rise.num,
                              o->buyer_share_of_rise.den, 1, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return sl__fail_money(err, rc, "appraisal", o->appraisal,
                                  "the appraised price is out of range");
        *out = o->price + seller;
        return SL_OK;
    }
    }
    return sl__fail_int(err, SL_EINVAL, "price_rule", (long)o->price_rule, "unknown price rule");
}

int sl_rto_price_at(sl_money *out, const sl_rto_options *opt, int months, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    sl_rto_options o;
    int rc = read_options(&o, opt, err);
    if (rc != SL_OK)
        return rc;
    if (months < 0 || months > SL_RTO_MAX_GROW_MONTHS)
        return sl__fail_int(err, SL_EINVAL, "months", months, "must be 0 .. 12000");
    return price_at(out, &o, months, err);
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

/* The loan's first payment, its totals and, when one exists, its effective
 * rate. A loan whose payments have no effective rate (an establishment fee
 * above the loan, a term fee so large the rate cannot be stated) is still a
 * loan: its cost is the plan's totals and the finding says there is no rate,
 * as sl-plan reports it. */
static int loan_figures(sl_rto_result *r, const sl_loan_terms *t, sl_error *err)
{
    sl_plan *p = NULL;
    int rc = sl_plan_new(&p, t, err);
    if (rc != SL_OK)
        return rc;
    sl_plan_row row;
    int first = 1;
    while ((rc = sl_plan_next(p, &row)) == 1) {
        if (first)
            r->first_payment = row.payment;
        first = 0;
    }
    sl_plan_totals totals;
    if (rc == SL_OK)
        sl_plan_totals_so_far(p, &totals);
    sl_plan_free(p);
    if (rc < 0)
        return sl__fail_money(err, rc, "loan", t->principal, "the loan's plan is out of range");
    sl_error cost_err;
    sl_error_clear(&cost_err);
    rc = sl_plan_cost_compute(&r->cost, t, NULL, &cost_err);
    if (rc == SL_ENOMEM)
        return sl__fail(err, rc, "loan", "", "out of memory");
    if (rc != SL_OK) {
        memset(&r->cost, 0, sizeof r->cost);
        r->cost.principal = t->principal;
        r->cost.drawn = t->principal - t->establishment_fee;
        r->cost.totals = totals;
        r->cost.terms = totals.terms;
        r->cost.terms_per_year = t->terms_per_year;
        r->cost.total_cost = totals.interest + totals.fees;
        r->cost.total_payable = totals.paid;
        r->findings |= SL_RTO_FINDING_NO_EFFECTIVE_RATE;
    }
    r->has_loan = 1;
    return SL_OK;
}

static int compute(sl_rto_result *out, const sl_rto_options *o, sl_error *err);

int sl_rto_compute(sl_rto_result *out, const sl_rto_options *opt, sl_error *err)
{
    sl__error_reset(err);
    sl_rto_options o;
    int rc = read_options(&o, opt, err);
    if (rc != SL_OK)
        return rc;
    if (out == NULL)
        return sl__null(err, "out");
    return compute(out, &o, err);
}

/* The market value at transfer, the base of dokumentavgift (sl_tax_base). */
static int tax_base(sl_money *out, const sl_rto_options *o, sl_money price, sl_error *err)
{
    *out = price;
    if (o->document_tax_base == SL_TAX_BASE_PRICE)
        return SL_OK;
    if (o->price_rule == SL_PRICE_APPRAISAL) {
        *out = o->appraisal;
    } else if (o->value_growth.den != 0) {
        int rc = sl_rto_grow(out, o->price, o->value_growth, o->rent_months);
        if (rc != SL_OK || *out > RTO_MAX_AMOUNT)
            return sl__fail_rate(err, SL_ERANGE, "value_growth", o->value_growth,
                                 "the market value at the purchase is over the maximum of "
                                 "1 000 000 000 000 kr");
    }
    return SL_OK;
}

/* A checked scenario (o in this version's layout). */
static int compute(sl_rto_result *out, const sl_rto_options *o, sl_error *err)
{
    int rc;
    sl_rto_result r;
    memset(&r, 0, sizeof r);
    int m = o->rent_months;

    /* Savings: interest on the opening balance at rate / 12, then the deposit;
     * the balance is kept within RTO_MAX_AMOUNT, so the next sum fits. */
    sl_money bal = 0;
    for (int k = 0; k < m; k++) {
        int64_t interest = 0;
        rc = sl__muldiv_round(&interest, NULL, bal, o->saving_rate.num, o->saving_rate.den, 12,
                              1, SL_ROUND_HALF_UP);
        if (rc == SL_OK) {
            r.savings_interest += interest;
            bal += interest + o->saving;
        }
        if (rc != SL_OK || bal > RTO_MAX_AMOUNT)
            return sl__fail_money(err, SL_ERANGE, "saving", o->saving,
                                  "the savings grow over the maximum of 1 000 000 000 000 kr");
    }
    r.savings = bal;
    /* Within the limits of check_options: M <= 600 and R <= 1e11 øre. */
    r.rent_paid = (sl_money)m * o->rent;
    r.last_rent = o->rent;
    r.rent_credit = o->credit_surplus ? (sl_money)m * (o->rent - o->cost_rent) : 0;

    rc = price_at(&r.purchase_price, o, m, err);
    if (rc != SL_OK)
        return rc;

    if (o->property == SL_PROPERTY_SELVEIER) {
        sl_money base = 0;
        rc = tax_base(&base, o, r.purchase_price, err);
        if (rc != SL_OK)
            return rc;
        r.document_tax_base = base;
        int64_t tax = 0;
        rc = sl__muldiv_round(&tax, NULL, base, 25, 1000, 1, SL_ORE_PER_KRONE,
                              SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return sl__fail_money(err, rc, "price", base, "dokumentavgift out of range");
        r.document_tax = tax;
    }
    r.registration_fees = o->registration_fee * o->documents; /* <= 1e11 × 100 */
    r.transaction_costs = r.document_tax + r.registration_fees;

    /* Every term is at most a few times 1e14 øre: no overflow. */
    sl_money need = r.purchase_price - r.rent_credit + r.transaction_costs - r.savings -
                    o->own_funds - o->grant;
    if (need > 0) {
        r.loan_amount = need;
    } else {
        r.cash_left = -need;
    }
    if (r.loan_amount > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_ERANGE, "price", o->price,
                              "the start loan needed for this price is over the maximum loan "
                              "of 1 000 000 000 000 kr");
    r.transition_month = m + 1;
    if (o->start.year != 0) {
        rc = sl_date_add_months(&r.transition_date, o->start, m, o->start.day);
        if (rc != SL_OK)
            return sl__fail_date(err, rc, "start", o->start,
                                 "the purchase date is after the year 9999");
    }
    /* Prop. 158 L's proposed five years concern units in a borettslag or sameie
       held under the new right; nothing caps a kommune's own selveier home. */
    if (m > 60 && o->property == SL_PROPERTY_BORETTSLAG)
        r.findings |= SL_RTO_FINDING_RENT_OVER_60_MONTHS;

    if (r.loan_amount > 0) {
        sl_loan_terms t;
        loan_terms(&t, o, r.loan_amount, r.transition_date);
        rc = loan_figures(&r, &t, err);
        if (rc != SL_OK)
            return rc;
    }
    *out = r;
    return SL_OK;
}

static int timeline_next(sl_rto_timeline *tl, sl_rto_row *row, sl_error *err);

/* A timeline in its first month: the plan restarted, no savings yet. */
static int timeline_start(sl_rto_timeline *tl, sl_error *err)
{
    sl_plan_free(tl->plan);
    tl->plan = NULL;
    tl->month = 0;
    tl->savings = 0;
    if (tl->res.loan_amount > 0) {
        sl_loan_terms t;
        loan_terms(&t, &tl->opt, tl->res.loan_amount, tl->res.transition_date);
        int rc = sl_plan_new(&tl->plan, &t, err);
        if (rc != SL_OK)
            return rc;
    }
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
    int rc = read_options(&tl->opt, opt, err);
    if (rc == SL_OK)
        rc = compute(&tl->res, &tl->opt, err);
    if (rc != SL_OK) {
        free(tl);
        return rc;
    }
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = opt->grant;
    tl->grant = g;
    /* The caller's loan terms are used while the plans are made; the plans
     * copy them, so the copy here must not keep the pointer. */
    rc = timeline_start(tl, err);
    /* A dry run: every row once, so next() cannot fail after this. */
    sl_rto_row row;
    while (rc == SL_OK && (rc = timeline_next(tl, &row, err)) == 1)
        rc = SL_OK;
    if (rc == 0)
        rc = timeline_start(tl, err);
    tl->opt.loan = NULL; /* the plans copied the caller's terms */
    if (rc != SL_OK) {
        sl_rto_timeline_free(tl);
        return rc;
    }
    *out = tl;
    return SL_OK;
}

static int fill_value(sl_rto_timeline *tl, sl_rto_row *row, sl_error *err)
{
    if (tl->opt.value_growth.den == 0)
        return SL_OK;
    row->has_value = 1;
    int rc = sl_rto_grow(&row->market_value, tl->opt.price, tl->opt.value_growth, row->month);
    if (rc != SL_OK)
        return sl__fail_rate(err, SL_ERANGE, "value_growth", tl->opt.value_growth,
                             "the market value grows out of range over the timeline");
    /* value <= INT64_MAX minus two amounts of at most 1e14 øre: fits. */
    if (row->phase == SL_RTO_PHASE_OWN)
        row->equity = row->market_value - row->loan_balance - row->grant_remaining;
    return SL_OK;
}

static int timeline_next(sl_rto_timeline *tl, sl_rto_row *row, sl_error *err)
{
    const sl_rto_options *o = &tl->opt;
    int m = o->rent_months;
    sl_rto_row r;
    memset(&r, 0, sizeof r);
    r.month = tl->month + 1;
    if (tl->month < m) {
        /* The same savings as sl_rto_compute, which kept them in range. */
        int64_t interest = 0;
        int rc = sl__muldiv_round(&interest, NULL, tl->savings, o->saving_rate.num,
                                  o->saving_rate.den, 12, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return sl__fail_money(err, rc, "saving", o->saving, "the savings are out of range");
        tl->savings += interest + o->saving;
        r.phase = SL_RTO_PHASE_RENT;
        if (o->start.year != 0) {
            rc = sl_date_add_months(&r.date, o->start, tl->month, o->start.day);
            if (rc != SL_OK)
                return sl__fail_date(err, rc, "start", o->start, "a date is out of range");
        }
        r.housing_cost = o->rent;
        r.savings_balance = tl->savings;
        r.equity = tl->savings;
        rc = fill_value(tl, &r, err);
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
    if (rc < 0)
        return sl__fail(err, rc, "loan", "", "the loan's plan failed");
    if (rc == 0)
        return 0;
    r.phase = SL_RTO_PHASE_OWN;
    r.date = p.due_date;
    r.housing_cost = p.payment;
    r.loan_balance = p.closing_balance;
    rc = sl_grant_remaining(&r.grant_remaining, &tl->grant, (tl->month - m + 1) / 12, err);
    if (rc != SL_OK)
        return rc;
    rc = fill_value(tl, &r, err);
    if (rc != SL_OK)
        return rc;
    if (!r.has_value)
        r.equity = 0;
    tl->month++;
    *row = r;
    return 1;
}

int sl_rto_timeline_next(sl_rto_timeline *tl, sl_rto_row *row)
{
    if (tl == NULL || row == NULL)
        return SL_ENULL;
    return timeline_next(tl, row, NULL);
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
