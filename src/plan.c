/* The plan engine: a validated contract in, one term at a time out.
 * Every other capability computes interest and principal through here. */
#include <stdlib.h>

#include "arith_internal.h"
#include "startlan/annuity.h"
#include "startlan/plan.h"

struct sl_plan {
    sl_loan_terms terms; /* validated copy */
    int next_term;       /* 1-based number of the next row */
    sl_money balance;    /* restgjeld before the next row */
    sl_money level;      /* annuity payment (interest + principal) or serial instalment */
    int ended;
    sl_plan_totals totals;
};

static int has_payout_date(const sl_loan_terms *t)
{
    return t->payout_date.year != 0;
}

int sl_plan_new(sl_plan **out, const sl_loan_terms *terms, sl_error *err)
{
    if (!out)
        return sl__fail(err, SL_ESTATE, "plan", "", "no place for the plan given");
    *out = NULL;
    int rc = sl_loan_terms_check(terms, err);
    if (rc != SL_OK)
        return rc;
    sl_plan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
    plan->terms = *terms;
    sl_plan_rewind(plan);
    *out = plan;
    return SL_OK;
}

void sl_plan_free(sl_plan *plan)
{
    free(plan);
}

void sl_plan_rewind(sl_plan *plan)
{
    if (!plan)
        return;
    plan->next_term = 1;
    plan->balance = plan->terms.principal;
    plan->level = 0;
    plan->ended = 0;
    sl_plan_totals zero = {0, 0, 0, 0, 0, 0, 0};
    zero.establishment_fee = plan->terms.establishment_fee;
    zero.fees = zero.establishment_fee;
    zero.paid = zero.establishment_fee;
    plan->totals = zero;
}

/* Convention 2 or 3: the level payment or instalment for the amortising terms. */
static int amortise(sl_plan *plan, int remaining_terms)
{
    const sl_loan_terms *t = &plan->terms;
    if (t->type == SL_LOAN_SERIAL)
        return sl_serial_instalment(&plan->level, plan->balance, remaining_terms);
    return sl_annuity_payment(&plan->level, plan->balance, t->nominal_rate, t->terms_per_year,
                              remaining_terms, t->payment_rounding);
}

static int add_totals(sl_plan_totals *tot, const sl_plan_row *row)
{
    sl_plan_totals n = *tot;
    if (sl_money_add(&n.interest, n.interest, row->interest) ||
        sl_money_add(&n.principal, n.principal, row->principal) ||
        sl_money_add(&n.term_fees, n.term_fees, row->fee) ||
        sl_money_add(&n.fees, n.fees, row->fee) || sl_money_add(&n.paid, n.paid, row->payment))
        return SL_ERANGE;
    n.terms++;
    *tot = n;
    return SL_OK;
}

int sl_plan_next(sl_plan *plan, sl_plan_row *row)
{
    if (!plan || !row)
        return SL_ESTATE;
    const sl_loan_terms *t = &plan->terms;
    if (plan->ended || plan->next_term > t->terms || plan->balance == 0) {
        plan->ended = 1;
        return 0;
    }
    sl_plan_row r;
    r.term = plan->next_term;
    r.events = 0;
    r.rate = t->nominal_rate;
    r.opening_balance = plan->balance;
    r.due_date = (sl_date)SL_DATE_NONE;
    r.days = 0;
    if (has_payout_date(t)) {
        int step = 12 / t->terms_per_year;
        sl_date prev = t->payout_date;
        int rc = sl_date_add_months(&r.due_date, t->payout_date, r.term * step, t->payout_date.day);
        if (rc == SL_OK && r.term > 1)
            rc = sl_date_add_months(&prev, t->payout_date, (r.term - 1) * step,
                                    t->payout_date.day);
        if (rc != SL_OK)
            return rc;
        r.days = (int)sl_date_diff_days(prev, r.due_date);
    }

    int rc = sl_interest_for_term(&r.interest, r.opening_balance, t->nominal_rate,
                                  t->terms_per_year);
    if (rc != SL_OK)
        return rc;

    if (r.term <= t->interest_only_terms) {
        r.principal = 0;
        r.events |= SL_EVENT_INTEREST_ONLY;
    } else {
        if (r.term == t->interest_only_terms + 1) {
            rc = amortise(plan, t->terms - t->interest_only_terms);
            if (rc != SL_OK)
                return rc;
            r.events |= SL_EVENT_AMORTISED;
        }
        if (r.term == t->terms) {
            r.principal = r.opening_balance; /* convention 5 */
        } else if (t->type == SL_LOAN_SERIAL) {
            r.principal = plan->level;
        } else {
            r.principal = plan->level - r.interest;
            if (r.principal < 0)
                r.principal = 0;
        }
        if (r.principal > r.opening_balance)
            r.principal = r.opening_balance;
    }
    r.fee = t->term_fee;
    r.closing_balance = r.opening_balance - r.principal;
    if (sl_money_add(&r.payment, r.interest, r.principal) ||
        sl_money_add(&r.payment, r.payment, r.fee))
        return SL_ERANGE;
    if (r.closing_balance == 0)
        r.events |= SL_EVENT_LAST;

    rc = add_totals(&plan->totals, &r);
    if (rc != SL_OK)
        return rc;
    plan->balance = r.closing_balance;
    plan->next_term++;
    *row = r;
    return 1;
}

void sl_plan_totals_so_far(const sl_plan *plan, sl_plan_totals *out)
{
    if (plan && out)
        *out = plan->totals;
}

int sl_plan_finish(sl_plan *plan, sl_plan_totals *out)
{
    if (!plan)
        return SL_ESTATE;
    sl_plan_row row;
    int rc;
    while ((rc = sl_plan_next(plan, &row)) == 1)
        ;
    if (rc < 0)
        return rc;
    if (out)
        *out = plan->totals;
    return SL_OK;
}

const sl_loan_terms *sl_plan_terms(const sl_plan *plan)
{
    return plan ? &plan->terms : NULL;
}

int sl_plan_totals_for(sl_plan_totals *out, const sl_loan_terms *terms, sl_error *err)
{
    sl_plan *plan;
    int rc = sl_plan_new(&plan, terms, err);
    if (rc != SL_OK)
        return rc;
    rc = sl_plan_finish(plan, out);
    sl_plan_free(plan);
    return rc;
}
