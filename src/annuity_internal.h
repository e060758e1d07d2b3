/* Private: the certified fast route to the rounded annuity (annuity_bounds.c). */
#ifndef SL_ANNUITY_INTERNAL_H
#define SL_ANNUITY_INTERNAL_H

#include <stdint.h>

#include "startlan/money.h"
#include "startlan/rounding.h"

/* The annuity of balance at a rate a/b per term over n terms, rounded to a
 * multiple of unit by mode, when interval bounds decide it with certainty:
 * returns 1 and sets *out; returns 0 (out untouched) when they cannot, and the
 * caller computes the exact rational instead. a, b > 0. */
int sl__annuity_by_bounds(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode);

/* The same from a double-precision evaluation with a proven error bound
 * (annuity_double.c): decides unless the annuity lies within about 10^-13 of
 * its value from a rounding boundary; 0 then, and the bounds decide. */
int sl__annuity_by_double(sl_money *out, sl_money balance, int64_t a, int64_t b, int n,
                          int64_t unit, sl_round_mode mode);

/* The two halves of sl__annuity_by_double: the factor r / (1 − (1 + r)^−n)
 * in doubles (0 when a double cannot be trusted for it), and the certified
 * rounding of balance × factor (0 when it cannot decide). The factor is the
 * same for every balance, so it may be kept and reused (plan_cache.c). */
int sl__annuity_double_factor(double *out, int64_t a, int64_t b, int n);
/* The factor in two steps: the rate's own part, r̂ = fl(a/b) and
 * log1p(r̂) (0 when a, b are too large for a double), then the factor of n
 * terms from them, bit for bit what sl__annuity_double_factor gives. */
int sl__annuity_double_rate(double *r, double *log1p_r, int64_t a, int64_t b);
int sl__annuity_double_factor_of(double *out, double r, double log1p_r, int n);
int sl__annuity_round_factor(sl_money *out, sl_money balance, double factor, int64_t unit,
                             sl_round_mode mode);

#endif
