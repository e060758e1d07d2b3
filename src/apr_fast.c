/* The certified APR at the speed of doubles.
 *
 * f(X) = Σ a_i y^k_i with y = (1 + X)^(−1/D) (apr.c). A Newton solve in
 * double precision gives a guess; the answer is then proven by evaluating f
 * in double precision at the grid points around the guess together with a
 * rigorous bound E of that evaluation's error, and a sign is read only where
 * |f̂| > E. When the bound cannot decide (the root within about 10^-13 of a
 * grid point, or numbers outside the range below), the exact path of apr.c
 * runs instead; nothing reported ever rests on an unbounded double.
 *
 * The bound. u = 2^-52 bounds the relative error of one double operation in
 * every IEEE rounding mode (2^-53 would do for round-to-nearest only).
 *
 *  1. y at the grid point X = m/(2S) is (P/Q)^(1/D) with P = 2S and
 *     Q = 2S + m exact integers up to 2^53; ŷ = y(1 + δ) with |δ| <= η
 *     proven in fastroot_internal.h.
 *  2. ŵ_i, the computed y^k_i (running products and powers by squaring, all
 *     products of ŷ), is y^k_i (1 + ε_i) with
 *     1 + ε_i <= (1 + η)^k_i (1 + u)^k_i, so |ε_i| <= 1.001 α_i with
 *     α_i = k_i (η + u), when every α_i <= 2^-10 (checked).
 *  3. Each amount is rounded to a double (u), multiplied by ŵ_i (u) and the
 *     products summed in order (at most n − 1 roundings each, Higham §4.2):
 *     |f̂ − f| <= 1.005 Σ |p̂_i| (α_i + (n + 1) u) with p̂_i the computed
 *     products, = 1.005 ((η + u) Σ |p̂_i| k_i + (n + 1) u Σ |p̂_i|).
 *  4. Those two sums are computed with relative error below 10^-9, and η
 *     with a few roundings, so E = 1.02 · (the computed expression) bounds
 *     |f̂ − f|. f > 0 is proven when f̂ > E, f < 0 when f̂ < −E.
 *  Underflow and overflow would void the relative bounds: the powers are
 *  monotone in i (ŷ <= 1 or ŷ >= 1, and rounding is monotone), so keeping
 *  the last one within [2^-960, 2^960] keeps every power and product
 *  normal; a sum that overflows is not finite and decides nothing.
 *
 * The root is unique in the searched range (apr.c proves it first), f has
 * one sign below it and the other above, so opposite proven signs at two
 * neighbouring grid points put the root strictly between them: exactly what
 * the exact path would find there. Valid only where doubles are IEEE binary64
 * evaluated without excess precision and without -ffast-math; elsewhere this
 * file decides nothing and the exact path runs. */
#include "apr_internal.h"
#include "fastroot_internal.h"

#ifdef SL_FAST_DOUBLES
#define U SL_FAST_U

typedef struct sums {
    double f;    /* Σ p_i, p_i = a_i ŵ_i */
    double fk;   /* Σ p_i k_i: y · f'(y) */
    double abs;  /* Σ |p_i| */
    double absk; /* Σ |p_i| k_i */
    double last; /* ŵ of the last term */
} sums;

/* One pass over the flows at ŷ. */
static void evaluate(sums *s, const sl__apr_term *t, size_t n, double y)
{
    double w = 1, g = y, f = 0, fk = 0, ab = 0, abk = 0;
    int64_t cached = 1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            int64_t gap = t[i].k - t[i - 1].k;
            if (gap != cached) {
                g = sl__pow_mul(y, (uint64_t)gap);
                cached = gap;
            }
            w *= g;
        }
        double p = (double)t[i].a * w, k = (double)t[i].k, m = fabs(p);
        f += p;
        fk += p * k;
        ab += m;
        abk += m * k;
    }
    s->f = f;
    s->fk = fk;
    s->abs = ab;
    s->absk = abk;
    s->last = w;
}

/* A guess of the root as X, by safeguarded Newton in y. 0 when none is found. */
static int guess(double *x, const sl__apr_term *t, size_t n, const sl__apr_grid *g)
{
    int below = -g->hi_sign; /* the sign of f below the root in X: for larger y */
    double lo = 0, hi = INFINITY, y = 1;
    if (g->total_sign == below)
        hi = 1;
    else
        lo = 1;
    int polish = 0;
    for (int it = 0; it < 100; it++) {
        sums s;
        evaluate(&s, t, n, y);
        if (!isfinite(s.f) || !isfinite(s.fk))
            return 0;
        int sign = (s.f > 0) - (s.f < 0);
        if (sign == 0)
            break;
        if (sign == below)
            hi = y < hi ? y : hi;
        else
            lo = y > lo ? y : lo;
        double ny = y - s.f * y / s.fk; /* f'(y) = fk / y */
        if (!(ny >= lo && ny <= hi)) /* outside the bracket (or NaN): bisect */
            ny = isfinite(hi) ? 0.5 * (lo + hi) : 2 * (lo > y ? lo : y);
        if (polish) {
            y = ny;
            break;
        }
        /* Quadratic convergence: one more step after a small one reaches
         * the noise of the evaluation. */
        if (fabs(ny - y) <= 1e-8 * y)
            polish = 1;
        y = ny;
    }
    if (!(y > 0) || !isfinite(y))
        return 0;
    *x = expm1(-(double)g->d * log(y));
    return isfinite(*x);
}

/* The proven sign of f at X = m/(2S): +1 or −1, or 0 when undecided. */
static int sign_at(const sl__apr_term *t, size_t n, const sl__apr_grid *g, int64_t m)
{
    if (m == 0)
        return g->total_sign;
    int64_t q;
    if (__builtin_add_overflow(g->two_s, m, &q) || q <= 0 || q > ((int64_t)1 << 53))
        return 0;
    double y = exp(-log1p((double)m / (double)g->two_s) / (double)g->d);
    double eta = sl__root_error(y, (double)g->two_s, (double)q, g->d);
    if (eta < 0)
        return 0;
    sums s;
    evaluate(&s, t, n, y);
    if (y <= 1 ? !(s.last >= 0x1p-960) : !(s.last <= 0x1p960))
        return 0;
    if (!((double)t[n - 1].k * (eta + U) <= 0x1p-10))
        return 0;
    double e = 1.02 * ((eta + U) * s.absk + ((double)n + 1) * U * s.abs);
    if (!isfinite(e) || !isfinite(s.f))
        return 0;
    if (s.f > e)
        return 1;
    if (s.f < -e)
        return -1;
    return 0;
}
#endif

int sl__apr_fast(int64_t *lo_m, const sl__apr_term *t, size_t n, const sl__apr_grid *g)
{
#ifdef SL_FAST_DOUBLES
    double x;
    if (n < 2 || g->d < 1 || g->d > ((int64_t)1 << 31) || !guess(&x, t, n, g))
        return 0;
    double z = floor(x * (double)g->two_s);
    if (isnan(z))
        return 0;
    int64_t m = z <= (double)g->mmin         ? g->mmin
                : z >= (double)(g->mmax - 1) ? g->mmax - 1
                                             : (int64_t)z;
    int below = -g->hi_sign;
    int s = sign_at(t, n, g, m);
    /* The guess is nearly always in the right cell; a few steps otherwise. */
    for (int step = 0; s != 0 && step < 4; step++) {
        if (s == below) {
            if (m + 1 > g->mmax)
                return 0;
            int next = sign_at(t, n, g, m + 1);
            if (next == g->hi_sign) {
                *lo_m = m;
                return 1;
            }
            m++;
            s = next;
        } else {
            if (m - 1 < g->mmin)
                return 0;
            int prev = sign_at(t, n, g, m - 1);
            m--;
            if (prev == below) {
                *lo_m = m;
                return 1;
            }
            s = prev;
        }
    }
    return 0;
#else /* no IEEE doubles as assumed: the exact path decides */
    (void)lo_m;
    (void)t;
    (void)n;
    (void)g;
    return 0;
#endif
}
