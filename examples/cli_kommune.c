/* The kommune's side in sl-rent-to-own: see cli_kommune.h. */
#include "cli_kommune.h"

#include <string.h>

const char *const cli_kommune_usage = /* xgettext:no-c-format */ N_(
    "The kommune's side (kommunen kjøper først; any of these turns it on):\n"
    "  --kommune-loan-rate PCT    rate of Husbanken's loan for rental housing (required)\n"
    "  --kommune-loan-share PCT   that loan's share of price + --kommune-costs (default 85)\n"
    "  --kommune-loan-years Y     its length (default 30; up to 50)\n"
    "  --kommune-term-fee A       its term fee (default 0)\n"
    "  --kommune-costs A          the kommune's own purchase costs in year 0 (default 0)\n"
    "  --area M2                  the home's P-ROM, whole m² (for the tilskudd)\n"
    "  --rental-grant-per-m2 A    tilskudd til utleieboliger per m² (Holmestrand's\n"
    "                             group 9 600)\n"
    "  --rental-grant-max-area M2 largest area measured (default 80)\n"
    "  --rental-grant-writedown PCT   per completed year (default 3.3)\n"
    "  --rental-grant-years Y     write-down period (default 30)\n"
    "  --fdv A                    forvaltning, drift, vedlikehold a month\n"
    "  --municipal-fees A         kommunale avgifter a month, covered by the rent\n"
    "  Without --cost-rent the cost rent is derived (loan payment + FDV + kommunale\n"
    "  avgifter); without --rent the rent is that cost rent.\n");

/* The library's field names and the options that set them. */
static const struct {
    const char *field, *option;
    int opt;
} fields[] = {
    {"loan_share", "--kommune-loan-share", CLI_KOMMUNE_OPT_LOAN_SHARE},
    {"nominal_rate", "--kommune-loan-rate", CLI_KOMMUNE_OPT_LOAN_RATE},
    {"terms", "--kommune-loan-years", CLI_KOMMUNE_OPT_LOAN_YEARS},
    {"term_fee", "--kommune-term-fee", CLI_KOMMUNE_OPT_TERM_FEE},
    {"purchase_costs", "--kommune-costs", CLI_KOMMUNE_OPT_COSTS},
    {"area_m2", "--area", CLI_KOMMUNE_OPT_AREA},
    {"grant_per_m2", "--rental-grant-per-m2", CLI_KOMMUNE_OPT_GRANT_PER_M2},
    {"max_area_m2", "--rental-grant-max-area", CLI_KOMMUNE_OPT_GRANT_MAX_AREA},
    {"grant_writedown", "--rental-grant-writedown", CLI_KOMMUNE_OPT_GRANT_WRITEDOWN},
    {"grant_years", "--rental-grant-years", CLI_KOMMUNE_OPT_GRANT_YEARS},
    {"fdv", "--fdv", CLI_KOMMUNE_OPT_FDV},
};

void cli_kommune_init(cli_kommune *k)
{
    memset(k, 0, sizeof *k);
    sl_kommune_options_init(&k->opt);
    sl_loan_terms_init(&k->loan);
    k->years = 30;
}

int cli_kommune_option(cli_kommune *k, int opt, const char *arg)
{
    if (opt == CLI_OPT_MUNICIPAL_FEES) {
        k->opt.municipal_fees = cli_money_nonneg("--municipal-fees", arg);
        k->municipal_fees_text = arg;
        return 1; /* the budget's too: not by itself a kommune option */
    }
    if (opt < CLI_KOMMUNE_OPT_LOAN_RATE || opt >= CLI_KOMMUNE_OPT_END)
        return 0;
    k->active = 1;
    k->given[opt - CLI_KOMMUNE_OPT_LOAN_RATE] = arg;
    switch (opt) {
    case CLI_KOMMUNE_OPT_LOAN_RATE:
        k->loan.nominal_rate = cli_percent("--kommune-loan-rate", arg, 0, 100);
        k->have_rate = 1;
        break;
    case CLI_KOMMUNE_OPT_LOAN_SHARE:
        k->opt.loan_share = cli_percent("--kommune-loan-share", arg, 0, 100);
        break;
    case CLI_KOMMUNE_OPT_LOAN_YEARS:
        k->years = cli_int("--kommune-loan-years", arg, 1, SL_PLAN_MAX_YEARS);
        break;
    case CLI_KOMMUNE_OPT_TERM_FEE:
        k->loan.term_fee = cli_money_nonneg("--kommune-term-fee", arg);
        break;
    case CLI_KOMMUNE_OPT_COSTS:
        k->opt.purchase_costs = cli_money_nonneg("--kommune-costs", arg);
        break;
    case CLI_KOMMUNE_OPT_AREA:
        k->opt.area_m2 = (int)cli_int("--area", arg, 0, 10000);
        break;
    case CLI_KOMMUNE_OPT_GRANT_PER_M2:
        k->opt.grant_per_m2 = cli_money_nonneg("--rental-grant-per-m2", arg);
        break;
    case CLI_KOMMUNE_OPT_GRANT_MAX_AREA:
        k->opt.max_area_m2 = (int)cli_int("--rental-grant-max-area", arg, 0, 10000);
        break;
    case CLI_KOMMUNE_OPT_GRANT_WRITEDOWN:
        k->opt.grant_writedown = cli_percent("--rental-grant-writedown", arg, 0, 100);
        break;
    case CLI_KOMMUNE_OPT_GRANT_YEARS:
        k->opt.grant_years = (int)cli_int("--rental-grant-years", arg, 1, 100);
        break;
    case CLI_KOMMUNE_OPT_FDV:
        k->opt.fdv = cli_money_nonneg("--fdv", arg);
        break;
    }
    return 1;
}

_Noreturn static void fail(const cli_kommune *k, const sl_error *err)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(err->field, fields[i].field) != 0)
            continue;
        const char *typed = k->given[fields[i].opt - CLI_KOMMUNE_OPT_LOAN_RATE];
        cli_die(CLI_EXIT_USAGE, "%s '%s': %s", fields[i].option, typed ? typed : err->value,
                cli_error_reason(err));
    }
    if (strcmp(err->field, "municipal_fees") == 0)
        cli_die(CLI_EXIT_USAGE, "--municipal-fees '%s': %s",
                k->municipal_fees_text ? k->municipal_fees_text : err->value,
                cli_error_reason(err));
    /* The price, the rent and the months are the family's options. */
    cli_die(CLI_EXIT_USAGE, _("the kommune's side: %s"), err->message);
}

static void compute(cli_kommune *k, sl_money price, int months, sl_date start)
{
    if (!k->have_rate)
        cli_usage_error(_("--kommune-loan-rate: required with the kommune's side (the rate of "
                          "Husbanken's loan for rental housing)"));
    k->loan.terms = (int)(k->years * 12);
    k->opt.loan = &k->loan;
    k->opt.price = price;
    k->opt.rent_months = months;
    k->opt.start = start;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_kommune_compute(&k->result, k->rows, SL_KOMMUNE_MAX_MONTHS, &k->opt, &err);
    if (rc == SL_ENOMEM)
        cli_die(1, _("out of memory"));
    if (rc != SL_OK)
        fail(k, &err);
}

sl_money cli_kommune_cost_rent(cli_kommune *k, sl_money price, int months, sl_date start)
{
    k->opt.rent_at_cost = 1;
    compute(k, price, months, start);
    return k->result.cost_rent;
}

void cli_kommune_run(cli_kommune *k, sl_money price, int months, sl_date start,
                     const sl_money *rents, sl_money rent, sl_money sale_price)
{
    k->opt.rent_at_cost = 0;
    k->opt.rents = rents;
    k->opt.rent = rent;
    k->opt.sale_price = sale_price;
    compute(k, price, months, start);
}

static void line(const char *label, sl_money v)
{
    char a[SL_MONEY_BUFSIZE];
    printf("  %-44s %16s kr\n", label, cli_nor(a, v));
}

void cli_kommune_print(const cli_kommune *k)
{
    const sl_kommune_result *r = &k->result;
    char a[SL_MONEY_BUFSIZE], b[SL_MONEY_BUFSIZE], c[SL_MONEY_BUFSIZE], e[SL_MONEY_BUFSIZE],
        f[SL_MONEY_BUFSIZE], g[SL_MONEY_BUFSIZE], d[SL_DATE_BUFSIZE];
    printf("\n%s\n", _("The kommune's side (kommunen kjøper først)"));
    line(_("Price + the kommune's purchase costs"), r->purchase_total);
    line(_("- Husbanken's loan for rental housing"), r->loan_amount);
    line(_("- Tilskudd til utleieboliger"), r->grant);
    line(_("= The kommune's own capital"), r->own_capital);
    line(_("Loan payment (first term)"), r->first_payment);
    line(_("Cost rent a month (loan + FDV + avgifter)"), r->cost_rent);
    printf(_("Over the %d rent months\n"), k->opt.rent_months);
    line(_("+ Rent received"), r->rent_received);
    line(_("- Interest"), r->interest_paid);
    line(_("- Fees"), r->fees_paid);
    line(_("- FDV and kommunale avgifter"), r->running_costs);
    printf(_("At the sale (end of month %d)\n"), k->opt.rent_months);
    line(_("+ Paid by the family"), r->sale_proceeds);
    line(_("- Husbanken's loan repaid"), r->loan_repaid);
    char label[64];
    snprintf(label, sizeof label, _("- Tilskudd repaid (%d years written down)"),
             r->grant_years_completed);
    line(label, r->grant_repaid);
    line(_("= The kommune's result over the deal"), r->kommune_result);
    printf(_("If the option lapses: cash %s kr after month %d; the kommune keeps the home\n"
             "with %s kr of the loan and %s kr of the tilskudd not written down.\n"),
           cli_nor(a, r->lapse_cash), k->opt.rent_months, cli_nor(b, r->lapse_loan_balance),
           cli_nor(c, r->lapse_grant_remaining));
    printf("\n%5s  %-10s  %12s  %12s  %12s  %12s  %14s  %14s\n", _("Month"), _("Date"),
           _("Rent"), _("Loan paym."), _("FDV+avg."), _("Net"), _("Loan balance"), _("Cash"));
    for (int i = 0; i < k->opt.rent_months; i++) {
        const sl_kommune_row *row = &k->rows[i];
        printf("%5d  %-10s  %12s  %12s  %12s  %12s  %14s  %14s\n", row->month,
               cli_date_text(d, row->date), cli_nor(a, row->rent),
               cli_nor(b, row->interest + row->principal + row->fee),
               cli_nor(c, row->running_costs), cli_nor(e, row->net),
               cli_nor(f, row->loan_balance), cli_nor(g, row->cash));
    }
}

json_t *cli_kommune_json(const cli_kommune *k)
{
    const sl_kommune_result *r = &k->result;
    char d[SL_DATE_BUFSIZE];
    json_t *j = json_object();
    json_object_set_new(j, "purchase_total", cli_json_money(r->purchase_total));
    json_object_set_new(j, "loan_amount", cli_json_money(r->loan_amount));
    json_object_set_new(j, "rental_grant", cli_json_money(r->grant));
    json_object_set_new(j, "own_capital", cli_json_money(r->own_capital));
    json_object_set_new(j, "first_payment", cli_json_money(r->first_payment));
    json_object_set_new(j, "capital_cost", cli_json_money(r->capital_cost));
    json_object_set_new(j, "cost_rent", cli_json_money(r->cost_rent));
    json_object_set_new(j, "rent_received", cli_json_money(r->rent_received));
    json_object_set_new(j, "interest_paid", cli_json_money(r->interest_paid));
    json_object_set_new(j, "principal_paid", cli_json_money(r->principal_paid));
    json_object_set_new(j, "fees_paid", cli_json_money(r->fees_paid));
    json_object_set_new(j, "running_costs", cli_json_money(r->running_costs));
    json_object_set_new(j, "sale_proceeds", cli_json_money(r->sale_proceeds));
    json_object_set_new(j, "loan_repaid", cli_json_money(r->loan_repaid));
    json_object_set_new(j, "grant_years_completed", json_integer(r->grant_years_completed));
    json_object_set_new(j, "rental_grant_repaid", cli_json_money(r->grant_repaid));
    json_object_set_new(j, "kommune_result", cli_json_money(r->kommune_result));
    json_t *lapse = json_object();
    json_object_set_new(lapse, "cash", cli_json_money(r->lapse_cash));
    json_object_set_new(lapse, "loan_balance", cli_json_money(r->lapse_loan_balance));
    json_object_set_new(lapse, "rental_grant_remaining",
                        cli_json_money(r->lapse_grant_remaining));
    json_object_set_new(j, "lapse", lapse);
    json_t *tl = json_array();
    for (int i = 0; i < k->opt.rent_months; i++) {
        const sl_kommune_row *row = &k->rows[i];
        json_t *o = json_object();
        json_object_set_new(o, "month", json_integer(row->month));
        json_object_set_new(o, "date", row->date.year ? json_string(cli_date_text(d, row->date))
                                                      : json_null());
        json_object_set_new(o, "rent", cli_json_money(row->rent));
        json_object_set_new(o, "interest", cli_json_money(row->interest));
        json_object_set_new(o, "principal", cli_json_money(row->principal));
        json_object_set_new(o, "fee", cli_json_money(row->fee));
        json_object_set_new(o, "running_costs", cli_json_money(row->running_costs));
        json_object_set_new(o, "net", cli_json_money(row->net));
        json_object_set_new(o, "loan_balance", cli_json_money(row->loan_balance));
        json_object_set_new(o, "rental_grant_remaining", cli_json_money(row->grant_remaining));
        json_object_set_new(o, "cash", cli_json_money(row->cash));
        json_array_append_new(tl, o);
    }
    json_object_set_new(j, "timeline", tl);
    return j;
}
