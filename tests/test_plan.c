/* The plan engine: the seven conventions, each on a loan small enough to work by hand. */
#include "testutil.h"

typedef struct expect_row {
    const char *interest, *principal, *payment, *closing;
} expect_row;

static sl_loan_terms loan(const char *amount, const char *rate, int terms)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M(amount);
    t.nominal_rate = R(rate);
    t.terms = terms;
    return t;
}

/* Run terms and compare every row with want; return the totals. */
static sl_plan_totals run(const sl_loan_terms *t, const expect_row *want, int rows)
{
    sl_plan *plan;
    sl_error err;
    ck_assert_msg(sl_plan_new(&plan, t, &err) == SL_OK, "%s", err.message);
    sl_plan_row r;
    int n = 0, rc;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        ck_assert_int_lt(n, rows);
        ck_assert_int_eq(r.term, n + 1);
        ck_assert_msg(r.interest == M(want[n].interest), "term %d interest %lld", r.term,
                      (long long)r.interest);
        ck_assert_msg(r.principal == M(want[n].principal), "term %d principal %lld", r.term,
                      (long long)r.principal);
        ck_assert_msg(r.payment == M(want[n].payment), "term %d payment %lld", r.term,
                      (long long)r.payment);
        ck_assert_msg(r.closing_balance == M(want[n].closing), "term %d closing %lld", r.term,
                      (long long)r.closing_balance);
        n++;
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(n, rows);
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    sl_plan_free(plan);
    return tot;
}

START_TEST(annuity_by_hand)
{
    /* 10 000 kr, 12 %, 3 monthly terms; level payment 3 400.22 (see test_annuity).
     * 1: interest 10 000 · 1 % = 100.00, principal 3 300.22, closing 6 699.78
     * 2: interest 66.9978 → 67.00, principal 3 333.22, closing 3 366.56
     * 3: interest 33.6656 → 33.67, principal = the rest 3 366.56 (convention 5),
     *    payment 3 400.23 — one øre more than the level payment. */
    sl_loan_terms t = loan("10000", "12", 3);
    static const expect_row want[] = {{"100.00", "3300.22", "3400.22", "6699.78"},
                                      {"67.00", "3333.22", "3400.22", "3366.56"},
                                      {"33.67", "3366.56", "3400.23", "0"}};
    sl_plan_totals tot = run(&t, want, 3);
    ck_assert_int_eq(tot.interest, M("200.67"));
    ck_assert_int_eq(tot.principal, M("10000"));
    ck_assert_int_eq(tot.paid, M("10200.67"));
}
END_TEST

START_TEST(serial_by_hand)
{
    /* 12 000 kr, 12 %, 4 monthly terms: instalment 3 000; interest 1 % of the
     * opening balance: 120, 90, 60, 30. */
    sl_loan_terms t = loan("12000", "12", 4);
    t.type = SL_LOAN_SERIAL;
    static const expect_row want[] = {{"120", "3000", "3120", "9000"},
                                      {"90", "3000", "3090", "6000"},
                                      {"60", "3000", "3060", "3000"},
                                      {"30", "3000", "3030", "0"}};
    sl_plan_totals tot = run(&t, want, 4);
    ck_assert_int_eq(tot.interest, M("300"));
}
END_TEST

START_TEST(interest_only_then_annuity_with_fees)
{
    /* 10 000 kr, 12 %, 5 terms, the first 2 interest-only, term fee 30, establishment 600.
     * Terms 1–2: interest 100.00 + fee 30 = 130.00. Then the 3-term annuity of 10 000
     * at 1 %: 3 400.22 as above, plus the fee. */
    sl_loan_terms t = loan("10000", "12", 5);
    t.interest_only_terms = 2;
    t.term_fee = M("30");
    t.establishment_fee = M("600");
    static const expect_row want[] = {{"100.00", "0", "130.00", "10000"},
                                      {"100.00", "0", "130.00", "10000"},
                                      {"100.00", "3300.22", "3430.22", "6699.78"},
                                      {"67.00", "3333.22", "3430.22", "3366.56"},
                                      {"33.67", "3366.56", "3430.23", "0"}};
    sl_plan_totals tot = run(&t, want, 5);
    ck_assert_int_eq(tot.term_fees, M("150"));
    ck_assert_int_eq(tot.establishment_fee, M("600"));
    ck_assert_int_eq(tot.fees, M("750"));
    ck_assert_int_eq(tot.interest, M("400.67"));
    ck_assert_int_eq(tot.paid, M("11150.67")); /* 10 000 + 400.67 + 750 */
}
END_TEST

START_TEST(zero_rate)
{
    /* 1 000 kr at 0 %, 3 terms: 333.33, 333.33 and the rest 333.34. */
    sl_loan_terms t = loan("1000", "0", 3);
    static const expect_row want[] = {{"0", "333.33", "333.33", "666.67"},
                                      {"0", "333.33", "333.33", "333.34"},
                                      {"0", "333.34", "333.34", "0"}};
    run(&t, want, 3);
}
END_TEST

START_TEST(whole_krone_payment)
{
    /* 1 000 000 kr, 5 %, 60 terms, payment rounded to whole kroner: 18 871.
     * Term 1: interest 4 166.666… → 4 166.67, principal 18 871 − 4 166.67 = 14 704.33. */
    sl_loan_terms t = loan("1000000", "5", 60);
    t.payment_rounding.unit = SL_ROUND_UNIT_KRONE;
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_plan_row r;
    ck_assert_int_eq(sl_plan_next(plan, &r), 1);
    ck_assert_int_eq(r.interest, M("4166.67"));
    ck_assert_int_eq(r.principal, M("14704.33"));
    ck_assert_int_eq(r.payment, M("18871"));
    int last_payment_differs = 0;
    while (sl_plan_next(plan, &r) == 1)
        if (r.term < 60)
            ck_assert_int_eq(r.payment, M("18871"));
        else
            last_payment_differs = r.payment != M("18871");
    ck_assert(last_payment_differs);
    ck_assert_int_eq(r.closing_balance, 0);
    sl_plan_free(plan);
}
END_TEST

START_TEST(rounding_up_can_end_the_plan_early)
{
    /* 1.00 kr over 12 terms at 0 %, payment rounded up to whole kroner: the
     * level payment is 1 kr, so the first term clears the loan (convention 5). */
    sl_loan_terms t = loan("1", "0", 12);
    t.payment_rounding.unit = SL_ROUND_UNIT_KRONE;
    t.payment_rounding.mode = SL_ROUND_UP;
    static const expect_row want[] = {{"0", "1", "1", "0"}};
    sl_plan_totals tot = run(&t, want, 1);
    ck_assert_int_eq(tot.terms, 1);
}
END_TEST

START_TEST(due_dates_follow_payout_day)
{
    sl_loan_terms t = loan("1200", "6", 4);
    ck_assert_int_eq(sl_date_parse(&t.payout_date, "2024-01-31", NULL, NULL), SL_OK);
    const char *want[] = {"2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"};
    const int days[] = {29, 31, 30, 31};
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_plan_row r;
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(sl_plan_next(plan, &r), 1);
        char buf[SL_DATE_BUFSIZE];
        sl_date_format(buf, sizeof buf, r.due_date);
        ck_assert_str_eq(buf, want[i]);
        ck_assert_int_eq(r.days, days[i]);
        /* equal periods: interest does not depend on the days (convention 1) */
        ck_assert_int_eq(r.interest, (r.opening_balance * 5 + 500) / 1000);
    }
    sl_plan_free(plan);

    t.terms_per_year = 4;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    ck_assert_int_eq(sl_plan_next(plan, &r), 1);
    ck_assert_int_eq(r.due_date.month, 4);
    ck_assert_int_eq(r.due_date.day, 30);
    sl_plan_free(plan);
}
END_TEST

START_TEST(rewind_gives_the_same_plan)
{
    sl_loan_terms t = loan("2000000", "4.64", 300);
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_plan_totals a, b;
    ck_assert_int_eq(sl_plan_finish(plan, &a), SL_OK);
    sl_plan_rewind(plan);
    ck_assert_int_eq(sl_plan_finish(plan, &b), SL_OK);
    ck_assert(totals_equal(&a, &b));
    sl_plan_totals c;
    ck_assert_int_eq(sl_plan_totals_for(&c, &t, NULL), SL_OK);
    ck_assert(totals_equal(&a, &c));
    ck_assert_int_eq(a.terms, 300);
    ck_assert_int_eq(a.principal, M("2000000"));
    sl_plan_free(plan);
}
END_TEST

/* Each invalid field is refused with its name, its value and no plan. */
START_TEST(validation_names_the_field)
{
    static const struct {
        const char *field;
        int code;
    } cases[] = {
        {"principal", SL_EINVAL},      {"principal", SL_ERANGE},
        {"nominal_rate", SL_EINVAL},   {"nominal_rate", SL_EINVAL},
        {"terms", SL_EINVAL},          {"terms", SL_EINVAL},
        {"terms_per_year", SL_EINVAL}, {"interest_only_terms", SL_EINVAL},
        {"term_fee", SL_EINVAL},       {"establishment_fee", SL_EINVAL},
        {"payout_date", SL_EINVAL},    {"type", SL_EINVAL},
        {"version", SL_EVERSION},
    };
    for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
        sl_loan_terms t = loan("100000", "5", 120);
        switch (i) {
        case 0: t.principal = 0; break;
        case 1: t.principal = SL_PLAN_MAX_PRINCIPAL + 1; break;
        case 2: t.nominal_rate = R("-0.5"); break;
        case 3: t.nominal_rate = R("100.001"); break;
        case 4: t.terms = 0; break;
        case 5: t.terms = 601; break; /* 50 years + 1 month */
        case 6: t.terms_per_year = 6; break;
        case 7: t.interest_only_terms = 120; break;
        case 8: t.term_fee = -1; break;
        case 9: t.establishment_fee = -100; break;
        case 10: t.payout_date = (sl_date){2025, 2, 29}; break;
        case 11: t.type = (sl_loan_type)5; break;
        case 12: t.version = 99; break;
        }
        sl_plan *plan = (sl_plan *)&t; /* must be set to NULL on failure */
        sl_error err;
        ck_assert_int_eq(sl_plan_new(&plan, &t, &err), cases[i].code);
        ck_assert_ptr_null(plan);
        ck_assert_str_eq(err.field, cases[i].field);
        ck_assert_ptr_nonnull(strstr(err.message, cases[i].field));
        ck_assert(err.value[0] != '\0');
    }
}
END_TEST

START_TEST(largest_loan_runs_without_overflow)
{
    /* The maximum principal at 100 % over 50 years, interest-only for 49: every
     * total still fits, and the balance still ends at 0. */
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = SL_PLAN_MAX_PRINCIPAL;
    t.nominal_rate = R("100");
    t.terms = 600;
    t.interest_only_terms = 588;
    t.term_fee = SL_PLAN_MAX_PRINCIPAL;
    sl_plan_totals tot;
    sl_error err;
    ck_assert_msg(sl_plan_totals_for(&tot, &t, &err) == SL_OK, "%s", err.message);
    ck_assert_int_eq(tot.principal, SL_PLAN_MAX_PRINCIPAL);
    ck_assert_int_gt(tot.paid, tot.interest);
}
END_TEST

START_TEST(names_parse_back)
{
    sl_loan_type ty;
    ck_assert_int_eq(sl_loan_type_parse(&ty, "serial"), SL_OK);
    ck_assert_int_eq(ty, SL_LOAN_SERIAL);
    ck_assert_int_eq(sl_loan_type_parse(&ty, "annuitet"), SL_OK);
    ck_assert_int_eq(ty, SL_LOAN_ANNUITY);
    ck_assert_int_eq(sl_loan_type_parse(&ty, "bullet"), SL_ESYNTAX);
    ck_assert_str_eq(sl_loan_type_name(SL_LOAN_SERIAL), "serial");
    ck_assert_str_eq(sl_version(), SL_VERSION_STRING);
    ck_assert(SL_VERSION_CHECK(0, 1, 0));
    ck_assert(!SL_VERSION_CHECK(SL_VERSION_MAJOR + 1, 0, 0));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("plan");
    tcase_add_test(tc, annuity_by_hand);
    tcase_add_test(tc, serial_by_hand);
    tcase_add_test(tc, interest_only_then_annuity_with_fees);
    tcase_add_test(tc, zero_rate);
    tcase_add_test(tc, whole_krone_payment);
    tcase_add_test(tc, rounding_up_can_end_the_plan_early);
    tcase_add_test(tc, due_dates_follow_payout_day);
    tcase_add_test(tc, rewind_gives_the_same_plan);
    tcase_add_test(tc, validation_names_the_field);
    tcase_add_test(tc, largest_loan_runs_without_overflow);
    tcase_add_test(tc, names_parse_back);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
