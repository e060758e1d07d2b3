/* The certified effective annual rate (effektiv rente) of signed cash flows.
 *
 * f(X) = Σ a_i (1 + X)^(−k_i/D). With y = (1 + X)^(−1/D) this is the
 * polynomial Σ a_i y^k_i, evaluated with incremental powers of y. The sign of
 * f at a rational X is proven with MPFR directed rounding (Ziv loop) or, when
 * f(X) may be exactly zero, decided exactly with GMP rationals. */
#include "startlan/apr.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mpfr.h>

#include "apr_internal.h"
#include "arith_internal.h"
#include "fixed128_internal.h"
#include "decimal_internal.h"

/* Inputs beyond these are refused (SL_ERANGE) rather than slow or unsafe. */
#define MAX_FLOWS 1000000
#define MAX_DENOMINATOR ((int64_t)1 << 31)
#define MAX_EXPONENT ((int64_t)1 << 62)
#define MAX_GRID ((int64_t)1 << 62)
#define EXACT_MAX_BITS ((uint64_t)1 << 24)
#define EXACT_MAX_DENOMINATOR ((int64_t)10000000)

typedef sl__apr_term term; /* time k / D years, signed amount a in øre */

#ifdef SL_HAVE_FIXED128
__extension__ typedef __int128 sl_i128;
#endif

typedef struct problem {
    term *t;
    size_t n;
    int64_t d;   /* D */
    mpz_t *amt;  /* the amounts as mpz (exact rational test) */
    mpfr_t *famt; /* the same amounts as exact 64-bit MPFR numbers */
    mpz_t total; /* Σ a: f at X = 0 */
    mpz_t s;     /* 10^(decimals + 2) */
    int hi_sign; /* sign of f above the root */
    long prec;   /* highest precision used */
} problem;

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t r = a % b;
        a = b;
        b = r;
    }
    return a < 0 ? -a : a;
}

static int cmp_term(const void *x, const void *y)
{
    const term *a = x, *b = y;
    return (a->k > b->k) - (a->k < b->k);
}

static int sgn(int64_t v)
{
    return (v > 0) - (v < 0);
}

/* ---- evaluation with MPFR directed rounding ---- */

typedef struct work {
    mpfr_t blo, bhi, wlo, whi, glo, ghi, tlo, thi, flo, fhi;
} work;

static void work_init(work *w)
{
    mpfr_inits2(64, w->blo, w->bhi, w->wlo, w->whi, w->glo, w->ghi, w->tlo, w->thi, w->flo,
                w->fhi, (mpfr_ptr)0);
}

static void work_clear(work *w)
{
    mpfr_clears(w->blo, w->bhi, w->wlo, w->whi, w->glo, w->ghi, w->tlo, w->thi, w->flo, w->fhi,
                (mpfr_ptr)0);
}

static void work_prec(work *w, mpfr_prec_t p)
{
    mpfr_set_prec(w->blo, p);
    mpfr_set_prec(w->bhi, p);
    mpfr_set_prec(w->wlo, p);
    mpfr_set_prec(w->whi, p);
    mpfr_set_prec(w->glo, p);
    mpfr_set_prec(w->ghi, p);
    mpfr_set_prec(w->tlo, p);
    mpfr_set_prec(w->thi, p);
    mpfr_set_prec(w->flo, p);
    mpfr_set_prec(w->fhi, p);
}

static void pow_dir(mpfr_t out, const mpfr_t b, int64_t e, mpfr_rnd_t rnd)
{
    if ((uint64_t)e <= ULONG_MAX) {
        mpfr_pow_ui(out, b, (unsigned long)e, rnd);
    } else {
        mpz_t z;
        mpz_init(z);
        sl__mpz_set_i64(z, e);
        mpfr_pow_z(out, b, z, rnd);
        mpz_clear(z);
    }
}

/* Bounds flo <= f <= fhi at y = q^(1/D), q = 1/(1 + X) > 0. */
static void eval_bounds(work *w, const problem *p, const mpq_t q)
{
    mpfr_set_q(w->blo, q, MPFR_RNDD);
    mpfr_set_q(w->bhi, q, MPFR_RNDU);
    if (p->d > 1) {
        mpfr_rootn_ui(w->blo, w->blo, (unsigned long)p->d, MPFR_RNDD);
        mpfr_rootn_ui(w->bhi, w->bhi, (unsigned long)p->d, MPFR_RNDU);
    }
    mpfr_set_ui(w->wlo, 1, MPFR_RNDN);
    mpfr_set_ui(w->whi, 1, MPFR_RNDN);
    mpfr_set_zero(w->flo, 1);
    mpfr_set_zero(w->fhi, 1);
    int64_t cached = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (i > 0) {
            int64_t gap = p->t[i].k - p->t[i - 1].k;
            if (gap == 1) {
                mpfr_mul(w->wlo, w->wlo, w->blo, MPFR_RNDD);
                mpfr_mul(w->whi, w->whi, w->bhi, MPFR_RNDU);
            } else {
                if (gap != cached) {
                    pow_dir(w->glo, w->blo, gap, MPFR_RNDD);
                    pow_dir(w->ghi, w->bhi, gap, MPFR_RNDU);
                    cached = gap;
                }
                mpfr_mul(w->wlo, w->wlo, w->glo, MPFR_RNDD);
                mpfr_mul(w->whi, w->whi, w->ghi, MPFR_RNDU);
            }
        }
        /* All powers are positive: a > 0 takes its lower bound from wlo. */
        if (p->t[i].a > 0) {
            mpfr_mul(w->tlo, w->wlo, p->famt[i], MPFR_RNDD);
            mpfr_mul(w->thi, w->whi, p->famt[i], MPFR_RNDU);
        } else {
            mpfr_mul(w->tlo, w->whi, p->famt[i], MPFR_RNDD);
            mpfr_mul(w->thi, w->wlo, p->famt[i], MPFR_RNDU);
        }
        mpfr_add(w->flo, w->flo, w->tlo, MPFR_RNDD);
        mpfr_add(w->fhi, w->fhi, w->thi, MPFR_RNDU);
    }
}

/* ---- exact zero test with rationals ---- */

typedef struct residue_term {
    int64_t rho, quot;
    size_t index;
} residue_term;

static int cmp_residue(const void *x, const void *y)
{
    const residue_term *a = x, *b = y;
    if (a->rho != b->rho)
        return (a->rho > b->rho) - (a->rho < b->rho);
    return (a->quot > b->quot) - (a->quot < b->quot);
}

/* 1 when f = 0 exactly at y = q^(1/D), 0 when not, -1 when too large to
 * decide this way. With e the least divisor of D for which c = y^e is
 * rational, 1, y, …, y^(e−1) are linearly independent over Q, so f = 0 iff
 * for every residue ρ of k mod e, Σ_{k ≡ ρ} a·c^(k div e) = 0. */
static int exact_zero(const problem *p, const mpq_t q)
{
    int64_t d = p->d, e = 0;
    if (d > EXACT_MAX_DENOMINATOR)
        return -1;
    mpz_t rn, rd;
    mpz_inits(rn, rd, NULL);
    for (int64_t cand = 1; cand <= d; cand++) {
        if (d % cand)
            continue;
        unsigned long r = (unsigned long)(d / cand);
        if (mpz_root(rn, mpq_numref(q), r) && mpz_root(rd, mpq_denref(q), r)) {
            e = cand;
            break;
        }
    }
    int result = -1;
    uint64_t bits = mpz_sizeinbase(rn, 2) + mpz_sizeinbase(rd, 2);
    if (e == 0 || (uint64_t)(p->t[p->n - 1].k / e) > EXACT_MAX_BITS / bits) {
        mpz_clears(rn, rd, NULL);
        return -1;
    }
    residue_term *r = malloc(p->n * sizeof *r);
    if (!r) {
        mpz_clears(rn, rd, NULL);
        return -1;
    }
    for (size_t i = 0; i < p->n; i++) {
        r[i].rho = p->t[i].k % e;
        r[i].quot = p->t[i].k / e;
        r[i].index = i;
    }
    qsort(r, p->n, sizeof *r, cmp_residue);
    mpq_t c, sum, term_v;
    mpq_inits(c, sum, term_v, NULL);
    mpq_set_num(c, rn);
    mpq_set_den(c, rd);
    mpq_canonicalize(c);
    result = 1;
    for (size_t i = 0; i < p->n && result == 1;) {
        size_t j = i;
        mpq_set_ui(sum, 0, 1);
        for (; j < p->n && r[j].rho == r[i].rho; j++) {
            mpz_pow_ui(mpq_numref(term_v), mpq_numref(c), (unsigned long)r[j].quot);
            mpz_pow_ui(mpq_denref(term_v), mpq_denref(c), (unsigned long)r[j].quot);
            mpz_mul(mpq_numref(term_v), mpq_numref(term_v), p->amt[r[j].index]);
            mpq_canonicalize(term_v);
            mpq_add(sum, sum, term_v);
        }
        if (mpq_sgn(sum) != 0)
            result = 0;
        i = j;
    }
    mpq_clears(c, sum, term_v, NULL);
    free(r);
    mpz_clears(rn, rd, NULL);
    return result;
}

#ifdef SL_HAVE_FIXED128
/* A signed 256-bit accumulator in two's complement. */
typedef struct acc256 {
    sl_u128 hi, lo;
} acc256;

/* acc += a · w, exactly. */
static void acc_add_product(acc256 *acc, int64_t a, sl_u128 w)
{
    uint64_t mag = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    sl_u128 ph, pl;
    sl__mul_wide((sl_u128)mag, w, &ph, &pl);
    if (a < 0) { /* negate the 256-bit product */
        pl = ~pl + 1;
        ph = ~ph + (pl == 0);
    }
    sl_u128 lo = acc->lo + pl;
    acc->hi += ph + (lo < acc->lo);
    acc->lo = lo;
}

static int acc_sign(const acc256 *acc)
{
    if (acc->hi >> 127)
        return -1;
    return (acc->hi | acc->lo) != 0;
}

/* The sign of f at y = q^(1/D) when 128-bit fixed-point bounds decide it:
 * y is enclosed with MPFR (directed rounding), its powers are floored for
 * the lower and ceiled for the upper bound, and each term a·y^k is summed
 * exactly; so flo <= f·2^127 <= fhi with certainty. Returns +1 or -1, or 0
 * when the bounds straddle 0 (or y > 1, outside the format): the MPFR loop
 * below decides then. Much faster than the MPFR loop, same certainty. */
static int fixed_sign(problem *p, work *w, const mpq_t q)
{
    if (mpq_cmp_ui(q, 1, 1) > 0 || p->n == 0)
        return 0;
    work_prec(w, 128);
    mpfr_set_q(w->blo, q, MPFR_RNDD);
    mpfr_set_q(w->bhi, q, MPFR_RNDU);
    if (p->d > 1) {
        mpfr_rootn_ui(w->blo, w->blo, (unsigned long)p->d, MPFR_RNDD);
        mpfr_rootn_ui(w->bhi, w->bhi, (unsigned long)p->d, MPFR_RNDU);
    }
    sl_u128 y[2];
    mpz_t z;
    mpz_init(z);
    for (int i = 0; i < 2; i++) {
        mpfr_mul_2ui(w->tlo, i ? w->bhi : w->blo, 127, MPFR_RNDN); /* exact */
        mpfr_get_z(z, w->tlo, i ? MPFR_RNDU : MPFR_RNDD);
        y[i] = ((sl_u128)mpz_getlimbn(z, 1) << 64) | (sl_u128)mpz_getlimbn(z, 0);
        if (mpz_sizeinbase(z, 2) > 128 || GMP_NUMB_BITS != 64)
            y[i] = 0; /* not representable: give up below */
    }
    mpz_clear(z);
    if (y[0] == 0 || y[1] == 0 || y[1] > SL_FIXED_ONE)
        return 0;
    if (p->prec < 128)
        p->prec = 128;
    sl_u128 wlo = SL_FIXED_ONE, whi = SL_FIXED_ONE, glo = 0, ghi = 0;
    int64_t cached = 0;
    acc256 flo = {0, 0}, fhi = {0, 0};
    for (size_t i = 0; i < p->n; i++) {
        if (i > 0) {
            int64_t gap = p->t[i].k - p->t[i - 1].k;
            if (gap == 1) {
                wlo = sl__mul_fixed(wlo, y[0], 0);
                whi = sl__mul_fixed(whi, y[1], 1);
            } else {
                if (gap != cached) {
                    glo = sl__pow_fixed(y[0], (uint64_t)gap, 0);
                    ghi = sl__pow_fixed(y[1], (uint64_t)gap, 1);
                    cached = gap;
                }
                wlo = sl__mul_fixed(wlo, glo, 0);
                whi = sl__mul_fixed(whi, ghi, 1);
            }
        }
        int64_t a = p->t[i].a;
        acc_add_product(&flo, a, a > 0 ? wlo : whi);
        acc_add_product(&fhi, a, a > 0 ? whi : wlo);
    }
    if (acc_sign(&flo) > 0)
        return 1;
    if (acc_sign(&fhi) < 0)
        return -1;
    return 0;
}
#endif

static int big_amounts(problem *p);

/* The proven sign of f at X = m / (2S): -1, 0, +1, or SL_ERANGE (undecided). */
static int sign_at(problem *p, work *w, int64_t m)
{
    if (m == 0)
        return mpz_sgn(p->total);
    mpq_t q;
    mpq_init(q);
    mpz_t t;
    mpz_init(t);
    mpz_mul_2exp(mpq_numref(q), p->s, 1); /* 2S */
    sl__mpz_set_i64(t, m);
    mpz_add(mpq_denref(q), mpq_numref(q), t); /* 2S + m */
    mpq_canonicalize(q);
    mpz_clear(t);
#ifdef SL_HAVE_FIXED128
    int fast = fixed_sign(p, w, q);
    if (fast != 0) {
        mpq_clear(q);
        return fast;
    }
#endif
    if (big_amounts(p) != SL_OK) {
        mpq_clear(q);
        return SL_ERANGE;
    }
    int result = SL_ERANGE, tried_exact = 0;
    mpfr_prec_t prec = 64; /* one limb: enough for nearly every plan */
    for (; prec <= SL_APR_MAX_PRECISION; prec *= 2) {
        work_prec(w, prec);
        eval_bounds(w, p, q);
        if (prec > p->prec)
            p->prec = (long)prec;
        if (mpfr_sgn(w->flo) > 0) {
            result = 1;
            break;
        }
        if (mpfr_sgn(w->fhi) < 0) {
            result = -1;
            break;
        }
        if (!tried_exact && prec >= 256) {
            tried_exact = 1;
            if (exact_zero(p, q) == 1) {
                result = 0;
                break;
            }
        }
    }
    mpq_clear(q);
    return result;
}

/* ---- a double-precision guess (a guess only: the result is proven above) ---- */

static double f_double(const problem *p, double lg, double *deriv)
{
    double f = 0, df = 0, y = exp(-lg / (double)p->d), w = 1;
    for (size_t i = 0; i < p->n; i++) {
        double tau = (double)p->t[i].k / (double)p->d;
        if (i > 0) {
            int64_t gap = p->t[i].k - p->t[i - 1].k;
            w = gap == 1 ? w * y : exp(-tau * lg);
        }
        double v = (double)p->t[i].a * w;
        f += v;
        df -= tau * v;
    }
    *deriv = df;
    return f;
}

static int dsign(double v)
{
    return (v > 0) - (v < 0);
}

/* The guess of the root as ln(1 + X). */
static double guess_log(const problem *p, double lmin, double lmax)
{
    double d;
    int below = -p->hi_sign; /* sign of f below the root */
    double lo, hi;
    if (mpz_sgn(p->total) == p->hi_sign) { /* root below 0 */
        hi = 0;
        lo = -0.01;
        while (lo > lmin && dsign(f_double(p, lo, &d)) != below) {
            hi = lo;
            lo *= 2;
        }
        if (lo < lmin)
            lo = lmin;
    } else {
        lo = 0;
        hi = 0.01;
        while (hi < lmax && dsign(f_double(p, hi, &d)) != p->hi_sign) {
            lo = hi;
            hi *= 2;
        }
        if (hi > lmax)
            hi = lmax;
    }
    double x = 0.5 * (lo + hi);
    for (int it = 0; it < 200 && hi - lo > 1e-15 * (1 + fabs(x)); it++) {
        double fx = f_double(p, x, &d);
        int s = dsign(fx);
        if (s == 0 || isnan(fx))
            break;
        if (s == below)
            lo = x;
        else
            hi = x;
        double nx = x - fx / d;
        x = (isfinite(nx) && nx > lo && nx < hi) ? nx : 0.5 * (lo + hi);
    }
    return x;
}

/* ---- setup ---- */

/* p->total = Σ a, f at X = 0. */
static void sum_amounts(problem *p)
{
#ifdef SL_HAVE_FIXED128
    sl_i128 sum = 0; /* |Σ| < 10^6 · 2^63 < 2^83 */
    for (size_t i = 0; i < p->n; i++)
        sum += p->t[i].a;
    sl_u128 mag = sum < 0 ? (sl_u128)0 - (sl_u128)sum : (sl_u128)sum;
    uint64_t words[2] = {(uint64_t)mag, (uint64_t)(mag >> 64)};
    mpz_import(p->total, 2, -1, sizeof words[0], 0, 0, words);
    if (sum < 0)
        mpz_neg(p->total, p->total);
#else
    mpz_t amount;
    mpz_init(amount);
    for (size_t i = 0; i < p->n; i++) {
        sl__mpz_set_i64(amount, p->t[i].a);
        mpz_add(p->total, p->total, amount);
    }
    mpz_clear(amount);
#endif
}

static int setup(problem *p, const sl_apr_flow *flows, size_t count, sl_error *err)
{
    char v[64];
    int64_t d = 1;
    for (size_t i = 0; i < count; i++) {
        const sl_apr_flow *f = &flows[i];
        if (f->time_den <= 0 || f->time_num < 0) {
            snprintf(v, sizeof v, "%zu", i + 1);
            return sl__fail(err, SL_EINVAL, "flows", v,
                            "flows %s: the time must be a fraction >= 0 with a positive "
                            "denominator",
                            v);
        }
        if (d % f->time_den == 0)
            continue; /* its reduced denominator divides time_den, so d already */
        int64_t den = f->time_den / gcd64(f->time_num ? f->time_num : f->time_den, f->time_den);
        int64_t g = gcd64(d, den);
        if (d / g > MAX_DENOMINATOR / den) {
            snprintf(v, sizeof v, "%zu", i + 1);
            return sl__fail(err, SL_ERANGE, "flows", v,
                            "flows %s: the times need too fine a common unit", v);
        }
        d = d / g * den;
    }
    p->t = malloc(count * sizeof *p->t);
    if (!p->t)
        return sl__fail(err, SL_ENOMEM, "flows", "", "out of memory");
    int64_t last_den = 0, mult = 0, sorted = 1;
    for (size_t i = 0; i < count; i++) {
        const sl_apr_flow *f = &flows[i];
        /* k = num · d / den: the same for the fraction reduced or not, and
         * den divides d (above); plans repeat one denominator. */
        int64_t num = f->time_num;
        if (f->time_den != last_den) {
            last_den = f->time_den;
            mult = d % last_den == 0 ? d / last_den : 0;
        }
        if (mult == 0) { /* den does not divide d: its reduced form does */
            int64_t g = gcd64(num ? num : f->time_den, f->time_den);
            num /= g;
            mult = d / (f->time_den / g);
            last_den = 0;
        }
        if (num > MAX_EXPONENT / mult) {
            snprintf(v, sizeof v, "%zu", i + 1);
            return sl__fail(err, SL_ERANGE, "flows", v, "flows %s: the time is too far", v);
        }
        p->t[i].k = num * mult;
        p->t[i].a = f->amount;
        sorted &= i == 0 || p->t[i].k >= p->t[i - 1].k;
    }
    if (!sorted) /* plans come in order */
        qsort(p->t, count, sizeof *p->t, cmp_term);
    /* Merge equal times (sum in mpz), drop zero sums. */
    mpz_t acc, z;
    mpz_inits(acc, z, NULL);
    size_t n = 0;
    int rc = SL_OK;
    for (size_t i = 0; i < count && rc == SL_OK;) {
        size_t j = i;
        int64_t a = 0;
        int overflow = 0;
        for (; j < count && p->t[j].k == p->t[i].k; j++)
            overflow |= __builtin_add_overflow(a, p->t[j].a, &a);
        if (overflow) { /* the running sum left int64: sum again exactly */
            mpz_set_ui(acc, 0);
            for (size_t m = i; m < j; m++) {
                sl__mpz_set_i64(z, p->t[m].a);
                mpz_add(acc, acc, z);
            }
            overflow = sl__mpz_get_i64(&a, acc) != SL_OK;
        }
        if (overflow)
            rc = sl__fail(err, SL_ERANGE, "flows", "", "flows at one time sum beyond int64");
        else if (a != 0) {
            p->t[n].k = p->t[i].k;
            p->t[n].a = a;
            n++;
        }
        i = j;
    }
    mpz_clears(acc, z, NULL);
    if (rc != SL_OK)
        return rc;
    p->n = n;
    if (n == 0)
        return SL_OK;
    /* Shift to the first time (multiplies f by a positive factor) and use
     * the coarsest common unit. */
    int64_t k0 = p->t[0].k, g = d;
    for (size_t i = 0; i < n; i++) {
        p->t[i].k -= k0;
        if (g > 1)
            g = gcd64(g, p->t[i].k);
    }
    if (g > 1)
        for (size_t i = 0; i < n; i++)
            p->t[i].k /= g;
    p->d = d / g;
    sum_amounts(p);
    return SL_OK; /* the amounts as GMP/MPFR numbers only when needed: big_amounts */
}

/* The amounts as mpz and exact MPFR numbers, made on first need (the
 * fixed-point test decides nearly every sign without them). 0 or SL_ENOMEM. */
static int big_amounts(problem *p)
{
    if (p->amt)
        return SL_OK;
    p->amt = malloc(p->n * sizeof *p->amt);
    p->famt = malloc(p->n * sizeof *p->famt);
    if (!p->amt || !p->famt) {
        free(p->amt);
        free(p->famt);
        p->amt = NULL;
        p->famt = NULL;
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < p->n; i++) {
        mpz_init(p->amt[i]);
        sl__mpz_set_i64(p->amt[i], p->t[i].a);
        mpfr_init2(p->famt[i], 64);
        mpfr_set_z(p->famt[i], p->amt[i], MPFR_RNDN); /* exact: |a| < 2^63 */
    }
    return SL_OK;
}

static int check_options(const sl_apr_options *o, sl_error *err)
{
    char v[32];
    int vrc = sl__check_version(err, "sl_apr_options", o->version, 1, SL_APR_OPTIONS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    if (o->decimals < 1 || o->decimals > SL_APR_MAX_DECIMALS) {
        snprintf(v, sizeof v, "%d", o->decimals);
        return sl__fail(err, SL_EINVAL, "decimals", v, "decimals %s: must be from 1 to %d", v,
                        SL_APR_MAX_DECIMALS);
    }
    if (o->mode < SL_ROUND_HALF_UP || o->mode > SL_ROUND_UP) {
        snprintf(v, sizeof v, "%d", (int)o->mode);
        return sl__fail(err, SL_EINVAL, "mode", v, "mode %s: unknown rounding mode", v);
    }
    if (o->time < SL_APR_EQUAL_MONTHS || o->time > SL_APR_DAYS_ACTUAL) {
        snprintf(v, sizeof v, "%d", (int)o->time);
        return sl__fail(err, SL_EINVAL, "time", v, "time %s: unknown time basis", v);
    }
    return SL_OK;
}

/* Money goes both ways in the flows as given. */
static int both_ways(const sl_apr_flow *flows, size_t count)
{
    int pos = 0, neg = 0;
    for (size_t i = 0; i < count; i++) {
        pos |= flows[i].amount > 0;
        neg |= flows[i].amount < 0;
    }
    return pos && neg;
}

/* Money goes both ways in the flows added up time by time (setup's). */
static int netted_both_ways(const problem *p)
{
    int pos = 0, neg = 0;
    for (size_t i = 0; i < p->n; i++) {
        pos |= p->t[i].a > 0;
        neg |= p->t[i].a < 0;
    }
    return pos && neg;
}

/* Which root is sought, and is it the only one? Sets hi_sign. */
static int uniqueness(problem *p, int allow_negative, int *exact_zero_root, sl_error *err)
{
    int pos = 0, neg = 0, raw = 0, cum = 0, last = 0, last_cum = 0;
#ifdef SL_HAVE_FIXED128
    sl_i128 c = 0; /* |running sum| < 10^6 · 2^63 < 2^83 */
#else
    mpz_t c, z;
    mpz_inits(c, z, NULL);
#endif
    for (size_t i = 0; i < p->n; i++) {
        int s = sgn(p->t[i].a);
        pos |= s > 0;
        neg |= s < 0;
        if (last && s != last)
            raw++;
        last = s;
#ifdef SL_HAVE_FIXED128
        c += p->t[i].a;
        int cs = (c > 0) - (c < 0);
#else
        sl__mpz_set_i64(z, p->t[i].a);
        mpz_add(c, c, z);
        int cs = mpz_sgn(c);
#endif
        if (cs && last_cum && cs != last_cum)
            cum++;
        if (cs)
            last_cum = cs;
    }
#ifndef SL_HAVE_FIXED128
    mpz_clears(c, z, NULL);
#endif
    *exact_zero_root = 0;
    if (!pos || !neg)
        return sl__fail(err, SL_ENOROOT, "flows", "",
                        "flows: no root: the flows never change sign (money must go both ways)");
    p->hi_sign = sgn(p->t[0].a);
    int total = mpz_sgn(p->total);
    if (allow_negative) {
        if (raw != 1)
            return sl__fail(err, SL_EAMBIGUOUS, "flows", "",
                            "flows: the flows change sign %d times; more than one effective "
                            "rate is possible",
                            raw);
        *exact_zero_root = total == 0;
        return SL_OK;
    }
    if (total == 0) {
        if (cum != 0)
            return sl__fail(err, SL_EAMBIGUOUS, "flows", "",
                            "flows: 0 %% is a root, but another root above 0 %% cannot be "
                            "ruled out");
        *exact_zero_root = 1;
        return SL_OK;
    }
    if (cum == 0)
        return sl__fail(err, SL_ENOROOT, "flows", "",
                        "flows: no effective rate at or above 0 %%: what is paid back does not "
                        "exceed what is drawn");
    if (cum >= 2)
        return sl__fail(err, SL_EAMBIGUOUS, "flows", "",
                        "flows: the running balance changes sign %d times; more than one "
                        "effective rate is possible",
                        cum);
    return SL_OK;
}

static void problem_free(problem *p)
{
    if (p->amt)
        for (size_t i = 0; i < p->n; i++) {
            mpz_clear(p->amt[i]);
            mpfr_clear(p->famt[i]);
        }
    free(p->amt);
    free(p->famt);
    free(p->t);
    mpz_clears(p->total, p->s, NULL);
}

/* Search the grid of half units for the bracket of the root. */
static int locate(problem *p, work *w, int64_t mmin, int64_t m0, int64_t *lo_m, int *exact,
                  sl_error *err)
{
    int below = -p->hi_sign;
    int64_t mmax = MAX_GRID;
    if (m0 < mmin)
        m0 = mmin;
    if (m0 > mmax - 1)
        m0 = mmax - 1;
    int s = sign_at(p, w, m0);
    int64_t lo, hi;
    if (s == SL_ERANGE)
        goto undecided;
    if (s == 0) {
        *lo_m = m0;
        *exact = 1;
        return SL_OK;
    }
    if (s == below) {
        lo = m0;
        for (int64_t step = 1;; step *= 2) {
            int64_t cand = (mmax - lo > step) ? lo + step : mmax;
            s = sign_at(p, w, cand);
            if (s == SL_ERANGE)
                goto undecided;
            if (s == 0) {
                *lo_m = cand;
                *exact = 1;
                return SL_OK;
            }
            if (s == p->hi_sign) {
                hi = cand;
                break;
            }
            lo = cand;
            if (cand == mmax)
                return sl__fail(err, SL_ERANGE, "flows", "",
                                "flows: the effective rate is too large to state");
        }
    } else {
        hi = m0;
        for (int64_t step = 1;; step *= 2) {
            int64_t cand = (hi - mmin > step) ? hi - step : mmin;
            s = sign_at(p, w, cand);
            if (s == SL_ERANGE)
                goto undecided;
            if (s == 0) {
                *lo_m = cand;
                *exact = 1;
                return SL_OK;
            }
            if (s == below) {
                lo = cand;
                break;
            }
            hi = cand;
            if (cand == mmin)
                return sl__fail(err, SL_ERANGE, "flows", "",
                                "flows: the effective rate is too close to -100 %% to state");
        }
    }
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        s = sign_at(p, w, mid);
        if (s == SL_ERANGE)
            goto undecided;
        if (s == 0) {
            *lo_m = mid;
            *exact = 1;
            return SL_OK;
        }
        if (s == below)
            lo = mid;
        else
            hi = mid;
    }
    *lo_m = lo;
    *exact = 0;
    return SL_OK;
undecided:
    return sl__fail(err, SL_ERANGE, "flows", "",
                    "flows: the sign of the equation could not be decided within %d bits",
                    SL_APR_MAX_PRECISION);
}

int sl__apr_solve(sl_apr_result *out, const sl_apr_flow *flows, size_t count,
                  const sl_apr_options *opt, int fast, sl_error *err)
{
    sl__error_reset(err);
    static const sl_apr_options defaults = SL_APR_OPTIONS_INIT;
    if (!opt)
        opt = &defaults;
    if (!out)
        return sl__null(err, "out");
    if (!flows && count)
        return sl__null(err, "flows");
    int rc = check_options(opt, err);
    if (rc != SL_OK)
        return rc;
    if (count < 2 || count > MAX_FLOWS)
        return sl__fail(err, SL_EINVAL, "flows", "", "flows: between 2 and %d flows are needed",
                        MAX_FLOWS);
    problem p;
    memset(&p, 0, sizeof p);
    mpz_inits(p.total, p.s, NULL);
    sl__decimal_scale(p.s, opt->decimals);
    int64_t s_unit = 1; /* S = 10^(decimals + 2) <= 10^14 */
    for (int i = 0; i < opt->decimals + 2; i++)
        s_unit *= 10;
    int64_t two_s = 2 * s_unit;
    rc = setup(&p, flows, count, err);
    int exact = 0;
    if (rc == SL_OK && p.n < 2)
        rc = sl__fail(err, SL_ENOROOT, "flows", "",
                      "flows: no root: the flows never change sign (money must go both ways)");
    if (rc == SL_OK)
        rc = uniqueness(&p, opt->allow_negative, &exact, err);
    if (rc == SL_ENOROOT && (p.n < 2 || !netted_both_ways(&p)) && both_ways(flows, count))
        rc = sl__fail(err, SL_ENOROOT, "flows", "",
                      p.n < 2 ? "flows: no root: the flows at one time add up so that money "
                                "moves at fewer than two times"
                              : "flows: no root: the flows at one time add up so that money "
                                "goes one way only");
    int64_t lo_m = 0;
    int64_t mmin = opt->allow_negative ? -two_s + 1 : 0;
    sl__apr_grid grid = {two_s, mmin, MAX_GRID, p.d, p.hi_sign, mpz_sgn(p.total)};
    if (rc == SL_OK && !exact && fast && sl__apr_fast(&lo_m, p.t, p.n, &grid)) {
        p.prec = SL__APR_FAST_PRECISION;
    } else if (rc == SL_OK && !exact) {
        double lmin = log((double)1 / (double)two_s), lmax = log1p((double)MAX_GRID / two_s);
        double lg = guess_log(&p, lmin, lmax);
        double z2 = expm1(lg) * (double)two_s;
        int64_t m0 = 0;
        if (z2 >= (double)MAX_GRID)
            m0 = MAX_GRID - 1;
        else if (z2 > (double)mmin)
            m0 = (int64_t)floor(z2);
        else
            m0 = mmin;
        work w;
        work_init(&w);
        rc = locate(&p, &w, mmin, m0, &lo_m, &exact, err);
        work_clear(&w);
    }
    if (rc == SL_OK) {
        /* The rounded value: of the exact root m/(2S), or of any point inside
         * the bracket, e.g. (2m + 1)/(4S) (rounding is constant between
         * neighbouring half units); times S that is m/2 or (2m + 1)/4. */
        sl_apr_result r;
        memset(&r, 0, sizeof r);
        int64_t k;
        if (sl__muldiv_round(&k, NULL, exact ? lo_m : 2 * lo_m + 1, 1, exact ? 2 : 4, 1, 1,
                             opt->mode) != SL_OK ||
            sl_rate_from_fraction(&r.rate, k, s_unit) != SL_OK ||
            sl_rate_from_fraction(&r.low, lo_m, two_s) != SL_OK ||
            sl_rate_from_fraction(&r.high, exact ? lo_m : lo_m + 1, two_s) != SL_OK)
            rc = sl__fail(err, SL_ERANGE, "flows", "", "flows: the effective rate is too large");
        r.exact = exact;
        r.precision = p.prec;
        if (rc == SL_OK)
            *out = r;
    }
    problem_free(&p);
    return rc;
}

int sl_apr(sl_apr_result *out, const sl_apr_flow *flows, size_t count, const sl_apr_options *opt,
           sl_error *err)
{
    return sl__apr_solve(out, flows, count, opt, 1, err);
}

void sl_apr_options_init(sl_apr_options *options)
{
    if (options) {
        const sl_apr_options init = SL_APR_OPTIONS_INIT;
        *options = init;
    }
}
