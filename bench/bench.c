/* startlan benchmark: the exact library against the same work done the way
 * its peers do it, in plain double precision, in the same process and the
 * same run, so the ratios hold even when other work loads the machine.
 * Prints, per workload, the median time per item of several runs for both,
 * the ratio exact / double, and whether the answers agree.
 * Built by `meson compile -C build`; never run by `meson test`.
 *
 *   build/bench/sl-bench [--loans N] [--runs R] [--portfolio PATH-TO-sl-portfolio]
 *
 * Workloads: 1–2 full schedules of 360-term annuity and serial loans against
 * a double loop; 3 the certified effective rate of the flows of a 300-term
 * plan with fees against a double Newton solve on the same flows (and 3b with
 * the plan built, against a double plan and Newton); 4 Husbanken's effective
 * → nominal conversion against a double pow; 5 sl-portfolio over a generated
 * CSV book against a double pass over the same file (CPU time, and peak
 * memory at two sizes, to show memory stays flat); 6 the same with a rate
 * history of 156 changes per loan against a book without (issue 14 asks for
 * at most twice the time, memory flat); 7 sl-audit over a long generated plan
 * (rows per second and peak memory at two sizes); 8 sl-finance answering the
 * family of issue 15 (docs/finance.md) with --max-price and --rate-shock +3,
 * the whole run with process start (issue 15 asks for under 50 ms). The certified paths print
 * how often their exact fallback ran. A sample of loans is also run through
 * the engine's general path, and the program fails loudly if any result
 * differs from the fast path's.
 */
#define _DEFAULT_SOURCE

#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <startlan.h>

#include "decimal_internal.h"
#include "plan_internal.h"

#ifndef SL_BENCH_PORTFOLIO
#define SL_BENCH_PORTFOLIO "sl-portfolio"
#endif
#ifndef SL_BENCH_FINANCE
#define SL_BENCH_FINANCE "sl-finance"
#endif
#ifndef SL_BENCH_CFLAGS
#define SL_BENCH_CFLAGS "?"
#endif

typedef struct loan {
    sl_money principal;
    int64_t rate_thousandths; /* percent × 1000: 0 .. 15 000 */
} loan;

static uint64_t rng_state = 20261127;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* CPU time of this process: on a machine shared with other work, wall time
 * also counts the time spent waiting for a core. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Totals kept by both implementations, so neither loop can be optimised away. */
typedef struct totals {
    int64_t interest, principal, paid;
} totals;

static void loan_terms(sl_loan_terms *terms, const loan *l, sl_loan_type type)
{
    sl_loan_terms_init(terms);
    terms->principal = l->principal;
    if (sl_rate_from_fraction(&terms->nominal_rate, l->rate_thousandths, 100000) != SL_OK)
        abort();
    terms->terms = 360;
    terms->type = type;
}

/* Totals of a plan on the engine's general path (the definition). */
static void general_totals(const sl_loan_terms *terms, sl_plan_totals *out)
{
    sl_plan *plan;
    if (sl_plan_new(&plan, terms, NULL) != SL_OK)
        abort();
    sl__plan_use_general_path(plan);
    if (sl_plan_finish(plan, out) != SL_OK)
        abort();
    sl_plan_free(plan);
}

/* Every 100th loan again on the general path: the fast path must agree. */
static void check_sample(const loan *loans, int count, sl_loan_type type)
{
    int checked = 0;
    for (int i = 0; i < count; i += 100) {
        sl_loan_terms terms;
        loan_terms(&terms, &loans[i], type);
        sl_plan_totals fast, general;
        if (sl_plan_totals_for(&fast, &terms, NULL) != SL_OK)
            abort();
        general_totals(&terms, &general);
        if (fast.terms != general.terms || fast.interest != general.interest ||
            fast.principal != general.principal || fast.fees != general.fees ||
            fast.paid != general.paid) {
            fprintf(stderr, "FAIL: loan %d: the fast path differs from the general path\n", i);
            exit(1);
        }
        checked++;
    }
    printf("%-44s %d sampled loans identical on the general path\n", "", checked);
}

static void exact_run(const loan *loans, int count, sl_loan_type type, totals *out)
{
    totals t = {0, 0, 0};
    for (int i = 0; i < count; i++) {
        sl_loan_terms terms;
        loan_terms(&terms, &loans[i], type);
        sl_plan *plan;
        if (sl_plan_new(&plan, &terms, NULL) != SL_OK)
            abort();
        sl_plan_row row;
        while (sl_plan_next(plan, &row) == 1) {
            t.interest += row.interest;
            t.principal += row.principal;
            t.paid += row.payment;
        }
        sl_plan_free(plan);
    }
    *out = t;
}

/* The floor: what a spreadsheet does, in doubles, rounding each figure to the
 * øre with round(). */
static void double_run(const loan *loans, int count, sl_loan_type type, totals *out)
{
    double interest = 0, principal = 0, paid = 0;
    for (int i = 0; i < count; i++) {
        double balance = (double)loans[i].principal / 100.0;
        double r = (double)loans[i].rate_thousandths / 100000.0 / 12.0;
        int n = 360;
        double level = type == SL_LOAN_SERIAL ? round(balance / n * 100.0) / 100.0
                       : r == 0                ? round(balance / n * 100.0) / 100.0
                                               : round(balance * r / (1.0 - pow(1.0 + r, -n)) * 100.0) / 100.0;
        for (int k = 1; k <= n; k++) {
            double in = round(balance * r * 100.0) / 100.0;
            double pr = k == n ? balance : type == SL_LOAN_SERIAL ? level : level - in;
            balance -= pr;
            interest += in;
            principal += pr;
            paid += in + pr;
        }
    }
    out->interest = (int64_t)(interest * 100.0);
    out->principal = (int64_t)(principal * 100.0);
    out->paid = (int64_t)(paid * 100.0);
}

static void cpu_model(char *buf, size_t size)
{
    snprintf(buf, size, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *colon = strchr(line, ':');
            if (colon) {
                snprintf(buf, size, "%s", colon + 2);
                buf[strcspn(buf, "\n")] = '\0';
            }
            break;
        }
    }
    fclose(f);
}

static void schedule_workload(const char *name, const loan *loans, int count, sl_loan_type type,
                              int runs)
{
    double te[32], td[32];
    totals a = {0, 0, 0}, b = {0, 0, 0};
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        exact_run(loans, count, type, &a);
        double t1 = now();
        double_run(loans, count, type, &b);
        double t2 = now();
        te[r] = (t1 - t0) / count;
        td[r] = (t2 - t1) / count;
    }
    double e = median(te, runs), d = median(td, runs);
    printf("%-44s exact %9.3f us   double %9.3f us   ratio %6.2f\n", name, e * 1e6, d * 1e6,
           e / d);
    printf("%-44s double's interest total is off by %lld øre over %d loans\n", "",
           (long long)(b.interest - a.interest), count);
    check_sample(loans, count, type);
}

/* ---- 3: certified effective rate of a 300-term plan with fees ---- */

static void apr_terms(sl_loan_terms *t, const loan *l)
{
    sl_loan_terms_init(t);
    t->principal = l->principal;
    if (sl_rate_from_fraction(&t->nominal_rate, l->rate_thousandths, 100000) != SL_OK)
        abort();
    t->terms = 300;
    t->term_fee = 3000;
    t->establishment_fee = 60000;
}

/* The floor: the same plan in doubles, then Newton's method on the monthly rate. */
static double double_apr(const loan *l)
{
    double p = (double)l->principal / 100.0, r = (double)l->rate_thousandths / 100000.0 / 12.0;
    double pay[300], bal = p;
    int n = 300;
    double level = r == 0 ? round(p / n * 100) / 100 : round(p * r / (1 - pow(1 + r, -n)) * 100) / 100;
    for (int k = 0; k < n; k++) {
        double in = round(bal * r * 100) / 100, pr = k == n - 1 ? bal : level - in;
        bal -= pr;
        pay[k] = in + pr + 30.0;
    }
    double drawn = p - 600.0, i = r > 0 ? r : 0.001;
    for (int it = 0; it < 50; it++) {
        double f = -drawn, df = 0, v = 1 / (1 + i), w = 1;
        for (int k = 0; k < n; k++) {
            w *= v;
            f += pay[k] * w;
            df -= (k + 1) * pay[k] * w * v;
        }
        double step = f / df;
        i -= step;
        if (fabs(step) < 1e-15)
            break;
    }
    return round((pow(1 + i, 12) - 1) * 10000) / 100;
}

/* A double Newton solve on the flows of an equal-month plan (flow k at k
 * months): the monthly rate from 1 %, to a step below 10^-12, then the
 * annual rate rounded to two decimals of a percent with round(). */
static double newton_apr(const sl_apr_flow *f, int n)
{
    double i = 0.01;
    for (int it = 0; it < 100; it++) {
        double v = 1 / (1 + i), w = 1, y = 0, dy = 0;
        for (int k = 0; k < n; k++) {
            y += (double)f[k].amount * w;
            dy -= k * (double)f[k].amount * w * v;
            w *= v;
        }
        double step = y / dy;
        i -= step;
        if (fabs(step) < 1e-12)
            break;
    }
    return round((pow(1 + i, 12) - 1) * 10000);
}

static int plan_flows(sl_apr_flow *f, const loan *l)
{
    sl_loan_terms t;
    apr_terms(&t, l);
    sl_plan *plan;
    if (sl_plan_new(&plan, &t, NULL) != SL_OK)
        abort();
    f[0] = (sl_apr_flow){0, 1, t.principal - t.establishment_fee};
    int n = 1;
    sl_plan_row row;
    while (sl_plan_next(plan, &row) == 1)
        f[n++] = (sl_apr_flow){row.term, 12, -row.payment};
    sl_plan_free(plan);
    return n;
}

static void apr_workload(const loan *loans, int count, int runs)
{
    sl_apr_flow *flows = malloc((size_t)count * 301 * sizeof *flows);
    int *sizes = malloc((size_t)count * sizeof *sizes);
    if (!flows || !sizes)
        abort();
    for (int i = 0; i < count; i++)
        sizes[i] = plan_flows(flows + (size_t)i * 301, &loans[i]);
    double te[32], td[32], sink = 0;
    long fallbacks = 0, agree = 0;
    for (int r = 0; r < runs; r++) {
        fallbacks = agree = 0;
        double t0 = now();
        for (int i = 0; i < count; i++) {
            sl_apr_result a;
            if (sl_apr(&a, flows + (size_t)i * 301, (size_t)sizes[i], NULL, NULL) != SL_OK)
                abort();
            fallbacks += a.precision != 53; /* 53: the double bound decided */
            sink += (double)a.rate.num / (double)a.rate.den;
        }
        double t1 = now();
        for (int i = 0; i < count; i++)
            sink += newton_apr(flows + (size_t)i * 301, sizes[i]);
        double t2 = now();
        te[r] = (t1 - t0) / count;
        td[r] = (t2 - t1) / count;
    }
    for (int i = 0; i < count; i++) {
        sl_apr_result a;
        if (sl_apr(&a, flows + (size_t)i * 301, (size_t)sizes[i], NULL, NULL) != SL_OK)
            abort();
        agree += (double)a.rate.num * 10000 / (double)a.rate.den ==
                 newton_apr(flows + (size_t)i * 301, sizes[i]);
    }
    double e = median(te, runs), d = median(td, runs);
    printf("%-44s exact %9.3f us   double %9.3f us   ratio %6.2f%s\n",
           "3. certified APR, flows of a 300-term plan", e * 1e6, d * 1e6, e / d,
           sink == 0.5 ? " " : "");
    printf("%-44s exact fallback %ld of %d; rounded answers agree on %ld of %d\n", "", fallbacks,
           count, agree, count);
    free(flows);
    free(sizes);

    /* 3b: the plan built too, against a double plan and Newton */
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (int i = 0; i < count; i++) {
            sl_loan_terms t;
            apr_terms(&t, &loans[i]);
            sl_plan_cost c;
            if (sl_plan_cost_compute(&c, &t, NULL, NULL) != SL_OK)
                abort();
            sink += (double)c.apr.rate.num;
        }
        double t1 = now();
        for (int i = 0; i < count; i++)
            sink += double_apr(&loans[i]);
        double t2 = now();
        te[r] = (t1 - t0) / count;
        td[r] = (t2 - t1) / count;
    }
    e = median(te, runs);
    d = median(td, runs);
    printf("%-44s exact %9.3f us   double %9.3f us   ratio %6.2f%s\n",
           "3b. the same with the plan built", e * 1e6, d * 1e6, e / d, sink == 0.5 ? " " : "");
}

/* ---- 4: Husbanken's effective → nominal conversion ---- */

static double double_nominal(int i)
{
    double re = (double)(1 + i % 15000) / 100000.0;
    return round((pow(1 + re, 1.0 / 12) - 1) * 12 * 100000);
}

static void conversion_workload(int count, int runs)
{
    double te[32], td[32], sink = 0;
    long fallbacks = 0, agree = 0;
    for (int r = 0; r < runs; r++) {
        fallbacks = agree = 0;
        double t0 = now();
        for (int i = 0; i < count; i++) {
            sl_rate eff, nom;
            int slow;
            if (sl_rate_from_fraction(&eff, 1 + i % 15000, 100000) != SL_OK ||
                sl__effective_to_nominal(&nom, NULL, eff, 12, 3, SL_ROUND_HALF_UP, 1, &slow,
                                         NULL) != SL_OK)
                abort();
            fallbacks += slow;
            sink += (double)nom.num;
        }
        double t1 = now();
        for (int i = 0; i < count; i++)
            sink += double_nominal(i);
        double t2 = now();
        te[r] = (t1 - t0) / count;
        td[r] = (t2 - t1) / count;
    }
    for (int i = 0; i < count && i < 15000; i++) {
        sl_rate eff, nom;
        if (sl_rate_from_fraction(&eff, 1 + i, 100000) != SL_OK ||
            sl_effective_to_nominal(&nom, NULL, eff, 12, 3, SL_ROUND_HALF_UP, NULL) != SL_OK)
            abort();
        agree += (double)nom.num * 100000 / (double)nom.den == double_nominal(i);
    }
    double e = median(te, runs), d = median(td, runs);
    printf("%-44s exact %9.3f us   double %9.3f us   ratio %6.2f%s\n",
           "4. effective -> nominal, monthly, 3 decimals", e * 1e6, d * 1e6, e / d,
           sink == 0.5 ? " " : "");
    printf("%-44s exact fallback %ld of %d; rounded answers agree on %ld of %d rates\n", "",
           fallbacks, count, agree, count < 15000 ? count : 15000);
}

/* ---- 5: sl-portfolio over a generated book ---- */

/* A generated book; with `history`, every loan follows that rate history
 * (rate column empty, a rate_history column naming the file). */
static int write_book(const char *path, int count, const char *history)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "id,amount,rate,terms,terms_per_year,type,payout_date,term_fee,establishment_fee,"
               "interest_only_terms%s\n", history ? ",rate_history" : "");
    for (int i = 0; i < count; i++) {
        long kr = 100000 + (long)(rng() % 4900001);
        unsigned rate = (unsigned)(rng() % 15001);
        int years = 5 + (int)(rng() % 26);
        char r[16] = "";
        if (!history)
            snprintf(r, sizeof r, "%u.%03u", rate / 1000, rate % 1000);
        fprintf(f, "L%d,%ld,%s,%d,12,%s,%d-%02d-%02d,30,600,%d%s%s\n", i, kr, r, years * 12,
                rng() % 4 ? "annuity" : "serial", 2000 + (int)(rng() % 25),
                1 + (int)(rng() % 12), 1 + (int)(rng() % 28), rng() % 10 ? 0 : 12,
                history ? "," : "", history ? history : "");
    }
    return fclose(f);
}

/* A floating rate changed on the 1st of every other month from 2000 to 2025
 * (156 changes, a random walk between 1 and 8 %): generated, not published. */
static int write_history(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "# generated for the benchmark: not published rates\n");
    long rate = 4000;
    for (int y = 2000; y <= 2025; y++)
        for (int m = 1; m <= 11; m += 2) {
            rate += (long)(rng() % 501) - 250;
            rate = rate < 1000 ? 1000 : rate > 8000 ? 8000 : rate;
            fprintf(f, "%d-%02d-01 %ld.%03ld\n", y, m, rate / 1000, rate % 1000);
        }
    return fclose(f);
}

/* Run a program with arguments, its output written to out (NULL:
 * discarded); its CPU time (user + system) in seconds and peak memory in kB. */
static int run_program(char *const argv[], const char *out, double *seconds, long *max_kb)
{
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0)
            dup2(fd, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    *seconds = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
    *max_kb = ru.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Run sl-portfolio on path; its CPU time (user + system) in seconds, peak
 * memory in kB, and its output written to out (NULL: discarded). */
static int run_portfolio(const char *prog, const char *path, const char *out, double *seconds,
                         long *max_kb)
{
    char *argv[] = {(char *)prog, "--loans", (char *)path, "--as-of", "2025-12-31", "--from",
                    "2025-01-01", "--to", "2025-12-31", "--totals-only", "--format", "json",
                    NULL};
    return run_program(argv, out, seconds, max_kb);
}

static int month_length(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

typedef struct book_totals {
    double balance, interest, principal, fees;
} book_totals;

/* The floor for workload 5: the same file read and computed the way a plain
 * program does it in doubles: each line split at commas, numbers by strtod,
 * due dates stepped a period at a time and compared as integers, each figure
 * rounded to the øre with round(), totals summed in doubles. */
static int double_book(const char *path, book_totals *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512];
    book_totals t = {0, 0, 0, 0};
    const int as_of = 2025 * 512 + 12 * 32 + 31, from = 2025 * 512 + 1 * 32 + 1, to = as_of;
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *fld[10], *p = line;
        for (int i = 0; i < 10; i++) {
            fld[i] = p;
            p = strchr(p, ',');
            if (!p && i < 9) {
                fclose(f);
                return -1;
            }
            if (p)
                *p++ = '\0';
        }
        double amount = strtod(fld[1], NULL), r = strtod(fld[2], NULL) / 100;
        int terms = atoi(fld[3]), per_year = atoi(fld[4]), serial = fld[5][0] == 's';
        int y = atoi(fld[6]), m = atoi(fld[6] + 5), d = atoi(fld[6] + 8);
        double term_fee = strtod(fld[7], NULL), est_fee = strtod(fld[8], NULL);
        int io = atoi(fld[9]), step = 12 / per_year, index = y * 12 + m - 1;
        int payout = y * 512 + m * 32 + d, paid_out = payout <= as_of;
        double bal = amount, rt = r / per_year, level = 0, balance = paid_out ? amount : 0;
        if (payout >= from && payout <= to)
            t.fees += est_fee;
        for (int k = 1; k <= terms; k++) {
            index += step;
            int yy = index / 12, mm = index % 12 + 1, dim = month_length(yy, mm);
            int due = yy * 512 + mm * 32 + (d < dim ? d : dim);
            if (due > as_of)
                break;
            if (k == io + 1)
                level = serial || rt == 0
                            ? round(bal / (terms - io) * 100) / 100
                            : round(bal * rt / (1 - pow(1 + rt, -(terms - io))) * 100) / 100;
            double in = round(bal * rt * 100) / 100;
            double pr = k <= io ? 0 : k == terms ? bal : serial ? level : level - in;
            bal -= pr;
            if (paid_out)
                balance = bal;
            if (due >= from && due <= to) {
                t.interest += in;
                t.principal += pr;
                t.fees += term_fee;
            }
        }
        t.balance += balance;
    }
    fclose(f);
    *out = t;
    return 0;
}

/* The total of `name` in sl-portfolio's JSON output ("name": "123.45"), in øre. */
static int64_t json_total(const char *path, const char *name)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[256], key[64];
    snprintf(key, sizeof key, "\"%s\": \"", name);
    int64_t v = 0;
    while (fgets(line, sizeof line, f)) {
        char *at = strstr(line, key);
        if (at) {
            long long kr = 0;
            int ore = 0;
            sscanf(at + strlen(key), "%lld.%d", &kr, &ore);
            v = kr * 100 + ore;
            break;
        }
    }
    fclose(f);
    return v;
}

static void portfolio_workload(const char *prog, int count, int runs)
{
    char small[] = "/tmp/sl-bench-book-XXXXXX", large[] = "/tmp/sl-bench-book-XXXXXX",
         output[] = "/tmp/sl-bench-out-XXXXXX";
    int fs = mkstemp(small), fl = mkstemp(large), fo = mkstemp(output);
    if (fs < 0 || fl < 0 || fo < 0)
        return;
    close(fs);
    close(fl);
    close(fo);
    int small_count = count / 10 > 0 ? count / 10 : 1;
    if (write_book(small, small_count, NULL) != 0 || write_book(large, count, NULL) != 0) {
        printf("5. sl-portfolio: could not write the generated book\n");
        goto out;
    }
    double ts[32], tl[32], td[32];
    long kb_small = 0, kb_large = 0;
    book_totals bt = {0, 0, 0, 0};
    for (int r = 0; r < runs; r++) {
        long kb;
        if (run_portfolio(prog, small, NULL, &ts[r], &kb) != 0) {
            printf("5. sl-portfolio: %s did not run (pass --portfolio PATH)\n", prog);
            goto out;
        }
        kb_small = kb > kb_small ? kb : kb_small;
        if (run_portfolio(prog, large, r == 0 ? output : NULL, &tl[r], &kb) != 0)
            goto out;
        kb_large = kb > kb_large ? kb : kb_large;
        double t0 = now();
        if (double_book(large, &bt) != 0)
            goto out;
        td[r] = now() - t0;
    }
    double e = median(tl, runs), d = median(td, runs);
    printf("%-44s exact %9.3f s    double %9.3f s    ratio %6.2f  (CPU time, %d loans)\n",
           "5. sl-portfolio over a generated book", e, d, e / d, count);
    printf("%-44s double's interest total is off by %lld øre, balance by %lld øre\n", "",
           (long long)(llround(bt.interest * 100) - json_total(output, "interest")),
           (long long)(llround(bt.balance * 100) - json_total(output, "balance")));
    printf("%-44s peak memory %.1f MB at %d loans, %.1f MB at %d (%.3f s): flat\n", "",
           (double)kb_large / 1024, count, (double)kb_small / 1024, small_count,
           median(ts, runs));
out:
    unlink(small);
    unlink(large);
    unlink(output);
}

/* ---- 6: the same with a rate history per loan ---- */

static void history_workload(const char *prog, int count, int runs)
{
    char hist[] = "/tmp/sl-bench-hist-XXXXXX", plain[] = "/tmp/sl-bench-book-XXXXXX",
         with[] = "/tmp/sl-bench-book-XXXXXX", small[] = "/tmp/sl-bench-book-XXXXXX";
    int fds[4] = {mkstemp(hist), mkstemp(plain), mkstemp(with), mkstemp(small)};
    for (int i = 0; i < 4; i++) {
        if (fds[i] < 0)
            return;
        close(fds[i]);
    }
    int small_count = count / 10 > 0 ? count / 10 : 1;
    if (write_history(hist) != 0 || write_book(plain, count, NULL) != 0 ||
        write_book(with, count, hist) != 0 || write_book(small, small_count, hist) != 0) {
        printf("6. sl-portfolio: could not write the generated books\n");
        goto out;
    }
    double tp[32], tw[32], ts[32];
    long kb_plain = 0, kb_with = 0, kb_small = 0;
    for (int r = 0; r < runs; r++)
        if (run_portfolio(prog, plain, NULL, &tp[r], &kb_plain) != 0 ||
            run_portfolio(prog, with, NULL, &tw[r], &kb_with) != 0 ||
            run_portfolio(prog, small, NULL, &ts[r], &kb_small) != 0) {
            printf("6. sl-portfolio: %s failed on a generated book\n", prog);
            goto out;
        }
    double p = median(tp, runs), w = median(tw, runs);
    printf("%-44s without %7.3f s   with %7.3f s   ratio %6.2f  (CPU time, %d loans)\n",
           "6. sl-portfolio, a rate history per loan", p, w, w / p, count);
    printf("%-44s peak memory %.1f MB without, %.1f MB with, %.1f MB with at %d loans\n", "",
           (double)kb_plain / 1024, (double)kb_with / 1024, (double)kb_small / 1024,
           small_count);
out:
    unlink(hist);
    unlink(plain);
    unlink(with);
    unlink(small);
}

/* ---- 7: sl-audit over a long generated plan ---- */

/* A consistent plan of `rows` terms as a Norwegian export: ';', one balance
 * column, amounts "1 469,33" (a steady rate of 0.4 % a term on the balance,
 * 1 kr principal and 30 kr fee a term). */
static int write_audit_plan(const char *path, long rows)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "Termin;Terminbel\xC3\xB8p;Renter;Avdrag;Gebyr;Restgjeld\n");
    long long balance = (long long)rows * 100;
    for (long t = 1; t <= rows; t++) {
        long long interest = (balance * 4 + 500) / 1000; /* øre, half up */
        long long principal = 100, fee = 3000, payment = interest + principal + fee;
        balance -= principal;
        long long v[5] = {payment, interest, principal, fee, balance};
        fprintf(f, "%ld", t);
        for (int i = 0; i < 5; i++) {
            long long kr = v[i] / 100;
            if (kr >= 1000000)
                fprintf(f, ";%lld %03lld %03lld,%02lld", kr / 1000000, kr / 1000 % 1000,
                        kr % 1000, v[i] % 100);
            else if (kr >= 1000)
                fprintf(f, ";%lld %03lld,%02lld", kr / 1000, kr % 1000, v[i] % 100);
            else
                fprintf(f, ";%lld,%02lld", kr, v[i] % 100);
        }
        fputc('\n', f);
    }
    return fclose(f);
}

static void audit_workload(const char *prog, long rows, int runs)
{
    char small[] = "/tmp/sl-bench-plan-XXXXXX", large[] = "/tmp/sl-bench-plan-XXXXXX";
    int fs = mkstemp(small), fl = mkstemp(large);
    if (fs < 0 || fl < 0)
        return;
    close(fs);
    close(fl);
    long small_rows = rows / 10 > 0 ? rows / 10 : 1;
    if (write_audit_plan(small, small_rows) != 0 || write_audit_plan(large, rows) != 0) {
        printf("7. sl-audit: could not write the generated plan\n");
        goto out;
    }
    static const char *const formats[] = {"table", "json"};
    for (int f = 0; f < 2; f++) {
        double tl[32], ts[32];
        long kb_large = 0, kb_small = 0, kb;
        for (int r = 0; r < runs; r++) {
            char *argv_l[] = {(char *)prog, "--plan", large, "--format", (char *)formats[f], NULL};
            char *argv_s[] = {(char *)prog, "--plan", small, "--format", (char *)formats[f], NULL};
            if (run_program(argv_l, NULL, &tl[r], &kb) != 0) {
                printf("7. sl-audit: %s did not run or found differences\n", prog);
                goto out;
            }
            kb_large = kb > kb_large ? kb : kb_large;
            if (run_program(argv_s, NULL, &ts[r], &kb) != 0)
                goto out;
            kb_small = kb > kb_small ? kb : kb_small;
        }
        double t = median(tl, runs);
        printf("%-44s %ld rows, --format %s: %.3f s CPU (%.0f rows/s), peak memory %.1f MB\n",
               f ? "" : "7. sl-audit, generated plan (cp1252-style)", rows, formats[f], t,
               (double)rows / t, (double)kb_large / 1024);
        printf("%-44s %ld rows, --format %s: %.3f s CPU, peak memory %.1f MB (flat)\n", "",
               small_rows, formats[f], median(ts, runs), (double)kb_small / 1024);
    }
out:
    unlink(small);
    unlink(large);
}

/* The family of issue 15 answered by one sl-finance run: sources and uses,
 * payments, the stressed budget, the largest price (about 40 prices probed)
 * and all of it again 3 points higher. CPU time of the whole process (start,
 * loading GMP and MPFR, output), which other work on the machine does not
 * inflate as it does the wall-clock time. */
static void finance_workload(const char *prog, int runs)
{
    char *argv[] = {(char *)prog, "--price", "3800000", "--own-funds", "190000", "--bank-share",
                    "85", "--bank-rate", "5.5", "--start-rate", "4.64", "--margin", "0.25",
                    "--date", "2026-12-01", "--adults", "2", "--children-0-5", "1",
                    "--children-6-10", "1", "--gross-income-yearly", "780000", "--policy-rate",
                    "4", "--max-price", "--rate-shock", "+3", "--format", "json", NULL};
    double t[128];
    int n = runs * 4 > 128 ? 128 : runs * 4;
    long kb = 0;
    for (int r = 0; r < n; r++)
        if (run_program(argv, NULL, &t[r], &kb) != 0) {
            printf("8. sl-finance: %s did not run\n", prog);
            return;
        }
    printf("%-44s %.1f ms CPU (median of %d; target < 50 ms), peak memory %.1f MB\n",
           "8. sl-finance, issue 15's family, whole run", median(t, n) * 1000, n,
           (double)kb / 1024);
}

int main(int argc, char **argv)
{
    int count = 100000, runs = 5;
    const char *portfolio = SL_BENCH_PORTFOLIO, *audit = SL_BENCH_AUDIT;
    const char *finance = SL_BENCH_FINANCE;
    long audit_rows = 1000000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--loans") == 0)
            count = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--runs") == 0)
            runs = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--portfolio") == 0)
            portfolio = argv[i + 1];
        else if (strcmp(argv[i], "--audit") == 0)
            audit = argv[i + 1];
        else if (strcmp(argv[i], "--finance") == 0)
            finance = argv[i + 1];
        else if (strcmp(argv[i], "--audit-rows") == 0)
            audit_rows = atol(argv[i + 1]);
    }
    if (count < 1 || runs < 1 || runs > 32 || audit_rows < 1) {
        fprintf(stderr, "usage: sl-bench [--loans N] [--runs 1..32] [--portfolio PATH] "
                        "[--audit PATH] [--audit-rows N] [--finance PATH]\n");
        return 2;
    }
    char cpu[128];
    cpu_model(cpu, sizeof cpu);
    printf("startlan %s benchmark\n", sl_version());
    printf("machine: %s\ncompiler: %s\nflags: %s\n", cpu, __VERSION__, SL_BENCH_CFLAGS);
    printf("median of %d runs; times per item\n\n", runs);

    loan *loans = malloc((size_t)count * sizeof *loans);
    if (!loans)
        return 1;
    for (int i = 0; i < count; i++) {
        loans[i].principal = 10000000 + (sl_money)(rng() % (500000000 - 10000000 + 1));
        loans[i].rate_thousandths = (int64_t)(rng() % 15001);
    }
    schedule_workload("1. annuity, 360 monthly terms, full schedule", loans, count,
                      SL_LOAN_ANNUITY, runs);
    schedule_workload("2. serial, 360 monthly terms, full schedule", loans, count, SL_LOAN_SERIAL,
                      runs);
    apr_workload(loans, count / 50 > 0 ? count / 50 : 1, runs);
    conversion_workload(count, runs);
    portfolio_workload(portfolio, count, runs > 3 ? 3 : runs);
    history_workload(portfolio, count, runs > 3 ? 3 : runs);
    audit_workload(audit, audit_rows, runs > 3 ? 3 : runs);
    finance_workload(finance, runs);
    free(loans);
    return 0;
}
