/* Portfolio figures for consecutive periods (a book's years) in one walk. */
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/portfolio.h"

static int in(sl_date d, const sl_period *p)
{
    return sl_date_compare(d, p->from) >= 0 && sl_date_compare(d, p->to) <= 0;
}

int sl_loan_figures_periods(sl_loan_figures *out, const sl_loan_terms *terms,
                            const sl_period *periods, size_t count, sl_error *err)
{
    return sl_loan_figures_periods_cached(out, terms, periods, count, NULL, err);
}

/* The periods, and the contract's payout date: 0 or the refusal. */
static int check_periods(const sl_loan_terms *t, const sl_period *periods, size_t count,
                         sl_error *err)
{
    if (count && !periods)
        return sl__null(err, "periods");
    for (size_t i = 0; i < count; i++) {
        if (!sl_date_is_valid(periods[i].from))
            return sl__fail_date(err, SL_EINVAL, "from", periods[i].from, "no such date");
        if (!sl_date_is_valid(periods[i].to))
            return sl__fail_date(err, SL_EINVAL, "to", periods[i].to, "no such date");
        if (sl_date_compare(periods[i].from, periods[i].to) > 0 ||
            (i && sl_date_compare(periods[i - 1].to, periods[i].from) >= 0))
            return sl__fail_date(err, SL_EINVAL, "periods", periods[i].from,
                                 "periods must be in order and apart");
    }
    if (!t->payout_date.year)
        return sl__fail(err, SL_EINVAL, "payout_date", "",
                        "payout_date: missing; dated figures need the payout date");
    return SL_OK;
}

/* The figures from a plan positioned before its first term (count >= 1). */
static int walk(sl_loan_figures *out, sl_plan *plan, const sl_period *periods, size_t count,
                sl_error *err)
{
    int rc;
    const sl_loan_terms *t = sl_plan_terms(plan);
    memset(out, 0, count * sizeof *out);
    for (size_t i = 0; i < count; i++)
        if (in(t->payout_date, &periods[i]))
            out[i].establishment_fee = t->establishment_fee;
    /* k: the first period not yet closed; a period closes with the balance
     * after the last term due by its end (the whole loan before any term,
     * 0 before the payout). */
    size_t k = 0;
    sl_money balance = t->principal;
    sl_date last = periods[count - 1].to;
    sl_plan_row r;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        if (sl_date_compare(r.due_date, last) > 0)
            break;
        for (; sl_date_compare(periods[k].to, r.due_date) < 0; k++)
            out[k].balance = sl_date_compare(t->payout_date, periods[k].to) <= 0 ? balance : 0;
        balance = r.closing_balance;
        if (in(r.due_date, &periods[k])) {
            out[k].interest += r.interest;
            out[k].principal += r.principal;
            out[k].term_fees += r.fee;
            out[k].terms_due++;
        }
    }
    for (; k < count; k++)
        out[k].balance = sl_date_compare(t->payout_date, periods[k].to) <= 0 ? balance : 0;
    if (rc < 0)
        return sl__fail(err, rc, "terms", "", "the plan could not be computed");
    for (size_t i = 0; i < count; i++)
        if (sl_money_add(&out[i].fees, out[i].term_fees, out[i].establishment_fee) != SL_OK)
            return sl__fail(err, SL_ERANGE, "establishment_fee", "",
                            "fees beyond the supported range");
    return SL_OK;
}

int sl_loan_figures_periods_cached(sl_loan_figures *out, const sl_loan_terms *terms,
                                   const sl_period *periods, size_t count, sl_plan_cache *cache,
                                   sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!terms)
        return sl__null(err, "terms");
    int rc = check_periods(terms, periods, count, err);
    if (rc != SL_OK || !count)
        return rc;
    sl_plan *plan;
    if ((rc = sl_plan_new(&plan, terms, err)) != SL_OK)
        return rc;
    sl_plan_use_cache(plan, cache);
    rc = walk(out, plan, periods, count, err);
    sl_plan_free(plan);
    return rc;
}

int sl_plan_figures_periods(sl_loan_figures *out, sl_plan *plan, const sl_period *periods,
                            size_t count, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!plan)
        return sl__null(err, "plan");
    int rc = check_periods(sl_plan_terms(plan), periods, count, err);
    if (rc != SL_OK || !count)
        return rc;
    sl_plan_rewind(plan);
    return walk(out, plan, periods, count, err);
}
