/* sl-audit: check a payment plan exported by another system, to the øre.
 * Reads the plan as CSV in whatever layout and encoding the system wrote,
 * derives the fields it lacks, runs the library's audit (consistency rules,
 * and a row-by-row comparison with the recomputed plan when the contract is
 * given) and reports the first divergence and what follows from it. The
 * report streams through a temporary file, so memory stays flat and nothing
 * reaches stdout unless the whole plan was read. */
#include <stdlib.h>
#include <string.h>

#include "audit_report.h"
#include "cli.h"
#include "table_reader.h"

static const char *const usage = N_(
    "Usage: sl-audit --plan FILE [--amount A (--rate PCT | --rate-history H)\n"
    "                (--years Y | --terms N) [contract options]]\n"
    "\n"
    "Checks a payment plan (CSV, '-' for stdin) to the øre. Without loan terms:\n"
    "each row adds up, balances chain, the balance ends at 0, the principal sums\n"
    "to the loan, and the implied interest rate is steady. With the terms: the\n"
    "plan is recomputed and compared row by row, field by field. The report leads\n"
    "with the first row where the plan departs and the field that caused it;\n"
    "differences that follow from it arithmetically are counted.\n"
    "\n"
    "  --plan FILE                the plan to check ('-': standard input)\n"
    "  --columns NAME=HEADER,...  name the header of a column explicitly; NAME is\n"
    "                             term, due_date, opening_balance, interest,\n"
    "                             principal, fee, payment or closing_balance\n"
    "  --encoding E               auto (default), utf-8, utf-16, cp1252, iso-8859-1\n"
    "  --tolerance ORE            differences of at most ORE øre are listed as\n"
    "                             within tolerance and do not fail (default 0)\n"
    "  --all                      list every difference, also those that follow\n"
    "  --amount A                 loan amount: compare with the recomputed plan\n"
    "%s"
    "  --format table|csv|json    output (default table); CSV: one line per\n"
    "                             difference listed (as JSON's differences), then the\n"
    "                             changes of the implied rate\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet: ';', decimal comma, UTF-8 BOM, CRLF\n"
    "                             (implies --format csv)\n"
    "%s"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 the plan matches, 1 it differs, 2 bad options or unreadable input.\n");

enum { OPT_PLAN = CLI_OPT_FIRST_FREE, OPT_COLUMNS, OPT_TOLERANCE, OPT_ALL, OPT_ENCODING };

/* Columns in sl_audit_field order (term .. closing balance). */
enum { C_TERM, C_DUE, C_OPEN, C_INTEREST, C_PRINCIPAL, C_FEE, C_PAYMENT, C_CLOSE, C_COUNT };

static const table_column columns[C_COUNT] = {
    {"term", NULL, 0, table_plan_header, SL_AUDIT_FIELD_TERM},
    {"due_date", NULL, 0, table_plan_header, SL_AUDIT_FIELD_DUE_DATE},
    {"opening_balance", NULL, 0, table_plan_header, SL_AUDIT_FIELD_OPENING_BALANCE},
    {"interest", NULL, 1, table_plan_header, SL_AUDIT_FIELD_INTEREST},
    {"principal", NULL, 1, table_plan_header, SL_AUDIT_FIELD_PRINCIPAL},
    {"fee", NULL, 0, table_plan_header, SL_AUDIT_FIELD_FEE},
    {"payment", NULL, 0, table_plan_header, SL_AUDIT_FIELD_PAYMENT},
    {"closing_balance", NULL, 0, table_plan_header, SL_AUDIT_FIELD_CLOSING_BALANCE},
};

/* What a derived field is called in the report (the file has no header):
 * in the output's language in the table, in English in JSON and CSV. */
static const char *const derived_names[C_COUNT] = {
    N_("term (row order)"), N_("due date"),          N_("opening balance (derived)"),
    N_("interest"),         N_("principal"),         N_("fee (derived)"),
    N_("payment (derived)"), N_("closing balance (derived)"),
};

/* A text for people in the table, English in JSON and CSV. */
static int human_output = 1;
static const char *human(const char *text)
{
    return human_output ? gettext(text) : text;
}

_Noreturn static void input_error(const char *path, const table_error *e)
{
    if (e->line && e->column)
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld, column %ld: %s"), path, e->line, e->column,
                e->message);
    if (e->line)
        cli_die(CLI_EXIT_USAGE, _("%s: line %ld: %s"), path, e->line, e->message);
    cli_die(CLI_EXIT_USAGE, "--plan '%s': %s", path, e->message);
}

_Noreturn static void value_error(const char *path, const table_reader *t, size_t col,
                                  const char *value, const char *why)
{
    cli_die(CLI_EXIT_USAGE, _("%s: line %ld, column %ld (%s): '%s': %s"), path, table_line(t),
            table_field_column(t, col), table_header(t, col), value, why);
}

/* An amount cell; absent: *present = 0. */
static sl_money amount_field(const char *path, const table_reader *t, size_t col, int *present)
{
    const char *v = table_field(t, col);
    *present = v && *v;
    if (!*present)
        return 0;
    sl_money m;
    sl_error err;
    if (sl_money_parse_export(&m, v, NULL, &err) != SL_OK) {
        const char *why = strstr(err.message, "': "); /* after "amount '<v>': " */
        value_error(path, t, col, v, why ? why + 3 : err.message);
    }
    return m;
}

/* "2025-02-01" or the Norwegian "01.02.2025" (the library's rule, as sl-portfolio's). */
static sl_date date_field(const char *path, const table_reader *t, size_t col)
{
    const char *v = table_field(t, col);
    sl_date d = SL_DATE_NONE;
    if (!v || !*v)
        return d;
    sl_error err;
    if (sl_date_parse_norwegian(&d, v, "due_date", &err) != SL_OK)
        value_error(path, t, col, v, _("not a date (YYYY-MM-DD or DD.MM.YYYY)"));
    return d;
}

/* The report sees each difference with the file line being read. */
typedef struct collect_ctx {
    report *rep;
    const table_reader *table;
    int at_end;
} collect_ctx;

static int collect(void *ctx, const sl_audit_difference *d)
{
    collect_ctx *c = ctx;
    report_add(c->rep, d, c->at_end || d->row == 0 ? 0 : table_line(c->table));
    return 0;
}

/* Which fields are derived, and how, as one sentence ("" when none). */
static void derived_sentence(char *buf, size_t size, const table_reader *t, int have_amount)
{
    buf[0] = '\0';
    size_t n = 0;
#define ADD(...) (n += (size_t)snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__))
    if (!table_header(t, C_OPEN) && table_header(t, C_CLOSE))
        ADD(human(N_("%sthe opening balance (%s, then the previous row's %s)")), n ? "; " : "",
            have_amount ? human(N_("the loan amount"))
                        : human(N_("the first row's balance + principal")),
            table_header(t, C_CLOSE));
    if (!table_header(t, C_CLOSE))
        ADD(human(N_("%sthe closing balance (%s − %s)")), n ? "; " : "", table_header(t, C_OPEN),
            table_header(t, C_PRINCIPAL));
    if (!table_header(t, C_FEE))
        ADD(human(N_("%sthe fee (--term-fee, else 0)")), n ? "; " : "");
    if (!table_header(t, C_PAYMENT))
        ADD(human(N_("%sthe payment (%s + %s + fee)")), n ? "; " : "", table_header(t, C_INTEREST),
            table_header(t, C_PRINCIPAL));
    if (!table_header(t, C_TERM))
        ADD(human(N_("%sthe term number (the row's position)")), n ? "; " : "");
    if (!table_header(t, C_DUE))
        ADD(human(N_("%sno due dates (not compared)")), n ? "; " : "");
#undef ADD
}

/* Copy the finished report to stdout. */
static void publish(FILE *out)
{
    rewind(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, out)) > 0)
        if (fwrite(buf, 1, n, stdout) != n)
            cli_die(1, _("could not write the output"));
    if (ferror(out) || fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    fclose(out);
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"plan", required_argument, NULL, OPT_PLAN},
        {"columns", required_argument, NULL, OPT_COLUMNS},
        {"tolerance", required_argument, NULL, OPT_TOLERANCE},
        {"all", no_argument, NULL, OPT_ALL},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        CLI_CONTRACT_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    cli_contract contract;
    cli_contract_init(&contract);
    cli_format format = CLI_TABLE;
    const char *path = NULL, *mapping = NULL, *encoding = NULL;
    sl_money tolerance = 0;
    int all = 0, opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        /* --terms-per-year alone sets how implied rates are shown */
        if (cli_contract_option(&contract, opt, optarg))
            continue;
        switch (opt) {
        case OPT_PLAN:
            path = optarg;
            break;
        case OPT_COLUMNS:
            mapping = optarg;
            break;
        case OPT_TOLERANCE:
            tolerance = cli_int("--tolerance", optarg, 0, 100000000);
            break;
        case OPT_ALL:
            all = 1;
            break;
        case OPT_ENCODING:
            encoding = optarg;
            break;
        case CLI_OPT_FORMAT:
            format = cli_format_parse(optarg);
            break;
        case CLI_OPT_CSV_STYLE:
            cli_csv_style_set(cli_csv_style_parse(optarg));
            break;
        case CLI_OPT_HELP: {
            /* the loan's options, then the one that says who pays the fee */
            char loan_help[4096];
            snprintf(loan_help, sizeof loan_help, "%s%s", _(cli_loan_help),
                     _(cli_fee_financed_help));
            printf(_(usage), loan_help, _(cli_life_help));
            return 0;
        }
        default: /* --version, or an error */
            cli_other_option(opt, argv, NULL);
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    if (!path)
        cli_usage_error(_("--plan is required"));
    format = cli_csv_format(format);
    human_output = format == CLI_TABLE;
    int have_amount = contract.have_amount;
    if (contract.given && !have_amount)
        cli_usage_error(_("--amount is required when loan terms are given"));
    sl_loan_terms terms;
    int k = contract.loan.terms.terms_per_year;
    sl_money term_fee = contract.loan.terms.term_fee;
    if (have_amount) {
        cli_contract_finish(&contract, 0, &terms);
        k = terms.terms_per_year;
        /* Husbanken's rules on the contract: warnings, or with --strict errors,
         * exactly as sl-plan gives them */
        sl_plan *plan;
        sl_error perr;
        if (sl_plan_new(&plan, &terms, &perr) != SL_OK)
            cli_fail_option(cli_option_for_field(perr.field), &perr);
        cli_findings_report(plan, contract.life.strict);
        sl_plan_free(plan);
    }

    table_error terr;
    table_reader *t;
    if (table_open_ex(&t, path, columns, C_COUNT, mapping, 1, encoding, &terr) < 0) {
        if (terr.usage)
            cli_usage_error("%s", terr.message);
        input_error(path, &terr);
    }
    if (!table_header(t, C_OPEN) && !table_header(t, C_CLOSE))
        cli_die(CLI_EXIT_USAGE,
                _("%s: line %ld: the header has no balance column (restgjeld, closing_balance or "
                  "opening_balance; name it with --columns)"),
                path, table_line(t));

    char derived[512];
    derived_sentence(derived, sizeof derived, t, have_amount);
    report_setup rs = {0};
    rs.path = path;
    rs.encoding = table_encoding(t);
    rs.delimiter = table_delimiter(t);
    rs.json = format == CLI_JSON;
    rs.csv = format == CLI_CSV;
    rs.all = all;
    rs.terms_given = have_amount;
    rs.terms_per_year = k;
    rs.tolerance = tolerance;
    for (int c = 0; c < C_COUNT; c++)
        rs.field_names[c] = table_header(t, (size_t)c) ? table_header(t, (size_t)c)
                                                       : human(derived_names[c]);
    rs.field_names[SL_AUDIT_FIELD_ROW] = "row";
    rs.derived = derived;
    rs.history_end = contract.history_end;
    rs.history_rate = contract.history_last_rate;
    rs.history_name = contract.life.history_name;
    FILE *out = tmpfile();
    if (!out)
        cli_die(1, _("cannot create a temporary file for the report"));
    collect_ctx cc = {report_start(out, &rs), t, 0};

    sl_audit_options aopt = SL_AUDIT_OPTIONS_INIT;
    aopt.tolerance = tolerance;
    aopt.report = collect;
    aopt.report_ctx = &cc;
    sl_audit *audit;
    sl_error err;
    if (sl_audit_new(&audit, have_amount ? &terms : NULL, &aopt, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);

    int rc, seen_totals = 0;
    long rows = 0;
    sl_money prev_closing = 0;
    while ((rc = table_next(t, &terr)) == 1) {
        const char *term_text = table_field(t, C_TERM);
        if (seen_totals)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld: a row after the totals row"), path,
                    table_line(t));
        sl_plan_row r;
        memset(&r, 0, sizeof r);
        /* a totals row: "Sum"/"Total"/... in the term column, or in the
         * due-date column when the term is empty */
        const char *due_text = table_field(t, C_DUE);
        int totals_row = sl_table_totals_label(term_text) ||
                         ((!term_text || !*term_text) && sl_table_totals_label(due_text));
        if (term_text && *term_text && !totals_row) {
            char *end;
            long v = strtol(term_text, &end, 10);
            if (*end || v < 1 || v > 1000000)
                value_error(path, t, C_TERM, term_text, _("not a term number"));
            r.term = (int)v;
        }
        int have_open = 0, have_close = 0, have_fee = 0, have_payment = 0, present;
        if (!totals_row) {
            r.due_date = date_field(path, t, C_DUE);
            r.opening_balance = amount_field(path, t, C_OPEN, &have_open);
            r.closing_balance = amount_field(path, t, C_CLOSE, &have_close);
        }
        r.interest = amount_field(path, t, C_INTEREST, &present);
        if (!present && !totals_row)
            value_error(path, t, C_INTEREST, "", _("empty"));
        r.principal = amount_field(path, t, C_PRINCIPAL, &present);
        if (!present && !totals_row)
            value_error(path, t, C_PRINCIPAL, "", _("empty"));
        r.fee = amount_field(path, t, C_FEE, &have_fee);
        r.payment = amount_field(path, t, C_PAYMENT, &have_payment);
        /* the fields the file lacks, as a consistent system would have them */
        if (!have_fee && !table_header(t, C_FEE))
            r.fee = term_fee;
        if (!have_payment && !table_header(t, C_PAYMENT) &&
            (sl_money_add(&r.payment, r.interest, r.principal) != SL_OK ||
             sl_money_add(&r.payment, r.payment, r.fee) != SL_OK))
            value_error(path, t, C_PRINCIPAL, table_field(t, C_PRINCIPAL),
                        _("the sum is beyond the supported range"));
        if (!totals_row) {
            if (!have_open && !table_header(t, C_OPEN)) {
                if (rows > 0)
                    r.opening_balance = prev_closing;
                else if (have_amount)
                    r.opening_balance = terms.principal;
                else if (sl_money_add(&r.opening_balance, r.closing_balance, r.principal) != SL_OK)
                    value_error(path, t, C_CLOSE, table_field(t, C_CLOSE),
                                _("beyond the supported range"));
            } else if (!have_open) {
                value_error(path, t, C_OPEN, "", _("empty"));
            }
            if (!have_close && !table_header(t, C_CLOSE)) {
                if (sl_money_sub(&r.closing_balance, r.opening_balance, r.principal) != SL_OK)
                    value_error(path, t, C_OPEN, table_field(t, C_OPEN),
                                _("beyond the supported range"));
            } else if (!have_close) {
                value_error(path, t, C_CLOSE, "", _("empty"));
            }
            prev_closing = r.closing_balance;
            if (contract.history_end.year && r.due_date.year &&
                sl_date_compare(r.due_date, contract.history_end) >= 0)
                report_row_after_history(cc.rep);
        }
        int arc;
        if (totals_row) {
            seen_totals = 1;
            arc = sl_audit_stated_totals(audit, &r);
        } else {
            rows++;
            arc = sl_audit_add_row(audit, &r);
            report_row_done(cc.rep);
        }
        if (arc == SL_ERANGE)
            cli_die(CLI_EXIT_USAGE, _("%s: line %ld: the sums exceed the supported range"), path,
                    table_line(t));
        if (arc != SL_OK)
            cli_die(1, _("out of memory"));
    }
    if (rc < 0)
        input_error(path, &terr);
    if (rows == 0)
        cli_die(CLI_EXIT_USAGE, _("%s: no rows after the header"), path);

    sl_audit_summary sum;
    cc.at_end = 1;
    if (sl_audit_finish(audit, &sum) != SL_OK)
        cli_die(1, _("out of memory"));
    sl_audit_free(audit);
    report_finish(cc.rep, &sum);
    table_close(t);
    cli_contract_free(&contract);
    cli_csv_begin(); /* excel-no: the CSV rewritten on its way to stdout */
    publish(out);
    cli_csv_end();
    return sum.differences ? 1 : 0;
}
