/* Rent as husleieloven runs it, in sl-rent-to-own (rent_index.h): the yearly
 * KPI adjustment (an index file or a rate) and the deposit. */
#ifndef SL_CLI_RENT_H
#define SL_CLI_RENT_H

#include "cli.h"

enum {
    CLI_RENT_OPT_INDEX = 4100,
    CLI_RENT_OPT_INDEX_LAG,
    CLI_RENT_OPT_ADJUST,
    CLI_RENT_OPT_DEPOSIT,
    CLI_RENT_OPT_DEPOSIT_USE,
    CLI_RENT_OPT_END
};

#define CLI_RENT_LONG_OPTIONS                                                                \
    {"rent-index", required_argument, NULL, CLI_RENT_OPT_INDEX},                             \
        {"rent-index-lag", required_argument, NULL, CLI_RENT_OPT_INDEX_LAG},                 \
        {"rent-adjust", required_argument, NULL, CLI_RENT_OPT_ADJUST},                       \
        {"deposit", required_argument, NULL, CLI_RENT_OPT_DEPOSIT},                          \
        {"deposit-use", required_argument, NULL, CLI_RENT_OPT_DEPOSIT_USE}

/* The options' help text, printed after the program's own by --help. */
extern const char *const cli_rent_usage; /* N_(): print through _() */

typedef struct cli_rent {
    const char *given[CLI_RENT_OPT_END - CLI_RENT_OPT_INDEX]; /* as typed */
    int lag;
    sl_rate adjust;
    sl_money deposit;
    int deposit_to_purchase;
    int adjusted;                         /* a path was computed */
    sl_money rents[SL_RENT_PATH_MAX_MONTHS];
    sl_money rent_paid, last_rent;
} cli_rent;

void cli_rent_init(cli_rent *r);
/* 1 when opt was one of these options (read from arg), else 0. */
int cli_rent_option(cli_rent *r, int opt, const char *arg);
/* The first of these options given ("--deposit"), or NULL. */
const char *cli_rent_any(const cli_rent *r);
/* After the rent is known: the path for o's rent and months (exit 2 naming
 * the option on bad input), the deposit checked against 6 months of the
 * first rent and, with --deposit-use purchase, added to the own funds.
 * Returns the path (NULL when the rent is not adjusted). */
const sl_money *cli_rent_apply(cli_rent *r, sl_rto_options *o);
/* The rent phase's figures in res from the path (rent_paid, last_rent). */
void cli_rent_result(const cli_rent *r, sl_rto_result *res);
/* The rent of a rent-phase month (1-based) by the path, else `flat`. */
sl_money cli_rent_month(const cli_rent *r, int month, sl_money flat);
void cli_rent_print(const cli_rent *r);
/* The sentence for not buying (the option lapses): what the household has
 * paid, keeps and gives up; in buf (size bytes), returned. */
const char *cli_lapse_text(char *buf, size_t size, const sl_rto_lapse *l);
/* The family's month before and after the purchase: the last rent, the
 * first loan payment and the change; in buf, returned. */
const char *cli_change_text(char *buf, size_t size, const sl_rto_result *r);
void cli_rent_json(const cli_rent *r, json_t *summary);

#endif
