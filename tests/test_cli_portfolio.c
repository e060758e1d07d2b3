/* sl-portfolio's contract: totals are the exact sums of the per-loan lines,
 * the per-loan figures are the library's, Norwegian exports read the same,
 * bad rows are skipped and counted or stop the run, malformed files give
 * exit status 2. argv[1]: sl-portfolio. */
#define _GNU_SOURCE
#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog;

#define HEADER                                                                              \
    "id,amount,rate,terms,terms_per_year,type,payout_date,term_fee,establishment_fee,"      \
    "interest_only_terms\n"

typedef struct loan_row {
    char id[16], amount[40], rate[24], terms[16], tpy[16], type[12], payout[16], term_fee[40],
        est_fee[40], io[16];
} loan_row;

static void random_loans(loan_row *rows, int n, test_rng *g)
{
    static const int k[] = {12, 4, 2, 1};
    for (int i = 0; i < n; i++) {
        loan_row *r = &rows[i];
        memset(r, 0, sizeof *r);
        int tpy = k[rng_range(g, 0, 3)];
        int terms = (int)rng_range(g, 1, 30) * tpy;
        snprintf(r->id, sizeof r->id, "L%05d", i + 1);
        sl_money_format(r->amount, sizeof r->amount, rng_range(g, 100000, 400000000),
                        SL_MONEY_PLAIN);
        snprintf(r->rate, sizeof r->rate, "%d.%03d", (int)rng_range(g, 0, 7),
                 (int)rng_range(g, 0, 999));
        snprintf(r->terms, sizeof r->terms, "%d", terms);
        snprintf(r->tpy, sizeof r->tpy, "%d", tpy);
        strcpy(r->type, rng_range(g, 0, 1) ? "serial" : "annuity");
        snprintf(r->payout, sizeof r->payout, "%04d-%02d-%02d", (int)rng_range(g, 1995, 2026),
                 (int)rng_range(g, 1, 12), (int)rng_range(g, 1, 28));
        if (rng_range(g, 0, 2))
            strcpy(r->term_fee, "30.00");
        if (rng_range(g, 0, 2))
            strcpy(r->est_fee, "600.00");
        if (rng_range(g, 0, 3) == 0)
            snprintf(r->io, sizeof r->io, "%d", (int)rng_range(g, 0, terms - 1) / 2);
    }
}

/* plain → "1 234 567,89" */
static void nor_amount(char *out, const char *v)
{
    const char *dot = strchr(v, '.');
    size_t ilen = dot ? (size_t)(dot - v) : strlen(v), k = 0;
    for (size_t i = 0; i < ilen; i++) {
        if (i && (ilen - i) % 3 == 0)
            out[k++] = ' ';
        out[k++] = v[i];
    }
    if (dot) {
        out[k++] = ',';
        strcpy(out + k, dot + 1);
    } else {
        out[k] = '\0';
    }
}

static void write_loans(char path[64], const loan_row *rows, int n, int norwegian)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    const char *nl = norwegian ? "\r\n" : "\n";
    if (norwegian)
        fputs("\xEF\xBB\xBFid;amount;rate;terms;terms_per_year;type;payout_date;term_fee;"
              "establishment_fee;interest_only_terms\r\n",
              f);
    else
        fputs(HEADER, f);
    for (int i = 0; i < n; i++) {
        const loan_row *r = &rows[i];
        if (norwegian) {
            char a[48], t[48], e[48], rate[24];
            nor_amount(a, r->amount);
            nor_amount(t, r->term_fee);
            nor_amount(e, r->est_fee);
            snprintf(rate, sizeof rate, "%s", r->rate);
            char *dot = strchr(rate, '.');
            if (dot)
                *dot = ',';
            fprintf(f, "%s;%s;%s;%s;%s;%s;%s;%s;%s;%s%s", r->id, a, rate, r->terms, r->tpy,
                    strcmp(r->type, "serial") == 0 ? "serie" : "annuitet", r->payout, t, e,
                    r->io, nl);
        } else {
            fprintf(f, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%s", r->id, r->amount, r->rate, r->terms,
                    r->tpy, r->type, r->payout, r->term_fee, r->est_fee, r->io, nl);
        }
    }
    fclose(f);
    exec_temp_file(path, buf, len);
    free(buf);
}

static exec_result run(const char *path, const char *format, const char *const *extra)
{
    char *argv[24];
    int k = 0;
    argv[k++] = (char *)prog;
    argv[k++] = "--loans";
    argv[k++] = (char *)path;
    argv[k++] = "--as-of";
    argv[k++] = "2025-12-31";
    argv[k++] = "--format";
    argv[k++] = (char *)format;
    for (int i = 0; extra && extra[i]; i++)
        argv[k++] = (char *)extra[i];
    argv[k] = NULL;
    return exec_run(NULL, argv);
}

static json_t *parse_json(const exec_result *r)
{
    json_error_t e;
    json_t *j = json_loads(r->out, 0, &e);
    ck_assert_msg(j != NULL, "not JSON (%s): %.500s", e.text, r->out);
    return j;
}

static sl_money jm(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    ck_assert_msg(json_is_string(v), "no amount '%s'", key);
    return M(json_string_value(v));
}

static const char *const items[] = {"balance", "interest", "principal", "fees"};

START_TEST(totals_are_the_sums_of_the_loans)
{
    test_rng g = {test_seed("cli-portfolio")};
    enum { N = 400 };
    static loan_row rows[N];
    random_loans(rows, N, &g);
    char path[64];
    write_loans(path, rows, N, 0);
    exec_result r = run(path, "json", NULL);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_t *j = parse_json(&r);
    json_t *loans = json_object_get(j, "loans"), *tot = json_object_get(j, "totals");
    ck_assert_int_eq(json_array_size(loans), N);
    ck_assert_int_eq(json_integer_value(json_object_get(tot, "loans")), N);
    ck_assert_int_eq(json_integer_value(json_object_get(tot, "skipped")), 0);
    sl_money sum[4] = {0};
    sl_date as_of = {2025, 12, 31}, from = {2025, 1, 1};
    for (int i = 0; i < N; i++) {
        json_t *l = json_array_get(loans, (size_t)i);
        for (int k = 0; k < 4; k++)
            sum[k] += jm(l, items[k]);
        /* the per-loan line is the library's figure for that loan */
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        t.principal = M(rows[i].amount);
        t.nominal_rate = R(rows[i].rate);
        t.terms = atoi(rows[i].terms);
        t.terms_per_year = atoi(rows[i].tpy);
        ck_assert_int_eq(sl_loan_type_parse(&t.type, rows[i].type), SL_OK);
        ck_assert_int_eq(sl_date_parse(&t.payout_date, rows[i].payout, NULL, NULL), SL_OK);
        t.term_fee = rows[i].term_fee[0] ? M(rows[i].term_fee) : 0;
        t.establishment_fee = rows[i].est_fee[0] ? M(rows[i].est_fee) : 0;
        t.interest_only_terms = atoi(rows[i].io);
        sl_loan_figures f;
        ck_assert_int_eq(sl_loan_figures_compute(&f, &t, as_of, from, as_of, NULL), SL_OK);
        ck_assert_str_eq(json_string_value(json_object_get(l, "id")), rows[i].id);
        ck_assert_int_eq(jm(l, "balance"), f.balance);
        ck_assert_int_eq(jm(l, "interest"), f.interest);
        ck_assert_int_eq(jm(l, "principal"), f.principal);
        ck_assert_int_eq(jm(l, "fees"), f.fees);
        ck_assert_int_eq(json_integer_value(json_object_get(l, "line")), i + 2);
    }
    for (int k = 0; k < 4; k++)
        ck_assert_msg(jm(tot, items[k]) == sum[k], "total %s", items[k]);
    json_decref(j);
    exec_free(&r);

    /* CSV: the TOTAL line is the column sums, loans and skipped included */
    r = run(path, "csv", NULL);
    ck_assert_int_eq(r.status, 0);
    sl_money csum[6] = {0};
    long nloans = 0;
    char *save, *line = strtok_r(r.out, "\n", &save);
    ck_assert_str_eq(line,
                     "id,loans,skipped,balance,interest,principal,term_fees,establishment_fees,fees");
    int lines = 0;
    while ((line = strtok_r(NULL, "\n", &save))) {
        char id[32];
        long l, s;
        char v[6][48];
        ck_assert_int_eq(sscanf(line, "%31[^,],%ld,%ld,%47[^,],%47[^,],%47[^,],%47[^,],%47[^,],%47s",
                                id, &l, &s, v[0], v[1], v[2], v[3], v[4], v[5]),
                         9);
        if (strcmp(id, "TOTAL") == 0) {
            ck_assert_int_eq(l, nloans);
            ck_assert_int_eq(s, 0);
            for (int k = 0; k < 6; k++)
                ck_assert_int_eq(M(v[k]), csum[k]);
            ck_assert_ptr_null(strtok_r(NULL, "\n", &save));
            break;
        }
        lines++;
        nloans += l;
        for (int k = 0; k < 6; k++)
            csum[k] += M(v[k]);
    }
    ck_assert_int_eq(lines, N);
    ck_assert_int_eq(csum[0], sum[0]);
    exec_free(&r);

    /* --totals-only: the same totals, no per-loan lines */
    static const char *const only[] = {"--totals-only", NULL};
    r = run(path, "json", only);
    ck_assert_int_eq(r.status, 0);
    json_t *j2 = parse_json(&r);
    ck_assert_ptr_null(json_object_get(j2, "loans"));
    for (int k = 0; k < 4; k++)
        ck_assert_int_eq(jm(json_object_get(j2, "totals"), items[k]), sum[k]);
    json_decref(j2);
    exec_free(&r);
    r = run(path, "csv", only);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "\nTOTAL,400,0,"));
    ck_assert_ptr_null(strstr(r.out, "L00001"));
    exec_free(&r);

    /* the Norwegian form of the same book gives the same figures */
    char npath[64];
    write_loans(npath, rows, N, 1);
    exec_result a = run(path, "json", NULL), b = run(npath, "json", NULL);
    ck_assert_int_eq(b.status, 0);
    ck_assert_str_eq(a.out, b.out);
    exec_free(&a);
    exec_free(&b);
    unlink(npath);
    unlink(path);
}
END_TEST

START_TEST(period_and_establishment_fee)
{
    char path[64];
    const char text[] = HEADER "A,100000,5,12,12,annuity,2025-01-15,30,600,\n";
    exec_temp_file(path, text, sizeof text - 1);
    static const char *const p1[] = {"--from", "2025-02-15", "--to", "2025-02-15", NULL};
    exec_result r = run(path, "json", p1);
    ck_assert_int_eq(r.status, 0);
    json_t *j = parse_json(&r);
    json_t *l = json_array_get(json_object_get(j, "loans"), 0);
    /* the first term: 100 000 × 5 % / 12 = 416.67 interest, one term fee, no establishment fee */
    ck_assert_int_eq(jm(l, "interest"), M("416.67"));
    ck_assert_int_eq(jm(l, "fees"), M("30"));
    ck_assert_int_eq(json_integer_value(json_object_get(l, "terms_due")), 1);
    /* as of 2025-12-31 eleven terms are due and one is left */
    ck_assert_int_eq(jm(l, "balance"), M("8525.21"));
    json_decref(j);
    exec_free(&r);
    static const char *const p2[] = {"--from", "2025-01-15", "--to", "2025-01-15", NULL};
    r = run(path, "json", p2);
    j = parse_json(&r);
    l = json_array_get(json_object_get(j, "loans"), 0);
    ck_assert_int_eq(jm(l, "fees"), M("600")); /* paid at payout */
    ck_assert_int_eq(jm(l, "interest"), 0);
    json_decref(j);
    exec_free(&r);
    unlink(path);

    /* Norwegian header names, columns in another order */
    const char nor[] = "\xEF\xBB\xBFLånenr;Rente;Lånebeløp;Terminer;Terminer per år;Lånetype;"
                       "Utbetalingsdato;Etableringsgebyr;Termingebyr\r\n"
                       "A;5,000;100 000;12;12;annuitet;2025-01-15;600;30\r\n";
    exec_temp_file(path, nor, sizeof nor - 1);
    r = run(path, "csv", NULL);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_str_eq(r.out, "id,loans,skipped,balance,interest,principal,term_fees,"
                            "establishment_fees,fees\n"
                            "A,1,0,8525.21,2693.46,91474.79,330.00,600.00,930.00\n"
                            "TOTAL,1,0,8525.21,2693.46,91474.79,330.00,600.00,930.00\n");
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(bad_rows_skip_or_stop)
{
    char path[64];
    const char text[] = HEADER "A,100000,5,12,12,annuity,2025-01-15,30,600,\n"
                               "B,12x,5,12,12,annuity,2025-01-15,,,\n"
                               "C,100000,5,12,12,annuity,,,,\n"
                               "D,100000,5,12,12,annuity,2025-01-15\n"
                               "E,100000,5,12,12,annuity,2025-01-15,,,12\n"
                               "F,200000,5,12,12,serial,2025-01-15,,,\n";
    exec_temp_file(path, text, sizeof text - 1);
    static const char *const skip[] = {"--on-error", "skip", NULL};
    exec_result r = run(path, "json", skip);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *tot = json_object_get(j, "totals");
    ck_assert_int_eq(json_integer_value(json_object_get(tot, "loans")), 2);
    ck_assert_int_eq(json_integer_value(json_object_get(tot, "skipped")), 4);
    json_t *b = json_array_get(json_object_get(j, "loans"), 1);
    ck_assert(json_is_true(json_object_get(b, "skipped")));
    ck_assert_int_eq(json_integer_value(json_object_get(b, "line")), 3);
    json_decref(j);
    ck_assert_ptr_nonnull(strstr(r.err, "line 3, column 2 (amount)"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 4, column 7 (payout_date)"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 5"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 6, column 10 (interest_only_terms)"));
    exec_free(&r);
    r = run(path, "csv", NULL); /* stop is the default */
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "line 3, column 2 (amount)"));
    ck_assert_str_eq(r.out, ""); /* not the line of loan A before it */
    exec_free(&r);
    unlink(path);
}
END_TEST

/* Exit status 2 and a message, and nothing on stdout (not even the lines
 * before the bad one). */
static void expect_unreadable(const char *text, size_t len, const char *want)
{
    char path[64];
    exec_temp_file(path, text, len);
    exec_result r = run(path, "csv", NULL);
    ck_assert_msg(r.status == 2, "status %d for:\n%.200s\n%s", r.status, text, r.err);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, want) != NULL, "message '%s' lacks '%s'", r.err, want);
    exec_free(&r);
    unlink(path);
}

#define T(s) s, sizeof s - 1

START_TEST(malformed_files)
{
    expect_unreadable(T(""), "empty file");
    expect_unreadable(T(HEADER), "no loans");
    expect_unreadable(T("id,amount,rate,terms,terms_per_year,type,payout_date,colour\n"),
                      "line 1, column 8: unknown column 'colour'");
    expect_unreadable(T("id,amount,rate,terms,type,payout_date\n"), "terms_per_year");
    expect_unreadable(T(HEADER "A,100000,5,12,12,annuity,2025-01-15,30,600,\n"
                               "\"B,100000,5,12,12,annuity,2025-01-15,30,600,\n"),
                      "line 3");
    /* a 100 MB line */
    char path[64] = "/tmp/sl-test-big-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "wb");
    fputs(HEADER "A,", f);
    static char block[1 << 20];
    memset(block, '1', sizeof block);
    for (int i = 0; i < 100; i++)
        ck_assert(fwrite(block, 1, sizeof block, f) == sizeof block);
    fputs(",5,12,12,annuity,2025-01-15,30,600,\n", f);
    ck_assert(fclose(f) == 0);
    static const char *const skip[] = {"--on-error", "skip", NULL};
    exec_result r = run(path, "csv", skip);
    ck_assert_int_eq(r.status, 2);
    ck_assert_str_eq(r.out, "");
    ck_assert_ptr_nonnull(strstr(r.err, "line 2"));
    exec_free(&r);
    unlink(path);
}
END_TEST

/* A NUL byte anywhere in a record is a bad row naming line and column: the
 * amount 100000\0999 is not read as 100 000, a row starting with NUL does
 * not disappear, and with --on-error skip the row is counted as skipped. */
START_TEST(nul_bytes_are_bad_rows)
{
    static const char in_amount[] = HEADER "A,100000\0999,5,12,12,annuity,2025-01-15,,,\n"
                                           "B,100000,5,12,12,annuity,2025-01-15,,,\n";
    static const char at_start[] = HEADER "\0A,100000,5,12,12,annuity,2025-01-15,,,\n"
                                          "B,100000,5,12,12,annuity,2025-01-15,,,\n";
    static const char alone[] = HEADER "\0\nB,100000,5,12,12,annuity,2025-01-15,,,\n";
    static const struct {
        const char *text;
        size_t len;
        const char *where;
    } cases[] = {
        {in_amount, sizeof in_amount - 1, "line 2, column 2"},
        {at_start, sizeof at_start - 1, "line 2, column 1"},
        {alone, sizeof alone - 1, "line 2, column 1"},
    };
    static const char *const skip[] = {"--on-error", "skip", NULL};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        expect_unreadable(cases[i].text, cases[i].len, cases[i].where);
        char path[64];
        exec_temp_file(path, cases[i].text, cases[i].len);
        exec_result r = run(path, "json", skip);
        ck_assert_msg(r.status == 1, "case %zu: status %d: %s", i, r.status, r.err);
        ck_assert_ptr_nonnull(strstr(r.err, cases[i].where));
        ck_assert_ptr_nonnull(strstr(r.err, "NUL"));
        json_t *j = parse_json(&r), *tot = json_object_get(j, "totals");
        ck_assert_int_eq(json_integer_value(json_object_get(tot, "loans")), 1);
        ck_assert_int_eq(json_integer_value(json_object_get(tot, "skipped")), 1);
        json_decref(j);
        exec_free(&r);
        unlink(path);
    }
    static const char header[] = "id,amount,rate,terms,terms_\0per_year,type,payout_date\n"
                                 "B,100000,5,12,12,annuity,2025-01-15\n";
    expect_unreadable(header, sizeof header - 1, "line 1, column 5");
}
END_TEST

/* A run that stops leaves stdout empty: no CSV header, no JSON opening, no
 * lines of the loans before the bad one (a reader sees nothing, not a fragment). */
START_TEST(stop_before_any_loan_prints_nothing)
{
    static const char *const firsts[] = {
        "A,12x,5,12,12,annuity,2025-01-15,,,\n",   /* a bad value */
        "A,100000,5,12,12,annuity,2025-01-15\n",   /* too few fields */
        "A,100000,5,700,12,annuity,2025-01-15,,,\n", /* a contract refused */
    };
    static const char second[] = "B,100000,5,12,12,annuity,2025-01-15,,,\n";
    static const char *const formats[] = {"csv", "json"};
    static const char *const totals_only[] = {"--totals-only", NULL};
    for (size_t i = 0; i < sizeof firsts / sizeof firsts[0]; i++) {
        char text[512], path[64];
        int n = snprintf(text, sizeof text, "%s%s%s", HEADER, firsts[i], second);
        exec_temp_file(path, text, (size_t)n);
        for (size_t f = 0; f < 2; f++)
            for (int t = 0; t < 2; t++) {
                exec_result r = run(path, formats[f], t ? totals_only : NULL);
                ck_assert_msg(r.status == 2, "row %zu %s: status %d", i, formats[f], r.status);
                ck_assert_msg(r.out[0] == '\0', "row %zu %s%s: stdout '%s'", i, formats[f],
                              t ? " --totals-only" : "", r.out);
                ck_assert_ptr_nonnull(strstr(r.err, "line 2"));
                exec_free(&r);
            }
        unlink(path);
        /* the same row second: the first loan was read, then the run stops;
         * its line is not printed either (the output is held until the end) */
        n = snprintf(text, sizeof text, "%s%s%s", HEADER, second, firsts[i]);
        exec_temp_file(path, text, (size_t)n);
        exec_result r = run(path, "csv", NULL);
        ck_assert_int_eq(r.status, 2);
        ck_assert_str_eq(r.out, "");
        exec_free(&r);
        unlink(path);
    }
}
END_TEST

START_TEST(bad_options)
{
    char *a1[] = {(char *)prog, "--loans", "x.csv", NULL};
    char *a2[] = {(char *)prog, "--loans", "x.csv", "--as-of", "2025-12-31", "--from",
                  "2026-01-01", NULL};
    char *a3[] = {(char *)prog, "--loans", "x.csv", "--as-of", "2025-12-31", "--on-error",
                  "ignore", NULL};
    char *a4[] = {(char *)prog, "--loans", "x.csv", "--as-of", "2025-13-01", NULL};
    char *a5[] = {(char *)prog, "--loans", "/nonexistent.csv", "--as-of", "2025-12-31", NULL};
    char *a6[] = {(char *)prog, "--as-of", "2025-12-31", NULL};
    char **all[] = {a1, a2, a3, a4, a5, a6};
    for (size_t i = 0; i < 6; i++) {
        exec_result r = exec_run(NULL, all[i]);
        exec_expect_usage_error(r.status, r.out, r.err, NULL);
        exec_free(&r);
    }
}
END_TEST

static Suite *cli_portfolio_suite(void)
{
    Suite *s = suite_create("cli-portfolio");
    TCase *tc = tcase_create("totals");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, totals_are_the_sums_of_the_loans);
    tcase_add_test(tc, period_and_establishment_fee);
    suite_add_tcase(s, tc);
    tc = tcase_create("input");
    tcase_add_test(tc, bad_rows_skip_or_stop);
    tcase_add_test(tc, malformed_files);
    tcase_add_test(tc, nul_bytes_are_bad_rows);
    tcase_add_test(tc, stop_before_any_loan_prints_nothing);
    tcase_add_test(tc, bad_options);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SL-PORTFOLIO\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    return run_suite(cli_portfolio_suite());
}
