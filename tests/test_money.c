/* Money: amounts are read as people type them and refused when ambiguous. */
#include "testutil.h"

START_TEST(parses_typed_amounts)
{
    static const struct {
        const char *text;
        sl_money ore;
    } cases[] = {
        {"2000000", 200000000},
        {"2000000.50", 200000050},
        {"2000000,5", 200000050},
        {"2 000 000,50", 200000050},
        {"2\xC2\xA0" "000\xC2\xA0" "000,50", 200000050}, /* no-break spaces */
        {"2\xE2\x80\xAF" "000", 200000},                  /* narrow no-break space */
        {"  1 500 kr ", 150000},
        {"0", 0},
        {"0,01", 1},
        {"-12.30", -1230},
        {"+7", 700},
        {"92233720368547758.07", INT64_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_money v = -1;
        sl_error err;
        ck_assert_msg(sl_money_parse(&v, cases[i].text, NULL, &err) == SL_OK, "'%s': %s",
                      cases[i].text, err.message);
        ck_assert_int_eq(v, cases[i].ore);
    }
}
END_TEST

START_TEST(refuses_what_it_cannot_read_exactly)
{
    static const struct {
        const char *text;
        int code;
    } cases[] = {
        {"", SL_ESYNTAX},
        {"abc", SL_ESYNTAX},
        {"12.345", SL_ESYNTAX},       /* more than two decimals: never rounded silently */
        {"1,000,000", SL_ESYNTAX},    /* two decimal marks */
        {"1.000,50", SL_ESYNTAX},     /* two decimal marks */
        {"2 00 000", SL_ESYNTAX},     /* a group of two digits */
        {"2000 000", SL_ESYNTAX},     /* a first group of four digits */
        {"12.", SL_ESYNTAX},
        {"12,5x", SL_ESYNTAX},
        {"--5", SL_ESYNTAX},
        {"92233720368547758.08", SL_ERANGE},
        {"99999999999999999999999", SL_ERANGE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_money v = 42;
        sl_error err;
        int rc = sl_money_parse(&v, cases[i].text, "--amount", &err);
        ck_assert_msg(rc == cases[i].code, "'%s' gave %d", cases[i].text, rc);
        ck_assert_int_eq(v, 42); /* untouched */
        ck_assert_str_eq(err.field, "--amount");
        ck_assert_str_eq(err.value, cases[i].text);
        ck_assert_ptr_nonnull(strstr(err.message, "--amount"));
    }
}
END_TEST

START_TEST(formats_plain_and_norwegian)
{
    char buf[SL_MONEY_BUFSIZE];
    ck_assert_int_eq(sl_money_format(buf, sizeof buf, 200000050, SL_MONEY_PLAIN), 10);
    ck_assert_str_eq(buf, "2000000.50");
    sl_money_format(buf, sizeof buf, 200000050, SL_MONEY_NORWEGIAN);
    ck_assert_str_eq(buf, "2 000 000,50");
    sl_money_format(buf, sizeof buf, -5, SL_MONEY_PLAIN);
    ck_assert_str_eq(buf, "-0.05");
    sl_money_format(buf, sizeof buf, 99900, SL_MONEY_NORWEGIAN);
    ck_assert_str_eq(buf, "999,00");
    sl_money_format(buf, sizeof buf, INT64_MIN, SL_MONEY_NORWEGIAN);
    ck_assert_str_eq(buf, "-92 233 720 368 547 758,08");
    ck_assert_int_eq(sl_money_format(buf, 4, 12345, SL_MONEY_PLAIN), SL_ERANGE);
    ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(format_then_parse_is_identity)
{
    test_rng g = {test_seed("money round trip")};
    for (int i = 0; i < 20000; i++) {
        sl_money v = (sl_money)rng_next(&g) >> (rng_next(&g) % 63), back = 0;
        if (rng_next(&g) & 1)
            v = -v;
        char buf[SL_MONEY_BUFSIZE];
        for (int style = 0; style < 2; style++) {
            sl_money_format(buf, sizeof buf, v, (sl_money_style)style);
            REQUIRE(sl_money_parse(&back, buf, NULL, NULL) == SL_OK && back == v, "'%s'", buf);
        }
    }
}
END_TEST

START_TEST(checked_arithmetic_never_wraps)
{
    sl_money r = 7;
    ck_assert_int_eq(sl_money_add(&r, INT64_MAX, 1), SL_ERANGE);
    ck_assert_int_eq(r, 7);
    ck_assert_int_eq(sl_money_sub(&r, INT64_MIN, 1), SL_ERANGE);
    ck_assert_int_eq(sl_money_mul(&r, INT64_MAX / 2, 3), SL_ERANGE);
    ck_assert_int_eq(sl_money_add(&r, 150, 250), SL_OK);
    ck_assert_int_eq(r, 400);
}
END_TEST

START_TEST(rounds_to_whole_kroner)
{
    sl_rounding krone = {SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP};
    sl_money r;
    int dir;
    ck_assert_int_eq(sl_money_round(&r, &dir, 1887123, krone), SL_OK); /* 18 871,23 */
    ck_assert_int_eq(r, 1887100);
    ck_assert_int_eq(dir, -1);
    ck_assert_int_eq(sl_money_round(&r, &dir, 790794, krone), SL_OK); /* 7 907,94 */
    ck_assert_int_eq(r, 790800);
    ck_assert_int_eq(dir, 1);
    ck_assert_int_eq(sl_money_round(&r, &dir, 500, krone), SL_OK);
    ck_assert_int_eq(dir, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("money");
    tcase_add_test(tc, parses_typed_amounts);
    tcase_add_test(tc, refuses_what_it_cannot_read_exactly);
    tcase_add_test(tc, formats_plain_and_norwegian);
    tcase_add_test(tc, format_then_parse_is_identity);
    tcase_add_test(tc, checked_arithmetic_never_wraps);
    tcase_add_test(tc, rounds_to_whole_kroner);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
