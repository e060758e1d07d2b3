/* The one-page documents read back as a family would read them: the
 * capacity budget (sl-capacity --format pdf), the financing (sl-finance
 * --format pdf) and the rent-to-own and part-own timelines (sl-rent-to-own
 * --format pdf). pdftotext for the figures
 * (they must equal the program's own --format json), pdfinfo for the page
 * count, pdftoppm for the drawn parts; and the file contract (same bytes
 * twice, an unwritable --output refused with exit 2, nothing left behind).
 * argv: sl-capacity sl-finance sl-rent-to-own pdftotext pdfinfo pdftoppm */
#include <jansson.h>
#include <unistd.h>

#include "cli_pdf.h"

static char *capacity, *finance, *rent_to_own;
static char dir[64];

/* prog with args (NULL-terminated), then more (NULL-terminated, may be NULL). */
static void run(cli_result *r, char *prog, const char *const *args, const char *const *more)
{
    char *argv[96];
    int n = 0;
    argv[n++] = prog;
    for (; args && *args; args++)
        argv[n++] = (char *)*args;
    for (; more && *more; more++)
        argv[n++] = (char *)*more;
    argv[n] = NULL;
    cli_run(r, argv, NULL);
}

static json_t *run_json(char *prog, const char *const *args)
{
    static cli_result r;
    const char *json[] = {"--format", "json", NULL};
    run(&r, prog, args, json);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_error_t e;
    json_t *root = json_loads(r.out, 0, &e);
    ck_assert_msg(root != NULL, "%s", e.text);
    return root;
}

/* The PDF of prog with args under --lang nb at dir/name; its page 1's text in t. */
static void run_pdf(cli_result *t, char *prog, const char *const *args, const char *name,
                    char *pdf, size_t size)
{
    static cli_result r;
    snprintf(pdf, size, "%s/%s", dir, name);
    const char *more[] = {"--lang", "nb", "--format", "pdf", "--output", pdf, NULL};
    run(&r, prog, args, more);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_msg(r.out[0] == '\0', "stdout not empty: %s", r.out);
    pdf_text(t, pdf, 1, pdf_pages(pdf));
}

/* The JSON amount at key (under obj) is on the page as "1 234,56 kr". */
static void assert_amount(const char *text, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "no amount %s in the JSON", key);
    char want[64];
    const char *plain = json_string_value(v);
    if (plain[0] == '-')
        plain++; /* a shortfall is printed as what is missing */
    norwegian_kr(want, sizeof want, plain);
    ck_assert_msg(strstr(text, want), "%s = %s not on the page:\n%s", key, want, text);
}

static void assert_words(const char *text, const char *const *words)
{
    for (; *words; words++)
        ck_assert_msg(strstr(text, *words), "'%s' not on the page:\n%s", *words, text);
}

static void assert_absent(const char *text, const char *const *words)
{
    for (; *words; words++)
        ck_assert_msg(!strstr(text, *words), "English '%s' on the Norwegian page", *words);
}

static void assert_nothing_written(const char *name)
{
    pdf_nothing_written(dir, name);
}

/* An unwritable --output and bad input: one line, exit 2, nothing left. */
static void assert_refused_cleanly(char *prog, const char *const *args, const char *const *bad)
{
    static cli_result r;
    const char *missing[] = {"--format", "pdf", "--output", "/nonexistent-dir/x.pdf", NULL};
    run(&r, prog, args, missing);
    exec_expect_usage_error(r.status, r.out, r.err, "--output '/nonexistent-dir/x.pdf'");
    ck_assert_int_eq(count_lines(r.err), 1);
    const char *folder[] = {"--format", "pdf", "--output", dir, NULL};
    run(&r, prog, args, folder);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    const char *no_output[] = {"--format", "pdf", NULL};
    run(&r, prog, args, no_output);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    char pdf[128];
    snprintf(pdf, sizeof pdf, "%s/refused.pdf", dir);
    const char *text_output[] = {"--format", "json", "--output", pdf, NULL};
    run(&r, prog, args, text_output);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    const char *sef[] = {"--format", "sef-pdf", "--output", pdf, NULL};
    run(&r, prog, args, sef);
    exec_expect_usage_error(r.status, r.out, r.err, "--format 'sef-pdf'");
    /* bad input found after --output was accepted */
    const char *bad_args[48];
    int n = 0;
    for (; *bad; bad++)
        bad_args[n++] = *bad;
    bad_args[n++] = "--format";
    bad_args[n++] = "pdf";
    bad_args[n++] = "--output";
    bad_args[n++] = pdf;
    bad_args[n] = NULL;
    run(&r, prog, bad_args, NULL);
    ck_assert_msg(r.status == 2, "bad input: status %d, %s", r.status, r.err);
    ck_assert_int_eq(count_lines(r.err), 1);
    assert_nothing_written("refused.pdf");
}

static void assert_same_bytes(char *prog, const char *const *args)
{
    static cli_result r;
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/same-a.pdf", dir);
    snprintf(b, sizeof b, "%s/same-b.pdf", dir);
    const char *fa[] = {"--format", "pdf", "--output", a, NULL};
    const char *fb[] = {"--format", "pdf", "--output", b, NULL};
    run(&r, prog, args, fa);
    ck_assert_msg(r.status == 0, "%s", r.err);
    run(&r, prog, args, fb);
    ck_assert_msg(r.status == 0, "%s", r.err);
    size_t la, lb;
    char *da = read_file(a, &la), *db = read_file(b, &lb);
    ck_assert_uint_gt(la, 1000);
    ck_assert_msg(la == lb && memcmp(da, db, la) == 0, "two runs differ");
    ck_assert_ptr_nonnull(memmem(da, la, "/CreationDate (20261201000000", 28)); /* SL_TODAY */
    free(da);
    free(db);
}

/* ---- sl-capacity ---- */

static const char *const family[] = {
    "--adults", "2", "--children-0-5", "1", "--children-6-10", "1", "--date", "2026-03-01",
    "--income-item", "wages:52000", "--income-item", "child-benefit:3532",
    "--income-item", "transitional-benefit:9000:2027-06-01", "--energy", "1500",
    "--common-costs", "2500", "--other-debt-payments", "1200", "--policy-rate", "4.5",
    "--loan", "2500000", NULL};

START_TEST(capacity_page_is_the_budget)
{
    static cli_result t;
    json_t *j = run_json(capacity, family);
    char pdf[128];
    run_pdf(&t, capacity, family, "capacity.pdf", pdf, sizeof pdf);
    ck_assert_int_eq(pdf_pages(pdf), 1);
    static const char *const keys[] = {"income", "living_costs", "guideline_living_costs",
                                       "living_costs_floor", "common_costs",
                                       "other_debt_payments", "available", "loan",
                                       "stressed_monthly_payment", "surplus", "energy"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_amount(t.out, j, keys[i]);
    json_t *items = json_object_get(j, "income_items");
    for (size_t i = 0; i < json_array_size(items); i++)
        assert_amount(t.out, json_array_get(items, i), "counted");
    json_t *end = json_array_get(json_object_get(j, "income_ends"), 0);
    assert_amount(t.out, end, "income");
    ck_assert(json_is_true(json_object_get(j, "fits")));
    const char *nb[] = {"Kan husholdningen betjene startlånet?", "Betjeningsevne", "Side 1 av 1",
                        "Til overs hver måned", "Levekostnader",
                        "Til disposisjon", "Overskudd", "styringsrente + påslag", "Stresset rente",
                        "7,000 %", "Barnetrygd", "Overgangsstønad, til 01.06.2027",
                        "Når inntekter faller bort", "Laget 01.12.2026", NULL};
    assert_words(t.out, nb);
    const char *en[] = {"Living costs", "Surplus", "Available for housing", "Page 1", NULL};
    assert_absent(t.out, en);
    /* the month's bar is drawn: a band of colour across the page under the answer */
    char base[128], ppm[160];
    snprintf(base, sizeof base, "%s/capacity", dir);
    pdf_render(pdf, 1, base);
    snprintf(ppm, sizeof ppm, "%s.ppm", base);
    double bar = coloured_share(ppm, 48, 200, 547, 320);
    ck_assert_msg(bar > 0.1, "the month's bar %.2f coloured", bar);
    json_decref(j);
}
END_TEST

START_TEST(capacity_shortfall_and_max_loan)
{
    static cli_result t;
    const char *short_args[] = {"--adults", "1", "--income", "22000", "--policy-rate", "4.5",
                                "--date", "2026-03-01", "--loan", "3500000", NULL};
    json_t *j = run_json(capacity, short_args);
    ck_assert(json_is_false(json_object_get(j, "fits")));
    char pdf[128];
    run_pdf(&t, capacity, short_args, "short.pdf", pdf, sizeof pdf);
    assert_amount(t.out, j, "surplus");
    const char *nb[] = {"Mangler hver måned", "Underskudd", "Lånet går ikke",
                        NULL};
    assert_words(t.out, nb);
    json_decref(j);

    const char *max_args[] = {"--adults", "2", "--income", "60000", "--policy-rate", "4.5",
                              "--date", "2026-03-01", "--max-loan", "--rate-shock", "2", NULL};
    j = run_json(capacity, max_args);
    run_pdf(&t, capacity, max_args, "max.pdf", pdf, sizeof pdf);
    assert_amount(t.out, j, "max_loan");
    assert_amount(t.out, j, "surplus");
    assert_amount(t.out, json_object_get(j, "one_step_more"), "loan");
    assert_amount(t.out, json_object_get(j, "rate_shock"), "loan");
    assert_amount(t.out, json_object_get(j, "rate_shock"), "surplus");
    const char *nb2[] = {"Hvor stort startlån kan husholdningen betjene?", "Største lån",
                         "Hvis renten stiger med 2 prosentpoeng", "9,000 %", NULL};
    assert_words(t.out, nb2);
    json_decref(j);
}
END_TEST

START_TEST(capacity_file_contract)
{
    assert_same_bytes(capacity, family);
    const char *base[] = {"--adults", "1", "--income", "30000", "--policy-rate", "4.5",
                          "--loan", "100000", NULL};
    const char *bad[] = {"--adults", "1", "--income", "30000", "--policy-rate", "4.5",
                         "--loan", "100000", "--living-costs-basis", "actual", NULL};
    assert_refused_cleanly(capacity, base, bad);
}
END_TEST

/* ---- sl-finance ---- */

static const char *const purchase[] = {
    "--price", "3500000", "--own-funds", "100000", "--bank-share", "85", "--bank-rate", "5.5",
    "--start-rate", "4.64", "--adults", "2", "--children-0-5", "1", "--income", "70000",
    "--policy-rate", "4.5", "--date", "2026-03-01", "--common-costs", "3000", "--max-price",
    "--rate-shock", "2", NULL};

START_TEST(finance_page_is_kilder_og_bruk)
{
    static cli_result t;
    json_t *j = run_json(finance, purchase);
    char pdf[128];
    run_pdf(&t, finance, purchase, "finance.pdf", pdf, sizeof pdf);
    ck_assert_int_eq(pdf_pages(pdf), 2);
    static const char *const keys[] = {
        "price", "document_tax", "registration_fees", "establishment_fees", "total_need",
        "own_funds", "bank_loan", "start_loan", "first_payment_bank", "first_payment_start_loan",
        "common_costs", "first_payment_total", "first_interest_total",
        "tax_deduction_first_month", "monthly_after_tax_deduction", "first_year_interest",
        "tax_deduction_first_year", "available", "stressed_payment_bank",
        "stressed_payment_start_loan", "surplus", "max_price", "grant_need"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_amount(t.out, j, keys[i]);
    assert_amount(t.out, json_object_get(j, "budget"), "living_costs");
    assert_amount(t.out, json_object_get(j, "grant_need_parts"), "largest_loan");
    json_t *shock = json_object_get(j, "rate_shock");
    ck_assert_ptr_nonnull(shock);
    assert_amount(t.out, shock, "first_payment_total");
    assert_amount(t.out, shock, "monthly_after_tax_deduction");
    assert_amount(t.out, shock, "surplus");
    assert_amount(t.out, shock, "max_price");
    const char *nb[] = {"Finansiering av boligen (kilder og bruk)", "Bruk", "Kilder",
                        "Kjøpesum", "Dokumentavgift, 2,5 prosent", "Tinglysing, 3 × 545,00",
                        "Egenkapital", "Banklån", "Startlån", "Etter rentefradrag",
                        "Begge lån med stresset rente", "Overskudd", "Høyeste kjøpesum",
                        "Hvis renten stiger med 2 prosentpoeng", "8,500 %", "7,000 %",
                        "Side 2 av 2", NULL};
    assert_words(t.out, nb);
    const char *en[] = {"Uses", "Sources", "Price", "Surplus", "Total need", NULL};
    assert_absent(t.out, en);
    json_decref(j);
}
END_TEST

/* Whether text (pdftotext -layout) has a line "label   =   amount". */
static int has_result_line(const char *text, const char *label)
{
    size_t n = strlen(label);
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line += line != NULL) {
        const char *p = line + strspn(line, " ");
        if (strncmp(p, label, n) != 0)
            continue;
        p += n;
        p += strspn(p, " ");
        if (*p == '=')
            return 1;
    }
    return 0;
}

/* A shortfall under the rate shock is printed with the minus sign (U+2212),
 * never a hyphen; and a result is on the page of the lines it sums: the
 * stressed-rate block (heading, loans, surplus) is never split, for a
 * household whose budget ends near the foot of page 1. */
START_TEST(finance_minus_and_blocks_kept_together)
{
    static cli_result t, page;
    const char *args[] = {"--price", "3500000", "--own-funds", "100000", "--bank-share", "85",
                          "--bank-rate", "5.5", "--start-rate", "4.64", "--adults", "2",
                          "--income", "45000", "--policy-rate", "4.5", "--date", "2026-03-01",
                          "--rate-shock", "3", NULL};
    json_t *j = run_json(finance, args);
    const char *plain = json_string_value(json_object_get(json_object_get(j, "rate_shock"),
                                                          "surplus"));
    ck_assert_msg(plain && plain[0] == '-', "the shock leaves a shortfall: %s", plain);
    char want[64], minus[72];
    norwegian_kr(want, sizeof want, plain + 1);
    snprintf(minus, sizeof minus, "\xE2\x88\x92%s", want);
    char pdf[128];
    run_pdf(&t, finance, args, "minus.pdf", pdf, sizeof pdf);
    ck_assert_msg(strstr(t.out, minus), "'%s' not on the page:\n%s", minus, t.out);
    for (const char *p = t.out; (p = strchr(p, '-')) != NULL; p++)
        ck_assert_msg(p == t.out || p[-1] != ' ' || !(p[1] >= '0' && p[1] <= '9'),
                      "a hyphen as minus: %.20s", p);
    json_decref(j);

    const char *family[] = {"--price", "3500000", "--own-funds", "100000", "--bank-share", "85",
                            "--bank-rate", "5.5", "--start-rate", "4.64", "--adults", "2",
                            "--children-0-5", "1", "--income", "70000", "--income-item",
                            "child-benefit:1766", "--policy-rate", "4.5", "--date",
                            "2026-03-01", "--max-price", "--rate-shock", "3", NULL};
    run_pdf(&t, finance, family, "blocks.pdf", pdf, sizeof pdf);
    int pages = pdf_pages(pdf);
    for (int i = 1; i <= pages; i++) {
        pdf_text(&page, pdf, i, i);
        int heading = strstr(page.out, "Begge lån med stresset rente") != NULL;
        int surplus = has_result_line(page.out, "Overskudd");
        ck_assert_msg(heading == surplus, "page %d splits the stressed-rate block:\n%s", i,
                      page.out);
    }
}
END_TEST

/* In every language, no word on the capacity or financing page runs into
 * its neighbour (a label into its amount, a heading into a column). */
START_TEST(sheets_words_apart_in_every_language)
{
    static cli_result r;
    static const char *const langs[] = {"nb", "nn", "en"};
    const char *household[] = {"--adults", "2", "--children-0-5", "1", "--income-item",
                               "wages:52000", "--income-item", "child-benefit:3532",
                               "--common-costs", "2500", "--policy-rate", "4.5", "--max-loan",
                               "--rate-shock", "3", "--date", "2026-03-01", NULL};
    const char *family[] = {"--price", "3500000", "--own-funds", "100000", "--bank-share", "85",
                            "--bank-rate", "5.5", "--start-rate", "4.64", "--adults", "2",
                            "--income", "45000", "--policy-rate", "4.5", "--max-price",
                            "--rate-shock", "3", "--date", "2026-03-01", NULL};
    char pdf[128];
    snprintf(pdf, sizeof pdf, "%s/apart.pdf", dir);
    for (size_t i = 0; i < 3; i++) {
        const char *more[] = {"--lang", langs[i], "--format", "pdf", "--output", pdf, NULL};
        run(&r, capacity, household, more);
        ck_assert_msg(r.status == 0, "%s", r.err);
        pdf_assert_words_apart(pdf);
        run(&r, finance, family, more);
        ck_assert_msg(r.status == 0, "%s", r.err);
        pdf_assert_words_apart(pdf);
    }
}
END_TEST

START_TEST(finance_file_contract)
{
    assert_same_bytes(finance, purchase);
    const char *base[] = {"--price", "2000000", "--own-funds", "100000", "--bank-share", "50",
                          "--bank-rate", "5.5", "--start-rate", "4.64", NULL};
    const char *bad[] = {"--price", "2000000", "--own-funds", "3000000", "--bank-share", "50",
                         "--bank-rate", "5.5", "--start-rate", "4.64", NULL};
    assert_refused_cleanly(finance, base, bad);
}
END_TEST

/* ---- sl-rent-to-own ---- */

static const char *const rto[] = {
    "--price", "3000000", "--rent-months", "36", "--rent", "12000", "--cost-rent", "9000",
    "--credit-surplus", "--saving", "2000", "--grant", "100000", "--rate", "5", "--start",
    "2025-01-01", "--value-growth", "2", "--rate-shock", "2", NULL};

START_TEST(rent_to_own_timeline)
{
    static cli_result t;
    json_t *j = run_json(rent_to_own, rto);
    json_t *sum = json_object_get(j, "summary");
    char pdf[128];
    run_pdf(&t, rent_to_own, rto, "rto.pdf", pdf, sizeof pdf);
    /* page 1, then the years 2025..2058 with a total row on one page */
    ck_assert_int_eq(pdf_pages(pdf), 2);
    static const char *const keys[] = {"purchase_price", "document_tax", "registration_fees",
                                       "rent_credit", "savings", "loan_amount", "first_payment",
                                       "rent_before", "total_payable", "option_value",
                                       "equity_at_purchase", "equity_required"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_amount(t.out, sum, keys[i]);
    assert_amount(t.out, json_object_get(j, "rate_shock"), "first_payment");
    assert_amount(t.out, json_object_get(j, "lapse"), "household_keeps");
    const char *nb[] = {"Leie til eie", "1. Leie: 36 måneder", "2. Kjøpet, 01.01.2028",
                        "Kjøpet", "Leiekreditt", "Startlån som trengs", "Effektiv rente",
                        "Hva dere betaler hver måned", "Hva dere skylder og hva dere eier",
                        "År for år", "Side 2 av 2", NULL};
    assert_words(t.out, nb);
    const char *en[] = {"Purchase price", "Rent credit", "What you pay", "Page 1", NULL};
    assert_absent(t.out, en);
    /* the year lines add up to the timeline's rent and loan payments */
    sl_money rent = 0, loan = 0;
    json_t *rows = json_object_get(j, "timeline");
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        sl_money v = M(json_string_value(json_object_get(row, "housing_cost")));
        if (strcmp(json_string_value(json_object_get(row, "phase")), "rent") == 0)
            rent += v;
        else
            loan += v;
    }
    char want[64], plain[64];
    snprintf(plain, sizeof plain, "%lld.%02lld", (long long)(rent / 100), (long long)(rent % 100));
    norwegian_kr(want, sizeof want, plain);
    want[strlen(want) - 3] = '\0'; /* the table prints no unit */
    ck_assert_msg(strstr(t.out, want), "rent in all %s not in the total row", want);
    snprintf(plain, sizeof plain, "%lld.%02lld", (long long)(loan / 100), (long long)(loan % 100));
    norwegian_kr(want, sizeof want, plain);
    want[strlen(want) - 3] = '\0';
    ck_assert_msg(strstr(t.out, want), "loan paid in all %s not in the total row", want);
    /* both charts are drawn */
    char base[128], ppm[160];
    snprintf(base, sizeof base, "%s/rto", dir);
    pdf_render(pdf, 1, base);
    snprintf(ppm, sizeof ppm, "%s.ppm", base);
    double left = coloured_share(ppm, 110, 330, 280, 480);
    double right = coloured_share(ppm, 380, 330, 540, 480);
    ck_assert_msg(left > 0.2, "the payments chart %.2f coloured", left);
    ck_assert_msg(right > 0.01, "the equity chart %.2f coloured", right);
    json_decref(j);
}
END_TEST

START_TEST(part_own_timeline)
{
    static cli_result t;
    const char *po[] = {"--model", "part-own", "--price", "4000000", "--own-funds", "300000",
                        "--market-rent", "20000", "--share", "50", "--buy", "12:10", "--buy",
                        "24:10", "--rate", "5", "--start", "2025-01-01", NULL};
    json_t *j = run_json(rent_to_own, po);
    json_t *sum = json_object_get(j, "summary");
    char pdf[128];
    run_pdf(&t, rent_to_own, po, "part.pdf", pdf, sizeof pdf);
    assert_amount(t.out, sum, "purchase_price");
    assert_amount(t.out, sum, "loan_amount");
    assert_amount(t.out, sum, "housing_cost_first_month");
    json_t *rows = json_object_get(j, "timeline");
    int bought = 0;
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        if (M(json_string_value(json_object_get(row, "bought"))) > 0) {
            assert_amount(t.out, row, "bought");
            bought++;
        }
    }
    ck_assert_int_eq(bought, 2);
    const char *nb[] = {"Deleie", "Den første andelen", "Andeler kjøpt senere", "År for år",
                        "Eid", NULL};
    assert_words(t.out, nb);
    json_decref(j);
}
END_TEST

/* --format svg|png: the two charts as one picture; each line is drawn in its
 * colour (payments orange, the loan blue, equity green). */
START_TEST(rent_to_own_charts)
{
    static cli_result r;
    char svg[128], png[128];
    snprintf(svg, sizeof svg, "%s/rto.svg", dir);
    snprintf(png, sizeof png, "%s/rto.png", dir);
    const char *s[] = {"--format", "svg", "--output", svg, NULL};
    run(&r, rent_to_own, rto, s);
    ck_assert_msg(r.status == 0 && r.out[0] == '\0', "%s", r.err);
    const char *p[] = {"--format", "png", "--output", png, NULL};
    run(&r, rent_to_own, rto, p);
    ck_assert_msg(r.status == 0 && r.out[0] == '\0', "%s", r.err);
    size_t n;
    char *text = read_file(svg, &n);
    ck_assert_msg(strstr(text, "<svg") && strstr(text, "</svg>"), "not an SVG");
    static const char *const lines[] = {
        "stroke:rgb(85.098039%,50.980392%,16.862745%)", /* DOC_ORANGE: the payments */
        "stroke:rgb(12.156863%,37.254902%,60%)",        /* DOC_BLUE: the loan */
        "stroke:rgb(18.039216%,49.019608%,30.980392%)", /* DOC_GREEN: equity */
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        ck_assert_msg(strstr(text, lines[i]), "no line %s in the SVG", lines[i]);
    /* shown 560 px wide on sl-web's page: labels at least 11.5 px (digits 0.73 of that) */
    ck_assert_msg(strstr(text, "viewBox=\"0 0 560 600\""), "another size");
    double least = svg_smallest_text(text);
    ck_assert_msg(least >= 0.73 * 11.5 && least < 100, "smallest text %.2f px high", least);
    free(text);
    text = read_file(png, &n);
    ck_assert(n > 1000 && memcmp(text, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(text);
}
END_TEST

/* Nynorsk: the timeline's own words, not Bokmål. */
START_TEST(rent_to_own_nynorsk)
{
    static cli_result r, t;
    char pdf[128];
    snprintf(pdf, sizeof pdf, "%s/rto-nn.pdf", dir);
    const char *more[] = {"--lang", "nn", "--format", "pdf", "--output", pdf, NULL};
    run(&r, rent_to_own, rto, more);
    ck_assert_msg(r.status == 0, "%s", r.err);
    pdf_text(&t, pdf, 1, pdf_pages(pdf));
    const char *nn[] = {"Leige til eige", "1. Leige: 36 månader", "Kva de betaler kvar månad",
                        "Slik er det rekna", "Side 2 av 2", NULL};
    assert_words(t.out, nn);
}
END_TEST

/* No two words of a timeline touch, in any language or model (the year
 * table's headings are the longest in nynorsk). */
START_TEST(timelines_words_apart_in_every_language)
{
    static cli_result r;
    static const char *const langs[] = {"nb", "nn", "en"};
    const char *before[] = {"--model", "rent-before-own", "--price", "3000000", "--rent-months",
                            "24", "--rent", "12000", "--rate", "5", "--start", "2025-01-01",
                            NULL};
    const char *part[] = {"--model", "part-own", "--price", "4000000", "--own-funds", "300000",
                          "--market-rent", "20000", "--share", "50", "--buy", "12:10", "--rate",
                          "5", "--start", "2025-01-01", NULL};
    const char *const *models[] = {rto, before, part};
    char pdf[128];
    snprintf(pdf, sizeof pdf, "%s/rto-apart.pdf", dir);
    for (size_t i = 0; i < 3; i++)
        for (size_t m = 0; m < 3; m++) {
            const char *more[] = {"--lang", langs[i], "--format", "pdf", "--output", pdf, NULL};
            run(&r, rent_to_own, models[m], more);
            ck_assert_msg(r.status == 0, "%s %zu: %s", langs[i], m, r.err);
            pdf_assert_words_apart(pdf);
        }
}
END_TEST

START_TEST(rent_to_own_file_contract)
{
    assert_same_bytes(rent_to_own, rto);
    const char *bad[] = {"--price", "3000000", "--rent-months", "36", "--rent", "x", "--rate",
                         "5", NULL};
    assert_refused_cleanly(rent_to_own, rto, bad);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 7) {
        fprintf(stderr,
                "usage: %s sl-capacity sl-finance sl-rent-to-own pdftotext pdfinfo pdftoppm\n",
                argv[0]);
        return 2;
    }
    capacity = argv[1];
    finance = argv[2];
    rent_to_own = argv[3];
    pdftotext = argv[4];
    pdfinfo = argv[5];
    pdftoppm = argv[6];
    setenv("SL_TODAY", "2026-12-01", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    unsetenv("LANGUAGE");
    pdf_folder_make(dir, sizeof dir, "sl-sheets");
    Suite *s = suite_create("cli-doc-sheets");
    TCase *tc = tcase_create("sheets");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, capacity_page_is_the_budget);
    tcase_add_test(tc, capacity_shortfall_and_max_loan);
    tcase_add_test(tc, capacity_file_contract);
    tcase_add_test(tc, finance_page_is_kilder_og_bruk);
    tcase_add_test(tc, finance_file_contract);
    tcase_add_test(tc, rent_to_own_timeline);
    tcase_add_test(tc, timelines_words_apart_in_every_language);
    tcase_add_test(tc, part_own_timeline);
    tcase_add_test(tc, rent_to_own_file_contract);
    tcase_add_test(tc, rent_to_own_charts);
    tcase_add_test(tc, rent_to_own_nynorsk);
    tcase_add_test(tc, finance_minus_and_blocks_kept_together);
    tcase_add_test(tc, sheets_words_apart_in_every_language);
    suite_add_tcase(s, tc);
    int rc = run_suite(s);
    pdf_folder_remove(dir);
    return rc;
}
