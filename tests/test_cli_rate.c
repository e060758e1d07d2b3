/* sl-rate's contract: only the number on stdout, exit 2 naming the option for
 * bad input. */
#include "cli_run.h"

static char *prog;

#define RUN(r, input, ...)                                   \
    do {                                                     \
        char *argv_[] = {prog, __VA_ARGS__, NULL};           \
        cli_run((r), argv_, (input));                        \
    } while (0)

START_TEST(husbanken_monthly_quarterly_half_yearly)
{
    static cli_result r;
    RUN(&r, NULL, "--effective", "4.290", "--terms-per-year", "12");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "4.208\n");
    ck_assert_str_eq(r.err, "");
    RUN(&r, NULL, "--effective", "4,290 %", "--terms-per-year", "4");
    ck_assert_str_eq(r.out, "4.223\n");
    RUN(&r, NULL, "--effective", "4.290", "--terms-per-year", "2");
    ck_assert_str_eq(r.out, "4.245\n");
}
END_TEST

START_TEST(nominal_to_effective)
{
    static cli_result r;
    RUN(&r, NULL, "--nominal", "5.25", "--terms-per-year", "4", "--decimals", "5");
    ck_assert_int_eq(r.status, 0);
    ck_assert_str_eq(r.out, "5.35427\n");
    RUN(&r, NULL, "--nominal", "4.640");
    ck_assert_str_eq(r.out, "4.740\n"); /* default monthly, 3 decimals */
    RUN(&r, NULL, "--nominal", "2.5", "--terms-per-year", "2", "--decimals", "5", "--rounding",
        "half-even");
    ck_assert_str_eq(r.out, "2.51562\n");
}
END_TEST

static void bad(const char *option, char *const argv[])
{
    static cli_result r;
    cli_run(&r, argv, NULL);
    exec_expect_usage_error(r.status, r.out, r.err, option);
}

START_TEST(bad_input_exits_2_naming_the_option)
{
    bad("--effective", (char *[]){prog, "--effective", "abc", NULL});
    bad("--effective", (char *[]){prog, "--effective", "-100", NULL});
    bad("--nominal", (char *[]){prog, "--nominal", "4.2.1", NULL});
    bad("--terms-per-year", (char *[]){prog, "--effective", "4", "--terms-per-year", "0", NULL});
    bad("--decimals", (char *[]){prog, "--effective", "4", "--decimals", "13", NULL});
    bad("--rounding", (char *[]){prog, "--effective", "4", "--rounding", "sideways", NULL});
    bad("--effective", (char *[]){prog, NULL});
    bad("--nominal", (char *[]){prog, "--effective", "4", "--nominal", "4", NULL});
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH-TO-sl-rate\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    Suite *s = suite_create("cli-sl-rate");
    TCase *tc = tcase_create("contract");
    tcase_add_test(tc, husbanken_monthly_quarterly_half_yearly);
    tcase_add_test(tc, nominal_to_effective);
    tcase_add_test(tc, bad_input_exits_2_naming_the_option);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
