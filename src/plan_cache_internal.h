/* Private: the annuity factor cache behind sl_plan_cache (plan_cache.c). */
#ifndef SL_PLAN_CACHE_INTERNAL_H
#define SL_PLAN_CACHE_INTERNAL_H

#include <stdint.h>

#include "startlan/money.h"
#include "startlan/plan.h"
#include "startlan/rounding.h"

/* The double annuity factor r / (1 − (1 + r)^−n) for the rate a/b per term
 * (a, b > 0), from the cache or computed into it: 1 and *out set, or 0 when
 * a double cannot be trusted for it. */
int sl__plan_cache_factor(sl_plan_cache *cache, double *out, int64_t a, int64_t b, int n);

/* sl_annuity_payment, the factor taken from cache (NULL: none): the same
 * result, certified the same way. */
int sl__annuity_payment_cached(sl_money *out, sl_plan_cache *cache, sl_money balance,
                               sl_rate annual_rate, int terms_per_year, int n,
                               sl_rounding rounding);

#endif
