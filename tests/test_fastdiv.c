/* Division by invariant integers gives exactly the hardware quotient. */
#include "fastdiv_internal.h"
#include "testutil.h"

#ifdef SL_HAVE_FASTDIV
static void check(uint64_t n, uint64_t d)
{
    sl__divider v;
    sl__divider_init(&v, d);
    uint64_t q = sl__divide(&v, n);
    REQUIRE(q == n / d, "%llu / %llu gave %llu", (unsigned long long)n, (unsigned long long)d,
            (unsigned long long)q);
}

START_TEST(edges)
{
    const uint64_t values[] = {0, 1, 2, 3, 7, 10, 12, 100, 1200, 1200000, 12000000000000000ull,
                               (1ull << 32) - 1, 1ull << 32, (1ull << 63) - 1, 1ull << 63,
                               (1ull << 63) + 1, UINT64_MAX - 1, UINT64_MAX};
    size_t n = sizeof values / sizeof values[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (values[j] != 0) {
                check(values[i], values[j]);
                if (values[i] > 0)
                    check(values[i] - 1, values[j]);
            }
}
END_TEST

START_TEST(random_operands)
{
    test_rng g = {test_seed("fastdiv")};
    for (int i = 0; i < 2000000; i++) {
        uint64_t d = rng_next(&g) >> (rng_next(&g) % 64);
        uint64_t n = rng_next(&g) >> (rng_next(&g) % 64);
        if (d == 0)
            d = 1;
        check(n, d);
        check(d * (n % 1000), d); /* exact multiples */
        check(d * (n % 1000) - 1, d);
    }
}
END_TEST
#endif

int main(void)
{
    Suite *s = suite_create("fastdiv");
    TCase *tc = tcase_create("fastdiv");
#ifdef SL_HAVE_FASTDIV
    tcase_add_test(tc, edges);
    tcase_add_test(tc, random_operands);
#endif
    suite_add_tcase(s, tc);
    return run_suite(s);
}
