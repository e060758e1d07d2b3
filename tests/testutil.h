/* Small helpers shared by the test suites. */
#ifndef SL_TESTUTIL_H
#define SL_TESTUTIL_H

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <startlan.h>

#include "arith_internal.h"

/* An assertion for hot loops: Check's ck_assert reports every passing check
 * to its parent process, which is slow over millions of checks; this only
 * calls into Check when the condition fails. */
#define REQUIRE(cond, ...)                                                                  \
    do {                                                                                   \
        if (!(cond))                                                                       \
            ck_abort_msg("failed: " #cond " — " __VA_ARGS__);                               \
    } while (0)

/* Run one suite and return the process exit status. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr), ran = srunner_ntests_run(sr);
    srunner_free(sr);
    if (ran == 0) { /* a suite that tests nothing must not pass */
        fprintf(stderr, "no test ran\n");
        return EXIT_FAILURE;
    }
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Amount from text, failing the test if it does not parse. */
static inline sl_money M(const char *text)
{
    sl_money v = 0;
    int rc = sl_money_parse(&v, text, "test", NULL);
    ck_assert_msg(rc == SL_OK, "cannot parse amount '%s'", text);
    return v;
}

/* Rate from a percent, failing the test if it does not parse. */
static inline sl_rate R(const char *percent)
{
    sl_rate r = SL_RATE_ZERO;
    int rc = sl_rate_parse_percent(&r, percent, "test", NULL);
    ck_assert_msg(rc == SL_OK, "cannot parse rate '%s'", percent);
    return r;
}

/* Deterministic generator (splitmix64) so a failing seed can be replayed. */
typedef struct test_rng {
    uint64_t state;
} test_rng;

static inline uint64_t rng_next(test_rng *g)
{
    uint64_t z = (g->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static inline int64_t rng_range(test_rng *g, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

/* The seed of a random test: a fixed default, so every run (and CI) draws the
 * same cases; SL_TEST_SEED=N replays seed N, SL_TEST_SEED=random draws a new
 * one from the clock. Printed either way, so a failure can be replayed. */
#define TEST_DEFAULT_SEED 20260101ull

static inline uint64_t test_seed(const char *suite)
{
    const char *env = getenv("SL_TEST_SEED");
    uint64_t seed = TEST_DEFAULT_SEED;
    if (env && strcmp(env, "random") == 0) {
        struct timespec ts;
        timespec_get(&ts, TIME_UTC);
        seed = (uint64_t)ts.tv_sec * 1000000007ull + (uint64_t)ts.tv_nsec;
    } else if (env && *env) {
        char *end;
        seed = strtoull(env, &end, 0);
        if (*end != '\0') {
            fprintf(stderr, "SL_TEST_SEED '%s': expected a number or 'random'\n", env);
            exit(EXIT_FAILURE);
        }
    }
    printf("%s: seed %llu (replay with SL_TEST_SEED=%llu)\n", suite, (unsigned long long)seed,
           (unsigned long long)seed);
    fflush(stdout);
    return seed;
}

/* Path of a file in tests/data. */
static inline const char *data_path(char *buf, size_t size, const char *name)
{
    const char *dir = getenv("SL_TEST_DATA");
    snprintf(buf, size, "%s/%s", dir ? dir : "tests/data", name);
    return buf;
}

/* text with every "\n" written as eol ("\r" for Excel for Mac's files,
 * "\r\n" for Windows'): free() it. */
static inline char *with_line_ends(const char *text, const char *eol)
{
    size_t n = 1, k = strlen(eol);
    for (const char *p = text; *p; p++)
        n += *p == '\n' ? k : 1;
    char *out = malloc(n), *q = out;
    ck_assert_ptr_nonnull(out);
    for (const char *p = text; *p; p++)
        if (*p == '\n')
            q = memcpy(q, eol, k), q += k;
        else
            *q++ = *p;
    *q = '\0';
    return out;
}

/* Field by field: the structs have padding, which memcmp would read. */
static inline int rows_equal(const sl_plan_row *a, const sl_plan_row *b)
{
    return a->term == b->term && a->due_date.year == b->due_date.year &&
           a->due_date.month == b->due_date.month && a->due_date.day == b->due_date.day &&
           a->days == b->days &&
           a->rate.num == b->rate.num && a->rate.den == b->rate.den &&
           a->opening_balance == b->opening_balance && a->interest == b->interest &&
           a->principal == b->principal && a->fee == b->fee && a->payment == b->payment &&
           a->closing_balance == b->closing_balance && a->events == b->events;
}

static inline int totals_equal(const sl_plan_totals *a, const sl_plan_totals *b)
{
    return a->terms == b->terms && a->interest == b->interest && a->principal == b->principal &&
           a->term_fees == b->term_fees && a->establishment_fee == b->establishment_fee &&
           a->fees == b->fees && a->paid == b->paid;
}

#endif
