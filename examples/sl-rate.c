/* sl-rate: Husbanken's conversion between the effective rate (effektiv rente)
 * and the nominal rate for n terms per year, correctly rounded. Prints only
 * the number. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const usage = N_(
    "Usage: sl-rate (--effective PCT | --nominal PCT) [--terms-per-year N] [options]\n"
    "\n"
    "--effective PCT: prints the nominal rate ((1 + re)^(1/n) - 1) * n.\n"
    "--nominal PCT:   prints the effective rate (1 + rn/n)^n - 1.\n"
    "The result is a percent, correctly rounded (certified with MPFR/GMP).\n"
    "\n"
    "  --terms-per-year N         terms per year, 1-366 (default 12)\n"
    "  --decimals D               decimals of the percent, 0-12 (default 3, as Husbanken)\n"
    "  --rounding half-up|half-even|down|up   (default half-up)\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n"
    "\n"
    "Example: sl-rate --effective 4.290 --terms-per-year 12   prints 4.208\n");

enum { OPT_EFFECTIVE = CLI_OPT_FIRST_FREE, OPT_NOMINAL, OPT_DECIMALS };

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"effective", required_argument, NULL, OPT_EFFECTIVE},
        {"nominal", required_argument, NULL, OPT_NOMINAL},
        {"terms-per-year", required_argument, NULL, CLI_OPT_TERMS_PER_YEAR},
        {"decimals", required_argument, NULL, OPT_DECIMALS},
        {"rounding", required_argument, NULL, CLI_OPT_ROUNDING},
        CLI_END_LONG_OPTIONS,
    };
    sl_rate rate = SL_RATE_ZERO;
    const char *given = NULL, *text = NULL;
    long n = 12, decimals = 3;
    sl_round_mode mode = SL_ROUND_HALF_UP;
    int opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        switch (opt) {
        case OPT_EFFECTIVE:
        case OPT_NOMINAL: {
            const char *name = opt == OPT_EFFECTIVE ? "--effective" : "--nominal";
            if (given)
                cli_usage_error(_("give one of --effective and --nominal, once"));
            given = name;
            text = optarg;
            rate = cli_percent(name, optarg, -100000, 1000000);
            break;
        }
        case CLI_OPT_TERMS_PER_YEAR:
            n = cli_int("--terms-per-year", optarg, 1, SL_EFFECTIVE_MAX_TERMS_PER_YEAR);
            break;
        case OPT_DECIMALS:
            decimals = cli_int("--decimals", optarg, 0, SL_RATE_MAX_DECIMALS);
            break;
        case CLI_OPT_ROUNDING:
            if (sl_round_mode_parse(&mode, optarg) != SL_OK)
                cli_die(CLI_EXIT_USAGE,
                        _("--rounding '%s': must be half-up, half-even, down or up"), optarg);
            break;
        default: /* --help, --version, or an error */
            cli_other_option(opt, argv, _(usage));
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    if (!given)
        cli_usage_error(_("--effective or --nominal is required"));
    sl_rate out;
    sl_error err;
    sl_error_clear(&err);
    int rc = strcmp(given, "--effective") == 0
                 ? sl_effective_to_nominal(&out, NULL, rate, (int)n, (int)decimals, mode, &err)
                 : sl_nominal_to_effective(&out, NULL, rate, (int)n, (int)decimals, mode, &err);
    if (rc == SL_EINVAL) {
        err.value[0] = '\0';
        strncat(err.value, text, sizeof err.value - 1);
        cli_fail_option(given, &err);
    }
    if (rc != SL_OK)
        cli_die(1, "%s '%s': %s", given, text, err.message);
    char buf[SL_RATE_BUFSIZE];
    if (sl_rate_format_percent(buf, sizeof buf, out, (int)decimals, SL_ROUND_HALF_UP, '.') < 0)
        cli_die(1, _("the result could not be formatted"));
    puts(buf);
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    return 0;
}
