/* The owner's side of a capacity budget: bostøtte estimate as income, the
 * grant need, and the comparison with renting (cli_owner.h). */
#include <stdlib.h>
#include <string.h>

#include "cli_owner.h"

/* The owner's options both sl-capacity and sl-finance read, spelled once;
 * in the output's language. */
static const char *const owner_common_help = N_(
    "  --estimate-housing-allowance   count an estimate of bostøtte as income\n"
    "  --housing-allowance-rules FILE the bostøtte rules (none are shipped)\n"
    "  --kommune-group 1|2|3|4    1 Oslo, 2 Bergen/Trondheim/Tromsø/Stavanger/Bærum,\n"
    "                             3 the kommuner in forskrift § 3 c, 4 the rest (default)\n"
    "  --persons N                household size for bostøtte (default: adults + children)\n"
    "  --allowance-gross-income G the household's gross income a year for bostøtte\n"
    "                             (default: the sum of --gross-income-yearly)\n"
    "  --current-rent A, --current-housing-allowance A\n"
    "                             compare today's rent (less its bostøtte) with owning\n");

void cli_owner_common_help_print(FILE *f)
{
    fputs(_(owner_common_help), f);
}

void cli_owner_help_print(FILE *f)
{
    fputs(_("The owner's side (docs/capacity.md):\n"), f);
    cli_owner_common_help_print(f);
    fputs(_("  --loan-rate PCT            the start loan's rate today, for bostøtte and renting\n"
            "  --price A, --own-funds A, --bank-loan A, --transaction-costs A\n"
            "                             the grant need (tilskuddsbehov) next to the largest "
            "loan\n"),
          f);
}

void cli_owner_init(cli_owner *w)
{
    memset(w, 0, sizeof *w);
    w->kommune_group = 4;
    sl_housing_allowance_rules_init(&w->rules);
}

int cli_owner_option(cli_owner *w, int opt, const char *arg)
{
    switch (opt) {
    case CLI_OWNER_OPT_ESTIMATE:
        w->estimate = 1;
        return 1;
    case CLI_OWNER_OPT_RULES:
        w->rules_path = arg;
        return 1;
    case CLI_OWNER_OPT_KOMMUNE_GROUP:
        w->kommune_group = (int)cli_int("--kommune-group", arg, 1, SL_KOMMUNE_GROUPS);
        return 1;
    case CLI_OWNER_OPT_PERSONS:
        w->persons = (int)cli_int("--persons", arg, 1, 100);
        return 1;
    case CLI_OWNER_OPT_ALLOWANCE_INCOME:
        w->gross_yearly = cli_money_nonneg("--allowance-gross-income", arg);
        w->have_gross = 1;
        return 1;
    case CLI_OWNER_OPT_LOAN_RATE:
        w->loan_rate = cli_percent("--loan-rate", arg, 0, 100);
        w->have_loan_rate = 1;
        return 1;
    case CLI_OWNER_OPT_PRICE:
        w->price = cli_money_nonneg("--price", arg);
        w->have_price = 1;
        return 1;
    case CLI_OWNER_OPT_OWN_FUNDS:
        w->own_funds = cli_money_nonneg("--own-funds", arg);
        return 1;
    case CLI_OWNER_OPT_BANK_LOAN:
        w->bank_loan = cli_money_nonneg("--bank-loan", arg);
        return 1;
    case CLI_OWNER_OPT_TRANSACTION_COSTS:
        w->transaction_costs = cli_money_nonneg("--transaction-costs", arg);
        return 1;
    case CLI_OWNER_OPT_CURRENT_RENT:
        w->rent = cli_money_nonneg("--current-rent", arg);
        w->have_rent = 1;
        return 1;
    case CLI_OWNER_OPT_CURRENT_ALLOWANCE:
        w->rent_allowance = cli_money_nonneg("--current-housing-allowance", arg);
        return 1;
    default:
        return 0;
    }
}

/* The whole file as text (at most 64 KiB: a rule file is a page). */
static char *read_rules(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        cli_die(CLI_EXIT_USAGE, _("--housing-allowance-rules '%s': cannot be read"), path);
    size_t cap = 1 << 16;
    char *text = malloc(cap + 1);
    if (!text)
        cli_die(1, _("out of memory"));
    size_t n = fread(text, 1, cap + 1, f);
    int failed = ferror(f); /* a directory opens but does not read */
    fclose(f);
    if (failed)
        cli_die(CLI_EXIT_USAGE, _("--housing-allowance-rules '%s': cannot be read"), path);
    if (n > cap)
        cli_die(CLI_EXIT_USAGE, _("--housing-allowance-rules '%s': larger than 64 KiB"), path);
    if (memchr(text, 0, n))
        cli_die(CLI_EXIT_USAGE, _("--housing-allowance-rules '%s': not a text file (NUL byte)"),
                path);
    text[n] = 0;
    return text;
}

void cli_owner_finish(cli_owner *w, int persons, sl_money gross, sl_date date)
{
    if (!w->persons)
        w->persons = persons < 1 ? 1 : persons;
    if (!w->have_gross)
        w->gross_yearly = gross;
    if (w->estimate) {
        if (!w->rules_path)
            cli_die(CLI_EXIT_USAGE,
                    _("--estimate-housing-allowance: no bostøtte rules are shipped (no complete "
                      "set for one date could be sourced); give them with "
                      "--housing-allowance-rules FILE (docs/capacity.md)"));
        if (!w->have_gross && gross == 0)
            cli_die(CLI_EXIT_USAGE, _("--estimate-housing-allowance: needs the household's gross "
                                      "income a year (--gross-income-yearly or "
                                      "--allowance-gross-income)"));
        if (!w->have_loan_rate && !w->payments_known)
            cli_die(CLI_EXIT_USAGE, _("--estimate-housing-allowance: needs --loan-rate (the "
                                      "start loan's rate today) for the housing costs"));
        char *text = read_rules(w->rules_path);
        sl_error err;
        int rc = sl_housing_allowance_rules_parse(&w->rules, text, &err);
        free(text);
        if (rc != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--housing-allowance-rules '%s': %s", w->rules_path,
                    err.message);
        if (sl_date_compare(date, w->rules.valid_from) < 0 ||
            (w->rules.valid_until.year && sl_date_compare(date, w->rules.valid_until) >= 0)) {
            char d[SL_DATE_BUFSIZE];
            cli_die(CLI_EXIT_USAGE,
                    _("--housing-allowance-rules '%s': the rules do not cover the date %s"),
                    w->rules_path, cli_date_text(d, date));
        }
    } else if (w->rules_path) {
        cli_die(CLI_EXIT_USAGE,
                _("--housing-allowance-rules: only with --estimate-housing-allowance"));
    }
    if (w->have_rent && !w->have_loan_rate && !w->payments_known)
        cli_die(CLI_EXIT_USAGE,
                _("--current-rent: needs --loan-rate (the start loan's rate today) for the owner's "
                  "costs"));
}

static void fail(const char *what, const sl_error *err)
{
    cli_die(1, "%s: %s", what, err->message);
}

sl_money cli_owner_allowance_for(cli_owner *w, const sl_household *h, sl_date date,
                                 sl_money loan, sl_money payment)
{
    sl_error err;
    sl_housing_allowance_input in = SL_HOUSING_ALLOWANCE_INPUT_INIT;
    in.date = date;
    in.persons = w->persons;
    in.kommune_group = w->kommune_group;
    in.gross_income_yearly = w->gross_yearly;
    /* Owners with common costs: felleskostnader + the loan; without: the
     * loan + kommunale avgifter + the flat operating costs (forskrift § 2). */
    in.owner_without_common_costs = h->common_costs == 0;
    w->allowance_costs = payment + (in.owner_without_common_costs ? h->municipal_fees
                                                                  : h->common_costs);
    w->allowance_loan = loan;
    w->allowance_payment = payment;
    in.housing_costs_yearly = w->allowance_costs * 12;
    if (sl_housing_allowance_estimate(&w->allowance, &in, &w->rules, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--estimate-housing-allowance: %s", err.message);
    return w->allowance.monthly;
}

sl_money cli_owner_allowance(cli_owner *w, const sl_household *h, const sl_capacity_options *o,
                             sl_date date, sl_money loan)
{
    sl_error err;
    sl_money payment, interest;
    if (sl_capacity_payment_at(&payment, &interest, loan, w->loan_rate, o, &err) != SL_OK)
        fail("the payment at --loan-rate", &err);
    return cli_owner_allowance_for(w, h, date, loan, payment);
}

int cli_owner_check(cli_owner *w, sl_household *h, sl_income_item *items,
                    const sl_capacity_options *o, int max_loan, sl_money loan,
                    sl_capacity_result *r, sl_capacity_result *next, sl_error *err)
{
    sl_money m;
    int rc = max_loan ? sl_capacity_max_loan(&m, r, next, h, o, err)
                      : sl_capacity_compute(r, h, loan, o, err);
    if (rc != SL_OK || !w->estimate)
        return rc;
    /* One item holds the estimate, added on the first check and reused by
     * any later one (a rate shock), so it is never counted twice. */
    if (!w->have_slot) {
        w->slot = h->income_item_count;
        w->have_slot = 1;
        h->income_items = items;
        h->income_item_count = w->slot + 1;
    }
    size_t slot = w->slot;
    items[slot] = (sl_income_item){SL_INCOME_HOUSING_ALLOWANCE, 0, SL_DATE_NONE};
    /* The estimate grows with the loan and is capped by the ceiling: a few
     * rounds settle it. The one counted was computed at a loan no larger
     * than the answer, so it never overstates the answer's. */
    for (int round = 0; round < 8; round++) {
        sl_money a = cli_owner_allowance(w, h, o, o->date, r->loan);
        if (round > 0 && a == items[slot].amount)
            break;
        items[slot].amount = a;
        rc = max_loan ? sl_capacity_max_loan(&m, r, next, h, o, err)
                      : sl_capacity_compute(r, h, loan, o, err);
        if (rc != SL_OK || !max_loan)
            break;
    }
    return rc;
}

void cli_owner_after(cli_owner *w, const sl_household *h, const sl_capacity_options *o,
                     const sl_capacity_result *r, int max_loan)
{
    sl_error err;
    if (w->have_price) {
        w->largest_loan = r->loan;
        if (!max_loan && sl_capacity_max_loan(&w->largest_loan, NULL, NULL, h, o, &err) != SL_OK)
            fail("the largest loan", &err);
        if (sl_capacity_grant_need(&w->grant_need, w->price, w->transaction_costs, w->own_funds,
                                   w->bank_loan, w->largest_loan, &err) != SL_OK)
            fail("the grant need", &err);
        w->have_grant = 1;
    }
    if (w->have_rent) {
        sl_money payment, interest;
        if (sl_capacity_payment_at(&payment, &interest, r->loan, w->loan_rate, o, &err) != SL_OK)
            fail("the payment at --loan-rate", &err);
        cli_owner_compare_rent(w, payment, interest,
                               h->common_costs + h->municipal_fees + h->maintenance);
    }
}

void cli_owner_compare_rent(cli_owner *w, sl_money payment, sl_money interest,
                            sl_money other_costs)
{
    sl_error err;
    sl_money owning = w->estimate ? w->allowance.monthly : 0;
    if (sl_capacity_rent_comparison(&w->comparison, w->rent, w->rent_allowance, payment, interest,
                                    other_costs, owning, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--current-rent: %s", err.message);
    w->have_comparison = 1;
}

static void row(const char *label, const char *sign, sl_money amount)
{
    char a[CLI_HUMAN_BUFSIZE];
    fputs("  ", stdout);
    cli_pad(stdout, label, 44);
    printf(" %1s", sign);
    cli_pad(stdout, cli_amount(a, amount), -17);
    printf(" kr\n");
}

void cli_owner_print(const cli_owner *w)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], rate[SL_RATE_BUFSIZE];
    if (w->estimate) {
        const sl_housing_allowance *x = &w->allowance;
        printf(_("\nBostøtte, an estimate (rules from %s; counted as income above)\n"),
               w->rules_path);
        if (w->have_loan_rate)
            printf(_("  %d persons, kommune group %d, loan %s kr at %s %% today\n"), w->persons,
                   w->kommune_group, cli_amount(a, w->allowance_loan),
                   cli_rate_text(rate, w->loan_rate, ','));
        else
            printf(_("  %d persons, kommune group %d, loans %s kr paying %s kr a month today\n"),
                   w->persons, w->kommune_group, cli_amount(a, w->allowance_loan),
                   cli_amount(b, w->allowance_payment));
        row(_("Gross income a year"), "", w->gross_yearly);
        char label[160];
        /* The weight for display, in hundredths (0,13). */
        sl_money weight = w->rules.weight_other.num * 100 / w->rules.weight_other.den;
        snprintf(label, sizeof label, _("Weighted income, / (1 + %d x %s)"),
                 w->persons - 1, cli_amount(b, weight));
        row(label, "", x->weighted_income);
        row(_("Own share a year (egenandel)"), "", x->own_share);
        row(_("Housing costs a year (12 x the month's)"), "", x->costs);
        row(_("Ceiling (boutgiftstak), size and group"), "", x->ceiling);
        row(_("Approved costs (the lower)"), "", x->approved);
        row(_("Approved costs less own share"), "=", x->basis);
        snprintf(label, sizeof label, _("Bostøtte a month, x %s %% / 12 (whole kr)"),
                 cli_rate_fixed(rate, w->rules.payout_rate, 1, ','));
        row(label, "", x->monthly);
        if (x->below_minimum)
            printf(_("  Below the minimum payout of %s kr: nothing is paid.\n"),
                   cli_amount(a, w->rules.minimum_payout));
    }
    if (w->have_grant) {
        printf("\n%s\n", _("The grant need (tilskuddsbehov)"));
        row(_("Price"), "", w->price);
        row(_("Transaction costs"), "+", w->transaction_costs);
        row(_("Own funds (egenkapital)"), "-", w->own_funds);
        row(_("Bank loan"), "-", w->bank_loan);
        row(_("Largest start loan the household can carry"), "-", w->largest_loan);
        row(_("Grant need (never below 0)"), "=", w->grant_need);
    }
    if (w->have_comparison) {
        const sl_rent_comparison *c = &w->comparison;
        printf("\n%s\n", _("Renting today against owning, a month"));
        row(_("Rent today (husleie)"), "", c->rent);
        row(_("Bostøtte today"), "-", c->allowance_renting);
        row(_("Renting costs"), "=", c->net_rent);
        row(_("Loan payments today (not stressed)"), "", c->payment);
        row(/* xgettext:no-c-format */ _("Interest deduction 22 % of interest"), "-", c->deduction);
        row(_("Common costs, municipal fees, maintenance"), "+", c->other_costs);
        row(_("Bostøtte as owner (estimate)"), "-", c->allowance_owning);
        row(_("Owning costs after tax"), "=", c->owner_net);
        if (c->change >= 0)
            printf(_("  Owning costs %s kr a month more than renting today.\n"),
                   cli_amount(a, c->change));
        else
            printf(_("  Owning costs %s kr a month less than renting today.\n"),
                   cli_amount(a, -c->change));
    }
}

void cli_owner_json(const cli_owner *w, json_t *root)
{
    if (w->estimate) {
        const sl_housing_allowance *x = &w->allowance;
        json_t *o = json_object();
        json_object_set_new(o, "estimate", json_true());
        json_object_set_new(o, "persons", json_integer(w->persons));
        json_object_set_new(o, "kommune_group", json_integer(w->kommune_group));
        json_object_set_new(o, "loan", cli_json_money(w->allowance_loan));
        json_object_set_new(o, "loan_rate",
                            w->have_loan_rate ? cli_json_rate(w->loan_rate) : json_null());
        json_object_set_new(o, "loan_payment", cli_json_money(w->allowance_payment));
        json_object_set_new(o, "gross_income_yearly", cli_json_money(w->gross_yearly));
        json_object_set_new(o, "weighted_income", cli_json_money(x->weighted_income));
        json_object_set_new(o, "own_share", cli_json_money(x->own_share));
        json_object_set_new(o, "housing_costs_yearly", cli_json_money(x->costs));
        json_object_set_new(o, "ceiling", cli_json_money(x->ceiling));
        json_object_set_new(o, "approved", cli_json_money(x->approved));
        json_object_set_new(o, "basis", cli_json_money(x->basis));
        json_object_set_new(o, "payout_rate", cli_json_rate(w->rules.payout_rate));
        json_object_set_new(o, "monthly", cli_json_money(x->monthly));
        json_object_set_new(o, "below_minimum", json_boolean(x->below_minimum));
        json_object_set_new(root, "housing_allowance", o);
    }
    if (w->have_grant) {
        json_object_set_new(root, "grant_need", cli_json_money(w->grant_need));
        json_t *g = json_object();
        json_object_set_new(g, "price", cli_json_money(w->price));
        json_object_set_new(g, "transaction_costs", cli_json_money(w->transaction_costs));
        json_object_set_new(g, "own_funds", cli_json_money(w->own_funds));
        json_object_set_new(g, "bank_loan", cli_json_money(w->bank_loan));
        json_object_set_new(g, "largest_loan", cli_json_money(w->largest_loan));
        json_object_set_new(root, w->grant_key ? w->grant_key : "grant", g);
    }
    if (w->have_comparison) {
        const sl_rent_comparison *c = &w->comparison;
        json_t *o = json_object();
        json_object_set_new(o, "rent", cli_json_money(c->rent));
        json_object_set_new(o, "housing_allowance_renting", cli_json_money(c->allowance_renting));
        json_object_set_new(o, "renting", cli_json_money(c->net_rent));
        json_object_set_new(o, "payment", cli_json_money(c->payment));
        json_object_set_new(o, "interest", cli_json_money(c->interest));
        json_object_set_new(o, "interest_deduction", cli_json_money(c->deduction));
        json_object_set_new(o, "other_costs", cli_json_money(c->other_costs));
        json_object_set_new(o, "housing_allowance_owning", cli_json_money(c->allowance_owning));
        json_object_set_new(o, "owning", cli_json_money(c->owner_net));
        json_object_set_new(o, "monthly_change", cli_json_money(c->change));
        json_object_set_new(root, "rent_comparison", o);
    }
}
