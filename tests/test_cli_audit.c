/* sl-audit's contract: plans from sl-plan pass; faults are caught and
 * pinpointed; Norwegian exports read the same as the plain form; malformed
 * input gives exit status 2 and a message.
 * argv[1]: sl-audit, argv[2]: sl-plan. */
#define _GNU_SOURCE
#include <jansson.h>

#include "cli_exec.h"
#include "testutil.h"

static const char *audit_prog, *plan_prog;

#define MAXROWS 700
#define NF 8

typedef struct plan_csv {
    int n; /* data rows */
    char f[MAXROWS + 1][NF][40]; /* [0] is the header */
} plan_csv;

static const char *loan_args[] = {"--amount", "500000", "--rate", "4.640", "--years", "10",
                                  "--term-fee", "30", "--payout-date", "2025-01-20", NULL};

/* Run sl-plan --format csv with the loan options and split its output. */
static void make_plan(plan_csv *p, const char *const *opts)
{
    char *argv[32];
    int k = 0;
    argv[k++] = (char *)plan_prog;
    for (int i = 0; opts[i]; i++)
        argv[k++] = (char *)opts[i];
    argv[k++] = "--format";
    argv[k++] = "csv";
    argv[k] = NULL;
    exec_result r = exec_run(NULL, argv);
    ck_assert_int_eq(r.status, 0);
    p->n = -1;
    char *save, *line = strtok_r(r.out, "\n", &save);
    while (line) {
        p->n++;
        ck_assert_int_le(p->n, MAXROWS);
        /* split by hand: due_date may be empty; only the first NF columns
         * (the contract's prefix; later columns are read by name) are kept */
        int j = 0;
        const char *q = line;
        for (const char *c = q; j < NF; c++) {
            if (*c == ',' || *c == '\0') {
                size_t len = (size_t)(c - q);
                ck_assert_int_lt(j, NF);
                snprintf(p->f[p->n][j], 40, "%.*s", (int)len, q);
                j++;
                q = c + 1;
                if (*c == '\0')
                    break;
            }
        }
        ck_assert_int_eq(j, NF);
        line = strtok_r(NULL, "\n", &save);
    }
    exec_free(&r);
}

typedef struct style {
    char delim;
    int decimal_comma, grouping, bom, crlf, quote_all, norwegian_dates; /* crlf 2: "\r" alone */
    const char *header[NF]; /* NULL: keep */
} style;

static const style plain = {',', 0, 0, 0, 0, 0, 0, {NULL}};

static void amount_text(char *out, const char *plainv, const style *s)
{
    /* plain "-1234567.89" → grouped / decimal comma as asked */
    const char *dot = strchr(plainv, '.');
    size_t ilen = dot ? (size_t)(dot - plainv) : strlen(plainv);
    size_t k = 0, start = 0;
    if (plainv[0] == '-') {
        out[k++] = '-';
        start = 1;
    }
    for (size_t i = start; i < ilen; i++) {
        if (s->grouping && i > start && (ilen - i) % 3 == 0)
            out[k++] = ' ';
        out[k++] = plainv[i];
    }
    if (dot) {
        out[k++] = s->decimal_comma ? ',' : '.';
        strcpy(out + k, dot + 1);
    } else {
        out[k] = '\0';
    }
}

/* Write p in the style; returns a temp file path in path. */
static void write_plan(char path[64], const plan_csv *p, const style *s)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    if (s->bom)
        fputs("\xEF\xBB\xBF", f);
    for (int r = 0; r <= p->n; r++) {
        for (int j = 0; j < NF; j++) {
            char v[64];
            if (r == 0)
                snprintf(v, sizeof v, "%s", s->header[j] ? s->header[j] : p->f[0][j]);
            else if (j >= 2 && p->f[r][j][0] && strcmp(p->f[r][0], "Sum") != 0 &&
                     strchr("0123456789-", p->f[r][j][0]))
                amount_text(v, p->f[r][j], s);
            else if (j >= 2 && strcmp(p->f[r][0], "Sum") == 0 && p->f[r][j][0])
                amount_text(v, p->f[r][j], s);
            else if (j == 1 && s->norwegian_dates && strlen(p->f[r][j]) == 10)
                snprintf(v, sizeof v, "%.2s.%.2s.%.4s", p->f[r][j] + 8, p->f[r][j] + 5,
                         p->f[r][j]);
            else
                snprintf(v, sizeof v, "%s", p->f[r][j]);
            int quote = s->quote_all || strchr(v, s->delim) != NULL;
            fprintf(f, "%s%s%s%s", j ? (char[]){s->delim, 0} : "", quote ? "\"" : "", v,
                    quote ? "\"" : "");
        }
        fputs(s->crlf == 2 ? "\r" : s->crlf ? "\r\n" : "\n", f); /* 2: Excel for Mac */
    }
    fclose(f);
    exec_temp_file(path, buf, len);
    free(buf);
}

/* Run sl-audit --plan path [--format json] [extra...] [loan terms]. */
static exec_result audit(const char *path, int json, int with_terms, const char *const *extra)
{
    char *argv[40];
    int k = 0;
    argv[k++] = (char *)audit_prog;
    argv[k++] = "--plan";
    argv[k++] = (char *)path;
    if (json) {
        argv[k++] = "--format";
        argv[k++] = "json";
    }
    for (int i = 0; extra && extra[i]; i++)
        argv[k++] = (char *)extra[i];
    for (int i = 0; with_terms && loan_args[i]; i++)
        argv[k++] = (char *)loan_args[i];
    argv[k] = NULL;
    return exec_run(NULL, argv);
}

static json_t *parse_json(const exec_result *r)
{
    json_error_t e;
    json_t *j = json_loads(r->out, 0, &e);
    ck_assert_msg(j != NULL, "not JSON (%s): %s", e.text, r->out);
    return j;
}

/* A difference with this check and field: its row (or -1 when none). */
static json_t *find_diff(json_t *root, const char *check, const char *field)
{
    json_t *d;
    size_t i;
    json_array_foreach(json_object_get(root, "differences"), i, d)
    {
        if (strcmp(json_string_value(json_object_get(d, "check")), check) == 0 &&
            strcmp(json_string_value(json_object_get(d, "field")), field) == 0)
            return d;
    }
    return NULL;
}

static plan_csv plan;

static const style variants_nor = {
    ';', 1, 1, 1, 1, 0, 1,
    {"Termin", "Forfallsdato", "Restgjeld før", "Renter", "Avdrag", "Gebyr", "Terminbeløp",
     "Restgjeld etter"}};

static void load_example(void)
{
    make_plan(&plan, loan_args);
    ck_assert_int_eq(plan.n, 120);
}

START_TEST(plans_from_sl_plan_pass)
{
    /* the contract options of sl-plan are sl-audit's too (one table) */
    static const char *const sets[][32] = {
        {"--amount", "2000000", "--rate", "4.640", "--years", "25", "--term-fee", "30",
         "--payout-date", "2025-01-20", NULL},
        {"--amount", "750000", "--rate", "5.1", "--years", "20", "--type", "serial",
         "--interest-only-terms", "24", NULL},
        {"--amount", "1234567.89", "--rate", "3.25", "--terms", "40", "--terms-per-year", "4",
         "--round-to", "krone", NULL},
        {"--amount", "100000", "--rate", "0", "--years", "2", NULL},
        {"--amount", "2000000", "--rate", "4.64", "--years", "25", "--payout-date", "2025-01-20",
         "--due-day", "1", "--rate-change", "2025-05-01:4.9", "--rate-change", "2025-09-01:5.1",
         "--margin", "0.25", "--term-fee", "30", NULL},
        {"--amount", "120000", "--rate", "5", "--terms", "12", "--interest-only", "3:6",
         "--interest-only-moves-end", NULL},
        {"--amount", "1000000", "--rate", "4.64", "--terms", "24", "--payout-date",
         "2025-01-20", "--rate-change", "2025-08-01:9", "--rate-change-keeps-payment", NULL},
        {"--amount", "1000000", "--rate", "4.64", "--years", "10", "--payout-date",
         "2025-01-20", "--extra", "2026-03-20:100000:shorten", "--day-count", "act365",
         "--first-due", "2025-03-01", NULL},
        {"--amount", "1000000", "--rate", "4.64", "--years", "20", "--payout-date",
         "2025-01-20", "--fixed", "5:4.2", "--repay-all", "2027-06-20", "--market-rate", "3.9",
         "--borrower", "household", "--special-case", "--strict", NULL},
        {"--amount", "2000000", "--rate", "4.64", "--years", "25", "--establishment-fee", "600",
         "--establishment-fee-financed", NULL},
        {"--amount", "2000000", "--rate", "4.64", "--years", "25", "--payout-date", "2025-01-20",
         "--rate-change", "2026-01-01:+1.25", "--rate-change", "2027-01-01:-0.5", "--rounding",
         "up", "--round-to", "krone", NULL},
    };
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        plan_csv *p = malloc(sizeof *p);
        make_plan(p, sets[i]);
        char path[64];
        write_plan(path, p, &plain);
        exec_result r = audit(path, 0, 0, NULL);
        ck_assert_msg(r.status == 0, "set %zu: status %d\n%s%s", i, r.status, r.out, r.err);
        /* honest: only the plan's own consistency was checked */
        ck_assert_ptr_nonnull(strstr(r.out, "consistent in itself; not checked against a contract"));
        exec_free(&r);
        /* and with the terms: the recomputed plan is the same */
        char *argv[64];
        int k = 0;
        argv[k++] = (char *)audit_prog;
        argv[k++] = "--plan";
        argv[k++] = path;
        argv[k++] = "--format";
        argv[k++] = "json";
        for (int j = 0; sets[i][j]; j++)
            argv[k++] = (char *)sets[i][j];
        argv[k] = NULL;
        r = exec_run(NULL, argv);
        ck_assert_msg(r.status == 0, "set %zu with terms: %d\n%s%s", i, r.status, r.out, r.err);
        json_t *j = parse_json(&r);
        ck_assert_str_eq(json_string_value(json_object_get(j, "result")), "matches");
        ck_assert(json_is_true(json_object_get(j, "terms_given")));
        ck_assert_int_eq(json_array_size(json_object_get(j, "differences")), 0);
        json_t *t = json_object_get(j, "totals");
        ck_assert(json_equal(json_object_get(t, "found"), json_object_get(t, "expected")));
        json_decref(j);
        exec_free(&r);
        unlink(path);
        free(p);
    }
}
END_TEST

/* Run a program; its stdout (caller frees with exec_free). */
static exec_result run_args(const char *prog, const char *const *args)
{
    char *argv[64];
    int k = 0;
    argv[k++] = (char *)prog;
    for (int i = 0; args[i]; i++)
        argv[k++] = (char *)args[i];
    argv[k] = NULL;
    return exec_run(NULL, argv);
}

/* --rate-history FILE is the same as its --rate-change options, in sl-plan
 * and sl-audit; a plan that runs into a gap is refused. */
START_TEST(rate_history_is_rate_changes)
{
    char hist[] = "/tmp/sl-history-XXXXXX";
    int fd = mkstemp(hist);
    ck_assert_int_ge(fd, 0);
    static const char text[] = "# a kommune's history\n2024-01-01 4.1\n2024-03-01 4,3 %\n"
                               "2024-05-01 4.554 # husbanken.no/rente\n2024-07-01 4.640\n";
    ck_assert_int_eq(write(fd, text, sizeof text - 1), (long)sizeof text - 1);
    close(fd);
    const char *with_history[] = {"--amount", "1500000", "--years", "25", "--payout-date",
                                  "2024-02-10", "--due-day", "20", "--margin", "0.25",
                                  "--rate-history", hist, "--format", "csv", NULL};
    const char *with_changes[] = {"--amount", "1500000", "--years", "25", "--payout-date",
                                  "2024-02-10", "--due-day", "20", "--margin", "0.25",
                                  "--rate", "4.1", "--rate-change", "2024-03-01:4.3",
                                  "--rate-change", "2024-05-01:4.554", "--rate-change",
                                  "2024-07-01:4.640", "--format", "csv", NULL};
    exec_result a = run_args(plan_prog, with_history), b = run_args(plan_prog, with_changes);
    ck_assert_msg(a.status == 0, "%s", a.err);
    ck_assert_int_eq(b.status, 0);
    ck_assert_str_eq(a.out, b.out);
    ck_assert_ptr_nonnull(strstr(a.out, ",4.890,")); /* 4.640 + 0.25 */
    /* the plan audits as a match against the same history */
    char path[] = "/tmp/sl-plan-XXXXXX";
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, a.out, strlen(a.out)), (long)strlen(a.out));
    close(fd);
    const char *audit_args[] = {"--plan", path, "--amount", "1500000", "--years", "25",
                                "--payout-date", "2024-02-10", "--due-day", "20", "--margin",
                                "0.25", "--rate-history", hist, NULL};
    exec_result c = run_args(audit_prog, audit_args);
    ck_assert_msg(c.status == 0, "%s%s", c.out, c.err);
    exec_free(&a);
    exec_free(&b);
    exec_free(&c);
    /* the shipped history: as its published rates given by hand */
    const char *shipped[] = {"--amount", "1000000", "--years", "20", "--payout-date",
                             "2024-05-15", "--rate-history", "husbanken-floating", "--format",
                             "csv", NULL};
    const char *by_hand[] = {"--amount", "1000000", "--years", "20", "--payout-date",
                             "2024-05-15", "--rate", "4.554", "--rate-change",
                             "2024-07-01:4.640", "--format", "csv", NULL};
    a = run_args(plan_prog, shipped);
    b = run_args(plan_prog, by_hand);
    ck_assert_int_eq(a.status, 0);
    ck_assert_str_eq(a.out, b.out);
    ck_assert_ptr_nonnull(strstr(a.err, "ends on 2024-09-01"));
    exec_free(&a);
    exec_free(&b);
    /* dates the history does not cover are refused, not guessed */
    const char *before[] = {"--amount", "1000000", "--years", "20", "--payout-date",
                            "2023-12-15", "--rate-history", hist, NULL};
    a = run_args(plan_prog, before);
    ck_assert_int_eq(a.status, 2);
    ck_assert_str_eq(a.out, "");
    ck_assert_ptr_nonnull(strstr(a.err, "--rate-history"));
    ck_assert_ptr_nonnull(strstr(a.err, "before the rate history begins"));
    exec_free(&a);
    fd = open(hist, O_WRONLY | O_APPEND);
    static const char gap[] = "2024-09-01 gap # not found\n2024-11-01 4.9\n";
    ck_assert_int_eq(write(fd, gap, sizeof gap - 1), (long)sizeof gap - 1);
    close(fd);
    a = run_args(plan_prog, with_history);
    ck_assert_int_eq(a.status, 2);
    ck_assert_str_eq(a.out, "");
    ck_assert_ptr_nonnull(strstr(a.err, "in a gap of the rate history (2024-09-01 to 2024-11-01)"));
    exec_free(&a);
    c = run_args(audit_prog, audit_args);
    ck_assert_int_eq(c.status, 2);
    exec_free(&c);
    unlink(path);
    unlink(hist);
}
END_TEST

/* A plan whose establishment fee was lent with the loan runs on amount + fee:
 * sl-audit takes sl-plan's --establishment-fee-financed and recomputes that
 * plan; without it the same file departs from the contract. */
START_TEST(fee_financed_plan_is_audited)
{
    static const char *const opts[] = {"--amount", "1000000", "--rate", "5", "--years", "10",
                                       "--establishment-fee", "600",
                                       "--establishment-fee-financed", NULL};
    plan_csv *p = malloc(sizeof *p);
    make_plan(p, opts);
    ck_assert_str_eq(p->f[1][2], "1000600.00");
    char path[64];
    write_plan(path, p, &plain);
    static const char *const with[] = {"--amount", "1000000", "--rate", "5", "--years", "10",
                                       "--establishment-fee", "600",
                                       "--establishment-fee-financed", NULL};
    exec_result r = audit(path, 0, 0, with);
    ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
    ck_assert_ptr_nonnull(strstr(r.out, "the plan matches the contract"));
    exec_free(&r);
    static const char *const without[] = {"--amount", "1000000", "--rate", "5", "--years",
                                          "10", "--establishment-fee", "600", NULL};
    r = audit(path, 0, 0, without);
    ck_assert_msg(r.status == 1, "%s%s", r.out, r.err);
    exec_free(&r);
    /* the flag is a contract option: without --amount there is nothing to run it on */
    static const char *const alone[] = {"--establishment-fee-financed", NULL};
    r = audit(path, 0, 0, alone);
    ck_assert_int_eq(r.status, 2);
    ck_assert_str_eq(r.out, "");
    exec_free(&r);
    unlink(path);
    free(p);
}
END_TEST

START_TEST(stdin_is_read)
{
    load_example();
    char path[64];
    write_plan(path, &plan, &plain);
    char *argv[] = {(char *)audit_prog, "--plan", "-", NULL};
    exec_result r = exec_run(path, argv);
    ck_assert_int_eq(r.status, 0);
    exec_free(&r);
    unlink(path);
}
END_TEST

/* Add cents to a plain amount text. */
static void bump(char *v, int ore)
{
    sl_money m = M(v);
    sl_money_format(v, 40, m + ore, SL_MONEY_PLAIN);
}

START_TEST(one_ore_moved)
{
    load_example();
    /* term 5: interest one øre more, and so the payment: the row adds up */
    bump(plan.f[5][3], 1);
    bump(plan.f[5][6], 1);
    char path[64];
    write_plan(path, &plan, &plain);
    exec_result r = audit(path, 1, 1, NULL);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *d = find_diff(j, "mismatch", "interest");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "term")), 5);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "difference_ore")), 1);
    ck_assert_str_eq(json_string_value(json_object_get(d, "difference")), "0.01");
    d = find_diff(j, "mismatch", "payment");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 5);
    ck_assert_int_eq(json_array_size(json_object_get(j, "differences")), 2);
    json_decref(j);
    exec_free(&r);

    /* the table names the row, the field and the difference */
    r = audit(path, 0, 1, NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_ptr_nonnull(strstr(r.out, "interest"));
    ck_assert_ptr_nonnull(strstr(r.out, "0,01"));
    ck_assert_ptr_nonnull(strstr(r.out, "2 differences"));
    exec_free(&r);

    /* --tolerance 1: listed as within tolerance, exit 0 */
    static const char *const tol[] = {"--tolerance", "1", NULL};
    r = audit(path, 0, 1, tol);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "within tolerance"));
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(principal_off_without_terms)
{
    load_example();
    bump(plan.f[7][4], 1); /* principal of term 7 one øre more, nothing else */
    char path[64];
    write_plan(path, &plan, &plain);
    exec_result r = audit(path, 1, 0, NULL);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *d = find_diff(j, "sum", "payment");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 7);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "difference_ore")), -1);
    d = find_diff(j, "balance", "closing_balance");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 7);
    json_decref(j);
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(row_dropped)
{
    load_example();
    memmove(&plan.f[30], &plan.f[31], (size_t)(plan.n - 30) * sizeof plan.f[0]);
    plan.n--;
    char path[64];
    write_plan(path, &plan, &plain);
    exec_result r = audit(path, 1, 1, NULL);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *d = find_diff(j, "missing_row", "row");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "term")), 30);
    d = find_diff(j, "chain", "opening_balance");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 30);
    ck_assert_ptr_null(find_diff(j, "mismatch", "interest"));
    json_decref(j);
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(rows_swapped)
{
    load_example();
    char tmp[NF][40];
    memcpy(tmp, plan.f[50], sizeof tmp);
    memcpy(plan.f[50], plan.f[51], sizeof tmp);
    memcpy(plan.f[51], tmp, sizeof tmp);
    char path[64];
    write_plan(path, &plan, &plain);
    exec_result r = audit(path, 1, 0, NULL);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *d = find_diff(j, "sequence", "term");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "row")), 50);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "found")), 51);
    size_t i;
    json_array_foreach(json_object_get(j, "differences"), i, d)
    {
        json_int_t row = json_integer_value(json_object_get(d, "row"));
        ck_assert_msg(row >= 50 && row <= 52, "difference at row %lld", (long long)row);
    }
    json_decref(j);
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(wrong_total)
{
    load_example();
    /* a totals row as exports have it: right, then one øre wrong */
    sl_money sums[NF] = {0};
    for (int r = 1; r <= plan.n; r++)
        for (int j = 3; j <= 6; j++)
            sums[j] += M(plan.f[r][j]);
    int n = ++plan.n;
    memset(plan.f[n], 0, sizeof plan.f[n]);
    strcpy(plan.f[n][0], "Sum");
    for (int j = 3; j <= 6; j++)
        sl_money_format(plan.f[n][j], 40, sums[j], SL_MONEY_PLAIN);
    char path[64];
    write_plan(path, &plan, &plain);
    exec_result r = audit(path, 1, 1, NULL);
    ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
    exec_free(&r);
    unlink(path);
    bump(plan.f[n][5], -1); /* fees */
    write_plan(path, &plan, &plain);
    r = audit(path, 1, 0, NULL);
    ck_assert_int_eq(r.status, 1);
    json_t *j = parse_json(&r);
    json_t *d = find_diff(j, "stated_total", "fee");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "difference_ore")), -1);
    ck_assert_int_eq(json_array_size(json_object_get(j, "differences")), 1);
    json_decref(j);
    exec_free(&r);
    unlink(path);

    /* "I alt" in the due-date column of a Norwegian export, term empty */
    strcpy(plan.f[n][0], "");
    strcpy(plan.f[n][1], "I alt");
    write_plan(path, &plan, &variants_nor);
    r = audit(path, 1, 0, NULL);
    ck_assert_int_eq(r.status, 1);
    j = parse_json(&r);
    d = find_diff(j, "stated_total", "fee");
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(json_integer_value(json_object_get(d, "difference_ore")), -1);
    json_decref(j);
    exec_free(&r);
    unlink(path);
}
END_TEST

static const style variants[] = {
    {';', 0, 0, 0, 0, 0, 0, {NULL}},
    {';', 1, 0, 0, 0, 0, 0, {NULL}},
    {';', 1, 1, 0, 0, 0, 0, {NULL}},
    {',', 0, 0, 1, 0, 0, 0, {NULL}},
    {',', 0, 0, 0, 1, 0, 0, {NULL}},
    {',', 1, 1, 0, 0, 1, 0, {NULL}}, /* decimal comma inside quotes */
    {';', 1, 1, 1, 1, 0, 1,
     {"Termin", "Forfallsdato", "Restgjeld før", "Renter", "Avdrag", "Gebyr", "Terminbeløp",
      "Restgjeld etter"}},
    {'\t', 1, 0, 0, 1, 0, 0,
     {"termin", "forfall", "RESTGJELD FØR", "renter", "avdrag", "termingebyr", "terminbeløp",
      "restgjeld_etter"}},
    /* Excel for Mac's "CSV (Macintosh)": lines end in a carriage return alone */
    {';', 1, 1, 0, 2, 0, 1,
     {"Termin", "Forfallsdato", "Restgjeld før", "Renter", "Avdrag", "Gebyr", "Terminbeløp",
      "Restgjeld etter"}},
    {',', 0, 0, 1, 2, 1, 0, {NULL}},
};

/* JSON of an audit with the terms, without the file name. */
static json_t *audit_json(const char *path, int with_terms)
{
    exec_result r = audit(path, 1, with_terms, NULL);
    ck_assert_int_le(r.status, 1);
    json_t *j = parse_json(&r);
    json_object_del(j, "plan");
    /* the file's own names for the fields and its encoding differ by design */
    json_object_del(j, "encoding");
    json_t *d;
    size_t i;
    json_array_foreach(json_object_get(j, "differences"), i, d) json_object_del(d, "column");
    json_array_foreach(json_object_get(j, "notes"), i, d) json_object_del(d, "column");
    exec_free(&r);
    return j;
}

START_TEST(norwegian_exports_read_the_same)
{
    load_example();
    /* with one fault, so the pinpointing is compared too */
    bump(plan.f[9][3], -2);
    char path[64];
    write_plan(path, &plan, &plain);
    json_t *want = audit_json(path, 1);
    ck_assert_int_gt(json_array_size(json_object_get(want, "differences")), 0);
    unlink(path);
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        write_plan(path, &plan, &variants[i]);
        json_t *got = audit_json(path, 1);
        char *a = json_dumps(want, JSON_SORT_KEYS), *b = json_dumps(got, JSON_SORT_KEYS);
        ck_assert_msg(json_equal(want, got), "variant %zu differs:\n%s\n%s", i, a, b);
        free(a);
        free(b);
        json_decref(got);
        unlink(path);
    }
    json_decref(want);
}
END_TEST

START_TEST(columns_mapping)
{
    load_example();
    style s = plain;
    static const char *const h[NF] = {"Nr", "Date", "Start", "Int", "Prin", "Charge", "Total",
                                      "End"};
    memcpy(s.header, h, sizeof h);
    char path[64];
    write_plan(path, &plan, &s);
    exec_result r = audit(path, 0, 0, NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "no column 'interest'"));
    ck_assert_str_eq(r.out, "");
    exec_free(&r);
    static const char *const map[] = {
        "--columns",
        "term=Nr,due_date=Date,opening_balance=Start,interest=Int,principal=Prin,fee=Charge,"
        "payment=Total,closing_balance=End",
        NULL};
    r = audit(path, 0, 1, map);
    ck_assert_msg(r.status == 0, "%s%s", r.out, r.err);
    exec_free(&r);
    static const char *const bad[] = {"--columns", "nonsense=Nr", NULL};
    r = audit(path, 0, 0, bad);
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "--columns"));
    exec_free(&r);
    unlink(path);
}
END_TEST

/* Copy the file at path with one more column ";NAME" / ";VALUE" at the end
 * of every line (the lines end in CRLF). */
static void add_column(const char *path, const char *name, const char *value)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *buf;
    size_t len;
    FILE *o = open_memstream(&buf, &len);
    char line[512];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        char *cr = strstr(line, "\r\n");
        ck_assert_ptr_nonnull(cr);
        *cr = '\0';
        fprintf(o, "%s;%s\r\n", line, first ? name : value);
        first = 0;
    }
    fclose(f);
    fclose(o);
    f = fopen(path, "wb");
    ck_assert(fwrite(buf, 1, len, f) == len);
    ck_assert(fclose(f) == 0);
    free(buf);
}

/* A Norwegian export with both "Renter" (interest) and "Rente" (the rate):
 * both are aliases of interest, so the file is ambiguous by itself, and
 * --columns interest=Renter settles it (the mapping wins over aliases). */
START_TEST(columns_mapping_wins_over_aliases)
{
    load_example();
    char path[64];
    write_plan(path, &plan, &variants_nor);
    add_column(path, "Rente", "4,64");
    exec_result r = audit(path, 0, 1, NULL);
    exec_expect_usage_error(r.status, r.out, r.err, "given twice");
    exec_free(&r);
    static const char *const map[] = {"--columns", "interest=Renter", NULL};
    r = audit(path, 1, 1, map);
    ck_assert_msg(r.status == 0, "status %d: %.300s%.300s", r.status, r.out, r.err);
    json_t *j = parse_json(&r);
    ck_assert_str_eq(json_string_value(json_object_get(j, "result")), "matches");
    json_decref(j);
    exec_free(&r);
    /* the mapping is obeyed even when it names the wrong column: the rate
     * read as interest differs from the plan */
    static const char *const map2[] = {"--columns", "interest=Rente", NULL};
    r = audit(path, 0, 1, map2);
    ck_assert_msg(r.status == 1, "status %d: %.300s%.300s", r.status, r.out, r.err);
    exec_free(&r);
    unlink(path);
}
END_TEST

/* sl-audit on text: exit 2, nothing on stdout, stderr contains want. */
static void expect_unreadable(const char *text, size_t len, const char *want)
{
    char path[64];
    exec_temp_file(path, text, len);
    exec_result r = audit(path, 0, 0, NULL);
    ck_assert_msg(r.status == 2, "status %d for:\n%.200s\n%s", r.status, text, r.err);
    ck_assert_str_eq(r.out, "");
    ck_assert_msg(strstr(r.err, want) != NULL, "message '%s' lacks '%s'", r.err, want);
    exec_free(&r);
    unlink(path);
}

#define HEADER "term,due_date,opening_balance,interest,principal,fee,payment,closing_balance\n"
#define T(s) s, sizeof s - 1

START_TEST(malformed_input)
{
    expect_unreadable(T(""), "empty file");
    expect_unreadable(T("\n\n"), "empty file");
    expect_unreadable(T(HEADER), "no rows");
    expect_unreadable(T(HEADER "1,,1000.00,4.17,100.00,0,104.17,900.00\n"
                               "2,,900.00,3.75,100.00,0,103.75\n"),
                      "line 3");
    expect_unreadable(T(HEADER "1,,1000.00,4.17,100.00,0,104.17,900.00\n"
                               "2,,900.00,3.7x5,100.00,0,103.75,800.00\n"),
                      "line 3, column 4 (interest)");
    expect_unreadable(T(HEADER "1,,1000.00,4.17,100.00,0,104.17,900.00\n"
                               "2,,900.00,3.755,100.00,0,103.75,800.00\n"),
                      "line 3, column 4");
    expect_unreadable(T(HEADER "1,,1000.00,4.17,100.00,0,104.17,900.00\n"
                               "2,,\"900.00,3.75,100.00,0,103.75,800.00\n"),
                      "line 3");
    expect_unreadable(T(HEADER "x,,1000.00,4.17,100.00,0,104.17,900.00\n"), "line 2, column 1");
    expect_unreadable(T(HEADER "1,2025-02-30,1000.00,4.17,100.00,0,104.17,900.00\n"),
                      "line 2, column 2");
    expect_unreadable(T("term,interest\n1,2\n"), "no column 'principal'");
    expect_unreadable(T("term,interest,principal\n1,2,3\n"), "no balance column");
}
END_TEST

/* A NUL byte anywhere in a record is a bad row with its line and column,
 * never a field cut short or a row taken for blank (and a plan that
 * "matches" with a row missing). */
START_TEST(nul_bytes_are_refused)
{
    load_example();
    char path[64];
    write_plan(path, &plan, &plain);
    FILE *f = fopen(path, "rb");
    static char text[1 << 16];
    size_t len = fread(text, 1, sizeof text, f);
    fclose(f);
    unlink(path);
    ck_assert_uint_lt(len, sizeof text - 1);
    /* the start of line 4 (the third row), and the interest of line 3 */
    char *line3 = strchr(strchr(text, '\n') + 1, '\n') + 1;
    char *line4 = strchr(line3, '\n') + 1;
    char *interest3 = line3;
    for (int i = 0; i < 3; i++)
        interest3 = strchr(interest3, ',') + 1;
    static char bad[(1 << 16) + 1];
    /* a NUL before the row */
    size_t at = (size_t)(line4 - text);
    memcpy(bad, text, at);
    bad[at] = '\0';
    memcpy(bad + at + 1, text + at, len - at);
    expect_unreadable(bad, len + 1, "line 4, column 1: a NUL byte");
    /* a NUL inside an amount, which would otherwise end it early */
    at = (size_t)(interest3 - text) + 1;
    memcpy(bad, text, len);
    bad[at] = '\0';
    expect_unreadable(bad, len, "line 3, column 4: a NUL byte");
    /* a NUL alone on a line, and in the header */
    memcpy(bad, text, at = (size_t)(line4 - text));
    memcpy(bad + at, "\0\n", 2);
    memcpy(bad + at + 2, text + at, len - at);
    expect_unreadable(bad, len + 2, "line 4, column 1: a NUL byte");
    memcpy(bad, text, len);
    bad[2] = '\0';
    expect_unreadable(bad, len, "line 1, column 1: a NUL byte");
}
END_TEST

START_TEST(hundred_megabyte_line)
{
    char path[64] = "/tmp/sl-test-big-XXXXXX";
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs(HEADER "1,,", f);
    static char block[1 << 20];
    memset(block, '9', sizeof block);
    for (int i = 0; i < 100; i++)
        ck_assert(fwrite(block, 1, sizeof block, f) == sizeof block);
    fputs(",4.17,100.00,0,104.17,900.00\n", f);
    ck_assert(fclose(f) == 0);
    exec_result r = audit(path, 0, 0, NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_str_eq(r.out, "");
    ck_assert_ptr_nonnull(strstr(r.err, "line 2"));
    ck_assert_ptr_nonnull(strstr(r.err, "longer than"));
    exec_free(&r);
    /* the same as the header line */
    f = fopen(path, "wb");
    for (int i = 0; i < 100; i++)
        ck_assert(fwrite(block, 1, sizeof block, f) == sizeof block);
    ck_assert(fclose(f) == 0);
    r = audit(path, 0, 0, NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_ptr_nonnull(strstr(r.err, "line 1"));
    exec_free(&r);
    unlink(path);
}
END_TEST

START_TEST(bad_options)
{
    char *a1[] = {(char *)audit_prog, NULL};
    char *a2[] = {(char *)audit_prog, "--plan", "x.csv", "--tolerance", "-1", NULL};
    char *a3[] = {(char *)audit_prog, "--plan", "x.csv", "--rate", "4", NULL};
    char *a4[] = {(char *)audit_prog, "--plan", "/nonexistent/plan.csv", NULL};
    char *a5[] = {(char *)audit_prog, "--plan", "x.csv", "--format", "csv", NULL};
    char **all[] = {a1, a2, a3, a4, a5};
    for (size_t i = 0; i < 5; i++) {
        exec_result r = exec_run(NULL, all[i]);
        exec_expect_usage_error(r.status, r.out, r.err, NULL);
        exec_free(&r);
    }
}
END_TEST

static Suite *cli_audit_suite(void)
{
    Suite *s = suite_create("cli-audit");
    TCase *tc = tcase_create("pass");
    tcase_add_test(tc, plans_from_sl_plan_pass);
    tcase_add_test(tc, fee_financed_plan_is_audited);
    tcase_add_test(tc, stdin_is_read);
    tcase_add_test(tc, rate_history_is_rate_changes);
    suite_add_tcase(s, tc);
    tc = tcase_create("faults");
    tcase_add_test(tc, one_ore_moved);
    tcase_add_test(tc, principal_off_without_terms);
    tcase_add_test(tc, row_dropped);
    tcase_add_test(tc, rows_swapped);
    tcase_add_test(tc, wrong_total);
    suite_add_tcase(s, tc);
    tc = tcase_create("reading");
    tcase_add_test(tc, norwegian_exports_read_the_same);
    tcase_add_test(tc, columns_mapping);
    tcase_add_test(tc, columns_mapping_wins_over_aliases);
    tcase_add_test(tc, malformed_input);
    tcase_add_test(tc, nul_bytes_are_refused);
    tcase_add_test(tc, hundred_megabyte_line);
    tcase_add_test(tc, bad_options);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s SL-AUDIT SL-PLAN\n", argv[0]);
        return 2;
    }
    audit_prog = argv[1];
    plan_prog = argv[2];
    return run_suite(cli_audit_suite());
}
