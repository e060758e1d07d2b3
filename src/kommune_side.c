/* The kommune's side of leie til eie: see include/startlan/kommune_side.h. */
#include "startlan/kommune_side.h"

#include <string.h>

#include "arith_internal.h"
#include "terms_internal.h"
#include "startlan/grant.h"

/* The same limits as rent-to-own's: every sum over 600 months fits in int64 øre. */
#define KOM_MAX_AMOUNT SL_PLAN_MAX_PRINCIPAL
#define KOM_MAX_MONTHLY (SL_PLAN_MAX_PRINCIPAL / 1000)

static int rate_ok(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

static int check_options(const sl_kommune_options *o, sl_error *err)
{
    if (o == NULL)
        return sl__null(err, "options");
    int rc = sl__check_version(err, "sl_kommune_options", o->version, 1,
                               SL_KOMMUNE_OPTIONS_VERSION);
    if (rc != SL_OK)
        return rc;
    if ((rc = sl__check_money(err, "price", o->price, 1, KOM_MAX_AMOUNT)) != SL_OK ||
        (rc = sl__check_money(err, "purchase_costs", o->purchase_costs, 0, KOM_MAX_AMOUNT)) !=
            SL_OK ||
        (rc = sl__check_money(err, "sale_price", o->sale_price, 0, KOM_MAX_AMOUNT)) != SL_OK ||
        (rc = sl__check_money(err, "grant_per_m2", o->grant_per_m2, 0, KOM_MAX_AMOUNT)) != SL_OK ||
        (rc = sl__check_money(err, "fdv", o->fdv, 0, KOM_MAX_MONTHLY)) != SL_OK ||
        (rc = sl__check_money(err, "municipal_fees", o->municipal_fees, 0, KOM_MAX_MONTHLY)) !=
            SL_OK ||
        (rc = sl__check_money(err, "rent", o->rent, 0, KOM_MAX_MONTHLY)) != SL_OK)
        return rc;
    if (!rate_ok(o->loan_share))
        return sl__fail_rate(err, SL_EINVAL, "loan_share", o->loan_share, "must be 0 .. 100 %");
    if (!rate_ok(o->grant_writedown))
        return sl__fail_rate(err, SL_EINVAL, "grant_writedown", o->grant_writedown,
                             "must be 0 .. 100 %");
    if (o->area_m2 < 0 || o->area_m2 > 10000)
        return sl__fail_int(err, SL_EINVAL, "area_m2", o->area_m2, "must be 0 .. 10000 m²");
    if (o->max_area_m2 < 0 || o->max_area_m2 > 10000)
        return sl__fail_int(err, SL_EINVAL, "max_area_m2", o->max_area_m2,
                            "must be 0 .. 10000 m²");
    if (o->grant_years < 1 || o->grant_years > 100)
        return sl__fail_int(err, SL_EINVAL, "grant_years", o->grant_years, "must be 1 .. 100");
    if (o->rent_months < 0 || o->rent_months > SL_KOMMUNE_MAX_MONTHS)
        return sl__fail_int(err, SL_EINVAL, "rent_months", o->rent_months, "must be 0 .. 600");
    for (int i = 0; o->rents != NULL && i < o->rent_months; i++)
        if ((rc = sl__check_money(err, "rents", o->rents[i], 0, KOM_MAX_MONTHLY)) != SL_OK)
            return rc;
    if (o->start.year != 0 && !sl_date_is_valid(o->start))
        return sl__fail_date(err, SL_EINVAL, "start", o->start, "not a valid date");
    return SL_OK;
}

/* The loan for the computed principal: paid out at the start. */
static void loan_terms(sl_loan_terms *t, const sl_kommune_options *o, sl_money principal)
{
    sl__terms_or_default(t, o->loan, SL_KOMMUNE_DEFAULT_TERMS);
    t->principal = principal;
    t->payout_date = o->start;
}

/* Loan and tilskudd in year 0. */
static int financing(sl_kommune_result *r, const sl_kommune_options *o, sl_error *err)
{
    r->purchase_total = o->price + o->purchase_costs; /* <= 2e14 øre */
    int area = o->area_m2 < o->max_area_m2 ? o->area_m2 : o->max_area_m2;
    r->grant = o->grant_per_m2 * area; /* <= 1e14 × 1e4 < 2^63 */
    if (r->grant > KOM_MAX_AMOUNT)
        return sl__fail_money(err, SL_ERANGE, "grant_per_m2", o->grant_per_m2,
                              "the tilskudd is over the maximum of 1 000 000 000 000 kr");
    if (r->grant > r->purchase_total)
        return sl__fail_money(err, SL_EINVAL, "grant_per_m2", o->grant_per_m2,
                              "the tilskudd is above the price and purchase costs");
    int64_t loan = 0;
    int rc = sl__muldiv_round(&loan, NULL, r->purchase_total, o->loan_share.num,
                              o->loan_share.den, 1, 1, SL_ROUND_HALF_UP);
    if (rc != SL_OK)
        return sl__fail_rate(err, rc, "loan_share", o->loan_share, "loan out of range");
    /* Lån and tilskudd together never finance more than the cost. */
    if (loan > r->purchase_total - r->grant)
        loan = r->purchase_total - r->grant;
    if (loan > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_ERANGE, "price", o->price,
                              "the kommune's loan is over the maximum loan of "
                              "1 000 000 000 000 kr");
    r->loan_amount = loan;
    r->own_capital = r->purchase_total - r->grant - loan;
    return SL_OK;
}

/* The loan's rows month by month (a term every 12 / terms_per_year months),
 * the cost rent from its first term, the grant's write-down, the sale. */
static int run(sl_kommune_result *r, sl_kommune_row *rows, const sl_kommune_options *o,
               sl_error *err)
{
    sl_plan *plan = NULL;
    int rc, step = 12, plan_ended = 1;
    sl_money balance = r->loan_amount;
    if (r->loan_amount > 0) {
        sl_loan_terms t;
        loan_terms(&t, o, r->loan_amount);
        if ((rc = sl_plan_new(&plan, &t, err)) != SL_OK)
            return rc;
        step = 12 / sl_plan_terms(plan)->terms_per_year;
        r->fees_paid = t.establishment_fee;
        plan_ended = 0;
    }
    sl_plan_row first;
    memset(&first, 0, sizeof first);
    sl_plan_row pending;
    int have_pending = 0;
    if (plan) {
        rc = sl_plan_next(plan, &first);
        if (rc < 0) {
            sl_plan_free(plan);
            return sl__fail_money(err, rc, "price", o->price, "the kommune's loan failed");
        }
        pending = first;
        have_pending = rc == 1;
        int tpy = sl_plan_terms(plan)->terms_per_year;
        r->first_payment = first.payment;
        int64_t monthly = 0;
        rc = sl__muldiv_round(&monthly, NULL, first.payment, tpy, 12, 1, 1, SL_ROUND_HALF_UP);
        if (rc != SL_OK) {
            sl_plan_free(plan);
            return sl__fail_money(err, rc, "price", o->price, "the loan's payment out of range");
        }
        r->capital_cost = monthly;
    }
    r->cost_rent = r->capital_cost + o->fdv + o->municipal_fees;
    if (r->cost_rent > KOM_MAX_MONTHLY) {
        sl_plan_free(plan);
        return sl__fail_money(err, SL_ERANGE, "price", o->price,
                              "the cost rent is over the maximum of 1 000 000 000 kr a month");
    }

    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = r->grant;
    g.writedown_per_year = o->grant_writedown;
    g.years = o->grant_years;
    sl_money cash = -r->own_capital - r->fees_paid;
    sl_money running = o->fdv + o->municipal_fees;
    for (int m = 1; m <= o->rent_months; m++) {
        sl_kommune_row row;
        memset(&row, 0, sizeof row);
        row.month = m;
        if (o->start.year != 0 &&
            sl_date_add_months(&row.date, o->start, m - 1, o->start.day) != SL_OK) {
            sl_plan_free(plan);
            return sl__fail_date(err, SL_ERANGE, "start", o->start, "the months pass the year 9999");
        }
        row.rent = o->rents ? o->rents[m - 1] : o->rent_at_cost ? r->cost_rent : o->rent;
        if (have_pending && m % step == 0) {
            row.interest = pending.interest;
            row.principal = pending.principal;
            row.fee = pending.fee;
            balance = pending.closing_balance;
            rc = plan_ended ? 0 : sl_plan_next(plan, &pending);
            if (rc < 0) {
                sl_plan_free(plan);
                return sl__fail_money(err, rc, "price", o->price, "the kommune's loan failed");
            }
            have_pending = rc == 1;
        }
        row.running_costs = running;
        row.net = row.rent - row.interest - row.principal - row.fee - running;
        cash += row.net;
        row.cash = cash;
        row.loan_balance = balance;
        if ((rc = sl_grant_remaining(&row.grant_remaining, &g, m / 12, err)) != SL_OK) {
            sl_plan_free(plan);
            return rc;
        }
        r->rent_received += row.rent;
        r->interest_paid += row.interest;
        r->principal_paid += row.principal;
        r->fees_paid += row.fee;
        r->running_costs += running;
        if (rows)
            rows[m - 1] = row;
    }
    sl_plan_free(plan);

    r->grant_years_completed = o->rent_months / 12;
    sl_money grant_left = 0;
    if ((rc = sl_grant_remaining(&grant_left, &g, r->grant_years_completed, err)) != SL_OK)
        return rc;
    r->lapse_cash = cash;
    r->lapse_loan_balance = balance;
    r->lapse_grant_remaining = grant_left;
    r->sale_proceeds = o->sale_price;
    r->loan_repaid = balance;
    r->grant_repaid = grant_left;
    r->kommune_result = cash + o->sale_price - balance - grant_left;
    return SL_OK;
}

int sl_kommune_compute(sl_kommune_result *out, sl_kommune_row *rows, size_t rows_cap,
                       const sl_kommune_options *o, sl_error *err)
{
    sl__error_reset(err);
    int rc = check_options(o, err);
    if (rc != SL_OK)
        return rc;
    if (out == NULL)
        return sl__null(err, "out");
    if (rows != NULL && rows_cap < (size_t)o->rent_months)
        return sl__fail_int(err, SL_EINVAL, "rows", (long)rows_cap,
                            "room for fewer rows than rent months");
    sl_kommune_result r;
    memset(&r, 0, sizeof r);
    if ((rc = financing(&r, o, err)) != SL_OK || (rc = run(&r, rows, o, err)) != SL_OK)
        return rc;
    *out = r;
    return SL_OK;
}

void sl_kommune_options_init(sl_kommune_options *options)
{
    if (options) {
        const sl_kommune_options init = SL_KOMMUNE_OPTIONS_INIT;
        *options = init;
    }
}
