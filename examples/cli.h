/* Shared helpers for the example programs: option values, the loan options
 * every program spells the same way, errors, and output formats.
 * Every error goes to stderr as one line naming the option and the value,
 * and the program exits with status 2 (nothing written to stdout). */
#ifndef SL_CLI_H
#define SL_CLI_H

#include <getopt.h>
#include <stdio.h>

#include <jansson.h>
#include <startlan.h>

#include "cli_i18n.h"

#define CLI_EXIT_USAGE 2

typedef enum cli_format { CLI_TABLE, CLI_CSV, CLI_JSON } cli_format;

/* Set once by main: the program's name for messages; the output's language
 * from the environment (cli_i18n.h). */
void cli_init(const char *prog);
const char *cli_prog(void);

/* getopt_long for the programs' long options. On the first call it reads
 * --lang (cli_i18n_args), then checks
 * every option in argv and stops with a usage error naming the first bad
 * one: unknown, ambiguous (the candidates listed), cut short (only full
 * names are accepted: a unique prefix today may be ambiguous tomorrow), a
 * value given to a flag (--strict=1) or a missing value. */
int cli_getopt(int argc, char **argv, const struct option *options);
/* Print "prog: message; see 'prog --help'" to stderr as one line, exit 2.
 * Control characters in the message are escaped (\n, \xHH), as by cli_die. */
_Noreturn void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "prog: message" to stderr as one line (control characters escaped)
 * and exit with status. */
_Noreturn void cli_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print "prog: message" to stderr as one line (control characters escaped),
 * for a warning or a finding; the program goes on. Warnings are held back
 * (cli_notes) until the program ends: a run that refuses its input (exit 2,
 * cli_die or cli_usage_error) prints the refusal alone, one line. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Where a warning is written: a temporary file printed to stderr at exit (or
 * before a cli_die with another status), dropped on a refusal. */
FILE *cli_notes(void);
/* A refusal follows: the warnings held so far are dropped. */
void cli_drop_notes(void);
/* For what getopt_long returns on a bad option ('?' unknown, ':' no value):
 * a usage error naming the option. */
_Noreturn void cli_option_error(int opt, char **argv);
/* The options every program shares, for a getopt loop's default case:
 * --help prints usage (when not NULL) and --version the version, both exit 0;
 * anything else is cli_option_error. */
_Noreturn void cli_other_option(int opt, char **argv, const char *usage);
/* The --version line: "sl-plan (startlan) 0.1.0". */
void cli_print_version(void);
/* "monthly", "quarterly", "half-yearly" or "yearly" (English: _() translates). */
const char *cli_frequency_name(int terms_per_year);
/* A rounding mode for people, in the output's language ("half-up"). */
const char *cli_round_mode_text(sl_round_mode mode);
/* The reason part of a library error's message (after "field value: "). */
const char *cli_error_reason(const sl_error *err);
/* Report a library error for an option: "prog: --option 'value': reason". */
_Noreturn void cli_fail_option(const char *option, const sl_error *err);

/* Option values; each exits with status 2 on bad input. */
sl_money cli_money(const char *option, const char *text);          /* any sign */
sl_money cli_money_nonneg(const char *option, const char *text);   /* >= 0 */
sl_money cli_money_positive(const char *option, const char *text); /* > 0 */
sl_rate cli_percent(const char *option, const char *text, int min_pct, int max_pct);
long cli_int(const char *option, const char *text, long min, long max);
sl_date cli_date(const char *option, const char *text);
cli_format cli_format_parse(const char *text);
/* --view full|year|summary: every row, one line a year, the key figures. */
typedef enum cli_view { CLI_VIEW_FULL, CLI_VIEW_YEAR, CLI_VIEW_SUMMARY } cli_view;
cli_view cli_view_parse(const char *text);

/* Amounts as text: plain "2000000.50" and Norwegian "2 000 000,50". */
const char *cli_plain(char buf[SL_MONEY_BUFSIZE], sl_money amount);
const char *cli_nor(char buf[SL_MONEY_BUFSIZE], sl_money amount);
/* A rate as an exact percent with at least three decimals ("4.640"). */
const char *cli_rate_text(char buf[SL_RATE_BUFSIZE], sl_rate rate, char mark);
/* A rate as a percent rounded half up to exactly `decimals` decimals ("3.21"). */
const char *cli_rate_fixed(char buf[SL_RATE_BUFSIZE], sl_rate rate, int decimals, char mark);
const char *cli_date_text(char buf[SL_DATE_BUFSIZE], sl_date date); /* "" for none */
/* A row's SL_EVENT_* flags as names joined by sep ("rate-change;last"); "" for none. */
const char *cli_events_text(char *buf, size_t size, unsigned events, const char *sep);
/* Split "A:B" in place at the first sep: returns B (A stays in text), or NULL. */
char *cli_split(char *text, char sep);

/* JSON values for amounts (two-decimal strings) and rates. */
json_t *cli_json_money(sl_money amount);
json_t *cli_json_rate(sl_rate rate);
/* A row's SL_EVENT_* flags as a JSON array of names ([] for none). */
json_t *cli_json_events(unsigned events);
/* Dump to stdout with a final newline; exits 1 on a write error. */
void cli_json_print(json_t *root);
/* The same figures as CSV "item,value", one line per leaf, the item named by
 * its JSON path ("budget.income", "schedule.0.interest"): the CSV of a program
 * whose table is a list of figures rather than rows (sl-capacity). Frees root. */
void cli_json_print_csv(json_t *root);
/* The same with a third column: the leaf at the same path in beside (another
 * case of the same shape, e.g. the rate shock; empty where it has none),
 * under header ("item,amount,rate_shock"). beside may be NULL (two columns).
 * Frees both. */
void cli_json_print_csv_beside(json_t *root, json_t *beside, const char *header);

/* ---- The loan options every program spells as sl-plan does ---- */

enum {
    CLI_OPT_AMOUNT = 1000,
    CLI_OPT_RATE,
    CLI_OPT_YEARS,
    CLI_OPT_TERMS,
    CLI_OPT_TERMS_PER_YEAR,
    CLI_OPT_TYPE,
    CLI_OPT_INTEREST_ONLY_TERMS,
    CLI_OPT_TERM_FEE,
    CLI_OPT_ESTABLISHMENT_FEE,
    CLI_OPT_ROUND_TO,
    CLI_OPT_ROUNDING,
    CLI_OPT_PAYOUT_DATE,
    CLI_OPT_FORMAT,
    CLI_OPT_HELP,
    CLI_OPT_VERSION,
    CLI_OPT_LANG,
    CLI_OPT_FIRST_FREE /* programs number their own options from here */
};

/* The last getopt_long entries of every program: --lang (read by
 * cli_getopt before the others, never returned), --help, --version and the
 * terminator (handled by cli_other_option). */
#define CLI_END_LONG_OPTIONS                                                       \
    {"lang", required_argument, NULL, CLI_OPT_LANG},                               \
        {"help", no_argument, NULL, CLI_OPT_HELP},                                 \
        {"version", no_argument, NULL, CLI_OPT_VERSION}, {NULL, 0, NULL, 0}

/* getopt_long entries for the loan options (without --amount, which some
 * programs compute instead of reading). */
#define CLI_LOAN_LONG_OPTIONS                                                      \
    {"rate", required_argument, NULL, CLI_OPT_RATE},                               \
        {"years", required_argument, NULL, CLI_OPT_YEARS},                         \
        {"terms", required_argument, NULL, CLI_OPT_TERMS},                         \
        {"terms-per-year", required_argument, NULL, CLI_OPT_TERMS_PER_YEAR},       \
        {"type", required_argument, NULL, CLI_OPT_TYPE},                           \
        {"interest-only-terms", required_argument, NULL, CLI_OPT_INTEREST_ONLY_TERMS}, \
        {"term-fee", required_argument, NULL, CLI_OPT_TERM_FEE},                   \
        {"establishment-fee", required_argument, NULL, CLI_OPT_ESTABLISHMENT_FEE}, \
        {"round-to", required_argument, NULL, CLI_OPT_ROUND_TO},                   \
        {"rounding", required_argument, NULL, CLI_OPT_ROUNDING},                   \
        {"payout-date", required_argument, NULL, CLI_OPT_PAYOUT_DATE}

/* The loan options as read, before defaults. */
typedef struct cli_loan {
    sl_loan_terms terms; /* principal, rate, … as given */
    int have_rate;
    long years;          /* 0 = not given */
    long terms_count;    /* 0 = not given */
} cli_loan;

void cli_loan_init(cli_loan *loan);
/* Handle one option if it is a loan option: 1 if handled, 0 if not. */
int cli_loan_option(cli_loan *loan, int opt, const char *arg);
/* Resolve years/terms and validate; on error names the option and exits 2.
 * default_years is used when neither --years nor --terms was given (0: required). */
void cli_loan_finish(cli_loan *loan, long default_years, sl_loan_terms *out);
/* Map a library field (sl_error.field) to the option that sets it. */
const char *cli_option_for_field(const char *field);

/* Help text lines for the loan options, for programs' --help. */
extern const char *const cli_loan_help; /* N_(): print through _() */

/* ---- A contract's life (cli_life.c): the version-2 fields of sl_loan_terms ---- */

enum {
    CLI_OPT_DUE_DAY = 2000, /* apart from the numbers programs give their own options */
    CLI_OPT_FIRST_DUE,
    CLI_OPT_DAY_COUNT,
    CLI_OPT_RATE_CHANGE,
    CLI_OPT_KEEPS_PAYMENT,
    CLI_OPT_FIXED,
    CLI_OPT_INTEREST_ONLY,
    CLI_OPT_INTEREST_ONLY_MOVES_END,
    CLI_OPT_EXTRA,
    CLI_OPT_REPAY_ALL,
    CLI_OPT_MARKET_RATE,
    CLI_OPT_MARGIN,
    CLI_OPT_BORROWER,
    CLI_OPT_SPECIAL_CASE,
    CLI_OPT_STRICT,
    CLI_OPT_RATE_HISTORY,
    CLI_OPT_FEE_FINANCED
};

#define CLI_LIFE_LONG_OPTIONS                                                              \
    {"due-day", required_argument, NULL, CLI_OPT_DUE_DAY},                                 \
        {"first-due", required_argument, NULL, CLI_OPT_FIRST_DUE},                         \
        {"day-count", required_argument, NULL, CLI_OPT_DAY_COUNT},                         \
        {"rate-change", required_argument, NULL, CLI_OPT_RATE_CHANGE},                     \
        {"rate-change-keeps-payment", no_argument, NULL, CLI_OPT_KEEPS_PAYMENT},           \
        {"fixed", required_argument, NULL, CLI_OPT_FIXED},                                 \
        {"interest-only", required_argument, NULL, CLI_OPT_INTEREST_ONLY},                 \
        {"interest-only-moves-end", no_argument, NULL, CLI_OPT_INTEREST_ONLY_MOVES_END},   \
        {"extra", required_argument, NULL, CLI_OPT_EXTRA},                                 \
        {"repay-all", required_argument, NULL, CLI_OPT_REPAY_ALL},                         \
        {"market-rate", required_argument, NULL, CLI_OPT_MARKET_RATE},                     \
        {"margin", required_argument, NULL, CLI_OPT_MARGIN},                               \
        {"borrower", required_argument, NULL, CLI_OPT_BORROWER},                           \
        {"special-case", no_argument, NULL, CLI_OPT_SPECIAL_CASE},                         \
        {"strict", no_argument, NULL, CLI_OPT_STRICT},                                     \
        {"rate-history", required_argument, NULL, CLI_OPT_RATE_HISTORY}

/* The life options as read (event arrays grow as given). */
typedef struct cli_life {
    sl_loan_terms v2; /* only the version-2 fields are used */
    sl_rate_change_spec *specs; /* as typed (relative or absolute) */
    sl_rate_change *changes;    /* resolved by cli_life_apply */
    size_t n_changes;
    sl_interest_only_window *windows;
    size_t n_windows;
    sl_extra_payment *extras;
    size_t n_extras;
    const char *dated_option; /* the first option given that needs --payout-date */
    int strict;               /* --strict: findings are errors */
    const char *history_name; /* --rate-history: a file or a shipped history's name */
    sl_rate_history *history;
} cli_life;

void cli_life_init(cli_life *life);
/* Handle one option if it is a life option: 1 if handled, 0 if not. */
int cli_life_option(cli_life *life, int opt, const char *arg);
/* Put the life into t (which points at life's arrays until cli_life_free);
 * relative rate changes are resolved from t's nominal rate (set it first);
 * exits 2 naming the option when a dated option lacks --payout-date or a
 * resolved rate leaves 0..100 %. */
void cli_life_apply(cli_life *life, sl_loan_terms *t);
void cli_life_free(cli_life *life);
/* Rule findings on stderr as warnings, or with strict as errors (exit 2). */
void cli_findings_report(const sl_plan *plan, int strict);
/* A warning on stderr with the new end date when the contract's
 * keeps-payment or moves-end rule makes the loan longer than its terms. */
void cli_lengthening_report(const sl_plan *plan);
/* Help text lines for the life options. */
extern const char *const cli_life_help; /* N_(): print through _() */

/* ---- The contract option table (cli_contract.c) ----
 * One table for every program that reads a contract (sl-plan, sl-audit,
 * sl-portfolio): --amount, the loan options and the contract's life, with
 * the same names, the same parsing and the same messages everywhere. A
 * program puts CLI_CONTRACT_LONG_OPTIONS into its getopt_long table and
 * passes every option to cli_contract_option. */

#define CLI_CONTRACT_LONG_OPTIONS                                                  \
    {"amount", required_argument, NULL, CLI_OPT_AMOUNT}, CLI_LOAN_LONG_OPTIONS,    \
        {"establishment-fee-financed", no_argument, NULL, CLI_OPT_FEE_FINANCED},   \
        CLI_LIFE_LONG_OPTIONS

typedef struct cli_contract {
    cli_loan loan;
    cli_life life;
    int have_amount;   /* --amount given */
    int given;         /* contract options given, --terms-per-year and --strict not counted */
    int tpy_given;     /* --terms-per-year given */
    /* --establishment-fee-financed: the fee is lent with the loan, so the
     * plan runs on amount + fee; payout is then the amount (after
     * cli_contract_finish; the principal otherwise) */
    int fee_financed;
    sl_money payout;
    /* after cli_contract_finish, with --rate-history: the date the history
     * ends when the plan runs past it (year 0 otherwise), and the rate the
     * plan then assumes */
    sl_date history_end;
    sl_rate history_last_rate;
} cli_contract;

/* The table itself, terminated by a NULL name. */
extern const struct option cli_contract_options[];
/* Help lines for --establishment-fee-financed (N_(): print through _()). */
extern const char *const cli_fee_financed_help;

void cli_contract_init(cli_contract *c);
/* Handle one getopt_long result if it is a contract option: 1 if handled, 0 if not. */
int cli_contract_option(cli_contract *c, int opt, const char *arg);
/* The terms (validated as cli_loan_finish and cli_life_apply do; exits 2
 * naming the option). t points at c's arrays until cli_contract_free.
 * With --rate-history: the rate at the payout date when --rate is not given,
 * and the history's changes during the plan; a plan that runs into a gap of
 * the history is refused (exit 2). */
void cli_contract_finish(cli_contract *c, long default_years, sl_loan_terms *t);
void cli_contract_free(cli_contract *c);
/* With --rate-history, when the plan runs past the history's end: one line
 * on stderr saying from when the plan assumes the last rate stays. */
void cli_contract_history_warning(const cli_contract *c);

/* ---- Income and the budget's date (cli_income.c) ---- */

/* A net income a month above this looks yearly or gross: 150 000 kr. */
#define CLI_INCOME_MONTHLY_LIMIT ((sl_money)15000000)
#define CLI_MAX_EARNERS 8

/* --gross-income-yearly G (repeatable: one per earner; tax is per person). */
typedef struct cli_income {
    int earners;
    sl_money gross[CLI_MAX_EARNERS];
    sl_tax_estimate estimate[CLI_MAX_EARNERS];
    sl_tax_rules rules;   /* the year used */
    sl_money net_monthly; /* the estimates' monthly net, summed */
} cli_income;

void cli_income_init(cli_income *in);
void cli_income_add_gross(cli_income *in, const char *arg);
/* Estimate each earner's net with the tax rules of date's year (the nearest
 * shipped year, with a warning, when that year has none). */
void cli_income_estimate(cli_income *in, sl_date date);
/* A monthly net income over 150 000 kr: a warning, or with strict an error (exit 2). */
void cli_income_check_monthly(sl_money monthly, const char *typed, int strict);
/* The estimate's steps as table lines / as JSON (null without earners). */
void cli_income_print(const cli_income *in);
json_t *cli_income_json(const cli_income *in);
/* Today's date (SL_TODAY=YYYY-MM-DD overrides it, for reproducible runs). */
sl_date cli_today(void);
/* Warn on stderr when the guideline table is more than 12 months older than
 * date; 1 when it warned. */
int cli_guideline_stale(sl_date date, sl_date valid_from);

/* ---- A household's budget options (cli_household.c) ---- */

enum {
    CLI_OPT_ADULTS = 3000,
    CLI_OPT_SHARING,
    CLI_OPT_CHILDREN_0_5,
    CLI_OPT_CHILDREN_6_10,
    CLI_OPT_CHILDREN_11_17,
    CLI_OPT_INCOME,
    CLI_OPT_GROSS_INCOME,
    CLI_OPT_FIXED_COSTS,
    CLI_OPT_MAINTENANCE,
    CLI_OPT_LIVING_COSTS,
    CLI_OPT_GUIDELINES,
    CLI_OPT_HOUSEHOLD_STRICT
};

#define CLI_HOUSEHOLD_LONG_OPTIONS                                                         \
    {"adults", required_argument, NULL, CLI_OPT_ADULTS},                                   \
        {"sharing", no_argument, NULL, CLI_OPT_SHARING},                                   \
        {"children-0-5", required_argument, NULL, CLI_OPT_CHILDREN_0_5},                   \
        {"children-6-10", required_argument, NULL, CLI_OPT_CHILDREN_6_10},                 \
        {"children-11-17", required_argument, NULL, CLI_OPT_CHILDREN_11_17},               \
        {"income", required_argument, NULL, CLI_OPT_INCOME},                               \
        {"gross-income-yearly", required_argument, NULL, CLI_OPT_GROSS_INCOME},            \
        {"fixed-costs", required_argument, NULL, CLI_OPT_FIXED_COSTS},                     \
        {"maintenance", required_argument, NULL, CLI_OPT_MAINTENANCE},                     \
        {"living-costs", required_argument, NULL, CLI_OPT_LIVING_COSTS},                   \
        {"guidelines", required_argument, NULL, CLI_OPT_GUIDELINES},                       \
        {"strict", no_argument, NULL, CLI_OPT_HOUSEHOLD_STRICT}, CLI_BUDGET_LONG_OPTIONS

/* The budget's named costs, income items and living-costs basis
 * (docs/capacity.md), shared by every program that reads a household.
 * --common-costs is not among them: sl-finance reads it as the property's. */
enum {
    CLI_OPT_LIVING_COSTS_BASIS = 3100,
    CLI_OPT_INCOME_ITEM,
    CLI_OPT_ENERGY,
    CLI_OPT_INSURANCE,
    CLI_OPT_FURNITURE,
    CLI_OPT_MUNICIPAL_FEES,
    CLI_OPT_OTHER_DEBT,
    CLI_OPT_CREDIT_LIMITS,
    CLI_OPT_CHILDCARE,
    CLI_OPT_TRANSPORT,
    CLI_OPT_COMMON_COSTS /* for programs where felleskostnader are the household's */
};

#define CLI_BUDGET_LONG_OPTIONS                                                            \
    {"living-costs-basis", required_argument, NULL, CLI_OPT_LIVING_COSTS_BASIS},           \
        {"income-item", required_argument, NULL, CLI_OPT_INCOME_ITEM},                     \
        {"energy", required_argument, NULL, CLI_OPT_ENERGY},                               \
        {"insurance", required_argument, NULL, CLI_OPT_INSURANCE},                         \
        {"furniture", required_argument, NULL, CLI_OPT_FURNITURE},                         \
        {"municipal-fees", required_argument, NULL, CLI_OPT_MUNICIPAL_FEES},               \
        {"other-debt-payments", required_argument, NULL, CLI_OPT_OTHER_DEBT},              \
        {"credit-limits", required_argument, NULL, CLI_OPT_CREDIT_LIMITS},                 \
        {"childcare", required_argument, NULL, CLI_OPT_CHILDCARE},                         \
        {"transport", required_argument, NULL, CLI_OPT_TRANSPORT}

/* One budget option into h (income items into items, room for
 * SL_CAPACITY_MAX_INCOME_ITEMS, one kept free): 1 if handled, 0 if not. */
int cli_budget_option(sl_household *h, sl_income_item *items, int opt, const char *arg);
/* The library's field for an option's name ("energy" → "--energy"); NULL if none. */
const char *cli_budget_option_for(const char *field);

typedef struct cli_household {
    sl_household household;
    sl_income_item items[SL_CAPACITY_MAX_INCOME_ITEMS];
    long adults;
    int sharing, have_income, have_living, strict, given;
    const char *income_text; /* --income as typed */
    cli_income gross;
    const char *guidelines_path;
    sl_guideline_table *guidelines; /* loaded by cli_household_finish */
} cli_household;

void cli_household_init(cli_household *hh);
/* Handle one option if it is a household option: 1 if handled, 0 if not. */
int cli_household_option(cli_household *hh, int opt, const char *arg);
/* Check and complete the household (income estimate for date's year, the
 * guideline tables): 1 when a household was given, 0 when none was. */
int cli_household_finish(cli_household *hh, sl_date date);
void cli_household_free(cli_household *hh);
/* --help's household options, the budget's included, in the output's language. */
void cli_household_help_print(FILE *f);

/* ---- Output held until success (cli_hold.c) ----
 * cli_hold_stdout sends stdout to a temporary file; cli_release_stdout
 * copies it to the real stdout. A program that exits in between (bad input,
 * exit 2) writes nothing to stdout. */
void cli_hold_stdout(void);
void cli_release_stdout(void);

/* ---- CSV for a Norwegian spreadsheet (cli_csv.c) ----
 * --csv-style machine|excel-no, in every program with CSV. A program puts
 * CLI_CSV_STYLE_LONG_OPTION in its table and passes the value to
 * cli_csv_style_set; cli_csv_format then turns its format into CSV (excel-no
 * implies --format csv; with --format json it is a usage error). It writes
 * the machine CSV between cli_csv_begin and cli_csv_end, which rewrite it
 * for excel-no: `;`, decimal comma, UTF-8 with BOM, CRLF (docs/i18n.md).
 * Output written after cli_csv_begin and never ended is dropped (a usage
 * error then leaves stdout empty). */
typedef enum cli_csv_style { CLI_CSV_MACHINE, CLI_CSV_EXCEL_NO } cli_csv_style;

enum { CLI_OPT_CSV_STYLE = 3900 };
#define CLI_CSV_STYLE_LONG_OPTION {"csv-style", required_argument, NULL, CLI_OPT_CSV_STYLE}

cli_csv_style cli_csv_style_parse(const char *text);
void cli_csv_style_set(cli_csv_style style);
cli_format cli_csv_format(cli_format format);
void cli_csv_begin(void);
void cli_csv_end(void);

/* ---- A plan's rows as sl-plan writes them (cli_rows.c) ---- */
void cli_row_csv_header(void);
void cli_row_csv(const sl_plan_row *row);
json_t *cli_row_json(const sl_plan_row *row);
/* A full repayment's settlement (innfrielse: balance, interest, fee, over-/underkurs) as
 * sl-plan's JSON "settlement" writes it. */
json_t *cli_settlement_json(const sl_settlement *s);

/* Text built piece by piece, NUL-terminated (cli_json_rows.c). */
typedef struct cli_text {
    char *s;
    size_t len, cap;
} cli_text;
void cli_text_free(cli_text *t);

/* A plan's rows as a JSON array written directly, at the indentation of a
 * member of the top-level object: byte for byte what jansson writes for an
 * array of cli_row_json objects (JSON_INDENT(2)), without the tree, which
 * was two thirds of a 30-year plan's JSON run. */
typedef struct cli_rows_json {
    cli_text text;
    int rows;
    int have_rate;
    sl_rate rate; /* the last row's, and its text */
    char rate_text[SL_RATE_BUFSIZE];
} cli_rows_json;
void cli_rows_json_begin(cli_rows_json *w);
void cli_rows_json_add(cli_rows_json *w, const sl_plan_row *row);
void cli_rows_json_end(cli_rows_json *w);
/* root as cli_json_print writes it (without the final newline; malloc'd),
 * with raw as the value of its top-level member key (raw at that member's
 * indentation, as cli_rows_json writes it). */
char *cli_json_dumps_with(json_t *root, const char *key, const char *raw);
/* Print that text as cli_json_print does and release root. */
void cli_json_print_with(json_t *root, const char *key, const char *raw);
/* A row's events as short words in the output's language ("last, new rate"). */
const char *cli_events_human(char *buf, size_t size, unsigned events);

/* A plan's rows summed by year (--view year): the calendar year of the due
 * dates, else the plan year (terms 1-12 of a monthly plan are year 1). */
typedef struct cli_year {
    int year, terms;
    sl_money paid, interest, principal, fees, balance; /* balance: at the year's end */
} cli_year;
void cli_year_start(cli_year *y);
/* Add the row to y: 0, or 1 (adding nothing) when the row is in a later year. */
int cli_year_add(cli_year *y, const sl_plan_row *row, int terms_per_year);

#endif
