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

#include "arith_internal.h"
#include "interest_internal.h"
#include "plan_internal.h"
#include "startlan/annuity.h"
#include "startlan/breakcost.h"
#include "startlan/plan.h"
#include "terms_internal.h"

struct sl_plan {
    sl_loan_terms terms; /* validated version-2 copy; arrays below */
    sl_rate_change *changes;
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
    int steady_until;    /* terms before this one are steady (0: none); set once the level is */
    int due_month;       /* last due date (dated simple plans): year · 12 + month − 1, */
    int due_day;         /* and day; ints, not an sl_date: each row reads what the last wrote */
    int anchor;          /* the day of month of due dates (dated plans) */
    sl_money fixed_level; /* a level payment held from term 1 (sl_plan_new_with_payment); 0: none */
    sl_rate fixed_rate;   /* the rate (margin included) that level is held at */
    sl_finding findings[SL__MAX_FINDINGS]; /* last: not cleared at creation */
};

static int date_given(sl_date d)
{
    return d.year != 0;
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

int sl_plan_new(sl_plan **out, const sl_loan_terms *terms, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    *out = NULL;
    int rc = sl_loan_terms_check(terms, err);
    if (rc != SL_OK)
        return rc;
    sl_plan *plan = malloc(sizeof *plan);
    if (!plan)
        return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
    /* Everything but the findings, which are written before they are read. */
    memset(plan, 0, offsetof(sl_plan, findings));
    sl_loan_terms *t = &plan->terms;
    sl__terms_upgrade(t, terms);
    int fail = 0;
    plan->changes = copy_array(t->rate_changes, t->rate_change_count, sizeof *plan->changes, &fail);
    plan->extras = copy_array(t->extra_payments, t->extra_payment_count, sizeof *plan->extras, &fail);
    plan->windows = copy_array(t->interest_only_windows, t->interest_only_window_count,
                               sizeof *plan->windows, &fail);
    if (fail) {
        sl_plan_free(plan);
        return sl__fail(err, SL_ENOMEM, "plan", "", "out of memory");
    }
    sort_changes(plan->changes, t->rate_change_count);
    sort_extras(plan->extras, t->extra_payment_count);
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
    plan->steady = plan->simple;
    plan->anchor = plan->dated ? sl__anchor_day(t) : 0;
    if (plan->simple)
        prepare_interest(plan, &t->nominal_rate); /* the only rate a simple plan uses */
    plan->finding_count = sl__terms_findings(t, plan->findings, SL__MAX_FINDINGS);
    if (plan->finding_count > SL__MAX_FINDINGS)
        plan->finding_count = SL__MAX_FINDINGS;
    sl_plan_rewind(plan);
    *out = plan;
    return SL_OK;
}

void sl_plan_free(sl_plan *plan)
{
    if (!plan)
        return;
    free(plan->changes);
    free(plan->extras);
    free(plan->windows);
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
    plan->level_rate = plan->terms.nominal_rate;
    if (plan->fixed_level) { /* held from the first term: nothing to amortise */
        plan->level = plan->fixed_level;
        plan->level_valid = 1;
        plan->level_rate = plan->fixed_rate;
    }
    plan->ended = 0;
    plan->settled = 0;
    plan->due_month = plan->terms.payout_date.year * 12 + plan->terms.payout_date.month - 1;
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
static size_t changes_until(const sl_plan *plan, sl_date d)
{
    size_t lo = 0, hi = plan->terms.rate_change_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sl_date_compare(plan->changes[mid].date, d) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int rate_on(const sl_plan *plan, sl_date d, sl_rate *out)
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
    if (t->margin.num == 0) {
        *out = r;
        return SL_OK;
    }
    return sl_rate_add(out, r, t->margin);
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
        rc = sl_annuity_payment(&plan->level, plan->balance, rate, t->terms_per_year, n,
                                t->payment_rounding);
    if (rc == SL_OK) {
        plan->level_valid = 1;
        plan->level_rate = rate;
    }
    return rc;
}

/* Amortising terms from term `from` to term `to`. */
static int amortising_between(const sl_plan *plan, int from, int to)
{
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
    mpq_t sum, piece;
    mpz_t z;
    mpq_inits(sum, piece, NULL);
    mpz_init(z);
    sl_money bal = opening;
    sl_date cur = w->start;
    int rc = SL_OK, pieces = 0;
    sl_rate first_rate = {0, 1};
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
        int64_t d = sl_date_diff_days(cur, next);
        /* bal · r.num · d / (r.den · W), W = 365 or days · terms per year */
        sl__mpz_set_i64(mpq_numref(piece), bal);
        sl__mpz_set_i64(z, r.num);
        mpz_mul(mpq_numref(piece), mpq_numref(piece), z);
        mpz_mul_ui(mpq_numref(piece), mpq_numref(piece), (unsigned long)d);
        sl__mpz_set_i64(mpq_denref(piece), r.den);
        mpz_mul_ui(mpq_denref(piece), mpq_denref(piece),
                   w->act365 ? 365ul : (unsigned long)(days * t->terms_per_year));
        mpq_canonicalize(piece);
        mpq_add(sum, sum, piece);
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
        else {
            rc = sl__mpz_round_quotient(z, NULL, mpq_numref(sum), mpq_denref(sum), 1,
                                        SL_ROUND_HALF_UP);
            if (rc == SL_OK)
                rc = sl__mpz_get_i64(interest, z);
        }
    }
    mpq_clears(sum, piece, NULL);
    mpz_clear(z);
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
    int index = plan->due_month, step = 12 / plan->terms.terms_per_year;
    int days = -plan->due_day;
    for (int j = 0; j < step; j++, index++)
        days += month_days(index / 12, index % 12 + 1);
    int year = index / 12, month = index % 12 + 1, dim = month_days(year, month);
    int day = plan->anchor < dim ? plan->anchor : dim;
    r->due_date.year = year;
    r->due_date.month = month;
    r->due_date.day = day;
    r->days = days + day;
    plan->due_month = index;
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
        plan->due_month = r->due_date.year * 12 + r->due_date.month - 1;
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
    r->rate = t->nominal_rate;
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
#endif

void sl__plan_use_general_path(sl_plan *plan)
{
    plan->simple = 0;
    plan->steady = 0;
    plan->steady_until = 0;
}

/* Every term that is not steady: the straight path or the general one. */
static int other_row(sl_plan *plan, sl_plan_row *row)
{
    const sl_loan_terms *t = &plan->terms;
    if (plan->ended || plan->next_term > plan->end_term || plan->balance == 0) {
        plan->ended = 1;
        return 0;
    }
    if (plan->simple)
        return next_simple_row(plan, row);
    sl_plan_row r;
    term_work w;
    memset(&w, 0, sizeof w);
    int rc = SL_OK, k = plan->next_term;
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
    r.fee = t->term_fee;
    r.closing_balance = r.opening_balance - r.principal;
    if (sl_money_add(&r.payment, r.interest, r.principal) ||
        sl_money_add(&r.payment, r.payment, r.fee))
        return SL_ERANGE;
    if (r.closing_balance == 0)
        r.events |= SL_EVENT_LAST;
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

int sl_plan_next(sl_plan *plan, sl_plan_row *row)
{
    if (!plan || !row)
        return SL_ENULL;
#ifdef SL_HAVE_FASTDIV
    if (steady_term(plan))
        return next_steady_row(plan, row);
#endif
    return next_row(plan, row);
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
