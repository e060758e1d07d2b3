/* sl-plan's printable documents, read back as a person would see them:
 * pdftotext for the figures on page 1 (they must equal the engine's, as
 * sl-plan --format json gives them), pdfinfo for the page count, pdftoppm
 * for the charts (the plot areas must be drawn). And the file contract:
 * deterministic bytes, an unwritable --output refused with exit 2 and no
 * file left behind.
 * argv: sl-plan pdftotext pdfinfo pdftoppm */
#include <jansson.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_pdf.h"

static char *prog;
static char dir[64];

static const char *const example[] = {"--amount", "2000000", "--rate", "4.640", "--years", "25",
                                      "--term-fee", "30", "--establishment-fee", "600"};

/* sl-plan with the example's contract (when with_example), then extra args. */
static void run_plan(cli_result *r, int with_example, const char *const *extra)
{
    char *argv[64];
    int n = 0;
    argv[n++] = prog;
    if (with_example)
        for (size_t i = 0; i < sizeof example / sizeof example[0]; i++)
            argv[n++] = (char *)example[i];
    for (; *extra; extra++)
        argv[n++] = (char *)*extra;
    argv[n] = NULL;
    cli_run(r, argv, NULL);
}

static void path_in_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

static void make_pdf(const char *pdf, const char *const *extra)
{
    static cli_result r;
    const char *args[32] = {"--format", "pdf", "--output", pdf};
    int n = 4;
    for (; *extra; extra++)
        args[n++] = *extra;
    args[n] = NULL;
    run_plan(&r, 1, args);
    ck_assert_msg(r.status == 0, "sl-plan failed: %s", r.err);
    ck_assert_msg(r.out[0] == '\0', "stdout not empty: %s", r.out);
}

START_TEST(page_one_figures_are_the_engines)
{
    static cli_result r, t;
    const char *json_args[] = {"--format", "json", NULL};
    run_plan(&r, 1, json_args);
    ck_assert_int_eq(r.status, 0);
    json_error_t jerr;
    json_t *root = json_loads(r.out, 0, &jerr);
    ck_assert_ptr_nonnull(root);
    json_t *tot = json_object_get(root, "totals");
    json_t *first = json_array_get(json_object_get(root, "schedule"), 0);

    char pdf[128];
    path_in_dir(pdf, sizeof pdf, "plan.pdf");
    const char *none[] = {NULL};
    make_pdf(pdf, none);
    pdf_text(&t, pdf, 1, 1);

    char want[64];
    /* the published first payment of the built-in example, and the engine's */
    ck_assert_msg(strstr(t.out, "11 306,17 kr"), "%s", t.out);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(first, "payment")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 1", want);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(tot, "total_cost")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 1", want);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(tot, "total_payable")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 1", want);
    norwegian_kr(want, sizeof want, "2000000");
    ck_assert_msg(strstr(t.out, want), "%s not on page 1", want);
    /* the effective rate: the JSON's "4.77" with a decimal comma */
    char rate[16];
    snprintf(rate, sizeof rate, "%s %%", json_string_value(json_object_get(tot, "effective_rate")));
    *strchr(rate, '.') = ',';
    ck_assert_str_eq(rate, "4,77 %");
    ck_assert_msg(strstr(t.out, rate), "%s not on page 1", rate);
    ck_assert_ptr_nonnull(strstr(t.out, "4,640 %"));
    ck_assert_ptr_nonnull(strstr(t.out, "Effective rate 4,77 %, 2 000 000 kr over 25 years. Cost: "
                                       "1 392 453 kr. Total: 3 392 453 kr."));
    ck_assert_ptr_nonnull(strstr(t.out, "Page 1 of 8"));
    ck_assert_ptr_nonnull(strstr(t.out, "Made 2026-12-01"));
    json_decref(root);
}
END_TEST

/* Pages: 1, the summary (44 years a page, with its total row), the plan (56
 * terms a page); every term printed once, in order, the last with 0,00. */
static void check_pages(const char *const *contract, int terms, int want_pages)
{
    static cli_result r, t;
    char pdf[128];
    path_in_dir(pdf, sizeof pdf, "pages.pdf");
    const char *args[32] = {"--format", "pdf", "--output", pdf};
    int n = 4;
    for (; *contract; contract++)
        args[n++] = *contract;
    args[n] = NULL;
    run_plan(&r, 0, args);
    ck_assert_msg(r.status == 0, "%s", r.err);
    int pages = pdf_pages(pdf);
    ck_assert_int_eq(pages, want_pages);
    int plan_pages = (terms + 55) / 56;
    pdf_text(&t, pdf, pages - plan_pages + 1, pages);
    int next = 1;
    for (char *line = strtok(t.out, "\n"); line; line = strtok(NULL, "\n")) {
        int term, used;
        if (sscanf(line, " %d%n", &term, &used) != 1 || strchr(line, ',') == NULL)
            continue; /* headers, page numbers */
        ck_assert_int_eq(term, next);
        next++;
        if (term == terms)
            ck_assert_msg(strstr(line, " 0,00 "), "last term does not end at 0: %s", line);
    }
    ck_assert_int_eq(next - 1, terms);
}

START_TEST(page_count_follows_the_plan)
{
    const char *y25[] = {"--amount", "2000000", "--rate", "4.64", "--years", "25", NULL};
    check_pages(y25, 300, 1 + 1 + 6);
    const char *y50[] = {"--amount", "3000000", "--rate", "5.1", "--years", "50",
                         "--special-case", NULL};
    check_pages(y50, 600, 1 + 2 + 11);
    const char *q10[] = {"--amount", "500000", "--rate", "3", "--years", "10",
                         "--terms-per-year", "4", NULL};
    check_pages(q10, 40, 1 + 1 + 1);
    const char *one[] = {"--amount", "1000", "--rate", "3", "--terms", "1", NULL};
    check_pages(one, 1, 3);
}
END_TEST

START_TEST(charts_are_drawn)
{
    char pdf[128], base[128], ppm[160];
    path_in_dir(pdf, sizeof pdf, "charts.pdf");
    path_in_dir(base, sizeof base, "page1");
    const char *none[] = {NULL};
    make_pdf(pdf, none);
    pdf_render(pdf, 1, base); /* 72 dpi: one pixel a point */
    snprintf(ppm, sizeof ppm, "%s.ppm", base);
    /* Inside the two plot areas (balance left, yearly bars right; A4 is
     * 595 × 842 points): the balance curve's shaded area and the bars fill
     * a good part; an empty plot has only white and grey grid lines. */
    double balance = coloured_share(ppm, 110, 380, 270, 560);
    double years = coloured_share(ppm, 380, 380, 540, 560);
    ck_assert_msg(balance > 0.3, "balance chart %.2f coloured", balance);
    ck_assert_msg(years > 0.3, "yearly chart %.2f coloured", years);
    /* the text band above them (the key figures' panel) is not a chart */
    double title = coloured_share(ppm, 48, 60, 300, 100);
    ck_assert_msg(title < 0.05, "title band %.2f coloured", title);
}
END_TEST

/* --lang nb: the document in bokmål, with the same figures. */
START_TEST(norwegian_text)
{
    static cli_result t;
    char pdf[128];
    path_in_dir(pdf, sizeof pdf, "nb.pdf");
    const char *nb[] = {"--lang", "nb", "--payout-date", "2026-01-15", NULL};
    make_pdf(pdf, nb);
    pdf_text(&t, pdf, 1, 1);
    const char *want[] = {"Nedbetalingsplan for startlån", "Side 1 av 8", "Du betaler hver måned",
                          "11 306,17 kr", "Effektiv rente", "4,77 %", "Lånebeløp",
                          "Samlet kredittkostnad", "1 392 453,48 kr", "Totalt å betale",
                          "3 392 453,48 kr", "Restgjeld år for år", "Laget 01.12.2026",
                          "Representativt eksempel", "Avtale og forutsetninger"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(t.out, want[i]), "'%s' not on page 1:\n%s", want[i], t.out);
    ck_assert_msg(!strstr(t.out, "Payment plan") && !strstr(t.out, "Page 1"), "English left");
    pdf_text(&t, pdf, 2, 3);
    ck_assert_ptr_nonnull(strstr(t.out, "År for år"));
    ck_assert_ptr_nonnull(strstr(t.out, "Hele nedbetalingsplanen"));
    ck_assert_ptr_nonnull(strstr(t.out, "15.02.2026")); /* the first due date, Norwegian */
}
END_TEST

/* In every language, no word on any page of the plan (with its rate-shock
 * page) or of the SEF runs into its neighbour: a label and its value, a
 * column heading and the next (nynorsk's longer headings overlapped). */
START_TEST(words_apart_in_every_language)
{
    static const char *const langs[] = {"nb", "nn", "en"};
    char pdf[128];
    for (size_t i = 0; i < 3; i++) {
        path_in_dir(pdf, sizeof pdf, "apart.pdf");
        const char *plan[] = {"--lang", langs[i], "--payout-date", "2026-01-15", "--rate-shock",
                              "3", NULL};
        make_pdf(pdf, plan);
        pdf_assert_words_apart(pdf);
        const char *sef[] = {"--lang", langs[i], "--format", "sef-pdf", "--lender",
                             "Drammen kommune", "--lender-contact", "Postboks 7500, 3008 Drammen",
                             NULL};
        make_pdf(pdf, sef);
        pdf_assert_words_apart(pdf);
    }
}
END_TEST

START_TEST(same_inputs_same_bytes)
{
    char a[128], b[128];
    path_in_dir(a, sizeof a, "a.pdf");
    path_in_dir(b, sizeof b, "b.pdf");
    const char *none[] = {NULL};
    make_pdf(a, none);
    make_pdf(b, none);
    size_t la, lb;
    char *da = read_file(a, &la), *db = read_file(b, &lb);
    ck_assert_uint_gt(la, 1000);
    ck_assert_msg(la == lb && memcmp(da, db, la) == 0, "two runs differ");
    ck_assert_ptr_nonnull(memmem(da, la, "/CreationDate (20261201000000", 28)); /* SL_TODAY */
    free(da);
    free(db);
}
END_TEST

static void assert_nothing_written(const char *name)
{
    pdf_nothing_written(dir, name);
}

START_TEST(bad_output_exit_2_nothing_left)
{
    static cli_result r;
    /* a folder that does not exist */
    const char *missing[] = {"--format", "pdf", "--output", "/nonexistent-dir/plan.pdf", NULL};
    run_plan(&r, 1, missing);
    exec_expect_usage_error(r.status, r.out, r.err, "--output '/nonexistent-dir/plan.pdf'");
    ck_assert_int_eq(count_lines(r.err), 1);
    /* a folder */
    const char *folder[] = {"--format", "pdf", "--output", dir, NULL};
    run_plan(&r, 1, folder);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    ck_assert_int_eq(count_lines(r.err), 1);
    /* bad input after a good --output: no file, no temporary file */
    char pdf[128];
    path_in_dir(pdf, sizeof pdf, "bad.pdf");
    const char *bad_rate[] = {"--amount", "100000", "--rate", "x", "--years", "5", "--format",
                              "pdf", "--output", pdf, NULL};
    run_plan(&r, 0, bad_rate);
    exec_expect_usage_error(r.status, r.out, r.err, "--rate");
    const char *bad_life[] = {"--amount", "100000", "--rate", "3", "--years", "5",
                              "--extra", "2020-01-01:5000", "--format", "pdf", "--output", pdf,
                              NULL};
    run_plan(&r, 0, bad_life);
    ck_assert_int_eq(r.status, 2);
    assert_nothing_written("bad.pdf");
    /* the document formats need --output; the text formats refuse it */
    const char *no_output[] = {"--format", "pdf", NULL};
    run_plan(&r, 1, no_output);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    const char *text_output[] = {"--format", "csv", "--output", pdf, NULL};
    run_plan(&r, 1, text_output);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    const char *unknown[] = {"--format", "docx", "--output", pdf, NULL};
    run_plan(&r, 1, unknown);
    exec_expect_usage_error(r.status, r.out, r.err, "--format 'docx'");
    ck_assert_ptr_nonnull(strstr(r.err, "pdf"));
    assert_nothing_written("bad.pdf");
}
END_TEST

START_TEST(charts_as_svg_and_png)
{
    static cli_result r;
    char svg[128], png[128];
    path_in_dir(svg, sizeof svg, "charts.svg");
    path_in_dir(png, sizeof png, "charts.png");
    const char *s[] = {"--format", "svg", "--output", svg, NULL};
    run_plan(&r, 1, s);
    ck_assert_msg(r.status == 0, "%s", r.err);
    const char *p[] = {"--format", "png", "--output", png, NULL};
    run_plan(&r, 1, p);
    ck_assert_msg(r.status == 0, "%s", r.err);
    size_t n;
    char *text = read_file(svg, &n);
    ck_assert_msg(strstr(text, "<svg") && strstr(text, "</svg>"), "not an SVG");
    /* sl-web shows the picture 560 px wide: its axis labels at least 11.5 px
     * (digits 0.73 of that), not the PDF's 7 */
    ck_assert_msg(strstr(text, "viewBox=\"0 0 560 600\""), "another size");
    double least = svg_smallest_text(text);
    ck_assert_msg(least >= 0.73 * 11.5 && least < 100, "smallest text %.2f px high", least);
    free(text);
    text = read_file(png, &n);
    ck_assert(n > 1000 && memcmp(text, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(text);
}
END_TEST

START_TEST(rate_shock_side_by_side)
{
    static cli_result r, t;
    const char *json_args[] = {"--format", "json", "--rate-shock", "3", NULL};
    run_plan(&r, 1, json_args);
    ck_assert_int_eq(r.status, 0);
    json_t *root = json_loads(r.out, 0, NULL);
    json_t *shock = json_object_get(root, "rate_shock");
    char pdf[128], want[64];
    path_in_dir(pdf, sizeof pdf, "shock.pdf");
    const char *extra[] = {"--rate-shock", "3", NULL};
    make_pdf(pdf, extra);
    ck_assert_int_eq(pdf_pages(pdf), 1 + 1 + 1 + 6);
    pdf_text(&t, pdf, 2, 2);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(shock, "first_payment")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 2:\n%s", want, t.out);
    json_t *base = json_object_get(shock, "base");
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(base, "first_payment")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 2", want);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(shock, "paid")));
    ck_assert_msg(strstr(t.out, want), "%s not on page 2", want);
    ck_assert_ptr_nonnull(strstr(t.out, "7,640 %"));
    /* Page 2 drawn at 72 dpi: both charts carry their plans, the balances
     * under the figures and each year's payments side by side in the lower
     * third (it was left empty). */
    char base_png[160], ppm[192];
    snprintf(base_png, sizeof base_png, "%s/shock2", dir);
    pdf_render(pdf, 2, base_png);
    snprintf(ppm, sizeof ppm, "%s.ppm", base_png);
    double balances = coloured_share(ppm, 100, 330, 540, 480);
    double years = coloured_share(ppm, 100, 600, 540, 750);
    ck_assert_msg(balances > 0.3, "balance chart %.2f coloured", balances);
    ck_assert_msg(years > 0.3, "yearly payments %.2f coloured", years);
    json_decref(root);
}
END_TEST

/* The SEF carries sl-plan's figures: the effective rate, the total cost and
 * payable, the first payment; its repayment table adds up (first year term
 * by term with a subtotal, then years, then the total = the plan's totals). */
START_TEST(sef_figures_are_sl_plans)
{
    static cli_result r, j, t;
    const char *plan_json[] = {"--format", "json", NULL};
    run_plan(&r, 1, plan_json);
    ck_assert_int_eq(r.status, 0);
    json_t *plan = json_loads(r.out, 0, NULL);
    json_t *tot = json_object_get(plan, "totals");
    const char *sef_json[] = {"--format", "sef-json", "--lender", "Drammen kommune", NULL};
    run_plan(&j, 1, sef_json);
    ck_assert_msg(j.status == 0, "%s", j.err);
    json_t *sef_root = json_loads(j.out, 0, NULL);
    json_t *sef = json_object_get(sef_root, "sef");
    ck_assert_ptr_nonnull(sef);
    json_t *costs = json_object_get(sef, "costs"), *rates = json_object_get(sef, "rates");
#define SAME(a, b) ck_assert_str_eq(json_string_value(a), json_string_value(b))
    SAME(json_object_get(rates, "effective_rate"), json_object_get(tot, "effective_rate"));
    SAME(json_object_get(costs, "total_cost"), json_object_get(tot, "total_cost"));
    SAME(json_object_get(costs, "total_payable"), json_object_get(tot, "total_payable"));
    SAME(json_object_get(costs, "interest"), json_object_get(tot, "interest"));
    json_t *rows = json_object_get(plan, "schedule");
    SAME(json_object_get(json_object_get(sef, "instalments"), "first_payment"),
         json_object_get(json_array_get(rows, 0), "payment"));
    /* the table: 12 terms equal to the plan's rows, their subtotal, 24 years, the total */
    json_t *table = json_object_get(sef, "repayment_table");
    json_t *first = json_object_get(table, "first_year"), *years = json_object_get(table, "years");
    ck_assert_uint_eq(json_array_size(first), 12);
    ck_assert_uint_eq(json_array_size(years), 24);
    static const char *const cols[] = {"payment", "interest", "fee", "principal"};
    for (int c = 0; c < 4; c++) {
        sl_money sub = 0, all = 0;
        for (size_t i = 0; i < 12; i++) {
            json_t *a = json_object_get(json_array_get(first, i), cols[c]);
            SAME(a, json_object_get(json_array_get(rows, i), cols[c]));
            sub += M(json_string_value(a));
        }
        ck_assert_int_eq(M(json_string_value(json_object_get(
                             json_object_get(table, "first_year_subtotal"), cols[c]))), sub);
        all = sub;
        for (size_t i = 0; i < json_array_size(years); i++)
            all += M(json_string_value(json_object_get(json_array_get(years, i), cols[c])));
        ck_assert_int_eq(M(json_string_value(json_object_get(json_object_get(table, "total"),
                                                             cols[c]))), all);
    }
    ck_assert_int_eq(M(json_string_value(json_object_get(json_object_get(table, "total"),
                                                         "principal"))), M("2000000"));
    ck_assert_int_eq(M(json_string_value(json_object_get(json_object_get(table, "total"), "fee"))),
                     M(json_string_value(json_object_get(tot, "term_fees"))));
    /* the rise: 3 points by default, the same as sl-plan --rate-shock 3 */
    const char *shock_json[] = {"--format", "json", "--rate-shock", "3", NULL};
    run_plan(&r, 1, shock_json);
    json_t *shock_root = json_loads(r.out, 0, NULL);
    json_t *shock = json_object_get(shock_root, "rate_shock");
    json_t *rise = json_object_get(sef, "rate_rise");
    SAME(json_object_get(rise, "effective_rate"), json_object_get(shock, "effective_rate"));
    SAME(json_object_get(rise, "first_payment"), json_object_get(shock, "first_payment"));
    ck_assert_str_eq(json_string_value(json_object_get(rise, "effective_rate")), "7.94");

    /* the PDF says the same */
    char pdf[128], want[64];
    path_in_dir(pdf, sizeof pdf, "sef.pdf");
    const char *sef_pdf[] = {"--format", "sef-pdf", "--lender", "Drammen kommune", NULL};
    make_pdf(pdf, sef_pdf);
    ck_assert_int_eq(pdf_pages(pdf), 3);
    pdf_text(&t, pdf, 1, 3);
    ck_assert_ptr_nonnull(strstr(t.out, "Drammen kommune"));
    ck_assert_ptr_nonnull(strstr(t.out, "4,77 %"));
    ck_assert_ptr_nonnull(strstr(t.out, "7,94 %"));
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(tot, "total_cost")));
    ck_assert_msg(strstr(t.out, want), "%s not in the SEF", want);
    norwegian_kr(want, sizeof want, json_string_value(json_object_get(tot, "total_payable")));
    ck_assert_msg(strstr(t.out, want), "%s not in the SEF", want);
    ck_assert_ptr_nonnull(strstr(t.out, "11 306,17 kr"));
    ck_assert_ptr_nonnull(strstr(t.out, "135 674,04")); /* the first year's subtotal */
    ck_assert_ptr_nonnull(strstr(t.out, "3 391 853,48")); /* the instalments in all */
    json_decref(plan);
    json_decref(sef_root);
    json_decref(shock_root);
#undef SAME
}
END_TEST

START_TEST(sef_needs_a_lender)
{
    static cli_result r;
    const char *none[] = {"--format", "sef-json", NULL};
    run_plan(&r, 1, none);
    exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    const char *empty[] = {"--format", "sef-json", "--lender", "", NULL};
    run_plan(&r, 1, empty);
    exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    const char *ctrl[] = {"--format", "sef-json", "--lender", "a\nb", NULL};
    run_plan(&r, 1, ctrl);
    exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    const char *bad[] = {"--format", "sef-json", "--lender", "\xff\xfe", NULL};
    run_plan(&r, 1, bad);
    exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    const char *stray[] = {"--format", "json", "--lender", "X", NULL};
    run_plan(&r, 1, stray);
    exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    const char *no_out[] = {"--format", "sef-pdf", "--lender", "X", NULL};
    run_plan(&r, 1, no_out);
    exec_expect_usage_error(r.status, r.out, r.err, "--output");
    /* no effective rate (a fee as large as the loan): refused, not a sheet without one */
    const char *no_rate[] = {"--amount", "1000", "--rate", "3", "--years", "1",
                             "--establishment-fee", "1000", "--format", "sef-json",
                             "--lender", "X", NULL};
    run_plan(&r, 0, no_rate);
    exec_expect_usage_error(r.status, r.out, r.err, "effective rate");
}
END_TEST

/* The drawing is a module loaded only for a document: a program without it
 * still answers in text and JSON, and a document then fails with exit 1 and
 * one line that names the module (no file left behind). */
START_TEST(document_module_only_for_documents)
{
    static cli_result r;
    char alone[128], pdf[128];
    path_in_dir(alone, sizeof alone, "sl-plan-alone");
    FILE *in = fopen(prog, "rb"), *out = fopen(alone, "wb");
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    ck_assert_int_eq(fclose(out), 0);
    ck_assert_int_eq(chmod(alone, 0755), 0);
    char *saved = prog;
    prog = alone;
    const char *json[] = {"--format", "json", NULL};
    run_plan(&r, 1, json);
    ck_assert_msg(r.status == 0, "JSON without the module: %s", r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "\"schedule\""));
    path_in_dir(pdf, sizeof pdf, "alone.pdf");
    const char *doc[] = {"--format", "pdf", "--output", pdf, NULL};
    run_plan(&r, 1, doc);
    prog = saved;
    ck_assert_int_eq(r.status, 1);
    ck_assert_str_eq(r.out, "");
    ck_assert_int_eq(count_lines(r.err), 1);
    ck_assert_msg(strstr(r.err, "document module"), "%s", r.err);
    assert_nothing_written("alone.pdf");
    unlink(alone);
}
END_TEST

/* --lender is UTF-8 text as RFC 3629 defines it. */
START_TEST(text_options_are_utf8)
{
    static cli_result r;
    const char *const bad[] = {"\xc0\xaf", "\xed\xa0\x80", "a\xe2\x82", "\xf4\x90\x80\x80",
                               "\xe0\x80\xaf", "\xf0\x80\x80\xaf"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *args[] = {"--format", "sef-json", "--lender", bad[i], NULL};
        run_plan(&r, 1, args);
        exec_expect_usage_error(r.status, r.out, r.err, "--lender");
    }
    const char *good[] = {"--format", "sef-json", "--lender", "Bærum kommune – Øst \xf0\x9f\x8f\xa0",
                          NULL};
    run_plan(&r, 1, good);
    ck_assert_msg(r.status == 0, "%s", r.err);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s sl-plan pdftotext pdfinfo pdftoppm\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    pdftotext = argv[2];
    pdfinfo = argv[3];
    pdftoppm = argv[4];
    setenv("SL_TODAY", "2026-12-01", 1);
    setenv("LC_ALL", "C.UTF-8", 1); /* English unless a test asks for --lang */
    unsetenv("LANGUAGE");
    pdf_folder_make(dir, sizeof dir, "sl-documents");
    Suite *s = suite_create("cli-documents");
    TCase *tc = tcase_create("plan");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, page_one_figures_are_the_engines);
    tcase_add_test(tc, page_count_follows_the_plan);
    tcase_add_test(tc, charts_are_drawn);
    tcase_add_test(tc, norwegian_text);
    tcase_add_test(tc, same_inputs_same_bytes);
    tcase_add_test(tc, bad_output_exit_2_nothing_left);
    tcase_add_test(tc, charts_as_svg_and_png);
    tcase_add_test(tc, rate_shock_side_by_side);
    tcase_add_test(tc, words_apart_in_every_language);
    tcase_add_test(tc, sef_figures_are_sl_plans);
    tcase_add_test(tc, sef_needs_a_lender);
    tcase_add_test(tc, document_module_only_for_documents);
    tcase_add_test(tc, text_options_are_utf8);
    suite_add_tcase(s, tc);
    int rc = run_suite(s);
    pdf_folder_remove(dir);
    return rc;
}
