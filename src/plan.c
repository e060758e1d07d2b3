/* The plan engine: a validated contract in, one term at a time out.
 * Every other capability computes interest and principal through here.
 *
 * One state machine: each term finds its period (start, end), the rate and
 * balance pieces inside it, the interest (conventions 1, 8, 9), whether the
 * level payment must be (re)computed (conventions 2, 3, 10, 12, 13), the
 * principal (5, 13, 14), and what that means for the next term. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "annuity_internal.h"
#include "arith_internal.h"
#include "fixed128_internal.h"
#include "interest_internal.h"
#include "plan_cache_internal.h"
#include "plan_internal.h"
#include "plan_track_internal.h"
#include "startlan/annuity.h"
#include "startlan/breakcost.h"
#include "startlan/plan.h"
#include "terms_internal.h"

struct sl_plan {
    sl_loan_terms terms; /* validated version-2 copy; arrays below */
    const sl_rate_change *changes; /* own_changes, or a rate history's (sl__plan_new_checked) */
    sl_rate_change *own_changes;   /* the copy the plan owns; NULL: none */
    int *own_keys;                 /* change_keys when the plan owns them */
    sl_extra_payment *extras;
    sl_interest_only_window *windows;
    size_t finding_count;
    int n_terms;       /* terms of the plan (windows that move the end included) */
    int dated;         /* a payout date: due dates and days */
    sl_date first_due; /* due date of term 1 */
    int broken;        /* the first period is not one regular period */
    int has_fixed;
    sl_date fixed_from, fixed_end;

    int next_term;     /* 1-based number of the next row */
    int end_term;      /* last term (moves after `shorten` or a payment-keeping rate change) */
    int limit_term;    /* the latest term the plan may reach */
    sl_money balance;  /* restgjeld before the next row */
    sl_money level;    /* annuity payment (interest + principal) or serial instalment */
    int level_valid;
    sl_rate level_rate; /* the rate the annuity level was computed with */
    int level_rate_id;  /* its number on the plan's track (−1: none; tracked_row) */
    int ended;
    int settled;
    sl_settlement settlement;
    sl_plan_totals totals; /* steady rows since seg_term: only their interest (settle_steady) */
    int seg_term;          /* the first term of the present run of steady rows, */
    sl_money seg_balance;  /* the balance before it, */
    sl_money seg_interest; /* and totals.interest before it */
    sl__term_interest equal_interest; /* convention 1 prepared for the last rate used */
    int simple;          /* no events: every term takes next_simple_row */
    int steady;          /* simple: amortising terms take next_steady_row */
    int steady_until;    /* terms before this one are steady (0: none); set once the level is, */
    sl_rate run_rate;    /* at this rate (margin included): the rate of every steady row */
    int floating;        /* dated, events only rate changes (and a margin): floating_row */
    int floating_first;  /* and term 1 one regular period from the payout date: floating_row too */
    int exact_pieces;    /* split interest always as a GMP rational (the general path's test) */
    const int *change_keys; /* date_key of each rate change (sorted with them) */
    size_t change_cursor; /* floating_row: changes before the last row's due date */
    sl_plan_cache *cache; /* annuity factors shared with other plans (not owned); NULL: none */
    int track_state;      /* rows from the cache's track: 0 to look it up, 1 found, −1 none */
    sl__track_set *track_set; /* the cache's tracks */
    sl__track_view track; /* where this plan's periods are there */
    int track_base;       /* term k's period: track.periods[track_base + (k − 1) · step] */
    int track_from;       /* the first term whose period is the track's (1, 2 or 3) */
    sl_rate margin_base, margin_sum; /* the last rate the margin was added to, and the sum */
    int due_year, due_mon; /* last due date (dated simple and floating plans): year, month */
    int due_day;         /* and day; ints, not an sl_date: each row reads what the last wrote */
    int anchor;          /* the day of month of due dates (dated plans) */
    int step;            /* months per term (12 / terms per year) */
    sl_money fixed_level; /* a level payment held from term 1 (sl_plan_new_with_payment); 0: none */
    sl_rate fixed_rate;   /* the rate (margin included) that level is held at */
    sl_finding findings[SL__MAX_FINDINGS];
};

static int date_given(sl_date d)
{
    return d.year != 0;
}

/* A date as one integer in the same order (days 1..31, months 1..12). */
static inline int date_key(sl_date d)
{
    return (d.year * 16 + d.month) * 32 + d.day;
}

/* Convention 1: interest for one equal period at rate, with the division
 * prepared once per rate (rates change rarely; terms are many). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void prepare_interest(sl_plan *plan, const sl_rate *rate)
{
    sl__term_interest_init(&plan->equal_interest, *rate, plan->terms.terms_per_year);
}

static inline int equal_period_interest(sl_plan *plan, sl_money balance, const sl_rate *rate,
                                        sl_money *out)
{
    sl__term_interest *ti = &plan->equal_interest;
    if (ti->rate.num != rate->num || ti->rate.den != rate->den ||
        ti->terms_per_year != plan->terms.terms_per_year)
        prepare_interest(plan, rate);
    return sl__term_interest_of(ti, balance, out);
}

/* Stable insertion sorts by date (the arrays are short). */
static void sort_changes(sl_rate_change *a, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && sl_date_compare(a[j - 1].date, a[j].date) > 0; j--) {
            sl_rate_change t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
        }
}

static void sort_extras(sl_extra_payment *a, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && sl_date_compare(a[j - 1].date, a[j].date) > 0; j--) {
            sl_extra_payment t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
        }
}

static void *copy_array(const void *src, size_t n, size_t size, int *fail)
{
    if (n == 0)
        return NULL;
    void *p = malloc(n * size);
    if (!p) {
        *fail = 1;
        return NULL;
    }
    memcpy(p, src, n * size);
    return p;
}

/* The plan of a validated contract; keys: see sl__plan_new_checked. */
static int plan_create(sl_plan **out, const sl_loan_terms *terms, const int *keys, sl_error *err)
{
    int rc;
    sl_plan *plan = malloc(sizeof *plan);
    if (!plan)
        return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
    /* All of it, the findings too: the ones not written must not be
     * uninitialised bytes a caller's copy would carry. */
    memset(plan, 0, sizeof *plan);
    sl_loan_terms *t = &plan->terms;
    sl__terms_upgrade(t, terms);
    int fail = 0;
    if (keys && t->rate_change_count) { /* in order, with their keys: referred to */
        plan->changes = t->rate_changes;
        plan->change_keys = keys;
    } else {
        plan->changes = plan->own_changes = copy_array(t->rate_changes, t->rate_change_count,
                                                       sizeof *plan->own_changes, &fail);
    }
    plan->extras = copy_array(t->extra_payments, t->extra_payment_count, sizeof *plan->extras, &fail);
    plan->windows = copy_array(t->interest_only_windows, t->interest_only_window_count,
                               sizeof *plan->windows, &fail);
    if (fail) {
        sl_plan_free(plan);
        return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
    }
    sort_extras(plan->extras, t->extra_payment_count);
    if (plan->own_changes) {
        int *k = plan->own_keys = malloc(t->rate_change_count * sizeof *plan->own_keys);
        if (!k) {
            sl_plan_free(plan);
            return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
        }
        /* A rate history comes in date order: the stable sort would move
         * nothing, so it runs only when some key is out of order. */
        int in_order = 1;
        for (size_t i = 0; i < t->rate_change_count; i++) {
            k[i] = date_key(plan->changes[i].date);
            in_order &= i == 0 || k[i - 1] <= k[i];
        }
        if (!in_order) {
            sort_changes(plan->own_changes, t->rate_change_count);
            for (size_t i = 0; i < t->rate_change_count; i++)
                k[i] = date_key(plan->changes[i].date);
        }
        plan->change_keys = k;
    }
    t->rate_changes = plan->changes;
    t->extra_payments = plan->extras;
    t->interest_only_windows = plan->windows;
    plan->n_terms = sl__terms_count(t);
    plan->dated = date_given(t->payout_date);
    if (plan->dated) {
        sl_date regular;
        rc = sl__first_due(&plan->first_due, t);
        if (rc == SL_OK)
            rc = sl_date_add_months(&regular, t->payout_date, 12 / t->terms_per_year,
                                    t->payout_date.day);
        if (rc == SL_OK && t->fixed.years) {
            plan->has_fixed = 1;
            plan->fixed_from = date_given(t->fixed.from) ? t->fixed.from : t->payout_date;
            rc = sl_date_add_months(&plan->fixed_end, plan->fixed_from, 12 * t->fixed.years,
                                    plan->fixed_from.day);
        }
        if (rc != SL_OK) {
            sl_plan_free(plan);
            return sl__fail(err, rc, "payout_date", "", "payout_date: dates out of range");
        }
        plan->broken = sl_date_compare(plan->first_due, regular) != 0;
    }
    plan->simple = t->interest_only_window_count == 0 && t->rate_change_count == 0 &&
                   t->extra_payment_count == 0 && !date_given(t->repay_date) && !plan->has_fixed &&
                   t->margin.num == 0 && t->day_count == SL_DAY_COUNT_EQUAL && !plan->broken;
    plan->steady = 1; /* steady runs allowed (between events too: open_run) */
    plan->floating = plan->dated && !plan->has_fixed && t->extra_payment_count == 0 &&
                     !date_given(t->repay_date) && t->day_count == SL_DAY_COUNT_EQUAL &&
                     !t->rate_change_keeps_payment && t->interest_only_window_count == 0;
    plan->anchor = plan->dated ? sl__anchor_day(t) : 0;
    plan->floating_first = plan->floating && !plan->broken && plan->anchor == t->payout_date.day;
    plan->track_state = -1; /* until a cache is given (sl_plan_use_cache) */
    plan->step = 12 / t->terms_per_year;
    if (plan->simple)
        prepare_interest(plan, &t->nominal_rate); /* the only rate a simple plan uses */
    plan->finding_count = sl__terms_findings(t, plan->findings, SL__MAX_FINDINGS);
    if (plan->finding_count > SL__MAX_FINDINGS)
        plan->finding_count = SL__MAX_FINDINGS;
    sl_plan_rewind(plan);
    *out = plan;
    return SL_OK;
}

int sl_plan_new(sl_plan **out, const sl_loan_terms *terms, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    *out = NULL;
    int rc = sl_loan_terms_check(terms, err);
    return rc == SL_OK ? plan_create(out, terms, NULL, err) : rc;
}

int sl__plan_new_checked(sl_plan **out, const sl_loan_terms *terms, const int *change_keys,
                         sl_error *err)
{
    sl__error_reset(err);
    *out = NULL;
    return plan_create(out, terms, change_keys, err);
}

void sl_plan_use_cache(sl_plan *plan, sl_plan_cache *cache)
{
    if (plan) {
        plan->cache = cache;
        /* a floating plan on a cache looks for its history's track */
        plan->track_state = cache && plan->floating && plan->steady && plan->terms.rate_change_count
                                ? 0
                                : -1;
    }
}

void sl_plan_free(sl_plan *plan)
{
    if (!plan)
        return;
    free(plan->own_changes);
    free(plan->extras);
    free(plan->windows);
    free(plan->own_keys);
    free(plan);
}

/* A run of steady rows adds only its interest to the totals as it goes; the
 * rest follows from where the run started: principal = the fall of the
 * balance, fees = rows × term fee, paid = interest + principal + fees, which
 * are the sums of those rows' figures. settle_steady adds them to tot (the
 * plan's totals or a copy); every part is >= 0 and at most what is paid. */
static void open_segment(sl_plan *plan)
{
    plan->seg_term = plan->next_term;
    plan->seg_balance = plan->balance;
    plan->seg_interest = plan->totals.interest;
}

static int settle_steady(const sl_plan *plan, sl_plan_totals *tot)
{
    int rows = plan->next_term - plan->seg_term;
    if (rows <= 0)
        return SL_OK;
    sl_money principal = plan->seg_balance - plan->balance, fees, paid;
    if (__builtin_mul_overflow(plan->terms.term_fee, (int64_t)rows, &fees) ||
        __builtin_add_overflow(tot->interest - plan->seg_interest, principal, &paid) ||
        __builtin_add_overflow(paid, fees, &paid) ||
        __builtin_add_overflow(tot->paid, paid, &tot->paid))
        return SL_ERANGE; /* unreachable for a validated contract */
    tot->principal += principal;
    tot->term_fees += fees;
    tot->fees += fees;
    tot->terms += rows;
    return SL_OK;
}

void sl_plan_rewind(sl_plan *plan)
{
    if (!plan)
        return;
    plan->next_term = 1;
    plan->end_term = plan->n_terms;
    plan->limit_term = sl__terms_limit(&plan->terms);
    plan->balance = plan->terms.principal;
    plan->level = 0;
    plan->level_valid = 0;
    plan->steady_until = 0;
    plan->run_rate = plan->terms.nominal_rate;
    plan->level_rate = plan->terms.nominal_rate;
    plan->level_rate_id = -1;
    if (plan->fixed_level) { /* held from the first term: nothing to amortise */
        plan->level = plan->fixed_level;
        plan->level_valid = 1;
        plan->level_rate = plan->fixed_rate;
        plan->level_rate_id = -1;
    }
    plan->ended = 0;
    plan->settled = 0;
    plan->change_cursor = 0;
    plan->due_year = plan->terms.payout_date.year;
    plan->due_mon = plan->terms.payout_date.month;
    plan->due_day = plan->terms.payout_date.day;
    sl_plan_totals zero;
    memset(&zero, 0, sizeof zero);
    zero.establishment_fee = plan->terms.establishment_fee;
    zero.fees = zero.establishment_fee;
    zero.paid = zero.establishment_fee;
    plan->totals = zero;
    open_segment(plan);
}

/* The nominal rate in force on date d (convention 10, 11): floating or fixed,
 * plus the margin. Without dates: the contract's rate plus the margin. */
/* The number of rate changes on or before d (they are sorted by date): a
 * binary search, so a plan following a long rate history costs log n a
 * lookup, not n. */
static size_t changes_until_key(const sl_plan *plan, int key)
{
    size_t lo = 0, hi = plan->terms.rate_change_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (plan->change_keys[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t changes_until(const sl_plan *plan, sl_date d)
{
    return changes_until_key(plan, date_key(d));
}

/* rate + the contract's margin, as sl_rate_add gives it (the rate itself,
 * unreduced, without a margin); the last sum is kept, since a plan adds the
 * margin to the same rate for many terms. */
static int add_margin(sl_plan *plan, sl_rate r, sl_rate *out)
{
    const sl_loan_terms *t = &plan->terms;
    if (t->margin.num == 0) {
        *out = r;
        return SL_OK;
    }
    if (r.num != plan->margin_base.num || r.den != plan->margin_base.den) {
        int rc = sl_rate_add(&plan->margin_sum, r, t->margin);
        if (rc != SL_OK)
            return rc;
        plan->margin_base = r;
    }
    *out = plan->margin_sum;
    return SL_OK;
}

static int rate_on(sl_plan *plan, sl_date d, sl_rate *out)
{
    const sl_loan_terms *t = &plan->terms;
    sl_rate r = t->nominal_rate;
    if (plan->dated) {
        size_t i = changes_until(plan, d);
        if (i)
            r = plan->changes[i - 1].rate;
        if (plan->has_fixed && sl_date_compare(plan->fixed_from, d) <= 0 &&
            sl_date_compare(d, plan->fixed_end) < 0)
            r = t->fixed.rate;
    }
    return add_margin(plan, r, out);
}

/* The first date after cur and before end where a rate may change. */
static sl_date next_rate_break(const sl_plan *plan, sl_date cur, sl_date end)
{
    sl_date next = end;
    size_t i = changes_until(plan, cur);
    if (i < plan->terms.rate_change_count && sl_date_compare(plan->changes[i].date, next) < 0)
        next = plan->changes[i].date;
    if (plan->has_fixed) {
        if (sl_date_compare(plan->fixed_from, cur) > 0 && sl_date_compare(plan->fixed_from, next) < 0)
            next = plan->fixed_from;
        if (sl_date_compare(plan->fixed_end, cur) > 0 && sl_date_compare(plan->fixed_end, next) < 0)
            next = plan->fixed_end;
    }
    return next;
}

static int in_range(sl_date d, sl_date from, sl_date to) /* from <= d < to */
{
    return sl_date_compare(from, d) <= 0 && sl_date_compare(d, to) < 0;
}

static int amortising_between(const sl_plan *plan, int from, int to);

/* Amortising terms from term k to the last term. */
static int amortising_terms(const sl_plan *plan, int k)
{
    return amortising_between(plan, k, plan->end_term);
}

/* Convention 2 or 3 (and 10, 12, 13): the level for the balance over n terms. */
static int amortise(sl_plan *plan, sl_rate rate, int n)
{
    const sl_loan_terms *t = &plan->terms;
    int rc;
    if (t->type == SL_LOAN_SERIAL)
        rc = sl_serial_instalment(&plan->level, plan->balance, n);
    else
        rc = sl__annuity_payment_cached(&plan->level, plan->cache, plan->balance, rate,
                                        t->terms_per_year, n, t->payment_rounding);
    if (rc == SL_OK) {
        plan->level_valid = 1;
        plan->level_rate = rate;
        plan->level_rate_id = -1;
    }
    return rc;
}

/* Amortising terms from term `from` to term `to`. */
static int amortising_between(const sl_plan *plan, int from, int to)
{
    const sl_loan_terms *t = &plan->terms;
    if (t->interest_only_window_count == 0) { /* only the first terms are interest-only */
        int first = from > t->interest_only_terms ? from : t->interest_only_terms + 1;
        return to >= first ? to - first + 1 : 0;
    }
    int n = 0;
    for (int j = from; j <= to; j++)
        n += !sl__interest_only(&plan->terms, j);
    return n;
}

/* Conventions 10 and 13: the fewest amortising terms from term `from` on
 * (up to term `limit`) over which the kept level clears `balance` at
 * `rate`; the last term moves there. *fits = 0 (end unchanged) when the
 * level cannot clear it by `limit`. */
static int fit_end(sl_plan *plan, int from, sl_money balance, sl_rate rate, int limit, int *fits)
{
    const sl_loan_terms *t = &plan->terms;
    int avail = amortising_between(plan, from, limit);
    *fits = 0;
    if (avail < 1 || plan->level <= 0 || balance == 0)
        return SL_OK;
    int need;
    if (t->type == SL_LOAN_SERIAL) {
        int64_t q = balance / plan->level + (balance % plan->level != 0);
        if (q > avail)
            return SL_OK;
        need = (int)q;
    } else {
        sl_money p;
        int rc = sl_annuity_payment(&p, balance, rate, t->terms_per_year, avail,
                                    t->payment_rounding);
        if (rc != SL_OK)
            return rc;
        if (p > plan->level)
            return SL_OK;
        int lo = 1, hi = avail; /* payment(n) falls as n grows */
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            rc = sl_annuity_payment(&p, balance, rate, t->terms_per_year, mid,
                                    t->payment_rounding);
            if (rc != SL_OK)
                return rc;
            if (p <= plan->level)
                hi = mid;
            else
                lo = mid + 1;
        }
        need = lo;
    }
    int j = from - 1, counted = 0;
    while (counted < need && j < limit) {
        j++;
        counted += !sl__interest_only(t, j);
    }
    plan->end_term = j;
    *fits = 1;
    return SL_OK;
}

static int add_totals(sl_plan_totals *tot, const sl_plan_row *row)
{
    if (__builtin_add_overflow(tot->interest, row->interest, &tot->interest) ||
        __builtin_add_overflow(tot->principal, row->principal, &tot->principal) ||
        __builtin_add_overflow(tot->term_fees, row->fee, &tot->term_fees) ||
        __builtin_add_overflow(tot->fees, row->fee, &tot->fees) ||
        __builtin_add_overflow(tot->paid, row->payment, &tot->paid))
        return SL_ERANGE; /* unreachable for a validated contract: see SL_PLAN_MAX_PRINCIPAL */
    tot->terms++;
    return SL_OK;
}

/* What one term's dates and pieces give. */
typedef struct term_work {
    sl_date start, end;  /* the period: (start, end], days = end − start */
    int act365;          /* pieces weigh days / 365 */
    int repay;           /* the term ends with full repayment */
    sl_money extra;      /* extra payments in (start, end], capped at the balance */
    int extra_keep;      /* some extra payment keeps the end date */
    int extra_shorten;   /* some extra payment shortens */
    unsigned events;
} term_work;

/* The exact sum of a term's interest pieces bal · num · d / (den · W): a
 * 128-bit fraction while it fits (the two or three pieces of a rate change
 * inside a term always do for a loan's amounts and rates), a GMP rational
 * from the first piece that would overflow it. Rounded half up either way:
 * the same øre, since rounding a fraction does not depend on its form. */
typedef struct piece_sum {
    int big; /* q holds the sum (initialised) */
#ifdef SL_HAVE_FIXED128
    sl_u128 num, den;
#endif
    mpq_t q;
} piece_sum;

static void sum_init(piece_sum *s, int exact)
{
    s->big = 0;
#ifdef SL_HAVE_FIXED128
    s->num = 0;
    s->den = 1;
    if (!exact)
        return;
#endif
    (void)exact;
    mpq_init(s->q); /* 0 */
    s->big = 1;
}

static void sum_clear(piece_sum *s)
{
    if (s->big)
        mpq_clear(s->q);
}

#ifdef SL_HAVE_FIXED128
static void mpz_set_u128(mpz_t out, sl_u128 v)
{
    mpz_set_ui(out, (unsigned long)(uint64_t)(v >> 64));
    mpz_mul_2exp(out, out, 64);
    mpz_add_ui(out, out, (unsigned long)(uint64_t)v);
}

/* The sum plus num/den in 128 bits; 0 when some product would overflow. */
static int add_128(piece_sum *s, sl_u128 num, sl_u128 den)
{
    sl_u128 a, b;
    if (den == s->den)
        return !__builtin_add_overflow(s->num, num, &s->num);
    if (__builtin_mul_overflow(s->num, den, &a) || __builtin_mul_overflow(num, s->den, &b) ||
        __builtin_add_overflow(a, b, &a) || __builtin_mul_overflow(s->den, den, &b))
        return 0;
    s->num = a;
    s->den = b;
    return 1;
}
#endif

static void sum_add(piece_sum *s, sl_money bal, sl_rate r, int64_t days, uint64_t weight)
{
#ifdef SL_HAVE_FIXED128
    sl_u128 num, den;
    if (!s->big && bal >= 0 && r.num >= 0 && r.den > 0 && days >= 0 &&
        !__builtin_mul_overflow((sl_u128)bal, (sl_u128)r.num, &num) &&
        !__builtin_mul_overflow(num, (sl_u128)days, &num) &&
        !__builtin_mul_overflow((sl_u128)r.den, (sl_u128)weight, &den) &&
        add_128(s, num, den))
        return;
#endif
    mpq_t piece;
    mpz_t z;
    mpq_init(piece);
    mpz_init(z);
    if (!s->big) {
        mpq_init(s->q);
#ifdef SL_HAVE_FIXED128
        mpz_set_u128(mpq_numref(s->q), s->num);
        mpz_set_u128(mpq_denref(s->q), s->den);
        mpq_canonicalize(s->q);
#endif
        s->big = 1;
    }
    sl__mpz_set_i64(mpq_numref(piece), bal);
    sl__mpz_set_i64(z, r.num);
    mpz_mul(mpq_numref(piece), mpq_numref(piece), z);
    sl__mpz_set_i64(z, days);
    mpz_mul(mpq_numref(piece), mpq_numref(piece), z);
    sl__mpz_set_i64(mpq_denref(piece), r.den);
    mpz_set_ui(z, (unsigned long)weight);
    mpz_mul(mpq_denref(piece), mpq_denref(piece), z);
    mpq_canonicalize(piece);
    mpq_add(s->q, s->q, piece);
    mpq_clear(piece);
    mpz_clear(z);
}

#ifdef SL_HAVE_FIXED128
/* num / den and its remainder: on x86-64 one divq when divisor and quotient
 * fit in 64 bits; else a double's estimate of the quotient corrected by
 * exact 128-bit products (a multiplication, not the compiler's 128-bit
 * division, which costs several times more); the division itself when the
 * estimate is off by more than a few (quotients beyond 2^52). */
static sl_u128 div_128(sl_u128 num, sl_u128 den, sl_u128 *rem)
{
#if defined(__x86_64__) && defined(__GNUC__)
    /* A divisor below 2^64 and a quotient below 2^64 (the numerator's high
     * half below the divisor): one hardware division of 128 by 64 bits. */
    uint64_t hi = (uint64_t)(num >> 64), d = (uint64_t)den;
    if ((den >> 64) == 0 && hi < d) {
        uint64_t q, r;
        __asm__("divq %4" : "=a"(q), "=d"(r) : "a"((uint64_t)num), "d"(hi), "rm"(d) : "cc");
        *rem = r;
        return q;
    }
#endif
    /* the conversions by halves: inline, not the compiler's 128-bit helpers */
    double e = ((double)(uint64_t)(num >> 64) * 0x1p64 + (double)(uint64_t)num) /
               ((double)(uint64_t)(den >> 64) * 0x1p64 + (double)(uint64_t)den);
    if (e < 0x1p52) {
        sl_u128 q = (uint64_t)e, p;
        for (int step = 0; step < 4; step++) {
            if (__builtin_mul_overflow(q, den, &p))
                break;
            if (p > num) { /* the estimate was above */
                q--;
                continue;
            }
            if (num - p < den) {
                *rem = num - p;
                return q;
            }
            q++;
        }
    }
    *rem = num % den;
    return num / den;
}
#endif

static int sum_round(const piece_sum *s, sl_money *out)
{
#ifdef SL_HAVE_FIXED128
    if (!s->big) {
        sl_u128 rem, q = div_128(s->num, s->den, &rem);
        q += rem >= s->den - rem; /* half up: 2·rem >= den */
        if (q > (sl_u128)INT64_MAX)
            return SL_ERANGE;
        *out = (sl_money)q;
        return SL_OK;
    }
#endif
    mpz_t z;
    mpz_init(z);
    int rc = sl__mpz_round_quotient(z, NULL, mpq_numref(s->q), mpq_denref(s->q), 1,
                                    SL_ROUND_HALF_UP);
    if (rc == SL_OK)
        rc = sl__mpz_get_i64(out, z);
    mpz_clear(z);
    return rc;
}

/* Interest over the pieces of (start, end] (convention 9), and the extra
 * payments, each capped so the balance never goes below 0. */
static int term_interest(sl_plan *plan, term_work *w, sl_money opening, sl_money *interest)
{
    const sl_loan_terms *t = &plan->terms;
    int64_t days = sl_date_diff_days(w->start, w->end);
    size_t xi = 0;
    /* Skip extra payments up to the start (they belong to earlier terms). */
    while (xi < t->extra_payment_count && sl_date_compare(plan->extras[xi].date, w->start) <= 0)
        xi++;
    w->extra = 0;
    /* The common term: one rate over the whole period and no extra payment. */
    if (sl_date_compare(next_rate_break(plan, w->start, w->end), w->end) == 0 &&
        (xi == t->extra_payment_count || sl_date_compare(plan->extras[xi].date, w->end) > 0)) {
        sl_rate r;
        int rc = rate_on(plan, w->start, &r);
        if (rc != SL_OK)
            return rc;
        if (!w->act365)
            return equal_period_interest(plan, opening, &r, interest); /* convention 1 */
        int64_t num_days; /* ACT/365: opening · r · days / 365 */
        if (!__builtin_mul_overflow(r.num, days, &num_days))
            return sl__muldiv_round(interest, NULL, opening, num_days, r.den, 365, 1,
                                    SL_ROUND_HALF_UP);
    }
    piece_sum sum;
    sum_init(&sum, plan->exact_pieces);
    sl_money bal = opening;
    sl_date cur = w->start;
    int rc = SL_OK, pieces = 0;
    sl_rate first_rate = {0, 1};
    /* W = 365 or days · terms per year */
    uint64_t weight = w->act365 ? 365u : (uint64_t)days * (uint64_t)t->terms_per_year;
    while (sl_date_compare(cur, w->end) < 0) {
        sl_date next = next_rate_break(plan, cur, w->end);
        if (xi < t->extra_payment_count && sl_date_compare(plan->extras[xi].date, next) < 0)
            next = plan->extras[xi].date;
        sl_rate r;
        rc = rate_on(plan, cur, &r);
        if (rc != SL_OK)
            break;
        if (pieces++ == 0)
            first_rate = r;
        /* bal · r.num · d / (r.den · W) */
        sum_add(&sum, bal, r, sl_date_diff_days(cur, next), weight);
        cur = next;
        /* Extra payments on this date lower the balance from here on. */
        while (xi < t->extra_payment_count && sl_date_compare(plan->extras[xi].date, cur) == 0 &&
               sl_date_compare(cur, w->end) <= 0) {
            const sl_extra_payment *x = &plan->extras[xi++];
            sl_money paid = x->amount < bal ? x->amount : bal;
            bal -= paid;
            w->extra += paid;
            if (x->shorten)
                w->extra_shorten = 1;
            else
                w->extra_keep = 1;
            w->events |= SL_EVENT_EXTRA_PAYMENT;
        }
    }
    if (rc == SL_OK) {
        if (pieces == 1 && !w->act365) /* convention 1 exactly */
            rc = equal_period_interest(plan, opening, &first_rate, interest);
        else
            rc = sum_round(&sum, interest);
    }
    sum_clear(&sum);
    return rc;
}

/* Events that take effect in [start, end): rate changes and fixed bounds. */
static unsigned rate_events(const sl_plan *plan, sl_date start, sl_date end)
{
    unsigned ev = 0;
    /* the changes from start on (sorted): those before end */
    size_t n = plan->terms.rate_change_count, i = start.year ? changes_until(plan, start) : 0;
    if (i && sl_date_compare(plan->changes[i - 1].date, start) == 0)
        i--;
    for (; i < n && sl_date_compare(plan->changes[i].date, end) < 0; i++) {
        sl_date d = plan->changes[i].date;
        /* A floating change inside a fixed period changes nothing yet. */
        if (in_range(d, start, end) &&
            !(plan->has_fixed && in_range(d, plan->fixed_from, plan->fixed_end)))
            ev |= SL_EVENT_RATE_CHANGE;
    }
    if (plan->has_fixed) {
        if (in_range(plan->fixed_from, start, end))
            ev |= SL_EVENT_FIXED_START;
        if (in_range(plan->fixed_end, start, end))
            ev |= SL_EVENT_FIXED_END;
    }
    return ev;
}

static int settle(sl_plan *plan, const sl_plan_row *r, sl_money repaid, sl_date date)
{
    sl_settlement s;
    memset(&s, 0, sizeof s);
    s.date = date;
    s.balance = repaid;
    s.interest = r->interest;
    s.fee = r->fee;
    if (plan->has_fixed && in_range(date, plan->fixed_from, plan->fixed_end)) {
        int rc = sl_break_months(&s.break_months, date, plan->fixed_end);
        if (rc == SL_OK)
            rc = sl_break_cost(&s.break_cost, repaid, plan->terms.fixed.rate,
                               plan->terms.market_rate, s.break_months);
        if (rc != SL_OK)
            return rc;
    }
    if (sl_money_add(&s.total, s.balance, s.interest) || sl_money_add(&s.total, s.total, s.fee) ||
        sl_money_add(&s.total, s.total, s.break_cost))
        return SL_ERANGE;
    plan->settlement = s;
    plan->settled = 1;
    return SL_OK;
}

static inline int month_days(int year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] +
           (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)));
}

/* The due date of the term after the last in a simple dated plan (term >= 2)
 * and the days since the last: its month plus one period, on the anchor day
 * clamped to the month's end, which is the date sl__due_date gives; the days
 * are the month lengths passed plus the change of day. No range check: the
 * contract's check proved the last due date valid. Returns 1 (a row). */
#if defined(__GNUC__)
__attribute__((noinline)) /* keeps the undated steady path free of a stack frame */
#endif
static int next_due(sl_plan *plan, sl_plan_row *r)
{
    int year = plan->due_year, month = plan->due_mon, days = -plan->due_day;
    for (int j = 0; j < plan->step; j++) {
        days += month_days(year, month);
        year += month == 12;
        month = month == 12 ? 1 : month + 1;
    }
    int dim = month_days(year, month);
    int day = plan->anchor < dim ? plan->anchor : dim;
    r->due_date.year = year;
    r->due_date.month = month;
    r->due_date.day = day;
    r->days = days + day;
    plan->due_year = year;
    plan->due_mon = month;
    plan->due_day = day;
    return 1;
}

/* The common contract, without events: conventions 1–7 only. Gives exactly
 * what the general path below gives for such a contract (a test compares the
 * two on random contracts), with no per-term work beyond the arithmetic. */
static int next_simple_row(sl_plan *plan, sl_plan_row *r)
{
    const sl_loan_terms *t = &plan->terms;
    int k = plan->next_term, rc;
    r->term = k;
    r->events = 0;
    r->rate = t->nominal_rate;
    r->opening_balance = plan->balance;
    r->due_date = (sl_date)SL_DATE_NONE;
    r->days = 0;
    if (plan->dated && k > 1) {
        next_due(plan, r);
    } else if (plan->dated) {
        r->due_date = plan->first_due;
        r->days = (int)sl_date_diff_days(plan->terms.payout_date, r->due_date);
        plan->due_year = r->due_date.year;
        plan->due_mon = r->due_date.month;
        plan->due_day = r->due_date.day;
    }
    rc = equal_period_interest(plan, r->opening_balance, &t->nominal_rate, &r->interest);
    if (rc != SL_OK)
        return rc;
    int interest_only = k <= t->interest_only_terms;
    if (interest_only) {
        r->principal = 0;
        r->events |= SL_EVENT_INTEREST_ONLY;
    } else {
        if (!plan->level_valid) {
            rc = amortise(plan, t->nominal_rate, plan->end_term - k + 1);
            if (rc != SL_OK)
                return rc;
            r->events |= SL_EVENT_AMORTISED;
            /* the level holds to the end: no later term changes it */
            plan->steady_until = plan->steady ? plan->end_term : 0;
        }
        sl_money p = k >= plan->end_term            ? r->opening_balance /* convention 5 */
                     : t->type == SL_LOAN_SERIAL ? plan->level
                                                 : plan->level - r->interest;
        r->principal = p < 0 ? 0 : p > r->opening_balance ? r->opening_balance : p;
    }
    r->fee = t->term_fee;
    r->closing_balance = r->opening_balance - r->principal;
    r->payment = r->interest + r->principal + r->fee; /* bounded by SL_PLAN_MAX_PRINCIPAL */
    if (r->closing_balance == 0)
        r->events |= SL_EVENT_LAST;
    rc = add_totals(&plan->totals, r);
    if (rc != SL_OK)
        return rc;
    plan->balance = r->closing_balance;
    plan->next_term++;
    if (interest_only)
        plan->level_valid = 0;
    return 1;
}

#ifdef SL_HAVE_FASTDIV
/* The steady middle of a plan without events: an amortising term
 * before the last, with the level computed and interest on the prepared
 * 64-bit path. The same row as next_simple_row gives there (tests compare
 * the two paths), with nothing checked that cannot change from term to term. */
static inline int steady_term(const sl_plan *plan)
{
    /* 0 < balance <= max_balance in one comparison (balance − 1 wraps for 0) */
    return (plan->next_term < plan->steady_until) &
           ((uint64_t)plan->balance - 1 < plan->equal_interest.max_balance);
}

static int next_steady_row(sl_plan *plan, sl_plan_row *r)
{
    const sl_loan_terms *t = &plan->terms;
    sl_money opening = plan->balance, p;
    sl_money interest = sl__term_interest_64(&plan->equal_interest, opening); /* steady_term */
    p = t->type == SL_LOAN_SERIAL ? plan->level : plan->level - interest;
    p = p < 0 ? 0 : p > opening ? opening : p;
    r->term = plan->next_term;
    r->due_date = (sl_date)SL_DATE_NONE;
    r->days = 0;
    r->rate = plan->run_rate;
    r->opening_balance = opening;
    r->interest = interest;
    r->principal = p;
    r->fee = t->term_fee;
    r->payment = interest + p + t->term_fee; /* bounded by SL_PLAN_MAX_PRINCIPAL */
    r->closing_balance = opening - p;
    r->events = r->closing_balance == 0 ? SL_EVENT_LAST : 0;
    /* the other totals when the run ends (settle_steady); the interest
     * total is at most the paid total, which the contract bounds */
    plan->totals.interest += interest;
    plan->balance = r->closing_balance;
    plan->next_term++;
    if (plan->dated) /* a tail call: the undated path keeps no stack frame */
        return next_due(plan, r);
    return 1;
}
#else
static inline int steady_term(const sl_plan *plan)
{
    (void)plan;
    return 0; /* without the prepared division every term takes its own path */
}
#endif

void sl__plan_use_general_path(sl_plan *plan)
{
    plan->exact_pieces = 1;
    plan->simple = 0;
    plan->steady = 0;
    plan->steady_until = 0;
    plan->track_state = -1;
}

/* The last term due on or before d (strict: before d); 0 if none. Term j
 * is due in the month j − 1 periods after the first due date's, so the
 * candidate follows from the months between, and one due date decides. */
static int last_term_due_by(const sl_plan *plan, sl_date d, int strict)
{
    int step = plan->step;
    sl_date f = plan->first_due;
    long months = ((long)d.year * 12 + d.month) - ((long)f.year * 12 + f.month);
    if (months < 0)
        return 0;
    long j = months / step + 1; /* due in d's month or before it */
    if (j > plan->limit_term)
        return plan->limit_term; /* due months before d's */
    /* its due date as sl__due_date gives it: the anchor day clamped to the
     * month's end (term 1: the first due date itself) */
    long index = (long)f.year * 12 + f.month - 1 + (j - 1) * step;
    int dim = month_days((int)(index / 12), (int)(index % 12) + 1);
    int day = j == 1 ? f.day : plan->anchor < dim ? plan->anchor : dim;
    int c = (j - 1) * step == months ? (day > d.day) - (day < d.day) : -1; /* d's month? */
    return c < 0 || (c == 0 && !strict) ? (int)j : (int)j - 1;
}

/* After a row on the general path: the terms from the next one on that the
 * steady path may take, in plans with events too. A term is steady when
 * only the level and one rate act in it, exactly as in the general path's
 * common term: amortising, not the last, the level valid for the rate (an
 * annuity's computed at it), and for dated plans equal periods with no rate
 * change or fixed-period bound in [start, end) and no extra payment or
 * repayment in (start, end]. The run ends before the first term that is not;
 * that term takes the general path (which recomputes the level at a rate
 * change) and opens the next run. `start`: the last row's due date. */
static void open_run(sl_plan *plan, sl_date start)
{
    const sl_loan_terms *t = &plan->terms;
    plan->steady_until = 0;
    int k = plan->next_term, until = plan->end_term; /* the last term is never steady */
    if (!plan->steady || plan->ended || !plan->level_valid || plan->balance <= 0 || k >= until ||
        k <= t->interest_only_terms || t->day_count != SL_DAY_COUNT_EQUAL || k < 2)
        return;
    sl_rate rate;
    if (rate_on(plan, start, &rate) != SL_OK)
        return;
    if (t->type == SL_LOAN_ANNUITY && sl_rate_compare(rate, plan->level_rate) != 0)
        return;
    for (size_t i = 0; i < t->interest_only_window_count; i++) {
        const sl_interest_only_window *w = &plan->windows[i];
        if (w->terms > 0 && w->from_term + w->terms > k)
            until = w->from_term > k ? (w->from_term < until ? w->from_term : until) : k;
    }
    if (plan->dated) {
        /* rate breaks on or after start: the term they fall in is not steady */
        size_t i = changes_until(plan, start);
        if (i && sl_date_compare(plan->changes[i - 1].date, start) == 0)
            i--;
        sl_date breaks[3];
        int nb = 0;
        if (i < t->rate_change_count)
            breaks[nb++] = plan->changes[i].date;
        if (plan->has_fixed && sl_date_compare(plan->fixed_from, start) >= 0)
            breaks[nb++] = plan->fixed_from;
        if (plan->has_fixed && sl_date_compare(plan->fixed_end, start) >= 0)
            breaks[nb++] = plan->fixed_end;
        for (int b = 0; b < nb; b++) {
            int j = last_term_due_by(plan, breaks[b], 0) + 1;
            until = j < until ? j : until;
        }
        /* payments after start: the term they fall in is not steady */
        for (size_t x = 0; x < t->extra_payment_count; x++)
            if (sl_date_compare(plan->extras[x].date, start) > 0) {
                int j = last_term_due_by(plan, plan->extras[x].date, 1) + 1;
                until = j < until ? j : until;
                break; /* sorted: the first after start */
            }
        if (date_given(t->repay_date) && sl_date_compare(t->repay_date, start) > 0) {
            int j = last_term_due_by(plan, t->repay_date, 1) + 1;
            until = j < until ? j : until;
        }
    }
    if (until <= k)
        return;
    sl__term_interest *ti = &plan->equal_interest;
    if (ti->rate.num != rate.num || ti->rate.den != rate.den ||
        ti->terms_per_year != t->terms_per_year)
        prepare_interest(plan, &rate);
    plan->run_rate = rate;
    plan->steady_until = until;
}

/* The fee, payment and closing balance of a row whose interest and
 * principal are set. */
static int close_row(sl_plan_row *r, sl_money fee)
{
    r->fee = fee;
    r->closing_balance = r->opening_balance - r->principal;
    if (__builtin_add_overflow(r->interest, r->principal, &r->payment) ||
        __builtin_add_overflow(r->payment, r->fee, &r->payment))
        return SL_ERANGE;
    if (r->closing_balance == 0)
        r->events |= SL_EVENT_LAST;
    return SL_OK;
}

/* Convention 1 for a rate used in one term only: round_half_up(balance ×
 * num / (den × k)), as floor((2·balance·num + d) / 2d), d = den × k, in 64
 * bits when it fits (one division), else the general exact helper. */
static int one_term_interest(sl_money *out, sl_money balance, sl_rate rate, int k)
{
    uint64_t p, d, twice;
    if (balance >= 0 && rate.num >= 0 && rate.den > 0 && k > 0 &&
        !__builtin_mul_overflow((uint64_t)balance, (uint64_t)rate.num, &p) &&
        !__builtin_mul_overflow((uint64_t)rate.den, (uint64_t)k, &d) &&
        !__builtin_mul_overflow(p, (uint64_t)2, &twice) &&
        !__builtin_add_overflow(twice, d, &twice) && d < ((uint64_t)1 << 62)) {
        *out = (sl_money)(twice / (2 * d));
        return SL_OK;
    }
    return sl__muldiv_round(out, NULL, balance, rate.num, rate.den, k, 1, SL_ROUND_HALF_UP);
}

/* The interest of a term with one rate change inside it (convention 9):
 * round_half_up(balance · (a1·b2·d1 + a2·b1·d2) / (b1·b2·W)), the two
 * pieces at r.rate = a1/b1 for d1 days and at the new rate a2/b2 (margin
 * added) for the d2 days left, W = the term's days × terms per year: what
 * the piece sum gives, in one fraction. For denominators up to 2^31 and
 * terms up to 1 024 days every product fits in 128 bits (balance < 2^47,
 * a <= b) and no overflow test is needed; 0 (nothing set) otherwise, and
 * the general piece sum runs. *rate: the new rate; *rc: an error. */
#ifdef SL_HAVE_FIXED128
/* The days from a to b (a <= b, valid dates): by the month lengths when b
 * is in a's month or the next, as in a term with a rate change inside it;
 * sl_date_diff_days otherwise. */
static int64_t days_between(sl_date a, sl_date b)
{
    if (b.year == a.year && b.month == a.month)
        return b.day - a.day;
    int next = a.month == 12 ? 1 : a.month + 1, year = a.month == 12 ? a.year + 1 : a.year;
    if (b.year == year && b.month == next)
        return month_days(a.year, a.month) - a.day + b.day;
    return sl_date_diff_days(a, b);
}

static int two_pieces(sl_plan *plan, sl_plan_row *r, sl_date start, sl_rate_change change,
                      sl_rate *rate, int *rc)
{
    sl_rate r1 = r->rate, r2;
    *rc = add_margin(plan, change.rate, &r2);
    if (*rc != SL_OK)
        return 1;
    const int64_t small = (int64_t)1 << 31;
    int64_t d1 = days_between(start, change.date), d2 = r->days - d1;
    if (r1.den > small || r2.den > small || r->days > 1024 || d1 < 0 || d2 < 0 ||
        r->opening_balance < 0 || r->opening_balance > SL_PLAN_MAX_PRINCIPAL || r1.num < 0 ||
        r2.num < 0 || r1.num > r1.den || r2.num > r2.den)
        return 0;
    sl_u128 per, den;
    sl__split_fraction(&per, &den, r1, r2, (uint64_t)d1, (uint64_t)d2, (uint64_t)r->days,
                       (uint64_t)plan->terms.terms_per_year);
    sl_u128 num = per * (uint64_t)r->opening_balance;
    if (den == 0)
        return 0;
    sl_u128 rem, q = div_128(num, den, &rem);
    q += rem >= den - rem; /* half up: 2·rem >= den */
    r->interest = (sl_money)q; /* at most the balance: each rate at most 100 % */
    *rate = r2;
    return 1;
}
#else
static int two_pieces(sl_plan *plan, sl_plan_row *r, sl_date start, sl_rate_change change,
                      sl_rate *rate, int *rc)
{
    (void)plan, (void)r, (void)start, (void)change, (void)rate, (void)rc;
    return 0;
}
#endif

/* a = b as numbers: the same fraction at once, else by cross-multiplying. */
static inline int same_rate(sl_rate a, sl_rate b)
{
#ifdef SL_HAVE_FIXED128
    __extension__ typedef __int128 i128;
    if (a.den > 0 && b.den > 0) /* as sl_rate_compare, without the call */
        return (a.num == b.num && a.den == b.den) || (i128)a.num * b.den == (i128)b.num * a.den;
#endif
    return (a.num == b.num && a.den == b.den) || sl_rate_compare(a, b) == 0;
}

/* The date key of the due date `terms` terms after the last row's (as
 * next_due steps). */
static int next_due_key(const sl_plan *plan, int terms)
{
    int year = plan->due_year, month = plan->due_mon + plan->step * terms;
    for (; month > 12; month -= 12) /* at most two years ahead */
        year++;
    int dim = month_days(year, month);
    sl_date d = {year, month, plan->anchor < dim ? plan->anchor : dim};
    return date_key(d);
}

/* The annuity level at a track's rate x over n terms from the double rate
 * the track keeps for it, as amortise gives it: 1 when the certified
 * rounding decides, 0 when amortise must (its checks and exact paths). */
static int period_annuity(sl_plan *plan, const sl__track_rate *x, int n)
{
    const sl_rounding *ro = &plan->terms.payment_rounding;
    double f;
    sl_money level;
    if (!x->annuity_double || n < 1 || n > SL_ANNUITY_MAX_TERMS || !sl__track_factor(x, n, &f) ||
        !sl__annuity_round_factor(&level, plan->balance, f, ro->unit, ro->mode))
        return 0;
    plan->level = level;
    plan->level_valid = 1;
    plan->level_rate = x->rate;
    plan->level_rate_id = x->value_id;
    return 1;
}

/* The rest of a floating-rate row whose period, rate and interest are set
 * (rate: the rate at its end): the annuity recomputed when the rate is not
 * the level's, principal, totals, and the steady run from the next term,
 * which lasts up to term `until` (0: none) if the rate then is the level's. */
static int floating_row_end(sl_plan *plan, sl_plan_row *r, sl_rate rate, int until)
{
    const sl_loan_terms *t = &plan->terms;
    int k = plan->next_term, rc;
    if (!plan->level_valid || /* term 1 */
        (t->type == SL_LOAN_ANNUITY && !same_rate(r->rate, plan->level_rate))) {
        rc = amortise(plan, r->rate, amortising_terms(plan, k)); /* balance: the opening */
        if (rc != SL_OK)
            return rc;
        r->events |= SL_EVENT_AMORTISED;
    }
    sl_money p = t->type == SL_LOAN_SERIAL ? plan->level : plan->level - r->interest;
    r->principal = p < 0 ? 0 : p > r->opening_balance ? r->opening_balance : p;
    rc = close_row(r, t->term_fee);
    if (rc == SL_OK)
        rc = add_totals(&plan->totals, r);
    if (rc != SL_OK)
        return rc;
    plan->balance = r->closing_balance;
    plan->next_term++;
    plan->steady_until = 0;
    if (plan->steady && until > k + 1 && r->closing_balance > 0 &&
        (t->type == SL_LOAN_SERIAL || same_rate(rate, plan->level_rate))) {
        sl__term_interest *ti = &plan->equal_interest;
        if (ti->rate.num != rate.num || ti->rate.den != rate.den)
            prepare_interest(plan, &rate);
        plan->run_rate = rate;
        plan->steady_until = until < plan->end_term ? until : plan->end_term;
    }
    return 1;
}

/* Look up the track of a floating plan with a cache (at its first floating
 * row): track_state 1, or −1 when it has none. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void find_track(sl_plan *plan)
{
    const sl_loan_terms *t = &plan->terms;
    sl_date last;
    plan->track_state = -1;
    plan->level_rate_id = -1; /* numbers of another track mean nothing on this one */
    if (t->rate_change_count == 0 || sl__due_date(&last, t, plan->first_due, plan->n_terms) != SL_OK)
        return;
    sl__track_query q = {plan->changes, plan->change_keys, t->rate_change_count,
                         t->nominal_rate, t->margin, t->terms_per_year,
                         date_key(t->payout_date), date_key(plan->first_due), date_key(last)};
    plan->track_set = sl__plan_cache_tracks(plan->cache);
    if (!sl__track_find(plan->track_set, &q, plan->anchor, &plan->track))
        return;
    /* Term k >= 2 starts on due date k − 1, in the first due date's month
     * plus k − 2 terms, on the due day; term 1 on the payout date, a term
     * before the first due date when floating_first. The track's periods
     * start on the due day: term 2 is its period only when the first due
     * date is on it, term 1 only when the track serves it too. */
    int first = plan->first_due.year * 12 + plan->first_due.month - 1;
    int dim = sl_date_days_in_month(plan->first_due.year, plan->first_due.month);
    plan->track_base = first - plan->step - plan->track.month_lo;
    plan->track_from = plan->first_due.day != (plan->anchor < dim ? plan->anchor : dim) ? 3
                       : plan->track.term_one && plan->floating_first                ? 1
                                                                                     : 2;
    plan->track_state = 1;
}

/* The period of the plan's next row on its track: NULL when the plan works
 * the row out itself (no track, a term before track_from, a period outside
 * the track or one the track leaves to the plan). The track is looked up
 * again when another plan on the cache has since put another in its slot. */
static inline const sl__period *tracked_period(sl_plan *plan)
{
    if (plan->track_state == 0)
        find_track(plan);
    if (plan->track_state < 0)
        return NULL;
    const sl__track_view *v = &plan->track;
    int k = plan->next_term;
    if (plan->track_set->generations[v->slot] != v->generation) {
        plan->track_state = 0;
        return NULL;
    }
    unsigned idx = (unsigned)(plan->track_base + (k - 1) * plan->step);
    if (k < plan->track_from || idx >= (unsigned)v->months)
        return NULL;
    sl__period *e = &v->periods[idx];
    if (e->built == 0)
        sl__track_work_out(plan->track_set, v, e, plan->anchor, v->month_lo + (int)idx);
    if (e->built < 0 || plan->balance < 0 || plan->balance > SL_PLAN_MAX_PRINCIPAL)
        return NULL;
    return e;
}

/* A rate of the plan's track = the level's rate: by their value numbers
 * when both have one, else as fractions. */
static inline int same_track_rate(const sl_plan *plan, const sl__track_rate *x)
{
    if ((x->value_id | plan->level_rate_id) >= 0)
        return x->value_id == plan->level_rate_id;
    return same_rate(x->rate, plan->level_rate);
}

#ifdef SL_HAVE_FASTDIV
/* The interest of a split period for a balance beyond its prepared
 * division: the two pieces summed in one 128-bit fraction, as two_pieces
 * sums them (the track checked the same bounds). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static sl_money split_interest(const sl_plan *plan, const sl__period *e, const sl__track_rate *x,
                               const sl__track_rate *end, sl_money opening)
{
    sl_rate r1 = x->rate, r2 = end->rate;
    uint64_t d1 = e->days_before, d2 = (uint64_t)e->days - d1;
    sl_u128 per, den;
    sl__split_fraction(&per, &den, r1, r2, d1, d2, e->days,
                       (uint64_t)plan->terms.terms_per_year);
    sl_u128 num = per * (uint64_t)opening;
    sl_u128 rem, q = div_128(num, den, &rem);
    return (sl_money)(q + (rem >= den - rem)); /* half up: at most the balance */
}
#endif


/* The figures of a term on its track's period, before they are committed. */
typedef struct tracked_term {
    sl_money opening, interest, principal, closing;
    unsigned events;
    int interest_only;
} tracked_term;

/* The interest of a term on its track's period e for the balance
 * `opening` (0 .. SL_PLAN_MAX_PRINCIPAL, as tracked_period checks). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int period_interest(const sl_plan *plan, const sl__period *e, sl_money opening,
                                  sl_money *out)
{
    const sl__track_rate *x = &plan->track.rates[e->rate_ix];
#ifdef SL_HAVE_FASTDIV
    if ((uint64_t)opening <= e->max) { /* the period's fraction, prepared */
        uint64_t twice = 2 * (uint64_t)opening * e->num + (e->div.d >> 1);
        *out = (sl_money)sl__divide(&e->div, twice);
        return SL_OK;
    }
    if (e->split) {
        *out = split_interest(plan, e, x, &plan->track.rates[e->end_rate_ix], opening);
        return SL_OK;
    }
#endif
    return sl__term_interest_of(&x->one, opening, out);
}

/* The level must be worked out at term k on the track's rate x: the first
 * amortising term (term 1, or the first after the interest-only terms), or
 * an annuity whose rate at the start is not the level's. */
static inline int level_stale(const sl_plan *plan, const sl__track_rate *x)
{
    return !plan->level_valid ||
           (plan->terms.type == SL_LOAN_ANNUITY && !same_track_rate(plan, x));
}

/* Work the level out afresh at term k on the track's rate x, for the
 * plan's balance (conventions 2, 3, 10, 12). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int relevel(sl_plan *plan, const sl__track_rate *x, int k)
{
    int n = amortising_terms(plan, k);
    if (plan->terms.type != SL_LOAN_ANNUITY || !period_annuity(plan, x, n)) {
        int rc = amortise(plan, x->rate, n);
        if (rc != SL_OK)
            return rc;
        plan->level_rate_id = x->value_id;
    }
    return SL_OK;
}

/* A term's principal: the level (serial) or the level less the interest
 * (annuity), never below 0 nor above the balance. */
static inline sl_money level_principal(const sl_plan *plan, sl_money interest, sl_money opening)
{
    sl_money p = plan->terms.type == SL_LOAN_SERIAL ? plan->level : plan->level - interest;
    return p < 0 ? 0 : p > opening ? opening : p;
}

/* A floating-rate term whose period the track has worked out (e): only the
 * balance is this loan's own. The interest on the balance at the period's
 * fraction, and the annuity recomputed when the rate at the start is not
 * the level's (the plan's level is updated), then the principal. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int tracked_figures(sl_plan *plan, const sl__period *e, tracked_term *f)
{
    const int k = plan->next_term;
    const sl_money opening = plan->balance; /* 0 .. SL_PLAN_MAX_PRINCIPAL (tracked_period) */
    sl_money interest;
    int rc = period_interest(plan, e, opening, &interest);
    if (rc != SL_OK)
        return rc;
    unsigned events = e->rate_change ? SL_EVENT_RATE_CHANGE : 0;
    const int interest_only = k <= plan->terms.interest_only_terms; /* avdragsfri */
    if (interest_only)
        events |= SL_EVENT_INTEREST_ONLY;
    else if (level_stale(plan, &plan->track.rates[e->rate_ix])) {
        if ((rc = relevel(plan, &plan->track.rates[e->rate_ix], k)) != SL_OK)
            return rc;
        events |= SL_EVENT_AMORTISED;
    }
    sl_money p = interest_only ? 0 : level_principal(plan, interest, opening);
    f->opening = opening;
    f->interest = interest;
    f->principal = p;
    f->closing = opening - p;
    f->events = f->closing == 0 ? events | SL_EVENT_LAST : events;
    f->interest_only = interest_only;
    return SL_OK;
}

/* Commit a tracked term: the plan moves past it, and the steady run from
 * the next term starts as floating_row_end decides it (none after an
 * interest-only term: the level is computed first). With a history the
 * run starts at every other term or so, which no branch predicts: the
 * run's rate and divider are set either way (they are read only while a
 * run lasts, the divider under its own rate), and its end is chosen by a
 * select. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void tracked_advance(sl_plan *plan, const sl__period *e, const tracked_term *f)
{
    const int k = plan->next_term;
    const sl__track_rate *end = &plan->track.rates[e->end_rate_ix];
    plan->balance = f->closing;
    plan->next_term = k + 1;
    plan->due_year = e->due_year;
    plan->due_mon = e->due_month;
    plan->due_day = e->due_day;
    int until = e->run < 0 ? 0 : k + e->run;
    int take = !f->interest_only & (until > k + 1) & (f->closing > 0) &
               (plan->terms.type == SL_LOAN_SERIAL || same_track_rate(plan, end));
    plan->equal_interest = end->one; /* prepared by the track, as prepare_interest would */
    plan->run_rate = end->rate;
    plan->steady_until = take ? (until < plan->end_term ? until : plan->end_term) : 0;
}

/* A floating-rate row on its track's period: the row floating_row gives
 * (tests compare the two), in one pass. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int tracked_row(sl_plan *plan, sl_plan_row *row, const sl__period *e)
{
    tracked_term f;
    int rc = tracked_figures(plan, e, &f);
    if (rc != SL_OK)
        return rc;
    sl_money fee = plan->terms.term_fee, payment;
    sl_plan_totals *tot = &plan->totals;
    if (__builtin_add_overflow(f.interest, f.principal, &payment) ||
        __builtin_add_overflow(payment, fee, &payment) ||
        __builtin_add_overflow(tot->interest, f.interest, &tot->interest) ||
        __builtin_add_overflow(tot->principal, f.principal, &tot->principal) ||
        __builtin_add_overflow(tot->term_fees, fee, &tot->term_fees) ||
        __builtin_add_overflow(tot->fees, fee, &tot->fees) ||
        __builtin_add_overflow(tot->paid, payment, &tot->paid))
        return SL_ERANGE; /* unreachable for a validated contract: see SL_PLAN_MAX_PRINCIPAL */
    tot->terms++;
    row->term = plan->next_term;
    row->due_date = (sl_date){e->due_year, e->due_month, e->due_day};
    row->days = e->days;
    row->rate = plan->track.rates[e->rate_ix].rate;
    row->opening_balance = f.opening;
    row->interest = f.interest;
    row->principal = f.principal;
    row->fee = fee;
    row->payment = payment;
    row->closing_balance = f.closing;
    row->events = f.events;
    tracked_advance(plan, e, &f);
    return 1;
}

/* A term of a floating-rate plan (dated, equal periods, rate changes and a
 * margin its only events) that is amortising and not the last: the general
 * path's row, with the period's rate changes found by their date keys. A
 * change inside the period splits its interest (convention 9, the pieces
 * summed exactly); a rate at the start other than the level's recomputes the
 * annuity for the balance over the amortising terms left (conventions 10,
 * 12), exactly as the general path does. Tests compare the two. */
static int floating_row(sl_plan *plan, sl_plan_row *row)
{
    const sl_loan_terms *t = &plan->terms;
    sl_plan_row *r = row; /* filled in place: on an error its contents are unspecified */
    int k = plan->next_term, rc, until;
    sl_rate rate; /* the rate at the end of the period */
    const sl__period *e = plan->track_state >= 0 ? tracked_period(plan) : NULL;
    if (e)
        return tracked_row(plan, r, e);
    sl_date start = {plan->due_year, plan->due_mon, plan->due_day};
    r->term = k;
    r->opening_balance = plan->balance;
    next_due(plan, r); /* the due date and days; where the next term steps on from */
    int sk = date_key(start), ek = date_key(r->due_date);
    /* Rows only move forward: the changes up to the start are found from
     * where the last row left off, not by a search over the whole history. */
    size_t i = plan->change_cursor, n = t->rate_change_count;
    while (i < n && plan->change_keys[i] <= sk)
        i++;
    size_t j = i;
    while (j < n && plan->change_keys[j] < ek)
        j++; /* changes i .. j − 1 fall inside (start, end) */
    r->events = (i && plan->change_keys[i - 1] == sk) || j > i ? SL_EVENT_RATE_CHANGE : 0;
    rc = add_margin(plan, i ? plan->changes[i - 1].rate : t->nominal_rate, &r->rate);
    if (rc != SL_OK)
        return rc;
    if (j == i) {
        rate = r->rate;
        const sl__term_interest *ti = &plan->equal_interest;
        if (ti->rate.num == rate.num && ti->rate.den == rate.den)
            rc = sl__term_interest_of(ti, r->opening_balance, &r->interest);
        else /* a rate for one term (a history): not worth preparing a divider */
            rc = one_term_interest(&r->interest, r->opening_balance, rate, t->terms_per_year);
    } else if (j == i + 1 && two_pieces(plan, r, start, plan->changes[i], &rate, &rc)) {
        /* one change inside the term, as with a history: r->interest set */
    } else {
        piece_sum sum;
        sum_init(&sum, 0);
        uint64_t weight = (uint64_t)r->days * (uint64_t)t->terms_per_year;
        sl_date cur = start;
        int64_t left = r->days; /* the last piece: the days the others leave */
        rate = r->rate;
        for (size_t c = i; c <= j && rc == SL_OK; c++) {
            int64_t days = left;
            if (c < j) {
                days = sl_date_diff_days(cur, plan->changes[c].date);
                cur = plan->changes[c].date;
                left -= days;
            }
            sum_add(&sum, r->opening_balance, rate, days, weight);
            if (c < j)
                rc = add_margin(plan, plan->changes[c].rate, &rate);
        }
        if (rc == SL_OK)
            rc = sum_round(&sum, &r->interest);
        sum_clear(&sum);
    }
    if (rc != SL_OK)
        return rc;
    plan->change_cursor = j; /* the changes before this row's due date */
    /* The steady run from the next term: open_run's conditions, where only
     * rate changes can end it: up to the term of the next change (change j,
     * the first on or after the due date), if the rate then is the level's. */
    until = plan->end_term;
    if (j < n && plan->change_keys[j] == ek)
        until = 0; /* a change at the next term's start */
    else if (j < n && plan->change_keys[j] < next_due_key(plan, 1))
        until = k + 1; /* inside the next term: no run (what last_term_due_by gives) */
    else if (j < n && plan->change_keys[j] < next_due_key(plan, 2))
        until = k + 2; /* inside the term after: a run of one term at most (likewise) */
    else if (j < n)
        until = last_term_due_by(plan, plan->changes[j].date, 0) + 1;
    return floating_row_end(plan, r, rate, until);
}

/* Every term that is not steady: the straight path or the general one. */
static int other_row(sl_plan *plan, sl_plan_row *row)
{
    const sl_loan_terms *t = &plan->terms;
    int k = plan->next_term;
    if (plan->ended || plan->next_term > plan->end_term || plan->balance == 0) {
        plan->ended = 1;
        return 0;
    }
    if (plan->simple)
        return next_simple_row(plan, row);
    if (plan->floating && plan->steady && k > t->interest_only_terms && k < plan->end_term &&
        (k > 1 ? plan->level_valid : plan->floating_first))
        return floating_row(plan, row);
    sl_plan_row r;
    term_work w;
    memset(&w, 0, sizeof w);
    int rc = SL_OK;
    r.term = k;
    r.events = 0;
    r.opening_balance = plan->balance;
    r.due_date = (sl_date)SL_DATE_NONE;
    r.days = 0;
    r.rate = t->nominal_rate;
    if (plan->dated) {
        if (k == 1)
            w.start = t->payout_date;
        else
            rc = sl__due_date(&w.start, t, plan->first_due, k - 1);
        if (rc == SL_OK)
            rc = sl__due_date(&w.end, t, plan->first_due, k);
        if (rc != SL_OK)
            return rc;
        w.act365 = t->day_count == SL_DAY_COUNT_ACT365 || (k == 1 && plan->broken);
        if (k == 1 && plan->broken)
            w.events |= SL_EVENT_BROKEN_PERIOD;
        if (date_given(t->repay_date) && sl_date_compare(t->repay_date, w.start) > 0 &&
            sl_date_compare(t->repay_date, w.end) <= 0) {
            w.repay = 1;
            if (sl_date_compare(t->repay_date, w.end) < 0) {
                w.end = t->repay_date;
                w.act365 = 1;
            }
        }
        w.events |= rate_events(plan, w.start, w.end);
        r.due_date = w.end;
        r.days = (int)sl_date_diff_days(w.start, w.end);
        rc = rate_on(plan, w.start, &r.rate);
        if (rc != SL_OK)
            return rc;
    } else if (t->margin.num != 0) {
        rc = sl_rate_add(&r.rate, t->nominal_rate, t->margin);
        if (rc != SL_OK)
            return rc;
    }

    if (plan->dated)
        rc = term_interest(plan, &w, r.opening_balance, &r.interest);
    else
        rc = equal_period_interest(plan, r.opening_balance, &r.rate, &r.interest);
    if (rc != SL_OK)
        return rc;
    r.events |= w.events;

    sl_money left = r.opening_balance - w.extra; /* after the extra payments */
    sl_money regular;
    int interest_only = sl__interest_only(t, k);
    if (w.repay) {
        regular = left;
        r.events |= SL_EVENT_REPAID;
    } else if (interest_only) {
        regular = 0;
        r.events |= SL_EVENT_INTEREST_ONLY;
    } else {
        int stale = !plan->level_valid ||
                    (t->type == SL_LOAN_ANNUITY && sl_rate_compare(r.rate, plan->level_rate) != 0);
        if (stale && plan->level_valid && t->rate_change_keeps_payment && left > 0) {
            /* The payment holds; the number of terms follows the rate. */
            int fits;
            rc = fit_end(plan, k, r.opening_balance, r.rate, plan->limit_term, &fits);
            if (rc != SL_OK)
                return rc;
            if (fits) {
                plan->level_rate = r.rate;
                plan->level_rate_id = -1;
                stale = 0;
            } else {
                plan->end_term = plan->limit_term; /* recompute over all that is left */
            }
        }
        if (stale && left > 0) {
            /* The level is for the balance at the start of the term. */
            sl_money keep = plan->balance;
            plan->balance = r.opening_balance;
            rc = amortise(plan, r.rate, amortising_terms(plan, k));
            plan->balance = keep;
            if (rc != SL_OK)
                return rc;
            r.events |= SL_EVENT_AMORTISED;
        }
        if (k >= plan->end_term)
            regular = left; /* convention 5 */
        else if (t->type == SL_LOAN_SERIAL)
            regular = plan->level;
        else if (w.events & SL_EVENT_BROKEN_PERIOD) {
            /* Convention 8: the principal of an equal first period; the
             * broken period's extra (or fewer) interest days change the
             * payment, not the principal. */
            sl_money equal;
            rc = equal_period_interest(plan, r.opening_balance, &r.rate, &equal);
            if (rc != SL_OK)
                return rc;
            regular = plan->level - equal;
        } else
            regular = plan->level - r.interest;
        if (regular < 0)
            regular = 0;
        if (regular > left)
            regular = left;
    }
    r.principal = w.extra + regular;
    rc = close_row(&r, t->term_fee);
    if (rc != SL_OK)
        return rc;
    if (w.repay) {
        rc = settle(plan, &r, left, w.end);
        if (rc != SL_OK)
            return rc;
    }

    rc = add_totals(&plan->totals, &r);
    if (rc != SL_OK)
        return rc;
    plan->balance = r.closing_balance;
    plan->next_term++;
    if (interest_only || w.extra_keep)
        plan->level_valid = 0;
    else if (w.extra_shorten && plan->level_valid && plan->balance > 0 && k < plan->end_term) {
        int fits;
        rc = fit_end(plan, k + 1, plan->balance, plan->level_rate, plan->end_term, &fits);
        if (rc != SL_OK)
            return rc;
    }
    if (w.repay)
        plan->ended = 1;
    if (plan->dated) { /* where next_due steps on from */
        plan->due_year = r.due_date.year;
        plan->due_mon = r.due_date.month;
        plan->due_day = r.due_date.day;
    }
    open_run(plan, r.due_date);
    *row = r;
    return 1;
}

/* A row that is not steady, after settling the run of steady rows before
 * it; a new run may start after it. Kept out of line so the steady path
 * needs no stack frame. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int next_row(sl_plan *plan, sl_plan_row *row)
{
    int rc = settle_steady(plan, &plan->totals);
    if (rc == SL_OK)
        rc = other_row(plan, row);
    open_segment(plan);
    return rc;
}

/* The next row of a plan on a track: the track's period straight away
 * when floating_row would take the term (as other_row decides), else
 * next_row. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int next_floating_row(sl_plan *plan, sl_plan_row *row)
{
    int k = plan->next_term, rc = SL_OK;
    const sl__period *e;
    /* the terms floating_row takes, and the interest-only ones before them
     * (the level is computed at the first amortising term, as term 1's is) */
    if (plan->ended || k >= plan->end_term || plan->balance == 0 || !plan->steady ||
        (k == 1 && !plan->floating_first) || !(e = tracked_period(plan)))
        return next_row(plan, row);
    if (plan->seg_term != k) /* steady rows before it */
        rc = settle_steady(plan, &plan->totals);
    if (rc == SL_OK)
        rc = tracked_row(plan, row, e);
    open_segment(plan);
    return rc;
}

int sl_plan_next(sl_plan *plan, sl_plan_row *row)
{
    if (!plan || !row)
        return SL_ENULL;
#ifdef SL_HAVE_FASTDIV
    if (steady_term(plan))
        return next_steady_row(plan, row);
#endif
    if (plan->track_state >= 0)
        return next_floating_row(plan, row);
    return next_row(plan, row);
}

/* The rows on the plan's track due before date key `key`, taken without
 * handing them out: the rows next_floating_row and next_steady_row give
 * (a term of a steady run is the track's period too, at the level's rate),
 * but they join the open run of steady rows: only their interest is added
 * (settle_steady adds the rest from the fall of the balance), so a row is
 * its interest and principal and nothing else, the balance kept in a
 * register. Stops at the first term that is not on the track or is due on
 * or after key. */
static int silent_tracked_rows(sl_plan *plan, int key, sl_money *last_closing)
{
    if (plan->ended || plan->balance == 0 || !plan->steady ||
        (plan->next_term == 1 && !plan->floating_first) || !tracked_period(plan))
        return SL_OK; /* (tracked_period also finds the track and checks the balance) */
    const sl__track_view *v = &plan->track;
    const int end = plan->end_term, last_io = plan->terms.interest_only_terms, step = plan->step;
    const int from = plan->track_from, base = plan->track_base, anchor = plan->anchor;
    int k = plan->next_term;
    sl_money balance = plan->balance, interest_sum = 0, interest;
    const sl__period *last = NULL;
    while (k < end && balance != 0) {
        unsigned idx = (unsigned)(base + (k - 1) * step);
        if (k < from || idx >= (unsigned)v->months)
            break;
        sl__period *e = &v->periods[idx];
        if (e->built == 0)
            sl__track_work_out(plan->track_set, v, e, anchor, v->month_lo + (int)idx);
        if (e->built < 0 || date_key((sl_date){e->due_year, e->due_month, e->due_day}) >= key)
            break;
        int rc = period_interest(plan, e, balance, &interest);
        sl_money p = 0;
        if (rc == SL_OK && k > last_io) {
            const sl__track_rate *x = &v->rates[e->rate_ix];
            if (level_stale(plan, x)) {
                plan->balance = balance;
                rc = relevel(plan, x, k);
            }
            p = level_principal(plan, interest, balance);
        }
        if (rc != SL_OK)
            return rc; /* the plan's state is unspecified after an error, as a row's */
        interest_sum += interest; /* at most the paid total, which the contract bounds */
        balance -= p;
        last = e;
        k++;
    }
    if (last) { /* where the last row leaves the plan, as tracked_advance moves it */
        tracked_term f = {.closing = balance, .interest_only = k - 1 <= last_io};
        plan->totals.interest += interest_sum;
        plan->next_term = k - 1;
        tracked_advance(plan, last, &f);
        *last_closing = balance;
    }
    return SL_OK;
}

int sl__plan_next_due_from(sl_plan *plan, int key, sl_plan_row *row, sl_money *last_closing)
{
    for (;;) {
        if (plan->track_state >= 0) {
            int rc = silent_tracked_rows(plan, key, last_closing);
            if (rc != SL_OK)
                return rc;
        }
        int rc = sl_plan_next(plan, row);
        if (rc != 1 || date_key(row->due_date) >= key)
            return rc;
        *last_closing = row->closing_balance;
    }
}

void sl_plan_totals_so_far(const sl_plan *plan, sl_plan_totals *out)
{
    if (plan && out) {
        *out = plan->totals;
        (void)settle_steady(plan, out); /* cannot fail for a validated contract */
    }
}

int sl_plan_finish(sl_plan *plan, sl_plan_totals *out)
{
    if (!plan)
        return SL_ENULL;
    sl_plan_row row;
    int rc;
    while ((rc = sl_plan_next(plan, &row)) == 1)
        ;
    if (rc < 0)
        return rc;
    if (out)
        sl_plan_totals_so_far(plan, out); /* the last row settled every steady run */
    return SL_OK;
}

const sl_loan_terms *sl_plan_terms(const sl_plan *plan)
{
    return plan ? &plan->terms : NULL;
}

void sl_plan_findings(const sl_plan *plan, const sl_finding **out, size_t *count)
{
    if (out)
        *out = plan && plan->finding_count ? plan->findings : NULL;
    if (count)
        *count = plan ? plan->finding_count : 0;
}

int sl_plan_settlement(const sl_plan *plan, sl_settlement *out)
{
    if (!plan || !out)
        return SL_ENULL;
    if (!plan->settled)
        return SL_ESTATE;
    *out = plan->settlement;
    return SL_OK;
}

const char *sl_event_name(unsigned flag)
{
    switch (flag) {
    case SL_EVENT_INTEREST_ONLY:
        return "interest-only";
    case SL_EVENT_AMORTISED:
        return "amortised";
    case SL_EVENT_LAST:
        return "last";
    case SL_EVENT_RATE_CHANGE:
        return "rate-change";
    case SL_EVENT_EXTRA_PAYMENT:
        return "extra-payment";
    case SL_EVENT_REPAID:
        return "repaid";
    case SL_EVENT_BROKEN_PERIOD:
        return "broken-period";
    case SL_EVENT_FIXED_START:
        return "fixed-start";
    case SL_EVENT_FIXED_END:
        return "fixed-end";
    }
    return NULL;
}

const char *sl_finding_name(sl_finding_code code)
{
    switch (code) {
    case SL_FINDING_TERM_OVER_30_YEARS:
        return "term-over-30-years";
    case SL_FINDING_INTEREST_ONLY_OVER_8_YEARS:
        return "interest-only-over-8-years";
    case SL_FINDING_MARGIN_OVER_LIMIT:
        return "margin-over-limit";
    case SL_FINDING_HALF_YEARLY_HOUSEHOLD:
        return "half-yearly-household";
    case SL_FINDING_FIXED_PAST_MATURITY:
        return "fixed-past-maturity";
    case SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM:
        return "extra-below-fixed-minimum";
    }
    return NULL;
}

int sl_plan_totals_for(sl_plan_totals *out, const sl_loan_terms *terms, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    sl_plan *plan;
    int rc = sl_plan_new(&plan, terms, err);
    if (rc != SL_OK)
        return rc;
    rc = sl_plan_finish(plan, out);
    sl_plan_free(plan);
    return rc;
}

int sl_plan_new_with_payment(sl_plan **out, const sl_loan_terms *terms, sl_money payment,
                             sl_error *err)
{
    int rc = sl_plan_new(out, terms, err);
    if (rc != SL_OK)
        return rc;
    sl_plan *plan = *out;
    const sl_loan_terms *t = &plan->terms;
    const char *why = NULL;
    if (t->type != SL_LOAN_ANNUITY)
        why = "a kept payment needs an annuity loan";
    else if (t->interest_only_terms || t->interest_only_window_count)
        why = "a kept payment cannot be combined with interest-only terms";
    else if (t->rate_change_count || t->fixed.years || t->extra_payment_count ||
             date_given(t->repay_date))
        why = "a kept payment cannot be combined with rate changes, a fixed period, extra "
              "payments or a repayment";
    sl_rate rate = t->nominal_rate;
    sl_money interest = 0;
    if (!why && (rc = sl_rate_add(&rate, t->nominal_rate, t->margin)) == SL_OK)
        rc = sl__muldiv_round(&interest, NULL, t->principal, rate.num, rate.den,
                              t->terms_per_year, 1, SL_ROUND_HALF_UP);
    if (!why && rc != SL_OK)
        why = "the payment is out of range";
    if (!why && (payment > SL_PLAN_MAX_PRINCIPAL || payment - t->term_fee <= interest))
        why = "the payment must be more than the first term's interest and fee";
    if (why) {
        sl_plan_free(plan);
        *out = NULL;
        return sl__fail_money(err, SL_EINVAL, "payment", payment, why);
    }
    plan->fixed_level = payment - t->term_fee;
    plan->fixed_rate = rate;
    sl_plan_rewind(plan);
    return SL_OK;
}

int sl_plan_max_principal(sl_money *out, sl_plan_row *at_max, sl_plan_row *one_step_more,
                          const sl_loan_terms *terms, sl_money payment, sl_money step,
                          sl_error *err)
{
    if (!out || !terms)
        return sl__null(err, !out ? "out" : "terms");
    if (step < 1 || step > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_EINVAL, "step", step,
                              "must be from 0.01 to 1 000 000 000 000 kr");
    if (payment < 0)
        return sl__fail_money(err, SL_EINVAL, "payment", payment, "must not be negative");
    sl_loan_terms t = *terms;
    sl_plan_row first, best, over;
    memset(&best, 0, sizeof best);
    memset(&over, 0, sizeof over);
    /* The first payment grows with the principal: bisection on multiples of
     * step, each probe the engine's first row. lo fits (0 counts), hi does not. */
    sl_money lo = 0, hi = SL_PLAN_MAX_PRINCIPAL / step * step + step;
    while (hi - lo > step) {
        sl_money mid = lo + (hi - lo) / step / 2 * step;
        t.principal = mid;
        sl_plan *plan;
        int rc = sl_plan_new(&plan, &t, err);
        if (rc == SL_OK) {
            rc = sl_plan_next(plan, &first);
            sl_plan_free(plan);
            rc = rc == 1 ? SL_OK : rc < 0 ? rc : SL_ESTATE;
        }
        if (rc != SL_OK)
            return rc;
        if (first.payment <= payment) {
            lo = mid;
            best = first;
        } else {
            hi = mid;
            over = first;
        }
    }
    *out = lo;
    if (at_max)
        *at_max = best;
    if (one_step_more)
        *one_step_more = over;
    return SL_OK;
}
