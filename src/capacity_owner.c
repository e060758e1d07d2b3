/* After the capacity check: the grant need, the owner's payment at today's
 * rate, and the comparison with renting. */
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "capacity_internal.h"
#include "terms_internal.h"

static int amount(sl_error *err, const char *field, sl_money v)
{
    if (v < 0 || v > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, v < 0 ? SL_EINVAL : SL_ERANGE, field, v,
                              "must be from 0 to 1 000 000 000 000 kr");
    return SL_OK;
}

int sl_capacity_grant_need(sl_money *out, sl_money price, sl_money transaction_costs,
                           sl_money own_funds, sl_money bank_loan, sl_money largest_loan,
                           sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc;
    if ((rc = amount(err, "price", price)) != SL_OK ||
        (rc = amount(err, "transaction_costs", transaction_costs)) != SL_OK ||
        (rc = amount(err, "own_funds", own_funds)) != SL_OK ||
        (rc = amount(err, "bank_loan", bank_loan)) != SL_OK ||
        (rc = amount(err, "largest_loan", largest_loan)) != SL_OK)
        return rc;
    /* Each term at most 10^14 øre: no overflow. */
    sl_money need = price + transaction_costs - own_funds - bank_loan - largest_loan;
    *out = need > 0 ? need : 0;
    return SL_OK;
}

int sl_capacity_payment_at(sl_money *payment, sl_money *interest, sl_money loan, sl_rate rate,
                           const sl_capacity_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (!payment)
        return sl__null(err, "payment");
    if (!interest)
        return sl__null(err, "interest");
    int vrc = sl_capacity_options_check(o, err);
    if (vrc != SL_OK)
        return vrc;
    int rc = amount(err, "loan", loan);
    if (rc != SL_OK)
        return rc;
    sl_rate zero = SL_RATE_ZERO, one = {1, 1};
    if (rate.den <= 0 || sl_rate_compare(rate, zero) < 0 || sl_rate_compare(rate, one) > 0)
        return sl__fail_rate(err, SL_EINVAL, "rate", rate, "must be from 0 to 100 %");
    if (loan == 0) {
        *payment = *interest = 0;
        return SL_OK;
    }
    sl_loan_terms t;
    sl__terms_or_default(&t, o->loan, SL_CAPACITY_DEFAULT_TERMS);
    t.nominal_rate = rate;
    sl_plan_row row;
    rc = sl__capacity_amortising_row(&row, t, loan, err);
    if (rc != SL_OK)
        return rc;
    *payment = row.payment;
    *interest = row.interest;
    return SL_OK;
}

int sl_capacity_rent_comparison(sl_rent_comparison *out, sl_money rent, sl_money allowance_renting,
                                sl_money payment, sl_money interest, sl_money other_costs,
                                sl_money allowance_owning, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc;
    if ((rc = amount(err, "rent", rent)) != SL_OK ||
        (rc = amount(err, "allowance_renting", allowance_renting)) != SL_OK ||
        (rc = amount(err, "payment", payment)) != SL_OK ||
        (rc = amount(err, "interest", interest)) != SL_OK ||
        (rc = amount(err, "other_costs", other_costs)) != SL_OK ||
        (rc = amount(err, "allowance_owning", allowance_owning)) != SL_OK)
        return rc;
    if (interest > payment)
        return sl__fail_money(err, SL_EINVAL, "interest", interest,
                              "the interest is part of the payment: it cannot exceed it");
    sl_rent_comparison c;
    memset(&c, 0, sizeof c);
    c.rent = rent;
    c.allowance_renting = allowance_renting;
    c.net_rent = rent - allowance_renting;
    c.payment = payment;
    c.interest = interest;
    sl_rate deduction = SL_INTEREST_DEDUCTION_RATE;
    /* interest × 22 / 100, half up (interest >= 0, <= 10^14: exact in int64). */
    c.deduction = (interest * deduction.num * 2 + deduction.den) / (2 * deduction.den);
    c.other_costs = other_costs;
    c.allowance_owning = allowance_owning;
    c.owner_net = payment - c.deduction + other_costs - allowance_owning;
    c.change = c.owner_net - c.net_rent;
    *out = c;
    return SL_OK;
}
