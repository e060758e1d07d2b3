/* Leie til eie / leie før eie: each formula with a hand-worked example, and
 * invariants of the timeline over random scenarios. */
#include "testutil.h"

/* The loan terms the options under test refer to (reset by fresh_loan). */
static sl_loan_terms loan;

static const sl_loan_terms *fresh_loan(void)
{
    sl_loan_terms_init(&loan);
    loan.terms = SL_RTO_DEFAULT_TERMS;
    return &loan;
}

static sl_date D(int y, int m, int d)
{
    return (sl_date){y, m, d};
}

/* P0 3 000 000, 36 months at rent 12 000 with cost rent 9 000 credited,
 * saving 2 000 a month at 0 %, selveier, own funds 50 000, grant 100 000:
 *   rent credit   36 × (12 000 − 9 000)          =   108 000.00
 *   savings       36 × 2 000                     =    72 000.00
 *   dokumentavgift 2.5 % × 3 000 000             =    75 000
 *   registration  2 × 545                        =     1 090.00
 *   loan = 3 000 000 − 108 000 + 76 090 − 72 000 − 50 000 − 100 000
 *                                                = 2 746 090.00
 *   0 %, 300 terms: 2 746 090 / 300 = 9 153.6333… → 9 153.63 (+ fee 50). */
static sl_rto_options veiviseren(void)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3000000");
    o.rent_months = 36;
    o.rent = M("12000");
    o.cost_rent = M("9000");
    o.credit_surplus = 1;
    o.saving = M("2000");
    o.own_funds = M("50000");
    o.grant = M("100000");
    o.start = D(2025, 1, 1);
    loan.terms = 300;
    loan.term_fee = M("50");
    return o;
}

START_TEST(fixed_price_worked)
{
    sl_rto_options o = veiviseren();
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.rent_credit, M("108000"));
    ck_assert_int_eq(r.savings, M("72000"));
    ck_assert_int_eq(r.savings_interest, 0);
    ck_assert_int_eq(r.purchase_price, M("3000000"));
    ck_assert_int_eq(r.document_tax, M("75000"));
    ck_assert_int_eq(r.registration_fees, M("1090"));
    ck_assert_int_eq(r.transaction_costs, M("76090"));
    ck_assert_int_eq(r.loan_amount, M("2746090"));
    ck_assert_int_eq(r.cash_left, 0);
    ck_assert_int_eq(r.first_payment, M("9203.63"));
    ck_assert_int_eq(r.transition_month, 37);
    ck_assert_int_eq(r.transition_date.year, 2028);
    ck_assert_int_eq(r.transition_date.month, 1);
    ck_assert_int_eq(r.findings, 0);
    ck_assert_int_eq(r.has_loan, 1);
    /* Total payable = principal + fees: 2 746 090 + 300 × 50 at 0 %. */
    ck_assert_int_eq(r.cost.total_payable, M("2761090"));
}
END_TEST

/* Saving 1 000 a month at 12 % (1 % a month), 3 months:
 *   m1: interest 0,     balance 1 000.00
 *   m2: interest 10.00, balance 2 010.00
 *   m3: interest 20.10, balance 3 030.10   (interest 30.10)
 * Saving 333.33 at 5 %, 2 months: m2 interest 333.33 × 0.05 / 12 =
 *   1.388875 → 1.39; balance 333.33 + 1.39 + 333.33 = 668.05. */
START_TEST(savings_worked)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("1000000");
    o.rent_months = 3;
    o.saving = M("1000");
    o.saving_rate = R("12");
    sl_rto_result r;
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.savings, M("3030.10"));
    ck_assert_int_eq(r.savings_interest, M("30.10"));
    o.rent_months = 2;
    o.saving = M("333.33");
    o.saving_rate = R("5");
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.savings, M("668.05"));
}
END_TEST

/* Indexed price:
 *   2 000 000 at 3 %, 30 months = 2 years 6 months:
 *     2 000 000 × 1.03² × (1 + 0.03 × 6/12) = 2 121 800 × 1.015 = 2 153 627
 *   1 234 567 at 2.5 %, 18 months:
 *     1 234 567 × 1.025 × 1.0125 = 1 281 249.0646875 → 1 281 249 (krone)
 *   3 000 000 at 3 %, 36 months: 3 000 000 × 1.092727 = 3 278 181. */
START_TEST(indexed_price_worked)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price_rule = SL_PRICE_INDEXED;
    o.price = M("2000000");
    o.index_rate = R("3");
    o.rent_months = 30;
    sl_money p = 0;
    ck_assert_int_eq(sl_rto_price_at(&p, &o, 30, NULL), SL_OK);
    ck_assert_int_eq(p, M("2153627"));
    o.price = M("1234567");
    o.index_rate = R("2.5");
    ck_assert_int_eq(sl_rto_price_at(&p, &o, 18, NULL), SL_OK);
    ck_assert_int_eq(p, M("1281249"));
    o.price = M("3000000");
    o.index_rate = R("3");
    ck_assert_int_eq(sl_rto_price_at(&p, &o, 36, NULL), SL_OK);
    ck_assert_int_eq(p, M("3278181"));
    ck_assert_int_eq(sl_rto_price_at(&p, &o, 0, NULL), SL_OK);
    ck_assert_int_eq(p, M("3000000"));
}
END_TEST

/* Appraisal (developer variant): P0 3 000 000, V 3 400 000, buyer keeps 60 %
 * of the rise: price = 3 000 000 + 0.4 × 400 000 = 3 160 000; dokumentavgift
 * on V: 2.5 % × 3 400 000 = 85 000. V below P0 (2 800 000): price 3 000 000,
 * dokumentavgift 70 000. Borettslag: no dokumentavgift. */
START_TEST(appraisal_worked)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3000000");
    o.price_rule = SL_PRICE_APPRAISAL;
    o.appraisal = M("3400000");
    o.buyer_share_of_rise = R("60");
    o.own_funds = M("10000000");
    sl_rto_result r;
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.purchase_price, M("3160000"));
    ck_assert_int_eq(r.document_tax, M("85000"));
    /* Cash left: 10 000 000 − 3 160 000 − 85 000 − 1 090 = 6 753 910. */
    ck_assert_int_eq(r.loan_amount, 0);
    ck_assert_int_eq(r.cash_left, M("6753910"));
    ck_assert_int_eq(r.has_loan, 0);
    ck_assert_int_eq(r.first_payment, 0);
    o.appraisal = M("2800000");
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.purchase_price, M("3000000"));
    ck_assert_int_eq(r.document_tax, M("70000"));
    o.property = SL_PROPERTY_BORETTSLAG;
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.document_tax, 0);
    ck_assert_int_eq(r.transaction_costs, M("1090"));
}
END_TEST

/* Dokumentavgift rounds to the krone half up: 2.5 % × 1 234 567.00 =
 * 30 864.175 → 30 864; 2.5 % × 1 234 580 = 30 864.50 → 30 865. */
START_TEST(document_tax_rounding)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("1234567");
    o.documents = 0;
    o.own_funds = M("5000000");
    sl_rto_result r;
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.document_tax, M("30864"));
    o.price = M("1234580");
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.document_tax, M("30865"));
}
END_TEST

/* Kartverket charges dokumentavgift on the market value at registration, not
 * the price (HR-2008-1588-A). Price 3 000 000, 60 months, value growth 5 %:
 * the value at the purchase is 3 000 000 × 1.05^5 = 3 828 844.6875 →
 * 3 828 845; 2.5 % of it is 95 721.125 → 95 721 (not 75 000 on the price). */
START_TEST(document_tax_on_value_at_transfer)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3000000");
    o.rent_months = 60;
    o.value_growth = R("5");
    o.documents = 0;
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax_base, M("3828845"));
    ck_assert_int_eq(r.document_tax, M("95721"));
    ck_assert_int_eq(r.loan_amount, M("3095721"));
    /* The same value closes the timeline's rent phase. */
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, NULL), SL_OK);
    sl_rto_row row;
    for (int k = 0; k < 60; k++)
        ck_assert_int_eq(sl_rto_timeline_next(tl, &row), 1);
    ck_assert_int_eq(row.market_value, r.document_tax_base);
    sl_rto_timeline_free(tl);
    /* A version-2 caller gets the value too (its struct ends before the base). */
    o.version = 2;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax, M("95721"));
    /* Where practice takes the contract price: document_tax_base PRICE. */
    o.version = SL_RTO_OPTIONS_VERSION;
    o.document_tax_base = SL_TAX_BASE_PRICE;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax_base, M("3000000"));
    ck_assert_int_eq(r.document_tax, M("75000"));
    /* The appraisal is the value when it is given. */
    o.document_tax_base = SL_TAX_BASE_VALUE;
    o.value_growth = (sl_rate){0, 0};
    o.price_rule = SL_PRICE_APPRAISAL;
    o.appraisal = M("3400000");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax, M("85000"));
    /* Borettslag: none. */
    o.property = SL_PROPERTY_BORETTSLAG;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax, 0);
    ck_assert_int_eq(r.document_tax_base, 0);
    o.document_tax_base = (sl_tax_base)7;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "document_tax_base");
}
END_TEST

/* The providers' credit rules and the dated equity requirement, from
 * tests/data/rent-to-own-published.tsv. */
START_TEST(published_credit_rules)
{
    char path[512], line[1024];
    FILE *f = fopen(data_path(path, sizeof path, "rent-to-own-published.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int checks = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char kind[32], price[32], rent[32], rule[32], start[32], credit[32], to_pay[32], req[32];
        int months = 0, y = 0, mo = 0, d = 0;
        ck_assert_int_eq(sscanf(line, "%31s %31s %31s %d %31s %31s %31s %31s %31s", kind, price,
                                rent, &months, rule, start, credit, to_pay, req),
                         9);
        ck_assert_int_eq(sscanf(start, "%d-%d-%d", &y, &mo, &d), 3);
        sl_rto_options o = SL_RTO_OPTIONS_INIT;
        o.loan = fresh_loan();
        o.price = M(price);
        o.rent = M(rent);
        o.rent_months = months;
        o.start = D(y, mo, d);
        if (strcmp(kind, "rent-share") == 0)
            o.credit_rent_share = R(rule);
        else
            o.credit_principal = M(rule);
        sl_rto_result r;
        sl_error err;
        ck_assert_msg(sl_rto_compute(&r, &o, &err) == SL_OK, "%s", err.message);
        ck_assert_int_eq(r.rent_credit, M(credit));
        ck_assert_int_eq(r.purchase_price - r.principal_credit, M(to_pay));
        ck_assert_int_eq(r.equity_required, M(req));
        /* Nothing but the credit: short of the requirement. */
        ck_assert_int_eq(r.equity_at_purchase, r.rent_credit - r.principal_credit);
        ck_assert_uint_eq(r.findings & SL_RTO_FINDING_EQUITY_SHORT, SL_RTO_FINDING_EQUITY_SHORT);
        /* Money in = money out, with the credit. */
        ck_assert_int_eq(r.purchase_price + r.transaction_costs + r.cash_left,
                         r.rent_credit + r.savings + r.loan_amount);
        checks++;
    }
    fclose(f);
    ck_assert_int_eq(checks, 3);
}
END_TEST

/* LeieEie: 12 000 × 40 % = 4 800 a month; with own funds meeting the
 * requirement the finding goes; the requirement can be set or switched off. */
START_TEST(credit_rules_and_equity)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3400000");
    o.rent = M("12000");
    o.rent_months = 60;
    o.credit_rent_share = R("40");
    o.start = D(2019, 1, 1);
    o.own_funds = M("222000"); /* 510 000 − 288 000 */
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.equity_at_purchase, M("510000"));
    ck_assert_uint_eq(r.findings, 0);
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, NULL), SL_OK);
    sl_rto_row row;
    ck_assert_int_eq(sl_rto_timeline_next(tl, &row), 1);
    ck_assert_int_eq(row.credit_balance, M("4800"));
    ck_assert_int_eq(row.equity, M("4800"));
    sl_rto_timeline_free(tl);
    o.equity_requirement = R("20"); /* 680 000 */
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.equity_required, M("680000"));
    ck_assert_uint_eq(r.findings, SL_RTO_FINDING_EQUITY_SHORT);
    o.equity_requirement = (sl_rate){0, 1};
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.equity_required, 0);
    ck_assert_uint_eq(r.findings, 0);
    /* Without dates the dated requirement is not checked. */
    o.equity_requirement = (sl_rate){0, 0};
    o.start = (sl_date)SL_DATE_NONE;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.equity_required, 0);
    /* Gjøvik: the saving is part of the one monthly sum. */
    o.credit_rent_share = (sl_rate){0, 1};
    o.saving = M("3000");
    o.saving_in_rent = 1;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.savings, M("180000"));
    ck_assert_int_eq(r.rent_paid, M("720000"));
}
END_TEST

/* Credit rules that exceed the rent, or two rules at once: refused naming the field. */
START_TEST(credit_rules_refused)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("2000000");
    o.rent = M("9400");
    o.rent_months = 36;
    sl_rto_result r;
    sl_error err;
    o.credit_principal = M("338400.01"); /* 36 × 9 400 = 338 400 */
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_principal");
    o.credit_principal = M("338400");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    o.saving = M("1");
    o.saving_in_rent = 1;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_principal");
    o.credit_principal = 0;
    o.credit_rent_share = R("100");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_rent_share");
    o.saving_in_rent = 0;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    o.credit_surplus = 1;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_rent_share");
    o.credit_rent_share = (sl_rate){0, 1};
    o.cost_rent = M("7000");
    o.saving = M("7000.01");
    o.saving_in_rent = 1;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "saving");
    o.saving = M("7000");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    o.credit_principal = M("1");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_principal");
    o.credit_principal = 0;
    o.saving = M("9400.01");
    o.credit_surplus = 0;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "saving");
    o.saving = 0;
    o.credit_on_lapse = (sl_credit_on_lapse)5;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "credit_on_lapse");
    o.credit_on_lapse = SL_LAPSE_CREDIT_LOST;
    o.equity_requirement = (sl_rate){101, 100};
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "equity_requirement");
}
END_TEST

/* Not buying: LeieEie's credit falls away ("faller det oppsparte beløpet
 * bort"), or is paid out where the model says so; the savings are the
 * household's own. */
START_TEST(option_lapses)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3400000");
    o.rent = M("12000");
    o.rent_months = 60;
    o.credit_rent_share = R("40");
    o.saving = M("1000");
    o.value_growth = R("2");
    sl_rto_lapse l;
    sl_error err;
    ck_assert_int_eq(sl_rto_lapse_compute(&l, &o, &err), SL_OK);
    ck_assert_int_eq(l.rent_paid, M("720000"));
    ck_assert_int_eq(l.credit_earned, M("288000"));
    ck_assert_int_eq(l.credit_lost, M("288000"));
    ck_assert_int_eq(l.credit_paid_out, 0);
    ck_assert_int_eq(l.savings, M("60000"));
    ck_assert_int_eq(l.household_keeps, M("60000"));
    /* 3 400 000 × 1.02^5 = 3 753 874.73088 → 3 753 875: 353 875 given up. */
    ck_assert_int_eq(l.option_value, M("353875"));
    o.credit_on_lapse = SL_LAPSE_CREDIT_PAID_OUT;
    ck_assert_int_eq(sl_rto_lapse_compute(&l, &o, &err), SL_OK);
    ck_assert_int_eq(l.credit_paid_out, M("288000"));
    ck_assert_int_eq(l.credit_lost, 0);
    ck_assert_int_eq(l.household_keeps, M("348000"));
    ck_assert_int_eq(sl_rto_lapse_compute(NULL, &o, &err), SL_ENULL);
    ck_assert_int_eq(sl_rto_lapse_compute(&l, NULL, &err), SL_ENULL);
}
END_TEST

/* Falling prices: value growth −5 % a year for 60 months: 3 000 000 ×
 * 0.95^5 = 2 321 342.8125 → 2 321 343; dokumentavgift on it 58 033.575 →
 * 58 034; the option is under water (−678 657) and adds nothing to the
 * equity. A falling index (−2 %): 3 000 000 × 0.98^5 = 2 711 762.39 →
 * 2 711 762. */
START_TEST(falling_prices)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("3000000");
    o.rent_months = 60;
    o.rent = M("12000");
    o.saving = M("2000");
    o.value_growth = R("-5");
    o.documents = 0;
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.document_tax_base, M("2321343"));
    ck_assert_int_eq(r.document_tax, M("58034"));
    ck_assert_int_eq(r.option_value, -M("678657"));
    ck_assert_int_eq(r.equity_at_purchase, M("120000"));
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, NULL), SL_OK);
    sl_rto_row row;
    for (int k = 0; k < 60; k++)
        ck_assert_int_eq(sl_rto_timeline_next(tl, &row), 1);
    ck_assert_int_eq(row.market_value, M("2321343"));
    ck_assert_int_eq(row.option_value, -M("678657"));
    ck_assert_int_eq(row.equity, M("120000"));
    sl_rto_timeline_free(tl);
    o.value_growth = (sl_rate){0, 0};
    o.price_rule = SL_PRICE_INDEXED;
    o.index_rate = R("-2");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.purchase_price, M("2711762"));
    o.index_rate = R("-100");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "index_rate");
    o.index_rate = (sl_rate){0, 1};
    o.price_rule = SL_PRICE_FIXED;
    o.value_growth = R("-100");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "value_growth");
}
END_TEST

/* The equity in the rent phase carries the option value, so it no longer
 * jumps at the purchase: the worked scenario with growth 2 %, month 36:
 * value 3 183 624, option value 183 624, credit 108 000, savings 72 000. */
START_TEST(option_value_in_rent_phase)
{
    sl_rto_options o = veiviseren();
    o.value_growth = R("2");
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, NULL), SL_OK);
    sl_rto_row row;
    for (int k = 0; k < 36; k++)
        ck_assert_int_eq(sl_rto_timeline_next(tl, &row), 1);
    ck_assert_int_eq(row.market_value, M("3183624"));
    ck_assert_int_eq(row.option_value, M("183624"));
    ck_assert_int_eq(row.credit_balance, M("108000"));
    ck_assert_int_eq(row.equity, M("363624"));
    const sl_rto_result *r = sl_rto_timeline_result(tl);
    ck_assert_int_eq(r->option_value, M("183624"));
    /* Month 37: value − loan − grant; the step is own funds − transaction costs
     * and the first month's growth and principal. */
    ck_assert_int_eq(sl_rto_timeline_next(tl, &row), 1);
    ck_assert_int_eq(row.phase, SL_RTO_PHASE_OWN);
    sl_rto_timeline_free(tl);
}
END_TEST

/* The published figures of tests/data/transaction-costs-published.tsv. */
START_TEST(published_transaction_costs)
{
    char path[512], line[512];
    FILE *f = fopen(data_path(path, sizeof path, "transaction-costs-published.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int checks = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char kind[32], property[32], value[32], want[32];
        ck_assert_int_eq(sscanf(line, "%31s %31s %31s %31s", kind, property, value, want), 4);
        sl_rto_options o = SL_RTO_OPTIONS_INIT;
        o.loan = fresh_loan();
        o.own_funds = M("100000000");
        sl_rto_result r;
        if (strcmp(kind, "dokumentavgift") == 0) {
            o.price = M(value);
            o.property = strcmp(property, "borettslag") == 0 ? SL_PROPERTY_BORETTSLAG
                                                             : SL_PROPERTY_SELVEIER;
            ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
            ck_assert_int_eq(r.document_tax, M(want));
        } else {
            o.price = M("1000000");
            o.documents = atoi(value);
            ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
            ck_assert_int_eq(r.registration_fees, M(want));
        }
        checks++;
    }
    fclose(f);
    ck_assert_int_eq(checks, 3);
}
END_TEST

/* Prop. 158 L (2024-2025) ch. 5, a bill: a leie-til-eie agreement under the
 * new right to own up to 30 % of a borettslag's or sameie's units gives a right
 * to buy within up to five years from signing. A borettslag unit over 60 months
 * is a finding; a kommune's own selveier home is capped by nothing. */
START_TEST(finding_and_errors)
{
    sl_rto_options o = veiviseren();
    sl_rto_result r;
    sl_error err;
    o.rent_months = 61;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_uint_eq(r.findings, 0);
    o.rent_months = 120;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_uint_eq(r.findings, 0);
    o.property = SL_PROPERTY_BORETTSLAG;
    o.rent_months = 61;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_uint_eq(r.findings & SL_RTO_FINDING_RENT_OVER_60_MONTHS,
                      SL_RTO_FINDING_RENT_OVER_60_MONTHS);
    o.rent_months = 60;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_uint_eq(r.findings, 0);
    o = veiviseren();
    o.price = 0;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "price");
    o = veiviseren();
    o.cost_rent = M("13000");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "cost_rent");
    o = veiviseren();
    o.version = 99;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EVERSION);
    o = veiviseren();
    loan.terms = 0;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
}
END_TEST

/* Rent-before-own: a 24-month trial at 15 000, no credit; the rent paid is
 * 360 000 and the loan after it is price + costs − own funds. */
START_TEST(rent_before_own)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.model = SL_RTO_RENT_BEFORE_OWN;
    o.price = M("2000000");
    o.rent_months = 24;
    o.rent = M("15000");
    o.own_funds = M("100000");
    o.property = SL_PROPERTY_BORETTSLAG;
    loan.terms = 240;
    sl_rto_result r;
    ck_assert_int_eq(sl_rto_compute(&r, &o, NULL), SL_OK);
    ck_assert_int_eq(r.rent_paid, M("360000"));
    ck_assert_int_eq(r.rent_credit, 0);
    /* 2 000 000 + 1 090 − 100 000 = 1 901 090; 0 %: / 240 = 7 921.208… → 7 921.21 */
    ck_assert_int_eq(r.loan_amount, M("1901090"));
    ck_assert_int_eq(r.first_payment, M("7921.21"));
    ck_assert_int_eq(r.last_rent, M("15000"));
}
END_TEST

/* Timeline of the worked scenario with growth 2 % a year: the phases meet at
 * month 37; the grant is written down 5 % after 12 own months. */
START_TEST(timeline_worked)
{
    sl_rto_options o = veiviseren();
    o.value_growth = R("2");
    /* The hand-worked loan takes dokumentavgift on the price (75 000); on the
     * value at transfer it would be 2.5 % of 3 183 624 (test
     * document_tax_on_value_at_transfer covers that rule). */
    o.document_tax_base = SL_TAX_BASE_PRICE;
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, NULL), SL_OK);
    sl_rto_row row;
    int n = 0;
    while (sl_rto_timeline_next(tl, &row) == 1) {
        n++;
        if (n == 1) {
            ck_assert_int_eq(row.phase, SL_RTO_PHASE_RENT);
            ck_assert_int_eq(row.housing_cost, M("12000"));
            ck_assert_int_eq(row.savings_balance, M("2000"));
            /* 3 000 000 × (1 + 0.02/12) = 3 005 000 */
            ck_assert_int_eq(row.market_value, M("3005000"));
        }
        if (n == 36) {
            ck_assert_int_eq(row.phase, SL_RTO_PHASE_RENT);
            ck_assert_int_eq(row.savings_balance, M("72000"));
        }
        if (n == 37) {
            ck_assert_int_eq(row.phase, SL_RTO_PHASE_OWN);
            ck_assert_int_eq(row.housing_cost, M("9203.63"));
            ck_assert_int_eq(row.loan_balance, M("2746090") - M("9153.63"));
            ck_assert_int_eq(row.grant_remaining, M("100000"));
            ck_assert_int_eq(row.date.year, 2028);
            ck_assert_int_eq(row.date.month, 2);
        }
        if (n == 36 + 12)
            ck_assert_int_eq(row.grant_remaining, M("95000"));
        if (n == 36 + 11)
            ck_assert_int_eq(row.grant_remaining, M("100000"));
    }
    ck_assert_int_eq(n, 336);
    ck_assert_int_eq(row.loan_balance, 0);
    sl_rto_timeline_free(tl);
}
END_TEST

/* Random scenarios: phases meet at M + 1; the loan ends at 0 and its
 * principal sums to the loan amount; money in = money out. */
START_TEST(random_invariants)
{
    test_rng g = {test_seed("rent_to_own")};
    for (int i = 0; i < 300; i++) {
        sl_rto_options o = SL_RTO_OPTIONS_INIT;
        o.loan = fresh_loan();
        o.model = (sl_rto_model)rng_range(&g, 0, 1);
        o.price = rng_range(&g, 50000000, 800000000);
        o.rent_months = (int)rng_range(&g, 0, 72);
        o.rent = rng_range(&g, 500000, 2500000);
        o.cost_rent = rng_range(&g, 0, o.rent);
        o.credit_surplus = (int)rng_range(&g, 0, 1);
        o.saving = rng_range(&g, 0, 500000);
        o.saving_rate = (sl_rate){rng_range(&g, 0, 600), 10000};
        o.price_rule = (sl_price_rule)rng_range(&g, 0, 2);
        /* Only the rule's own fields: one it would ignore is refused. */
        if (o.price_rule == SL_PRICE_INDEXED)
            o.index_rate = (sl_rate){rng_range(&g, 0, 800), 10000};
        if (o.price_rule == SL_PRICE_APPRAISAL) {
            o.appraisal = rng_range(&g, 40000000, 900000000);
            o.buyer_share_of_rise = (sl_rate){rng_range(&g, 0, 100), 100};
        }
        o.property = (sl_property_type)rng_range(&g, 0, 1);
        o.own_funds = rng_range(&g, 0, 50000000);
        o.grant = rng_range(&g, 0, 40000000);
        if (rng_range(&g, 0, 1))
            o.value_growth = (sl_rate){rng_range(&g, -600, 600), 10000};
        if (!o.credit_surplus && rng_range(&g, 0, 2) == 0)
            o.credit_rent_share = (sl_rate){rng_range(&g, 0, 50), 100};
        else if (!o.credit_surplus && rng_range(&g, 0, 1))
            o.credit_principal = rng_range(&g, 0, (sl_money)o.rent_months * o.rent);
        o.credit_on_lapse = (sl_credit_on_lapse)rng_range(&g, 0, 1);
        if (rng_range(&g, 0, 1))
            o.start = D(2020 + (int)rng_range(&g, 0, 10), (int)rng_range(&g, 1, 12),
                        (int)rng_range(&g, 1, 28));
        loan.terms = (int)rng_range(&g, 12, 360);
        loan.nominal_rate = (sl_rate){rng_range(&g, 0, 900), 10000};
        loan.term_fee = rng_range(&g, 0, 10000);
        loan.type = (sl_loan_type)rng_range(&g, 0, 1);

        sl_rto_result r;
        sl_error err;
        int rc = sl_rto_compute(&r, &o, &err);
        REQUIRE(rc == SL_OK, "case %d: %s", i, err.message);
        REQUIRE(r.purchase_price + r.transaction_costs + r.cash_left ==
                    r.rent_credit + r.savings + o.own_funds + o.grant + r.loan_amount,
                "case %d: money in != money out", i);
        REQUIRE(r.loan_amount >= 0 && r.cash_left >= 0 && (r.loan_amount == 0 || r.cash_left == 0),
                "case %d", i);
        sl_rto_lapse l;
        REQUIRE(sl_rto_lapse_compute(&l, &o, NULL) == SL_OK, "case %d", i);
        REQUIRE(l.credit_lost + l.credit_paid_out == r.rent_credit &&
                    l.household_keeps == r.savings + l.credit_paid_out,
                "case %d: the lapse accounts for the credit", i);

        if (r.loan_amount > 0) {
            /* The first payment is the engine's, for the loan paid out at the purchase. */
            sl_loan_terms t = *o.loan;
            t.principal = r.loan_amount;
            t.payout_date = r.transition_date;
            sl_plan *p = NULL;
            sl_plan_row first;
            REQUIRE(sl_plan_new(&p, &t, NULL) == SL_OK && sl_plan_next(p, &first) == 1,
                    "case %d", i);
            REQUIRE(first.payment == r.first_payment, "case %d: first payment", i);
            sl_plan_free(p);
        }

        sl_rto_timeline *tl = NULL;
        REQUIRE(sl_rto_timeline_new(&tl, &o, NULL) == SL_OK, "case %d", i);
        sl_rto_row row, prev = {0};
        int n = 0;
        sl_money principal = 0, last_balance = r.loan_amount;
        while ((rc = sl_rto_timeline_next(tl, &row)) == 1) {
            n++;
            REQUIRE(row.month == n, "case %d", i);
            if (n <= o.rent_months) {
                REQUIRE(row.phase == SL_RTO_PHASE_RENT && row.housing_cost == o.rent, "case %d",
                        i);
                REQUIRE(row.equity == row.savings_balance + row.credit_balance +
                                          (row.option_value > 0 ? row.option_value : 0),
                        "case %d: rent-phase equity", i);
                REQUIRE(n < o.rent_months || row.credit_balance == r.rent_credit,
                        "case %d: the credit at the purchase", i);
            } else {
                REQUIRE(row.phase == SL_RTO_PHASE_OWN, "case %d month %d", i, n);
                if (n == o.rent_months + 1) {
                    REQUIRE(row.housing_cost == r.first_payment, "case %d", i);
                    REQUIRE(o.rent_months == 0 || prev.savings_balance == r.savings,
                            "case %d: savings at the transition", i);
                }
                principal += last_balance - row.loan_balance;
                last_balance = row.loan_balance;
                REQUIRE(row.grant_remaining >= 0 && row.grant_remaining <= o.grant, "case %d", i);
                if (row.has_value)
                    REQUIRE(row.equity ==
                                row.market_value - row.loan_balance - row.grant_remaining,
                            "case %d", i);
            }
            prev = row;
        }
        REQUIRE(rc == 0, "case %d", i);
        REQUIRE(n >= o.rent_months, "case %d", i);
        REQUIRE(n == o.rent_months || r.loan_amount > 0, "case %d", i);
        REQUIRE(last_balance == 0 && principal == r.loan_amount, "case %d: loan ends at 0", i);
        REQUIRE(sl_rto_timeline_result(tl)->loan_amount == r.loan_amount, "case %d", i);
        sl_rto_timeline_free(tl);
    }
}
END_TEST

/* Defect: P0 1e12 kr indexed 25.65 % for 600 months overflowed int64 in the
 * sums after the price and printed 90 808 112 024 478 870 kr with exit 0. */
START_TEST(indexed_price_out_of_range)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.price = SL_PLAN_MAX_PRINCIPAL;
    o.rent_months = 600;
    o.price_rule = SL_PRICE_INDEXED;
    o.index_rate = R("25.65");
    o.loan = fresh_loan();
    loan.nominal_rate = R("5");
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_ERANGE);
    ck_assert_str_eq(err.field, "index_rate");
    /* The largest loan: the price at its limit plus costs is over the plan's. */
    o.price_rule = SL_PRICE_FIXED;
    o.index_rate = (sl_rate)SL_RATE_ZERO;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_ERANGE);
    ck_assert_str_eq(err.field, "price");
}
END_TEST

/* Defect: den + num and 12·den overflowed for a rate with a huge denominator. */
START_TEST(grow_with_huge_denominators)
{
    sl_money v = 0;
    ck_assert_int_eq(sl_rto_grow(&v, M("1000000"), (sl_rate){1, INT64_MAX}, 13), SL_OK);
    ck_assert_int_eq(v, M("1000000"));
    /* (1 + (2^63−2)/(2^63−1)) a year for a year: just under 2 × 1 000 000 → 2 000 000 */
    ck_assert_int_eq(sl_rto_grow(&v, M("1000000"), (sl_rate){INT64_MAX - 1, INT64_MAX}, 12),
                     SL_OK);
    ck_assert_int_eq(v, M("2000000"));
    ck_assert_int_eq(sl_rto_grow(&v, M("1000000"), (sl_rate){INT64_MAX - 1, INT64_MAX}, 17),
                     SL_OK);
    /* 2 000 000 × (1 + 5/12 × (1 − 1/(2^63−1))) → 2 833 333.33… → 2 833 333 kr */
    ck_assert_int_eq(v, M("2833333"));
    ck_assert_int_eq(sl_rto_grow(&v, SL_MONEY_MAX, (sl_rate){1, 1}, 12), SL_ERANGE);
    ck_assert_int_eq(sl_rto_grow(&v, 1, (sl_rate){1, 1}, SL_RTO_MAX_GROW_MONTHS + 1),
                     SL_EINVAL);
}
END_TEST

/* Defect: the model was never checked; a field a rule ignores was silently
 * dropped; over-limit amounts were "must be 0 or more". */
START_TEST(every_field_checked)
{
    sl_rto_options o = veiviseren();
    sl_rto_result r;
    sl_error err;
    o.model = (sl_rto_model)7;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "model");
    o = veiviseren();
    o.appraisal = M("3500000"); /* the fixed rule would ignore it */
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "appraisal");
    o.price_rule = SL_PRICE_APPRAISAL;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    o.appraisal = SL_MONEY_MAX;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_ERANGE);
    ck_assert_ptr_nonnull(strstr(err.message, "at most 1 000 000 000 000 kr"));
    o = veiviseren();
    o.index_rate = R("2"); /* fixed price: the index would be ignored */
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "index_rate");
    o = veiviseren();
    o.buyer_share_of_rise = R("50");
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "buyer_share_of_rise");
    const char *monthly[] = {"rent", "registration_fee", "saving", "cost_rent"};
    for (int i = 0; i < 4; i++) {
        o = veiviseren();
        o.credit_surplus = 0;
        sl_money *f = i == 0 ? &o.rent : i == 1 ? &o.registration_fee : i == 2 ? &o.saving
                                                                          : &o.cost_rent;
        *f = SL_MONEY_MAX;
        ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_ERANGE);
        ck_assert_str_eq(err.field, monthly[i]);
        ck_assert_msg(strstr(err.message, "from 0 to 1 000 000 000 kr") != NULL, "%s",
                      err.message);
    }
}
END_TEST

/* Defect: a loan with no effective rate failed the whole scenario. */
START_TEST(loan_without_effective_rate)
{
    sl_rto_options o = veiviseren();
    loan.establishment_fee = M("3100000"); /* above the loan: nothing is drawn */
    sl_rto_result r;
    sl_error err;
    ck_assert_int_eq(sl_rto_compute(&r, &o, &err), SL_OK);
    ck_assert_int_eq(r.has_loan, 1);
    ck_assert(r.findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE);
    ck_assert_int_eq(r.cost.total_payable, r.cost.totals.paid);
    ck_assert_int_eq(r.first_payment, M("9203.63"));
    sl_rto_timeline *tl = NULL;
    ck_assert_int_eq(sl_rto_timeline_new(&tl, &o, &err), SL_OK);
    sl_rto_timeline_free(tl);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rent_to_own");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fixed_price_worked);
    tcase_add_test(tc, savings_worked);
    tcase_add_test(tc, indexed_price_worked);
    tcase_add_test(tc, appraisal_worked);
    tcase_add_test(tc, document_tax_rounding);
    tcase_add_test(tc, document_tax_on_value_at_transfer);
    tcase_add_test(tc, published_credit_rules);
    tcase_add_test(tc, credit_rules_and_equity);
    tcase_add_test(tc, credit_rules_refused);
    tcase_add_test(tc, option_lapses);
    tcase_add_test(tc, falling_prices);
    tcase_add_test(tc, option_value_in_rent_phase);
    tcase_add_test(tc, published_transaction_costs);
    tcase_add_test(tc, finding_and_errors);
    tcase_add_test(tc, rent_before_own);
    tcase_add_test(tc, timeline_worked);
    tcase_add_test(tc, random_invariants);
    tcase_add_test(tc, indexed_price_out_of_range);
    tcase_add_test(tc, grow_with_huge_denominators);
    tcase_add_test(tc, every_field_checked);
    tcase_add_test(tc, loan_without_effective_rate);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
