/* Rate histories: the shipped Husbanken histories are the data files byte for
 * byte, every rate line names its source, the published rates are read
 * exactly; lookups refuse dates before the history and inside gaps; the
 * changes a plan gets are the history's; bad lines name line and column. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include "testutil.h"

#include <unistd.h>

/* data/<name>.txt of the source tree (SL_TEST_DATA is <root>/tests/data). */
static char *read_shipped(const char *name)
{
    const char *dir = getenv("SL_TEST_DATA");
    char path[4096];
    snprintf(path, sizeof path, "%s/../../data/%s.txt", dir ? dir : "tests/data", name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static const char *const shipped_names[] = {"husbanken-floating", "husbanken-floating-quarterly"};

START_TEST(shipped_histories_are_the_data_files)
{
    for (size_t i = 0; i < 2; i++) {
        const char *text = read_shipped(shipped_names[i]);
        ck_assert_str_eq(sl_rate_history_builtin_text(shipped_names[i]), text);
        /* every entry line carries its source in its comment */
        for (const char *p = text; *p;) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (len && *p >= '0' && *p <= '9') {
                const char *hash = memchr(p, '#', len);
                ck_assert_msg(hash != NULL, "%s: a line without a source: %.*s",
                              shipped_names[i], (int)len, p);
                ck_assert_msg(len - (size_t)(hash - p) > 20, "%s: a source too short: %.*s",
                              shipped_names[i], (int)len, p);
            }
            p += nl ? len + 1 : len;
        }
        sl_rate_history *h;
        ck_assert_int_eq(sl_rate_history_builtin(&h, shipped_names[i], NULL), SL_OK);
        /* floating rates change only on the 1st of odd months (husbanken.no/rente) */
        for (size_t k = 0; k < sl_rate_history_count(h); k++) {
            sl_rate_history_entry e;
            ck_assert_int_eq(sl_rate_history_get(&e, h, k), SL_OK);
            ck_assert_int_eq(e.from.day, 1);
            ck_assert_int_eq(e.from.month % 2, 1);
        }
        sl_rate_history_free(h);
    }
}
END_TEST

/* husbanken.no/rente, "Rentene for juli 2024": floating rate until 30 June
 * 4,554 / 4,571 %, from 1 July 4,640 / 4,658 % (monthly / quarterly terms). */
START_TEST(published_rates_july_2024)
{
    sl_rate_history *m, *q;
    ck_assert_int_eq(sl_rate_history_builtin(&m, "husbanken-floating", NULL), SL_OK);
    ck_assert_int_eq(sl_rate_history_builtin(&q, "husbanken-floating-quarterly", NULL), SL_OK);
    sl_rate r;
    ck_assert_int_eq(sl_rate_history_at(&r, m, (sl_date){2024, 6, 30}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("4.554")), 0);
    ck_assert_int_eq(sl_rate_history_at(&r, m, (sl_date){2024, 7, 1}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("4.640")), 0);
    ck_assert_int_eq(sl_rate_history_at(&r, q, (sl_date){2024, 6, 30}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("4.571")), 0);
    ck_assert_int_eq(sl_rate_history_at(&r, q, (sl_date){2024, 8, 31}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("4.658")), 0);
    /* nothing is guessed outside what was published */
    sl_error err;
    ck_assert_int_eq(sl_rate_history_at(&r, m, (sl_date){2024, 4, 30}, &err), SL_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "before the rate history begins"));
    ck_assert_int_eq(sl_rate_history_at(&r, m, (sl_date){2024, 9, 1}, &err), SL_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "ends on 2024-09-01"));
    sl_date end = sl_rate_history_end(m);
    ck_assert(end.year == 2024 && end.month == 9 && end.day == 1);
    sl_rate_history_free(m);
    sl_rate_history_free(q);
}
END_TEST

START_TEST(lookups_and_gaps)
{
    static const char text[] = "# a kommune's own file\n"
                               "2020-01-01 3  # first\n"
                               "\n"
                               "2020-03-01\tgap\n"
                               "2020-05-01 3,5 %\r\n"
                               "2020-07-01 0.125\n";
    sl_rate_history *h;
    ck_assert_int_eq(sl_rate_history_parse(&h, text, "own.txt", NULL), SL_OK);
    ck_assert_uint_eq(sl_rate_history_count(h), 4);
    ck_assert_int_eq(sl_rate_history_end(h).year, 0);
    sl_rate r;
    sl_error err;
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2020, 2, 29}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("3")), 0);
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2020, 3, 1}, &err), SL_EINVAL);
    ck_assert_str_eq(err.message,
                     "date 2020-03-01: in a gap of the rate history (2020-03-01 to 2020-05-01); "
                     "no rate is known");
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2020, 4, 30}, NULL), SL_EINVAL);
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2020, 5, 1}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("3.5")), 0);
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2099, 1, 1}, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(r, R("0.125")), 0);

    /* changes after a date: those of the history, none across a gap */
    sl_rate_change *c;
    size_t n;
    ck_assert_int_eq(sl_rate_history_changes(&c, &n, h, (sl_date){2020, 5, 15},
                                             (sl_date){2030, 1, 1}, NULL),
                     SL_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert(c[0].date.month == 7 && sl_rate_compare(c[0].rate, R("0.125")) == 0);
    free(c);
    ck_assert_int_eq(sl_rate_history_changes(&c, &n, h, (sl_date){2020, 1, 15},
                                             (sl_date){2020, 2, 29}, NULL),
                     SL_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(sl_rate_history_changes(&c, &n, h, (sl_date){2020, 1, 15},
                                             (sl_date){2020, 3, 1}, &err),
                     SL_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "in a gap"));
    ck_assert_int_eq(sl_rate_history_changes(&c, &n, h, (sl_date){2020, 4, 1},
                                             (sl_date){2020, 9, 1}, &err),
                     SL_EINVAL);
    sl_rate_history_free(h);
}
END_TEST

START_TEST(bad_lines_name_line_and_column)
{
    static const struct {
        const char *text;
        long line, column;
        const char *says;
    } cases[] = {
        {"2020-01-01 3\n2020-13-01 4\n", 2, 1, "date '2020-13-01'"},
        {"2020-01-01 3\n01.03.2020 4\n", 2, 1, "not a date"},
        {"2020-01-01 3\n2020-03-01\n", 2, 11, "missing"},
        {"2020-01-01 3\n2020-03-01 4.1234567890123456789012\n", 2, 12, "rate"},
        {"2020-01-01 3\n2020-03-01 1,000.5\n", 2, 12, "not a rate"},
        {"2020-01-01 3\n2020-03-01 101\n", 2, 12, "from 0 to 100"},
        {"2020-01-01 3\n2020-03-01 -1\n", 2, 12, "rate '-1'"},
        {"2020-01-01 3\n2020-03-01 gaps\n", 2, 12, "nor 'gap'"},
        /* a sign reads as a change in --rate-change; here it was the rate itself */
        {"2020-01-01 3\n2020-03-01 +0.25\n", 2, 12, "rate '+0.25': a line holds the rate"},
        {"2020-01-01 3\n2020-03-01 -0\n", 2, 12, "not a change of it with a sign"},
        {"2020-03-01 3\n2020-01-01 4\n", 2, 1, "dates must increase"},
        {"2020-03-01 3\n2020-03-01 4\n", 2, 1, "dates must increase"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rate_history *h = (sl_rate_history *)1;
        sl_error err;
        int rc = sl_rate_history_parse(&h, cases[i].text, "f.txt", &err);
        ck_assert_msg(rc < 0, "case %zu accepted", i);
        ck_assert_ptr_null(h);
        ck_assert_int_eq(err.line, cases[i].line);
        ck_assert_int_eq(err.column, cases[i].column);
        ck_assert_msg(strstr(err.message, cases[i].says) && strstr(err.message, "f.txt line 2"),
                      "case %zu: %s", i, err.message);
    }
    sl_rate_history *h;
    sl_error err;
    ck_assert_int_eq(sl_rate_history_parse(&h, "# nothing\n", "f.txt", &err), SL_EINVAL);
    ck_assert_int_eq(sl_rate_history_parse(&h, "2020-01-01 gap\n2021-01-01 3\n", NULL, &err),
                     SL_EINVAL);
    ck_assert_int_eq(sl_rate_history_builtin(&h, "husbanken-fixed", &err), SL_EINVAL);
    ck_assert_int_eq(sl_rate_history_load(&h, "/nonexistent/h.txt", &err), SL_EIO);
    ck_assert_int_eq(sl_rate_history_parse(NULL, "", NULL, &err), SL_ENULL);
    ck_assert_int_eq(sl_rate_history_at(NULL, NULL, (sl_date){2020, 1, 1}, &err), SL_ENULL);
    sl_rate_history_free(NULL);
}
END_TEST

static void expect_same_history(const sl_rate_history *x, const sl_rate_history *y)
{
    ck_assert_uint_eq(sl_rate_history_count(x), sl_rate_history_count(y));
    for (size_t i = 0; i < sl_rate_history_count(x); i++) {
        sl_rate_history_entry a, b;
        ck_assert_int_eq(sl_rate_history_get(&a, x, i), SL_OK);
        ck_assert_int_eq(sl_rate_history_get(&b, y, i), SL_OK);
        ck_assert_int_eq(sl_date_compare(a.from, b.from), 0);
        ck_assert_int_eq(sl_rate_compare(a.rate, b.rate), 0);
        ck_assert_int_eq(a.gap, b.gap);
    }
}

/* A history saved by a Windows editor starts with a UTF-8 byte-order mark:
 * the file reads as the same history (it was refused as a bad date). */
START_TEST(byte_order_mark_is_skipped)
{
    static const char text[] = "# Husbanken\n2024-01-01 5\n2024-07-01 4,64\n";
    char path[] = "/tmp/sl-history-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("\xef\xbb\xbf", f);
    fputs(text, f);
    fclose(f);
    sl_rate_history *with, *without;
    sl_error err;
    int rc = sl_rate_history_load(&with, path, &err);
    unlink(path);
    ck_assert_msg(rc == SL_OK, "%s", err.message);
    ck_assert_int_eq(sl_rate_history_parse(&without, text, "f.txt", &err), SL_OK);
    expect_same_history(with, without);
    sl_rate_history_free(with);
    sl_rate_history_free(without);
}
END_TEST

/* The shipped history saved with each kind of line end (Excel for Mac
 * ends lines with a CR alone, Windows with CRLF) reads as the same
 * history, and a bad line is named by the same number. */
START_TEST(every_line_end_reads_the_same)
{
    static const char *const ends[] = {"\r", "\r\n", "\n"};
    sl_rate_history *shipped;
    ck_assert_int_eq(sl_rate_history_builtin(&shipped, "husbanken-floating", NULL), SL_OK);
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        char *text = with_line_ends(sl_rate_history_builtin_text("husbanken-floating"), ends[i]);
        char path[] = "/tmp/sl-history-XXXXXX";
        int fd = mkstemp(path);
        ck_assert_int_ge(fd, 0);
        FILE *f = fdopen(fd, "wb");
        ck_assert_ptr_nonnull(f);
        fputs(text, f);
        fclose(f);
        sl_rate_history *h;
        sl_error err;
        int rc = sl_rate_history_load(&h, path, &err);
        unlink(path);
        ck_assert_msg(rc == SL_OK, "line end %zu: %s", i, err.message);
        expect_same_history(h, shipped);
        sl_rate_history_free(h);
        free(text);

        text = with_line_ends("# own\n2024-01-01 5\n\n2024-03-01 4,9\n2024-05-01 x\n", ends[i]);
        ck_assert_int_eq(sl_rate_history_parse(&h, text, "own.txt", &err), SL_ESYNTAX);
        ck_assert_int_eq(err.line, 5);
        ck_assert_str_eq(err.value, "x");
        free(text);
    }
    sl_rate_history_free(shipped);
}
END_TEST

/* Random histories: the rate on any date is the last entry on or before it,
 * gaps refuse, and the text form reads back exactly. */
START_TEST(random_histories_read_back)
{
    test_rng g = {test_seed("rate_history")};
    for (int round = 0; round < 300; round++) {
        int n = (int)rng_range(&g, 1, 40);
        sl_date d[40];
        int gap[40];
        int64_t milli[40];
        char text[40 * 64] = "";
        sl_date day = {(int)rng_range(&g, 1990, 2030), (int)rng_range(&g, 1, 12), 1};
        for (int i = 0; i < n; i++) {
            d[i] = day;
            gap[i] = i > 0 && rng_range(&g, 0, 5) == 0;
            milli[i] = rng_range(&g, 0, 100000);
            char line[64];
            if (gap[i])
                snprintf(line, sizeof line, "%04d-%02d-%02d gap # g\n", day.year, day.month,
                         day.day);
            else
                snprintf(line, sizeof line, "%04d-%02d-%02d %lld,%03lld %%\n", day.year,
                         day.month, day.day, (long long)(milli[i] / 1000),
                         (long long)(milli[i] % 1000));
            strcat(text, line);
            ck_assert_int_eq(sl_date_add_days(&day, day, rng_range(&g, 1, 400)), SL_OK);
        }
        sl_rate_history *h;
        ck_assert_int_eq(sl_rate_history_parse(&h, text, NULL, NULL), SL_OK);
        for (int k = 0; k < 50; k++) {
            sl_date q;
            ck_assert_int_eq(sl_date_add_days(&q, d[0], rng_range(&g, -30, 400 * n)), SL_OK);
            int j = -1;
            for (int i = 0; i < n; i++)
                if (sl_date_compare(d[i], q) <= 0)
                    j = i;
            sl_rate r;
            int rc = sl_rate_history_at(&r, h, q, NULL);
            if (j < 0 || gap[j]) {
                ck_assert_int_eq(rc, SL_EINVAL);
            } else {
                ck_assert_int_eq(rc, SL_OK);
                sl_rate want;
                ck_assert_int_eq(sl_rate_from_fraction(&want, milli[j], 100000), SL_OK);
                ck_assert_int_eq(sl_rate_compare(r, want), 0);
            }
        }
        sl_rate_history_free(h);
    }
}
END_TEST

static Suite *history_suite(void)
{
    Suite *s = suite_create("rate_history");
    TCase *tc = tcase_create("history");
    tcase_add_test(tc, shipped_histories_are_the_data_files);
    tcase_add_test(tc, published_rates_july_2024);
    tcase_add_test(tc, lookups_and_gaps);
    tcase_add_test(tc, bad_lines_name_line_and_column);
    tcase_add_test(tc, random_histories_read_back);
    tcase_add_test(tc, byte_order_mark_is_skipped);
    tcase_add_test(tc, every_line_end_reads_the_same);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(history_suite());
}
