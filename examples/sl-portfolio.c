/* sl-portfolio: a kommune's book of start loans, exact to the øre.
 * Streams a CSV of loans; for each loan the library walks the plan engine
 * to give the balance at --as-of and the interest, principal and fees due in
 * --from..--to; the totals are exact sums. Nothing is kept per loan. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table_reader.h"

static const char usage[] =
    "Usage: sl-portfolio --loans FILE --as-of YYYY-MM-DD [--from DATE] [--to DATE] [options]\n"
    "\n"
    "Per loan and in total: the balance (restgjeld) at --as-of, and the interest,\n"
    "principal and fees falling due from --from to --to (both included).\n"
    "The loans file is CSV ('-': standard input) with the header\n"
    "  id,amount,rate,terms,terms_per_year,type,payout_date[,term_fee]\n"
    "  [,establishment_fee][,interest_only_terms]\n"
    "\n"
    "  --loans FILE               the loans ('-': standard input)\n"
    "  --as-of DATE               date of the balance (required)\n"
    "  --to DATE                  last day of the period (default: --as-of)\n"
    "  --from DATE                first day of the period (default: 1 January of\n"
    "                             the year of --to)\n"
    "  --on-error stop|skip       a bad row stops the run (default) or is skipped,\n"
    "                             reported and counted as skipped in the totals\n"
    "  --columns NAME=HEADER,...  name the header of a column explicitly\n"
    "  --totals-only              print only the totals\n"
    "  --format csv|json          output (default csv)\n"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 every loan read, 1 finished with skipped rows,\n"
    "2 bad options or unreadable input (with --on-error stop: the first bad row).\n";

enum {
    OPT_LOANS = CLI_OPT_FIRST_FREE,
    OPT_AS_OF,
    OPT_FROM,
    OPT_TO,
    OPT_ON_ERROR,
    OPT_COLUMNS,
    OPT_TOTALS_ONLY
};

enum {
    C_ID,
    C_AMOUNT,
    C_RATE,
    C_TERMS,
    C_TPY,
    C_TYPE,
    C_PAYOUT,
    C_TERM_FEE,
    C_EST_FEE,
    C_IO_TERMS,
    C_COUNT
};

static const char *const a_id[] = {"lanenr", "lannr", "lannummer", NULL};
static const char *const a_amount[] = {"lanebelop", "belop", "principal", NULL};
static const char *const a_rate[] = {"rente", "nominellrente", NULL};
static const char *const a_terms[] = {"terminer", "antallterminer", NULL};
static const char *const a_tpy[] = {"terminerperar", NULL};
static const char *const a_type[] = {"lanetype", NULL};
static const char *const a_payout[] = {"utbetalingsdato", "utbetalt", NULL};
static const char *const a_term_fee[] = {"termingebyr", NULL};
static const char *const a_est_fee[] = {"etableringsgebyr", NULL};
static const char *const a_io[] = {"avdragsfrieterminer", NULL};

static const table_column columns[C_COUNT] = {
    {"id", a_id, 1},
    {"amount", a_amount, 1},
    {"rate", a_rate, 1},
    {"terms", a_terms, 1},
    {"terms_per_year", a_tpy, 1},
    {"type", a_type, 1},
    {"payout_date", a_payout, 1},
    {"term_fee", a_term_fee, 0},
    {"establishment_fee", a_est_fee, 0},
    {"interest_only_terms", a_io, 0},
};

static const struct {
    const char *field;
    int column;
} field_columns[] = {
    {"principal", C_AMOUNT},       {"nominal_rate", C_RATE},
    {"terms", C_TERMS},            {"terms_per_year", C_TPY},
    {"type", C_TYPE},              {"interest_only_terms", C_IO_TERMS},
    {"term_fee", C_TERM_FEE},      {"establishment_fee", C_EST_FEE},
    {"payout_date", C_PAYOUT},
};

/* A bad row: where and why. */
typedef struct row_problem {
    long line, column;
    char message[600];
} row_problem;

static int problem(row_problem *p, const table_reader *t, int col, const char *value,
                   const char *why)
{
    p->line = table_line(t);
    p->column = table_field_column(t, (size_t)col);
    snprintf(p->message, sizeof p->message, "column %ld (%s): '%.200s': %s", p->column,
             columns[col].name, value ? value : "", why);
    return -1;
}

static const char *reason_of(const sl_error *err)
{
    const char *r = strstr(err->message, ": ");
    return r ? r + 2 : err->message;
}

static int int_value(long *out, const table_reader *t, int col, long def, long min, long max,
                     row_problem *p)
{
    const char *v = table_field(t, (size_t)col);
    if (!v || !*v) {
        if (columns[col].required)
            return problem(p, t, col, "", "empty");
        *out = def;
        return 0;
    }
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < min || n > max)
        return problem(p, t, col, v, "not a whole number in range");
    *out = n;
    return 0;
}

static int money_value(sl_money *out, const table_reader *t, int col, row_problem *p)
{
    const char *v = table_field(t, (size_t)col);
    if (!v || !*v) {
        if (columns[col].required)
            return problem(p, t, col, "", "empty");
        *out = 0;
        return 0;
    }
    sl_error err;
    if (sl_money_parse(out, v, columns[col].name, &err) != SL_OK)
        return problem(p, t, col, v, reason_of(&err));
    return 0;
}

/* Read the current row into terms. 0 or -1 (p filled). */
static int read_loan(sl_loan_terms *terms, const table_reader *t, row_problem *p)
{
    sl_loan_terms_init(terms);
    const char *v = table_field(t, C_ID);
    if (!v || !*v)
        return problem(p, t, C_ID, "", "empty");
    if (money_value(&terms->principal, t, C_AMOUNT, p) < 0)
        return -1;
    v = table_field(t, C_RATE);
    sl_error err;
    if (!v || !*v)
        return problem(p, t, C_RATE, "", "empty");
    if (sl_rate_parse_percent(&terms->nominal_rate, v, "rate", &err) != SL_OK)
        return problem(p, t, C_RATE, v, reason_of(&err));
    long n;
    if (int_value(&n, t, C_TERMS, 0, 1, 100000, p) < 0)
        return -1;
    terms->terms = (int)n;
    if (int_value(&n, t, C_TPY, 12, 1, 12, p) < 0)
        return -1;
    terms->terms_per_year = (int)n;
    v = table_field(t, C_TYPE);
    if (!v || sl_loan_type_parse(&terms->type, v) != SL_OK)
        return problem(p, t, C_TYPE, v, "must be annuity or serial (annuitet, serie)");
    v = table_field(t, C_PAYOUT);
    if (!v || !*v)
        return problem(p, t, C_PAYOUT, "",
                       "empty: the balance and the period's figures need the payout date");
    if (sl_date_parse(&terms->payout_date, v, "payout_date", &err) != SL_OK)
        return problem(p, t, C_PAYOUT, v, reason_of(&err));
    if (money_value(&terms->term_fee, t, C_TERM_FEE, p) < 0 ||
        money_value(&terms->establishment_fee, t, C_EST_FEE, p) < 0)
        return -1;
    if (int_value(&n, t, C_IO_TERMS, 0, 0, 100000, p) < 0)
        return -1;
    terms->interest_only_terms = (int)n;
    if (sl_loan_terms_check(terms, &err) != SL_OK) {
        int col = C_AMOUNT;
        for (size_t i = 0; i < sizeof field_columns / sizeof field_columns[0]; i++)
            if (strcmp(err.field, field_columns[i].field) == 0)
                col = field_columns[i].column;
        return problem(p, t, col, table_field(t, (size_t)col), reason_of(&err));
    }
    return 0;
}

/* ---- output ---- */

typedef struct out_state {
    cli_format format;
    int totals_only;
    int first;
    int started; /* the CSV header or the JSON opening is out */
    sl_date as_of, from, to;
} out_state;

/* The CSV header or the JSON opening, printed with the first line that
 * follows it, so a run that stops before any loan leaves stdout empty. */
static void start_output(out_state *o)
{
    if (o->started)
        return;
    o->started = 1;
    if (o->format == CLI_CSV)
        puts("id,loans,skipped,balance,interest,principal,term_fees,establishment_fees,fees");
    if (o->format == CLI_JSON) {
        char d[3][SL_DATE_BUFSIZE];
        printf("{\n  \"as_of\": \"%s\",\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n",
               cli_date_text(d[0], o->as_of), cli_date_text(d[1], o->from),
               cli_date_text(d[2], o->to));
        if (!o->totals_only)
            printf("  \"loans\": [");
    }
}

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

static void json_element(out_state *o, json_t *obj)
{
    char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(obj);
    if (!text)
        cli_die(1, "out of memory");
    printf("%s\n    %s", o->first ? "" : ",", text);
    o->first = 0;
    free(text);
}

static void print_loan(out_state *o, const table_reader *t, const sl_loan_figures *f)
{
    if (o->totals_only)
        return;
    start_output(o);
    const char *id = table_field(t, C_ID);
    char a[6][SL_MONEY_BUFSIZE];
    if (o->format == CLI_CSV) {
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
    json_object_set_new(j, "balance", cli_json_money(f->balance));
    json_object_set_new(j, "interest", cli_json_money(f->interest));
    json_object_set_new(j, "principal", cli_json_money(f->principal));
    json_object_set_new(j, "term_fees", cli_json_money(f->term_fees));
    json_object_set_new(j, "establishment_fee", cli_json_money(f->establishment_fee));
    json_object_set_new(j, "fees", cli_json_money(f->fees));
    json_object_set_new(j, "terms_due", json_integer(f->terms_due));
    json_element(o, j);
}

static void print_skipped(out_state *o, const char *id, long line, const char *message)
{
    if (o->totals_only)
        return;
    start_output(o);
    if (o->format == CLI_CSV) {
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
    json_element(o, j);
}

static const sl_portfolio_item items[] = {
    SL_PORTFOLIO_BALANCE,   SL_PORTFOLIO_INTEREST,           SL_PORTFOLIO_PRINCIPAL,
    SL_PORTFOLIO_TERM_FEES, SL_PORTFOLIO_ESTABLISHMENT_FEES, SL_PORTFOLIO_FEES,
};
static const char *const item_names[] = {"balance",   "interest",           "principal",
                                         "term_fees", "establishment_fees", "fees"};

static void print_totals(out_state *o, const sl_portfolio_totals *tot)
{
    char buf[SL_PORTFOLIO_BUFSIZE];
    start_output(o);
    if (o->format == CLI_CSV) {
        printf("TOTAL,%lld,%lld", sl_portfolio_totals_loans(tot), sl_portfolio_totals_skipped(tot));
        for (size_t i = 0; i < 6; i++) {
            if (sl_portfolio_totals_format(buf, sizeof buf, tot, items[i]) < 0)
                cli_die(1, "a total could not be formatted");
            printf(",%s", buf);
        }
        printf("\n");
        return;
    }
    if (!o->totals_only)
        printf("\n  ],\n");
    printf("  \"totals\": {\n    \"loans\": %lld,\n    \"skipped\": %lld",
           sl_portfolio_totals_loans(tot), sl_portfolio_totals_skipped(tot));
    for (size_t i = 0; i < 6; i++) {
        if (sl_portfolio_totals_format(buf, sizeof buf, tot, items[i]) < 0)
            cli_die(1, "a total could not be formatted");
        printf(",\n    \"%s\": \"%s\"", item_names[i], buf);
    }
    printf("\n  }\n}\n");
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
        CLI_END_LONG_OPTIONS,
    };
    const char *path = NULL, *mapping = NULL;
    sl_date as_of = SL_DATE_NONE, from = SL_DATE_NONE, to = SL_DATE_NONE;
    int have_as_of = 0, have_from = 0, have_to = 0, skip = 0, opt;
    out_state out = {CLI_CSV, 0, 1, 0, SL_DATE_NONE, SL_DATE_NONE, SL_DATE_NONE};
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        switch (opt) {
        case OPT_LOANS:
            path = optarg;
            break;
        case OPT_AS_OF:
            as_of = cli_date("--as-of", optarg);
            have_as_of = 1;
            break;
        case OPT_FROM:
            from = cli_date("--from", optarg);
            have_from = 1;
            break;
        case OPT_TO:
            to = cli_date("--to", optarg);
            have_to = 1;
            break;
        case OPT_ON_ERROR:
            if (strcmp(optarg, "skip") == 0)
                skip = 1;
            else if (strcmp(optarg, "stop") == 0)
                skip = 0;
            else
                cli_die(CLI_EXIT_USAGE, "--on-error '%s': must be stop or skip", optarg);
            break;
        case OPT_COLUMNS:
            mapping = optarg;
            break;
        case OPT_TOTALS_ONLY:
            out.totals_only = 1;
            break;
        case CLI_OPT_FORMAT:
            out.format = cli_format_parse(optarg);
            if (out.format == CLI_TABLE)
                cli_usage_error("--format 'table': must be csv or json");
            break;
        default: /* --help, --version, or an error */
            cli_other_option(opt, argv, usage);
        }
    }
    if (optind < argc)
        cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!path)
        cli_usage_error("--loans is required");
    if (!have_as_of)
        cli_usage_error("--as-of is required");
    if (!have_to)
        to = as_of;
    if (!have_from)
        from = (sl_date){to.year, 1, 1};
    if (sl_date_compare(from, to) > 0) {
        char a[SL_DATE_BUFSIZE], b[SL_DATE_BUFSIZE];
        cli_die(CLI_EXIT_USAGE, "--from '%s': after --to %s", cli_date_text(a, from),
                cli_date_text(b, to));
    }

    table_error terr;
    table_reader *t;
    if (table_open(&t, path, columns, C_COUNT, mapping, 0, &terr) < 0) {
        if (strncmp(terr.message, "--columns", 9) == 0)
            cli_usage_error("%s", terr.message);
        if (terr.line && terr.column)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld, column %ld: %s", path, terr.line, terr.column,
                    terr.message);
        if (terr.line)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld: %s", path, terr.line, terr.message);
        cli_die(CLI_EXIT_USAGE, "--loans '%s': %s", path, terr.message);
    }
    sl_portfolio_totals *tot;
    if (sl_portfolio_totals_new(&tot) != SL_OK)
        cli_die(1, "out of memory");

    out.as_of = as_of;
    out.from = from;
    out.to = to;
    int rc;
    long rows = 0;
    while ((rc = table_next(t, &terr)) != 0) {
        if (rc < 0 && !terr.recoverable)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld: %s", path, terr.line, terr.message);
        rows++;
        row_problem p;
        const char *id = NULL;
        long line = 0;
        if (rc < 0) {
            p.line = line = terr.line;
            snprintf(p.message, sizeof p.message, "column %ld: %s", terr.column, terr.message);
            id = table_field(t, C_ID);
        } else {
            sl_loan_terms terms;
            sl_loan_figures f;
            sl_error err;
            if (read_loan(&terms, t, &p) == 0) {
                int frc = sl_loan_figures_compute(&f, &terms, as_of, from, to, &err);
                if (frc == SL_OK) {
                    sl_portfolio_totals_add(tot, &f);
                    print_loan(&out, t, &f);
                    continue;
                }
                p.line = table_line(t);
                snprintf(p.message, sizeof p.message, "%s", err.message);
            }
            id = table_field(t, C_ID);
            line = p.line;
        }
        if (!skip)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld, %s", path, p.line, p.message);
        fprintf(stderr, "%s: %s: line %ld, %s; row skipped\n", cli_prog(), path, p.line,
                p.message);
        sl_portfolio_totals_skip(tot);
        print_skipped(&out, id, line, p.message);
    }
    table_close(t);
    if (rows == 0)
        cli_die(CLI_EXIT_USAGE, "%s: no loans after the header", path);
    print_totals(&out, tot);
    long long skipped = sl_portfolio_totals_skipped(tot);
    sl_portfolio_totals_free(tot);
    if (fflush(stdout) != 0)
        cli_die(1, "could not write the output");
    return skipped ? 1 : 0;
}
