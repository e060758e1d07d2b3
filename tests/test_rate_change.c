/* Rate changes as typed: absolute and relative (a leading sign), resolved
 * from the rate in force before each date; and rate shocks. */
#include "testutil.h"

static sl_rate_change_spec P(const char *text)
{
    sl_rate_change_spec s;
    sl_error err;
    int rc = sl_rate_change_parse(&s, text, NULL, &err);
    ck_assert_msg(rc == SL_OK, "'%s': %s", text, err.message);
    return s;
}

static int same_rate(sl_rate a, const char *pct)
{
    return sl_rate_compare(a, R(pct)) == 0;
}

START_TEST(parse_forms)
{
    sl_rate_change_spec s = P("2028-01-15:+3");
    ck_assert_int_eq(s.relative, 1);
    ck_assert(same_rate(s.value, "3"));
    ck_assert_int_eq(s.date.year, 2028);
    ck_assert_int_eq(s.date.day, 15);
    s = P("2029-01-01:-0,5 %");
    ck_assert_int_eq(s.relative, 1);
    ck_assert(same_rate(s.value, "-0.5"));
    s = P("2026-03-01:4.9");
    ck_assert_int_eq(s.relative, 0);
    ck_assert(same_rate(s.value, "4.9"));
    s = P("2026-03-01:0");
    ck_assert_int_eq(s.relative, 0);
    sl_rate_change_spec bad;
    sl_error err;
    ck_assert_int_eq(sl_rate_change_parse(&bad, "2026-03-01", "x", &err), SL_ESYNTAX);
    ck_assert_str_eq(err.field, "x");
    ck_assert_int_ne(sl_rate_change_parse(&bad, "2026-02-30:+1", NULL, &err), SL_OK);
    ck_assert_int_ne(sl_rate_change_parse(&bad, "2026-03-01:abc", NULL, &err), SL_OK);
    ck_assert_int_eq(sl_rate_change_parse(&bad, "2026-03-01:101", NULL, &err), SL_EINVAL);
    ck_assert_int_eq(sl_rate_change_parse(&bad, "2026-03-01:+101", NULL, &err), SL_EINVAL);
    ck_assert_int_ne(sl_rate_change_parse(&bad, ":+1", NULL, &err), SL_OK);
}
END_TEST

/* 4.64 %, then +3 from 2028-01-15 (7.64), -0.5 from 2029-01-01 (7.14),
 * 5 absolute from 2030-01-01, +0.25 from 2031-01-01 (5.25): given out of
 * order, resolved by date. */
START_TEST(relative_from_rate_in_force)
{
    sl_rate_change_spec in[5] = {P("2031-01-01:+0.25"), P("2029-01-01:-0.5"),
                                 P("2028-01-15:+3"), P("2030-01-01:5"), P("2030-01-01:+1")};
    sl_rate_change out[5];
    sl_error err;
    ck_assert_int_eq(sl_rate_changes_resolve(out, in, 5, R("4.64"), &err), SL_OK);
    ck_assert(same_rate(out[2].rate, "7.64"));
    ck_assert(same_rate(out[1].rate, "7.14"));
    ck_assert(same_rate(out[3].rate, "5"));
    ck_assert(same_rate(out[4].rate, "6")); /* same date: in the order given, after 5 */
    ck_assert(same_rate(out[0].rate, "6.25"));
    ck_assert_int_eq(out[0].date.year, 2031);
}
END_TEST

START_TEST(resolved_rate_out_of_range)
{
    sl_rate_change_spec in[2] = {P("2028-01-15:-3"), P("2029-01-01:-2")};
    sl_rate_change out[2];
    sl_error err;
    ck_assert_int_eq(sl_rate_changes_resolve(out, in, 2, R("4.64"), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rate_changes");
    ck_assert_str_eq(err.value, "2029-01-01");
    sl_rate_change_spec up = P("2028-01-15:+99");
    ck_assert_int_eq(sl_rate_changes_resolve(out, &up, 1, R("4.64"), &err), SL_EINVAL);
    ck_assert_int_eq(sl_rate_changes_resolve(out, &up, 0, R("4.64"), &err), SL_OK);
}
END_TEST

/* A plan with relative changes is, row for row, the plan with the same
 * changes written as absolute rates: random contracts. */
START_TEST(relative_equals_absolute_random)
{
    test_rng g = {test_seed("rate_change")};
    for (int n = 0; n < 300; n++) {
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        t.principal = rng_range(&g, 10000000, 500000000);
        ck_assert_int_eq(sl_rate_from_fraction(&t.nominal_rate, rng_range(&g, 100, 9000), 100000), SL_OK);
        t.terms = (int)rng_range(&g, 72, 360); /* past the last change */
        t.payout_date = (sl_date){2025, (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28)};
        t.rate_change_keeps_payment = (int)rng_range(&g, 0, 1);
        sl_rate_change_spec spec[4];
        sl_rate_change abs[4];
        sl_rate cur = t.nominal_rate;
        for (int i = 0; i < 4; i++) {
            spec[i].date = (sl_date){2025 + 1 + i, (int)rng_range(&g, 1, 12), 1};
            spec[i].relative = 1;
            ck_assert_int_eq(sl_rate_from_fraction(&spec[i].value, rng_range(&g, -50, 300), 10000), SL_OK);
            sl_rate r;
            ck_assert_int_eq(sl_rate_add(&r, cur, spec[i].value), SL_OK);
            if (r.num < 0) { /* keep the path at or above 0 */
                spec[i].value = (sl_rate){0, 1};
                r = cur;
            }
            cur = r;
            abs[i] = (sl_rate_change){spec[i].date, r};
        }
        sl_rate_change res[4];
        ck_assert_int_eq(sl_rate_changes_resolve(res, spec, 4, t.nominal_rate, NULL), SL_OK);
        sl_loan_terms a = t, b = t;
        a.rate_changes = res;
        a.rate_change_count = 4;
        b.rate_changes = abs;
        b.rate_change_count = 4;
        sl_plan *pa, *pb;
        sl_error e;
        ck_assert_msg(sl_plan_new(&pa, &a, &e) == SL_OK, "%s", e.message);
        ck_assert_int_eq(sl_plan_new(&pb, &b, NULL), SL_OK);
        sl_plan_row ra, rb;
        int ka, kb;
        do {
            ka = sl_plan_next(pa, &ra);
            kb = sl_plan_next(pb, &rb);
            REQUIRE(ka == kb, "case %d", n);
            REQUIRE(ka != 1 || rows_equal(&ra, &rb), "case %d term %d", n, ra.term);
        } while (ka == 1);
        sl_plan_free(pa);
        sl_plan_free(pb);
    }
}
END_TEST

/* A shock moves every rate: the nominal rate, each change and the fixed
 * rate, by the same points; a shocked rate outside 0..100 % is refused. */
START_TEST(shift_rates)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("1000000");
    t.nominal_rate = R("4.64");
    t.terms = 300;
    t.payout_date = (sl_date){2026, 1, 1};
    sl_rate_change ch[2] = {{{2027, 1, 1}, R("5")}, {{2028, 1, 1}, R("0.5")}};
    t.rate_changes = ch;
    t.rate_change_count = 2;
    t.fixed = (sl_fixed_period){3, R("4.1"), {2029, 1, 1}};
    sl_loan_terms s;
    sl_rate_change moved[2];
    sl_error err;
    ck_assert_int_eq(sl_loan_terms_shift_rates(&s, moved, &t, R("3"), &err), SL_OK);
    ck_assert(same_rate(s.nominal_rate, "7.64"));
    ck_assert(same_rate(s.rate_changes[0].rate, "8"));
    ck_assert(same_rate(s.rate_changes[1].rate, "3.5"));
    ck_assert(same_rate(s.fixed.rate, "7.1"));
    ck_assert(same_rate(t.rate_changes[0].rate, "5")); /* the original is untouched */
    ck_assert_int_eq(sl_loan_terms_shift_rates(&s, moved, &t, R("-1"), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rate_changes");
    /* A 3-point shock raises the first payment of 1 000 000 kr over 25 years
     * from 5 638,09 (4.64 %) to 7 481,22 (7.64 %): P·i / (1 − (1+i)^−300), i = rate / 12,
     * computed with exact fractions and rounded half up. */
    sl_loan_terms plain = SL_LOAN_TERMS_INIT;
    plain.principal = M("1000000");
    plain.nominal_rate = R("4.64");
    plain.terms = 300;
    ck_assert_int_eq(sl_loan_terms_shift_rates(&s, NULL, &plain, R("3"), &err), SL_OK);
    sl_money base, shocked;
    ck_assert_int_eq(sl_annuity_payment(&base, plain.principal, plain.nominal_rate, 12, 300,
                                        plain.payment_rounding), SL_OK);
    ck_assert_int_eq(sl_annuity_payment(&shocked, s.principal, s.nominal_rate, 12, 300,
                                        s.payment_rounding), SL_OK);
    ck_assert_int_eq(base, M("5638.09"));
    ck_assert_int_eq(shocked, M("7481.22"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rate_change");
    TCase *tc = tcase_create("rate_change");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, parse_forms);
    tcase_add_test(tc, relative_from_rate_in_force);
    tcase_add_test(tc, resolved_rate_out_of_range);
    tcase_add_test(tc, relative_equals_absolute_random);
    tcase_add_test(tc, shift_rates);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
