/* Debt-service capacity (betjeningsevne): the household budget, the stressed
 * payment (the first amortising term) from the plan engine, and the largest loan that fits. */
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/annuity.h"
#include "startlan/capacity.h"

void sl_household_init(sl_household *household)
{
    if (household) {
        sl_household init = SL_HOUSEHOLD_INIT;
        *household = init;
    }
}

void sl_capacity_options_init(sl_capacity_options *options)
{
    if (options) {
        sl_capacity_options init = SL_CAPACITY_OPTIONS_INIT;
        *options = init;
    }
}

static int check_amount(sl_error *err, const char *field, sl_money v)
{
    if (v < 0 || v > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, v < 0 ? SL_EINVAL : SL_ERANGE, field, v,
                           "must be from 0 to 1 000 000 000 000 kr");
    return SL_OK;
}

int sl_household_check(const sl_household *h, sl_error *err)
{
    if (!h)
        return sl__fail(err, SL_ESTATE, "household", "", "no household given");
    if (h->version < 1 || h->version > SL_HOUSEHOLD_VERSION)
        return sl__fail_int(err, SL_EVERSION, "version", (long)h->version,
                         "unknown version of sl_household (initialise with SL_HOUSEHOLD_INIT)");
    if (h->adults != SL_ADULTS_SINGLE && h->adults != SL_ADULTS_COUPLE &&
        h->adults != SL_ADULTS_SHARING)
        return sl__fail_int(err, SL_EINVAL, "adults", (long)h->adults,
                         "must be single, couple or sharing");
    const struct {
        const char *field;
        int n;
    } children[] = {{"children_0_5", h->children_0_5},
                    {"children_6_10", h->children_6_10},
                    {"children_11_17", h->children_11_17}};
    for (size_t i = 0; i < 3; i++)
        if (children[i].n < 0 || children[i].n > SL_CAPACITY_MAX_CHILDREN)
            return sl__fail_int(err, SL_EINVAL, children[i].field, children[i].n,
                             "must be from 0 to 100");
    int rc;
    if ((rc = check_amount(err, "income", h->income)) != SL_OK ||
        (rc = check_amount(err, "fixed_costs", h->fixed_costs)) != SL_OK ||
        (rc = check_amount(err, "maintenance", h->maintenance)) != SL_OK ||
        (rc = check_amount(err, "actual_living_costs", h->actual_living_costs)) != SL_OK)
        return rc;
    return SL_OK;
}

/* The stressed rate, validated: policy + add-on within 0 .. 100 %. */
static int stressed_rate(sl_rate *out, const sl_capacity_options *o, sl_error *err)
{
    sl_rate zero = SL_RATE_ZERO, one = {1, 1};
    if (o->policy_rate.den <= 0 || sl_rate_compare(o->policy_rate, zero) < 0 ||
        sl_rate_compare(o->policy_rate, one) > 0)
        return sl__fail_rate(err, SL_EINVAL, "policy_rate", o->policy_rate, "must be from 0 to 100 %");
    if (o->stress_add.den <= 0 || sl_rate_compare(o->stress_add, zero) < 0 ||
        sl_rate_compare(o->stress_add, one) > 0)
        return sl__fail_rate(err, SL_EINVAL, "stress_add", o->stress_add, "must be from 0 to 100 %");
    if (sl_rate_add(out, o->policy_rate, o->stress_add) != SL_OK ||
        sl_rate_compare(*out, one) > 0)
        return sl__fail_rate(err, SL_EINVAL, "stress_add", o->stress_add,
                          "the policy rate plus the add-on is above 100 %");
    return SL_OK;
}

int sl_capacity_options_check(const sl_capacity_options *o, sl_error *err)
{
    if (!o)
        return sl__fail(err, SL_ESTATE, "options", "", "no capacity options given");
    if (o->version < 1 || o->version > SL_CAPACITY_OPTIONS_VERSION)
        return sl__fail_int(err, SL_EVERSION, "version", (long)o->version,
                         "unknown version of sl_capacity_options (initialise with "
                         "SL_CAPACITY_OPTIONS_INIT)");
    if (!sl_date_is_valid(o->date)) {
        char text[24];
        snprintf(text, sizeof text, "%04d-%02d-%02d", o->date.year % 10000, o->date.month % 100,
                 o->date.day % 100);
        return sl__fail(err, SL_EINVAL, "date", text,
                        "date %s: no such date (the date choosing the guideline table is "
                        "required)",
                        text);
    }
    sl_rate stressed;
    int rc = stressed_rate(&stressed, o, err);
    if (rc != SL_OK)
        return rc;
    if ((rc = check_amount(err, "cofinancing_payment", o->cofinancing_payment)) != SL_OK)
        return rc;
    if (o->step < 1 || o->step > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_EINVAL, "step", o->step,
                           "must be from 0.01 to 1 000 000 000 000 kr");
    sl_loan_terms t = o->loan;
    t.principal = 1;
    t.nominal_rate = stressed;
    return sl_loan_terms_check(&t, err);
}

/* The guideline amount for the household from one table. */
static void guideline_amount(sl_capacity_budget *b, const sl_household *h)
{
    const sl_guideline_rates *g = &b->guideline;
    b->guideline_adults = h->adults == SL_ADULTS_COUPLE    ? g->couple
                          : h->adults == SL_ADULTS_SHARING ? g->sharing_adult
                                                           : g->single_adult;
    /* Table amounts are at most 10^11 øre and at most 100 children a band:
     * no sum here can overflow. */
    b->guideline_children = g->child_0_5 * h->children_0_5 + g->child_6_10 * h->children_6_10 +
                            g->child_11_17 * h->children_11_17;
    b->guideline_living_costs = b->guideline_adults + b->guideline_children;
}

int sl_capacity_budget_compute(sl_capacity_budget *out, const sl_household *h,
                               const sl_guideline_table *table, sl_date date, sl_error *err)
{
    if (!out)
        return sl__fail(err, SL_ESTATE, "budget", "", "no place for the budget given");
    int rc = sl_household_check(h, err);
    if (rc != SL_OK)
        return rc;
    sl_guideline_table *shipped = NULL;
    if (!table) {
        rc = sl_guideline_table_default(&shipped, err);
        if (rc != SL_OK)
            return rc;
        table = shipped;
    }
    sl_capacity_budget b;
    memset(&b, 0, sizeof b);
    rc = sl_guideline_table_select(&b.guideline, table, date, err);
    sl_guideline_table_free(shipped);
    if (rc != SL_OK)
        return rc;
    guideline_amount(&b, h);
    b.living_costs = h->actual_living_costs > b.guideline_living_costs ? h->actual_living_costs
                                                                         : b.guideline_living_costs;
    /* Each term is at most 10^14 øre: no overflow. */
    b.available = h->income - b.living_costs - h->fixed_costs - h->maintenance;
    *out = b;
    return SL_OK;
}

/* The stressed payment: the payment of the first amortising term (the term
 * after any interest-only terms) of the plan for principal at the stressed
 * rate. An interest-only payment is never the capacity test: the household
 * must carry the plan once it amortises (Husbanken's rule assesses an
 * amortising plan), and from then on that payment is the highest the plan
 * asks (an annuity's level payment; a serial loan's largest instalment and
 * interest). terms already carries the stressed rate. */
static int first_amortising_payment(sl_money *out, sl_loan_terms terms, sl_money principal,
                                    sl_error *err)
{
    terms.principal = principal;
    sl_plan *plan;
    int rc = sl_plan_new(&plan, &terms, err);
    if (rc != SL_OK)
        return rc;
    sl_plan_row row;
    do
        rc = sl_plan_next(plan, &row);
    while (rc > 0 && row.term <= terms.interest_only_terms);
    sl_plan_free(plan);
    if (rc < 0)
        return sl__fail(err, rc, "loan", "", "the plan could not be computed: %s",
                        sl_strerror(rc));
    if (rc == 0)
        return sl__fail(err, SL_ESTATE, "loan", "", "the plan has no amortising term");
    *out = row.payment;
    return SL_OK;
}

/* Fill the loan-dependent part of r for a payment per term. */
static int settle(sl_capacity_result *r, sl_money payment, int terms_per_year)
{
    r->stressed_payment = payment;
    /* Per month, rounded up: payment·k/12 (payment <= ~3·10^14, no overflow). */
    int rc = sl_round_quotient(&r->stressed_monthly, NULL, payment * terms_per_year, 12,
                               (sl_rounding){SL_UNIT_ORE, SL_ROUND_UP});
    if (rc != SL_OK)
        return rc;
    r->surplus = r->budget.available - r->cofinancing_payment - r->stressed_monthly;
    r->fits = r->surplus >= 0;
    return SL_OK;
}

/* Everything checked once: budget, stressed terms. */
typedef struct prepared {
    sl_capacity_result base; /* budget, co-financing, stressed rate; no loan */
    sl_loan_terms terms;     /* stressed plan terms without principal */
} prepared;

static int prepare(prepared *p, const sl_household *h, const sl_capacity_options *o, sl_error *err)
{
    int rc = sl_capacity_options_check(o, err);
    if (rc != SL_OK)
        return rc;
    memset(p, 0, sizeof *p);
    rc = sl_capacity_budget_compute(&p->base.budget, h, o->guidelines, o->date, err);
    if (rc != SL_OK)
        return rc;
    rc = stressed_rate(&p->base.stressed_rate, o, err);
    if (rc != SL_OK)
        return rc;
    p->base.cofinancing_payment = o->cofinancing_payment;
    p->terms = o->loan;
    p->terms.nominal_rate = p->base.stressed_rate;
    return settle(&p->base, 0, p->terms.terms_per_year);
}

static int check_prepared(sl_capacity_result *out, const prepared *p, sl_money loan, sl_error *err)
{
    sl_capacity_result r = p->base;
    r.loan = loan;
    sl_money payment = 0;
    if (loan > 0) {
        int rc = first_amortising_payment(&payment, p->terms, loan, err);
        if (rc != SL_OK)
            return rc;
    }
    int rc = settle(&r, payment, p->terms.terms_per_year);
    if (rc != SL_OK)
        return rc;
    *out = r;
    return SL_OK;
}

int sl_capacity_check(sl_capacity_result *out, const sl_household *h, sl_money loan,
                      const sl_capacity_options *o, sl_error *err)
{
    if (!out)
        return sl__fail(err, SL_ESTATE, "result", "", "no place for the result given");
    int rc = check_amount(err, "loan", loan);
    if (rc != SL_OK)
        return rc;
    prepared p;
    rc = prepare(&p, h, o, err);
    if (rc != SL_OK)
        return rc;
    return check_prepared(out, &p, loan, err);
}

/* The factor c of the stressed payment ≈ c·P + fee, exactly (GMP), for the
 * first amortising term (the balance is still P after interest-only terms):
 *  a single amortising term: 1 + r;  serial: r + 1/n;
 *  annuity: the annuity of 1 øre over the n terms,
 * where r = rate / terms per year and n the amortising terms. */
static int payment_factor(mpq_t c, const sl_loan_terms *t)
{
    mpq_t r, x;
    mpq_inits(r, x, NULL);
    sl_rate_to_mpq(r, t->nominal_rate);
    mpq_set_ui(x, 1, (unsigned long)t->terms_per_year);
    mpq_mul(r, r, x);
    int n = t->terms - t->interest_only_terms;
    int rc = SL_OK;
    if (n == 1) {
        mpq_set_ui(x, 1, 1);
        mpq_add(c, r, x);
    } else if (t->type == SL_LOAN_SERIAL) {
        mpq_set_ui(x, 1, (unsigned long)n);
        mpq_add(c, r, x);
    } else {
        rc = sl_annuity_exact(c, 1, t->nominal_rate, t->terms_per_year, n);
    }
    mpq_clears(r, x, NULL);
    return rc;
}

/* Whether the stressed payment is one rounding of c·P plus the fee: the
 * annuity's level payment, rounded by the contract. Serial loans and a
 * single amortising term round two parts; their inverse is approximate. */
static int single_rounding(sl_rounding *out, const sl_loan_terms *t)
{
    if (t->type == SL_LOAN_ANNUITY && t->terms - t->interest_only_terms > 1) {
        *out = t->payment_rounding;
        return 1;
    }
    return 0;
}

/* P* = the largest whole number of øre with round(c·P) <= x, for a payment
 * rounded once to a multiple of u by mode: with y = x rounded down to u,
 *   up:        c·P <= y
 *   down:      c·P <  y + u
 *   half-up:   c·P <  y + u/2      (a tie goes up, past y)
 *   half-even: c·P <= y + u/2 when y/u is even (a tie goes to y), else <.
 * Without a single rounding, P* = floor(x / c). x and c are rationals,
 * c > 0; out is an integer (may be negative). */
static void exact_inverse(mpz_t out, const mpq_t x, const mpq_t c, const sl_loan_terms *t)
{
    sl_rounding rounding;
    mpq_t bound;
    mpz_t y, u;
    mpq_init(bound);
    mpz_inits(y, u, NULL);
    int strict = 0;
    if (single_rounding(&rounding, t)) {
        mpz_set_ui(u, (unsigned long)rounding.unit);
        mpz_mul(y, mpq_denref(x), u);
        mpz_fdiv_q(y, mpq_numref(x), y); /* floor(x / u) */
        int y_odd = mpz_odd_p(y);
        mpz_mul(y, y, u);
        mpq_set_z(bound, y);
        switch (rounding.mode) {
        case SL_ROUND_UP:
            break;
        case SL_ROUND_DOWN:
            mpz_add(mpq_numref(bound), mpq_numref(bound), u);
            strict = 1;
            break;
        case SL_ROUND_HALF_UP:
        case SL_ROUND_HALF_EVEN:
            mpz_mul_2exp(mpq_numref(bound), mpq_numref(bound), 1);
            mpz_add(mpq_numref(bound), mpq_numref(bound), u);
            mpz_set_ui(mpq_denref(bound), 2);
            mpq_canonicalize(bound);
            strict = rounding.mode == SL_ROUND_HALF_UP || y_odd;
            break;
        }
    } else {
        mpq_set(bound, x);
    }
    mpq_div(bound, bound, c);
    if (strict) { /* the largest integer strictly below the bound */
        mpz_cdiv_q(out, mpq_numref(bound), mpq_denref(bound));
        mpz_sub_ui(out, out, 1);
    } else {
        mpz_fdiv_q(out, mpq_numref(bound), mpq_denref(bound));
    }
    mpq_clear(bound);
    mpz_clears(y, u, NULL);
}

/* The candidate: the largest multiple of step whose stressed payment, by the
 * exact inverse above, fits the budget per term less the fee, where the
 * budget per term is (available − co-financing)·12/k. */
static int candidate(sl_money *out, const prepared *p, sl_money step, sl_money cap)
{
    const sl_loan_terms *t = &p->terms;
    sl_money monthly = p->base.budget.available - p->base.cofinancing_payment;
    mpq_t budget, c, x;
    mpz_t q, z;
    mpq_inits(budget, c, x, NULL);
    mpz_inits(q, z, NULL);
    int rc = payment_factor(c, t);
    if (rc == SL_OK && mpq_sgn(c) <= 0)
        rc = SL_EINVAL; /* no finite inverse (c is positive for every valid plan) */
    if (rc == SL_OK) {
        sl__mpz_set_i64(z, monthly);
        mpz_mul_ui(z, z, 12);
        mpq_set_z(budget, z);
        mpq_set_ui(x, 1, (unsigned long)t->terms_per_year);
        mpq_mul(budget, budget, x);
        sl__mpz_set_i64(z, t->term_fee);
        mpq_set_z(x, z);
        mpq_sub(budget, budget, x); /* per term, less the fee */
        exact_inverse(q, budget, c, t);
        sl__mpz_set_i64(z, step);
        mpz_fdiv_q(q, q, z); /* whole steps */
        if (mpz_sgn(q) < 0)
            mpz_set_ui(q, 0);
        sl__mpz_set_i64(z, cap / step);
        if (mpz_cmp(q, z) > 0)
            mpz_set(q, z);
        int64_t k;
        rc = sl__mpz_get_i64(&k, q);
        if (rc == SL_OK)
            *out = k * step;
    }
    mpq_clears(budget, c, x, NULL);
    mpz_clears(q, z, NULL);
    if (rc == SL_EINVAL) { /* fall back to the cap: the search below corrects it */
        *out = cap;
        rc = SL_OK;
    }
    return rc;
}

int sl_capacity_max_loan(sl_money *out, sl_capacity_result *at_max,
                         sl_capacity_result *one_step_more, const sl_household *h,
                         const sl_capacity_options *o, sl_error *err)
{
    if (!out)
        return sl__fail(err, SL_ESTATE, "result", "", "no place for the result given");
    prepared p;
    int rc = prepare(&p, h, o, err);
    if (rc != SL_OK)
        return rc;
    sl_money step = o->step;
    sl_money cap = SL_PLAN_MAX_PRINCIPAL / step * step; /* >= step */
    sl_money guess;
    rc = candidate(&guess, &p, step, cap);
    if (rc != SL_OK)
        return sl__fail(err, rc, "loan", "", "the largest loan could not be computed: %s",
                        sl_strerror(rc));

    /* Verify with the engine and correct by an exponential search and
     * bisection on multiples of step. Invariant: lo fits (0 counts as
     * fitting: no loan) and hi does not (cap + step lies beyond the cap).
     * The stressed payment grows with the principal, so fitting is monotone. */
    sl_capacity_result r, best = p.base, over = p.base;
    sl_money lo = 0, hi = cap + step;
    int guess_fits = 1;
    if (guess > 0) {
        if ((rc = check_prepared(&r, &p, guess, err)) != SL_OK)
            return rc;
        guess_fits = r.fits;
        if (r.fits) {
            lo = guess;
            best = r;
        } else {
            hi = guess;
            over = r;
        }
    }
    for (sl_money d = step;; d *= 2) {
        sl_money probe = guess_fits ? lo + d : hi - d;
        if (probe >= hi || probe <= lo)
            break;
        if ((rc = check_prepared(&r, &p, probe, err)) != SL_OK)
            return rc;
        if (r.fits) {
            lo = probe;
            best = r;
        } else {
            hi = probe;
            over = r;
        }
        if (r.fits != guess_fits)
            break; /* bracketed */
    }
    while (hi - lo > step) {
        sl_money mid = lo + (hi - lo) / step / 2 * step;
        if ((rc = check_prepared(&r, &p, mid, err)) != SL_OK)
            return rc;
        if (r.fits) {
            lo = mid;
            best = r;
        } else {
            hi = mid;
            over = r;
        }
    }
    if (hi > cap) /* the cap itself fits: nothing beyond it to show */
        over = best;
    *out = lo;
    if (at_max)
        *at_max = best;
    if (one_step_more)
        *one_step_more = over;
    return SL_OK;
}
