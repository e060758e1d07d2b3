/* Effective rate (effektiv rente) <-> nominal: published checks, exact ties,
 * and the round trip. */
#include "vectors.h"

#define VECTORS "effective-rate-vectors.tsv"

/* Husbanken: effective 4.290 % -> 4.208 / 4.223 / 4.245 % (3 decimals, nearest). */
START_TEST(husbanken_conversion)
{
    char path[1024], line[512];
    FILE *f = fopen(data_path(path, sizeof path, "husbanken-rate-conversion.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char eff[32], nom[32];
        int n;
        if (line[0] == '#' || sscanf(line, "%31s %d %31s", eff, &n, nom) != 3)
            continue;
        sl_rate out;
        char buf[SL_RATE_BUFSIZE];
        ck_assert_int_eq(sl_effective_to_nominal(&out, NULL, R(eff), n, 3, SL_ROUND_HALF_UP, NULL),
                         SL_OK);
        ck_assert_str_eq(pct(buf, out, 3, SL_ROUND_HALF_UP), nom);
        rows++;
    }
    fclose(f);
    ck_assert_int_eq(rows, 3);
}
END_TEST

/* Truncating instead of rounding would give 4.207: the check tells them apart. */
START_TEST(husbanken_is_rounding_not_truncation)
{
    sl_rate out;
    char buf[SL_RATE_BUFSIZE];
    ck_assert_int_eq(sl_effective_to_nominal(&out, NULL, R("4.290"), 12, 3, SL_ROUND_DOWN, NULL),
                     SL_OK);
    ck_assert_str_eq(pct(buf, out, 3, SL_ROUND_HALF_UP), "4.207");
}
END_TEST

/* EFFECT / NOMINAL vectors: the certified value at `decimals` decimals of a
 * percent equals the published figure rounded half up to the same decimals. */
static void check_conversion(const char *id, int to_nominal, const char *input_fraction, int n,
                             int decimals)
{
    char expected_text[256], buf[SL_RATE_BUFSIZE], want[SL_RATE_BUFSIZE];
    vector_field(expected_text, sizeof expected_text, VECTORS, id, 3);
    mpq_t e, in;
    mpq_inits(e, in, NULL);
    int d;
    first_decimal(e, &d, expected_text);
    first_decimal(in, &d, input_fraction);
    sl_rate out, input = rate_of(in);
    int rc = to_nominal ? sl_effective_to_nominal(&out, NULL, input, n, decimals, SL_ROUND_HALF_UP, NULL)
                        : sl_nominal_to_effective(&out, NULL, input, n, decimals, SL_ROUND_HALF_UP, NULL);
    ck_assert_int_eq(rc, SL_OK);
    ck_assert_msg(strcmp(pct(buf, out, decimals, SL_ROUND_HALF_UP),
                         pct(want, rate_of(e), decimals, SL_ROUND_HALF_UP)) == 0,
                  "%s: got %s %%, published %s", id, buf, expected_text);
    mpq_clears(e, in, NULL);
}

START_TEST(published_effect_nominal)
{
    check_conversion("XL-EFFECT-1", 0, "0.0525", 4, 5);     /* 7dp of a fraction */
    check_conversion("FJS-EFFECT-1", 0, "0.1", 4, 10);      /* exact value */
    check_conversion("XL-NOMINAL-1", 1, "0.053543", 4, 6);  /* 8dp of a fraction */
    check_conversion("FJS-NOMINAL-1", 1, "0.1", 4, 7);      /* tolerance 1e-9 */
}
END_TEST

/* 0.1 nominal quarterly is exactly 10.3812890625 %: exact, direction 0. */
START_TEST(exact_effective_has_no_direction)
{
    sl_rate out;
    int dir = 9;
    char buf[SL_RATE_BUFSIZE];
    ck_assert_int_eq(sl_nominal_to_effective(&out, &dir, R("10"), 4, 10, SL_ROUND_HALF_UP, NULL),
                     SL_OK);
    ck_assert_int_eq(dir, 0);
    ck_assert_str_eq(pct(buf, out, 10, SL_ROUND_HALF_UP), "10.3812890625");
}
END_TEST

/* 1.0125² = 1.02515625: effective 2.515625 % is nominal 2.5 % half-yearly
 * exactly, a tie at 0 decimals. The rational root is found and the tie is
 * rounded by the mode, not guessed. */
START_TEST(nominal_exact_tie)
{
    struct {
        sl_round_mode mode;
        const char *want;
        int dir;
    } cases[] = {{SL_ROUND_HALF_UP, "3", 1},
                 {SL_ROUND_HALF_EVEN, "2", -1},
                 {SL_ROUND_DOWN, "2", -1},
                 {SL_ROUND_UP, "3", 1}};
    char buf[SL_RATE_BUFSIZE];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rate out;
        int dir = 9;
        ck_assert_int_eq(sl_effective_to_nominal(&out, &dir, R("2.515625"), 2, 0, cases[i].mode, NULL),
                         SL_OK);
        ck_assert_str_eq(pct(buf, out, 0, SL_ROUND_HALF_UP), cases[i].want);
        ck_assert_int_eq(dir, cases[i].dir);
    }
    sl_rate out;
    int dir = 9;
    ck_assert_int_eq(sl_effective_to_nominal(&out, &dir, R("2.515625"), 2, 1, SL_ROUND_HALF_UP, NULL),
                     SL_OK);
    ck_assert_str_eq(pct(buf, out, 1, SL_ROUND_HALF_UP), "2.5");
    ck_assert_int_eq(dir, 0);
    /* Just beside the tie: irrational, decided by the bracket. */
    ck_assert_int_eq(sl_effective_to_nominal(&out, &dir, R("2.515626"), 2, 0, SL_ROUND_HALF_EVEN, NULL),
                     SL_OK);
    ck_assert_str_eq(pct(buf, out, 0, SL_ROUND_HALF_UP), "3");
    ck_assert_int_eq(dir, 1);
    ck_assert_int_eq(sl_effective_to_nominal(&out, &dir, R("2.515624"), 2, 0, SL_ROUND_HALF_UP, NULL),
                     SL_OK);
    ck_assert_str_eq(pct(buf, out, 0, SL_ROUND_HALF_UP), "2");
    ck_assert_int_eq(dir, -1);
}
END_TEST

/* Nominal 2.5 % half-yearly is effective 2.515625 %: a tie at 5 decimals. */
START_TEST(effective_exact_tie)
{
    sl_rate out;
    int dir;
    char buf[SL_RATE_BUFSIZE];
    ck_assert_int_eq(sl_nominal_to_effective(&out, &dir, R("2.5"), 2, 5, SL_ROUND_HALF_UP, NULL), SL_OK);
    ck_assert_str_eq(pct(buf, out, 5, SL_ROUND_HALF_UP), "2.51563");
    ck_assert_int_eq(dir, 1);
    ck_assert_int_eq(sl_nominal_to_effective(&out, &dir, R("2.5"), 2, 5, SL_ROUND_HALF_EVEN, NULL), SL_OK);
    ck_assert_str_eq(pct(buf, out, 5, SL_ROUND_HALF_UP), "2.51562");
    ck_assert_int_eq(dir, -1);
}
END_TEST

START_TEST(rejects_bad_input)
{
    sl_rate out;
    sl_error err;
    ck_assert_int_eq(sl_effective_to_nominal(&out, NULL, R("-100"), 12, 3, SL_ROUND_HALF_UP, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "effective");
    ck_assert_int_eq(sl_effective_to_nominal(&out, NULL, R("4"), 0, 3, SL_ROUND_HALF_UP, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "terms_per_year");
    ck_assert_int_eq(sl_effective_to_nominal(&out, NULL, R("4"), 12, 13, SL_ROUND_HALF_UP, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "decimals");
    ck_assert_int_eq(sl_nominal_to_effective(&out, NULL, R("-1200"), 12, 3, SL_ROUND_HALF_UP, &err),
                     SL_EINVAL);
    ck_assert_str_eq(err.field, "nominal");
    ck_assert_int_eq(sl_nominal_to_effective(&out, NULL, R("1000000"), 12, 3, SL_ROUND_HALF_UP, &err),
                     SL_ERANGE);
}
END_TEST

/* A nominal rate with three decimals, to effective at 12 decimals and back,
 * is the same rate: the two conversions are inverse and both certified. */
START_TEST(round_trip_seeded)
{
    test_rng g = {test_seed("effective round trip")};
    static const int freq[] = {1, 2, 4, 12, 52, 365};
    for (int i = 0; i < 300; i++) {
        sl_rate rn, re, back;
        ck_assert_int_eq(sl_rate_from_fraction(&rn, rng_range(&g, 0, 30000), 100000), SL_OK);
        int n = freq[rng_range(&g, 0, 5)];
        ck_assert_int_eq(sl_nominal_to_effective(&re, NULL, rn, n, 12, SL_ROUND_HALF_UP, NULL), SL_OK);
        ck_assert_int_eq(sl_effective_to_nominal(&back, NULL, re, n, 3, SL_ROUND_HALF_UP, NULL), SL_OK);
        ck_assert_msg(sl_rate_compare(back, rn) == 0, "round trip failed for %lld/%lld, n=%d",
                      (long long)rn.num, (long long)rn.den, n);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("effective");
    TCase *pub = tcase_create("published");
    tcase_add_test(pub, husbanken_conversion);
    tcase_add_test(pub, husbanken_is_rounding_not_truncation);
    tcase_add_test(pub, published_effect_nominal);
    suite_add_tcase(s, pub);
    TCase *ties = tcase_create("ties");
    tcase_add_test(ties, exact_effective_has_no_direction);
    tcase_add_test(ties, nominal_exact_tie);
    tcase_add_test(ties, effective_exact_tie);
    suite_add_tcase(s, ties);
    TCase *inv = tcase_create("input");
    tcase_add_test(inv, rejects_bad_input);
    tcase_add_test(inv, round_trip_seeded);
    suite_add_tcase(s, inv);
    return run_suite(s);
}
