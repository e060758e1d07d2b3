/* sl-audit on exports as loan systems and Norwegian Excel write them (issue
 * 14's "done when"): a plan from sl-plan with a rate history and a margin,
 * rewritten as a cp1252 semicolon file with Norwegian headers, one balance
 * column and "kr" amounts, audits as a match against the same contract; one
 * øre changed in the middle gives a report whose first lines name that row
 * and field, and whose length does not grow with the number of later rows.
 * argv[1]: sl-audit, argv[2]: sl-plan. */
#define _GNU_SOURCE
#include "cli_exec.h"
#include "testutil.h"

static const char *audit_prog, *plan_prog;

#define MAXROWS 400
enum { F_TERM, F_DUE, F_OPEN, F_INTEREST, F_PRINCIPAL, F_FEE, F_PAYMENT, F_CLOSE, NF };

typedef struct plan_rows {
    int n;
    sl_money v[MAXROWS][NF]; /* amounts in øre; F_TERM the term */
    char due[MAXROWS][11];
} plan_rows;

/* A kommune's own rate history for the test (not Husbanken's figures). */
static const char history_text[] = "# test history: a floating rate with changes\n"
                                   "2021-01-01 1.5\n"
                                   "2022-05-01 1,9 %\n"
                                   "2022-09-01 2.75\n"
                                   "2023-03-01 3.6   # a comment\n"
                                   "2024-01-01 4.554\n"
                                   "2024-07-01 4.640\n";
static char history[64];

static void contract_args(char **argv, int *k, const char *years)
{
    static const char *const base[] = {"--amount", "1800000", "--payout-date", "2021-09-15",
                                       "--margin", "0.25", "--term-fee", "45", "--rate-history",
                                       NULL};
    for (int i = 0; base[i]; i++)
        argv[(*k)++] = (char *)base[i];
    argv[(*k)++] = history;
    argv[(*k)++] = "--years";
    argv[(*k)++] = (char *)years;
}

static sl_money amount(const char *s, size_t len)
{
    char b[48];
    snprintf(b, sizeof b, "%.*s", (int)len, s);
    return M(b);
}

/* sl-plan's CSV for the contract, parsed. */
static void make_plan(plan_rows *p, const char *years)
{
    char *argv[32];
    int k = 0;
    argv[k++] = (char *)plan_prog;
    contract_args(argv, &k, years);
    argv[k++] = "--format";
    argv[k++] = "csv";
    argv[k] = NULL;
    exec_result r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "%s", r.err);
    p->n = 0;
    char *save, *line = strtok_r(r.out, "\n", &save);
    line = strtok_r(NULL, "\n", &save); /* the header */
    while (line) {
        ck_assert_int_lt(p->n, MAXROWS);
        const char *f = line;
        for (int j = 0; j < NF; j++) {
            const char *c = strchr(f, ',');
            size_t len = (size_t)(c - f);
            if (j == F_TERM)
                p->v[p->n][j] = atoi(f);
            else if (j == F_DUE)
                snprintf(p->due[p->n], 11, "%.*s", (int)len, f);
            else
                p->v[p->n][j] = amount(f, len);
            f = c + 1;
        }
        p->n++;
        line = strtok_r(NULL, "\n", &save);
    }
    exec_free(&r);
}

/* "kr 1 469,33" in cp1252 bytes, groups split by a no-break space (0xA0), as
 * Norwegian Excel writes them; every third amount "1 469,33 kr". */
static void kr(char out[80], sl_money v, int style)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -v : v) / 100);
    size_t n = strlen(digits), k = 0;
    char body[64];
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            body[k++] = (char)0xA0;
        body[k++] = digits[i];
    }
    snprintf(body + k, sizeof body - k, ",%02lld", (long long)(v < 0 ? -v : v) % 100);
    if (style % 3 == 2)
        snprintf(out, 80, "%s%.60s kr", v < 0 ? "-" : "", body);
    else
        snprintf(out, 80, "kr %s%.60s", v < 0 ? "-" : "", body);
}

/* The plan as a cp1252 ';' file with Norwegian headers and one balance
 * column (Termin;Forfall;Terminbeløp;Renter;Avdrag;Gebyr;Restgjeld). */
static void write_cp1252(char path[64], const plan_rows *p)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    fputs("Termin;Forfall;Terminbel\xF8p;Renter;Avdrag;Gebyr;Restgjeld\r\n", f);
    static const int cols[] = {F_PAYMENT, F_INTEREST, F_PRINCIPAL, F_FEE, F_CLOSE};
    for (int i = 0; i < p->n; i++) {
        const char *d = p->due[i];
        fprintf(f, "%lld;%.2s.%.2s.%.4s", (long long)p->v[i][F_TERM], d + 8, d + 5, d);
        for (int c = 0; c < 5; c++) {
            char a[80];
            kr(a, p->v[i][cols[c]], i + c);
            fprintf(f, ";%s", a);
        }
        fputs("\r\n", f);
    }
    fclose(f);
    exec_temp_file(path, buf, len);
    free(buf);
}

static exec_result run_audit(const char *path, const char *years, const char *extra)
{
    char *argv[40];
    int k = 0;
    argv[k++] = (char *)audit_prog;
    argv[k++] = "--plan";
    argv[k++] = (char *)path;
    contract_args(argv, &k, years);
    if (extra)
        argv[k++] = (char *)extra;
    argv[k] = NULL;
    return exec_run(NULL, argv);
}

static void setup(void)
{
    strcpy(history, "/tmp/sl-history-XXXXXX");
    int fd = mkstemp(history);
    if (fd < 0 || write(fd, history_text, sizeof history_text - 1) != (long)sizeof history_text - 1)
        abort();
    close(fd);
}

static void teardown(void)
{
    unlink(history);
}

START_TEST(cp1252_export_matches)
{
    static plan_rows p;
    make_plan(&p, "25");
    ck_assert_int_eq(p.n, 300);
    char path[64];
    write_cp1252(path, &p);
    exec_result r = run_audit(path, "25", NULL);
    ck_assert_msg(r.status == 0, "status %d\n%s%s", r.status, r.out, r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "(CP1252, ';'-separated)"));
    ck_assert_ptr_nonnull(strstr(r.out, "Result: the plan matches the contract."));
    ck_assert_ptr_nonnull(strstr(r.out, "Derived, not in the file: the opening balance (the loan "
                                        "amount, then the previous row's Restgjeld)"));
    ck_assert_ptr_null(strstr(r.out, "divergence"));
    exec_free(&r);
    /* without the contract: honest about what was checked */
    char *argv[] = {(char *)audit_prog, "--plan", path, NULL};
    r = exec_run(NULL, argv);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(
        strstr(r.out, "Result: consistent in itself; not checked against a contract"));
    exec_free(&r);
    unlink(path);
}
END_TEST

/* The first lines of the report for the plan with one øre changed in row k
 * (0-based): carried = 0 only the interest cell; 1 as a real system carries
 * it (principal one øre less, every later balance one øre more, the last
 * term pays it). Returns the number of lines. */
static int one_ore_report(const char *years, int k, int carried, char *first_lines, size_t size)
{
    static plan_rows p;
    make_plan(&p, years);
    p.v[k][F_INTEREST] += 1;
    if (carried) {
        p.v[k][F_PRINCIPAL] -= 1;
        for (int i = k; i < p.n; i++)
            p.v[i][F_CLOSE] += 1;
        p.v[p.n - 1][F_PRINCIPAL] += 1;
        p.v[p.n - 1][F_PAYMENT] += 1;
        p.v[p.n - 1][F_CLOSE] -= 1;
    }
    char path[64];
    write_cp1252(path, &p);
    exec_result r = run_audit(path, years, NULL);
    ck_assert_msg(r.status == 1, "status %d\n%s%s", r.status, r.out, r.err);
    ck_assert_str_eq(r.err, "");
    int lines = count_lines(r.out);
    const char *third = r.out;
    for (int i = 0; i < 6 && third; i++)
        third = strchr(third + 1, '\n');
    snprintf(first_lines, size, "%.*s", third ? (int)(third - r.out) : (int)strlen(r.out), r.out);
    exec_free(&r);
    unlink(path);
    return lines;
}

START_TEST(one_ore_is_named_first_and_the_report_stays_short)
{
    char head[2048], want[128];
    for (int carried = 0; carried <= 1; carried++) {
        int l20 = one_ore_report("20", 119, carried, head, sizeof head);
        /* row 120 is file line 121 (after the header) */
        snprintf(want, sizeof want, "First divergence, line 121 (term 120): Renter ");
        ck_assert_msg(strstr(head, want) != NULL, "carried %d:\n%s", carried, head);
        ck_assert_msg(strstr(head, "(+0,01)") != NULL, "carried %d:\n%s", carried, head);
        if (carried) {
            ck_assert_msg(strstr(head, "later differences follow from it") != NULL, "%s", head);
            ck_assert_ptr_nonnull(strstr(head, "Restgjeld"));
        }
        /* 10 more years after the same row: not one line more */
        int l30 = one_ore_report("30", 119, carried, head, sizeof head);
        ck_assert_msg(strstr(head, want) != NULL, "carried %d:\n%s", carried, head);
        ck_assert_int_eq(l20, l30);
    }
}
END_TEST

/* The same export as UTF-8 with a byte-order mark and as UTF-16 (both byte
 * orders, with the mark) reads the same; --encoding names it. */
START_TEST(utf8_and_utf16_exports_match)
{
    static plan_rows p;
    make_plan(&p, "10");
    char path[64];
    write_cp1252(path, &p);
    FILE *f = fopen(path, "rb");
    static char raw[1 << 16];
    size_t n = fread(raw, 1, sizeof raw, f);
    fclose(f);
    unlink(path);
    static char utf8[1 << 17], le[1 << 18], be[1 << 18];
    size_t u = 0, l = 0;
    memcpy(utf8, "\xEF\xBB\xBF", 3);
    u = 3;
    le[l] = (char)0xFF, be[l++] = (char)0xFE;
    le[l] = (char)0xFE, be[l++] = (char)0xFF;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i]; /* cp1252 below 0x80 and 0xA0-0xFF = Latin-1 */
        if (c < 0x80) {
            utf8[u++] = (char)c;
        } else {
            utf8[u++] = (char)(0xC0 | (c >> 6));
            utf8[u++] = (char)(0x80 | (c & 0x3F));
        }
        le[l] = (char)c, be[l++] = 0;
        le[l] = 0, be[l++] = (char)c;
    }
    const struct {
        const char *text;
        size_t len;
        const char *name;
    } files[] = {{utf8, u, "(UTF-8,"}, {le, l, "(UTF-16LE,"}, {be, l, "(UTF-16BE,"}};
    for (size_t i = 0; i < 3; i++) {
        exec_temp_file(path, files[i].text, files[i].len);
        exec_result r = run_audit(path, "10", NULL);
        ck_assert_msg(r.status == 0, "%s: %d\n%s%s", files[i].name, r.status, r.out, r.err);
        ck_assert_ptr_nonnull(strstr(r.out, files[i].name));
        exec_free(&r);
        unlink(path);
    }
    /* cp1252 named explicitly; a wrong name for a UTF-16 file is refused */
    exec_temp_file(path, raw, n);
    exec_result r = run_audit(path, "10", "--encoding=windows-1252");
    ck_assert_int_eq(r.status, 0);
    exec_free(&r);
    r = run_audit(path, "10", "--encoding=ebcdic");
    exec_expect_usage_error(r.status, r.out, r.err, "--encoding 'ebcdic'");
    exec_free(&r);
    unlink(path);
    exec_temp_file(path, le, l);
    r = run_audit(path, "10", "--encoding=cp1252");
    exec_expect_usage_error(r.status, r.out, r.err, "UTF-16 byte-order mark");
    exec_free(&r);
    unlink(path);
}
END_TEST

/* An amount that could mean two things is refused with line and column. */
START_TEST(ambiguous_amount_is_refused)
{
    static const char text[] = "Termin;Renter;Avdrag;Restgjeld\n"
                               "1;4,17;100,00;900,00\n"
                               "2;3.750;100,00;800,00\n";
    char path[64];
    exec_temp_file(path, text, sizeof text - 1);
    char *argv[] = {(char *)audit_prog, "--plan", path, NULL};
    exec_result r = exec_run(NULL, argv);
    exec_expect_usage_error(r.status, r.out, r.err, "line 3, column 2 (Renter): '3.750': ambiguous");
    exec_free(&r);
    unlink(path);
}
END_TEST

/* Husbanken's shipped history ends before the plan does: the verdict says
 * so (and from which rate it went on), and the JSON report is whole and
 * counts the divergence and what follows from it. */
START_TEST(verdict_names_the_end_of_the_history_and_json_streams)
{
    char *plan_argv[] = {(char *)plan_prog, "--amount", "1800000", "--years", "25",
                         "--payout-date", "2024-05-20", "--margin", "0.25", "--term-fee", "45",
                         "--rate-history", "husbanken-floating", "--format", "csv", NULL};
    exec_result r = exec_run(NULL, plan_argv);
    ck_assert_int_eq(r.status, 0);
    char path[64];
    exec_temp_file(path, r.out, strlen(r.out));
    exec_free(&r);
    char *argv[] = {(char *)audit_prog, "--plan", path, "--amount", "1800000", "--years", "25",
                    "--payout-date", "2024-05-20", "--margin", "0.25", "--term-fee", "45",
                    "--rate-history", "husbanken-floating", "--format", "json", NULL};
    r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "\"result\": \"matches\""));
    ck_assert_ptr_nonnull(strstr(r.out, "the rate history husbanken-floating ends on 2024-09-01: "
                                        "297 rows due from then on were compared assuming "
                                        "4.640 %"));
    exec_free(&r);
    unlink(path);
}
END_TEST

/* Husbanken's rules on the contract are sl-plan's in sl-audit too: a margin
 * over 0.25 points is a warning, with --strict an error (exit 2). */
START_TEST(contract_rules_as_in_sl_plan)
{
    static plan_rows p;
    make_plan(&p, "10");
    char path[64];
    write_cp1252(path, &p);
    char *argv[] = {(char *)audit_prog, "--plan", path, "--amount", "1800000", "--years", "10",
                    "--payout-date", "2021-09-15", "--margin", "0.5", "--term-fee", "45",
                    "--rate-history", history, "--strict", NULL};
    exec_result r = exec_run(NULL, argv);
    exec_expect_usage_error(r.status, r.out, r.err, "margin");
    exec_free(&r);
    argv[15] = NULL; /* without --strict: a warning, and the plan differs (margin 0.5) */
    r = exec_run(NULL, argv);
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.err, "warning"));
    exec_free(&r);
    unlink(path);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_cli_audit_exports SL_AUDIT SL_PLAN\n");
        return 2;
    }
    audit_prog = argv[1];
    plan_prog = argv[2];
    Suite *s = suite_create("cli-audit-exports");
    TCase *tc = tcase_create("exports");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, cp1252_export_matches);
    tcase_add_test(tc, one_ore_is_named_first_and_the_report_stays_short);
    tcase_add_test(tc, utf8_and_utf16_exports_match);
    tcase_add_test(tc, ambiguous_amount_is_refused);
    tcase_add_test(tc, contract_rules_as_in_sl_plan);
    tcase_add_test(tc, verdict_names_the_end_of_the_history_and_json_streams);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
