/* Part ownership (deleie): the published checks (tests/data/deleie-published.tsv),
 * hand-worked timelines, and random invariants. */
#include "testutil.h"

/* The loan terms the options under test refer to (reset by fresh_loan). */
static sl_loan_terms loan;

static const sl_loan_terms *fresh_loan(void)
{
    sl_loan_terms_init(&loan);
    loan.terms = SL_RTO_DEFAULT_TERMS;
    return &loan;
}

START_TEST(published_checks)
{
    char path[512];
    FILE *f = fopen(data_path(path, sizeof path, "deleie-published.tsv"), "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char line[512];
    int checks = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char kind[32], a[32], b[32], c[32], want[32];
        ck_assert_int_eq(sscanf(line, "%31s %31s %31s %31s %31s", kind, a, b, c, want), 5);
        if (strcmp(kind, "share") == 0) {
            sl_money v = 0;
            ck_assert_int_eq(sl_part_share_price(&v, M(a), R(b)), SL_OK);
            ck_assert_int_eq(v, M(want));
        } else if (strcmp(kind, "equity") == 0) {
            sl_money v = 0;
            ck_assert_int_eq(sl_part_share_price(&v, M(a), R(b)), SL_OK);
            ck_assert_int_eq(v, M(want));
        } else if (strncmp(kind, "borettslag-", 11) == 0) {
            /* A borettslag unit: the share's price on the innskudd a, the discount
             * on innskudd + fellesgjeld b. A first tenth, then the rest in tenths
             * ("whole") or one more tenth ("tenth"), all with the discount. */
            sl_part_buy buys[9];
            int whole = strcmp(kind, "borettslag-whole") == 0;
            for (int k = 0; k < 9; k++)
                buys[k] = (sl_part_buy){12 * (k + 1), {1, 10}};
            sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
            o.loan = fresh_loan();
            o.price = M(a);
            o.fellesgjeld = M(b);
            o.discount_per_tenth = R(c);
            o.share = (sl_rate){1, 10};
            o.discount_first_share = whole;
            o.buys = buys;
            o.buy_count = whole ? 9 : 1;
            sl_part_own *po = NULL;
            ck_assert_int_eq(sl_part_own_new(&po, &o, NULL), SL_OK);
            sl_money first_price = 0, first_loan = 0;
            sl_part_own_first(po, &first_price, &first_loan, NULL);
            ck_assert_int_eq(first_price, M(a) / 10); /* priced on the innskudd */
            sl_money discount = whole ? first_price - first_loan : 0, bought = 0;
            sl_part_row row;
            while (sl_part_own_next(po, &row) == 1) {
                discount += row.discount;
                bought += row.bought;
            }
            sl_part_own_free(po);
            ck_assert_int_eq(discount, M(want));
            /* What is paid: the tenths of the innskudd owned, less the discount. */
            ck_assert_int_eq(bought + first_loan, M(a) / 10 * (whole ? 10 : 2) - discount);
        } else {
            sl_rate s;
            char buf[SL_RATE_BUFSIZE];
            ck_assert_int_eq(sl_part_ownership_share(&s, M(a), M(b), M(c)), SL_OK);
            ck_assert_int_ge(sl_rate_format_percent(buf, sizeof buf, s, 2, SL_ROUND_HALF_UP, '.'), 0);
            ck_assert_str_eq(buf, want);
        }
        checks++;
    }
    fclose(f);
    ck_assert_int_eq(checks, 6);
    /* The two owners' shares add up to the whole. */
    sl_rate s1, s2, sum;
    ck_assert_int_eq(sl_part_ownership_share(&s1, M("500000"), M("1300000"), M("3500000")), SL_OK);
    ck_assert_int_eq(sl_part_ownership_share(&s2, M("400000"), M("1300000"), M("3500000")), SL_OK);
    ck_assert_int_eq(sl_rate_add(&sum, s1, s2), SL_OK);
    ck_assert_int_eq(sum.num, sum.den);
}
END_TEST

/* 50 % of 4 000 000 with 300 000 own funds, market rent 20 000, 0 % loan
 * over 120 terms; buy 10 % more after month 12, LeieEie discount 0.75 % per
 * tenth:
 *   first loan 2 000 000 − 300 000 = 1 700 000; payment 1 700 000 / 120 =
 *   14 166.666… → 14 166.67; rent 20 000 × 0.5 = 10 000.
 *   month 12: buy 10 % = 400 000, discount 4 000 000 × 0.75 % × 1 = 30 000,
 *   top-up loan 370 000 (first payment in month 13: 370 000 / 120 =
 *   3 083.333… → 3 083.33); rent from month 13: 20 000 × 0.4 = 8 000. */
START_TEST(worked_timeline)
{
    sl_part_buy buys[] = {{12, {1, 10}}};
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("4000000");
    o.share = R("50");
    o.own_funds = M("300000");
    o.market_rent = M("20000");
    o.discount_per_tenth = R("0.75");
    o.buys = buys;
    o.buy_count = 1;
    loan.terms = 120;
    sl_part_own *po = NULL;
    sl_error err;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_OK);
    sl_money price, loan, cash;
    sl_part_own_first(po, &price, &loan, &cash);
    ck_assert_int_eq(price, M("2000000"));
    ck_assert_int_eq(loan, M("1700000"));
    ck_assert_int_eq(cash, 0);
    sl_part_row r;
    int n = 0;
    sl_money last_balance = -1;
    while (sl_part_own_next(po, &r) == 1) {
        n++;
        if (n == 1) {
            ck_assert_int_eq(r.rent, M("10000"));
            ck_assert_int_eq(r.loan_payment, M("14166.67"));
            ck_assert_int_eq(r.housing_cost, M("24166.67"));
            /* equity = 2 000 000 − (1 700 000 − 14 166.67) */
            ck_assert_int_eq(r.equity, M("314166.67"));
        }
        if (n == 12) {
            ck_assert_int_eq(r.discount, M("30000"));
            ck_assert_int_eq(r.bought, M("370000"));
        }
        if (n == 13) {
            ck_assert_int_eq(r.rent, M("8000"));
            ck_assert_int_eq(r.loan_payment, M("14166.67") + M("3083.33"));
            ck_assert_int_eq(r.owned.num * 10, r.owned.den * 6);
        }
        last_balance = r.loan_balance;
    }
    ck_assert_int_eq(n, 132);
    ck_assert_int_eq(last_balance, 0);
    sl_part_own_free(po);
}
END_TEST

/* LeieEie's rule (--discount-on-first-share): the first half of a 4 000 000 kr
 * home at 0.75 % per tenth: 4 000 000 × 0.75 % × 10 × 0.5 = 150 000 off, so
 * the first loan is 2 000 000 − 150 000 − 300 000 = 1 550 000 (1 700 000
 * without). A version-2 struct (no field) keeps the default. */
START_TEST(discount_on_first_share)
{
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    o.loan = fresh_loan();
    o.price = M("4000000");
    o.share = R("50");
    o.own_funds = M("300000");
    o.market_rent = M("20000");
    o.discount_per_tenth = R("0.75");
    sl_part_own *po = NULL;
    sl_money price, first, cash;
    ck_assert_int_eq(sl_part_own_new(&po, &o, NULL), SL_OK);
    sl_part_own_first(po, &price, &first, &cash);
    ck_assert_int_eq(first, M("1700000"));
    sl_part_own_free(po);
    o.discount_first_share = 1;
    ck_assert_int_eq(sl_part_own_new(&po, &o, NULL), SL_OK);
    sl_part_own_first(po, &price, &first, &cash);
    ck_assert_int_eq(price, M("2000000"));
    ck_assert_int_eq(first, M("1550000"));
    sl_part_own_free(po);
    o.version = 2;
    ck_assert_int_eq(sl_part_own_new(&po, &o, NULL), SL_OK);
    sl_part_own_first(po, &price, &first, &cash);
    ck_assert_int_eq(first, M("1700000"));
    sl_part_own_free(po);
}
END_TEST

START_TEST(errors)
{
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    o.loan = fresh_loan();
    sl_part_own *po = NULL;
    sl_error err;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "price");
    o.price = M("1000000");
    sl_part_buy too_much[] = {{6, {6, 10}}};
    o.buys = too_much;
    o.buy_count = 1;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "buys");
    ck_assert_ptr_null(po);
    sl_rate s;
    ck_assert_int_eq(sl_part_ownership_share(&s, 1, 1, 0), SL_EINVAL);
}
END_TEST

/* Random scenarios: the first purchase is paid by loan and own funds, the
 * housing cost is rent + loan payments, every purchase is made and the loans
 * end at 0. */
START_TEST(random_invariants)
{
    test_rng g = {test_seed("part_own")};
    for (int i = 0; i < 200; i++) {
        sl_part_buy buys[4];
        int first = (int)rng_range(&g, 1, 9), tenths = first, nb = 0;
        int month = 0;
        while (tenths < 10 && nb < 4 && rng_range(&g, 0, 1)) {
            month += (int)rng_range(&g, 1, 40);
            int t = (int)rng_range(&g, 1, 10 - tenths);
            buys[nb++] = (sl_part_buy){month, {t, 10}};
            tenths += t;
        }
        sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
        o.loan = fresh_loan();
        o.price = rng_range(&g, 100000000, 600000000);
        o.share = (sl_rate){first, 10};
        o.own_funds = rng_range(&g, 0, 30000000);
        o.market_rent = rng_range(&g, 500000, 3000000);
        o.price_rule = (sl_price_rule)rng_range(&g, 0, 1);
        if (o.price_rule == SL_PRICE_INDEXED) /* a rate the rule ignores is refused */
            o.index_rate = (sl_rate){rng_range(&g, 0, 500), 10000};
        if (rng_range(&g, 0, 1))
            o.discount_per_tenth = (sl_rate){75, 10000};
        o.buys = buys;
        o.buy_count = (size_t)nb;
        loan.terms = (int)rng_range(&g, 12, 240);
        loan.nominal_rate = (sl_rate){rng_range(&g, 0, 800), 10000};
        sl_part_own *po = NULL;
        sl_error err;
        int rc = sl_part_own_new(&po, &o, &err);
        REQUIRE(rc == SL_OK, "case %d: %s", i, err.message);
        sl_money price, loan, cash;
        sl_part_own_first(po, &price, &loan, &cash);
        REQUIRE(price + cash == loan + o.own_funds, "case %d: first purchase", i);
        sl_part_row r;
        sl_money last = 0;
        int n = 0;
        while ((rc = sl_part_own_next(po, &r)) == 1) {
            n++;
            REQUIRE(r.bought >= 0 && r.discount >= 0, "case %d", i);
            last = r.loan_balance;
            REQUIRE(r.housing_cost == r.rent + r.loan_payment, "case %d", i);
            REQUIRE(r.rent >= 0 && r.rent <= o.market_rent, "case %d", i);
        }
        REQUIRE(rc == 0 && last == 0, "case %d: loans end at 0", i);
        REQUIRE(nb == 0 || n > buys[nb - 1].month, "case %d: every purchase made", i);
        sl_part_own_free(po);
    }
}
END_TEST

/* Defect: discount_per_tenth.num × 10 × share.num overflowed int64 for
 * 12-decimal percents; the product is exact now. */
START_TEST(twelve_decimal_discount)
{
    sl_part_buy buy[] = {{24, R("33.333333333333")}};
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    o.price = M("3000000");
    o.share = R("33.333333333333");
    o.discount_per_tenth = R("0.123456789012");
    o.buys = buy;
    o.buy_count = 1;
    o.loan = fresh_loan();
    loan.nominal_rate = R("5");
    sl_part_own *po = NULL;
    sl_error err;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_OK);
    sl_part_row r;
    for (int m = 1; m <= 24; m++)
        ck_assert_int_eq(sl_part_own_next(po, &r), 1);
    /* 3e6 × 0.00123456789012 × 10 × 0.33333333333333 = 12 345.678901… */
    ck_assert_int_eq(r.discount, M("12345.68"));
    ck_assert_int_eq(r.bought, M("987654.32"));
    sl_part_own_free(po);
}
END_TEST

/* Shares whose sum is no 64-bit fraction, an indexed price that leaves the
 * range, every field checked whatever the rule: errors naming the field. */
START_TEST(limits_named)
{
    sl_part_buy buys[] = {{12, {1, 999999999999989}}, {13, {1, 999999999999947}}};
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    o.price = M("3000000");
    o.loan = fresh_loan();
    loan.nominal_rate = R("5");
    o.buys = buys;
    o.buy_count = 2;
    sl_part_own *po = NULL;
    sl_error err;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_ERANGE);
    ck_assert_str_eq(err.field, "buys");
    o.buy_count = 0;
    o.appraisal = M("3500000");
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_EINVAL);
    ck_assert_str_eq(err.field, "appraisal");
    o.appraisal = 0;
    o.own_funds = SL_MONEY_MAX;
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_ERANGE);
    ck_assert_str_eq(err.field, "own_funds");
    o.own_funds = 0;
    sl_part_buy late[] = {{590, {1, 10}}};
    o.buys = late;
    o.buy_count = 1;
    o.price = M("1000000000");
    o.price_rule = SL_PRICE_INDEXED;
    o.index_rate = R("100");
    ck_assert_int_eq(sl_part_own_new(&po, &o, &err), SL_ERANGE);
    ck_assert_str_eq(err.field, "index_rate");
    ck_assert_ptr_null(po);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("part_own");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, published_checks);
    tcase_add_test(tc, worked_timeline);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, discount_on_first_share);
    tcase_add_test(tc, random_invariants);
    tcase_add_test(tc, twelve_decimal_discount);
    tcase_add_test(tc, limits_named);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
