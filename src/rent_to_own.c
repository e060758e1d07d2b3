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

/* A yearly change of a value or an index: above −100 % (prices may fall,
 * OBOS Bostart's index included) and at most 100 %. */
static int growth_ok(sl_rate r)
{
    return r.den > 0 && r.num > -r.den && r.num <= r.den;
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
    if (!growth_ok(index_rate))
        return sl__fail_rate(err, SL_EINVAL, "index_rate", index_rate,
                             "must be above -100 % and at most 100 %");
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

/* The month's credit under credit_rent_share: rent × share, rounded to the
 * øre half up (R <= 1e11 øre, so it fits). */
static sl_money share_credit(const sl_rto_options *o)
{
    int64_t c = 0;
    if (o->credit_rent_share.num > 0 &&
        sl__muldiv_round(&c, NULL, o->rent, o->credit_rent_share.num, o->credit_rent_share.den,
                         1, 1, SL_ROUND_HALF_UP) != SL_OK)
        c = 0; /* cannot happen: share <= 1 */
    return c;
}

/* The credit rules: one at most, and what the rent is said to hold (the
 * month's credit, plus the saving when it is part of the rent) must fit in
 * the rent. */
static int check_credit_rules(const sl_rto_options *o, sl_error *err)
{
    int rc;
    if (!rate_ok(o->credit_rent_share))
        return sl__fail_rate(err, SL_EINVAL, "credit_rent_share", o->credit_rent_share,
                             "must be 0 .. 100 %");
    if ((rc = sl__check_money(err, "credit_principal", o->credit_principal, 0,
                              RTO_MAX_AMOUNT)) != SL_OK)
        return rc;
    if (o->credit_surplus && o->credit_rent_share.num > 0)
        return sl__fail_rate(err, SL_EINVAL, "credit_rent_share", o->credit_rent_share,
                             "one credit rule at most: the surplus over the cost rent is "
                             "already credited");
    if ((o->credit_surplus || o->credit_rent_share.num > 0) && o->credit_principal > 0)
        return sl__fail_money(err, SL_EINVAL, "credit_principal", o->credit_principal,
                              "one credit rule at most: a share of the rent or the surplus is "
                              "already credited");
    if (o->saving_in_rent != 0 && o->saving_in_rent != 1)
        return sl__fail_int(err, SL_EINVAL, "saving_in_rent", o->saving_in_rent, "must be 0 or 1");
    sl_money in_rent = o->saving_in_rent ? o->saving : 0; /* both <= 1e11 øre */
    if (o->saving_in_rent && o->saving > o->rent)
        return sl__fail_money(err, SL_EINVAL, "saving", o->saving,
                              "the saving is part of the rent but larger than the rent");
    if (o->credit_surplus && o->rent - o->cost_rent + in_rent > o->rent)
        return sl__fail_money(err, SL_EINVAL, "saving", o->saving,
                              "the saving in the rent and the surplus credited together exceed "
                              "the rent (the saving must fit in the cost rent)");
    if (share_credit(o) + in_rent > o->rent)
        return sl__fail_rate(err, SL_EINVAL, "credit_rent_share", o->credit_rent_share,
                             "the share credited and the saving in the rent together exceed "
                             "the rent");
    if (o->credit_principal > (sl_money)o->rent_months * (o->rent - in_rent))
        return sl__fail_money(err, SL_EINVAL, "credit_principal", o->credit_principal,
                              o->saving_in_rent
                                  ? "the principal paid through the rent exceeds the rent paid "
                                    "less the saving in it"
                                  : "the principal paid through the rent exceeds the rent paid");
    if (o->equity_requirement.den != 0 && !rate_ok(o->equity_requirement))
        return sl__fail_rate(err, SL_EINVAL, "equity_requirement", o->equity_requirement,
                             "must be 0 .. 100 %");
    if (o->credit_on_lapse != SL_LAPSE_CREDIT_LOST && o->credit_on_lapse != SL_LAPSE_CREDIT_PAID_OUT)
        return sl__fail_int(err, SL_EINVAL, "credit_on_lapse", (long)o->credit_on_lapse,
                            "must be lost or paid out");
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
    if (o->value_growth.den != 0 && !growth_ok(o->value_growth))
        return sl__fail_rate(err, SL_EINVAL, "value_growth", o->value_growth,
                             "must be above -100 % and at most 100 %");
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail_date(err, SL_EINVAL, "start", o->start, "not a valid date");
    if (o->document_tax_base != SL_TAX_BASE_VALUE && o->document_tax_base != SL_TAX_BASE_PRICE)
        return sl__fail_int(err, SL_EINVAL, "document_tax_base", (long)o->document_tax_base,
                            "must be value or price");
    return check_credit_rules(o, err);
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
    if (g.den <= 0 || g.num <= -g.den || months < 0 || months > SL_RTO_MAX_GROW_MONTHS ||
        base < 0)
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

/* The market value at transfer when one is known: the appraisal, else the
 * value path at month M. *known 0: no value (the price stands for it). */
static int value_at_transfer(sl_money *out, int *known, const sl_rto_options *o, sl_error *err)
{
    *known = 1;
    if (o->price_rule == SL_PRICE_APPRAISAL) {
        *out = o->appraisal;
        return SL_OK;
    }
    if (o->value_growth.den == 0) {
        *known = 0;
        *out = 0;
        return SL_OK;
    }
    int rc = sl_rto_grow(out, o->price, o->value_growth, o->rent_months);
    if (rc != SL_OK || *out > RTO_MAX_AMOUNT)
        return sl__fail_rate(err, SL_ERANGE, "value_growth", o->value_growth,
                             "the market value at the purchase is over the maximum of "
                             "1 000 000 000 000 kr");
    return SL_OK;
}

/* The banks' requirement in force at the purchase (utlånsforskriften):
 * 15 % before 2025-01-01, 10 % from. 0: not checked. */
static int equity_rate(sl_rate *out, const sl_rto_options *o, sl_date purchase)
{
    if (o->equity_requirement.den != 0) {
        *out = o->equity_requirement;
        return out->num > 0;
    }
    if (purchase.year == 0)
        return 0;
    *out = sl_date_compare(purchase, (sl_date){2025, 1, 1}) < 0 ? (sl_rate){15, 100}
                                                                : (sl_rate){10, 100};
    return 1;
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
    r.rent_credit += (sl_money)m * share_credit(o);
    r.principal_credit = o->credit_principal; /* checked: at most the rent paid */
    r.rent_credit += r.principal_credit;

    rc = price_at(&r.purchase_price, o, m, err);
    if (rc != SL_OK)
        return rc;

    sl_money value = 0;
    int value_known = 0;
    rc = value_at_transfer(&value, &value_known, o, err);
    if (rc != SL_OK)
        return rc;
    if (value_known)
        r.option_value = value - r.purchase_price; /* both within 0 .. 1e14 øre */
    if (o->property == SL_PROPERTY_SELVEIER) {
        sl_money base =
            o->document_tax_base == SL_TAX_BASE_VALUE && value_known ? value : r.purchase_price;
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
    /* Equity at the purchase against the banks' requirement on the price to pay
       (BATE Goagarden: 15 % of 2 000 000 − 150 000 = 277 500). */
    r.equity_at_purchase = r.rent_credit - r.principal_credit + r.savings + o->own_funds +
                           o->grant + (r.option_value > 0 ? r.option_value : 0);
    sl_rate req;
    if (equity_rate(&req, o, r.transition_date)) {
        int64_t need_eq = 0;
        rc = sl__muldiv_round(&need_eq, NULL, r.purchase_price - r.principal_credit, req.num,
                              req.den, 1, 1, SL_ROUND_UP);
        if (rc != SL_OK)
            return sl__fail_rate(err, rc, "equity_requirement", req, "out of range");
        r.equity_required = need_eq;
        if (r.equity_at_purchase < r.equity_required)
            r.findings |= SL_RTO_FINDING_EQUITY_SHORT;
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

/* A rent month's credit so far, option value and equity: the equity no
 * longer jumps from the savings to value − loan at the purchase. The
 * principal paid through the rent is spread evenly, k/M of it after month k
 * (rounded to the øre half up). */
static int rent_row_equity(sl_rto_timeline *tl, sl_rto_row *r, sl_error *err)
{
    const sl_rto_options *o = &tl->opt;
    int64_t principal = 0;
    int rc = sl__muldiv_round(&principal, NULL, o->credit_principal, r->month, o->rent_months, 1,
                              1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail_money(err, rc, "credit_principal", o->credit_principal, "out of range");
    r->credit_balance = (o->credit_surplus ? (sl_money)r->month * (o->rent - o->cost_rent) : 0) +
                        (sl_money)r->month * share_credit(o) + principal;
    rc = fill_value(tl, r, err);
    if (rc != SL_OK)
        return rc;
    if (r->has_value) {
        sl_money price = 0;
        rc = price_at(&price, o, r->month, err);
        if (rc != SL_OK)
            return rc;
        r->option_value = r->market_value - price;
    }
    r->equity = r->savings_balance + r->credit_balance + (r->option_value > 0 ? r->option_value : 0);
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
        rc = rent_row_equity(tl, &r, err);
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

int sl_rto_lapse_compute(sl_rto_lapse *out, const sl_rto_options *opt, sl_error *err)
{
    sl_rto_result r;
    int rc = sl_rto_compute(&r, opt, err); /* checks opt */
    if (rc != SL_OK)
        return rc;
    if (out == NULL)
        return sl__null(err, "out");
    sl_rto_options o;
    rc = load_options(&o, opt, err); /* this version's layout, for credit_on_lapse */
    if (rc != SL_OK)
        return rc;
    sl_rto_lapse l;
    memset(&l, 0, sizeof l);
    l.rent_paid = r.rent_paid;
    l.credit_earned = r.rent_credit;
    if (o.credit_on_lapse == SL_LAPSE_CREDIT_PAID_OUT)
        l.credit_paid_out = r.rent_credit;
    else
        l.credit_lost = r.rent_credit;
    l.savings = r.savings; /* the household's own money, in its own account */
    l.option_value = r.option_value;
    l.household_keeps = l.savings + l.credit_paid_out;
    *out = l;
    return SL_OK;
}

void sl_rto_options_init(sl_rto_options *options)
{
    if (options) {
        const sl_rto_options init = SL_RTO_OPTIONS_INIT;
        *options = init;
    }
}
