/* sl-rent-to-own: from renting to owning — leie til eie and leie før eie:
 * the rent phase, the purchase, and the startlån after it on one monthly
 * timeline. Parse options, call the library (rent_to_own.h), print. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_kommune.h"
#include "cli_family.h"
#include "cli_rent.h"
#include "doc_timeline.h"

static const char *const usage = /* xgettext:no-c-format */ N_(
    "Usage: sl-rent-to-own [--model rent-to-own|rent-before-own|part-own] --price A\n"
    "                      --rent-months M --rent A --rate PCT [options]\n"
    "\n"
    "From renting to owning: what the household pays while renting, what the\n"
    "purchase costs, the start loan it needs, and what it pays after. Without\n"
    "options a built-in example runs (said on stderr). Amounts exact to the øre.\n"
    "\n"
    "  --model rent-to-own|rent-before-own   leie til eie (default) or leie før eie\n"
    "                             or part-own (deleie)\n"
    "  --price A                  year-0 price P0 (required)\n"
    "  --rent-months M            months of renting (a borettslag unit over 60: a finding)\n"
    "  --rent A                   monthly rent\n"
    "  --cost-rent A              kostnadsleie; with --credit-surplus, M × (rent −\n"
    "                             cost rent) is credited against the price\n"
    "  --credit-surplus           credit the rent surplus (Veiviseren)\n"
    "  --credit-rent-share PCT    credit PCT of each month's rent (LeieEie/BATE: about 40)\n"
    "  --credit-principal A       principal paid through the rent by the purchase, taken\n"
    "                             off the price (BATE Goagarden); one credit rule at most\n"
    "  --saving-in-rent           the saving is part of the rent, one monthly sum (Gjøvik)\n"
    "  --equity-requirement PCT|dated   the banks' equity requirement on the price to pay\n"
    "                             (default dated: 15 before 2025-01-01, 10 from)\n"
    "  --credit-on-lapse lost|paid-out  the credit when the option lapses (default lost)\n"
    "  --saving A                 monthly own saving (default 0)\n"
    "  --saving-rate PCT          yearly savings rate (default 0)\n"
    "  --price-rule fixed|indexed:PCT|appraisal   price at the purchase (default fixed)\n"
    "  --appraisal A              takst V (for --price-rule appraisal)\n"
    "  --buyer-share-of-rise PCT  the buyer's share of V − P0 (default 100)\n"
    "  --property selveier|borettslag   dokumentavgift 2.5 % for selveier (default)\n"
    "  --document-tax-base value|price  dokumentavgift on the market value at the\n"
    "                             purchase (appraisal, else --value-growth's value;\n"
    "                             default) or on the purchase price\n"
    "  --own-funds A              egenkapital (default 0)\n"
    "  --grant A                  tilskudd (default 0)\n"
    "  --registration-fee A       tinglysingsgebyr per document (default 545)\n"
    "  --documents N              documents registered (default 2)\n"
    "  --value-growth PCT         yearly change of the market value, may be negative\n"
    "                             (adds value, option value and equity)\n"
    "  --start YYYY-MM-DD         first rent month (gives dates; the loan is paid out\n"
    "                             rent-months later unless --payout-date is given)\n");

/* The rest of --help: one literal would pass C's 4095 characters. */
static const char *const usage_more = /* xgettext:no-c-format */ N_(
    "Deleie (--model part-own; uses --price, --own-funds, --price-rule, --start):\n"
    "  --share PCT                first share bought (default 50)\n"
    "  --market-rent A            the whole home's monthly market rent\n"
    "  --buy MONTH:PCT            buy PCT more at the end of MONTH (repeatable)\n"
    "  --discount-per-tenth PCT   discount of the price per tenth bought (LeieEie 0.75)\n"
    "  --rate-shock PTS           the loan's first payment with every rate PTS points\n"
    "                             higher, beside the base case (deleie: every loan's rate;\n"
    "                             the first payment and the monthly housing cost)\n"
    "  --fellesgjeld A            a borettslag unit's share of the common debt: --price is\n"
    "                             the innskudd; shares are priced on it, the discount on\n"
    "                             innskudd + fellesgjeld (BATE DelEie)\n"
    "  --discount-on-first-share  the discount applies to the first share too (LeieEie:\n"
    "                             \"7,5 % i rabatt av den andelen du kjøper\", leieeie.no);\n"
    "                             default: further shares only\n"
    "The start loan (as in sl-plan; the amount is computed):\n"
    "  --rate PCT                 nominal yearly rate (required)\n"
    "  --years Y | --terms N      length (default 30 years)\n"
    "  --terms-per-year 12|4|2|1, --type annuity|serial, --interest-only-terms K,\n"
    "  --term-fee A, --establishment-fee A, --round-to ore|krone, --rounding MODE,\n"
    "  --payout-date YYYY-MM-DD\n"
    "  --format table|csv|json    output (default table)\n"
    "  --format pdf|svg|png --output FILE\n"
    "                             the timeline as a printable PDF (the phases, the\n"
    "                             payments and equity charts, the purchase, one line a\n"
    "                             year); svg or png: the two charts as a picture. The\n"
    "                             date made is today (SL_TODAY=YYYY-MM-DD fixes it)\n"
    "  --view full|year|summary   every month (default), one line a year (rent, loan\n"
    "                             payments, interest, principal, fees, balance and\n"
    "                             savings at the year's end; deleie: the share owned,\n"
    "                             rent, loan payments, housing cost, shares bought,\n"
    "                             balance and equity), or the key figures only\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet (implies --format csv)\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n");

enum {
    OPT_MODEL = CLI_OPT_FIRST_FREE,
    OPT_PRICE,
    OPT_RENT_MONTHS,
    OPT_RENT,
    OPT_COST_RENT,
    OPT_CREDIT_SURPLUS,
    OPT_SAVING,
    OPT_SAVING_RATE,
    OPT_PRICE_RULE,
    OPT_APPRAISAL,
    OPT_BUYER_SHARE,
    OPT_PROPERTY,
    OPT_OWN_FUNDS,
    OPT_GRANT,
    OPT_REGISTRATION_FEE,
    OPT_DOCUMENTS,
    OPT_VALUE_GROWTH,
    OPT_START,
    OPT_SHARE,
    OPT_MARKET_RENT,
    OPT_BUY,
    OPT_DISCOUNT,
    OPT_DISCOUNT_FIRST,
    OPT_RATE_SHOCK,
    OPT_TAX_BASE,
    OPT_FELLESGJELD,
    OPT_CREDIT_SHARE,
    OPT_CREDIT_PRINCIPAL,
    OPT_SAVING_IN_RENT,
    OPT_EQUITY_REQ,
    OPT_CREDIT_ON_LAPSE,
    OPT_END
};

/* The text given for each option (NULL: not given; "" for a flag), so an
 * error shows the value as the user typed it. */
static const char *given[OPT_END];

/* --view and --csv-style (cli.h), apart from the model's options. */
enum { OPT_VIEW = 3950, OPT_OUTPUT };
static cli_view view = CLI_VIEW_FULL;
/* --format pdf --output FILE: the timeline as a document. */
static doc_format document;
static const char *output;

static void remember(int opt, const char *arg)
{
    if (opt >= 0 && opt < OPT_END)
        given[opt] = arg ? arg : "";
}

/* The library's field names and this program's options for them. */
static const struct {
    const char *field, *option;
    int opt;
} field_map[] = {
    {"model", "--model", OPT_MODEL},
    {"price", "--price", OPT_PRICE},
    {"principal", "--price", OPT_PRICE}, /* the loan is computed from the price */
    {"loan", "--price", OPT_PRICE},
    {"rent_months", "--rent-months", OPT_RENT_MONTHS},
    {"rent", "--rent", OPT_RENT},
    {"cost_rent", "--cost-rent", OPT_COST_RENT},
    {"saving", "--saving", OPT_SAVING},
    {"saving_rate", "--saving-rate", OPT_SAVING_RATE},
    {"index_rate", "--price-rule", OPT_PRICE_RULE},
    {"price_rule", "--price-rule", OPT_PRICE_RULE},
    {"appraisal", "--appraisal", OPT_APPRAISAL},
    {"buyer_share_of_rise", "--buyer-share-of-rise", OPT_BUYER_SHARE},
    {"property", "--property", OPT_PROPERTY},
    {"document_tax_base", "--document-tax-base", OPT_TAX_BASE},
    {"own_funds", "--own-funds", OPT_OWN_FUNDS},
    {"grant", "--grant", OPT_GRANT},
    {"registration_fee", "--registration-fee", OPT_REGISTRATION_FEE},
    {"documents", "--documents", OPT_DOCUMENTS},
    {"value_growth", "--value-growth", OPT_VALUE_GROWTH},
    {"start", "--start", OPT_START},
    {"share", "--share", OPT_SHARE},
    {"buys", "--buy", OPT_BUY},
    {"market_rent", "--market-rent", OPT_MARKET_RENT},
    {"discount_per_tenth", "--discount-per-tenth", OPT_DISCOUNT},
    {"fellesgjeld", "--fellesgjeld", OPT_FELLESGJELD},
    {"credit_rent_share", "--credit-rent-share", OPT_CREDIT_SHARE},
    {"credit_principal", "--credit-principal", OPT_CREDIT_PRINCIPAL},
    {"saving_in_rent", "--saving-in-rent", OPT_SAVING_IN_RENT},
    {"equity_requirement", "--equity-requirement", OPT_EQUITY_REQ},
    {"credit_on_lapse", "--credit-on-lapse", OPT_CREDIT_ON_LAPSE},
    {"nominal_rate", "--rate", CLI_OPT_RATE},
    {"terms", "--terms", CLI_OPT_TERMS},
    {"terms_per_year", "--terms-per-year", CLI_OPT_TERMS_PER_YEAR},
    {"type", "--type", CLI_OPT_TYPE},
    {"interest_only_terms", "--interest-only-terms", CLI_OPT_INTEREST_ONLY_TERMS},
    {"term_fee", "--term-fee", CLI_OPT_TERM_FEE},
    {"establishment_fee", "--establishment-fee", CLI_OPT_ESTABLISHMENT_FEE},
    {"payment_rounding", "--rounding", CLI_OPT_ROUNDING},
    {"payout_date", "--payout-date", CLI_OPT_PAYOUT_DATE},
};

/* A library error, as this program's option with the value as typed. */
_Noreturn static void fail_field(const sl_error *err)
{
    for (size_t i = 0; i < sizeof field_map / sizeof field_map[0]; i++) {
        if (strcmp(err->field, field_map[i].field) != 0)
            continue;
        int opt = field_map[i].opt;
        const char *value = opt >= 0 && opt < OPT_END && given[opt] ? given[opt] : err->value;
        cli_die(CLI_EXIT_USAGE, "%s '%s': %s", field_map[i].option, value,
                cli_error_reason(err));
    }
    /* A field no option sets: the library's sentence alone, no invented option. */
    cli_die(CLI_EXIT_USAGE, "%s", err->message);
}

/* Options that the chosen model or price rule would ignore are refused. */
static void refuse_unused(int part_own, sl_price_rule rule)
{
    static const int rto_only[] = {OPT_RENT_MONTHS, OPT_RENT, OPT_COST_RENT, OPT_CREDIT_SURPLUS,
                                   OPT_SAVING, OPT_SAVING_RATE, OPT_BUYER_SHARE, OPT_PROPERTY,
                                   OPT_GRANT, OPT_REGISTRATION_FEE, OPT_DOCUMENTS,
                                   OPT_TAX_BASE, OPT_CREDIT_SHARE, OPT_CREDIT_PRINCIPAL,
                                   OPT_SAVING_IN_RENT, OPT_EQUITY_REQ, OPT_CREDIT_ON_LAPSE};
    static const int part_only[] = {OPT_SHARE, OPT_MARKET_RENT, OPT_BUY, OPT_DISCOUNT,
                                    OPT_DISCOUNT_FIRST, OPT_FELLESGJELD};
    static const char *const names[OPT_END] = {
        [OPT_RENT_MONTHS] = "--rent-months", [OPT_RENT] = "--rent",
        [OPT_COST_RENT] = "--cost-rent", [OPT_CREDIT_SURPLUS] = "--credit-surplus",
        [OPT_SAVING] = "--saving", [OPT_SAVING_RATE] = "--saving-rate",
        [OPT_BUYER_SHARE] = "--buyer-share-of-rise", [OPT_PROPERTY] = "--property",
        [OPT_GRANT] = "--grant", [OPT_REGISTRATION_FEE] = "--registration-fee",
        [OPT_DOCUMENTS] = "--documents", [OPT_TAX_BASE] = "--document-tax-base",
        [OPT_SHARE] = "--share",
        [OPT_MARKET_RENT] = "--market-rent", [OPT_BUY] = "--buy",
        [OPT_DISCOUNT] = "--discount-per-tenth", [OPT_DISCOUNT_FIRST] = "--discount-on-first-share",
        [OPT_FELLESGJELD] = "--fellesgjeld", [OPT_CREDIT_SHARE] = "--credit-rent-share",
        [OPT_CREDIT_PRINCIPAL] = "--credit-principal", [OPT_SAVING_IN_RENT] = "--saving-in-rent",
        [OPT_EQUITY_REQ] = "--equity-requirement", [OPT_CREDIT_ON_LAPSE] = "--credit-on-lapse",
    };
    const int *list = part_own ? rto_only : part_only;
    size_t n = part_own ? sizeof rto_only / sizeof rto_only[0]
                        : sizeof part_only / sizeof part_only[0];
    for (size_t i = 0; i < n; i++)
        if (given[list[i]])
            cli_die(CLI_EXIT_USAGE, "%s '%s': %s", names[list[i]], given[list[i]],
                    part_own ? _("not used with --model part-own")
                             : _("only used with --model part-own"));
    if (rule != SL_PRICE_APPRAISAL && given[OPT_APPRAISAL])
        cli_die(CLI_EXIT_USAGE, _("--appraisal '%s': only used with --price-rule appraisal"),
                given[OPT_APPRAISAL]);
    if (rule != SL_PRICE_APPRAISAL && given[OPT_BUYER_SHARE])
        cli_die(CLI_EXIT_USAGE,
                _("--buyer-share-of-rise '%s': only used with --price-rule "
                  "appraisal"),
                given[OPT_BUYER_SHARE]);
}

/* The kommune's side (cli_kommune.h), when its options are given. */
static cli_kommune kom;
/* The rent's yearly adjustment and the deposit (cli_rent.h). */
static cli_rent law;
/* BSU, the budget before and after, the purchase checked (cli_family.h). */
static cli_family fam;

/* The startlån's terms, which the options refer to. */
static sl_loan_terms rto_loan = SL_LOAN_TERMS_INIT_WITH_TERMS(SL_RTO_DEFAULT_TERMS);

static void builtin_example(sl_rto_options *o)
{
    fprintf(cli_notes(), _("%s: no inputs given; running the built-in example (price 3 000 000, "
                      "36 months at 12 000 with cost rent 9 000 credited, saving 2 000 a month, "
                      "grant 100 000, startlån at 5 %% over 30 years from 2025-01-01)\n"),
            cli_prog());
    o->price = 300000000;
    o->rent_months = 36;
    o->rent = 1200000;
    o->cost_rent = 900000;
    o->credit_surplus = 1;
    o->saving = 200000;
    o->grant = 10000000;
    o->value_growth = (sl_rate){2, 100};
    o->start = (sl_date){2025, 1, 1};
    rto_loan.nominal_rate = (sl_rate){5, 100};
    rto_loan.terms = 360;
    rto_loan.term_fee = 5000;
}

typedef struct part_input {
    int part_own;
    int have_shock; /* --rate-shock */
    sl_rate shock;
    sl_part_own_options po;
    sl_part_buy buys[SL_PART_OWN_MAX_BUYS];
} part_input;

static void parse(sl_rto_options *o, part_input *in, cli_format *format, int argc, char **argv)
{
    static const struct option options[] = {
        {"model", required_argument, NULL, OPT_MODEL},
        {"price", required_argument, NULL, OPT_PRICE},
        {"rent-months", required_argument, NULL, OPT_RENT_MONTHS},
        {"rent", required_argument, NULL, OPT_RENT},
        {"cost-rent", required_argument, NULL, OPT_COST_RENT},
        {"credit-surplus", no_argument, NULL, OPT_CREDIT_SURPLUS},
        {"saving", required_argument, NULL, OPT_SAVING},
        {"saving-rate", required_argument, NULL, OPT_SAVING_RATE},
        {"price-rule", required_argument, NULL, OPT_PRICE_RULE},
        {"appraisal", required_argument, NULL, OPT_APPRAISAL},
        {"buyer-share-of-rise", required_argument, NULL, OPT_BUYER_SHARE},
        {"property", required_argument, NULL, OPT_PROPERTY},
        {"own-funds", required_argument, NULL, OPT_OWN_FUNDS},
        {"grant", required_argument, NULL, OPT_GRANT},
        {"registration-fee", required_argument, NULL, OPT_REGISTRATION_FEE},
        {"documents", required_argument, NULL, OPT_DOCUMENTS},
        {"value-growth", required_argument, NULL, OPT_VALUE_GROWTH},
        {"start", required_argument, NULL, OPT_START},
        {"share", required_argument, NULL, OPT_SHARE},
        {"market-rent", required_argument, NULL, OPT_MARKET_RENT},
        {"buy", required_argument, NULL, OPT_BUY},
        {"discount-per-tenth", required_argument, NULL, OPT_DISCOUNT},
        {"discount-on-first-share", no_argument, NULL, OPT_DISCOUNT_FIRST},
        {"rate-shock", required_argument, NULL, OPT_RATE_SHOCK},
        {"document-tax-base", required_argument, NULL, OPT_TAX_BASE},
        {"fellesgjeld", required_argument, NULL, OPT_FELLESGJELD},
        {"credit-rent-share", required_argument, NULL, OPT_CREDIT_SHARE},
        {"credit-principal", required_argument, NULL, OPT_CREDIT_PRINCIPAL},
        {"saving-in-rent", no_argument, NULL, OPT_SAVING_IN_RENT},
        {"equity-requirement", required_argument, NULL, OPT_EQUITY_REQ},
        {"credit-on-lapse", required_argument, NULL, OPT_CREDIT_ON_LAPSE},
        CLI_LOAN_LONG_OPTIONS,
        CLI_KOMMUNE_LONG_OPTIONS,
        CLI_RENT_LONG_OPTIONS,
        CLI_FAMILY_LONG_OPTIONS,
        CLI_HOUSEHOLD_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        {"view", required_argument, NULL, OPT_VIEW},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    cli_loan loan;
    cli_loan_init(&loan);
    int opt, inputs = 0, have_price = 0;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        if (opt != CLI_OPT_FORMAT && opt != OPT_MODEL && opt != OPT_VIEW &&
            opt != CLI_OPT_CSV_STYLE && opt != OPT_OUTPUT)
            inputs++;
        remember(opt, optarg);
        if (cli_loan_option(&loan, opt, optarg) || cli_kommune_option(&kom, opt, optarg) ||
            cli_rent_option(&law, opt, optarg) || cli_family_option(&fam, opt, optarg))
            continue;
        switch (opt) {
        case OPT_MODEL:
            if (strcmp(optarg, "part-own") == 0)
                in->part_own = 1;
            else if (sl_rto_model_parse(&o->model, optarg) != SL_OK)
                cli_die(CLI_EXIT_USAGE,
                        _("--model '%s': must be rent-to-own, rent-before-own or part-own"),
                        optarg);
            break;
        case OPT_PRICE:
            o->price = cli_money_nonneg("--price", optarg);
            have_price = 1;
            break;
        case OPT_RENT_MONTHS:
            o->rent_months = (int)cli_int("--rent-months", optarg, 0, SL_RTO_MAX_RENT_MONTHS);
            break;
        case OPT_RENT:
            o->rent = cli_money_nonneg("--rent", optarg);
            break;
        case OPT_COST_RENT:
            o->cost_rent = cli_money_nonneg("--cost-rent", optarg);
            break;
        case OPT_CREDIT_SURPLUS:
            o->credit_surplus = 1;
            break;
        case OPT_SAVING:
            o->saving = cli_money_nonneg("--saving", optarg);
            break;
        case OPT_SAVING_RATE:
            o->saving_rate = cli_percent("--saving-rate", optarg, 0, 100);
            break;
        case OPT_PRICE_RULE: {
            /* RULE or indexed:PCT; the rule's word as the library reads it */
            char rule[32];
            const char *colon = strchr(optarg, ':');
            size_t len = colon ? (size_t)(colon - optarg) : strlen(optarg);
            sl_price_rule pr;
            if (len >= sizeof rule)
                len = sizeof rule - 1; /* too long for any word: refused below */
            memcpy(rule, optarg, len);
            rule[len] = '\0';
            if (sl_price_rule_parse(&pr, rule) != SL_OK || (pr == SL_PRICE_INDEXED) != !!colon)
                cli_die(CLI_EXIT_USAGE,
                        _("--price-rule '%s': must be fixed, indexed:PCT or appraisal"), optarg);
            o->price_rule = pr;
            if (pr == SL_PRICE_INDEXED) {
                o->index_rate = cli_percent("--price-rule", colon + 1, -100, 100);
                if (o->index_rate.num == -o->index_rate.den)
                    cli_die(CLI_EXIT_USAGE,
                            _("--price-rule '%s': the index must fall less than "
                              "100 %%"),
                            optarg);
            }
            break;
        }
        case OPT_APPRAISAL:
            o->appraisal = cli_money_nonneg("--appraisal", optarg);
            break;
        case OPT_BUYER_SHARE:
            o->buyer_share_of_rise = cli_percent("--buyer-share-of-rise", optarg, 0, 100);
            break;
        case OPT_PROPERTY:
            if (sl_property_type_parse(&o->property, optarg) != SL_OK)
                cli_die(CLI_EXIT_USAGE, _("--property '%s': must be selveier or borettslag"),
                        optarg);
            break;
        case OPT_TAX_BASE:
            if (strcmp(optarg, "value") == 0)
                o->document_tax_base = SL_TAX_BASE_VALUE;
            else if (strcmp(optarg, "price") == 0)
                o->document_tax_base = SL_TAX_BASE_PRICE;
            else
                cli_die(CLI_EXIT_USAGE, _("--document-tax-base '%s': must be value or price"),
                        optarg);
            break;
        case OPT_OWN_FUNDS:
            o->own_funds = cli_money_nonneg("--own-funds", optarg);
            break;
        case OPT_GRANT:
            o->grant = cli_money_nonneg("--grant", optarg);
            break;
        case OPT_REGISTRATION_FEE:
            o->registration_fee = cli_money_nonneg("--registration-fee", optarg);
            break;
        case OPT_DOCUMENTS:
            o->documents = (int)cli_int("--documents", optarg, 0, 100);
            break;
        case OPT_VALUE_GROWTH:
            o->value_growth = cli_percent("--value-growth", optarg, -100, 100);
            if (o->value_growth.num == -o->value_growth.den)
                cli_die(CLI_EXIT_USAGE, _("--value-growth '%s': must be above -100"), optarg);
            break;
        case OPT_START:
            o->start = cli_date("--start", optarg);
            break;
        case OPT_SHARE:
            in->po.share = cli_percent("--share", optarg, 0, 100);
            if (in->po.share.num == 0)
                cli_die(CLI_EXIT_USAGE, _("--share '%s': must be above 0"), optarg);
            break;
        case OPT_MARKET_RENT:
            in->po.market_rent = cli_money_nonneg("--market-rent", optarg);
            break;
        case OPT_BUY: {
            /* refused when longer than the buffer: a cut copy could read as
             * another value ("24:000…050" as 5 %, not 50 %) */
            char text[256];
            if (strlen(optarg) >= sizeof text)
                cli_die(CLI_EXIT_USAGE, _("%s '%.40s...': too long (at most 255 characters)"),
                        "--buy", optarg);
            strcpy(text, optarg);
            char *pct = cli_split(text, ':');
            if (pct == NULL)
                cli_die(CLI_EXIT_USAGE, _("--buy '%s': must be MONTH:PCT"), optarg);
            if (in->po.buy_count >= SL_PART_OWN_MAX_BUYS)
                cli_die(CLI_EXIT_USAGE, _("--buy '%s': at most %d purchases"), optarg,
                        SL_PART_OWN_MAX_BUYS);
            sl_part_buy *b = &in->buys[in->po.buy_count++];
            b->month = (int)cli_int("--buy", text, 1, 600);
            b->share = cli_percent("--buy", pct, 0, 100);
            if (b->share.num == 0)
                cli_die(CLI_EXIT_USAGE, _("--buy '%s': the share must be above 0"), optarg);
            break;
        }
        case OPT_DISCOUNT:
            in->po.discount_per_tenth = cli_percent("--discount-per-tenth", optarg, 0, 10);
            break;
        case OPT_DISCOUNT_FIRST:
            in->po.discount_first_share = 1;
            break;
        case OPT_FELLESGJELD:
            in->po.fellesgjeld = cli_money_nonneg("--fellesgjeld", optarg);
            break;
        case OPT_CREDIT_SHARE:
            o->credit_rent_share = cli_percent("--credit-rent-share", optarg, 0, 100);
            break;
        case OPT_CREDIT_PRINCIPAL:
            o->credit_principal = cli_money_nonneg("--credit-principal", optarg);
            break;
        case OPT_SAVING_IN_RENT:
            o->saving_in_rent = 1;
            break;
        case OPT_EQUITY_REQ:
            if (strcmp(optarg, "dated") == 0)
                o->equity_requirement = (sl_rate){0, 0};
            else
                o->equity_requirement = cli_percent("--equity-requirement", optarg, 0, 100);
            break;
        case OPT_CREDIT_ON_LAPSE:
            if (strcmp(optarg, "lost") == 0)
                o->credit_on_lapse = SL_LAPSE_CREDIT_LOST;
            else if (strcmp(optarg, "paid-out") == 0)
                o->credit_on_lapse = SL_LAPSE_CREDIT_PAID_OUT;
            else
                cli_die(CLI_EXIT_USAGE, _("--credit-on-lapse '%s': must be lost or paid-out"),
                        optarg);
            break;
        case OPT_RATE_SHOCK:
            in->shock = cli_percent("--rate-shock", optarg, -100, 100);
            in->have_shock = 1;
            break;
        case CLI_OPT_FORMAT:
            document = doc_format_option(optarg, DOC_PDF | DOC_SVG | DOC_PNG, format);
            break;
        case OPT_OUTPUT:
            output = optarg;
            break;
        case OPT_VIEW:
            view = cli_view_parse(optarg);
            break;
        case CLI_OPT_CSV_STYLE:
            cli_csv_style_set(cli_csv_style_parse(optarg));
            break;
        case CLI_OPT_HELP: /* two texts: one literal would pass C's 4095 characters */
            fputs(_(usage), stdout);
            fputs(_(usage_more), stdout);
            fputs(_(cli_kommune_usage), stdout);
            fputs(_(cli_rent_usage), stdout);
            fputs(_(cli_family_usage), stdout);
            cli_household_help_print(stdout);
            exit(0);
        default: /* --version, or an error */
            cli_other_option(opt, argv, _(usage));
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    doc_output_check(document, output);
    if (inputs == 0) {
        builtin_example(o);
        if (in->part_own) {
            fprintf(cli_notes(), _("%s: deleie: 50 %% bought with own funds 300 000, market rent "
                              "20 000, 10 %% more after months 12 and 24\n"),
                    cli_prog());
            o->own_funds = 30000000;
            in->po.market_rent = 2000000;
            in->po.discount_per_tenth = (sl_rate){75, 10000};
            in->buys[0] = (sl_part_buy){12, {1, 10}};
            in->buys[1] = (sl_part_buy){24, {1, 10}};
            in->po.buy_count = 2;
        }
    } else {
        if (!have_price)
            cli_usage_error(_("--price is required"));
        refuse_unused(in->part_own, o->price_rule);
        if (o->price_rule == SL_PRICE_APPRAISAL && !given[OPT_APPRAISAL])
            cli_usage_error(_("--appraisal is required with --price-rule appraisal"));
        loan.terms.principal = 1; /* placeholder: the library computes the loan */
        cli_loan_finish(&loan, 30, &rto_loan);
    }
    if (in->part_own) {
        sl_part_own_options *p = &in->po;
        p->price = o->price;
        p->own_funds = o->own_funds;
        p->price_rule = o->price_rule;
        p->index_rate = o->index_rate;
        p->appraisal = o->appraisal;
        p->value_growth = o->value_growth;
        p->start = o->start;
        p->loan = o->loan;
        p->buys = in->buys;
    }
}

static const char *phase_name(sl_rto_phase p)
{
    return p == SL_RTO_PHASE_RENT ? N_("rent") : N_("own");
}

/* --view year: the timeline's months summed by year (calendar years of the
 * dates, else years of the timeline): rent, loan payments split into
 * interest, principal and term fees (principal = the fall of the balance),
 * the loan balance and the savings at the year's end. */
typedef struct rto_year {
    int year, months;
    sl_money rent, loan_paid, interest, principal, fees, balance, savings;
} rto_year;

static const int rto_year_widths[] = {-5, 12, 12, 12, 12, 8, 14, 12};

static void rto_year_print(const rto_year *y, int csv)
{
    char c[8][CLI_HUMAN_BUFSIZE];
    snprintf(c[0], sizeof c[0], "%d", y->year);
    const sl_money v[7] = {y->rent, y->loan_paid, y->interest, y->principal,
                           y->fees, y->balance, y->savings};
    for (int i = 0; i < 7; i++)
        csv ? cli_plain(c[i + 1], v[i]) : cli_amount(c[i + 1], v[i]);
    if (csv) {
        printf("%s,%s,%s,%s,%s,%s,%s,%s\n", c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    } else {
        const char *cells[] = {c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]};
        cli_row(stdout, rto_year_widths, 8, cells, 8);
    }
}

static int rto_years(sl_rto_timeline *tl, const sl_rto_result *r, const cli_rent *law,
                     sl_money term_fee, int csv)
{
    if (csv) {
        puts("year,rent,loan_paid,interest,principal,fees,loan_balance,savings_balance");
    } else {
        const char *head[] = {_("Year"),      _("Rent"), _("Loan paid"), _("Interest"),
                              _("Principal"), _("Fees"), _("Balance"),   _("Savings")};
        printf("\n");
        cli_row(stdout, rto_year_widths, 8, head, 8);
    }
    rto_year y = {0};
    sl_money before = r->loan_amount; /* the balance before the month */
    sl_rto_row row;
    int rc;
    while ((rc = sl_rto_timeline_next(tl, &row)) == 1) {
        int year = row.date.year ? row.date.year : (row.month - 1) / 12 + 1;
        if (y.months && year != y.year) {
            rto_year_print(&y, csv);
            memset(&y, 0, sizeof y);
        }
        y.year = year;
        y.months++;
        if (row.phase == SL_RTO_PHASE_RENT) {
            /* the rent as the month table shows it: KPI-adjusted (--rent-index, --rent-adjust) */
            y.rent += cli_rent_month(law, row.month, row.housing_cost);
        } else {
            sl_money principal = before - row.loan_balance;
            sl_money fee = row.housing_cost > 0 ? term_fee : 0;
            y.loan_paid += row.housing_cost;
            y.principal += principal;
            y.fees += fee;
            y.interest += row.housing_cost - fee - principal;
            before = row.loan_balance;
        }
        y.balance = row.loan_balance;
        y.savings = row.savings_balance;
    }
    if (y.months)
        rto_year_print(&y, csv);
    return rc;
}

static json_t *summary_json(const sl_rto_result *r)
{
    char buf[SL_RATE_BUFSIZE], d[SL_DATE_BUFSIZE];
    json_t *s = json_object();
    json_object_set_new(s, "purchase_price", cli_json_money(r->purchase_price));
    json_object_set_new(s, "rent_paid", cli_json_money(r->rent_paid));
    json_object_set_new(s, "rent_credit", cli_json_money(r->rent_credit));
    json_object_set_new(s, "savings", cli_json_money(r->savings));
    json_object_set_new(s, "savings_interest", cli_json_money(r->savings_interest));
    json_object_set_new(s, "document_tax", cli_json_money(r->document_tax));
    json_object_set_new(s, "document_tax_base", cli_json_money(r->document_tax_base));
    json_object_set_new(s, "principal_credit", cli_json_money(r->principal_credit));
    json_object_set_new(s, "option_value", cli_json_money(r->option_value));
    json_object_set_new(s, "equity_at_purchase", cli_json_money(r->equity_at_purchase));
    json_object_set_new(s, "equity_required", cli_json_money(r->equity_required));
    json_object_set_new(s, "registration_fees", cli_json_money(r->registration_fees));
    json_object_set_new(s, "transaction_costs", cli_json_money(r->transaction_costs));
    json_object_set_new(s, "loan_amount", cli_json_money(r->loan_amount));
    json_object_set_new(s, "cash_left", cli_json_money(r->cash_left));
    json_object_set_new(s, "rent_before", cli_json_money(r->last_rent));
    json_object_set_new(s, "first_payment", cli_json_money(r->first_payment));
    json_object_set_new(s, "monthly_change", cli_json_money(r->first_payment - r->last_rent));
    json_object_set_new(s, "transition_month", json_integer(r->transition_month));
    json_object_set_new(s, "transition_date",
                        r->transition_date.year ? json_string(cli_date_text(d, r->transition_date))
                                                : json_null());
    if (r->has_loan) {
        json_object_set_new(s, "effective_rate",
                            r->findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE
                                ? json_null()
                                : json_string(cli_rate_fixed(buf, r->cost.apr.rate, 2, '.')));
        json_object_set_new(s, "total_cost", cli_json_money(r->cost.total_cost));
        json_object_set_new(s, "total_payable", cli_json_money(r->cost.total_payable));
    } else {
        json_object_set_new(s, "effective_rate", json_null());
    }
    json_t *f = json_array();
    if (r->findings & SL_RTO_FINDING_RENT_OVER_60_MONTHS)
        json_array_append_new(f, json_string("rent-over-60-months"));
    if (r->findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE)
        json_array_append_new(f, json_string("no-effective-rate"));
    if (r->findings & SL_RTO_FINDING_EQUITY_SHORT)
        json_array_append_new(f, json_string("equity-short"));
    json_object_set_new(s, "findings", f);
    return s;
}

static json_t *row_json(const sl_rto_row *row)
{
    char d[SL_DATE_BUFSIZE];
    json_t *j = json_object();
    json_object_set_new(j, "month", json_integer(row->month));
    json_object_set_new(j, "date",
                        row->date.year ? json_string(cli_date_text(d, row->date)) : json_null());
    json_object_set_new(j, "phase", json_string(phase_name(row->phase)));
    json_object_set_new(j, "housing_cost", cli_json_money(row->housing_cost));
    json_object_set_new(j, "savings_balance", cli_json_money(row->savings_balance));
    json_object_set_new(j, "loan_balance", cli_json_money(row->loan_balance));
    json_object_set_new(j, "grant_remaining", cli_json_money(row->grant_remaining));
    if (row->has_value) {
        json_object_set_new(j, "market_value", cli_json_money(row->market_value));
        json_object_set_new(j, "equity", cli_json_money(row->equity));
    }
    json_object_set_new(j, "credit_balance", cli_json_money(row->credit_balance));
    if (row->has_value)
        json_object_set_new(j, "option_value", cli_json_money(row->option_value));
    return j;
}

/* The month table: 100 columns with the market value and equity. */
static const int rto_widths[] = {5, -10, -5, 12, 12, 12, 12, 12, 12};

static void amount_line(const char *label, sl_money v)
{
    char a[CLI_HUMAN_BUFSIZE];
    fputs("  ", stdout);
    cli_pad(stdout, label, 40);
    putchar(' ');
    cli_pad(stdout, cli_amount(a, v), -16);
    printf(" kr\n");
}

/* Not buying: what the household keeps and loses when the option lapses. */
static void print_lapse(const sl_rto_lapse *l, sl_money deposit, FILE *f)
{
    char a[CLI_HUMAN_BUFSIZE], line[1024];
    cli_lapse_text(line, sizeof line, l);
    fprintf(f, "\n");
    cli_wrap(f, line, 100);
    if (deposit > 0) {
        snprintf(line, sizeof line,
                 _("The deposit of %s kr is the tenant's own money and is paid back when the "
                   "tenancy ends, less any claim the landlord has (husleieloven § 3-5)."),
                 cli_amount(a, deposit));
        cli_wrap(f, line, 100);
    }
}

static json_t *lapse_json(const sl_rto_lapse *l, sl_money deposit)
{
    json_t *j = json_object();
    json_object_set_new(j, "rent_paid", cli_json_money(l->rent_paid));
    json_object_set_new(j, "credit_earned", cli_json_money(l->credit_earned));
    json_object_set_new(j, "credit_paid_out", cli_json_money(l->credit_paid_out));
    json_object_set_new(j, "credit_lost", cli_json_money(l->credit_lost));
    json_object_set_new(j, "savings", cli_json_money(l->savings));
    json_object_set_new(j, "option_value", cli_json_money(l->option_value));
    json_object_set_new(j, "household_keeps", cli_json_money(l->household_keeps));
    /* husleieloven § 3-5: the tenant's money, paid back (less the landlord's claims) */
    json_object_set_new(j, "deposit_returned", cli_json_money(deposit));
    return j;
}

static void print_table_head(const sl_rto_options *o, const sl_rto_result *r,
                             const sl_rto_lapse *lapse, sl_money deposit)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], d[CLI_HUMAN_BUFSIZE], rate[CLI_HUMAN_BUFSIZE];
    printf("%s\n\n", o->model == SL_RTO_RENT_TO_OWN
                         ? _("From renting to owning (leie til eie)")
                         : _("Renting with an option to buy (leie før eie)"));
    printf(_("Phase 1, renting: months 1-%d, rent %s kr a month (%s kr in all)\n"),
           o->rent_months, cli_amount(a, o->rent), cli_amount(b, r->rent_paid));
    if (r->transition_date.year)
        printf(_("Phase 2, owning: from month %d, purchase on %s, loan payment %s kr a month\n\n"),
               r->transition_month, cli_date_human(d, r->transition_date),
               cli_amount(a, r->first_payment));
    else
        printf(_("Phase 2, owning: from month %d, loan payment %s kr a month\n\n"),
               r->transition_month, cli_amount(a, r->first_payment));
    printf("%s\n", _("The purchase"));
    amount_line(_("Purchase price (kjøpesum)"), r->purchase_price);
    amount_line(_("+ Dokumentavgift"), r->document_tax);
    if (r->document_tax && r->document_tax_base != r->purchase_price)
        amount_line(/* xgettext:no-c-format */ _("  (2.5 % of the market value at transfer)"),
                    r->document_tax_base);
    amount_line(_("+ Registration fees (tinglysing)"), r->registration_fees);
    amount_line(_("- Rent credit (leiekreditt)"), r->rent_credit);
    amount_line(_("- Savings (oppsparing)"), r->savings);
    amount_line(_("- Own funds (egenkapital)"), o->own_funds);
    amount_line(_("- Grant (tilskudd)"), o->grant);
    amount_line(_("= Start loan needed (startlån)"), r->loan_amount);
    if (r->cash_left)
        amount_line(_("Cash left after the purchase"), r->cash_left);
    if (r->has_loan && (r->findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE))
        printf(_("  Effective rate not defined (the payments have no effective rate), total to "
                 "pay %s kr\n"),
               cli_amount(a, r->cost.total_payable));
    else if (r->has_loan)
        printf(_("  Effective rate %s, total to pay %s kr\n"),
               cli_percent_human(rate, r->cost.apr.rate, 2), cli_amount(a, r->cost.total_payable));
    if (r->option_value)
        amount_line(_("Option value at transfer (value - price)"), r->option_value);
    if (r->equity_required) {
        amount_line(_("Equity at the purchase"), r->equity_at_purchase);
        amount_line(_("Banks' equity requirement"), r->equity_required);
        if (r->findings & SL_RTO_FINDING_EQUITY_SHORT)
            printf(_("  Equity short by %s kr: a bank loan alone cannot finance the purchase "
                     "(a startlån may).\n"),
                   cli_amount(a, r->equity_required - r->equity_at_purchase));
    }
    char line[512];
    cli_change_text(line, sizeof line, r);
    printf("\n");
    cli_wrap(stdout, line, 100);
    if (r->findings & SL_RTO_FINDING_RENT_OVER_60_MONTHS)
        printf(_("Note: %d rent months: more than the five years from signing that Prop. 158 L "
                 "(a bill) proposes for leie til eie under the new borettslag/sameie right.\n"),
               o->rent_months);
    print_lapse(lapse, deposit, stdout);
    if (view != CLI_VIEW_FULL)
        return; /* no rows: no column heads */
    const char *head[] = {_("Month"),        _("Date"),    _("Phase"),
                          _("Housing cost"), _("Savings"), _("Loan balance"),
                          _("Grant left"),   _("Market value"), _("Equity")};
    printf("\n");
    cli_row(stdout, rto_widths, 9, head, o->value_growth.den ? 9 : 7);
}


static void print_table_row(const sl_rto_row *row, int transition)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE], e[CLI_HUMAN_BUFSIZE],
        d[CLI_HUMAN_BUFSIZE];
    if (row->month == transition)
        printf("%s\n", _("------ purchase: the ownership phase starts ------"));
    char m[16], v[2][CLI_HUMAN_BUFSIZE];
    snprintf(m, sizeof m, "%d", row->month);
    const char *cells[] = {m,
                           cli_date_human(d, row->date),
                           _(phase_name(row->phase)),
                           cli_amount(a, row->housing_cost),
                           cli_amount(b, row->savings_balance),
                           cli_amount(c, row->loan_balance),
                           cli_amount(e, row->grant_remaining),
                           row->has_value ? cli_amount(v[0], row->market_value) : "",
                           row->has_value ? cli_amount(v[1], row->equity) : ""};
    cli_row(stdout, rto_widths, 9, cells, row->has_value ? 9 : 7);
}

static void print_csv_row(const sl_rto_row *row)
{
    char a[SL_MONEY_BUFSIZE], b[SL_MONEY_BUFSIZE], c[SL_MONEY_BUFSIZE], e[SL_MONEY_BUFSIZE],
        d[SL_DATE_BUFSIZE];
    printf("%d,%s,%s,%s,%s,%s,%s", row->month, cli_date_text(d, row->date), phase_name(row->phase),
           cli_plain(a, row->housing_cost), cli_plain(b, row->savings_balance),
           cli_plain(c, row->loan_balance), cli_plain(e, row->grant_remaining));
    if (row->has_value)
        printf(",%s,%s", cli_plain(a, row->market_value), cli_plain(b, row->equity));
    else
        printf(",,");
    printf(",%s,", cli_plain(a, row->credit_balance));
    if (row->has_value)
        printf("%s", cli_plain(b, row->option_value));
    printf("\n");
}

/* A deleie timeline's monthly burden: the first month's loan payment and
 * housing cost (rent + loan payments), and the highest housing cost. */
typedef struct part_burden {
    sl_money first_payment, first_housing, highest_housing;
} part_burden;

static void part_burden_add(part_burden *b, const sl_part_row *row)
{
    if (row->month == 1) {
        b->first_payment = row->loan_payment;
        b->first_housing = row->housing_cost;
    }
    if (row->housing_cost > b->highest_housing)
        b->highest_housing = row->housing_cost;
}

/* The same deleie with every loan rate `shock` points higher (the first
 * loan and every top-up loan share the terms). */
static void part_burden_shocked(part_burden *out, const sl_part_own_options *p, sl_rate shock)
{
    static sl_loan_terms st;
    static sl_rate_change moved[256];
    sl_error err;
    sl_error_clear(&err);
    if (p->loan->rate_change_count > sizeof moved / sizeof moved[0] ||
        sl_loan_terms_shift_rates(&st, moved, p->loan, shock, &err) != SL_OK)
        cli_fail_option("--rate-shock", &err);
    sl_part_own_options so = *p;
    so.loan = &st;
    sl_part_own *po = NULL;
    if (sl_part_own_new(&po, &so, &err) != SL_OK)
        cli_fail_option("--rate-shock", &err);
    memset(out, 0, sizeof *out);
    sl_part_row row;
    int rc;
    while ((rc = sl_part_own_next(po, &row)) == 1)
        part_burden_add(out, &row);
    sl_part_own_free(po);
    if (rc < 0)
        cli_die(1, _("the timeline failed: %s"), sl_strerror(rc));
}

static json_t *part_burden_json(const part_burden *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "first_payment", cli_json_money(b->first_payment));
    json_object_set_new(o, "housing_cost_first_month", cli_json_money(b->first_housing));
    json_object_set_new(o, "highest_housing_cost", cli_json_money(b->highest_housing));
    return o;
}

static void part_burden_print(FILE *f, const part_burden *base, const part_burden *shocked,
                              sl_rate shock)
{
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], p[SL_RATE_BUFSIZE], head[96];
    snprintf(head, sizeof head, _("%s%s points"), shock.num >= 0 ? "+" : "",
             cli_rate_text(p, shock, ','));
    fprintf(f, _("\nRate shock: every loan rate %s\n"), head);
    static const int widths[] = {-36, 17, 17};
    const char *heads[] = {"", _("base"), head};
    fputs("  ", f);
    cli_row(f, widths, 3, heads, 3);
    const struct {
        const char *label;
        sl_money x, y;
    } lines[] = {
        {N_("First loan payment"), base->first_payment, shocked->first_payment},
        {N_("Housing cost, month 1"), base->first_housing, shocked->first_housing},
        {N_("Highest monthly housing cost"), base->highest_housing, shocked->highest_housing},
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const char *cells[] = {_(lines[i].label), cli_amount(a, lines[i].x),
                               cli_amount(b, lines[i].y)};
        fputs("  ", f);
        cli_row(f, widths, 3, cells, 3);
    }
}

/* The deleie month table (100 columns) and its --view year lines. */
static const int part_widths[] = {5, -10, 7, 10, 10, 10, 13, 12, 13};
static const int part_year_widths[] = {-5, 7, 12, 12, 12, 13, 14, 14};

/* "50,00" in Norwegian, "50.00" for programs. */
static const char *owned_text(char buf[SL_RATE_BUFSIZE], sl_rate owned, int human)
{
    return cli_rate_fixed(buf, owned, 2, human && cli_norwegian() ? ',' : '.');
}

/* --view year for deleie: by calendar year of the dates (else years of the
 * timeline): the share owned at the year's end, rent, loan payments and
 * housing cost paid, shares bought, the loan balance and equity at the end. */
typedef struct part_year {
    int year, months;
    sl_rate owned;
    sl_money rent, loan_paid, housing, bought, balance, equity;
} part_year;

static void part_year_add(part_year *y, const sl_part_row *row)
{
    y->months++;
    y->owned = row->owned;
    y->rent += row->rent;
    y->loan_paid += row->loan_payment;
    y->housing += row->housing_cost;
    y->bought += row->bought;
    y->balance = row->loan_balance;
    y->equity = row->equity;
}

static void part_year_print(const part_year *y, int csv)
{
    char c[8][CLI_HUMAN_BUFSIZE], pct[SL_RATE_BUFSIZE];
    snprintf(c[0], sizeof c[0], "%d", y->year);
    snprintf(c[1], sizeof c[1], "%s", owned_text(pct, y->owned, !csv));
    const sl_money v[6] = {y->rent, y->loan_paid, y->housing, y->bought, y->balance, y->equity};
    for (int i = 0; i < 6; i++)
        csv ? cli_plain(c[i + 2], v[i]) : cli_amount(c[i + 2], v[i]);
    if (csv) {
        printf("%s,%s,%s,%s,%s,%s,%s,%s\n", c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    } else {
        const char *cells[] = {c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]};
        cli_row(stdout, part_year_widths, 8, cells, 8);
    }
}

/* Deleie: the first purchase, then month by month (or by year, or the key
 * figures only); with shock, the monthly burden again with every loan rate
 * that many points higher. */
/* The months as the program reads them for a document, grown as needed. */
typedef struct doc_months {
    doc_month *items;
    int count, cap;
} doc_months;

/* Appends *m (out of memory: one line, exit 1). */
static void doc_months_add(doc_months *list, const doc_month *m)
{
    if (list->count == list->cap) {
        int cap = list->cap ? 2 * list->cap : 512;
        doc_month *more = realloc(list->items, sizeof *more * (size_t)cap);
        if (!more) {
            free(list->items);
            cli_die(1, "out of memory");
        }
        list->items = more;
        list->cap = cap;
    }
    list->items[list->count++] = *m;
}

/* The document the --format asks for: the PDF, or the charts as a picture. */
static void timeline_document(const doc_timeline *t)
{
    if (document == DOC_PDF)
        doc_timeline_pdf(output, t);
    else
        doc_timeline_charts(output, document, t);
}

/* Part-own as a document: the months read once, then drawn. */
static int part_own_pdf(const sl_part_own_options *p, const sl_rate *shock)
{
    sl_part_own *po = NULL;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_part_own_new(&po, p, &err);
    if (rc == SL_ENOMEM)
        cli_die(1, "out of memory");
    if (rc != SL_OK)
        fail_field(&err);
    static doc_timeline t;
    t.part_own = 1;
    t.share = p->share;
    t.price = p->price;
    t.own_funds = p->own_funds;
    sl_part_own_first(po, &t.share_price, &t.loan, &t.cash);
    if (t.loan > 0) {
        sl_loan_terms lt = *p->loan;
        lt.principal = t.loan;
        if (lt.payout_date.year == 0)
            lt.payout_date = p->start;
        t.have_cost = sl_plan_cost_compute(&t.cost, &lt, NULL, &err) == SL_OK;
    }
    if (shock) {
        part_burden shocked;
        part_burden_shocked(&shocked, p, *shock);
        t.have_shock = 1;
        t.shock = *shock;
        t.shocked_first_payment = shocked.first_housing;
    }
    doc_months months = {0};
    sl_part_row row;
    while ((rc = sl_part_own_next(po, &row)) == 1)
        doc_months_add(&months, &(doc_month){row.month, row.date, 0, row.rent, row.loan_payment,
                                             row.loan_balance, row.equity, 0, row.bought,
                                             row.owned});
    if (rc < 0)
        cli_die(1, "the timeline failed: %s", sl_strerror(rc));
    t.months = months.items;
    t.count = months.count;
    t.has_value = 1;
    t.made = cli_today();
    timeline_document(&t);
    free(months.items);
    sl_part_own_free(po);
    return 0;
}

static int run_part_own(const sl_part_own_options *p, const sl_rate *shock, cli_format format,
                        cli_view part_view)
{
    sl_part_own *po = NULL;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_part_own_new(&po, p, &err);
    if (rc == SL_ENOMEM)
        cli_die(1, _("out of memory"));
    if (rc != SL_OK)
        fail_field(&err);
    sl_money share_price, loan, cash;
    sl_part_own_first(po, &share_price, &loan, &cash);
    sl_plan_cost cost;
    int have_cost = 0;
    if (loan > 0) {
        sl_loan_terms t = *p->loan;
        t.principal = loan;
        if (t.payout_date.year == 0)
            t.payout_date = p->start;
        if (sl_plan_cost_compute(&cost, &t, NULL, &err) == SL_OK)
            have_cost = 1;
    }
    char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], c[CLI_HUMAN_BUFSIZE], e[CLI_HUMAN_BUFSIZE],
        f[CLI_HUMAN_BUFSIZE], g[CLI_HUMAN_BUFSIZE], h[CLI_HUMAN_BUFSIZE], k[CLI_HUMAN_BUFSIZE],
        d[CLI_HUMAN_BUFSIZE], pct[SL_RATE_BUFSIZE];
    json_t *root = NULL, *timeline = NULL;
    sl_part_row row;
    part_burden base = {0, 0, 0}, shocked;
    if (shock)
        part_burden_shocked(&shocked, p, *shock);
    if (format == CLI_JSON) {
        timeline = json_array();
    } else if (format == CLI_CSV) {
        cli_csv_begin();
        if (part_view == CLI_VIEW_YEAR)
            puts("year,owned_percent,rent,loan_paid,housing_cost,bought,loan_balance,equity");
        else
            printf("month,date,owned_percent,rent,loan_payment,housing_cost,loan_balance,bought,"
                   "discount,value,equity\n");
    } else {
        printf("%s\n\n", _("Part ownership (deleie)"));
        printf(_("First share: %s of %s kr = %s kr\n"), cli_percent_human(a, p->share, 2),
               cli_amount(b, p->price), cli_amount(c, share_price));
        if (cash)
            printf(_("Own funds %s kr, start loan %s kr, cash left %s kr\n"),
                   cli_amount(a, p->own_funds), cli_amount(b, loan), cli_amount(c, cash));
        else
            printf(_("Own funds %s kr, start loan %s kr\n"), cli_amount(a, p->own_funds),
                   cli_amount(b, loan));
        if (have_cost)
            printf(_("Effective rate %s\n"), cli_percent_human(a, cost.apr.rate, 2));
        if (part_view == CLI_VIEW_FULL) {
            putchar('\n');
            const char *head[] = {_("Month"),        _("Date"),      _("Owned %"),
                                  _("Rent"),         _("Loan paym."), _("Housing"),
                                  _("Loan balance"), _("Bought"),    _("Equity")};
            cli_row(stdout, part_widths, 9, head, 9);
        } else if (part_view == CLI_VIEW_YEAR) {
            putchar('\n');
            const char *head[] = {_("Year"),    _("Owned %"), _("Rent"),         _("Loan paid"),
                                  _("Housing"), _("Bought"),  _("Loan balance"), _("Equity")};
            cli_row(stdout, part_year_widths, 8, head, 8);
        }
    }
    part_year y = {0};
    while ((rc = sl_part_own_next(po, &row)) == 1) {
        part_burden_add(&base, &row);
        if (part_view == CLI_VIEW_YEAR && format != CLI_JSON) {
            int year = row.date.year ? row.date.year : (row.month - 1) / 12 + 1;
            if (y.months && year != y.year) {
                part_year_print(&y, format == CLI_CSV);
                memset(&y, 0, sizeof y);
            }
            y.year = year;
            part_year_add(&y, &row);
            continue;
        }
        if (part_view == CLI_VIEW_SUMMARY && format != CLI_JSON)
            continue;
        cli_rate_fixed(pct, row.owned, 2, '.');
        if (format == CLI_JSON) {
            json_t *j = json_object();
            json_object_set_new(j, "month", json_integer(row.month));
            json_object_set_new(j, "date", row.date.year ? json_string(cli_date_text(d, row.date))
                                                         : json_null());
            json_object_set_new(j, "owned_percent", json_string(pct));
            json_object_set_new(j, "rent", cli_json_money(row.rent));
            json_object_set_new(j, "loan_payment", cli_json_money(row.loan_payment));
            json_object_set_new(j, "housing_cost", cli_json_money(row.housing_cost));
            json_object_set_new(j, "loan_balance", cli_json_money(row.loan_balance));
            json_object_set_new(j, "bought", cli_json_money(row.bought));
            json_object_set_new(j, "discount", cli_json_money(row.discount));
            json_object_set_new(j, "value", cli_json_money(row.value));
            json_object_set_new(j, "equity", cli_json_money(row.equity));
            json_array_append_new(timeline, j);
        } else if (format == CLI_CSV) {
            printf("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", row.month, cli_date_text(d, row.date), pct,
                   cli_plain(a, row.rent), cli_plain(b, row.loan_payment),
                   cli_plain(c, row.housing_cost), cli_plain(e, row.loan_balance),
                   cli_plain(f, row.bought), cli_plain(g, row.discount), cli_plain(h, row.value),
                   cli_plain(k, row.equity));
        } else {
            char m[16];
            snprintf(m, sizeof m, "%d", row.month);
            const char *cells[] = {m,
                                   cli_date_human(d, row.date),
                                   owned_text(pct, row.owned, 1),
                                   cli_amount(a, row.rent),
                                   cli_amount(b, row.loan_payment),
                                   cli_amount(c, row.housing_cost),
                                   cli_amount(e, row.loan_balance),
                                   cli_amount(f, row.bought),
                                   cli_amount(g, row.equity)};
            cli_row(stdout, part_widths, 9, cells, 9);
        }
    }
    if (rc == 0 && y.months)
        part_year_print(&y, format == CLI_CSV);
    if (rc < 0)
        cli_die(1, _("the timeline failed: %s"), sl_strerror(rc));
    cli_csv_end();
    if (format == CLI_JSON) {
        root = json_object();
        json_object_set_new(root, "model", json_string("part-own"));
        json_t *s = json_object();
        json_object_set_new(s, "purchase_price", cli_json_money(share_price));
        json_object_set_new(s, "rent_credit", cli_json_money(0));
        json_object_set_new(s, "savings", cli_json_money(0));
        json_object_set_new(s, "transaction_costs", cli_json_money(0));
        json_object_set_new(s, "loan_amount", cli_json_money(loan));
        json_object_set_new(s, "cash_left", cli_json_money(cash));
        json_object_set_new(s, "first_payment", cli_json_money(base.first_payment));
        json_object_set_new(s, "housing_cost_first_month", cli_json_money(base.first_housing));
        json_object_set_new(s, "highest_housing_cost", cli_json_money(base.highest_housing));
        json_object_set_new(s, "effective_rate",
                            have_cost ? json_string(cli_rate_fixed(pct, cost.apr.rate, 2, '.'))
                                      : json_null());
        json_object_set_new(s, "share_percent", json_string(cli_rate_fixed(pct, p->share, 2, '.')));
        json_object_set_new(root, "summary", s);
        json_object_set_new(root, "timeline", timeline);
        if (shock) {
            json_t *r = part_burden_json(&shocked);
            json_object_set_new(r, "points", cli_json_rate(*shock));
            json_object_set_new(root, "rate_shock", r);
        }
        cli_json_print(root); /* frees root */
    } else if (shock) {
        part_burden_print(format == CLI_CSV ? stderr : stdout, &base, &shocked, *shock);
    }
    sl_part_own_free(po);
    if (fflush(stdout) != 0)
        cli_die(1, _("write error"));
    return 0;
}

int main(int argc, char **argv)
{
    cli_init("sl-rent-to-own");
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    o.loan = &rto_loan;
    cli_format format = CLI_TABLE;
    static part_input in;
    sl_part_own_options po_init = SL_PART_OWN_OPTIONS_INIT;
    in.po = po_init;
    cli_kommune_init(&kom);
    cli_rent_init(&law);
    cli_family_init(&fam);
    parse(&o, &in, &format, argc, argv);
    format = cli_csv_format(format);
    if (view != CLI_VIEW_FULL && format == CLI_JSON)
        cli_usage_error(_("--view: for --format table or csv (JSON has every row)"));
    if (view == CLI_VIEW_SUMMARY && format == CLI_CSV)
        cli_usage_error(_("--view summary: for --format table (CSV has rows)"));
    if (document && view != CLI_VIEW_FULL) /* the document has its own pages, as sl-plan's */
        cli_usage_error(_("--view: for --format table or csv"));
    if (in.part_own && kom.active)
        cli_usage_error(_("--kommune-loan-rate and the kommune's options: for rent-to-own and "
                          "rent-before-own (not part-own)"));
    if (in.part_own && (fam.hh.given || kom.municipal_fees_text))
        cli_usage_error(_("the household's options: for rent-to-own and rent-before-own (not "
                          "part-own)"));
    if (in.part_own && cli_rent_any(&law))
        cli_die(CLI_EXIT_USAGE, _("%s: for rent-to-own and rent-before-own (not part-own)"),
                cli_rent_any(&law));
    if (in.part_own && document)
        return part_own_pdf(&in.po, in.have_shock ? &in.shock : NULL);
    if (in.part_own)
        return run_part_own(&in.po, in.have_shock ? &in.shock : NULL, format, view);
    if (kom.active) { /* the cost rent derived, and the rent at cost unless given */
        sl_money cost = cli_kommune_cost_rent(&kom, o.price, o.rent_months, o.start);
        if (!given[OPT_COST_RENT])
            o.cost_rent = cost;
        if (!given[OPT_RENT])
            o.rent = cost;
    }
    const sl_money *rents = cli_rent_apply(&law, &o); /* NULL: the rent is not adjusted */
    cli_family_apply(&fam, &o); /* BSU into the own funds */

    sl_rto_timeline *tl = NULL;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_rto_timeline_new(&tl, &o, &err);
    if (rc == SL_ENOMEM)
        cli_die(1, _("out of memory"));
    if (rc != SL_OK)
        fail_field(&err);
    static sl_rto_result shown; /* the rent phase's figures by the adjusted rent */
    shown = *sl_rto_timeline_result(tl);
    cli_rent_result(&law, &shown);
    const sl_rto_result *r = &shown;
    if (kom.active) /* the family pays the price less the rent credit */
        cli_kommune_run(&kom, o.price, o.rent_months, o.start, rents, o.rent,
                        r->purchase_price - r->rent_credit);
    /* The family's month before and after; the rent covered FDV and avgifter when the
       kommune's side says what they are. */
    cli_family_run(&fam, &o, r, r->last_rent, kom.opt.municipal_fees,
                   kom.active ? kom.opt.fdv + kom.opt.municipal_fees : 0);
    if (r->findings & SL_RTO_FINDING_RENT_OVER_60_MONTHS)
        fprintf(cli_notes(), _("%s: warning: --rent-months %d with --property borettslag: over the "
                          "five years from signing that Prop. 158 L (2024-2025, a bill) "
                          "proposes for leie til eie under the new borettslag/sameie right\n"),
                cli_prog(), o.rent_months);

    sl_rto_lapse lapse;
    /* on lapse the deposit goes back to the tenant, whatever --deposit-use says */
    const sl_money lapse_deposit = law.deposit;
    if (sl_rto_lapse_compute(&lapse, &o, &err) != SL_OK)
        fail_field(&err);
    sl_rto_result shocked;
    static sl_loan_terms st;
    const sl_loan_terms *so_loan = &st;
    if (in.have_shock) { /* every rate of the loan that many points higher */
        static sl_rate_change moved[256];
        sl_rto_options so = o;
        if (rto_loan.rate_change_count > sizeof moved / sizeof moved[0] ||
            sl_loan_terms_shift_rates(&st, moved, &rto_loan, in.shock, &err) != SL_OK)
            cli_fail_option("--rate-shock", &err);
        so.loan = &st;
        if (sl_rto_compute(&shocked, &so, &err) != SL_OK)
            cli_fail_option("--rate-shock", &err);
        cli_rent_result(&law, &shocked);
    }
    if (document) {
        static doc_timeline t;
        t.before_own = o.model == SL_RTO_RENT_BEFORE_OWN;
        t.options = &o;
        t.rto = r;
        t.lapse = &lapse;
        t.has_value = o.value_growth.den != 0;
        t.have_shock = in.have_shock;
        t.shock = in.shock;
        t.shocked_first_payment = in.have_shock ? shocked.first_payment : 0;
        t.made = cli_today();
        doc_months months = {0};
        sl_rto_row row;
        while ((rc = sl_rto_timeline_next(tl, &row)) == 1) {
            int renting = row.phase == SL_RTO_PHASE_RENT;
            doc_months_add(&months, &(doc_month){
                row.month, row.date, renting,
                renting ? cli_rent_month(&law, row.month, row.housing_cost) : 0,
                renting ? 0 : row.housing_cost, row.loan_balance, row.equity,
                row.savings_balance, 0, SL_RATE_ZERO});
        }
        if (rc < 0)
            cli_die(1, "the timeline failed: %s", sl_strerror(rc));
        t.months = months.items;
        t.count = months.count;
        timeline_document(&t);
        free(months.items);
        sl_rto_timeline_free(tl);
        cli_family_free(&fam);
        return 0;
    }
    json_t *root = NULL, *timeline = NULL;
    if (format == CLI_JSON) {
        root = json_object();
        json_object_set_new(root, "model", json_string(sl_rto_model_name(o.model)));
        json_object_set_new(root, "summary", summary_json(r));
        json_object_set_new(json_object_get(root, "summary"), "cost_rent",
                            cli_json_money(o.cost_rent));
        cli_rent_json(&law, json_object_get(root, "summary"));
        cli_family_json(&fam, root);
        if (kom.active)
            json_object_set_new(root, "kommune", cli_kommune_json(&kom));
        timeline = json_array();
    } else if (format == CLI_CSV) {
        cli_csv_begin();
        if (view == CLI_VIEW_FULL)
            printf("month,date,phase,housing_cost,savings_balance,loan_balance,grant_remaining,"
                   "market_value,equity,credit_balance,option_value\n");
    } else {
        print_table_head(&o, r, &lapse, lapse_deposit);
    }
    if (view == CLI_VIEW_YEAR)
        rc = rto_years(tl, r, &law, o.loan->term_fee, format == CLI_CSV);
    sl_rto_row row;
    while (view == CLI_VIEW_FULL && (rc = sl_rto_timeline_next(tl, &row)) == 1) {
        if (row.phase == SL_RTO_PHASE_RENT)
            row.housing_cost = cli_rent_month(&law, row.month, row.housing_cost);
        if (format == CLI_JSON)
            json_array_append_new(timeline, row_json(&row));
        else if (format == CLI_CSV)
            print_csv_row(&row);
        else
            print_table_row(&row, o.rent_months > 0 ? r->transition_month : 0);
    }
    if (rc < 0)
        cli_die(1, _("the timeline failed: %s"), sl_strerror(rc));
    cli_csv_end();
    if (format == CLI_JSON) {
        json_object_set_new(root, "timeline", timeline);
        json_object_set_new(root, "lapse", lapse_json(&lapse, lapse_deposit));
        if (in.have_shock) {
            json_t *s = json_object();
            json_object_set_new(s, "points", cli_json_rate(in.shock));
            json_object_set_new(s, "first_payment", cli_json_money(shocked.first_payment));
            /* from the family's budgets, as summary.monthly_change is */
            json_object_set_new(s, "monthly_change",
                                cli_json_money(cli_family_shocked_change(&fam, so_loan, &shocked)));
            json_object_set_new(root, "rate_shock", s);
        }
        cli_json_print(root); /* frees root */
    }
    if (format == CLI_TABLE)
        cli_rent_print(&law);
    if (format == CLI_TABLE && view == CLI_VIEW_FULL)
        cli_family_print(&fam);
    if (format == CLI_TABLE && kom.active)
        cli_kommune_print(&kom);
    if (format != CLI_JSON && in.have_shock) {
        char a[CLI_HUMAN_BUFSIZE], b[CLI_HUMAN_BUFSIZE], p[SL_RATE_BUFSIZE];
        FILE *f = format == CLI_CSV ? stderr : stdout;
        fprintf(f, _("\nRate shock: every rate %s%s points: the loan's first payment %s kr "
                     "(base %s kr)\n"),
                in.shock.num >= 0 ? "+" : "", cli_rate_text(p, in.shock, ','),
                cli_amount(a, shocked.first_payment), cli_amount(b, r->first_payment));
    }
    sl_rto_timeline_free(tl);
    cli_family_free(&fam);
    if (fflush(stdout) != 0)
        cli_die(1, _("write error"));
    return 0;
}
