/* Part ownership (deleie): see include/startlan/part_own.h. */
#include "startlan/part_own.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "terms_internal.h"

typedef struct part_loan {
    sl_plan *plan;
    int first_month; /* the month of its first payment */
    int done;
    sl_money balance;
} part_loan;

struct sl_part_own {
    sl_part_own_options opt;
    sl_loan_terms loan; /* the terms of every loan (opt.loan points here) */
    sl_part_buy *buys;
    part_loan *loans;
    size_t loan_count;
    size_t next_buy;
    sl_rate owned;
    int month;
    sl_money first_price, first_loan, cash_left;
};

static int share_ok(sl_rate r)
{
    return r.den > 0 && r.num > 0 && r.num <= r.den;
}

int sl_part_ownership_share(sl_rate *out, sl_money equity, sl_money loan, sl_money price)
{
    if (out == NULL)
        return SL_ENULL;
    if (price <= 0 || equity < 0 || loan < 0 || equity > price ||
        loan > price - equity)
        return SL_EINVAL;
    return sl_rate_from_fraction(out, equity + loan, price);
}

int sl_part_share_price(sl_money *out, sl_money price, sl_rate share)
{
    if (out == NULL)
        return SL_ENULL;
    if (price < 0 || share.den <= 0 || share.num < 0 || share.num > share.den)
        return SL_EINVAL;
    return sl__muldiv_round(out, NULL, price, share.num, share.den, 1, 1, SL_ROUND_HALF_UP);
}

static int price_in_force(sl_money *out, const sl_part_own_options *o, int month)
{
    switch (o->price_rule) {
    case SL_PRICE_FIXED:
        *out = o->price;
        return SL_OK;
    case SL_PRICE_INDEXED:
        return sl_rto_grow(out, o->price, o->index_rate, month);
    case SL_PRICE_APPRAISAL:
        *out = o->appraisal;
        return SL_OK;
    }
    return SL_EINVAL;
}

static int add_loan(sl_part_own *po, sl_money amount, int first_month, sl_error *err)
{
    if (amount <= 0)
        return SL_OK;
    sl_loan_terms t = po->loan;
    t.principal = amount;
    if (po->opt.start.year != 0 && t.payout_date.year == 0) {
        int rc = sl_date_add_months(&t.payout_date, po->opt.start, first_month - 1,
                                    po->opt.start.day);
        if (rc != SL_OK)
            return sl__fail(err, rc, "start", "", "a payout date is out of range");
    } else if (first_month > 1) {
        t.payout_date = (sl_date)SL_DATE_NONE;
    }
    part_loan *l = &po->loans[po->loan_count];
    int rc = sl_plan_new(&l->plan, &t, err);
    if (rc != SL_OK)
        return rc;
    l->first_month = first_month;
    l->done = 0;
    l->balance = amount;
    po->loan_count++;
    return SL_OK;
}

void sl_part_own_free(sl_part_own *po)
{
    if (po == NULL)
        return;
    for (size_t i = 0; i < po->loan_count; i++)
        sl_plan_free(po->loans[i].plan);
    free(po->loans);
    free(po->buys);
    free(po);
}

int sl_part_own_new(sl_part_own **out, const sl_part_own_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    *out = NULL;
    if (o == NULL)
        return sl__null(err, "options");
    /* Version 1 held the loan terms by value: a layout this library cannot read. */
    int vrc = sl__check_version(err, "sl_part_own_options", o->version, 2,
                                SL_PART_OWN_OPTIONS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (o->price <= 0 || o->price > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail(err, SL_EINVAL, "price", "", "the price must be above 0");
    if (!share_ok(o->share))
        return sl__fail(err, SL_EINVAL, "share", "", "the share must be above 0 and at most 100 %%");
    if (o->own_funds < 0 || o->market_rent < 0 || o->market_rent > SL_PLAN_MAX_PRINCIPAL / 1000)
        return sl__fail(err, SL_EINVAL, o->own_funds < 0 ? "own_funds" : "market_rent", "",
                        "amounts must be 0 or more");
    if (o->price_rule == SL_PRICE_INDEXED &&
        (o->index_rate.den <= 0 || o->index_rate.num < 0 || o->index_rate.num > o->index_rate.den))
        return sl__fail(err, SL_EINVAL, "index_rate", "", "index rate must be 0 .. 100 %%");
    if (o->price_rule == SL_PRICE_APPRAISAL && (o->appraisal <= 0 || o->appraisal > SL_PLAN_MAX_PRINCIPAL))
        return sl__fail(err, SL_EINVAL, "appraisal", "", "the appraisal must be above 0");
    if (o->price_rule != SL_PRICE_FIXED && o->price_rule != SL_PRICE_INDEXED &&
        o->price_rule != SL_PRICE_APPRAISAL)
        return sl__fail(err, SL_EINVAL, "price_rule", "", "unknown price rule");
    if (o->discount_per_tenth.den <= 0 || o->discount_per_tenth.num < 0 ||
        o->discount_per_tenth.num * 10 > o->discount_per_tenth.den)
        return sl__fail(err, SL_EINVAL, "discount_per_tenth", "",
                        "the discount per tenth must be 0 .. 10 %%");
    if (o->value_growth.den != 0 && (o->value_growth.den < 0 || o->value_growth.num < 0 ||
                                     o->value_growth.num > o->value_growth.den))
        return sl__fail(err, SL_EINVAL, "value_growth", "", "value growth must be 0 .. 100 %%");
    if (o->buy_count > SL_PART_OWN_MAX_BUYS || (o->buy_count && o->buys == NULL))
        return sl__fail(err, SL_EINVAL, "buys", "", "at most %d further purchases",
                        SL_PART_OWN_MAX_BUYS);
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail(err, SL_EINVAL, "start", "", "the start date is not a valid date");

    sl_part_own *po = calloc(1, sizeof *po);
    if (po == NULL)
        return sl__fail(err, SL_ENOMEM, "options", "", "out of memory");
    /* A version-2 struct ends before discount_first_share. */
    memcpy(&po->opt, o,
           o->version >= 3 ? sizeof *o : offsetof(sl_part_own_options, discount_first_share));
    po->opt.discount_first_share = o->version >= 3 && o->discount_first_share;
    po->opt.version = SL_PART_OWN_OPTIONS_VERSION;
    sl__terms_or_default(&po->loan, o->loan, SL_RTO_DEFAULT_TERMS);
    po->opt.loan = &po->loan;
    po->buys = calloc(o->buy_count + 1, sizeof *po->buys);
    po->loans = calloc(o->buy_count + 1, sizeof *po->loans);
    if (po->buys == NULL || po->loans == NULL) {
        sl_part_own_free(po);
        return sl__fail(err, SL_ENOMEM, "options", "", "out of memory");
    }
    /* Copy and sort the purchases by month (insertion sort, few items). */
    sl_rate total = o->share;
    for (size_t i = 0; i < o->buy_count; i++) {
        sl_part_buy b = o->buys[i];
        char buf[32];
        snprintf(buf, sizeof buf, "%d", b.month);
        if (b.month < 1 || b.month > 12 * SL_PLAN_MAX_YEARS || !share_ok(b.share) ||
            sl_rate_add(&total, total, b.share) != SL_OK || total.num > total.den) {
            sl_part_own_free(po);
            return sl__fail(err, SL_EINVAL, "buys", buf,
                            "purchase in month %s: month 1 .. 600, shares together at most 100 %%",
                            buf);
        }
        size_t j = i;
        while (j > 0 && po->buys[j - 1].month > b.month) {
            po->buys[j] = po->buys[j - 1];
            j--;
        }
        po->buys[j] = b;
    }
    po->opt.buys = NULL;
    po->owned = o->share;
    int rc = sl_part_share_price(&po->first_price, o->price, o->share);
    if (rc != SL_OK) {
        sl_part_own_free(po);
        return sl__fail(err, rc, "price", "", "the share's price is out of range");
    }
    sl_money first_cost = po->first_price;
    if (po->opt.discount_first_share && o->discount_per_tenth.num > 0) {
        /* The discount rule of a further share, on the first: price × per tenth × 10 × s. */
        int64_t discount = 0;
        rc = sl__muldiv_round(&discount, NULL, o->price, o->discount_per_tenth.num * 10 * o->share.num,
                              o->discount_per_tenth.den * o->share.den, 1, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK) {
            sl_part_own_free(po);
            return sl__fail(err, rc, "discount_per_tenth", "", "the discount is out of range");
        }
        first_cost -= discount > first_cost ? first_cost : discount;
    }
    if (first_cost > o->own_funds)
        po->first_loan = first_cost - o->own_funds;
    else
        po->cash_left = o->own_funds - first_cost;
    rc = add_loan(po, po->first_loan, 1, err);
    if (rc != SL_OK) {
        sl_part_own_free(po);
        return rc;
    }
    *out = po;
    return SL_OK;
}

void sl_part_own_first(const sl_part_own *po, sl_money *share_price, sl_money *loan,
                       sl_money *cash_left)
{
    if (po == NULL)
        return;
    if (share_price)
        *share_price = po->first_price;
    if (loan)
        *loan = po->first_loan;
    if (cash_left)
        *cash_left = po->cash_left;
}

int sl_part_own_next(sl_part_own *po, sl_part_row *row)
{
    if (po == NULL || row == NULL)
        return SL_ENULL;
    const sl_part_own_options *o = &po->opt;
    sl_part_row r = {0};
    r.month = po->month + 1;
    int active = 0, rc;
    for (size_t i = 0; i < po->loan_count; i++) {
        part_loan *l = &po->loans[i];
        if (!l->done && l->first_month <= r.month) {
            sl_plan_row p;
            rc = sl_plan_next(l->plan, &p);
            if (rc < 0)
                return rc;
            if (rc == 0) {
                l->done = 1;
            } else {
                active = 1;
                r.loan_payment += p.payment;
                l->balance = p.closing_balance;
            }
        }
        if (!l->done)
            r.loan_balance += l->balance;
    }
    if (!active && po->next_buy >= o->buy_count && r.loan_balance == 0)
        return 0;
    if (o->start.year != 0) {
        rc = sl_date_add_months(&r.date, o->start, r.month - 1, o->start.day);
        if (rc != SL_OK)
            return rc;
    }
    r.owned = po->owned;
    rc = sl__muldiv_round(&r.rent, NULL, o->market_rent, po->owned.den - po->owned.num,
                          po->owned.den, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return rc;
    r.housing_cost = r.rent + r.loan_payment;
    /* Purchases at the end of this month. */
    while (po->next_buy < o->buy_count && po->buys[po->next_buy].month == r.month) {
        sl_part_buy b = po->buys[po->next_buy++];
        sl_money in_force = 0, cost = 0;
        int64_t discount = 0;
        rc = price_in_force(&in_force, o, r.month);
        if (rc == SL_OK)
            rc = sl_part_share_price(&cost, in_force, b.share);
        if (rc == SL_OK)
            rc = sl__muldiv_round(&discount, NULL, in_force,
                                  o->discount_per_tenth.num * 10 * b.share.num,
                                  o->discount_per_tenth.den * b.share.den, 1, 1,
                                  SL_ROUND_HALF_UP);
        if (rc != SL_OK)
            return rc;
        if (discount > cost)
            discount = cost;
        r.discount += discount;
        r.bought += cost - discount;
        rc = add_loan(po, cost - discount, r.month + 1, NULL);
        if (rc != SL_OK)
            return rc;
        r.loan_balance += cost - discount;
        rc = sl_rate_add(&po->owned, po->owned, b.share);
        if (rc != SL_OK)
            return rc;
    }
    if (o->value_growth.den != 0)
        rc = sl_rto_grow(&r.value, o->price, o->value_growth, r.month);
    else
        rc = price_in_force(&r.value, o, r.month);
    if (rc != SL_OK)
        return rc;
    sl_money held = 0;
    rc = sl_part_share_price(&held, r.value, po->owned);
    if (rc != SL_OK)
        return rc;
    r.equity = held - r.loan_balance;
    po->month++;
    *row = r;
    return 1;
}

void sl_part_own_options_init(sl_part_own_options *options)
{
    if (options) {
        const sl_part_own_options init = SL_PART_OWN_OPTIONS_INIT;
        *options = init;
    }
}
