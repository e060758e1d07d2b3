/* Annuity rates kept for many plans (a book on one rate history).
 *
 * The double annuity factor r̂ / −expm1(−n · log1p(r̂)), r̂ = fl(a/b)
 * (annuity_double.c), costs two transcendental functions and a division;
 * r̂ and log1p(r̂) depend on the rate alone, and the loans of a book on one
 * history meet the same few hundred rates again and again. A small
 * direct-mapped table keeps them (32 kB, in the processor's near caches; a
 * table of whole factors per rate and number of terms for any rate was
 * tried and is slower, every look-up a miss to memory; a rate history's
 * few hundred rates do keep whole factors, on their track: plan_track.c).
 * A miss computes the pair and
 * overwrites the slot, so the table never grows. What a slot holds is the
 * same pair of doubles the uncached path computes from a and b; the
 * rounding of balance × factor is certified at each use, and the caller
 * falls back to the 128-bit bounds and the exact rational when it cannot
 * decide. */
#include <stdlib.h>

#include "annuity_internal.h"
#include "plan_cache_internal.h"
#include "plan_track_internal.h"
#include "startlan/error.h"
#include "startlan/plan.h"

#define SLOTS 1024 /* a power of two: 32 kB; a history's few hundred rates rarely collide */

typedef struct slot {
    int64_t a, b;   /* the rate per term a/b; b = 0: empty */
    double r;       /* fl(a/b) */
    double log1p_r; /* log1p(r) */
} slot;

struct sl_plan_cache {
    slot slots[SLOTS];
    sl__track_set tracks; /* the periods of the rate histories the plans follow */
};

int sl_plan_cache_new(sl_plan_cache **out)
{
    if (!out)
        return SL_ENULL;
    *out = calloc(1, sizeof **out);
    return *out ? SL_OK : SL_ENOMEM;
}

void sl_plan_cache_free(sl_plan_cache *cache)
{
    if (cache)
        sl__track_set_clear(&cache->tracks);
    free(cache);
}

sl__track_set *sl__plan_cache_tracks(sl_plan_cache *cache)
{
    return &cache->tracks;
}

int sl__plan_cache_factor(sl_plan_cache *cache, double *out, int64_t a, int64_t b, int n)
{
    uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ (uint64_t)b * 0xC2B2AE3D27D4EB4Full;
    slot *s = &cache->slots[(h ^ h >> 32) * 0xBF58476D1CE4E5B9ull >> 54 & (SLOTS - 1)];
    if (s->a != a || s->b != b) {
        if (!sl__annuity_double_rate(&s->r, &s->log1p_r, a, b)) {
            s->b = 0; /* empty: a pair no double holds is never kept */
            return 0;
        }
        s->a = a;
        s->b = b;
    }
    return sl__annuity_double_factor_of(out, s->r, s->log1p_r, n);
}
