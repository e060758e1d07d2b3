/* startlan benchmark: the exact library against a plain double-precision loop
 * doing the same work in the same process. Prints, per workload, the median
 * time per item of several runs for both, and the ratio exact / double.
 * Built by `meson compile -C build`; never run by `meson test`.
 *
 *   build/bench/sl-bench [--loans N] [--runs R]
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <startlan.h>

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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
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

static void exact_run(const loan *loans, int count, sl_loan_type type, totals *out)
{
    totals t = {0, 0, 0};
    for (int i = 0; i < count; i++) {
        sl_loan_terms terms = SL_LOAN_TERMS_INIT;
        terms.principal = loans[i].principal;
        if (sl_rate_from_fraction(&terms.nominal_rate, loans[i].rate_thousandths, 100000) != SL_OK)
            abort();
        terms.terms = 360;
        terms.type = type;
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
    printf("%-44s totals differ by %lld øre of interest over %d loans (double vs exact)\n", "",
           (long long)(b.interest - a.interest), count);
}

int main(int argc, char **argv)
{
    int count = 100000, runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--loans") == 0)
            count = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--runs") == 0)
            runs = atoi(argv[i + 1]);
    }
    if (count < 1 || runs < 1 || runs > 32) {
        fprintf(stderr, "usage: sl-bench [--loans N] [--runs 1..32]\n");
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
    free(loans);
    return 0;
}
