/* sl_audit: a plan from the engine passes; each kind of fault is caught and
 * pinpointed (row, field, expected, found, difference in øre). */
#include "testutil.h"

#define MAXD 64

typedef struct seen {
    sl_audit_difference d[MAXD];
    int n;
} seen;

static int record(void *ctx, const sl_audit_difference *d)
{
    seen *s = ctx;
    if (s->n < MAXD)
        s->d[s->n] = *d;
    s->n++;
    return 0;
}

static sl_loan_terms example_terms(void)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("1 000 000");
    t.nominal_rate = R("4.640");
    t.terms = 120;
    t.term_fee = M("30");
    t.establishment_fee = M("600");
    t.payout_date = (sl_date){2025, 1, 20};
    return t;
}

/* The engine's rows of t into rows[]; returns the count. */
static int engine_rows(sl_plan_row *rows, int max, const sl_loan_terms *t)
{
    sl_plan *p;
    ck_assert_int_eq(sl_plan_new(&p, t, NULL), SL_OK);
    int n = 0, rc;
    while (n < max && (rc = sl_plan_next(p, &rows[n])) == 1)
        n++;
    sl_plan_free(p);
    return n;
}

/* Audit rows (optionally against t), return the summary; differences in s. */
static sl_audit_summary audit_rows(seen *s, const sl_plan_row *rows, int n,
                                   const sl_loan_terms *t, sl_money tolerance,
                                   const sl_plan_row *stated)
{
    sl_audit_options o = SL_AUDIT_OPTIONS_INIT;
    o.tolerance = tolerance;
    o.report = record;
    o.report_ctx = s;
    s->n = 0;
    sl_audit *a;
    ck_assert_int_eq(sl_audit_new(&a, t, &o, NULL), SL_OK);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(sl_audit_add_row(a, &rows[i]), SL_OK);
    if (stated)
        ck_assert_int_eq(sl_audit_stated_totals(a, stated), SL_OK);
    sl_audit_summary sum;
    ck_assert_int_eq(sl_audit_finish(a, &sum), SL_OK);
    sl_audit_free(a);
    return sum;
}

static const sl_audit_difference *find(const seen *s, sl_audit_check c, sl_audit_field f)
{
    for (int i = 0; i < s->n && i < MAXD; i++)
        if (s->d[i].check == c && s->d[i].field == f)
            return &s->d[i];
    return NULL;
}

START_TEST(engine_plans_pass)
{
    test_rng g = {test_seed("audit")};
    static sl_plan_row rows[600];
    for (int i = 0; i < 200; i++) {
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        static const int k[] = {12, 4, 2, 1};
        t.terms_per_year = k[rng_range(&g, 0, 3)];
        t.terms = (int)rng_range(&g, 1, 30) * t.terms_per_year;
        t.principal = rng_range(&g, 1, 500000000);
        t.nominal_rate = (sl_rate){rng_range(&g, 0, 9000), 100000};
        ck_assert_int_eq(sl_rate_from_fraction(&t.nominal_rate, t.nominal_rate.num, 100000), 0);
        t.type = rng_range(&g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
        t.interest_only_terms = (int)rng_range(&g, 0, t.terms - 1) / 3;
        t.term_fee = rng_range(&g, 0, 5000);
        t.payment_rounding.unit =
            rng_range(&g, 0, 3) == 0 ? SL_ROUND_UNIT_KRONE : SL_ROUND_UNIT_ORE;
        t.payout_date = (sl_date){2020 + (int)rng_range(&g, 0, 10), (int)rng_range(&g, 1, 12),
                                  (int)rng_range(&g, 1, 28)};
        int n = engine_rows(rows, 600, &t);
        seen s;
        sl_audit_summary sum = audit_rows(&s, rows, n, NULL, 0, NULL);
        ck_assert_msg(sum.differences == 0 && sum.rate_jumps == 0,
                      "loan %d: %ld differences, %ld rate jumps without terms", i,
                      sum.differences, sum.rate_jumps);
        sum = audit_rows(&s, rows, n, &t, 0, NULL);
        ck_assert_msg(sum.differences == 0, "loan %d: %ld differences with terms", i,
                      sum.differences);
        ck_assert_int_eq(sum.found.interest, sum.expected.interest);
        ck_assert_int_eq(sum.found.paid, sum.expected.paid - sum.expected.establishment_fee);
    }
}
END_TEST

START_TEST(one_ore_moved_is_pinpointed)
{
    sl_loan_terms t = example_terms();
    static sl_plan_row rows[600];
    int n = engine_rows(rows, 600, &t);
    /* one øre moved from principal to interest in term 17: the row still adds up */
    rows[16].interest += 1;
    rows[16].principal -= 1;
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, &t, 0, NULL);
    const sl_audit_difference *d = find(&s, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_INTEREST);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 17);
    ck_assert_int_eq(d->term, 17);
    ck_assert_int_eq(d->difference, 1);
    ck_assert_int_eq(d->found - d->expected, 1);
    d = find(&s, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_PRINCIPAL);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 17);
    ck_assert_int_eq(d->difference, -1);
    /* without the closing balance moved too, the row's balance is off by one */
    d = find(&s, SL_AUDIT_BALANCE, SL_AUDIT_FIELD_CLOSING_BALANCE);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 17);
    ck_assert_int_eq(d->difference, -1);
    ck_assert_int_gt(sum.differences, 0);

    /* consistency alone also finds it */
    sum = audit_rows(&s, rows, n, NULL, 0, NULL);
    d = find(&s, SL_AUDIT_BALANCE, SL_AUDIT_FIELD_CLOSING_BALANCE);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 17);
}
END_TEST

START_TEST(dropped_row_is_pinpointed)
{
    sl_loan_terms t = example_terms();
    static sl_plan_row rows[600];
    int n = engine_rows(rows, 600, &t);
    memmove(&rows[40], &rows[41], (size_t)(n - 41) * sizeof rows[0]); /* term 41 gone */
    n--;
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, NULL, 0, NULL);
    const sl_audit_difference *d = find(&s, SL_AUDIT_CHAIN, SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 41);
    ck_assert_int_eq(d->term, 42);
    d = find(&s, SL_AUDIT_SEQUENCE, SL_AUDIT_FIELD_TERM);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->expected, 41);
    ck_assert_int_eq(d->found, 42);
    ck_assert_ptr_nonnull(find(&s, SL_AUDIT_PRINCIPAL_SUM, SL_AUDIT_FIELD_PRINCIPAL));
    ck_assert_int_eq(sum.rows, 119);

    sum = audit_rows(&s, rows, n, &t, 0, NULL);
    d = find(&s, SL_AUDIT_MISSING_ROW, SL_AUDIT_FIELD_ROW);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->term, 41);
    /* the other rows still match the engine's, term by term */
    ck_assert_ptr_null(find(&s, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_INTEREST));
}
END_TEST

START_TEST(swapped_rows_are_pinpointed)
{
    sl_loan_terms t = example_terms();
    static sl_plan_row rows[600];
    int n = engine_rows(rows, 600, &t);
    sl_plan_row tmp = rows[9];
    rows[9] = rows[10];
    rows[10] = tmp; /* rows 10 and 11 hold terms 11 and 10 */
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, &t, 0, NULL);
    const sl_audit_difference *d = find(&s, SL_AUDIT_SEQUENCE, SL_AUDIT_FIELD_TERM);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 10);
    ck_assert_int_eq(d->found, 11);
    d = find(&s, SL_AUDIT_CHAIN, SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->row, 10);
    ck_assert_ptr_null(find(&s, SL_AUDIT_MISSING_ROW, SL_AUDIT_FIELD_ROW));
    ck_assert_ptr_null(find(&s, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_INTEREST));
    ck_assert_int_gt(sum.differences, 0);
    /* every difference is in rows 10..12 */
    for (int i = 0; i < s.n && i < MAXD; i++)
        ck_assert_msg(s.d[i].row >= 10 && s.d[i].row <= 12, "difference in row %ld",
                      s.d[i].row);
}
END_TEST

START_TEST(wrong_stated_total_is_caught)
{
    sl_loan_terms t = example_terms();
    static sl_plan_row rows[600];
    int n = engine_rows(rows, 600, &t);
    sl_plan_totals tot;
    ck_assert_int_eq(sl_plan_totals_for(&tot, &t, NULL), SL_OK);
    sl_plan_row stated = {0};
    stated.interest = tot.interest;
    stated.principal = tot.principal;
    stated.fee = tot.term_fees;
    stated.payment = tot.paid - tot.establishment_fee;
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, NULL, 0, &stated);
    ck_assert_int_eq(sum.differences, 0);
    ck_assert_int_eq(sum.have_stated, 1);
    stated.interest += 100;
    sum = audit_rows(&s, rows, n, NULL, 0, &stated);
    ck_assert_int_eq(sum.differences, 1);
    const sl_audit_difference *d = find(&s, SL_AUDIT_STATED_TOTAL, SL_AUDIT_FIELD_INTEREST);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->expected, tot.interest);
    ck_assert_int_eq(d->difference, 100);
}
END_TEST

START_TEST(tolerance_is_reported_as_such)
{
    sl_loan_terms t = example_terms();
    static sl_plan_row rows[600];
    int n = engine_rows(rows, 600, &t);
    rows[4].payment += 1; /* another system rounding the payment up */
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, &t, 1, NULL);
    ck_assert_int_eq(sum.differences, 0);
    ck_assert_int_eq(sum.within_tolerance, 2); /* sum rule and mismatch */
    ck_assert_int_eq(s.d[0].within_tolerance, 1);
    sum = audit_rows(&s, rows, n, &t, 0, NULL);
    ck_assert_int_eq(sum.differences, 2);
    ck_assert_int_eq(sum.within_tolerance, 0);
}
END_TEST

START_TEST(rate_jump_is_located)
{
    /* 24 monthly rows, 5 % for 12 terms then 6 %: serial, 1000 kr a term */
    sl_plan_row rows[24];
    sl_money b = M("24000");
    for (int i = 0; i < 24; i++) {
        sl_rate r = i < 12 ? R("5") : R("6");
        sl_plan_row *x = &rows[i];
        memset(x, 0, sizeof *x);
        x->term = i + 1;
        x->opening_balance = b;
        ck_assert_int_eq(sl_interest_for_term(&x->interest, b, r, 12), SL_OK);
        x->principal = M("1000");
        x->payment = x->interest + x->principal;
        x->closing_balance = b - x->principal;
        b = x->closing_balance;
    }
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, 24, NULL, 0, NULL);
    ck_assert_int_eq(sum.differences, 0);
    ck_assert_int_eq(sum.rate_jumps, 1);
    ck_assert_int_eq(s.d[0].check, SL_AUDIT_RATE_JUMP);
    ck_assert_int_eq(s.d[0].row, 13);
    /* 12 000 kr at 5 % / 12 = 50 kr expected, 60 kr found */
    ck_assert_int_eq(s.d[0].expected, M("50"));
    ck_assert_int_eq(s.d[0].found, M("60"));
}
END_TEST

/* Plans longer or shorter than terms->terms (issue 12, defect 1): a window
 * that moves the end, a rate rise that keeps the payment, and an extra
 * payment that shortens the plan must audit as matches, row for row. */
static void longer_or_shorter(const sl_loan_terms *t, int longer)
{
    static sl_plan_row rows[200];
    int n = engine_rows(rows, 200, t);
    ck_assert(longer ? n > t->terms : n < t->terms);
    seen s;
    sl_audit_summary sum = audit_rows(&s, rows, n, t, 0, NULL);
    ck_assert_int_eq(sum.differences, 0);
    ck_assert_int_eq(sum.expected.terms, n);
    /* the last row dropped is found missing, by its term */
    sum = audit_rows(&s, rows, n - 1, t, 0, NULL);
    const sl_audit_difference *d = find(&s, SL_AUDIT_MISSING_ROW, SL_AUDIT_FIELD_ROW);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->term, n);
}

START_TEST(plans_longer_or_shorter_than_terms)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M("120 000");
    t.nominal_rate = R("5");
    t.terms = 12;
    sl_interest_only_window w = {3, 6};
    t.interest_only_windows = &w;
    t.interest_only_window_count = 1;
    t.interest_only_moves_end = 1;
    longer_or_shorter(&t, 1); /* 12 terms + a 6-term window = 18 rows */

    t = example_terms();
    t.terms = 24;
    sl_rate_change c = {{2025, 8, 1}, R("9")};
    t.rate_changes = &c;
    t.rate_change_count = 1;
    t.rate_change_keeps_payment = 1;
    longer_or_shorter(&t, 1);

    t = example_terms();
    t.terms = 24;
    sl_extra_payment x = {{2025, 8, 20}, M("300 000"), 1};
    t.extra_payments = &x;
    t.extra_payment_count = 1;
    longer_or_shorter(&t, 0);
}
END_TEST

/* Counts of causes and consequences, and the causes themselves. */
typedef struct divergences {
    sl_audit_difference cause[16];
    int causes;
    long follows[1000]; /* per row of a divergence: differences that follow from it */
    long consequences;
} divergences;

static int count_divergences(void *ctx, const sl_audit_difference *d)
{
    divergences *v = ctx;
    if (d->check == SL_AUDIT_RATE_JUMP)
        return 0;
    if (d->follows_from_row == 0) {
        if (v->causes < 16)
            v->cause[v->causes] = *d;
        v->causes++;
    } else {
        ck_assert_int_lt(d->follows_from_row, 1000);
        v->follows[d->follows_from_row]++;
        v->consequences++;
    }
    return 0;
}

static void audit_divergences(divergences *v, const sl_plan_row *rows, int n,
                              const sl_loan_terms *t)
{
    memset(v, 0, sizeof *v);
    sl_audit_options o = SL_AUDIT_OPTIONS_INIT;
    o.report = count_divergences;
    o.report_ctx = v;
    sl_audit *a;
    ck_assert_int_eq(sl_audit_new(&a, t, &o, NULL), SL_OK);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(sl_audit_add_row(a, &rows[i]), SL_OK);
    ck_assert_int_eq(sl_audit_finish(a, NULL), SL_OK);
    sl_audit_free(a);
}

/* One øre too much interest in a row, carried through the balances as a real
 * system would (payment kept, principal one øre less, every later balance one
 * øre higher, the last term pays it): one divergence at that row, naming the
 * interest; every later difference follows from it. A second, independent
 * error is a divergence of its own. Random rows and contracts. */
START_TEST(first_divergence_and_its_consequences)
{
    test_rng g = {test_seed("audit-divergence")};
    static sl_plan_row rows[600];
    for (int round = 0; round < 40; round++) {
        sl_loan_terms t = example_terms();
        t.principal = rng_range(&g, 10000000, 500000000);
        t.terms = (int)rng_range(&g, 24, 360);
        t.nominal_rate = (sl_rate){rng_range(&g, 100, 9000), 100000};
        int n = engine_rows(rows, 600, &t);
        int k = (int)rng_range(&g, 1, n - 3); /* 0-based row that diverges */
        rows[k].interest += 1;
        rows[k].principal -= 1;
        for (int i = k; i < n; i++) {
            if (i > k)
                rows[i].opening_balance += 1;
            rows[i].closing_balance += 1;
        }
        rows[n - 1].principal += 1;
        rows[n - 1].payment += 1;
        rows[n - 1].closing_balance -= 1;
        divergences v;
        audit_divergences(&v, rows, n, &t);
        ck_assert_msg(v.causes == 1, "round %d: %d causes (row %d of %d)", round, v.causes,
                      k + 1, n);
        ck_assert_int_eq(v.cause[0].row, k + 1);
        ck_assert_int_eq(v.cause[0].field, SL_AUDIT_FIELD_INTEREST);
        ck_assert_int_eq(v.cause[0].difference, 1);
        ck_assert_int_eq(v.consequences, v.follows[k + 1]);
        ck_assert_int_ge(v.consequences, n - k - 1); /* at least every later balance */

        /* and a second error: a fee one krone too high in a later row */
        int k2 = (int)rng_range(&g, k + 1, n - 2);
        rows[k2].fee += 100;
        rows[k2].payment += 100;
        audit_divergences(&v, rows, n, &t);
        ck_assert_int_eq(v.causes, 1 + 1);
        ck_assert_int_eq(v.cause[1].row, k2 + 1);
        ck_assert_int_eq(v.cause[1].field, SL_AUDIT_FIELD_FEE);
    }
}
END_TEST

/* Without terms, one closing balance typed wrong is seen by the next row
 * (its opening balance derived from it): one divergence, one consequence. */
START_TEST(wrong_balance_seen_by_the_next_row)
{
    static sl_plan_row rows[600];
    sl_loan_terms t = example_terms();
    int n = engine_rows(rows, 600, &t);
    rows[49].closing_balance += 7;
    rows[50].opening_balance += 7; /* derived from the previous closing balance */
    divergences v;
    audit_divergences(&v, rows, n, NULL);
    ck_assert_int_eq(v.causes, 1);
    ck_assert_int_eq(v.cause[0].row, 50);
    ck_assert_int_eq(v.cause[0].check, SL_AUDIT_BALANCE);
    ck_assert_int_eq(v.follows[50], 1);
}
END_TEST

START_TEST(bad_arguments)
{
    sl_audit *a;
    sl_audit_options o = SL_AUDIT_OPTIONS_INIT;
    o.tolerance = -1;
    sl_error err;
    ck_assert_int_eq(sl_audit_new(&a, NULL, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "tolerance");
    o.tolerance = 0;
    o.version = 99;
    ck_assert_int_eq(sl_audit_new(&a, NULL, &o, &err), SL_EVERSION);
    sl_loan_terms t = example_terms();
    t.terms = 0;
    ck_assert_int_eq(sl_audit_new(&a, &t, NULL, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "terms");
    ck_assert_int_eq(sl_audit_new(&a, NULL, NULL, NULL), SL_OK);
    ck_assert_int_eq(sl_audit_finish(a, NULL), SL_OK);
    sl_plan_row r = {0};
    ck_assert_int_eq(sl_audit_add_row(a, &r), SL_ESTATE);
    sl_audit_free(a);
    sl_audit_free(NULL);
    ck_assert_str_eq(sl_audit_check_name(SL_AUDIT_CHAIN), "chain");
    ck_assert_str_eq(sl_audit_field_name(SL_AUDIT_FIELD_CLOSING_BALANCE), "closing_balance");
    ck_assert_ptr_null(sl_audit_check_name((sl_audit_check)99));
}
END_TEST

static Suite *audit_suite(void)
{
    Suite *s = suite_create("audit");
    TCase *tc = tcase_create("clean");
    tcase_add_test(tc, engine_plans_pass);
    suite_add_tcase(s, tc);
    tc = tcase_create("faults");
    tcase_add_test(tc, one_ore_moved_is_pinpointed);
    tcase_add_test(tc, dropped_row_is_pinpointed);
    tcase_add_test(tc, swapped_rows_are_pinpointed);
    tcase_add_test(tc, wrong_stated_total_is_caught);
    tcase_add_test(tc, tolerance_is_reported_as_such);
    tcase_add_test(tc, rate_jump_is_located);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, plans_longer_or_shorter_than_terms);
    tcase_add_test(tc, first_divergence_and_its_consequences);
    tcase_add_test(tc, wrong_balance_seen_by_the_next_row);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(audit_suite());
}
