/* Exact division by a divisor fixed for many divisions, without a divide
 * instruction: Granlund & Montgomery, "Division by invariant integers using
 * multiplication" (PLDI 1994), figure 4.1. For every d >= 1 and every
 * n < 2^64 the quotient is floor(n / d) exactly; tests compare it with the
 * hardware division over random and edge operands.
 *
 * The plan engine divides balance × rate numerator by the same denominator in
 * every term, so the divisor is prepared once per rate. */
#ifndef SL_FASTDIV_INTERNAL_H
#define SL_FASTDIV_INTERNAL_H

#include <stdint.h>

#ifdef __SIZEOF_INT128__
#define SL_HAVE_FASTDIV 1

typedef struct sl__divider {
    uint64_t d;     /* the divisor */
    uint64_t m;     /* the magic multiplier m' */
    unsigned sh1;   /* min(l, 1) */
    unsigned sh2;   /* max(l - 1, 0) */
} sl__divider;

/* Prepare division by d (d >= 1). */
static inline void sl__divider_init(sl__divider *v, uint64_t d)
{
    unsigned l = d <= 1 ? 0 : 64 - (unsigned)__builtin_clzll(d - 1); /* ceil(log2 d) */
    uint64_t two_l_minus_d = l == 64 ? (uint64_t)0 - d : ((uint64_t)1 << l) - d;
    v->d = d;
    /* 2^l − d < d, so the quotient fits in 64 bits: one hardware division
     * where there is one, not the 128-bit library routine */
#if defined(__x86_64__) && defined(__GNUC__)
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"((uint64_t)0), "d"(two_l_minus_d), "rm"(d) : "cc");
    (void)r;
    v->m = q + 1;
#else
    __extension__ typedef unsigned __int128 u128;
    v->m = (uint64_t)(((u128)two_l_minus_d << 64) / d) + 1;
#endif
    v->sh1 = l < 1 ? l : 1;
    v->sh2 = l > 1 ? l - 1 : 0;
}

/* floor(n / d). */
static inline uint64_t sl__divide(const sl__divider *v, uint64_t n)
{
    __extension__ typedef unsigned __int128 u128;
    uint64_t t = (uint64_t)(((u128)v->m * n) >> 64);
    return (t + ((n - t) >> v->sh1)) >> v->sh2;
}
#endif

#endif
