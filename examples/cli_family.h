/* The family's side in sl-rent-to-own beyond the timeline (rto_budget.h,
 * capacity.h): BSU in the rent phase, the monthly budget before and after,
 * and the purchase checked against the household's stressed budget, with a
 * bank loan for part of it. */
#ifndef SL_CLI_FAMILY_H
#define SL_CLI_FAMILY_H

#include "cli.h"

enum {
    CLI_FAMILY_OPT_BSU = 4200,
    CLI_FAMILY_OPT_BSU_BALANCE,
    CLI_FAMILY_OPT_ALLOWANCE_BEFORE,
    CLI_FAMILY_OPT_ALLOWANCE_AFTER,
    CLI_FAMILY_OPT_POLICY_RATE,
    CLI_FAMILY_OPT_BANK_SHARE,
    CLI_FAMILY_OPT_BANK_RATE,
    CLI_FAMILY_OPT_BANK_YEARS,
    CLI_FAMILY_OPT_END
};

#define CLI_FAMILY_LONG_OPTIONS                                                              \
    {"bsu", required_argument, NULL, CLI_FAMILY_OPT_BSU},                                    \
        {"bsu-balance", required_argument, NULL, CLI_FAMILY_OPT_BSU_BALANCE},                \
        {"housing-allowance-before", required_argument, NULL, CLI_FAMILY_OPT_ALLOWANCE_BEFORE}, \
        {"housing-allowance-after", required_argument, NULL, CLI_FAMILY_OPT_ALLOWANCE_AFTER},  \
        {"policy-rate", required_argument, NULL, CLI_FAMILY_OPT_POLICY_RATE},                \
        {"bank-share", required_argument, NULL, CLI_FAMILY_OPT_BANK_SHARE},                  \
        {"bank-rate", required_argument, NULL, CLI_FAMILY_OPT_BANK_RATE},                    \
        {"bank-years", required_argument, NULL, CLI_FAMILY_OPT_BANK_YEARS}

/* The options' help text, printed after the program's own by --help. */
extern const char *const cli_family_usage; /* N_(): print through _() */

typedef struct cli_family {
    const char *given[CLI_FAMILY_OPT_END - CLI_FAMILY_OPT_BSU]; /* as typed */
    sl_money bsu, bsu_balance, allowance_before, allowance_after;
    sl_rate policy_rate, bank_share, bank_rate;
    long bank_years;
    cli_household hh;
    int have_household;
    /* results */
    int have_bsu;
    sl_bsu_plan bsu_plan;
    sl_rto_budget_options bo;
    sl_rto_budget budget;
    int checked;              /* the purchase was checked */
    sl_money bank_loan, start_loan, bank_stressed_payment;
    sl_rate bank_stressed_rate;
    sl_capacity_result check;
    sl_money largest_start_loan, grant_to_close;
    sl_money savings, rent_credit; /* kept and lapsed if the option is not used */
} cli_family;

void cli_family_init(cli_family *f);
/* 1 when opt was one of these options or a household option, else 0. */
int cli_family_option(cli_family *f, int opt, const char *arg);
/* Before the scenario: the BSU deposits over the rent phase (needs --start),
 * added with the balance to the own funds the purchase uses. */
void cli_family_apply(cli_family *f, sl_rto_options *o);
/* After the scenario: BSU, the budget and, with a household, the check at the
 * purchase. municipal_fees: the home's kommunale avgifter a month (the owner
 * pays them after); rent_covers: what the rent covered (FDV + avgifter, 0
 * when not known); last_rent: the rent before. Exits 2 naming the option on
 * bad input. */
void cli_family_run(cli_family *f, const sl_rto_options *o, const sl_rto_result *r,
                    sl_money last_rent, sl_money municipal_fees, sl_money rent_covers);
/* After cli_family_run: the budget's monthly change with the loan shocked
 * (--rate-shock): the same month before, the shocked loan's first term after. */
sl_money cli_family_shocked_change(const cli_family *f, const sl_loan_terms *shocked_loan,
                                   const sl_rto_result *shocked);
void cli_family_print(const cli_family *f);
/* Adds "budget" and "purchase_check" to root and sets summary.monthly_change. */
void cli_family_json(const cli_family *f, json_t *root);
void cli_family_free(cli_family *f);

#endif
