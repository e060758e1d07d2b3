/* sl-capacity: debt-service capacity (betjeningsevne) of a household for a
 * start loan at a stressed rate, or the largest loan it can carry.
 * Parse options, call the library's capacity functions, print. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_owner.h"
#include "doc_capacity.h"

static const char *const usage = N_(
    "Usage: sl-capacity --adults 1|2 [--sharing] --income A --date YYYY-MM-DD\n"
    "                   --policy-rate PCT (--loan A | --max-loan) [options]\n"
    "\n"
    "Can this household carry this start loan at the stressed rate, and how\n"
    "large a loan can it carry? Amounts are kroner per month, exact to the øre.\n"
    "\n");

/* After the household's options (cli_household.c). */
static const char *const usage_home = N_(
    "The home and the date:\n"
    "  --common-costs A           felleskostnader (default 0)\n"
    "  --date YYYY-MM-DD          which guideline table and tax year apply (default\n"
    "                             today); a table over 12 months older warns\n");

/* The rest of --help (one string would pass the 4095 bytes C guarantees). */
static const char *const usage_loan = N_(
    "Stress test and loan:\n"
    "  --policy-rate PCT          the central bank's policy rate (required)\n"
    "  --stress-add PCT           added to the policy rate (default 2.5)\n"
    "  --loan A                   check this start loan\n"
    "  --max-loan                 find the largest start loan that fits\n"
    "  --step A                   the largest loan is a multiple of A (default 1000)\n"
    "  --cofinancing-payment A    monthly payment of a co-financing bank loan\n"
    "                             (default 0); it must fit too\n"
    "The plan at the stressed rate (as in sl-plan; --rate is the stressed rate):\n"
    "  --years Y | --terms N      length (default 30 years)\n"
    "  --terms-per-year 12|4|2|1  payments per year (default 12)\n"
    "  --type annuity|serial      annuitetslån (default) or serielån\n"
    "  --interest-only-terms K    avdragsfrie terminer at the start (default 0)\n"
    "  --term-fee A               termingebyr per term (default 0)\n"
    "  --round-to ore|krone, --rounding MODE   rounding of the annuity payment\n"
    "  --rate-shock PTS           the check again with every rate PTS points higher, beside it\n"
    "  --format table|csv|json    output (default table); CSV: item,value with the\n"
    "                             JSON's figures, one a line (budget.income, ...)\n"
    "  --csv-style machine|excel-no   CSV for programs (default) or for a Norwegian\n"
    "                             spreadsheet (implies --format csv)\n"
    "  --format pdf --output FILE the budget as a one-page document to print (A4);\n"
    "                             the date made is today (SL_TODAY=YYYY-MM-DD fixes it)\n"
    "  --lang nb|nn|en            language of the output (default: the locale's)\n"
    "  --help, --version\n");

enum {
    OPT_DATE = CLI_OPT_FIRST_FREE,
    OPT_POLICY_RATE,
    OPT_STRESS_ADD,
    OPT_LOAN,
    OPT_MAX_LOAN,
    OPT_STEP,
    OPT_COFINANCING,
    OPT_RATE_SHOCK,
    OPT_OUTPUT,
};

/* The stressed plan's terms, which the options refer to. */
static sl_loan_terms capacity_loan = SL_LOAN_TERMS_INIT_WITH_TERMS(SL_CAPACITY_DEFAULT_TERMS);

/* The budget again when incomes end, and the largest loan that lasts. */
typedef struct later {
    sl_capacity_income_end ends[SL_CAPACITY_MAX_INCOME_ITEMS];
    size_t count;
    int have_lasting;        /* with --max-loan and an income that ends */
    sl_money lasting_max;    /* the largest loan that fits after every end */
} later;

typedef struct input {
    cli_household hh; /* the household's budget options, as sl-finance reads them */
    sl_capacity_options options;
    int have_date, have_policy, have_loan, max_loan;
    int have_shock;               /* --rate-shock: the check again, every rate that much higher */
    sl_rate shock;
    sl_capacity_result shocked;
    sl_money loan;
    cli_owner owner;
    cli_format format;
    doc_format document; /* --format pdf */
    const char *output;
} input;

/* Library fields of the household and options, and their options. */
static const char *option_for(const char *field)
{
    static const struct {
        const char *field, *option;
    } map[] = {
        {"adults", "--adults"},
        {"children_0_5", "--children-0-5"},
        {"children_6_10", "--children-6-10"},
        {"children_11_17", "--children-11-17"},
        {"income", "--income"},
        {"fixed_costs", "--fixed-costs"},
        {"maintenance", "--maintenance"},
        {"actual_living_costs", "--living-costs"},
        {"date", "--date"},
        {"policy_rate", "--policy-rate"},
        {"stress_add", "--stress-add"},
        {"nominal_rate", "--stress-add"},
        {"cofinancing_payment", "--cofinancing-payment"},
        {"step", "--step"},
        {"loan", "--loan"},
        {"principal", "--loan"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(field, map[i].field) == 0)
            return map[i].option;
    const char *budget = cli_budget_option_for(field);
    if (budget)
        return budget;
    return cli_option_for_field(field);
}

static void parse(input *in, int argc, char **argv)
{
    static const struct option options[] = {
        CLI_HOUSEHOLD_LONG_OPTIONS,
        {"common-costs", required_argument, NULL, CLI_OPT_COMMON_COSTS},
        {"date", required_argument, NULL, OPT_DATE},
        {"policy-rate", required_argument, NULL, OPT_POLICY_RATE},
        {"stress-add", required_argument, NULL, OPT_STRESS_ADD},
        {"loan", required_argument, NULL, OPT_LOAN},
        {"max-loan", no_argument, NULL, OPT_MAX_LOAN},
        {"step", required_argument, NULL, OPT_STEP},
        {"cofinancing-payment", required_argument, NULL, OPT_COFINANCING},
        {"rate-shock", required_argument, NULL, OPT_RATE_SHOCK},
        {"output", required_argument, NULL, OPT_OUTPUT},
        CLI_LOAN_LONG_OPTIONS,
        CLI_OWNER_LONG_OPTIONS,
        {"format", required_argument, NULL, CLI_OPT_FORMAT},
        CLI_CSV_STYLE_LONG_OPTION,
        CLI_END_LONG_OPTIONS,
    };
    sl_household *h = &in->hh.household;
    sl_capacity_options *o = &in->options;
    cli_loan loan;
    cli_loan_init(&loan);
    int opt;
    while ((opt = cli_getopt(argc, argv, options)) != -1) {
        if (opt == CLI_OPT_RATE)
            cli_usage_error(_("--rate: the plan runs at the stressed rate; give --policy-rate "
                              "and --stress-add instead"));
        if (cli_loan_option(&loan, opt, optarg) || cli_owner_option(&in->owner, opt, optarg) ||
            cli_household_option(&in->hh, opt, optarg))
            continue;
        switch (opt) {
        case OPT_DATE:
            o->date = cli_date("--date", optarg);
            in->have_date = 1;
            break;
        case OPT_POLICY_RATE:
            o->policy_rate = cli_percent("--policy-rate", optarg, 0, 100);
            in->have_policy = 1;
            break;
        case OPT_STRESS_ADD:
            o->stress_add = cli_percent("--stress-add", optarg, 0, 100);
            break;
        case OPT_LOAN:
            in->loan = cli_money_nonneg("--loan", optarg);
            in->have_loan = 1;
            break;
        case OPT_MAX_LOAN:
            in->max_loan = 1;
            break;
        case OPT_STEP:
            o->step = cli_money_positive("--step", optarg);
            break;
        case OPT_COFINANCING:
            o->cofinancing_payment = cli_money_nonneg("--cofinancing-payment", optarg);
            break;
        case OPT_RATE_SHOCK:
            in->shock = cli_percent("--rate-shock", optarg, -100, 100);
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
        default: /* --help, --version, or an error */
            if (opt == CLI_OPT_HELP) {
                fputs(_(usage), stdout);
                cli_household_help_print(stdout);
                fputs(_(usage_home), stdout);
                cli_owner_help_print(stdout);
            }
            cli_other_option(opt, argv, _(usage_loan));
        }
    }
    if (optind < argc)
        cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
    doc_output_check(in->document, in->output);
    if (!in->have_date)
        o->date = cli_today();
    if (!cli_household_finish(&in->hh, o->date))
        cli_usage_error(_("--adults is required (1 or 2)"));
    o->guidelines = in->hh.guidelines;
    if (!in->have_policy)
        cli_usage_error(_("--policy-rate is required"));
    if (in->have_loan == in->max_loan)
        cli_usage_error(_("give either --loan A or --max-loan"));

    /* The plan's rate is the stressed rate; check it is within 0..100 %. */
    sl_rate stressed;
    if (sl_rate_add(&stressed, o->policy_rate, o->stress_add) != SL_OK ||
        sl_rate_compare(stressed, (sl_rate){1, 1}) > 0)
        cli_die(CLI_EXIT_USAGE,
                _("--stress-add: the policy rate plus the add-on is above 100 %%"));
    loan.terms.nominal_rate = stressed;
    loan.have_rate = 1;
    loan.terms.principal = 1; /* placeholder: the library sets the loan checked */
    cli_loan_finish(&loan, 30, &capacity_loan);

    sl_money gross = 0;
    for (int i = 0; i < in->hh.gross.earners; i++)
        gross += in->hh.gross.gross[i]; /* a few amounts of at most 10^14 øre */
    int persons = (h->adults == SL_ADULTS_COUPLE ? 2 : 1) + h->children_0_5 + h->children_6_10 +
                  h->children_11_17;
    cli_owner_finish(&in->owner, persons, gross, o->date);
}

static void line(const char *label, const char *sign, sl_money amount)
{
    char a[SL_MONEY_BUFSIZE];
    fputs("  ", stdout);
    cli_pad(stdout, label, 44);
    printf(" %1s%17s kr\n", sign, cli_nor(a, amount));
}

static void child_line(int n, const char *band, sl_money rate)
{
    char a[SL_MONEY_BUFSIZE], b[SL_MONEY_BUFSIZE], label[80];
    if (n == 0)
        return;
    snprintf(label, sizeof label, "%d %s %s × %s", n, n == 1 ? _("child") : _("children"), band,
             cli_nor(a, rate));
    fputs("      ", stdout);
    cli_pad(stdout, label, 40);
    printf(" %18s kr\n", cli_nor(b, rate * n));
}

static void sub_line(const char *label, sl_money amount)
{
    char a[SL_MONEY_BUFSIZE];
    if (amount) {
        fputs("      ", stdout);
        cli_pad(stdout, label, 40);
        printf(" %18s kr\n", cli_nor(a, amount));
    }
}

/* The income: the single figure and each item counted now. */
static void print_income(const sl_household *h, const sl_capacity_budget *b)
{
    if (h->income_item_count == 0) {
        line(_("Net income after tax (netto inntekt)"), "", b->income);
        return;
    }
    char a[SL_MONEY_BUFSIZE], d[SL_DATE_BUFSIZE], label[96];
    printf(_("  Net income after tax (netto inntekt):\n"));
    if (h->income) {
        fputs("    ", stdout);
        cli_pad(stdout, _("not itemised"), 42);
        printf(" %18s kr\n", cli_nor(a, h->income));
    }
    for (size_t i = 0; i < h->income_item_count; i++) {
        const sl_income_item *it = &h->income_items[i];
        int n = snprintf(label, sizeof label, "%s", sl_income_kind_name(it->kind));
        if (it->until.year)
            snprintf(label + n, sizeof label - (size_t)n, _(", until %s"),
                     cli_date_text(d, it->until));
        if (it->kind == SL_INCOME_RENTAL)
            snprintf(label + strlen(label), sizeof label - strlen(label), " (× 10/12)");
        fputs("    ", stdout);
        cli_pad(stdout, label, 42);
        printf(" %18s kr\n", cli_nor(a, sl_income_item_counted(it)));
    }
    line(_("Net income"), "", b->income);
}

static void print_loan_line(const sl_capacity_options *o, const sl_capacity_result *r,
                            const char *label)
{
    const sl_loan_terms *t = o->loan ? o->loan : &capacity_loan;
    char a[SL_MONEY_BUFSIZE], b[SL_MONEY_BUFSIZE];
    fputs("  ", stdout);
    cli_pad(stdout, label, 44);
    printf("  %17s kr\n", cli_nor(a, r->loan));
    char label2[64];
    if (t->interest_only_terms)
        snprintf(label2, sizeof label2, _("payment from term %d at the stressed rate"),
                 t->interest_only_terms + 1);
    else
        snprintf(label2, sizeof label2, _("first payment at the stressed rate"));
    fputs("    ", stdout);
    cli_pad(stdout, label2, 42);
    printf("  %17s kr", cli_nor(b, r->stressed_payment));
    if (t->terms_per_year != 12) {
        char label3[64];
        snprintf(label3, sizeof label3, _("= per month (× %d / 12, rounded up)"), t->terms_per_year);
        printf(_(" per term\n    "));
        cli_pad(stdout, label3, 42);
        printf("  %17s kr", cli_nor(a, r->stressed_monthly));
    }
    printf("\n");
}

static void verdict(const sl_capacity_result *r, const char *what)
{
    char a[SL_MONEY_BUFSIZE];
    if (r->fits)
        printf(_("  %s fits: %s kr a month to spare at the stressed rate.\n"), what,
               cli_nor(a, r->surplus));
    else
        printf(_("  %s does not fit: the household is %s kr short every month at the stressed "
               "rate.\n"),
               what, cli_nor(a, -r->surplus));
}

/* "transitional-benefit" or "transitional-benefit and wages": the items
 * ending on date. */
static const char *ending_names(char *buf, size_t size, const sl_household *h, sl_date date)
{
    size_t n = 0;
    buf[0] = 0;
    for (size_t i = 0; i < h->income_item_count; i++)
        if (sl_date_compare(h->income_items[i].until, date) == 0 && n < size) {
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? _(" and ") : "",
                                  sl_income_kind_name(h->income_items[i].kind));
        }
    return buf;
}

static void print_later(const input *in, const later *l)
{
    const sl_household *h = &in->hh.household;
    char a[SL_MONEY_BUFSIZE], d[SL_DATE_BUFSIZE], names[512];
    if (l->count == 0)
        return;
    printf(_("\nWhen incomes end (today's costs and guideline rates)\n"));
    for (size_t i = 0; i < l->count; i++) {
        const sl_capacity_income_end *e = &l->ends[i];
        const sl_capacity_result *r = &e->result;
        printf(_("  From %s, without the %s:\n"), cli_date_text(d, e->date),
               ending_names(names, sizeof names, h, e->date));
        line(_("  Net income"), "", e->income);
        line(_("  Available for housing"), "=", r->budget.available);
        line(r->fits ? _("  Surplus (overskudd)") : _("  Shortfall (underskudd)"), "",
             r->fits ? r->surplus : -r->surplus);
        if (r->fits)
            printf(_("  After the %s stops on %s the loan still fits: %s kr to spare.\n"), names,
                   cli_date_text(d, e->date), cli_nor(a, r->surplus));
        else
            printf(_("  After the %s stops on %s the loan no longer fits: short %s kr a month.\n"),
                   names, cli_date_text(d, e->date), cli_nor(a, -r->surplus));
    }
    if (l->have_lasting)
        printf(_("  The largest start loan that still fits after every income ends: %s kr.\n"),
               cli_nor(a, l->lasting_max));
}

static void print_table(const input *in, const sl_capacity_result *r, const sl_capacity_result *next,
                        const later *l)
{
    const sl_household *h = &in->hh.household;
    const sl_capacity_options *o = &in->options;
    const sl_capacity_budget *b = &r->budget;
    const sl_loan_terms *t = o->loan ? o->loan : &capacity_loan;
    char a[SL_MONEY_BUFSIZE], d[SL_DATE_BUFSIZE], d2[SL_DATE_BUFSIZE], rate[SL_RATE_BUFSIZE];

    printf(_("Debt-service capacity (betjeningsevne)\n\n"));
    int children = h->children_0_5 + h->children_6_10 + h->children_11_17;
    printf(_("Household: %s, %d %s\n"),
           h->adults == SL_ADULTS_COUPLE    ? _("a couple")
           : h->adults == SL_ADULTS_SHARING ? _("one adult sharing a home")
                                            : _("one adult"),
           children, children == 1 ? _("child") : _("children"));
    printf(_("Guideline rates valid from %s (chosen by the date %s)\n\n"),
           cli_date_text(d, b->guideline.valid_from), cli_date_text(d2, o->date));

    cli_income_print(&in->hh.gross);
    printf(_("The budget, per month\n"));
    print_income(h, b);
    printf(_("  Living costs (levekostnader):\n"));
    printf(_("    the state's guideline rates (statens satser)\n"));
    fputs("      ", stdout);
    cli_pad(stdout,
            h->adults == SL_ADULTS_COUPLE    ? _("a couple")
            : h->adults == SL_ADULTS_SHARING ? _("an adult sharing a home")
                                             : _("a single adult"),
            40);
    printf(" %18s kr\n", cli_nor(a, b->guideline_adults));
    child_line(h->children_0_5, _("aged 0-5"), b->guideline.child_0_5);
    child_line(h->children_6_10, _("aged 6-10"), b->guideline.child_6_10);
    child_line(h->children_11_17, _("aged 11-17"), b->guideline.child_11_17);
    fputs("      ", stdout);
    cli_pad(stdout, _("guideline total"), 40);
    printf(" %18s kr\n", cli_nor(a, b->guideline_living_costs));
    if (b->living_costs_floor != b->guideline_living_costs) {
        printf(_("    what the guideline rates leave out:\n"));
        sub_line("+ strøm og oppvarming (energy)", h->energy);
        sub_line("+ bolig- og innboforsikring (insurance)", h->insurance);
        sub_line("+ innbo og utstyr (furniture)", h->furniture);
        fputs("      ", stdout);
        cli_pad(stdout, "floor", 40);
        printf(" %18s kr\n", cli_nor(a, b->living_costs_floor));
    }
    int guideline_only = h->living_costs_basis == SL_LIVING_COSTS_GUIDELINE;
    if (in->hh.have_living && !guideline_only) {
        fputs("    ", stdout);
        cli_pad(stdout, _("actual living costs, as given"), 42);
        printf(" %18s kr\n", cli_nor(a, h->actual_living_costs));
    } else if (guideline_only)
        printf(_("    actual living costs                        not used (basis: guideline)\n"));
    else
        printf(_("    actual living costs                        not given\n"));
    printf(_("    the higher of the two is used: %s\n"),
           b->living_costs > b->living_costs_floor ? _("the actual costs")
           : b->living_costs_floor != b->guideline_living_costs ? _("the floor")
                                                                : _("the guideline"));
    line(_("Living costs"), "-", b->living_costs);
    if (h->common_costs || h->municipal_fees) {
        line(_("Common costs (felleskostnader)"), "-", h->common_costs);
        line(_("Municipal fees (kommunale avgifter)"), "-", h->municipal_fees);
    }
    line(_("Maintenance (vedlikehold)"), "-", h->maintenance);
    if (h->other_debt_payments)
        line(_("Other debt payments (annen gjeld)"), "-", h->other_debt_payments);
    if (h->credit_limits) {
        char label[80];
        snprintf(label, sizeof label, _("Credit limits %s × 3 %% (kredittramme)"),
                 cli_nor(a, h->credit_limits));
        line(label, "-", b->credit_limit_payment);
    }
    if (h->childcare)
        line(_("Childcare (barnehage/SFO)"), "-", h->childcare);
    if (h->transport)
        line(_("Transport"), "-", h->transport);
    line(_("Other fixed costs (faste utgifter)"), "-", h->fixed_costs);
    line(_("Available for housing (til disposisjon)"), "=", b->available);
    if (r->cofinancing_payment) {
        line(_("Co-financing bank loan, monthly payment"), "-", r->cofinancing_payment);
        line(_("Left for the start loan"), "=", b->available - r->cofinancing_payment);
    }

    printf(_("\nThe stress test (rentestresstest)\n"));
    fputs("  ", stdout);
    cli_pad(stdout, _("Policy rate (styringsrente)"), 44);
    printf("  %17s %%\n", cli_rate_text(rate, o->policy_rate, ','));
    fputs("  ", stdout);
    cli_pad(stdout, _("Stress add-on"), 44);
    printf(" +%17s %%\n", cli_rate_text(rate, o->stress_add, ','));
    fputs("  ", stdout);
    cli_pad(stdout, _("Stressed rate"), 44);
    printf(" =%17s %%\n", cli_rate_text(rate, r->stressed_rate, ','));
    printf(_("  The plan: %d %s terms (%d years%s), %s, term fee %s kr\n"), t->terms,
           _(cli_frequency_name(t->terms_per_year)), t->terms / t->terms_per_year,
           t->terms % t->terms_per_year ? _(" and part of a year") : "",
           t->type == SL_LOAN_ANNUITY ? _("annuity") : _("serial"), cli_nor(a, t->term_fee));
    if (t->interest_only_terms)
        printf(_("  The first %d terms are interest-only; the test uses the payment from term %d,\n"
               "  when the plan amortises: an interest-only payment is never the test.\n"),
               t->interest_only_terms, t->interest_only_terms + 1);

    printf(_("\nThe result\n"));
    if (in->max_loan) {
        char s[SL_MONEY_BUFSIZE];
        printf(_("  Largest start loan, in steps of %s kr:\n"), cli_nor(s, o->step));
        print_loan_line(o, r, _("Largest loan"));
        line(r->fits ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "",
             r->fits ? r->surplus : -r->surplus);
        if (next != r) {
            print_loan_line(o, next, _("One step more"));
            line(next->fits ? _("Surplus") : _("Shortfall (underskudd)"), "",
                 next->fits ? next->surplus : -next->surplus);
        }
        if (r->loan == 0 && !r->fits)
            printf(_("  No start loan fits: the household is %s kr short every month before "
                   "any loan.\n"),
                   cli_nor(a, -r->surplus));
        else if (r->loan == 0)
            printf(_("  No start loan of one step fits the budget.\n"));
        else
            printf(_("  The household can carry a start loan of %s kr at the stressed rate.\n"),
                   cli_nor(a, r->loan));
    } else {
        print_loan_line(o, r, _("Start loan (startlån)"));
        line(r->fits ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "",
             r->fits ? r->surplus : -r->surplus);
        verdict(r, _("The loan"));
    }
    print_later(in, l);
    cli_owner_print(&in->owner);
}

static json_t *json_later(const input *in, const later *l)
{
    json_t *arr = json_array();
    char d[SL_DATE_BUFSIZE];
    for (size_t i = 0; i < l->count; i++) {
        const sl_capacity_income_end *e = &l->ends[i];
        json_t *o = json_object();
        json_object_set_new(o, "date", json_string(cli_date_text(d, e->date)));
        json_t *ends = json_array();
        for (size_t j = 0; j < in->hh.household.income_item_count; j++)
            if (sl_date_compare(in->hh.household.income_items[j].until, e->date) == 0)
                json_array_append_new(
                    ends, json_string(sl_income_kind_name(in->hh.household.income_items[j].kind)));
        json_object_set_new(o, "ends", ends);
        json_object_set_new(o, "income", cli_json_money(e->income));
        json_object_set_new(o, "available", cli_json_money(e->result.budget.available));
        json_object_set_new(o, "surplus", cli_json_money(e->result.surplus));
        json_object_set_new(o, "fits", json_boolean(e->result.fits));
        json_array_append_new(arr, o);
    }
    return arr;
}

static void print_json(const input *in, const sl_capacity_result *r, const sl_capacity_result *next,
                       const later *l)
{
    const sl_household *h = &in->hh.household;
    const sl_capacity_options *o = &in->options;
    const sl_capacity_budget *b = &r->budget;
    const sl_loan_terms *t = o->loan ? o->loan : &capacity_loan;
    char d[SL_DATE_BUFSIZE];
    json_t *hh = json_object();
    json_object_set_new(hh, "adults",
                        json_string(h->adults == SL_ADULTS_COUPLE    ? "couple"
                                    : h->adults == SL_ADULTS_SHARING ? "sharing"
                                                                     : "single"));
    json_object_set_new(hh, "children_0_5", json_integer(h->children_0_5));
    json_object_set_new(hh, "children_6_10", json_integer(h->children_6_10));
    json_object_set_new(hh, "children_11_17", json_integer(h->children_11_17));
    json_t *plan = json_object();
    json_object_set_new(plan, "terms", json_integer(t->terms));
    json_object_set_new(plan, "terms_per_year", json_integer(t->terms_per_year));
    json_object_set_new(plan, "type", json_string(sl_loan_type_name(t->type)));
    json_object_set_new(plan, "interest_only_terms", json_integer(t->interest_only_terms));
    json_object_set_new(plan, "term_fee", cli_json_money(t->term_fee));

    json_t *root = json_object();
    json_object_set_new(root, "date", json_string(cli_date_text(d, o->date)));
    json_object_set_new(root, "guideline_valid_from",
                        json_string(cli_date_text(d, b->guideline.valid_from)));
    json_object_set_new(root, "household", hh);
    json_object_set_new(root, "income", cli_json_money(b->income));
    json_t *items = json_array();
    for (size_t i = 0; i < h->income_item_count; i++) {
        const sl_income_item *it = &h->income_items[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(sl_income_kind_name(it->kind)));
        json_object_set_new(o, "amount", cli_json_money(it->amount));
        json_object_set_new(o, "counted", cli_json_money(sl_income_item_counted(it)));
        json_object_set_new(o, "until", it->until.year ? json_string(cli_date_text(d, it->until))
                                                       : json_null());
        json_array_append_new(items, o);
    }
    json_object_set_new(root, "income_items", items);
    json_object_set_new(root, "income_estimate", cli_income_json(&in->hh.gross));
    json_object_set_new(root, "guideline_living_costs", cli_json_money(b->guideline_living_costs));
    json_object_set_new(root, "actual_living_costs",
                        in->hh.have_living ? cli_json_money(h->actual_living_costs) : json_null());
    json_object_set_new(root, "living_costs", cli_json_money(b->living_costs));
    json_object_set_new(root, "living_costs_floor", cli_json_money(b->living_costs_floor));
    json_object_set_new(root, "living_costs_basis",
                        json_string(h->living_costs_basis == SL_LIVING_COSTS_GUIDELINE ? "guideline"
                                    : b->living_costs > b->living_costs_floor          ? "actual"
                                                                                        : "floor"));
    json_object_set_new(root, "energy", cli_json_money(h->energy));
    json_object_set_new(root, "insurance", cli_json_money(h->insurance));
    json_object_set_new(root, "furniture", cli_json_money(h->furniture));
    json_object_set_new(root, "common_costs", cli_json_money(h->common_costs));
    json_object_set_new(root, "municipal_fees", cli_json_money(h->municipal_fees));
    json_object_set_new(root, "maintenance", cli_json_money(h->maintenance));
    json_object_set_new(root, "housing_costs", cli_json_money(b->housing_costs));
    json_object_set_new(root, "other_debt_payments", cli_json_money(h->other_debt_payments));
    json_object_set_new(root, "credit_limits", cli_json_money(h->credit_limits));
    json_object_set_new(root, "credit_limit_payment", cli_json_money(b->credit_limit_payment));
    json_object_set_new(root, "childcare", cli_json_money(h->childcare));
    json_object_set_new(root, "transport", cli_json_money(h->transport));
    json_object_set_new(root, "fixed_costs", cli_json_money(h->fixed_costs));
    json_object_set_new(root, "other_costs", cli_json_money(b->other_costs));
    json_object_set_new(root, "available", cli_json_money(b->available));
    json_object_set_new(root, "cofinancing_payment", cli_json_money(r->cofinancing_payment));
    json_object_set_new(root, "policy_rate", cli_json_rate(o->policy_rate));
    json_object_set_new(root, "stress_add", cli_json_rate(o->stress_add));
    json_object_set_new(root, "stressed_rate", cli_json_rate(r->stressed_rate));
    json_object_set_new(root, "plan", plan);
    json_object_set_new(root, "loan", cli_json_money(r->loan));
    json_object_set_new(root, "stressed_payment", cli_json_money(r->stressed_payment));
    json_object_set_new(root, "stressed_monthly_payment", cli_json_money(r->stressed_monthly));
    json_object_set_new(root, "surplus", cli_json_money(r->surplus));
    json_object_set_new(root, "fits", json_boolean(r->fits));
    if (in->max_loan) {
        json_object_set_new(root, "max_loan", cli_json_money(r->loan));
        json_object_set_new(root, "step", cli_json_money(o->step));
        if (next != r) {
            json_t *n = json_object();
            json_object_set_new(n, "loan", cli_json_money(next->loan));
            json_object_set_new(n, "stressed_payment", cli_json_money(next->stressed_payment));
            json_object_set_new(n, "stressed_monthly_payment",
                                cli_json_money(next->stressed_monthly));
            json_object_set_new(n, "surplus", cli_json_money(next->surplus));
            json_object_set_new(n, "fits", json_boolean(next->fits));
            json_object_set_new(root, "one_step_more", n);
        }
    }
    json_object_set_new(root, "income_ends", json_later(in, l));
    cli_owner_json(&in->owner, root);
    if (l->have_lasting)
        json_object_set_new(root, "max_loan_lasting", cli_json_money(l->lasting_max));
    if (in->have_shock) {
        json_t *s = json_object();
        json_object_set_new(s, "points", cli_json_rate(in->shock));
        json_object_set_new(s, "stressed_rate", cli_json_rate(in->shocked.stressed_rate));
        json_object_set_new(s, "loan", cli_json_money(in->shocked.loan));
        json_object_set_new(s, "stressed_payment", cli_json_money(in->shocked.stressed_payment));
        json_object_set_new(s, "surplus", cli_json_money(in->shocked.surplus));
        json_object_set_new(s, "fits", json_boolean(in->shocked.fits));
        json_object_set_new(root, "rate_shock", s);
    }
    if (in->format == CLI_CSV)
        cli_json_print_csv(root);
    else
        cli_json_print(root);
}

int main(int argc, char **argv)
{
    cli_init(argv[0]);
    input in;
    memset(&in, 0, sizeof in);
    cli_household_init(&in.hh);
    cli_owner_init(&in.owner);
    sl_capacity_options_init(&in.options);
    in.options.loan = &capacity_loan;
    in.format = CLI_TABLE;
    parse(&in, argc, argv);
    in.format = cli_csv_format(in.format);

    sl_capacity_result r, next;
    sl_error err;
    sl_error_clear(&err);
    int rc = cli_owner_check(&in.owner, &in.hh.household, in.hh.items, &in.options, in.max_loan,
                             in.loan, &r, &next, &err);
    if (rc != SL_OK) {
        if (rc == SL_EINVAL || rc == SL_ESYNTAX || rc == SL_ERANGE)
            cli_fail_option(option_for(err.field), &err);
        cli_die(1, "%s", err.message[0] ? err.message : sl_strerror(rc));
    }
    cli_guideline_stale(in.options.date, r.budget.guideline.valid_from);
    if (in.have_shock) { /* the policy rate, so the stressed rate, that many points higher */
        sl_capacity_options so = in.options;
        sl_capacity_result sn;
        if (sl_rate_add(&so.policy_rate, in.options.policy_rate, in.shock) != SL_OK ||
            so.policy_rate.num < 0)
            cli_die(CLI_EXIT_USAGE, _("--rate-shock: the policy rate would fall below 0 %%"));
        /* On copies: the base case's bostøtte estimate and income items stay
         * as they are for the rest of the output. */
        static cli_owner shocked_owner;
        static sl_income_item shocked_items[SL_CAPACITY_MAX_INCOME_ITEMS];
        shocked_owner = in.owner;
        sl_household sh = in.hh.household;
        memcpy(shocked_items, in.hh.items, sizeof shocked_items);
        if (sh.income_items == in.hh.items)
            sh.income_items = shocked_items;
        rc = cli_owner_check(&shocked_owner, &sh, shocked_items, &so, in.max_loan, in.loan,
                             &in.shocked, &sn, &err);
        if (rc != SL_OK)
            cli_fail_option("--rate-shock", &err);
    }
    static later l;
    if (sl_capacity_income_ends(l.ends, &l.count, &in.hh.household, r.loan, &in.options, &err) !=
        SL_OK)
        cli_die(1, "%s", err.message);
    if (in.max_loan && l.count > 0) {
        /* The loan that lasts: the budget after the last end, when every
         * item with an end date is gone. */
        sl_household lasting = in.hh.household;
        static sl_income_item kept[SL_CAPACITY_MAX_INCOME_ITEMS];
        size_t n = 0;
        for (size_t i = 0; i < in.hh.household.income_item_count; i++)
            if (in.hh.household.income_items[i].until.year == 0)
                kept[n++] = in.hh.household.income_items[i];
        lasting.income_items = kept;
        lasting.income_item_count = n;
        if (sl_capacity_max_loan(&l.lasting_max, NULL, NULL, &lasting, &in.options, &err) != SL_OK)
            cli_die(1, "%s", err.message);
        l.have_lasting = 1;
    }
    cli_owner_after(&in.owner, &in.hh.household, &in.options, &r, in.max_loan);
    /* With --max-loan, "one step more" is shown unless the cap was reached. */
    const sl_capacity_result *after = in.max_loan && next.loan != r.loan ? &next : &r;
    if (in.document == DOC_PDF) {
        doc_capacity c = {&in.hh.household, &in.options, in.options.loan, &r, after, in.max_loan,
                          l.ends, l.count, l.have_lasting, l.lasting_max,
                          in.have_shock ? &in.shocked : NULL, in.shock, cli_today()};
        doc_capacity_pdf(in.output, &c);
        cli_household_free(&in.hh);
        return 0;
    }
    if (in.format == CLI_JSON) {
        print_json(&in, &r, after, &l);
    } else if (in.format == CLI_CSV) {
        cli_csv_begin();
        print_json(&in, &r, after, &l);
        cli_csv_end();
    } else {
        print_table(&in, &r, after, &l);
    }
    if (in.have_shock && in.format == CLI_TABLE) {
        char a[SL_MONEY_BUFSIZE], b[SL_MONEY_BUFSIZE], p[SL_RATE_BUFSIZE], q[SL_RATE_BUFSIZE];
        printf(_("\nRate shock: every rate %s%s points (the policy rate, so the stressed rate)\n"),
               in.shock.num >= 0 ? "+" : "", cli_rate_text(p, in.shock, ','));
        fputs("  ", stdout);
        cli_pad(stdout, "", 40);
        printf(" %17s %17s\n", "base", "shocked");
        fputs("  ", stdout);
        cli_pad(stdout, _("Stressed rate"), 40);
        printf(" %15s %% %15s %%\n", cli_rate_text(p, r.stressed_rate, ','),
               cli_rate_text(q, in.shocked.stressed_rate, ','));
        fputs("  ", stdout);
        cli_pad(stdout, in.max_loan ? _("Largest loan") : _("Loan"), 40);
        printf(" %17s %17s\n", cli_nor(a, r.loan),
               cli_nor(b, in.shocked.loan));
        fputs("  ", stdout);
        cli_pad(stdout, _("Stressed payment"), 40);
        printf(" %17s %17s\n", cli_nor(a, r.stressed_payment),
               cli_nor(b, in.shocked.stressed_payment));
        fputs("  ", stdout);
        cli_pad(stdout, _("Surplus (negative: shortfall)"), 40);
        printf(" %17s %17s\n", cli_nor(a, r.surplus),
               cli_nor(b, in.shocked.surplus));
    }
    cli_household_free(&in.hh);
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    return 0;
}
