/* sl-plan: the payment plan (nedbetalingsplan) of a startlån, exact to the øre.
 * Parse options, run the library's plan engine, print a table, CSV or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "doc_sef.h"

static const char *const usage = N_(
    "Usage: sl-plan --amount A --rate PCT (--years Y | --terms N) [options]\n"
    "\n"
    "Prints the payment plan of a start loan, every figure exact to the øre.\n"
    "Without --amount, runs a built-in example (2 000 000 kr, 25 years, 4.640 %%).\n"
    "\n"
    "  --amount A                 loan amount in kroner (2000000, 2 000 000,50)\n"
    "%s"
    "%s"
    "\nHusbanken's two questions:\n"
    "  --payment P                with --amount and without --years/--terms: keep P a\n"
    "                             term (fee included), the last term pays the rest; how\n"
    "                             many terms. With --years/--terms and without --amount:\n"
    "                             the largest loan whose first payment is at most P\n"
    "  --step A                   that loan is a multiple of A (default 1000)\n"
    "  --rate-shock PTS           also the plan with every rate PTS points higher, beside it\n"
    "  --establishment-fee-financed  the establishment fee is added to the loan (the plan\n"
    "                             runs on amount + fee, the payout is the amount) instead of\n"
    "                             deducted from the payout (default)\n"
    "  --format table|csv|json    output (default table)\n"
    "  --view full|year|summary   the table or CSV: every term (default), one line a\n"
    "                             year (paid, interest, principal, fees, balance at the\n"
    "                             year's end), or the key figures only (table)\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet: ';', decimal comma, UTF-8 BOM, CRLF\n"
    "                             (implies --format csv)\n"
    "  --format pdf|svg|png --output FILE\n"
    "                             the plan as a printable PDF (key figures, charts, the\n"
    "                             year-by-year summary, the whole plan); svg or png: the\n"
    "                             charts as a picture. The date made is today\n"
    "                             (SL_TODAY=YYYY-MM-DD fixes it: the same file every run)\n"
    "  --format sef-pdf --output FILE | sef-json  --lender NAME [--lender-contact TEXT]\n"
    "                             the standard European information sheet (SEF) of the\n"
    "                             offer: as a PDF, or its figures as JSON (docs/sef.md);\n"
    "                             the extra effective rate is for a rise of --rate-shock\n"
    "                             points (default 3)\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n");

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
    fprintf(cli_notes(), "sl-plan: %s\n",
            _("no --amount given; showing the built-in example: 2 000 000 kr over 25 "
              "years at 4.640 % (Husbanken's floating rate from 1 July 2024), monthly annuity, "
              "term fee 30 kr, establishment fee 600 kr."));
}

static void check_row(int rc)
{
    if (rc < 0)
        cli_die(1, _("the plan could not be computed: %s"), sl_strerror(rc));
}

static void print_csv(sl_plan *plan)
{
    sl_plan_row r;
    int rc;
    cli_row_csv_header();
    while ((rc = sl_plan_next(plan, &r)) == 1)
        cli_row_csv(&r);
    check_row(rc);
}

/* The effective rate and cost figures (computed by the library from the
 * engine's rows). Returns 0, or the library's code when no rate exists. */
static int kept_payment; /* --payment with --amount: the plan holds a payment */

static int plan_cost(const sl_loan_terms *t, sl_plan_cost *cost, sl_error *err)
{
    sl_error_clear(err);
    if (kept_payment) { /* the contract alone does not give the kept payment's plan */
        snprintf(err->message, sizeof err->message,
                 "not computed for a kept payment (give the rows to sl-apr)");
        return SL_EINVAL;
    }
    return sl_plan_cost_compute(cost, t, NULL, err);
}

static json_t *totals_json(const sl_plan_totals *tot, const sl_loan_terms *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "terms", json_integer(tot->terms));
    json_object_set_new(o, "interest", cli_json_money(tot->interest));
    json_object_set_new(o, "principal", cli_json_money(tot->principal));
    json_object_set_new(o, "term_fees", cli_json_money(tot->term_fees));
    json_object_set_new(o, "establishment_fee", cli_json_money(tot->establishment_fee));
    json_object_set_new(o, "fees", cli_json_money(tot->fees));
    json_object_set_new(o, "paid", cli_json_money(tot->paid));
    sl_plan_cost cost;
    sl_error err;
    char rate[SL_RATE_BUFSIZE];
    if (plan_cost(t, &cost, &err) == SL_OK) {
        json_object_set_new(o, "effective_rate", json_string(cli_rate_fixed(rate, cost.apr.rate, 2, '.')));
        json_object_set_new(o, "total_cost", cli_json_money(cost.total_cost));
        json_object_set_new(o, "total_payable", cli_json_money(cost.total_payable));
    } else {
        json_object_set_new(o, "effective_rate", json_null());
        json_object_set_new(o, "total_cost", cli_json_money(tot->interest + tot->fees));
        json_object_set_new(o, "total_payable", cli_json_money(tot->paid));
    }
    return o;
}

static void print_json(sl_plan *plan, json_t *extra)
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
    /* the rows written as text, the rest through jansson (cli_json_rows.c) */
    cli_rows_json schedule;
    cli_rows_json_begin(&schedule);
    sl_plan_row r;
    int rc;
    while ((rc = sl_plan_next(plan, &r)) == 1)
        cli_rows_json_add(&schedule, &r);
    check_row(rc);
    cli_rows_json_end(&schedule);
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    json_t *root = json_object();
    json_object_set_new(root, "loan", loan);
    json_object_set_new(root, "schedule", json_null()); /* its place */
    json_object_set_new(root, "totals", totals_json(&tot, t));
    if (extra)
        json_object_update(root, extra);
    sl_settlement st;
    if (sl_plan_settlement(plan, &st) == SL_OK)
        json_object_set_new(root, "settlement", cli_settlement_json(&st));
    cli_json_print_with(root, "schedule", schedule.text.s);
    cli_text_free(&schedule.text);
}

/* The key figures above the rows (and alone, --view summary). */
static void print_head(const sl_loan_terms *t, sl_money first_payment)
{
    char a[CLI_HUMAN_BUFSIZE], line[160];
    int years = t->terms / t->terms_per_year, extra = t->terms % t->terms_per_year;
    printf("%s\n\n", _("Startlån payment plan (nedbetalingsplan)"));
    cli_kv(stdout, _("Amount (lånebeløp)"), cli_amount(a, t->principal), "kr");
    cli_kv(stdout, _("Nominal rate"), cli_rate_text(a, t->nominal_rate, ','), "%");
    cli_kv(stdout, _("Type"),
           t->type == SL_LOAN_ANNUITY ? _("annuity (annuitet)") : _("serial (serie)"), "");
    if (extra)
        snprintf(line, sizeof line, _("%d %s (%d years %d terms)"), t->terms,
                 _(cli_frequency_name(t->terms_per_year)), years, extra);
    else
        snprintf(line, sizeof line, _("%d %s (%d years)"), t->terms,
                 _(cli_frequency_name(t->terms_per_year)), years);
    cli_kv(stdout, _("Terms"), line, "");
    if (t->interest_only_terms) {
        snprintf(line, sizeof line, "%d", t->interest_only_terms);
        cli_kv(stdout, _("Interest-only terms"), line, "");
    }
    cli_kv(stdout, _("Term fee (termingebyr)"), cli_amount(a, t->term_fee), "kr");
    cli_kv(stdout, _("Establishment fee"), cli_amount(a, t->establishment_fee), "kr");
    cli_kv(stdout, _("Payment rounded to"),
           t->payment_rounding.unit == SL_ROUND_UNIT_KRONE ? _("whole kroner") : _("the øre"), "");
    cli_kv(stdout, _("Rounding mode"), cli_round_mode_text(t->payment_rounding.mode), "");
    cli_kv(stdout, _("First payment (terminbeløp)"), cli_amount(a, first_payment), "kr");
}

/* The totals, the effective rate and the settlement below the rows. */
static void print_totals(sl_plan *plan, const sl_loan_terms *t)
{
    char a[CLI_HUMAN_BUFSIZE], d[CLI_HUMAN_BUFSIZE];
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    printf("\n");
    printf(_("Totals over %d terms\n"), tot.terms);
    cli_kv(stdout, _("Interest (renter)"), cli_amount(a, tot.interest), "kr");
    cli_kv(stdout, _("Principal (avdrag)"), cli_amount(a, tot.principal), "kr");
    cli_kv(stdout, _("Term fees"), cli_amount(a, tot.term_fees), "kr");
    cli_kv(stdout, _("Establishment fee"), cli_amount(a, tot.establishment_fee), "kr");
    cli_kv(stdout, _("Total paid"), cli_amount(a, tot.paid), "kr");
    sl_plan_cost cost;
    sl_error err;
    if (plan_cost(t, &cost, &err) == SL_OK) {
        char sentence[256];
        cli_kv(stdout, _("Effective rate (eff. rente)"), cli_rate_fixed(a, cost.apr.rate, 2, ','),
               "%");
        cli_kv(stdout, _("Total cost of credit"), cli_amount(a, cost.total_cost), "kr");
        cli_kv(stdout, _("Total payable"), cli_amount(a, cost.total_payable), "kr");
        if (cli_cost_sentence(sentence, sizeof sentence, &cost) > 0) {
            printf("\n");
            cli_wrap(stdout, sentence, 100);
        }
        cli_wrap(stdout, _("(Effective rate: establishment fee deducted from the payout, term fee "
                         "in every payment, equal months; the nominal rate is assumed to stay at "
                         "its level at signing.)"), 100);
    } else {
        cli_kv(stdout, _("Effective rate (eff. rente)"), _("not defined"), "");
        printf("  (%s)\n", err.message);
    }
    sl_settlement st;
    if (sl_plan_settlement(plan, &st) == SL_OK) {
        char line[96];
        printf("\n");
        printf(_("Settlement (innfrielse) on %s\n"), cli_date_human(d, st.date));
        cli_kv(stdout, _("Balance repaid"), cli_amount(a, st.balance), "kr");
        cli_kv(stdout, _("Interest to the date"), cli_amount(a, st.interest), "kr");
        cli_kv(stdout, _("Term fee"), cli_amount(a, st.fee), "kr");
        snprintf(line, sizeof line, _("Over-/underkurs (%d months)"), st.break_months);
        cli_kv(stdout, line, cli_amount(a, st.break_cost), "kr");
        cli_kv(stdout, _("Settlement amount"), cli_amount(a, st.total), "kr");
    }
}

/* One line a term, at most 100 columns (an event note may run past). */
static const int term_widths[] = {6, -10, 12, 12, 13, 8, 14, 7};

static void print_terms(sl_plan *plan, sl_plan_row *r, int rc)
{
    const char *head[] = {_("Term"), _("Due date"), _("Payment"), _("Interest"),
                          _("Principal"), _("Fee"), _("Balance"), _("Rate"), _("Event")};
    cli_row(stdout, term_widths, 8, head, 9);
    char cell[8][CLI_HUMAN_BUFSIZE], ev[256];
    while (rc == 1) {
        snprintf(cell[0], sizeof cell[0], "%d", r->term);
        cli_date_human(cell[1], r->due_date);
        cli_amount(cell[2], r->payment);
        cli_amount(cell[3], r->interest);
        cli_amount(cell[4], r->principal);
        cli_amount(cell[5], r->fee);
        cli_amount(cell[6], r->closing_balance);
        cli_rate_text(cell[7], r->rate, ',');
        cli_events_human(ev, sizeof ev, r->events);
        const char *cells[] = {cell[0], cell[1], cell[2], cell[3], cell[4],
                               cell[5], cell[6], cell[7], ev};
        cli_row(stdout, term_widths, 8, cells, ev[0] ? 9 : 8);
        rc = sl_plan_next(plan, r);
    }
    check_row(rc);
}

/* One line a year (calendar years of the due dates, else plan years). */
static const int year_widths[] = {-5, 14, 14, 14, 10, 16};

static void print_years(sl_plan *plan, sl_plan_row *r, int rc, int csv)
{
    if (csv)
        puts("year,paid,interest,principal,fees,balance");
    else {
        const char *head[] = {_("Year"),      _("Paid"), _("Interest"),
                              _("Principal"), _("Fees"), _("Balance")};
        cli_row(stdout, year_widths, 6, head, 6);
    }
    cli_year y;
    cli_year_start(&y);
    for (;;) {
        int done = rc != 1;
        if (done || cli_year_add(&y, r, sl_plan_terms(plan)->terms_per_year)) {
            if (y.terms) {
                char cell[6][CLI_HUMAN_BUFSIZE];
                snprintf(cell[0], sizeof cell[0], "%d", y.year);
                if (csv) {
                    printf("%s,%s,%s,%s,%s,%s\n", cell[0], cli_plain(cell[1], y.paid),
                           cli_plain(cell[2], y.interest), cli_plain(cell[3], y.principal),
                           cli_plain(cell[4], y.fees), cli_plain(cell[5], y.balance));
                } else {
                    cli_amount(cell[1], y.paid);
                    cli_amount(cell[2], y.interest);
                    cli_amount(cell[3], y.principal);
                    cli_amount(cell[4], y.fees);
                    cli_amount(cell[5], y.balance);
                    const char *cells[] = {cell[0], cell[1], cell[2], cell[3], cell[4], cell[5]};
                    cli_row(stdout, year_widths, 6, cells, 6);
                }
            }
            if (done)
                break;
            cli_year_start(&y);
            cli_year_add(&y, r, sl_plan_terms(plan)->terms_per_year);
        }
        rc = sl_plan_next(plan, r);
    }
    check_row(rc);
}

static void print_table(sl_plan *plan, cli_view v)
{
    const sl_loan_terms *t = sl_plan_terms(plan);
    sl_plan_row r;
    int rc = sl_plan_next(plan, &r);
    check_row(rc);
    print_head(t, r.payment);
    if (v != CLI_VIEW_SUMMARY)
        printf("\n");
    if (v == CLI_VIEW_FULL)
        print_terms(plan, &r, rc);
    else if (v == CLI_VIEW_YEAR)
        print_years(plan, &r, rc, 0);
    else {
        sl_plan_totals tot;
        check_row(sl_plan_finish(plan, &tot));
    }
    print_totals(plan, t);
}

/* The answer to one of Husbanken's questions, for the output. */
typedef struct question {
    int kind; /* 0 none, 1 how long (kept payment), 2 how much (largest loan) */
    sl_money payment, step, max;
    int terms, terms_per_year;
    sl_plan_row over;
} question;

/* How long: the plan holding `payment`, its number of terms. */
static sl_plan *keep_payment(question *q, sl_loan_terms *terms)
{
    sl_plan *plan;
    sl_error err;
    if (sl_plan_new_with_payment(&plan, terms, q->payment, &err) != SL_OK)
        cli_fail_option(err.field[0] == 'p' ? "--payment" : cli_option_for_field(err.field), &err);
    sl_plan_row r, last;
    memset(&last, 0, sizeof last);
    int rc, n = 0;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        last = r;
        n++;
    }
    sl_plan_free(plan);
    if (rc < 0)
        cli_die(1, _("the plan could not be computed: %s"), sl_strerror(rc));
    if (last.payment > q->payment) {
        char a[SL_MONEY_BUFSIZE];
        cli_die(CLI_EXIT_USAGE, _("--payment '%s': does not repay the loan within %d years"),
                cli_plain(a, q->payment), SL_PLAN_MAX_YEARS);
    }
    terms->terms = n; /* the same plan, now with its own length (and rule findings) */
    if (sl_plan_new_with_payment(&plan, terms, q->payment, &err) != SL_OK)
        cli_fail_option("--payment", &err);
    q->terms = n;
    q->terms_per_year = terms->terms_per_year;
    return plan;
}

static void largest_loan(question *q, sl_loan_terms *terms)
{
    sl_error err;
    sl_plan_row at;
    if (sl_plan_max_principal(&q->max, &at, &q->over, terms, q->payment, q->step, &err) != SL_OK)
        cli_fail_option(err.field[0] == 's' ? "--step" : "--payment", &err);
    if (q->max == 0) {
        char a[SL_MONEY_BUFSIZE];
        cli_die(CLI_EXIT_USAGE,
                _("--payment '%s': no loan of one step has a first payment this low"),
                cli_plain(a, q->payment));
    }
    terms->principal = q->max;
}

static void question_text(FILE *f, const question *q)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE];
    if (q->kind == 1) {
        int y = q->terms / q->terms_per_year, m = q->terms % q->terms_per_year;
        if (m)
            fprintf(f, _("Keeping %s kr a term (fee included), the loan is repaid in %d terms "
                         "(%d years %d terms); the last term pays the rest.\n"),
                    cli_amount(a, q->payment), q->terms, y, m);
        else
            fprintf(f, _("Keeping %s kr a term (fee included), the loan is repaid in %d terms "
                         "(%d years); the last term pays the rest.\n"),
                    cli_amount(a, q->payment), q->terms, y);
    } else if (q->kind == 2) {
        fprintf(f, _("The largest loan (in steps of %s kr) whose first payment is at most %s "
                     "kr: %s kr."),
                cli_amount(a, q->step), cli_amount(b, q->payment), cli_amount(c, q->max));
        if (q->over.term)
            fprintf(f, _(" One step more pays %s kr."), cli_amount(a, q->over.payment));
        fprintf(f, "\n");
    }
}

static json_t *question_json(const question *q)
{
    json_t *o = json_object();
    json_object_set_new(o, "payment", cli_json_money(q->payment));
    if (q->kind == 1) {
        json_object_set_new(o, "terms", json_integer(q->terms));
        json_object_set_new(o, "years", json_integer(q->terms / q->terms_per_year));
        json_object_set_new(o, "extra_terms", json_integer(q->terms % q->terms_per_year));
    } else {
        json_object_set_new(o, "step", cli_json_money(q->step));
        json_object_set_new(o, "max_amount", cli_json_money(q->max));
        json_object_set_new(o, "one_step_more_payment",
                            q->over.term ? cli_json_money(q->over.payment) : json_null());
    }
    json_t *root = json_object();
    json_object_set_new(root, q->kind == 1 ? "payment_kept" : "largest_loan", o);
    return root;
}

/* The plan's headline figures, for the rate shock. */
typedef struct headline {
    sl_money first_payment;
    sl_plan_totals totals;
    int have_rate;
    sl_rate effective;
} headline;

static void headline_of(headline *h, const sl_loan_terms *t, const question *q)
{
    sl_plan *plan;
    sl_error err;
    int rc = q->kind == 1 ? sl_plan_new_with_payment(&plan, t, q->payment, &err)
                          : sl_plan_new(&plan, t, &err);
    if (rc != SL_OK)
        cli_fail_option("--rate-shock", &err);
    sl_plan_row r;
    if (sl_plan_next(plan, &r) != 1)
        cli_die(1, _("the plan could not be computed"));
    h->first_payment = r.payment;
    if (sl_plan_finish(plan, &h->totals) != SL_OK)
        cli_die(1, _("the plan could not be computed"));
    sl_plan_free(plan);
    sl_plan_cost cost;
    h->have_rate = plan_cost(t, &cost, &err) == SL_OK;
    if (h->have_rate)
        h->effective = cost.apr.rate;
}

static json_t *headline_json(const headline *h)
{
    char rate[SL_RATE_BUFSIZE];
    json_t *o = json_object();
    json_object_set_new(o, "first_payment", cli_json_money(h->first_payment));
    json_object_set_new(o, "terms", json_integer(h->totals.terms));
    json_object_set_new(o, "interest", cli_json_money(h->totals.interest));
    json_object_set_new(o, "paid", cli_json_money(h->totals.paid));
    json_object_set_new(o, "effective_rate",
                        h->have_rate ? json_string(cli_rate_fixed(rate, h->effective, 2, '.'))
                                     : json_null());
    return o;
}

static void shock_line(FILE *f, const char *label, const char *base, const char *shocked)
{
    fputs("  ", f);
    cli_pad(f, label, 28);
    fputc(' ', f);
    cli_pad(f, base, -20);
    fputc(' ', f);
    cli_pad(f, shocked, -20);
    fputc('\n', f);
}

static void shock_text(FILE *f, const headline *b, const headline *s, sl_rate points)
{
    char x[CLI_HUMAN_BUFSIZE], y[CLI_HUMAN_BUFSIZE], p[SL_RATE_BUFSIZE], head[64];
    snprintf(head, sizeof head, _("%s%s points"), points.num >= 0 ? "+" : "",
             cli_rate_text(p, points, ','));
    fprintf(f, "\n");
    fprintf(f, _("Rate shock: every rate %s\n"), head);
    shock_line(f, "", _("base"), head);
    shock_line(f, _("First payment"), cli_amount(x, b->first_payment),
               cli_amount(y, s->first_payment));
    snprintf(x, sizeof x, "%d", b->totals.terms);
    snprintf(y, sizeof y, "%d", s->totals.terms);
    shock_line(f, _("Terms"), x, y);
    shock_line(f, _("Interest"), cli_amount(x, b->totals.interest), cli_amount(y, s->totals.interest));
    shock_line(f, _("Total paid"), cli_amount(x, b->totals.paid), cli_amount(y, s->totals.paid));
    if (b->have_rate && s->have_rate)
        shock_line(f, _("Effective rate"), cli_percent_human(x, b->effective, 2),
                   cli_percent_human(y, s->effective, 2));
}


/* The plan of t (made as the output's plan is) read for a document. */
static void read_doc_plan(doc_plan *dp, const sl_loan_terms *t, const question *q)
{
    sl_plan *plan;
    sl_error err;
    int rc = q->kind == 1 ? sl_plan_new_with_payment(&plan, t, q->payment, &err)
                          : sl_plan_new(&plan, t, &err);
    if (rc != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    sl_plan_cost cost;
    int have_cost = plan_cost(t, &cost, &err) == SL_OK;
    doc_plan_read(dp, plan, t, have_cost ? &cost : NULL, err.message);
    sl_plan_free(plan);
}

enum { OPT_PAYMENT = CLI_OPT_FIRST_FREE, OPT_STEP, OPT_RATE_SHOCK, OPT_VIEW,
       OPT_OUTPUT, OPT_LENDER, OPT_LENDER_CONTACT };

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        CLI_CONTRACT_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        {"payment", required_argument, NULL, OPT_PAYMENT},
        {"step", required_argument, NULL, OPT_STEP},
        {"rate-shock", required_argument, NULL, OPT_RATE_SHOCK},
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"lender", required_argument, NULL, OPT_LENDER},
        {"lender-contact", required_argument, NULL, OPT_LENDER_CONTACT},
        {"view", required_argument, NULL, OPT_VIEW},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    cli_contract contract;
    cli_contract_init(&contract);
    cli_format format = CLI_TABLE;
    doc_format document = DOC_NONE;
    const char *output = NULL, *lender = NULL, *lender_contact = NULL;
    cli_view view = CLI_VIEW_FULL;
    question q = {0, 0, 100000, 0, 0, 12, {0}};
    int have_payment = 0, have_shock = 0, opt;
    sl_rate shock = SL_RATE_ZERO;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        if (cli_contract_option(&contract, opt, optarg))
            continue;
        switch (opt) {
        case CLI_OPT_FORMAT:
            document = doc_format_option(
                optarg, DOC_PDF | DOC_SVG | DOC_PNG | DOC_SEF_PDF | DOC_SEF_JSON, &format);
            break;
        case OPT_OUTPUT:
            output = optarg;
            break;
        case OPT_LENDER:
            lender = doc_text_option("--lender", optarg);
            break;
        case OPT_LENDER_CONTACT:
            lender_contact = doc_text_option("--lender-contact", optarg);
            break;
        case OPT_PAYMENT:
            q.payment = cli_money_nonneg("--payment", optarg);
            have_payment = 1;
            break;
        case OPT_STEP:
            q.step = cli_money_positive("--step", optarg);
            break;
        case OPT_RATE_SHOCK:
            shock = cli_percent("--rate-shock", optarg, -100, 100);
            have_shock = 1;
            break;
        case OPT_VIEW:
            view = cli_view_parse(optarg);
            break;
        case CLI_OPT_CSV_STYLE:
            cli_csv_style_set(cli_csv_style_parse(optarg));
            break;
        case CLI_OPT_HELP:
            printf(_(usage), _(cli_loan_help), _(cli_life_help));
            return 0;
        default: /* --version, or an error */
            cli_other_option(opt, argv, NULL);
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    format = cli_csv_format(format);
    if (format == CLI_JSON && view != CLI_VIEW_FULL)
        cli_usage_error(_("--view: for --format table or csv (JSON has every row)"));
    if (format == CLI_CSV && view == CLI_VIEW_SUMMARY)
        cli_usage_error(_("--view summary: for --format table (CSV has rows)"));
    doc_output_check(document, output);
    if (document && view != CLI_VIEW_FULL)
        cli_usage_error(_("--view: for --format table or csv"));
    int sef = document == DOC_SEF_PDF || document == DOC_SEF_JSON;
    if (sef && !lender)
        cli_usage_error(_("--format sef-pdf|sef-json: give the lender's name with --lender NAME"));
    if (!sef && (lender || lender_contact))
        cli_usage_error(_("--lender, --lender-contact: only with --format sef-pdf or sef-json"));
    if (sef && !have_shock)
        shock = DOC_SEF_DEFAULT_RISE; /* the sheet's significant rise of the floating rate */
    int length_given = contract.loan.years || contract.loan.terms_count;
    if (have_payment) {
        if (contract.have_amount && !length_given) {
            q.kind = 1;
            contract.loan.years = SL_PLAN_MAX_YEARS; /* the most it may take */
        } else if (!contract.have_amount && length_given) {
            q.kind = 2;
            contract.loan.terms.principal = q.step; /* placeholder: the search sets it */
        } else {
            cli_usage_error(_("--payment: give --amount without --years/--terms (how long does it "
                              "take) or --years/--terms without --amount (how much can we "
                              "borrow)"));
        }
    } else if (!contract.have_amount) {
        if (contract.given || contract.tpy_given)
            cli_usage_error(_("--amount is required when other loan options are given"));
        builtin_example(&contract.loan);
    }
    int fee_financed = contract.fee_financed;
    if (fee_financed && q.kind == 2)
        cli_usage_error(_("--establishment-fee-financed: give --amount (the payout)"));
    sl_loan_terms terms;
    /* with --establishment-fee-financed the plan runs on amount + fee */
    cli_contract_finish(&contract, 0, &terms);
    sl_money payout = contract.payout;

    sl_plan *plan = NULL;
    sl_error err;
    if (q.kind == 1) {
        kept_payment = 1;
        plan = keep_payment(&q, &terms);
    } else {
        if (q.kind == 2)
            largest_loan(&q, &terms);
        if (sl_plan_new(&plan, &terms, &err) != SL_OK)
            cli_fail_option(cli_option_for_field(err.field), &err);
    }
    headline base, shocked;
    doc_plan shocked_doc;
    if (have_shock || sef) {
        sl_loan_terms st;
        sl_rate_change moved[256];
        if (terms.rate_change_count > sizeof moved / sizeof moved[0])
            cli_die(CLI_EXIT_USAGE, _("--rate-shock: at most 256 rate changes"));
        if (sl_loan_terms_shift_rates(&st, moved, &terms, shock, &err) != SL_OK)
            cli_fail_option("--rate-shock", &err);
        if (have_shock) {
            headline_of(&base, &terms, &q);
            headline_of(&shocked, &st, &q);
        }
        if ((have_shock && document == DOC_PDF) || sef)
            read_doc_plan(&shocked_doc, &st, &q);
    }
    cli_contract_history_warning(&contract);
    cli_contract_free(&contract); /* the plan keeps its own copies */
    cli_findings_report(plan, contract.life.strict);
    cli_lengthening_report(plan);
    if (document) {
        question_text(stderr, &q);
        doc_plan dp;
        doc_plan_read(&dp, plan, &terms, NULL, NULL);
        sl_plan_cost cost;
        if (plan_cost(&terms, &cost, &err) == SL_OK) {
            dp.have_cost = 1;
            dp.cost = cost;
        } else {
            snprintf(dp.no_cost, sizeof dp.no_cost, "%s", err.message);
        }
        if (sef) {
            if (!dp.have_cost || !shocked_doc.have_cost)
                cli_die(CLI_EXIT_USAGE, _("--format %s: the sheet needs the effective rate, which "
                                          "this contract does not have (%s)"),
                        document == DOC_SEF_PDF ? "sef-pdf" : "sef-json",
                        dp.have_cost ? shocked_doc.no_cost : dp.no_cost);
            doc_sef s = {lender, lender_contact, &dp, shock,
                         shocked_doc.count ? shocked_doc.rows[0].rate : shocked_doc.terms.nominal_rate,
                         shocked_doc.cost, shocked_doc.count ? shocked_doc.rows[0].payment : 0,
                         cli_today()};
            if (document == DOC_SEF_PDF)
                doc_sef_pdf(output, &s);
            else
                doc_sef_json(&s);
        } else if (document == DOC_PDF) {
            doc_plan_pdf(output, &dp, have_shock ? &shocked_doc : NULL, shock, cli_today());
        } else {
            doc_plan_charts(output, document, &dp, cli_today());
        }
        doc_plan_free(&dp);
        if ((have_shock && document == DOC_PDF) || sef)
            doc_plan_free(&shocked_doc);
    } else if (format == CLI_CSV) {
        question_text(stderr, &q);
        cli_csv_begin();
        if (view == CLI_VIEW_YEAR) {
            sl_plan_row r;
            print_years(plan, &r, sl_plan_next(plan, &r), 1);
        } else {
            print_csv(plan);
        }
        cli_csv_end();
        if (have_shock)
            shock_text(stderr, &base, &shocked, shock);
    } else if (format == CLI_JSON) {
        json_t *extra = q.kind ? question_json(&q) : json_object();
        if (fee_financed) {
            json_t *f = json_object();
            json_object_set_new(f, "payout", cli_json_money(payout));
            json_object_set_new(f, "fee_added", cli_json_money(terms.establishment_fee));
            json_object_set_new(extra, "establishment_fee_financed", f);
        }
        if (have_shock) {
            json_t *s = headline_json(&shocked);
            json_object_set_new(s, "points", cli_json_rate(shock));
            json_object_set_new(s, "base", headline_json(&base));
            json_object_set_new(extra, "rate_shock", s);
        }
        print_json(plan, extra);
        json_decref(extra);
    } else {
        if (q.kind) {
            question_text(stdout, &q);
            printf("\n");
        }
        if (fee_financed) {
            char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE];
            printf(_("The establishment fee %s kr is added to the loan: the plan runs on %s kr, "
                     "the payout is the amount asked for.\n\n"),
                   cli_amount(a, terms.establishment_fee), cli_amount(b, terms.principal));
        }
        print_table(plan, view);
        if (have_shock)
            shock_text(stdout, &base, &shocked, shock);
    }
    sl_plan_free(plan);
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    return 0;
}
