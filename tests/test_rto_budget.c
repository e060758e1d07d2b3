/* The family's budget before and after, and BSU by Skatteetaten's published
 * rules (27 500 kr a year, 300 000 kr in all, 10 % from 2023, 20 % before;
 * no deduction in the year the home is bought). */
#include "testutil.h"

#include "startlan/rto_budget.h"

START_TEST(bsu_published_rules)
{
    sl_bsu_rules r;
    sl_error err;
    ck_assert_int_eq(sl_bsu_rules_for_year(&r, 2025, &err), SL_OK);
    ck_assert_int_eq(r.yearly_max, M("27500"));
    ck_assert_int_eq(r.total_max, M("300000"));
    ck_assert_int_eq(r.deduction.num * 10, r.deduction.den); /* 10 % */
    ck_assert_int_eq(sl_bsu_rules_for_year(&r, 2022, &err), SL_OK);
    ck_assert_int_eq(r.deduction.num * 5, r.deduction.den); /* 20 % */
    ck_assert_int_eq(sl_bsu_rules_for_year(&r, 2030, &err), SL_OK);
    ck_assert_int_eq(r.published_year, 2025);
    ck_assert_int_eq(r.year, 2030);
    ck_assert_int_eq(sl_bsu_rules_for_year(&r, 2020, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "year");
    ck_assert_int_eq(sl_bsu_rules_for_year(NULL, 2025, &err), SL_ENULL);
}
END_TEST

/* 2 500 a month from January 2025 for 60 months: 27 500 a year (the 12th
 * deposit finds no room), 2 750 deducted each year; bought in January 2030,
 * a year the plan does not touch: 13 750 in all. */
START_TEST(bsu_five_years)
{
    sl_bsu_plan p;
    sl_error err;
    ck_assert_int_eq(sl_bsu_plan_compute(&p, M("2500"), 0, (sl_date){2025, 1, 1}, 60, 1, &err),
                     SL_OK);
    ck_assert_int_eq(p.years, 5);
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(p.by_year[i].year, 2025 + i);
        ck_assert_int_eq(p.by_year[i].deposits, M("27500"));
        ck_assert_int_eq(p.by_year[i].deduction, M("2750"));
    }
    ck_assert_int_eq(p.deposits, M("137500"));
    ck_assert_int_eq(p.deduction, M("13750"));
    /* 2 750 / 12 = 229.1666… → 229.17 a month. */
    ck_assert_int_eq(p.monthly_deduction, M("229.17"));
}
END_TEST

/* From July 2025 for 24 months, bought in July 2027: 2025 15 000 → 1 500;
 * 2026 27 500 → 2 750; 2027 15 000 → none (the home is owned at the year's
 * end). Near the total limit only what is left of 300 000 goes in. */
START_TEST(bsu_purchase_year_and_total)
{
    sl_bsu_plan p;
    ck_assert_int_eq(sl_bsu_plan_compute(&p, M("2500"), 0, (sl_date){2025, 7, 1}, 24, 1, NULL),
                     SL_OK);
    ck_assert_int_eq(p.years, 3);
    ck_assert_int_eq(p.by_year[0].deduction, M("1500"));
    ck_assert_int_eq(p.by_year[1].deduction, M("2750"));
    ck_assert_int_eq(p.by_year[2].deposits, M("15000"));
    ck_assert_int_eq(p.by_year[2].deduction, 0);
    ck_assert_int_eq(p.deduction, M("4250"));
    /* Without a purchase (the option lapses) 2027 is deducted too. */
    ck_assert_int_eq(sl_bsu_plan_compute(&p, M("2500"), 0, (sl_date){2025, 7, 1}, 24, 0, NULL),
                     SL_OK);
    ck_assert_int_eq(p.deduction, M("5750"));
    ck_assert_int_eq(sl_bsu_plan_compute(&p, M("2500"), M("290000"), (sl_date){2025, 1, 1}, 12,
                                         0, NULL),
                     SL_OK);
    ck_assert_int_eq(p.deposits, M("10000"));
    ck_assert_int_eq(p.deduction, M("1000"));
    /* 1 000 a month: 12 000 a year → 1 200 / 12 = 100.00 a month. */
    ck_assert_int_eq(sl_bsu_plan_compute(&p, M("1000"), 0, (sl_date){2025, 1, 1}, 12, 0, NULL),
                     SL_OK);
    ck_assert_int_eq(p.monthly_deduction, M("100"));
    sl_error err;
    ck_assert_int_eq(sl_bsu_plan_compute(&p, -1, 0, (sl_date){2025, 1, 1}, 12, 0, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "monthly");
    ck_assert_int_eq(sl_bsu_plan_compute(&p, 1, 0, (sl_date){0, 0, 0}, 12, 0, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "start");
    ck_assert_int_eq(sl_bsu_plan_compute(&p, 1, M("300000.01"), (sl_date){2025, 1, 1}, 12, 0,
                                         &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "balance");
    ck_assert_int_eq(sl_bsu_plan_compute(&p, 1, 0, (sl_date){2020, 1, 1}, 12, 0, &err),
                     SL_EINVAL);
    ck_assert_int_eq(sl_bsu_plan_compute(&p, 1, 0, (sl_date){2025, 1, 1}, 601, 0, &err),
                     SL_EINVAL);
}
END_TEST

/* Before: 12 000 + 1 000 + 2 000 − 200 − 1 500 = 13 300. After: 15 000 +
 * 2 500 − 22 % of 11 000 (2 420) = 15 080. Change +1 780. */
START_TEST(budget_worked)
{
    sl_rto_budget_options o = SL_RTO_BUDGET_OPTIONS_INIT;
    o.rent = M("12000");
    o.saving = M("1000");
    o.bsu = M("2000");
    o.bsu_deduction = M("200");
    o.rent_covers = M("3000");
    o.allowance_before = M("1500");
    o.payment = M("15000");
    o.interest = M("11000");
    o.owner_costs = M("2500");
    o.tax_year = 2025;
    sl_rto_budget b;
    sl_error err;
    ck_assert_int_eq(sl_rto_budget_compute(&b, &o, &err), SL_OK);
    ck_assert_int_eq(b.before, M("13300"));
    ck_assert_int_eq(b.interest_deduction, M("2420"));
    ck_assert_int_eq(b.after, M("15080"));
    ck_assert_int_eq(b.monthly_change, M("1780"));
    ck_assert_int_eq(b.tax_year, 2025);
    o.tax_year = 2031; /* the nearest year with rules */
    ck_assert_int_eq(sl_rto_budget_compute(&b, &o, &err), SL_OK);
    ck_assert_int_ne(b.tax_year, 2031);
    o.interest = M("15000.01");
    ck_assert_int_eq(sl_rto_budget_compute(&b, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "interest");
    o.interest = 0;
    o.owner_costs = -1;
    ck_assert_int_eq(sl_rto_budget_compute(&b, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "owner_costs");
    o.owner_costs = 0;
    o.version = 2;
    ck_assert_int_eq(sl_rto_budget_compute(&b, &o, &err), SL_EVERSION);
    ck_assert_int_eq(sl_rto_budget_compute(NULL, &o, &err), SL_ENULL);
    ck_assert_int_eq(sl_rto_budget_compute(&b, NULL, &err), SL_ENULL);
    sl_rto_budget_options init;
    sl_rto_budget_options_init(&init);
    ck_assert_int_eq(init.version, SL_RTO_BUDGET_VERSION);
    sl_rto_budget_options_init(NULL);
}
END_TEST

/* Seeded random BSU plans: deposits never pass a year's limit or the total,
 * the sums are the years' sums, and the purchase year has no deduction. */
START_TEST(bsu_random)
{
    test_rng g = {test_seed("rto_budget")};
    for (int i = 0; i < 500; i++) {
        sl_money monthly = rng_range(&g, 0, 4000000);
        sl_money balance = rng_range(&g, 0, 30000000);
        sl_date start = {(int)rng_range(&g, 2021, 2040), (int)rng_range(&g, 1, 12), 1};
        int months = (int)rng_range(&g, 0, 600);
        int purchase = (int)rng_range(&g, 0, 1);
        sl_bsu_plan p;
        sl_error err;
        ck_assert_msg(sl_bsu_plan_compute(&p, monthly, balance, start, months, purchase,
                                          &err) == SL_OK,
                      "case %d: %s", i, err.message);
        sl_money deposits = 0, deduction = 0;
        for (int y = 0; y < p.years; y++) {
            ck_assert_msg(p.by_year[y].deposits <= M("27500"), "case %d", i);
            /* at most 20 %, rounded half up: 5 × deduction <= deposits + 2.5 */
            ck_assert_msg(p.by_year[y].deduction * 5 <= p.by_year[y].deposits + 2, "case %d", i);
            deposits += p.by_year[y].deposits;
            deduction += p.by_year[y].deduction;
        }
        ck_assert_msg(deposits == p.deposits && deduction == p.deduction, "case %d", i);
        ck_assert_msg(balance + deposits <= M("300000"), "case %d", i);
        int last_key = start.year * 12 + start.month - 1 + months;
        if (purchase && p.years > 0 && p.by_year[p.years - 1].year == last_key / 12)
            ck_assert_msg(p.by_year[p.years - 1].deduction == 0, "case %d", i);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rto_budget");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, bsu_published_rules);
    tcase_add_test(tc, bsu_five_years);
    tcase_add_test(tc, bsu_purchase_year_and_total);
    tcase_add_test(tc, budget_worked);
    tcase_add_test(tc, bsu_random);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
