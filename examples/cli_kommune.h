/* The kommune's side of leie til eie in sl-rent-to-own (kommune_side.h):
 * its options, the cost rent derived from them, and the output. */
#ifndef SL_CLI_KOMMUNE_H
#define SL_CLI_KOMMUNE_H

#include "cli.h"

enum {
    CLI_KOMMUNE_OPT_LOAN_RATE = 4000,
    CLI_KOMMUNE_OPT_LOAN_SHARE,
    CLI_KOMMUNE_OPT_LOAN_YEARS,
    CLI_KOMMUNE_OPT_TERM_FEE,
    CLI_KOMMUNE_OPT_COSTS,
    CLI_KOMMUNE_OPT_AREA,
    CLI_KOMMUNE_OPT_GRANT_PER_M2,
    CLI_KOMMUNE_OPT_GRANT_MAX_AREA,
    CLI_KOMMUNE_OPT_GRANT_WRITEDOWN,
    CLI_KOMMUNE_OPT_GRANT_YEARS,
    CLI_KOMMUNE_OPT_FDV,
    CLI_KOMMUNE_OPT_END
};

/* --municipal-fees is the household budget's option (CLI_OPT_MUNICIPAL_FEES,
 * in CLI_HOUSEHOLD_LONG_OPTIONS): the same kommunale avgifter, covered by the
 * rent before the purchase and the owner's after; cli_kommune_option reads it. */
#define CLI_KOMMUNE_LONG_OPTIONS                                                             \
    {"kommune-loan-rate", required_argument, NULL, CLI_KOMMUNE_OPT_LOAN_RATE},               \
        {"kommune-loan-share", required_argument, NULL, CLI_KOMMUNE_OPT_LOAN_SHARE},         \
        {"kommune-loan-years", required_argument, NULL, CLI_KOMMUNE_OPT_LOAN_YEARS},         \
        {"kommune-term-fee", required_argument, NULL, CLI_KOMMUNE_OPT_TERM_FEE},             \
        {"kommune-costs", required_argument, NULL, CLI_KOMMUNE_OPT_COSTS},                   \
        {"area", required_argument, NULL, CLI_KOMMUNE_OPT_AREA},                             \
        {"rental-grant-per-m2", required_argument, NULL, CLI_KOMMUNE_OPT_GRANT_PER_M2},      \
        {"rental-grant-max-area", required_argument, NULL, CLI_KOMMUNE_OPT_GRANT_MAX_AREA},  \
        {"rental-grant-writedown", required_argument, NULL, CLI_KOMMUNE_OPT_GRANT_WRITEDOWN}, \
        {"rental-grant-years", required_argument, NULL, CLI_KOMMUNE_OPT_GRANT_YEARS},        \
        {"fdv", required_argument, NULL, CLI_KOMMUNE_OPT_FDV}

/* The options' help text, printed after the program's own by --help. */
extern const char *const cli_kommune_usage; /* N_(): print through _() */

typedef struct cli_kommune {
    int active;     /* a kommune option was given */
    int have_rate;
    long years;
    const char *given[CLI_KOMMUNE_OPT_END - CLI_KOMMUNE_OPT_LOAN_RATE]; /* as typed */
    const char *municipal_fees_text;
    sl_kommune_options opt;
    sl_loan_terms loan;
    sl_kommune_result result;
    sl_kommune_row rows[SL_KOMMUNE_MAX_MONTHS];
} cli_kommune;

void cli_kommune_init(cli_kommune *k);
/* 1 when opt was one of the kommune's options (read from arg), else 0. */
int cli_kommune_option(cli_kommune *k, int opt, const char *arg);
/* The kommune's deal for this price, rent phase and start: rents (M of
 * them) or rent each month (rents NULL), sold at sale_price. Exits 2 naming
 * the option on bad input. Fills k->result and k->rows. */
void cli_kommune_run(cli_kommune *k, sl_money price, int months, sl_date start,
                     const sl_money *rents, sl_money rent, sl_money sale_price);
/* The cost rent alone (before the family's side is known). */
sl_money cli_kommune_cost_rent(cli_kommune *k, sl_money price, int months, sl_date start);
void cli_kommune_print(const cli_kommune *k);
json_t *cli_kommune_json(const cli_kommune *k);

#endif
