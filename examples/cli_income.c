#define _POSIX_C_SOURCE 200809L /* localtime_r */
/* Income as people state it and the date a budget is for: the monthly net
 * income check, the estimate of net income from yearly gross wages (the
 * library's tax.h), today's date and the guideline table's age. Shared by
 * the programs that take a household's budget (sl-capacity, sl-finance). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void cli_income_init(cli_income *in)
{
    memset(in, 0, sizeof *in);
}

void cli_income_add_gross(cli_income *in, const char *arg)
{
    if (in->earners >= CLI_MAX_EARNERS)
        cli_die(CLI_EXIT_USAGE, _("--gross-income-yearly: at most %d earners"), CLI_MAX_EARNERS);
    in->gross[in->earners++] = cli_money_nonneg("--gross-income-yearly", arg);
}

void cli_income_estimate(cli_income *in, sl_date date)
{
    if (!in->earners)
        return;
    int first, last, year = date.year;
    sl_tax_years(&first, &last);
    if (year > last || year < first) {
        int use = year > last ? last : first;
        fprintf(cli_notes(),
                _("%s: warning: no tax rules for %d are shipped; the net income from "
                  "--gross-income-yearly is estimated with %d's rules\n"),
                cli_prog(), year, use);
        year = use;
    }
    sl_tax_rules rules;
    sl_error err;
    if (sl_tax_rules_for_year(&rules, year, &err) != SL_OK)
        cli_die(1, _("the tax rules could not be read: %s"), err.message);
    in->rules = rules;
    in->net_monthly = 0;
    for (int i = 0; i < in->earners; i++) {
        if (sl_tax_estimate_wage(&in->estimate[i], in->gross[i], &rules, &err) != SL_OK)
            cli_fail_option("--gross-income-yearly", &err);
        in->net_monthly += in->estimate[i].net_monthly;
    }
}

void cli_income_check_monthly(sl_money monthly, const char *typed, int strict)
{
    if (monthly <= CLI_INCOME_MONTHLY_LIMIT)
        return;
    char a[SL_MONEY_BUFSIZE];
    if (strict)
        cli_drop_notes(); /* the refusal alone */
    fprintf(strict ? stderr : cli_notes(),
            strict ? _("%s: error: --income '%s' is net income a month and this is over "
                       "150 000 kr; if it is a yearly or gross figure, give "
                       "--gross-income-yearly instead\n")
                   : _("%s: warning: --income '%s' is net income a month and this is over "
                       "150 000 kr; if it is a yearly or gross figure, give "
                       "--gross-income-yearly instead\n"),
            cli_prog(), typed ? typed : cli_plain(a, monthly));
    if (strict)
        exit(CLI_EXIT_USAGE);
}

static void step(const char *label, sl_money amount)
{
    char a[CLI_HUMAN_BUFSIZE];
    fputs("    ", stdout);
    cli_pad(stdout, label, 42);
    putchar(' ');
    cli_pad(stdout, cli_amount(a, amount), -17);
    printf(" kr\n");
}

void cli_income_print(const cli_income *in)
{
    if (!in->earners)
        return;
    char a[CLI_HUMAN_BUFSIZE], label[96];
    printf(_("Net income estimated from gross wages (an estimate: tax class 1, wage income only,\n"
             "no other deductions; the tax rules of %d)\n"),
           in->rules.year);
    for (int i = 0; i < in->earners; i++) {
        const sl_tax_estimate *e = &in->estimate[i];
        snprintf(label, sizeof label, _("Earner %d: gross wages a year"), i + 1);
        fputs("  ", stdout);
        cli_pad(stdout, label, 44);
        putchar(' ');
        cli_pad(stdout, cli_amount(a, e->gross), -17);
        printf(" kr\n");
        step(_("minimum deduction (minstefradrag)"), e->minimum_deduction);
        step(_("personal allowance (personfradrag)"), e->personal_allowance);
        step(_("ordinary income (alminnelig inntekt)"), e->ordinary_income);
        step(_("tax on ordinary income (22 %)"), e->ordinary_tax);
        step(_("social security (trygdeavgift)"), e->social_security);
        step(_("bracket tax (trinnskatt)"), e->bracket_tax);
        step(_("net a year"), e->net_yearly);
        step(_("net a month (/ 12, rounded down)"), e->net_monthly);
    }
    fputs("  ", stdout);
    cli_pad(stdout, _("Net income a month, estimated"), 44);
    putchar(' ');
    cli_pad(stdout, cli_amount(a, in->net_monthly), -17);
    printf(" kr\n\n");
}

json_t *cli_income_json(const cli_income *in)
{
    if (!in->earners)
        return json_null();
    json_t *o = json_object(), *earners = json_array();
    json_object_set_new(o, "estimate", json_true());
    json_object_set_new(o, "tax_year", json_integer(in->rules.year));
    for (int i = 0; i < in->earners; i++) {
        const sl_tax_estimate *e = &in->estimate[i];
        json_t *x = json_object();
        json_object_set_new(x, "gross_yearly", cli_json_money(e->gross));
        json_object_set_new(x, "minimum_deduction", cli_json_money(e->minimum_deduction));
        json_object_set_new(x, "personal_allowance", cli_json_money(e->personal_allowance));
        json_object_set_new(x, "ordinary_income", cli_json_money(e->ordinary_income));
        json_object_set_new(x, "ordinary_tax", cli_json_money(e->ordinary_tax));
        json_object_set_new(x, "social_security", cli_json_money(e->social_security));
        json_object_set_new(x, "bracket_tax", cli_json_money(e->bracket_tax));
        json_object_set_new(x, "net_yearly", cli_json_money(e->net_yearly));
        json_object_set_new(x, "net_monthly", cli_json_money(e->net_monthly));
        json_array_append_new(earners, x);
    }
    json_object_set_new(o, "earners", earners);
    json_object_set_new(o, "net_monthly", cli_json_money(in->net_monthly));
    return o;
}

sl_date cli_today(void)
{
    const char *fixed = getenv("SL_TODAY"); /* for reproducible runs and tests */
    if (fixed && *fixed)
        return cli_date("SL_TODAY", fixed);
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        cli_die(1, _("today's date could not be read"));
    return (sl_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int cli_guideline_stale(sl_date date, sl_date valid_from)
{
    sl_date limit;
    if (sl_date_add_months(&limit, valid_from, 12, valid_from.day) != SL_OK)
        return 0;
    if (sl_date_compare(date, limit) <= 0)
        return 0;
    char d[CLI_HUMAN_BUFSIZE], v[CLI_HUMAN_BUFSIZE];
    fprintf(cli_notes(),
            _("%s: warning: the guideline table used (valid from %s) is more than 12 months "
              "older than the date %s; newer rates may have been published (load them with "
              "--guidelines FILE)\n"),
            cli_prog(), cli_date_human(v, valid_from), cli_date_human(d, date));
    return 1;
}
