/* Amounts as exports write them (sl_money_parse_export): every unambiguous Norwegian/English form is
 * read exactly; anything that could mean two amounts, or more than two
 * decimals, is refused (never rounded). */
#include "testutil.h"

START_TEST(forms_people_export)
{
    static const struct {
        const char *text;
        sl_money ore;
    } ok[] = {
        {"1469.33", 146933},          {"1469,33", 146933},        {"1 469,33", 146933},
        {"kr 1 469,33", 146933},      {"1 469,33 kr", 146933},    {"Kr. 1469,33", 146933},
        {"NOK 1469.33", 146933},      {"1.469,33", 146933},       {"380.000,00", 38000000},
        {"1,469.33", 146933},         {"-1 469,33", -146933},     {"(1 469,33)", -146933},
        {"(kr 1 469,33)", -146933},   {"kr -1 469,33", -146933},  {"1\xC2\xA0""469,33", 146933},
        {"1\xE2\x80\xAF""469,33", 146933}, {"\xE2\x88\x92""5,00", -500}, {"1.000.000", 100000000},
        {"1,000,000", 100000000},     {"1 000 000", 100000000},   {"0,5", 50},
        {" 12 ", 1200},               {"1469,3", 146930},         {"2 000 000.50", 200000050},
        {"+7", 700},                  {"0", 0},
        /* whole kroner as prices are written: ",-" (or ",–") */
        {"3 800 000,-", 380000000},   {"kr 3 800 000,-", 380000000}, {"1 469,-", 146900},
        {"1469,-", 146900},           {"1.469,-", 146900},        {"3.800.000,-", 380000000},
        {"kr. 1 469,-", 146900},      {"1 469,- kr", 146900},     {"NOK 1 469,-", 146900},
        {"1 469,\xE2\x80\x93", 146900}, {"-1 469,-", -146900},     {"(1 469,-)", -146900},
        {"0,-", 0},                   {"1\xC2\xA0""469,-", 146900}, {" 12,- ", 1200},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        sl_money m = -1;
        sl_error err;
        ck_assert_msg(sl_money_parse_export(&m, ok[i].text, "Renter", &err) == SL_OK,
                      "'%s' refused: %s", ok[i].text, err.message);
        ck_assert_msg(m == ok[i].ore, "'%s' read as %lld", ok[i].text, (long long)m);
    }
}
END_TEST

START_TEST(ambiguous_or_wrong_forms_are_refused)
{
    static const struct {
        const char *text, *why;
    } bad[] = {
        {"1.469", "ambiguous"},        {"1,469", "ambiguous"},      {"380.000", "ambiguous"},
        {"1 469,333", "more than two decimals"}, {"1469.333", "more than two decimals"},
        {"0,125", "more than two decimals"},     {"1.469.33", "groups of three"},
        {"1,46,933", "groups of three"},         {"14 69,33", "groups of three"},
        {"1.000,000.00", "both"},     {"1.000,000,00", "both"},
        {"12.34.56,00", "groups of three"},      {"", "no amount"},
        {"kr", "unexpected"},          {"1469..33", "between digits"}, {",33", "between digits"},
        {"12,", "between digits"},    {"1 469,33 EUR", "unexpected"}, {"(-5)", "parentheses"},
        {"(5", "unexpected"},         {"5 %", "unexpected"},
        {"99999999999999999999", "too large"},
        /* ",-" says whole kroner: no decimals before it, no comma grouping */
        {"1 469,50,-", "ambiguous"},  {"1,469,-", "ambiguous"},   {"3,800,000,-", "ambiguous"},
        {",-", "no amount"},          {"kr ,-", "no amount"},     {"1 469,--", "between digits"},
        {"1 469,-,-", "between digits"},  {"1 469 ,-", "between digits"}, {"1 469.-", "between digits"},
        {"14 69,-", "groups of three"}, {"1 469,- EUR", "between digits"}, {"-,-", "no amount"},
        {"99999999999999999,-", "too large"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sl_money m;
        sl_error err;
        ck_assert_msg(sl_money_parse_export(&m, bad[i].text, "Renter", &err) < 0,
                      "'%s' accepted", bad[i].text);
        ck_assert_msg(strstr(err.message, bad[i].why) != NULL, "'%s': %s", bad[i].text,
                      err.message);
        /* the field and the text as given are named */
        ck_assert_str_eq(err.field, "Renter");
        ck_assert_str_eq(err.value, bad[i].text);
        char head[96];
        snprintf(head, sizeof head, "Renter '%s': ", bad[i].text);
        ck_assert_msg(strncmp(err.message, head, strlen(head)) == 0, "%s", err.message);
    }
}
END_TEST

/* Random amounts written in every style read back exactly. */
START_TEST(random_amounts_round_trip)
{
    test_rng g = {test_seed("table_amount")};
    for (int i = 0; i < 20000; i++) {
        sl_money v = rng_range(&g, -100000000000LL, 100000000000LL);
        int style = (int)rng_range(&g, 0, 3);
        char digits[32], text[96];
        sl_money a = v < 0 ? -v : v;
        snprintf(digits, sizeof digits, "%lld", (long long)(a / 100));
        size_t n = strlen(digits), k = 0;
        char grouped[64];
        char sep = style == 0 ? ' ' : style == 1 ? '.' : style == 2 ? ',' : 0;
        for (size_t j = 0; j < n; j++) {
            if (sep && j && (n - j) % 3 == 0)
                grouped[k++] = sep;
            grouped[k++] = digits[j];
        }
        grouped[k] = '\0';
        char mark = style == 2 ? '.' : ',';
        if (style == 3)
            snprintf(text, sizeof text, "(kr %s%c%02lld)", grouped, mark, (long long)(a % 100));
        else
            snprintf(text, sizeof text, "%s%s%c%02lld kr", v < 0 ? "-" : "", grouped, mark,
                     (long long)(a % 100));
        sl_money m;
        sl_error err;
        ck_assert_msg(sl_money_parse_export(&m, text, NULL, &err) == SL_OK, "'%s': %s", text,
                      err.message);
        ck_assert_msg(m == (style == 3 ? -a : v), "'%s' read as %lld", text, (long long)m);
    }
}
END_TEST

START_TEST(null_arguments)
{
    sl_money m = 7;
    sl_error err;
    ck_assert_int_eq(sl_money_parse_export(NULL, "1", NULL, &err), SL_ENULL);
    ck_assert_int_eq(sl_money_parse_export(&m, NULL, "fee", &err), SL_ENULL);
    ck_assert_str_eq(err.field, "fee");
    ck_assert_int_eq(sl_money_parse_export(&m, "1.469", NULL, &err), SL_ESYNTAX);
    ck_assert_int_eq(m, 7); /* untouched */
    ck_assert_str_eq(err.field, "amount");
    ck_assert_int_eq(sl_money_parse_export(&m, "99999999999999999999", NULL, &err), SL_ERANGE);
    /* a long cell is shortened in the message, which keeps its reason */
    char cell[400];
    memset(cell, 'x', sizeof cell - 1);
    cell[sizeof cell - 1] = '\0';
    memcpy(cell, "kr 1 469,33 ", 12);
    cell[44] = '\xC3', cell[45] = '\xB8'; /* an ø across the cut: left out whole */
    ck_assert_int_eq(sl_money_parse_export(&m, cell, NULL, &err), SL_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.message, "xx...': unexpected characters"));
    ck_assert_int_eq(sl_money_parse_export(&m, "1 469,33", NULL, &err), SL_OK);
    ck_assert_int_eq(err.code, SL_OK); /* reset on entry */
    ck_assert_str_eq(err.message, "");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("table_amount");
    TCase *tc = tcase_create("amounts");
    tcase_add_test(tc, forms_people_export);
    tcase_add_test(tc, ambiguous_or_wrong_forms_are_refused);
    tcase_add_test(tc, random_amounts_round_trip);
    tcase_add_test(tc, null_arguments);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
