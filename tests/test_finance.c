/* The purchase composed of a bank loan and a startlån: the family
 * worked by hand, the identities over random purchases, inconsistent
 * financing named, and the largest price against the engine. */
#include "testutil.h"

typedef struct family {
    sl_finance_options o;
    sl_loan_terms bank, start;
    sl_household h;
} family;

/* A couple with children aged 3 and 9, 47 500,60 kr net a month (780 000 kr
 * gross in 2026, tax.h), buying a 3 800 000 kr selveier flat on 2026-12-01
 * with 190 000 kr own funds (5 %), the bank lending 85 % at 5.5 % over 30
 * years, the startlån at 4.64 % + 0.25 over 30 years (30 kr term fee,
 * 600 kr establishment fee) covering the rest; policy rate 4 %. */
static void the_family(family *f)
{
    sl_finance_options_init(&f->o);
    sl_loan_terms_init(&f->bank);
    sl_loan_terms_init(&f->start);
    sl_household_init(&f->h);
    f->bank.nominal_rate = R("5.5");
    f->bank.terms = 360;
    f->start.nominal_rate = R("4.64");
    f->start.margin = R("0.25");
    f->start.terms = 360;
    f->start.term_fee = M("30");
    f->start.establishment_fee = M("600");
    f->h.adults = SL_ADULTS_COUPLE;
    f->h.children_0_5 = 1;
    f->h.children_6_10 = 1;
    f->h.income = M("47500.60");
    f->o.price = M("3800000");
    f->o.own_funds = M("190000");
    f->o.date = (sl_date){2026, 12, 1};
    f->o.bank = &f->bank;
    f->o.bank_share = R("85");
    f->o.start = &f->start;
    f->o.household = &f->h;
    f->o.policy_rate = R("4");
}

static sl_finance_result compute(const family *f)
{
    sl_finance_result r;
    sl_error err;
    ck_assert_msg(sl_finance_compute(&r, &f->o, &err) == SL_OK, "%s", err.message);
    return r;
}

/* By hand (exact fractions, each rounding half up to the øre):
 *   dokumentavgift 2.5 % × 3 800 000 = 95 000; tinglysing 3 × 545 = 1 635
 *   (transfer, bank deed, startlån deed); establishment fee 600;
 *   need 3 897 235; bank 85 % = 3 230 000; startlån 3 897 235 − 190 000
 *   − 3 230 000 = 477 235.
 *   bank annuity at 5.5 %/12 over 360: 18 339,58; startlån at 4.89 %/12:
 *   2 529,91 + 30 = 2 559,91; first interest 14 804,17 + 1 944,73 =
 *   16 748,90; 22 % = 3 684,76; after the deduction 20 899,49 − 3 684,76
 *   = 17 214,73.
 *   Stress: bank 8.5 % → 24 835,91; startlån 6.5 % → 3 046,45; available
 *   47 500,60 − 20 900 (guideline 2024: 13 100 + 3 850 + 3 950) = 26 600,60;
 *   surplus 26 600,60 − 27 882,36 = −1 281,76. */
START_TEST(the_family_by_hand)
{
    family f;
    the_family(&f);
    sl_finance_result r = compute(&f);
    ck_assert_int_eq(r.document_tax, M("95000"));
    ck_assert_int_eq(r.documents, 3);
    ck_assert_int_eq(r.registration_fees, M("1635"));
    ck_assert_int_eq(r.transaction_costs, M("96635"));
    ck_assert_int_eq(r.establishment_fees, M("600"));
    ck_assert_int_eq(r.total_need, M("3897235"));
    ck_assert_int_eq(r.bank_loan, M("3230000"));
    ck_assert_int_eq(r.start_loan, M("477235"));
    ck_assert_int_eq(r.first_payment_bank, M("18339.58"));
    ck_assert_int_eq(r.first_payment_start_loan, M("2559.91"));
    ck_assert_int_eq(r.first_payment_total, M("20899.49"));
    ck_assert_int_eq(r.first_interest_total, M("16748.90"));
    ck_assert_int_eq(r.tax_deduction_first_month, M("3684.76"));
    ck_assert_int_eq(r.monthly_after_tax_deduction, M("17214.73"));
    ck_assert_int_eq(r.tax_year, 2026);
    ck_assert(r.have_capacity);
    ck_assert_int_eq(r.available, M("26600.60"));
    ck_assert_int_eq(r.stressed_payment_bank, M("24835.91"));
    ck_assert_int_eq(r.stressed_payment_start_loan, M("3046.45"));
    ck_assert_int_eq(r.stressed_payment_total, M("27882.36"));
    ck_assert_int_eq(r.surplus, M("-1281.76"));
    ck_assert(!r.fits);
}
END_TEST

/* Dokumentavgift only for selveier; no transfer deed for aksje; the
 * tinglysingsgebyr by date. */
START_TEST(tenure_and_fees)
{
    family f;
    the_family(&f);
    f.o.tenure = SL_TENURE_BORETTSLAG;
    f.o.common_costs = M("3500");
    sl_finance_result r = compute(&f);
    ck_assert_int_eq(r.document_tax, 0);
    ck_assert_int_eq(r.documents, 3);
    ck_assert_int_eq(r.first_payment_total,
                     r.first_payment_bank + r.first_payment_start_loan + M("3500"));
    f.o.tenure = SL_TENURE_AKSJE;
    r = compute(&f);
    ck_assert_int_eq(r.documents, 2);
    sl_money fee;
    ck_assert_int_eq(sl_registration_fee_on(&fee, (sl_date){2024, 12, 31}, NULL), SL_OK);
    ck_assert_int_eq(fee, M("500"));
    ck_assert_int_eq(sl_registration_fee_on(&fee, (sl_date){2025, 1, 1}, NULL), SL_OK);
    ck_assert_int_eq(fee, M("545"));
    sl_error err;
    ck_assert_int_eq(sl_registration_fee_on(&fee, (sl_date){2023, 12, 31}, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "registration_fee");
    /* Tenure words, as every enum parser reads them: any letter case, the
     * first word back from sl_tenure_name, an unknown word SL_ESYNTAX with
     * the output untouched. */
    sl_tenure t;
    ck_assert_int_eq(sl_tenure_parse(&t, "OBOS"), SL_OK);
    ck_assert_int_eq(t, SL_TENURE_BORETTSLAG);
    ck_assert_int_eq(sl_tenure_parse(&t, "Andel"), SL_OK);
    ck_assert_int_eq(t, SL_TENURE_BORETTSLAG);
    ck_assert_int_eq(sl_tenure_parse(&t, "aksje"), SL_OK);
    ck_assert_int_eq(t, SL_TENURE_AKSJE);
    ck_assert_str_eq(sl_tenure_name(SL_TENURE_BORETTSLAG), "borettslag");
    ck_assert_ptr_null(sl_tenure_name((sl_tenure)3));
    for (int v = SL_TENURE_SELVEIER; v <= SL_TENURE_AKSJE; v++) {
        ck_assert_int_eq(sl_tenure_parse(&t, sl_tenure_name((sl_tenure)v)), SL_OK);
        ck_assert_int_eq(t, v);
    }
    t = SL_TENURE_AKSJE;
    ck_assert_int_eq(sl_tenure_parse(&t, "hytte"), SL_ESYNTAX);
    ck_assert_int_eq(sl_tenure_parse(&t, "selveier "), SL_ESYNTAX);
    ck_assert_int_eq(t, SL_TENURE_AKSJE);
}
END_TEST

/* The bank's fee financed: added to the bank loan, the startlån shrinks by
 * as much, the need is unchanged. */
START_TEST(establishment_fee_financed)
{
    family f;
    the_family(&f);
    f.bank.establishment_fee = M("2500");
    sl_finance_result a = compute(&f);
    f.o.establishment_fee_financed = 1;
    sl_finance_result b = compute(&f);
    ck_assert_int_eq(b.bank_loan, a.bank_loan + M("2500"));
    ck_assert_int_eq(b.start_loan, a.start_loan - M("2500"));
    ck_assert_int_eq(b.total_need, a.total_need);
}
END_TEST

static void expect_error(family *f, const char *field)
{
    sl_finance_result r;
    sl_error err;
    ck_assert_int_eq(sl_finance_compute(&r, &f->o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, field);
}

START_TEST(inconsistent_financing)
{
    family f;
    the_family(&f);
    f.o.own_funds = M("900000"); /* own funds + 85 % above the need */
    expect_error(&f, "start");
    the_family(&f);
    f.start.principal = M("400000"); /* fixed startlån: the sources fall short */
    expect_error(&f, "own_funds");
    the_family(&f);
    f.o.bank_share = R("101");
    expect_error(&f, "bank_share");
    the_family(&f);
    f.o.bank_share = (sl_rate){0, 0};
    f.bank.principal = M("3900000"); /* above the price */
    expect_error(&f, "bank");
    the_family(&f);
    f.o.grant = -1;
    expect_error(&f, "grant");
    the_family(&f);
    f.start.terms_per_year = 4;
    f.start.terms = 120;
    expect_error(&f, "start");
    the_family(&f);
    f.o.start = NULL; /* no startlån: own funds + bank do not cover the need */
    expect_error(&f, "own_funds");
    the_family(&f);
    /* exactly the need without a startlån (no deed, no fee): 3 800 000 + 95 000
     * + 2 × 545 − 3 230 000 = 666 090 */
    f.o.own_funds = M("666090");
    f.o.bank_share = R("85");
    sl_finance_result r = compute(&f);
    ck_assert_int_eq(r.start_loan, 0);
    ck_assert_int_eq(r.documents, 2);
    ck_assert_int_eq(r.first_payment_start_loan, 0);
}
END_TEST

/* Over random purchases: the sources are the need, each first payment is
 * the engine's first row for that loan, the totals add up, the deduction is
 * 22 % of the first interest, the surplus is the budget less the stressed
 * payments and the common costs. */
START_TEST(identities_random)
{
    test_rng g = {test_seed("finance")};
    for (int n = 0; n < 400; n++) {
        family f;
        the_family(&f);
        f.o.price = rng_range(&g, 50000000, 800000000);
        f.o.tenure = (sl_tenure)rng_range(&g, 0, 2);
        f.o.own_funds = f.o.price / 100 * rng_range(&g, 0, 15);
        f.o.bank_share = (sl_rate){rng_range(&g, 50, 85), 100};
        f.o.grant = rng_range(&g, 0, 1) * rng_range(&g, 0, 20000000);
        f.o.common_costs = rng_range(&g, 0, 600000);
        f.o.date = (sl_date){(int)rng_range(&g, 2024, 2027), (int)rng_range(&g, 1, 12), 1};
        f.bank.nominal_rate = (sl_rate){rng_range(&g, 200, 900), 10000};
        f.bank.terms = (int)rng_range(&g, 5, 30) * 12;
        f.bank.type = (sl_loan_type)rng_range(&g, 0, 1);
        f.start.nominal_rate = (sl_rate){rng_range(&g, 200, 700), 10000};
        f.start.terms = (int)rng_range(&g, 5, 30) * 12;
        f.h.income = rng_range(&g, 2000000, 15000000);
        sl_finance_result r;
        sl_error err;
        int rc = sl_finance_compute(&r, &f.o, &err);
        if (rc == SL_EINVAL && strcmp(err.field, "start") == 0)
            continue; /* own funds and grant over-cover this price */
        REQUIRE(rc == SL_OK, "case %d: %s", n, err.message);
        REQUIRE(r.own_funds + r.bank_loan + r.start_loan + r.grant == r.total_need, "case %d", n);
        REQUIRE(r.total_need == r.price + r.transaction_costs + r.establishment_fees, "case %d", n);
        REQUIRE(r.first_payment_total ==
                    r.first_payment_bank + r.first_payment_start_loan + r.common_costs,
                "case %d", n);
        sl_money d;
        sl_tax_rules rules;
        ck_assert_int_eq(sl_tax_rules_for_year(&rules, r.tax_year, NULL), SL_OK);
        ck_assert_int_eq(sl_tax_interest_deduction(&d, r.first_interest_total, &rules, NULL),
                         SL_OK);
        REQUIRE(r.monthly_after_tax_deduction == r.first_payment_total - d, "case %d", n);
        REQUIRE(r.surplus == r.available - r.common_costs - r.stressed_payment_total, "case %d",
                n);
        REQUIRE(r.fits == (r.surplus >= 0), "case %d", n);
        /* each loan's first payment is the engine's first row for that loan */
        const sl_loan_terms *loans[2] = {&f.bank, &f.start};
        sl_money amounts[2] = {r.bank_loan, r.start_loan};
        sl_money firsts[2] = {r.first_payment_bank, r.first_payment_start_loan};
        for (int i = 0; i < 2; i++) {
            if (!amounts[i])
                continue;
            sl_loan_terms t = *loans[i];
            t.principal = amounts[i];
            sl_plan *p;
            sl_plan_row row;
            ck_assert_int_eq(sl_plan_new(&p, &t, NULL), SL_OK);
            ck_assert_int_eq(sl_plan_next(p, &row), 1);
            REQUIRE(row.payment == firsts[i], "case %d loan %d", n, i);
            sl_plan_free(p);
        }
    }
}
END_TEST

/* The largest price fits and one step more does not, both by the full
 * computation; random households. */
START_TEST(max_price_against_the_engine)
{
    test_rng g = {test_seed("finance-max")};
    for (int n = 0; n < 40; n++) {
        family f;
        the_family(&f);
        f.h.income = rng_range(&g, 2500000, 12000000);
        f.o.own_funds = rng_range(&g, 0, 50000000);
        f.o.bank_share = (sl_rate){rng_range(&g, 60, 85), 100};
        f.o.common_costs = rng_range(&g, 0, 400000);
        f.bank.nominal_rate = (sl_rate){rng_range(&g, 300, 800), 10000};
        sl_money step = rng_range(&g, 1, 3) * 500000, max;
        sl_finance_result at, over;
        sl_error err;
        ck_assert_msg(sl_finance_max_price(&max, &at, &over, &f.o, step, &err) == SL_OK, "%s",
                      err.message);
        int whole_steps = max % step == 0;
        REQUIRE(whole_steps, "case %d", n);
        sl_finance_result r;
        if (max > 0) {
            f.o.price = max;
            ck_assert_int_eq(sl_finance_compute(&r, &f.o, NULL), SL_OK);
            REQUIRE(r.fits, "case %d: %lld", n, (long long)max);
            REQUIRE(at.surplus == r.surplus, "case %d", n);
        }
        f.o.price = max + step;
        int rc = sl_finance_compute(&r, &f.o, &err);
        REQUIRE((rc == SL_OK && !r.fits) || (max == 0 && rc != SL_OK), "case %d: %lld", n,
                (long long)max);
    }
    family f;
    the_family(&f);
    sl_money max;
    ck_assert_int_eq(sl_finance_max_price(&max, NULL, NULL, &f.o, SL_FINANCE_PRICE_STEP_DEFAULT,
                                          NULL), SL_OK);
    ck_assert_int_eq(max, M("3630000"));
    f.start.principal = M("100000");
    sl_error err;
    ck_assert_int_eq(sl_finance_max_price(&max, NULL, NULL, &f.o, 100, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "start");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("finance");
    TCase *tc = tcase_create("finance");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, the_family_by_hand);
    tcase_add_test(tc, tenure_and_fees);
    tcase_add_test(tc, establishment_fee_financed);
    tcase_add_test(tc, inconsistent_financing);
    tcase_add_test(tc, identities_random);
    tcase_add_test(tc, max_price_against_the_engine);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
