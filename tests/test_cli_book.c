/* sl-portfolio on books as they are: per-loan contracts and events give the
 * figures sl-plan gives for the same loan, --loan shows the rows behind a
 * loan's figures, --group-by sums to the totals, --reconcile finds one øre,
 * ids the book does not have are findings, refusals name file, line, column
 * and value with nothing on stdout. argv[1]: sl-portfolio, argv[2]: sl-plan. */
#define _GNU_SOURCE
#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *prog, *plan_prog;

#define HEADER "id,amount,rate,terms,terms_per_year,type,payout_date,term_fee,margin,due_day\n"

static exec_result portfolio(const char *const *args)
{
    char *argv[32];
    int k = 0;
    argv[k++] = (char *)prog;
    for (int i = 0; args[i]; i++)
        argv[k++] = (char *)args[i];
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

/* A loan with its contract written both ways: a book row and sl-plan options. */
typedef struct book_loan {
    char row[256];
    char *plan_argv[40];
    char args[40][96];
    int nargs;
} book_loan;

static void arg(book_loan *l, const char *fmt, const char *value)
{
    snprintf(l->args[l->nargs], sizeof l->args[0], fmt, value);
    l->plan_argv[l->nargs + 1] = l->args[l->nargs];
    l->nargs++;
}

/* Close the book's and the events' memory streams and write each to a
 * temporary file (named in bpath and epath). */
static void write_book_and_events(char bpath[64], char epath[64], FILE *bf, FILE *ef, char **book,
                                  size_t *blen, char **events, size_t *elen)
{
    fclose(bf);
    fclose(ef);
    exec_temp_file(bpath, *book, *blen);
    exec_temp_file(epath, *events, *elen);
    free(*book);
    free(*events);
}

/* Sum of interest and the last closing balance of sl-plan's rows due in
 * [from, to] (ISO dates compare as text). */
static void plan_year(const book_loan *l, const char *from, const char *to, sl_money *interest,
                      sl_money *principal, sl_money *balance)
{
    char *argv[44];
    argv[0] = (char *)plan_prog;
    for (int i = 0; i < l->nargs; i++)
        argv[i + 1] = (char *)l->args[i];
    argv[l->nargs + 1] = "--format";
    argv[l->nargs + 2] = "csv";
    argv[l->nargs + 3] = NULL;
    exec_result r = exec_run(NULL, argv);
    ck_assert_msg(r.status == 0, "sl-plan: %s", r.err);
    *interest = *principal = 0;
    char *save, *line = strtok_r(r.out, "\n", &save);
    while ((line = strtok_r(NULL, "\n", &save))) {
        char due[16], v[6][32];
        int term;
        ck_assert_int_eq(sscanf(line, "%d,%15[^,],%31[^,],%31[^,],%31[^,],%31[^,],%31[^,],%31[^,]",
                                &term, due, v[0], v[1], v[2], v[3], v[4], v[5]),
                         8);
        if (strcmp(due, to) > 0)
            break;
        *balance = M(v[5]);
        if (strcmp(due, from) >= 0) {
            *interest += M(v[1]);
            *principal += M(v[2]);
        }
    }
    exec_free(&r);
}

/* Per-loan margin, due day and events (rate changes, extra payments) give the
 * yearly interest and the balance that sl-plan's own runs of the same
 * contracts give. */
START_TEST(per_loan_contracts_reproduce_sl_plan)
{
    test_rng g = {test_seed("cli-book")};
    enum { N = 24 };
    static book_loan loans[N];
    char *book, *events;
    size_t blen, elen;
    FILE *bf = open_memstream(&book, &blen), *ef = open_memstream(&events, &elen);
    fputs(HEADER, bf);
    fputs("id,date,kind,amount\n", ef);
    for (int i = 0; i < N; i++) {
        book_loan *l = &loans[i];
        memset(l, 0, sizeof *l);
        char amount[32], rate[16], terms[16], payout[16], margin[16], due[8], d[16], v[32];
        snprintf(amount, sizeof amount, "%d", (int)rng_range(&g, 2, 40) * 50000);
        snprintf(rate, sizeof rate, "%d.%03d", (int)rng_range(&g, 1, 6), (int)rng_range(&g, 0, 999));
        snprintf(terms, sizeof terms, "%d", (int)rng_range(&g, 12, 30) * 12);
        int y = (int)rng_range(&g, 2015, 2024), m = (int)rng_range(&g, 1, 12);
        snprintf(payout, sizeof payout, "%04d-%02d-%02d", y, m, (int)rng_range(&g, 1, 28));
        snprintf(margin, sizeof margin, "0.%02d", (int)rng_range(&g, 0, 25));
        snprintf(due, sizeof due, "%d", (int)rng_range(&g, 1, 28));
        const char *type = rng_range(&g, 0, 1) ? "serial" : "annuity";
        /* the book writes dates and types as Norwegian systems do */
        snprintf(l->row, sizeof l->row, "L%02d,%s,%s,%s,12,%s,%.2s.%.2s.%.4s,30,%s,%s\n", i,
                 amount, rate, terms, type[0] == 's' ? "Serielån" : "Annuitet", payout + 8,
                 payout + 5, payout, margin, due);
        fputs(l->row, bf);
        arg(l, "--amount=%s", amount);
        arg(l, "--rate=%s", rate);
        arg(l, "--terms=%s", terms);
        arg(l, "--type=%s", type);
        arg(l, "--payout-date=%s", payout);
        arg(l, "--term-fee=%s", "30");
        arg(l, "--margin=%s", margin);
        arg(l, "--due-day=%s", due);
        /* rate changes on the 1st of every other month, as Husbanken's */
        for (int c = 0; c < 3; c++) {
            snprintf(d, sizeof d, "%04d-%02d-01", 2025 - c, (int)rng_range(&g, 1, 6) * 2 - 1);
            snprintf(v, sizeof v, "%d.%03d", (int)rng_range(&g, 2, 6), (int)rng_range(&g, 0, 999));
            if (strcmp(d, payout) <= 0)
                continue;
            fprintf(ef, "L%02d,%s,rate-change,%s\n", i, d, v);
            char both[48];
            snprintf(both, sizeof both, "%s:%s", d, v);
            arg(l, "--rate-change=%s", both);
        }
        if (rng_range(&g, 0, 1)) {
            snprintf(d, sizeof d, "2025-%02d-%02d", (int)rng_range(&g, 1, 12),
                     (int)rng_range(&g, 1, 28));
            int shorten = (int)rng_range(&g, 0, 1);
            fprintf(ef, "L%02d,%.2s.%.2s.%.4s,%s,\"10 000,00\"\n", i, d + 8, d + 5, d,
                    shorten ? "extra-shorten" : "Ekstra");
            char both[48];
            snprintf(both, sizeof both, shorten ? "%s:10000:shorten" : "%s:10000", d);
            arg(l, "--extra=%s", both);
        }
    }
    char bpath[64], epath[64];
    write_book_and_events(bpath, epath, bf, ef, &book, &blen, &events, &elen);
    const char *args[] = {"--loans", bpath, "--events", epath, "--as-of", "2025-12-31",
                          "--format", "json", NULL};
    exec_result r = portfolio(args);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_t *j = parse_json(&r);
    json_t *list = json_object_get(j, "loans");
    ck_assert_int_eq(json_array_size(list), N);
    for (int i = 0; i < N; i++) {
        json_t *o = json_array_get(list, (size_t)i);
        sl_money interest, principal, balance;
        plan_year(&loans[i], "2025-01-01", "2025-12-31", &interest, &principal, &balance);
        ck_assert_msg(jm(o, "interest") == interest, "loan %d: interest %lld, sl-plan %lld", i,
                      (long long)jm(o, "interest"), (long long)interest);
        ck_assert_int_eq(jm(o, "principal"), principal);
        ck_assert_int_eq(jm(o, "balance"), balance);
    }
    json_decref(j);
    exec_free(&r);

    /* --loan: the rows behind one loan's figures, and the rows sl-plan prints */
    const char *one[] = {"--loans", bpath, "--events", epath, "--as-of", "2025-12-31",
                         "--loan", "L03", NULL};
    r = portfolio(one);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert(strncmp(r.out, "term,due_date,opening_balance,interest,", 39) == 0);
    sl_money interest = 0, last = -1;
    char *save, *line = strtok_r(r.out, "\n", &save);
    while ((line = strtok_r(NULL, "\n", &save))) {
        char due[16], v[6][32];
        int term;
        ck_assert_int_eq(sscanf(line, "%d,%15[^,],%31[^,],%31[^,],%31[^,],%31[^,],%31[^,],%31[^,]",
                                &term, due, v[0], v[1], v[2], v[3], v[4], v[5]),
                         8);
        ck_assert(strncmp(due, "2025-", 5) == 0);
        interest += M(v[1]);
        last = M(v[5]);
    }
    exec_free(&r);
    sl_money pi, pp, pb;
    plan_year(&loans[3], "2025-01-01", "2025-12-31", &pi, &pp, &pb);
    ck_assert_int_eq(interest, pi);
    ck_assert_int_eq(last, pb);
    const char *onej[] = {"--loans", bpath, "--events", epath, "--as-of", "2025-12-31",
                          "--loan", "L03", "--format", "json", NULL};
    r = portfolio(onej);
    ck_assert_int_eq(r.status, 0);
    j = parse_json(&r);
    json_t *fig = json_object_get(j, "figures"), *rows = json_object_get(j, "schedule");
    sl_money sum = 0;
    for (size_t i = 0; i < json_array_size(rows); i++)
        sum += jm(json_array_get(rows, i), "interest");
    ck_assert_int_eq(jm(fig, "interest"), sum);
    ck_assert_int_eq(jm(fig, "balance"), pb);
    json_decref(j);
    exec_free(&r);
    unlink(bpath);
    unlink(epath);
}
END_TEST

/* Loans that follow a rate history (a file named per loan, the program's
 * --rate-history for the rest, Husbanken's shipped floating rate) have the
 * yearly interest and balance that sl-plan --rate-history gives them. */
START_TEST(rate_histories_reproduce_sl_plan)
{
    static const char history[] = "# a kommune's own history for the test book (not published rates)\n"
                                  "2020-01-01 2.500\n"
                                  "2021-03-01 2.750\n"
                                  "2022-05-01 3,100\n"
                                  "2022-09-01 3.600\n"
                                  "2023-01-01 4.000\n"
                                  "2023-07-01 4.400\n"
                                  "2024-03-01 4.600\n"
                                  "2025-01-01 4.450\n"
                                  "2025-09-01 4.300\n";
    char hpath[64], bpath[64];
    exec_temp_file(hpath, history, sizeof history - 1);
    test_rng g = {test_seed("cli-book-history")};
    enum { N = 10 };
    static book_loan loans[N];
    char *book;
    size_t blen;
    FILE *bf = open_memstream(&book, &blen);
    fputs("id;amount;rate;terms;terms_per_year;type;payout_date;term_fee;margin;due_day;"
          "rate_history\n", bf);
    for (int i = 0; i < N; i++) {
        book_loan *l = &loans[i];
        memset(l, 0, sizeof *l);
        char amount[32], terms[16], payout[16], margin[16], due[8];
        snprintf(amount, sizeof amount, "%d", (int)rng_range(&g, 2, 40) * 50000);
        snprintf(terms, sizeof terms, "%d", (int)rng_range(&g, 10, 30) * 12);
        snprintf(payout, sizeof payout, "%04d-%02d-%02d", (int)rng_range(&g, 2020, 2024),
                 (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28));
        snprintf(margin, sizeof margin, "0,%02d", (int)rng_range(&g, 0, 25));
        snprintf(due, sizeof due, "%d", (int)rng_range(&g, 1, 28));
        const char *type = i % 2 ? "serial" : "annuity";
        /* even loans name the file, odd ones leave it to --rate-history */
        fprintf(bf, "H%02d;%s;;%s;12;%s;%s;30;%s;%s;%s\n", i, amount, terms, type, payout, margin,
                due, i % 2 ? "" : hpath);
        arg(l, "--amount=%s", amount);
        arg(l, "--terms=%s", terms);
        arg(l, "--type=%s", type);
        arg(l, "--payout-date=%s", payout);
        arg(l, "--term-fee=%s", "30");
        arg(l, "--margin=%s", margin);
        arg(l, "--due-day=%s", due);
        arg(l, "--rate-history=%s", hpath);
    }
    fclose(bf);
    exec_temp_file(bpath, book, blen);
    free(book);
    const char *args[] = {"--loans", bpath, "--rate-history", hpath, "--as-of", "2025-12-31",
                          "--format", "json", NULL};
    exec_result r = portfolio(args);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_t *j = parse_json(&r);
    json_t *list = json_object_get(j, "loans");
    ck_assert_int_eq(json_array_size(list), N);
    for (int i = 0; i < N; i++) {
        json_t *o = json_array_get(list, (size_t)i);
        sl_money interest, principal, balance;
        plan_year(&loans[i], "2025-01-01", "2025-12-31", &interest, &principal, &balance);
        ck_assert_msg(jm(o, "interest") == interest, "loan %d: interest %lld, sl-plan %lld", i,
                      (long long)jm(o, "interest"), (long long)interest);
        ck_assert_int_eq(jm(o, "principal"), principal);
        ck_assert_int_eq(jm(o, "balance"), balance);
    }
    json_decref(j);
    exec_free(&r);

    /* a rate column that contradicts the history is a bad row naming it */
    const char wrong[] = "id,amount,rate,terms,terms_per_year,type,payout_date,rate_history\n"
                         "W1,100000,5,120,12,annuity,2024-06-15,husbanken-floating\n";
    exec_temp_file(bpath, wrong, sizeof wrong - 1);
    const char *a2[] = {"--loans", bpath, "--as-of", "2024-12-31", NULL};
    r = portfolio(a2);
    ck_assert_int_eq(r.status, 2);
    ck_assert_str_eq(r.out, "");
    ck_assert_ptr_nonnull(strstr(r.err, "line 2, column 3 (rate): '5':"));
    exec_free(&r);

    /* Husbanken's shipped floating rate: 4,554 % in force at payout, 4,640 % from
     * 1 July 2024; the history ends on 1 September 2024, which is said */
    const char hb[] = "id,amount,rate,terms,terms_per_year,type,payout_date,rate_history\n"
                      "B1,1000000,,300,12,annuity,2024-06-15,husbanken-floating\n";
    exec_temp_file(bpath, hb, sizeof hb - 1);
    const char *a3[] = {"--loans", bpath, "--as-of", "2024-12-31", NULL};
    r = portfolio(a3);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_ptr_nonnull(strstr(r.err, "husbanken-floating ends on 2024-09-01"));
    book_loan b;
    memset(&b, 0, sizeof b);
    arg(&b, "--amount=%s", "1000000");
    arg(&b, "--terms=%s", "300");
    arg(&b, "--payout-date=%s", "2024-06-15");
    arg(&b, "--rate-history=%s", "husbanken-floating");
    sl_money interest, principal, balance;
    plan_year(&b, "2024-01-01", "2024-12-31", &interest, &principal, &balance);
    char want[128], ai[SL_MONEY_BUFSIZE], ab[SL_MONEY_BUFSIZE];
    sl_money_format(ai, sizeof ai, interest, SL_MONEY_PLAIN);
    sl_money_format(ab, sizeof ab, balance, SL_MONEY_PLAIN);
    snprintf(want, sizeof want, "\nB1,1,0,%s,%s,", ab, ai);
    ck_assert_msg(strstr(r.out, want) != NULL, "%s lacks %s", r.out, want);
    exec_free(&r);
    unlink(bpath);
    unlink(hpath);
}
END_TEST

static const char small_book[] =
    HEADER "A1,100000,5,12,12,annuity,2025-01-15,30,,\n"
           "A2,2000000,4.5,300,12,Serielån,20.06.2024,30,0.25,20\n"
           "A3,500000,5,240,12,Annuitet,2026-03-01,,,\n"
           "A4,800000,3.9,80,4,serie,01.02.2019,,,\n";

/* The CSV lines of r after the header, as fields. */
static int csv_lines(char *out, char lines[][12][48], int max)
{
    int n = 0;
    char *save, *line = strtok_r(out, "\n", &save);
    while ((line = strtok_r(NULL, "\n", &save)) && n < max) {
        int k = 0;
        char *s2, *f = strtok_r(line, ",", &s2);
        for (; f && k < 12; f = strtok_r(NULL, ",", &s2))
            snprintf(lines[n][k++], 48, "%s", f);
        n++;
    }
    return n;
}

START_TEST(group_by_sums_equal_the_totals)
{
    char path[64];
    exec_temp_file(path, small_book, sizeof small_book - 1);
    static char l[16][12][48], g[16][12][48];
    const char *plain[] = {"--loans", path, "--as-of", "2025-12-31", "--from", "2019-01-01",
                           NULL};
    exec_result r = portfolio(plain);
    ck_assert_msg(r.status == 0, "%s", r.err);
    int n = csv_lines(r.out, l, 16);
    ck_assert_int_eq(n, 5);
    ck_assert_str_eq(l[4][0], "TOTAL");
    exec_free(&r);

    const char *by_type[] = {"--loans", path, "--as-of", "2025-12-31", "--from", "2019-01-01",
                             "--group-by", "type", NULL};
    r = portfolio(by_type);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert(strncmp(r.out, "type,loans,", 11) == 0);
    int m = csv_lines(r.out, g, 16);
    ck_assert_int_eq(m, 3);
    ck_assert_str_eq(g[0][0], "annuity");
    ck_assert_str_eq(g[1][0], "serial");
    for (int k = 1; k < 9; k++) {
        ck_assert_str_eq(g[2][k], l[4][k]); /* the TOTAL line is the plain run's */
        if (k >= 3)
            ck_assert_int_eq(M(g[0][k]) + M(g[1][k]), M(g[2][k]));
    }
    ck_assert_int_eq(atoi(g[0][1]) + atoi(g[1][1]), 4);
    exec_free(&r);

    const char *by_year[] = {"--loans", path, "--as-of", "2025-12-31", "--from", "2019-01-01",
                             "--group-by", "year", NULL};
    r = portfolio(by_year);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert(strncmp(r.out, "year,loans,", 11) == 0);
    m = csv_lines(r.out, g, 16);
    ck_assert_int_eq(m, 8); /* 2019 … 2025 and TOTAL */
    ck_assert_str_eq(g[0][0], "2019");
    ck_assert_str_eq(g[6][0], "2025");
    for (int k = 4; k < 9; k++) { /* interest, principal, fees: the years add up */
        sl_money s = 0;
        for (int y = 0; y < 7; y++)
            s += M(g[y][k]);
        ck_assert_int_eq(s, M(g[7][k]));
        ck_assert_str_eq(g[7][k], l[4][k]);
    }
    ck_assert_str_eq(g[6][3], g[7][3]); /* the last year's balance is the balance at --as-of */
    ck_assert_str_eq(g[0][1], "1");     /* only A4 was paid out in 2019 */
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(reconcile_finds_one_ore)
{
    char path[64], ledger[64];
    exec_temp_file(path, small_book, sizeof small_book - 1);
    const char *plain[] = {"--loans", path, "--as-of", "2025-12-31", "--format", "json", NULL};
    exec_result r = portfolio(plain);
    ck_assert_int_eq(r.status, 0);
    json_t *j = parse_json(&r);
    json_t *list = json_object_get(j, "loans");
    char text[1024] = "Lånenr;Restgjeld;Navn\n", one[128];
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *o = json_array_get(list, i);
        sl_money b = jm(o, "balance") + (i == 1 ? 1 : 0); /* A2: one øre more in the ledger */
        if (b == 0)
            continue; /* a ledger leaves out loans without a balance */
        char nor[SL_MONEY_BUFSIZE];
        sl_money_format(nor, sizeof nor, b, SL_MONEY_NORWEGIAN);
        snprintf(one, sizeof one, "%s;%s;Familie %zu\n", json_string_value(json_object_get(o, "id")),
                 nor, i);
        strcat(text, one);
    }
    json_decref(j);
    exec_free(&r);
    exec_temp_file(ledger, text, strlen(text));
    const char *rec[] = {"--loans", path, "--as-of", "2025-12-31", "--reconcile", ledger, NULL};
    r = portfolio(rec);
    ck_assert_int_eq(r.status, 1);
    /* A2 is serial, 2 000 000 / 300 = 6 666,67 a term, 18 terms due by the end of
     * 2025: 1 879 999,94; A4 has 27 of its quarterly 10 000 due: 530 000 */
    ck_assert_str_eq(r.out, "id,status,book,ledger,difference\n"
                            "A2,differs,1879999.94,1879999.95,0.01\n"
                            "TOTAL,1,2418525.15,2418525.16,0.01\n");
    exec_free(&r);

    /* an id the book does not have: listed and named, not a crash (its
     * balance as a price is written, whole kroner) */
    strcat(text, "Z9;kr 1 000,-;Ukjent\n");
    exec_temp_file(ledger, text, strlen(text));
    r = portfolio(rec);
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.out, "\nZ9,not-in-book,,1000.00,1000.00\n"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nTOTAL,2,2418525.15,2419525.16,1000.01\n"));
    ck_assert_ptr_nonnull(strstr(r.err, "line 5: loan 'Z9' is not in the book"));
    exec_free(&r);

    /* the same ledger without the øre and the stranger agrees: exit 0 (the
     * balance as Norwegian Excel writes it, dot grouping and kr) */
    char *a2 = strstr(text, "A2;");
    ck_assert_ptr_nonnull(a2);
    char *z9 = strstr(text, "Z9;");
    *z9 = '\0';
    char *end = strchr(a2, ';') + 1;
    char fixed[1024];
    snprintf(fixed, sizeof fixed, "%.*skr 1.879.999,94%s", (int)(end - text), text, strchr(end, ';'));
    exec_temp_file(ledger, fixed, strlen(fixed));
    const char *recj[] = {"--loans", path, "--as-of", "2025-12-31", "--reconcile", ledger,
                          "--format", "json", NULL};
    r = portfolio(recj);
    ck_assert_msg(r.status == 0, "%s\n%s", r.out, fixed);
    j = parse_json(&r);
    ck_assert_int_eq(json_array_size(json_object_get(j, "differences")), 0);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "totals"), "difference")),
                     "0.00");
    json_decref(j);
    exec_free(&r);

    /* a loan with a balance that the ledger lacks */
    const char only_a1[] = "id,balance\nA1,8525.21\n";
    exec_temp_file(ledger, only_a1, sizeof only_a1 - 1);
    r = portfolio(rec);
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.out, "\nA2,not-in-ledger,1879999.94,,-1879999.94\n"));
    ck_assert_ptr_null(strstr(r.out, "A3,")); /* not paid out: nothing to miss */
    exec_free(&r);
    unlink(ledger);
    unlink(path);
}
END_TEST

START_TEST(unknown_event_ids_are_findings)
{
    char path[64], ev[64];
    exec_temp_file(path, small_book, sizeof small_book - 1);
    const char events[] = "id;date;kind;amount\nA1;01.05.2025;renteendring;4,5\n"
                          "Q7;2025-01-01;extra;100\n";
    exec_temp_file(ev, events, sizeof events - 1);
    const char *args[] = {"--loans", path, "--as-of", "2025-12-31", "--events", ev, NULL};
    exec_result r = portfolio(args);
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.err, ": line 3: loan 'Q7' is not in the book"));
    ck_assert_ptr_nonnull(strstr(r.out, "\nTOTAL,4,0,"));
    /* A1's rate change applied: lower interest than without the events */
    ck_assert_ptr_nonnull(strstr(r.out, "\nA1,1,0,8511.08,"));
    exec_free(&r);
    /* in JSON too: a finding naming the file, its line and the id, in every output */
    static const char *const modes[][4] = {
        {"--format", "json", NULL, NULL}, {"--format", "json", "--totals-only", NULL},
        {"--format", "json", "--group-by", "year"}};
    for (size_t m = 0; m < 3; m++) {
        const char *aj[] = {"--loans", path, "--as-of", "2025-12-31", "--events", ev,
                            modes[m][0], modes[m][1], modes[m][2], modes[m][3], NULL};
        r = portfolio(aj);
        ck_assert_int_eq(r.status, 1);
        json_t *j = parse_json(&r);
        json_t *f = json_object_get(j, "findings");
        ck_assert_msg(json_array_size(f) == 1, "mode %zu: %s", m, r.out);
        json_t *one = json_array_get(f, 0);
        ck_assert_str_eq(json_string_value(json_object_get(one, "id")), "Q7");
        ck_assert_str_eq(json_string_value(json_object_get(one, "file")), ev);
        ck_assert_int_eq(json_integer_value(json_object_get(one, "line")), 3);
        ck_assert_str_eq(json_string_value(json_object_get(one, "kind")),
                         "event-for-unknown-loan");
        json_decref(j);
        exec_free(&r);
    }
    unlink(ev);
    unlink(path);
}
END_TEST

/* --loan ID --format json carries that loan's findings, as standard error
 * names them in CSV: Husbanken's rules on its contract (35 years, a 0.50
 * point margin), the end of the rate history it follows, and the events of
 * the file that name loans the book does not have; none for a loan with
 * none (an empty list). */
START_TEST(loan_json_carries_its_findings)
{
    char path[64], ev[64], hist[64];
    const char history[] = "2020-01-01 3.0\n2024-03-01 4.0\n2025-03-01 gap\n";
    exec_temp_file(hist, history, sizeof history - 1);
    char book[512];
    snprintf(book, sizeof book,
             "id,amount,rate,terms,terms_per_year,type,payout_date,margin,rate_history\n"
             "F1,2000000,,420,12,annuity,2021-03-15,0.5,%s\n"
             "F2,1000000,4.5,240,12,serial,2021-03-15,0,\n",
             hist);
    exec_temp_file(path, book, strlen(book));
    const char events[] = "id,date,kind,amount\nF1,2022-05-10,extra,50000\nQ9,2022-05-01,extra,1\n";
    exec_temp_file(ev, events, sizeof events - 1);
    static const char *const kinds[] = {"term-over-30-years", "margin-over-limit",
                                        "rate-history-ends", "event-for-unknown-loan"};
    const char *aj[] = {"--loans", path, "--as-of", "2025-12-31", "--events", ev,
                        "--loan", "F1", "--format", "json", NULL};
    exec_result r = portfolio(aj);
    ck_assert_int_eq(r.status, 1); /* an event for an unknown loan, as in every mode */
    json_t *j = parse_json(&r);
    json_t *f = json_object_get(j, "findings");
    ck_assert_msg(json_array_size(f) == 4, "%s", r.out);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(f, i), "kind")),
                         kinds[i]);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(f, 1), "field")), "margin");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(f, 2), "date")),
                     "2025-03-01");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(f, 3), "id")), "Q9");
    ck_assert_int_gt(json_array_size(json_object_get(j, "schedule")), 0);
    json_decref(j);
    exec_free(&r);
    /* CSV: the rows on stdout, the same findings on standard error */
    const char *ac[] = {"--loans", path, "--as-of", "2025-12-31", "--events", ev,
                        "--loan", "F1", NULL};
    r = portfolio(ac);
    ck_assert_int_eq(r.status, 1);
    ck_assert(strncmp(r.out, "term,due_date,", 14) == 0);
    ck_assert_ptr_nonnull(strstr(r.err, "warning: the loan runs 420 terms"));
    ck_assert_ptr_nonnull(strstr(r.err, "(margin)"));
    ck_assert_ptr_nonnull(strstr(r.err, "ends on 2025-03-01"));
    ck_assert_ptr_nonnull(strstr(r.err, "loan 'Q9' is not in the book"));
    exec_free(&r);
    /* a loan with no findings of its own, and no unknown events: an empty list */
    const char *a2[] = {"--loans", path, "--as-of", "2025-12-31", "--loan", "F2",
                        "--format", "json", NULL};
    r = portfolio(a2);
    ck_assert_msg(r.status == 0, "%s", r.err);
    j = parse_json(&r);
    f = json_object_get(j, "findings");
    ck_assert(json_is_array(f) && json_array_size(f) == 0);
    json_decref(j);
    exec_free(&r);
    unlink(ev);
    unlink(path);
    unlink(hist);
}
END_TEST

/* Exit 2, nothing on stdout, and the message names what it should. */
static void refused(const char *const *args, const char *want)
{
    exec_result r = portfolio(args);
    ck_assert_msg(r.status == 2, "status %d: %s", r.status, r.err);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, want) != NULL, "'%s' lacks '%s'", r.err, want);
    ck_assert_msg(count_lines(r.err) == 1 || strstr(r.err, "\nTry "), "one line: %s", r.err);
    exec_free(&r);
}

/* The interest_only (windows by term number), rate_change_keeps_payment and
 * borrower columns mean what sl-plan's --interest-only FROM:TERMS,
 * --rate-change-keeps-payment and --borrower mean: the year's figures of
 * random loans with rate changes equal sl-plan's runs of the same contracts;
 * a bad value is refused naming the column. */
START_TEST(per_loan_windows_kept_payment_and_borrower)
{
    test_rng g = {test_seed("cli-book columns")};
    enum { N = 16 };
    static book_loan loans[N];
    char *book, *events;
    size_t blen, elen;
    FILE *bf = open_memstream(&book, &blen), *ef = open_memstream(&events, &elen);
    fputs("id;amount;rate;terms;terms_per_year;type;payout_date;avdragsfrihet;"
          "rate_change_keeps_payment;borrower\n", bf);
    fputs("id,date,kind,amount\n", ef);
    static const char *const yes[] = {"yes", "ja", "1", "nei", "no", ""};
    static const char *const who[] = {"household", "kommune", "borettslag", "Husstand", ""};
    for (int i = 0; i < N; i++) {
        book_loan *l = &loans[i];
        memset(l, 0, sizeof *l);
        char amount[32], rate[16], terms[16], payout[16], windows[64] = "", w[32], d[16], v[16];
        snprintf(amount, sizeof amount, "%d", (int)rng_range(&g, 2, 40) * 50000);
        snprintf(rate, sizeof rate, "%d.%03d", (int)rng_range(&g, 1, 6), (int)rng_range(&g, 0, 999));
        snprintf(terms, sizeof terms, "%d", (int)rng_range(&g, 15, 30) * 12);
        snprintf(payout, sizeof payout, "%04d-%02d-%02d", (int)rng_range(&g, 2020, 2024),
                 (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28));
        const char *type = rng_range(&g, 0, 2) ? "annuity" : "serial";
        const char *keep = yes[rng_range(&g, 0, 5)], *borrower = who[rng_range(&g, 0, 4)];
        arg(l, "--amount=%s", amount);
        arg(l, "--rate=%s", rate);
        arg(l, "--terms=%s", terms);
        arg(l, "--type=%s", type);
        arg(l, "--payout-date=%s", payout);
        for (int k = 0, from = 1; k < (int)rng_range(&g, 0, 2); k++) {
            from += (int)rng_range(&g, 1, 30);
            int n = (int)rng_range(&g, 1, 12);
            snprintf(w, sizeof w, "%d:%d", from, n);
            snprintf(windows + strlen(windows), sizeof windows - strlen(windows), "%s%s",
                     k ? " " : "", w);
            arg(l, "--interest-only=%s", w);
            from += n;
        }
        if (keep[0] == 'y' || keep[0] == 'j' || keep[0] == '1')
            arg(l, "%s", "--rate-change-keeps-payment");
        if (*borrower) {
            char lower[16];
            snprintf(lower, sizeof lower, "%s", borrower[0] == 'H' ? "household" : borrower);
            arg(l, "--borrower=%s", lower);
        }
        snprintf(l->row, sizeof l->row, "C%02d;%s;%s;%s;12;%s;%s;%s;%s;%s\n", i, amount, rate,
                 terms, type, payout, windows, keep, borrower);
        fputs(l->row, bf);
        for (int c = 0; c < 2; c++) { /* rate changes the kept payment must ride out */
            snprintf(d, sizeof d, "%04d-%02d-01", 2024 + c, (int)rng_range(&g, 1, 6) * 2 - 1);
            snprintf(v, sizeof v, "%d.%03d", (int)rng_range(&g, 2, 7), (int)rng_range(&g, 0, 999));
            if (strcmp(d, payout) <= 0)
                continue;
            fprintf(ef, "C%02d,%s,rate-change,%s\n", i, d, v);
            char both[48];
            snprintf(both, sizeof both, "%s:%s", d, v);
            arg(l, "--rate-change=%s", both);
        }
    }
    char bpath[64], epath[64];
    write_book_and_events(bpath, epath, bf, ef, &book, &blen, &events, &elen);
    const char *args[] = {"--loans", bpath, "--events", epath, "--as-of", "2025-12-31",
                          "--format", "json", NULL};
    exec_result r = portfolio(args);
    ck_assert_msg(r.status == 0, "%s", r.err);
    json_t *j = parse_json(&r);
    json_t *list = json_object_get(j, "loans");
    ck_assert_int_eq(json_array_size(list), N);
    for (int i = 0; i < N; i++) {
        json_t *o = json_array_get(list, (size_t)i);
        sl_money interest, principal, balance;
        plan_year(&loans[i], "2025-01-01", "2025-12-31", &interest, &principal, &balance);
        ck_assert_msg(jm(o, "interest") == interest, "loan %d (%s): interest %lld, sl-plan %lld",
                      i, loans[i].row, (long long)jm(o, "interest"), (long long)interest);
        ck_assert_int_eq(jm(o, "principal"), principal);
        ck_assert_int_eq(jm(o, "balance"), balance);
    }
    json_decref(j);
    exec_free(&r);
    unlink(epath);
    unlink(bpath);

    /* bad values name the column */
    static const struct {
        const char *value, *want;
    } bad[] = {{"13:12;;", ""}, /* the good row below */
               {"13-12;;", "column 8 (interest_only): '13-12'"},
               {"0:12;;", "FROM_TERM:TERMS"},
               {";kanskje;", "column 9 (rate_change_keeps_payment): 'kanskje'"},
               {";;bank", "column 10 (borrower): 'bank'"},
               {"400:12;;", "column 8 (interest_only)"},
               {NULL, "more than 100 windows"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "id;amount;rate;terms;terms_per_year;type;payout_date;avdragsfrihet;"
                 "rate_change_keeps_payment;borrower\nX1;100000;4;120;12;annuity;2024-01-15;%s\n",
                 bad[i].value ? bad[i].value : "");
        if (!bad[i].value) { /* 101 windows: refused before the contract compares them */
            int k = snprintf(text, sizeof text,
                             "id;amount;rate;terms;terms_per_year;type;payout_date;"
                             "avdragsfrihet\nX1;100000;4;120;12;annuity;2024-01-15;");
            for (int w = 0; w < 101; w++)
                k += snprintf(text + k, sizeof text - (size_t)k, "%d:1 ", w + 1);
            snprintf(text + k, sizeof text - (size_t)k, "\n");
        }
        if (i == 0) /* a good row: accepted */
            snprintf(text, sizeof text,
                     "id;amount;rate;terms;terms_per_year;type;payout_date;avdragsfrihet;"
                     "rate_change_keeps_payment;borrower\nX1;100000;4;120;12;annuity;2024-01-15;"
                     "13:12, 40:6;ja;kommune\n");
        exec_temp_file(bpath, text, strlen(text));
        const char *a[] = {"--loans", bpath, "--as-of", "2025-12-31", NULL};
        if (i == 0) {
            r = portfolio(a);
            ck_assert_msg(r.status == 0, "%s", r.err);
            exec_free(&r);
        } else
            refused(a, bad[i].want);
        unlink(bpath);
    }
}
END_TEST

/* Every contract option of sl-plan that a book can hold, as a column (years,
 * the annuity's rounding, windows that move the end, a fixed period with the
 * market rate for a repayment inside it, special cases) or an event (rate
 * changes absolute and by points, extra payments, full repayment): a loan's
 * rows through --loan are sl-plan's rows for the same options, byte for
 * byte, over the loan's whole life. */
START_TEST(loan_rows_are_sl_plan_rows_byte_for_byte)
{
    test_rng g = {test_seed("cli-book every option")};
    enum { N = 14 };
    static book_loan loans[N];
    static char payouts[N][16];
    int repaid[N] = {0};
    char *book, *events;
    size_t blen, elen;
    FILE *bf = open_memstream(&book, &blen), *ef = open_memstream(&events, &elen);
    fputs("id;Lånebeløp;rate;Løpetid (år);terms;terms_per_year;type;payout_date;fixed_years;"
          "fixed_rate;interest_only;Avrunding til;Avrunding;Forlenger løpetid;Markedsrente;"
          "Særlige tilfeller;Etableringsgebyr;Gebyr finansiert\n", bf);
    fputs("id;date;kind;amount\n", ef);
    static const char *const units[][2] = {{"", NULL}, {"øre", "ore"}, {"Krone", "krone"},
                                           {"kr", "krone"}};
    static const char *const modes[][2] = {{"", NULL},          {"half-up", "half-up"},
                                           {"half-even", "half-even"}, {"down", "down"},
                                           {"UP", "up"},        {"ned", "down"},
                                           {"opp", "up"}};
    for (int i = 0; i < N; i++) {
        book_loan *l = &loans[i];
        memset(l, 0, sizeof *l);
        char amount[32], rate[16], years[8] = "", terms[8] = "", windows[64] = "", w[32],
             fixed_rate[16] = "", market[16] = "", d[32], v[16];
        snprintf(amount, sizeof amount, "%d", (int)rng_range(&g, 2, 40) * 50000);
        snprintf(rate, sizeof rate, "%d.%03d", (int)rng_range(&g, 2, 6), (int)rng_range(&g, 0, 999));
        int tpy = rng_range(&g, 0, 3) ? 12 : 4, y = (int)rng_range(&g, 10, 40);
        char payout[16];
        snprintf(payout, sizeof payout, "%04d-%02d-%02d", (int)rng_range(&g, 2020, 2024),
                 (int)rng_range(&g, 1, 12), (int)rng_range(&g, 1, 28));
        memcpy(payouts[i], payout, sizeof payout);
        const char *type = rng_range(&g, 0, 2) ? "annuity" : "serial";
        int u = (int)rng_range(&g, 0, 3), m = (int)rng_range(&g, 0, 6);
        int moves = (int)rng_range(&g, 0, 1), special = y > 30 && rng_range(&g, 0, 1);
        int fixed = (int)rng_range(&g, 0, 2) == 0 || i == 0; /* M00: fixed and repaid in it */
        arg(l, "--amount=%s", amount);
        arg(l, "--rate=%s", rate);
        if (rng_range(&g, 0, 1)) {
            snprintf(years, sizeof years, "%d", y);
            arg(l, "--years=%s", years);
        } else {
            snprintf(terms, sizeof terms, "%d", y * tpy);
            arg(l, "--terms=%s", terms);
        }
        snprintf(v, sizeof v, "%d", tpy);
        arg(l, "--terms-per-year=%s", v);
        arg(l, "--type=%s", type);
        arg(l, "--payout-date=%s", payout);
        if (fixed) {
            snprintf(fixed_rate, sizeof fixed_rate, "%d,%02d", (int)rng_range(&g, 2, 6),
                     (int)rng_range(&g, 0, 99));
            snprintf(market, sizeof market, "%d,%02d", (int)rng_range(&g, 2, 6),
                     (int)rng_range(&g, 0, 99));
            char both[40];
            snprintf(both, sizeof both, "5:%.1s.%s", fixed_rate, fixed_rate + 2);
            arg(l, "--fixed=%s", both);
            snprintf(both, sizeof both, "%.1s.%s", market, market + 2);
            arg(l, "--market-rate=%s", both);
        }
        for (int k = 0, from = 1; k < (int)rng_range(&g, 0, 2); k++) {
            from += (int)rng_range(&g, 1, 12); /* ends by term 37: inside the shortest loan */
            int n = (int)rng_range(&g, 1, 6);
            snprintf(w, sizeof w, "%d:%d", from, n);
            snprintf(windows + strlen(windows), sizeof windows - strlen(windows), "%s%s",
                     k ? " " : "", w);
            arg(l, "--interest-only=%s", w);
            from += n;
        }
        if (units[u][1])
            arg(l, "--round-to=%s", units[u][1]);
        if (modes[m][1])
            arg(l, "--rounding=%s", modes[m][1]);
        if (moves)
            arg(l, "%s", "--interest-only-moves-end");
        if (special)
            arg(l, "%s", "--special-case");
        int financed = (int)rng_range(&g, 0, 1);
        arg(l, "--establishment-fee=%s", "600");
        if (financed)
            arg(l, "%s", "--establishment-fee-financed");
        fprintf(bf, "M%02d;%s;%s;%s;%s;%d;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;600;%s\n", i, amount,
                rate, years, terms, tpy, type[0] == 's' ? "Serielån" : "Annuitet", payout,
                fixed ? "5" : "", fixed_rate, windows, units[u][0], modes[m][0],
                moves ? "ja" : "", market, special ? "ja" : (rng_range(&g, 0, 1) ? "nei" : ""),
                financed ? "ja" : "");
        /* rate changes as Husbanken's (1st of odd months), some by points */
        for (int c = 0; c < 4; c++) {
            snprintf(d, sizeof d, "%04d-%02d-01", 2022 + c, (int)rng_range(&g, 1, 6) * 2 - 1);
            if (strcmp(d, payout) <= 0)
                continue;
            if (rng_range(&g, 0, 1))
                snprintf(v, sizeof v, "%c0.%02d", rng_range(&g, 0, 1) ? '+' : '-',
                         (int)rng_range(&g, 1, 75));
            else
                snprintf(v, sizeof v, "%d.%03d", (int)rng_range(&g, 2, 6),
                         (int)rng_range(&g, 0, 999));
            fprintf(ef, "M%02d;%s;%s;%s\n", i, d, v[0] == '+' || v[0] == '-' ? "Renteendring"
                                                                             : "rate-change", v);
            char both[48];
            snprintf(both, sizeof both, "%s:%s", d, v);
            arg(l, "--rate-change=%s", both);
        }
        if (rng_range(&g, 0, 1)) {
            snprintf(d, sizeof d, "2026-%02d-%02d", (int)rng_range(&g, 1, 12),
                     (int)rng_range(&g, 1, 28));
            fprintf(ef, "M%02d;%s;ekstra;25 000\n", i, d);
            char both[48];
            snprintf(both, sizeof both, "%s:25000", d);
            arg(l, "--extra=%s", both);
        }
        /* repaid inside the fixed period: the market rate counts */
        if (fixed && (rng_range(&g, 0, 1) || i == 0)) {
            snprintf(d, sizeof d, "%04d-%.5s", atoi(payout) + 3, payout + 5);
            fprintf(ef, "M%02d;%s;innfrielse;\n", i, d);
            arg(l, "--repay-all=%s", d);
            repaid[i] = 1;
        }
    }
    char bpath[64], epath[64];
    write_book_and_events(bpath, epath, bf, ef, &book, &blen, &events, &elen);
    for (int i = 0; i < N; i++) {
        book_loan *l = &loans[i];
        char id[8];
        snprintf(id, sizeof id, "M%02d", i);
        const char *a[] = {"--loans", bpath, "--events", epath, "--from", payouts[i],
                           "--as-of", "2099-12-31", "--loan", id, NULL};
        char options[1024] = "";
        for (int k = 0; k < l->nargs; k++)
            snprintf(options + strlen(options), sizeof options - strlen(options), " %s",
                     l->args[k]);
        exec_result r = portfolio(a);
        ck_assert_msg(r.status == 0, "%s (sl-plan%s): %s", id, options, r.err);
        char *argv[44];
        argv[0] = (char *)plan_prog;
        for (int k = 0; k < l->nargs; k++)
            argv[k + 1] = l->args[k];
        argv[l->nargs + 1] = "--format";
        argv[l->nargs + 2] = "csv";
        argv[l->nargs + 3] = NULL;
        exec_result p = exec_run(NULL, argv);
        ck_assert_msg(p.status == 0, "sl-plan%s: %s", options, p.err);
        ck_assert_int_gt(count_lines(p.out), 8);
        ck_assert_msg(strcmp(r.out, p.out) == 0, "%s: --loan's rows differ from sl-plan%s", id,
                      options);
        exec_free(&r);
        exec_free(&p);
        if (!repaid[i])
            continue;
        /* the repayment's over-/underkurs at the market rate: sl-plan's settlement */
        const char *aj[] = {"--loans", bpath, "--events", epath, "--from", payouts[i],
                            "--as-of", "2099-12-31", "--loan", id, "--format", "json", NULL};
        r = portfolio(aj);
        argv[l->nargs + 2] = "json";
        p = exec_run(NULL, argv);
        ck_assert_int_eq(r.status, 0);
        ck_assert_int_eq(p.status, 0);
        json_t *jr = parse_json(&r), *jp = parse_json(&p);
        json_t *sr = json_object_get(jr, "settlement"), *sp = json_object_get(jp, "settlement");
        ck_assert_ptr_nonnull(sp);
        ck_assert_msg(json_equal(sr, sp), "%s: the settlement differs from sl-plan%s", id,
                      options);
        json_decref(jr);
        json_decref(jp);
        exec_free(&r);
        exec_free(&p);
    }
    unlink(bpath);
    unlink(epath);

    /* a history that goes on after a loan's last term: a plain loan takes
     * its changes up to the last term (sl-plan refused the rest); a kept
     * payment that runs past it takes the change in the term it adds */
    char hpath[64];
    const char hist[] = "2024-01-01 4\n2024-03-01 9\n2025-01-20 2\n";
    exec_temp_file(hpath, hist, sizeof hist - 1);
    for (int keep = 0; keep < 2; keep++) {
        char book[256];
        snprintf(book, sizeof book,
                 "id,amount,terms,terms_per_year,type,payout_date,rate_change_keeps_payment,"
                 "rate_history\nK,100000,12,12,annuity,2024-01-15,%s,%s\n",
                 keep ? "ja" : "nei", hpath);
        exec_temp_file(bpath, book, strlen(book));
        const char *a[] = {"--loans", bpath, "--from", "2024-01-15", "--as-of", "2099-12-31",
                           "--loan", "K", NULL};
        exec_result r = portfolio(a);
        ck_assert_msg(r.status == 0, "%s", r.err);
        char hopt[96];
        snprintf(hopt, sizeof hopt, "--rate-history=%s", hpath);
        char *argv[] = {(char *)plan_prog, "--amount=100000", "--terms=12",
                        "--payout-date=2024-01-15", hopt, "--format=csv",
                        keep ? "--rate-change-keeps-payment" : NULL, NULL};
        exec_result p = exec_run(NULL, argv);
        ck_assert_msg(p.status == 0, "%s", p.err);
        ck_assert_str_eq(r.out, p.out);
        ck_assert_int_eq(count_lines(r.out), keep ? 14 : 13);
        if (keep) /* term 13 runs 15 January to 15 February: 9 % to the 20th, then 2 % */
            ck_assert_ptr_nonnull(strstr(r.out, "\n13,2025-02-15,2213.10,5.77,2213.10,0.00,"
                                                "2218.87,0.00,31,9.000,last;rate-change\n"));
        exec_free(&r);
        exec_free(&p);
        unlink(bpath);
    }
    unlink(hpath);

    /* the terms come from terms or years: neither, or the two disagreeing, is refused */
    static const struct {
        const char *book, *want;
    } bad[] = {
        {"id,amount,rate,terms_per_year,type,payout_date\nA,100000,4,12,annuity,2024-01-15\n",
         "line 1: the header has no column 'terms' (nor 'years')"},
        {"id,amount,rate,terms,years,terms_per_year,type,payout_date\n"
         "A,100000,4,,,12,annuity,2024-01-15\n",
         "line 2, column 4 (terms): '': empty (and no years)"},
        {"id,amount,rate,terms,years,terms_per_year,type,payout_date\n"
         "A,100000,4,240,25,12,annuity,2024-01-15\n",
         "line 2, column 5 (years): '25': 300 terms at 12 a year, but terms is 240"},
        {"id,amount,rate,years,terms_per_year,type,payout_date,rounding\n"
         "A,100000,4,25,12,annuity,2024-01-15,nearest\n",
         "line 2, column 8 (rounding): 'nearest'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        exec_temp_file(bpath, bad[i].book, strlen(bad[i].book));
        const char *a[] = {"--loans", bpath, "--as-of", "2025-12-31", NULL};
        refused(a, bad[i].want);
        unlink(bpath);
    }
}
END_TEST

START_TEST(refusals_name_file_line_column_value)
{
    char path[64], ev[64], led[64], late[64];
    exec_temp_file(path, small_book, sizeof small_book - 1);
    const char bad_ev[] = "id,date,kind,amount\nA1,2025-05-01,rate-change,4.5\n"
                          "A2,2025-05-01,rate-change,5.1x\n";
    exec_temp_file(ev, bad_ev, sizeof bad_ev - 1);
    const char *a1[] = {"--loans", path, "--as-of", "2025-12-31", "--events", ev, NULL};
    refused(a1, ": line 3, column 4: '5.1x':");
    const char bad_kind[] = "id,date,kind,amount\nA1,2025-05-01,bonus,4.5\n";
    exec_temp_file(ev, bad_kind, sizeof bad_kind - 1);
    refused(a1, ": line 2, column 3: 'bonus':");
    const char after_end[] = "id,date,kind,amount\nA1,2027-05-01,extra,100\n";
    exec_temp_file(ev, after_end, sizeof after_end - 1);
    refused(a1, ": line 2, column 2 (date), loan 'A1'");
    const char twice[] = "id,balance\nA1,1\nA1,2\n";
    exec_temp_file(led, twice, sizeof twice - 1);
    const char *a2[] = {"--loans", path, "--as-of", "2025-12-31", "--reconcile", led, NULL};
    refused(a2, ": line 3, column 1: 'A1': loan id twice in the ledger (also line 2)");
    const char bad_bal[] = "id;balance\nA1;12x\n";
    exec_temp_file(led, bad_bal, sizeof bad_bal - 1);
    refused(a2, ": line 2, column 2: '12x':");
    /* a bad row after good ones: nothing on stdout, not the lines so far */
    const char bad_late[] = HEADER "A1,100000,5,12,12,annuity,2025-01-15,30,,\n"
                                   "A2,100000,5,12,12,annuity,31.02.2025,30,,\n";
    exec_temp_file(late, bad_late, sizeof bad_late - 1);
    const char *a3[] = {"--loans", late, "--as-of", "2025-12-31", NULL};
    refused(a3, "line 3, column 7 (payout_date): '31.02.2025'");
    const char dup_book[] = HEADER "A1,100000,5,12,12,annuity,2025-01-15,30,,\n"
                                   "A1,100000,5,12,12,annuity,2025-01-15,30,,\n";
    exec_temp_file(late, dup_book, sizeof dup_book - 1);
    const char ledger_a1[] = "id,balance\nA1,1\n";
    exec_temp_file(led, ledger_a1, sizeof ledger_a1 - 1);
    const char *a4[] = {"--loans", late, "--as-of", "2025-12-31", "--reconcile", led, NULL};
    refused(a4, "line 3, column 1 (id): 'A1': the same id as line 2");
    const char *a5[] = {"--loans", path, "--as-of", "2025-12-31", "--loan", "Q1", NULL};
    refused(a5, "--loan 'Q1': not in");
    const char *a6[] = {"--loans", path, "--as-of", "2025-12-31", "--group-by", "month", NULL};
    refused(a6, "--group-by 'month'");
    const char *a7[] = {"--loans", path, "--as-of", "2025-12-31", "--group-by", "year",
                        "--reconcile", led, NULL};
    refused(a7, "only one of");
    const char *a8[] = {"--loans", path, "--as-of", "2025-12-31", "--events", "/nonexistent",
                        NULL};
    refused(a8, "/nonexistent");
    /* a warning said before the refusal (the history ends before the year
     * does) is not printed: the refusal alone, one line */
    const char after_history[] =
        "id,amount,rate,terms,terms_per_year,type,payout_date,rate_history\n"
        "B1,1000000,,300,12,annuity,2024-06-15,husbanken-floating\n"
        "B2,1000000,,300,12,annuity,2035-01-15,husbanken-floating\n";
    exec_temp_file(late, after_history, sizeof after_history - 1);
    const char *a9[] = {"--loans", late, "--as-of", "2035-12-31", NULL};
    refused(a9, "line 3, column 8 (rate_history): 'husbanken-floating': no rate at the payout "
                "date 2035-01-15");
    const char *a10[] = {"--loans", late, "--as-of", "2035-12-31", "--loan", "B2", NULL};
    refused(a10, "line 3, column 8 (rate_history)");
    unlink(path);
    unlink(ev);
    unlink(led);
    unlink(late);
}
END_TEST

static Suite *cli_book_suite(void)
{
    Suite *s = suite_create("cli-book");
    TCase *tc = tcase_create("book");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, per_loan_contracts_reproduce_sl_plan);
    tcase_add_test(tc, rate_histories_reproduce_sl_plan);
    tcase_add_test(tc, group_by_sums_equal_the_totals);
    tcase_add_test(tc, reconcile_finds_one_ore);
    tcase_add_test(tc, loan_json_carries_its_findings);
    tcase_add_test(tc, unknown_event_ids_are_findings);
    tcase_add_test(tc, per_loan_windows_kept_payment_and_borrower);
    tcase_add_test(tc, loan_rows_are_sl_plan_rows_byte_for_byte);
    tcase_add_test(tc, refusals_name_file_line_column_value);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SL-PORTFOLIO SL-PLAN\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    plan_prog = argv[2];
    return run_suite(cli_book_suite());
}
