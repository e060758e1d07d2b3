/* Contract validation and the plan engine: a contract decoded from the
 * bytes is either refused with an error naming a field, or its plan keeps
 * the invariants on every row: the row adds up (payment = interest +
 * principal + fee, closing = opening − principal), balances chain and never
 * go below 0, the principal sums to the loan and the balance ends at 0
 * (or at what a full repayment settles), and the totals are the rows' sums. */
#include "fuzz_input.h"

static void check_plan(const sl_loan_terms *t, sl_plan *plan, sl_plan_totals *tot)
{
    sl_plan_row r;
    sl_money balance = t->principal, principal = 0, interest = 0, fees = 0;
    int rows = 0, rc;
    /* 50 years of the most frequent terms, and a window's extension */
    int max_rows = SL_PLAN_MAX_YEARS * 12 + 12;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        rows++;
        FUZZ_REQUIRE(rows <= max_rows);
        FUZZ_REQUIRE(r.term == rows);
        FUZZ_REQUIRE(r.opening_balance == balance);
        FUZZ_REQUIRE(r.principal >= 0 && r.fee >= 0);
        FUZZ_REQUIRE(r.closing_balance >= 0);
        FUZZ_REQUIRE(r.closing_balance == r.opening_balance - r.principal);
        FUZZ_REQUIRE(r.payment == r.interest + r.principal + r.fee);
        balance = r.closing_balance;
        principal += r.principal;
        interest += r.interest;
        fees += r.fee;
    }
    if (rc < 0) {
        tot->terms = -1;
        return; /* an error mid-plan (e.g. SL_ERANGE) is allowed, a wrong row is not */
    }
    sl_settlement s;
    if (balance != 0) {
        /* only a full repayment (innfrielse) ends a plan with a balance, and it
         * settles exactly that balance */
        FUZZ_REQUIRE(sl_date_is_valid(t->repay_date));
        FUZZ_REQUIRE(sl_plan_settlement(plan, &s) == SL_OK);
        FUZZ_REQUIRE(s.balance == balance);
    }
    FUZZ_REQUIRE(principal + balance == t->principal);
    sl_plan_totals_so_far(plan, tot);
    FUZZ_REQUIRE(tot->terms == rows);
    FUZZ_REQUIRE(tot->principal == principal && tot->interest == interest);
    FUZZ_REQUIRE(tot->term_fees == fees);
    FUZZ_REQUIRE(tot->fees == tot->term_fees + t->establishment_fee);
    FUZZ_REQUIRE(tot->paid == interest + principal + tot->fees);
    /* a rewound plan gives the same rows again */
    sl_plan_rewind(plan);
    sl_money again = 0;
    while (sl_plan_next(plan, &r) == 1)
        again += r.principal;
    FUZZ_REQUIRE(again == principal);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    sl_loan_terms t;
    fuzz_contract c;
    fuzz_loan_terms(&in, &t, &c);
    sl_error err;
    int checked = sl_loan_terms_check(&t, &err);
    sl_plan *plan = NULL;
    int rc = sl_plan_new(&plan, &t, &err);
    if (rc != SL_OK) {
        FUZZ_REQUIRE(rc < 0 && plan == NULL);
        FUZZ_REQUIRE(err.message[0] != '\0');
        return 0;
    }
    FUZZ_REQUIRE(checked == SL_OK); /* the engine takes only what the check accepts */
    sl_plan_totals tot;
    check_plan(&t, plan, &tot);
    sl_plan_free(plan);
    /* the totals without a handle are the engine's */
    sl_plan_totals a;
    if (tot.terms >= 0 && sl_plan_totals_for(&a, &t, &err) == SL_OK)
        FUZZ_REQUIRE(a.terms == tot.terms && a.interest == tot.interest &&
                     a.principal == tot.principal && a.paid == tot.paid);
    return 0;
}
