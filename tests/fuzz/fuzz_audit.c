/* The audit with a contract and rows decoded from the bytes: a contract's
 * own plan (any length: windows that move the end and rate changes that
 * keep the payment make it longer than `terms`) audits as matching, and the
 * same plan with rows changed, dropped or added (or without the contract)
 * never crashes or overflows, and every difference counted was reported. */
#include "fuzz_input.h"

#define MAX_ROWS (SL_PLAN_MAX_YEARS * 12 + 24)

static int count(void *ctx, const sl_audit_difference *d)
{
    (void)d;
    ++*(long *)ctx;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    sl_loan_terms t;
    fuzz_contract c;
    fuzz_loan_terms(&in, &t, &c);
    unsigned how = fuzz_u8(&in);
    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, &t, &err) != SL_OK)
        return 0;
    static sl_plan_row rows[MAX_ROWS];
    int n = 0, rc;
    while (n < MAX_ROWS && (rc = sl_plan_next(plan, &rows[n])) == 1)
        n++;
    sl_plan_free(plan);
    /* changes: set a field of a row, drop a row, repeat a row */
    int changed = 0;
    int changes = how & 1 ? (int)(fuzz_u8(&in) % 9) : 0;
    for (int k = 0; k < changes && n > 0; k++) {
        int i = (int)fuzz_range(&in, 0, n - 1);
        switch (fuzz_u8(&in) % 4) {
        case 0: {
            sl_money *f[] = {&rows[i].opening_balance, &rows[i].interest, &rows[i].principal,
                             &rows[i].fee, &rows[i].payment, &rows[i].closing_balance};
            sl_money *p = f[fuzz_u8(&in) % 6], v = fuzz_int(&in, -100000, 100000);
            changed |= v != 0;
            *p = (sl_money)((uint64_t)*p + (uint64_t)v); /* wraps, as a hostile file may */
            break;
        }
        case 1:
            memmove(&rows[i], &rows[i + 1], (size_t)(n - i - 1) * sizeof rows[0]);
            n--;
            changed = 1;
            break;
        case 2:
            if (n < MAX_ROWS) {
                memmove(&rows[i + 1], &rows[i], (size_t)(n - i) * sizeof rows[0]);
                n++;
                changed = 1;
            }
            break;
        default:
            rows[i].term = fuzz_small(&in, -1, 700);
            changed = 1; /* may equal the old number: not counted as a change below */
            break;
        }
    }
    sl_audit_options o = SL_AUDIT_OPTIONS_INIT;
    long reported = 0;
    o.report = count;
    o.report_ctx = &reported;
    o.tolerance = how & 2 ? fuzz_int(&in, 0, 1000) : 0;
    sl_audit *a;
    if (sl_audit_new(&a, how & 4 ? NULL : &t, &o, &err) != SL_OK)
        return 0;
    int fed = 0;
    while (fed < n && sl_audit_add_row(a, &rows[fed]) == SL_OK)
        fed++; /* a row may stop the audit (sums beyond 64 bits): SL_ERANGE */
    sl_audit_summary s;
    rc = sl_audit_finish(a, &s);
    sl_audit_free(a);
    if (rc != SL_OK)
        return 0;
    FUZZ_REQUIRE(reported >= s.differences);
    FUZZ_REQUIRE(s.rows >= fed && s.rows <= n);
    if (!changed && !(how & 2) && n < MAX_ROWS && !(how & 4) && fed == n)
        FUZZ_REQUIRE(s.differences == 0); /* the engine's own plan matches */
    return 0;
}
