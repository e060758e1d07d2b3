/* The fast paths give bit for bit what the exact definitions give:
 *  - the engine's straight path for contracts without events against its
 *    general per-term path, row by row, over random contracts;
 *  - convention-1 interest by a prepared 64-bit division against the exact
 *    quotient, including balances past the bound where it hands over;
 *  - the annuity decided by certain interval bounds against the exact GMP
 *    rational, including exact ties where the bounds must hand over. */
#include "annuity_internal.h"
#include "interest_internal.h"
#include "plan_internal.h"
#include "fixed128_internal.h"
#include "testutil.h"

static void random_simple_terms(test_rng *g, sl_loan_terms *t)
{
    static const int per_year[] = {12, 4, 2, 1};
    sl_loan_terms_init(t);
    t->terms_per_year = per_year[rng_range(g, 0, 3)];
    t->terms = (int)rng_range(g, 1, SL_PLAN_MAX_YEARS * t->terms_per_year);
    t->principal = rng_range(g, 0, 4) ? rng_range(g, 10000000, 500000000)
                                      : rng_range(g, 1, SL_PLAN_MAX_PRINCIPAL);
    REQUIRE(sl_rate_from_fraction(&t->nominal_rate, rng_range(g, 0, 9) ? rng_range(g, 0, 15000)
                                                                          : rng_range(g, 0, 100000),
                                  100000) == SL_OK, "rate");
    if (rng_range(g, 0, 7) == 0) /* twelve decimals: the 64-bit interest bound is a few
                                    thousand kroner, so the plan hands over mid-way */
        REQUIRE(sl_rate_from_fraction(&t->nominal_rate, rng_range(g, 1, 15000000000000LL),
                                      100000000000000LL) == SL_OK, "rate");
    t->type = rng_range(g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
    t->interest_only_terms = rng_range(g, 0, 3) == 0 ? (int)rng_range(g, 0, t->terms - 1) : 0;
    t->term_fee = rng_range(g, 0, 1) ? rng_range(g, 0, 10000) : 0;
    t->establishment_fee = rng_range(g, 0, 100000);
    t->payment_rounding.unit = rng_range(g, 0, 3) == 0 ? SL_ROUND_UNIT_KRONE : SL_ROUND_UNIT_ORE;
    t->payment_rounding.mode = (sl_round_mode)rng_range(g, 0, 3);
    if (rng_range(g, 0, 1)) {
        t->payout_date.year = (int)rng_range(g, 2000, 2030);
        t->payout_date.month = (int)rng_range(g, 1, 12);
        t->payout_date.day = (int)rng_range(
            g, 1, sl_date_days_in_month(t->payout_date.year, t->payout_date.month));
        if (rng_range(g, 0, 3) == 0) /* due on another day (the first period may break) */
            t->due_day = (int)rng_range(g, 1, 28);
    }
}

START_TEST(straight_path_equals_general_path)
{
    uint64_t seed = test_seed("engine paths");
    test_rng g = {seed};
    for (int i = 0; i < 3000; i++) {
        sl_loan_terms t;
        random_simple_terms(&g, &t);
        sl_plan *fast, *general;
        REQUIRE(sl_plan_new(&fast, &t, NULL) == SL_OK, "seed %llu loan %d", (unsigned long long)seed, i);
        REQUIRE(sl_plan_new(&general, &t, NULL) == SL_OK, "seed %llu loan %d", (unsigned long long)seed, i);
        sl__plan_use_general_path(general);
        sl_plan_row a, b;
        int ra, rb;
        sl_plan_totals ta, tb;
        do {
            ra = sl_plan_next(fast, &a);
            rb = sl_plan_next(general, &b);
            REQUIRE(ra == rb && (ra != 1 || rows_equal(&a, &b)), "seed %llu loan %d term %d",
                    (unsigned long long)seed, i, b.term);
            /* the totals so far, also in the middle of a run of steady rows */
            sl_plan_totals_so_far(fast, &ta);
            sl_plan_totals_so_far(general, &tb);
            REQUIRE(totals_equal(&ta, &tb), "totals: seed %llu loan %d term %d",
                    (unsigned long long)seed, i, b.term);
        } while (ra == 1);
        sl_plan_totals_so_far(fast, &ta);
        sl_plan_totals_so_far(general, &tb);
        REQUIRE(totals_equal(&ta, &tb), "seed %llu loan %d", (unsigned long long)seed, i);
        /* rewound, the fast plan gives the same rows again */
        sl_plan_rewind(fast);
        sl_plan_rewind(general);
        do {
            ra = sl_plan_next(fast, &a);
            rb = sl_plan_next(general, &b);
            REQUIRE(ra == rb && (ra != 1 || rows_equal(&a, &b)), "rewound: seed %llu loan %d term %d",
                    (unsigned long long)seed, i, b.term);
        } while (ra == 1);
        sl_plan_free(fast);
        sl_plan_free(general);
    }
}
END_TEST

START_TEST(prepared_interest_equals_exact_quotient)
{
    uint64_t seed = test_seed("term interest");
    test_rng g = {seed};
    static const int per_year[] = {12, 4, 2, 1};
    for (int i = 0; i < 20000; i++) {
        sl_rate r;
        int64_t den = rng_range(&g, 0, 1) ? 100000 : rng_range(&g, 1, SL_PLAN_MAX_RATE_DENOMINATOR);
        REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 0, den), den) == SL_OK, "rate");
        int k = per_year[rng_range(&g, 0, 3)];
        sl__term_interest ti;
        sl__term_interest_init(&ti, r, k);
        for (int j = 0; j < 50; j++) {
            /* balances on both sides of the 64-bit bound, and at it */
            int64_t bal = j == 0   ? SL_PLAN_MAX_PRINCIPAL
                          : j == 1 ? 0
#ifdef SL_HAVE_FASTDIV
                          : j == 2 && ti.max_balance < (uint64_t)INT64_MAX ? (int64_t)ti.max_balance
                          : j == 3 && ti.max_balance < (uint64_t)INT64_MAX ? (int64_t)ti.max_balance + 1
#endif
                                   : rng_range(&g, 0, SL_PLAN_MAX_PRINCIPAL);
            int64_t fast = -1, exact = -2;
            REQUIRE(sl__term_interest_of(&ti, bal, &fast) == SL_OK, "%lld", (long long)bal);
            REQUIRE(sl__muldiv_round(&exact, NULL, bal, r.num, r.den, k, 1, SL_ROUND_HALF_UP) ==
                        SL_OK, "%lld", (long long)bal);
            REQUIRE(fast == exact, "seed %llu: %lld × %lld / (%lld × %d): %lld, exact %lld",
                    (unsigned long long)seed, (long long)bal, (long long)r.num, (long long)r.den,
                    k, (long long)fast, (long long)exact);
        }
    }
}
END_TEST

/* The exact annuity rounded by the policy (the definition). */
static sl_money exact_annuity(sl_money p, sl_rate r, int k, int n, sl_rounding ro)
{
    mpq_t a;
    mpq_init(a);
    REQUIRE(sl_annuity_exact(a, p, r, k, n) == SL_OK, "annuity");
    mpz_t q;
    mpz_init(q);
    REQUIRE(sl__mpz_round_quotient(q, NULL, mpq_numref(a), mpq_denref(a), ro.unit, ro.mode) ==
                SL_OK,
            "rounding");
    int64_t v = 0;
    REQUIRE(sl__mpz_get_i64(&v, q) == SL_OK, "range");
    mpz_clear(q);
    mpq_clear(a);
    return v;
}

START_TEST(annuity_bounds_are_certain)
{
    uint64_t seed = test_seed("annuity bounds");
    test_rng g = {seed};
    int decided = 0, total = 0;
    for (int i = 0; i < 20000; i++) {
        sl_money p = rng_range(&g, 0, 3) ? rng_range(&g, 10000000, 500000000)
                                         : rng_range(&g, 1, SL_PLAN_MAX_PRINCIPAL);
        sl_rate r;
        REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 1, 100000), 100000) == SL_OK, "rate");
        int k = (int)(12 / (1 << rng_range(&g, 0, 2)));
        int n = (int)rng_range(&g, 1, 600);
        sl_rounding ro = {rng_range(&g, 0, 1) ? SL_ROUND_UNIT_ORE : SL_ROUND_UNIT_KRONE,
                          (sl_round_mode)rng_range(&g, 0, 3)};
        sl_money want = exact_annuity(p, r, k, n, ro), got = -1;
        int64_t b = r.den * k, a = r.num, x = a, y = b;
        while (y) {
            int64_t t = x % y;
            x = y;
            y = t;
        }
        total++;
        if (sl__annuity_by_bounds(&got, p, a / x, b / x, n, ro.unit, ro.mode)) {
            decided++;
            REQUIRE(got == want, "seed %llu case %d", (unsigned long long)seed, i);
        }
        sl_money pub = -1;
        REQUIRE(sl_annuity_payment(&pub, p, r, k, n, ro) == SL_OK && pub == want,
                "seed %llu case %d", (unsigned long long)seed, i);
    }
#ifdef SL_HAVE_FIXED128
    /* the bounds decide all but a vanishing share */
    ck_assert_int_ge(decided, total - total / 1000);
#else
    /* the portable build has no bounds: every case takes the exact rational */
    ck_assert_int_eq(decided, 0);
#endif
}
END_TEST

START_TEST(annuity_ties_hand_over)
{
    /* One term at 600 % a year, monthly (r = 1/2): A = P·(1 + r) = 1.5 · P
     * exactly. For P = 1 øre, A = 1.5 øre: a tie. Half-up → 2, half-even → 2,
     * down → 1, up → 2; for P = 3 øre, A = 4.5: half-even → 4. */
    sl_rate r;
    ck_assert_int_eq(sl_rate_from_fraction(&r, 6, 1), SL_OK);
    static const struct {
        sl_money p;
        sl_round_mode mode;
        sl_money want;
    } cases[] = {{1, SL_ROUND_HALF_UP, 2}, {1, SL_ROUND_HALF_EVEN, 2}, {1, SL_ROUND_DOWN, 1},
                 {1, SL_ROUND_UP, 2},      {3, SL_ROUND_HALF_EVEN, 4}, {3, SL_ROUND_HALF_UP, 5},
                 {2, SL_ROUND_UP, 3}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rounding ro = {SL_ROUND_UNIT_ORE, cases[i].mode};
        sl_money got;
        ck_assert_int_eq(sl_annuity_payment(&got, cases[i].p, r, 12, 1, ro), SL_OK);
        ck_assert_int_eq(got, cases[i].want);
        ck_assert_int_eq(got, exact_annuity(cases[i].p, r, 12, 1, ro));
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fastpath");
    TCase *tc = tcase_create("fastpath");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, straight_path_equals_general_path);
    tcase_add_test(tc, prepared_interest_equals_exact_quotient);
    tcase_add_test(tc, annuity_bounds_are_certain);
    tcase_add_test(tc, annuity_ties_hand_over);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
