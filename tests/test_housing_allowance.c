/* Housing allowance (bostøtte) estimate: Husbanken's published weighting
 * example, the own share by the published rule text worked by hand, the
 * ceiling by household size and kommune group, and the rule-file parser. */
#include "testutil.h"

static char *slurp(const char *name)
{
    char path[1024];
    FILE *f = fopen(data_path(path, sizeof path, name), "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return buf;
}

static sl_housing_allowance_rules example_rules(void)
{
    sl_housing_allowance_rules r;
    sl_error err;
    ck_assert_msg(sl_housing_allowance_rules_parse(&r, slurp("bostotte-rules-example.txt"),
                                                   &err) == SL_OK,
                  "%s", err.message);
    return r;
}

static sl_housing_allowance_input household(int persons, const char *gross, const char *costs)
{
    sl_housing_allowance_input in = SL_HOUSING_ALLOWANCE_INPUT_INIT;
    in.date = (sl_date){2024, 3, 1};
    in.persons = persons;
    in.gross_income_yearly = M(gross);
    in.housing_costs_yearly = M(costs);
    return in;
}

/* Husbanken, "Veileder i regelverk for bostøtte" 2.4.1 (forskrift om
 * bustøtte § 7): "En husstand på tre personer med en samlet inntekt på
 * 300 000 kroner får lagt til grunn en inntekt på 238 095 kroner"
 * (300 000 : 1,26, to the nearest krone). */
START_TEST(published_weighting_example)
{
    sl_housing_allowance_rules r = example_rules();
    sl_housing_allowance_input in = household(3, "300000", "0");
    sl_housing_allowance a;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.weighted_income, M("238095"));
    /* One person: the income itself; two: / 1.13 (226 000 → 200 000). */
    in = household(1, "300000", "0");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.weighted_income, M("300000"));
    in = household(2, "226000", "0");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.weighted_income, M("200000"));
}
END_TEST

/* The own share by the rule text of § 4 (guide 2.3.4): minimum 22 487;
 * 16.44 % of the weighted income above 110 866; above 195 220 a progressive
 * 0.27 % of the whole weighted income at 195 221, 0.27 points more for each
 * 1 205 kr above it.
 *   100 000:                         22 487
 *   150 000: 22 487 + 0.1644·39 134 = 28 920.6296 → 28 920.63
 *   195 221: 22 487 + 0.1644·84 355 + 0.0027·195 221
 *          = 22 487 + 13 867.962 + 527.0967 = 36 882.0587 → 36 882.06
 *   238 095 (the 3 persons of 300 000): 42 874 above 195 221 is 35 full
 *          steps, so 36 · 0.27 % = 9.72 %:
 *          22 487 + 0.1644·127 229 + 0.0972·238 095
 *          = 22 487 + 20 916.4476 + 23 142.834 = 66 546.2816 → 66 546.28 */
START_TEST(own_share_by_the_rule)
{
    sl_housing_allowance_rules r = example_rules();
    static const struct {
        const char *weighted, *own;
    } cases[] = {{"100000", "22487"},
                 {"110866", "22487"},
                 {"150000", "28920.63"},
                 {"195221", "36882.06"}};
    sl_housing_allowance a;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_housing_allowance_input in = household(1, cases[i].weighted, "0");
        ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
        ck_assert_msg(a.own_share == M(cases[i].own), "%s: own share %lld", cases[i].weighted,
                      (long long)a.own_share);
    }
    sl_housing_allowance_input in = household(3, "300000", "0");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.own_share, M("66546.28"));
}
END_TEST

/* A family of three in the rest of the country (group 4), gross 300 000,
 * housing costs 150 000 a year: the ceiling for three, 108 263, is
 * approved; basis 108 263 − 66 546.2816 = 41 716.7184;
 * 73.7 % / 12 = 2 562.10… → 2 562 kr a month. In Oslo (group 1) the
 * ceiling is 108 263 + 24 900 = 133 163: basis 66 616.7184 → 4 091.37…
 * → 4 091 kr. An owner of a house without common costs adds 13 582 to the
 * costs before the ceiling. */
START_TEST(estimate_steps)
{
    sl_housing_allowance_rules r = example_rules();
    sl_housing_allowance_input in = household(3, "300000", "150000");
    sl_housing_allowance a;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.ceiling, M("108263"));
    ck_assert_int_eq(a.approved, M("108263"));
    ck_assert_int_eq(a.basis, M("41716.72"));
    ck_assert_int_eq(a.monthly, M("2562"));
    in.kommune_group = 1;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.ceiling, M("133163"));
    ck_assert_int_eq(a.monthly, M("4091"));
    in = household(3, "300000", "60000");
    in.owner_without_common_costs = 1;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.costs, M("73582"));
    ck_assert_int_eq(a.approved, M("73582"));
    /* 73 582 − 66 546.2816 = 7 035.7184; · 0.737 / 12 = 432.11 → 432 */
    ck_assert_int_eq(a.monthly, M("432"));
    /* Six persons use the ceiling for five or more. */
    in = household(6, "300000", "500000");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.ceiling, M("129983"));
}
END_TEST

/* Nothing below the own share; a positive amount under the minimum payout
 * of 56 kr is not paid. */
START_TEST(no_allowance_and_minimum_payout)
{
    sl_housing_allowance_rules r = example_rules();
    sl_housing_allowance_input in = household(1, "100000", "20000");
    sl_housing_allowance a;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.basis, 0);
    ck_assert_int_eq(a.monthly, 0);
    ck_assert_int_eq(a.below_minimum, 0);
    /* costs 23 487: basis 1 000, 1 000 · 0.737 / 12 = 61.41 → 61 (paid);
     * costs 23 300: basis 813 → 49.93 → 49, under 56: 0. */
    in = household(1, "100000", "23487");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.monthly, M("61"));
    in = household(1, "100000", "23300");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
    ck_assert_int_eq(a.monthly, 0);
    ck_assert_int_eq(a.below_minimum, 1);
}
END_TEST

/* Bad input names the field; dates outside the rules' period are refused,
 * never extrapolated. */
START_TEST(bad_input)
{
    sl_housing_allowance_rules r = example_rules();
    sl_housing_allowance a;
    sl_error err;
    sl_housing_allowance_input in = household(3, "300000", "150000");
    in.kommune_group = 5;
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "kommune_group");
    in = household(0, "300000", "150000");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "persons");
    in = household(3, "-1", "150000");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "gross_income_yearly");
    in = household(3, "300000", "150000");
    in.date = (sl_date){2021, 12, 31};
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "date");
    r.valid_until = (sl_date){2023, 1, 1};
    in.date = (sl_date){2023, 1, 1};
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "date");
    ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, NULL, &err), SL_ENULL);
    ck_assert_int_eq(sl_housing_allowance_estimate(NULL, &in, &r, &err), SL_ENULL);

    sl_housing_allowance_rules p;
    ck_assert_int_eq(sl_housing_allowance_rules_parse(&p, "payout-rate 73.7\n", &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "valid-from");
    ck_assert_int_eq(sl_housing_allowance_rules_parse(&p, "# c\ncolour blue\n", &err),
                     SL_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(sl_housing_allowance_rules_parse(&p, "ceiling-1 -5\n", &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "ceiling-1");
    ck_assert_int_eq(
        sl_housing_allowance_rules_parse(&p, "valid-from 2022-01-01\nvalid-from 2023-01-01\n",
                                         &err),
        SL_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
}
END_TEST

/* The example rule file saved with each kind of line end (a CR alone from
 * Excel for Mac or TextEdit, CRLF from Windows), and by Notepad with a
 * UTF-8 byte-order mark (it was an unknown key), gives the same estimate
 * for every household, and a bad line is named by the same number. */
START_TEST(every_line_end_reads_the_same)
{
    static const char *const ends[] = {"\r", "\r\n", "\n"};
    sl_housing_allowance_rules lf = example_rules();
    for (size_t i = 0; i < 2 * sizeof ends / sizeof ends[0]; i++) {
        char *plain = with_line_ends(slurp("bostotte-rules-example.txt"), ends[i % 3]);
        char *text = malloc(strlen(plain) + 4);
        ck_assert_ptr_nonnull(text);
        strcpy(text, i >= 3 ? "\xef\xbb\xbf" : "");
        strcat(text, plain);
        free(plain);
        sl_housing_allowance_rules r;
        sl_error err;
        ck_assert_msg(sl_housing_allowance_rules_parse(&r, text, &err) == SL_OK,
                      "line end %zu: %s", i, err.message);
        free(text);
        for (int persons = 1; persons <= 6; persons++)
            for (int group = 1; group <= 4; group++) {
                sl_housing_allowance_input in = household(persons, "300000", "150000");
                in.kommune_group = group;
                sl_housing_allowance a, b;
                ck_assert_int_eq(sl_housing_allowance_estimate(&a, &in, &r, NULL), SL_OK);
                ck_assert_int_eq(sl_housing_allowance_estimate(&b, &in, &lf, NULL), SL_OK);
                ck_assert(a.weighted_income == b.weighted_income &&
                          a.own_share == b.own_share && a.costs == b.costs &&
                          a.ceiling == b.ceiling && a.approved == b.approved &&
                          a.basis == b.basis && a.monthly == b.monthly);
            }
        text = with_line_ends("# rules\n\nvalid-from 2022-01-01\ncolour blue\n", ends[i % 3]);
        ck_assert_int_eq(sl_housing_allowance_rules_parse(&r, text, &err), SL_ESYNTAX);
        ck_assert_int_eq(err.line, 4);
        free(text);
    }
}
END_TEST

static Suite *housing_allowance_suite(void)
{
    Suite *s = suite_create("housing_allowance");
    TCase *tc = tcase_create("estimate");
    tcase_add_test(tc, published_weighting_example);
    tcase_add_test(tc, own_share_by_the_rule);
    tcase_add_test(tc, estimate_steps);
    tcase_add_test(tc, no_allowance_and_minimum_payout);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, every_line_end_reads_the_same);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(housing_allowance_suite());
}
