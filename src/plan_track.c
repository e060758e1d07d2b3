/* The periods of a rate history, shared by the loans that follow it
 * (plan_track_internal.h says why).
 *
 * A track is made from the first loan that needs it: its rate changes, its
 * rate before them, its margin and terms per year; a later loan whose span
 * reaches further widens it, when the two agree where they overlap. A loan
 * uses a track when the track's changes from the loan's first due date to
 * its last are the loan's own, change for change, and the rate in force at
 * the first due date is the same: then every period of the loan after its
 * first term is the track's period, and its first term too when the same
 * holds from the payout date. Periods are worked out from the track alone,
 * as floating_row in plan.c works them out from the loan's changes; tests
 * compare the plans with the general path row by row, also with plans
 * taking rows in turn on one cache. At most SL__TRACKS tracks are kept;
 * the one used longest ago makes room (plans that used it look theirs up
 * again, by its generation number), so memory stays bounded however many
 * loans and histories a book has. */
#include <stdlib.h>
#include <string.h>

#include "annuity_internal.h"
#include "plan_track_internal.h"
#include "startlan/date.h"
#include "startlan/rate.h"

#define MAX_CHANGES 65534 /* a longer history is not kept (the plan works alone); uint16 indices */

struct sl__track {
    uint64_t generation;
    uint64_t used;
    sl_rate margin;
    int terms_per_year, step;
    sl_rate nominal;
    size_t count;
    sl_rate_change *changes;
    int *keys;
    sl__track_rate *rates;          /* count + 1: before the first change, then from each */
    int month_lo, months;           /* start months covered: month_lo .. month_lo + months − 1 */
    sl__period *by_day[32];         /* per due day 1 .. 31, `months` periods each, made lazily */
};

static inline int date_key(sl_date d)
{
    return (d.year * 16 + d.month) * 32 + d.day;
}

static inline int month_of(sl_date d)
{
    return d.year * 12 + d.month - 1;
}

/* The due date in month m (year·12 + month − 1) on day `anchor`, clamped to
 * the month's end. */
static sl_date due_in(int m, int anchor)
{
    sl_date d = {m / 12, m % 12 + 1, 1};
    int dim = sl_date_days_in_month(d.year, d.month);
    d.day = anchor < dim ? anchor : dim;
    return d;
}

/* The number of keys <= key (strict = 0) or < key (strict = 1). */
static size_t count_keys(const int *keys, size_t n, int key, int strict)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strict ? keys[mid] < key : keys[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int same_fraction(sl_rate a, sl_rate b)
{
    return a.num == b.num && a.den == b.den;
}

static void track_free(sl__track *t)
{
    if (!t)
        return;
    for (int d = 0; d < 32; d++)
        free(t->by_day[d]);
    free(t->changes);
    free(t->keys);
    for (size_t i = 0; t->rates && i <= t->count; i++)
        free(t->rates[i].factors);
    free(t->rates);
    free(t);
}

int sl__track_factor_slow(const sl__track_rate *x, int n, double *out)
{
    double f;
    if (!sl__annuity_double_factor_of(&f, x->r_hat, x->log1p_r, n))
        f = -1;
    if ((unsigned)n < SL__TRACK_FACTORS) {
        /* The table is the track's, filled by the plans that read it (one
         * thread per cache); the rate is const only to the rows. */
        sl__track_rate *own = (sl__track_rate *)x;
        if (!own->factors)
            own->factors = calloc(SL__TRACK_FACTORS, sizeof *own->factors);
        if (own->factors)
            own->factors[n] = f;
    }
    if (f < 0)
        return 0;
    *out = f;
    return 1;
}

/* Does track t serve the query from date key `from`: the same margin and
 * terms per year, the same changes from `from` to the last due date, and
 * the same rate in force at `from` (where a change on `from` itself is one
 * of the changes compared, the rate before it does not matter)? */
static int serves(const sl__track *t, const sl__track_query *q, int from)
{
    if (!same_fraction(t->margin, q->margin) || t->terms_per_year != q->terms_per_year)
        return 0;
    size_t a = count_keys(t->keys, t->count, from, 1);
    size_t b = count_keys(q->keys, q->count, from, 1);
    int at_a = a < t->count && t->keys[a] == from, at_b = b < q->count && q->keys[b] == from;
    if (!(at_a && at_b)) {
        sl_rate ra = a ? t->changes[a - 1].rate : t->nominal;
        sl_rate rb = b ? q->changes[b - 1].rate : q->nominal;
        if (!same_fraction(ra, rb))
            return 0;
    }
    size_t n = count_keys(t->keys, t->count, q->last_key, 0) - a;
    if (count_keys(q->keys, q->count, q->last_key, 0) - b != n ||
        memcmp(t->keys + a, q->keys + b, n * sizeof *q->keys) != 0)
        return 0;
    const sl_rate_change *ca = t->changes + a, *cb = q->changes + b;
    for (size_t i = 0; i < n; i++)
        if (!same_fraction(ca[i].rate, cb[i].rate))
            return 0;
    return 1;
}

/* rate + the track's margin, as the plan adds it (the rate itself when there
 * is no margin). */
static int with_margin(const sl__track *t, sl_rate r, sl_rate *out)
{
    if (t->margin.num == 0) {
        *out = r;
        return SL_OK;
    }
    return sl_rate_add(out, r, t->margin);
}

/* The track's rate table: each rate with the margin added, its unsplit
 * interest prepared, its annuity double rate, and a number for its value
 * so that a plan compares two rates by their numbers (equal values, equal
 * numbers, compared as fractions, not as representations; past MAX_IDS
 * distinct values −1, and the plan compares the fractions). A rate the
 * margin cannot be added to has den 0: periods at it are left to the plan.
 * 0 without memory. */
#define MAX_IDS 4096
static int make_rates(sl__track *t)
{
    t->rates = calloc(t->count + 1, sizeof *t->rates);
    sl_rate *seen = malloc(MAX_IDS * sizeof *seen);
    if (!t->rates || !seen) {
        free(seen);
        return 0;
    }
    int distinct = 0;
    for (size_t i = 0; i <= t->count; i++) {
        sl__track_rate *x = &t->rates[i];
        sl_rate raw = i ? t->changes[i - 1].rate : t->nominal;
        x->value_id = -1;
        if (with_margin(t, raw, &x->rate) != SL_OK || x->rate.num < 0 || x->rate.den <= 0) {
            x->rate = (sl_rate){0, 0};
            continue;
        }
        for (int d = distinct - 1; d >= 0 && x->value_id < 0; d--) /* the recent rates first */
            if (sl_rate_compare(seen[d], x->rate) == 0)
                x->value_id = d;
        if (x->value_id < 0 && distinct < MAX_IDS) {
            seen[distinct] = x->rate;
            x->value_id = distinct++;
        }
        sl__term_interest_init(&x->one, x->rate, t->terms_per_year);
        int64_t b;
        x->annuity_double = !__builtin_mul_overflow(x->rate.den, (int64_t)t->terms_per_year, &b) &&
                            sl__annuity_double_rate(&x->r_hat, &x->log1p_r, x->rate.num, b);
    }
    free(seen);
    return 1;
}

/* Do track t and the query agree where their changes overlap (the same
 * dates, the same rates), with some overlap? Then they are one history seen
 * over two spans, and one track can hold both. */
static int agrees(const sl__track *t, const sl__track_query *q)
{
    if (!same_fraction(t->margin, q->margin) || t->terms_per_year != q->terms_per_year)
        return 0;
    int lo = t->keys[0] > q->keys[0] ? t->keys[0] : q->keys[0];
    int hi = t->keys[t->count - 1] < q->keys[q->count - 1] ? t->keys[t->count - 1]
                                                           : q->keys[q->count - 1];
    if (lo > hi)
        return 0;
    size_t a = count_keys(t->keys, t->count, lo, 1), b = count_keys(q->keys, q->count, lo, 1);
    for (; a < t->count && t->keys[a] <= hi; a++, b++)
        if (b >= q->count || q->keys[b] != t->keys[a] ||
            !same_fraction(q->changes[b].rate, t->changes[a].rate))
            return 0;
    return b >= q->count || q->keys[b] > hi;
}

/* A track of the query's changes, merged with those of `with` (NULL: none),
 * which agrees with them (agrees()); the rate before the first change is
 * that of the one that starts first. */
static sl__track *track_new(const sl__track_query *q, const sl__track *with)
{
    size_t wn = with ? with->count : 0;
    if (q->count == 0 || q->count > MAX_CHANGES || wn > MAX_CHANGES || q->terms_per_year < 1 ||
        12 % q->terms_per_year != 0)
        return NULL;
    sl__track *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->margin = q->margin;
    t->terms_per_year = q->terms_per_year;
    t->step = 12 / q->terms_per_year;
    t->nominal = with && with->keys[0] < q->keys[0] ? with->nominal : q->nominal;
    t->changes = malloc((q->count + wn) * sizeof *t->changes);
    t->keys = malloc((q->count + wn) * sizeof *t->keys);
    if (!t->changes || !t->keys) {
        track_free(t);
        return NULL;
    }
    size_t a = 0, b = 0, n = 0; /* the union in date order; a date in both once */
    while (a < wn || b < q->count) {
        int take_w = b >= q->count || (a < wn && with->keys[a] <= q->keys[b]);
        if (take_w && b < q->count && with->keys[a] == q->keys[b])
            b++;
        t->changes[n] = take_w ? with->changes[a] : q->changes[b];
        t->keys[n++] = take_w ? with->keys[a++] : q->keys[b++];
    }
    t->count = n;
    if (!make_rates(t)) {
        track_free(t);
        return NULL;
    }
    /* A period can meet a change when it starts at most a term before it
     * and ends at most two terms before it (the run after it looks that far
     * ahead); outside, nothing changes and the plan's own steady path runs. */
    t->month_lo = month_of(t->changes[0].date) - 3 * t->step;
    t->months = month_of(t->changes[t->count - 1].date) + 3 * t->step - t->month_lo + 1;
    return t;
}

/* The track in slot i, its periods for due day anchor made if need be;
 * term_one: it serves the plan's term 1 too. */
static int view_of(sl__track_set *set, unsigned i, int anchor, int term_one,
                   sl__track_view *view)
{
    sl__track *t = set->tracks[i];
    if (anchor < 1 || anchor > 31)
        return 0;
    if (!t->by_day[anchor]) {
        t->by_day[anchor] = calloc((size_t)t->months, sizeof *t->by_day[anchor]);
        if (!t->by_day[anchor])
            return 0;
    }
    view->slot = i;
    view->generation = t->generation;
    view->periods = t->by_day[anchor];
    view->rates = t->rates;
    view->month_lo = t->month_lo;
    view->months = t->months;
    view->term_one = term_one;
    return 1;
}

int sl__track_find(sl__track_set *set, const sl__track_query *q, int anchor, sl__track_view *view)
{
    unsigned oldest = 0;
    for (unsigned i = 0; i < SL__TRACKS; i++) {
        sl__track *t = set->tracks[i];
        int one = t && serves(t, q, q->payout_key);
        if (one || (t && serves(t, q, q->first_key))) {
            t->used = ++set->clock;
            return view_of(set, i, anchor, one, view);
        }
        if (!t || (set->tracks[oldest] && t->used < set->tracks[oldest]->used))
            oldest = i;
    }
    /* None serves: a track that agrees where the spans overlap is widened
     * (a book's loans each see the part of one history their lives span),
     * else a new one takes the place of the one used longest ago. */
    sl__track *t = NULL;
    for (unsigned i = 0; i < SL__TRACKS && !t; i++)
        if (set->tracks[i] && agrees(set->tracks[i], q)) {
            t = track_new(q, set->tracks[i]);
            if (t && serves(t, q, q->first_key))
                oldest = i;
            else {
                track_free(t);
                t = NULL;
                break;
            }
        }
    if (!t)
        t = track_new(q, NULL);
    if (!t)
        return 0;
    track_free(set->tracks[oldest]);
    t->generation = ++set->generation;
    t->used = ++set->clock;
    set->tracks[oldest] = t;
    set->generations[oldest] = t->generation;
    return view_of(set, oldest, anchor, serves(t, q, q->payout_key), view);
}

/* Work out period p (due day anchor, start month m) as floating_row does;
 * p->built = −1 where the plan must work it out itself. */
static void work_out(const sl__track *t, sl__period *p, int anchor, int m)
{
    p->built = -1;
    sl_date start = due_in(m, anchor), end = due_in(m + t->step, anchor);
    int sk = date_key(start), ek = date_key(end);
    int64_t days = sl_date_diff_days(start, end);
    size_t n = t->count;
    size_t i = count_keys(t->keys, n, sk, 0); /* changes on or before the start */
    size_t j = count_keys(t->keys, n, ek, 1); /* changes before the end */
    if (j > i + 1 || days < 1 || days > 1024 || end.year > INT16_MAX)
        return; /* two changes inside: the plan's piece sum */
    const sl__track_rate *r1 = &t->rates[i], *r2 = &t->rates[j]; /* at the start, the end */
    if (r1->rate.den == 0 || r2->rate.den == 0)
        return;
    p->rate_ix = (uint16_t)i;
    p->end_rate_ix = (uint16_t)j;
    p->due_year = (int16_t)end.year;
    p->due_month = (uint8_t)end.month;
    p->due_day = (uint8_t)end.day;
    p->days = (uint16_t)days;
    p->rate_change = (i && t->keys[i - 1] == sk) || j > i;
    p->split = j == i + 1;
    if (p->split) {
#ifdef SL_HAVE_FASTDIV
        /* as two_pieces in plan.c: the bounds make every product fit */
        sl_rate a = r1->rate, b = r2->rate;
        const int64_t small = (int64_t)1 << 31;
        int64_t d1 = sl_date_diff_days(start, t->changes[i].date), d2 = days - d1;
        if (a.den > small || b.den > small || d1 < 0 || d2 < 0 || a.num > a.den || b.num > b.den)
            return;
        p->days_before = (uint16_t)d1;
        sl_u128 num, den;
        sl__split_fraction(&num, &den, a, b, (uint64_t)d1, (uint64_t)d2, (uint64_t)days,
                           (uint64_t)t->terms_per_year);
        /* In lowest terms the fraction usually fits 64 bits: then the
         * interest takes a prepared division, as an unsplit term's does;
         * larger balances (or fractions) sum the pieces in 128 bits. */
        sl_u128 x = num, y = den;
        while (y) {
            sl_u128 rem = x % y;
            x = y;
            y = rem;
        }
        num /= x;
        den /= x;
        p->max = 0;
        if (num < ((sl_u128)1 << 62) && den < ((sl_u128)1 << 62)) {
            sl__term_interest ti;
            sl__term_interest_init(&ti, (sl_rate){(int64_t)num, (int64_t)den}, 1);
            p->div = ti.div;
            p->num = (uint64_t)num;
            p->max = ti.max_balance;
        }
#else
        return; /* no 128-bit arithmetic: the plan's piece sum */
#endif
    } else {
#ifdef SL_HAVE_FASTDIV
        p->div = r1->one.div; /* the rate's own prepared division */
        p->num = (uint64_t)r1->rate.num;
        p->max = r1->one.max_balance;
#endif
    }
    /* The steady run after this term lasts up to the term in which the next
     * change (the first on or after the end) falls: a change on the end
     * date starts the next term itself (no run); else each due date from
     * the next one on up to the change's date adds a term. */
    if (j < n && t->keys[j] == ek)
        p->run = -1;
    else if (j < n) {
        int c = 0;
        for (int mm = m + 2 * t->step; date_key(due_in(mm, anchor)) <= t->keys[j]; mm += t->step)
            c++;
        p->run = 1 + c;
    } else
        p->run = SL__RUN_OPEN;
    p->built = 1;
}

void sl__track_work_out(sl__track_set *set, const sl__track_view *view, sl__period *p, int anchor,
                        int month)
{
    work_out(set->tracks[view->slot], p, anchor, month);
}

void sl__track_set_clear(sl__track_set *set)
{
    for (unsigned i = 0; i < SL__TRACKS; i++) {
        track_free(set->tracks[i]);
        set->tracks[i] = NULL;
        set->generations[i] = 0;
    }
}
