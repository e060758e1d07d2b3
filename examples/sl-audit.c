/* sl-audit: check a payment plan exported by another system, to the øre.
 * Reads the plan as CSV, runs the library's audit (consistency rules, and a
 * row-by-row comparison with the recomputed plan when the loan terms are
 * given), prints every difference and the totals on both sides. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table_reader.h"

static const char usage[] =
    "Usage: sl-audit --plan FILE [--amount A --rate PCT (--years Y | --terms N) [options]]\n"
    "\n"
    "Checks a payment plan (CSV, '-' for stdin) to the øre. Without loan terms:\n"
    "each row adds up, balances chain, the balance ends at 0, the principal sums\n"
    "to the loan, and the implied interest rate is steady. With the terms: the\n"
    "plan is recomputed and compared row by row, field by field.\n"
    "\n"
    "  --plan FILE                the plan to check ('-': standard input)\n"
    "  --columns NAME=HEADER,...  name the header of a column explicitly; NAME is\n"
    "                             term, due_date, opening_balance, interest,\n"
    "                             principal, fee, payment or closing_balance\n"
    "  --tolerance ORE            differences of at most ORE øre are listed as\n"
    "                             within tolerance and do not fail (default 0)\n"
    "  --amount A                 loan amount: compare with the recomputed plan\n"
    "%s"
    "  --format table|json        output (default table)\n"
    "%s"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 the plan matches, 1 it differs, 2 bad options or unreadable input.\n";

enum { OPT_PLAN = CLI_OPT_FIRST_FREE, OPT_COLUMNS, OPT_TOLERANCE };

enum { C_TERM, C_DUE, C_OPEN, C_INTEREST, C_PRINCIPAL, C_FEE, C_PAYMENT, C_CLOSE, C_COUNT };

static const char *const a_term[] = {"termin", "terminnr", "nr", NULL};
static const char *const a_due[] = {"forfall", "forfallsdato", "forfallsdag", "dato", NULL};
static const char *const a_open[] = {"restgjeldfor", "inngaenderestgjeld", NULL};
static const char *const a_interest[] = {"renter", "rente", NULL};
static const char *const a_principal[] = {"avdrag", NULL};
static const char *const a_fee[] = {"gebyr", "termingebyr", NULL};
static const char *const a_payment[] = {"terminbelop", "abetale", NULL};
static const char *const a_close[] = {"restgjeldetter", "utgaenderestgjeld", "restgjeld", NULL};

static const table_column columns[C_COUNT] = {
    {"term", a_term, 0},
    {"due_date", a_due, 0},
    {"opening_balance", a_open, 1},
    {"interest", a_interest, 1},
    {"principal", a_principal, 1},
    {"fee", a_fee, 0},
    {"payment", a_payment, 1},
    {"closing_balance", a_close, 1},
};

/* Differences as reported, kept to print after the whole file was read. */
typedef struct found_list {
    sl_audit_difference *items;
    size_t count, cap;
} found_list;

static int collect(void *ctx, const sl_audit_difference *d)
{
    found_list *l = ctx;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        sl_audit_difference *n = realloc(l->items, cap * sizeof *n);
        if (!n)
            return 1;
        l->items = n;
        l->cap = cap;
    }
    l->items[l->count++] = *d;
    return 0;
}

_Noreturn static void input_error(const char *path, const table_error *e)
{
    if (e->line && e->column)
        cli_die(CLI_EXIT_USAGE, "%s: line %ld, column %ld: %s", path, e->line, e->column,
                e->message);
    if (e->line)
        cli_die(CLI_EXIT_USAGE, "%s: line %ld: %s", path, e->line, e->message);
    cli_die(CLI_EXIT_USAGE, "--plan '%s': %s", path, e->message);
}

_Noreturn static void value_error(const char *path, const table_reader *t, size_t col,
                                  const char *value, const char *why)
{
    cli_die(CLI_EXIT_USAGE, "%s: line %ld, column %ld (%s): '%s': %s", path, table_line(t),
            table_field_column(t, col), columns[col].name, value, why);
}

static sl_money amount_field(const char *path, const table_reader *t, size_t col)
{
    const char *v = table_field(t, col);
    if (!v || !*v) {
        if (!columns[col].required)
            return 0;
        value_error(path, t, col, "", "empty");
    }
    sl_money m;
    sl_error err;
    if (sl_money_parse(&m, v, columns[col].name, &err) != SL_OK) {
        const char *reason = strstr(err.message, ": ");
        value_error(path, t, col, v, reason ? reason + 2 : err.message);
    }
    return m;
}

/* "2025-02-01" or the Norwegian "01.02.2025". */
static sl_date date_field(const char *path, const table_reader *t, size_t col)
{
    const char *v = table_field(t, col);
    sl_date d = SL_DATE_NONE;
    if (!v || !*v)
        return d;
    char iso[16];
    const char *text = v;
    if (strlen(v) == 10 && v[2] == '.' && v[5] == '.') {
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", v + 6, v + 3, v);
        text = iso;
    }
    sl_error err;
    if (sl_date_parse(&d, text, "due_date", &err) != SL_OK)
        value_error(path, t, col, v, "not a date (YYYY-MM-DD or DD.MM.YYYY)");
    return d;
}

static int is_totals_label(const char *v)
{
    static const char *const labels[] = {"sum", "total", "totalt", "totals", "ialt", "sumtotal",
                                         NULL};
    char f[64];
    table_fold(f, sizeof f, v);
    for (const char *const *l = labels; *l; l++)
        if (strcmp(f, *l) == 0)
            return 1;
    return 0;
}

/* ---- output ---- */

static const char *check_label(sl_audit_check c)
{
    return sl_audit_check_name(c);
}

static void value_text(char *buf, size_t size, const sl_audit_difference *d, int which, int nor)
{
    if (d->field == SL_AUDIT_FIELD_DUE_DATE) {
        if (which == 2)
            snprintf(buf, size, "%+lld days", (long long)d->difference);
        else
            cli_date_text(buf, which == 0 ? d->expected_date : d->found_date);
        return;
    }
    sl_money v = which == 0 ? d->expected : which == 1 ? d->found : d->difference;
    if (d->field == SL_AUDIT_FIELD_TERM) {
        snprintf(buf, size, "%lld", (long long)v);
        return;
    }
    char m[SL_MONEY_BUFSIZE];
    snprintf(buf, size, "%s", nor ? cli_nor(m, v) : cli_plain(m, v));
}

static void annual_rate_text(char buf[SL_RATE_BUFSIZE], sl_rate per_term, int k)
{
    sl_rate y;
    if (per_term.num > INT64_MAX / k || per_term.num < INT64_MIN / k ||
        sl_rate_from_fraction(&y, per_term.num * k, per_term.den) != SL_OK ||
        sl_rate_format_percent(buf, SL_RATE_BUFSIZE, y, 3, SL_ROUND_HALF_UP, '.') < 0)
        snprintf(buf, SL_RATE_BUFSIZE, "?");
}

static void print_totals_line(const char *label, int have_e, int have_s, sl_money f, sl_money e,
                              sl_money s)
{
    char a[3][SL_MONEY_BUFSIZE];
    printf("  %-22s %20s", label, cli_nor(a[0], f));
    if (have_e)
        printf(" %20s", cli_nor(a[1], e));
    if (have_s)
        printf(" %20s", cli_nor(a[2], s));
    printf("\n");
}

static void print_table(const char *path, const found_list *l, const sl_audit_summary *s,
                        sl_money tolerance, int k)
{
    printf("Audit of %s: %ld rows%s\n\n", path, s->rows,
           s->have_expected ? ", compared with the plan recomputed from the terms given"
                            : ", consistency checks (no loan terms given)");
    if (l->count) {
        printf("%5s %5s  %-15s %-13s %18s %18s %14s\n", "Row", "Term", "Field", "Check",
               "Expected", "Found", "Difference");
        for (size_t i = 0; i < l->count; i++) {
            const sl_audit_difference *d = &l->items[i];
            char e[48], f[48], x[48], row[16], term[16];
            value_text(e, sizeof e, d, 0, 1);
            value_text(f, sizeof f, d, 1, 1);
            value_text(x, sizeof x, d, 2, 1);
            if (d->field == SL_AUDIT_FIELD_ROW && d->check == SL_AUDIT_MISSING_ROW)
                snprintf(f, sizeof f, "(missing)");
            snprintf(row, sizeof row, d->row ? "%ld" : "-", d->row);
            snprintf(term, sizeof term, d->term ? "%d" : "-", d->term);
            printf("%5s %5s  %-15s %-13s %18s %18s %14s", row, term,
                   sl_audit_field_name(d->field), check_label(d->check), e, f, x);
            if (d->check == SL_AUDIT_RATE_JUMP) {
                char rb[SL_RATE_BUFSIZE], ra[SL_RATE_BUFSIZE];
                annual_rate_text(rb, d->rate_before, k);
                annual_rate_text(ra, d->rate_after, k);
                printf("  note: implied rate %s %% -> %s %% (nominal, %d terms a year)", rb, ra,
                       k);
            } else if (d->within_tolerance) {
                printf("  within tolerance");
            }
            printf("\n");
        }
        printf("\n");
    }
    printf("Totals%*s%21s", 19, "", "this plan");
    if (s->have_expected)
        printf(" %20s", "recomputed");
    if (s->have_stated)
        printf(" %20s", "stated");
    printf("\n  %-22s %20d", "Terms", s->found.terms);
    if (s->have_expected)
        printf(" %20d", s->expected.terms);
    printf("\n");
    print_totals_line("Interest (renter)", s->have_expected, s->have_stated, s->found.interest,
                      s->expected.interest, s->stated.interest);
    print_totals_line("Principal (avdrag)", s->have_expected, s->have_stated, s->found.principal,
                      s->expected.principal, s->stated.principal);
    print_totals_line("Term fees", s->have_expected, s->have_stated, s->found.term_fees,
                      s->expected.term_fees, s->stated.term_fees);
    print_totals_line("Payments", s->have_expected, s->have_stated, s->found.paid,
                      s->expected.paid - s->expected.establishment_fee, s->stated.paid);
    printf("\n");
    if (s->differences == 0)
        printf("Result: the plan matches");
    else
        printf("Result: %ld difference%s", s->differences, s->differences == 1 ? "" : "s");
    if (s->within_tolerance) {
        char t[SL_MONEY_BUFSIZE];
        printf(" (%ld more within the tolerance of %s kr)", s->within_tolerance,
               cli_nor(t, tolerance));
    }
    if (s->rate_jumps)
        printf("; the implied interest rate changes %ld time%s", s->rate_jumps,
               s->rate_jumps == 1 ? "" : "s");
    printf("\n");
}

static json_t *totals_json(const sl_plan_totals *t, int minus_establishment)
{
    json_t *o = json_object();
    json_object_set_new(o, "terms", json_integer(t->terms));
    json_object_set_new(o, "interest", cli_json_money(t->interest));
    json_object_set_new(o, "principal", cli_json_money(t->principal));
    json_object_set_new(o, "fees", cli_json_money(t->term_fees));
    json_object_set_new(o, "payments",
                        cli_json_money(t->paid - (minus_establishment ? t->establishment_fee : 0)));
    return o;
}

static void print_json(const char *path, const found_list *l, const sl_audit_summary *s,
                       sl_money tolerance, int k)
{
    json_t *root = json_object();
    json_object_set_new(root, "plan", json_string(path));
    json_object_set_new(root, "rows", json_integer(s->rows));
    json_object_set_new(root, "terms_given", json_boolean(s->have_expected));
    json_object_set_new(root, "tolerance", cli_json_money(tolerance));
    json_object_set_new(root, "result", json_string(s->differences ? "differs" : "matches"));
    json_t *diffs = json_array(), *notes = json_array();
    for (size_t i = 0; i < l->count; i++) {
        const sl_audit_difference *d = &l->items[i];
        json_t *o = json_object();
        char b[48];
        json_object_set_new(o, "row", d->row ? json_integer(d->row) : json_null());
        json_object_set_new(o, "term", d->term ? json_integer(d->term) : json_null());
        json_object_set_new(o, "field", json_string(sl_audit_field_name(d->field)));
        json_object_set_new(o, "check", json_string(check_label(d->check)));
        if (d->field == SL_AUDIT_FIELD_TERM) {
            json_object_set_new(o, "expected", json_integer(d->expected));
            json_object_set_new(o, "found", json_integer(d->found));
            json_object_set_new(o, "difference", json_integer(d->difference));
        } else if (d->field == SL_AUDIT_FIELD_DUE_DATE) {
            json_object_set_new(o, "expected", json_string(cli_date_text(b, d->expected_date)));
            json_object_set_new(o, "found", json_string(cli_date_text(b, d->found_date)));
            json_object_set_new(o, "difference_days", json_integer(d->difference));
        } else {
            json_object_set_new(o, "expected", cli_json_money(d->expected));
            json_object_set_new(o, "found", d->check == SL_AUDIT_MISSING_ROW
                                                ? json_null()
                                                : cli_json_money(d->found));
            json_object_set_new(o, "difference", cli_json_money(d->difference));
            json_object_set_new(o, "difference_ore", json_integer(d->difference));
        }
        if (d->check == SL_AUDIT_RATE_JUMP) {
            char rb[SL_RATE_BUFSIZE], ra[SL_RATE_BUFSIZE];
            annual_rate_text(rb, d->rate_before, k);
            annual_rate_text(ra, d->rate_after, k);
            json_object_set_new(o, "implied_rate_before", json_string(rb));
            json_object_set_new(o, "implied_rate_after", json_string(ra));
            json_array_append_new(notes, o);
        } else {
            json_object_set_new(o, "within_tolerance", json_boolean(d->within_tolerance));
            json_array_append_new(diffs, o);
        }
    }
    json_object_set_new(root, "differences", diffs);
    json_object_set_new(root, "notes", notes);
    json_t *tot = json_object();
    json_object_set_new(tot, "found", totals_json(&s->found, 0));
    json_object_set_new(tot, "expected", s->have_expected ? totals_json(&s->expected, 1) : json_null());
    json_object_set_new(tot, "stated", s->have_stated ? totals_json(&s->stated, 0) : json_null());
    json_object_set_new(root, "totals", tot);
    json_object_set_new(root, "difference_count", json_integer(s->differences));
    json_object_set_new(root, "within_tolerance_count", json_integer(s->within_tolerance));
    json_object_set_new(root, "rate_changes", json_integer(s->rate_jumps));
    cli_json_print(root);
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"plan", required_argument, NULL, OPT_PLAN},
        {"columns", required_argument, NULL, OPT_COLUMNS},
        {"tolerance", required_argument, NULL, OPT_TOLERANCE},
        CLI_CONTRACT_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        CLI_END_LONG_OPTIONS,
    };
    cli_contract contract;
    cli_contract_init(&contract);
    cli_format format = CLI_TABLE;
    const char *path = NULL, *mapping = NULL;
    sl_money tolerance = 0;
    int opt;
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
        case CLI_OPT_FORMAT:
            format = cli_format_parse(optarg);
            if (format == CLI_CSV)
                cli_usage_error("--format 'csv': must be table or json");
            break;
        case CLI_OPT_HELP:
            printf(usage, cli_loan_help, cli_life_help);
            return 0;
        default: /* --version, or an error */
            cli_other_option(opt, argv, NULL);
        }
    }
    if (optind < argc)
        cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!path)
        cli_usage_error("--plan is required");
    int have_amount = contract.have_amount;
    if (contract.given && !have_amount)
        cli_usage_error("--amount is required when loan terms are given");
    sl_loan_terms terms;
    int k = contract.loan.terms.terms_per_year;
    if (have_amount) {
        cli_contract_finish(&contract, 0, &terms);
        k = terms.terms_per_year;
    }

    table_error terr;
    table_reader *t;
    if (table_open(&t, path, columns, C_COUNT, mapping, 1, &terr) < 0) {
        if (strncmp(terr.message, "--columns", 9) == 0)
            cli_usage_error("%s", terr.message);
        input_error(path, &terr);
    }

    found_list list = {NULL, 0, 0};
    sl_audit_options aopt = SL_AUDIT_OPTIONS_INIT;
    aopt.tolerance = tolerance;
    aopt.report = collect;
    aopt.report_ctx = &list;
    sl_audit *audit;
    sl_error err;
    if (sl_audit_new(&audit, have_amount ? &terms : NULL, &aopt, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);

    int rc, seen_totals = 0;
    long rows = 0;
    while ((rc = table_next(t, &terr)) == 1) {
        const char *term_text = table_field(t, C_TERM);
        if (seen_totals)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld: a row after the totals row", path,
                    table_line(t));
        sl_plan_row r;
        memset(&r, 0, sizeof r);
        /* a totals row: "Sum"/"Total"/... in the term column, or in the
         * due-date column when the term is empty */
        const char *due_text = table_field(t, C_DUE);
        int totals_row = (term_text && is_totals_label(term_text)) ||
                         ((!term_text || !*term_text) && due_text && is_totals_label(due_text));
        if (term_text && *term_text && !totals_row) {
            char *end;
            long v = strtol(term_text, &end, 10);
            if (*end || v < 1 || v > 1000000)
                value_error(path, t, C_TERM, term_text, "not a term number");
            r.term = (int)v;
        }
        if (!totals_row)
            r.due_date = date_field(path, t, C_DUE);
        if (!totals_row)
            r.opening_balance = amount_field(path, t, C_OPEN);
        r.interest = amount_field(path, t, C_INTEREST);
        r.principal = amount_field(path, t, C_PRINCIPAL);
        r.fee = amount_field(path, t, C_FEE);
        r.payment = amount_field(path, t, C_PAYMENT);
        if (!totals_row)
            r.closing_balance = amount_field(path, t, C_CLOSE);
        int arc;
        if (totals_row) {
            seen_totals = 1;
            arc = sl_audit_stated_totals(audit, &r);
        } else {
            rows++;
            arc = sl_audit_add_row(audit, &r);
        }
        if (arc == SL_ERANGE)
            cli_die(CLI_EXIT_USAGE, "%s: line %ld: the sums exceed the supported range", path,
                    table_line(t));
        if (arc != SL_OK)
            cli_die(1, "out of memory");
    }
    if (rc < 0)
        input_error(path, &terr);
    table_close(t);
    if (rows == 0)
        cli_die(CLI_EXIT_USAGE, "%s: no rows after the header", path);

    sl_audit_summary sum;
    if (sl_audit_finish(audit, &sum) != SL_OK)
        cli_die(1, "out of memory");
    sl_audit_free(audit);
    cli_contract_free(&contract);
    if (format == CLI_JSON)
        print_json(path, &list, &sum, tolerance, k);
    else
        print_table(path, &list, &sum, tolerance, k);
    free(list.items);
    if (fflush(stdout) != 0)
        cli_die(1, "could not write the output");
    return sum.differences ? 1 : 0;
}
