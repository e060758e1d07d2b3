/* Shared option parsing for a contract's life (the version-2 fields of
 * sl_loan_terms): due day, first due date, day count, rate changes, fixed
 * period, interest-only windows, extra payments, full repayment, margin and
 * rule findings. Every error names the option and exits 2. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void cli_life_init(cli_life *l)
{
    memset(l, 0, sizeof *l);
    sl_loan_terms_init(&l->v2);
}

void cli_life_free(cli_life *l)
{
    free(l->changes);
    free(l->specs);
    free(l->windows);
    free(l->extras);
    sl_rate_history_free(l->history);
    l->history = NULL;
    l->changes = NULL;
    l->specs = NULL;
    l->windows = NULL;
    l->extras = NULL;
}

const char *const cli_life_help = N_(
    "\nA contract's life (dates need --payout-date; see docs/contracts.md):\n"
    "  --due-day N                due day of month, 1-28 (default: the payout's day)\n"
    "  --first-due D              first due date (default: first due day one period after payout)\n"
    "  --day-count equal|act365   regular terms: rate/terms-per-year (default) or actual days/365\n"
    "  --rate-change D:PCT        floating rate PCT from date D (repeatable); a leading sign\n"
    "                             is relative: D:+3 / D:-0.5 = that many points from the rate\n"
    "                             in force before D\n"
    "  --rate-history FILE|husbanken-floating   the rate changes of a history file\n"
    "                             (lines 'YYYY-MM-DD PCT'); --rate defaults to its\n"
    "                             rate at the payout date (docs/audit.md)\n"
    "  --rate-change-keeps-payment  the payment holds and the number of terms follows\n"
    "                             (a warning on stderr gives the new end when it lengthens)\n"
    "  --fixed YEARS:PCT[:FROM]   fixed rate PCT for 3, 5, 10 or 20 years from FROM (default payout)\n"
    "  --interest-only FROM_TERM:TERMS   interest-only window (repeatable)\n"
    "  --interest-only-moves-end  windows lengthen the loan (default: the end date holds;\n"
    "                             a warning on stderr gives the new end)\n"
    "  --extra D:AMOUNT[:shorten] extra payment; default lowers the payment, shorten keeps it\n"
    "  --repay-all D              repay everything on D (settlement shown in table and JSON)\n"
    "  --market-rate PCT          current rate for the remaining fixed period (over-/underkurs)\n"
    "  --margin PCT               kommune's margin added to every nominal rate (may be negative)\n"
    "  --borrower household|kommune|borettslag   who borrows (default household)\n"
    "  --special-case             over 30 years allowed (Husbanken's special cases)\n"
    "  --strict                   rule findings are errors (exit 2), not warnings\n");

static void *grow(void *array, size_t count, size_t size)
{
    void *p = realloc(array, (count + 1) * size);
    if (!p)
        cli_die(1, _("out of memory"));
    return p;
}

/* arg copied into buf and split "A:B" → A (in buf) and B, or a usage error
 * naming the option. */
static char *split_or_die(char buf[256], const char *option, const char *arg, const char *shape)
{
    if (strlen(arg) >= 256)
        cli_die(CLI_EXIT_USAGE, _("%s '%.40s...': too long (at most 255 characters)"), option, arg);
    strcpy(buf, arg);
    char *rest = cli_split(buf, ':');
    if (!rest)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': expected %s"), option, arg, shape);
    return rest;
}

static void dated(cli_life *l, const char *option)
{
    if (!l->dated_option)
        l->dated_option = option;
}

int cli_life_option(cli_life *l, int opt, const char *arg)
{
    sl_loan_terms *t = &l->v2;
    char buf[256];
    switch (opt) {
    case CLI_OPT_DUE_DAY:
        t->due_day = (int)cli_int("--due-day", arg, 1, 28);
        dated(l, "--due-day");
        return 1;
    case CLI_OPT_FIRST_DUE:
        t->first_due_date = cli_date("--first-due", arg);
        dated(l, "--first-due");
        return 1;
    case CLI_OPT_DAY_COUNT:
        if (sl_day_count_parse(&t->day_count, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--day-count '%s': must be equal or act365"), arg);
        if (t->day_count == SL_DAY_COUNT_ACT365)
            dated(l, "--day-count act365");
        return 1;
    case CLI_OPT_RATE_CHANGE: {
        sl_error err;
        l->specs = grow(l->specs, l->n_changes, sizeof *l->specs);
        if (sl_rate_change_parse(&l->specs[l->n_changes], arg, "--rate-change", &err) != SL_OK)
            cli_fail_option("--rate-change", &err);
        l->n_changes++;
        dated(l, "--rate-change");
        return 1;
    }
    case CLI_OPT_RATE_HISTORY: {
        if (l->history)
            cli_usage_error(_("--rate-history given twice"));
        sl_error err;
        int rc = sl_rate_history_builtin_text(arg)
                     ? sl_rate_history_builtin(&l->history, arg, &err)
                     : sl_rate_history_load(&l->history, arg, &err);
        if (rc != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--rate-history: %s", err.message);
        l->history_name = arg;
        dated(l, "--rate-history");
        return 1;
    }
    case CLI_OPT_KEEPS_PAYMENT:
        t->rate_change_keeps_payment = 1;
        return 1;
    case CLI_OPT_FIXED: {
        char *pct = split_or_die(buf, "--fixed", arg, "YEARS:PCT[:FROM] (5:4.2)");
        char *from = cli_split(pct, ':');
        long y = cli_int("--fixed", buf, 3, 20);
        if (y != 3 && y != 5 && y != 10 && y != 20)
            cli_die(CLI_EXIT_USAGE, _("--fixed '%s': the years must be 3, 5, 10 or 20"), arg);
        t->fixed.years = (int)y;
        t->fixed.rate = cli_percent("--fixed", pct, 0, 100);
        if (from)
            t->fixed.from = cli_date("--fixed", from);
        dated(l, "--fixed");
        return 1;
    }
    case CLI_OPT_INTEREST_ONLY: {
        char *n = split_or_die(buf, "--interest-only", arg, "FROM_TERM:TERMS (13:12)");
        l->windows = grow(l->windows, l->n_windows, sizeof *l->windows);
        l->windows[l->n_windows].from_term =
            (int)cli_int("--interest-only", buf, 1, SL_PLAN_MAX_YEARS * 12);
        l->windows[l->n_windows].terms = (int)cli_int("--interest-only", n, 1, SL_PLAN_MAX_YEARS * 12);
        l->n_windows++;
        return 1;
    }
    case CLI_OPT_INTEREST_ONLY_MOVES_END:
        t->interest_only_moves_end = 1;
        return 1;
    case CLI_OPT_EXTRA: {
        char *amount = split_or_die(buf, "--extra", arg, "DATE:AMOUNT[:shorten] (2027-06-01:50000)");
        char *mode = cli_split(amount, ':');
        l->extras = grow(l->extras, l->n_extras, sizeof *l->extras);
        sl_extra_payment *x = &l->extras[l->n_extras];
        x->date = cli_date("--extra", buf);
        x->amount = cli_money("--extra", amount);
        if (x->amount <= 0)
            cli_die(CLI_EXIT_USAGE, _("--extra '%s': the amount must be positive"), arg);
        x->shorten = 0;
        if (mode) {
            if (strcmp(mode, "shorten") != 0)
                cli_die(CLI_EXIT_USAGE, _("--extra '%s': the third part may only be 'shorten'"),
                        arg);
            x->shorten = 1;
        }
        l->n_extras++;
        dated(l, "--extra");
        return 1;
    }
    case CLI_OPT_REPAY_ALL:
        t->repay_date = cli_date("--repay-all", arg);
        dated(l, "--repay-all");
        return 1;
    case CLI_OPT_MARKET_RATE:
        t->market_rate = cli_percent("--market-rate", arg, 0, 100);
        dated(l, "--market-rate");
        return 1;
    case CLI_OPT_MARGIN:
        t->margin = cli_percent("--margin", arg, -100, 100);
        return 1;
    case CLI_OPT_BORROWER:
        if (sl_borrower_parse(&t->borrower, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--borrower '%s': must be household, kommune or borettslag"),
                    arg);
        return 1;
    case CLI_OPT_SPECIAL_CASE:
        t->special_case = 1;
        return 1;
    case CLI_OPT_STRICT:
        l->strict = 1;
        return 1;
    }
    return 0;
}

void cli_life_apply(cli_life *l, sl_loan_terms *t)
{
    const sl_loan_terms *v = &l->v2;
    if (l->dated_option && !t->payout_date.year)
        cli_usage_error(_("%s needs --payout-date"), l->dated_option);
    if (l->n_changes) { /* relative changes from the rate in force before each */
        sl_error err;
        l->changes = grow(l->changes, l->n_changes, sizeof *l->changes);
        if (sl_rate_changes_resolve(l->changes, l->specs, l->n_changes, t->nominal_rate, &err) !=
            SL_OK)
            cli_fail_option("--rate-change", &err);
    }
    t->due_day = v->due_day;
    t->first_due_date = v->first_due_date;
    t->day_count = v->day_count;
    t->rate_changes = l->changes;
    t->rate_change_count = l->n_changes;
    t->fixed = v->fixed;
    t->interest_only_windows = l->windows;
    t->interest_only_window_count = l->n_windows;
    t->interest_only_moves_end = v->interest_only_moves_end;
    t->extra_payments = l->extras;
    t->extra_payment_count = l->n_extras;
    t->repay_date = v->repay_date;
    t->market_rate = v->market_rate;
    t->margin = v->margin;
    t->special_case = v->special_case;
    t->borrower = v->borrower;
    t->rate_change_keeps_payment = v->rate_change_keeps_payment;
}

void cli_findings_report(const sl_plan *plan, int strict)
{
    const sl_finding *f;
    size_t n;
    sl_plan_findings(plan, &f, &n);
    if (strict && n)
        cli_drop_notes(); /* the refusal: the findings alone */
    FILE *out = strict ? stderr : cli_notes();
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s: %s: %s (%s)\n", cli_prog(), strict ? "error" : "warning",
                f[i].message, f[i].field);
    if (strict && n)
        exit(CLI_EXIT_USAGE);
}


void cli_lengthening_report(const sl_plan *plan)
{
    const sl_loan_terms *t = sl_plan_terms(plan);
    if (!(t->rate_change_keeps_payment && t->rate_change_count) &&
        !(t->interest_only_moves_end && t->interest_only_window_count))
        return;
    sl_plan *p;
    sl_error err;
    if (sl_plan_new(&p, t, &err) != SL_OK)
        return; /* the caller's plan was made from the same contract */
    sl_plan_row r, last;
    int rc, rows = 0;
    while ((rc = sl_plan_next(p, &r)) == 1) {
        last = r;
        rows++;
    }
    sl_plan_free(p);
    if (rc < 0 || rows <= t->terms)
        return;
    char d[SL_DATE_BUFSIZE];
    cli_note(_("warning: %s lengthens the loan from %d to %d terms; the last payment is now "
               "due %s"),
             t->rate_change_keeps_payment && t->rate_change_count ? "--rate-change-keeps-payment"
                                                                  : "--interest-only-moves-end",
             t->terms, rows, last.due_date.year ? cli_date_text(d, last.due_date) : _("(no dates)"));
}
