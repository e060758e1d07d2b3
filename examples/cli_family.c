/* The family's budget before and after and the purchase checked, in
 * sl-rent-to-own: see cli_family.h. */
#include "cli_family.h"

#include <string.h>

const char *const cli_family_usage = /* xgettext:no-c-format */ N_(
    "The family's month before and after, and the purchase checked:\n"
    "  --bsu A                    BSU deposits a month in the rent phase (Skatteetaten's\n"
    "                             rules by year; used as own funds at the purchase)\n"
    "  --bsu-balance A            already on the BSU account (default 0)\n"
    "  --housing-allowance-before A, --housing-allowance-after A   bostøtte a month\n"
    "  --policy-rate PCT          styringsrente: with a household, the loan is checked at\n"
    "                             the purchase (startlån at policy rate + 2.5)\n"
    "  --bank-share PCT           a bank lends this share of the price (the startlån the\n"
    "                             rest), stressed at --bank-rate + 3 points\n"
    "  --bank-rate PCT, --bank-years Y (default 30)\n"
    "The household (for the check and the owner's costs), as in sl-capacity:\n");

#define GIVEN(f, opt) ((f)->given[(opt) - CLI_FAMILY_OPT_BSU])

void cli_family_init(cli_family *f)
{
    memset(f, 0, sizeof *f);
    cli_household_init(&f->hh);
    f->bank_years = 30;
}

int cli_family_option(cli_family *f, int opt, const char *arg)
{
    if (cli_household_option(&f->hh, opt, arg))
        return 1;
    if (opt < CLI_FAMILY_OPT_BSU || opt >= CLI_FAMILY_OPT_END)
        return 0;
    GIVEN(f, opt) = arg;
    switch (opt) {
    case CLI_FAMILY_OPT_BSU:
        f->bsu = cli_money_nonneg("--bsu", arg);
        break;
    case CLI_FAMILY_OPT_BSU_BALANCE:
        f->bsu_balance = cli_money_nonneg("--bsu-balance", arg);
        break;
    case CLI_FAMILY_OPT_ALLOWANCE_BEFORE:
        f->allowance_before = cli_money_nonneg("--housing-allowance-before", arg);
        break;
    case CLI_FAMILY_OPT_ALLOWANCE_AFTER:
        f->allowance_after = cli_money_nonneg("--housing-allowance-after", arg);
        break;
    case CLI_FAMILY_OPT_POLICY_RATE:
        f->policy_rate = cli_percent("--policy-rate", arg, 0, 100);
        break;
    case CLI_FAMILY_OPT_BANK_SHARE:
        f->bank_share = cli_percent("--bank-share", arg, 0, 100);
        break;
    case CLI_FAMILY_OPT_BANK_RATE:
        f->bank_rate = cli_percent("--bank-rate", arg, 0, 100);
        break;
    case CLI_FAMILY_OPT_BANK_YEARS:
        f->bank_years = cli_int("--bank-years", arg, 1, SL_PLAN_MAX_YEARS);
        break;
    }
    return 1;
}

void cli_family_apply(cli_family *f, sl_rto_options *o)
{
    if (GIVEN(f, CLI_FAMILY_OPT_BSU_BALANCE) && !GIVEN(f, CLI_FAMILY_OPT_BSU))
        cli_die(CLI_EXIT_USAGE, _("--bsu-balance '%s': only used with --bsu"),
                GIVEN(f, CLI_FAMILY_OPT_BSU_BALANCE));
    if (!GIVEN(f, CLI_FAMILY_OPT_BSU))
        return;
    if (o->start.year == 0)
        cli_die(CLI_EXIT_USAGE, _("--bsu '%s': needs --start (BSU's rules go by the year)"),
                GIVEN(f, CLI_FAMILY_OPT_BSU));
    sl_error err;
    sl_error_clear(&err);
    if (sl_bsu_plan_compute(&f->bsu_plan, f->bsu, f->bsu_balance, o->start, o->rent_months, 1,
                            &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "%s '%s': %s",
                strcmp(err.field, "balance") == 0 ? "--bsu-balance" : "--bsu",
                strcmp(err.field, "balance") == 0 ? GIVEN(f, CLI_FAMILY_OPT_BSU_BALANCE)
                                                  : GIVEN(f, CLI_FAMILY_OPT_BSU),
                cli_error_reason(&err));
    f->have_bsu = 1;
    sl_money bsu_funds = f->bsu_balance + f->bsu_plan.deposits; /* <= 300 000 kr */
    if (o->own_funds > SL_PLAN_MAX_PRINCIPAL - bsu_funds)
        cli_die(CLI_EXIT_USAGE, _("--bsu '%s': with --own-funds over the maximum"),
                GIVEN(f, CLI_FAMILY_OPT_BSU));
    o->own_funds += bsu_funds;
}

/* The first term of a loan: its payment and interest. */
static void first_term(sl_money *payment, sl_money *interest, const sl_loan_terms *t)
{
    sl_plan *p = NULL;
    sl_plan_row row;
    sl_error err;
    sl_error_clear(&err);
    *payment = *interest = 0;
    if (t->principal <= 0)
        return;
    if (sl_plan_new(&p, t, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "%s", err.message);
    if (sl_plan_next(p, &row) == 1) {
        *payment = row.payment;
        *interest = row.interest;
    }
    sl_plan_free(p);
}

static void check_purchase(cli_family *f, const sl_rto_options *o, const sl_rto_result *r,
                           sl_date date)
{
    if (!GIVEN(f, CLI_FAMILY_OPT_POLICY_RATE))
        cli_usage_error(_("--policy-rate is required to check the purchase against the "
                          "household's budget"));
    sl_error err;
    sl_error_clear(&err);
    f->start_loan = r->loan_amount;
    sl_capacity_options co = SL_CAPACITY_OPTIONS_INIT;
    co.guidelines = f->hh.guidelines;
    co.date = date;
    co.policy_rate = f->policy_rate;
    co.loan = o->loan;
    if (GIVEN(f, CLI_FAMILY_OPT_BANK_SHARE)) {
        if (!GIVEN(f, CLI_FAMILY_OPT_BANK_RATE))
            cli_usage_error(_("--bank-rate is required with --bank-share"));
        sl_money bank = 0; /* share × price, rounded to the øre half up */
        if (sl_part_share_price(&bank, r->purchase_price, f->bank_share) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--bank-share '%s': out of range"),
                    GIVEN(f, CLI_FAMILY_OPT_BANK_SHARE));
        f->bank_loan = bank < r->loan_amount ? bank : r->loan_amount;
        f->start_loan = r->loan_amount - f->bank_loan;
        sl_rate add = SL_FINANCE_BANK_STRESS_ADD_DEFAULT;
        if (sl_rate_add(&f->bank_stressed_rate, f->bank_rate, add) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--bank-rate '%s': out of range"),
                    GIVEN(f, CLI_FAMILY_OPT_BANK_RATE));
        sl_loan_terms bt = SL_LOAN_TERMS_INIT_WITH_TERMS((int)(f->bank_years * 12));
        bt.principal = f->bank_loan;
        bt.nominal_rate = f->bank_stressed_rate;
        sl_money interest;
        first_term(&f->bank_stressed_payment, &interest, &bt);
        co.cofinancing_payment = f->bank_stressed_payment;
    } else if (GIVEN(f, CLI_FAMILY_OPT_BANK_RATE) || GIVEN(f, CLI_FAMILY_OPT_BANK_YEARS)) {
        cli_usage_error(_("--bank-rate and --bank-years: only used with --bank-share"));
    }
    if (sl_capacity_compute(&f->check, &f->hh.household, f->start_loan, &co, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("the purchase check: %s"), err.message);
    f->checked = 1;
    f->largest_start_loan = f->start_loan;
    if (!f->check.fits) {
        if (sl_capacity_max_loan(&f->largest_start_loan, NULL, NULL, &f->hh.household, &co,
                                 &err) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("the purchase check: %s"), err.message);
        f->grant_to_close = f->start_loan > f->largest_start_loan
                                ? f->start_loan - f->largest_start_loan
                                : 0;
    }
}

/* The month after: the first term of the loan taken at the transfer. */
static void loan_after(sl_rto_budget_options *b, const sl_loan_terms *loan,
                       const sl_rto_result *r)
{
    sl_loan_terms t = *loan;
    t.principal = r->loan_amount;
    if (t.payout_date.year == 0)
        t.payout_date = r->transition_date;
    first_term(&b->payment, &b->interest, &t);
}

static void budget_or_die(sl_rto_budget *out, const sl_rto_budget_options *b)
{
    sl_error err;
    sl_error_clear(&err);
    if (sl_rto_budget_compute(out, b, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("the family's budget: %s"), err.message);
}

void cli_family_run(cli_family *f, const sl_rto_options *o, const sl_rto_result *r,
                    sl_money last_rent, sl_money municipal_fees, sl_money rent_covers)
{
    sl_date date = r->transition_date.year ? r->transition_date : cli_today();
    f->savings = r->savings;
    f->rent_credit = r->rent_credit;
    if (f->hh.given || GIVEN(f, CLI_FAMILY_OPT_POLICY_RATE)) {
        f->hh.household.municipal_fees = municipal_fees;
        if (!cli_household_finish(&f->hh, date))
            cli_usage_error(_("--policy-rate: the purchase check needs the household "
                              "(--adults, --income or --gross-income-yearly, …)"));
        f->have_household = 1;
    }
    sl_rto_budget_options *b = &f->bo;
    sl_rto_budget_options_init(b);
    b->rent = last_rent;
    b->saving = o->saving;
    b->bsu = f->have_bsu ? f->bsu : 0;
    b->bsu_deduction = f->have_bsu ? f->bsu_plan.monthly_deduction : 0;
    b->rent_covers = rent_covers;
    b->allowance_before = f->allowance_before;
    loan_after(b, o->loan, r);
    b->owner_costs = municipal_fees;
    if (f->have_household)
        b->owner_costs += f->hh.household.maintenance + f->hh.household.insurance;
    b->allowance_after = f->allowance_after;
    b->tax_year = date.year;
    budget_or_die(&f->budget, b);
    if (f->have_household)
        check_purchase(f, o, r, date);
    else if (GIVEN(f, CLI_FAMILY_OPT_BANK_SHARE))
        cli_usage_error(_("--bank-share: only used to check the purchase (--policy-rate and "
                          "the household)"));
}

sl_money cli_family_shocked_change(const cli_family *f, const sl_loan_terms *shocked_loan,
                                   const sl_rto_result *shocked)
{
    sl_rto_budget_options b = f->bo;
    loan_after(&b, shocked_loan, shocked);
    sl_rto_budget out;
    budget_or_die(&out, &b);
    return out.monthly_change;
}

static void line(const char *label, sl_money v)
{
    char a[SL_MONEY_BUFSIZE];
    printf("  %-44s %16s kr\n", label, cli_nor(a, v));
}

void cli_family_print(const cli_family *f)
{
    const sl_rto_budget_options *b = &f->bo;
    char a[SL_MONEY_BUFSIZE], c[SL_MONEY_BUFSIZE], e[SL_MONEY_BUFSIZE], p[SL_RATE_BUFSIZE];
    printf("\n%s\n", _("The family's month, before and after the purchase"));
    printf("%s\n", _("Before (renting)"));
    line(_("Rent"), b->rent);
    line(_("+ Own saving"), b->saving);
    if (b->bsu) {
        line(_("+ BSU"), b->bsu);
        line(_("- BSU tax deduction (a month)"), b->bsu_deduction);
    }
    if (b->allowance_before)
        line(_("- Bostøtte"), b->allowance_before);
    line(_("= The month before"), f->budget.before);
    if (b->rent_covers)
        line(_("(the rent covered FDV and kommunale avgifter)"), b->rent_covers);
    printf("%s\n", _("After (owning, the first month)"));
    line(_("Loan payment"), b->payment);
    line(_("+ Avgifter, maintenance, insurance"), b->owner_costs);
    char label[80];
    snprintf(label, sizeof label, _("- Interest deduction 22 %% (%d rules)"),
             f->budget.tax_year);
    line(label, f->budget.interest_deduction);
    if (b->allowance_after)
        line(_("- Bostøtte"), b->allowance_after);
    line(_("= The month after"), f->budget.after);
    sl_money ch = f->budget.monthly_change;
    printf(_("Monthly change: %s kr a month %s.\n"), cli_nor(a, ch < 0 ? -ch : ch),
           ch < 0 ? _("less") : _("more"));
    if (f->have_bsu)
        printf(_("BSU: %s kr deposited, %s kr deducted in tax over the rent phase (none in "
                 "the purchase year).\n"),
               cli_nor(a, f->bsu_plan.deposits), cli_nor(c, f->bsu_plan.deduction));
    printf(_("If the option lapses: the family keeps its savings (%s kr)%s; the rent credit "
             "(%s kr) lapses.\n"),
           cli_nor(a, f->savings), f->have_bsu ? _(" and its BSU") : "",
           cli_nor(c, f->rent_credit));
    if (!f->checked)
        return;
    const sl_capacity_result *k = &f->check;
    printf("\n%s\n", _("The purchase checked (stressed rates, the household's budget)"));
    if (f->bank_loan)
        printf(_("Bank loan %s kr (stressed at %s %%: %s kr a month), startlån %s kr.\n"),
               cli_nor(a, f->bank_loan), cli_rate_fixed(p, f->bank_stressed_rate, 2, ','),
               cli_nor(c, f->bank_stressed_payment), cli_nor(e, f->start_loan));
    printf(_("Available for housing %s kr a month; startlån stressed at %s %%: %s kr.\n"),
           cli_nor(a, k->budget.available), cli_rate_fixed(p, k->stressed_rate, 2, ','),
           cli_nor(c, k->stressed_monthly));
    if (k->fits)
        printf(_("Can buy: %s kr a month to spare.\n"), cli_nor(a, k->surplus));
    else
        printf(_("Cannot buy: short %s kr a month. The largest startlån that fits is %s kr; "
                 "a grant of %s kr would close the gap.\n"),
               cli_nor(a, -k->surplus), cli_nor(c, f->largest_start_loan),
               cli_nor(e, f->grant_to_close));
}

void cli_family_json(const cli_family *f, json_t *root)
{
    const sl_rto_budget_options *b = &f->bo;
    json_t *j = json_object(), *before = json_object(), *after = json_object();
    json_object_set_new(before, "rent", cli_json_money(b->rent));
    json_object_set_new(before, "saving", cli_json_money(b->saving));
    json_object_set_new(before, "bsu", cli_json_money(b->bsu));
    json_object_set_new(before, "bsu_deduction", cli_json_money(b->bsu_deduction));
    json_object_set_new(before, "housing_allowance", cli_json_money(b->allowance_before));
    json_object_set_new(before, "rent_covered", cli_json_money(b->rent_covers));
    json_object_set_new(before, "total", cli_json_money(f->budget.before));
    json_object_set_new(after, "payment", cli_json_money(b->payment));
    json_object_set_new(after, "interest", cli_json_money(b->interest));
    json_object_set_new(after, "interest_deduction", cli_json_money(f->budget.interest_deduction));
    json_object_set_new(after, "owner_costs", cli_json_money(b->owner_costs));
    json_object_set_new(after, "housing_allowance", cli_json_money(b->allowance_after));
    json_object_set_new(after, "total", cli_json_money(f->budget.after));
    json_object_set_new(j, "before", before);
    json_object_set_new(j, "after", after);
    json_object_set_new(j, "monthly_change", cli_json_money(f->budget.monthly_change));
    json_object_set_new(j, "tax_year", json_integer(f->budget.tax_year));
    json_object_set_new(root, "budget", j);
    json_object_set_new(json_object_get(root, "summary"), "monthly_change",
                        cli_json_money(f->budget.monthly_change));
    if (f->have_bsu) {
        json_t *s = json_object(), *years = json_array();
        json_object_set_new(s, "deposits", cli_json_money(f->bsu_plan.deposits));
        json_object_set_new(s, "deduction", cli_json_money(f->bsu_plan.deduction));
        for (int i = 0; i < f->bsu_plan.years; i++) {
            json_t *y = json_object();
            json_object_set_new(y, "year", json_integer(f->bsu_plan.by_year[i].year));
            json_object_set_new(y, "deposits", cli_json_money(f->bsu_plan.by_year[i].deposits));
            json_object_set_new(y, "deduction",
                                cli_json_money(f->bsu_plan.by_year[i].deduction));
            json_array_append_new(years, y);
        }
        json_object_set_new(s, "by_year", years);
        json_object_set_new(root, "bsu", s);
    }
    if (!f->checked)
        return;
    const sl_capacity_result *k = &f->check;
    json_t *c = json_object();
    json_object_set_new(c, "fits", json_boolean(k->fits));
    json_object_set_new(c, "available", cli_json_money(k->budget.available));
    json_object_set_new(c, "bank_loan", cli_json_money(f->bank_loan));
    if (f->bank_loan)
        json_object_set_new(c, "bank_stressed_rate", cli_json_rate(f->bank_stressed_rate));
    json_object_set_new(c, "bank_stressed_payment", cli_json_money(f->bank_stressed_payment));
    json_object_set_new(c, "start_loan", cli_json_money(f->start_loan));
    json_object_set_new(c, "stressed_rate", cli_json_rate(k->stressed_rate));
    json_object_set_new(c, "stressed_payment", cli_json_money(k->stressed_monthly));
    json_object_set_new(c, "surplus", cli_json_money(k->surplus));
    json_object_set_new(c, "largest_start_loan", cli_json_money(f->largest_start_loan));
    json_object_set_new(c, "grant_to_close", cli_json_money(f->grant_to_close));
    json_object_set_new(root, "purchase_check", c);
}

void cli_family_free(cli_family *f)
{
    cli_household_free(&f->hh);
}
