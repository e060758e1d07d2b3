/* Rent by husleieloven: the KPI adjustment from a dated index (worked by
 * hand), by a yearly rate, a falling index, the deposit's 6-month limit,
 * the index file's syntax, and seeded random paths. */
#include "testutil.h"

#include "startlan/rent_index.h"

static sl_index_series *series(const char *text)
{
    sl_index_series *s = NULL;
    sl_error err;
    int rc = sl_index_series_parse(&s, text, "test", &err);
    ck_assert_msg(rc == SL_OK, "%s", err.message);
    return s;
}

/* 10 000 from January 2025, lag 2: the base is November 2024 (100), the
 * first adjustment (January 2026) uses November 2025 (103.5): 10 350.00; the
 * second (January 2027) November 2026 (101.2, a fall):
 * 10 350 × 101.2 / 103.5 = 10 120.00. */
static const char kpi_text[] = "# KPI, made up for the test\n"
                               "2024-11 100\r\n"
                               "2025-10 103.1   # a comment\n"
                               "2025-11 103,5\n"
                               "\n"
                               "2026-11 101.2\n";

START_TEST(kpi_worked)
{
    sl_index_series *s = series(kpi_text);
    sl_rent_path_options o = SL_RENT_PATH_OPTIONS_INIT;
    o.rent = M("10000");
    o.months = 36;
    o.start = (sl_date){2025, 1, 1};
    o.index = s;
    sl_money rents[36];
    sl_error err;
    ck_assert_int_eq(sl_rent_path(rents, 36, &o, &err), SL_OK);
    ck_assert_int_eq(rents[0], M("10000"));
    ck_assert_int_eq(rents[11], M("10000"));
    ck_assert_int_eq(rents[12], M("10350"));
    ck_assert_int_eq(rents[23], M("10350"));
    ck_assert_int_eq(rents[24], M("10120"));
    ck_assert_int_eq(rents[35], M("10120"));
    /* Lag 3: October 2025 over October 2024, which the series lacks. */
    o.lag_months = 3;
    ck_assert_int_eq(sl_rent_path(rents, 36, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "index");
    ck_assert_ptr_nonnull(strstr(err.message, "2024-10"));
    /* 12 months need no index at all. */
    o.months = 12;
    ck_assert_int_eq(sl_rent_path(rents, 36, &o, &err), SL_OK);
    sl_rate v;
    ck_assert_int_eq(sl_index_series_value(&v, s, 2025, 11), SL_OK);
    ck_assert_int_eq(v.num, 1035);
    ck_assert_int_eq(v.den, 10);
    ck_assert_int_eq(sl_index_series_value(&v, s, 2025, 12), SL_EINVAL);
    sl_index_series_free(s);
}
END_TEST

/* 12 000 at 3 % a year: 12 360.00, then 12 730.80; at −2 %: 11 760.00;
 * 9 999.99 at 2.5 %: 249.99975 → 250.00 more, 10 249.99. */
START_TEST(yearly_rate)
{
    sl_rent_path_options o = SL_RENT_PATH_OPTIONS_INIT;
    o.rent = M("12000");
    o.months = 25;
    o.yearly_rate = R("3");
    sl_money rents[25];
    ck_assert_int_eq(sl_rent_path(rents, 25, &o, NULL), SL_OK);
    ck_assert_int_eq(rents[11], M("12000"));
    ck_assert_int_eq(rents[12], M("12360"));
    ck_assert_int_eq(rents[24], M("12730.80"));
    o.yearly_rate = R("-2");
    ck_assert_int_eq(sl_rent_path(rents, 25, &o, NULL), SL_OK);
    ck_assert_int_eq(rents[12], M("11760"));
    o.rent = M("9999.99");
    o.yearly_rate = R("2.5");
    ck_assert_int_eq(sl_rent_path(rents, 25, &o, NULL), SL_OK);
    ck_assert_int_eq(rents[12], M("10249.99"));
    o.yearly_rate = (sl_rate){0, 0}; /* not given: flat */
    ck_assert_int_eq(sl_rent_path(rents, 25, &o, NULL), SL_OK);
    ck_assert_int_eq(rents[24], M("9999.99"));
}
END_TEST

START_TEST(deposit_limit)
{
    sl_error err;
    ck_assert_int_eq(sl_deposit_check(M("72000"), M("12000"), &err), SL_OK);
    ck_assert_int_eq(sl_deposit_check(0, 0, &err), SL_OK);
    ck_assert_int_eq(sl_deposit_check(M("72000.01"), M("12000"), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "deposit");
    ck_assert_ptr_nonnull(strstr(err.message, "72000.00"));
    ck_assert_int_eq(sl_deposit_check(-1, M("12000"), &err), SL_EINVAL);
    ck_assert_int_eq(sl_deposit_check(1, INT64_MAX, &err), SL_EINVAL);
}
END_TEST

START_TEST(bad_files_and_options)
{
    static const struct {
        const char *text;
        int code;
        long line;
    } bad[] = {
        {"2025-13 100\n", SL_ESYNTAX, 1},
        {"2025-1 100\n", SL_ESYNTAX, 1},
        {"# c\n2025-01\n", SL_ESYNTAX, 2},
        {"2025-01 0\n", SL_EINVAL, 1},
        {"2025-01 -3\n", SL_ESYNTAX, 1},
        {"2025-01 1.2.3\n", SL_ESYNTAX, 1},
        {"2025-01 1.1234567\n", SL_ESYNTAX, 1},
        {"2025-01 1234567890\n", SL_ESYNTAX, 1},
        {"2025-01 100 x\n", SL_ESYNTAX, 1},
        {"2025-02 100\n2025-01 100\n", SL_EINVAL, 2},
        {"2025-01 100\n2025-01 101\n", SL_EINVAL, 2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sl_index_series *s = (sl_index_series *)1;
        sl_error err;
        ck_assert_msg(sl_index_series_parse(&s, bad[i].text, "f", &err) == bad[i].code,
                      "case %zu", i);
        ck_assert_ptr_null(s);
        ck_assert_int_eq(err.line, bad[i].line);
        ck_assert_str_eq(err.field, "index");
    }
    sl_index_series *s = NULL;
    ck_assert_int_eq(sl_index_series_parse(&s, NULL, "f", NULL), SL_ENULL);
    ck_assert_int_eq(sl_index_series_parse(NULL, "", "f", NULL), SL_ENULL);
    ck_assert_int_eq(sl_index_series_load(&s, "/nonexistent/kpi.txt", NULL), SL_EIO);
    s = series("");
    sl_rent_path_options o = SL_RENT_PATH_OPTIONS_INIT;
    sl_money rents[24];
    sl_error err;
    o.index = s;
    o.months = 24;
    o.rent = M("1000");
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_EINVAL); /* no start */
    ck_assert_str_eq(err.field, "start");
    o.start = (sl_date){2025, 1, 1};
    o.yearly_rate = R("2");
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_EINVAL); /* both */
    ck_assert_str_eq(err.field, "yearly_rate");
    o.index = NULL;
    o.yearly_rate = R("101");
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_EINVAL);
    o.yearly_rate = R("100");
    o.rent = M("1000000000");
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_ERANGE);
    o.rent = M("1000");
    ck_assert_int_eq(sl_rent_path(rents, 23, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "rents");
    ck_assert_int_eq(sl_rent_path(NULL, 0, &o, &err), SL_ENULL);
    o.lag_months = 13;
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_EINVAL);
    o.lag_months = 2;
    o.version = 7;
    ck_assert_int_eq(sl_rent_path(rents, 24, &o, &err), SL_EVERSION);
    sl_rent_path_options init;
    sl_rent_path_options_init(&init);
    ck_assert_int_eq(init.lag_months, 2);
    sl_rent_path_options_init(NULL);
    sl_index_series_free(s);
    sl_index_series_free(NULL);
}
END_TEST

/* The index saved with each kind of line end (a CR alone from Excel for
 * Mac, CRLF from Windows) gives the same value every month, and a bad line
 * is named by the same number. */
START_TEST(every_line_end_reads_the_same)
{
    static const char *const ends[] = {"\r", "\r\n", "\n"};
    sl_index_series *lf = series(kpi_text);
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        char *text = with_line_ends(kpi_text, ends[i]);
        sl_index_series *s = series(text);
        free(text);
        for (int key = 2024 * 12; key < 2027 * 12; key++) {
            sl_rate a = SL_RATE_ZERO, b = SL_RATE_ZERO;
            int ra = sl_index_series_value(&a, s, key / 12, key % 12 + 1);
            int rb = sl_index_series_value(&b, lf, key / 12, key % 12 + 1);
            ck_assert_int_eq(ra, rb);
            ck_assert_int_eq(sl_rate_compare(a, b), 0);
        }
        sl_index_series_free(s);
        text = with_line_ends("# KPI\n\n2024-11 100\n2024-12 1OO\n", ends[i]);
        sl_error err;
        ck_assert_int_eq(sl_index_series_parse(&s, text, "f", &err), SL_ESYNTAX);
        ck_assert_int_eq(err.line, 4);
        free(text);
    }
    sl_index_series_free(lf);
}
END_TEST

/* Seeded random paths: the rent changes only at 12-month steps, and each
 * step is the previous rent × the index ratio rounded half up (checked in
 * plain integers); a 0 % rate keeps the rent flat. */
START_TEST(random_paths)
{
    test_rng g = {test_seed("rent_index")};
    static sl_money rents[SL_RENT_PATH_MAX_MONTHS];
    for (int i = 0; i < 200; i++) {
        int years = (int)rng_range(&g, 1, 49);
        char text[8192] = "";
        long v[51];
        size_t used = 0;
        int base_year = 2000;
        for (int y = 0; y <= years; y++) {
            v[y] = rng_range(&g, 900, 1100); /* tenths: 90.0 .. 110.0 */
            used += (size_t)snprintf(text + used, sizeof text - used, "%d-11 %ld.%ld\n",
                                     base_year + y, v[y] / 10, v[y] % 10);
        }
        sl_index_series *s = series(text);
        sl_rent_path_options o = SL_RENT_PATH_OPTIONS_INIT;
        o.rent = rng_range(&g, 0, 1000000);
        o.months = 12 * years + 1;
        o.start = (sl_date){base_year + 1, 1, 1};
        o.index = s;
        sl_error err;
        ck_assert_msg(sl_rent_path(rents, SL_RENT_PATH_MAX_MONTHS, &o, &err) == SL_OK,
                      "case %d: %s", i, err.message);
        ck_assert_int_eq(rents[0], o.rent);
        for (int m = 1; m < o.months; m++) {
            int64_t want = rents[m - 1];
            if (m % 12 == 0) {
                int64_t now = v[m / 12], prev = v[m / 12 - 1];
                want = (2 * rents[m - 1] * now + prev) / (2 * prev);
            }
            ck_assert_msg(rents[m] == want, "case %d month %d", i, m + 1);
        }
        sl_index_series_free(s);
        o.index = NULL;
        o.yearly_rate = R("0");
        ck_assert_int_eq(sl_rent_path(rents, SL_RENT_PATH_MAX_MONTHS, &o, NULL), SL_OK);
        ck_assert_int_eq(rents[o.months - 1], o.rent);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("rent_index");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, kpi_worked);
    tcase_add_test(tc, yearly_rate);
    tcase_add_test(tc, deposit_limit);
    tcase_add_test(tc, bad_files_and_options);
    tcase_add_test(tc, every_line_end_reads_the_same);
    tcase_add_test(tc, random_paths);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
