/* The certified APR solver on random flows: a result is bracketed
 * (low <= high, low == high when exact, above -100 %, and not below 0
 * without allow_negative); anything else is an error code, never a
 * crash, a hang or a number from nothing. */
#include "fuzz_input.h"


#define MAX_FLOWS 24

static void check_result(const sl_apr_result *r, const sl_apr_options *o)
{
    FUZZ_REQUIRE(r->rate.den > 0 && r->low.den > 0 && r->high.den > 0);
    FUZZ_REQUIRE(sl_rate_compare(r->low, r->high) <= 0);
    if (r->exact)
        FUZZ_REQUIRE(sl_rate_compare(r->low, r->high) == 0);
    if (!o->allow_negative)
        FUZZ_REQUIRE(r->rate.num >= 0);
    sl_rate minus_one = {-1, 1};
    FUZZ_REQUIRE(sl_rate_compare(r->low, minus_one) > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    unsigned how = fuzz_u8(&in);
    o.decimals = how & 1 ? fuzz_small(&in, 0, 13) : 2;
    o.mode = (sl_round_mode)(fuzz_u8(&in) % 5);
    o.time = (sl_apr_time)(fuzz_u8(&in) % 4);
    o.allow_negative = (how >> 1) & 1;
    size_t count = fuzz_range(&in, 0, MAX_FLOWS);
    sl_apr_result r;
    sl_error err;
    if (how & 4) {
        sl_dated_flow f[MAX_FLOWS];
        for (size_t i = 0; i < count; i++) {
            f[i].date = fuzz_date(&in);
            f[i].amount = fuzz_int(&in, -100000000, 100000000);
        }
        if (sl_apr_dated(&r, f, count, &o, &err) == SL_OK)
            check_result(&r, &o);
        return 0;
    }
    sl_apr_flow f[MAX_FLOWS];
    for (size_t i = 0; i < count; i++) {
        f[i].time_num = fuzz_int(&in, 0, 600);
        f[i].time_den = fuzz_int(&in, 1, 12);
        f[i].amount = fuzz_int(&in, -100000000, 100000000);
    }
    if (sl_apr(&r, f, count, &o, &err) == SL_OK)
        check_result(&r, &o);
    return 0;
}
