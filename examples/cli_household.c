/* The household options of a budget (sl-finance; the same names as
 * sl-capacity): adults, children, income as people state it, costs, the
 * date and the guideline tables. Every error names the option, exit 2. */
#include "cli.h"

#include <stddef.h>
#include <string.h>

/* Printed by every program that reads a household (sl-capacity, sl-finance,
 * sl-rent-to-own): the options are spelled here once, so the programs'
 * help cannot drift apart; in the output's language. */
static const char *const household_help = N_(
    "Household (per month):\n"
    "  --adults 1|2               one adult or a couple (required for a budget)\n"
    "  --sharing                  the one adult shares a home (bofellesskap)\n"
    "  --children-0-5 N, --children-6-10 N, --children-11-17 N   children by age\n"
    "                             (default 0)\n"
    "  --income A                 net income after tax a month, not itemised (or\n"
    "                             --income-item, --gross-income-yearly; over 150 000 kr\n"
    "                             warns)\n"
    "  --gross-income-yearly G    one earner's yearly gross wages (repeatable); the net\n"
    "                             a month is estimated from the year's tax rules and\n"
    "                             added to --income (the steps are shown)\n"
    "  --strict                   an --income over 150 000 kr a month is an error\n"
    "  --living-costs A           actual living costs (with strøm, insurance and\n"
    "                             furniture), if known; the floor is used when higher\n"
    "  --maintenance A            vedlikehold (default 0)\n"
    "  --fixed-costs A            other fixed costs without a line of their own (child\n"
    "                             support paid, …) (default 0)\n");

/* not a format ("3 % a month") */
static const char *const budget_help = /* xgettext:no-c-format */ N_(
    "  --income-item KIND:AMOUNT[:UNTIL]   one net income a month by source (repeatable):\n"
    "                             wages, child-benefit (barnetrygd), cash-for-care\n"
    "                             (kontantstøtte), child-support (barnebidrag),\n"
    "                             transitional-benefit (overgangsstønad), disability\n"
    "                             (uføretrygd), aap, introduction, pension, rental\n"
    "                             (10 months a year), other; UNTIL: the first day\n"
    "                             without it (the budget is checked again then)\n"
    "  --living-costs-basis guideline|actual|sifo   (default: actual when given)\n"
    "  --energy A, --insurance A, --furniture A   strøm og oppvarming, bolig- og\n"
    "                             innboforsikring, innbo og utstyr: the guideline\n"
    "                             rates leave them out, the floor adds them\n"
    "  --municipal-fees A         kommunale avgifter\n"
    "  --other-debt-payments A    other loans and studielån, a month\n"
    "  --credit-limits A          unused credit and card limits (3 % a month)\n"
    "  --childcare A, --transport A   barnehage/SFO; transport the living costs\n"
    "                             do not cover\n");

static const char *const household_help_tail = N_(
    "  --guidelines FILE          read guideline tables from FILE instead of the\n"
    "                             shipped ones (format: share/startlan/guidelines.txt)\n");

void cli_household_help_print(FILE *f)
{
    fputs(_(household_help), f);
    fputs(_(budget_help), f);
    fputs(_(household_help_tail), f);
}

static sl_living_costs_basis living_costs_basis(const char *text)
{
    if (strcmp(text, "guideline") == 0)
        return SL_LIVING_COSTS_GUIDELINE;
    if (strcmp(text, "actual") == 0)
        return SL_LIVING_COSTS_ACTUAL;
    if (strcmp(text, "sifo") == 0)
        cli_die(CLI_EXIT_USAGE,
                _("--living-costs-basis 'sifo': SIFO's reference budget is not shipped (its "
                  "figures could not be sourced); give the figure adapted from it with "
                  "--living-costs and --living-costs-basis actual"));
    cli_die(CLI_EXIT_USAGE, _("--living-costs-basis '%s': must be guideline, actual or sifo"),
            text);
}

/* --income-item KIND:AMOUNT[:UNTIL] */
static void income_item(sl_household *h, sl_income_item *items, const char *arg)
{
    /* One place stays free for a bostøtte estimate. */
    if (h->income_item_count >= SL_CAPACITY_MAX_INCOME_ITEMS - 1)
        cli_die(CLI_EXIT_USAGE, _("--income-item: at most %d items"),
                SL_CAPACITY_MAX_INCOME_ITEMS - 1);
    char text[256];
    if (strlen(arg) >= sizeof text)
        cli_die(CLI_EXIT_USAGE, _("--income-item: the value is too long"));
    strcpy(text, arg);
    char *amount = cli_split(text, ':');
    if (!amount)
        cli_die(CLI_EXIT_USAGE, _("--income-item '%s': must be KIND:AMOUNT[:UNTIL]"), arg);
    char *until = cli_split(amount, ':');
    sl_income_item *it = &items[h->income_item_count];
    sl_error err;
    if (sl_income_kind_parse(&it->kind, text, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--income-item '%s': %s", arg, err.message);
    it->amount = cli_money_nonneg("--income-item", amount);
    it->until = (sl_date)SL_DATE_NONE;
    if (until)
        it->until = cli_date("--income-item", until);
    h->income_items = items;
    h->income_item_count++;
}

int cli_budget_option(sl_household *h, sl_income_item *items, int opt, const char *arg)
{
    switch (opt) {
    case CLI_OPT_LIVING_COSTS_BASIS:
        h->living_costs_basis = living_costs_basis(arg);
        return 1;
    case CLI_OPT_INCOME_ITEM:
        income_item(h, items, arg);
        return 1;
    default:
        break;
    }
    static const struct {
        int opt;
        const char *name;
        size_t offset;
    } amounts[] = {
        {CLI_OPT_ENERGY, "--energy", offsetof(sl_household, energy)},
        {CLI_OPT_INSURANCE, "--insurance", offsetof(sl_household, insurance)},
        {CLI_OPT_FURNITURE, "--furniture", offsetof(sl_household, furniture)},
        {CLI_OPT_MUNICIPAL_FEES, "--municipal-fees", offsetof(sl_household, municipal_fees)},
        {CLI_OPT_OTHER_DEBT, "--other-debt-payments", offsetof(sl_household, other_debt_payments)},
        {CLI_OPT_CREDIT_LIMITS, "--credit-limits", offsetof(sl_household, credit_limits)},
        {CLI_OPT_CHILDCARE, "--childcare", offsetof(sl_household, childcare)},
        {CLI_OPT_TRANSPORT, "--transport", offsetof(sl_household, transport)},
        {CLI_OPT_COMMON_COSTS, "--common-costs", offsetof(sl_household, common_costs)},
    };
    for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++)
        if (amounts[i].opt == opt) {
            *(sl_money *)((char *)h + amounts[i].offset) = cli_money_nonneg(amounts[i].name, arg);
            return 1;
        }
    return 0;
}

const char *cli_budget_option_for(const char *field)
{
    static const struct {
        const char *field, *option;
    } map[] = {
        {"living_costs_basis", "--living-costs-basis"},
        {"energy", "--energy"},
        {"insurance", "--insurance"},
        {"furniture", "--furniture"},
        {"common_costs", "--common-costs"},
        {"municipal_fees", "--municipal-fees"},
        {"other_debt_payments", "--other-debt-payments"},
        {"credit_limits", "--credit-limits"},
        {"childcare", "--childcare"},
        {"transport", "--transport"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(field, map[i].field) == 0)
            return map[i].option;
    if (strncmp(field, "income_items", 12) == 0)
        return "--income-item";
    return NULL;
}

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
        hh->income_text = arg;
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
        hh->have_living = 1;
        break;
    case CLI_OPT_GUIDELINES:
        hh->guidelines_path = arg;
        break;
    case CLI_OPT_HOUSEHOLD_STRICT:
        hh->strict = 1;
        break;
    default:
        if (!cli_budget_option(h, hh->items, opt, arg))
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
        cli_usage_error(_("--adults is required for the household's budget (1 or 2)"));
    if (hh->sharing && hh->adults != 1)
        cli_die(CLI_EXIT_USAGE, _("--sharing: applies to one adult (--adults 1) sharing a home"));
    sl_household *h = &hh->household;
    h->adults = hh->sharing ? SL_ADULTS_SHARING
                            : (hh->adults == 2 ? SL_ADULTS_COUPLE : SL_ADULTS_SINGLE);
    if (!hh->have_income && !hh->gross.earners && h->income_item_count == 0)
        cli_usage_error(_("--income (net income after tax per month), --income-item or "
                          "--gross-income-yearly is required for the household's budget"));
    if (hh->have_income)
        cli_income_check_monthly(h->income, hh->income_text, hh->strict);
    cli_income_estimate(&hh->gross, date);
    if (sl_money_add(&h->income, h->income, hh->gross.net_monthly) != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("--gross-income-yearly: the income is out of range"));
    sl_error err;
    sl_error_clear(&err);
    if (hh->guidelines_path) {
        if (sl_guideline_table_load(&hh->guidelines, hh->guidelines_path, &err) != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--guidelines '%s': %s", hh->guidelines_path, err.message);
    } else if (sl_guideline_table_default(&hh->guidelines, &err) != SL_OK) {
        cli_die(1, _("the shipped guideline tables could not be read: %s"), err.message);
    }
    return 1;
}

void cli_household_free(cli_household *hh)
{
    sl_guideline_table_free(hh->guidelines);
    hh->guidelines = NULL;
}
