/* Exported tables: the column headers of plans and books as Norwegian loan
 * systems and spreadsheets write them, totals-row labels, DD.MM.YYYY dates. */
#include "testutil.h"

static sl_audit_field plan_field(const char *header)
{
    sl_audit_field f = SL_AUDIT_FIELD_ROW;
    sl_error err;
    ck_assert_msg(sl_audit_field_parse(&f, header, &err) == SL_OK, "'%s': %s", header,
                  err.message);
    ck_assert_int_eq(err.code, SL_OK);
    return f;
}

static sl_book_field book_field(const char *header)
{
    sl_book_field f = SL_BOOK_FIELD_COUNT;
    sl_error err;
    ck_assert_msg(sl_book_field_parse(&f, header, &err) == SL_OK, "'%s': %s", header,
                  err.message);
    return f;
}

START_TEST(plan_headers_of_norwegian_exports)
{
    /* the header line of a bank's plan export and of sl-plan's own CSV */
    ck_assert_int_eq(plan_field("Termin"), SL_AUDIT_FIELD_TERM);
    ck_assert_int_eq(plan_field("Forfallsdato"), SL_AUDIT_FIELD_DUE_DATE);
    ck_assert_int_eq(plan_field("Restgjeld før"), SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_int_eq(plan_field("RESTGJELD FØR"), SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_int_eq(plan_field("Inngående saldo"), SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_int_eq(plan_field("Renter"), SL_AUDIT_FIELD_INTEREST);
    ck_assert_int_eq(plan_field("Avdrag"), SL_AUDIT_FIELD_PRINCIPAL);
    ck_assert_int_eq(plan_field("Gebyr"), SL_AUDIT_FIELD_FEE);
    ck_assert_int_eq(plan_field("Terminbeløp"), SL_AUDIT_FIELD_PAYMENT);
    ck_assert_int_eq(plan_field("Å betale"), SL_AUDIT_FIELD_PAYMENT);
    ck_assert_int_eq(plan_field("Restgjeld"), SL_AUDIT_FIELD_CLOSING_BALANCE);
    ck_assert_int_eq(plan_field("Utgående restgjeld"), SL_AUDIT_FIELD_CLOSING_BALANCE);
    ck_assert_int_eq(plan_field("opening_balance"), SL_AUDIT_FIELD_OPENING_BALANCE);
    ck_assert_int_eq(plan_field("Due date"), SL_AUDIT_FIELD_DUE_DATE);
    ck_assert_int_eq(plan_field("closing-balance"), SL_AUDIT_FIELD_CLOSING_BALANCE);
}
END_TEST

START_TEST(plan_field_names_read_back)
{
    for (int f = SL_AUDIT_FIELD_TERM; f < SL_AUDIT_FIELD_ROW; f++)
        ck_assert_int_eq(plan_field(sl_audit_field_name((sl_audit_field)f)), f);
}
END_TEST

START_TEST(unknown_plan_header_named)
{
    sl_audit_field f = SL_AUDIT_FIELD_FEE;
    sl_error err;
    ck_assert_int_eq(sl_audit_field_parse(&f, "Rentesats", &err), SL_ESYNTAX);
    ck_assert_int_eq(f, SL_AUDIT_FIELD_FEE); /* untouched */
    ck_assert_int_eq(err.code, SL_ESYNTAX);
    ck_assert_str_eq(err.field, "header");
    ck_assert_str_eq(err.value, "Rentesats");
    ck_assert_ptr_nonnull(strstr(err.message, "'Rentesats'"));
    /* a whole row is a difference's field, not a column */
    ck_assert_int_eq(sl_audit_field_parse(&f, "row", NULL), SL_ESYNTAX);
    ck_assert_int_eq(sl_audit_field_parse(&f, "", NULL), SL_ESYNTAX);
    ck_assert_int_eq(sl_audit_field_parse(NULL, "Renter", &err), SL_ENULL);
    ck_assert_int_eq(sl_audit_field_parse(&f, NULL, &err), SL_ENULL);
    ck_assert_str_eq(err.field, "header");
    /* a header longer than any name is refused, not cut to a known one */
    char longer[1000];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    memcpy(longer, "renter", 6);
    ck_assert_int_eq(sl_audit_field_parse(&f, longer, &err), SL_ESYNTAX);
    ck_assert_uint_lt(strlen(err.value), sizeof err.value);
}
END_TEST

START_TEST(book_headers_of_norwegian_exports)
{
    ck_assert_int_eq(book_field("Lånebeløp"), SL_BOOK_AMOUNT);
    ck_assert_int_eq(book_field("Rente"), SL_BOOK_RATE);
    ck_assert_int_eq(book_field("Antall terminer"), SL_BOOK_TERMS);
    ck_assert_int_eq(book_field("Terminer per år"), SL_BOOK_TERMS_PER_YEAR);
    ck_assert_int_eq(book_field("Lånetype"), SL_BOOK_TYPE);
    ck_assert_int_eq(book_field("Utbetalingsdato"), SL_BOOK_PAYOUT_DATE);
    ck_assert_int_eq(book_field("Termingebyr"), SL_BOOK_TERM_FEE);
    ck_assert_int_eq(book_field("Etableringsgebyr"), SL_BOOK_ESTABLISHMENT_FEE);
    ck_assert_int_eq(book_field("Påslag"), SL_BOOK_MARGIN);
    ck_assert_int_eq(book_field("Første forfall"), SL_BOOK_FIRST_DUE_DATE);
    ck_assert_int_eq(book_field("Fastrente"), SL_BOOK_FIXED_RATE);
    ck_assert_int_eq(book_field("Fastrente år"), SL_BOOK_FIXED_YEARS);
    ck_assert_int_eq(book_field("Avdragsfrihet"), SL_BOOK_INTEREST_ONLY);
    ck_assert_int_eq(book_field("LÅNTAKER"), SL_BOOK_BORROWER);
    ck_assert_int_eq(book_field("Avrunding til"), SL_BOOK_ROUND_TO);
    ck_assert_int_eq(book_field("Avrundingsmåte"), SL_BOOK_ROUNDING);
    ck_assert_int_eq(book_field("Forlenger løpetid"), SL_BOOK_INTEREST_ONLY_MOVES_END);
    ck_assert_int_eq(book_field("Markedsrente"), SL_BOOK_MARKET_RATE);
    ck_assert_int_eq(book_field("Særlige tilfeller"), SL_BOOK_SPECIAL_CASE);
    ck_assert_int_eq(book_field("Løpetid (år)"), SL_BOOK_YEARS);
    ck_assert_int_eq(book_field("Gebyr finansiert"), SL_BOOK_ESTABLISHMENT_FEE_FINANCED);
    for (int f = 0; f < SL_BOOK_FIELD_COUNT; f++)
        ck_assert_int_eq(book_field(sl_book_field_name((sl_book_field)f)), f);
    sl_book_field f = SL_BOOK_TYPE;
    sl_error err;
    ck_assert_int_eq(sl_book_field_parse(&f, "Lånenr", &err), SL_ESYNTAX); /* the caller's id */
    ck_assert_int_eq(f, SL_BOOK_TYPE);
    ck_assert_str_eq(err.field, "header");
    ck_assert_str_eq(err.value, "Lånenr");
    ck_assert_int_eq(sl_book_field_parse(NULL, "rate", &err), SL_ENULL);
}
END_TEST

START_TEST(headers_fold)
{
    char buf[SL_TABLE_HEADER_MAX];
    ck_assert_int_eq(sl_table_header_fold(buf, sizeof buf, "Restgjeld før"), 12);
    ck_assert_str_eq(buf, "restgjeldfor");
    ck_assert_int_eq(sl_table_header_fold(buf, sizeof buf, "ÆRE Å-Ø/x.y_z\t\xC2\xA0"), 9);
    ck_assert_str_eq(buf, "aereaoxyz");
    /* other bytes are kept as they are, a lone lead byte too */
    ck_assert_int_eq(sl_table_header_fold(buf, sizeof buf, "Beløp é\xC3"), 8);
    ck_assert_str_eq(buf, "belop\xC3\xA9\xC3");
    /* too small: SL_ERANGE, a terminated prefix of whole characters */
    ck_assert_int_eq(sl_table_header_fold(buf, 4, "Renter"), SL_ERANGE);
    ck_assert_str_eq(buf, "ren");
    ck_assert_int_eq(sl_table_header_fold(buf, 2, "Æ"), SL_ERANGE);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(sl_table_header_fold(buf, 0, "x"), SL_ERANGE);
    ck_assert_int_eq(sl_table_header_fold(NULL, 4, "x"), SL_ENULL);
    ck_assert_int_eq(sl_table_header_fold(buf, 4, NULL), SL_ENULL);
}
END_TEST

/* Folding is idempotent and never writes past the buffer, for random text
 * over the bytes the rule treats specially. */
START_TEST(fold_random_text)
{
    test_rng g = {test_seed("table")};
    static const char *const parts[] = {"A", "z", " ", "_", "-", ".", "/", "\t", "\xC3\xB8",
                                        "\xC3\x98", "\xC3\xA6", "\xC3\x85", "\xC2\xA0", "\xC3",
                                        "1", "\xE2\x82\xAC"};
    for (int i = 0; i < 20000; i++) {
        char text[200] = "", once[64], twice[64];
        int n = (int)rng_range(&g, 0, 40);
        for (int k = 0; k < n; k++)
            strcat(text, parts[rng_range(&g, 0, sizeof parts / sizeof parts[0] - 1)]);
        size_t size = (size_t)rng_range(&g, 1, sizeof once);
        memset(once, 'X', sizeof once);
        int rc = sl_table_header_fold(once, size, text);
        REQUIRE(rc == SL_ERANGE || (rc >= 0 && (size_t)rc < size), "case %d", i);
        REQUIRE(memchr(once, '\0', size) != NULL, "case %d", i);
        for (size_t k = size; k < sizeof once; k++)
            REQUIRE(once[k] == 'X', "case %d: wrote past %zu", i, size);
        if (rc >= 0) {
            REQUIRE(strlen(once) == (size_t)rc, "case %d", i);
            REQUIRE(sl_table_header_fold(twice, sizeof twice, once) == rc, "case %d", i);
            REQUIRE(strcmp(once, twice) == 0, "case %d", i);
        }
    }
}
END_TEST

START_TEST(totals_labels)
{
    const char *yes[] = {"Sum", "SUM", "sum", "Totalt", "Total", "Totals", "I alt", "i_alt",
                         "Sum total"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        ck_assert_msg(sl_table_totals_label(yes[i]) == 1, "%s", yes[i]);
    const char *no[] = {"", "1", "120", "Summer", "Sum 2", "Totalbeløp", "Renter", " Sum",
                        "S", "Sumtotaltotaltotalt"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(sl_table_totals_label(no[i]) == 0, "%s", no[i]);
    ck_assert_int_eq(sl_table_totals_label(NULL), 0);
}
END_TEST

/* DD.MM.YYYY written and read back for every kind of date, seeded. */
START_TEST(norwegian_dates_round_trip)
{
    char buf[SL_DATE_BUFSIZE];
    sl_date d = {2021, 3, 7}, back;
    ck_assert_int_eq(sl_date_format_norwegian(buf, sizeof buf, d), 10);
    ck_assert_str_eq(buf, "07.03.2021");
    test_rng g = {test_seed("table dates")};
    for (int i = 0; i < 20000; i++) {
        sl_date r = {(int)rng_range(&g, 1900, 9999), (int)rng_range(&g, 1, 12), 1};
        r.day = (int)rng_range(&g, 1, sl_date_days_in_month(r.year, r.month));
        REQUIRE(sl_date_format_norwegian(buf, sizeof buf, r) == 10, "case %d", i);
        REQUIRE(sl_date_parse_norwegian(&back, buf, "due_date", NULL) == SL_OK, "%s", buf);
        REQUIRE(sl_date_compare(back, r) == 0, "%s", buf);
    }
    sl_date bad = {2025, 2, 29};
    ck_assert_int_eq(sl_date_format_norwegian(buf, sizeof buf, bad), SL_EINVAL);
    ck_assert_int_eq(sl_date_format_norwegian(buf, SL_DATE_BUFSIZE - 1, d), SL_ERANGE);
    ck_assert_int_eq(sl_date_format_norwegian(NULL, sizeof buf, d), SL_ENULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("columns");
    tcase_add_test(tc, plan_headers_of_norwegian_exports);
    tcase_add_test(tc, plan_field_names_read_back);
    tcase_add_test(tc, unknown_plan_header_named);
    tcase_add_test(tc, book_headers_of_norwegian_exports);
    tcase_add_test(tc, headers_fold);
    tcase_add_test(tc, fold_random_text);
    suite_add_tcase(s, tc);
    TCase *tt = tcase_create("cells");
    tcase_add_test(tt, totals_labels);
    tcase_add_test(tt, norwegian_dates_round_trip);
    suite_add_tcase(s, tt);
    return run_suite(s);
}
