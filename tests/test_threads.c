/* The library from 8 threads at once: plans, effective rates (APR), rate
 * conversions, capacity and audits computed concurrently must equal the
 * same work done on one thread. Built like every suite; under
 * ThreadSanitizer (.ci/run's "thread sanitizer" step) it also proves that no
 * two calls share mutable state. */
#include <pthread.h>

#include "testutil.h"

#define THREADS 8
#define JOBS 48

/* What one job computes: a digest of every figure, compared exactly. */
typedef struct job_result {
    sl_plan_totals totals;
    sl_money last_payment;
    sl_rate apr;
    sl_rate nominal, effective;
    sl_money max_loan;
    int64_t audit_rows, audit_differences;
    int rc;
} job_result;

typedef struct job {
    uint64_t seed;
    job_result result;
} job;

static void run_job(job *j)
{
    test_rng g = {j->seed};
    job_result *r = &j->result;
    memset(r, 0, sizeof *r);
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = rng_range(&g, 10000000, 500000000);
    t.nominal_rate = (sl_rate){rng_range(&g, 0, 900), 10000};
    t.terms = (int)rng_range(&g, 12, 360);
    t.term_fee = rng_range(&g, 0, 10000);
    t.establishment_fee = rng_range(&g, 0, 100000);
    t.type = (sl_loan_type)rng_range(&g, 0, 1);
    t.payout_date = (sl_date){2025, (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28)};

    /* The plan, and an audit of its own rows (no differences expected). */
    sl_plan *p = NULL;
    sl_audit *a = NULL;
    if ((r->rc = sl_plan_new(&p, &t, NULL)) != SL_OK)
        return;
    if ((r->rc = sl_audit_new(&a, &t, NULL, NULL)) != SL_OK) {
        sl_plan_free(p);
        return;
    }
    sl_plan_row row;
    int rc;
    while ((rc = sl_plan_next(p, &row)) == 1) {
        r->last_payment = row.payment;
        if (sl_audit_add_row(a, &row) != SL_OK)
            rc = -100;
    }
    sl_plan_totals_so_far(p, &r->totals);
    sl_audit_summary sum;
    if (rc == 0)
        rc = sl_audit_finish(a, &sum);
    sl_audit_free(a);
    sl_plan_free(p);
    if ((r->rc = rc) != SL_OK)
        return;
    r->audit_rows = sum.rows;
    r->audit_differences = sum.differences;

    /* The effective rate of the plan (certified APR). */
    sl_plan_cost cost;
    if ((r->rc = sl_plan_cost_compute(&cost, &t, NULL, NULL)) != SL_OK)
        return;
    r->apr = cost.apr.rate;

    /* Conversions both ways. */
    if ((r->rc = sl_nominal_to_effective(&r->effective, NULL, t.nominal_rate, 12, 6,
                                         SL_ROUND_HALF_UP, NULL)) != SL_OK ||
        (r->rc = sl_effective_to_nominal(&r->nominal, NULL, r->effective, 12, 6,
                                         SL_ROUND_HALF_UP, NULL)) != SL_OK)
        return;

    /* Capacity: the largest loan for a household. */
    sl_loan_terms cap_loan;
    sl_loan_terms_init(&cap_loan);
    cap_loan.terms = (int)rng_range(&g, 120, 360);
    sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
    o.loan = &cap_loan;
    o.date = (sl_date){2024, 6, 1};
    o.policy_rate = (sl_rate){rng_range(&g, 100, 600), 10000};
    sl_household h = SL_HOUSEHOLD_INIT;
    h.adults = SL_ADULTS_COUPLE;
    h.children_0_5 = (int)rng_range(&g, 0, 2);
    h.income = rng_range(&g, 3000000, 9000000);
    h.fixed_costs = rng_range(&g, 0, 500000);
    h.maintenance = rng_range(&g, 0, 300000);
    r->rc = sl_capacity_max_loan(&r->max_loan, NULL, NULL, &h, &o, NULL);
}

static int same(const job_result *a, const job_result *b)
{
    return a->rc == b->rc && totals_equal(&a->totals, &b->totals) &&
           a->last_payment == b->last_payment && a->apr.num == b->apr.num &&
           a->apr.den == b->apr.den && a->nominal.num == b->nominal.num &&
           a->nominal.den == b->nominal.den && a->effective.num == b->effective.num &&
           a->effective.den == b->effective.den && a->max_loan == b->max_loan &&
           a->audit_rows == b->audit_rows && a->audit_differences == b->audit_differences;
}

typedef struct worker {
    job *jobs;
    int first, step;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int i = w->first; i < JOBS; i += w->step)
        run_job(&w->jobs[i]);
    return NULL;
}

START_TEST(eight_threads_equal_one)
{
    uint64_t seed = test_seed("threads");
    static job alone[JOBS], together[JOBS];
    test_rng g = {seed};
    for (int i = 0; i < JOBS; i++)
        alone[i].seed = together[i].seed = rng_next(&g);
    for (int i = 0; i < JOBS; i++)
        run_job(&alone[i]);
    pthread_t th[THREADS];
    worker w[THREADS];
    for (int k = 0; k < THREADS; k++) {
        w[k] = (worker){together, k, THREADS};
        ck_assert_int_eq(pthread_create(&th[k], NULL, work, &w[k]), 0);
    }
    for (int k = 0; k < THREADS; k++)
        ck_assert_int_eq(pthread_join(th[k], NULL), 0);
    for (int i = 0; i < JOBS; i++) {
        REQUIRE(alone[i].result.rc == SL_OK, "seed %llu job %d: %s", (unsigned long long)seed, i,
                sl_strerror(alone[i].result.rc));
        REQUIRE(alone[i].result.audit_differences == 0, "seed %llu job %d", (unsigned long long)seed, i);
        REQUIRE(same(&alone[i].result, &together[i].result), "seed %llu job %d differs between threads",
                (unsigned long long)seed, i);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, eight_threads_equal_one);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
