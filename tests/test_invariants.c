/* Invariants of every plan, over many random loans (seeded; the seed is printed):
 *  - principal sums to the loan and the balance ends at exactly 0;
 *  - the balance never goes negative and each row's opening balance is the
 *    previous row's closing balance;
 *  - every row adds up: payment = interest + principal + fee,
 *    closing = opening − principal;
 *  - interest follows convention 1: round_half_up(opening × rate / terms per year);
 *  - annuity rows before the last pay the level payment; serial rows the instalment;
 *  - the totals are the sums of the rows. */
#include "testutil.h"

#define LOANS 10000
/* Where a failure happened, to replay it. */
#define AT_LOAN "seed %llu loan %d", (unsigned long long)seed, i
#define AT_ROW "seed %llu loan %d term %d", (unsigned long long)seed, i, r.term

static void random_terms(test_rng *g, sl_loan_terms *t)
{
    static const int per_year[] = {12, 4, 2, 1};
    sl_loan_terms_init(t);
    t->terms_per_year = per_year[rng_range(g, 0, 3)];
    t->terms = (int)rng_range(g, 1, SL_PLAN_MAX_YEARS * t->terms_per_year);
    /* principal: mostly startlån-sized, sometimes tiny or huge */
    switch (rng_range(g, 0, 9)) {
    case 0: t->principal = rng_range(g, 1, 10000); break;
    case 1: t->principal = rng_range(g, 1, SL_PLAN_MAX_PRINCIPAL); break;
    default: t->principal = rng_range(g, 10000000, 1000000000); break;
    }
    /* rate: 0–15 % with three decimals, sometimes 0, sometimes up to 100 % */
    int64_t thousandths = rng_range(g, 0, 9) == 0 ? rng_range(g, 0, 100000) : rng_range(g, 0, 15000);
    if (rng_range(g, 0, 19) == 0)
        thousandths = 0;
    ck_assert_int_eq(sl_rate_from_fraction(&t->nominal_rate, thousandths, 100000), SL_OK);
    t->type = rng_range(g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
    t->interest_only_terms = rng_range(g, 0, 3) == 0 ? (int)rng_range(g, 0, t->terms - 1) : 0;
    t->term_fee = rng_range(g, 0, 1) ? rng_range(g, 0, 10000) : 0;
    t->establishment_fee = rng_range(g, 0, 1) ? rng_range(g, 0, 100000) : 0;
    t->payment_rounding.unit = rng_range(g, 0, 3) == 0 ? SL_ROUND_UNIT_KRONE : SL_ROUND_UNIT_ORE;
    t->payment_rounding.mode = (sl_round_mode)rng_range(g, 0, 3);
}

START_TEST(random_loans_keep_the_invariants)
{
    uint64_t seed = test_seed("plan invariants");
    test_rng g = {seed};
    for (int i = 0; i < LOANS; i++) {
        sl_loan_terms t;
        random_terms(&g, &t);
        sl_plan *plan;
        sl_error err;
        ck_assert_msg(sl_plan_new(&plan, &t, &err) == SL_OK, "seed %llu loan %d: %s",
                      (unsigned long long)seed, i, err.message);
        sl_plan_row r;
        sl_money balance = t.principal, principal = 0, interest = 0, paid = 0, level = -1;
        int rows = 0, rc;
        while ((rc = sl_plan_next(plan, &r)) == 1) {
            rows++;
            REQUIRE(r.opening_balance == balance, AT_ROW);
            REQUIRE(r.principal >= 0 && r.interest >= 0, AT_ROW);
            REQUIRE(r.closing_balance >= 0, AT_ROW);
            REQUIRE(r.closing_balance == r.opening_balance - r.principal, AT_ROW);
            REQUIRE(r.payment == r.interest + r.principal + r.fee, AT_ROW);
            REQUIRE(r.fee == t.term_fee, AT_ROW);
            sl_money want_interest;
            REQUIRE(sl__muldiv_round(&want_interest, NULL, r.opening_balance, t.nominal_rate.num,
                                     t.nominal_rate.den, t.terms_per_year, 1,
                                     SL_ROUND_HALF_UP) == SL_OK, AT_ROW);
            REQUIRE(r.interest == want_interest, AT_ROW);
            if (r.term <= t.interest_only_terms)
                REQUIRE(r.principal == 0, AT_ROW);
            else if (r.closing_balance > 0 && r.term < t.terms) {
                /* a level payment (annuity) or a level instalment (serial) */
                sl_money lv = t.type == SL_LOAN_SERIAL ? r.principal : r.interest + r.principal;
                if (t.type == SL_LOAN_ANNUITY && r.principal == 0)
                    lv = level; /* payment below interest: principal held at 0 */
                if (level < 0)
                    level = lv;
                REQUIRE(lv == level, AT_ROW);
            }
            balance = r.closing_balance;
            principal += r.principal;
            interest += r.interest;
            paid += r.payment;
        }
        REQUIRE(rc == 0, AT_LOAN);
        REQUIRE(balance == 0, AT_LOAN);
        REQUIRE(principal == t.principal, AT_LOAN);
        REQUIRE(rows <= t.terms, AT_LOAN);
        sl_plan_totals tot;
        sl_plan_totals_so_far(plan, &tot);
        REQUIRE(tot.terms == rows && tot.principal == principal && tot.interest == interest, AT_LOAN);
        REQUIRE(tot.paid == paid + t.establishment_fee, AT_LOAN);
        REQUIRE(tot.fees == tot.term_fees + t.establishment_fee, AT_LOAN);
        sl_plan_free(plan);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("invariants");
    TCase *tc = tcase_create("invariants");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, random_loans_keep_the_invariants);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
