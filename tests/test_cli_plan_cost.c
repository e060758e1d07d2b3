/* sl-plan's cost figures: the JSON totals carry the effective rate (a string
 * with two decimals), the total cost of credit and the total payable; the
 * table shows them with the representative-example sentence. */
#include <jansson.h>

#include "cli_run.h"

static char *prog;

static const char *const example[] = {"--amount", "2000000", "--rate", "4.640", "--years", "25",
                                      "--term-fee", "30", "--establishment-fee", "600"};

static void run_example(cli_result *r, const char *format)
{
    char *argv[16];
    int n = 0;
    argv[n++] = prog;
    for (size_t i = 0; i < sizeof example / sizeof example[0]; i++)
        argv[n++] = (char *)example[i];
    argv[n++] = "--format";
    argv[n++] = (char *)format;
    argv[n] = NULL;
    cli_run(r, argv, NULL);
    ck_assert_int_eq(r->status, 0);
}

START_TEST(json_totals)
{
    static cli_result r;
    run_example(&r, "json");
    json_error_t jerr;
    json_t *root = json_loads(r.out, 0, &jerr);
    ck_assert_msg(root != NULL, "not JSON: %s", jerr.text);
    json_t *tot = json_object_get(root, "totals");
    ck_assert_str_eq(json_string_value(json_object_get(tot, "effective_rate")), "4.77");
    /* total cost = interest + all fees; total payable = principal + total cost */
    const char *interest = json_string_value(json_object_get(tot, "interest"));
    ck_assert_str_eq(interest, "1382853.48");
    ck_assert_str_eq(json_string_value(json_object_get(tot, "total_cost")), "1392453.48");
    ck_assert_str_eq(json_string_value(json_object_get(tot, "total_payable")), "3392453.48");
    json_decref(root);
}
END_TEST

START_TEST(table_summary)
{
    static cli_result r;
    run_example(&r, "table");
    ck_assert_msg(strstr(r.out, "Effective rate (eff. rente)") && strstr(r.out, "4,77 %"), "%s",
                  r.out);
    ck_assert_ptr_nonnull(strstr(r.out, "Total cost of credit"));
    ck_assert_ptr_nonnull(strstr(r.out, "Total payable"));
    ck_assert_ptr_nonnull(strstr(r.out, "Effective rate 4,77 %, 2 000 000 kr over 25 years. Cost: "
                                        "1 392 453 kr. Total: 3 392 453 kr."));
    ck_assert_ptr_nonnull(strstr(r.out, "level at signing"));
}
END_TEST

/* In Norwegian the sentence is the library's, as the marketing rules word it
 * (sl_plan_cost_sentence); in English the same figures in English words,
 * with no Norwegian word left (a 303-term loan: years and months). */
START_TEST(sentence_in_the_output_language)
{
    static cli_result r;
    char *nb[] = {prog, "--amount", "2000000", "--rate", "4.640", "--years", "25",
                  "--term-fee", "30", "--establishment-fee", "600", "--lang", "nb", NULL};
    cli_run(&r, nb, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "Eff. rente 4,77 %, 2 000 000 kr o/25 år. Kostnad: "
                                "1 392 453 kr. Totalt: 3 392 453 kr."), "%s", r.out);
    char *en[] = {prog, "--amount", "1000000", "--rate", "5", "--terms", "303", "--lang", "en",
                  NULL};
    cli_run(&r, en, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "Effective rate 5,12 %, 1 000 000 kr over 25 years and 3 months. "
                                "Cost: 762 502 kr. Total: 1 762 502"), "%s", r.out);
    ck_assert_msg(!strstr(r.out, " o/") && !strstr(r.out, "Kostnad") && !strstr(r.out, " mnd"),
                  "%s", r.out);
}
END_TEST

/* An establishment fee as large as the loan leaves nothing drawn: no rate. */
START_TEST(json_without_rate)
{
    static cli_result r;
    char *argv[] = {prog, "--amount", "600", "--rate", "5", "--terms", "12",
                    "--establishment-fee", "600", "--format", "json", NULL};
    cli_run(&r, argv, NULL);
    ck_assert_int_eq(r.status, 0);
    json_t *root = json_loads(r.out, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert(json_is_null(json_object_get(json_object_get(root, "totals"), "effective_rate")));
    json_decref(root);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-plan\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli-sl-plan-cost");
    TCase *tc = tcase_create("cost");
    tcase_add_test(tc, json_totals);
    tcase_add_test(tc, table_summary);
    tcase_add_test(tc, sentence_in_the_output_language);
    tcase_add_test(tc, json_without_rate);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
