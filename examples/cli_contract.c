/* The contract option table shared by every program that reads a contract:
 * the loan options (cli.c) and the contract's life (cli_life.c) behind one
 * table, one dispatcher and one way to set an option by name. */
#include "cli.h"

#include <string.h>

const struct option cli_contract_options[] = {
    CLI_CONTRACT_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

void cli_contract_init(cli_contract *c)
{
    memset(c, 0, sizeof *c);
    cli_loan_init(&c->loan);
    cli_life_init(&c->life);
}

void cli_contract_free(cli_contract *c)
{
    cli_life_free(&c->life);
}

int cli_contract_option(cli_contract *c, int opt, const char *arg)
{
    if (!cli_loan_option(&c->loan, opt, arg) && !cli_life_option(&c->life, opt, arg))
        return 0;
    if (opt == CLI_OPT_AMOUNT)
        c->have_amount = 1;
    if (opt == CLI_OPT_TERMS_PER_YEAR)
        c->tpy_given = 1;
    else if (opt != CLI_OPT_STRICT)
        c->given++;
    return 1;
}

static int flag_value(const char *v)
{
    return v && *v && strcmp(v, "0") != 0 && strcmp(v, "no") != 0 && strcmp(v, "nei") != 0;
}

int cli_contract_set(cli_contract *c, const char *name, const char *value)
{
    for (const struct option *o = cli_contract_options; o->name; o++) {
        if (strcmp(o->name, name) != 0)
            continue;
        if (o->has_arg == no_argument) {
            if (flag_value(value))
                cli_contract_option(c, o->val, NULL);
        } else {
            cli_contract_option(c, o->val, value ? value : "");
        }
        return 1;
    }
    return 0;
}

void cli_contract_finish(cli_contract *c, long default_years, sl_loan_terms *t)
{
    cli_loan_finish(&c->loan, default_years, t);
    cli_life_apply(&c->life, t);
}
