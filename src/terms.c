/* The loan contract: defaults and validation, done once before the engine runs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/plan.h"
#include "terms_internal.h"

void sl_loan_terms_init(sl_loan_terms *terms)
{
    static const sl_loan_terms init = SL_LOAN_TERMS_INIT; /* one copy, not built each call */
    if (terms)
        *terms = init;
}

void sl__terms_upgrade(sl_loan_terms *out, const sl_loan_terms *in)
{
    if (in->version >= 2) {
        *out = *in;
        return;
    }
    sl_loan_terms_init(out);
    memcpy(out, in, offsetof(sl_loan_terms, due_day));
    out->version = SL_LOAN_TERMS_VERSION;
}

void sl__terms_or_default(sl_loan_terms *out, const sl_loan_terms *in, int default_terms)
{
    sl_loan_terms_init(out);
    if (!in) {
        out->terms = default_terms;
        return;
    }
    if (in->version < 1 || in->version > SL_LOAN_TERMS_VERSION) {
        out->version = in->version; /* refused by sl_loan_terms_check */
        return;
    }
    sl__terms_upgrade(out, in);
}

static int check_v1(const sl_loan_terms *t, sl_error *err);
static int check_v2(const sl_loan_terms *t, int changes_known, sl_error *err);

static int check(const sl_loan_terms *terms, int changes_known, sl_error *err)
{
    sl__error_reset(err);
    if (!terms)
        return sl__null(err, "terms");
    int vrc = sl__check_version(err, "sl_loan_terms", terms->version, 1, SL_LOAN_TERMS_VERSION);
    if (vrc != SL_OK)
        return vrc;
    sl_loan_terms full;
    sl__terms_upgrade(&full, terms);
    int rc = check_v1(&full, err);
    if (rc == SL_OK)
        rc = check_v2(&full, changes_known, err);
    return rc;
}

int sl_loan_terms_check(const sl_loan_terms *terms, sl_error *err)
{
    return check(terms, 0, err);
}

int sl__loan_terms_check_known_changes(const sl_loan_terms *terms, sl_error *err)
{
    return check(terms, 1, err);
}

static int check_v1(const sl_loan_terms *t, sl_error *err)
{
    if (t->principal <= 0)
        return sl__fail_money(err, SL_EINVAL, "principal", t->principal, "the loan must be positive");
    if (t->principal > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, SL_ERANGE, "principal", t->principal,
                           "larger than the supported maximum of 1 000 000 000 000 kr");
    sl_rate r = t->nominal_rate;
    if (r.den <= 0 || r.den > SL_PLAN_MAX_RATE_DENOMINATOR || r.num < 0 || r.num > r.den) {
        char text[SL_RATE_BUFSIZE];
        if (r.den <= 0 || sl_rate_format_percent(text, sizeof text, r, 6, SL_ROUND_HALF_UP, '.') < 0)
            strcpy(text, "?");
        return sl__fail(err, r.den > SL_PLAN_MAX_RATE_DENOMINATOR ? SL_ERANGE : SL_EINVAL,
                        "nominal_rate", text, "nominal_rate %s %%: must be from 0 to 100 %%%s",
                        text, r.den > SL_PLAN_MAX_RATE_DENOMINATOR ? " with at most 13 decimals" : "");
    }
    int k = t->terms_per_year;
    if (k != 12 && k != 4 && k != 2 && k != 1)
        return sl__fail_int(err, SL_EINVAL, "terms_per_year", k, "must be 12, 4, 2 or 1");
    if (t->terms < 1)
        return sl__fail_int(err, SL_EINVAL, "terms", t->terms, "must be at least 1");
    if (t->terms > SL_PLAN_MAX_YEARS * k)
        return sl__fail_int(err, SL_EINVAL, "terms", t->terms, "longer than 50 years");
    if (t->type != SL_LOAN_ANNUITY && t->type != SL_LOAN_SERIAL)
        return sl__fail_int(err, SL_EINVAL, "type", (long)t->type, "must be annuity or serial");
    if (t->interest_only_terms < 0 || t->interest_only_terms >= t->terms)
        return sl__fail_int(err, SL_EINVAL, "interest_only_terms", t->interest_only_terms,
                         "must be from 0 to one less than the number of terms");
    if (t->term_fee < 0 || t->term_fee > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, t->term_fee < 0 ? SL_EINVAL : SL_ERANGE, "term_fee", t->term_fee,
                           "must be from 0 to 1 000 000 000 000 kr");
    if (t->establishment_fee < 0 || t->establishment_fee > SL_PLAN_MAX_PRINCIPAL)
        return sl__fail_money(err, t->establishment_fee < 0 ? SL_EINVAL : SL_ERANGE,
                           "establishment_fee", t->establishment_fee,
                           "must be from 0 to 1 000 000 000 000 kr");
    if (!sl__rounding_valid(t->payment_rounding))
        return sl__fail_int(err, SL_EINVAL, "payment_rounding", (long)t->payment_rounding.mode,
                         "unknown rounding unit or mode");
    sl_date d = t->payout_date;
    if (d.year != 0 || d.month != 0 || d.day != 0) { /* the text only when failing */
        if (!sl_date_is_valid(d))
            return sl__fail_date(err, SL_EINVAL, "payout_date", d, "no such date");
        sl_date last;
        if (sl_date_add_months(&last, d, t->terms * (12 / k), d.day) != SL_OK)
            return sl__fail_date(err, SL_ERANGE, "payout_date", d,
                                 "the last due date would be after year 9999");
    }
    return SL_OK;
}

/* Folded for comparison: ASCII lower case, "å"/"Å" (UTF-8) as "a", at most
 * size - 1 bytes; 0 when the text is longer. */
static int fold_type(char *buf, size_t size, const char *text)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (k + 1 >= size)
            return 0;
        if (p[0] == 0xC3 && (p[1] == 0xA5 || p[1] == 0x85)) {
            buf[k++] = 'a';
            p++;
        } else {
            buf[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
        }
    }
    buf[k] = '\0';
    return 1;
}

int sl_loan_type_parse(sl_loan_type *out, const char *text)
{
    if (!out || !text)
        return SL_ENULL;
    static const char *const annuity[] = {"annuity", "annuitet", "annuitetslan", NULL};
    static const char *const serial[] = {"serial", "serie", "serielan", NULL};
    char f[16];
    if (!fold_type(f, sizeof f, text))
        return SL_ESYNTAX;
    for (int i = 0; annuity[i]; i++)
        if (strcmp(f, annuity[i]) == 0)
            return *out = SL_LOAN_ANNUITY, SL_OK;
    for (int i = 0; serial[i]; i++)
        if (strcmp(f, serial[i]) == 0)
            return *out = SL_LOAN_SERIAL, SL_OK;
    return SL_ESYNTAX;
}

const char *sl_loan_type_name(sl_loan_type type)
{
    switch (type) {
    case SL_LOAN_ANNUITY:
        return "annuity";
    case SL_LOAN_SERIAL:
        return "serial";
    }
    return NULL;
}

/* ---- version 2: dates, events and rules ---- */

static int has_payout(const sl_loan_terms *t)
{
    return t->payout_date.year != 0;
}

static int date_given(sl_date d)
{
    return d.year != 0 || d.month != 0 || d.day != 0;
}

int sl__terms_count(const sl_loan_terms *t)
{
    long n = t->terms;
    if (t->interest_only_moves_end)
        for (size_t i = 0; i < t->interest_only_window_count; i++)
            n += t->interest_only_windows[i].terms;
    return n > 100000 ? 100000 : (int)n;
}

int sl__terms_limit(const sl_loan_terms *t)
{
    int n = sl__terms_count(t), cap = SL_PLAN_MAX_YEARS * t->terms_per_year;
    return t->rate_change_keeps_payment && cap > n ? cap : n;
}

int sl__anchor_day(const sl_loan_terms *t)
{
    if (t->due_day)
        return t->due_day;
    if (date_given(t->first_due_date))
        return t->first_due_date.day;
    return t->payout_date.day;
}

int sl__first_due(sl_date *out, const sl_loan_terms *t)
{
    if (date_given(t->first_due_date)) {
        *out = t->first_due_date;
        return SL_OK;
    }
    int step = 12 / t->terms_per_year;
    sl_date regular;
    int rc = sl_date_add_months(&regular, t->payout_date, step, t->payout_date.day);
    if (rc != SL_OK || !t->due_day)
        return rc == SL_OK ? (*out = regular, SL_OK) : rc;
    /* The first day `due_day` on or after payout + one period. */
    return sl_date_add_months(out, regular, t->due_day >= regular.day ? 0 : 1, t->due_day);
}

int sl__due_date(sl_date *out, const sl_loan_terms *t, sl_date first, int k)
{
    if (k == 1) {
        *out = first;
        return SL_OK;
    }
    return sl_date_add_months(out, first, (k - 1) * (12 / t->terms_per_year), sl__anchor_day(t));
}

int sl__interest_only(const sl_loan_terms *t, int k)
{
    if (k <= t->interest_only_terms)
        return 1;
    for (size_t i = 0; i < t->interest_only_window_count; i++) {
        const sl_interest_only_window *w = &t->interest_only_windows[i];
        if (k >= w->from_term && k < w->from_term + w->terms)
            return 1;
    }
    return 0;
}

/* A valid date as one integer in the same order as sl_date_compare. Computed
 * in 64 bits because it is also taken of dates not yet validated (any int
 * fields), which it must not overflow on. */
static int64_t date_key(sl_date d)
{
    return ((int64_t)d.year * 16 + d.month) * 32 + d.day;
}

/* sl_date_is_valid without the call for days 1 to 28, which every month has. */
static inline int date_valid(sl_date d)
{
    return (d.day >= 1 && d.day <= 28 && d.month >= 1 && d.month <= 12 && d.year >= 1900 &&
            d.year <= 9999) ||
           sl_date_is_valid(d);
}

static int rate_valid(sl_rate r)
{
    return r.den > 0 && r.den <= SL_PLAN_MAX_RATE_DENOMINATOR && r.num >= 0 && r.num <= r.den;
}

/* rate + margin must be a loan rate (0 .. 100 %). */
static int applied_rate_ok(sl_rate r, sl_rate margin)
{
    if (margin.num == 0) /* r + 0 is r reduced: within the range when r is */
        return r.den > 0 && r.num >= 0 && r.num <= r.den && r.den <= SL_PLAN_MAX_RATE_DENOMINATOR;
    sl_rate sum;
    return sl_rate_add(&sum, r, margin) == SL_OK && sum.num >= 0 && sum.num <= sum.den &&
           sum.den <= SL_PLAN_MAX_RATE_DENOMINATOR;
}

/* A date that must lie after the payout (or on it, when on_payout) and no
 * later than the last due date. */
static int event_date(sl_error *err, const char *field, sl_date d, const sl_loan_terms *t,
                      sl_date last, int on_payout)
{
    if (!sl_date_is_valid(d))
        return sl__fail_date(err, SL_EINVAL, field, d, "no such date");
    int c = sl_date_compare(d, t->payout_date);
    if (c < 0 || (c == 0 && !on_payout))
        return sl__fail_date(err, SL_EINVAL, field, d,
                          on_payout ? "before the payout date" : "not after the payout date");
    if (sl_date_compare(d, last) > 0)
        return sl__fail_date(err, SL_EINVAL, field, d, "after the last due date");
    return SL_OK;
}

static int needs_payout(sl_error *err, const char *field)
{
    return sl__fail(err, SL_EINVAL, field, "", "%s: needs a payout date (payout_date)", field);
}

static int check_v2(const sl_loan_terms *t, int changes_known, sl_error *err)
{
    int k = t->terms_per_year;
    int payout = has_payout(t);
    if (t->due_day < 0 || t->due_day > 28)
        return sl__fail_int(err, SL_EINVAL, "due_day", t->due_day, "must be from 1 to 28 (0: the payout's day)");
    if (t->due_day && !payout)
        return needs_payout(err, "due_day");
    if (t->day_count != SL_DAY_COUNT_EQUAL && t->day_count != SL_DAY_COUNT_ACT365)
        return sl__fail_int(err, SL_EINVAL, "day_count", (long)t->day_count, "must be equal or act365");
    if (t->day_count == SL_DAY_COUNT_ACT365 && !payout)
        return needs_payout(err, "day_count");
    if (t->interest_only_moves_end != 0 && t->interest_only_moves_end != 1)
        return sl__fail_int(err, SL_EINVAL, "interest_only_moves_end", t->interest_only_moves_end,
                         "must be 0 or 1");
    if (t->rate_change_keeps_payment != 0 && t->rate_change_keeps_payment != 1)
        return sl__fail_int(err, SL_EINVAL, "rate_change_keeps_payment", t->rate_change_keeps_payment,
                         "must be 0 or 1");
    if (t->special_case != 0 && t->special_case != 1)
        return sl__fail_int(err, SL_EINVAL, "special_case", t->special_case, "must be 0 or 1");
    if (t->borrower != SL_BORROWER_HOUSEHOLD && t->borrower != SL_BORROWER_KOMMUNE &&
        t->borrower != SL_BORROWER_BORETTSLAG)
        return sl__fail_int(err, SL_EINVAL, "borrower", (long)t->borrower,
                         "must be household, kommune or borettslag");
    if (t->margin.den <= 0 || t->margin.den > SL_PLAN_MAX_RATE_DENOMINATOR ||
        t->margin.num > t->margin.den || t->margin.num < -t->margin.den)
        return sl__fail_rate(err, SL_EINVAL, "margin", t->margin, "must be from -100 to 100 %");
    if (!applied_rate_ok(t->nominal_rate, t->margin))
        return sl__fail_rate(err, SL_EINVAL, "margin", t->margin,
                          "the rate plus the margin must be from 0 to 100 %");

    /* Interest-only windows: inside the loan, before its last term, apart. */
    if (t->interest_only_window_count && !t->interest_only_windows)
        return sl__fail(err, SL_EINVAL, "interest_only_windows", "", "interest_only_windows: no array given");
    long moved = 0;
    for (size_t i = 0; i < t->interest_only_window_count; i++) {
        const sl_interest_only_window *w = &t->interest_only_windows[i];
        if (w->from_term < 1 || w->terms < 1 || w->terms > SL_PLAN_MAX_YEARS * 12)
            return sl__fail_int(err, SL_EINVAL, "interest_only_windows", w->from_term,
                             "a window needs a first term >= 1 and at least one term");
        moved += w->terms;
    }
    long n = t->terms + (t->interest_only_moves_end ? moved : 0);
    if (n > (long)SL_PLAN_MAX_YEARS * k) /* the windows, not terms, make it too long */
        return sl__fail_int(err, SL_EINVAL, "interest_only_windows", moved,
                            "moving the end by the windows' terms makes the loan longer than 50 "
                            "years");
    for (size_t i = 0; i < t->interest_only_window_count; i++) {
        const sl_interest_only_window *w = &t->interest_only_windows[i];
        long end = (long)w->from_term + w->terms - 1;
        if (end >= n)
            return sl__fail_int(err, SL_EINVAL, "interest_only_windows", w->from_term,
                             "a window must end before the last term");
        if (w->from_term <= t->interest_only_terms)
            return sl__fail_int(err, SL_EINVAL, "interest_only_windows", w->from_term,
                             "overlaps the interest-only terms at the start");
        for (size_t j = 0; j < i; j++) {
            const sl_interest_only_window *v = &t->interest_only_windows[j];
            if (w->from_term <= v->from_term + v->terms - 1 && v->from_term <= end)
                return sl__fail_int(err, SL_EINVAL, "interest_only_windows", w->from_term,
                                 "windows overlap");
        }
    }
    if (t->interest_only_terms + moved >= n)
        return sl__fail_int(err, SL_EINVAL, "interest_only_windows", moved,
                         "at least one term must amortise");

    if (!payout) {
        if (t->rate_change_count)
            return needs_payout(err, "rate_changes");
        if (t->fixed.years)
            return needs_payout(err, "fixed");
        if (t->extra_payment_count)
            return needs_payout(err, "extra_payments");
        if (date_given(t->repay_date))
            return needs_payout(err, "repay_date");
        if (date_given(t->first_due_date))
            return needs_payout(err, "first_due_date");
        if (t->market_rate.den != 0 || t->market_rate.num != 0)
            return needs_payout(err, "market_rate");
        return SL_OK;
    }

    /* The schedule: first due date, last due date. */
    sl_date first, last;
    if (date_given(t->first_due_date)) {
        sl_date f = t->first_due_date, limit;
        if (!sl_date_is_valid(f))
            return sl__fail_date(err, SL_EINVAL, "first_due_date", f, "no such date");
        if (sl_date_compare(f, t->payout_date) <= 0)
            return sl__fail_date(err, SL_EINVAL, "first_due_date", f, "not after the payout date");
        int step = 12 / k, months = step + 1 > 12 ? step + 1 : 12;
        if (sl_date_add_months(&limit, t->payout_date, months, t->payout_date.day) == SL_OK &&
            sl_date_compare(f, limit) > 0)
            return sl__fail_date(err, SL_EINVAL, "first_due_date", f,
                              "too long after the payout date (at most a year, or one "
                              "period and a month)");
        if (t->due_day && f.day != t->due_day)
            return sl__fail_date(err, SL_EINVAL, "first_due_date", f, "not on the due day");
        if (!t->due_day && f.day > 28)
            return sl__fail_date(err, SL_EINVAL, "first_due_date", f,
                              "on day 29-31: give the due day (1-28) instead");
    }
    if (sl__first_due(&first, t) != SL_OK || sl__due_date(&last, t, first, (int)n) != SL_OK)
        return sl__fail_date(err, SL_ERANGE, "payout_date", t->payout_date,
                          "the last due date would be after year 9999");
    /* A kept payment may run past the last term: rate changes up to 50 years
     * count, as the terms may follow them there. */
    sl_date latest = last;
    if (t->rate_change_keeps_payment &&
        sl__due_date(&latest, t, first, sl__terms_limit(t)) != SL_OK)
        return sl__fail_date(err, SL_ERANGE, "payout_date", t->payout_date,
                          "50 years of due dates would end after year 9999");

    if (t->rate_change_count && !t->rate_changes)
        return sl__fail(err, SL_EINVAL, "rate_changes", "", "rate_changes: no array given");
    /* Changes known good (a rate history's, sl__loan_terms_check_known_changes)
     * are not walked. A long rate history in date order otherwise passes a
     * quick test; the first change it does not pass, and every one after,
     * takes the full checks below with their messages. */
    size_t checked = changes_known ? t->rate_change_count : 0;
    for (int64_t prev = date_key(t->payout_date) - 1, end = date_key(latest);
         checked < t->rate_change_count; checked++) {
        const sl_rate_change *c = &t->rate_changes[checked];
        int64_t key = date_key(c->date);
        if (!date_valid(c->date) || key <= prev || key > end || !rate_valid(c->rate) ||
            (t->margin.num != 0 && !applied_rate_ok(c->rate, t->margin)))
            break;
        prev = key;
    }
    int sorted = 1;
    for (size_t i = checked; i < t->rate_change_count; i++) {
        const sl_rate_change *c = &t->rate_changes[i];
        int rc = event_date(err, "rate_changes", c->date, t, latest, 1);
        if (rc != SL_OK)
            return rc;
        if (!rate_valid(c->rate) || !applied_rate_ok(c->rate, t->margin))
            return sl__fail_rate(err, SL_EINVAL, "rate_changes", c->rate,
                              "must be from 0 to 100 % (margin included)");
        /* Sorted so far (a rate history is): a repeated date is the one before. */
        int order = i ? sl_date_compare(t->rate_changes[i - 1].date, c->date) : -1;
        sorted = sorted && order < 0;
        for (size_t j = sorted ? i : 0; j < i; j++)
            if (sl_date_compare(t->rate_changes[j].date, c->date) == 0)
                return sl__fail_date(err, SL_EINVAL, "rate_changes", c->date,
                                  "two rate changes on one date");
        if (order == 0)
            return sl__fail_date(err, SL_EINVAL, "rate_changes", c->date,
                                 "two rate changes on one date");
    }
    if (t->fixed.years) {
        int y = t->fixed.years;
        if (y != 3 && y != 5 && y != 10 && y != 20)
            return sl__fail_int(err, SL_EINVAL, "fixed", y, "a fixed period is 3, 5, 10 or 20 years");
        if (!rate_valid(t->fixed.rate) || !applied_rate_ok(t->fixed.rate, t->margin))
            return sl__fail_rate(err, SL_EINVAL, "fixed", t->fixed.rate,
                              "must be from 0 to 100 % (margin included)");
        if (date_given(t->fixed.from)) {
            int rc = event_date(err, "fixed", t->fixed.from, t, last, 1);
            if (rc != SL_OK)
                return rc;
            if (sl_date_compare(t->fixed.from, last) == 0)
                return sl__fail_date(err, SL_EINVAL, "fixed", t->fixed.from,
                                  "starts on the last due date");
        }
    } else if (t->fixed.rate.num != 0 || date_given(t->fixed.from)) {
        return sl__fail_int(err, SL_EINVAL, "fixed", 0, "a rate or date given but no years");
    }
    if (t->extra_payment_count && !t->extra_payments)
        return sl__fail(err, SL_EINVAL, "extra_payments", "", "extra_payments: no array given");
    for (size_t i = 0; i < t->extra_payment_count; i++) {
        const sl_extra_payment *x = &t->extra_payments[i];
        int rc = event_date(err, "extra_payments", x->date, t, last, 0);
        if (rc != SL_OK)
            return rc;
        if (x->amount <= 0 || x->amount > SL_PLAN_MAX_PRINCIPAL)
            return sl__fail_money(err, SL_EINVAL, "extra_payments", x->amount,
                               "an extra payment must be positive");
        if (x->shorten != 0 && x->shorten != 1)
            return sl__fail_int(err, SL_EINVAL, "extra_payments", x->shorten, "shorten must be 0 or 1");
    }
    int market_given = t->market_rate.den != 0;
    if (market_given && !rate_valid(t->market_rate))
        return sl__fail_rate(err, SL_EINVAL, "market_rate", t->market_rate, "must be from 0 to 100 %");
    if (!market_given && t->market_rate.num != 0)
        return sl__fail(err, SL_EINVAL, "market_rate", "", "market_rate: denominator 0");
    if (date_given(t->repay_date)) {
        int rc = event_date(err, "repay_date", t->repay_date, t, last, 0);
        if (rc != SL_OK)
            return rc;
        if (t->fixed.years && !market_given) {
            sl_date from = date_given(t->fixed.from) ? t->fixed.from : t->payout_date, end;
            if (sl_date_add_months(&end, from, 12 * t->fixed.years, from.day) != SL_OK)
                return sl__fail_date(err, SL_ERANGE, "fixed", from, "ends after year 9999");
            if (sl_date_compare(t->repay_date, from) >= 0 && sl_date_compare(t->repay_date, end) < 0)
                return sl__fail_date(err, SL_EINVAL, "market_rate", t->repay_date,
                                  "repayment inside the fixed period needs the current market "
                                  "rate (over-/underkurs)");
        }
    }
    return SL_OK;
}

static size_t add_finding(sl_finding *out, size_t max, size_t n, sl_finding_code code,
                          const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static size_t add_finding(sl_finding *out, size_t max, size_t n, sl_finding_code code,
                          const char *field, const char *fmt, ...)
{
    if (n < max) {
        sl_finding *f = &out[n];
        f->code = code;
        snprintf(f->field, sizeof f->field, "%s", field);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(f->message, sizeof f->message, fmt, ap);
        va_end(ap);
    }
    return n + 1;
}

size_t sl__terms_findings(const sl_loan_terms *t, sl_finding *out, size_t max)
{
    size_t n = 0;
    int k = t->terms_per_year, total = sl__terms_count(t);
    if (total > 30 * k && !t->special_case)
        n = add_finding(out, max, n, SL_FINDING_TERM_OVER_30_YEARS, "terms",
                        "the loan runs %d terms (%d.%02d years), over Husbanken's 30 years; "
                        "up to 50 years only in special cases (forskrift § 8-5)",
                        total, total / k, (total % k) * 100 / k);
    long io = t->interest_only_terms;
    for (size_t i = 0; i < t->interest_only_window_count; i++)
        io += t->interest_only_windows[i].terms;
    if (io > 8L * k)
        n = add_finding(out, max, n, SL_FINDING_INTEREST_ONLY_OVER_8_YEARS,
                        "interest_only_windows",
                        "%ld interest-only terms in all, over Husbanken's 8 years (%d terms)", io,
                        8 * k);
    sl_rate limit = {1, 400}; /* 0.25 percentage points */
    if (sl_rate_compare(t->margin, limit) > 0) {
        char text[SL_RATE_BUFSIZE];
        if (sl_rate_format_percent(text, sizeof text, t->margin, SL_RATE_EXACT, SL_ROUND_HALF_UP,
                                   '.') < 0)
            sl_rate_format_percent(text, sizeof text, t->margin, 6, SL_ROUND_HALF_UP, '.');
        n = add_finding(out, max, n, SL_FINDING_MARGIN_OVER_LIMIT, "margin",
                        "the kommune's margin %s percentage points is over the 0.25 allowed "
                        "(forskrift § 8-2)",
                        text);
    }
    if (k < 4 && t->borrower == SL_BORROWER_HOUSEHOLD)
        n = add_finding(out, max, n, SL_FINDING_HALF_YEARLY_HOUSEHOLD, "terms_per_year",
                        "%d term%s a year for a private household: Husbanken allows monthly or "
                        "quarterly terms; half-yearly only for kommuner and borettslag",
                        k, k == 1 ? "" : "s");
    if (t->fixed.years && has_payout(t)) {
        sl_date from = date_given(t->fixed.from) ? t->fixed.from : t->payout_date, end, first,
                last;
        if (sl_date_add_months(&end, from, 12 * t->fixed.years, from.day) != SL_OK)
            return n;
        if (sl__first_due(&first, t) == SL_OK && sl__due_date(&last, t, first, total) == SL_OK &&
            sl_date_compare(end, last) > 0) {
            char e[SL_DATE_BUFSIZE], l[SL_DATE_BUFSIZE];
            sl_date_format(e, sizeof e, end);
            sl_date_format(l, sizeof l, last);
            n = add_finding(out, max, n, SL_FINDING_FIXED_PAST_MATURITY, "fixed",
                            "the %d-year fixed period ends %s, after the last due date %s "
                            "(never longer than the remaining term)",
                            t->fixed.years, e, l);
        }
        for (size_t i = 0; i < t->extra_payment_count; i++) {
            const sl_extra_payment *x = &t->extra_payments[i];
            if (x->amount < 3000000 && sl_date_compare(from, x->date) <= 0 &&
                sl_date_compare(x->date, end) < 0) {
                char d[SL_DATE_BUFSIZE], a[SL_MONEY_BUFSIZE];
                sl_date_format(d, sizeof d, x->date);
                sl_money_format(a, sizeof a, x->amount, SL_MONEY_PLAIN);
                n = add_finding(out, max, n, SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM,
                                "extra_payments",
                                "the extra payment of %s kr on %s falls in the fixed period: "
                                "Husbanken takes at least 30 000 kr on a fixed-rate loan",
                                a, d);
                break;
            }
        }
    }
    return n;
}
