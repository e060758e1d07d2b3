/* Debt-service capacity (betjeningsevne): hand-worked budgets, the stressed
 * payment from the plan engine, and the largest loan against the engine. */
#include "testutil.h"

/* The loan terms the options under test refer to (reset by fresh_loan). */
static sl_loan_terms loan;

static const sl_loan_terms *fresh_loan(void)
{
    sl_loan_terms_init(&loan);
    loan.terms = SL_CAPACITY_DEFAULT_TERMS;
    return &loan;
}

static sl_date D(int y, int m, int d)
{
    return (sl_date){y, m, d};
}

static sl_capacity_options options(sl_date date, const char *policy)
{
    sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.date = date;
    o.policy_rate = R(policy);
    return o;
}

/* The worked example's household (docs/capacity.md). */
static sl_household example_couple(void)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.adults = SL_ADULTS_COUPLE;
    h.children_0_5 = 1;
    h.children_11_17 = 1;
    h.income = M("45000");
    h.fixed_costs = M("2000");
    h.maintenance = M("1500");
    return h;
}

/* Couple with one child aged 0-5 and one aged 11-17, 1 March 2024 (table of
 * 1.1.2024):
 *   guideline  13 100 + 3 850 + 5 150            = 22 100.00
 *   available  45 000 − 22 100 − 2 000 − 1 500  = 19 400.00
 * Loan 2 000 000 at 4.5 % + 2.5 pp = 7 %, 30 years monthly annuity:
 *   r = 0.07/12, (1+r)^360 = 8.11649747…,
 *   A = 2 000 000 · r · 8.1165 / (8.1165 − 1) = 13 306.0499… → 13 306.05
 *   surplus 19 400 − 13 306.05 = 6 093.95: the loan fits. */
START_TEST(couple_with_two_children)
{
    sl_household h = example_couple();
    sl_capacity_options o = options(D(2024, 3, 1), "4.5");
    sl_capacity_result r;
    sl_error err;
    ck_assert_int_eq(sl_capacity_compute(&r, &h, M("2000000"), &o, &err), SL_OK);
    ck_assert_int_eq(r.budget.guideline_adults, M("13100"));
    ck_assert_int_eq(r.budget.guideline_children, M("9000"));
    ck_assert_int_eq(r.budget.guideline_living_costs, M("22100"));
    ck_assert_int_eq(r.budget.living_costs, M("22100"));
    ck_assert_int_eq(r.budget.available, M("19400"));
    ck_assert_int_eq(sl_rate_compare(r.stressed_rate, R("7")), 0);
    ck_assert_int_eq(r.stressed_payment, M("13306.05"));
    ck_assert_int_eq(r.stressed_monthly, M("13306.05"));
    ck_assert_int_eq(r.surplus, M("6093.95"));
    ck_assert_int_eq(r.fits, 1);
}
END_TEST

/* One adult with two children aged 6-10, 31 December 2023 (table of
 * 1.7.2023): guideline 7 550 + 2 · 3 800 = 15 150, actual 20 000 is higher:
 *   living costs 20 000; available 30 000 − 20 000 = 10 000;
 *   co-financing bank loan 3 000 a month → 7 000 left.
 * Loan 100 000 at 4.25 % + 2.5 pp = 6.75 %, one yearly term: interest
 *   6 750, payment 106 750 a year = 8 895.8333… a month → 8 895.84 (up);
 *   surplus 7 000 − 8 895.84 = −1 895.84: a shortfall. */
START_TEST(actual_costs_above_guideline_and_cofinancing)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.children_6_10 = 2;
    h.income = M("30000");
    h.actual_living_costs = M("20000");
    sl_capacity_options o = options(D(2023, 12, 31), "4.25");
    o.cofinancing_payment = M("3000");
    loan.terms_per_year = 1;
    loan.terms = 1;
    sl_capacity_result r;
    ck_assert_int_eq(sl_capacity_compute(&r, &h, M("100000"), &o, NULL), SL_OK);
    ck_assert_int_eq(r.budget.guideline_living_costs, M("15150"));
    ck_assert_int_eq(r.budget.living_costs, M("20000"));
    ck_assert_int_eq(r.budget.available, M("10000"));
    ck_assert_int_eq(r.cofinancing_payment, M("3000"));
    ck_assert_int_eq(r.stressed_payment, M("106750"));
    ck_assert_int_eq(r.stressed_monthly, M("8895.84"));
    ck_assert_int_eq(r.surplus, M("-1895.84"));
    ck_assert_int_eq(r.fits, 0);
}
END_TEST

/* An adult sharing a home, 2024: guideline 6 600;
 *   available 30 000 − 6 600 − 5 000 − 2 350 = 16 050.
 * Serial loan over 10 years, monthly, term fee 50, at 3.5 + 2.5 = 6 %:
 *   1 200 000: interest 6 000 + instalment 10 000 + fee 50 = 16 050: fits
 *   exactly (surplus 0), so the largest loan in steps of 1 000 is 1 200 000;
 *   1 201 000: interest 6 005 + instalment 10 008.33 + 50 = 16 063.33,
 *   13.33 short. */
START_TEST(serial_largest_loan_exactly)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.adults = SL_ADULTS_SHARING;
    h.income = M("30000");
    h.fixed_costs = M("5000");
    h.maintenance = M("2350");
    sl_capacity_options o = options(D(2024, 1, 1), "3.5");
    loan.type = SL_LOAN_SERIAL;
    loan.terms = 120;
    loan.term_fee = M("50");
    sl_money max;
    sl_capacity_result at, over;
    ck_assert_int_eq(sl_capacity_max_loan(&max, &at, &over, &h, &o, NULL), SL_OK);
    ck_assert_int_eq(at.budget.available, M("16050"));
    ck_assert_int_eq(max, M("1200000"));
    ck_assert_int_eq(at.loan, max);
    ck_assert_int_eq(at.stressed_payment, M("16050"));
    ck_assert_int_eq(at.surplus, 0);
    ck_assert_int_eq(at.fits, 1);
    ck_assert_int_eq(over.loan, M("1201000"));
    ck_assert_int_eq(over.stressed_payment, M("16063.33"));
    ck_assert_int_eq(over.surplus, M("-13.33"));
    ck_assert_int_eq(over.fits, 0);
}
END_TEST

/* 0 % policy rate and no add-on, one adult, 2024: available 20 000 − 7 850
 * = 12 150. A 30-year annuity at 0 % pays P / 360: the largest P is
 * 12 150 · 360 = 4 374 000; 4 375 000 / 360 = 12 152.777… → 12 152.78. */
START_TEST(zero_rate_annuity)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.income = M("20000");
    sl_capacity_options o = options(D(2024, 6, 1), "0");
    o.stress_add = R("0");
    sl_money max;
    sl_capacity_result at, over;
    ck_assert_int_eq(sl_capacity_max_loan(&max, &at, &over, &h, &o, NULL), SL_OK);
    ck_assert_int_eq(max, M("4374000"));
    ck_assert_int_eq(at.stressed_payment, M("12150"));
    ck_assert_int_eq(at.surplus, 0);
    ck_assert_int_eq(over.stressed_payment, M("12152.78"));
    ck_assert_int_eq(over.surplus, M("-2.78"));
}
END_TEST

/* Income below living costs: no loan fits; the shortfall is the budget's. */
START_TEST(nothing_fits)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.adults = SL_ADULTS_COUPLE;
    h.income = M("12000");
    sl_capacity_options o = options(D(2024, 1, 1), "4.5");
    sl_money max = -1;
    sl_capacity_result at, over;
    ck_assert_int_eq(sl_capacity_max_loan(&max, &at, &over, &h, &o, NULL), SL_OK);
    ck_assert_int_eq(max, 0);
    ck_assert_int_eq(at.loan, 0);
    ck_assert_int_eq(at.stressed_payment, 0);
    ck_assert_int_eq(at.surplus, M("-1100")); /* 12 000 − 13 100 */
    ck_assert_int_eq(at.fits, 0);
    ck_assert_int_eq(over.loan, M("1000"));
    ck_assert_int_eq(over.fits, 0);
}
END_TEST

/* At 0 % every loan up to the engine's largest principal fits a large
 * enough income: the answer is that principal, 1 000 000 000 000 kr (a
 * multiple of the step), paid as P / 348 + 30 from term 13 on (12
 * interest-only terms). Nothing lies beyond it, so one_step_more repeats
 * the answer. */
START_TEST(largest_loan_at_the_cap)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.income = SL_PLAN_MAX_PRINCIPAL;
    sl_capacity_options o = options(D(2024, 1, 1), "0");
    o.stress_add = R("0");
    loan.interest_only_terms = 12;
    loan.term_fee = M("30");
    sl_money max;
    sl_capacity_result at, over;
    ck_assert_int_eq(sl_capacity_max_loan(&max, &at, &over, &h, &o, NULL), SL_OK);
    ck_assert_int_eq(max, SL_PLAN_MAX_PRINCIPAL);
    /* 10^12 / 348 = 2 873 563 218.39… → .39 (half up), + 30 */
    ck_assert_int_eq(at.stressed_payment, M("2873563248.39"));
    ck_assert_int_eq(over.loan, max);
}
END_TEST

/* Interest-only terms never make a larger loan fit (issue 19). The couple
 * of couple_with_two_children has 19 400 available; at 7 % with 24
 * interest-only terms the first payment of 3 325 000 is interest only,
 * 19 395.83, which used to "fit". From term 25 the plan pays the annuity
 * over the 336 amortising terms, 22 596.99, 3 196.99 over budget. The
 * largest loan is the one whose annuity over 336 terms fits, below the
 * 2 915 000 of the plan without interest-only terms. */
START_TEST(interest_only_never_fits_a_larger_loan)
{
    sl_household h = example_couple();
    sl_capacity_options o = options(D(2024, 3, 1), "4.5");
    loan.interest_only_terms = 24;
    sl_capacity_result r;
    ck_assert_int_eq(sl_capacity_compute(&r, &h, M("3325000"), &o, NULL), SL_OK);
    ck_assert_int_eq(r.stressed_payment, M("22596.99"));
    ck_assert_int_eq(r.surplus, M("-3196.99"));
    ck_assert_int_eq(r.fits, 0);

    sl_money with_io, without_io;
    sl_capacity_result at, over;
    ck_assert_int_eq(sl_capacity_max_loan(&with_io, &at, &over, &h, &o, NULL), SL_OK);
    loan.interest_only_terms = 0;
    ck_assert_int_eq(sl_capacity_max_loan(&without_io, NULL, NULL, &h, &o, NULL), SL_OK);
    ck_assert_int_eq(without_io, M("2915000"));
    ck_assert_int_lt(with_io, without_io);
    ck_assert_int_eq(at.fits, 1);
    ck_assert_int_eq(over.fits, 0);
}
END_TEST

/* The guideline rates leave housing, strøm/oppvarming, home and contents
 * insurance and furniture out (Rundskriv A-3/2023), while actual living
 * costs include them: the floor is the guideline rate plus those items.
 * The example couple (guideline 22 100) with strøm 2 000, insurance 450 and
 * furniture 500: floor 25 050. Actual living costs of 24 000 are below it,
 * so 25 050 is used (comparing with the guideline alone took 24 000). */
START_TEST(floor_adds_what_the_guideline_leaves_out)
{
    sl_household h = example_couple();
    h.actual_living_costs = M("24000");
    h.energy = M("2000");
    h.insurance = M("450");
    h.furniture = M("500");
    sl_capacity_budget b;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.guideline_living_costs, M("22100"));
    ck_assert_int_eq(b.living_costs_floor, M("25050"));
    ck_assert_int_eq(b.living_costs, M("25050"));
    /* 45 000 − 25 050 − 1 500 (maintenance) − 2 000 (fixed) */
    ck_assert_int_eq(b.available, M("16450"));
    h.actual_living_costs = M("26000");
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.living_costs, M("26000"));
}
END_TEST

/* Every named housing and other cost is its own line and is subtracted
 * once: 45 000 − 22 100 − (3 000 + 800 + 1 500) − (1 200 + 2 500 + 900 + 2 000)
 * = 11 000. */
START_TEST(named_costs_each_subtracted_once)
{
    sl_household h = example_couple();
    h.common_costs = M("3000");
    h.municipal_fees = M("800");
    h.other_debt_payments = M("1200");
    h.childcare = M("2500");
    h.transport = M("900");
    sl_capacity_budget b;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.housing_costs, M("5300"));
    ck_assert_int_eq(b.other_costs, M("6600"));
    ck_assert_int_eq(b.income, M("45000"));
    ck_assert_int_eq(b.available, M("11000"));
    /* A credit-card limit of 20 000.10 counts as 3 % a month, rounded up:
     * 600.003 → 600.01. */
    h.credit_limits = M("20000.10");
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.credit_limit_payment, M("600.01"));
    ck_assert_int_eq(b.available, M("10399.99"));
}
END_TEST

/* The living-costs basis: the guideline basis ignores actual costs, the
 * actual basis needs them, SIFO is not shipped and says so. */
START_TEST(living_costs_basis)
{
    sl_household h = example_couple();
    h.actual_living_costs = M("30000");
    sl_capacity_budget b;
    sl_error err;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.living_costs, M("30000"));
    h.living_costs_basis = SL_LIVING_COSTS_GUIDELINE;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.living_costs, M("22100"));
    h.living_costs_basis = SL_LIVING_COSTS_SIFO;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "living_costs_basis");
    h.living_costs_basis = SL_LIVING_COSTS_ACTUAL;
    h.actual_living_costs = 0;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "living_costs_basis");
}
END_TEST

/* A version-1 household (before the named costs) is read only as far as
 * its own fields: what follows in memory is not looked at. */
START_TEST(version_one_household)
{
    struct {
        sl_household h;
    } big;
    memset(&big, 0x7f, sizeof big); /* garbage past the version-1 fields */
    sl_household v1 = example_couple();
    memcpy(&big.h, &v1, offsetof(sl_household, energy));
    big.h.version = 1;
    sl_capacity_budget b;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &big.h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.available, M("19400"));
}
END_TEST

/* Income items: the single figure plus each item still paid on the date;
 * rental income counts 10 months of 12, rounded down (7 000 → 5 833.33). */
START_TEST(income_items_counted)
{
    sl_income_item items[] = {
        {SL_INCOME_WAGES, M("30000"), SL_DATE_NONE},
        {SL_INCOME_TRANSITIONAL_BENEFIT, M("8000"), {2027, 8, 1}},
        {SL_INCOME_RENTAL, M("7000"), SL_DATE_NONE},
    };
    sl_household h = example_couple();
    h.income = M("1000");
    h.income_items = items;
    h.income_item_count = 3;
    sl_capacity_budget b;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), NULL), SL_OK);
    ck_assert_int_eq(b.income, M("44833.33"));
    ck_assert_int_eq(sl_income_item_counted(&items[2]), M("5833.33"));
    /* An item that has ended by the date is an error naming it. */
    sl_error err;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2027, 8, 1), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "income_items[1].until");
    items[0].kind = (sl_income_kind)99;
    ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, D(2024, 3, 1), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "income_items[0].kind");
    sl_income_kind k;
    ck_assert_int_eq(sl_income_kind_parse(&k, "Overgangsstønad", NULL), SL_OK);
    ck_assert_int_eq(k, SL_INCOME_TRANSITIONAL_BENEFIT);
    ck_assert_int_eq(sl_income_kind_parse(&k, "aap", NULL), SL_OK);
    ck_assert_int_eq(k, SL_INCOME_WORK_ASSESSMENT);
    ck_assert_int_eq(sl_income_kind_parse(&k, "lottery", &err), SL_ESYNTAX);
    ck_assert_str_eq(err.field, "kind");
}
END_TEST

/* The grant need: price + costs − own funds − bank loan − largest start
 * loan, never below 0. 3 000 000 + 75 545 − 100 000 − 0 − 2 854 000
 * = 121 545; with a bank loan of 200 000 nothing is needed. */
START_TEST(grant_need_never_below_zero)
{
    sl_money need;
    sl_error err;
    ck_assert_int_eq(sl_capacity_grant_need(&need, M("3000000"), M("75545"), M("100000"), 0,
                                            M("2854000"), NULL),
                     SL_OK);
    ck_assert_int_eq(need, M("121545"));
    ck_assert_int_eq(sl_capacity_grant_need(&need, M("3000000"), M("75545"), M("100000"),
                                            M("200000"), M("2854000"), NULL),
                     SL_OK);
    ck_assert_int_eq(need, 0);
    ck_assert_int_eq(sl_capacity_grant_need(&need, M("3000000"), 0, -1, 0, 0, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "own_funds");
}
END_TEST

/* Renting against owning, per month. The example loan at 7 %: payment
 * 13 306.05, first interest 2 000 000 · 0.07 / 12 = 11 666.67; deduction
 * 22 % = 2 566.6674 → 2 566.67; with 3 000 of other costs the owner pays
 * 13 306.05 − 2 566.67 + 3 000 = 13 739.38. Rent 12 000 less 1 500 of
 * bostøtte = 10 500: 3 239.38 more a month. */
START_TEST(rent_comparison)
{
    sl_capacity_options o = options(D(2024, 3, 1), "4.5");
    sl_money payment, interest;
    ck_assert_int_eq(sl_capacity_payment_at(&payment, &interest, M("2000000"), R("7"), &o, NULL),
                     SL_OK);
    ck_assert_int_eq(payment, M("13306.05"));
    ck_assert_int_eq(interest, M("11666.67"));
    sl_rent_comparison c;
    ck_assert_int_eq(sl_capacity_rent_comparison(&c, M("12000"), M("1500"), payment, interest,
                                                 M("3000"), 0, NULL),
                     SL_OK);
    ck_assert_int_eq(c.deduction, M("2566.67"));
    ck_assert_int_eq(c.owner_net, M("13739.38"));
    ck_assert_int_eq(c.net_rent, M("10500"));
    ck_assert_int_eq(c.change, M("3239.38"));
    sl_error err;
    ck_assert_int_eq(sl_capacity_rent_comparison(&c, M("12000"), 0, M("100"), M("101"), 0, 0,
                                                 &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "interest");
}
END_TEST

/* The budget again when incomes end: one line per distinct date, in order,
 * each without every income ended by then. */
START_TEST(income_ends_in_order)
{
    sl_income_item items[] = {
        {SL_INCOME_TRANSITIONAL_BENEFIT, M("8000"), {2027, 8, 1}},
        {SL_INCOME_WAGES, M("30000"), SL_DATE_NONE},
        {SL_INCOME_WORK_ASSESSMENT, M("2000"), {2025, 1, 1}},
        {SL_INCOME_CASH_FOR_CARE, M("1000"), {2027, 8, 1}},
    };
    sl_household h = example_couple();
    h.income = 0;
    h.income_items = items;
    h.income_item_count = 4;
    sl_capacity_options o = options(D(2024, 3, 1), "4.5");
    sl_capacity_income_end ends[4];
    size_t n = 99;
    ck_assert_int_eq(sl_capacity_income_ends(ends, &n, &h, M("2000000"), &o, NULL), SL_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(ends[0].date.year, 2025);
    ck_assert_int_eq(ends[0].income, M("39000"));
    ck_assert_int_eq(ends[1].date.year, 2027);
    ck_assert_int_eq(ends[1].income, M("30000"));
    /* 30 000 − 22 100 − 2 000 − 1 500 = 4 400 against 13 306.05 */
    ck_assert_int_eq(ends[1].result.surplus, M("-8906.05"));
    ck_assert_int_eq(ends[1].result.fits, 0);
    h.income_item_count = 2; /* only the first two: one end */
    ck_assert_int_eq(sl_capacity_income_ends(ends, &n, &h, M("2000000"), &o, NULL), SL_OK);
    ck_assert_int_eq(n, 1);
}
END_TEST

/* A caller's own guideline table is used when given. */
START_TEST(own_guideline_table)
{
    sl_guideline_table *t = NULL;
    ck_assert_int_eq(sl_guideline_table_parse(&t, "2025-01-01 9000 15000 7000 4000 4100 5400\n",
                                              NULL),
                     SL_OK);
    sl_household h = SL_HOUSEHOLD_INIT;
    h.children_11_17 = 1;
    h.income = M("40000");
    sl_capacity_options o = options(D(2025, 2, 1), "4");
    o.guidelines = t;
    sl_capacity_result r;
    ck_assert_int_eq(sl_capacity_compute(&r, &h, 0, &o, NULL), SL_OK);
    ck_assert_int_eq(r.budget.living_costs, M("14400"));
    ck_assert_int_eq(r.budget.available, M("25600"));
    ck_assert_int_eq(r.surplus, M("25600"));
    o.date = D(2024, 12, 31);
    sl_error err;
    ck_assert_int_eq(sl_capacity_compute(&r, &h, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "date");
    sl_guideline_table_free(t);
}
END_TEST

static void expect_field(int rc, const sl_error *err, const char *field)
{
    ck_assert_int_lt(rc, 0);
    ck_assert_str_eq(err->field, field);
}

/* Bad household data and options are rejected naming the field. */
START_TEST(bad_input_names_the_field)
{
    sl_household good = SL_HOUSEHOLD_INIT;
    good.income = M("30000");
    sl_capacity_options o = options(D(2024, 1, 1), "4.5");
    sl_capacity_result r;
    sl_error err;
    sl_household h = good;
    h.adults = (sl_adults)0;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "adults");
    h = good;
    h.children_0_5 = -1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "children_0_5");
    h = good;
    h.children_11_17 = SL_CAPACITY_MAX_CHILDREN + 1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "children_11_17");
    h = good;
    h.income = -1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "income");
    h = good;
    h.fixed_costs = -100;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "fixed_costs");
    h = good;
    h.maintenance = SL_PLAN_MAX_PRINCIPAL + 1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "maintenance");
    h = good;
    h.actual_living_costs = -1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "actual_living_costs");
    h = good;
    h.energy = -1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "energy");
    h = good;
    h.transport = SL_PLAN_MAX_PRINCIPAL + 1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "transport");
    h = good;
    h.income_item_count = 1;
    expect_field(sl_capacity_compute(&r, &h, 0, &o, &err), &err, "income_items");

    sl_capacity_options bad = o;
    bad.date = (sl_date)SL_DATE_NONE;
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "date");
    bad = o;
    bad.date = D(2017, 12, 31); /* before the first shipped table */
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "date");
    ck_assert_ptr_nonnull(strstr(err.message, "2017-12-31"));
    bad = o;
    bad.policy_rate = R("-0.5");
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "policy_rate");
    bad = o;
    bad.policy_rate = R("99");
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "stress_add");
    bad = o;
    bad.step = 0;
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "step");
    bad = o;
    bad.cofinancing_payment = -1;
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "cofinancing_payment");
    bad = o;
    static sl_loan_terms bad_loan;
    bad_loan = *o.loan;
    bad_loan.terms = 0;
    bad.loan = &bad_loan;
    expect_field(sl_capacity_compute(&r, &good, 0, &bad, &err), &err, "terms");
    expect_field(sl_capacity_compute(&r, &good, -1, &o, &err), &err, "loan");
    bad = o;
    bad.version = 99;
    ck_assert_int_eq(sl_capacity_compute(&r, &good, 0, &bad, &err), SL_EVERSION);
}
END_TEST

/* ---- the largest loan against the engine, over random households ---- */

/* The payment of the first amortising term of the plan for principal at
 * rate, straight from the engine (the oracle). */
static sl_money engine_first_payment(const sl_loan_terms *base, sl_rate rate, sl_money principal)
{
    sl_loan_terms t = *base;
    t.principal = principal;
    t.nominal_rate = rate;
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_plan_row row;
    for (int i = 0; i <= t.interest_only_terms; i++)
        ck_assert_int_eq(sl_plan_next(plan, &row), 1);
    ck_assert_int_eq(row.term, t.interest_only_terms + 1);
    ck_assert(!(row.events & SL_EVENT_INTEREST_ONLY));
    sl_plan_free(plan);
    return row.payment;
}

/* The loan fits when payment per term × terms per year <= 12 × left. */
static int oracle_fits(sl_money payment, int k, sl_money left)
{
    return payment * k <= left * 12; /* both far below 2^63 here */
}

static sl_rate random_percent(test_rng *g, int64_t max_thousandths)
{
    sl_rate r;
    ck_assert_int_eq(sl_rate_from_fraction(&r, rng_range(g, 0, max_thousandths), 100000), SL_OK);
    return r;
}

START_TEST(largest_loan_against_the_engine)
{
    test_rng g = {test_seed("capacity largest loan")};
    static const int ks[] = {12, 4, 2, 1};
    static const sl_money steps[] = {1, 100, 10000, 100000, 100000, 100000, 1000000};
    sl_guideline_table *table = NULL;
    ck_assert_int_eq(sl_guideline_table_default(&table, NULL), SL_OK);
    int fitted = 0, at_cap = 0;
    for (int i = 0; i < 3000; i++) {
        sl_household h = SL_HOUSEHOLD_INIT;
        h.adults = (sl_adults)rng_range(&g, 1, 3);
        h.children_0_5 = (int)rng_range(&g, 0, 2);
        h.children_6_10 = (int)rng_range(&g, 0, 2);
        h.children_11_17 = (int)rng_range(&g, 0, 2);
        h.income = rng_range(&g, 0, 15000000);
        h.fixed_costs = rng_range(&g, 0, 1) ? rng_range(&g, 0, 2000000) : 0;
        h.maintenance = rng_range(&g, 0, 500000);
        h.actual_living_costs = rng_range(&g, 0, 1) ? rng_range(&g, 0, 4000000) : 0;
        sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
        o.loan = fresh_loan();
        o.guidelines = rng_range(&g, 0, 1) ? table : NULL;
        o.date = D((int)rng_range(&g, 2023, 2027), (int)rng_range(&g, 1, 12),
                   (int)rng_range(&g, 1, 28));
        if (o.date.year == 2023 && o.date.month < 7)
            o.date.month = 7;
        o.policy_rate = random_percent(&g, 9000);
        if (rng_range(&g, 0, 3) == 0)
            o.stress_add = random_percent(&g, 4000);
        o.cofinancing_payment = rng_range(&g, 0, 2) ? 0 : rng_range(&g, 0, 1000000);
        o.step = steps[rng_range(&g, 0, 6)];
        sl_loan_terms *t = &loan;
        t->terms_per_year = ks[rng_range(&g, 0, 3)];
        t->terms = (int)rng_range(&g, 1, 50 * t->terms_per_year);
        t->type = rng_range(&g, 0, 3) == 0 ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
        t->interest_only_terms =
            rng_range(&g, 0, 5) == 0 ? (int)rng_range(&g, 0, t->terms - 1) : 0;
        t->term_fee = rng_range(&g, 0, 1) ? rng_range(&g, 0, 10000) : 0;
        t->payment_rounding.unit = rng_range(&g, 0, 1) ? SL_ROUND_UNIT_ORE : SL_ROUND_UNIT_KRONE;
        t->payment_rounding.mode = (sl_round_mode)rng_range(&g, 0, 3);

        sl_money max = -1;
        sl_capacity_result at, over;
        sl_error err;
        int rc = sl_capacity_max_loan(&max, &at, &over, &h, &o, &err);
        ck_assert_msg(rc == SL_OK, "case %d: %s", i, err.message);

        sl_capacity_budget b;
        ck_assert_int_eq(sl_capacity_budget_compute(&b, &h, NULL, o.date, NULL), SL_OK);
        sl_money left = b.available - o.cofinancing_payment;
        sl_rate stressed;
        ck_assert_int_eq(sl_rate_add(&stressed, o.policy_rate, o.stress_add), SL_OK);

        ck_assert_int_ge(max, 0);
        ck_assert_int_eq(max % o.step, 0);
        ck_assert_int_eq(at.loan, max);
        ck_assert_int_eq(at.budget.available, b.available);
        if (max > 0) {
            fitted++;
            sl_money p = engine_first_payment(t, stressed, max);
            ck_assert_int_eq(at.stressed_payment, p);
            ck_assert_msg(oracle_fits(p, t->terms_per_year, left),
                          "case %d: the answer %lld does not fit", i, (long long)max);
            ck_assert_int_eq(at.fits, 1);
        }
        if (max + o.step > SL_PLAN_MAX_PRINCIPAL) {
            at_cap++;
            continue;
        }
        sl_money p = engine_first_payment(t, stressed, max + o.step);
        ck_assert_int_eq(over.loan, max + o.step);
        ck_assert_int_eq(over.stressed_payment, p);
        ck_assert_msg(!oracle_fits(p, t->terms_per_year, left),
                      "case %d: one step more (%lld) fits too", i, (long long)(max + o.step));
        ck_assert_int_eq(over.fits, 0);

        /* The single check agrees with the search. */
        sl_capacity_result c;
        ck_assert_int_eq(sl_capacity_compute(&c, &h, max + o.step, &o, NULL), SL_OK);
        ck_assert_int_eq(c.surplus, over.surplus);

        /* Interest-only terms never let a larger loan fit. */
        if (t->interest_only_terms > 0) {
            sl_capacity_options plain = o;
            sl_loan_terms plain_loan = *o.loan;
            plain_loan.interest_only_terms = 0;
            plain.loan = &plain_loan;
            sl_money without;
            ck_assert_int_eq(sl_capacity_max_loan(&without, NULL, NULL, &h, &plain, NULL), SL_OK);
            ck_assert_msg(max <= without, "case %d: %lld with interest-only > %lld without", i,
                          (long long)max, (long long)without);
        }
    }
    printf("largest loan: %d households with a loan, %d at the cap\n", fitted, at_cap);
    ck_assert_int_gt(fitted, 1000);
    sl_guideline_table_free(table);
}
END_TEST

static Suite *capacity_suite(void)
{
    Suite *s = suite_create("capacity");
    TCase *tc = tcase_create("budgets");
    tcase_add_test(tc, couple_with_two_children);
    tcase_add_test(tc, actual_costs_above_guideline_and_cofinancing);
    tcase_add_test(tc, own_guideline_table);
    tcase_add_test(tc, floor_adds_what_the_guideline_leaves_out);
    tcase_add_test(tc, named_costs_each_subtracted_once);
    tcase_add_test(tc, version_one_household);
    tcase_add_test(tc, living_costs_basis);
    tcase_add_test(tc, grant_need_never_below_zero);
    tcase_add_test(tc, rent_comparison);
    tcase_add_test(tc, income_ends_in_order);
    tcase_add_test(tc, income_items_counted);
    suite_add_tcase(s, tc);
    tc = tcase_create("largest loan");
    tcase_add_test(tc, serial_largest_loan_exactly);
    tcase_add_test(tc, zero_rate_annuity);
    tcase_add_test(tc, nothing_fits);
    tcase_add_test(tc, largest_loan_at_the_cap);
    tcase_add_test(tc, interest_only_never_fits_a_larger_loan);
    tcase_add_test(tc, largest_loan_against_the_engine);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, bad_input_names_the_field);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(capacity_suite());
}
