/* sl-apr: the certified effective annual rate (effektiv rente) of dated cash
 * flows. Prints only the rate; with --verbose the proven bracket on stderr. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table_decode.h"

static const char *const usage = N_(
    "Usage: sl-apr [options] [FILE]\n"
    "\n"
    "Reads cash flows as DATE,AMOUNT lines (2025-01-01,-2000000) from FILE, or from\n"
    "stdin when neither FILE nor --flow is given ('-' is stdin). Money the borrower\n"
    "receives is positive, money paid is negative. Blank lines and lines starting\n"
    "with '#' are skipped. A spreadsheet's export is read too: ';' or a tab between\n"
    "date and amount, dates as 07.03.2025, amounts as -1 469,33 kr, UTF-8, UTF-16\n"
    "or cp1252, and a first line without digits (a header) skipped. Prints the\n"
    "effective rate in percent, e.g. 4.77, proven to be the correctly rounded\n"
    "(half up) root of the EU equation.\n"
    "\n"
    "  --flow DATE:AMOUNT         one flow (repeatable), e.g. --flow 2025-01-01:1000\n"
    "  --time equal-months|days365|days-actual\n"
    "                             time between dates (default equal-months)\n"
    "  --decimals D               decimals of the percent, 1-12 (default 2)\n"
    "  --allow-negative           also accept a rate below 0 % (default: no root)\n"
    "  --verbose                  print the certified bracket on stderr\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 with the rate on stdout; 2 for bad input; 1 when there is no\n"
    "root, or more than one root is possible (a message on stderr, nothing on stdout).\n");

enum { OPT_FLOW = CLI_OPT_FIRST_FREE, OPT_TIME, OPT_DECIMALS, OPT_ALLOW_NEGATIVE, OPT_VERBOSE };

typedef struct flows {
    sl_dated_flow *v;
    size_t n, cap;
} flows;

static void push(flows *f, sl_dated_flow x)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 64;
        sl_dated_flow *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            cli_die(1, _("out of memory"));
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = x;
}

/* Parse "DATE<sep>AMOUNT" (the date as YYYY-MM-DD or 07.03.2021, each part
 * trimmed of spaces; sep ':' is --flow's, any other a file's); 0 on success,
 * else a reason in why (which may point into *err, the caller's). */
static int parse_flow(sl_dated_flow *out, const char *text, char sep, const char **why,
                      sl_error *err)
{
    const char *s = strchr(text, sep);
    char date[SL_DATE_BUFSIZE + 8];
    while (*text == ' ' || *text == '\t')
        text++;
    size_t n = s ? (size_t)(s - text) : 0;
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    if (!s || n >= sizeof date) {
        *why = sep == ':' ? _("expected DATE:AMOUNT") : sep == ';' ? _("expected DATE;AMOUNT")
                                                                   : _("expected DATE,AMOUNT");
        return -1;
    }
    memcpy(date, text, n);
    date[n] = '\0';
    int rc = sl_date_parse_norwegian(&out->date, date, "date", err);
    if (rc != SL_OK) {
        /* a date of the right shape that does not exist (2024-02-30, year
         * 1899) is told so, as every other program's dates are */
        *why = rc == SL_ESYNTAX ? _("the date is not a valid YYYY-MM-DD (or DD.MM.YYYY)")
                                : cli_error_reason(err);
        return -1;
    }
    /* a file's amount as exported tables write it ("kr -1 469,33", "(1 469,33)") */
    if ((sep == ':' ? sl_money_parse(&out->amount, s + 1, "amount", NULL)
                    : sl_money_parse_export(&out->amount, s + 1, "amount", NULL)) != SL_OK) {
        *why = _("the amount is not a valid amount (e.g. -1200.50)");
        return -1;
    }
    return 0;
}

/* The next line of in into buf, without its line end ("\n", "\r\n", or a
 * "\r" alone as Excel for Mac's "CSV (Macintosh)" ends lines): 1, or 0 at
 * the end. A line longer than the buffer or holding a NUL byte is refused:
 * fgets would cut it at the NUL and read the rest as the flow. */
static int read_line(char *buf, size_t size, FILE *in, const char *name, long lineno)
{
    size_t n = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '\n' && c != '\r') {
        if (c == '\0')
            cli_die(CLI_EXIT_USAGE, _("%s:%ld: a NUL byte in the line"), name, lineno);
        if (n + 1 >= size)
            cli_die(CLI_EXIT_USAGE, _("%s:%ld: line too long"), name, lineno);
        buf[n++] = (char)c;
    }
    if (c == '\r') {
        int next = getc(in);
        if (next != '\n' && next != EOF)
            ungetc(next, in);
    }
    buf[n] = '\0';
    return c != EOF || n > 0;
}

/* A header line ("Dato;Beløp"): no digit in it. */
static int is_header(const char *line)
{
    return strpbrk(line, "0123456789") == NULL;
}

/* The flows of a file as people export it: UTF-8 (with or without a
 * byte-order mark), UTF-16 with one, or cp1252 (table_decode.h); ';' or
 * tab between date and amount when the line holds one (Norwegian Excel:
 * "07.03.2021;-1 469,33"), else ',', as the first flow's line has it; a first
 * line without a digit is a header. */
static void read_stream(flows *f, FILE *raw, const char *name)
{
    FILE *in = raw;
    char line[512], detected[16], why[256];
    table_decoder *dec = table_decoder_new();
    if (!dec)
        cli_die(1, _("out of memory"));
    if (table_decode(&in, dec, 1, NULL, detected, why, sizeof why) < 0)
        cli_die(CLI_EXIT_USAGE, "%s: %s", name, why);
    long lineno = 0;
    int header = 0;
    char sep = '\0'; /* the first flow's line decides, for the whole file */
    while (read_line(line, sizeof line, in, name, ++lineno)) {
        char *p = line;
        if (lineno == 1 && strncmp(p, "\xef\xbb\xbf", 3) == 0)
            p += 3;
        size_t len = strlen(p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
            p[--len] = '\0';
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        if (!sep && !header && is_header(p)) {
            header = 1;
            continue;
        }
        if (!sep)
            sep = strchr(p, ';') ? ';' : strchr(p, '\t') ? '\t' : ',';
        sl_dated_flow x;
        const char *reason;
        sl_error err;
        if (parse_flow(&x, p, sep, &reason, &err) != 0)
            cli_die(CLI_EXIT_USAGE, "%s:%ld '%s': %s", name, lineno, p, reason);
        push(f, x);
    }
    if (ferror(in))
        cli_die(CLI_EXIT_USAGE, _("%s: read error"), name);
    fclose(in); /* the decoding stream; raw stays open */
    table_decoder_free(dec);
}

static int by_date(const void *a, const void *b)
{
    return sl_date_compare(((const sl_dated_flow *)a)->date, ((const sl_dated_flow *)b)->date);
}

/* Why flows that go both ways have no rate when the library adds up the
 * flows of one date first (a drawdown and a payment on one date): the first
 * date holding both, its sums, and what is left. 1 with buf filled, or 0
 * when that is not why. Sorts f. */
static int same_date_reason(char *buf, size_t size, flows *f)
{
    qsort(f->v, f->n, sizeof *f->v, by_date);
    int pos = 0, neg = 0, dates = 0, found = 0;
    sl_money in = 0, out = 0, net = 0;
    sl_date mixed = SL_DATE_NONE;
    for (size_t i = 0; i < f->n;) {
        sl_money r = 0, p = 0, n;
        size_t j = i;
        for (; j < f->n && sl_date_compare(f->v[j].date, f->v[i].date) == 0; j++)
            if (__builtin_add_overflow(f->v[j].amount > 0 ? r : p,
                                       f->v[j].amount > 0 ? f->v[j].amount : -f->v[j].amount,
                                       f->v[j].amount > 0 ? &r : &p))
                return 0; /* beyond any amount: the library's message */
        n = r - p;
        if (r && p && !found) {
            found = 1;
            mixed = f->v[i].date;
            in = r;
            out = p;
            net = n;
        }
        pos |= n > 0;
        neg |= n < 0;
        dates += n != 0;
        i = j;
    }
    if (!found || (dates >= 2 && pos && neg))
        return 0;
    char d[CLI_HUMAN_BUFSIZE], a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE];
    snprintf(buf, size,
             dates < 2 ? _("no rate: on %s, %s received and %s paid add up to %s; with each "
                           "date's flows added up, money moves on fewer than two dates")
                       : _("no rate: on %s, %s received and %s paid add up to %s; with each "
                           "date's flows added up, money goes one way only"),
             cli_date_human(d, mixed), cli_kr(a, in), cli_kr(b, out), cli_kr(c, net));
    return 1;
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static const struct option options[] = {
        {"flow", required_argument, NULL, OPT_FLOW},
        {"time", required_argument, NULL, OPT_TIME},
        {"decimals", required_argument, NULL, OPT_DECIMALS},
        {"allow-negative", no_argument, NULL, OPT_ALLOW_NEGATIVE},
        {"verbose", no_argument, NULL, OPT_VERBOSE},
        CLI_END_LONG_OPTIONS,
    };
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    flows f = {NULL, 0, 0};
    int verbose = 0, opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        switch (opt) {
        case OPT_FLOW: {
            sl_dated_flow x;
            const char *why;
            sl_error err;
            if (parse_flow(&x, optarg, ':', &why, &err) != 0)
                cli_die(CLI_EXIT_USAGE, "--flow '%s': %s", optarg, why);
            push(&f, x);
            break;
        }
        case OPT_TIME:
            if (sl_apr_time_parse(&o.time, optarg) != SL_OK)
                cli_die(CLI_EXIT_USAGE,
                        _("--time '%s': must be equal-months, days365 or days-actual"), optarg);
            break;
        case OPT_DECIMALS:
            o.decimals = (int)cli_int("--decimals", optarg, 1, SL_APR_MAX_DECIMALS);
            break;
        case OPT_ALLOW_NEGATIVE:
            o.allow_negative = 1;
            break;
        case OPT_VERBOSE:
            verbose = 1;
            break;
        default: /* --help, --version, or an error */
            cli_other_option(opt, argv, _(usage));
        }
    }
    if (argc - optind > 1)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
    if (optind < argc) {
        const char *name = argv[optind];
        if (strcmp(name, "-") == 0) {
            read_stream(&f, stdin, "stdin");
        } else {
            FILE *in = fopen(name, "r");
            if (!in)
                cli_die(CLI_EXIT_USAGE, "%s: %s", name, strerror(errno));
            read_stream(&f, in, name);
            fclose(in);
        }
    } else if (f.n == 0) {
        read_stream(&f, stdin, "stdin");
    }
    if (f.n < 2)
        cli_usage_error(_("at least two cash flows are needed (a drawdown and a payment)"));

    sl_apr_result r;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_apr_dated(&r, f.v, f.n, &o, &err);
    char why[400];
    if (rc == SL_ENOROOT && same_date_reason(why, sizeof why, &f))
        cli_die(1, "%s", why);
    free(f.v);
    if (rc == SL_ENOROOT || rc == SL_EAMBIGUOUS || rc == SL_ERANGE || rc == SL_ENOMEM)
        cli_die(1, "%s", err.message);
    if (rc != SL_OK)
        cli_die(CLI_EXIT_USAGE, "%s", err.message);
    char buf[SL_RATE_BUFSIZE];
    puts(cli_rate_fixed(buf, r.rate, o.decimals, '.'));
    if (verbose) {
        /* the bracket for people: "4,768 %" in Norwegian, "4.768 %" in English */
        char dec = cli_norwegian() ? ',' : '.';
        char lo[SL_RATE_BUFSIZE], hi[SL_RATE_BUFSIZE];
        cli_rate_fixed(lo, r.low, o.decimals + 1, dec);
        cli_rate_fixed(hi, r.high, o.decimals + 1, dec);
        const char *pct = cli_norwegian() ? "\xC2\xA0%" : " %";
        if (r.exact)
            fprintf(stderr,
                    _("%s: the root is exactly %s%s (proven with rationals); rounded half up\n"),
                    cli_prog(), lo, pct);
        else
            fprintf(stderr,
                    _("%s: the root lies strictly between %s%s and %s%s (sign change proven %s "
                      "at %ld bits, time %s)\n"),
                    cli_prog(), lo, pct, hi, pct,
                    r.precision == 53 ? _("in double precision with a proven error bound")
                                      : _("with directed rounding"),
                    (long)r.precision, sl_apr_time_name(o.time));
    }
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    return 0;
}
