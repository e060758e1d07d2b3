/* The owner's side of a capacity budget, shared by the programs that check
 * one (sl-capacity; sl-finance): the bostøtte estimate counted as income,
 * the grant need after "does not fit", and the comparison with renting. */
#ifndef SL_CLI_OWNER_H
#define SL_CLI_OWNER_H

#include "cli.h"

enum {
    CLI_OWNER_OPT_ESTIMATE = 3200,
    CLI_OWNER_OPT_RULES,
    CLI_OWNER_OPT_KOMMUNE_GROUP,
    CLI_OWNER_OPT_PERSONS,
    CLI_OWNER_OPT_ALLOWANCE_INCOME,
    CLI_OWNER_OPT_LOAN_RATE,
    CLI_OWNER_OPT_PRICE,
    CLI_OWNER_OPT_OWN_FUNDS,
    CLI_OWNER_OPT_BANK_LOAN,
    CLI_OWNER_OPT_TRANSACTION_COSTS,
    CLI_OWNER_OPT_CURRENT_RENT,
    CLI_OWNER_OPT_CURRENT_ALLOWANCE,
};

/* bostøtte: the estimate, its rules and the household's size and income. */
#define CLI_OWNER_ALLOWANCE_LONG_OPTIONS                                                      \
    {"estimate-housing-allowance", no_argument, NULL, CLI_OWNER_OPT_ESTIMATE},                \
        {"housing-allowance-rules", required_argument, NULL, CLI_OWNER_OPT_RULES},            \
        {"kommune-group", required_argument, NULL, CLI_OWNER_OPT_KOMMUNE_GROUP},              \
        {"persons", required_argument, NULL, CLI_OWNER_OPT_PERSONS},                          \
        {"allowance-gross-income", required_argument, NULL, CLI_OWNER_OPT_ALLOWANCE_INCOME}

/* Renting today, compared with owning. */
#define CLI_OWNER_RENT_LONG_OPTIONS                                                           \
    {"current-rent", required_argument, NULL, CLI_OWNER_OPT_CURRENT_RENT},                    \
        {"current-housing-allowance", required_argument, NULL, CLI_OWNER_OPT_CURRENT_ALLOWANCE}

/* Every option (sl-capacity): also the loan's rate today and the purchase for the grant need
 * (sl-finance knows both from its own options). */
#define CLI_OWNER_LONG_OPTIONS                                                                \
    CLI_OWNER_ALLOWANCE_LONG_OPTIONS, CLI_OWNER_RENT_LONG_OPTIONS,                            \
        {"loan-rate", required_argument, NULL, CLI_OWNER_OPT_LOAN_RATE},                      \
        {"price", required_argument, NULL, CLI_OWNER_OPT_PRICE},                              \
        {"own-funds", required_argument, NULL, CLI_OWNER_OPT_OWN_FUNDS},                      \
        {"bank-loan", required_argument, NULL, CLI_OWNER_OPT_BANK_LOAN},                      \
        {"transaction-costs", required_argument, NULL, CLI_OWNER_OPT_TRANSACTION_COSTS}

/* The options' help text, for sl-capacity's --help, in the output's language. */
void cli_owner_help_print(FILE *f);
/* The lines of it sl-finance shares (bostøtte and renting), for its --help. */
void cli_owner_common_help_print(FILE *f);

typedef struct cli_owner {
    /* options */
    int estimate, kommune_group, persons, have_gross, have_loan_rate, have_price, have_rent;
    int payments_known; /* the program knows the loans' payments today (sl-finance): no
                           --loan-rate needed */
    const char *rules_path;
    const char *grant_key; /* the JSON key of the grant need's parts (default "grant") */
    sl_housing_allowance_rules rules;
    sl_money gross_yearly; /* the household's gross income a year, for bostøtte */
    sl_rate loan_rate;     /* the start loan's rate today (not stressed) */
    sl_money price, own_funds, bank_loan, transaction_costs, rent, rent_allowance;
    /* results */
    sl_housing_allowance allowance; /* with estimate */
    sl_money allowance_costs;       /* the housing costs a month it was computed from */
    sl_money allowance_loan;        /* the loan they include */
    sl_money allowance_payment;     /* its payment a month today */
    int have_slot;                  /* the estimate's income item is in place */
    size_t slot;                    /* its index among the household's items */
    int have_grant;
    sl_money grant_need, largest_loan;
    int have_comparison;
    sl_rent_comparison comparison;
} cli_owner;

void cli_owner_init(cli_owner *w);
/* 1 when opt was one of the owner's options (read from arg), else 0. */
int cli_owner_option(cli_owner *w, int opt, const char *arg);
/* After parsing: load the rules, check the combinations (exit 2 on bad
 * input). persons: the household's size; gross: the yearly gross incomes
 * given elsewhere (--gross-income-yearly), used unless
 * --allowance-gross-income is given. */
void cli_owner_finish(cli_owner *w, int persons, sl_money gross, sl_date date);

/* The bostøtte estimate for loan as a monthly income item of household h
 * (its costs from the loan's payment at --loan-rate, the common costs and,
 * without common costs, the municipal fees). Returns the monthly amount. */
sl_money cli_owner_allowance(cli_owner *w, const sl_household *h, const sl_capacity_options *o,
                             sl_date date, sl_money loan);

/* The same from the loans' payment a month today (both loans, fees included). */
sl_money cli_owner_allowance_for(cli_owner *w, const sl_household *h, sl_date date,
                                 sl_money loan, sl_money payment);

/* The comparison with renting for the loans' payment and interest a month
 * today; other_costs: felleskostnader, kommunale avgifter and maintenance. */
void cli_owner_compare_rent(cli_owner *w, sl_money payment, sl_money interest,
                            sl_money other_costs);

/* The check with the estimate counted as income: for --loan (max_loan 0)
 * once; for --max-loan by iterating until the estimate at the answer stops
 * changing (the estimate used is never above the one at the answer).
 * items/count: the household's items, with room for one more. */
int cli_owner_check(cli_owner *w, sl_household *h, sl_income_item *items,
                    const sl_capacity_options *o, int max_loan, sl_money loan,
                    sl_capacity_result *r, sl_capacity_result *next, sl_error *err);

/* The grant need and the rent comparison for the loan checked. */
void cli_owner_after(cli_owner *w, const sl_household *h, const sl_capacity_options *o,
                     const sl_capacity_result *r, int max_loan);

void cli_owner_print(const cli_owner *w);
void cli_owner_json(const cli_owner *w, json_t *root);

#endif
