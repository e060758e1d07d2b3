/* The state's guideline rates: the shipped tables, reading a table file, and
 * choosing the table in force on a date. The published figures are in
 * tests/data/guideline_rates.txt (Rundskriv A-3/2023, with its source). */
#include "testutil.h"

/* One published table, read with sscanf (not with the code under test). */
typedef struct published {
    int y, m, d;
    long single, couple, sharing, c0, c6, c11; /* kroner */
} published;

static published rates[32];
static int n_rates;

static void read_published(void)
{
    char path[512], line[256];
    FILE *f = fopen(data_path(path, sizeof path, "guideline_rates.txt"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    n_rates = 0;
    while (fgets(line, sizeof line, f)) {
        published p;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        ck_assert_int_eq(sscanf(line, "%d-%d-%d %ld %ld %ld %ld %ld %ld", &p.y, &p.m, &p.d,
                                &p.single, &p.couple, &p.sharing, &p.c0, &p.c6, &p.c11),
                         9);
        ck_assert_int_lt(n_rates, 32);
        rates[n_rates++] = p;
    }
    fclose(f);
    ck_assert_int_eq(n_rates, 11); /* 2018-01-01 .. 2024-01-01 */
}

/* The index of the published table valid from y-m-d. */
static int published_index(int y, int m, int d)
{
    read_published();
    for (int i = 0; i < n_rates; i++)
        if (rates[i].y == y && rates[i].m == m && rates[i].d == d)
            return i;
    ck_abort_msg("no published table from %04d-%02d-%02d", y, m, d);
    return -1;
}

/* The data/ directory of the source tree: SL_TEST_DATA is <root>/tests/data. */
static const char *shipped_file(char *buf, size_t size)
{
    const char *dir = getenv("SL_TEST_DATA");
    const char *suffix = "tests/data";
    size_t n = dir ? strlen(dir) : 0;
    if (dir && n >= strlen(suffix) && strcmp(dir + n - strlen(suffix), suffix) == 0)
        snprintf(buf, size, "%.*sdata/guidelines.txt", (int)(n - strlen(suffix)), dir);
    else
        snprintf(buf, size, "data/guidelines.txt");
    return buf;
}

static sl_guideline_table *shipped(void)
{
    sl_guideline_table *t = NULL;
    ck_assert_int_eq(sl_guideline_table_default(&t, NULL), SL_OK);
    return t;
}

static sl_date D(int y, int m, int d)
{
    return (sl_date){y, m, d};
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void expect_same_tables(const sl_guideline_table *x, const sl_guideline_table *y)
{
    ck_assert_uint_eq(sl_guideline_table_count(x), sl_guideline_table_count(y));
    for (size_t i = 0; i < sl_guideline_table_count(y); i++) {
        sl_guideline_rates a, b;
        ck_assert_int_eq(sl_guideline_table_get(&a, x, i), SL_OK);
        ck_assert_int_eq(sl_guideline_table_get(&b, y, i), SL_OK);
        ck_assert_int_eq(sl_date_compare(a.valid_from, b.valid_from), 0);
        ck_assert_int_eq(a.single_adult, b.single_adult);
        ck_assert_int_eq(a.couple, b.couple);
        ck_assert_int_eq(a.sharing_adult, b.sharing_adult);
        ck_assert_int_eq(a.child_0_5, b.child_0_5);
        ck_assert_int_eq(a.child_6_10, b.child_6_10);
        ck_assert_int_eq(a.child_11_17, b.child_11_17);
    }
}

/* The text compiled into the library is the installed file, byte for byte. */
START_TEST(default_text_is_the_shipped_file)
{
    char path[1024];
    const char *file = read_all(shipped_file(path, sizeof path));
    ck_assert_str_eq(sl_guideline_default_text(), file);

    sl_guideline_table *from_file = NULL, *compiled = shipped();
    ck_assert_int_eq(sl_guideline_table_load(&from_file, path, NULL), SL_OK);
    expect_same_tables(from_file, compiled);
    sl_guideline_table_free(from_file);
    sl_guideline_table_free(compiled);
}
END_TEST

static void expect_published(const sl_guideline_rates *g, int i)
{
    const published *p = &rates[i];
    ck_assert_int_eq(sl_date_compare(g->valid_from, D(p->y, p->m, p->d)), 0);
    ck_assert_int_eq(g->single_adult, p->single * 100);
    ck_assert_int_eq(g->couple, p->couple * 100);
    ck_assert_int_eq(g->sharing_adult, p->sharing * 100);
    ck_assert_int_eq(g->child_0_5, p->c0 * 100);
    ck_assert_int_eq(g->child_6_10, p->c6 * 100);
    ck_assert_int_eq(g->child_11_17, p->c11 * 100);
}

/* The tables from 1.7.2023 and from 1.1.2024. */
static void expect_2023(const sl_guideline_rates *g)
{
    expect_published(g, published_index(2023, 7, 1));
}

static void expect_2024(const sl_guideline_rates *g)
{
    expect_published(g, published_index(2024, 1, 1));
}

/* Every published table, from 1.1.2018 to 1.1.2024, in order. */
START_TEST(shipped_rates_are_the_published_ones)
{
    sl_guideline_table *t = shipped();
    read_published();
    ck_assert_uint_eq(sl_guideline_table_count(t), (size_t)n_rates);
    sl_guideline_rates g;
    for (int i = 0; i < n_rates; i++) {
        ck_assert_int_eq(sl_guideline_table_get(&g, t, (size_t)i), SL_OK);
        expect_published(&g, i);
    }
    ck_assert_int_eq(sl_guideline_table_get(&g, t, (size_t)n_rates), SL_EINVAL);
    sl_guideline_table_free(t);
}
END_TEST

/* A table applies from its date to the day before the next one. */
START_TEST(selection_at_the_boundaries)
{
    sl_guideline_table *t = shipped();
    sl_guideline_rates g;
    sl_error err;

    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2017, 12, 31), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "date");
    ck_assert_str_eq(err.value, "2017-12-31");
    ck_assert_ptr_nonnull(strstr(err.message, "2017-12-31"));
    ck_assert_ptr_nonnull(strstr(err.message, "2018-01-01"));
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2018, 1, 1), &err), SL_OK);
    expect_published(&g, published_index(2018, 1, 1));
    /* mid-year changes: children 0-5 from 1.9.2020 and 1.9.2021, all from 1.7.2022 */
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2020, 8, 31), &err), SL_OK);
    ck_assert_int_eq(g.child_0_5, M("2450"));
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2020, 9, 1), &err), SL_OK);
    ck_assert_int_eq(g.child_0_5, M("2750"));
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2021, 9, 1), &err), SL_OK);
    ck_assert_int_eq(g.child_0_5, M("3150"));
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2022, 6, 30), &err), SL_OK);
    expect_published(&g, published_index(2022, 1, 1));
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2023, 6, 30), &err), SL_OK);
    expect_published(&g, published_index(2023, 1, 1));

    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2023, 7, 1), &err), SL_OK);
    expect_2023(&g);
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2023, 12, 31), &err), SL_OK);
    expect_2023(&g);
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2024, 1, 1), &err), SL_OK);
    expect_2024(&g);
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2031, 5, 17), &err), SL_OK);
    expect_2024(&g);

    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2024, 2, 30), &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "date");
    sl_guideline_table_free(t);
}
END_TEST

/* A caller's own table, e.g. when the state publishes new rates. */
START_TEST(own_table_from_text)
{
    const char *text = "# my rates\n"
                       "\n"
                       "2023-07-01 7550 12600 6350 3700 3800 4950\n"
                       "2024-01-01\t7850.00\t13100,00 6600 3850 3950 5150  # tab and marks\r\n"
                       "2025-01-01 8000 13400 6750 3950 4050 5300";
    sl_guideline_table *t = NULL;
    ck_assert_int_eq(sl_guideline_table_parse(&t, text, NULL), SL_OK);
    ck_assert_uint_eq(sl_guideline_table_count(t), 3);
    sl_guideline_rates g;
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2024, 12, 31), NULL), SL_OK);
    expect_2024(&g);
    ck_assert_int_eq(sl_guideline_table_select(&g, t, D(2025, 1, 1), NULL), SL_OK);
    ck_assert_int_eq(g.single_adult, M("8000"));
    ck_assert_int_eq(g.child_11_17, M("5300"));
    sl_guideline_table_free(t);
}
END_TEST

static void expect_bad(const char *text, int code, long line, const char *field)
{
    sl_guideline_table *t = (sl_guideline_table *)1;
    sl_error err;
    sl_error_clear(&err);
    ck_assert_int_eq(sl_guideline_table_parse(&t, text, &err), code);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(err.code, code);
    ck_assert_int_eq(err.line, line);
    ck_assert_str_eq(err.field, field);
    if (line > 0) {
        char want[32];
        snprintf(want, sizeof want, "line %ld: ", line);
        ck_assert_msg(strncmp(err.message, want, strlen(want)) == 0, "message '%s'", err.message);
    }
}

/* A bad file is rejected with the line number and the field. */
START_TEST(bad_tables_name_the_line)
{
    const char *ok = "2023-07-01 7550 12600 6350 3700 3800 4950\n";
    char text[512];
    expect_bad("# only comments\n\n", SL_EINVAL, 0, "table");
    expect_bad("", SL_EINVAL, 0, "table");
    snprintf(text, sizeof text, "%s2024-01-01 7850 13100 6600 3850 3950\n", ok);
    expect_bad(text, SL_ESYNTAX, 2, "child_11_17");
    snprintf(text, sizeof text, "%s2024-01-01 7850 13100 6600 3850 3950 5150 1\n", ok);
    expect_bad(text, SL_ESYNTAX, 2, "line");
    snprintf(text, sizeof text, "#\n%s2024-01-01 7850 13l00 6600 3850 3950 5150\n", ok);
    expect_bad(text, SL_ESYNTAX, 3, "couple");
    snprintf(text, sizeof text, "%s2024-01-01 7850 13100 -6600 3850 3950 5150\n", ok);
    expect_bad(text, SL_EINVAL, 2, "sharing");
    snprintf(text, sizeof text, "%s2023-07-01 7850 13100 6600 3850 3950 5150\n", ok);
    expect_bad(text, SL_EINVAL, 2, "valid_from");
    snprintf(text, sizeof text, "%s2023-01-01 7850 13100 6600 3850 3950 5150\n", ok);
    expect_bad(text, SL_EINVAL, 2, "valid_from");
    expect_bad("2024-13-01 7850 13100 6600 3850 3950 5150\n", SL_EINVAL, 1, "valid_from");
    expect_bad("1.1.2024 7850 13100 6600 3850 3950 5150\n", SL_ESYNTAX, 1, "valid_from");
    expect_bad("2024-01-01 7850.001 13100 6600 3850 3950 5150\n", SL_ESYNTAX, 1, "single");
}
END_TEST

/* The shipped tables saved with each kind of line end (a CR alone from
 * Excel for Mac, CRLF from Windows) read as the same tables, and a bad line
 * is named by the same number. */
START_TEST(every_line_end_reads_the_same)
{
    static const char *const ends[] = {"\r", "\r\n", "\n"};
    sl_guideline_table *shipped_tables = NULL;
    ck_assert_int_eq(sl_guideline_table_default(&shipped_tables, NULL), SL_OK);
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        char *text = with_line_ends(sl_guideline_default_text(), ends[i]);
        sl_guideline_table *t = NULL;
        sl_error err;
        ck_assert_msg(sl_guideline_table_parse(&t, text, &err) == SL_OK, "line end %zu: %s", i,
                      err.message);
        free(text);
        expect_same_tables(t, shipped_tables);
        sl_guideline_table_free(t);
        text = with_line_ends("# own\n\n2023-07-01 7550 12600 6350 3700 3800 4950\n"
                              "2024-01-01 7850 13l00 6600 3850 3950 5150\n",
                              ends[i]);
        expect_bad(text, SL_ESYNTAX, 4, "couple");
        free(text);
    }
    sl_guideline_table_free(shipped_tables);
}
END_TEST

/* Every table of the shipped file names where it was read: a comment with
 * the publisher and document and the page's address. */
START_TEST(every_shipped_line_has_its_source)
{
    char path[1024];
    char *text = read_all(shipped_file(path, sizeof path));
    int lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        lines++;
        const char *comment = strchr(line, '#');
        ck_assert_msg(comment != NULL, "no source: %s", line);
        const char *url = strstr(comment, "https://");
        ck_assert_msg(url != NULL && url[8] != '\0' && url[8] != ' ', "no address: %s", line);
        ck_assert_msg(url - comment > 20, "no document named before the address: %s", line);
    }
    ck_assert_int_ge(lines, 11); /* 2018-01-01 .. 2024-01-01 */
}
END_TEST

START_TEST(missing_file_is_an_io_error)
{
    sl_guideline_table *t = NULL;
    sl_error err;
    ck_assert_int_eq(sl_guideline_table_load(&t, "/nonexistent/guidelines.txt", &err), SL_EIO);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(err.field, "path");
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/guidelines.txt"));
}
END_TEST

static Suite *guideline_suite(void)
{
    Suite *s = suite_create("guideline");
    TCase *tc = tcase_create("shipped");
    tcase_add_test(tc, default_text_is_the_shipped_file);
    tcase_add_test(tc, shipped_rates_are_the_published_ones);
    suite_add_tcase(s, tc);
    tc = tcase_create("select");
    tcase_add_test(tc, selection_at_the_boundaries);
    suite_add_tcase(s, tc);
    tc = tcase_create("parse");
    tcase_add_test(tc, own_table_from_text);
    tcase_add_test(tc, bad_tables_name_the_line);
    tcase_add_test(tc, every_line_end_reads_the_same);
    tcase_add_test(tc, missing_file_is_an_io_error);
    tcase_add_test(tc, every_shipped_line_has_its_source);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(guideline_suite());
}
