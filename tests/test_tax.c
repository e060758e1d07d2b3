/* The income tax estimate on wage income and the interest deduction:
 * published bracket-tax figures, hand-worked estimates from the published
 * rules, the rules' limits, and invariants over random incomes. */
#include "testutil.h"

static sl_tax_rules rules(int year)
{
    sl_tax_rules t;
    sl_error err;
    ck_assert_msg(sl_tax_rules_for_year(&t, year, &err) == SL_OK, "%s", err.message);
    return t;
}

static sl_tax_estimate estimate(int year, const char *gross)
{
    sl_tax_rules t = rules(year);
    sl_tax_estimate e;
    sl_error err;
    ck_assert_msg(sl_tax_estimate_wage(&e, M(gross), &t, &err) == SL_OK, "%s", err.message);
    return e;
}

/* Trinnskatt as published, in whole kroner (tests/data/tax-published.tsv). */
START_TEST(published_bracket_tax)
{
    char path[512], line[512];
    FILE *f = fopen(data_path(path, sizeof path, "tax-published.tsv"), "r");
    ck_assert_ptr_nonnull(f);
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        int year;
        long long gross, expected;
        ck_assert_int_eq(sscanf(line, "%d %lld %lld", &year, &gross, &expected), 3);
        sl_tax_rules t = rules(year);
        sl_tax_estimate e;
        ck_assert_int_eq(sl_tax_estimate_wage(&e, gross * 100, &t, NULL), SL_OK);
        sl_money kr;
        sl_rounding krone = {SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP};
        ck_assert_int_eq(sl_money_round(&kr, NULL, e.bracket_tax, krone), SL_OK);
        ck_assert_msg(kr == expected * 100, "%d %lld: %lld øre, published %lld kr", year, gross,
                      (long long)e.bracket_tax, expected);
        n++;
    }
    fclose(f);
    ck_assert_int_ge(n, 6);
}
END_TEST

/* 780 000 kr in 2026, by hand from the published rules:
 *   minstefradrag  46 % = 358 800, capped at 95 700
 *   alminnelig     780 000 − 95 700 − 114 540 = 569 760; 22 % = 125 347.20
 *   trygdeavgift   7.6 % = 59 280.00 (25 % of 780 000 − 99 650 is more)
 *   trinnskatt     1.7 % × 92 200 = 1 567.40; 4 % × 406 750 = 16 270.00;
 *                  13.7 % × 54 950 = 7 528.15; sum 25 365.55
 *   total 209 992.75, net 570 007.25 a year, 47 500.60 a month (÷ 12 = 47 500.604…, down). */
START_TEST(hand_worked_2026)
{
    sl_tax_estimate e = estimate(2026, "780000");
    ck_assert_int_eq(e.minimum_deduction, M("95700"));
    ck_assert_int_eq(e.ordinary_income, M("569760"));
    ck_assert_int_eq(e.ordinary_tax, M("125347.20"));
    ck_assert_int_eq(e.social_security, M("59280"));
    ck_assert_int_eq(e.step_base[0], M("92200"));
    ck_assert_int_eq(e.step_base[2], M("54950"));
    ck_assert_int_eq(e.step_base[3], 0);
    ck_assert_int_eq(e.bracket_tax, M("25365.55"));
    ck_assert_int_eq(e.total_tax, M("209992.75"));
    ck_assert_int_eq(e.net_yearly, M("570007.25"));
    ck_assert_int_eq(e.net_monthly, M("47500.60"));
}
END_TEST

/* Low incomes: below the trygdeavgift floor nothing is due; just above it
 * the 25 % phase-in caps the avgift (120 000 in 2026: 25 % × 20 350 =
 * 5 087.50 < 7.6 % × 120 000 = 9 120); minstefradrag at 46 %. */
START_TEST(low_incomes)
{
    sl_tax_estimate e = estimate(2026, "99650");
    ck_assert_int_eq(e.social_security, 0);
    ck_assert_int_eq(e.total_tax, 0);
    e = estimate(2026, "120000");
    ck_assert_int_eq(e.social_security, M("5087.50"));
    ck_assert_int_eq(e.minimum_deduction, M("55200"));
    ck_assert_int_eq(e.ordinary_income, 0);
    ck_assert_int_eq(e.net_yearly, M("114912.50"));
    e = estimate(2024, "600000"); /* 2024: 7.8 %, minstefradrag up to 104 450 */
    ck_assert_int_eq(e.minimum_deduction, M("104450"));
    ck_assert_int_eq(e.social_security, M("46800"));
    ck_assert_int_eq(e.bracket_tax, M("13727.60"));
    ck_assert_int_eq(e.net_yearly, M("449866.40"));
    e = estimate(2026, "0");
    ck_assert_int_eq(e.net_monthly, 0);
}
END_TEST

START_TEST(interest_deduction)
{
    sl_tax_rules t = rules(2026);
    sl_money d;
    ck_assert_int_eq(sl_tax_interest_deduction(&d, M("10000"), &t, NULL), SL_OK);
    ck_assert_int_eq(d, M("2200"));
    ck_assert_int_eq(sl_tax_interest_deduction(&d, 3, &t, NULL), SL_OK); /* 0.66 øre -> 1 */
    ck_assert_int_eq(d, 1);
    ck_assert_int_eq(sl_tax_interest_deduction(&d, 2, &t, NULL), SL_OK); /* 0.44 -> 0 */
    ck_assert_int_eq(d, 0);
    sl_error err;
    ck_assert_int_eq(sl_tax_interest_deduction(&d, -1, &t, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "interest");
}
END_TEST

START_TEST(years_and_bad_input)
{
    int first, last;
    sl_tax_years(&first, &last);
    ck_assert_int_le(first, 2024);
    ck_assert_int_ge(last, 2026);
    sl_tax_rules t;
    sl_error err;
    ck_assert_int_eq(sl_tax_rules_for_year(&t, 2019, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "year");
    ck_assert_ptr_nonnull(strstr(err.message, "2024"));
    t = rules(2025);
    ck_assert_ptr_nonnull(t.source);
    sl_tax_estimate e;
    ck_assert_int_eq(sl_tax_estimate_wage(&e, -1, &t, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "gross");
    ck_assert_int_eq(sl_tax_estimate_wage(&e, SL_MONEY_MAX, &t, &err), SL_ERANGE);
    ck_assert_int_eq(sl_tax_estimate_wage(NULL, 0, &t, &err), SL_ENULL);
    ck_assert_int_eq(sl_tax_estimate_wage(&e, 0, NULL, &err), SL_ENULL);
    sl_tax_rules bad = t;
    bad.step_from[2] = bad.step_from[1];
    ck_assert_int_eq(sl_tax_estimate_wage(&e, 0, &bad, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "step_from");
    bad = t;
    bad.version = 99;
    ck_assert_int_eq(sl_tax_rules_check(&bad, &err), SL_EVERSION);
}
END_TEST

/* Over random incomes: the parts add up, tax never falls as income rises,
 * the net never falls either (no marginal rate reaches 100 %), the monthly
 * net is the yearly net / 12 rounded down. */
START_TEST(random_invariants)
{
    test_rng g = {test_seed("tax")};
    for (int year = 2024; year <= 2026; year++) {
        sl_tax_rules t = rules(year);
        for (int i = 0; i < 3000; i++) {
            sl_money gross = rng_range(&g, 0, 300000000);
            sl_tax_estimate a, b;
            ck_assert_int_eq(sl_tax_estimate_wage(&a, gross, &t, NULL), SL_OK);
            ck_assert_int_eq(sl_tax_estimate_wage(&b, gross + rng_range(&g, 1, 1000000), &t, NULL),
                             SL_OK);
            REQUIRE(a.total_tax == a.ordinary_tax + a.social_security + a.bracket_tax, "%lld",
                    (long long)gross);
            REQUIRE(a.net_yearly + a.total_tax == gross, "%lld", (long long)gross);
            REQUIRE(a.net_monthly * 12 <= a.net_yearly && a.net_yearly - a.net_monthly * 12 < 12,
                    "%lld", (long long)gross);
            REQUIRE(b.total_tax >= a.total_tax && b.net_yearly >= a.net_yearly, "%lld",
                    (long long)gross);
            sl_money steps = 0;
            for (int k = 0; k < a.steps; k++)
                steps += a.step_base[k];
            REQUIRE(steps == (gross > t.step_from[0] ? gross - t.step_from[0] : 0), "%lld",
                    (long long)gross);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tax");
    TCase *tc = tcase_create("tax");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, published_bracket_tax);
    tcase_add_test(tc, hand_worked_2026);
    tcase_add_test(tc, low_incomes);
    tcase_add_test(tc, interest_deduction);
    tcase_add_test(tc, years_and_bad_input);
    tcase_add_test(tc, random_invariants);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
