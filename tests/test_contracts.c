/* The plan engine and the contract: conventions 1-14 of plan.h, each with a
 * hand-worked example (the working is in the comment above each test), the
 * Husbanken rule findings, version-1 compatibility, and invariants over
 * random contracts with random events. */
#include <stddef.h>

#include "testutil.h"

#include <gmp.h>

static sl_date D(const char *text)
{
    sl_date d = SL_DATE_NONE;
    int rc = sl_date_parse(&d, text, "test", NULL);
    ck_assert_msg(rc == SL_OK, "cannot parse date '%s'", text);
    return d;
}

static sl_loan_terms base(const char *amount, const char *pct, int years)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M(amount);
    t.nominal_rate = R(pct);
    t.terms = years * 12;
    return t;
}

/* Run a contract and keep its rows (at most max). Returns the row count. */
static int run(const sl_loan_terms *t, sl_plan_row *rows, int max)
{
    sl_plan *plan;
    sl_error err;
    int rc = sl_plan_new(&plan, t, &err);
    ck_assert_msg(rc == SL_OK, "sl_plan_new: %s", err.message);
    int n = 0;
    sl_plan_row r;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        ck_assert_int_lt(n, max);
        rows[n++] = r;
    }
    ck_assert_int_eq(rc, 0);
    sl_plan_free(plan);
    return n;
}

static sl_plan_row rows[2000], rows2[2000];

/* ---- convention 8: due day, first due date, broken first period ---- */

/* 1 000 000 kr at 5 %, paid out 2025-01-15, due day 20, two interest-only
 * terms so the balance stays put:
 *   term 1: 2025-01-15 .. 2025-02-20 = 36 days, broken (one period after
 *           payout is 2025-02-15, not a due day 20):
 *           1 000 000 × 0.05 × 36 / 365 = 4 931.5068… → 4 931.51
 *   term 2: 2025-02-20 .. 2025-03-20 = 28 days, equal period:
 *           1 000 000 × 0.05 / 12 = 4 166.666… → 4 166.67
 *           with ACT/365: 1 000 000 × 0.05 × 28 / 365 = 3 835.6164… → 3 835.62 */
START_TEST(broken_first_period)
{
    sl_loan_terms t = base("1000000", "5", 1);
    t.interest_only_terms = 2;
    t.payout_date = D("2025-01-15");
    t.due_day = 20;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 12);
    ck_assert_int_eq(sl_date_compare(rows[0].due_date, D("2025-02-20")), 0);
    ck_assert_int_eq(rows[0].days, 36);
    ck_assert_int_eq(rows[0].interest, M("4931.51"));
    ck_assert(rows[0].events & SL_EVENT_BROKEN_PERIOD);
    ck_assert_int_eq(rows[1].days, 28);
    ck_assert_int_eq(rows[1].interest, M("4166.67"));
    ck_assert(!(rows[1].events & SL_EVENT_BROKEN_PERIOD));
    ck_assert_int_eq(sl_date_compare(rows[11].due_date, D("2026-01-20")), 0);

    t.day_count = SL_DAY_COUNT_ACT365;
    run(&t, rows, 2000);
    ck_assert_int_eq(rows[0].interest, M("4931.51"));
    ck_assert_int_eq(rows[1].interest, M("3835.62"));
}
END_TEST

/* The annuity in a broken first period: 300 000 kr at 5 %, 12 monthly
 * terms, payout 2025-01-15, due day 20. Payment = annuity 25 682.24.
 * Term 1 (36 days): principal as in an equal period,
 * 25 682.24 − 300 000 × 0.05 / 12 = 25 682.24 − 1 250.00 = 24 432.24;
 * interest 300 000 × 0.05 × 36 / 365 = 1 479.452… → 1 479.45;
 * payment 24 432.24 + 1 479.45 = 25 911.69 (higher by the extra days).
 * Term 2 (28 days, equal): 275 567.76 × 0.05 / 12 = 1 148.199 → 1 148.20,
 * principal 24 534.04, payment 25 682.24 again. */
START_TEST(broken_first_period_annuity)
{
    sl_loan_terms t = base("300000", "5", 1);
    t.payout_date = D("2025-01-15");
    t.due_day = 20;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 12);
    ck_assert_int_eq(rows[0].principal, M("24432.24"));
    ck_assert_int_eq(rows[0].interest, M("1479.45"));
    ck_assert_int_eq(rows[0].payment, M("25911.69"));
    ck_assert_int_eq(rows[1].interest, M("1148.20"));
    ck_assert_int_eq(rows[1].principal, M("24534.04"));
    ck_assert_int_eq(rows[1].payment, M("25682.24"));
    ck_assert_int_eq(rows[11].closing_balance, 0);
}
END_TEST

/* Due day 1 after a payout on the 15th: one period after payout is
 * 2025-02-15, the first 1st on or after it is 2025-03-01: 45 days,
 * 1 000 000 × 0.05 × 45 / 365 = 6 164.3835… → 6 164.38.
 * An explicit first due date 2025-02-10: 26 days,
 * 1 000 000 × 0.05 × 26 / 365 = 3 561.6438… → 3 561.64; later due dates on
 * the 10th. A due day equal to the payout's day is no broken period. */
START_TEST(due_day_and_first_due)
{
    sl_loan_terms t = base("1000000", "5", 1);
    t.interest_only_terms = 2;
    t.payout_date = D("2025-01-15");
    t.due_day = 1;
    run(&t, rows, 2000);
    ck_assert_int_eq(sl_date_compare(rows[0].due_date, D("2025-03-01")), 0);
    ck_assert_int_eq(rows[0].days, 45);
    ck_assert_int_eq(rows[0].interest, M("6164.38"));

    t.due_day = 0;
    t.first_due_date = D("2025-02-10");
    run(&t, rows, 2000);
    ck_assert_int_eq(rows[0].days, 26);
    ck_assert_int_eq(rows[0].interest, M("3561.64"));
    ck_assert_int_eq(sl_date_compare(rows[1].due_date, D("2025-03-10")), 0);

    t.first_due_date = (sl_date)SL_DATE_NONE;
    t.due_day = 15;
    run(&t, rows, 2000);
    ck_assert(!(rows[0].events & SL_EVENT_BROKEN_PERIOD));
    ck_assert_int_eq(rows[0].interest, M("4166.67"));
}
END_TEST

/* ---- conventions 9, 10: rate changes ---- */

/* 1 000 000 kr at 4 %, payout 2025-01-01, interest only for 3 terms; the
 * rate goes to 6 % on 2025-02-11, inside term 2 (2025-02-01 .. 03-01, 28
 * days: 10 days at 4 %, 18 days at 6 %).
 *   equal periods: 1 000 000 × (0.04·10 + 0.06·18) / (28 · 12)
 *                = 1 000 000 × 1.48 / 336 = 4 404.7619… → 4 404.76
 *   ACT/365:       1 000 000 × 1.48 / 365 = 4 054.7945… → 4 054.79
 *   term 1: 1 000 000 × 0.04 / 12 = 3 333.33; term 3: × 0.06 / 12 = 5 000.00 */
START_TEST(rate_change_inside_a_term)
{
    sl_loan_terms t = base("1000000", "4", 1);
    t.interest_only_terms = 3;
    t.payout_date = D("2025-01-01");
    sl_rate_change ch[] = {{D("2025-02-11"), R("6")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    run(&t, rows, 2000);
    ck_assert_int_eq(rows[0].interest, M("3333.33"));
    ck_assert_int_eq(rows[1].interest, M("4404.76"));
    ck_assert(rows[1].events & SL_EVENT_RATE_CHANGE);
    ck_assert_int_eq(sl_rate_compare(rows[1].rate, R("4")), 0); /* in force at the start */
    ck_assert_int_eq(rows[2].interest, M("5000.00"));
    ck_assert_int_eq(sl_rate_compare(rows[2].rate, R("6")), 0);
    ck_assert(!(rows[2].events & SL_EVENT_RATE_CHANGE));

    t.day_count = SL_DAY_COUNT_ACT365;
    run(&t, rows, 2000);
    ck_assert_int_eq(rows[1].interest, M("4054.79"));
}
END_TEST

/* The case, annuity: 1 200 000 kr, 4 %, monthly, 10 years, payout
 * 2025-01-01; the rate goes to 5 % on 2025-07-01, the due date of term 6.
 * Level payment A = 1 200 000·r/(1 − (1+r)^−120), r = 0.04/12 → 12 149.42.
 * Terms 1-6 at 4 % (interest 4 000.00, 3 972.84, 3 945.58, 3 918.23,
 * 3 890.80, 3 863.27) leave 1 150 694.20. Term 7: interest at the new rate,
 * 1 150 694.20 × 0.05 / 12 = 4 794.559… → 4 794.56, and the new payment is
 * the exact annuity of 1 150 694.20 at 5 % over the 114 terms left:
 * 12 700.787… → 12 700.79 (principal 7 906.23). The end date holds. */
START_TEST(rate_change_on_due_date_annuity)
{
    sl_loan_terms t = base("1200000", "4", 10);
    t.payout_date = D("2025-01-01");
    sl_rate_change ch[] = {{D("2025-07-01"), R("5")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 120);
    ck_assert_int_eq(rows[0].payment, M("12149.42"));
    ck_assert_int_eq(rows[5].interest, M("3863.27"));
    ck_assert_int_eq(rows[5].closing_balance, M("1150694.20"));
    ck_assert(!(rows[5].events & SL_EVENT_RATE_CHANGE));
    ck_assert_int_eq(rows[5].payment, M("12149.42"));
    ck_assert_int_eq(rows[6].interest, M("4794.56"));
    ck_assert_int_eq(rows[6].payment, M("12700.79"));
    ck_assert_int_eq(rows[6].principal, M("7906.23"));
    ck_assert(rows[6].events & SL_EVENT_RATE_CHANGE);
    ck_assert(rows[6].events & SL_EVENT_AMORTISED);
    ck_assert_int_eq(rows[7].payment, M("12700.79"));
    ck_assert_int_eq(rows[119].closing_balance, 0);
    ck_assert_int_eq(sl_date_compare(rows[119].due_date, D("2035-01-01")), 0);
}
END_TEST

/* Serial: instalment 1 200 000 / 120 = 10 000.00 every term. After 6 terms
 * the balance is 1 140 000.00; term 7 interest 1 140 000 × 0.05 / 12 =
 * 4 750.00 (term 6: 1 150 000 × 0.04 / 12 = 3 833.333… → 3 833.33), the
 * instalment stays 10 000.00. */
START_TEST(rate_change_on_due_date_serial)
{
    sl_loan_terms t = base("1200000", "4", 10);
    t.type = SL_LOAN_SERIAL;
    t.payout_date = D("2025-01-01");
    sl_rate_change ch[] = {{D("2025-07-01"), R("5")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 120);
    ck_assert_int_eq(rows[5].interest, M("3833.33"));
    ck_assert_int_eq(rows[6].opening_balance, M("1140000"));
    ck_assert_int_eq(rows[6].interest, M("4750.00"));
    ck_assert_int_eq(rows[6].principal, M("10000"));
    ck_assert_int_eq(rows[119].principal, M("10000"));
}
END_TEST

/* The payment holds and the number of terms follows: 120 000 kr at 0 %,
 * 12 monthly terms from 2025-01-01 (10 000 a term); 12 % from 2025-04-01,
 * the due date of term 3, leaving 90 000. The fewest terms n with
 * annuity(90 000, 1 % a month, n) <= 10 000: n = 9 gives 10 506.63, n = 10
 * gives 9 502.39, so the loan ends with term 3 + 10 = 13. Term 4: interest
 * 90 000 × 0.12 / 12 = 900.00, principal 9 100.00; after term 12 the balance
 * is 4 746.40, so term 13 pays 4 746.40 + 47.46 = 4 793.86. */
START_TEST(rate_change_keeps_payment)
{
    sl_loan_terms t = base("120000", "0", 1);
    t.payout_date = D("2025-01-01");
    sl_rate_change ch[] = {{D("2025-04-01"), R("12")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    t.rate_change_keeps_payment = 1;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 13);
    ck_assert_int_eq(rows[3].interest, M("900.00"));
    ck_assert_int_eq(rows[3].principal, M("9100.00"));
    ck_assert(!(rows[3].events & SL_EVENT_AMORTISED));
    ck_assert_int_eq(rows[11].payment, M("10000"));
    ck_assert_int_eq(rows[12].opening_balance, M("4746.40"));
    ck_assert_int_eq(rows[12].payment, M("4793.86"));
    ck_assert_int_eq(sl_date_compare(rows[12].due_date, D("2026-02-01")), 0);
}
END_TEST

/* The same loan with a second change on 2026-01-15, after the 12 terms'
 * last due date (2026-01-01) but inside term 13, which the kept payment
 * adds: the change counts (the rate may be 0 % from then), so term 13's
 * interest is split, 4 746.40 × 12 % / 12 × 14/31 = 21.435… → 21.44 (the
 * days to the change at the old rate, the rest at 0 %), not 47.46. Without
 * a kept payment the loan ends on 2026-01-01 and the change is refused. */
START_TEST(kept_payment_takes_changes_past_the_last_term)
{
    sl_loan_terms t = base("120000", "0", 1);
    t.payout_date = D("2025-01-01");
    sl_rate_change ch[] = {{D("2025-04-01"), R("12")}, {D("2026-01-15"), R("0")}};
    t.rate_changes = ch;
    t.rate_change_count = 2;
    t.rate_change_keeps_payment = 1;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 13);
    ck_assert_int_eq(rows[12].opening_balance, M("4746.40"));
    ck_assert(rows[12].events & SL_EVENT_RATE_CHANGE);
    ck_assert_int_eq(rows[12].interest, M("21.44"));
    ck_assert_int_eq(rows[12].payment, M("4767.84"));
    t.rate_change_keeps_payment = 0;
    sl_error err;
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rate_changes");
}
END_TEST

/* ---- convention 11: fixed-rate period ---- */

/* 1 000 000 kr, floating 5 %, payout 2025-01-01, 10 years monthly, 40
 * interest-only terms (so the balance stays 1 000 000). Fixed 4 % for 3
 * years from payout; the floating rate goes to 6 % on 2026-01-01, inside the
 * fixed period, so nothing changes until the fixed period ends 2028-01-01,
 * the start of term 37: terms 1-36 pay 1 000 000 × 0.04/12 = 3 333.33,
 * term 37 pays 1 000 000 × 0.06/12 = 5 000.00. */
START_TEST(fixed_period)
{
    sl_loan_terms t = base("1000000", "5", 10);
    t.interest_only_terms = 40;
    t.payout_date = D("2025-01-01");
    t.fixed.years = 3;
    t.fixed.rate = R("4");
    sl_rate_change ch[] = {{D("2026-01-01"), R("6")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    run(&t, rows, 2000);
    ck_assert(rows[0].events & SL_EVENT_FIXED_START);
    ck_assert_int_eq(rows[0].interest, M("3333.33"));
    ck_assert_int_eq(rows[12].interest, M("3333.33"));
    ck_assert(!(rows[12].events & SL_EVENT_RATE_CHANGE));
    ck_assert_int_eq(rows[35].interest, M("3333.33"));
    ck_assert_int_eq(rows[36].interest, M("5000.00"));
    ck_assert(rows[36].events & SL_EVENT_FIXED_END);
    ck_assert_int_eq(sl_rate_compare(rows[36].rate, R("6")), 0);
}
END_TEST

/* ---- convention 12: interest-only windows ---- */

/* 1 200 000 kr, 4 %, 10 years monthly, a window of 12 terms from term 13.
 * End date holds: the level is the annuity over the 108 amortising terms,
 * 13 249.16; after 12 terms the balance is 1 086 952.51, terms 13-24 pay
 * 1 086 952.51 × 0.04 / 12 = 3 623.175… → 3 623.18, and term 25 recomputes
 * the annuity over the 96 terms left: 13 249.16 again (the balance did not
 * move). 120 rows.
 * End moves: the level is the annuity over 120 terms, 12 149.42; the
 * balance after 12 terms 1 100 394.02 → interest 3 667.98; term 25 is the
 * annuity over 132 − 24 = 108 terms: 12 149.42; 132 rows. */
START_TEST(interest_only_window)
{
    sl_loan_terms t = base("1200000", "4", 10);
    sl_interest_only_window w[] = {{13, 12}};
    t.interest_only_windows = w;
    t.interest_only_window_count = 1;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 120);
    ck_assert_int_eq(rows[0].payment, M("13249.16"));
    ck_assert_int_eq(rows[12].opening_balance, M("1086952.51"));
    for (int i = 12; i < 24; i++) {
        ck_assert_int_eq(rows[i].principal, 0);
        ck_assert_int_eq(rows[i].interest, M("3623.18"));
        ck_assert(rows[i].events & SL_EVENT_INTEREST_ONLY);
    }
    ck_assert(rows[24].events & SL_EVENT_AMORTISED);
    ck_assert_int_eq(rows[24].payment, M("13249.16"));
    ck_assert_int_eq(rows[119].closing_balance, 0);

    t.interest_only_moves_end = 1;
    n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 132);
    ck_assert_int_eq(rows[0].payment, M("12149.42"));
    ck_assert_int_eq(rows[12].opening_balance, M("1100394.02"));
    ck_assert_int_eq(rows[12].interest, M("3667.98"));
    ck_assert_int_eq(rows[24].payment, M("12149.42"));
    ck_assert_int_eq(rows[131].closing_balance, 0);

    /* moved past 50 years: the windows are named (their terms), not
     * "terms" with a count the caller never set */
    t.terms = 50 * 12;
    sl_error err;
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "interest_only_windows");
    ck_assert_str_eq(err.value, "12");
    t.terms = 49 * 12; /* 588 + 12 = 600: allowed */
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_OK);
}
END_TEST

/* ---- convention 13: extra payments ---- */

/* 120 000 kr at 0 %, 12 monthly terms from 2025-01-01: 10 000 a term.
 * 30 000 extra on 2025-04-01, the due date of term 3: term 3 pays
 * 10 000 + 30 000 principal, leaving 60 000.
 * Default (end date holds): from term 4, 60 000 / 9 = 6 666.666… → 6 666.67;
 * term 12 pays the rest, 60 000 − 8 × 6 666.67 = 6 666.64. 12 rows.
 * Shorten: 10 000 a term goes on; 60 000 / 10 000 = 6 more terms: 9 rows. */
START_TEST(extra_payment_reduce_or_shorten)
{
    sl_loan_terms t = base("120000", "0", 1);
    t.payout_date = D("2025-01-01");
    sl_extra_payment x[] = {{D("2025-04-01"), M("30000"), 0}};
    t.extra_payments = x;
    t.extra_payment_count = 1;
    for (int type = 0; type < 2; type++) {
        t.type = (sl_loan_type)type;
        x[0].shorten = 0;
        int n = run(&t, rows, 2000);
        ck_assert_int_eq(n, 12);
        ck_assert_int_eq(rows[2].principal, M("40000"));
        ck_assert(rows[2].events & SL_EVENT_EXTRA_PAYMENT);
        ck_assert_int_eq(rows[2].closing_balance, M("60000"));
        ck_assert_int_eq(rows[3].principal, M("6666.67"));
        ck_assert(rows[3].events & SL_EVENT_AMORTISED);
        ck_assert_int_eq(rows[11].principal, M("6666.64"));

        x[0].shorten = 1;
        n = run(&t, rows, 2000);
        ck_assert_int_eq(n, 9);
        ck_assert_int_eq(rows[3].principal, M("10000"));
        ck_assert_int_eq(rows[8].principal, M("10000"));
        ck_assert_int_eq(rows[8].closing_balance, 0);
        ck_assert(rows[8].events & SL_EVENT_LAST);
    }
}
END_TEST

/* An extra payment inside a term lowers the balance from its date:
 * 1 000 000 kr at 6 %, interest only, payout 2025-01-01, 100 000 extra on
 * 2025-01-11: term 1 (31 days) = (1 000 000 × 10 + 900 000 × 21) × 0.06 /
 * (31 × 12) = 28 900 000 × 0.06 / 372 = 4 661.290… → 4 661.29; principal
 * 100 000, payment 104 661.29. An
 * extra payment larger than the balance pays only the balance. */
START_TEST(extra_payment_inside_a_term)
{
    sl_loan_terms t = base("1000000", "6", 1);
    t.interest_only_terms = 11;
    t.payout_date = D("2025-01-01");
    sl_extra_payment x[] = {{D("2025-01-11"), M("100000"), 0}, {D("2025-05-20"), M("5000000"), 0}};
    t.extra_payments = x;
    t.extra_payment_count = 2;
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(rows[0].interest, M("4661.29"));
    ck_assert_int_eq(rows[0].principal, M("100000"));
    ck_assert_int_eq(rows[0].payment, M("104661.29"));
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(rows[4].principal, M("900000"));
    ck_assert_int_eq(rows[4].closing_balance, 0);
    ck_assert(rows[4].events & SL_EVENT_LAST);
}
END_TEST

/* ---- convention 14 and breakcost.h: full repayment, over-/underkurs ---- */

/* 1 000 000 kr at 5 %, payout 2025-01-01, 12 interest-only terms, fee 30;
 * repaid in full 2025-03-15: term 3 runs 2025-03-01 .. 03-15, 14 days,
 * ACT/365: 1 000 000 × 0.05 × 14 / 365 = 1 917.808… → 1 917.81.
 * Settlement: 1 000 000 + 1 917.81 + 30 = 1 001 947.81, no over-/underkurs.
 * With a 3-year fixed 4.5 % from payout and a market rate of 3.9 %:
 * interest 1 000 000 × 0.045 × 14 / 365 = 1 726.027… → 1 726.03; the fixed
 * period ends 2028-01-01: 33 whole months from 2025-03-15 (2027-12-15);
 * overkurs = 1 000 000 × 0.006/12 × (1 − (1 + 0.039/12)^−33) / (0.039/12)
 *          = 500 × 31.24390… = 15 621.953… → 15 621.95. */
START_TEST(full_repayment_settlement)
{
    sl_loan_terms t = base("1000000", "5", 10);
    t.interest_only_terms = 12;
    t.term_fee = M("30");
    t.payout_date = D("2025-01-01");
    t.repay_date = D("2025-03-15");
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_settlement s;
    ck_assert_int_eq(sl_plan_settlement(plan, &s), SL_ESTATE);
    sl_plan_totals tot;
    ck_assert_int_eq(sl_plan_finish(plan, &tot), SL_OK);
    ck_assert_int_eq(tot.terms, 3);
    ck_assert_int_eq(tot.principal, M("1000000"));
    ck_assert_int_eq(sl_plan_settlement(plan, &s), SL_OK);
    ck_assert_int_eq(s.interest, M("1917.81"));
    ck_assert_int_eq(s.break_cost, 0);
    ck_assert_int_eq(s.total, M("1001947.81"));
    sl_plan_free(plan);

    t.fixed.years = 3;
    t.fixed.rate = R("4.5");
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_EINVAL); /* market rate needed */
    t.market_rate = R("3.9");
    int n = run(&t, rows, 2000);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(rows[2].days, 14);
    ck_assert(rows[2].events & SL_EVENT_REPAID);
    ck_assert_int_eq(rows[2].interest, M("1726.03"));
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    ck_assert_int_eq(sl_plan_finish(plan, NULL), SL_OK);
    ck_assert_int_eq(sl_plan_settlement(plan, &s), SL_OK);
    ck_assert_int_eq(s.break_months, 33);
    ck_assert_int_eq(s.break_cost, M("15621.95"));
    ck_assert_int_eq(s.total, M("1000000") + M("1726.03") + M("30") + M("15621.95"));
    sl_plan_free(plan);
}
END_TEST

/* Over-/underkurs by hand, 1 000 000 kr, 2 months left:
 *   fixed 5 %, market 4 %: c = 1 000 000 × 0.01 / 12 = 833.333…, 1 + i =
 *   301/300: K = 833.333…·(300/301) + 833.333…·(300/301)² = 830.5648 +
 *   827.8054 = 1 658.3702… → 1 658.37 (overkurs, the borrower pays)
 *   fixed 4 %, market 5 %: c = −833.333…, 1 + i = 241/240:
 *   K = −(829.8755 + 826.4320) = −1 656.3075… → −1 656.31 (underkurs)
 *   market 0 %: K = c · M = 500 000 × 0.042 / 12 × 3 = 5 250.00 */
START_TEST(break_cost_by_hand)
{
    sl_money k;
    ck_assert_int_eq(sl_break_cost(&k, M("1000000"), R("5"), R("4"), 2), SL_OK);
    ck_assert_int_eq(k, M("1658.37"));
    ck_assert_int_eq(sl_break_cost(&k, M("1000000"), R("4"), R("5"), 2), SL_OK);
    ck_assert_int_eq(k, M("-1656.31"));
    ck_assert_int_eq(sl_break_cost(&k, M("500000"), R("4.2"), R("0"), 3), SL_OK);
    ck_assert_int_eq(k, M("5250"));
    ck_assert_int_eq(sl_break_cost(&k, M("500000"), R("4.2"), R("4.2"), 30), SL_OK);
    ck_assert_int_eq(k, 0);
    ck_assert_int_eq(sl_break_cost(&k, -1, R("4"), R("5"), 2), SL_EINVAL);
    int m;
    ck_assert_int_eq(sl_break_months(&m, D("2026-08-10"), D("2030-01-15")), SL_OK);
    ck_assert_int_eq(m, 41);
    ck_assert_int_eq(sl_break_months(&m, D("2025-01-31"), D("2025-03-30")), SL_OK);
    ck_assert_int_eq(m, 1); /* 2025-02-28 fits, 2025-03-31 does not */
    ck_assert_int_eq(sl_break_months(&m, D("2025-03-01"), D("2025-03-01")), SL_OK);
    ck_assert_int_eq(m, 0);
}
END_TEST

/* ---- margin and rule findings ---- */

/* Husbanken 4.640 % + the kommune's 0.25 pp = 4.890 % nominal:
 * 1 000 000 × 0.0489 / 12 = 4 075.00 (interest-only term). */
START_TEST(kommune_margin)
{
    sl_loan_terms t = base("1000000", "4.640", 1);
    t.interest_only_terms = 1;
    t.margin = R("0.25");
    run(&t, rows, 2000);
    ck_assert_int_eq(sl_rate_compare(rows[0].rate, R("4.890")), 0);
    ck_assert_int_eq(rows[0].interest, M("4075.00"));
}
END_TEST

static int has_finding(const sl_loan_terms *t, sl_finding_code code, const char *field)
{
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, t, NULL), SL_OK);
    const sl_finding *f;
    size_t n;
    sl_plan_findings(plan, &f, &n);
    int found = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i].code == code) {
            ck_assert_str_eq(f[i].field, field);
            ck_assert(strlen(f[i].message) > 20);
            found = 1;
        }
    sl_plan_free(plan);
    return found;
}

/* Husbanken (forskrift om lån fra Husbanken, § 8-2, § 8-5; veileder ch. 8):
 * 30 years (360 monthly terms) is fine, 361 terms needs the special case;
 * 96 interest-only terms (8 years) is fine, 97 is not; margin 0.25 pp is
 * fine, 0.251 is not; 2 terms a year is for kommuner and borettslag; a
 * 20-year fixed period from 2025-01-01 ends 2045-01-01, after a 15-year
 * loan's last due date 2040-01-01. */
START_TEST(rule_findings)
{
    sl_loan_terms t = base("1000000", "5", 30);
    ck_assert(!has_finding(&t, SL_FINDING_TERM_OVER_30_YEARS, "terms"));
    t.terms = 361;
    ck_assert(has_finding(&t, SL_FINDING_TERM_OVER_30_YEARS, "terms"));
    t.special_case = 1;
    ck_assert(!has_finding(&t, SL_FINDING_TERM_OVER_30_YEARS, "terms"));
    t.terms = 50 * 12;
    ck_assert(!has_finding(&t, SL_FINDING_TERM_OVER_30_YEARS, "terms"));

    t = base("1000000", "5", 25);
    t.interest_only_terms = 48;
    sl_interest_only_window w[] = {{100, 48}};
    t.interest_only_windows = w;
    t.interest_only_window_count = 1;
    ck_assert(!has_finding(&t, SL_FINDING_INTEREST_ONLY_OVER_8_YEARS, "interest_only_windows"));
    w[0].terms = 49;
    ck_assert(has_finding(&t, SL_FINDING_INTEREST_ONLY_OVER_8_YEARS, "interest_only_windows"));

    t = base("1000000", "5", 25);
    t.margin = R("0.25");
    ck_assert(!has_finding(&t, SL_FINDING_MARGIN_OVER_LIMIT, "margin"));
    t.margin = R("0.251");
    ck_assert(has_finding(&t, SL_FINDING_MARGIN_OVER_LIMIT, "margin"));

    t = base("1000000", "5", 25);
    t.terms_per_year = 2;
    t.terms = 50;
    ck_assert(has_finding(&t, SL_FINDING_HALF_YEARLY_HOUSEHOLD, "terms_per_year"));
    t.borrower = SL_BORROWER_BORETTSLAG;
    ck_assert(!has_finding(&t, SL_FINDING_HALF_YEARLY_HOUSEHOLD, "terms_per_year"));
    t.borrower = SL_BORROWER_HOUSEHOLD;
    t.terms_per_year = 4;
    t.terms = 100;
    ck_assert(!has_finding(&t, SL_FINDING_HALF_YEARLY_HOUSEHOLD, "terms_per_year"));

    t = base("1000000", "5", 15);
    t.payout_date = D("2025-01-01");
    t.fixed.years = 20;
    t.fixed.rate = R("4");
    ck_assert(has_finding(&t, SL_FINDING_FIXED_PAST_MATURITY, "fixed"));
    t.fixed.years = 10;
    ck_assert(!has_finding(&t, SL_FINDING_FIXED_PAST_MATURITY, "fixed"));

    /* On a fixed-rate loan an extra payment is at least 30 000 kr
     * [husbanken.no/kunde-i-husbanken]; the fixed period runs 2025-01-01 to
     * 2035-01-01. */
    sl_extra_payment x[] = {{D("2026-05-01"), M("29999.99"), 0}};
    t.extra_payments = x;
    t.extra_payment_count = 1;
    ck_assert(has_finding(&t, SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM, "extra_payments"));
    x[0].amount = M("30000");
    ck_assert(!has_finding(&t, SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM, "extra_payments"));
    x[0].amount = M("100");
    x[0].date = D("2035-01-01"); /* the day the fixed period ends: floating again */
    ck_assert(!has_finding(&t, SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM, "extra_payments"));

    sl_plan *plan;
    t = base("1000000", "5", 25);
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    const sl_finding *f = (const sl_finding *)&t;
    size_t n = 99;
    sl_plan_findings(plan, &f, &n);
    ck_assert_int_eq(n, 0);
    ck_assert_ptr_null(f);
    sl_plan_free(plan);
}
END_TEST

/* ---- the contract: validation, version 1, copies ---- */

static void expect_invalid(const sl_loan_terms *t, const char *field)
{
    sl_error err;
    int rc = sl_loan_terms_check(t, &err);
    ck_assert_msg(rc < 0, "expected an error on %s", field);
    ck_assert_str_eq(err.field, field);
}

START_TEST(validation_names_the_field)
{
    sl_loan_terms t = base("1000000", "5", 10);
    sl_rate_change ch[] = {{D("2025-02-01"), R("6")}};
    t.rate_changes = ch;
    t.rate_change_count = 1;
    expect_invalid(&t, "rate_changes"); /* no payout date */
    t.payout_date = D("2025-01-01");
    ck_assert_int_eq(sl_loan_terms_check(&t, NULL), SL_OK);
    ch[0].date = D("2040-01-01");
    expect_invalid(&t, "rate_changes"); /* after the last due date */
    ch[0].date = D("2025-02-01");
    t.due_day = 29;
    expect_invalid(&t, "due_day");
    t.due_day = 0;
    t.first_due_date = D("2025-01-01");
    expect_invalid(&t, "first_due_date");
    t.first_due_date = (sl_date)SL_DATE_NONE;
    t.fixed.years = 4;
    t.fixed.rate = R("4");
    expect_invalid(&t, "fixed");
    t.fixed.years = 5;
    ck_assert_int_eq(sl_loan_terms_check(&t, NULL), SL_OK);
    sl_interest_only_window w[] = {{5, 10}, {14, 2}};
    t.interest_only_windows = w;
    t.interest_only_window_count = 2;
    expect_invalid(&t, "interest_only_windows"); /* overlap */
    w[1].from_term = 120;
    expect_invalid(&t, "interest_only_windows"); /* the last term */
    t.interest_only_window_count = 1;
    sl_extra_payment x[] = {{D("2025-01-01"), M("100"), 0}};
    t.extra_payments = x;
    t.extra_payment_count = 1;
    expect_invalid(&t, "extra_payments"); /* on the payout date */
    x[0].date = D("2025-06-01");
    x[0].amount = 0;
    expect_invalid(&t, "extra_payments");
    x[0].amount = M("100");
    t.margin = R("-6");
    expect_invalid(&t, "margin"); /* rate + margin below 0 */
    t.margin = R("0.1");
    t.day_count = (sl_day_count)7;
    expect_invalid(&t, "day_count");
    t.day_count = SL_DAY_COUNT_ACT365;
    ck_assert_int_eq(sl_loan_terms_check(&t, NULL), SL_OK);
    t.version = 3;
    expect_invalid(&t, "version");
}
END_TEST

/* A caller built against version 1 passes a struct that ends after
 * payout_date; the library must read no further and run the plan the way
 * version 1 did. */
START_TEST(version_1_struct)
{
    size_t v1_size = offsetof(sl_loan_terms, due_day);
    sl_loan_terms t = base("2000000", "4.640", 25);
    t.term_fee = M("30");
    t.interest_only_terms = 7;
    t.payout_date = D("2024-07-31");
    unsigned char *buf = malloc(v1_size);
    ck_assert_ptr_nonnull(buf);
    t.version = 1;
    memcpy(buf, &t, v1_size);
    t.version = SL_LOAN_TERMS_VERSION;
    const sl_loan_terms *v1 = (const void *)buf;
    ck_assert_int_eq(sl_loan_terms_check(v1, NULL), SL_OK);
    int n1 = run(v1, rows, 2000);
    int n2 = run(&t, rows2, 2000);
    ck_assert_int_eq(n1, n2);
    for (int i = 0; i < n1; i++)
        ck_assert_msg(rows_equal(&rows[i], &rows2[i]), "term %d", i + 1);
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, v1, NULL), SL_OK);
    ck_assert_uint_eq(sl_plan_terms(plan)->version, SL_LOAN_TERMS_VERSION);
    ck_assert_int_eq(sl_plan_terms(plan)->due_day, 0);
    sl_plan_free(plan);
    free(buf);
}
END_TEST

/* The plan copies the event arrays: the caller may free them at once. */
START_TEST(plan_copies_events)
{
    sl_loan_terms t = base("1200000", "4", 10);
    t.payout_date = D("2025-01-01");
    sl_rate_change *ch = malloc(sizeof *ch);
    ck_assert_ptr_nonnull(ch);
    ch[0].date = D("2025-07-01");
    ch[0].rate = R("5");
    t.rate_changes = ch;
    t.rate_change_count = 1;
    sl_plan *plan;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    memset(ch, 0x5a, sizeof *ch);
    free(ch);
    sl_plan_row r;
    for (int i = 0; i < 7; i++)
        ck_assert_int_eq(sl_plan_next(plan, &r), 1);
    ck_assert_int_eq(r.payment, M("12700.79"));
    sl_plan_free(plan);
}
END_TEST

/* The event names sl-plan prints. */
START_TEST(event_names)
{
    ck_assert_str_eq(sl_event_name(SL_EVENT_RATE_CHANGE), "rate-change");
    ck_assert_str_eq(sl_event_name(SL_EVENT_EXTRA_PAYMENT), "extra-payment");
    ck_assert_str_eq(sl_event_name(SL_EVENT_REPAID), "repaid");
    ck_assert_ptr_null(sl_event_name(1u << 30));
}
END_TEST

/* ---- invariants over random contracts with random events ---- */

static sl_date random_date_between(test_rng *g, sl_date from, sl_date to)
{
    int64_t span = sl_date_diff_days(from, to);
    sl_date d = from;
    if (span > 0)
        ck_assert_int_eq(sl_date_add_days(&d, from, rng_range(g, 1, span)), SL_OK);
    return d;
}

static sl_rate random_rate(test_rng *g)
{
    sl_rate r;
    ck_assert_int_eq(sl_rate_from_fraction(&r, rng_range(g, 0, 15000), 100000), SL_OK);
    return r;
}

/* round(b·r/n) half up, independently of the library. */
static sl_money equal_interest(sl_money b, sl_rate r, int n)
{
    mpz_t num, den, q, rem;
    mpz_inits(num, den, q, rem, NULL);
    mpz_set_si(num, (long)b);
    mpz_mul_si(num, num, (long)r.num);
    mpz_set_si(den, (long)r.den);
    mpz_mul_si(den, den, n);
    mpz_mul_2exp(num, num, 1);
    mpz_add(num, num, den);
    mpz_mul_2exp(den, den, 1);
    mpz_fdiv_q(q, num, den); /* floor((2·b·r + d) / 2d) = round half up for b ≥ 0 */
    sl_money v = (sl_money)mpz_get_si(q);
    mpz_clears(num, den, q, rem, NULL);
    return v;
}

START_TEST(random_contracts_invariants)
{
    test_rng g = {test_seed("plan invariants")};
    int valid = 0, attempts = 0, with_events = 0;
    static const int kinds[] = {12, 12, 12, 4, 2, 1};
    while (valid < 5000) {
        ck_assert_int_lt(++attempts, 50000);
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        t.principal = rng_range(&g, 1, 500000000);
        t.nominal_rate = random_rate(&g);
        t.terms_per_year = kinds[rng_range(&g, 0, 5)];
        t.terms = (int)rng_range(&g, 1, (rng_range(&g, 0, 3) ? 30 : 50) * t.terms_per_year);
        t.type = (sl_loan_type)rng_range(&g, 0, 1);
        t.interest_only_terms = rng_range(&g, 0, 3) ? 0 : (int)rng_range(&g, 0, t.terms - 1);
        t.term_fee = rng_range(&g, 0, 1) ? 3000 : 0;
        t.payment_rounding.unit = rng_range(&g, 0, 3) ? SL_ROUND_UNIT_ORE : SL_ROUND_UNIT_KRONE;
        t.payment_rounding.mode = (sl_round_mode)rng_range(&g, 0, 3);
        sl_rate_change ch[6];
        sl_extra_payment x[5];
        sl_interest_only_window w[2] = {{0, 0}, {0, 0}};
        if (rng_range(&g, 0, 4)) {
            sl_date p = {(int)rng_range(&g, 2000, 2060), (int)rng_range(&g, 1, 12),
                         (int)rng_range(&g, 1, 28)};
            t.payout_date = p;
            if (rng_range(&g, 0, 2) == 0)
                t.due_day = (int)rng_range(&g, 1, 28);
            t.day_count = (sl_day_count)rng_range(&g, 0, 1);
            if (rng_range(&g, 0, 3) == 0)
                t.margin = (sl_rate){rng_range(&g, 0, 50), 10000};
            sl_date first, last;
            ck_assert_int_eq(sl_date_add_months(&first, p, 12 / t.terms_per_year, p.day), SL_OK);
            ck_assert_int_eq(sl_date_add_months(&last, p, t.terms * (12 / t.terms_per_year), p.day),
                             SL_OK);
            ck_assert_int_eq(sl_date_add_days(&last, last, -40), SL_OK);
            if (sl_date_compare(last, p) <= 0)
                last = first;
            int nc = (int)rng_range(&g, 0, 6);
            for (int i = 0; i < nc; i++) {
                ch[i].date = random_date_between(&g, p, last);
                ch[i].rate = random_rate(&g);
            }
            t.rate_changes = ch;
            t.rate_change_count = (size_t)nc;
            int nx = (int)rng_range(&g, 0, 5);
            for (int i = 0; i < nx; i++) {
                x[i].date = random_date_between(&g, p, last);
                x[i].amount = rng_range(&g, 1, t.principal / 3 + 1);
                x[i].shorten = (int)rng_range(&g, 0, 1);
            }
            t.extra_payments = x;
            t.extra_payment_count = (size_t)nx;
            if (rng_range(&g, 0, 3) == 0) {
                static const int years[] = {3, 5, 10, 20};
                t.fixed.years = years[rng_range(&g, 0, 3)];
                t.fixed.rate = random_rate(&g);
                if (rng_range(&g, 0, 1))
                    t.fixed.from = random_date_between(&g, p, last);
                t.market_rate = random_rate(&g);
            }
            if (rng_range(&g, 0, 5) == 0)
                t.repay_date = random_date_between(&g, p, last);
            t.rate_change_keeps_payment = rng_range(&g, 0, 3) == 0;
        }
        if (t.terms > 4 && rng_range(&g, 0, 3) == 0) {
            int start = t.interest_only_terms + 1 + (int)rng_range(&g, 0, t.terms / 2);
            w[0].from_term = start;
            w[0].terms = (int)rng_range(&g, 1, t.terms / 4 + 1);
            t.interest_only_windows = w;
            t.interest_only_window_count = 1;
            t.interest_only_moves_end = (int)rng_range(&g, 0, 1);
        }
        sl_error err;
        sl_plan *plan;
        if (sl_plan_new(&plan, &t, &err) != SL_OK)
            continue; /* e.g. a window past the end: drawn again */
        valid++;
        with_events += t.rate_change_count || t.extra_payment_count || t.fixed.years ||
                       t.interest_only_window_count || t.repay_date.year;
        sl_plan_row r;
        int rc, count = 0;
        sl_money principal = 0, balance = t.principal;
        sl_plan_row last_row;
        memset(&last_row, 0, sizeof last_row);
        while ((rc = sl_plan_next(plan, &r)) == 1) {
            count++;
            ck_assert_int_eq(r.opening_balance, balance);
            ck_assert_int_ge(r.principal, 0);
            ck_assert_int_ge(r.interest, 0);
            ck_assert_int_ge(r.closing_balance, 0);
            ck_assert_int_eq(r.closing_balance, r.opening_balance - r.principal);
            ck_assert_int_eq(r.payment, r.interest + r.principal + r.fee);
            const unsigned special = SL_EVENT_RATE_CHANGE | SL_EVENT_EXTRA_PAYMENT |
                                     SL_EVENT_REPAID | SL_EVENT_BROKEN_PERIOD |
                                     SL_EVENT_FIXED_START | SL_EVENT_FIXED_END;
            if (!(r.events & special) && t.day_count == SL_DAY_COUNT_EQUAL)
                ck_assert_msg(r.interest ==
                                  equal_interest(r.opening_balance, r.rate, t.terms_per_year),
                              "term %d: interest %lld", r.term, (long long)r.interest);
            principal += r.principal;
            balance = r.closing_balance;
            last_row = r;
        }
        ck_assert_int_eq(rc, 0);
        ck_assert_int_gt(count, 0);
        ck_assert_int_eq(balance, 0);
        ck_assert(last_row.events & SL_EVENT_LAST);
        ck_assert_int_eq(principal, t.principal);
        sl_plan_totals tot;
        sl_plan_totals_so_far(plan, &tot);
        ck_assert_int_eq(tot.principal, t.principal);
        if (t.rate_change_keeps_payment)
            ck_assert_int_le(count, SL_PLAN_MAX_YEARS * t.terms_per_year);
        else
            ck_assert_int_le(count, sl_plan_terms(plan)->terms +
                                        (t.interest_only_moves_end ? w[0].terms : 0));
        sl_plan_free(plan);
    }
    printf("plan invariants: %d contracts (%d with events), %d drawn\n", valid, with_events,
           attempts);
}
END_TEST

static Suite *plan_suite(void)
{
    Suite *s = suite_create("contracts");
    TCase *dates = tcase_create("dates");
    tcase_add_test(dates, broken_first_period);
    tcase_add_test(dates, broken_first_period_annuity);
    tcase_add_test(dates, due_day_and_first_due);
    suite_add_tcase(s, dates);
    TCase *rates = tcase_create("rates");
    tcase_add_test(rates, rate_change_inside_a_term);
    tcase_add_test(rates, rate_change_on_due_date_annuity);
    tcase_add_test(rates, rate_change_on_due_date_serial);
    tcase_add_test(rates, rate_change_keeps_payment);
    tcase_add_test(rates, kept_payment_takes_changes_past_the_last_term);
    tcase_add_test(rates, fixed_period);
    tcase_add_test(rates, kommune_margin);
    suite_add_tcase(s, rates);
    TCase *events = tcase_create("events");
    tcase_add_test(events, interest_only_window);
    tcase_add_test(events, extra_payment_reduce_or_shorten);
    tcase_add_test(events, extra_payment_inside_a_term);
    tcase_add_test(events, full_repayment_settlement);
    tcase_add_test(events, break_cost_by_hand);
    tcase_add_test(events, event_names);
    suite_add_tcase(s, events);
    TCase *contract = tcase_create("contract");
    tcase_add_test(contract, rule_findings);
    tcase_add_test(contract, validation_names_the_field);
    tcase_add_test(contract, version_1_struct);
    tcase_add_test(contract, plan_copies_events);
    suite_add_tcase(s, contract);
    TCase *inv = tcase_create("invariants");
    tcase_set_timeout(inv, 600);
    tcase_add_test(inv, random_contracts_invariants);
    suite_add_tcase(s, inv);
    return s;
}

int main(void)
{
    return run_suite(plan_suite());
}
