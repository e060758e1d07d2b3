/* Portfolio figures: per-loan sums over the plan engine's rows for a date
 * and a period, and an exact accumulator for totals over many loans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "plan_internal.h"
#include "startlan/portfolio.h"

#define ITEMS 6

/* Each total is part + sum: a loan's figures go into the 64-bit part, and
 * only when it would overflow does the part move into the exact sum. */
struct sl_portfolio_totals {
    mpz_t sum[ITEMS];
    int64_t part[ITEMS];
    int64_t loans, skipped;
};

/* Dates in the order of sl_date_compare, as one integer (no call per row). */
static inline int date_key(sl_date d)
{
    return d.year * 512 + d.month * 32 + d.day;
}

int sl_loan_figures_compute(sl_loan_figures *out, const sl_loan_terms *terms, sl_date as_of,
                            sl_date from, sl_date to, sl_error *err)
{
    return sl_loan_figures_compute_cached(out, terms, as_of, from, to, NULL, err);
}

/* The dates of the figures, and the contract's payout date: 0 or the refusal. */
static int figure_dates(const sl_loan_terms *t, sl_date as_of, sl_date from, sl_date to,
                        sl_error *err)
{
    if (!sl_date_is_valid(as_of))
        return sl__fail_date(err, SL_EINVAL, "as_of", as_of, "no such date");
    if (!sl_date_is_valid(from))
        return sl__fail_date(err, SL_EINVAL, "from", from, "no such date");
    if (!sl_date_is_valid(to))
        return sl__fail_date(err, SL_EINVAL, "to", to, "no such date");
    if (sl_date_compare(from, to) > 0)
        return sl__fail_date(err, SL_EINVAL, "to", to, "the period ends before it starts");
    if (t->payout_date.year == 0 && t->payout_date.month == 0 && t->payout_date.day == 0)
        return sl__fail(err, SL_EINVAL, "payout_date", "",
                        "payout_date: missing; dated figures need the payout date");
    return SL_OK;
}

/* The figures from a plan positioned before its first term. */
static int walk(sl_loan_figures *out, sl_plan *plan, sl_date as_of, sl_date from, sl_date to,
                sl_error *err)
{
    const sl_loan_terms *t = sl_plan_terms(plan);
    sl_loan_figures f;
    memset(&f, 0, sizeof f);
    int rc, paid_out = sl_date_compare(t->payout_date, as_of) <= 0;
    f.balance = paid_out ? t->principal : 0;
    if (sl_date_compare(t->payout_date, from) >= 0 && sl_date_compare(t->payout_date, to) <= 0)
        f.establishment_fee = t->establishment_fee;
    int k_as_of = date_key(as_of), k_from = date_key(from), k_to = date_key(to);
    int k_last = k_as_of > k_to ? k_as_of : k_to;
    sl_plan_row r;
    /* The rows before the period and on or before as_of matter only by the
     * balance they leave: they are taken without being handed out. */
    int k_quiet = k_from < k_as_of + 1 ? k_from : k_as_of + 1;
    sl_money quiet_closing = f.balance;
    rc = sl__plan_next_due_from(plan, k_quiet, &r, &quiet_closing);
    if (paid_out)
        f.balance = quiet_closing;
    for (; rc == 1; rc = sl_plan_next(plan, &r)) {
        int due = date_key(r.due_date);
        if (due > k_last)
            break;
        if (paid_out && due <= k_as_of)
            f.balance = r.closing_balance;
        if (due >= k_from && due <= k_to) {
            /* Each sum is at most a whole plan's total, which fits (plan.h). */
            f.interest += r.interest;
            f.principal += r.principal;
            f.term_fees += r.fee;
            f.terms_due++;
        }
    }
    if (rc < 0)
        return sl__fail(err, rc, "terms", "", "the plan could not be computed");
    if (sl_money_add(&f.fees, f.term_fees, f.establishment_fee) != SL_OK)
        return sl__fail(err, SL_ERANGE, "establishment_fee", "", "fees beyond the supported range");
    *out = f;
    return SL_OK;
}

int sl_loan_figures_compute_cached(sl_loan_figures *out, const sl_loan_terms *terms,
                                   sl_date as_of, sl_date from, sl_date to, sl_plan_cache *cache,
                                   sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!terms)
        return sl__null(err, "terms");
    int rc = figure_dates(terms, as_of, from, to, err);
    if (rc != SL_OK)
        return rc;
    sl_plan *plan;
    if ((rc = sl_plan_new(&plan, terms, err)) != SL_OK)
        return rc;
    sl_plan_use_cache(plan, cache);
    rc = walk(out, plan, as_of, from, to, err);
    sl_plan_free(plan);
    return rc;
}

int sl_plan_figures(sl_loan_figures *out, sl_plan *plan, sl_date as_of, sl_date from, sl_date to,
                    sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!plan)
        return sl__null(err, "plan");
    int rc = figure_dates(sl_plan_terms(plan), as_of, from, to, err);
    if (rc != SL_OK)
        return rc;
    sl_plan_rewind(plan);
    return walk(out, plan, as_of, from, to, err);
}

int sl_portfolio_totals_new(sl_portfolio_totals **out)
{
    if (!out)
        return SL_ENULL;
    sl_portfolio_totals *t = calloc(1, sizeof *t);
    if (!t)
        return SL_ENOMEM;
    for (int i = 0; i < ITEMS; i++)
        mpz_init(t->sum[i]);
    *out = t;
    return SL_OK;
}

void sl_portfolio_totals_free(sl_portfolio_totals *t)
{
    if (!t)
        return;
    for (int i = 0; i < ITEMS; i++)
        mpz_clear(t->sum[i]);
    free(t);
}

static void add_mpz(mpz_t sum, int64_t v)
{
    mpz_t x;
    mpz_init(x);
    sl__mpz_set_i64(x, v);
    mpz_add(sum, sum, x);
    mpz_clear(x);
}

static void add_i64(sl_portfolio_totals *t, int item, int64_t v)
{
    int64_t s;
    if (__builtin_add_overflow(t->part[item], v, &s)) {
        add_mpz(t->sum[item], t->part[item]); /* the part so far, which fit */
        t->part[item] = v;
    } else {
        t->part[item] = s;
    }
}

/* The exact total of item: sum + part. */
static void total_of(mpz_t out, const sl_portfolio_totals *t, int item)
{
    mpz_set(out, t->sum[item]);
    add_mpz(out, t->part[item]);
}

void sl_portfolio_totals_add(sl_portfolio_totals *t, const sl_loan_figures *f)
{
    if (!t || !f)
        return;
    add_i64(t, SL_PORTFOLIO_BALANCE, f->balance);
    add_i64(t, SL_PORTFOLIO_INTEREST, f->interest);
    add_i64(t, SL_PORTFOLIO_PRINCIPAL, f->principal);
    add_i64(t, SL_PORTFOLIO_TERM_FEES, f->term_fees);
    add_i64(t, SL_PORTFOLIO_ESTABLISHMENT_FEES, f->establishment_fee);
    add_i64(t, SL_PORTFOLIO_FEES, f->fees);
    t->loans++;
}

void sl_portfolio_totals_skip(sl_portfolio_totals *t)
{
    if (t)
        t->skipped++;
}

int64_t sl_portfolio_totals_loans(const sl_portfolio_totals *t)
{
    return t ? t->loans : 0;
}

int64_t sl_portfolio_totals_skipped(const sl_portfolio_totals *t)
{
    return t ? t->skipped : 0;
}

int sl_portfolio_totals_get(sl_money *out, const sl_portfolio_totals *t, sl_portfolio_item item)
{
    if (!out || !t)
        return SL_ENULL;
    if ((int)item < 0 || (int)item >= ITEMS)
        return SL_EINVAL;
    mpz_t v;
    mpz_init(v);
    total_of(v, t, (int)item);
    int rc = sl__mpz_get_i64(out, v);
    mpz_clear(v);
    return rc;
}

int sl_portfolio_totals_format(char *buf, size_t size, const sl_portfolio_totals *t,
                               sl_portfolio_item item)
{
    if (!buf || !t)
        return SL_ENULL;
    if ((int)item < 0 || (int)item >= ITEMS)
        return SL_EINVAL;
    mpz_t a;
    mpz_init(a);
    total_of(a, t, (int)item);
    int negative = mpz_sgn(a) < 0;
    mpz_abs(a, a);
    char tmp[SL_PORTFOLIO_BUFSIZE + 8];
    if (mpz_sizeinbase(a, 10) + 2 > sizeof tmp) {
        mpz_clear(a);
        if (size)
            buf[0] = '\0';
        return SL_ERANGE;
    }
    mpz_get_str(tmp, 10, a);
    mpz_clear(a);
    size_t n = strlen(tmp);
    /* at least three digits: "0.05" */
    char padded[SL_PORTFOLIO_BUFSIZE + 8];
    size_t pad = n < 3 ? 3 - n : 0;
    memset(padded, '0', pad);
    memcpy(padded + pad, tmp, n + 1);
    n += pad;
    size_t need = (negative ? 1 : 0) + n + 1;
    if (need + 1 > size) {
        if (size)
            buf[0] = '\0';
        return SL_ERANGE;
    }
    size_t k = 0;
    if (negative)
        buf[k++] = '-';
    memcpy(buf + k, padded, n - 2);
    k += n - 2;
    buf[k++] = '.';
    buf[k++] = padded[n - 2];
    buf[k++] = padded[n - 1];
    buf[k] = '\0';
    return (int)k;
}
