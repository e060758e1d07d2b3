/* The contract option table shared by every program that reads a contract:
 * the loan options (cli.c) and the contract's life (cli_life.c) behind one
 * table and one dispatcher. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const struct option cli_contract_options[] = {
    CLI_CONTRACT_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

const char *const cli_fee_financed_help =
    N_("  --establishment-fee-financed  the establishment fee is added to the loan (the plan\n"
       "                             runs on amount + fee, the payout is the amount) instead of\n"
       "                             deducted from the payout (default)\n");

void cli_contract_init(cli_contract *c)
{
    memset(c, 0, sizeof *c);
    cli_loan_init(&c->loan);
    cli_life_init(&c->life);
}

void cli_contract_free(cli_contract *c)
{
    cli_life_free(&c->life);
}

int cli_contract_option(cli_contract *c, int opt, const char *arg)
{
    if (opt == CLI_OPT_FEE_FINANCED) {
        c->fee_financed = 1;
        c->given++;
        return 1;
    }
    if (!cli_loan_option(&c->loan, opt, arg) && !cli_life_option(&c->life, opt, arg))
        return 0;
    if (opt == CLI_OPT_AMOUNT)
        c->have_amount = 1;
    if (opt == CLI_OPT_TERMS_PER_YEAR)
        c->tpy_given = 1;
    else if (opt != CLI_OPT_STRICT)
        c->given++;
    return 1;
}

_Noreturn static void history_error(const cli_contract *c, const sl_error *err)
{
    cli_die(CLI_EXIT_USAGE, "--rate-history %s: %s", c->life.history_name, err->message);
}

/* Append the history's changes in (payout, end] to the life's rate changes,
 * as absolute changes (exactly as --rate-change D:PCT would add them). */
static void add_history_changes(cli_contract *c, sl_date payout, sl_date end)
{
    sl_rate_change *changes;
    size_t n;
    sl_error err;
    if (sl_rate_history_changes(&changes, &n, c->life.history, payout, end, &err) != SL_OK)
        history_error(c, &err);
    if (n) {
        cli_life *l = &c->life;
        sl_rate_change_spec *all = realloc(l->specs, (l->n_changes + n) * sizeof *all);
        if (!all)
            cli_die(1, _("out of memory"));
        for (size_t i = 0; i < n; i++)
            all[l->n_changes + i] = (sl_rate_change_spec){changes[i].date, changes[i].rate, 0};
        l->specs = all;
        l->n_changes += n;
    }
    free(changes);
}

/* The first date, after from, of a gap that does not end the history
 * (year 0 if none). */
static sl_date first_inner_gap(const sl_rate_history *h, sl_date from)
{
    size_t n = sl_rate_history_count(h);
    sl_rate_history_entry e;
    for (size_t i = 0; i + 1 < n; i++)
        if (sl_rate_history_get(&e, h, i) == SL_OK && e.gap && sl_date_compare(e.from, from) > 0)
            return e.from;
    return (sl_date)SL_DATE_NONE;
}

/* The due date of the plan's last row. */
static sl_date last_due(const sl_loan_terms *t)
{
    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, t, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    sl_plan_row r;
    sl_date last = t->payout_date;
    while (sl_plan_next(plan, &r) == 1)
        last = r.due_date;
    sl_plan_free(plan);
    return last;
}

/* The due date of the schedule's last term: the contract without its rate
 * changes, extra payments, full repayment or kept payment, which only end
 * it sooner or (a kept payment) later. A history's changes after it are not
 * the loan's (a book takes them so too: sl_book_loan_terms). */
static sl_date schedule_end(const sl_loan_terms *t)
{
    sl_loan_terms s = *t;
    s.rate_changes = NULL;
    s.rate_change_count = 0;
    s.extra_payments = NULL;
    s.extra_payment_count = 0;
    s.repay_date = (sl_date)SL_DATE_NONE;
    s.rate_change_keeps_payment = 0;
    return last_due(&s);
}

/* --interest-only-moves-end: the windows' terms come on top of the loan's
 * (sl_loan_terms_check counts them too); refused naming the options as typed
 * (--years or --terms, the windows), not the lengthened count nobody typed. */
static void check_moved_end(const cli_contract *c, const sl_loan_terms *t)
{
    const cli_life *l = &c->life;
    if (!l->v2.interest_only_moves_end || !l->n_windows)
        return;
    long moved = 0;
    char windows[160] = "";
    size_t len = 0;
    for (size_t i = 0; i < l->n_windows; i++) {
        moved += l->windows[i].terms;
        if (len < sizeof windows)
            len += (size_t)snprintf(windows + len, sizeof windows - len, "%s%d:%d",
                                    i ? ", " : "", l->windows[i].from_term,
                                    l->windows[i].terms);
    }
    long max = (long)SL_PLAN_MAX_YEARS * t->terms_per_year, n = t->terms + moved;
    if (n <= max)
        return;
    char length[64];
    if (c->loan.years)
        snprintf(length, sizeof length, "--years %ld", c->loan.years);
    else
        snprintf(length, sizeof length, "--terms %d", t->terms);
    cli_die(CLI_EXIT_USAGE,
            _("--interest-only %s with --interest-only-moves-end: the %ld interest-only terms "
              "lengthen %s to %ld terms, longer than 50 years (%ld terms at %d a year)"),
            windows, moved, length, n, max, t->terms_per_year);
}

void cli_contract_finish(cli_contract *c, long default_years, sl_loan_terms *t)
{
    const sl_rate_history *h = c->life.history;
    sl_date payout = c->loan.terms.payout_date;
    if (h && !payout.year)
        cli_usage_error(_("--rate-history needs --payout-date"));
    if (h && !c->loan.have_rate) {
        sl_error err;
        if (sl_rate_history_at(&c->loan.terms.nominal_rate, h, payout, &err) != SL_OK)
            history_error(c, &err);
        c->loan.have_rate = 1;
    }
    cli_loan_finish(&c->loan, default_years, t);
    check_moved_end(c, t);
    c->payout = t->principal;
    /* The fee lent too: every program runs the plan the lender runs. */
    if (c->fee_financed &&
        (sl_money_add(&t->principal, t->principal, t->establishment_fee) != SL_OK ||
         t->principal > SL_PLAN_MAX_PRINCIPAL))
        cli_die(CLI_EXIT_USAGE, _("--establishment-fee-financed: the loan is out of range"));
    if (h && payout.year) {
        /* the changes up to the first inner gap; a plan that runs into it is
         * refused: no rate is guessed */
        sl_date gap = first_inner_gap(h, payout);
        sl_date until = gap.year ? gap : (sl_date){9999, 12, 31};
        if (gap.year && sl_date_add_days(&until, gap, -1) != SL_OK)
            until = gap;
        cli_life_apply(&c->life, t); /* the options' own dates, for the schedule */
        sl_date sched = schedule_end(t); /* a kept payment may run on: up to 50 years */
        if (!t->rate_change_keeps_payment && sl_date_compare(sched, until) < 0)
            until = sched;
        add_history_changes(c, payout, until);
        cli_life_apply(&c->life, t);
        sl_date last = last_due(t);
        sl_error err;
        sl_rate unused;
        if (gap.year && sl_date_compare(last, gap) >= 0 &&
            sl_rate_history_at(&unused, h, gap, &err) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--rate-history %s: %s; the plan runs to %04d-%02d-%02d"),
                    c->life.history_name, err.message, last.year, last.month, last.day);
        sl_date end = sl_rate_history_end(h);
        if (end.year && sl_date_compare(last, end) >= 0) {
            c->history_end = end;
            c->history_last_rate = t->nominal_rate;
            sl_date latest = payout; /* the changes come in any order */
            for (size_t i = 0; i < t->rate_change_count; i++) {
                const sl_rate_change *rc = &t->rate_changes[i];
                if (sl_date_compare(rc->date, end) < 0 && sl_date_compare(rc->date, latest) > 0) {
                    latest = rc->date;
                    c->history_last_rate = rc->rate;
                }
            }
        }
        return;
    }
    cli_life_apply(&c->life, t);
}

void cli_contract_history_warning(const cli_contract *c)
{
    if (!c->history_end.year)
        return;
    char d[SL_DATE_BUFSIZE], r[SL_RATE_BUFSIZE];
    /* cli_note: a file name with a control character stays on one line */
    cli_note(_("warning: the rate history %s ends on %s: the plan assumes %s %% (before the "
               "margin) stays from then (--rate-history)"),
             c->life.history_name, cli_date_text(d, c->history_end),
             cli_rate_text(r, c->history_last_rate, '.'));
}
