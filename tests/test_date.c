/* Dates: due dates on the same day of month, clamped at the month's end. */
#include "testutil.h"

static sl_date D(const char *text)
{
    sl_date d = SL_DATE_NONE;
    ck_assert_int_eq(sl_date_parse(&d, text, NULL, NULL), SL_OK);
    return d;
}

static void assert_date(sl_date d, const char *want)
{
    char buf[SL_DATE_BUFSIZE];
    ck_assert_int_eq(sl_date_format(buf, sizeof buf, d), 10);
    ck_assert_str_eq(buf, want);
}

START_TEST(parses_iso_dates_only)
{
    assert_date(D("2024-07-01"), "2024-07-01");
    assert_date(D("2024-02-29"), "2024-02-29");
    const char *bad[] = {"2025-02-29", "2024-13-01", "2024-00-10", "2024-7-1", "01.07.2024",
                         "2024-07-01x", "", "1899-12-31"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sl_date d;
        sl_error err;
        ck_assert_msg(sl_date_parse(&d, bad[i], "--payout-date", &err) < 0, "%s", bad[i]);
        ck_assert_ptr_nonnull(strstr(err.message, "--payout-date"));
    }
}
END_TEST

START_TEST(month_steps_clamp_to_month_end)
{
    sl_date d;
    ck_assert_int_eq(sl_date_add_months(&d, D("2024-01-31"), 1, 31), SL_OK);
    assert_date(d, "2024-02-29");
    ck_assert_int_eq(sl_date_add_months(&d, D("2025-01-31"), 1, 31), SL_OK);
    assert_date(d, "2025-02-28");
    /* from the payout day, not from the clamped date: March is the 31st again */
    ck_assert_int_eq(sl_date_add_months(&d, D("2025-01-31"), 2, 31), SL_OK);
    assert_date(d, "2025-03-31");
    ck_assert_int_eq(sl_date_add_months(&d, D("2024-11-15"), 3, 15), SL_OK);
    assert_date(d, "2025-02-15");
    ck_assert_int_eq(sl_date_add_months(&d, D("2024-03-15"), -3, 15), SL_OK);
    assert_date(d, "2023-12-15");
    ck_assert_int_eq(sl_date_add_months(&d, D("9999-06-01"), 12, 1), SL_ERANGE);
}
END_TEST

START_TEST(day_counts)
{
    ck_assert_int_eq(sl_date_diff_days(D("2025-01-01"), D("2025-02-01")), 31);
    ck_assert_int_eq(sl_date_diff_days(D("2024-02-01"), D("2024-03-01")), 29);
    ck_assert_int_eq(sl_date_diff_days(D("2024-01-01"), D("2025-01-01")), 366);
    ck_assert_int_eq(sl_date_diff_days(D("1994-01-01"), D("1995-07-01")), 546); /* EU annex example */
    ck_assert_int_eq(sl_date_diff_days(D("2025-03-01"), D("2025-02-01")), -28);
    sl_date d;
    ck_assert_int_eq(sl_date_add_days(&d, D("2024-02-28"), 2), SL_OK);
    assert_date(d, "2024-03-01");
    ck_assert_int_eq(sl_date_compare(D("2024-02-28"), D("2024-03-01")), -1);
    ck_assert_int_eq(sl_date_compare(D("2024-03-01"), D("2024-03-01")), 0);
}
END_TEST

START_TEST(day_arithmetic_round_trips)
{
    sl_date start = D("1900-01-01"), d;
    int64_t n = sl_date_diff_days(start, D("9999-12-31"));
    for (int64_t i = 0; i <= n; i += 37) {
        REQUIRE(sl_date_add_days(&d, start, i) == SL_OK, "day %lld", (long long)i);
        REQUIRE(sl_date_is_valid(d) && sl_date_diff_days(start, d) == i, "day %lld", (long long)i);
    }
}
END_TEST

/* Defect: year × 512 overflowed int for very large years. */
START_TEST(compare_any_fields)
{
    sl_date big = {INT32_MAX, 12, 31}, small = {INT32_MIN, 1, 1}, d = {2025, 6, 1};
    ck_assert_int_eq(sl_date_compare(big, d), 1);
    ck_assert_int_eq(sl_date_compare(small, d), -1);
    ck_assert_int_eq(sl_date_compare(big, big), 0);
    sl_date m1 = {2025, 5, 31}, m2 = {2025, 6, 1};
    ck_assert_int_eq(sl_date_compare(m1, m2), -1);
    /* defined (if meaningless) for fields no valid date has */
    sl_date odd = {INT32_MIN, INT32_MAX, INT32_MIN};
    (void)sl_date_diff_days(odd, big);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("date");
    tcase_add_test(tc, parses_iso_dates_only);
    tcase_add_test(tc, month_steps_clamp_to_month_end);
    tcase_add_test(tc, day_counts);
    tcase_add_test(tc, day_arithmetic_round_trips);
    tcase_add_test(tc, compare_any_fields);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
