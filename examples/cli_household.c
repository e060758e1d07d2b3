/* The household options of a budget (sl-finance; the same names as
 * sl-capacity): adults, children, income as people state it, costs, the
 * date and the guideline tables. Every error names the option, exit 2. */
#include "cli.h"

#include <string.h>

const char cli_household_help[] =
    "Household (per month):\n"
    "  --adults 1|2               one adult or a couple\n"
    "  --sharing                  the one adult shares a home (bofellesskap)\n"
    "  --children-0-5 N, --children-6-10 N, --children-11-17 N   children by age\n"
    "  --income A                 net income after tax a month (over 150 000 kr warns)\n"
    "  --gross-income-yearly G    one earner's yearly gross wages (repeatable); the net\n"
    "                             is estimated from the year's tax rules (steps shown)\n"
    "  --fixed-costs A            consumer debt, student loan, kindergarten/SFO, child\n"
    "                             support paid (default 0)\n"
    "  --maintenance A            maintenance (default 0)\n"
    "  --living-costs A           actual living costs, if known (the guideline rate is\n"
    "                             used when higher)\n"
    "  --guidelines FILE          guideline tables from FILE instead of the shipped ones\n"
    "  --strict                   an --income over 150 000 kr a month is an error\n";

void cli_household_init(cli_household *hh)
{
    memset(hh, 0, sizeof *hh);
    sl_household_init(&hh->household);
    cli_income_init(&hh->gross);
}

int cli_household_option(cli_household *hh, int opt, const char *arg)
{
    sl_household *h = &hh->household;
    switch (opt) {
    case CLI_OPT_ADULTS:
        hh->adults = cli_int("--adults", arg, 1, 2);
        break;
    case CLI_OPT_SHARING:
        hh->sharing = 1;
        break;
    case CLI_OPT_CHILDREN_0_5:
        h->children_0_5 = (int)cli_int("--children-0-5", arg, 0, SL_CAPACITY_MAX_CHILDREN);
        break;
    case CLI_OPT_CHILDREN_6_10:
        h->children_6_10 = (int)cli_int("--children-6-10", arg, 0, SL_CAPACITY_MAX_CHILDREN);
        break;
    case CLI_OPT_CHILDREN_11_17:
        h->children_11_17 = (int)cli_int("--children-11-17", arg, 0, SL_CAPACITY_MAX_CHILDREN);
        break;
    case CLI_OPT_INCOME:
        h->income = cli_money_nonneg("--income", arg);
        hh->have_income = 1;
        break;
    case CLI_OPT_GROSS_INCOME:
        cli_income_add_gross(&hh->gross, arg);
        break;
    case CLI_OPT_FIXED_COSTS:
        h->fixed_costs = cli_money_nonneg("--fixed-costs", arg);
        break;
    case CLI_OPT_MAINTENANCE:
        h->maintenance = cli_money_nonneg("--maintenance", arg);
        break;
    case CLI_OPT_LIVING_COSTS:
        h->actual_living_costs = cli_money_nonneg("--living-costs", arg);
        break;
    case CLI_OPT_GUIDELINES:
        hh->guidelines_path = arg;
        break;
    case CLI_OPT_HOUSEHOLD_STRICT:
        hh->strict = 1;
        break;
    default:
        return 0;
    }
    hh->given = 1;
    return 1;
}

int cli_household_finish(cli_household *hh, sl_date date)
{
    if (!hh->given)
        return 0;
    if (!hh->adults)
        cli_usage_error("--adults is required for the household's budget (1 or 2)");
    if (hh->sharing && hh->adults != 1)
        cli_die(CLI_EXIT_USAGE, "--sharing: applies to one adult (--adults 1) sharing a home");
    sl_household *h = &hh->household;
    h->adults = hh->sharing ? SL_ADULTS_SHARING
                            : (hh->adults == 2 ? SL_ADULTS_COUPLE : SL_ADULTS_SINGLE);
    if (!hh->have_income && !hh->gross.earners)
        cli_usage_error("--income (net income after tax per month) or --gross-income-yearly "
                        "is required for the household's budget");
    if (hh->have_income)
        cli_income_check_monthly(h->income, hh->strict);
    cli_income_estimate(&hh->gross, date);
    if (sl_money_add(&h->income, h->income, hh->gross.net_monthly) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--gross-income-yearly: the income is out of range");
    sl_error err;
    sl_error_clear(&err);
    if (hh->guidelines_path) {
        if (sl_guideline_table_load(&hh->guidelines, hh->guidelines_path, &err) != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--guidelines '%s': %s", hh->guidelines_path, err.message);
    } else if (sl_guideline_table_default(&hh->guidelines, &err) != SL_OK) {
        cli_die(1, "the shipped guideline tables could not be read: %s", err.message);
    }
    return 1;
}

void cli_household_free(cli_household *hh)
{
    sl_guideline_table_free(hh->guidelines);
    hh->guidelines = NULL;
}
