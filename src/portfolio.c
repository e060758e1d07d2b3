/* Portfolio figures: per-loan sums over the plan engine's rows for a date
 * and a period, and an exact accumulator for totals over many loans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "startlan/portfolio.h"

#define ITEMS 6

struct sl_portfolio_totals {
    mpz_t sum[ITEMS];
    long long loans, skipped;
};

int sl_loan_figures_compute(sl_loan_figures *out, const sl_loan_terms *terms, sl_date as_of,
                            sl_date from, sl_date to, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    if (!terms)
        return sl__null(err, "terms");
    if (!sl_date_is_valid(as_of))
        return sl__fail_date(err, SL_EINVAL, "as_of", as_of, "no such date");
    if (!sl_date_is_valid(from))
        return sl__fail_date(err, SL_EINVAL, "from", from, "no such date");
    if (!sl_date_is_valid(to))
        return sl__fail_date(err, SL_EINVAL, "to", to, "no such date");
    if (sl_date_compare(from, to) > 0)
        return sl__fail_date(err, SL_EINVAL, "to", to, "the period ends before it starts");
    if (terms->payout_date.year == 0 && terms->payout_date.month == 0 &&
        terms->payout_date.day == 0)
        return sl__fail(err, SL_EINVAL, "payout_date", "",
                        "payout_date: missing; dated figures need the payout date");
    sl_plan *plan;
    int rc = sl_plan_new(&plan, terms, err);
    if (rc != SL_OK)
        return rc;
    const sl_loan_terms *t = sl_plan_terms(plan);
    sl_loan_figures f;
    memset(&f, 0, sizeof f);
    int paid_out = sl_date_compare(t->payout_date, as_of) <= 0;
    f.balance = paid_out ? t->principal : 0;
    if (sl_date_compare(t->payout_date, from) >= 0 && sl_date_compare(t->payout_date, to) <= 0)
        f.establishment_fee = t->establishment_fee;
    sl_date last = sl_date_compare(as_of, to) > 0 ? as_of : to;
    sl_plan_row r;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        if (sl_date_compare(r.due_date, last) > 0)
            break;
        if (paid_out && sl_date_compare(r.due_date, as_of) <= 0)
            f.balance = r.closing_balance;
        if (sl_date_compare(r.due_date, from) >= 0 && sl_date_compare(r.due_date, to) <= 0) {
            /* Each sum is at most a whole plan's total, which fits (plan.h). */
            f.interest += r.interest;
            f.principal += r.principal;
            f.term_fees += r.fee;
            f.terms_due++;
        }
    }
    sl_plan_free(plan);
    if (rc < 0)
        return sl__fail(err, rc, "terms", "", "the plan could not be computed");
    if (sl_money_add(&f.fees, f.term_fees, f.establishment_fee) != SL_OK)
        return sl__fail(err, SL_ERANGE, "establishment_fee", "", "fees beyond the supported range");
    *out = f;
    return SL_OK;
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

static void add_i64(mpz_t sum, int64_t v)
{
    mpz_t x;
    mpz_init(x);
    sl__mpz_set_i64(x, v);
    mpz_add(sum, sum, x);
    mpz_clear(x);
}

void sl_portfolio_totals_add(sl_portfolio_totals *t, const sl_loan_figures *f)
{
    if (!t || !f)
        return;
    add_i64(t->sum[SL_PORTFOLIO_BALANCE], f->balance);
    add_i64(t->sum[SL_PORTFOLIO_INTEREST], f->interest);
    add_i64(t->sum[SL_PORTFOLIO_PRINCIPAL], f->principal);
    add_i64(t->sum[SL_PORTFOLIO_TERM_FEES], f->term_fees);
    add_i64(t->sum[SL_PORTFOLIO_ESTABLISHMENT_FEES], f->establishment_fee);
    add_i64(t->sum[SL_PORTFOLIO_FEES], f->fees);
    t->loans++;
}

void sl_portfolio_totals_skip(sl_portfolio_totals *t)
{
    if (t)
        t->skipped++;
}

long long sl_portfolio_totals_loans(const sl_portfolio_totals *t)
{
    return t ? t->loans : 0;
}

long long sl_portfolio_totals_skipped(const sl_portfolio_totals *t)
{
    return t ? t->skipped : 0;
}

int sl_portfolio_totals_get(sl_money *out, const sl_portfolio_totals *t, sl_portfolio_item item)
{
    if (!out || !t)
        return SL_ENULL;
    if ((int)item < 0 || (int)item >= ITEMS)
        return SL_EINVAL;
    return sl__mpz_get_i64(out, t->sum[item]);
}

int sl_portfolio_totals_format(char *buf, size_t size, const sl_portfolio_totals *t,
                               sl_portfolio_item item)
{
    if (!buf || !t)
        return SL_ENULL;
    if ((int)item < 0 || (int)item >= ITEMS)
        return SL_EINVAL;
    const mpz_t *v = &t->sum[item];
    size_t digits = mpz_sizeinbase(*v, 10);
    char tmp[SL_PORTFOLIO_BUFSIZE + 8];
    if (digits + 2 > sizeof tmp) {
        if (size)
            buf[0] = '\0';
        return SL_ERANGE;
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, *v);
    mpz_get_str(tmp, 10, a);
    mpz_clear(a);
    size_t n = strlen(tmp);
    /* at least three digits: "0.05" */
    char padded[SL_PORTFOLIO_BUFSIZE + 8];
    size_t pad = n < 3 ? 3 - n : 0;
    memset(padded, '0', pad);
    memcpy(padded + pad, tmp, n + 1);
    n += pad;
    size_t need = (mpz_sgn(*v) < 0 ? 1 : 0) + n + 1;
    if (need + 1 > size) {
        if (size)
            buf[0] = '\0';
        return SL_ERANGE;
    }
    size_t k = 0;
    if (mpz_sgn(*v) < 0)
        buf[k++] = '-';
    memcpy(buf + k, padded, n - 2);
    k += n - 2;
    buf[k++] = '.';
    buf[k++] = padded[n - 2];
    buf[k++] = padded[n - 1];
    buf[k] = '\0';
    return (int)k;
}
