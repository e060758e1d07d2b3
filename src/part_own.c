/* Part ownership (deleie): see include/startlan/part_own.h. */
#include "startlan/part_own.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "rto_internal.h"
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
            return sl__fail_date(err, rc, "start", po->opt.start,
                                 "a payout date is after the year 9999");
    } else if (first_month > 1) {
        t.payout_date = (sl_date)SL_DATE_NONE;
    }
    if (amount > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_int(err, SL_ERANGE, "buys", first_month - 1,
                            "the share bought needs a loan over the maximum of "
                            "1 000 000 000 000 kr");
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

static int rate_in_unit(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

/* The discount on a share: base × discount_per_tenth × 10 × share, where
 * base is the total price (the price in force + fellesgjeld),
 * one exact product (the factors' denominators may be large). */
static int share_discount(int64_t *out, sl_money base, sl_rate per_tenth, sl_rate share)
{
    const int64_t num[] = {base, per_tenth.num, 10, share.num};
    const int64_t den[] = {per_tenth.den, share.den};
    return sl__products_round(out, NULL, num, 4, den, 2, 1, SL_ROUND_HALF_UP);
}

/* Validate and set up, without the dry run of sl_part_own_new. */
static int part_create(sl_part_own **out, const sl_part_own_options *o, sl_error *err)
{
    /* Version 1 held the loan terms by value: a layout this library cannot read. */
    int rc = sl__check_version(err, "sl_part_own_options", o->version, 2,
                               SL_PART_OWN_OPTIONS_VERSION);
    if (rc != SL_OK)
        return rc;
    if ((rc = sl__check_money(err, "price", o->price, 1, SL_PLAN_MAX_PRINCIPAL)) != SL_OK)
        return rc;
    if (!share_ok(o->share))
        return sl__fail_rate(err, SL_EINVAL, "share", o->share, "must be above 0 and at most 100 %");
    sl_money fellesgjeld = o->version >= 4 ? o->fellesgjeld : 0;
    if ((rc = sl__check_money(err, "fellesgjeld", fellesgjeld, 0, SL_PLAN_MAX_PRINCIPAL)) != SL_OK ||
        (rc = sl__check_money(err, "own_funds", o->own_funds, 0, SL_PLAN_MAX_PRINCIPAL)) != SL_OK ||
        (rc = sl__check_money(err, "market_rent", o->market_rent, 0,
                              SL_PLAN_MAX_PRINCIPAL / 1000)) != SL_OK)
        return rc;
    /* Every field is checked whatever the others say; one the rule ignores is refused. */
    if ((rc = sl__check_price_rule(err, o->price_rule, o->index_rate, o->appraisal)) != SL_OK)
        return rc;
    const sl_rate tenth = {1, 10};
    if (!rate_in_unit(o->discount_per_tenth) || sl_rate_compare(o->discount_per_tenth, tenth) > 0)
        return sl__fail_rate(err, SL_EINVAL, "discount_per_tenth", o->discount_per_tenth,
                             "must be 0 .. 10 %");
    /* Values may fall (above −100 % a year). */
    if (o->value_growth.den != 0 &&
        (o->value_growth.den < 0 || o->value_growth.num <= -o->value_growth.den ||
         o->value_growth.num > o->value_growth.den))
        return sl__fail_rate(err, SL_EINVAL, "value_growth", o->value_growth,
                             "must be above -100 % and at most 100 %");
    if (o->buy_count > SL_PART_OWN_MAX_BUYS || (o->buy_count && o->buys == NULL))
        return sl__fail(err, SL_EINVAL, "buys", "", "at most %d further purchases",
                        SL_PART_OWN_MAX_BUYS);
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail_date(err, SL_EINVAL, "start", o->start, "not a valid date");

    sl_part_own *po = calloc(1, sizeof *po);
    if (po == NULL)
        return sl__fail(err, SL_ENOMEM, "options", "", "out of memory");
    /* A version-2 struct ends before discount_first_share, a version-3 one
     * before fellesgjeld: only the caller's own bytes are read. */
    memcpy(&po->opt, o,
           o->version >= 4   ? sizeof *o
           : o->version >= 3 ? offsetof(sl_part_own_options, fellesgjeld)
                             : offsetof(sl_part_own_options, discount_first_share));
    po->opt.discount_first_share = o->version >= 3 && o->discount_first_share;
    po->opt.fellesgjeld = fellesgjeld;
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
    for (size_t i = 0; i < o->buy_count; i++) {
        sl_part_buy b = o->buys[i];
        if (b.month < 1 || b.month > 12 * SL_PLAN_MAX_YEARS || !share_ok(b.share)) {
            sl_part_own_free(po);
            return sl__fail_int(err, SL_EINVAL, "buys", b.month,
                                "a purchase needs a month 1 .. 600 and a share above 0 and at "
                                "most 100 %");
        }
        size_t j = i;
        while (j > 0 && po->buys[j - 1].month > b.month) {
            po->buys[j] = po->buys[j - 1];
            j--;
        }
        po->buys[j] = b;
    }
    /* The share owned after each purchase, in the order they happen: at most
     * 100 %, and a fraction an sl_rate holds (sl_part_row.owned). */
    sl_rate total = o->share;
    for (size_t i = 0; i < o->buy_count; i++) {
        int month = po->buys[i].month;
        rc = sl_rate_add(&total, total, po->buys[i].share);
        if (rc != SL_OK || total.num > total.den) {
            sl_part_own_free(po);
            return sl__fail_int(err, rc != SL_OK ? SL_ERANGE : SL_EINVAL, "buys", month,
                                rc != SL_OK ? "the share owned after this purchase is not a "
                                              "fraction of 64-bit terms"
                                            : "the shares together are over 100 %");
        }
    }
    po->opt.buys = NULL;
    po->owned = o->share;
    rc = sl_part_share_price(&po->first_price, o->price, o->share);
    if (rc != SL_OK) {
        sl_part_own_free(po);
        return sl__fail_money(err, rc, "price", o->price, "the share's price is out of range");
    }
    sl_money first_cost = po->first_price;
    if (po->opt.discount_first_share && o->discount_per_tenth.num > 0) {
        /* The discount rule of a further share, on the first. */
        int64_t discount = 0;
        rc = share_discount(&discount, o->price + fellesgjeld, o->discount_per_tenth, o->share);
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

static int part_next(sl_part_own *po, sl_part_row *row, sl_error *err);

int sl_part_own_new(sl_part_own **out, const sl_part_own_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (out == NULL)
        return sl__null(err, "out");
    *out = NULL;
    if (o == NULL)
        return sl__null(err, "options");
    sl_part_own *po = NULL;
    int rc = part_create(&po, o, err);
    if (rc != SL_OK)
        return rc;
    /* A dry run: every month once, so sl_part_own_next cannot fail later. */
    sl_part_row row;
    while ((rc = part_next(po, &row, err)) == 1)
        ;
    sl_part_own_free(po);
    if (rc != 0)
        return rc;
    return part_create(out, o, err);
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
    return part_next(po, row, NULL);
}

static int part_next(sl_part_own *po, sl_part_row *row, sl_error *err)
{
    const sl_part_own_options *o = &po->opt;
    sl_part_row r;
    memset(&r, 0, sizeof r);
    r.month = po->month + 1;
    int active = 0, rc;
    for (size_t i = 0; i < po->loan_count; i++) {
        part_loan *l = &po->loans[i];
        if (!l->done && l->first_month <= r.month) {
            sl_plan_row p;
            rc = sl_plan_next(l->plan, &p);
            if (rc < 0)
                return sl__fail(err, rc, "loan", "", "a loan's plan failed");
            if (rc == 0) {
                l->done = 1;
            } else {
                active = 1;
                if (__builtin_add_overflow(r.loan_payment, p.payment, &r.loan_payment))
                    return sl__fail(err, SL_ERANGE, "buys", "",
                                    "the loan payments together are out of range");
                l->balance = p.closing_balance;
            }
        }
        if (!l->done)
            r.loan_balance += l->balance; /* at most 101 loans of at most 1e14 øre */
    }
    if (!active && po->next_buy >= o->buy_count && r.loan_balance == 0)
        return 0;
    if (o->start.year != 0) {
        rc = sl_date_add_months(&r.date, o->start, r.month - 1, o->start.day);
        if (rc != SL_OK)
            return sl__fail_date(err, rc, "start", o->start, "a date is after the year 9999");
    }
    r.owned = po->owned;
    rc = sl__muldiv_round(&r.rent, NULL, o->market_rent, po->owned.den - po->owned.num,
                          po->owned.den, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail_money(err, rc, "market_rent", o->market_rent, "the rent is out of range");
    if (__builtin_add_overflow(r.rent, r.loan_payment, &r.housing_cost))
        return sl__fail(err, SL_ERANGE, "buys", "", "the housing cost is out of range");
    /* Purchases at the end of this month. */
    while (po->next_buy < o->buy_count && po->buys[po->next_buy].month == r.month) {
        sl_part_buy b = po->buys[po->next_buy++];
        sl_money in_force = 0, cost = 0;
        int64_t discount = 0;
        rc = price_in_force(&in_force, o, r.month);
        if (rc == SL_OK && in_force > SL_PLAN_MAX_PRINCIPAL)
            rc = SL_ERANGE;
        if (rc != SL_OK)
            return sl__fail_rate(err, SL_ERANGE, "index_rate", o->index_rate,
                                 "the indexed price is over the maximum of 1 000 000 000 000 kr");
        rc = sl_part_share_price(&cost, in_force, b.share);
        if (rc == SL_OK)
            rc = share_discount(&discount, in_force + o->fellesgjeld, o->discount_per_tenth,
                                b.share);
        if (rc != SL_OK)
            return sl__fail_rate(err, rc, "discount_per_tenth", o->discount_per_tenth,
                                 "the discount is out of range");
        if (discount > cost)
            discount = cost;
        r.discount += discount;
        r.bought += cost - discount;
        rc = add_loan(po, cost - discount, r.month + 1, err);
        if (rc != SL_OK)
            return rc;
        r.loan_balance += cost - discount;
        rc = sl_rate_add(&po->owned, po->owned, b.share); /* checked by part_create */
        if (rc != SL_OK)
            return sl__fail_int(err, rc, "buys", b.month, "the share owned is out of range");
    }
    if (o->value_growth.den != 0) {
        rc = sl_rto_grow(&r.value, o->price, o->value_growth, r.month);
        if (rc != SL_OK)
            return sl__fail_rate(err, SL_ERANGE, "value_growth", o->value_growth,
                                 "the value grows out of range over the timeline");
    } else {
        rc = price_in_force(&r.value, o, r.month);
        if (rc != SL_OK)
            return sl__fail_rate(err, SL_ERANGE, "index_rate", o->index_rate,
                                 "the indexed price grows out of range over the timeline");
    }
    sl_money held = 0;
    rc = sl_part_share_price(&held, r.value, po->owned); /* <= value */
    if (rc != SL_OK)
        return sl__fail(err, rc, "buys", "", "the value held is out of range");
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
