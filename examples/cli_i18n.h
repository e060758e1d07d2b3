/* Language of the programs' human-readable output (gettext) and numbers and
 * dates as a reader of that language writes them. Only the programs use
 * this: the library stays locale-free.
 *
 * The language: --lang nb|nn|en, else the locale's (LC_ALL, LC_MESSAGES,
 * LANG; LANGUAGE first when the locale is not C), else English. --lang works
 * whether or not the nb_NO/nn_NO locales are generated on the machine. The
 * catalogues are found in $SL_LOCALEDIR, else the installed locale
 * directory, else the build tree's (for running the programs uninstalled). */
#ifndef SL_CLI_I18N_H
#define SL_CLI_I18N_H

#include <libintl.h>
#include <stddef.h>
#include <stdio.h>

#include <startlan.h>

/* _("text"): the text in the output's language. N_("text"): marks a text
 * for translation where it is defined (a table of labels), translated with
 * _() where it is printed. */
#define _(text) gettext(text)
#define N_(text) (text)

typedef enum cli_lang { CLI_LANG_EN, CLI_LANG_NB, CLI_LANG_NN } cli_lang;

/* The language from the environment (called by cli_init). */
void cli_i18n_init(void);
/* --lang in argv (--lang X or --lang=X) overrides the environment; an
 * unknown language is a usage error (exit 2). Called by cli_getopt. */
void cli_i18n_args(int argc, char **argv);
/* Set the language by name ("nb", "nn", "en"): 0, or -1 for an unknown name. */
int cli_i18n_set(const char *name);
cli_lang cli_language(void);
/* nb or nn. */
int cli_norwegian(void);

/* ---- Numbers and dates for people ----
 * Norwegian (nb, nn): digits grouped by a no-break space (U+00A0), decimal
 * comma, dates dd.mm.yyyy, "4,64 %" (no-break space before %).
 * English: groups by a space, decimal comma as the tables always printed
 * (they are Norwegian amounts), ISO dates.
 * The buffers hold any value (no-break spaces take two bytes). */
#define CLI_HUMAN_BUFSIZE 64

/* "1 469,33" */
const char *cli_amount(char buf[CLI_HUMAN_BUFSIZE], sl_money amount);
/* "1 469,33 kr" */
const char *cli_kr(char buf[CLI_HUMAN_BUFSIZE], sl_money amount);
/* Whole kroner rounded half away from zero: "1 469" (for charts, year lines). */
const char *cli_kroner(char buf[CLI_HUMAN_BUFSIZE], sl_money amount);
/* "01.03.2026" in Norwegian, "2026-03-01" in English; "" for no date. */
const char *cli_date_human(char buf[CLI_HUMAN_BUFSIZE], sl_date date);
/* A rate as a percent rounded half up to `decimals` decimals, with the
 * sign: "4,64 %". decimals < 0: exact, at least three decimals. */
const char *cli_percent_human(char buf[CLI_HUMAN_BUFSIZE], sl_rate rate, int decimals);

/* The representative example (representativt eksempel) of a plan's cost in
 * the output's language: in Norwegian the library's sentence as the
 * marketing rules word it (sl_plan_cost_sentence), in English the same
 * sentence with its words in English and its figures unchanged. Returns its
 * length, or a negative SL_E... code (buf is then ""). */
int cli_cost_sentence(char *buf, size_t size, const sl_plan_cost *cost);

/* ---- Text in columns ----
 * Widths count characters (UTF-8 code points), not bytes, so that å, ø and
 * no-break spaces line up. */
int cli_text_width(const char *text);
/* Write text padded with spaces to width: left-aligned when width > 0,
 * right-aligned when width < 0. */
void cli_pad(FILE *f, const char *text, int width);
/* "  label ........ value unit" as the programs' key-figure lines:
 * label padded to 30 characters, value right-aligned in 18. */
void cli_kv(FILE *f, const char *label, const char *value, const char *unit);
/* One table line of n cells: the first nw padded to |widths[i]| characters
 * (right-aligned for a positive width, left-aligned for a negative one),
 * separated by one space; cells past nw follow unpadded after two spaces. */
void cli_row(FILE *f, const int *widths, int nw, const char *const *cells, int n);
/* A paragraph in lines of at most width characters, broken at spaces (a
 * no-break space holds its neighbours together); each line ends with '\n'. */
void cli_wrap(FILE *f, const char *text, int width);

#endif
