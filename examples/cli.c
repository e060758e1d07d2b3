/* Shared option parsing, error reporting and output helpers for the examples. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *prog_name = "startlan";

/* Warnings held until the end (cli_notes); created with the first one. */
static FILE *held_notes;
static int notes_dropped;

/* The held warnings to stderr (at exit, or before a message that ends the run). */
static void release_notes(void)
{
    if (!held_notes)
        return;
    FILE *f = held_notes;
    held_notes = NULL;
    if (fflush(f) == 0 && fseek(f, 0, SEEK_SET) == 0) {
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, n, stderr);
    }
    fclose(f);
    fflush(stderr);
}

FILE *cli_notes(void)
{
    if (held_notes || notes_dropped)
        return held_notes ? held_notes : stderr;
    held_notes = tmpfile();
    return held_notes ? held_notes : stderr; /* no temporary file: said at once */
}

void cli_drop_notes(void)
{
    if (held_notes)
        fclose(held_notes);
    held_notes = NULL;
    notes_dropped = 1;
}

void cli_init(const char *prog)
{
    const char *slash = strrchr(prog, '/');
    prog_name = slash ? slash + 1 : prog;
    cli_i18n_init();
    atexit(release_notes);
}

const char *cli_prog(void)
{
    return prog_name;
}

/* "prog: message" + tail on stderr as one line: control characters in the
 * message (a value with a newline, an escape sequence) are written as \n,
 * \t, \r or \xHH, so whatever the user typed, stderr stays one line. */
static void print_message(FILE *out, const char *fmt, va_list ap, const char *tail)
{
    char small[1024], *text = small;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL)
        vsnprintf(text, (size_t)n + 1, fmt, again);
    else if (n < 0 || !text)
        text = small; /* the shortened message is still one line */
    va_end(again);
    fprintf(out, "%s: ", prog_name);
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c >= 0x20 && *c != 0x7f)
            fputc(*c, out);
        else if (*c == '\n')
            fputs("\\n", out);
        else if (*c == '\t')
            fputs("\\t", out);
        else if (*c == '\r')
            fputs("\\r", out);
        else
            fprintf(out, "\\x%02X", *c);
    }
    fprintf(out, "%s\n", tail);
    if (text != small)
        free(text);
}

void cli_usage_error(const char *fmt, ...)
{
    char tail[160];
    snprintf(tail, sizeof tail, _("; see '%s --help'"), prog_name);
    cli_drop_notes();
    va_list ap;
    va_start(ap, fmt);
    print_message(stderr, fmt, ap, tail);
    va_end(ap);
    exit(CLI_EXIT_USAGE);
}

void cli_die(int status, const char *fmt, ...)
{
    if (status == CLI_EXIT_USAGE)
        cli_drop_notes(); /* a refusal: it alone */
    else
        release_notes(); /* the warnings before the failure they may explain */
    va_list ap;
    va_start(ap, fmt);
    print_message(stderr, fmt, ap, "");
    va_end(ap);
    exit(status);
}

void cli_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message(cli_notes(), fmt, ap, "");
    va_end(ap);
}

void cli_option_error(int opt, char **argv)
{
    /* cli_getopt has named every bad option before getopt_long saw it; this
     * is what is left (a program calling getopt_long itself). */
    (void)opt;
    cli_usage_error(_("bad option '%s'"), argv[optind - 1]);
}

/* The long option named exactly by arg ("--name" or "--name=value"), or a
 * usage error saying what is wrong with it. */
static const struct option *exact_option(const char *arg, const struct option *options)
{
    const char *name = arg + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const struct option *prefix_of = NULL;
    size_t prefixes = 0;
    for (const struct option *o = options; o->name; o++) {
        if (strncmp(o->name, name, len) != 0)
            continue;
        if (o->name[len] == '\0')
            return o;
        prefix_of = o;
        prefixes++;
    }
    if (prefixes == 1)
        cli_usage_error(_("option '%.*s' is cut short: write --%s in full"), (int)len + 2, arg,
                        prefix_of->name);
    if (prefixes > 1) {
        char list[1024];
        size_t used = 0;
        for (const struct option *o = options; o->name && used < sizeof list - 64; o++)
            if (strncmp(o->name, name, len) == 0)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s--%s",
                                         used ? ", " : "", o->name);
        cli_usage_error(_("option '%.*s' is ambiguous: %s"), (int)len + 2, arg, list);
    }
    cli_usage_error(_("unknown option '%.*s'"), (int)len + 2, arg);
}

/* Every option in argv checked once, before getopt_long sees it: only the
 * full names are accepted (so a script keeps its meaning when options are
 * added), and each bad option gets its own message. */
static void check_options(int argc, char **argv, const struct option *options)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return;
        if (a[0] != '-' || a[1] == '\0')
            continue; /* an operand, or "-" for standard input */
        if (a[1] != '-')
            cli_usage_error(_("unknown option '%s' (options are long: --name)"), a);
        const struct option *o = exact_option(a, options);
        const char *eq = strchr(a, '=');
        if (o->has_arg == no_argument && eq)
            cli_usage_error(_("--%s takes no value ('%s')"), o->name, a);
        if (o->has_arg == required_argument && !eq && i++ == argc - 1)
            cli_usage_error(_("--%s needs a value"), o->name);
        /* "--lender --amount 5": the option's value would be the next option
         * (a lender named "--amount", or a file so named for --output) */
        if (o->has_arg == required_argument && !eq && strncmp(argv[i], "--", 2) == 0 &&
            argv[i][2] != '\0')
            cli_usage_error(_("--%s needs a value, not the option '%s' (a value that starts "
                              "with -- is written --%s=VALUE)"),
                            o->name, argv[i], o->name);
    }
}

int cli_getopt(int argc, char **argv, const struct option *options)
{
    static int checked;
    if (!checked) {
        cli_i18n_args(argc, argv);
        check_options(argc, argv, options);
        checked = 1;
    }
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) == CLI_OPT_LANG)
        continue; /* read before */
    return opt;
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
        return N_("monthly");
    case 4:
        return N_("quarterly");
    case 2:
        return N_("half-yearly");
    }
    return N_("yearly");
}

const char *cli_round_mode_text(sl_round_mode mode)
{
    switch (mode) {
    case SL_ROUND_HALF_UP:
        return _("half-up");
    case SL_ROUND_HALF_EVEN:
        return _("half-even");
    case SL_ROUND_DOWN:
        return _("down");
    case SL_ROUND_UP:
        return _("up");
    }
    return sl_round_mode_name(mode);
}

/* The library's reasons (English, fixed texts) that a person typing an amount,
 * a rate, a date or a term meets most: said in the user's language. Any other
 * reason is shown as the library wrote it. */
static const char *const library_reasons[] = {
    N_("not an amount (expected digits, e.g. 2 000 000,50)"),
    N_("too large"),
    N_("digit groups must have three digits (e.g. 2 000 000)"),
    N_("more than two decimals (amounts are in whole øre)"),
    N_("digits expected after the decimal mark"),
    N_("two decimal marks"),
    N_("unexpected characters (expected e.g. 2 000 000,50)"),
    N_("not a percentage (expected e.g. 4.208 or 4,208 %)"),
    N_("too large (at most 1 000 000 %)"),
    N_("too many decimals (at most 12)"),
    N_("unexpected characters (expected e.g. 4.208 or 4,208 %)"),
    N_("expected a date as YYYY-MM-DD"),
    N_("expected a date as YYYY-MM-DD or DD.MM.YYYY"),
    N_("must be from 0 to one less than the number of terms"),
    N_("the shares together are over 100 %"),
    N_("ambiguous: a ',' before ',-' may group thousands or mark decimals (write 1 469,-)"),
    N_("a mark not between digits"),
    N_("no amount"),
    N_("digit groups of three expected between marks"),
    N_("mixed grouping marks"),
    N_("unexpected characters (expected e.g. 1 469,33 or kr 1 469,33)"),
    N_("no such date"),
    N_("larger than the supported maximum of 1 000 000 000 000 kr"),
    N_("the price must be positive and at most 1 000 000 000 000 kr"),
    N_("own funds, bank loan and grant are more than the price and costs need (the startlån "
       "would be negative)"),
    N_("yearly gross income must be from 0 to 1 000 000 000 kr"),
    N_("the policy rate plus the add-on is above 100 %"),
    N_("the rate plus the margin must be from 0 to 100 %"),
    N_("must be from -100 to 100 %"),
    N_("the shocked rate must be from 0 to 100 %"),
    /* sl_strerror's, the reason when the message has none */
    N_("value not allowed"),
    N_("text could not be read"),
    N_("value out of the supported range"),
    N_("out of memory"),
};

/* Library reasons with figures in them: each %s is a figure (digits, spaces,
 * '.', ',', '-'), put back where the translation has its %s. */
static const char *const library_patterns[] = {
    N_("no such date (years %s to %s are supported)"),
    N_("must be from 0 to %s kr"),
    N_("must be above 0 and at most %s kr"),
};

typedef struct figure {
    const char *text;
    size_t len;
} figure;

/* 1 when s is pattern p with figures for its %s (at most two), found in fig[k...]. */
static int match_pattern(const char *p, const char *s, figure fig[2], int k)
{
    if (p[0] == '%' && p[1] == 's') {
        if (k == 2)
            return 0;
        for (size_t n = 1; s[n - 1] && strchr("0123456789 .,-\xC2\xA0", s[n - 1]); n++)
            if (match_pattern(p + 2, s + n, fig, k + 1)) {
                fig[k] = (figure){s, n};
                return 1;
            }
        return 0;
    }
    if (*p != *s)
        return 0;
    return *p == '\0' || match_pattern(p + 1, s + 1, fig, k);
}

static const char *library_reason(const char *reason)
{
    for (size_t i = 0; i < sizeof library_reasons / sizeof library_reasons[0]; i++)
        if (strcmp(reason, library_reasons[i]) == 0)
            return _(library_reasons[i]);
    for (size_t i = 0; i < sizeof library_patterns / sizeof library_patterns[0]; i++) {
        figure fig[2] = {{"", 0}, {"", 0}};
        if (!match_pattern(library_patterns[i], reason, fig, 0))
            continue;
        /* the programs print one message and exit: one buffer is enough */
        static char out[512];
        size_t n = 0;
        int k = 0;
        for (const char *t = _(library_patterns[i]); *t && n + 1 < sizeof out; t++) {
            if (t[0] == '%' && t[1] == 's' && k < 2) {
                size_t len = fig[k].len < sizeof out - 1 - n ? fig[k].len : sizeof out - 1 - n;
                memcpy(out + n, fig[k++].text, len);
                n += len;
                t++;
            } else {
                out[n++] = *t;
            }
        }
        out[n] = '\0';
        return out;
    }
    return reason;
}

const char *cli_error_reason(const sl_error *err)
{
    /* Library messages read "field 'value': reason" (parsers) or "field
     * value: reason" (sl__fail_money and its kin; "field value %: reason" for
     * a rate). A caller may have renamed the field (sl_finance names the loan
     * whose plan refused its margin): then the word before the value. A long
     * value can push the reason out of the message: then the code's. */
    const char *reason = strstr(err->message, "': ");
    if (reason) {
        reason += 3;
    } else {
        size_t nf = strcspn(err->message, " "), nv = strlen(err->value);
        const char *m = err->message;
        if (nf && m[nf] == ' ' && strncmp(m + nf + 1, err->value, nv) == 0) {
            m += nf + 1 + nv;
            if (strncmp(m, " %", 2) == 0)
                m += 2;
            if (strncmp(m, ": ", 2) == 0)
                reason = m + 2;
        }
    }
    return library_reason(reason && *reason ? reason : sl_strerror(err->code));
}

void cli_fail_option(const char *option, const sl_error *err)
{
    cli_die(CLI_EXIT_USAGE, "%s '%s': %s", option, err->value, cli_error_reason(err));
}

/* Commas used to group thousands ("3,800,000", "1,469.33"): in a Norwegian
 * option the comma is the decimal mark, so such text is refused, not read. */
static int comma_groups(const char *text)
{
    const char *comma = strchr(text, ',');
    return comma && (strchr(comma + 1, ',') || strchr(comma + 1, '.'));
}

/* 1 when text ends a price in whole kroner ("3 800 000,-", "kr 1 469,– ");
 * a comma before the ending is then the export reader's to refuse. */
static int whole_kroner(const char *text)
{
    const char *e = text + strlen(text);
    while (e > text && (e[-1] == ' ' || e[-1] == 'r' || e[-1] == 'R' || e[-1] == 'k' ||
                        e[-1] == 'K' || e[-1] == '.'))
        e--;
    return (e - text >= 2 && strncmp(e - 2, ",-", 2) == 0) ||
           (e - text >= 4 && strncmp(e - 4, ",\xE2\x80\x93", 4) == 0);
}

sl_money cli_money(const char *option, const char *text)
{
    sl_money v;
    sl_error err, export_err;
    /* Amounts as people copy them from an ad or a bank's page ("kr 3 800 000",
     * "3.800.000", "NOK 3 800 000", "3 800 000,-") are read as export files
     * are: exactly, and refused when they could mean two amounts ("1.469"). */
    if (sl_money_parse(&v, text, option, &err) == SL_OK)
        return v;
    int whole = whole_kroner(text);
    if ((whole || !comma_groups(text)) &&
        sl_money_parse_export(&v, text, option, &export_err) == SL_OK)
        return v;
    cli_fail_option(option, whole ? &export_err : &err);
    return v;
}

sl_money cli_money_nonneg(const char *option, const char *text)
{
    sl_money v = cli_money(option, text);
    if (v < 0)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': must not be negative"), option, text);
    return v;
}

sl_money cli_money_positive(const char *option, const char *text)
{
    sl_money v = cli_money(option, text);
    if (v <= 0)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': must be positive"), option, text);
    return v;
}

sl_rate cli_percent(const char *option, const char *text, int min_pct, int max_pct)
{
    sl_rate r, lo, hi;
    sl_error err;
    if (sl_rate_parse_percent(&r, text, option, &err) != SL_OK)
        cli_fail_option(option, &err);
    if (sl_rate_from_fraction(&lo, min_pct, 100) || sl_rate_from_fraction(&hi, max_pct, 100))
        cli_die(CLI_EXIT_USAGE, _("%s: internal range error"), option);
    if (sl_rate_compare(r, lo) < 0 || sl_rate_compare(r, hi) > 0)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': must be from %d to %d %%"), option, text, min_pct,
                max_pct);
    return r;
}

long cli_int(const char *option, const char *text, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (end == text || *end != '\0' || errno == ERANGE)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': not a whole number"), option, text);
    if (v < min || v > max)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': must be from %ld to %ld"), option, text, min, max);
    return v;
}

sl_date cli_date(const char *option, const char *text)
{
    sl_date d;
    sl_error err;
    /* 2026-12-01 or 01.12.2026, as Norwegian forms write dates; a text of
     * neither shape is told both (the library names only the one it tried) */
    int rc = sl_date_parse_norwegian(&d, text, option, &err);
    if (rc == SL_ESYNTAX)
        cli_die(CLI_EXIT_USAGE, "%s '%s': %s", option, err.value,
                _("expected a date as YYYY-MM-DD or DD.MM.YYYY"));
    if (rc != SL_OK)
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
    cli_die(CLI_EXIT_USAGE, _("--format '%s': must be table, csv or json"), text);
}

cli_view cli_view_parse(const char *text)
{
    if (strcmp(text, "full") == 0)
        return CLI_VIEW_FULL;
    if (strcmp(text, "year") == 0)
        return CLI_VIEW_YEAR;
    if (strcmp(text, "summary") == 0)
        return CLI_VIEW_SUMMARY;
    cli_die(CLI_EXIT_USAGE, _("--view '%s': must be full, year or summary"), text);
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

/* One CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, stdout);
        return;
    }
    putchar('"');
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            putchar('"');
        putchar(*p);
    }
    putchar('"');
}

/* A leaf's text: strings as they are, integers in decimal, booleans as
 * true/false, null (and a missing value) empty. */
static const char *leaf_text(const json_t *v, char num[32])
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(num, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return num;
    }
    if (json_is_true(v))
        return "true";
    if (json_is_false(v))
        return "false";
    return "";
}

/* Every leaf of v, named by its path, with the leaf at the same path in
 * beside (the same shape) in a third column when columns is 3. */
static void csv_leaves(json_t *v, json_t *beside, int columns, char *path, size_t len,
                       size_t size)
{
    if (json_is_object(v) || json_is_array(v)) {
        const char *key;
        json_t *child;
        size_t i;
        char index[24];
        if (json_is_object(v)) {
            json_object_foreach(v, key, child) {
                int n = snprintf(path + len, size - len, "%s%s", len ? "." : "", key);
                if (n > 0 && (size_t)n < size - len)
                    csv_leaves(child, json_object_get(beside, key), columns, path,
                               len + (size_t)n, size);
            }
        } else {
            json_array_foreach(v, i, child) {
                snprintf(index, sizeof index, "%zu", i);
                int n = snprintf(path + len, size - len, "%s%s", len ? "." : "", index);
                if (n > 0 && (size_t)n < size - len)
                    csv_leaves(child, json_array_get(beside, i), columns, path,
                               len + (size_t)n, size);
            }
        }
        path[len] = '\0';
        return;
    }
    char num[32], other[32];
    csv_field(path);
    putchar(',');
    csv_field(leaf_text(v, num));
    if (columns == 3) {
        putchar(',');
        csv_field(json_is_object(beside) || json_is_array(beside) ? ""
                                                                   : leaf_text(beside, other));
    }
    putchar('\n');
}

void cli_json_print_csv(json_t *root)
{
    cli_json_print_csv_beside(root, NULL, "item,value");
}

void cli_json_print_csv_beside(json_t *root, json_t *beside, const char *header)
{
    char path[1024] = "";
    puts(header);
    csv_leaves(root, beside, beside ? 3 : 2, path, 0, sizeof path);
    json_decref(root);
    json_decref(beside);
    if (ferror(stdout))
        cli_die(1, _("could not write the output"));
}

void cli_json_print(json_t *root)
{
    /* Dumped to memory and written at once: json_dumpf writes each token with
     * its own fwrite, a quarter of a 30-year plan's run (sl-web answers
     * with this output). */
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text || fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF)
        cli_die(1, _("could not write the output"));
    free(text);
    json_decref(root);
}

/* ---- loan options ---- */

const char *const cli_loan_help = N_(
    "  --rate PCT                 nominal annual rate in percent (4.640 or 4,640)\n"
    "  --years Y | --terms N      length: years (1-50) or number of terms\n"
    "  --terms-per-year 12|4|2|1  payments per year (default 12)\n"
    "  --type annuity|serial      annuitetslån (default) or serielån\n"
    "  --interest-only-terms K    avdragsfrie terminer at the start (default 0)\n"
    "  --term-fee A               termingebyr per term (default 0)\n"
    "  --establishment-fee A      etableringsgebyr at payout (default 0)\n"
    "  --round-to ore|krone       unit of the annuity payment (default ore)\n"
    "  --rounding half-up|half-even|down|up   mode for that rounding (default half-up)\n"
    "  --payout-date YYYY-MM-DD   payout; due dates follow on the same day of month\n");

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
            cli_die(CLI_EXIT_USAGE, _("--amount '%s': the loan must be positive"), arg);
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
            cli_die(CLI_EXIT_USAGE, _("--terms-per-year '%s': must be 12, 4, 2 or 1"), arg);
        t->terms_per_year = (int)k;
        return 1;
    }
    case CLI_OPT_TYPE:
        if (sl_loan_type_parse(&t->type, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--type '%s': must be annuity or serial"), arg);
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
            cli_die(CLI_EXIT_USAGE, _("--round-to '%s': must be ore or krone"), arg);
        return 1;
    case CLI_OPT_ROUNDING:
        if (sl_round_mode_parse(&t->payment_rounding.mode, arg) != SL_OK)
            cli_die(CLI_EXIT_USAGE, _("--rounding '%s': must be half-up, half-even, down or up"), arg);
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
        cli_usage_error(_("--rate is required"));
    if (loan->years && loan->terms_count)
        cli_usage_error(_("give either --years or --terms, not both"));
    if (loan->terms_count)
        t->terms = (int)loan->terms_count;
    else if (loan->years)
        t->terms = (int)(loan->years * t->terms_per_year);
    else if (default_years)
        t->terms = (int)(default_years * t->terms_per_year);
    else
        cli_usage_error(_("--years or --terms is required"));
    if (loan->terms_count && t->terms > SL_PLAN_MAX_YEARS * t->terms_per_year)
        cli_die(CLI_EXIT_USAGE, _("--terms '%ld': more than 50 years at %d terms per year"),
                loan->terms_count, t->terms_per_year);
    sl_error err;
    if (sl_loan_terms_check(t, &err) != SL_OK)
        cli_fail_option(cli_option_for_field(err.field), &err);
    *out = *t;
}
