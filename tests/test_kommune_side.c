/* The kommune's side of leie til eie: the tilskudd til utleieboliger as
 * Husbanken publishes it, a worked deal checked by hand, the deal's identity
 * over many seeded random cases, and bad input. */
#include "testutil.h"

#include "startlan/kommune_side.h"

/* Every published row of tests/data/rental-grant-published.tsv. */
START_TEST(published_rental_grant)
{
    char path[512], line[1024];
    FILE *f = fopen(data_path(path, sizeof path, "rental-grant-published.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char kind[16], years[16];
        long per_m2, area, expected;
        ck_assert_int_eq(sscanf(line, "%15s %ld %ld %15s %ld", kind, &per_m2, &area, years,
                                &expected),
                         5);
        sl_kommune_options o = SL_KOMMUNE_OPTIONS_INIT;
        o.price = M("5000000");
        o.grant_per_m2 = per_m2 * 100;
        o.area_m2 = (int)area;
        sl_kommune_result r;
        sl_error err;
        int months = strcmp(kind, "left") == 0 ? 12 * atoi(years) : 0;
        o.rent_months = months > SL_KOMMUNE_MAX_MONTHS ? SL_KOMMUNE_MAX_MONTHS : months;
        ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_OK);
        if (strcmp(kind, "grant") == 0)
            ck_assert_msg(r.grant == expected * 100, "%s", line);
        else
            ck_assert_msg(r.grant_repaid == expected * 100, "%s: %lld", line,
                          (long long)r.grant_repaid);
        checked++;
    }
    fclose(f);
    ck_assert_int_ge(checked, 9);
}
END_TEST

/* By hand (docs/rent-to-own.md, "The kommune's side"): price 4 000 000, 40 m²
 * at 9 600 → tilskudd 384 000; loan 85 % = 3 400 000 at 0 % over 360 terms →
 * 9 444.44 a month; FDV 2 000 + kommunale avgifter 500 → cost rent
 * 11 944.44, charged as the rent for 60 months; sold back at 4 000 000. */
START_TEST(worked_deal)
{
    sl_kommune_options o = SL_KOMMUNE_OPTIONS_INIT;
    o.price = M("4000000");
    o.grant_per_m2 = M("9600");
    o.area_m2 = 40;
    o.fdv = M("2000");
    o.municipal_fees = M("500");
    o.rent_months = 60;
    o.rent_at_cost = 1;
    o.sale_price = M("4000000");
    o.start = (sl_date){2025, 1, 1};
    sl_kommune_row rows[60];
    sl_kommune_result r;
    sl_error err;
    ck_assert_int_eq(sl_kommune_compute(&r, rows, 60, &o, &err), SL_OK);
    ck_assert_int_eq(r.grant, M("384000"));
    ck_assert_int_eq(r.loan_amount, M("3400000"));
    ck_assert_int_eq(r.own_capital, M("216000"));
    ck_assert_int_eq(r.first_payment, M("9444.44"));
    ck_assert_int_eq(r.cost_rent, M("11944.44"));
    ck_assert_int_eq(r.rent_received, M("716666.40"));
    ck_assert_int_eq(r.principal_paid, M("566666.40"));
    ck_assert_int_eq(r.loan_repaid, M("2833333.60"));
    /* 5 completed years × 3.3 % = 16.5 % of 384 000 = 63 360 written down. */
    ck_assert_int_eq(r.grant_years_completed, 5);
    ck_assert_int_eq(r.grant_repaid, M("320640"));
    ck_assert_int_eq(r.kommune_result, M("630026.40"));
    ck_assert_int_eq(r.lapse_cash, M("-216000"));
    /* Every month nets 0: the cost rent covers the loan and the running costs. */
    for (int i = 0; i < 60; i++) {
        ck_assert_int_eq(rows[i].net, 0);
        ck_assert_int_eq(rows[i].cash, M("-216000"));
    }
    ck_assert_int_eq(rows[11].grant_remaining, M("384000") - M("12672"));
    ck_assert_int_eq(rows[10].grant_remaining, M("384000"));
    ck_assert_int_eq(rows[59].date.year, 2029);
    ck_assert_int_eq(rows[59].date.month, 12);

    /* A tilskudd that with the loan would pass the cost caps the loan:
     * 3 000 000, 50 m² → 480 000; 85 % = 2 550 000 → 2 520 000, no own capital. */
    o.price = M("3000000");
    o.area_m2 = 50;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_OK);
    ck_assert_int_eq(r.loan_amount, M("2520000"));
    ck_assert_int_eq(r.own_capital, 0);
}
END_TEST

/* Quarterly terms fall in months 3, 6, …; the capital cost is a third of a term. */
START_TEST(quarterly_terms)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(120);
    t.terms_per_year = 4;
    t.term_fee = M("30");
    sl_kommune_options o = SL_KOMMUNE_OPTIONS_INIT;
    o.price = M("1200000");
    o.loan_share = R("100");
    o.loan = &t;
    o.rent_months = 12;
    o.rent = M("15000");
    sl_kommune_row rows[12];
    sl_kommune_result r;
    ck_assert_int_eq(sl_kommune_compute(&r, rows, 12, &o, NULL), SL_OK);
    /* 1 200 000 / 120 = 10 000 + 30 fee a quarter → 3 343.33 a month. */
    ck_assert_int_eq(r.first_payment, M("10030"));
    ck_assert_int_eq(r.capital_cost, M("3343.33"));
    for (int i = 0; i < 12; i++)
        ck_assert_int_eq(rows[i].principal, (i + 1) % 3 == 0 ? M("10000") : 0);
    ck_assert_int_eq(r.loan_repaid, M("1160000"));
}
END_TEST

/* Over seeded random deals: the result is the cash position after the sale
 * and equals its decomposition; principal paid and the balance make the loan;
 * the rows' nets add up to the cash. */
START_TEST(random_identity)
{
    test_rng g = {test_seed("kommune_side")};
    static sl_kommune_row rows[SL_KOMMUNE_MAX_MONTHS];
    static sl_money rents[SL_KOMMUNE_MAX_MONTHS];
    for (int i = 0; i < 300; i++) {
        sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS((int)rng_range(&g, 1, 600));
        t.terms_per_year = (int[]){12, 4, 2, 1}[rng_range(&g, 0, 3)];
        if (t.terms > 50 * t.terms_per_year)
            t.terms = 50 * t.terms_per_year;
        t.nominal_rate = (sl_rate){rng_range(&g, 0, 12000), 100000};
        t.term_fee = rng_range(&g, 0, 10000);
        t.establishment_fee = rng_range(&g, 0, 100000);
        t.type = rng_range(&g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
        sl_kommune_options o = SL_KOMMUNE_OPTIONS_INIT;
        o.loan = &t;
        o.price = rng_range(&g, 100000000, 1000000000);
        o.purchase_costs = rng_range(&g, 0, 3000000);
        o.loan_share = (sl_rate){rng_range(&g, 0, 100), 100};
        o.grant_per_m2 = rng_range(&g, 0, 2000000);
        o.area_m2 = (int)rng_range(&g, 0, 120);
        o.fdv = rng_range(&g, 0, 500000);
        o.municipal_fees = rng_range(&g, 0, 100000);
        o.rent_months = (int)rng_range(&g, 0, SL_KOMMUNE_MAX_MONTHS);
        o.sale_price = rng_range(&g, 0, 2000000000);
        int kind = (int)rng_range(&g, 0, 2);
        if (kind == 0)
            o.rent_at_cost = 1;
        else if (kind == 1)
            o.rent = rng_range(&g, 0, 3000000);
        for (int m = 0; kind == 2 && m < o.rent_months; m++)
            rents[m] = rng_range(&g, 0, 3000000);
        o.rents = kind == 2 ? rents : NULL;
        if (rng_range(&g, 0, 1))
            o.start = (sl_date){2025, (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28)};
        sl_kommune_result r;
        sl_error err;
        int rc = sl_kommune_compute(&r, rows, SL_KOMMUNE_MAX_MONTHS, &o, &err);
        if (rc == SL_EINVAL && strcmp(err.field, "grant_per_m2") == 0)
            continue; /* a tilskudd above the cost */
        ck_assert_msg(rc == SL_OK, "case %d: %s", i, err.message);
        sl_money decomposed = (o.sale_price - o.price - o.purchase_costs) + r.rent_received -
                              r.interest_paid - r.fees_paid - r.running_costs +
                              (r.grant - r.grant_repaid);
        ck_assert_msg(r.kommune_result == decomposed, "case %d", i);
        ck_assert_msg(r.principal_paid + r.loan_repaid == r.loan_amount, "case %d", i);
        ck_assert_msg(r.own_capital >= 0 && r.loan_amount + r.grant <= r.purchase_total,
                      "case %d", i);
        sl_money cash = -r.own_capital - t.establishment_fee * (r.loan_amount > 0);
        for (int m = 0; m < o.rent_months; m++) {
            cash += rows[m].net;
            ck_assert_msg(rows[m].cash == cash, "case %d month %d", i, m + 1);
        }
        ck_assert_msg(r.lapse_cash == cash, "case %d", i);
        ck_assert_msg(r.kommune_result == cash + o.sale_price - r.loan_repaid - r.grant_repaid,
                      "case %d", i);
        if (o.rent_at_cost && o.rent_months > 0)
            ck_assert_int_eq(rows[0].rent, r.cost_rent);
    }
}
END_TEST

START_TEST(bad_input)
{
    sl_kommune_options o = SL_KOMMUNE_OPTIONS_INIT;
    sl_kommune_result r;
    sl_error err;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "price");
    o.price = M("1000000");
    o.loan_share = R("101");
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "loan_share");
    o.loan_share = R("85");
    o.area_m2 = -1;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "area_m2");
    o.area_m2 = 80;
    o.grant_per_m2 = M("20000"); /* 1 600 000 > 1 000 000 */
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "grant_per_m2");
    o.grant_per_m2 = SL_PLAN_MAX_PRINCIPAL;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_ERANGE);
    o.grant_per_m2 = 0;
    o.rent_months = 601;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rent_months");
    o.rent_months = 12;
    sl_kommune_row rows[11];
    ck_assert_int_eq(sl_kommune_compute(&r, rows, 11, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rows");
    o.fdv = -1;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "fdv");
    o.fdv = 0;
    o.grant_years = 0;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EINVAL);
    o.grant_years = 30;
    o.version = 99;
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, &o, &err), SL_EVERSION);
    o.version = SL_KOMMUNE_OPTIONS_VERSION;
    ck_assert_int_eq(sl_kommune_compute(NULL, NULL, 0, &o, &err), SL_ENULL);
    ck_assert_int_eq(sl_kommune_compute(&r, NULL, 0, NULL, &err), SL_ENULL);
    sl_kommune_options init;
    sl_kommune_options_init(&init);
    ck_assert_int_eq(init.max_area_m2, 80);
    ck_assert_int_eq(init.grant_years, 30);
    sl_kommune_options_init(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("kommune_side");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, published_rental_grant);
    tcase_add_test(tc, worked_deal);
    tcase_add_test(tc, quarterly_terms);
    tcase_add_test(tc, random_identity);
    tcase_add_test(tc, bad_input);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
