/* The purchase composed of a bank loan and a startlån (finance.h): sources
 * and uses, both plans from the engine, the interest deduction, capacity
 * over both loans at stressed rates, and the largest price. */
#include <stdio.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/finance.h"

void sl_finance_options_init(sl_finance_options *o)
{
    if (o) {
        sl_finance_options init = SL_FINANCE_OPTIONS_INIT;
        *o = init;
    }
}

/* Kartverket's tinglysingsgebyr per document, by the date it applies from. */
static const struct {
    sl_date from;
    sl_money fee;
} registration_fees[] = {
    {{2024, 1, 1}, 50000}, /* 500 kr (kartverket.no, 2024) */
    {{2025, 1, 1}, 54500}, /* 545 kr (kartverket.no, 2025) */
};

int sl_registration_fee_on(sl_money *out, sl_date date, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    size_t n = sizeof registration_fees / sizeof registration_fees[0];
    for (size_t i = n; i-- > 0;)
        if (sl_date_compare(registration_fees[i].from, date) <= 0) {
            *out = registration_fees[i].fee;
            return SL_OK;
        }
    return sl__fail_date(err, SL_EINVAL, "registration_fee", date,
                         "no tinglysingsgebyr is shipped before 2024-01-01: give the fee");
}

static int amount_ok(sl_money m)
{
    return m >= 0 && m <= SL_PLAN_MAX_PRINCIPAL;
}

static int check_amount(sl_error *err, const char *field, sl_money m)
{
    if (amount_ok(m))
        return SL_OK;
    return sl__fail_money(err, m < 0 ? SL_EINVAL : SL_ERANGE, field, m,
                          "must be from 0 to 1 000 000 000 000 kr");
}

static int rate_in_unit(sl_rate r)
{
    return r.den > 0 && r.num >= 0 && r.num <= r.den;
}

static int check_options(const sl_finance_options *o, sl_error *err)
{
    if (!o)
        return sl__null(err, "options");
    int vrc = sl__check_version(err, "sl_finance_options", o->version, 1,
                                SL_FINANCE_OPTIONS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (o->price <= 0 || o->price > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, o->price <= 0 ? SL_EINVAL : SL_ERANGE, "price", o->price,
                              "the price must be positive and at most 1 000 000 000 000 kr");
    if (!sl_tenure_name(o->tenure))
        return sl__fail_int(err, SL_EINVAL, "tenure", (long)o->tenure,
                            "must be selveier, borettslag or aksje");
    int rc;
    if ((rc = check_amount(err, "common_debt", o->common_debt)) != SL_OK ||
        (rc = check_amount(err, "common_costs", o->common_costs)) != SL_OK ||
        (rc = check_amount(err, "own_funds", o->own_funds)) != SL_OK ||
        (rc = check_amount(err, "grant", o->grant)) != SL_OK)
        return rc;
    if (!sl_date_is_valid(o->date))
        return sl__fail(err, SL_EINVAL, "date", "", "the purchase date is required");
    if (o->bank_share.den != 0 && !rate_in_unit(o->bank_share))
        return sl__fail_rate(err, SL_EINVAL, "bank_share", o->bank_share,
                             "the bank's share of the price must be from 0 to 100 %");
    if (o->bank_share.den != 0 && !o->bank)
        return sl__fail(err, SL_EINVAL, "bank_share", "", "a bank share needs the bank loan's terms");
    const sl_loan_terms *loans[2] = {o->bank, o->start};
    const char *names[2] = {"bank", "start"};
    for (int i = 0; i < 2; i++)
        if (loans[i] && loans[i]->terms_per_year != 12)
            return sl__fail_int(err, SL_EINVAL, names[i], loans[i]->terms_per_year,
                                "the purchase combines monthly loans: terms_per_year must be 12");
    if (o->registration_fee != -1 && (rc = check_amount(err, "registration_fee",
                                                        o->registration_fee)) != SL_OK)
        return rc;
    if (o->documents < -1 || o->documents > 100)
        return sl__fail_int(err, SL_EINVAL, "documents", o->documents, "must be from 0 to 100");
    return SL_OK;
}

/* A loan's terms for this purchase: principal set, everything else as given. */
static sl_loan_terms with_principal(const sl_loan_terms *t, sl_money principal)
{
    sl_loan_terms c;
    sl_loan_terms_init(&c);
    c = *t;
    c.principal = principal;
    return c;
}

/* Sources and uses (kilder og bruk). */
static int compose(sl_finance_result *r, const sl_finance_options *o, sl_error *err)
{
    memset(r, 0, sizeof *r);
    r->price = o->price;
    r->common_debt = o->common_debt;
    r->common_costs = o->common_costs;
    r->own_funds = o->own_funds;
    r->grant = o->grant;
    int rc;
    if (o->tenure == SL_TENURE_SELVEIER &&
        (rc = sl__muldiv_round(&r->document_tax, NULL, o->price, 25, 1000, 1, 100,
                               SL_ROUND_HALF_UP)) != SL_OK)
        return sl__fail_money(err, rc, "price", o->price, "dokumentavgift out of range");
    r->registration_fee = o->registration_fee;
    if (r->registration_fee == -1 &&
        (rc = sl_registration_fee_on(&r->registration_fee, o->date, err)) != SL_OK)
        return rc;
    /* The bank loan: a share of the price (rounded down to the krone) or the amount. */
    if (o->bank) {
        if (o->bank_share.den != 0) {
            if ((rc = sl__muldiv_round(&r->bank_loan, NULL, o->price, o->bank_share.num,
                                       o->bank_share.den, 1, 100, SL_ROUND_DOWN)) != SL_OK)
                return sl__fail_money(err, rc, "bank_share", o->price, "bank loan out of range");
        } else {
            r->bank_loan = o->bank->principal;
        }
        if (r->bank_loan > o->price)
            return sl__fail_money(err, SL_EINVAL, "bank", r->bank_loan,
                                  "the bank loan is above the price");
        if (o->establishment_fee_financed)
            r->bank_loan += o->bank->establishment_fee;
        if ((rc = check_amount(err, "bank", r->bank_loan)) != SL_OK)
            return rc;
    }
    sl_money start_fee = o->start ? o->start->establishment_fee : 0;
    sl_money bank_fee = o->bank && r->bank_loan > 0 ? o->bank->establishment_fee : 0;
    int remainder = o->start && o->start->principal == 0;
    int base_docs = (o->tenure != SL_TENURE_AKSJE) + (r->bank_loan > 0) + (o->grant > 0);
    /* First without the startlån's own deed and fee: when nothing remains,
     * there is no startlån (and so neither of them). */
    int start_present = o->start != NULL;
    if (remainder) {
        r->documents = o->documents >= 0 ? o->documents : base_docs;
        sl_money need0 = o->price + r->document_tax + r->registration_fee * r->documents + bank_fee;
        start_present = need0 - (o->own_funds + r->bank_loan + o->grant) > 0;
    }
    r->documents = o->documents >= 0 ? o->documents : base_docs + start_present;
    r->registration_fees = r->registration_fee * r->documents;
    r->transaction_costs = r->document_tax + r->registration_fees;
    r->establishment_fees = bank_fee + (start_present ? start_fee : 0);
    r->total_need = o->price + r->transaction_costs + r->establishment_fees;
    if (remainder)
        r->start_loan = r->total_need - (o->own_funds + r->bank_loan + o->grant);
    else
        r->start_loan = o->start ? o->start->principal : 0;
    sl_money sources = o->own_funds + r->bank_loan + r->start_loan + o->grant;
    if (remainder && r->start_loan < 0)
        return sl__fail_money(err, SL_EINVAL, "start", r->start_loan,
                              "own funds, bank loan and grant are more than the price and costs "
                              "need (the startlån would be negative)");
    if (sources != r->total_need) {
        char need[SL_MONEY_BUFSIZE], have[SL_MONEY_BUFSIZE];
        sl_money_format(need, sizeof need, r->total_need, SL_MONEY_PLAIN);
        sl_money_format(have, sizeof have, sources, SL_MONEY_PLAIN);
        return sl__fail(err, SL_EINVAL, "own_funds", have,
                        "own funds + bank loan + startlån + grant = %s kr, but the price and "
                        "costs need %s kr",
                        have, need);
    }
    return SL_OK;
}

/* First and second payment and the first 12 terms' interest of one loan. */
static int loan_payments(sl_money *first, sl_money *typical, sl_money *first_interest,
                         sl_money *year_interest, const sl_loan_terms *t, sl_money principal,
                         const char *field, sl_error *err)
{
    *first = *typical = *first_interest = *year_interest = 0;
    if (principal <= 0)
        return SL_OK;
    sl_loan_terms c = with_principal(t, principal);
    sl_plan *plan;
    int rc = sl_plan_new(&plan, &c, err);
    if (rc != SL_OK) {
        if (err)
            snprintf(err->field, sizeof err->field, "%s", field);
        return rc;
    }
    sl_plan_row row;
    for (int k = 1; k <= 12 && (rc = sl_plan_next(plan, &row)) == 1; k++) {
        if (k == 1) {
            *first = row.payment;
            *typical = row.payment;
            *first_interest = row.interest;
        } else if (k == 2) {
            *typical = row.payment;
        }
        *year_interest += row.interest;
    }
    sl_plan_free(plan);
    if (rc < 0)
        return sl__fail(err, rc, field, "", "the plan could not be computed: %s",
                        sl_strerror(rc));
    return SL_OK;
}

static int tax_rules(sl_tax_rules *out, const sl_finance_options *o, sl_error *err)
{
    if (o->tax) {
        *out = *o->tax;
        return sl_tax_rules_check(out, err);
    }
    int first, last, year = o->date.year;
    sl_tax_years(&first, &last);
    year = year < first ? first : year > last ? last : year;
    return sl_tax_rules_for_year(out, year, err);
}

/* A loan's terms at a constant stressed rate: no events, no margin. */
static sl_loan_terms stress_terms(const sl_loan_terms *t)
{
    sl_loan_terms c = with_principal(t, 1);
    c.rate_changes = NULL;
    c.rate_change_count = 0;
    c.fixed = (sl_fixed_period)SL_FIXED_PERIOD_NONE;
    c.extra_payments = NULL;
    c.extra_payment_count = 0;
    c.repay_date = (sl_date)SL_DATE_NONE;
    c.margin = (sl_rate)SL_RATE_ZERO;
    return c;
}

/* Both loans at their stressed rates against the household's budget. */
static int capacity(sl_finance_result *r, const sl_finance_options *o, sl_error *err)
{
    sl_capacity_options co;
    sl_capacity_options_init(&co);
    co.guidelines = o->guidelines;
    co.date = o->date;
    sl_capacity_result bank, start;
    sl_loan_terms bank_terms, start_terms; /* read by the checks below */
    int rc;
    memset(&bank, 0, sizeof bank);
    if (o->bank && r->bank_loan > 0) {
        sl_rate stressed;
        if ((rc = sl_rate_add(&stressed, o->bank->nominal_rate, o->bank_stress_add)) != SL_OK)
            return sl__fail_rate(err, rc, "bank_stress_add", o->bank_stress_add, "out of range");
        if (o->bank_stress_min.den > 0 && sl_rate_compare(stressed, o->bank_stress_min) < 0) {
            co.policy_rate = o->bank_stress_min;
            co.stress_add = (sl_rate)SL_RATE_ZERO;
        } else {
            co.policy_rate = o->bank->nominal_rate;
            co.stress_add = o->bank_stress_add;
        }
        bank_terms = stress_terms(o->bank);
        co.loan = &bank_terms;
        if ((rc = sl_capacity_compute(&bank, o->household, r->bank_loan, &co, err)) != SL_OK) {
            if (err && strcmp(err->field, "stress_add") == 0)
                strcpy(err->field, "bank_stress_add");
            return rc;
        }
        r->bank_stressed_rate = bank.stressed_rate;
        r->stressed_payment_bank = bank.stressed_monthly;
    }
    if (o->start && r->start_loan > 0) {
        co.policy_rate = o->policy_rate;
        co.stress_add = o->start_stress_add;
        start_terms = stress_terms(o->start);
        co.loan = &start_terms;
    } else { /* no startlån: the budget alone */
        co.policy_rate = (sl_rate)SL_RATE_ZERO;
        co.stress_add = (sl_rate)SL_RATE_ZERO;
    }
    if (sl_money_add(&co.cofinancing_payment, r->stressed_payment_bank, o->common_costs) != SL_OK)
        return sl__fail_money(err, SL_ERANGE, "common_costs", o->common_costs, "out of range");
    if ((rc = sl_capacity_compute(&start, o->household, r->start_loan > 0 ? r->start_loan : 0, &co,
                                err)) != SL_OK)
        return rc;
    r->have_capacity = 1;
    r->budget = start.budget;
    r->available = start.budget.available;
    r->start_stressed_rate = r->start_loan > 0 ? start.stressed_rate : (sl_rate)SL_RATE_ZERO;
    r->stressed_payment_start_loan = start.stressed_monthly;
    r->stressed_payment_total = r->stressed_payment_bank + r->stressed_payment_start_loan;
    r->surplus = start.surplus;
    r->fits = start.fits;
    return SL_OK;
}

int sl_finance_compute(sl_finance_result *out, const sl_finance_options *o, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = check_options(o, err);
    sl_finance_result r;
    if (rc == SL_OK)
        rc = compose(&r, o, err);
    if (rc != SL_OK)
        return rc;
    sl_money fi[2], yi[2];
    if (o->bank &&
        (rc = loan_payments(&r.first_payment_bank, &r.typical_payment_bank, &fi[0], &yi[0],
                            o->bank, r.bank_loan, "bank", err)) != SL_OK)
        return rc;
    if (!o->bank)
        fi[0] = yi[0] = 0;
    if (o->start &&
        (rc = loan_payments(&r.first_payment_start_loan, &r.typical_payment_start_loan, &fi[1],
                            &yi[1], o->start, r.start_loan, "start", err)) != SL_OK)
        return rc;
    if (!o->start)
        fi[1] = yi[1] = 0;
    r.first_payment_total = r.first_payment_bank + r.first_payment_start_loan + r.common_costs;
    r.typical_payment_total =
        r.typical_payment_bank + r.typical_payment_start_loan + r.common_costs;
    r.first_interest_total = fi[0] + fi[1];
    r.first_year_interest = yi[0] + yi[1];
    sl_tax_rules rules;
    if ((rc = tax_rules(&rules, o, err)) != SL_OK)
        return rc;
    r.tax_year = rules.year;
    if ((rc = sl_tax_interest_deduction(&r.tax_deduction_first_month, r.first_interest_total,
                                        &rules, err)) != SL_OK ||
        (rc = sl_tax_interest_deduction(&r.tax_deduction_first_year, r.first_year_interest,
                                        &rules, err)) != SL_OK)
        return rc;
    r.monthly_after_tax_deduction = r.first_payment_total - r.tax_deduction_first_month;
    if (o->household && (rc = capacity(&r, o, err)) != SL_OK)
        return rc;
    *out = r;
    return SL_OK;
}

/* The price is too high (0), not too high (1), or an error (< 0). Financing
 * that has more sources than the price needs counts as not too high: the
 * price can rise. */
static int affordable(sl_finance_result *r, const sl_finance_options *o, sl_money price,
                      sl_error *err)
{
    sl_finance_options p = *o;
    p.price = price;
    sl_error e;
    int rc = sl_finance_compute(r, &p, &e);
    if (rc == SL_OK)
        return r->fits;
    if (rc == SL_EINVAL && (strcmp(e.field, "start") == 0 || strcmp(e.field, "bank") == 0)) {
        memset(r, 0, sizeof *r);
        r->price = price;
        return 1; /* too cheap for these sources: not a capacity limit */
    }
    if (err)
        *err = e;
    return rc;
}

int sl_finance_max_price(sl_money *out, sl_finance_result *at_max, sl_finance_result *over,
                         const sl_finance_options *o, sl_money step, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    int rc = check_options(o, err);
    if (rc != SL_OK)
        return rc;
    if (!o->household)
        return sl__fail(err, SL_EINVAL, "household", "",
                        "the largest price needs the household's budget");
    if (!o->start || o->start->principal != 0)
        return sl__fail(err, SL_EINVAL, "start", "",
                        "the largest price needs the startlån to cover the remainder");
    if (step < 1 || step > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_EINVAL, "step", step,
                              "must be from 0.01 to 1 000 000 000 000 kr");
    sl_money cap = SL_PLAN_MAX_PRINCIPAL / 4 / step * step; /* price + costs stay in range */
    sl_finance_result r, best, worst;
    memset(&best, 0, sizeof best);
    memset(&worst, 0, sizeof worst);
    /* lo: not too high (0 counts); hi: too high. Exponential search from the
     * options' price, then bisection on multiples of step. */
    sl_money lo = 0, hi = cap + step;
    sl_money probe = o->price / step * step;
    if (probe < step)
        probe = step;
    int ok = 0;
    for (sl_money d = step;; d *= 2) {
        if (probe <= lo || probe >= hi)
            break;
        if ((rc = affordable(&r, o, probe, err)) < 0)
            return rc;
        if (rc) {
            lo = probe;
            best = r;
            ok = 1;
        } else {
            hi = probe;
            worst = r;
        }
        probe = rc ? lo + d : hi - d;
        if (probe <= lo || probe >= hi)
            break;
    }
    while (hi - lo > step) {
        sl_money mid = lo + (hi - lo) / step / 2 * step;
        if ((rc = affordable(&r, o, mid, err)) < 0)
            return rc;
        if (rc) {
            lo = mid;
            best = r;
            ok = 1;
        } else {
            hi = mid;
            worst = r;
        }
    }
    /* lo may be a price the sources over-cover: then no price both fits and
     * is consistent with them. */
    if (!ok || !best.have_capacity || !best.fits)
        lo = 0;
    *out = lo;
    if (at_max)
        *at_max = best;
    if (over)
        *over = worst;
    return SL_OK;
}
