/* Convention 1 for many terms at one rate: round_half_up(balance × num /
 * (den × k)), computed without a division instruction or GMP whenever the
 * product fits in 64 bits (decided up front from the bound, not by trapping),
 * and by the general exact helper otherwise. The result is the same either
 * way; tests compare the two on random and edge operands. */
#ifndef SL_INTEREST_INTERNAL_H
#define SL_INTEREST_INTERNAL_H

#include <stdint.h>

#include "arith_internal.h"
#include "fastdiv_internal.h"
#include "startlan/rate.h"

typedef struct sl__term_interest {
    sl_rate rate;          /* annual rate num/den, den > 0, num >= 0 */
    int terms_per_year;
#ifdef SL_HAVE_FASTDIV
    uint64_t max_balance;  /* balances up to this take the 64-bit path (0: none) */
    uint64_t divisor;      /* den × terms per year */
    sl__divider div;       /* division by 2 × divisor */
#endif
} sl__term_interest;

/* Prepare for rate and k terms per year (rate.num >= 0, rate.den > 0). */
static inline void sl__term_interest_init(sl__term_interest *ti, sl_rate rate, int k)
{
    ti->rate = rate;
    ti->terms_per_year = k;
#ifdef SL_HAVE_FASTDIV
    ti->max_balance = 0; /* no fast path until a divisor is prepared */
    ti->divisor = 1;
    sl__divider_init(&ti->div, 2);
    uint64_t d;
    if (rate.num >= 0 && rate.den > 0 && k > 0 &&
        !__builtin_mul_overflow((uint64_t)rate.den, (uint64_t)k, &d) && d < ((uint64_t)1 << 62)) {
        /* half up: floor((2·balance·num + d) / (2d)), all of it below 2^64 */
        ti->divisor = d;
        ti->max_balance =
            rate.num == 0 ? (uint64_t)INT64_MAX : (UINT64_MAX - d) / 2 / (uint64_t)rate.num;
        sl__divider_init(&ti->div, 2 * d);
    }
#endif
}

#ifdef SL_HAVE_FASTDIV
/* The 64-bit path alone: 0 <= balance <= ti->max_balance. */
static inline int64_t sl__term_interest_64(const sl__term_interest *ti, int64_t balance)
{
    uint64_t twice = 2 * (uint64_t)balance * (uint64_t)ti->rate.num + ti->divisor;
    return (int64_t)sl__divide(&ti->div, twice); /* < 2^63: twice < 2^64, divisor >= 1 */
}
#endif

/* Interest for one equal period on balance (>= 0): 0 or a negative code. */
static inline int sl__term_interest_of(const sl__term_interest *ti, int64_t balance, int64_t *out)
{
#ifdef SL_HAVE_FASTDIV
    if (balance >= 0 && (uint64_t)balance <= ti->max_balance) {
        *out = sl__term_interest_64(ti, balance);
        return SL_OK;
    }
#endif
    return sl__muldiv_round(out, NULL, balance, ti->rate.num, ti->rate.den, ti->terms_per_year, 1,
                            SL_ROUND_HALF_UP);
}

#endif
