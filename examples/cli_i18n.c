/* The programs' language (gettext) and numbers and dates for people. */
#define _POSIX_C_SOURCE 200809L
#include "cli_i18n.h"
#include "cli.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DOMAIN "startlan"

static cli_lang current = CLI_LANG_EN;

/* "nb", "nb_NO.UTF-8", "no_NO", "nn", "en_GB" …: the language, or -1. */
static int lang_of(const char *name)
{
    if (!name || !*name)
        return -1;
    size_t n = strcspn(name, "_.@:-");
    if (n == 2 && (strncmp(name, "nb", 2) == 0 || strncmp(name, "no", 2) == 0))
        return CLI_LANG_NB;
    if (n == 2 && strncmp(name, "nn", 2) == 0)
        return CLI_LANG_NN;
    return CLI_LANG_EN;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Where the catalogues are: $SL_LOCALEDIR, the installed directory when it
 * has ours, else the build tree's. */
static const char *locale_dir(void)
{
    const char *env = getenv("SL_LOCALEDIR");
    if (env && *env)
        return env;
    if (exists(SL_LOCALEDIR "/nb/LC_MESSAGES/" DOMAIN ".mo"))
        return SL_LOCALEDIR;
    return SL_BUILD_LOCALEDIR;
}

static void apply(cli_lang lang)
{
    current = lang;
    if (lang == CLI_LANG_EN) {
        setlocale(LC_MESSAGES, "C"); /* gettext gives the English source */
        return;
    }
    /* gettext reads LANGUAGE whenever LC_MESSAGES is not "C": any UTF-8
     * locale will do, so the Norwegian one need not be generated. Only
     * LC_MESSAGES changes: numbers are parsed and written by the programs
     * themselves, never through the C locale. */
    setenv("LANGUAGE", lang == CLI_LANG_NN ? "nn:nb" : "nb", 1); /* nynorsk, else bokmål */
    if (!setlocale(LC_MESSAGES, lang == CLI_LANG_NN ? "nn_NO.UTF-8" : "nb_NO.UTF-8") &&
        !setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "en_US.UTF-8"))
        setlocale(LC_MESSAGES, "");
    bindtextdomain(DOMAIN, locale_dir());
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    textdomain(DOMAIN); /* also tells gettext that LANGUAGE changed */
}

void cli_i18n_init(void)
{
    const char *locale = NULL;
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3 && !locale; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            locale = v;
    }
    int lang = CLI_LANG_EN;
    if (locale && strcmp(locale, "C") != 0 && strcmp(locale, "POSIX") != 0) {
        /* as gettext: LANGUAGE's first entry first, unless the locale is C */
        const char *language = getenv("LANGUAGE");
        lang = lang_of(language && *language ? language : locale);
    }
    apply(lang < 0 ? CLI_LANG_EN : (cli_lang)lang);
}

int cli_i18n_set(const char *name)
{
    if (strcmp(name, "nb") == 0)
        apply(CLI_LANG_NB);
    else if (strcmp(name, "nn") == 0)
        apply(CLI_LANG_NN);
    else if (strcmp(name, "en") == 0)
        apply(CLI_LANG_EN);
    else
        return -1;
    return 0;
}

void cli_i18n_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *value = NULL;
        if (strcmp(a, "--") == 0)
            return;
        if (strcmp(a, "--lang") == 0 && i + 1 < argc)
            value = argv[++i];
        else if (strncmp(a, "--lang=", 7) == 0)
            value = a + 7;
        if (value && cli_i18n_set(value) != 0)
            cli_usage_error(_("--lang '%s': must be nb, nn or en"), value);
    }
}

cli_lang cli_language(void)
{
    return current;
}

int cli_norwegian(void)
{
    return current != CLI_LANG_EN;
}

/* ---- numbers and dates ---- */

#define NBSP "\xC2\xA0"

/* Replace the library's group spaces (SL_MONEY_NORWEGIAN) by no-break spaces. */
static const char *regroup(char buf[CLI_HUMAN_BUFSIZE], const char *plain)
{
    size_t o = 0;
    for (const char *p = plain; *p && o + 3 < CLI_HUMAN_BUFSIZE; p++) {
        if (*p == ' ' && cli_norwegian()) {
            memcpy(buf + o, NBSP, 2);
            o += 2;
        } else {
            buf[o++] = *p;
        }
    }
    buf[o] = '\0';
    return buf;
}

const char *cli_amount(char buf[CLI_HUMAN_BUFSIZE], sl_money amount)
{
    char plain[SL_MONEY_BUFSIZE];
    sl_money_format(plain, sizeof plain, amount, SL_MONEY_NORWEGIAN);
    return regroup(buf, plain);
}

const char *cli_kr(char buf[CLI_HUMAN_BUFSIZE], sl_money amount)
{
    cli_amount(buf, amount);
    size_t n = strlen(buf);
    snprintf(buf + n, CLI_HUMAN_BUFSIZE - n, "%skr", cli_norwegian() ? NBSP : " ");
    return buf;
}

const char *cli_kroner(char buf[CLI_HUMAN_BUFSIZE], sl_money amount)
{
    sl_money whole = amount / 100, rest = amount % 100; /* half away from zero */
    whole += rest >= 50 ? 1 : rest <= -50 ? -1 : 0;
    char plain[SL_MONEY_BUFSIZE];
    int fits = whole < INT64_MAX / 100 && whole > INT64_MIN / 100;
    sl_money_format(plain, sizeof plain, fits ? whole * 100 : amount, SL_MONEY_NORWEGIAN);
    char *comma = strrchr(plain, ',');
    if (comma)
        *comma = '\0';
    return regroup(buf, plain);
}

const char *cli_date_human(char buf[CLI_HUMAN_BUFSIZE], sl_date date)
{
    if (!date.year) {
        buf[0] = '\0';
        return buf;
    }
    if ((cli_norwegian() ? sl_date_format_norwegian(buf, CLI_HUMAN_BUFSIZE, date)
                         : sl_date_format(buf, CLI_HUMAN_BUFSIZE, date)) < 0)
        buf[0] = '\0';
    return buf;
}

int cli_cost_sentence(char *buf, size_t size, const sl_plan_cost *cost)
{
    char nb[256];
    int len = sl_plan_cost_sentence(nb, sizeof nb, cost, 2);
    if (len < 0 || cli_language() != CLI_LANG_EN)
        return len < 0 ? len : sl_plan_cost_sentence(buf, size, cost, 2);
    /* The library's sentence has a fixed form: "Eff. rente 4,77 %, 2 000 000 kr
     * o/25 år og 3 mnd. Kostnad: … kr. Totalt: … kr." */
    static const char *const words[][2] = {
        {"Eff. rente ", "Effective rate "}, {" o/", " over "}, {" år og ", " years and "},
        {" år.", " years."}, {" mnd.", " months."}, {"Kostnad: ", "Cost: "},
        {"Totalt: ", "Total: "},
    };
    size_t out = 0;
    for (const char *p = nb; *p;) {
        const char *with = NULL;
        size_t skip = 1;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (strncmp(p, words[w][0], strlen(words[w][0])) == 0) {
                with = words[w][1];
                skip = strlen(words[w][0]);
                break;
            }
        size_t n = with ? strlen(with) : 1;
        if (out + n >= size) {
            if (size)
                buf[0] = '\0';
            return SL_ERANGE;
        }
        memcpy(buf + out, with ? with : p, n);
        out += n;
        p += skip;
    }
    buf[out] = '\0';
    return (int)out;
}

const char *cli_percent_human(char buf[CLI_HUMAN_BUFSIZE], sl_rate rate, int decimals)
{
    char r[SL_RATE_BUFSIZE];
    if (decimals < 0)
        cli_rate_text(r, rate, ',');
    else
        cli_rate_fixed(r, rate, decimals, ',');
    snprintf(buf, CLI_HUMAN_BUFSIZE, "%s%s%%", r, cli_norwegian() ? NBSP : " ");
    return buf;
}

/* ---- columns ---- */

int cli_text_width(const char *text)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            w++;
    return w;
}

void cli_pad(FILE *f, const char *text, int width)
{
    int fill = (width < 0 ? -width : width) - cli_text_width(text);
    if (width < 0)
        for (; fill > 0; fill--)
            fputc(' ', f);
    fputs(text, f);
    if (width > 0)
        for (; fill > 0; fill--)
            fputc(' ', f);
}

void cli_kv(FILE *f, const char *label, const char *value, const char *unit)
{
    fputs("  ", f);
    cli_pad(f, label, 30);
    cli_pad(f, value, -18);
    if (unit && *unit)
        fprintf(f, " %s", unit);
    fputc('\n', f);
}

void cli_row(FILE *f, const int *widths, int nw, const char *const *cells, int n)
{
    for (int i = 0; i < n; i++) {
        if (i >= nw) {
            fprintf(f, "  %s", cells[i]);
            continue;
        }
        if (i)
            fputc(' ', f);
        int last = i == n - 1;
        cli_pad(f, cells[i], widths[i] > 0 ? -widths[i] : last ? 0 : -widths[i]);
    }
    fputc('\n', f);
}

void cli_wrap(FILE *f, const char *text, int width)
{
    const char *p = text;
    while (*p) {
        /* the longest run of words that fits; a word longer than the line stands alone */
        const char *end = p, *cut = NULL;
        int w = 0;
        while (*end && *end != '\n') {
            if (*end == ' ' && w <= width)
                cut = end;
            if ((*end & 0xC0) != 0x80)
                w++;
            if (w > width && cut)
                break;
            end++;
        }
        if (!*end || *end == '\n' || !cut)
            cut = end;
        fwrite(p, 1, (size_t)(cut - p), f);
        fputc('\n', f);
        p = *cut ? cut + 1 : cut;
    }
}
