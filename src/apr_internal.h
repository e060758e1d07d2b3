/* Private: the certified APR's double-precision fast path (apr_fast.c), the
 * terms it shares with the exact path (apr.c), and a hook for tests. */
#ifndef SL_APR_INTERNAL_H
#define SL_APR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "startlan/apr.h"

/* One flow after setup: time k / D years from the first flow, amount in øre. */
typedef struct sl__apr_term {
    int64_t k;
    int64_t a;
} sl__apr_term;

/* The grid the answer is proven on: X = m / (2S), mmin <= m < mmax. */
typedef struct sl__apr_grid {
    int64_t two_s;   /* 2S = 2 · 10^(decimals + 2) */
    int64_t mmin;    /* 0, or −2S + 1 when negative rates are allowed */
    int64_t mmax;    /* the largest grid point searched */
    int64_t d;       /* D, the common denominator of the times */
    int hi_sign;     /* sign of f above the root */
    int total_sign;  /* sign of f at X = 0 (the sum of the amounts), never 0 here */
} sl__apr_grid;

/* Precision reported in sl_apr_result.precision when the fast path decided. */
#define SL__APR_FAST_PRECISION 53

/* 1 when double-precision evaluations with a proven error bound show that f
 * has the sign below the root at lo_m/(2S) and the sign above it at
 * (lo_m + 1)/(2S), so the (unique) root lies strictly between; 0 when the
 * bound cannot decide, and the exact path must. t is sorted by k, k[0] = 0. */
int sl__apr_fast(int64_t *lo_m, const sl__apr_term *t, size_t n, const sl__apr_grid *g);

/* sl_apr with the fast path (fast = 1, what sl_apr does) or the exact path
 * alone (fast = 0), which tests compare. */
int sl__apr_solve(sl_apr_result *out, const sl_apr_flow *flows, size_t count,
                  const sl_apr_options *opt, int fast, sl_error *err);

#endif
