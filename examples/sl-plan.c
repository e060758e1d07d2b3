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

static void check_row(int rc)
{
    if (rc < 0)
        cli_die(1, "the plan could not be computed: %s", sl_strerror(rc));
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
static int plan_cost(const sl_loan_terms *t, sl_plan_cost *cost, sl_error *err)
{
    sl_error_clear(err);
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
    while ((rc = sl_plan_next(plan, &r)) == 1)
        json_array_append_new(schedule, cli_row_json(&r));
    check_row(rc);
    sl_plan_totals tot;
    sl_plan_totals_so_far(plan, &tot);
    json_t *root = json_object();
    json_object_set_new(root, "loan", loan);
    json_object_set_new(root, "schedule", schedule);
    json_object_set_new(root, "totals", totals_json(&tot, t));
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
               cli_frequency_name(t->terms_per_year), years, extra);
    else
        printf("  Terms                       %6d %s (%d years)\n", t->terms,
               cli_frequency_name(t->terms_per_year), years);
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
        cli_events_text(ev, sizeof ev, r.events, ", ");
        printf("%5d  %-10s  %18s  %13s  %13s  %8s  %13s  %18s  %4s  %8s%s%s\n", r.term,
               cli_date_text(d, r.due_date), cli_nor(a[0], r.opening_balance),
               cli_nor(a[1], r.interest), cli_nor(a[2], r.principal), cli_nor(a[3], r.fee),
               cli_nor(a[4], r.payment), cli_nor(a[5], r.closing_balance),
               r.due_date.year ? days : "", cli_rate_text(rate, r.rate, ','), ev[0] ? "  " : "",
               ev);
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
    sl_plan_cost cost;
    sl_error err;
    if (plan_cost(t, &cost, &err) == SL_OK) {
        char sentence[256];
        printf("  Effective rate (eff. rente) %20s %%\n", cli_rate_fixed(rate, cost.apr.rate, 2, ','));
        printf("  Total cost of credit        %20s kr\n", cli_nor(a[0], cost.total_cost));
        printf("  Total payable               %20s kr\n", cli_nor(a[0], cost.total_payable));
        if (sl_plan_cost_sentence(sentence, sizeof sentence, &cost, 2) > 0)
            printf("\n%s\n", sentence);
        printf("(Effective rate: establishment fee deducted from the payout, term fee in every "
               "payment, equal months; the nominal rate is assumed to stay at its level at "
               "signing.)\n");
    } else {
        printf("  Effective rate (eff. rente) %20s\n", "not defined");
        printf("  (%s)\n", err.message);
    }
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
        CLI_CONTRACT_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        CLI_END_LONG_OPTIONS,
    };
    cli_contract contract;
    cli_contract_init(&contract);
    cli_format format = CLI_TABLE;
    int opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        if (cli_contract_option(&contract, opt, optarg))
            continue;
        switch (opt) {
        case CLI_OPT_FORMAT:
            format = cli_format_parse(optarg);
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
    if (!contract.have_amount) {
        if (contract.given || contract.tpy_given)
            cli_usage_error("--amount is required when other loan options are given");
        builtin_example(&contract.loan);
    }
    sl_loan_terms terms;
    cli_contract_finish(&contract, 0, &terms);

    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, &terms, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    cli_contract_history_warning(&contract);
    cli_contract_free(&contract); /* the plan keeps its own copies */
    cli_findings_report(plan, contract.life.strict);
    cli_lengthening_report(plan);
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
