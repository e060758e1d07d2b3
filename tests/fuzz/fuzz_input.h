/* Decoding fuzz input bytes into the library's values and a whole contract.
 * Most values are drawn from the ranges users give, some from the edges
 * (raw 64-bit values, the documented limits), so both the arithmetic and
 * the validation are reached. Running out of bytes gives zeros. */
#ifndef SL_FUZZ_INPUT_H
#define SL_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <startlan.h>

/* A failed check inside a harness: a finding (libFuzzer reports the abort). */
#define FUZZ_REQUIRE(cond)                                                                  \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);    \
            abort();                                                                        \
        }                                                                                   \
    } while (0)

typedef struct fuzz_input {
    const uint8_t *p;
    size_t n;
} fuzz_input;

static inline uint64_t fuzz_bits(fuzz_input *in, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes && in->n; i++, in->p++, in->n--)
        v |= (uint64_t)*in->p << (8 * i);
    return v;
}

static inline unsigned fuzz_u8(fuzz_input *in)
{
    return (unsigned)fuzz_bits(in, 1);
}

/* lo .. hi inclusive (hi >= lo). */
static inline int64_t fuzz_range(fuzz_input *in, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    uint64_t v = fuzz_bits(in, span <= 0xff ? 1 : span <= 0xffff ? 2 : span <= 0xffffffffu ? 4 : 8);
    if (span != UINT64_MAX)
        v %= span + 1;
    return (int64_t)((uint64_t)lo + v);
}

/* Any int64, an edge, or a value in lo .. hi. */
static inline int64_t fuzz_int(fuzz_input *in, int64_t lo, int64_t hi)
{
    static const int64_t edges[] = {0, 1, -1, INT64_MAX, INT64_MIN, INT64_MAX / 100,
                                    SL_PLAN_MAX_PRINCIPAL, SL_PLAN_MAX_PRINCIPAL + 1,
                                    INT32_MAX, (int64_t)INT32_MAX + 1};
    unsigned how = fuzz_u8(in) % 16;
    if (how == 0)
        return (int64_t)fuzz_bits(in, 8);
    if (how == 1) {
        int64_t e = edges[fuzz_u8(in) % (sizeof edges / sizeof edges[0])];
        return e + (int64_t)fuzz_range(in, -2, 2) * (e > INT64_MIN + 2 && e < INT64_MAX - 2);
    }
    return fuzz_range(in, lo, hi);
}

static inline int fuzz_small(fuzz_input *in, int lo, int hi)
{
    int64_t v = fuzz_int(in, lo, hi);
    return v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int)v;
}

/* An amount: mostly 0 .. 100 million kr, in øre. */
static inline sl_money fuzz_money(fuzz_input *in)
{
    return fuzz_int(in, 0, 10000000000LL);
}

/* A rate num/den: mostly a percent with up to 3 decimals in 0 .. 20 %, at
 * times any fraction (reduced by the library; den 0 is refused there). */
static inline sl_rate fuzz_rate(fuzz_input *in)
{
    sl_rate r = {0, 1};
    if (fuzz_u8(in) % 8 == 0) {
        int64_t num = fuzz_int(in, -1000, 1000000), den = fuzz_int(in, 1, 1000000000000LL);
        if (sl_rate_from_fraction(&r, num, den) != SL_OK)
            r = (sl_rate){num, den}; /* as given: the callee must refuse it */
        return r;
    }
    if (sl_rate_from_fraction(&r, fuzz_range(in, 0, 20000), 100000) != SL_OK)
        abort();
    return r;
}

/* A date: mostly 1990 .. 2080, at times any triple. */
static inline sl_date fuzz_date(fuzz_input *in)
{
    if (fuzz_u8(in) % 8 == 0)
        return (sl_date){fuzz_small(in, 0, 10000), fuzz_small(in, 0, 13), fuzz_small(in, 0, 32)};
    return (sl_date){(int)fuzz_range(in, 1990, 2080), (int)fuzz_range(in, 1, 12),
                     (int)fuzz_range(in, 1, 28)};
}

static inline sl_date fuzz_date_or_none(fuzz_input *in)
{
    return fuzz_u8(in) % 2 ? fuzz_date(in) : (sl_date)SL_DATE_NONE;
}

#define FUZZ_MAX_EVENTS 8

/* The arrays a decoded contract points at. */
typedef struct fuzz_contract {
    sl_rate_change changes[FUZZ_MAX_EVENTS];
    sl_interest_only_window windows[FUZZ_MAX_EVENTS];
    sl_extra_payment extras[FUZZ_MAX_EVENTS];
} fuzz_contract;

/* A contract decoded from the input: every field of sl_loan_terms, the
 * arrays in c. Not validated: that is the library's job. */
static inline void fuzz_loan_terms(fuzz_input *in, sl_loan_terms *t, fuzz_contract *c)
{
    static const int tpy[] = {12, 4, 2, 1};
    sl_loan_terms_init(t);
    t->principal = fuzz_int(in, 1, 500000000);
    t->nominal_rate = fuzz_rate(in);
    t->terms_per_year = fuzz_u8(in) % 16 ? tpy[fuzz_u8(in) % 4] : fuzz_small(in, -1, 13);
    t->terms = fuzz_small(in, 1, 360);
    t->type = fuzz_u8(in) % 16 ? (sl_loan_type)(fuzz_u8(in) % 2) : (sl_loan_type)fuzz_small(in, -1, 3);
    t->interest_only_terms = fuzz_u8(in) % 4 ? 0 : fuzz_small(in, 0, 120);
    t->term_fee = fuzz_u8(in) % 2 ? 0 : fuzz_int(in, 0, 10000);
    t->establishment_fee = fuzz_u8(in) % 2 ? 0 : fuzz_int(in, 0, 100000);
    unsigned r = fuzz_u8(in);
    t->payment_rounding.unit = r & 1   ? SL_ROUND_UNIT_KRONE
                               : r & 2 ? (sl_round_unit)(r >> 4)
                                       : SL_ROUND_UNIT_ORE;
    t->payment_rounding.mode = (sl_round_mode)(fuzz_u8(in) % 5);
    unsigned life = fuzz_u8(in);
    if (!(life & 1))
        return; /* a version-1 contract */
    t->payout_date = fuzz_date(in);
    if (life & 2)
        t->due_day = fuzz_small(in, 0, 28);
    if (life & 4)
        t->first_due_date = fuzz_date(in);
    t->day_count = (sl_day_count)(fuzz_u8(in) % 2);
    t->rate_change_count = fuzz_u8(in) % (FUZZ_MAX_EVENTS + 1) * !!(life & 8);
    for (size_t i = 0; i < t->rate_change_count; i++)
        c->changes[i] = (sl_rate_change){fuzz_date(in), fuzz_rate(in)};
    t->rate_changes = t->rate_change_count ? c->changes : NULL;
    if (life & 16)
        t->fixed = (sl_fixed_period){fuzz_small(in, 0, 20), fuzz_rate(in), fuzz_date_or_none(in)};
    t->interest_only_window_count = fuzz_u8(in) % (FUZZ_MAX_EVENTS + 1) * !!(life & 32);
    for (size_t i = 0; i < t->interest_only_window_count; i++)
        c->windows[i] = (sl_interest_only_window){fuzz_small(in, 1, 360), fuzz_small(in, 1, 60)};
    t->interest_only_windows = t->interest_only_window_count ? c->windows : NULL;
    t->interest_only_moves_end = fuzz_u8(in) % 2;
    t->extra_payment_count = fuzz_u8(in) % (FUZZ_MAX_EVENTS + 1) * !!(life & 64);
    for (size_t i = 0; i < t->extra_payment_count; i++)
        c->extras[i] = (sl_extra_payment){fuzz_date(in), fuzz_money(in), (int)(fuzz_u8(in) % 2)};
    t->extra_payments = t->extra_payment_count ? c->extras : NULL;
    if (life & 128)
        t->repay_date = fuzz_date(in);
    unsigned more = fuzz_u8(in);
    if (more & 1)
        t->market_rate = fuzz_rate(in);
    if (more & 2)
        t->margin = fuzz_rate(in);
    t->special_case = !!(more & 4);
    t->borrower = (sl_borrower)(fuzz_u8(in) % 3);
    t->rate_change_keeps_payment = !!(more & 8);
}

/* A NUL-terminated copy of up to max bytes of the input (for text parsers). */
static inline char *fuzz_text(fuzz_input *in, size_t max)
{
    size_t len = fuzz_range(in, 0, (int64_t)max);
    if (len > in->n)
        len = in->n;
    char *s = malloc(len + 1);
    if (!s)
        abort();
    memcpy(s, in->p, len);
    s[len] = '\0';
    in->p += len;
    in->n -= len;
    return s;
}

#endif
