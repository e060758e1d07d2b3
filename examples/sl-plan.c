/* sl-plan: the payment plan (nedbetalingsplan) of a startlån, exact to the øre.
 * Parse options, run the library's plan engine, print a table, CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: sl-plan --amount A --rate PCT (--years Y | --terms N) [options]\n"
    "\n"
    "Prints the payment plan of a start loan, every figure exact to the øre.\n"
    "Without --amount, runs a built-in example (2 000 000 kr, 25 years, 4.640 %%).\n"
    "\n"
    "  --amount A                 loan amount in kroner (2000000, 2 000 000,50)\n"
    "%s"
    "%s"
    "  --format table|csv|json    output (default table)\n"
    "  --help, --version\n";

static const char life_help[] =
    "\nA contract's life (dates need --payout-date; see docs/contracts.md):\n"
    "  --due-day N                due day of month, 1-28 (default: the payout's day)\n"
    "  --first-due D              first due date (default: first due day one period after payout)\n"
    "  --day-count equal|act365   regular terms: rate/terms-per-year (default) or actual days/365\n"
    "  --rate-change D:PCT        floating rate PCT from date D (repeatable)\n"
    "  --rate-change-keeps-payment  the payment holds and the number of terms follows\n"
    "  --fixed YEARS:PCT[:FROM]   fixed rate PCT for 3, 5, 10 or 20 years from FROM (default payout)\n"
    "  --interest-only FROM_TERM:TERMS   interest-only window (repeatable)\n"
    "  --interest-only-moves-end  windows lengthen the loan (default: the end date holds)\n"
    "  --extra D:AMOUNT[:shorten] extra payment; default lowers the payment, shorten keeps it\n"
    "  --repay-all D              repay everything on D (settlement shown in table and JSON)\n"
    "  --market-rate PCT          current rate for the remaining fixed period (over-/underkurs)\n"
    "  --margin PCT               kommune's margin added to every nominal rate (may be negative)\n"
    "  --borrower household|kommune|borettslag   who borrows (default household)\n"
    "  --special-case             over 30 years allowed (Husbanken's special cases)\n"
    "  --strict                   rule findings are errors (exit 2), not warnings\n";

enum {
    OPT_DUE_DAY = CLI_OPT_FIRST_FREE,
    OPT_FIRST_DUE,
    OPT_DAY_COUNT,
    OPT_RATE_CHANGE,
    OPT_KEEPS_PAYMENT,
    OPT_FIXED,
    OPT_INTEREST_ONLY,
    OPT_INTEREST_ONLY_MOVES_END,
    OPT_EXTRA,
    OPT_REPAY_ALL,
    OPT_MARKET_RATE,
    OPT_MARGIN,
    OPT_BORROWER,
    OPT_SPECIAL_CASE,
    OPT_STRICT
};

/* The contract's life as read from the options (arrays grow as given). */
typedef struct life {
    sl_loan_terms v2; /* only the version-2 fields are used */
    sl_rate_change *changes;
    size_t n_changes;
    sl_interest_only_window *windows;
    size_t n_windows;
    sl_extra_payment *extras;
    size_t n_extras;
    const char *dated_option; /* the first option given that needs --payout-date */
    int strict;
} life;

static void *grow(void *array, size_t count, size_t size)
{
    void *p = realloc(array, (count + 1) * size);
    if (!p)
        cli_die(1, "out of memory");
    return p;
}

/* "A:B" → A and B, or a usage error naming the option. */
static char *split_or_die(char *text, const char *option, const char *arg, const char *shape)
{
    char *rest = cli_split(text, ':');
    if (!rest)
        cli_die(CLI_EXIT_USAGE, "%s '%s': expected %s", option, arg, shape);
    return rest;
}

static void dated(life *l, const char *option)
{
    if (!l->dated_option)
        l->dated_option = option;
}

/* Handle one of the life options: 1 if handled. */
static int life_option(life *l, int opt, const char *arg)
{
    sl_loan_terms *t = &l->v2;
    char buf[256];
    if (arg) {
        if (strlen(arg) >= sizeof buf)
            cli_die(CLI_EXIT_USAGE, "option value '%.40s...': too long", arg);
        strcpy(buf, arg);
    }
    switch (opt) {
    case OPT_DUE_DAY:
        t->due_day = (int)cli_int("--due-day", arg, 1, 28);
        dated(l, "--due-day");
        return 1;
    case OPT_FIRST_DUE:
        t->first_due_date = cli_date("--first-due", arg);
        dated(l, "--first-due");
        return 1;
    case OPT_DAY_COUNT:
        if (strcmp(arg, "equal") == 0)
            t->day_count = SL_DAY_COUNT_EQUAL;
        else if (strcmp(arg, "act365") == 0) {
            t->day_count = SL_DAY_COUNT_ACT365;
            dated(l, "--day-count act365");
        } else
            cli_die(CLI_EXIT_USAGE, "--day-count '%s': must be equal or act365", arg);
        return 1;
    case OPT_RATE_CHANGE: {
        char *pct = split_or_die(buf, "--rate-change", arg, "DATE:PCT (2026-03-01:4.9)");
        l->changes = grow(l->changes, l->n_changes, sizeof *l->changes);
        l->changes[l->n_changes].date = cli_date("--rate-change", buf);
        l->changes[l->n_changes].rate = cli_percent("--rate-change", pct, 0, 100);
        l->n_changes++;
        dated(l, "--rate-change");
        return 1;
    }
    case OPT_KEEPS_PAYMENT:
        t->rate_change_keeps_payment = 1;
        return 1;
    case OPT_FIXED: {
        char *pct = split_or_die(buf, "--fixed", arg, "YEARS:PCT[:FROM] (5:4.2)");
        char *from = cli_split(pct, ':');
        long y = cli_int("--fixed", buf, 3, 20);
        if (y != 3 && y != 5 && y != 10 && y != 20)
            cli_die(CLI_EXIT_USAGE, "--fixed '%s': the years must be 3, 5, 10 or 20", arg);
        t->fixed.years = (int)y;
        t->fixed.rate = cli_percent("--fixed", pct, 0, 100);
        if (from)
            t->fixed.from = cli_date("--fixed", from);
        dated(l, "--fixed");
        return 1;
    }
    case OPT_INTEREST_ONLY: {
        char *n = split_or_die(buf, "--interest-only", arg, "FROM_TERM:TERMS (13:12)");
        l->windows = grow(l->windows, l->n_windows, sizeof *l->windows);
        l->windows[l->n_windows].from_term =
            (int)cli_int("--interest-only", buf, 1, SL_PLAN_MAX_YEARS * 12);
        l->windows[l->n_windows].terms = (int)cli_int("--interest-only", n, 1, SL_PLAN_MAX_YEARS * 12);
        l->n_windows++;
        return 1;
    }
    case OPT_INTEREST_ONLY_MOVES_END:
        t->interest_only_moves_end = 1;
        return 1;
    case OPT_EXTRA: {
        char *amount = split_or_die(buf, "--extra", arg, "DATE:AMOUNT[:shorten] (2027-06-01:50000)");
        char *mode = cli_split(amount, ':');
        l->extras = grow(l->extras, l->n_extras, sizeof *l->extras);
        sl_extra_payment *x = &l->extras[l->n_extras];
        x->date = cli_date("--extra", buf);
        x->amount = cli_money("--extra", amount);
        if (x->amount <= 0)
            cli_die(CLI_EXIT_USAGE, "--extra '%s': the amount must be positive", arg);
        x->shorten = 0;
        if (mode) {
            if (strcmp(mode, "shorten") != 0)
                cli_die(CLI_EXIT_USAGE, "--extra '%s': the third part may only be 'shorten'", arg);
            x->shorten = 1;
        }
        l->n_extras++;
        dated(l, "--extra");
        return 1;
    }
    case OPT_REPAY_ALL:
        t->repay_date = cli_date("--repay-all", arg);
        dated(l, "--repay-all");
        return 1;
    case OPT_MARKET_RATE:
        t->market_rate = cli_percent("--market-rate", arg, 0, 100);
        dated(l, "--market-rate");
        return 1;
    case OPT_MARGIN:
        t->margin = cli_percent("--margin", arg, -100, 100);
        return 1;
    case OPT_BORROWER:
        if (strcmp(arg, "household") == 0)
            t->borrower = SL_BORROWER_HOUSEHOLD;
        else if (strcmp(arg, "kommune") == 0)
            t->borrower = SL_BORROWER_KOMMUNE;
        else if (strcmp(arg, "borettslag") == 0)
            t->borrower = SL_BORROWER_BORETTSLAG;
        else
            cli_die(CLI_EXIT_USAGE, "--borrower '%s': must be household, kommune or borettslag", arg);
        return 1;
    case OPT_SPECIAL_CASE:
        t->special_case = 1;
        return 1;
    case OPT_STRICT:
        l->strict = 1;
        return 1;
    }
    return 0;
}

/* Copy the life into the contract (its version-2 fields). */
static void life_apply(const life *l, sl_loan_terms *t)
{
    const sl_loan_terms *v = &l->v2;
    if (l->dated_option && !t->payout_date.year)
        cli_usage_error("%s needs --payout-date", l->dated_option);
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

/* Rule findings: warnings on stderr, or with --strict errors (exit 2). */
static void report_findings(const sl_plan *plan, int strict)
{
    const sl_finding *f;
    size_t n;
    sl_plan_findings(plan, &f, &n);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s: %s: %s (%s)\n", cli_prog(), strict ? "error" : "warning",
                f[i].message, f[i].field);
    if (strict && n)
        exit(CLI_EXIT_USAGE);
}

/* Husbanken's floating rate from 1 July 2024, fees for electronic handling. */
static void builtin_example(cli_loan *loan)
{
    sl_loan_terms *t = &loan->terms;
    t->principal = 200000000;
    t->nominal_rate = (sl_rate){116, 2500}; /* 4.640 % */
    loan->have_rate = 1;
    loan->years = 25;
    t->term_fee = 3000;
    t->establishment_fee = 60000;
    fprintf(stderr,
            "sl-plan: no --amount given; showing the built-in example: 2 000 000 kr over 25 "
            "years at 4.640 %% (Husbanken's floating rate from 1 July 2024), monthly annuity, "
            "term fee 30 kr, establishment fee 600 kr.\n");
}

static const char *frequency_name(int k)
{
    switch (k) {
    case 12:
        return "monthly";
    case 4:
        return "quarterly";
    case 2:
        return "half-yearly";
    }
    return "yearly";
}

static void check_row(int rc)
{
    if (rc < 0)
        cli_die(1, "the plan could not be computed: %s", sl_strerror(rc));
}

static void print_csv(sl_plan *plan)
{
    char d[SL_DATE_BUFSIZE], a[6][SL_MONEY_BUFSIZE];
    sl_plan_row r;
    int rc;
    char rate[SL_RATE_BUFSIZE], ev[256], days[16];
    puts("term,due_date,opening_balance,interest,principal,fee,payment,closing_balance,"
         "days,rate,event");
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        snprintf(days, sizeof days, "%d", r.days);
        printf("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", r.term, cli_date_text(d, r.due_date),
               cli_plain(a[0], r.opening_balance), cli_plain(a[1], r.interest),
               cli_plain(a[2], r.principal), cli_plain(a[3], r.fee), cli_plain(a[4], r.payment),
               cli_plain(a[5], r.closing_balance), r.due_date.year ? days : "",
               cli_rate_text(rate, r.rate, '.'), cli_events_text(ev, sizeof ev, r.events, ";"));
    }
    check_row(rc);
}

static json_t *totals_json(const sl_plan_totals *tot)
{
    json_t *o = json_object();
    json_object_set_new(o, "terms", json_integer(tot->terms));
    json_object_set_new(o, "interest", cli_json_money(tot->interest));
    json_object_set_new(o, "principal", cli_json_money(tot->principal));
    json_object_set_new(o, "term_fees", cli_json_money(tot->term_fees));
    json_object_set_new(o, "establishment_fee", cli_json_money(tot->establishment_fee));
    json_object_set_new(o, "fees", cli_json_money(tot->fees));
    json_object_set_new(o, "paid", cli_json_money(tot->paid));
    return o;
}

static json_t *settlement_json(const sl_settlement *s)
{
    char d[SL_DATE_BUFSIZE];
    json_t *o = json_object();
    json_object_set_new(o, "date", json_string(cli_date_text(d, s->date)));
    json_object_set_new(o, "balance", cli_json_money(s->balance));
    json_object_set_new(o, "interest", cli_json_money(s->interest));
    json_object_set_new(o, "fee", cli_json_money(s->fee));
    json_object_set_new(o, "break_cost", cli_json_money(s->break_cost));
    json_object_set_new(o, "break_months", json_integer(s->break_months));
    json_object_set_new(o, "total", cli_json_money(s->total));
    return o;
}

static void print_json(sl_plan *plan)
{
    const sl_loan_terms *t = sl_plan_terms(plan);
    char d[SL_DATE_BUFSIZE];
    json_t *loan = json_object();
    json_object_set_new(loan, "amount", cli_json_money(t->principal));
    json_object_set_new(loan, "rate", cli_json_rate(t->nominal_rate));
    json_object_set_new(loan, "terms", json_integer(t->terms));
    json_object_set_new(loan, "terms_per_year", json_integer(t->terms_per_year));
    json_object_set_new(loan, "type", json_string(sl_loan_type_name(t->type)));
    json_object_set_new(loan, "interest_only_terms", json_integer(t->interest_only_terms));
    json_object_set_new(loan, "term_fee", cli_json_money(t->term_fee));
    json_object_set_new(loan, "establishment_fee", cli_json_money(t->establishment_fee));
    json_object_set_new(loan, "round_to", json_string(sl_round_unit_name(t->payment_rounding.unit)));
    json_object_set_new(loan, "rounding", json_string(sl_round_mode_name(t->payment_rounding.mode)));
    json_object_set_new(loan, "payout_date", t->payout_date.year
                                                 ? json_string(cli_date_text(d, t->payout_date))
                                                 : json_null());
    json_t *schedule = json_array();
    sl_plan_row r;
    int rc;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        json_t *row = json_object();
        json_object_set_new(row, "term", json_integer(r.term));
        json_object_set_new(row, "due_date",
                            r.due_date.year ? json_string(cli_date_text(d, r.due_date)) : json_null());
        json_object_set_new(row, "opening_balance", cli_json_money(r.opening_balance));
        json_object_set_new(row, "interest", cli_json_money(r.interest));
        json_object_set_new(row, "principal", cli_json_money(r.principal));
        json_object_set_new(row, "fee", cli_json_money(r.fee));
        json_object_set_new(row, "payment", cli_json_money(r.payment));
        json_object_set_new(row, "closing_balance", cli_json_money(r.closing_balance));
        json_object_set_new(row, "days", r.due_date.year ? json_integer(r.days) : json_null());
        json_object_set_new(row, "rate", cli_json_rate(r.rate));
        json_object_set_new(row, "event", cli_json_events(r.events));
        json_array_append_new(schedule, row);
    }
    check_row(rc);
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    json_t *root = json_object();
    json_object_set_new(root, "loan", loan);
    json_object_set_new(root, "schedule", schedule);
    json_object_set_new(root, "totals", totals_json(&tot));
    sl_settlement st;
    if (sl_plan_settlement(plan, &st) == SL_OK)
        json_object_set_new(root, "settlement", settlement_json(&st));
    cli_json_print(root);
}

static void print_table(sl_plan *plan)
{
    const sl_loan_terms *t = sl_plan_terms(plan);
    char a[6][SL_MONEY_BUFSIZE], d[SL_DATE_BUFSIZE], rate[SL_RATE_BUFSIZE];
    sl_plan_row r;
    int rc = sl_plan_next(plan, &r);
    check_row(rc);
    int years = t->terms / t->terms_per_year, extra = t->terms % t->terms_per_year;

    printf("Startlån payment plan (nedbetalingsplan)\n\n");
    printf("  Amount (lånebeløp)          %20s kr\n", cli_nor(a[0], t->principal));
    printf("  Nominal rate                %20s %%\n", cli_rate_text(rate, t->nominal_rate, ','));
    printf("  Type                        %20s\n",
           t->type == SL_LOAN_ANNUITY ? "annuity (annuitet)" : "serial (serie)");
    if (extra)
        printf("  Terms                       %6d %s (%d years %d terms)\n", t->terms,
               frequency_name(t->terms_per_year), years, extra);
    else
        printf("  Terms                       %6d %s (%d years)\n", t->terms,
               frequency_name(t->terms_per_year), years);
    if (t->interest_only_terms)
        printf("  Interest-only terms         %20d\n", t->interest_only_terms);
    printf("  Term fee (termingebyr)      %20s kr\n", cli_nor(a[0], t->term_fee));
    printf("  Establishment fee           %20s kr\n", cli_nor(a[0], t->establishment_fee));
    printf("  Payment rounded to          %20s\n",
           t->payment_rounding.unit == SL_UNIT_KRONE ? "whole kroner" : "the øre");
    printf("  Rounding mode               %20s\n", sl_round_mode_name(t->payment_rounding.mode));
    printf("  First payment (terminbeløp) %20s kr\n\n", cli_nor(a[0], r.payment));

    char ev[256], days[16];
    printf("%5s  %-10s  %18s  %13s  %13s  %8s  %13s  %18s  %4s  %8s  %s\n", "Term", "Due date",
           "Opening balance", "Interest", "Principal", "Fee", "Payment", "Closing balance",
           "Days", "Rate", "Event");
    while (rc == 1) {
        snprintf(days, sizeof days, "%d", r.days);
        printf("%5d  %-10s  %18s  %13s  %13s  %8s  %13s  %18s  %4s  %8s  %s\n", r.term,
               cli_date_text(d, r.due_date), cli_nor(a[0], r.opening_balance),
               cli_nor(a[1], r.interest), cli_nor(a[2], r.principal), cli_nor(a[3], r.fee),
               cli_nor(a[4], r.payment), cli_nor(a[5], r.closing_balance),
               r.due_date.year ? days : "", cli_rate_text(rate, r.rate, ','),
               cli_events_text(ev, sizeof ev, r.events, ", "));
        rc = sl_plan_next(plan, &r);
    }
    check_row(rc);
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    printf("\nTotals over %d terms\n", tot.terms);
    printf("  Interest (renter)           %20s kr\n", cli_nor(a[0], tot.interest));
    printf("  Principal (avdrag)          %20s kr\n", cli_nor(a[0], tot.principal));
    printf("  Term fees                   %20s kr\n", cli_nor(a[0], tot.term_fees));
    printf("  Establishment fee           %20s kr\n", cli_nor(a[0], tot.establishment_fee));
    printf("  Total paid                  %20s kr\n", cli_nor(a[0], tot.paid));
    sl_settlement st;
    if (sl_plan_settlement(plan, &st) == SL_OK) {
        printf("\nSettlement (innfrielse) on %s\n", cli_date_text(d, st.date));
        printf("  Balance repaid              %20s kr\n", cli_nor(a[0], st.balance));
        printf("  Interest to the date        %20s kr\n", cli_nor(a[0], st.interest));
        printf("  Term fee                    %20s kr\n", cli_nor(a[0], st.fee));
        printf("  Over-/underkurs (%3d months)%20s kr\n", st.break_months,
               cli_nor(a[0], st.break_cost));
        printf("  Settlement amount           %20s kr\n", cli_nor(a[0], st.total));
    }
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"amount", required_argument, NULL, CLI_OPT_AMOUNT},
        CLI_LOAN_LONG_OPTIONS,
        {"due-day", required_argument, NULL, OPT_DUE_DAY},
        {"first-due", required_argument, NULL, OPT_FIRST_DUE},
        {"day-count", required_argument, NULL, OPT_DAY_COUNT},
        {"rate-change", required_argument, NULL, OPT_RATE_CHANGE},
        {"rate-change-keeps-payment", no_argument, NULL, OPT_KEEPS_PAYMENT},
        {"fixed", required_argument, NULL, OPT_FIXED},
        {"interest-only", required_argument, NULL, OPT_INTEREST_ONLY},
        {"interest-only-moves-end", no_argument, NULL, OPT_INTEREST_ONLY_MOVES_END},
        {"extra", required_argument, NULL, OPT_EXTRA},
        {"repay-all", required_argument, NULL, OPT_REPAY_ALL},
        {"market-rate", required_argument, NULL, OPT_MARKET_RATE},
        {"margin", required_argument, NULL, OPT_MARGIN},
        {"borrower", required_argument, NULL, OPT_BORROWER},
        {"special-case", no_argument, NULL, OPT_SPECIAL_CASE},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        {"help", no_argument, NULL, CLI_OPT_HELP},
        {"version", no_argument, NULL, CLI_OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    cli_loan loan;
    cli_loan_init(&loan);
    life life_opts;
    memset(&life_opts, 0, sizeof life_opts);
    sl_loan_terms_init(&life_opts.v2);
    cli_format format = CLI_TABLE;
    int have_amount = 0, loan_options = 0, opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (cli_loan_option(&loan, opt, optarg)) {
            have_amount |= opt == CLI_OPT_AMOUNT;
            loan_options++;
            continue;
        }
        if (life_option(&life_opts, opt, optarg)) {
            loan_options += opt != OPT_STRICT;
            continue;
        }
        switch (opt) {
        case CLI_OPT_FORMAT:
            format = cli_format_parse(optarg);
            break;
        case CLI_OPT_HELP:
            printf(usage, cli_loan_help, life_help);
            return 0;
        case CLI_OPT_VERSION:
            printf("sl-plan (startlan) %s\n", sl_version());
            return 0;
        case ':':
            cli_usage_error("%s needs a value", argv[optind - 1]);
        default:
            cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!have_amount) {
        if (loan_options)
            cli_usage_error("--amount is required when other loan options are given");
        builtin_example(&loan);
    }
    sl_loan_terms terms;
    cli_loan_finish(&loan, 0, &terms);
    life_apply(&life_opts, &terms);

    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, &terms, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    free(life_opts.changes); /* the plan keeps its own copies */
    free(life_opts.windows);
    free(life_opts.extras);
    report_findings(plan, life_opts.strict);
    if (format == CLI_CSV)
        print_csv(plan);
    else if (format == CLI_JSON)
        print_json(plan);
    else
        print_table(plan);
    sl_plan_free(plan);
    if (fflush(stdout) != 0)
        cli_die(1, "could not write the output");
    return 0;
}
