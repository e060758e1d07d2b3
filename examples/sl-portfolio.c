/* sl-portfolio: a kommune's book of start loans, exact to the øre.
 * Streams a CSV of loans; the library turns each row (and the loan's events
 * from --events) into a contract and walks the plan engine for the balance
 * at --as-of and the interest, principal and fees due in --from..--to; the
 * totals are exact sums. Nothing is kept per loan. --loan prints one loan's
 * rows, --group-by sums by year or loan type, --reconcile compares the
 * balances with a ledger export. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "book_files.h"
#include "cli.h"
#include "table_reader.h"

static const char *const usage = N_(
    "Usage: sl-portfolio --loans FILE --as-of DATE [--from DATE] [--to DATE] [options]\n"
    "\n"
    "Per loan and in total: the balance (restgjeld) at --as-of, and the interest,\n"
    "principal and fees falling due from --from to --to (both included).\n"
    "The loans file is CSV ('-': standard input) with the header\n"
    "  id,amount,rate,terms,terms_per_year,type,payout_date and optionally\n"
    "  term_fee, establishment_fee, interest_only_terms, margin, due_day,\n"
    "  first_due_date, day_count, fixed_years, fixed_rate, fixed_from, rate_history,\n"
    "  interest_only, rate_change_keeps_payment, borrower, round_to, rounding,\n"
    "  interest_only_moves_end, market_rate, special_case, years (instead of terms):\n"
    "  sl-plan's options of the same names (docs/portfolio.md)\n"
    "Dates as 2025-12-31 or 31.12.2025.\n"
    "\n"
    "  --loans FILE               the loans ('-': standard input)\n"
    "  --as-of DATE               date of the balance (required)\n"
    "  --to DATE                  last day of the period (default: --as-of)\n"
    "  --from DATE                first day of the period (default: 1 January of\n"
    "                             the year of --to)\n"
    "  --events FILE              the loans' dated events: id,date,kind,amount with\n"
    "                             kind extra, extra-shorten, rate-change (amount: the\n"
    "                             rate; +0.5 or -0.25 moves it by points),\n"
    "                             interest-only (amount: terms), repay-all\n"
    "  --rate-history NAME        the rate history of loans whose rate_history\n"
    "                             column is empty or absent\n"
    "  --loan ID                  that loan's rows for the period and its figures\n"
    "  --group-by year|type       totals by year of the period or by loan type\n"
    "  --reconcile LEDGER         compare the balances at --as-of with a ledger\n"
    "                             (id,balance): the loans that differ, to the øre\n"
    "  --on-error stop|skip       a bad row stops the run (default) or is skipped,\n"
    "                             reported and counted as skipped in the totals\n"
    "  --columns NAME=HEADER,...  name the header of a column explicitly\n"
    "  --totals-only              print only the totals\n"
    "  --format csv|json          output (default csv)\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet: ';', decimal comma, UTF-8 BOM, CRLF\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 every loan read (and, with --reconcile, every balance agrees),\n"
    "1 finished with skipped rows, differences or ids the book does not have,\n"
    "2 bad options or unreadable input (with --on-error stop: the first bad row).\n");

enum {
    OPT_LOANS = CLI_OPT_FIRST_FREE,
    OPT_AS_OF,
    OPT_FROM,
    OPT_TO,
    OPT_ON_ERROR,
    OPT_COLUMNS,
    OPT_TOTALS_ONLY,
    OPT_EVENTS,
    OPT_RATE_HISTORY,
    OPT_LOAN,
    OPT_GROUP_BY,
    OPT_RECONCILE
};

/* The loans file's columns: the id, the rate history's name, then the
 * library's book fields in their order (sl_book_field). */
enum { C_ID, C_HISTORY, C_FIELD0, C_COUNT = C_FIELD0 + SL_BOOK_FIELD_COUNT };

static const char *const a_id[] = {"lanenr", "lannr", "lannummer", "lanenummer", NULL};
static const char *const a_history[] = {"rentehistorikk", "rentekurve", NULL};
#define BOOK_COLUMN(f, name, required) \
    [C_FIELD0 + SL_BOOK_##f] = {name, NULL, required, table_book_header, SL_BOOK_##f}

static table_column columns[C_COUNT] = {
    [C_ID] = {"id", a_id, 1, NULL, 0},
    [C_HISTORY] = {"rate_history", a_history, 0, NULL, 0},
    BOOK_COLUMN(AMOUNT, "amount", 1),
    BOOK_COLUMN(RATE, "rate", 0),
    BOOK_COLUMN(TERMS, "terms", 0), /* or years: one of them (read_loan) */
    BOOK_COLUMN(TERMS_PER_YEAR, "terms_per_year", 1),
    BOOK_COLUMN(TYPE, "type", 1),
    BOOK_COLUMN(PAYOUT_DATE, "payout_date", 1),
    BOOK_COLUMN(TERM_FEE, "term_fee", 0),
    BOOK_COLUMN(ESTABLISHMENT_FEE, "establishment_fee", 0),
    BOOK_COLUMN(INTEREST_ONLY_TERMS, "interest_only_terms", 0),
    BOOK_COLUMN(MARGIN, "margin", 0),
    BOOK_COLUMN(DUE_DAY, "due_day", 0),
    BOOK_COLUMN(FIRST_DUE_DATE, "first_due_date", 0),
    BOOK_COLUMN(DAY_COUNT, "day_count", 0),
    BOOK_COLUMN(FIXED_YEARS, "fixed_years", 0),
    BOOK_COLUMN(FIXED_RATE, "fixed_rate", 0),
    BOOK_COLUMN(FIXED_FROM, "fixed_from", 0),
    BOOK_COLUMN(INTEREST_ONLY, "interest_only", 0),
    BOOK_COLUMN(RATE_CHANGE_KEEPS_PAYMENT, "rate_change_keeps_payment", 0),
    BOOK_COLUMN(BORROWER, "borrower", 0),
    BOOK_COLUMN(ROUND_TO, "round_to", 0),
    BOOK_COLUMN(ROUNDING, "rounding", 0),
    BOOK_COLUMN(INTEREST_ONLY_MOVES_END, "interest_only_moves_end", 0),
    BOOK_COLUMN(MARKET_RATE, "market_rate", 0),
    BOOK_COLUMN(SPECIAL_CASE, "special_case", 0),
    BOOK_COLUMN(YEARS, "years", 0),
    BOOK_COLUMN(ESTABLISHMENT_FEE_FINANCED, "establishment_fee_financed", 0),
};
#define C_TERMS (C_FIELD0 + SL_BOOK_TERMS)
#define C_YEARS (C_FIELD0 + SL_BOOK_YEARS)

/* ---- the run's settings and state ---- */

typedef enum mode { MODE_LOANS, MODE_LOAN, MODE_YEAR, MODE_TYPE, MODE_RECONCILE } mode;

typedef struct run {
    const char *path;
    cli_format format;
    int totals_only, skip, first;
    mode mode;
    const char *loan_id; /* --loan */
    sl_date as_of, from, to;
    book_file events, ledger;
    int have_events, have_ledger;
    const char *default_history;
    sl_portfolio_totals *tot;
    sl_plan_cache *cache; /* annuity factors shared by the loans (one rate history: few) */
    /* --group-by: one accumulator per year of the period or per loan type */
    sl_portfolio_totals **groups;
    sl_period *periods;
    sl_loan_figures *period_figures;
    size_t ngroups;
    /* --reconcile: book, ledger and difference sums; differing loans listed */
    sl_portfolio_totals *rec[3];
    long long listed;
    /* events whose loan id the book does not have: findings */
    book_entry **unknown_events;
    size_t n_unknown_events;
    long loan_line; /* --loan: where the loan was found */
    json_t *loan_json; /* --loan --format json: printed once the events are all claimed */
    json_t *loan_findings; /* --loan: the loan's rule findings and its history's end */
    const char *loan_history; /* --loan: the history the loan follows (NULL: none) */
} run;

/* A bad row: where and why. */
typedef struct row_problem {
    const char *path;
    long line, column;
    char message[700]; /* English: JSON's "error" is the same in every language */
    char human[700];   /* for stderr in the output's language; "": message */
} row_problem;

static const char *reason_of(const sl_error *err)
{
    const char *r = strstr(err->message, ": ");
    return r ? r + 2 : err->message;
}

static int problem(row_problem *p, const run *R, const table_reader *t, int col,
                   const char *value, const char *why)
{
    p->path = R->path;
    p->line = table_line(t);
    p->column = table_field_column(t, (size_t)col);
    snprintf(p->message, sizeof p->message, "column %ld (%s): '%.200s': %s", p->column,
             columns[col].name, value ? value : "", why);
    return -1;
}

/* ---- rate histories: each named history read once ---- */

typedef struct history {
    char *name;
    sl_rate_history *history;
    int warned; /* its end before the period's end said once */
} history;

static history *histories;
static size_t nhistories;

/* The history called name: one the library ships (husbanken-floating) or a
 * file. Exits 2 naming the file, line and column when it cannot be read. */
static history *history_get(const char *name)
{
    for (size_t i = 0; i < nhistories; i++)
        if (strcmp(histories[i].name, name) == 0)
            return &histories[i];
    history *h = realloc(histories, (nhistories + 1) * sizeof *h);
    if (!h)
        cli_die(1, _("out of memory"));
    histories = h;
    h = &histories[nhistories];
    sl_error err;
    int rc = sl_rate_history_builtin_text(name) ? sl_rate_history_builtin(&h->history, name, &err)
                                                : sl_rate_history_load(&h->history, name, &err);
    if (rc != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("rate history %s: %s"), name, err.message);
    h->name = strdup(name);
    if (!h->name)
        cli_die(1, _("out of memory"));
    h->warned = 0;
    nhistories++;
    return h;
}

/* A history that ends before the figures do: its last rate is assumed to
 * hold, as sl-plan assumes it; said once per history. */
static void history_end_warning(history *h, sl_date until)
{
    sl_date end = sl_rate_history_end(h->history);
    if (h->warned || !end.year || sl_date_compare(end, until) > 0)
        return;
    h->warned = 1;
    char d[CLI_HUMAN_BUFSIZE];
    cli_note(_("warning: the rate history %s ends on %s: the figures assume its last rate "
               "stays from then"),
             h->name, cli_date_human(d, end));
}

static void histories_free(void)
{
    for (size_t i = 0; i < nhistories; i++) {
        free(histories[i].name);
        sl_rate_history_free(histories[i].history);
    }
    free(histories);
}

/* ---- one loan: the row and its events into a contract ---- */

/* The events of id, claimed by the loan on the book's line; a second loan
 * with the same id cannot be told apart, so it is a bad row. */
static int add_events(sl_book_loan *bl, run *R, const table_reader *t, const char *id,
                      row_problem *p)
{
    if (!R->have_events)
        return 0;
    book_entry *e;
    size_t n = book_file_find(&R->events, id, &e);
    for (size_t i = 0; i < n; i++) {
        if (e[i].book_line && e[i].book_line != table_line(t)) {
            char why[300];
            snprintf(why, sizeof why, "the same id as line %ld; %s cannot tell them apart",
                     e[i].book_line, R->events.path);
            return problem(p, R, t, C_ID, id, why);
        }
        e[i].book_line = table_line(t);
        if (sl_book_loan_add_event(bl, &e[i].event) != SL_OK)
            cli_die(1, _("out of memory"));
    }
    return 0;
}

/* --loan reads only its loan; the events of the others are theirs all the same. */
static void claim_events(run *R, const char *id, long line)
{
    book_entry *e;
    size_t n = R->have_events && id ? book_file_find(&R->events, id, &e) : 0;
    for (size_t i = 0; i < n; i++)
        e[i].book_line = line;
}

/* Read the current row into a plan of its contract (*plan, the caller's to free). */
static int read_loan(sl_plan **plan, sl_book_loan *bl, run *R, const table_reader *t,
                     row_problem *p)
{
    sl_book_loan_clear(bl);
    const char *id = table_field(t, C_ID);
    if (!id || !*id)
        return problem(p, R, t, C_ID, "", "empty");
    sl_error err;
    const char *terms_text = table_field(t, C_TERMS), *years_text = table_field(t, C_YEARS);
    if ((!terms_text || !*terms_text) && (!years_text || !*years_text))
        return problem(p, R, t, terms_text ? C_TERMS : C_YEARS, "", "empty (and no years)");
    for (int f = 0; f < SL_BOOK_FIELD_COUNT; f++) {
        const char *v = table_field(t, (size_t)(C_FIELD0 + f));
        if (columns[C_FIELD0 + f].required && (!v || !*v))
            return problem(p, R, t, C_FIELD0 + f, "", "empty");
        if (sl_book_loan_set(bl, (sl_book_field)f, v, &err) != SL_OK)
            return problem(p, R, t, C_FIELD0 + f, v, reason_of(&err));
    }
    const char *h = table_field(t, C_HISTORY);
    if (!h || !*h)
        h = R->default_history;
    sl_date until = sl_date_compare(R->as_of, R->to) > 0 ? R->as_of : R->to;
    if (R->mode == MODE_LOAN)
        R->loan_history = h;
    if (h) {
        history *hist = history_get(h);
        if (sl_book_loan_set_rate_history(bl, hist->history, hist->name) != SL_OK)
            cli_die(1, _("the rate history could not be set"));
        history_end_warning(hist, until);
    }
    if (add_events(bl, R, t, id, p) < 0)
        return -1;
    if (sl_book_loan_plan(plan, bl, until, &err) == SL_OK)
        return 0;
    if (strcmp(err.field, "events") == 0 && err.line) {
        p->path = R->events.path;
        p->line = err.line;
        p->column = R->events.date_column;
        snprintf(p->message, sizeof p->message, "column %ld (date), loan '%.100s' (%s line %ld): %s",
                 p->column, id, R->path, table_line(t), err.message);
        return -1;
    }
    sl_book_field f;
    int col = sl_book_field_lookup(&f, err.field) == SL_OK ? C_FIELD0 + (int)f
              : strcmp(err.field, "rate_history") == 0 ? C_HISTORY
                                                        : C_ID;
    const char *v = table_field(t, (size_t)col);
    return problem(p, R, t, col, v && *v ? v : err.value, reason_of(&err));
}

/* ---- output ---- */

static void csv_text(const char *s)
{
    if (strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else {
        fputs(s, stdout);
    }
}

static void json_element(run *R, json_t *obj)
{
    char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(obj);
    if (!text)
        cli_die(1, _("out of memory"));
    printf("%s\n    %s", R->first ? "" : ",", text);
    R->first = 0;
    free(text);
}

static json_t *figures_json(const sl_loan_figures *f)
{
    json_t *j = json_object();
    json_object_set_new(j, "balance", cli_json_money(f->balance));
    json_object_set_new(j, "interest", cli_json_money(f->interest));
    json_object_set_new(j, "principal", cli_json_money(f->principal));
    json_object_set_new(j, "term_fees", cli_json_money(f->term_fees));
    json_object_set_new(j, "establishment_fee", cli_json_money(f->establishment_fee));
    json_object_set_new(j, "fees", cli_json_money(f->fees));
    json_object_set_new(j, "terms_due", json_integer(f->terms_due));
    return j;
}

static void print_loan(run *R, const table_reader *t, const sl_loan_figures *f)
{
    if (R->totals_only)
        return;
    const char *id = table_field(t, C_ID);
    char a[6][SL_MONEY_BUFSIZE];
    if (R->format == CLI_CSV) {
        csv_text(id);
        printf(",1,0,%s,%s,%s,%s,%s,%s\n", cli_plain(a[0], f->balance),
               cli_plain(a[1], f->interest), cli_plain(a[2], f->principal),
               cli_plain(a[3], f->term_fees), cli_plain(a[4], f->establishment_fee),
               cli_plain(a[5], f->fees));
        return;
    }
    json_t *j = json_object();
    json_object_set_new(j, "line", json_integer(table_line(t)));
    json_object_set_new(j, "id", json_string(id));
    json_t *figures = figures_json(f);
    json_object_update(j, figures);
    json_decref(figures);
    json_element(R, j);
}

static void print_skipped(run *R, const char *id, long line, const char *message)
{
    if (R->totals_only || R->mode != MODE_LOANS)
        return;
    if (R->format == CLI_CSV) {
        csv_text(id ? id : "");
        printf(",0,1,,,,,,\n");
        return;
    }
    json_t *j = json_object();
    json_object_set_new(j, "line", json_integer(line));
    json_t *id_json = id ? json_string(id) : NULL; /* NULL too when id is not UTF-8 */
    json_object_set_new(j, "id", id_json ? id_json : json_null());
    json_object_set_new(j, "skipped", json_true());
    json_object_set_new(j, "error", json_string(message));
    json_element(R, j);
}

static const sl_portfolio_item items[] = {
    SL_PORTFOLIO_BALANCE,   SL_PORTFOLIO_INTEREST,           SL_PORTFOLIO_PRINCIPAL,
    SL_PORTFOLIO_TERM_FEES, SL_PORTFOLIO_ESTABLISHMENT_FEES, SL_PORTFOLIO_FEES,
};
static const char *const item_names[] = {"balance",   "interest",           "principal",
                                         "term_fees", "establishment_fees", "fees"};

static const char *total_text(char buf[SL_PORTFOLIO_BUFSIZE], const sl_portfolio_totals *tot,
                              sl_portfolio_item item)
{
    if (sl_portfolio_totals_format(buf, SL_PORTFOLIO_BUFSIZE, tot, item) < 0)
        cli_die(1, _("a total could not be formatted"));
    return buf;
}

/* One CSV line of totals after the label (the loans and skipped counts first). */
static void csv_totals(const char *label, const sl_portfolio_totals *tot)
{
    char buf[SL_PORTFOLIO_BUFSIZE];
    printf("%s,%" PRId64 ",%" PRId64, label, sl_portfolio_totals_loans(tot),
           sl_portfolio_totals_skipped(tot));
    for (size_t i = 0; i < 6; i++)
        printf(",%s", total_text(buf, tot, items[i]));
    printf("\n");
}

static void json_totals_body(const sl_portfolio_totals *tot, const char *indent)
{
    char buf[SL_PORTFOLIO_BUFSIZE];
    printf("%s\"loans\": %" PRId64 ",\n%s\"skipped\": %" PRId64, indent,
           sl_portfolio_totals_loans(tot),
           indent, sl_portfolio_totals_skipped(tot));
    for (size_t i = 0; i < 6; i++)
        printf(",\n%s\"%s\": \"%s\"", indent, item_names[i], total_text(buf, tot, items[i]));
}

static void print_findings(const run *R);

static void print_totals(run *R)
{
    if (R->format == CLI_CSV) {
        csv_totals("TOTAL", R->tot);
        return;
    }
    print_findings(R);
    printf("  \"totals\": {\n");
    json_totals_body(R->tot, "    ");
    printf("\n  }\n}\n");
}

/* ---- --group-by ---- */

static const char *group_label(char buf[32], const run *R, size_t i)
{
    if (R->mode == MODE_YEAR)
        snprintf(buf, 32, "%d", R->periods[i].from.year);
    else
        snprintf(buf, 32, "%s", sl_loan_type_name((sl_loan_type)i));
    return buf;
}

static void groups_open(run *R)
{
    R->ngroups = R->mode == MODE_YEAR ? (size_t)(R->to.year - R->from.year + 1) : 2;
    R->groups = calloc(R->ngroups, sizeof *R->groups);
    R->periods = calloc(R->ngroups, sizeof *R->periods);
    R->period_figures = calloc(R->ngroups, sizeof *R->period_figures);
    if (!R->groups || !R->periods || !R->period_figures)
        cli_die(1, _("out of memory"));
    for (size_t i = 0; i < R->ngroups; i++) {
        if (sl_portfolio_totals_new(&R->groups[i]) != SL_OK)
            cli_die(1, _("out of memory"));
        int y = R->from.year + (int)i;
        R->periods[i].from = i == 0 ? R->from : (sl_date){y, 1, 1};
        R->periods[i].to = i + 1 == R->ngroups ? R->to : (sl_date){y, 12, 31};
    }
}

static void print_groups(run *R)
{
    char label[32], buf[SL_PORTFOLIO_BUFSIZE];
    const char *key = R->mode == MODE_YEAR ? "year" : "type";
    if (R->format == CLI_CSV) {
        printf("%s,loans,skipped,balance,interest,principal,term_fees,establishment_fees,fees\n",
               key);
        for (size_t i = 0; i < R->ngroups; i++)
            csv_totals(group_label(label, R, i), R->groups[i]);
        return;
    }
    printf("  \"groups\": [");
    for (size_t i = 0; i < R->ngroups; i++) {
        printf("%s\n    {\"%s\": ", i ? "," : "", key);
        if (R->mode == MODE_YEAR)
            printf("%s", group_label(label, R, i));
        else
            printf("\"%s\"", group_label(label, R, i));
        printf(", \"loans\": %" PRId64, sl_portfolio_totals_loans(R->groups[i]));
        for (size_t k = 0; k < 6; k++)
            printf(", \"%s\": \"%s\"", item_names[k], total_text(buf, R->groups[i], items[k]));
        printf("}");
    }
    printf("\n  ],\n");
}

/* ---- --loan ---- */

/* The loan's findings: Husbanken's rules on its contract (as sl-plan warns of
 * them) and a rate history that ends before the figures do, on standard
 * error in every format and kept for JSON's "findings". */
static void loan_findings(run *R, const sl_plan *plan)
{
    const sl_finding *f;
    size_t n;
    sl_plan_findings(plan, &f, &n);
    cli_findings_report(plan, 0);
    R->loan_findings = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *j = json_object();
        const char *name = sl_finding_name(f[i].code);
        json_object_set_new(j, "kind", json_string(name ? name : "rule"));
        json_object_set_new(j, "field", json_string(f[i].field));
        json_object_set_new(j, "message", json_string(f[i].message));
        json_array_append_new(R->loan_findings, j);
    }
    history *h = R->loan_history ? history_get(R->loan_history) : NULL;
    sl_date end = h ? sl_rate_history_end(h->history) : (sl_date){0, 0, 0};
    sl_date until = sl_date_compare(R->as_of, R->to) > 0 ? R->as_of : R->to;
    if (end.year && sl_date_compare(end, until) <= 0) {
        char d[SL_DATE_BUFSIZE], m[300];
        snprintf(m, sizeof m, "the rate history ends on %s: the figures assume its last rate "
                              "stays from then", cli_date_text(d, end));
        json_t *j = json_object();
        json_object_set_new(j, "kind", json_string("rate-history-ends"));
        json_object_set_new(j, "field", json_string("rate_history"));
        json_t *name = json_string(h->name); /* NULL when not UTF-8 */
        json_object_set_new(j, "history", name ? name : json_null());
        json_object_set_new(j, "date", json_string(cli_date_text(d, end)));
        json_object_set_new(j, "message", json_string(m));
        json_array_append_new(R->loan_findings, j);
    }
}

/* The finding for an event whose loan the book does not have. */
static json_t *unknown_event_json(const run *R, const book_entry *e)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string("event-for-unknown-loan"));
    json_object_set_new(j, "file", json_string(R->events.path));
    json_object_set_new(j, "line", json_integer(e->line));
    json_t *id = json_string(e->id); /* NULL when not UTF-8 */
    json_object_set_new(j, "id", id ? id : json_null());
    json_object_set_new(j, "message", json_string("the loan is not in the book; event not "
                                                  "applied"));
    return j;
}

/* JSON of --loan, once every event has found its loan: "findings" holds the
 * loan's own (rules, its history's end) and the events naming loans the
 * book does not have, as the other modes list them. */
static void print_loan_json(run *R)
{
    json_t *all = R->loan_findings ? R->loan_findings : json_array();
    R->loan_findings = NULL;
    for (size_t i = 0; i < R->n_unknown_events; i++) {
        json_t *j = unknown_event_json(R, R->unknown_events[i]);
        json_array_append_new(all, j);
    }
    json_object_set_new(R->loan_json, "findings", all);
    cli_json_print(R->loan_json);
    R->loan_json = NULL;
}

static void print_rows(run *R, const sl_loan_terms *terms, const sl_loan_figures *f,
                       const table_reader *t)
{
    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, terms, &err) != SL_OK)
        cli_die(1, _("the plan could not be computed: %s"), err.message);
    sl_date last = sl_date_compare(R->as_of, R->to) > 0 ? R->as_of : R->to;
    char d[SL_DATE_BUFSIZE];
    json_t *rows = json_array();
    if (R->format == CLI_CSV)
        cli_row_csv_header();
    sl_plan_row r;
    int rc;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        if (sl_date_compare(r.due_date, last) > 0)
            break;
        if (sl_date_compare(r.due_date, R->from) < 0)
            continue;
        if (R->format == CLI_CSV) {
            cli_row_csv(&r);
            continue;
        }
        json_t *row = cli_row_json(&r);
        json_object_set_new(row, "in_period", json_boolean(sl_date_compare(r.due_date, R->to) <= 0));
        json_array_append_new(rows, row);
    }
    loan_findings(R, plan);
    sl_settlement st; /* a full repayment among the rows printed: its over-/underkurs too */
    int settled = rc >= 0 && sl_plan_settlement(plan, &st) == SL_OK &&
                  sl_date_compare(st.date, last) <= 0 && sl_date_compare(st.date, R->from) >= 0;
    sl_plan_free(plan);
    if (rc < 0)
        cli_die(1, _("the plan could not be computed: %s"), sl_strerror(rc));
    if (R->format == CLI_CSV) {
        json_decref(rows);
        return;
    }
    json_t *root = json_object();
    json_object_set_new(root, "id", json_string(R->loan_id));
    json_object_set_new(root, "line", json_integer(table_line(t)));
    json_object_set_new(root, "as_of", json_string(cli_date_text(d, R->as_of)));
    json_object_set_new(root, "from", json_string(cli_date_text(d, R->from)));
    json_object_set_new(root, "to", json_string(cli_date_text(d, R->to)));
    json_object_set_new(root, "payout_date", json_string(cli_date_text(d, terms->payout_date)));
    json_object_set_new(root, "figures", figures_json(f));
    json_object_set_new(root, "schedule", rows);
    if (settled)
        json_object_set_new(root, "settlement", cli_settlement_json(&st));
    R->loan_json = root; /* "findings" added at the end (events for other ids too) */
}

/* ---- --reconcile ---- */

static void rec_add(run *R, int which, sl_money v)
{
    sl_loan_figures f;
    memset(&f, 0, sizeof f);
    f.balance = v;
    sl_portfolio_totals_add(R->rec[which], &f);
}

static void print_difference(run *R, const char *id, const char *status, long line,
                             long ledger_line, const sl_money *book, const sl_money *ledger)
{
    sl_money diff = (ledger ? *ledger : 0) - (book ? *book : 0); /* both within ±10^14 */
    rec_add(R, 2, diff);
    R->listed++;
    char a[3][SL_MONEY_BUFSIZE];
    if (R->format == CLI_CSV) {
        csv_text(id);
        printf(",%s,%s,%s,%s\n", status, book ? cli_plain(a[0], *book) : "",
               ledger ? cli_plain(a[1], *ledger) : "", cli_plain(a[2], diff));
        return;
    }
    json_t *j = json_object();
    json_t *id_json = json_string(id); /* NULL when id is not UTF-8 */
    json_object_set_new(j, "id", id_json ? id_json : json_null());
    json_object_set_new(j, "status", json_string(status));
    json_object_set_new(j, "line", line ? json_integer(line) : json_null());
    json_object_set_new(j, "ledger_line", ledger_line ? json_integer(ledger_line) : json_null());
    json_object_set_new(j, "book", book ? cli_json_money(*book) : json_null());
    json_object_set_new(j, "ledger", ledger ? cli_json_money(*ledger) : json_null());
    json_object_set_new(j, "difference", cli_json_money(diff));
    json_element(R, j);
}

static int reconcile_loan(run *R, const table_reader *t, const sl_loan_figures *f,
                          row_problem *p)
{
    const char *id = table_field(t, C_ID);
    book_entry *e;
    size_t n = book_file_find(&R->ledger, id, &e);
    rec_add(R, 0, f->balance);
    if (!n) {
        if (f->balance != 0)
            print_difference(R, id, "not-in-ledger", table_line(t), 0, &f->balance, NULL);
        return 0;
    }
    if (e->book_line && e->book_line != table_line(t)) {
        char why[300];
        snprintf(why, sizeof why, "the same id as line %ld; %s cannot tell them apart",
                 e->book_line, R->ledger.path);
        return problem(p, R, t, C_ID, id, why);
    }
    e->book_line = table_line(t);
    rec_add(R, 1, e->balance);
    if (e->balance != f->balance)
        print_difference(R, id, "differs", table_line(t), e->line, &f->balance, &e->balance);
    return 0;
}

static void print_reconcile_totals(run *R)
{
    size_t n;
    book_entry **unknown = book_file_unclaimed(&R->ledger, &n);
    if (!unknown)
        cli_die(1, _("out of memory"));
    for (size_t i = 0; i < n; i++) {
        rec_add(R, 1, unknown[i]->balance);
        print_difference(R, unknown[i]->id, "not-in-book", 0, unknown[i]->line, NULL,
                         &unknown[i]->balance);
        cli_note(_("%s: line %ld: loan '%s' is not in the book %s"), R->ledger.path,
                 unknown[i]->line, unknown[i]->id, R->path);
    }
    free(unknown);
    char b[3][SL_PORTFOLIO_BUFSIZE];
    for (int i = 0; i < 3; i++)
        total_text(b[i], R->rec[i], SL_PORTFOLIO_BALANCE);
    if (R->format == CLI_CSV) {
        printf("TOTAL,%lld,%s,%s,%s\n", R->listed, b[0], b[1], b[2]);
        return;
    }
    printf("\n  ],\n");
    print_findings(R);
    printf("  \"totals\": {\n    \"loans\": %" PRId64 ",\n    \"skipped\": %" PRId64 ",\n"
           "    \"ledger_entries\": %zu,\n    \"listed\": %lld,\n    \"book\": \"%s\",\n"
           "    \"ledger\": \"%s\",\n    \"difference\": \"%s\"\n  }\n}\n",
           sl_portfolio_totals_loans(R->tot), sl_portfolio_totals_skipped(R->tot),
           R->ledger.count, R->listed, b[0], b[1], b[2]);
}

/* ---- the run ---- */

static void start_output(run *R)
{
    char d[3][SL_DATE_BUFSIZE];
    if (R->mode == MODE_LOAN)
        return;
    if (R->format == CLI_CSV) {
        if (R->mode == MODE_RECONCILE)
            puts("id,status,book,ledger,difference");
        else if (R->mode == MODE_LOANS)
            puts("id,loans,skipped,balance,interest,principal,term_fees,establishment_fees,"
                 "fees");
        return;
    }
    printf("{\n  \"as_of\": \"%s\",\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n",
           cli_date_text(d[0], R->as_of), cli_date_text(d[1], R->from),
           cli_date_text(d[2], R->to));
    if (R->mode == MODE_RECONCILE) {
        json_t *path = json_string(R->ledger.path);
        char *text = path ? json_dumps(path, JSON_ENCODE_ANY) : NULL;
        printf("  \"ledger\": %s,\n  \"differences\": [", text ? text : "null");
        free(text);
        json_decref(path);
    } else if (R->mode == MODE_LOANS && !R->totals_only)
        printf("  \"loans\": [");
}

/* The figures of one loan into the totals (and groups, reconciliation). */
static int account(run *R, const table_reader *t, sl_plan *plan, row_problem *p)
{
    const sl_loan_terms *terms = sl_plan_terms(plan);
    sl_loan_figures f;
    sl_error err;
    sl_plan_use_cache(plan, R->cache);
    if (sl_plan_figures(&f, plan, R->as_of, R->from, R->to, &err) != SL_OK)
        goto bad;
    if (R->mode == MODE_YEAR) {
        if (sl_plan_figures_periods(R->period_figures, plan, R->periods, R->ngroups, &err) !=
            SL_OK)
            goto bad;
        /* a year counts the loans paid out by its end */
        for (size_t i = 0; i < R->ngroups; i++)
            if (sl_date_compare(terms->payout_date, R->periods[i].to) <= 0)
                sl_portfolio_totals_add(R->groups[i], &R->period_figures[i]);
    } else if (R->mode == MODE_TYPE) {
        sl_portfolio_totals_add(R->groups[terms->type == SL_LOAN_SERIAL], &f);
    } else if (R->mode == MODE_RECONCILE && reconcile_loan(R, t, &f, p) < 0) {
        return -1;
    }
    sl_portfolio_totals_add(R->tot, &f);
    if (R->mode == MODE_LOANS)
        print_loan(R, t, &f);
    if (R->mode == MODE_LOAN)
        print_rows(R, terms, &f, t);
    return 0;
bad:
    p->path = R->path;
    p->line = table_line(t);
    snprintf(p->message, sizeof p->message, "%s", err.message);
    return -1;
}

/* Events for ids the book does not have: findings on stderr, kept for the
 * JSON output's "findings". Returns their number. */
static size_t report_unknown_events(run *R)
{
    if (!R->have_events)
        return 0;
    size_t n;
    book_entry **unknown = book_file_unclaimed(&R->events, &n);
    if (!unknown)
        cli_die(1, _("out of memory"));
    for (size_t i = 0; i < n; i++)
        cli_note(_("%s: line %ld: loan '%s' is not in the book %s; event not applied"),
                 R->events.path, unknown[i]->line, unknown[i]->id, R->path);
    R->unknown_events = unknown;
    R->n_unknown_events = n;
    return n;
}

/* JSON: "findings", the events naming loans the book does not have (with
 * --events; an empty list when every event found its loan). */
static void print_findings(const run *R)
{
    if (R->format != CLI_JSON || !R->have_events)
        return;
    printf("  \"findings\": [");
    for (size_t i = 0; i < R->n_unknown_events; i++) {
        json_t *j = unknown_event_json(R, R->unknown_events[i]);
        char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        printf("%s\n    %s", i ? "," : "", text ? text : "null");
        free(text);
        json_decref(j);
    }
    printf("%s],\n", R->n_unknown_events ? "\n  " : "");
}

static void load_side_file(book_file *f, const char *path, int ledger, const char *option)
{
    book_file_error e;
    if ((ledger ? book_ledger_load(f, path, &e) : book_events_load(f, path, &e)) == 0)
        return;
    if (e.line && e.column && e.value[0])
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld, column %ld: '%s': %s"), path, e.line, e.column,
                e.value, e.message);
    if (e.line && e.column)
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld, column %ld: %s"), path, e.line, e.column,
                e.message);
    if (e.line)
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld: %s"), path, e.line, e.message);
    cli_die(CLI_EXIT_USAGE, "%s '%s': %s", option, path, e.message);
}

static void set_mode(run *R, mode m, const char *option)
{
    if (R->mode != MODE_LOANS && R->mode != m)
        cli_usage_error(_("%s: only one of --loan, --group-by and --reconcile"), option);
    R->mode = m;
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"loans", required_argument, NULL, OPT_LOANS},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"on-error", required_argument, NULL, OPT_ON_ERROR},
        {"columns", required_argument, NULL, OPT_COLUMNS},
        {"totals-only", no_argument, NULL, OPT_TOTALS_ONLY},
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        {"events", required_argument, NULL, OPT_EVENTS},
        {"rate-history", required_argument, NULL, OPT_RATE_HISTORY},
        {"loan", required_argument, NULL, OPT_LOAN},
        {"group-by", required_argument, NULL, OPT_GROUP_BY},
        {"reconcile", required_argument, NULL, OPT_RECONCILE},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    run R;
    memset(&R, 0, sizeof R);
    R.format = CLI_CSV;
    R.first = 1;
    const char *mapping = NULL, *events_path = NULL, *ledger_path = NULL;
    int have_as_of = 0, have_from = 0, have_to = 0, opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        switch (opt) {
        case OPT_LOANS:
            R.path = optarg;
            break;
        case OPT_AS_OF:
            R.as_of = cli_date("--as-of", optarg);
            have_as_of = 1;
            break;
        case OPT_FROM:
            R.from = cli_date("--from", optarg);
            have_from = 1;
            break;
        case OPT_TO:
            R.to = cli_date("--to", optarg);
            have_to = 1;
            break;
        case OPT_ON_ERROR:
            if (strcmp(optarg, "skip") == 0)
                R.skip = 1;
            else if (strcmp(optarg, "stop") == 0)
                R.skip = 0;
            else
                cli_die(CLI_EXIT_USAGE, _("--on-error '%s': must be stop or skip"), optarg);
            break;
        case OPT_COLUMNS:
            mapping = optarg;
            break;
        case OPT_TOTALS_ONLY:
            R.totals_only = 1;
            break;
        case CLI_OPT_FORMAT:
            R.format = cli_format_parse(optarg);
            if (R.format == CLI_TABLE)
                cli_usage_error(_("--format 'table': must be csv or json"));
            break;
        case OPT_EVENTS:
            events_path = optarg;
            break;
        case OPT_RATE_HISTORY:
            R.default_history = optarg;
            break;
        case OPT_LOAN:
            set_mode(&R, MODE_LOAN, "--loan");
            R.loan_id = optarg;
            break;
        case OPT_GROUP_BY:
            if (strcmp(optarg, "year") == 0)
                set_mode(&R, MODE_YEAR, "--group-by");
            else if (strcmp(optarg, "type") == 0)
                set_mode(&R, MODE_TYPE, "--group-by");
            else
                cli_die(CLI_EXIT_USAGE, _("--group-by '%s': must be year or type"), optarg);
            break;
        case OPT_RECONCILE:
            set_mode(&R, MODE_RECONCILE, "--reconcile");
            ledger_path = optarg;
            break;
        case CLI_OPT_CSV_STYLE:
            cli_csv_style_set(cli_csv_style_parse(optarg));
            break;
        default: /* --help, --version, or an error */
            cli_other_option(opt, argv, _(usage));
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    R.format = cli_csv_format(R.format);
    if (!R.path)
        cli_usage_error(_("--loans is required"));
    if (!have_as_of)
        cli_usage_error(_("--as-of is required"));
    if (!have_to)
        R.to = R.as_of;
    if (!have_from)
        R.from = (sl_date){R.to.year, 1, 1};
    if (sl_date_compare(R.from, R.to) > 0) {
        char a[SL_DATE_BUFSIZE], b[SL_DATE_BUFSIZE];
        cli_die(CLI_EXIT_USAGE, _("--from '%s': after --to %s"), cli_date_text(a, R.from),
                cli_date_text(b, R.to));
    }
    if (R.default_history)
        history_get(R.default_history);
    if (events_path) {
        load_side_file(&R.events, events_path, 0, "--events");
        R.have_events = 1;
    }
    if (ledger_path) {
        load_side_file(&R.ledger, ledger_path, 1, "--reconcile");
        R.have_ledger = 1;
    }

    table_error terr;
    table_reader *t;
    if (table_open(&t, R.path, columns, C_COUNT, mapping, 0, &terr) < 0) {
        if (terr.usage)
            cli_usage_error("%s", terr.message);
        if (terr.line && terr.column)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld, column %ld: %s"), R.path, terr.line,
                    terr.column, terr.message);
        if (terr.line)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld: %s"), R.path, terr.line, terr.message);
        cli_die(CLI_EXIT_USAGE, "--loans '%s': %s", R.path, terr.message);
    }
    if (!table_header(t, C_TERMS) && !table_header(t, C_YEARS))
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld: %s"), R.path, 1L,
                _("the header has no column 'terms' (nor 'years')"));
    if (sl_portfolio_totals_new(&R.tot) != SL_OK || sl_plan_cache_new(&R.cache) != SL_OK)
        cli_die(1, _("out of memory"));
    for (int i = 0; i < 3; i++)
        if (sl_portfolio_totals_new(&R.rec[i]) != SL_OK)
            cli_die(1, _("out of memory"));
    if (R.mode == MODE_YEAR || R.mode == MODE_TYPE)
        groups_open(&R);
    sl_book_loan *bl;
    if (sl_book_loan_new(&bl) != SL_OK)
        cli_die(1, _("out of memory"));

    /* Nothing reaches stdout unless the whole run succeeds. */
    cli_hold_stdout();
    if (R.format == CLI_CSV)
        cli_csv_begin(); /* inside the hold: ended before it is released */
    int started = 0, rc;
    long rows = 0;
    while ((rc = table_next(t, &terr)) != 0) {
        if (rc < 0 && !terr.recoverable)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld: %s"), R.path, terr.line, terr.message);
        if (!started) {
            started = 1;
            start_output(&R);
        }
        rows++;
        row_problem p;
        p.human[0] = '\0';
        const char *id = table_field(t, C_ID);
        if (rc < 0) {
            p.path = R.path;
            p.line = terr.line;
            snprintf(p.message, sizeof p.message, "column %ld: %s", terr.column, terr.english);
            snprintf(p.human, sizeof p.human, _("column %ld: %s"), terr.column, terr.message);
        } else {
            if (R.mode == MODE_LOAN && (!id || strcmp(id, R.loan_id) != 0)) {
                claim_events(&R, id, table_line(t));
                continue;
            }
            if (R.mode == MODE_LOAN && R.loan_line)
                cli_die(CLI_EXIT_USAGE, _("%s: line %ld: loan '%s' is also on line %ld"), R.path,
                        table_line(t), R.loan_id, R.loan_line);
            if (R.mode == MODE_LOAN)
                R.loan_line = table_line(t);
            sl_plan *plan = NULL;
            int ok = read_loan(&plan, bl, &R, t, &p) == 0 && account(&R, t, plan, &p) == 0;
            sl_plan_free(plan);
            if (ok)
                continue;
        }
        const char *why = p.human[0] ? p.human : p.message;
        if (!R.skip || R.mode == MODE_LOAN)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld, %s"), p.path, p.line, why);
        cli_note(_("%s: line %ld, %s; row skipped"), p.path, p.line, why);
        sl_portfolio_totals_skip(R.tot);
        print_skipped(&R, id, p.line, p.message);
    }
    table_close(t);
    sl_book_loan_free(bl);
    if (rows == 0)
        cli_die(CLI_EXIT_USAGE, _("%s: no loans after the header"), R.path);
    if (R.mode == MODE_LOAN && !R.loan_line)
        cli_die(CLI_EXIT_USAGE, _("--loan '%s': not in %s"), R.loan_id, R.path);
    size_t unknown = report_unknown_events(&R);
    if (R.mode == MODE_RECONCILE) {
        print_reconcile_totals(&R);
    } else if (R.mode == MODE_YEAR || R.mode == MODE_TYPE) {
        print_groups(&R);
        print_totals(&R);
    } else if (R.mode == MODE_LOANS) {
        if (R.format == CLI_JSON && !R.totals_only)
            printf("\n  ],\n");
        print_totals(&R);
    } else if (R.mode == MODE_LOAN && R.loan_json) {
        print_loan_json(&R);
    }
    json_decref(R.loan_findings);
    cli_csv_end();
    cli_release_stdout();
    int64_t skipped = sl_portfolio_totals_skipped(R.tot);
    long long listed = R.listed;
    sl_portfolio_totals_free(R.tot);
    sl_plan_cache_free(R.cache);
    for (int i = 0; i < 3; i++)
        sl_portfolio_totals_free(R.rec[i]);
    for (size_t i = 0; i < R.ngroups; i++)
        sl_portfolio_totals_free(R.groups[i]);
    free(R.groups);
    free(R.periods);
    free(R.period_figures);
    free(R.unknown_events);
    book_file_free(&R.events);
    book_file_free(&R.ledger);
    histories_free();
    return skipped || unknown || listed ? 1 : 0;
}
