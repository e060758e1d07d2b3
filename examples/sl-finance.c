/* sl-finance: the whole purchase in one run: a bank loan and a startlån,
 * sources and uses, what the family pays a month (and after the interest
 * deduction), whether it carries both loans at stressed rates, the largest
 * price, and the same with every rate some points higher.
 * Parse options, call the library's finance module, print. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_owner.h"
#include "doc_finance.h"

static const char *const owner_usage = N_(
    "With a household the output also has the grant need (tilskuddsbehov) and the\n"
    "budget again from each date an --income-item ends. For bostøtte the housing costs\n"
    "are the loans' payments today + felleskostnader or kommunale avgifter.\n");

/* --help: the head, the household options (cli_household.c), the tail. */
static const char *const usage = /* xgettext:no-c-format */ N_(
    "Usage: sl-finance --price A --own-funds A (--bank-share PCT | --bank-amount A)\n"
    "                  --bank-rate PCT --start-rate PCT [household] [options]\n"
    "\n"
    "One run for a home purchase financed by a bank loan and a startlån: sources and\n"
    "uses (kilder og bruk) to the øre, the first and typical monthly payments of each\n"
    "loan and in total, the cost after the interest deduction (rentefradrag), the\n"
    "capacity check over both loans at stressed rates, and the largest price.\n"
    "\n"
    "The purchase:\n"
    "  --price A                  kjøpesum (borettslag: without the common debt)\n"
    "  --property selveier|borettslag|aksje   eierform (default selveier): dokumentavgift\n"
    "                             2.5 % for selveier only\n"
    "  --common-debt A            andel fellesgjeld (borettslag), shown\n"
    "  --common-costs A           felleskostnader a month, in the monthly total and budget\n"
    "  --own-funds A              egenkapital (default 0)\n"
    "  --grant A                  tilskudd (default 0)\n"
    "  --date YYYY-MM-DD          purchase and payout date (default today): tinglysing fee,\n"
    "                             tax year, guideline table\n"
    "  --registration-fee A       tinglysingsgebyr per document (default by date: 500 kr\n"
    "                             from 2024, 545 kr from 2025)\n"
    "  --documents N              documents registered (default: the transfer, not for\n"
    "                             aksje, and one mortgage deed per loan and for a grant)\n"
    "The bank loan (monthly terms):\n"
    "  --bank-share PCT | --bank-amount A   share of the price or the amount\n"
    "  --bank-rate PCT            nominal rate (required with a bank loan)\n"
    "  --bank-years Y             years (default 30)\n"
    "  --bank-type annuity|serial (default annuity)\n"
    "  --bank-term-fee A, --bank-establishment-fee A   fees (default 0)\n"
    "  --establishment-fee-financed  the bank's establishment fee is added to the loan\n"
    "                             instead of deducted from its payout\n"
    "The startlån (monthly terms):\n"
    "  --start-amount A           default: what remains of price + costs after own funds,\n"
    "                             bank loan and grant\n"
    "  --start-rate PCT           Husbanken's nominal rate (required with a startlån)\n"
    "  --margin PCT               the kommune's margin (at most 0.25 points)\n"
    "  --start-years Y            years (default 30)\n"
    "  --start-type annuity|serial (default annuity)\n"
    "  --start-term-fee A         default 30 kr (Husbanken, electronic notice)\n"
    "  --start-establishment-fee A   default 600 kr (Husbanken, electronic application)\n"
    "  --no-start-loan            no startlån (the sources must then cover the need)\n");
static const char *const usage_tail = N_(
    "Stress test (with a household):\n"
    "  --policy-rate PCT          styringsrente (required with a household and a startlån)\n"
    "  --stress-add PCT           startlån: added to the policy rate (default 2.5,\n"
    "                             Husbanken's kalkulasjonsrente)\n"
    "  --bank-stress-add PCT      bank loan: added to its rate (default 3, utlånsforskriften)\n"
    "  --bank-stress-min PCT      bank loan: lowest stressed rate (default none)\n"
    "Questions:\n"
    "  --max-price                the largest price (in steps) that fits, exact via the engine\n"
    "  --price-step A             step of --max-price (default 10000)\n"
    "  --rate-shock PTS           the same with every rate PTS points higher, beside it\n"
    "  --format table|csv|json    output (default table); CSV: item,amount, every\n"
    "                             figure of the JSON by its path (budget.available, …),\n"
    "                             the rate shock's beside it\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet (implies --format csv)\n"
    "  --format pdf --output FILE the financing on a page to print (A4); the date made\n"
    "                             is today (SL_TODAY=YYYY-MM-DD fixes it)\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n");

enum {
    OPT_PRICE = CLI_OPT_FIRST_FREE,
    OPT_PROPERTY,
    OPT_COMMON_DEBT,
    OPT_COMMON_COSTS,
    OPT_OWN_FUNDS,
    OPT_GRANT,
    OPT_DATE,
    OPT_REGISTRATION_FEE,
    OPT_DOCUMENTS,
    OPT_BANK_SHARE,
    OPT_BANK_AMOUNT,
    OPT_BANK_RATE,
    OPT_BANK_YEARS,
    OPT_BANK_TYPE,
    OPT_BANK_TERM_FEE,
    OPT_BANK_EST_FEE,
    OPT_FEE_FINANCED,
    OPT_START_AMOUNT,
    OPT_START_RATE,
    OPT_MARGIN,
    OPT_START_YEARS,
    OPT_START_TYPE,
    OPT_START_TERM_FEE,
    OPT_START_EST_FEE,
    OPT_NO_START,
    OPT_POLICY_RATE,
    OPT_STRESS_ADD,
    OPT_BANK_STRESS_ADD,
    OPT_BANK_STRESS_MIN,
    OPT_MAX_PRICE,
    OPT_PRICE_STEP,
    OPT_RATE_SHOCK,
    OPT_OUTPUT,
};

typedef struct input {
    sl_finance_options o;
    sl_loan_terms bank, start;
    int have_price, have_bank_rate, have_start_rate, have_bank_amount, have_policy, no_start;
    int have_date, max_price, have_shock;
    long bank_years, start_years;
    sl_money price_step;
    sl_rate shock;
    cli_household hh;
    cli_owner owner; /* bostøtte, the grant need, renting today */
    cli_format format;
    doc_format document; /* --format pdf */
    const char *output;
} input;

static sl_loan_type loan_type(const char *option, const char *text)
{
    sl_loan_type t;
    if (sl_loan_type_parse(&t, text) != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("%s '%s': must be annuity or serial"), option, text);
    return t;
}

/* Library fields and the options that set them. */
static const char *option_for(const char *field)
{
    static const struct {
        const char *field, *option;
    } map[] = {
        {"price", "--price"},
        {"tenure", "--property"},
        {"common_debt", "--common-debt"},
        {"common_costs", "--common-costs"},
        {"own_funds", "--own-funds"},
        {"grant", "--grant"},
        {"date", "--date"},
        {"registration_fee", "--registration-fee"},
        {"documents", "--documents"},
        {"bank_share", "--bank-share"},
        {"bank", "--bank-share/--bank-amount"},
        {"start", "--own-funds, --bank-share/--bank-amount, --grant"},
        {"policy_rate", "--policy-rate"},
        {"stress_add", "--stress-add"},
        {"bank_stress_add", "--bank-stress-add"},
        {"step", "--price-step"},
        {"adults", "--adults"},
        {"income", "--income"},
        {"fixed_costs", "--fixed-costs"},
        {"maintenance", "--maintenance"},
        {"actual_living_costs", "--living-costs"},
        {"margin", "--margin"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(field, map[i].field) == 0)
            return map[i].option;
    return cli_option_for_field(field);
}

/* The rate options as typed: a refusal shows the text the user typed
 * ("-5"), not the library's figure of it ("-5.000000"). */
static struct {
    const char *option, *text;
} typed[12];

static sl_rate percent(const char *option, const char *text, int min_pct, int max_pct)
{
    sl_rate r = cli_percent(option, text, min_pct, max_pct);
    size_t i = 0;
    while (i < sizeof typed / sizeof typed[0] - 1 && typed[i].option &&
           strcmp(typed[i].option, option) != 0)
        i++;
    typed[i].option = option;
    typed[i].text = text;
    return r;
}

/* "--option 'as typed': reason" (cli_fail_option with the typed text). */
_Noreturn static void fail_option(const char *option, const sl_error *err)
{
    for (size_t i = 0; i < sizeof typed / sizeof typed[0] && typed[i].option; i++)
        if (strcmp(typed[i].option, option) == 0)
            cli_die(CLI_EXIT_USAGE, "%s '%s': %s", option, typed[i].text, cli_error_reason(err));
    cli_fail_option(option, err);
}

/* --rate-shock refused: the typed shock, and the rate it would make (the
 * library's figure, its trailing zeros dropped). */
_Noreturn static void fail_shock(const char *loan, const sl_error *err)
{
    if (!strstr(err->message, "the shocked rate must be"))
        fail_option("--rate-shock", err);
    char rate[sizeof err->value];
    snprintf(rate, sizeof rate, "%s", err->value);
    if (strchr(rate, '.')) {
        size_t n = strlen(rate);
        while (n && rate[n - 1] == '0')
            rate[--n] = '\0';
        if (n && rate[n - 1] == '.')
            rate[--n] = '\0';
        char *mark = strchr(rate, '.');
        if (mark && cli_norwegian())
            *mark = ',';
    }
    const char *shock = "";
    for (size_t i = 0; i < sizeof typed / sizeof typed[0] && typed[i].option; i++)
        if (strcmp(typed[i].option, "--rate-shock") == 0)
            shock = typed[i].text;
    cli_die(CLI_EXIT_USAGE, _("--rate-shock '%s': %s would have the rate %s %%: %s"), shock, loan,
            rate, cli_error_reason(err));
}

static void fail(int rc, const sl_error *err)
{
    if (rc == SL_EINVAL || rc == SL_ESYNTAX || rc == SL_ERANGE) {
        /* a loan's plan refused one of its terms: the library names the loan
         * ("start", "bank") and its message the term ("margin -5 %: …") */
        size_t n = strcspn(err->message, " ");
        int bank = strcmp(err->field, "bank") == 0;
        if ((bank || strcmp(err->field, "start") == 0) && strncmp(err->message, err->field, n)) {
            if (strncmp(err->message, "margin ", 7) == 0)
                fail_option("--margin", err);
            if (strncmp(err->message, "nominal_rate ", 13) == 0)
                fail_option(bank ? "--bank-rate" : "--start-rate", err);
        }
        fail_option(option_for(err->field), err);
    }
    cli_die(1, "%s", err->message[0] ? err->message : sl_strerror(rc));
}

static void parse(input *in, int argc, char **argv)
{
    static const struct option options[] = {
        {"price", required_argument, NULL, OPT_PRICE},
        {"property", required_argument, NULL, OPT_PROPERTY},
        {"common-debt", required_argument, NULL, OPT_COMMON_DEBT},
        {"common-costs", required_argument, NULL, OPT_COMMON_COSTS},
        {"own-funds", required_argument, NULL, OPT_OWN_FUNDS},
        {"grant", required_argument, NULL, OPT_GRANT},
        {"date", required_argument, NULL, OPT_DATE},
        {"registration-fee", required_argument, NULL, OPT_REGISTRATION_FEE},
        {"documents", required_argument, NULL, OPT_DOCUMENTS},
        {"bank-share", required_argument, NULL, OPT_BANK_SHARE},
        {"bank-amount", required_argument, NULL, OPT_BANK_AMOUNT},
        {"bank-rate", required_argument, NULL, OPT_BANK_RATE},
        {"bank-years", required_argument, NULL, OPT_BANK_YEARS},
        {"bank-type", required_argument, NULL, OPT_BANK_TYPE},
        {"bank-term-fee", required_argument, NULL, OPT_BANK_TERM_FEE},
        {"bank-establishment-fee", required_argument, NULL, OPT_BANK_EST_FEE},
        {"establishment-fee-financed", no_argument, NULL, OPT_FEE_FINANCED},
        {"start-amount", required_argument, NULL, OPT_START_AMOUNT},
        {"start-rate", required_argument, NULL, OPT_START_RATE},
        {"margin", required_argument, NULL, OPT_MARGIN},
        {"start-years", required_argument, NULL, OPT_START_YEARS},
        {"start-type", required_argument, NULL, OPT_START_TYPE},
        {"start-term-fee", required_argument, NULL, OPT_START_TERM_FEE},
        {"start-establishment-fee", required_argument, NULL, OPT_START_EST_FEE},
        {"no-start-loan", no_argument, NULL, OPT_NO_START},
        {"policy-rate", required_argument, NULL, OPT_POLICY_RATE},
        {"stress-add", required_argument, NULL, OPT_STRESS_ADD},
        {"bank-stress-add", required_argument, NULL, OPT_BANK_STRESS_ADD},
        {"bank-stress-min", required_argument, NULL, OPT_BANK_STRESS_MIN},
        {"max-price", no_argument, NULL, OPT_MAX_PRICE},
        {"price-step", required_argument, NULL, OPT_PRICE_STEP},
        {"rate-shock", required_argument, NULL, OPT_RATE_SHOCK},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_HOUSEHOLD_LONG_OPTIONS,
        CLI_OWNER_ALLOWANCE_LONG_OPTIONS,
        CLI_OWNER_RENT_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    sl_finance_options *o = &in->o;
    int opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        if (cli_household_option(&in->hh, opt, optarg) ||
            cli_owner_option(&in->owner, opt, optarg))
            continue;
        switch (opt) {
        case OPT_PRICE:
            o->price = cli_money_nonneg("--price", optarg);
            in->have_price = 1;
            break;
        case OPT_PROPERTY:
            if (sl_tenure_parse(&o->tenure, optarg) != SL_OK)
                cli_die(CLI_EXIT_USAGE, _("%s '%s': must be selveier, borettslag or aksje"),
                        "--property", optarg);
            break;
        case OPT_COMMON_DEBT:
            o->common_debt = cli_money_nonneg("--common-debt", optarg);
            break;
        case OPT_COMMON_COSTS:
            o->common_costs = cli_money_nonneg("--common-costs", optarg);
            break;
        case OPT_OWN_FUNDS:
            o->own_funds = cli_money_nonneg("--own-funds", optarg);
            break;
        case OPT_GRANT:
            o->grant = cli_money_nonneg("--grant", optarg);
            break;
        case OPT_DATE:
            o->date = cli_date("--date", optarg);
            in->have_date = 1;
            break;
        case OPT_REGISTRATION_FEE:
            o->registration_fee = cli_money_nonneg("--registration-fee", optarg);
            break;
        case OPT_DOCUMENTS:
            o->documents = (int)cli_int("--documents", optarg, 0, 100);
            break;
        case OPT_BANK_SHARE:
            o->bank_share = percent("--bank-share", optarg, 0, 100);
            break;
        case OPT_BANK_AMOUNT:
            in->bank.principal = cli_money_nonneg("--bank-amount", optarg);
            in->have_bank_amount = 1;
            break;
        case OPT_BANK_RATE:
            in->bank.nominal_rate = percent("--bank-rate", optarg, 0, 100);
            in->have_bank_rate = 1;
            break;
        case OPT_BANK_YEARS:
            in->bank_years = cli_int("--bank-years", optarg, 1, SL_PLAN_MAX_YEARS);
            break;
        case OPT_BANK_TYPE:
            in->bank.type = loan_type("--bank-type", optarg);
            break;
        case OPT_BANK_TERM_FEE:
            in->bank.term_fee = cli_money_nonneg("--bank-term-fee", optarg);
            break;
        case OPT_BANK_EST_FEE:
            in->bank.establishment_fee = cli_money_nonneg("--bank-establishment-fee", optarg);
            break;
        case OPT_FEE_FINANCED:
            o->establishment_fee_financed = 1;
            break;
        case OPT_START_AMOUNT:
            in->start.principal = cli_money_nonneg("--start-amount", optarg);
            if (in->start.principal == 0)
                cli_die(CLI_EXIT_USAGE,
                        _("--start-amount '%s': must be positive (or give --no-start-loan)"),
                        optarg);
            break;
        case OPT_START_RATE:
            in->start.nominal_rate = percent("--start-rate", optarg, 0, 100);
            in->have_start_rate = 1;
            break;
        case OPT_MARGIN:
            in->start.margin = percent("--margin", optarg, -100, 100);
            break;
        case OPT_START_YEARS:
            in->start_years = cli_int("--start-years", optarg, 1, SL_PLAN_MAX_YEARS);
            break;
        case OPT_START_TYPE:
            in->start.type = loan_type("--start-type", optarg);
            break;
        case OPT_START_TERM_FEE:
            in->start.term_fee = cli_money_nonneg("--start-term-fee", optarg);
            break;
        case OPT_START_EST_FEE:
            in->start.establishment_fee = cli_money_nonneg("--start-establishment-fee", optarg);
            break;
        case OPT_NO_START:
            in->no_start = 1;
            break;
        case OPT_POLICY_RATE:
            o->policy_rate = percent("--policy-rate", optarg, 0, 100);
            in->have_policy = 1;
            break;
        case OPT_STRESS_ADD:
            o->start_stress_add = percent("--stress-add", optarg, 0, 100);
            break;
        case OPT_BANK_STRESS_ADD:
            o->bank_stress_add = percent("--bank-stress-add", optarg, 0, 100);
            break;
        case OPT_BANK_STRESS_MIN:
            o->bank_stress_min = percent("--bank-stress-min", optarg, 0, 100);
            break;
        case OPT_MAX_PRICE:
            in->max_price = 1;
            break;
        case OPT_PRICE_STEP:
            in->price_step = cli_money_positive("--price-step", optarg);
            break;
        case OPT_RATE_SHOCK:
            in->shock = percent("--rate-shock", optarg, -100, 100);
            in->have_shock = 1;
            break;
        case CLI_OPT_FORMAT:
            in->document = doc_format_option(optarg, DOC_PDF, &in->format);
            break;
        case OPT_OUTPUT:
            in->output = optarg;
            break;
        case CLI_OPT_CSV_STYLE:
            cli_csv_style_set(cli_csv_style_parse(optarg));
            break;
        default:
            if (opt == CLI_OPT_HELP) {
                fputs(_(usage), stdout);
                cli_household_help_print(stdout);
                fputs(_(usage_tail), stdout);
                fputs(_("The owner's side (with a household; docs/finance.md):\n"), stdout);
                cli_owner_common_help_print(stdout);
                fputs(_(owner_usage), stdout);
                exit(0);
            }
            cli_other_option(opt, argv, NULL);
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    doc_output_check(in->document, in->output);
    if (!in->have_price)
        cli_usage_error(_("--price is required"));
    if (o->bank_share.den != 0 && in->have_bank_amount)
        cli_usage_error(_("--bank-share and --bank-amount: give one of them"));
    int bank = o->bank_share.den != 0 || in->have_bank_amount;
    if (bank && !in->have_bank_rate)
        cli_usage_error(_("--bank-rate is required with a bank loan"));
    if (!bank && in->have_bank_rate)
        cli_usage_error(_("--bank-rate: give --bank-share or --bank-amount for the bank loan"));
    if (in->no_start && (in->have_start_rate || in->start.principal))
        cli_usage_error(_("--no-start-loan: no --start-rate or --start-amount with it"));
    if (!in->no_start && !in->have_start_rate)
        cli_usage_error(_("--start-rate is required (Husbanken's rate), or give --no-start-loan"));
    if (!in->have_date)
        o->date = cli_today();
    in->bank.terms = (int)in->bank_years * 12;
    in->start.terms = (int)in->start_years * 12;
    in->bank.payout_date = o->date;
    in->start.payout_date = o->date;
    o->bank = bank ? &in->bank : NULL;
    o->start = in->no_start ? NULL : &in->start;
    if (cli_household_finish(&in->hh, o->date)) {
        o->household = &in->hh.household;
        o->guidelines = in->hh.guidelines;
        if (o->start && !in->have_policy)
            cli_usage_error(_("--policy-rate is required for the startlån's stress test "
                              "(Husbanken's kalkulasjonsrente)"));
    }
    if ((in->owner.estimate || in->owner.have_rent) && !o->household)
        cli_usage_error(_("--estimate-housing-allowance and --current-rent need the household "
                          "(--adults, --income, …)"));
    if (o->household) {
        const sl_household *h = o->household;
        sl_money gross = 0;
        for (int i = 0; i < in->hh.gross.earners; i++)
            gross += in->hh.gross.gross[i]; /* a few amounts of at most 10^14 øre */
        int persons = (h->adults == SL_ADULTS_COUPLE ? 2 : 1) + h->children_0_5 +
                      h->children_6_10 + h->children_11_17;
        in->owner.payments_known = 1; /* both loans' payments from their own terms */
        cli_owner_finish(&in->owner, persons, gross, o->date);
    }
    if (in->max_price && !o->household)
        cli_usage_error(_("--max-price needs the household (--adults, --income, …)"));
    if (in->max_price && (!o->start || in->start.principal))
        cli_usage_error(_("--max-price needs the startlån to cover the remainder (no "
                          "--start-amount, no --no-start-loan)"));
}

/* The same purchase with every rate `shock` points higher: both loans (and
 * their changes), the policy rate and the bank's stress floor. */
static void shocked_options(sl_finance_options *out, sl_loan_terms *bank, sl_loan_terms *start,
                            const input *in)
{
    sl_error err;
    *out = in->o;
    if (in->o.bank) {
        if (sl_loan_terms_shift_rates(bank, NULL, in->o.bank, in->shock, &err) != SL_OK)
            fail_shock(_("the bank loan"), &err);
        out->bank = bank;
    }
    if (in->o.start) {
        if (sl_loan_terms_shift_rates(start, NULL, in->o.start, in->shock, &err) != SL_OK)
            fail_shock(_("the startlån"), &err);
        out->start = start;
    }
    if (in->have_policy && (sl_rate_add(&out->policy_rate, in->o.policy_rate, in->shock) != SL_OK ||
                            out->policy_rate.num < 0))
        cli_die(CLI_EXIT_USAGE, _("--rate-shock: the policy rate would fall below 0 %%"));
    if (in->o.bank_stress_min.den > 0 && in->o.bank_stress_min.num > 0 &&
        sl_rate_add(&out->bank_stress_min, in->o.bank_stress_min, in->shock) != SL_OK)
        cli_die(CLI_EXIT_USAGE, _("--rate-shock: out of range"));
}

/* The budget again from a date where an income item ends. */
typedef struct income_end {
    sl_date date;
    sl_finance_result r;
} income_end;

typedef struct answer {
    sl_finance_result r;
    int have_max;
    sl_money max_price;
    sl_finance_result at_max, over;
    cli_owner owner; /* this case's bostøtte estimate, grant need and rent comparison */
    income_end ends[SL_CAPACITY_MAX_INCOME_ITEMS];
    size_t end_count;
} answer;

/* The bostøtte estimate's income item (added once, then reused). */
static void set_allowance(input *in, sl_money amount)
{
    sl_household *h = &in->hh.household;
    cli_owner *w = &in->owner; /* the slot is the household's, shared by every case */
    if (!w->have_slot) {
        w->slot = h->income_item_count;
        w->have_slot = 1;
        h->income_items = in->hh.items;
        h->income_item_count = w->slot + 1;
    }
    in->hh.items[w->slot] = (sl_income_item){SL_INCOME_HOUSING_ALLOWANCE, amount, SL_DATE_NONE};
}

/* The estimate for the loans of r: their payments a month today, with the
 * purchase's felleskostnader (the household's kommunale avgifter without them). */
static sl_money allowance_for(cli_owner *w, const input *in, const sl_finance_options *o,
                              const sl_finance_result *r)
{
    sl_household h = in->hh.household;
    h.common_costs = o->common_costs;
    return cli_owner_allowance_for(w, &h, o->date, r->bank_loan + r->start_loan,
                                   r->first_payment_bank + r->first_payment_start_loan);
}

static void compute(sl_finance_result *r, const sl_finance_options *o)
{
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_finance_compute(r, o, &err);
    if (rc != SL_OK)
        fail(rc, &err);
}

/* The budget again at each date where an income item ends (ascending): the
 * same purchase, date and guideline table, without the incomes ended by then. */
static void incomes_ending(answer *a, const sl_finance_options *o)
{
    const sl_household *h = o->household;
    a->end_count = 0;
    for (;;) {
        sl_date next = SL_DATE_NONE;
        sl_date after = a->end_count ? a->ends[a->end_count - 1].date : o->date;
        for (size_t i = 0; i < h->income_item_count; i++) {
            sl_date u = h->income_items[i].until;
            if (u.year && sl_date_compare(u, after) > 0 &&
                (!next.year || sl_date_compare(u, next) < 0))
                next = u;
        }
        if (!next.year)
            return;
        static sl_income_item kept[SL_CAPACITY_MAX_INCOME_ITEMS];
        size_t n = 0;
        for (size_t i = 0; i < h->income_item_count; i++)
            if (!h->income_items[i].until.year ||
                sl_date_compare(h->income_items[i].until, next) > 0)
                kept[n++] = h->income_items[i];
        sl_household later = *h;
        later.income_items = kept;
        later.income_item_count = n;
        sl_finance_options lo = *o;
        lo.household = &later;
        income_end *e = &a->ends[a->end_count++];
        e->date = next;
        compute(&e->r, &lo);
    }
}

/* The grant need (tilskuddsbehov): price + transaction costs (and the
 * establishment fees) − own funds − bank loan − the largest startlån the
 * household carries beside the bank loan's stressed payment and the
 * felleskostnader, to the øre, never below 0. */
static void grant_need(cli_owner *w, const sl_finance_options *o, const sl_finance_result *r)
{
    sl_error err;
    sl_error_clear(&err);
    sl_capacity_options co;
    sl_capacity_options_init(&co);
    co.guidelines = o->guidelines;
    co.date = o->date;
    co.policy_rate = o->policy_rate;
    co.stress_add = o->start_stress_add;
    sl_loan_terms t = *o->start;
    t.principal = 1;
    t.margin = (sl_rate)SL_RATE_ZERO; /* in the kalkulasjonsrente already */
    co.loan = &t;
    co.step = 1;
    co.cofinancing_payment = r->stressed_payment_bank + r->common_costs;
    if (sl_capacity_max_loan(&w->largest_loan, NULL, NULL, o->household, &co, &err) != SL_OK)
        fail(SL_EINVAL, &err);
    w->price = r->price;
    w->transaction_costs = r->total_need - r->price;
    w->own_funds = r->own_funds;
    w->bank_loan = r->bank_loan;
    if (sl_capacity_grant_need(&w->grant_need, w->price, w->transaction_costs, w->own_funds,
                               w->bank_loan, w->largest_loan, &err) != SL_OK)
        fail(SL_EINVAL, &err);
    w->have_grant = 1;
}

/* Husbanken's rules on the startlån's contract (a margin over 0.25 points,
 * over 30 years), warned of as sl-plan warns of them. */
static void start_findings(const sl_finance_options *o, const sl_finance_result *r)
{
    if (!o->start || r->start_loan <= 0)
        return;
    sl_loan_terms t = *o->start;
    t.principal = r->start_loan;
    sl_plan *plan;
    sl_error err;
    if (sl_plan_new(&plan, &t, &err) != SL_OK)
        return; /* the result was computed from the same terms */
    cli_findings_report(plan, 0);
    sl_plan_free(plan);
}

static void solve(answer *a, const sl_finance_options *o, input *in)
{
    sl_error err;
    sl_error_clear(&err);
    cli_owner *w = &a->owner;
    *w = in->owner;
    if (w->estimate)
        set_allowance(in, 0);
    compute(&a->r, o);
    sl_money base_allowance = 0;
    if (w->estimate) { /* the loans do not depend on it: one more run */
        base_allowance = allowance_for(w, in, o, &a->r);
        set_allowance(in, base_allowance);
        compute(&a->r, o);
    }
    int rc;
    a->have_max = in->max_price;
    if (in->max_price) {
        /* With bostøtte: the estimate at the answer's price is the one
         * counted (it depends on the price); a few rounds settle it. */
        sl_money used = base_allowance;
        for (int round = 0; round < 8; round++) {
            if ((rc = sl_finance_max_price(&a->max_price, &a->at_max, &a->over, o,
                                           in->price_step, &err)) != SL_OK)
                fail(rc, &err);
            if (!w->estimate)
                break;
            sl_money at = allowance_for(w, in, o, &a->at_max);
            if (at == used)
                break;
            used = at;
            set_allowance(in, at);
        }
        if (w->estimate) { /* back to the estimate at the price asked */
            set_allowance(in, base_allowance);
            allowance_for(w, in, o, &a->r);
        }
    }
    a->end_count = 0;
    if (!a->r.have_capacity)
        return;
    incomes_ending(a, o);
    if (o->start)
        grant_need(w, o, &a->r);
    if (w->have_rent)
        cli_owner_compare_rent(w, a->r.first_payment_bank + a->r.first_payment_start_loan,
                               a->r.first_interest_total,
                               a->r.common_costs + in->hh.household.municipal_fees +
                                   in->hh.household.maintenance);
}

/* ---- output ---- */

/* A labelled amount: "  label ....  + 1 469,33 kr" (no-break spaces in Norwegian). */
static void row(const char *label, const char *sign, sl_money amount)
{
    char a[CLI_HUMAN_BUFSIZE];
    printf("  ");
    cli_pad(stdout, label, 46);
    printf(" %1s", sign);
    cli_pad(stdout, cli_amount(a, amount), -17);
    printf(" kr\n");
}

static void row3(const char *label, sl_money x, sl_money y)
{
    char a[CLI_HUMAN_BUFSIZE];
    printf("  ");
    cli_pad(stdout, label, 40);
    putchar(' ');
    cli_pad(stdout, cli_amount(a, x), -17);
    putchar(' ');
    cli_pad(stdout, cli_amount(a, y), -17);
    putchar('\n');
}

static const char *pct(char buf[SL_RATE_BUFSIZE], sl_rate r)
{
    return cli_rate_text(buf, r, ',');
}

static void print_uses_and_sources(const input *in, const sl_finance_result *r)
{
    char label[160], a[CLI_HUMAN_BUFSIZE], p[SL_RATE_BUFSIZE];
    printf("%s\n", _("Uses (bruk)"));
    row(_("Price (kjøpesum)"), "", r->price);
    if (r->common_debt) {
        fputs("  ", stdout);
        cli_pad(stdout, _("(share of common debt, fellesgjeld: serviced by"), 46);
        fputs("  ", stdout);
        cli_pad(stdout, cli_amount(a, r->common_debt), -17);
        printf(" kr\n");
        printf("%s\n", _("   the felleskostnader, not financed here)"));
    }
    row(in->o.tenure == SL_TENURE_SELVEIER
            ? /* xgettext:no-c-format */ _("Dokumentavgift (2,5 % of the price)")
                                           : _("Dokumentavgift (none for this eierform)"),
        "+", r->document_tax);
    snprintf(label, sizeof label,
             r->documents == 1 ? _("Tinglysing (%d document × %s)")
                               : _("Tinglysing (%d documents × %s)"),
             r->documents, cli_amount(a, r->registration_fee));
    row(label, "+", r->registration_fees);
    row(_("Establishment fees (etableringsgebyr)"), "+", r->establishment_fees);
    row(_("Total need"), "=", r->total_need);
    printf("\n%s\n", _("Sources (kilder)"));
    row(_("Own funds (egenkapital)"), "", r->own_funds);
    if (in->o.bank_share.den)
        snprintf(label, sizeof label,
                 in->o.establishment_fee_financed ? _("Bank loan (%s %% of the price, fee added)")
                                                  : _("Bank loan (%s %% of the price)"),
                 pct(p, in->o.bank_share));
    else
        snprintf(label, sizeof label, "%s",
                 in->o.establishment_fee_financed ? _("Bank loan (fee added)") : _("Bank loan"));
    row(label, "+", r->bank_loan);
    row(in->o.start && !in->start.principal ? _("Startlån (the remainder)") : _("Startlån"), "+",
        r->start_loan);
    row(_("Grant (tilskudd)"), "+", r->grant);
    row(_("Total"), "=", r->own_funds + r->bank_loan + r->start_loan + r->grant);
}

static void loan_line(const char *name, const sl_loan_terms *t, sl_money first, sl_money typical)
{
    char p[SL_RATE_BUFSIZE], m[SL_RATE_BUFSIZE], label[96];
    if (t->margin.num)
        snprintf(label, sizeof label, _("%s (%s %% + %s, %d years)"), name,
                 pct(p, t->nominal_rate), pct(m, t->margin), t->terms / 12);
    else
        snprintf(label, sizeof label, _("%s (%s %%, %d years)"), name, pct(p, t->nominal_rate),
                 t->terms / 12);
    row3(label, first, typical);
}

static void print_payments(const sl_finance_options *o, const sl_finance_result *r)
{
    putchar('\n');
    cli_pad(stdout, _("Payments a month (kr)"), 42);
    putchar(' ');
    cli_pad(stdout, _("first term"), -17);
    putchar(' ');
    cli_pad(stdout, _("typical term"), -17);
    putchar('\n');
    if (o->bank && r->bank_loan)
        loan_line(_("Bank loan"), o->bank, r->first_payment_bank, r->typical_payment_bank);
    if (o->start && r->start_loan)
        loan_line(_("Startlån"), o->start, r->first_payment_start_loan,
                  r->typical_payment_start_loan);
    if (r->common_costs)
        row3(_("Felleskostnader"), r->common_costs, r->common_costs);
    row3(_("Total"), r->first_payment_total, r->typical_payment_total);
    printf(_("\nAfter the interest deduction (rentefradrag, 22 %% of interest, tax rules of %d)\n"),
           r->tax_year);
    row(_("Interest in the first term, both loans"), "", r->first_interest_total);
    row(_("Deduction, 22 %"), "-", r->tax_deduction_first_month);
    row(_("First month after the deduction"), "=", r->monthly_after_tax_deduction);
    row(_("Interest in the first 12 terms"), "", r->first_year_interest);
    row(_("Deduction for those 12 terms, 22 %"), "", r->tax_deduction_first_year);
}

static void print_capacity(const sl_finance_options *o, const sl_finance_result *r)
{
    if (!r->have_capacity)
        return;
    char d[CLI_HUMAN_BUFSIZE], d2[CLI_HUMAN_BUFSIZE], p[SL_RATE_BUFSIZE], label[160];
    const sl_capacity_budget *b = &r->budget;
    printf("\n%s\n", _("Capacity at stressed rates (betjeningsevne), per month"));
    printf(_("  Guideline table valid from %s, chosen by the date %s\n"),
           cli_date_human(d, b->guideline.valid_from), cli_date_human(d2, o->date));
    row(_("Net income after tax"), "", b->income);
    row(_("Living costs (the higher of actual and floor)"), "-", b->living_costs);
    if (b->living_costs_floor != b->guideline_living_costs)
        row(_("  floor: guideline + energy, insurance, …"), "", b->living_costs_floor);
    row(_("Kommunale avgifter and maintenance"), "-", b->housing_costs);
    row(_("Other costs (debt, barnehage, transport, …)"), "-", b->other_costs);
    row(_("Available for housing (til disposisjon)"), "=", r->available);
    if (r->common_costs)
        row(_("Felleskostnader"), "-", r->common_costs);
    if (r->bank_loan) {
        snprintf(label, sizeof label, _("Bank loan at %s %% (stressed)"),
                 pct(p, r->bank_stressed_rate));
        row(label, "-", r->stressed_payment_bank);
    }
    if (r->start_loan) {
        snprintf(label, sizeof label, _("Startlån at %s %% (kalkulasjonsrente)"),
                 pct(p, r->start_stressed_rate));
        row(label, "-", r->stressed_payment_start_loan);
    }
    row(r->surplus >= 0 ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "=",
        r->surplus);
    char a[CLI_HUMAN_BUFSIZE];
    if (r->fits)
        printf(_("  Both loans fit: %s kr a month to spare at the stressed rates.\n"),
               cli_amount(a, r->surplus));
    else
        printf(_("  Both loans do not fit: the household is %s kr short every month at the "
                 "stressed rates.\n"),
               cli_amount(a, -r->surplus));
}

/* "transitional-benefit and wages": the items that end on date. */
static const char *ending(char *buf, size_t size, const sl_household *h, sl_date date)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < h->income_item_count && n < size; i++)
        if (sl_date_compare(h->income_items[i].until, date) == 0)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? _(" and ") : "",
                                  sl_income_kind_name(h->income_items[i].kind));
    return buf;
}

static void print_ends(const input *in, const answer *x)
{
    if (x->end_count == 0)
        return;
    char a[CLI_HUMAN_BUFSIZE], d[CLI_HUMAN_BUFSIZE], names[512];
    printf("\n%s\n", _("When incomes end (the same purchase, today's costs and guideline rates)"));
    for (size_t i = 0; i < x->end_count; i++) {
        const sl_finance_result *r = &x->ends[i].r;
        printf(_("  From %s, without the %s:\n"), cli_date_human(d, x->ends[i].date),
               ending(names, sizeof names, &in->hh.household, x->ends[i].date));
        row(_("  Net income"), "", r->budget.income);
        row(_("  Available for housing"), "=", r->available);
        row(_("  Both loans and felleskostnader, stressed"), "-",
            r->stressed_payment_total + r->common_costs);
        row(r->surplus >= 0 ? _("  Surplus (overskudd)") : _("  Shortfall (underskudd)"), "=",
            r->surplus);
        if (r->fits)
            printf(_("  After the %s stops on %s both loans still fit: %s kr to spare.\n"),
                   names, d, cli_amount(a, r->surplus));
        else
            printf(_("  After the %s stops on %s both loans no longer fit: short %s kr a "
                     "month.\n"),
                   names, d, cli_amount(a, -r->surplus));
    }
}

static void print_max(const answer *x, const input *in)
{
    if (!x->have_max)
        return;
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE];
    printf(_("\nLargest price (steps of %s kr)\n"), cli_amount(b, in->price_step));
    if (x->max_price == 0) {
        printf("%s\n", _("  No price fits with these own funds and terms."));
        return;
    }
    row(_("Largest price that fits"), "", x->max_price);
    row(_("  startlån at that price"), "", x->at_max.start_loan);
    row(_("  surplus at that price"), "", x->at_max.surplus);
    if (x->over.price > x->max_price)
        printf(_("  One step more (%s kr): %s kr short.\n"), cli_amount(a, x->over.price),
               cli_amount(b, -x->over.surplus));
}

static void print_shock_table(const answer *base, const answer *shock, const input *in)
{
    char p[SL_RATE_BUFSIZE], head[96];
    snprintf(head, sizeof head, _("%s%s points"), in->shock.num >= 0 ? "+" : "", pct(p, in->shock));
    printf(_("\nRate shock: every rate %s (loans, policy rate)\n"), head);
    fputs("  ", stdout);
    cli_pad(stdout, "", 40);
    putchar(' ');
    cli_pad(stdout, _("base"), -17);
    putchar(' ');
    cli_pad(stdout, head, -17);
    putchar('\n');
    const struct {
        const char *label;
        sl_money x, y;
        int show;
    } rows[] = {
        {N_("First payment, bank loan"), base->r.first_payment_bank,
         shock->r.first_payment_bank, 1},
        {N_("First payment, startlån"), base->r.first_payment_start_loan,
         shock->r.first_payment_start_loan, 1},
        {N_("First payment, total"), base->r.first_payment_total, shock->r.first_payment_total, 1},
        {N_("After the interest deduction"), base->r.monthly_after_tax_deduction,
         shock->r.monthly_after_tax_deduction, 1},
        {N_("Stressed payments, total"), base->r.stressed_payment_total,
         shock->r.stressed_payment_total, base->r.have_capacity},
        {N_("Surplus (negative: shortfall)"), base->r.surplus, shock->r.surplus,
         base->r.have_capacity},
        {N_("Largest price"), base->max_price, shock->max_price, base->have_max},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].show)
            row3(_(rows[i].label), rows[i].x, rows[i].y);
}

static void print_table(const input *in, const answer *base, const answer *shock)
{
    char d[CLI_HUMAN_BUFSIZE];
    printf(_("Home purchase (boligkjøp): %s, date %s\n\n"), sl_tenure_name(in->o.tenure),
           cli_date_human(d, in->o.date));
    cli_income_print(&in->hh.gross);
    print_uses_and_sources(in, &base->r);
    print_payments(&in->o, &base->r);
    print_capacity(&in->o, &base->r);
    print_ends(in, base);
    cli_owner_print(&base->owner);
    print_max(base, in);
    if (shock)
        print_shock_table(base, shock, in);
}

/* The summary keys, one list for JSON and CSV. */
typedef struct item {
    const char *key;
    sl_money value;
    int show;
} item;

static size_t items(item *out, const answer *x)
{
    const sl_finance_result *r = &x->r;
    int c = r->have_capacity;
    item list[] = {
        {"price", r->price, 1},
        {"common_debt", r->common_debt, 1},
        {"document_tax", r->document_tax, 1},
        {"registration_fees", r->registration_fees, 1},
        {"transaction_costs", r->transaction_costs, 1},
        {"establishment_fees", r->establishment_fees, 1},
        {"total_need", r->total_need, 1},
        {"own_funds", r->own_funds, 1},
        {"bank_loan", r->bank_loan, 1},
        {"start_loan", r->start_loan, 1},
        {"grant", r->grant, 1},
        {"first_payment_bank", r->first_payment_bank, 1},
        {"first_payment_start_loan", r->first_payment_start_loan, 1},
        {"common_costs", r->common_costs, 1},
        {"first_payment_total", r->first_payment_total, 1},
        {"typical_payment_bank", r->typical_payment_bank, 1},
        {"typical_payment_start_loan", r->typical_payment_start_loan, 1},
        {"typical_payment_total", r->typical_payment_total, 1},
        {"first_interest_total", r->first_interest_total, 1},
        {"tax_deduction_first_month", r->tax_deduction_first_month, 1},
        {"monthly_after_tax_deduction", r->monthly_after_tax_deduction, 1},
        {"first_year_interest", r->first_year_interest, 1},
        {"tax_deduction_first_year", r->tax_deduction_first_year, 1},
        {"available", r->available, c},
        {"stressed_payment_bank", r->stressed_payment_bank, c},
        {"stressed_payment_start_loan", r->stressed_payment_start_loan, c},
        {"stressed_payment_total", r->stressed_payment_total, c},
        {"surplus", r->surplus, c},
        {"max_price", x->max_price, x->have_max},
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (list[i].show)
            out[n++] = list[i];
    return n;
}

static json_t *summary_json(const answer *x)
{
    item list[40];
    size_t n = items(list, x);
    json_t *o = json_object();
    for (size_t i = 0; i < n; i++)
        json_object_set_new(o, list[i].key, cli_json_money(list[i].value));
    const sl_finance_result *r = &x->r;
    json_object_set_new(o, "documents", json_integer(r->documents));
    json_object_set_new(o, "tax_year", json_integer(r->tax_year));
    if (x->owner.have_grant)
        json_object_set_new(o, "grant_need", cli_json_money(x->owner.grant_need));
    if (x->owner.estimate)
        json_object_set_new(o, "housing_allowance_monthly",
                            cli_json_money(x->owner.allowance.monthly));
    if (r->have_capacity) {
        char d[SL_DATE_BUFSIZE];
        json_object_set_new(o, "fits", json_boolean(r->fits));
        json_object_set_new(o, "bank_stressed_rate", cli_json_rate(r->bank_stressed_rate));
        json_object_set_new(o, "start_stressed_rate", cli_json_rate(r->start_stressed_rate));
        json_object_set_new(o, "guideline_table",
                            json_string(cli_date_text(d, r->budget.guideline.valid_from)));
        const sl_capacity_budget *b = &r->budget;
        json_t *budget = json_object();
        json_object_set_new(budget, "income", cli_json_money(b->income));
        json_object_set_new(budget, "guideline_living_costs",
                            cli_json_money(b->guideline_living_costs));
        json_object_set_new(budget, "living_costs_floor", cli_json_money(b->living_costs_floor));
        json_object_set_new(budget, "living_costs", cli_json_money(b->living_costs));
        json_object_set_new(budget, "housing_costs", cli_json_money(b->housing_costs));
        json_object_set_new(budget, "credit_limit_payment",
                            cli_json_money(b->credit_limit_payment));
        json_object_set_new(budget, "other_costs", cli_json_money(b->other_costs));
        json_object_set_new(budget, "available", cli_json_money(b->available));
        json_object_set_new(o, "budget", budget);
    }
    return o;
}

/* One case (the base case or the rate shock) as JSON: the summary keys, the
 * date and property, the income estimate, the budget from each date an
 * income ends, and the owner's side (bostøtte, grant need, renting). */
static json_t *answer_json(const input *in, const answer *x)
{
    char d[SL_DATE_BUFSIZE];
    json_t *root = summary_json(x);
    json_object_set_new(root, "date", json_string(cli_date_text(d, in->o.date)));
    json_object_set_new(root, "property", json_string(sl_tenure_name(in->o.tenure)));
    json_object_set_new(root, "income_estimate", cli_income_json(&in->hh.gross));
    if (x->r.have_capacity) {
        json_t *ends = json_array();
        for (size_t i = 0; i < x->end_count; i++) {
            const sl_finance_result *r = &x->ends[i].r;
            json_t *e = json_object(), *kinds = json_array();
            json_object_set_new(e, "date", json_string(cli_date_text(d, x->ends[i].date)));
            const sl_household *h = &in->hh.household;
            for (size_t j = 0; j < h->income_item_count; j++)
                if (sl_date_compare(h->income_items[j].until, x->ends[i].date) == 0)
                    json_array_append_new(
                        kinds, json_string(sl_income_kind_name(h->income_items[j].kind)));
            json_object_set_new(e, "ends", kinds);
            json_object_set_new(e, "income", cli_json_money(r->budget.income));
            json_object_set_new(e, "available", cli_json_money(r->available));
            json_object_set_new(e, "surplus", cli_json_money(r->surplus));
            json_object_set_new(e, "fits", json_boolean(r->fits));
            json_array_append_new(ends, e);
        }
        json_object_set_new(root, "income_ends", ends);
    }
    cli_owner_json(&x->owner, root);
    return root;
}

static void print_json(const input *in, const answer *base, const answer *shock)
{
    json_t *root = answer_json(in, base);
    if (shock) {
        json_t *s = summary_json(shock);
        json_object_set_new(s, "points", cli_json_rate(in->shock));
        json_object_set_new(root, "rate_shock", s);
    }
    cli_json_print(root);
}

/* Every figure of the JSON, one a line named by its path (budget.income,
 * housing_allowance.monthly, rent_comparison.monthly_change, …), with the
 * rate shock's figure for the same item beside it. */
static void print_csv(const input *in, const answer *base, const answer *shock)
{
    json_t *s = shock ? answer_json(in, shock) : NULL;
    cli_json_print_csv_beside(answer_json(in, base), s,
                              shock ? "item,amount,rate_shock" : "item,amount");
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    static input in;
    memset(&in, 0, sizeof in);
    sl_finance_options_init(&in.o);
    sl_loan_terms_init(&in.bank);
    sl_loan_terms_init(&in.start);
    in.bank_years = 30;
    in.start_years = 30;
    in.start.term_fee = 3000;           /* 30 kr: Husbanken, electronic notice */
    in.start.establishment_fee = 60000; /* 600 kr: Husbanken, electronic application */
    in.price_step = SL_FINANCE_PRICE_STEP_DEFAULT;
    cli_household_init(&in.hh);
    cli_owner_init(&in.owner);
    in.owner.grant_key = "grant_need_parts"; /* "grant" is the purchase's tilskudd */
    in.format = CLI_TABLE;
    parse(&in, argc, argv);
    in.format = cli_csv_format(in.format);

    static answer base, shock;
    in.owner.payments_known = 1;
    solve(&base, &in.o, &in);
    start_findings(&in.o, &base.r);
    if (base.r.have_capacity)
        cli_guideline_stale(in.o.date, base.r.budget.guideline.valid_from);
    sl_finance_options so;
    sl_loan_terms sbank, sstart;
    if (in.have_shock) {
        shocked_options(&so, &sbank, &sstart, &in);
        solve(&shock, &so, &in);
    }
    const answer *s = in.have_shock ? &shock : NULL;
    if (in.document == DOC_PDF) {
        doc_finance f = {&in.o, &base.r, base.have_max, base.max_price, in.price_step,
                         &base.at_max, &base.over, base.owner.have_grant, base.owner.grant_need,
                         base.owner.largest_loan, s ? &s->r : NULL, in.shock,
                         s ? s->max_price : 0, cli_today()};
        doc_finance_pdf(in.output, &f);
        cli_household_free(&in.hh);
        return 0;
    }
    if (in.format == CLI_JSON)
        print_json(&in, &base, s);
    else if (in.format == CLI_CSV)
    {
        cli_csv_begin();
        print_csv(&in, &base, s);
        cli_csv_end();
    } else
        print_table(&in, &base, s);
    cli_household_free(&in.hh);
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    return 0;
}
