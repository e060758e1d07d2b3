/* Private: the periods of a rate history, worked out once for the many
 * loans of a book that follow it (plan_track.c).
 *
 * A floating-rate term's due date, days, rate at the start and at the end,
 * the rate changes inside it and the fraction its interest is split by
 * (convention 9) depend on the history, the margin, the terms per year and
 * the due day, not on the loan: a book of 100 000 loans on one history
 * meets the same few thousand periods again and again. A track is one
 * history (with one margin and one number of terms per year); its periods
 * are kept per due day and start month, each worked out the first time a
 * loan needs it. Only the balance is the loan's own: the interest is the
 * period's fraction of it, rounded as the plan rounds it. */
#ifndef SL_PLAN_TRACK_INTERNAL_H
#define SL_PLAN_TRACK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "fixed128_internal.h"
#include "interest_internal.h"
#include "startlan/plan.h"

#define SL__TRACKS 16 /* histories (× margins × terms per year) kept at once */
#define SL__RUN_OPEN (1 << 24) /* no rate change ahead: the run lasts to the end */

/* A rate of a track (margin included), with what a row at it needs: the
 * interest of an unsplit term, prepared; a number for its value (equal
 * values, equal numbers; −1: none), by which a plan compares rates; and the
 * annuity's double rate. Rate 0 is the rate before the first change, rate
 * i the rate from change i − 1 on. */
typedef struct sl__track_rate {
    sl__term_interest one; /* round_half_up(balance × rate / terms per year), prepared */
    sl_rate rate;
    int value_id;
    int annuity_double;    /* r_hat and log1p_r hold the annuity's double rate */
    double r_hat, log1p_r; /* fl(a/b) and log1p of it, a/b the rate per term (annuity_double.c) */
    double *factors;       /* [n]: the double annuity factor over n terms (0: not yet; −1: none);
                              NULL until one is needed (sl__track_factor) */
} sl__track_rate;

/* Annuity factors kept per rate of a track: over 1 .. SL__TRACK_FACTORS − 1
 * terms (40 years of monthly terms). A book's loans re-level at each rate
 * change over the terms they have left, so the same (rate, terms) pairs
 * come again and again; a table look-up replaces an expm1 and a division. */
#define SL__TRACK_FACTORS 481

/* The double annuity factor of rate x over n terms,
 * sl__annuity_double_factor_of(x->r_hat, x->log1p_r, n) bit for bit, from
 * x's table or worked out into it: 1 and *out, or 0 when a double cannot be
 * trusted for it. Used only when x->annuity_double. */
int sl__track_factor_slow(const sl__track_rate *x, int n, double *out);

static inline int sl__track_factor(const sl__track_rate *x, int n, double *out)
{
    if (x->factors && (unsigned)n < SL__TRACK_FACTORS && x->factors[n] > 0) {
        *out = x->factors[n];
        return 1;
    }
    return sl__track_factor_slow(x, n, out);
}

/* One period of a track: the term that starts on the due date in `start
 * month` and ends on the next (both on the due day, clamped to the month's
 * end), as floating_row in plan.c would work it out. One cache line: a
 * book's loans walk these by the hundred thousand, so what the rows share
 * per rate is in the rate table instead. */
typedef struct sl__period {
#ifdef SL_HAVE_FASTDIV
    /* The term's interest, round_half_up(balance · num / den) for the
     * fraction num/den in lowest terms (the rate per term, or split: the two
     * rates by their days), as floor((2·balance·num + den) / 2den), for
     * balances up to max (0: none; the plan then takes the exact route). */
    sl__divider div; /* division by 2den */
    uint64_t num, max;
#endif
    int32_t run;          /* the steady run after it ends before term + run (−1: no run) */
    uint16_t rate_ix;     /* the rate at the start (the track's rate table) */
    uint16_t end_rate_ix; /* at the end */
    int16_t due_year;     /* the due date at its end */
    uint8_t due_month, due_day;
    uint16_t days;        /* its days */
    uint16_t days_before; /* split: the days at the first rate */
    int8_t built;         /* 0: not worked out yet; 1: usable; −1: the plan works it out itself */
    uint8_t split;        /* one rate change inside */
    uint8_t rate_change;  /* a rate change on its first day or inside it (SL_EVENT_RATE_CHANGE) */
} sl__period;

#ifdef SL_HAVE_FIXED128
/* Convention 9 for a term with one rate change inside: its interest is
 * round_half_up(balance · num / den), the rate a1/b1 for d1 days and a2/b2
 * for the d2 days left, num = a1·b2·d1 + a2·b1·d2, den = b1·b2·days·k (k
 * terms per year). For denominators up to 2^31, rates at most 100 % and
 * terms up to 1 024 days (the callers check) every product fits 128 bits,
 * balance · num too for balances below 2^47. */
static inline void sl__split_fraction(sl_u128 *num, sl_u128 *den, sl_rate r1, sl_rate r2,
                                      uint64_t d1, uint64_t d2, uint64_t days, uint64_t k)
{
    *num = (sl_u128)((uint64_t)r1.num * (uint64_t)r2.den) * d1 +
           (sl_u128)((uint64_t)r2.num * (uint64_t)r1.den) * d2;
    *den = (sl_u128)((uint64_t)r1.den * (uint64_t)r2.den) * (days * k);
}
#endif

typedef struct sl__track sl__track;

/* The tracks of a plan cache, and the generation numbers that tell a plan
 * whether the track it found is still the one in its slot. */
typedef struct sl__track_set {
    sl__track *tracks[SL__TRACKS];
    uint64_t generations[SL__TRACKS]; /* of the track in each slot (0: none) */
    uint64_t generation;
    uint64_t clock;
} sl__track_set;

/* Where a plan finds its periods: the track's periods for its due day, one
 * per start month from month_lo on (month = year·12 + month − 1), valid
 * while set->generations[slot] is `generation`. */
typedef struct sl__track_view {
    unsigned slot;
    uint64_t generation;
    sl__period *periods;
    const sl__track_rate *rates;
    int month_lo, months;
    int term_one; /* the track serves term 1 too (from the payout date, not the first due date) */
} sl__track_view;

/* What a plan asks a track for: its contract's history and where its
 * terms fall in it. changes are sorted with keys their date keys. */
typedef struct sl__track_query {
    const sl_rate_change *changes;
    const int *keys;
    size_t count;
    sl_rate nominal;   /* the rate before the first change */
    sl_rate margin;
    int terms_per_year;
    int payout_key;    /* the date key of the payout date (where term 1 starts) */
    int first_key;     /* of the first due date (where term 2 starts) */
    int last_key;      /* and of the last due date */
} sl__track_query;

/* Find the track whose changes are the query's from its first due date to
 * its last (and whose rate at the first due date is the query's), or make one (an old one may be dropped), and its periods for due
 * day `anchor` (1–31). 1 with *view set, 0 when none can be had (memory, a
 * history too long). */
int sl__track_find(sl__track_set *set, const sl__track_query *q, int anchor, sl__track_view *view);

/* Work out period p, the one starting in `month` of the view's track (its
 * slot's generation checked by the caller): p->built becomes 1, or −1 when
 * the plan must work the row out itself. */
void sl__track_work_out(sl__track_set *set, const sl__track_view *view, sl__period *p, int anchor,
                        int month);

/* Free every track. */
void sl__track_set_clear(sl__track_set *set);

/* The track set of a cache (plan_cache.c). */
sl__track_set *sl__plan_cache_tracks(sl_plan_cache *cache);

#endif
