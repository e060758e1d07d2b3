/* The certified effective annual rate (APR): published EU and Excel vectors,
 * rounding ties, no root, ambiguity, and plans. */
#include "vectors.h"

#define VECTORS "effective-rate-vectors.tsv"

static sl_date D(const char *text)
{
    sl_date d;
    ck_assert_int_eq(sl_date_parse(&d, text, "test", NULL), SL_OK);
    return d;
}

static sl_apr_options opts(int decimals, sl_apr_time time, sl_round_mode mode)
{
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    o.decimals = decimals;
    o.time = time;
    o.mode = mode;
    return o;
}

static const char *apr_text(char *buf, const sl_apr_result *r, int decimals)
{
    return pct(buf, r->rate, decimals, SL_ROUND_HALF_UP);
}

/* The published figure of a vector rounded by mode to `decimals` decimals of a
 * percent. percent: the figure is written in percent (else a fraction). */
static const char *published(char *buf, const char *id, int percent, int decimals,
                             sl_round_mode mode)
{
    char text[256];
    vector_field(text, sizeof text, VECTORS, id, 3);
    mpq_t q;
    mpq_init(q);
    int d;
    first_decimal(q, &d, text);
    if (percent) {
        mpz_mul_ui(mpq_denref(q), mpq_denref(q), 100);
        mpq_canonicalize(q);
    }
    pct(buf, rate_of(q), decimals, mode);
    mpq_clear(q);
    return buf;
}

static sl_apr_result dated(const sl_dated_flow *f, size_t n, sl_apr_options o)
{
    sl_apr_result r;
    sl_error err;
    int rc = sl_apr_dated(&r, f, n, &o, &err);
    ck_assert_msg(rc == SL_OK, "sl_apr_dated: %d %s", rc, err.message);
    return r;
}

START_TEST(eu_98_7_examples)
{
    char got[SL_RATE_BUFSIZE], want[SL_RATE_BUFSIZE];
    sl_dated_flow ex1[] = {{D("1994-01-01"), M("1000")}, {D("1995-07-01"), M("-1200")}};
    sl_apr_result r = dated(ex1, 2, opts(2, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 2), published(want, "EU-98-7-EX1", 1, 2, SL_ROUND_HALF_UP));
    r = dated(ex1, 2, opts(1, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 1), "13.0"); /* "13 % at 1dp" in the same row */

    sl_dated_flow ex2[] = {{D("1994-01-01"), M("950")}, {D("1995-07-01"), M("-1200")}};
    r = dated(ex2, 2, opts(1, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 1), published(want, "EU-98-7-EX2", 1, 1, SL_ROUND_HALF_UP));

    /* Whole years: the time basis does not matter. The published 0.1306623
     * is the root truncated to 7 decimals (the root is 0.13066238…). */
    sl_dated_flow ex3[] = {{D("2001-01-01"), M("1000")},
                           {D("2002-01-01"), M("-600")},
                           {D("2003-01-01"), M("-600")}};
    r = dated(ex3, 3, opts(5, SL_APR_EQUAL_MONTHS, SL_ROUND_DOWN));
    ck_assert_str_eq(apr_text(got, &r, 5), published(want, "EU-98-7-EX3", 0, 5, SL_ROUND_DOWN));
    r = dated(ex3, 3, opts(2, SL_APR_EQUAL_MONTHS, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 2), "13.07");
}
END_TEST

START_TEST(fsharp_eu_examples)
{
    char got[SL_RATE_BUFSIZE], want[SL_RATE_BUFSIZE];
    sl_dated_flow one[] = {{D("2012-10-10"), M("500")}, {D("2012-10-15"), M("-510")}};
    sl_apr_result r = dated(one, 2, opts(3, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 3), published(want, "FSP-EU-1", 1, 3, SL_ROUND_HALF_UP));
    /* The same row: "366-day year would give 326.12 %" (2012 is a leap year). */
    r = dated(one, 2, opts(2, SL_APR_DAYS_ACTUAL, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 2), "326.12");

    sl_dated_flow two[] = {{D("2012-10-10"), M("500")},
                           {D("2012-11-10"), M("-270")},
                           {D("2012-12-10"), M("-270")}};
    r = dated(two, 3, opts(2, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 2), published(want, "FSP-EU-2", 1, 2, SL_ROUND_HALF_UP));
}
END_TEST

/* Excel's XIRR (days/365). Excel iterates to a tolerance: its 0.373362535
 * is within one unit of the 9th decimal of the certified root 0.3733625335…,
 * which the certified bracket shows. */
START_TEST(excel_xirr)
{
    sl_dated_flow x[] = {{D("2008-01-01"), M("-10000")}, {D("2008-03-01"), M("2750")},
                         {D("2008-10-30"), M("4250")},   {D("2009-02-15"), M("3250")},
                         {D("2009-04-01"), M("2750")}};
    sl_apr_result r = dated(x, 5, opts(7, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    char text[256];
    vector_field(text, sizeof text, VECTORS, "XL-XIRR-1", 3);
    mpq_t pub, diff, unit;
    mpq_inits(pub, diff, unit, NULL);
    int d;
    first_decimal(pub, &d, text);
    ck_assert_int_eq(d, 9);
    sl_rate_to_mpq(diff, r.rate);
    mpq_sub(diff, diff, pub);
    mpq_abs(diff, diff);
    mpq_set_ui(unit, 1, 1000000000);
    ck_assert_msg(mpq_cmp(diff, unit) <= 0, "XIRR differs from Excel by more than 1e-9");
    char got[SL_RATE_BUFSIZE];
    ck_assert_str_eq(apr_text(got, &r, 7), "37.3362534");
    /* Five decimals of a percent agree exactly with the published figure. */
    char want[SL_RATE_BUFSIZE];
    r = dated(x, 5, opts(5, SL_APR_DAYS_365, SL_ROUND_HALF_UP));
    ck_assert_str_eq(apr_text(got, &r, 5), published(want, "XL-XIRR-1", 0, 5, SL_ROUND_HALF_UP));
    mpq_clears(pub, diff, unit, NULL);
}
END_TEST

static int apr2(sl_apr_result *r, sl_money drawn, sl_money repaid, int64_t tnum, int64_t tden,
                sl_apr_options o)
{
    sl_apr_flow f[] = {{0, 1, drawn}, {tnum, tden, -repaid}};
    return sl_apr(r, f, 2, &o, NULL);
}

/* 1000 drawn, 1123.45 repaid after a year: the root is exactly 12.345 %, a tie
 * at two decimals. Proven exact with rationals, and half-up sends it up. */
START_TEST(tie_exact_rational)
{
    char got[SL_RATE_BUFSIZE];
    sl_apr_result r;
    ck_assert_int_eq(apr2(&r, M("1000"), M("1123.45"), 1, 1, opts(2, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_int_eq(r.exact, 1);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.35");
    ck_assert_str_eq(pct(got, r.low, 3, SL_ROUND_HALF_UP), "12.345");
    ck_assert_int_eq(sl_rate_compare(r.low, r.high), 0);
    ck_assert_int_eq(apr2(&r, M("1000"), M("1123.45"), 1, 1, opts(2, 0, SL_ROUND_HALF_EVEN)), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.34");
    ck_assert_int_eq(apr2(&r, M("1000"), M("1123.45"), 1, 1, opts(2, 0, SL_ROUND_DOWN)), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.34");
}
END_TEST

/* One øre either side of the tie: 12.344 % and 12.346 %. */
START_TEST(tie_beside)
{
    char got[SL_RATE_BUFSIZE];
    sl_apr_result r;
    ck_assert_int_eq(apr2(&r, M("1000"), M("1123.44"), 1, 1, opts(2, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_int_eq(r.exact, 0);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.34");
    ck_assert_str_eq(pct(got, r.low, 3, SL_ROUND_HALF_UP), "12.340");
    ck_assert_str_eq(pct(got, r.high, 3, SL_ROUND_HALF_UP), "12.345");
    ck_assert_int_eq(apr2(&r, M("1000"), M("1123.46"), 1, 1, opts(2, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.35");
    ck_assert_str_eq(pct(got, r.low, 3, SL_ROUND_HALF_UP), "12.345");
    ck_assert_str_eq(pct(got, r.high, 3, SL_ROUND_HALF_UP), "12.350");
}
END_TEST

/* A tie behind a root: 1000 drawn, 1050 repaid after six equal months.
 * (1 + X)^(1/2) = 1.05, X = 10.25 % exactly: a tie at one decimal that MPFR
 * alone can never decide; the rational test does. */
START_TEST(tie_behind_root)
{
    char got[SL_RATE_BUFSIZE];
    sl_apr_result r;
    ck_assert_int_eq(apr2(&r, M("1000"), M("1050"), 1, 2, opts(1, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_int_eq(r.exact, 1);
    ck_assert_str_eq(apr_text(got, &r, 1), "10.3");
    ck_assert_int_eq(apr2(&r, M("1000"), M("1050"), 1, 2, opts(1, 0, SL_ROUND_HALF_EVEN)), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 1), "10.2");
    ck_assert_int_eq(apr2(&r, M("1000"), M("1049.99"), 1, 2, opts(1, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_int_eq(r.exact, 0);
    ck_assert_str_eq(apr_text(got, &r, 1), "10.2");
    ck_assert_int_eq(apr2(&r, M("1000"), M("1050.01"), 1, 2, opts(1, 0, SL_ROUND_HALF_UP)), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 1), "10.3");
    /* Monthly: 1.01^12 − 1 = 12.6825030131969720661201 %, exact at 12 decimals
     * only as a bracket; at 2 decimals 12.68. */
    sl_apr_flow f[] = {{0, 1, M("1000")}, {1, 12, M("-1010")}};
    sl_apr_options o = opts(2, 0, SL_ROUND_HALF_UP);
    ck_assert_int_eq(sl_apr(&r, f, 2, &o, NULL), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 2), "12.68");
}
END_TEST

/* A negative tie (allowed on request) is rounded away from zero by half-up. */
START_TEST(negative_tie)
{
    char got[SL_RATE_BUFSIZE];
    sl_apr_result r;
    sl_apr_options o = opts(2, 0, SL_ROUND_HALF_UP);
    o.allow_negative = 1;
    ck_assert_int_eq(apr2(&r, M("1000"), M("876.55"), 1, 1, o), SL_OK);
    ck_assert_int_eq(r.exact, 1);
    ck_assert_str_eq(apr_text(got, &r, 2), "-12.35");
}
END_TEST

/* The message for money that goes one way only, as given. */
static const char *oneway_message(const sl_apr_options *o)
{
    static sl_error err;
    sl_apr_result r;
    sl_apr_flow oneway[] = {{0, 1, M("1000")}, {1, 1, M("900")}};
    ck_assert_int_eq(sl_apr(&r, oneway, 2, o, &err), SL_ENOROOT);
    return err.message;
}

START_TEST(no_root)
{
    sl_apr_result r;
    sl_error err;
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    /* Less paid back than drawn: no rate at or above 0 %. */
    sl_apr_flow less[] = {{0, 1, M("1000")}, {1, 1, M("-900")}};
    ck_assert_int_eq(sl_apr(&r, less, 2, &o, &err), SL_ENOROOT);
    ck_assert_str_eq(err.field, "flows");
    /* Money only one way. */
    sl_apr_flow oneway[] = {{0, 1, M("1000")}, {1, 1, M("900")}};
    ck_assert_int_eq(sl_apr(&r, oneway, 2, &o, &err), SL_ENOROOT);
    /* Flows that cancel at the same time. */
    sl_apr_flow cancel[] = {{1, 1, M("1000")}, {1, 1, M("-1000")}};
    ck_assert_int_eq(sl_apr(&r, cancel, 2, &o, &err), SL_ENOROOT);
    /* they do change sign: the reason is the adding up at one time */
    ck_assert_msg(!strstr(err.message, "never change sign") &&
                      strstr(err.message, "moves at fewer than two times"),
                  "%s", err.message);
    ck_assert_msg(strstr(oneway_message(&o), "never change sign"), "money only one way");
    /* drawn and partly repaid at once, then more drawn: one way once added up */
    sl_apr_flow netted[] = {{0, 1, M("1000")}, {0, 1, M("-10")}, {1, 1, M("5")}};
    ck_assert_int_eq(sl_apr(&r, netted, 3, &o, &err), SL_ENOROOT);
    ck_assert_msg(strstr(err.message, "goes one way only"), "%s", err.message);
    /* a payment on the drawdown's date is added to it: 900 drawn, 1000 repaid a year on */
    sl_apr_flow same_day[] = {{0, 1, M("1000")}, {0, 1, M("-100")}, {1, 1, M("-1000")}};
    ck_assert_int_eq(sl_apr(&r, same_day, 3, &o, &err), SL_OK);
    /* With negative rates allowed the first case has its root, -10 % exactly. */
    o.allow_negative = 1;
    char got[SL_RATE_BUFSIZE];
    ck_assert_int_eq(sl_apr(&r, less, 2, &o, &err), SL_OK);
    ck_assert_str_eq(apr_text(got, &r, 2), "-10.00");
    ck_assert_int_eq(r.exact, 1);
}
END_TEST

/* -1000, +2300, -1320 has roots 10 % and 20 %: never a number. */
START_TEST(ambiguous)
{
    sl_apr_result r;
    sl_error err;
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    sl_apr_flow f[] = {{0, 1, M("-1000")}, {1, 1, M("2300")}, {2, 1, M("-1320")}};
    ck_assert_int_eq(sl_apr(&r, f, 3, &o, &err), SL_EAMBIGUOUS);
    o.allow_negative = 1;
    ck_assert_int_eq(sl_apr(&r, f, 3, &o, &err), SL_EAMBIGUOUS);
    /* Two drawdowns, then payments: the running balance changes sign once,
     * so the root above 0 % is unique (Norström) and is returned. */
    o.allow_negative = 0;
    sl_apr_flow g[] = {{0, 1, M("1000")}, {1, 2, M("-100")}, {1, 1, M("500")}, {2, 1, M("-1600")}};
    ck_assert_int_eq(sl_apr(&r, g, 4, &o, &err), SL_OK);
}
END_TEST

START_TEST(rejects_bad_options)
{
    sl_apr_result r;
    sl_error err;
    sl_apr_flow f[] = {{0, 1, M("1000")}, {1, 1, M("-1100")}};
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    o.decimals = 0;
    ck_assert_int_eq(sl_apr(&r, f, 2, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "decimals");
    o = (sl_apr_options)SL_APR_OPTIONS_INIT;
    o.version = 99;
    ck_assert_int_eq(sl_apr(&r, f, 2, &o, &err), SL_EVERSION);
    ck_assert_int_eq(sl_apr(&r, f, 1, NULL, &err), SL_EINVAL);
    sl_apr_flow bad[] = {{0, 1, M("1000")}, {1, 0, M("-1100")}};
    ck_assert_int_eq(sl_apr(&r, bad, 2, NULL, &err), SL_EINVAL);
    ck_assert_str_eq(err.value, "2");
}
END_TEST

/* A flow A at 0 and −B after 1/n year has the root (B/A)^n − 1, which is the
 * effective rate of the nominal n·(B − A)/A: two independent computations
 * (MPFR bracket + grid search vs exact rationals) must agree at every mode. */
START_TEST(agrees_with_exact_conversion_seeded)
{
    test_rng g = {test_seed("apr vs conversion")};
    static const int freq[] = {1, 2, 4, 12};
    for (int i = 0; i < 200; i++) {
        int n = freq[rng_range(&g, 0, 3)];
        sl_money a = rng_range(&g, 100, 100000000);
        sl_money b = a + rng_range(&g, 1, a / 4 + 1);
        sl_apr_options o = opts((int)rng_range(&g, 1, 6), 0, (sl_round_mode)rng_range(&g, 0, 3));
        sl_apr_result r;
        ck_assert_int_eq(apr2(&r, a, b, 1, n, o), SL_OK);
        sl_rate nominal, eff;
        ck_assert_int_eq(sl_rate_from_fraction(&nominal, (b - a) * n, a), SL_OK);
        ck_assert_int_eq(sl_nominal_to_effective(&eff, NULL, nominal, n, o.decimals, o.mode, NULL),
                         SL_OK);
        ck_assert_msg(sl_rate_compare(r.rate, eff) == 0,
                      "A=%lld B=%lld n=%d decimals=%d mode=%d", (long long)a, (long long)b, n,
                      o.decimals, (int)o.mode);
    }
}
END_TEST

START_TEST(year_fractions)
{
    int64_t num, den;
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2025-01-31"), D("2025-02-28"),
                                          SL_APR_EQUAL_MONTHS), SL_OK);
    ck_assert(num == 1 && den == 12);
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2020-01-01"), D("2020-03-15"),
                                          SL_APR_EQUAL_MONTHS), SL_OK);
    ck_assert(num * 4380 == (2 * 365 + 14 * 12) * den); /* 2 months + 14 days */
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2011-12-31"), D("2012-01-02"),
                                          SL_APR_DAYS_ACTUAL), SL_OK);
    ck_assert(num == 1 && den == 183); /* 2/366 */
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2011-12-30"), D("2012-01-01"),
                                          SL_APR_DAYS_ACTUAL), SL_OK);
    ck_assert(num * 133590 == (366 + 365) * den); /* 1/365 + 1/366 */
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2012-01-01"), D("2013-01-01"),
                                          SL_APR_DAYS_365), SL_OK);
    ck_assert(num == 366 && den == 365);
    ck_assert_int_eq(sl_apr_year_fraction(&num, &den, D("2013-01-01"), D("2012-01-01"),
                                          SL_APR_DAYS_365), SL_EINVAL);
}
END_TEST

/* ---- plans ---- */

static sl_loan_terms plan_terms(const char *amount, const char *rate, int terms, const char *fee,
                                const char *establishment)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = M(amount);
    t.nominal_rate = R(rate);
    t.terms = terms;
    t.term_fee = M(fee);
    t.establishment_fee = M(establishment);
    return t;
}

/* 0 % and no fees: the APR is 0 exactly. */
START_TEST(zero_rate_plan)
{
    sl_loan_terms t = plan_terms("120000", "0", 120, "0", "0");
    sl_plan_cost c;
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_OK);
    ck_assert_int_eq(c.apr.exact, 1);
    ck_assert_int_eq(c.apr.rate.num, 0);
    ck_assert_int_eq(c.total_cost, 0);
    ck_assert_int_eq(c.total_payable, M("120000"));
    /* Fees alone make a positive rate. */
    t = plan_terms("120000", "0", 120, "30", "600");
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_OK);
    ck_assert_int_eq(c.total_cost, M("4200"));
    ck_assert_int_gt(c.apr.rate.num, 0);
}
END_TEST

/* Without fees the plan's APR is the effective rate of its nominal rate
 * (monthly compounding), at two decimals: 4.640 % -> 4.74 %. */
START_TEST(fee_free_plan_is_effective_of_nominal)
{
    static const char *rates[] = {"4.640", "3.5", "6.125", "1"};
    for (size_t i = 0; i < 4; i++) {
        sl_loan_terms t = plan_terms("2000000", rates[i], 300, "0", "0");
        sl_plan_cost c;
        ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_OK);
        sl_rate eff;
        ck_assert_int_eq(sl_nominal_to_effective(&eff, NULL, R(rates[i]), 12, 2, SL_ROUND_HALF_UP,
                                                 NULL), SL_OK);
        ck_assert_msg(sl_rate_compare(c.apr.rate, eff) == 0, "rate %s", rates[i]);
    }
}
END_TEST

/* A floating rate is assumed to stay at its level at signing (MCD art. 17):
 * later rate changes and optional extra payments do not move the figures. */
START_TEST(rate_changes_do_not_move_the_apr)
{
    sl_loan_terms t = plan_terms("2000000", "4.64", 300, "600", "30");
    ck_assert_int_eq(sl_date_parse(&t.payout_date, "2024-07-01", NULL, NULL), SL_OK);
    sl_plan_cost plain, changed;
    ck_assert_int_eq(sl_plan_cost_compute(&plain, &t, NULL, NULL), SL_OK);
    sl_rate_change rc[1] = {{{2025, 1, 1}, R("6.5")}};
    sl_extra_payment xp[1] = {{{2026, 3, 15}, M("100000"), 0}};
    t.rate_changes = rc;
    t.rate_change_count = 1;
    t.extra_payments = xp;
    t.extra_payment_count = 1;
    ck_assert_int_eq(sl_plan_cost_compute(&changed, &t, NULL, NULL), SL_OK);
    ck_assert_int_eq(sl_rate_compare(plain.apr.rate, changed.apr.rate), 0);
    ck_assert_int_eq(plain.total_cost, changed.total_cost);
    ck_assert_int_eq(plain.total_payable, changed.total_payable);
    /* while the plan itself does follow the change */
    sl_plan_totals with_change;
    ck_assert_int_eq(sl_plan_totals_for(&with_change, &t, NULL), SL_OK);
    ck_assert_int_ne(with_change.interest, plain.totals.interest);
}
END_TEST

/* Husbanken's floating rate of July 2024 on Norway's representative example
 * (2 000 000 kr, 25 years, monthly) with 600 kr establishment fee and 30 kr
 * term fee: the sentence a borrower is shown. */
START_TEST(representative_sentence)
{
    sl_loan_terms t = plan_terms("2000000", "4.640", 300, "30", "600");
    sl_plan_cost c;
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_OK);
    ck_assert_int_eq(c.drawn, M("1999400"));
    ck_assert_int_eq(c.total_cost, c.totals.interest + M("9600"));
    ck_assert_int_eq(c.total_payable, M("2000000") + c.total_cost);
    char s[256], want[256], cost[SL_MONEY_BUFSIZE], total[SL_MONEY_BUFSIZE];
    ck_assert_int_gt(sl_plan_cost_sentence(s, sizeof s, &c, 2), 0);
    /* Kroner rounded half up from the exact totals. */
    sl_money kc, kt;
    sl_rounding krone = {SL_ROUND_UNIT_KRONE, SL_ROUND_HALF_UP};
    ck_assert_int_eq(sl_money_round(&kc, NULL, c.total_cost, krone), SL_OK);
    ck_assert_int_eq(sl_money_round(&kt, NULL, c.total_payable, krone), SL_OK);
    sl_money_format(cost, sizeof cost, kc, SL_MONEY_NORWEGIAN);
    sl_money_format(total, sizeof total, kt, SL_MONEY_NORWEGIAN);
    cost[strlen(cost) - 3] = total[strlen(total) - 3] = '\0';
    snprintf(want, sizeof want,
             "Eff. rente 4,77 %%, 2 000 000 kr o/25 år. Kostnad: %s kr. Totalt: %s kr.", cost, total);
    ck_assert_str_eq(s, want);
    char small[10];
    ck_assert_int_eq(sl_plan_cost_sentence(small, sizeof small, &c, 2), SL_ERANGE);
    ck_assert_str_eq(small, "");
}
END_TEST

/* A term that is not whole years, and a quarterly plan. */
START_TEST(sentence_partial_years)
{
    sl_loan_terms t = plan_terms("100000", "5", 30, "0", "0");
    sl_plan_cost c;
    char s[256];
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_OK);
    ck_assert_int_gt(sl_plan_cost_sentence(s, sizeof s, &c, 2), 0);
    ck_assert_msg(strstr(s, "100 000 kr o/2 år og 6 mnd.") != NULL, "%s", s);
}
END_TEST

/* Day-based time needs the payout date; with it, the plan's due dates are used. */
START_TEST(plan_day_basis)
{
    sl_loan_terms t = plan_terms("100000", "5", 12, "0", "0");
    sl_apr_options o = SL_APR_OPTIONS_INIT;
    o.time = SL_APR_DAYS_ACTUAL;
    sl_plan_cost c;
    sl_error err;
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "payout_date");
    t.payout_date = D("2025-01-15");
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, &o, &err), SL_OK);
    ck_assert_int_gt(c.apr.rate.num, 0);
}
END_TEST

/* Fee larger than the loan: nothing is drawn, so no rate. */
START_TEST(plan_without_root)
{
    sl_loan_terms t = plan_terms("500", "5", 12, "0", "500");
    sl_plan_cost c;
    ck_assert_int_eq(sl_plan_cost_compute(&c, &t, NULL, NULL), SL_ENOROOT);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("apr");
    TCase *pub = tcase_create("published");
    tcase_add_test(pub, eu_98_7_examples);
    tcase_add_test(pub, fsharp_eu_examples);
    tcase_add_test(pub, excel_xirr);
    suite_add_tcase(s, pub);
    TCase *cert = tcase_create("certification");
    tcase_add_test(cert, tie_exact_rational);
    tcase_add_test(cert, tie_beside);
    tcase_add_test(cert, tie_behind_root);
    tcase_add_test(cert, negative_tie);
    tcase_add_test(cert, no_root);
    tcase_add_test(cert, ambiguous);
    tcase_add_test(cert, rejects_bad_options);
    tcase_add_test(cert, agrees_with_exact_conversion_seeded);
    tcase_add_test(cert, year_fractions);
    suite_add_tcase(s, cert);
    TCase *plan = tcase_create("plan");
    tcase_add_test(plan, zero_rate_plan);
    tcase_add_test(plan, fee_free_plan_is_effective_of_nominal);
    tcase_add_test(plan, representative_sentence);
    tcase_add_test(plan, sentence_partial_years);
    tcase_add_test(plan, plan_day_basis);
    tcase_add_test(plan, plan_without_root);
    tcase_add_test(plan, rate_changes_do_not_move_the_apr);
    suite_add_tcase(s, plan);
    return run_suite(s);
}
