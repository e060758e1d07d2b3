/* Rent as husleieloven runs it, in sl-rent-to-own: see cli_rent.h. */
#include "cli_rent.h"

#include <stdlib.h>
#include <string.h>

const char *const cli_rent_usage = /* xgettext:no-c-format */ N_(
    "Rent by husleieloven (rent-to-own, rent-before-own):\n"
    "  --rent-index FILE          KPI by month (lines YYYY-MM VALUE): the rent is adjusted\n"
    "                             every 12 months by the index's change (husleieloven 4-2)\n"
    "  --rent-index-lag N         index month N months before the adjustment (default 2:\n"
    "                             the latest SSB has published on the 1st)\n"
    "  --rent-adjust PCT          or adjust by PCT a year (may be negative)\n"
    "  --deposit A                depositum, at most 6 months' rent (husleieloven 3-5)\n"
    "  --deposit-use return|purchase   the tenant's money: returned (default) or used as\n"
    "                             own funds in the purchase\n");

void cli_rent_init(cli_rent *r)
{
    memset(r, 0, sizeof *r);
    r->lag = 2;
}

int cli_rent_option(cli_rent *r, int opt, const char *arg)
{
    if (opt < CLI_RENT_OPT_INDEX || opt >= CLI_RENT_OPT_END)
        return 0;
    r->given[opt - CLI_RENT_OPT_INDEX] = arg;
    switch (opt) {
    case CLI_RENT_OPT_INDEX_LAG:
        r->lag = (int)cli_int("--rent-index-lag", arg, 0, 12);
        break;
    case CLI_RENT_OPT_ADJUST:
        r->adjust = cli_percent("--rent-adjust", arg, -100, 100);
        break;
    case CLI_RENT_OPT_DEPOSIT:
        r->deposit = cli_money_nonneg("--deposit", arg);
        break;
    case CLI_RENT_OPT_DEPOSIT_USE:
        if (strcmp(arg, "return") == 0)
            r->deposit_to_purchase = 0;
        else if (strcmp(arg, "purchase") == 0)
            r->deposit_to_purchase = 1;
        else
            cli_die(CLI_EXIT_USAGE, _("--deposit-use '%s': must be return or purchase"), arg);
        break;
    }
    return 1;
}

#define GIVEN(r, opt) ((r)->given[(opt) - CLI_RENT_OPT_INDEX])

const char *cli_rent_any(const cli_rent *r)
{
    static const char *const names[] = {"--rent-index", "--rent-index-lag", "--rent-adjust",
                                        "--deposit", "--deposit-use"};
    for (int i = 0; i < CLI_RENT_OPT_END - CLI_RENT_OPT_INDEX; i++)
        if (r->given[i])
            return names[i];
    return NULL;
}

const sl_money *cli_rent_apply(cli_rent *r, sl_rto_options *o)
{
    const char *index_path = GIVEN(r, CLI_RENT_OPT_INDEX);
    if (GIVEN(r, CLI_RENT_OPT_INDEX_LAG) && !index_path)
        cli_die(CLI_EXIT_USAGE, _("--rent-index-lag '%s': only used with --rent-index"),
                GIVEN(r, CLI_RENT_OPT_INDEX_LAG));
    if (index_path && GIVEN(r, CLI_RENT_OPT_ADJUST))
        cli_die(CLI_EXIT_USAGE, _("--rent-adjust '%s': give --rent-index or --rent-adjust, "
                                  "not both"),
                GIVEN(r, CLI_RENT_OPT_ADJUST));
    if (GIVEN(r, CLI_RENT_OPT_DEPOSIT_USE) && !GIVEN(r, CLI_RENT_OPT_DEPOSIT))
        cli_die(CLI_EXIT_USAGE, _("--deposit-use '%s': only used with --deposit"),
                GIVEN(r, CLI_RENT_OPT_DEPOSIT_USE));
    sl_error err;
    sl_error_clear(&err);
    if (GIVEN(r, CLI_RENT_OPT_DEPOSIT) && sl_deposit_check(r->deposit, o->rent, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--deposit '%s': %s", GIVEN(r, CLI_RENT_OPT_DEPOSIT),
                cli_error_reason(&err));
    if (r->deposit_to_purchase) {
        if (o->own_funds > SL_PLAN_MAX_PRINCIPAL - r->deposit)
            cli_die(CLI_EXIT_USAGE, _("--deposit '%s': with --own-funds over the maximum"),
                    GIVEN(r, CLI_RENT_OPT_DEPOSIT));
        o->own_funds += r->deposit;
    }
    if (!index_path && !GIVEN(r, CLI_RENT_OPT_ADJUST))
        return NULL;
    sl_index_series *series = NULL;
    if (index_path && sl_index_series_load(&series, index_path, &err) != SL_OK)
        cli_die(CLI_EXIT_USAGE, "--rent-index '%s': %s", index_path, err.message);
    sl_rent_path_options p = SL_RENT_PATH_OPTIONS_INIT;
    p.rent = o->rent;
    p.months = o->rent_months;
    p.start = o->start;
    p.index = series;
    p.yearly_rate = r->adjust;
    p.lag_months = r->lag;
    int rc = sl_rent_path(r->rents, SL_RENT_PATH_MAX_MONTHS, &p, &err);
    sl_index_series_free(series);
    if (rc != SL_OK) {
        if (strcmp(err.field, "start") == 0)
            cli_die(CLI_EXIT_USAGE, _("--rent-index '%s': needs --start (the first rent month)"),
                    index_path);
        const char *opt = index_path ? "--rent-index" : "--rent-adjust";
        cli_die(CLI_EXIT_USAGE, "%s '%s': %s", opt, index_path ? index_path
                                                               : GIVEN(r, CLI_RENT_OPT_ADJUST),
                err.message);
    }
    r->adjusted = 1;
    for (int m = 0; m < o->rent_months; m++)
        r->rent_paid += r->rents[m];
    r->last_rent = o->rent_months > 0 ? r->rents[o->rent_months - 1] : o->rent;
    return r->rents;
}

void cli_rent_result(const cli_rent *r, sl_rto_result *res)
{
    if (!r->adjusted)
        return;
    res->rent_paid = r->rent_paid;
    res->last_rent = r->last_rent;
}

sl_money cli_rent_month(const cli_rent *r, int month, sl_money flat)
{
    return r->adjusted && month >= 1 && month <= SL_RENT_PATH_MAX_MONTHS ? r->rents[month - 1]
                                                                       : flat;
}

void cli_rent_print(const cli_rent *r)
{
    char a[SL_MONEY_BUFSIZE];
    if (r->adjusted)
        printf(_("Rent adjusted every 12 months (%s): %s kr a month in the last rent month.\n"),
               GIVEN(r, CLI_RENT_OPT_INDEX) ? _("by the index") : _("by the yearly rate"),
               cli_nor(a, r->last_rent));
    if (r->deposit)
        printf(r->deposit_to_purchase
                   ? _("Deposit (depositum) %s kr: the tenant's money, used in the purchase as "
                       "own funds.\n")
                   : _("Deposit (depositum) %s kr: the tenant's money, returned at the end of "
                       "the rent phase.\n"),
               cli_nor(a, r->deposit));
}

void cli_rent_json(const cli_rent *r, json_t *summary)
{
    json_object_set_new(summary, "rent_adjustment",
                        json_string(!r->adjusted                   ? "none"
                                    : GIVEN(r, CLI_RENT_OPT_INDEX) ? "index"
                                                                   : "rate"));
    json_t *d = json_object();
    json_object_set_new(d, "amount", cli_json_money(r->deposit));
    json_object_set_new(d, "use", json_string(r->deposit_to_purchase ? "purchase" : "return"));
    json_object_set_new(summary, "deposit", d);
}

const char *cli_lapse_text(char *buf, size_t size, const sl_rto_lapse *l)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE], e[CLI_HUMAN_BUFSIZE],
        g[CLI_HUMAN_BUFSIZE];
    snprintf(buf, size,
             l->credit_paid_out
                 ? _("If the option lapses (the household does not buy): rent paid %s kr; the "
                     "credit of %s kr is paid out; the savings of %s kr are the household's own; "
                     "an option value of %s kr is given up. The household keeps %s kr.")
                 : _("If the option lapses (the household does not buy): rent paid %s kr; the "
                     "credit of %s kr is lost; the savings of %s kr are the household's own; "
                     "an option value of %s kr is given up. The household keeps %s kr."),
             cli_amount(a, l->rent_paid), cli_amount(b, l->credit_earned),
             cli_amount(c, l->savings), cli_amount(e, l->option_value > 0 ? l->option_value : 0),
             cli_amount(g, l->household_keeps));
    return buf;
}

const char *cli_change_text(char *buf, size_t size, const sl_rto_result *r)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE];
    sl_money change = r->first_payment - r->last_rent;
    snprintf(buf, size,
             change < 0 ? _("Before: %s kr a month in rent. After: %s kr a month on the loan (%s kr "
                            "a month less).")
                        : _("Before: %s kr a month in rent. After: %s kr a month on the loan (%s kr "
                            "a month more)."),
             cli_amount(a, r->last_rent), cli_amount(b, r->first_payment),
             cli_amount(c, change < 0 ? -change : change));
    return buf;
}
