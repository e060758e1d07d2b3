/* Shared option parsing, error reporting and output helpers for the examples. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *prog_name = "startlan";

void cli_init(const char *prog)
{
    const char *slash = strrchr(prog, '/');
    prog_name = slash ? slash + 1 : prog;
}

const char *cli_prog(void)
{
    return prog_name;
}

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog_name);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog_name);
    exit(CLI_EXIT_USAGE);
}

void cli_die(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog_name);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

void cli_option_error(int opt, char **argv)
{
    /* getopt_long sets optopt to a known option's value when its argument
     * is missing, and to 0 for an option it does not know. */
    if (opt == ':' || optopt != 0)
        cli_usage_error("%s needs a value", argv[optind - 1]);
    cli_usage_error("unknown option '%s'", argv[optind - 1]);
}

void cli_other_option(int opt, char **argv, const char *usage)
{
    if (opt == CLI_OPT_HELP && usage) {
        fputs(usage, stdout);
        exit(0);
    }
    if (opt == CLI_OPT_VERSION) {
        cli_print_version();
        exit(0);
    }
    cli_option_error(opt, argv);
}

void cli_print_version(void)
{
    printf("%s (startlan) %s\n", prog_name, sl_version());
}

const char *cli_frequency_name(int terms_per_year)
{
    switch (terms_per_year) {
    case 12:
        return "monthly";
    case 4:
        return "quarterly";
    case 2:
        return "half-yearly";
    }
    return "yearly";
}

void cli_fail_option(const char *option, const sl_error *err)
{
    /* Library messages read "field value: reason"; keep the reason. */
    const char *reason = strstr(err->message, ": ");
    reason = reason ? reason + 2 : err->message;
    cli_die(CLI_EXIT_USAGE, "%s '%s': %s", option, err->value, reason);
}

sl_money cli_money(const char *option, const char *text)
{
    sl_money v;
    sl_error err;
    if (sl_money_parse(&v, text, option, &err) != SL_OK)
        cli_fail_option(option, &err);
    return v;
}

sl_money cli_money_nonneg(const char *option, const char *text)
{
    sl_money v = cli_money(option, text);
    if (v < 0)
        cli_die(CLI_EXIT_USAGE, "%s '%s': must not be negative", option, text);
    return v;
}

sl_rate cli_percent(const char *option, const char *text, int min_pct, int max_pct)
{
    sl_rate r, lo, hi;
    sl_error err;
    if (sl_rate_parse_percent(&r, text, option, &err) != SL_OK)
        cli_fail_option(option, &err);
    if (sl_rate_from_fraction(&lo, min_pct, 100) || sl_rate_from_fraction(&hi, max_pct, 100))
        cli_die(CLI_EXIT_USAGE, "%s: internal range error", option);
    if (sl_rate_compare(r, lo) < 0 || sl_rate_compare(r, hi) > 0)
        cli_die(CLI_EXIT_USAGE, "%s '%s': must be from %d to %d %%", option, text, min_pct,
                max_pct);
    return r;
}

long cli_int(const char *option, const char *text, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || *end != '\0' || errno == ERANGE)
        cli_die(CLI_EXIT_USAGE, "%s '%s': not a whole number", option, text);
    if (v < min || v > max)
        cli_die(CLI_EXIT_USAGE, "%s '%s': must be from %ld to %ld", option, text, min, max);
    return v;
}

sl_date cli_date(const char *option, const char *text)
{
    sl_date d;
    sl_error err;
    if (sl_date_parse(&d, text, option, &err) != SL_OK)
        cli_fail_option(option, &err);
    return d;
}

cli_format cli_format_parse(const char *text)
{
    if (strcmp(text, "table") == 0)
        return CLI_TABLE;
    if (strcmp(text, "csv") == 0)
        return CLI_CSV;
    if (strcmp(text, "json") == 0)
        return CLI_JSON;
    cli_die(CLI_EXIT_USAGE, "--format '%s': must be table, csv or json", text);
}

const char *cli_plain(char buf[SL_MONEY_BUFSIZE], sl_money amount)
{
    sl_money_format(buf, SL_MONEY_BUFSIZE, amount, SL_MONEY_PLAIN);
    return buf;
}

const char *cli_nor(char buf[SL_MONEY_BUFSIZE], sl_money amount)
{
    sl_money_format(buf, SL_MONEY_BUFSIZE, amount, SL_MONEY_NORWEGIAN);
    return buf;
}

const char *cli_rate_text(char buf[SL_RATE_BUFSIZE], sl_rate rate, char mark)
{
    if (sl_rate_format_percent(buf, SL_RATE_BUFSIZE, rate, SL_RATE_EXACT, SL_ROUND_HALF_UP, mark) <
        0)
        sl_rate_format_percent(buf, SL_RATE_BUFSIZE, rate, 12, SL_ROUND_HALF_UP, mark);
    return buf;
}

const char *cli_events_text(char *buf, size_t size, unsigned events, const char *sep)
{
    size_t used = 0;
    buf[0] = '\0';
    for (unsigned bit = 1; bit && events; bit <<= 1) {
        const char *name = (events & bit) ? sl_event_name(bit) : NULL;
        if (!name)
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? sep : "", name);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return buf;
}

json_t *cli_json_events(unsigned events)
{
    json_t *a = json_array();
    for (unsigned bit = 1; bit; bit <<= 1) {
        const char *name = (events & bit) ? sl_event_name(bit) : NULL;
        if (name)
            json_array_append_new(a, json_string(name));
    }
    return a;
}

char *cli_split(char *text, char sep)
{
    char *p = strchr(text, sep);
    if (!p)
        return NULL;
    *p = '\0';
    return p + 1;
}

const char *cli_rate_fixed(char buf[SL_RATE_BUFSIZE], sl_rate rate, int decimals, char mark)
{
    if (sl_rate_format_percent(buf, SL_RATE_BUFSIZE, rate, decimals, SL_ROUND_HALF_UP, mark) < 0)
        buf[0] = '\0';
    return buf;
}

const char *cli_date_text(char buf[SL_DATE_BUFSIZE], sl_date date)
{
    if (sl_date_format(buf, SL_DATE_BUFSIZE, date) < 0)
        buf[0] = '\0';
    return buf;
}

json_t *cli_json_money(sl_money amount)
{
    char buf[SL_MONEY_BUFSIZE];
    return json_string(cli_plain(buf, amount));
}

json_t *cli_json_rate(sl_rate rate)
{
    char buf[SL_RATE_BUFSIZE];
    return json_string(cli_rate_text(buf, rate, '.'));
}

void cli_json_print(json_t *root)
{
    if (json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 ||
        fputc('\n', stdout) == EOF)
        cli_die(1, "could not write the output");
    json_decref(root);
}

/* ---- loan options ---- */

const char cli_loan_help[] =
    "  --rate PCT                 nominal annual rate in percent (4.640 or 4,640)\n"
    "  --years Y | --terms N      length: years (1-50) or number of terms\n"
    "  --terms-per-year 12|4|2|1  payments per year (default 12)\n"
    "  --type annuity|serial      annuitetslån (default) or serielån\n"
    "  --interest-only-terms K    avdragsfrie terminer at the start (default 0)\n"
    "  --term-fee A               termingebyr per term (default 0)\n"
    "  --establishment-fee A      etableringsgebyr at payout (default 0)\n"
    "  --round-to ore|krone       unit of the annuity payment (default ore)\n"
    "  --rounding half-up|half-even|down|up   mode for that rounding (default half-up)\n"
    "  --payout-date YYYY-MM-DD   payout; due dates follow on the same day of month\n";

void cli_loan_init(cli_loan *loan)
{
    memset(loan, 0, sizeof *loan);
    sl_loan_terms_init(&loan->terms);
}

int cli_loan_option(cli_loan *loan, int opt, const char *arg)
{
    sl_loan_terms *t = &loan->terms;
    switch (opt) {
    case CLI_OPT_AMOUNT:
        t->principal = cli_money("--amount", arg);
        if (t->principal <= 0)
            cli_die(CLI_EXIT_USAGE, "--amount '%s': the loan must be positive", arg);
        return 1;
    case CLI_OPT_RATE:
        t->nominal_rate = cli_percent("--rate", arg, 0, 100);
        loan->have_rate = 1;
        return 1;
    case CLI_OPT_YEARS:
        loan->years = cli_int("--years", arg, 1, SL_PLAN_MAX_YEARS);
        return 1;
    case CLI_OPT_TERMS:
        loan->terms_count = cli_int("--terms", arg, 1, SL_PLAN_MAX_YEARS * 12);
        return 1;
    case CLI_OPT_TERMS_PER_YEAR: {
        long k = cli_int("--terms-per-year", arg, 1, 12);
        if (k != 12 && k != 4 && k != 2 && k != 1)
            cli_die(CLI_EXIT_USAGE, "--terms-per-year '%s': must be 12, 4, 2 or 1", arg);
        t->terms_per_year = (int)k;
        return 1;
    }
    case CLI_OPT_TYPE:
        if (sl_loan_type_parse(&t->type, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--type '%s': must be annuity or serial", arg);
        return 1;
    case CLI_OPT_INTEREST_ONLY_TERMS:
        t->interest_only_terms = (int)cli_int("--interest-only-terms", arg, 0, SL_PLAN_MAX_YEARS * 12);
        return 1;
    case CLI_OPT_TERM_FEE:
        t->term_fee = cli_money_nonneg("--term-fee", arg);
        return 1;
    case CLI_OPT_ESTABLISHMENT_FEE:
        t->establishment_fee = cli_money_nonneg("--establishment-fee", arg);
        return 1;
    case CLI_OPT_ROUND_TO:
        if (sl_round_unit_parse(&t->payment_rounding.unit, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--round-to '%s': must be ore or krone", arg);
        return 1;
    case CLI_OPT_ROUNDING:
        if (sl_round_mode_parse(&t->payment_rounding.mode, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, "--rounding '%s': must be half-up, half-even, down or up", arg);
        return 1;
    case CLI_OPT_PAYOUT_DATE:
        t->payout_date = cli_date("--payout-date", arg);
        return 1;
    }
    return 0;
}

static const struct {
    const char *field, *option;
} field_options[] = {
    {"principal", "--amount"},
    {"nominal_rate", "--rate"},
    {"terms", "--terms"},
    {"terms_per_year", "--terms-per-year"},
    {"type", "--type"},
    {"interest_only_terms", "--interest-only-terms"},
    {"term_fee", "--term-fee"},
    {"establishment_fee", "--establishment-fee"},
    {"payment_rounding", "--rounding"},
    {"payout_date", "--payout-date"},
    {"due_day", "--due-day"},
    {"first_due_date", "--first-due"},
    {"day_count", "--day-count"},
    {"rate_changes", "--rate-change"},
    {"fixed", "--fixed"},
    {"interest_only_windows", "--interest-only"},
    {"extra_payments", "--extra"},
    {"repay_date", "--repay-all"},
    {"market_rate", "--market-rate"},
    {"margin", "--margin"},
};

const char *cli_option_for_field(const char *field)
{
    for (size_t i = 0; i < sizeof field_options / sizeof field_options[0]; i++)
        if (strcmp(field, field_options[i].field) == 0)
            return field_options[i].option;
    return field;
}

void cli_loan_finish(cli_loan *loan, long default_years, sl_loan_terms *out)
{
    sl_loan_terms *t = &loan->terms;
    if (!loan->have_rate)
        cli_usage_error("--rate is required");
    if (loan->years && loan->terms_count)
        cli_usage_error("give either --years or --terms, not both");
    if (loan->terms_count)
        t->terms = (int)loan->terms_count;
    else if (loan->years)
        t->terms = (int)(loan->years * t->terms_per_year);
    else if (default_years)
        t->terms = (int)(default_years * t->terms_per_year);
    else
        cli_usage_error("--years or --terms is required");
    if (loan->terms_count && t->terms > SL_PLAN_MAX_YEARS * t->terms_per_year)
        cli_die(CLI_EXIT_USAGE, "--terms '%ld': more than 50 years at %d terms per year",
                loan->terms_count, t->terms_per_year);
    sl_error err;
    if (sl_loan_terms_check(t, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    *out = *t;
}
