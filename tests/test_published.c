/* Published figures, read from data files with their sources, checked as published.
 *  - tests/data/published-plans.tsv: payments and plan totals (smartepenger.no, loanjs).
 *  - tests/data/finance-functions.tsv (a verbatim copy of the project's shared vectors):
 *    every PMT vector of an ordinary annuity (fv = 0, payments in arrears) is checked
 *    against the exact annuity, and the first-term IPMT/PPMT/CUMIPMT vectors against
 *    the exact first-term interest and principal, at the published precision. */
#include <ctype.h>

#include "testutil.h"

#define MAX_FIELDS 12

static int split_tabs(char *line, char **fields)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < MAX_FIELDS;) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

START_TEST(published_plans)
{
    char path[512], line[1024];
    FILE *f = fopen(data_path(path, sizeof path, "published-plans.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *c[MAX_FIELDS];
        ck_assert_int_eq(split_tabs(line, c), 10);
        sl_loan_terms t = SL_LOAN_TERMS_INIT;
        t.principal = M(c[1]);
        t.nominal_rate = R(c[2]);
        t.terms = atoi(c[3]);
        t.terms_per_year = atoi(c[4]);
        ck_assert_int_eq(sl_loan_type_parse(&t.type, c[5]), SL_OK);
        ck_assert_int_eq(sl_round_unit_parse(&t.payment_rounding.unit, c[6]), SL_OK);
        sl_plan *plan;
        ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
        sl_plan_row first, r;
        ck_assert_int_eq(sl_plan_next(plan, &first), 1);
        r = first;
        while (sl_plan_next(plan, &r) == 1)
            ;
        sl_plan_totals tot;
        sl_plan_totals_so_far(plan, &tot);
        sl_plan_free(plan);
        sl_money got;
        if (strcmp(c[7], "payment") == 0 || strcmp(c[7], "first_payment") == 0)
            got = first.interest + first.principal;
        else if (strcmp(c[7], "interest_sum") == 0)
            got = tot.interest;
        else if (strcmp(c[7], "paid_sum") == 0)
            got = tot.paid;
        else
            ck_abort_msg("unknown field %s", c[7]);
        ck_assert_msg(got == M(c[8]), "%s: %s published %s, computed %lld øre (%s)", c[0], c[7],
                      c[8], (long long)got, c[9]);
        checked++;
    }
    fclose(f);
    ck_assert_int_ge(checked, 8);
}
END_TEST

/* Read "a", "a/b" or "a%/b" (a a decimal) as an exact rational rate per period. */
static void read_rate(mpq_t out, const char *text)
{
    char num[64];
    size_t n = strcspn(text, "/ ");
    ck_assert_int_lt(n, sizeof num);
    memcpy(num, text, n);
    num[n] = '\0';
    int percent = n > 0 && num[n - 1] == '%';
    if (percent)
        num[n - 1] = '\0';
    sl_rate r = R(num); /* the decimal read as a percent: value / 100 */
    sl_rate_to_mpq(out, r);
    if (!percent) {
        mpq_t hundred;
        mpq_init(hundred);
        mpq_set_ui(hundred, 100, 1);
        mpq_mul(out, out, hundred);
        mpq_clear(hundred);
    }
    if (text[n] == '/') {
        mpq_t div;
        mpq_init(div);
        mpq_set_ui(div, (unsigned long)atol(text + n + 1), 1);
        mpq_div(out, out, div);
        mpq_clear(div);
    }
}

/* Value of key=... in an inputs column ("rate=0.08/12 nper=10 pv=10000"), or NULL. */
static const char *input(const char *inputs, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = inputs; (p = strstr(p, key)) != NULL; p++)
        if ((p == inputs || p[-1] == ' ') && p[k] == '=')
            return p + k + 1;
    return NULL;
}

/* 1 if a value token is a plain 0. */
static int is_zero(const char *token)
{
    return token[0] == '0' && (token[1] == '\0' || token[1] == ' ');
}

/* Compare an exact value with a published decimal at its precision: "Ndp" or a
 * plain display → the exact value rounded half up to the published decimals must
 * equal it; "1e-K" or "N sig digits" → within that tolerance / one unit in the
 * last published place. */
static void assert_published(const char *id, const mpq_t exact_in, const char *published,
                             const char *precision)
{
    mpq_t exact, pub, diff, tol;
    mpq_inits(exact, pub, diff, tol, NULL);
    mpq_abs(exact, exact_in);
    const char *p = published;
    if (*p == '-')
        p++;
    char digits[64];
    size_t n = 0;
    int decimals = -1;
    for (; (isdigit((unsigned char)*p) || *p == '.') && n < sizeof digits - 1; p++) {
        if (*p == '.')
            decimals = 0;
        else {
            digits[n++] = *p;
            if (decimals >= 0)
                decimals++;
        }
    }
    digits[n] = '\0';
    if (decimals < 0)
        decimals = 0;
    mpz_set_str(mpq_numref(pub), digits, 10);
    mpz_ui_pow_ui(mpq_denref(pub), 10, (unsigned long)decimals);
    mpq_canonicalize(pub);
    if (strstr(precision, "sig digits") || strncmp(precision, "1e-", 3) == 0) {
        if (strncmp(precision, "1e-", 3) == 0) {
            mpz_ui_pow_ui(mpq_denref(tol), 10, (unsigned long)atoi(precision + 3));
            mpz_set_ui(mpq_numref(tol), 1);
        } else {
            /* A figure computed in an N-digit decimal context carries that
             * context's rounding error in its last digits: demand N − 4
             * significant digits (relative), far beyond any float. */
            mpz_ui_pow_ui(mpq_denref(tol), 10, (unsigned long)(atoi(precision) - 4));
            mpz_set(mpq_numref(tol), mpq_numref(pub));
            mpz_mul(mpq_denref(tol), mpq_denref(tol), mpq_denref(pub));
        }
        mpq_canonicalize(tol);
        mpq_sub(diff, exact, pub);
        mpq_abs(diff, diff);
        char shown[128];
        gmp_snprintf(shown, sizeof shown, "%Qd", exact);
        ck_assert_msg(mpq_cmp(diff, tol) <= 0, "%s: published %s, exact %s differs by more "
                      "than %s", id, published, shown, precision);
    } else {
        /* rounded half up to the published decimals */
        mpz_t scaled, q;
        mpz_inits(scaled, q, NULL);
        mpz_ui_pow_ui(scaled, 10, (unsigned long)decimals);
        mpz_mul(scaled, scaled, mpq_numref(exact));
        ck_assert_int_eq(sl__mpz_round_quotient(q, NULL, scaled, mpq_denref(exact), 1,
                                                SL_ROUND_HALF_UP), SL_OK);
        mpq_set_z(diff, q);
        mpz_ui_pow_ui(mpq_denref(tol), 10, (unsigned long)decimals);
        mpz_set_ui(mpq_numref(tol), 1);
        mpq_canonicalize(tol);
        mpq_mul(diff, diff, tol);
        char shown[128];
        gmp_snprintf(shown, sizeof shown, "%Qd", exact);
        ck_assert_msg(mpq_equal(diff, pub), "%s: published %s, exact value %s", id, published,
                      shown);
        mpz_clears(scaled, q, NULL);
    }
    mpq_clears(exact, pub, diff, tol, NULL);
}

/* The exact annuity of pv at rate r per period over n periods, in kroner. */
static void exact_pmt(mpq_t out, const mpq_t pv, const mpq_t r, long n)
{
    if (mpq_sgn(r) == 0) {
        mpq_set_ui(out, (unsigned long)n, 1);
        mpq_div(out, pv, out);
        return;
    }
    mpq_t f, one;
    mpq_inits(f, one, NULL);
    mpq_set_ui(one, 1, 1);
    mpq_add(f, one, r);
    /* (1+r)^n by repeated multiplication: exact */
    mpq_set_ui(out, 1, 1);
    for (long i = 0; i < n; i++)
        mpq_mul(out, out, f);
    mpq_inv(out, out);        /* (1+r)^-n */
    mpq_sub(out, one, out);   /* 1 - (1+r)^-n */
    mpq_mul(f, pv, r);
    mpq_div(out, f, out);
    mpq_clears(f, one, NULL);
}

START_TEST(finance_function_vectors)
{
    char path[512], line[2048];
    FILE *f = fopen(data_path(path, sizeof path, "finance-functions.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    int checked = 0;
    mpq_t r, pv, a, v;
    mpq_inits(r, pv, a, v, NULL);
    while (fgets(line, sizeof line, f)) {
        char *c[MAX_FIELDS];
        if (line[0] == '#' || split_tabs(line, c) < 6)
            continue;
        const char *id = c[0], *fn = c[1], *in = c[2];
        int pmt = strcmp(fn, "PMT") == 0 || strncmp(fn, "PMT (level", 10) == 0;
        int first_term = strcmp(fn, "IPMT") == 0 || strcmp(fn, "PPMT") == 0 ||
                         strcmp(fn, "CUMIPMT") == 0 || strcmp(fn, "CUMPRINC") == 0;
        if (!pmt && !first_term)
            continue;
        const char *fv = input(in, "fv"), *type = input(in, "type"), *rate = input(in, "rate");
        const char *nper = input(in, "nper"), *pvs = input(in, "pv");
        if (!rate || !nper || !pvs || (fv && !is_zero(fv)) || (type && !is_zero(type)))
            continue; /* annuity-due or balloon: not an ordinary annuity */
        if (first_term) {
            const char *per = input(in, "per"), *start = input(in, "start"), *end = input(in, "end");
            int is_first = (per && atoi(per) == 1) || (start && end && atoi(start) == 1 && atoi(end) == 1);
            if (!is_first)
                continue;
        }
        read_rate(r, rate);
        char pvbuf[64];
        snprintf(pvbuf, sizeof pvbuf, "%.*s", (int)strcspn(pvs, " "), pvs);
        sl_rate pv_as_rate = R(pvbuf); /* exact decimal, /100 */
        sl_rate_to_mpq(pv, pv_as_rate);
        mpq_set_ui(v, 100, 1);
        mpq_mul(pv, pv, v);
        mpq_abs(pv, pv);
        exact_pmt(a, pv, r, atol(nper));
        if (pmt)
            mpq_set(v, a);
        else {
            mpq_mul(v, pv, r); /* first-term interest */
            if (strcmp(fn, "PPMT") == 0 || strcmp(fn, "CUMPRINC") == 0)
                mpq_sub(v, a, v); /* first-term principal */
        }
        assert_published(id, v, c[3], c[4]);
        checked++;
    }
    mpq_clears(r, pv, a, v, NULL);
    fclose(f);
    /* 17 PMT vectors of ordinary annuities and 5 first-term vectors apply. */
    ck_assert_int_eq(checked, 22);
    printf("finance-functions.tsv: %d vectors checked\n", checked);
}
END_TEST

/* The library's rounded payment equals the exact annuity rounded by the policy,
 * for the vectors scaled to a loan in øre (PMT of 100 for 360 terms, QuantLib). */
START_TEST(library_payment_matches_exact_annuity)
{
    for (int pct = 0; pct <= 12; pct++) {
        char rate[8];
        snprintf(rate, sizeof rate, "%d", pct);
        /* pv = 10^9 kr: the payment in øre carries 9 decimals of PMT(100). */
        sl_money pay;
        sl_rounding ore = SL_ROUNDING_DEFAULT;
        ck_assert_int_eq(sl_annuity_payment(&pay, M("1000000000"), R(rate), 12, 360, ore), SL_OK);
        mpq_t a;
        mpq_init(a);
        ck_assert_int_eq(sl_annuity_exact(a, M("1000000000"), R(rate), 12, 360), SL_OK);
        mpz_t q;
        mpz_init(q);
        ck_assert_int_eq(sl__mpz_round_quotient(q, NULL, mpq_numref(a), mpq_denref(a), 1,
                                                SL_ROUND_HALF_UP), SL_OK);
        ck_assert_int_eq(mpz_get_si(q), pay);
        mpz_clear(q);
        mpq_clear(a);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("published");
    TCase *tc = tcase_create("published");
    tcase_add_test(tc, published_plans);
    tcase_add_test(tc, finance_function_vectors);
    tcase_add_test(tc, library_payment_matches_exact_annuity);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
