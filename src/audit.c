/* Auditing a payment plan: consistency rules, and a row-by-row comparison
 * with the plan engine's own plan when the loan terms are known. */
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/audit.h"

struct sl_audit {
    sl_audit_options options;
    int have_terms;
    sl_plan_row *expected; /* the engine's rows, [0] is term 1 */
    int expected_count;
    unsigned char *seen; /* per expected term */
    sl_plan_totals expected_totals;
    sl_plan_totals found;
    long rows;
    int have_prev;
    sl_plan_row prev;
    int prev_term;
    sl_money first_opening;
    long last_row;
    /* implied rate per term: intersection [lo, hi] of the current run */
    int have_interval;
    mpq_t lo, hi, l, h;
    int fast;                 /* the interval is held in lo_n/lo_d, hi_n/hi_d */
    int64_t lo_n, lo_d, hi_n, hi_d;
    int have_stated;
    sl_plan_totals stated;
    long differences, within, jumps;
    int stopped, finished;
    /* the row being checked: its differences wait here until it is known
     * which of them are causes and which follow from a divergence */
    int collecting;
    sl_audit_difference pending[16];
    int cause[16];
    int npending;
    long active_row;        /* row of the divergence in force, 0 when none */
    sl_money carried;       /* the file's closing balance − the recomputed one, last row */
    sl_money prev_balance_diff; /* the previous row's balance/chain difference */
};

static const char *const check_names[] = {
    "sum",           "balance",      "chain",    "sequence",    "end",
    "principal_sum", "stated_total", "rate_jump", "mismatch", "missing_row",
    "extra_row",     "duplicate_row",
};
static const char *const field_names[] = {
    "term",    "due_date", "opening_balance", "interest", "principal",
    "fee",     "payment",  "closing_balance", "row",
};

const char *sl_audit_check_name(sl_audit_check check)
{
    if ((int)check < 0 || (size_t)check >= sizeof check_names / sizeof check_names[0])
        return NULL;
    return check_names[check];
}

const char *sl_audit_field_name(sl_audit_field field)
{
    if ((int)field < 0 || (size_t)field >= sizeof field_names / sizeof field_names[0])
        return NULL;
    return field_names[field];
}

static void blank(sl_audit_difference *d, sl_audit_check check, sl_audit_field field, long row,
                  int term)
{
    memset(d, 0, sizeof *d);
    d->check = check;
    d->field = field;
    d->row = row;
    d->term = term;
    d->rate_before = (sl_rate)SL_RATE_ZERO;
    d->rate_after = (sl_rate)SL_RATE_ZERO;
}

static int is_amount(sl_audit_field f)
{
    return f != SL_AUDIT_FIELD_TERM && f != SL_AUDIT_FIELD_DUE_DATE && f != SL_AUDIT_FIELD_ROW;
}

static int emit(sl_audit *a, sl_audit_difference *d)
{
    if (a->collecting && a->npending < (int)(sizeof a->pending / sizeof a->pending[0])) {
        a->cause[a->npending] = 1;
        a->pending[a->npending++] = *d;
        return SL_OK;
    }
    if (d->check == SL_AUDIT_RATE_JUMP) {
        a->jumps++;
    } else {
        sl_money diff = d->difference;
        int small = is_amount(d->field) && diff != SL_MONEY_MIN &&
                    (diff < 0 ? -diff : diff) <= a->options.tolerance;
        d->within_tolerance = small;
        if (small)
            a->within++;
        else
            a->differences++;
    }
    if (a->options.report && a->options.report(a->options.report_ctx, d) != 0) {
        a->stopped = 1;
        return SL_ESTATE;
    }
    return SL_OK;
}

/* Compare two amounts; report when they differ. */
static int amount(sl_audit *a, sl_audit_check check, sl_audit_field field, long row, int term,
                  sl_money expected, sl_money found)
{
    if (expected == found)
        return SL_OK;
    sl_audit_difference d;
    blank(&d, check, field, row, term);
    d.expected = expected;
    d.found = found;
    if (sl_money_sub(&d.difference, found, expected) != SL_OK)
        d.difference = found > expected ? SL_MONEY_MAX : SL_MONEY_MIN;
    return emit(a, &d);
}

int sl_audit_new(sl_audit **out, const sl_loan_terms *terms, const sl_audit_options *options,
                 sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    *out = NULL;
    sl_audit_options opt = SL_AUDIT_OPTIONS_INIT;
    if (options) {
        int vrc = sl__check_version(err, "sl_audit_options", options->version, 1,
                                    SL_AUDIT_OPTIONS_VERSION);
        if (vrc != SL_OK)
            return vrc;
        opt = *options;
    }
    if (opt.tolerance < 0) {
        char text[SL_MONEY_BUFSIZE];
        sl_money_format(text, sizeof text, opt.tolerance, SL_MONEY_PLAIN);
        return sl__fail(err, SL_EINVAL, "tolerance", text, "tolerance %s: must not be negative",
                        text);
    }
    sl_audit *a = calloc(1, sizeof *a);
    if (!a)
        return sl__fail(err, SL_ENOMEM, "audit", "", "out of memory");
    a->options = opt;
    mpq_inits(a->lo, a->hi, a->l, a->h, NULL);
    if (terms) {
        sl_plan *plan;
        int rc = sl_plan_new(&plan, terms, err);
        if (rc != SL_OK) {
            sl_audit_free(a);
            return rc;
        }
        a->have_terms = 1;
        /* The plan may be longer than terms->terms (interest-only windows
         * that move the end, a rate change that keeps the payment) or
         * shorter (extra payments): grow with the rows the engine gives. */
        sl_plan_row r;
        size_t cap = 0;
        while ((rc = sl_plan_next(plan, &r)) == 1) {
            if ((size_t)a->expected_count == cap) {
                size_t n = cap ? cap * 2 : (size_t)terms->terms + 1;
                sl_plan_row *grown = realloc(a->expected, n * sizeof *grown);
                if (!grown) {
                    rc = SL_ENOMEM;
                    break;
                }
                a->expected = grown;
                cap = n;
            }
            a->expected[a->expected_count++] = r;
        }
        sl_plan_totals_so_far(plan, &a->expected_totals);
        sl_plan_free(plan);
        if (rc == 0) {
            a->seen = calloc((size_t)a->expected_count + 1, 1);
            if (!a->seen)
                rc = SL_ENOMEM;
        }
        if (rc == SL_ENOMEM) {
            sl_audit_free(a);
            return sl__fail(err, SL_ENOMEM, "audit", "", "out of memory");
        }
        if (rc < 0) {
            sl_audit_free(a);
            return sl__fail(err, rc, "terms", "", "the plan could not be computed");
        }
    }
    *out = a;
    return SL_OK;
}

void sl_audit_free(sl_audit *a)
{
    if (!a)
        return;
    mpq_clears(a->lo, a->hi, a->l, a->h, NULL);
    free(a->expected);
    free(a->seen);
    free(a);
}

/* The note for a row whose implied rate fits no common rate with the run
 * before it. */
static int rate_jump(sl_audit *a, long row, int term, const sl_plan_row *r)
{
    sl_audit_difference d;
    blank(&d, SL_AUDIT_RATE_JUMP, SL_AUDIT_FIELD_INTEREST, row, term);
    const sl_plan_row *p = &a->prev;
    if (p->opening_balance <= 0 ||
        sl_rate_from_fraction(&d.rate_before, p->interest, p->opening_balance) != SL_OK)
        d.rate_before = (sl_rate)SL_RATE_ZERO;
    if (sl_rate_from_fraction(&d.rate_after, r->interest, r->opening_balance) != SL_OK)
        d.rate_after = (sl_rate)SL_RATE_ZERO;
    d.found = r->interest;
    if (p->opening_balance > 0 &&
        sl__muldiv_round(&d.expected, NULL, r->opening_balance, p->interest, p->opening_balance,
                         1, 1, SL_ROUND_HALF_UP) == SL_OK &&
        sl_money_sub(&d.difference, d.found, d.expected) == SL_OK) {
        /* filled */
    } else {
        d.expected = 0;
        d.difference = 0;
    }
    return emit(a, &d);
}

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 i128;

/* The same intersection with 64-bit fractions compared in 128 bits, for the
 * usual row whose I ± slack fits in int64: no allocation, no gcd. 1 when
 * done, 0 when the row needs the GMP path. */
static int rate_check_fast(sl_audit *a, long row, int term, const sl_plan_row *r, sl_money slack,
                           int *rc)
{
    sl_money ln, hn, b = r->opening_balance;
    if ((a->have_interval && !a->fast) || sl_money_sub(&ln, r->interest, slack) != SL_OK ||
        sl_money_add(&hn, r->interest, slack) != SL_OK)
        return 0;
    *rc = SL_OK;
    if (a->have_interval) {
        if ((i128)ln * a->lo_d > (i128)a->lo_n * b)
            a->lo_n = ln, a->lo_d = b;
        if ((i128)hn * a->hi_d < (i128)a->hi_n * b)
            a->hi_n = hn, a->hi_d = b;
        if ((i128)a->lo_n * a->hi_d <= (i128)a->hi_n * a->lo_d)
            return 1;
        *rc = rate_jump(a, row, term, r);
    }
    a->lo_n = ln, a->lo_d = b, a->hi_n = hn, a->hi_d = b;
    a->have_interval = 1;
    a->fast = 1;
    return 1;
}
#endif

/* The implied-rate check for a row with a positive opening balance. */
static int rate_check(sl_audit *a, long row, int term, const sl_plan_row *r)
{
    sl_money slack;
    if (sl_money_add(&slack, a->options.tolerance, 1) != SL_OK)
        return SL_OK; /* any rate fits */
#ifdef __SIZEOF_INT128__
    int fast_rc;
    if (rate_check_fast(a, row, term, r, slack, &fast_rc))
        return fast_rc;
    if (a->have_interval && a->fast) { /* the run so far, into GMP */
        sl__mpz_set_i64(mpq_numref(a->lo), a->lo_n);
        sl__mpz_set_i64(mpq_denref(a->lo), a->lo_d);
        mpq_canonicalize(a->lo);
        sl__mpz_set_i64(mpq_numref(a->hi), a->hi_n);
        sl__mpz_set_i64(mpq_denref(a->hi), a->hi_d);
        mpq_canonicalize(a->hi);
    }
    a->fast = 0;
#endif
    /* [I − slack, I + slack] / B, computed in GMP (no overflow) */
    mpz_t n;
    mpz_init(n);
    sl__mpz_set_i64(n, r->interest);
    mpz_t s;
    mpz_init(s);
    sl__mpz_set_i64(s, slack);
    mpz_t b;
    mpz_init(b);
    sl__mpz_set_i64(b, r->opening_balance);
    mpz_sub(mpq_numref(a->l), n, s);
    mpz_set(mpq_denref(a->l), b);
    mpq_canonicalize(a->l);
    mpz_add(mpq_numref(a->h), n, s);
    mpz_set(mpq_denref(a->h), b);
    mpq_canonicalize(a->h);
    mpz_clears(n, s, b, NULL);

    int rc = SL_OK;
    if (!a->have_interval) {
        mpq_set(a->lo, a->l);
        mpq_set(a->hi, a->h);
        a->have_interval = 1;
    } else {
        if (mpq_cmp(a->l, a->lo) > 0)
            mpq_set(a->lo, a->l);
        if (mpq_cmp(a->h, a->hi) < 0)
            mpq_set(a->hi, a->h);
        if (mpq_cmp(a->lo, a->hi) > 0) {
            mpq_set(a->lo, a->l);
            mpq_set(a->hi, a->h);
            rc = rate_jump(a, row, term, r);
        }
    }
    return rc;
}

/* 1 if the file's interest I2 on its balance B2 is the recomputed interest
 * I1 on B1 carried over to B2: |I2·B1 − I1·B2| <= (1 + tolerance)·B1. */
static int interest_follows(const sl_audit *a, sl_money b1, sl_money i1, sl_money b2, sl_money i2)
{
    if (b1 <= 0)
        return 0;
    mpz_t x, y, s;
    mpz_inits(x, y, s, NULL);
    sl__mpz_set_i64(x, i2);
    sl__mpz_set_i64(y, b1);
    mpz_mul(x, x, y);
    sl__mpz_set_i64(y, i1);
    sl__mpz_set_i64(s, b2);
    mpz_submul(x, y, s);
    mpz_abs(x, x);
    sl__mpz_set_i64(s, a->options.tolerance);
    mpz_add_ui(s, s, 1);
    sl__mpz_set_i64(y, b1);
    mpz_mul(s, s, y);
    int ok = mpz_cmp(x, s) <= 0;
    mpz_clears(x, y, s, NULL);
    return ok;
}

/* The mismatches of one row, pending from index first: mark those that
 * follow arithmetically from a carried balance or from another field of the
 * row as not causes (see audit.h). */
static void explain_mismatches(sl_audit *a, int first, const sl_plan_row *e,
                               const sl_plan_row *r)
{
    sl_money diff[SL_AUDIT_FIELD_ROW + 1] = {0};
    int at[SL_AUDIT_FIELD_ROW + 1];
    for (int f = 0; f <= SL_AUDIT_FIELD_ROW; f++)
        at[f] = -1;
    for (int i = first; i < a->npending; i++) {
        diff[a->pending[i].field] = a->pending[i].difference;
        at[a->pending[i].field] = i;
    }
    sl_money sum;
    int sum_ok = sl_money_add(&sum, r->interest, r->principal) == SL_OK &&
                 sl_money_add(&sum, sum, r->fee) == SL_OK && sum == r->payment;
    sl_money closing;
    int balance_ok = sl_money_sub(&closing, r->opening_balance, r->principal) == SL_OK &&
                     closing == r->closing_balance;
    int chain_ok = !a->have_prev || r->opening_balance == a->prev.closing_balance;
    sl_money d_open = diff[SL_AUDIT_FIELD_OPENING_BALANCE];
    /* the opening balance carried from the previous row */
    int carried = d_open != 0 && d_open == a->carried && chain_ok && a->active_row != 0;
    int recomputed = (e->events & (SL_EVENT_AMORTISED | SL_EVENT_RATE_CHANGE |
                                   SL_EVENT_EXTRA_PAYMENT | SL_EVENT_LAST | SL_EVENT_REPAID |
                                   SL_EVENT_FIXED_START | SL_EVENT_FIXED_END)) != 0 ||
                     (e->closing_balance == 0 && r->closing_balance == 0);
    int interest_ok = diff[SL_AUDIT_FIELD_INTEREST] == 0 ||
                      (carried && interest_follows(a, e->opening_balance, e->interest,
                                                   r->opening_balance, r->interest));
    /* the payment follows from interest and fee when the principal holds
     * (serial loans, a derived payment), or is recomputed on a carried balance */
    int payment_ok = diff[SL_AUDIT_FIELD_PAYMENT] == 0 ||
                     (sum_ok && diff[SL_AUDIT_FIELD_PRINCIPAL] == 0) || (carried && recomputed);
    /* the principal follows when the payment holds (annuity) or is recomputed */
    int principal_ok = diff[SL_AUDIT_FIELD_PRINCIPAL] == 0 ||
                       (sum_ok && diff[SL_AUDIT_FIELD_PAYMENT] == 0) || (carried && recomputed) ||
                       !payment_ok;
    if (!payment_ok && diff[SL_AUDIT_FIELD_PRINCIPAL] != 0 && sum_ok)
        principal_ok = 0; /* both named: the one typed wrong is among them */
    int ok[SL_AUDIT_FIELD_ROW + 1];
    for (int f = 0; f <= SL_AUDIT_FIELD_ROW; f++)
        ok[f] = 0;
    ok[SL_AUDIT_FIELD_OPENING_BALANCE] = d_open == 0 || carried;
    ok[SL_AUDIT_FIELD_INTEREST] = interest_ok;
    ok[SL_AUDIT_FIELD_PAYMENT] = payment_ok;
    ok[SL_AUDIT_FIELD_PRINCIPAL] = principal_ok;
    ok[SL_AUDIT_FIELD_CLOSING_BALANCE] = balance_ok;
    for (int f = 0; f <= SL_AUDIT_FIELD_ROW; f++)
        if (at[f] >= 0 && ok[f])
            a->cause[at[f]] = 0;
}

static int compare_with_plan(sl_audit *a, long row, int term, const sl_plan_row *r)
{
    sl_audit_difference d;
    if (term < 1 || term > a->expected_count) {
        blank(&d, SL_AUDIT_EXTRA_ROW, SL_AUDIT_FIELD_ROW, row, term);
        d.found = r->payment;
        d.difference = r->payment;
        return emit(a, &d);
    }
    if (a->seen[term]) {
        blank(&d, SL_AUDIT_DUPLICATE_ROW, SL_AUDIT_FIELD_ROW, row, term);
        d.found = r->payment;
        d.difference = r->payment;
        return emit(a, &d);
    }
    a->seen[term] = 1;
    const sl_plan_row *e = &a->expected[term - 1];
    int first = a->npending;
    int rc = SL_OK;
    if (r->due_date.year != 0 && e->due_date.year != 0 &&
        sl_date_compare(r->due_date, e->due_date) != 0) {
        blank(&d, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_DUE_DATE, row, term);
        d.expected_date = e->due_date;
        d.found_date = r->due_date;
        d.difference = sl_date_diff_days(e->due_date, r->due_date);
        rc = emit(a, &d);
    }
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_OPENING_BALANCE, row, term,
                    e->opening_balance, r->opening_balance);
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_INTEREST, row, term, e->interest,
                    r->interest);
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_PRINCIPAL, row, term, e->principal,
                    r->principal);
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_FEE, row, term, e->fee, r->fee);
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_PAYMENT, row, term, e->payment,
                    r->payment);
    if (rc == SL_OK)
        rc = amount(a, SL_AUDIT_MISMATCH, SL_AUDIT_FIELD_CLOSING_BALANCE, row, term,
                    e->closing_balance, r->closing_balance);
    if (rc == SL_OK)
        explain_mismatches(a, first, e, r);
    sl_money carried;
    if (sl_money_sub(&carried, r->closing_balance, e->closing_balance) == SL_OK)
        a->carried = carried;
    return rc;
}

/* One wrong closing balance is seen again by the next row, as a balance
 * (derived opening balance) or chain difference of minus the same amount:
 * that one follows from the first. */
static void explain_balance_echo(sl_audit *a)
{
    sl_money echo = 0;
    for (int i = 0; i < a->npending; i++) {
        sl_audit_difference *d = &a->pending[i];
        if (d->check != SL_AUDIT_BALANCE && d->check != SL_AUDIT_CHAIN)
            continue;
        /* INT64_MIN has no negation: such a difference is never an echo. */
        if (a->prev_balance_diff != 0 && a->prev_balance_diff != INT64_MIN &&
            d->difference == -a->prev_balance_diff &&
            a->active_row != 0)
            a->cause[i] = 0;
        else if (d->check == SL_AUDIT_BALANCE)
            echo = d->difference;
    }
    a->prev_balance_diff = echo;
}

/* Emit the row's differences: a row with a cause is a new divergence (its
 * other differences follow from it), else all follow from the one in force. */
static int flush_row(sl_audit *a, long row)
{
    explain_balance_echo(a);
    int any_cause = 0;
    for (int i = 0; i < a->npending; i++)
        if (a->pending[i].check != SL_AUDIT_RATE_JUMP && a->cause[i])
            any_cause = 1;
    if (any_cause)
        a->active_row = row;
    int rc = SL_OK;
    for (int i = 0; i < a->npending && rc == SL_OK; i++) {
        sl_audit_difference *d = &a->pending[i];
        if (d->check != SL_AUDIT_RATE_JUMP && !a->cause[i])
            d->follows_from_row = a->active_row;
        rc = emit(a, d);
    }
    a->npending = 0;
    return rc;
}

int sl_audit_add_row(sl_audit *a, const sl_plan_row *r)
{
    if (!a || !r)
        return SL_ENULL;
    if (a->stopped || a->finished)
        return SL_ESTATE;
    long row = a->rows + 1;
    int term = r->term ? r->term : (int)(row > 1000000000L ? 1000000000L : row);

    sl_plan_totals t = a->found;
    if (sl_money_add(&t.interest, t.interest, r->interest) ||
        sl_money_add(&t.principal, t.principal, r->principal) ||
        sl_money_add(&t.term_fees, t.term_fees, r->fee) ||
        sl_money_add(&t.fees, t.fees, r->fee) || sl_money_add(&t.paid, t.paid, r->payment))
        return SL_ERANGE;
    t.terms++;
    a->found = t;
    a->rows = row;
    a->last_row = row;
    if (row == 1)
        a->first_opening = r->opening_balance;

    a->collecting = 1;
    a->npending = 0;
    int rc = SL_OK;
    sl_money sum;
    if (sl_money_add(&sum, r->interest, r->principal) == SL_OK &&
        sl_money_add(&sum, sum, r->fee) == SL_OK)
        rc = amount(a, SL_AUDIT_SUM, SL_AUDIT_FIELD_PAYMENT, row, term, sum, r->payment);
    sl_money closing;
    if (rc == SL_OK && sl_money_sub(&closing, r->opening_balance, r->principal) == SL_OK)
        rc = amount(a, SL_AUDIT_BALANCE, SL_AUDIT_FIELD_CLOSING_BALANCE, row, term, closing,
                    r->closing_balance);
    if (rc == SL_OK && a->have_prev)
        rc = amount(a, SL_AUDIT_CHAIN, SL_AUDIT_FIELD_OPENING_BALANCE, row, term,
                    a->prev.closing_balance, r->opening_balance);
    if (rc == SL_OK && a->have_prev && r->term != 0 && a->prev_term != 0 &&
        (int64_t)r->term != (int64_t)a->prev_term + 1) { /* a term of INT_MAX has no next */
        sl_audit_difference d;
        blank(&d, SL_AUDIT_SEQUENCE, SL_AUDIT_FIELD_TERM, row, term);
        d.expected = (sl_money)a->prev_term + 1;
        d.found = r->term;
        d.difference = d.found - d.expected;
        rc = emit(a, &d);
    }
    if (rc == SL_OK && r->opening_balance > 0)
        rc = rate_check(a, row, term, r);
    if (rc == SL_OK && a->have_terms)
        rc = compare_with_plan(a, row, term, r);
    a->collecting = 0;
    if (rc == SL_OK)
        rc = flush_row(a, row);
    a->prev = *r;
    a->prev_term = r->term;
    a->have_prev = 1;
    return rc;
}

int sl_audit_stated_totals(sl_audit *a, const sl_plan_row *totals)
{
    if (!a || !totals)
        return SL_ENULL;
    if (a->have_stated || a->stopped || a->finished)
        return SL_ESTATE;
    a->have_stated = 1;
    sl_plan_totals s;
    memset(&s, 0, sizeof s);
    s.terms = (int)a->rows;
    s.interest = totals->interest;
    s.principal = totals->principal;
    s.term_fees = totals->fee;
    s.fees = totals->fee;
    s.paid = totals->payment;
    a->stated = s;
    return SL_OK;
}

int sl_audit_finish(sl_audit *a, sl_audit_summary *out)
{
    if (!a)
        return SL_ENULL;
    if (a->stopped || a->finished)
        return SL_ESTATE;
    a->finished = 1;
    int rc = SL_OK;
    if (a->rows > 0) {
        /* both follow from the divergence in force at the end, if any */
        a->collecting = 1;
        a->npending = 0;
        rc = amount(a, SL_AUDIT_END, SL_AUDIT_FIELD_CLOSING_BALANCE, a->last_row,
                    a->prev_term ? a->prev_term : (int)a->last_row, 0, a->prev.closing_balance);
        if (rc == SL_OK)
            rc = amount(a, SL_AUDIT_PRINCIPAL_SUM, SL_AUDIT_FIELD_PRINCIPAL, 0, 0,
                        a->first_opening, a->found.principal);
        a->collecting = 0;
        for (int i = 0; i < a->npending && rc == SL_OK; i++) {
            a->pending[i].follows_from_row = a->active_row;
            rc = emit(a, &a->pending[i]);
        }
        a->npending = 0;
    }
    if (rc == SL_OK && a->have_stated) {
        rc = amount(a, SL_AUDIT_STATED_TOTAL, SL_AUDIT_FIELD_INTEREST, 0, 0, a->found.interest,
                    a->stated.interest);
        if (rc == SL_OK)
            rc = amount(a, SL_AUDIT_STATED_TOTAL, SL_AUDIT_FIELD_PRINCIPAL, 0, 0,
                        a->found.principal, a->stated.principal);
        if (rc == SL_OK)
            rc = amount(a, SL_AUDIT_STATED_TOTAL, SL_AUDIT_FIELD_FEE, 0, 0, a->found.term_fees,
                        a->stated.term_fees);
        if (rc == SL_OK)
            rc = amount(a, SL_AUDIT_STATED_TOTAL, SL_AUDIT_FIELD_PAYMENT, 0, 0, a->found.paid,
                        a->stated.paid);
    }
    if (a->have_terms)
        for (int k = 1; rc == SL_OK && k <= a->expected_count; k++)
            if (!a->seen[k]) {
                sl_audit_difference d;
                blank(&d, SL_AUDIT_MISSING_ROW, SL_AUDIT_FIELD_ROW, 0, k);
                d.expected = a->expected[k - 1].payment;
                d.difference = -d.expected;
                rc = emit(a, &d);
            }
    if (out) {
        memset(out, 0, sizeof *out);
        out->rows = a->rows;
        out->differences = a->differences;
        out->within_tolerance = a->within;
        out->rate_jumps = a->jumps;
        out->found = a->found;
        out->have_expected = a->have_terms;
        out->expected = a->expected_totals;
        out->have_stated = a->have_stated;
        out->stated = a->stated;
    }
    return rc;
}

void sl_audit_options_init(sl_audit_options *options)
{
    if (options) {
        const sl_audit_options init = SL_AUDIT_OPTIONS_INIT;
        *options = init;
    }
}
