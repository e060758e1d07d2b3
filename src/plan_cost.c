/* The cost figures of a plan: effective rate, total cost of credit, total
 * payable, and the Norwegian representative-example sentence. Rows come from
 * the plan engine only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "terms_internal.h"
#include "startlan/plan_cost.h"

int sl_plan_cost_compute(sl_plan_cost *out, const sl_loan_terms *terms, const sl_apr_options *opt,
                         sl_error *err)
{
    sl__error_reset(err);
    static const sl_apr_options defaults = SL_APR_OPTIONS_INIT;
    if (!opt)
        opt = &defaults;
    if (!out)
        return sl__null(err, "out");
    if (!terms)
        return sl__null(err, "terms");
    if (opt->time != SL_APR_EQUAL_MONTHS && terms->payout_date.year == 0)
        return sl__fail(err, SL_EINVAL, "payout_date", "",
                        "payout_date: a day-based time basis needs the payout date");
    /* The contract as signed: a floating rate stays at its level at signing
     * (MCD art. 17), so later rate changes are left out; so are the optional
     * extra payments and early repayment, which are not part of the credit
     * agreement's cost. A fixed period stays: its rate is agreed. */
    sl_loan_terms signed_terms;
    sl__terms_upgrade(&signed_terms, terms);
    signed_terms.rate_changes = NULL;
    signed_terms.rate_change_count = 0;
    signed_terms.extra_payments = NULL;
    signed_terms.extra_payment_count = 0;
    signed_terms.repay_date = (sl_date)SL_DATE_NONE;
    sl_plan *plan;
    int rc = sl_plan_new(&plan, &signed_terms, err);
    if (rc != SL_OK)
        return rc;
    const sl_loan_terms *t = sl_plan_terms(plan);
    size_t cap = (size_t)t->terms + 1;
    sl_apr_flow *flows = malloc(cap * sizeof *flows);
    if (!flows) {
        sl_plan_free(plan);
        return sl__fail(err, SL_ENOMEM, "terms", "", "out of memory");
    }
    sl_plan_cost c;
    memset(&c, 0, sizeof c);
    c.principal = t->principal;
    c.drawn = t->principal - t->establishment_fee;
    c.terms_per_year = t->terms_per_year;
    flows[0] = (sl_apr_flow){0, 1, c.drawn};
    size_t n = 1;
    sl_plan_row row;
    while ((rc = sl_plan_next(plan, &row)) == 1) {
        if (n == cap) { /* interest-only windows that move the end add terms */
            sl_apr_flow *more = realloc(flows, 2 * cap * sizeof *flows);
            if (!more) {
                rc = sl__fail(err, SL_ENOMEM, "terms", "", "out of memory");
                break;
            }
            flows = more;
            cap *= 2;
        }
        sl_apr_flow *f = &flows[n++];
        f->amount = -row.payment;
        if (opt->time == SL_APR_EQUAL_MONTHS) {
            f->time_num = row.term; /* k·12/m months = k/m years */
            f->time_den = t->terms_per_year;
        } else if (sl_apr_year_fraction(&f->time_num, &f->time_den, t->payout_date, row.due_date,
                                        opt->time) != SL_OK) {
            rc = sl__fail(err, SL_EINVAL, "payout_date", "", "payout_date: bad due dates");
            break;
        }
    }
    if (rc == 0) { /* the plan ended; otherwise rc is the error that stopped it */
        sl_plan_totals_so_far(plan, &c.totals);
        c.terms = c.totals.terms;
        c.total_cost = c.totals.interest + c.totals.fees;
        c.total_payable = c.totals.paid;
        rc = sl_apr(&c.apr, flows, n, opt, err);
    }
    free(flows);
    sl_plan_free(plan);
    if (rc == SL_OK)
        *out = c;
    return rc;
}

/* Whole kroner, half up, Norwegian grouping ("2 000 000"). */
static int kroner(char *buf, size_t size, sl_money amount)
{
    sl_rounding krone = {SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP};
    sl_money r;
    if (sl_money_round(&r, NULL, amount, krone) != SL_OK)
        return SL_ERANGE;
    char tmp[SL_MONEY_BUFSIZE];
    int len = sl_money_format(tmp, sizeof tmp, r, SL_MONEY_NORWEGIAN);
    if (len < 3)
        return SL_ERANGE;
    tmp[len - 3] = '\0'; /* drop ",00" */
    if ((size_t)(len - 3) + 1 > size)
        return SL_ERANGE;
    memcpy(buf, tmp, (size_t)(len - 3) + 1);
    return len - 3;
}

int sl_plan_cost_sentence(char *buf, size_t size, const sl_plan_cost *cost, int decimals)
{
    if (!buf || !cost)
        return SL_ENULL;
    if (size == 0)
        return SL_ERANGE;
    buf[0] = '\0';
    if (decimals < 0 || decimals > SL_APR_MAX_DECIMALS || cost->terms_per_year < 1)
        return SL_EINVAL;
    char rate[SL_RATE_BUFSIZE], amount[SL_MONEY_BUFSIZE], total_cost[SL_MONEY_BUFSIZE],
        total[SL_MONEY_BUFSIZE], length[48];
    if (sl_rate_format_percent(rate, sizeof rate, cost->apr.rate, decimals, SL_ROUND_HALF_UP,
                               ',') < 0 ||
        kroner(amount, sizeof amount, cost->principal) < 0 ||
        kroner(total_cost, sizeof total_cost, cost->total_cost) < 0 ||
        kroner(total, sizeof total, cost->total_payable) < 0)
        return SL_ERANGE;
    int years = cost->terms / cost->terms_per_year;
    int months = cost->terms % cost->terms_per_year * 12 / cost->terms_per_year;
    if (months && years)
        snprintf(length, sizeof length, "%d år og %d mnd", years, months);
    else if (months)
        snprintf(length, sizeof length, "%d mnd", months);
    else
        snprintf(length, sizeof length, "%d år", years);
    int len = snprintf(buf, size, "Eff. rente %s %%, %s kr o/%s. Kostnad: %s kr. Totalt: %s kr.",
                       rate, amount, length, total_cost, total);
    if (len < 0 || (size_t)len >= size) {
        buf[0] = '\0';
        return SL_ERANGE;
    }
    return len;
}
