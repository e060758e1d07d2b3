/* Debt-service capacity (betjeningsevne): the household budget, the stressed
 * payment (the first amortising term) from the plan engine, and the largest loan that fits. */
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "capacity_internal.h"
#include "terms_internal.h"
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

static const struct {
    sl_income_kind kind;
    const char *name, *norwegian, *ascii;
} income_kinds[] = {
    {SL_INCOME_WAGES, "wages", "lønn", "lonn"},
    {SL_INCOME_CHILD_BENEFIT, "child-benefit", "barnetrygd", "barnetrygd"},
    {SL_INCOME_CASH_FOR_CARE, "cash-for-care", "kontantstøtte", "kontantstotte"},
    {SL_INCOME_CHILD_SUPPORT, "child-support", "barnebidrag", "barnebidrag"},
    {SL_INCOME_TRANSITIONAL_BENEFIT, "transitional-benefit", "overgangsstønad", "overgangsstonad"},
    {SL_INCOME_DISABILITY, "disability", "uføretrygd", "uforetrygd"},
    {SL_INCOME_WORK_ASSESSMENT, "aap", "arbeidsavklaringspenger", "arbeidsavklaringspenger"},
    {SL_INCOME_INTRODUCTION, "introduction", "introduksjonsstønad", "introduksjonsstonad"},
    {SL_INCOME_PENSION, "pension", "pensjon", "pensjon"},
    {SL_INCOME_RENTAL, "rental", "leieinntekt", "leieinntekt"},
    {SL_INCOME_OTHER, "other", "annet", "annet"},
    {SL_INCOME_HOUSING_ALLOWANCE, "housing-allowance", "bostøtte", "bostotte"},
};
#define INCOME_KINDS (sizeof income_kinds / sizeof income_kinds[0])

const char *sl_income_kind_name(sl_income_kind kind)
{
    for (size_t i = 0; i < INCOME_KINDS; i++)
        if (income_kinds[i].kind == kind)
            return income_kinds[i].name;
    return NULL;
}

/* strcasecmp for ASCII letters; other bytes (UTF-8 of æøå) compare exactly. */
static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y)
            return 0;
    }
    return *a == *b;
}

int sl_income_kind_parse(sl_income_kind *out, const char *name, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!name)
        return sl__null(err, "name");
    for (size_t i = 0; i < INCOME_KINDS; i++)
        if (same_name(name, income_kinds[i].name) || same_name(name, income_kinds[i].norwegian) ||
            same_name(name, income_kinds[i].ascii) ||
            (income_kinds[i].kind == SL_INCOME_WAGES && same_name(name, "lonn-netto"))) {
            *out = income_kinds[i].kind;
            return SL_OK;
        }
    return sl__fail(err, SL_ESYNTAX, "kind", name,
                    "unknown income kind '%s' (wages, child-benefit, cash-for-care, "
                    "child-support, transitional-benefit, disability, aap, introduction, "
                    "pension, rental, other, housing-allowance)",
                    name);
}

sl_money sl_income_item_counted(const sl_income_item *item)
{
    if (!item)
        return 0;
    if (item->kind != SL_INCOME_RENTAL)
        return item->amount;
    /* amount <= 10^14 øre: × 10 stays far below 2^63; floor for amount >= 0. */
    return item->amount * SL_RENTAL_MONTHS_COUNTED / 12;
}

/* The household as the current version: a version-1 struct is read only up
 * to its last field, the rest is 0. */
static void household_current(sl_household *out, const sl_household *h)
{
    sl_household init = SL_HOUSEHOLD_INIT;
    *out = init;
    if (h->version == 1)
        memcpy(out, h, offsetof(sl_household, energy));
    else
        *out = *h;
    out->version = SL_HOUSEHOLD_VERSION;
}

static int check_income_items(const sl_household *h, sl_error *err)
{
    if (h->income_item_count > SL_CAPACITY_MAX_INCOME_ITEMS)
        return sl__fail_int(err, SL_ERANGE, "income_items", (long)h->income_item_count,
                            "at most 64 income items");
    if (h->income_item_count > 0 && !h->income_items)
        return sl__fail(err, SL_EINVAL, "income_items", "", "income items counted but not given");
    for (size_t i = 0; i < h->income_item_count; i++) {
        const sl_income_item *it = &h->income_items[i];
        char field[64];
        if (!sl_income_kind_name(it->kind)) {
            snprintf(field, sizeof field, "income_items[%zu].kind", i);
            return sl__fail_int(err, SL_EINVAL, field, (long)it->kind, "unknown income kind");
        }
        snprintf(field, sizeof field, "income_items[%zu].amount", i);
        int rc = check_amount(err, field, it->amount);
        if (rc != SL_OK)
            return rc;
        sl_date none = SL_DATE_NONE;
        if (sl_date_compare(it->until, none) != 0 && !sl_date_is_valid(it->until)) {
            snprintf(field, sizeof field, "income_items[%zu].until", i);
            return sl__fail_date(err, SL_EINVAL, field, it->until, "no such date");
        }
    }
    return SL_OK;
}

int sl_household_check(const sl_household *given, sl_error *err)
{
    sl__error_reset(err);
    if (!given)
        return sl__null(err, "household");
    int vrc = sl__check_version(err, "sl_household", given->version, 1, SL_HOUSEHOLD_VERSION);
    if (vrc != SL_OK)
        return vrc;
    sl_household current;
    household_current(&current, given);
    const sl_household *h = &current;
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
    const struct {
        const char *field;
        sl_money v;
    } amounts[] = {
        {"income", h->income},
        {"fixed_costs", h->fixed_costs},
        {"maintenance", h->maintenance},
        {"actual_living_costs", h->actual_living_costs},
        {"energy", h->energy},
        {"insurance", h->insurance},
        {"furniture", h->furniture},
        {"common_costs", h->common_costs},
        {"municipal_fees", h->municipal_fees},
        {"other_debt_payments", h->other_debt_payments},
        {"childcare", h->childcare},
        {"transport", h->transport},
        {"credit_limits", h->credit_limits},
    };
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        int rc = check_amount(err, amounts[i].field, amounts[i].v);
        if (rc != SL_OK)
            return rc;
    }
    switch (h->living_costs_basis) {
    case SL_LIVING_COSTS_AUTO:
    case SL_LIVING_COSTS_GUIDELINE:
        break;
    case SL_LIVING_COSTS_ACTUAL:
        if (h->actual_living_costs == 0)
            return sl__fail(err, SL_EINVAL, "living_costs_basis", "actual",
                            "the actual living costs are required for basis 'actual'");
        break;
    case SL_LIVING_COSTS_SIFO:
        return sl__fail(err, SL_EINVAL, "living_costs_basis", "sifo",
                        "SIFO's reference budget is not shipped: give the figure adapted from "
                        "it as the actual living costs with basis 'actual'");
    default:
        return sl__fail_int(err, SL_EINVAL, "living_costs_basis", (long)h->living_costs_basis,
                            "must be auto, guideline, actual or sifo");
    }
    return check_income_items(h, err);
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
    sl__error_reset(err);
    if (!o)
        return sl__null(err, "options");
    /* Version 1 held the loan terms by value: a layout this library cannot read. */
    int vrc = sl__check_version(err, "sl_capacity_options", o->version, 2,
                                SL_CAPACITY_OPTIONS_VERSION);
    if (vrc != SL_OK)
        return vrc;
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
    sl_loan_terms t;
    sl__terms_or_default(&t, o->loan, SL_CAPACITY_DEFAULT_TERMS);
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

/* The income counted on date: the single figure plus each item still paid
 * on date. With strict, an item that has ended by date is an error (the
 * budget "now"); otherwise it is left out (the budget after it ends). */
static int income_on(sl_money *out, const sl_household *h, sl_date date, int strict, sl_error *err)
{
    sl_money sum = h->income; /* at most 65 terms of at most 10^14: no overflow */
    for (size_t i = 0; i < h->income_item_count; i++) {
        const sl_income_item *it = &h->income_items[i];
        sl_date none = SL_DATE_NONE;
        if (sl_date_compare(it->until, none) != 0 && sl_date_compare(it->until, date) <= 0) {
            if (strict) {
                char field[64];
                snprintf(field, sizeof field, "income_items[%zu].until", i);
                return sl__fail_date(err, SL_EINVAL, field, it->until,
                                     "the income has ended by the date of the check");
            }
            continue;
        }
        sum += sl_income_item_counted(it);
    }
    *out = sum;
    return SL_OK;
}

/* The budget with the income counted on income_date (strict: see income_on)
 * and the guideline table in force on date. */
static int budget_at(sl_capacity_budget *out, const sl_household *given,
                     const sl_guideline_table *table, sl_date date, sl_date income_date, int strict,
                     sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = sl_household_check(given, err);
    if (rc != SL_OK)
        return rc;
    sl_household current;
    household_current(&current, given);
    const sl_household *h = &current;
    sl_capacity_budget b;
    memset(&b, 0, sizeof b);
    rc = income_on(&b.income, h, income_date, strict, err);
    if (rc != SL_OK)
        return rc;
    sl_guideline_table *shipped = NULL;
    if (!table) {
        rc = sl_guideline_table_default(&shipped, err);
        if (rc != SL_OK)
            return rc;
        table = shipped;
    }
    rc = sl_guideline_table_select(&b.guideline, table, date, err);
    sl_guideline_table_free(shipped);
    if (rc != SL_OK)
        return rc;
    guideline_amount(&b, h);
    /* Each term is at most 10^14 øre: no sum here can overflow. */
    b.living_costs_floor = b.guideline_living_costs + h->energy + h->insurance + h->furniture;
    sl_money actual =
        h->living_costs_basis == SL_LIVING_COSTS_GUIDELINE ? 0 : h->actual_living_costs;
    b.living_costs = actual > b.living_costs_floor ? actual : b.living_costs_floor;
    b.housing_costs = h->common_costs + h->municipal_fees + h->maintenance;
    /* limit × 3 / 100, rounded up (limit <= 10^14: no overflow). */
    b.credit_limit_payment =
        (h->credit_limits * SL_CREDIT_LIMIT_PERCENT + 99) / 100;
    b.other_costs = h->other_debt_payments + b.credit_limit_payment + h->childcare +
                    h->transport + h->fixed_costs;
    b.available = b.income - b.living_costs - b.housing_costs - b.other_costs;
    *out = b;
    return SL_OK;
}

int sl_capacity_budget_compute(sl_capacity_budget *out, const sl_household *h,
                               const sl_guideline_table *table, sl_date date, sl_error *err)
{
    return budget_at(out, h, table, date, date, 1, err);
}

/* The stressed payment: the payment of the first amortising term (the term
 * after any interest-only terms) of the plan for principal at the stressed
 * rate. An interest-only payment is never the capacity test: the household
 * must carry the plan once it amortises (Husbanken's rule assesses an
 * amortising plan), and from then on that payment is the highest the plan
 * asks (an annuity's level payment; a serial loan's largest instalment and
 * interest). terms already carries the stressed rate. */
int sl__capacity_amortising_row(sl_plan_row *out, sl_loan_terms terms, sl_money principal,
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
        return sl__fail(err, SL_EINVAL, "loan", "", "the plan has no amortising term");
    *out = row;
    return SL_OK;
}

static int first_amortising_payment(sl_money *out, sl_loan_terms terms, sl_money principal,
                                    sl_error *err)
{
    sl_plan_row row;
    int rc = sl__capacity_amortising_row(&row, terms, principal, err);
    if (rc == SL_OK)
        *out = row.payment;
    return rc;
}

/* Fill the loan-dependent part of r for a payment per term. */
static int settle(sl_capacity_result *r, sl_money payment, int terms_per_year)
{
    r->stressed_payment = payment;
    /* Per month, rounded up: payment·k/12 (payment <= ~3·10^14, no overflow). */
    int rc = sl_round_quotient(&r->stressed_monthly, NULL, payment * terms_per_year, 12,
                               (sl_rounding){SL_ROUND_UNIT_ORE, SL_ROUND_UP});
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

/* income_date and strict: as for budget_at. */
static int prepare_at(prepared *p, const sl_household *h, const sl_capacity_options *o,
                      sl_date income_date, int strict, sl_error *err)
{
    int rc = sl_capacity_options_check(o, err);
    if (rc != SL_OK)
        return rc;
    memset(p, 0, sizeof *p);
    rc = budget_at(&p->base.budget, h, o->guidelines, o->date, income_date, strict, err);
    if (rc != SL_OK)
        return rc;
    rc = stressed_rate(&p->base.stressed_rate, o, err);
    if (rc != SL_OK)
        return rc;
    p->base.cofinancing_payment = o->cofinancing_payment;
    sl__terms_or_default(&p->terms, o->loan, SL_CAPACITY_DEFAULT_TERMS);
    p->terms.nominal_rate = p->base.stressed_rate;
    return settle(&p->base, 0, p->terms.terms_per_year);
}

static int prepare(prepared *p, const sl_household *h, const sl_capacity_options *o, sl_error *err)
{
    return prepare_at(p, h, o, o ? o->date : (sl_date)SL_DATE_NONE, 1, err);
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

int sl_capacity_compute(sl_capacity_result *out, const sl_household *h, sl_money loan,
                        const sl_capacity_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = check_amount(err, "loan", loan);
    if (rc != SL_OK)
        return rc;
    prepared p;
    rc = prepare(&p, h, o, err);
    if (rc != SL_OK)
        return rc;
    return check_prepared(out, &p, loan, err);
}

int sl_capacity_income_ends(sl_capacity_income_end *out, size_t *count, const sl_household *h,
                            sl_money loan, const sl_capacity_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!count)
        return sl__null(err, "count");
    *count = 0;
    int rc = check_amount(err, "loan", loan);
    if (rc != SL_OK)
        return rc;
    prepared p;
    rc = prepare(&p, h, o, err); /* validates everything, and the items against the date */
    if (rc != SL_OK)
        return rc;
    sl_household current;
    household_current(&current, h);
    /* The distinct end dates, ascending (at most 64 items: a plain scan). */
    sl_date last = SL_DATE_NONE;
    size_t n = 0;
    for (;;) {
        sl_date next = SL_DATE_NONE;
        for (size_t i = 0; i < current.income_item_count; i++) {
            sl_date u = current.income_items[i].until;
            if (u.year == 0 || (n > 0 && sl_date_compare(u, last) <= 0))
                continue;
            if (next.year == 0 || sl_date_compare(u, next) < 0)
                next = u;
        }
        if (next.year == 0)
            break;
        rc = prepare_at(&p, &current, o, next, 0, err);
        if (rc == SL_OK)
            rc = check_prepared(&out[n].result, &p, loan, err);
        if (rc != SL_OK)
            return rc;
        out[n].date = next;
        out[n].income = out[n].result.budget.income;
        last = next;
        n++;
    }
    *count = n;
    return SL_OK;
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
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
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
