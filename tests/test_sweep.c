/* The overflow sweep: every public function that computes with money, rates,
 * dates or counts, driven with values at and beyond each documented limit
 * (money at ±SL_MONEY_MAX and the plan's maximum, rates near 0 and 1 and
 * with the largest denominators, dates at years 1, 1899, 1900, 9999 and far
 * outside, counts at and past their maxima). What must hold: every call
 * returns 0 (or 1) or one of the SL_E codes, never anything else, and a
 * result it returns is in range. The point is the sanitizers: .ci/run runs
 * this suite under UndefinedBehaviorSanitizer with halt_on_error, so a
 * signed overflow or a shift out of range anywhere here fails CI. */
#include <limits.h>

#include "testutil.h"

static const int64_t money[] = {INT64_MIN,
                                INT64_MIN + 1,
                                -SL_PLAN_MAX_PRINCIPAL - 1,
                                -1,
                                0,
                                1,
                                99,
                                100,
                                SL_PLAN_MAX_PRINCIPAL / 1000,
                                SL_PLAN_MAX_PRINCIPAL / 1000 + 1,
                                SL_PLAN_MAX_PRINCIPAL,
                                SL_PLAN_MAX_PRINCIPAL + 1,
                                INT64_MAX / 100,
                                INT64_MAX - 1,
                                INT64_MAX};
#define N_MONEY (sizeof money / sizeof money[0])

static const sl_rate rates[] = {{0, 1},
                                {1, 1},
                                {-1, 1},
                                {5, 100},
                                {1, INT64_MAX},
                                {INT64_MAX - 1, INT64_MAX},
                                {INT64_MAX, 1},
                                {-INT64_MAX, INT64_MAX},
                                {INT64_MIN, 1},
                                {1, SL_PLAN_MAX_RATE_DENOMINATOR},
                                {SL_PLAN_MAX_RATE_DENOMINATOR - 1, SL_PLAN_MAX_RATE_DENOMINATOR},
                                {999999999999989, 1000000000000000},
                                {1, 0},
                                {1, -1},
                                {0, 0}};
#define N_RATES (sizeof rates / sizeof rates[0])

static const sl_date dates[] = {{1, 1, 1},         {1899, 12, 31},     {1900, 1, 1},
                                {1900, 2, 29},     {2000, 2, 29},      {2025, 1, 31},
                                {9999, 12, 1},     {9999, 12, 31},     {10000, 1, 1},
                                {INT_MAX, 12, 31}, {INT_MIN, 1, 1},    {2025, 0, 1},
                                {2025, 13, 1},     {2025, 1, 0},       {2025, 1, 32},
                                {2025, INT_MAX, INT_MIN},              {0, 0, 0}};
#define N_DATES (sizeof dates / sizeof dates[0])

static const int counts[] = {INT_MIN, -1, 0, 1, 2, 4, 12, 13, 360, 600, 601, 12000, 12001, INT_MAX};
#define N_COUNTS (sizeof counts / sizeof counts[0])

static const sl_round_mode modes[] = {SL_ROUND_HALF_UP, SL_ROUND_HALF_EVEN, SL_ROUND_DOWN,
                                      SL_ROUND_UP, (sl_round_mode)99};

/* 0, 1 or a status code: nothing else may come back. */
#define CODE_OK(call, ...)                                                                  \
    do {                                                                                   \
        int code_ = (call);                                                                \
        REQUIRE(code_ <= 1 && code_ >= SL_ENULL, __VA_ARGS__);                             \
    } while (0)

/* A length (>= 0) or a status code. */
#define LENGTH_OK(call, ...)                                                                \
    do {                                                                                   \
        int code_ = (call);                                                                \
        REQUIRE(code_ >= SL_ENULL, __VA_ARGS__);                                           \
    } while (0)

START_TEST(money_and_rounding)
{
    char buf[SL_MONEY_BUFSIZE], small[4];
    for (size_t i = 0; i < N_MONEY; i++) {
        sl_money out;
        REQUIRE(sl_money_format(buf, sizeof buf, money[i], SL_MONEY_NORWEGIAN) > 0, "format");
        REQUIRE(sl_money_format(small, sizeof small, money[i], SL_MONEY_PLAIN) < 0, "small");
        sl_money back = 0;
        REQUIRE(sl_money_format(buf, sizeof buf, money[i], SL_MONEY_PLAIN) > 0, "format");
        int rc = sl_money_parse(&back, buf, "x", NULL);
        REQUIRE(rc == SL_OK ? back == money[i] : money[i] == INT64_MIN, "round trip %s", buf);
        for (size_t j = 0; j < N_MONEY; j++) {
            CODE_OK(sl_money_add(&out, money[i], money[j]), "add");
            CODE_OK(sl_money_sub(&out, money[i], money[j]), "sub");
            CODE_OK(sl_money_mul(&out, money[i], money[j]), "mul");
            for (size_t m = 0; m < 5; m++) {
                sl_rounding r = {m % 2 ? SL_ROUND_UNIT_KRONE : SL_ROUND_UNIT_ORE, modes[m]};
                int dir = 0;
                CODE_OK(sl_round_quotient(&out, &dir, money[i], money[j], r), "quotient");
                CODE_OK(sl_money_round(&out, &dir, money[i], r), "round");
            }
        }
    }
    const char *texts[] = {"9223372036854775807", "92233720368547758.07", "92233720368547758.08",
                           "-92233720368547758.08", "99999999999999999999999", "1 000 000 000 000 000,00",
                           "0,001", "", "-", "kr", "1e9"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        sl_money v;
        CODE_OK(sl_money_parse(&v, texts[i], NULL, NULL), "parse %s", texts[i]);
    }
}
END_TEST

START_TEST(rate_values)
{
    char buf[SL_RATE_BUFSIZE];
    const int decimals[] = {SL_RATE_EXACT, -2, 0, 2, 12, 13, INT_MAX};
    for (size_t i = 0; i < N_RATES; i++) {
        for (size_t d = 0; d < sizeof decimals / sizeof decimals[0]; d++)
            for (size_t m = 0; m < 5; m++)
                LENGTH_OK(sl_rate_format_percent(buf, sizeof buf, rates[i], decimals[d],
                                                 modes[m], ','),
                          "format");
        for (size_t j = 0; j < N_RATES; j++) {
            sl_rate out;
            if (rates[i].den > 0 && rates[j].den > 0) {
                CODE_OK(sl_rate_add(&out, rates[i], rates[j]), "add");
                CODE_OK(sl_rate_sub(&out, rates[i], rates[j]), "sub");
                int c = sl_rate_compare(rates[i], rates[j]);
                REQUIRE(c >= -1 && c <= 1, "compare");
            }
        }
        for (size_t j = 0; j < N_MONEY; j++) {
            sl_rate out;
            CODE_OK(sl_rate_from_fraction(&out, money[i % N_MONEY], money[j]), "fraction");
        }
    }
    const char *texts[] = {"1000000", "1000001", "0.000000000001", "0.0000000000001",
                           "-1000000", "99999999999999999999", "4,208 %", "1e3"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        sl_rate r;
        CODE_OK(sl_rate_parse_percent(&r, texts[i], NULL, NULL), "parse %s", texts[i]);
    }
}
END_TEST

START_TEST(date_values)
{
    char buf[SL_DATE_BUFSIZE];
    const int days[] = {INT_MIN, 0, 1, 28, 31, 32, INT_MAX};
    const int64_t spans[] = {INT64_MIN, -4000001, -1, 0, 1, 4000000, INT64_MAX};
    for (size_t i = 0; i < N_DATES; i++) {
        sl_date out;
        (void)sl_date_is_valid(dates[i]);
        LENGTH_OK(sl_date_format(buf, sizeof buf, dates[i]), "format");
        for (size_t k = 0; k < N_COUNTS; k++) {
            (void)sl_date_is_leap_year(counts[k]);
            (void)sl_date_days_in_month(counts[k], dates[i].month);
            for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
                CODE_OK(sl_date_add_months(&out, dates[i], counts[k], days[d]), "add months");
        }
        for (size_t s = 0; s < sizeof spans / sizeof spans[0]; s++)
            CODE_OK(sl_date_add_days(&out, dates[i], spans[s]), "add days");
        for (size_t j = 0; j < N_DATES; j++) {
            int c = sl_date_compare(dates[i], dates[j]);
            REQUIRE(c >= -1 && c <= 1, "compare");
            (void)sl_date_diff_days(dates[i], dates[j]);
            int64_t num, den;
            for (int t = 0; t < 4; t++)
                CODE_OK(sl_apr_year_fraction(&num, &den, dates[i], dates[j], (sl_apr_time)t),
                        "year fraction");
            int months = 0;
            CODE_OK(sl_break_months(&months, dates[i], dates[j]), "break months");
            REQUIRE(sl_grant_completed_years(dates[i], dates[j]) >= 0, "completed years");
        }
    }
    const char *texts[] = {"0001-01-01", "9999-12-31", "10000-01-01", "99.99.9999", "31.12.9999",
                           "01.01.0001", "2025-02-29", "-2025-01-01"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        sl_date d;
        CODE_OK(sl_date_parse(&d, texts[i], NULL, NULL), "parse %s", texts[i]);
        CODE_OK(sl_date_parse_norwegian(&d, texts[i], NULL, NULL), "parse no %s", texts[i]);
    }
}
END_TEST

START_TEST(annuity_interest_conversions)
{
    const int per_year[] = {INT_MIN, 0, 1, 12, 13, INT_MAX};
    const int ns[] = {INT_MIN, 0, 1, 360, 600, 601, INT_MAX};
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t r = 0; r < N_RATES; r++)
            for (size_t k = 0; k < sizeof per_year / sizeof per_year[0]; k++) {
                sl_money out;
                CODE_OK(sl_interest_for_term(&out, money[i], rates[r], per_year[k]), "interest");
                for (size_t n = 0; n < sizeof ns / sizeof ns[0]; n++) {
                    sl_rounding ro = {SL_ROUND_UNIT_ORE, SL_ROUND_HALF_UP};
                    CODE_OK(sl_annuity_payment(&out, money[i], rates[r], per_year[k], ns[n], ro),
                            "annuity %lld %lld/%lld k %d n %d", (long long)money[i],
                            (long long)rates[r].num, (long long)rates[r].den, per_year[k], ns[n]);
                    if (r == 0 && k == 0)
                        CODE_OK(sl_serial_instalment(&out, money[i], ns[n]), "serial");
                }
            }
    for (size_t r = 0; r < N_RATES; r++)
        for (size_t k = 0; k < sizeof per_year / sizeof per_year[0]; k++) {
            const int decimals[] = {-1, 0, 2, 12, 13};
            for (size_t d = 0; d < 5; d++) {
                sl_rate out;
                int dir;
                CODE_OK(sl_nominal_to_effective(&out, &dir, rates[r], per_year[k], decimals[d],
                                                SL_ROUND_HALF_UP, NULL),
                        "to effective");
                CODE_OK(sl_effective_to_nominal(&out, &dir, rates[r], per_year[k], decimals[d],
                                                SL_ROUND_HALF_UP, NULL),
                        "to nominal");
            }
        }
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t a = 0; a < N_RATES; a++)
            for (size_t b = 0; b < N_RATES; b += 3)
                for (size_t n = 0; n < N_COUNTS; n += 2) {
                    sl_money out;
                    CODE_OK(sl_break_cost(&out, money[i], rates[a], rates[b], counts[n]),
                            "break cost");
                }
}
END_TEST

/* A plan run to its end: every row and the totals, the settlement and the cost. */
static void drive_plan(const sl_loan_terms *t, int cost)
{
    sl_plan *p = NULL;
    int rc = sl_plan_new(&p, t, NULL);
    CODE_OK(rc, "plan_new");
    if (rc != SL_OK)
        return;
    sl_plan_row row;
    while ((rc = sl_plan_next(p, &row)) == 1)
        REQUIRE(row.closing_balance >= 0, "balance");
    CODE_OK(rc, "plan_next");
    sl_plan_totals tot;
    sl_plan_totals_so_far(p, &tot);
    sl_settlement st;
    CODE_OK(sl_plan_settlement(p, &st), "settlement");
    sl_plan_free(p);
    CODE_OK(sl_plan_totals_for(&tot, t, NULL), "totals_for");
    if (cost) {
        sl_plan_cost c;
        CODE_OK(sl_plan_cost_compute(&c, t, NULL, NULL), "cost");
        sl_loan_figures f;
        CODE_OK(sl_loan_figures_compute(&f, t, (sl_date){9999, 12, 31}, (sl_date){1900, 1, 1},
                                        (sl_date){9999, 12, 31}, NULL),
                "figures");
    }
}

static sl_loan_terms base_terms(void)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT;
    t.principal = 100000000;
    t.nominal_rate = (sl_rate){5, 100};
    t.terms = 120;
    return t;
}

START_TEST(plans)
{
    for (size_t i = 0; i < N_MONEY; i++) {
        sl_loan_terms t = base_terms();
        t.principal = money[i];
        drive_plan(&t, 1);
        t = base_terms();
        t.term_fee = money[i];
        drive_plan(&t, 1);
        t = base_terms();
        t.establishment_fee = money[i];
        drive_plan(&t, 1);
        t = base_terms();
        t.principal = SL_PLAN_MAX_PRINCIPAL;
        t.term_fee = money[i];
        t.establishment_fee = money[i];
        t.terms = 600;
        drive_plan(&t, 0);
    }
    for (size_t r = 0; r < N_RATES; r++) {
        sl_loan_terms t = base_terms();
        t.nominal_rate = rates[r];
        drive_plan(&t, 1);
        t.principal = SL_PLAN_MAX_PRINCIPAL;
        t.terms = 600;
        t.type = SL_LOAN_SERIAL;
        drive_plan(&t, 0);
        t = base_terms();
        t.margin = rates[r];
        drive_plan(&t, 0);
        t = base_terms();
        t.market_rate = rates[r];
        drive_plan(&t, 0);
    }
    for (size_t k = 0; k < N_COUNTS; k++) {
        sl_loan_terms t = base_terms();
        t.terms = counts[k];
        drive_plan(&t, 0);
        t = base_terms();
        t.terms_per_year = counts[k];
        drive_plan(&t, 0);
        t = base_terms();
        t.interest_only_terms = counts[k];
        drive_plan(&t, 0);
        t = base_terms();
        t.due_day = counts[k];
        t.payout_date = (sl_date){2025, 1, 31};
        drive_plan(&t, 0);
    }
    for (size_t d = 0; d < N_DATES; d++) {
        sl_loan_terms t = base_terms();
        t.payout_date = dates[d];
        drive_plan(&t, 1);
        t.terms = 600;
        drive_plan(&t, 0);
        t = base_terms();
        t.payout_date = (sl_date){2025, 1, 15};
        t.first_due_date = dates[d];
        drive_plan(&t, 0);
        t = base_terms();
        t.payout_date = (sl_date){2025, 1, 15};
        t.repay_date = dates[d];
        drive_plan(&t, 0);
    }
}
END_TEST

START_TEST(apr_flows)
{
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t j = 0; j < N_MONEY; j += 2) {
            const int64_t times[][2] = {{1, 1}, {INT64_MAX, 1}, {1, INT64_MAX}, {0, 1}, {-1, 1},
                                        {1, 0}};
            for (size_t k = 0; k < 6; k++) {
                sl_apr_flow f[2] = {{0, 1, money[i]}, {times[k][0], times[k][1], money[j]}};
                sl_apr_result r;
                CODE_OK(sl_apr(&r, f, 2, NULL, NULL), "apr %lld %lld t %lld/%lld",
                        (long long)money[i], (long long)money[j], (long long)times[k][0],
                        (long long)times[k][1]);
            }
        }
}
END_TEST

START_TEST(rent_to_own_and_part_own)
{
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t r = 0; r < N_RATES; r++)
            for (size_t k = 0; k < N_COUNTS; k += 1) {
                sl_money out;
                if (counts[k] > 1200 && rates[r].num != 0 && money[i] > 1)
                    continue; /* the exact power is large; still bounded, just slow */
                CODE_OK(sl_rto_grow(&out, money[i], rates[r], counts[k]), "grow");
                if (k == 0)
                    CODE_OK(sl_part_share_price(&out, money[i], rates[r]), "share price");
            }
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t j = 0; j < N_MONEY; j++) {
            sl_rate s;
            CODE_OK(sl_part_ownership_share(&s, money[i], money[j], money[(i + j) % N_MONEY]),
                    "ownership share");
        }
    sl_loan_terms loan = base_terms();
    loan.terms = 600;
    loan.term_fee = SL_PLAN_MAX_PRINCIPAL;
    sl_money *rto_money_fields[8];
    for (size_t i = 0; i < N_MONEY; i++) {
        for (int f = 0; f < 8; f++) {
            sl_rto_options o = SL_RTO_OPTIONS_INIT;
            o.price = SL_PLAN_MAX_PRINCIPAL;
            o.rent_months = 600;
            o.loan = &loan;
            o.value_growth = (sl_rate){1, 100};
            rto_money_fields[0] = &o.price;
            rto_money_fields[1] = &o.rent;
            rto_money_fields[2] = &o.cost_rent;
            rto_money_fields[3] = &o.saving;
            rto_money_fields[4] = &o.own_funds;
            rto_money_fields[5] = &o.grant;
            rto_money_fields[6] = &o.registration_fee;
            rto_money_fields[7] = &o.appraisal;
            *rto_money_fields[f] = money[i];
            if (f == 7)
                o.price_rule = SL_PRICE_APPRAISAL;
            sl_rto_timeline *tl = NULL;
            int rc = sl_rto_timeline_new(&tl, &o, NULL);
            CODE_OK(rc, "rto field %d", f);
            sl_rto_row row;
            if (rc == SL_OK)
                while ((rc = sl_rto_timeline_next(tl, &row)) == 1)
                    ;
            REQUIRE(rc == SL_OK || tl == NULL, "next failed after new succeeded: %d", rc);
            sl_rto_timeline_free(tl);
        }
    }
    for (size_t r = 0; r < N_RATES; r++)
        for (int f = 0; f < 5; f++) {
            sl_rto_options o = SL_RTO_OPTIONS_INIT;
            o.price = SL_PLAN_MAX_PRINCIPAL / 2;
            o.rent_months = 600;
            o.saving = SL_PLAN_MAX_PRINCIPAL / 1000;
            o.loan = &loan;
            sl_rate *fields[] = {&o.saving_rate, &o.index_rate, &o.buyer_share_of_rise,
                                 &o.value_growth, &o.saving_rate};
            *fields[f] = rates[r];
            o.price_rule = f == 1 ? SL_PRICE_INDEXED : f == 2 ? SL_PRICE_APPRAISAL : SL_PRICE_FIXED;
            if (f == 2)
                o.appraisal = SL_PLAN_MAX_PRINCIPAL;
            sl_rto_timeline *tl = NULL;
            int rc = sl_rto_timeline_new(&tl, &o, NULL);
            CODE_OK(rc, "rto rate field %d", f);
            sl_rto_row row;
            if (rc == SL_OK)
                while ((rc = sl_rto_timeline_next(tl, &row)) == 1)
                    ;
            REQUIRE(rc == SL_OK || tl == NULL, "next failed after new succeeded: %d", rc);
            sl_rto_timeline_free(tl);

            sl_part_buy buys[] = {{1, rates[r]}, {600, {1, 10}}, {600, rates[r]}};
            sl_part_own_options po = SL_PART_OWN_OPTIONS_INIT;
            po.price = SL_PLAN_MAX_PRINCIPAL;
            po.share = f == 0 ? rates[r] : (sl_rate){1, 10};
            po.market_rent = SL_PLAN_MAX_PRINCIPAL / 1000;
            po.discount_per_tenth = f == 3 ? rates[r] : (sl_rate){1, 10};
            po.price_rule = f == 1 ? SL_PRICE_INDEXED : SL_PRICE_FIXED;
            po.index_rate = f == 1 ? rates[r] : (sl_rate)SL_RATE_ZERO;
            po.value_growth = f == 4 ? rates[r] : (sl_rate){0, 0};
            po.buys = buys;
            po.buy_count = 3;
            po.loan = &loan;
            sl_part_own *p = NULL;
            rc = sl_part_own_new(&p, &po, NULL);
            CODE_OK(rc, "part own field %d", f);
            sl_part_row prow;
            if (rc == SL_OK)
                while ((rc = sl_part_own_next(p, &prow)) == 1)
                    ;
            REQUIRE(rc == SL_OK || p == NULL, "part-own next failed after new succeeded: %d", rc);
            sl_part_own_free(p);
        }
}
END_TEST

START_TEST(grant)
{
    for (size_t i = 0; i < N_MONEY; i++)
        for (size_t r = 0; r < N_RATES; r++)
            for (size_t k = 0; k < N_COUNTS; k++) {
                sl_grant_terms g = SL_GRANT_TERMS_INIT;
                g.amount = money[i];
                g.writedown_per_year = rates[r];
                g.years = counts[k] > 0 && counts[k] <= 100 ? counts[k] : 100;
                sl_money out;
                CODE_OK(sl_grant_remaining(&out, &g, counts[k], NULL), "remaining");
                g.date = (sl_date){2000, 2, 29};
                for (size_t d = 0; d < N_DATES; d += 3) {
                    CODE_OK(sl_grant_remaining_at(&out, &g, dates[d], NULL), "at");
                    CODE_OK(sl_grant_repayment_on_sale(&out, &g, dates[d], money[k % N_MONEY],
                                                       NULL),
                            "sale");
                }
            }
}
END_TEST

START_TEST(capacity_and_tax)
{
    sl_loan_terms loan;
    sl_loan_terms_init(&loan);
    loan.terms = SL_CAPACITY_DEFAULT_TERMS;
    for (size_t i = 0; i < N_MONEY; i++) {
        for (int f = 0; f < 6; f++) {
            sl_household h = SL_HOUSEHOLD_INIT;
            h.adults = SL_ADULTS_COUPLE;
            h.income = 6000000;
            sl_money *fields[] = {&h.income, &h.fixed_costs, &h.maintenance, &h.energy,
                                  &h.other_debt_payments, &h.credit_limits};
            *fields[f] = money[i];
            sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
            o.loan = &loan;
            o.date = (sl_date){2024, 6, 1};
            o.policy_rate = (sl_rate){3, 100};
            sl_capacity_result res;
            CODE_OK(sl_capacity_compute(&res, &h, money[(i + f) % N_MONEY], &o, NULL), "check");
            sl_money max;
            CODE_OK(sl_capacity_max_loan(&max, NULL, NULL, &h, &o, NULL), "max loan");
        }
        for (size_t r = 0; r < N_RATES; r += 2) {
            sl_household h = SL_HOUSEHOLD_INIT;
            h.income = 6000000;
            sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
            o.loan = &loan;
            o.date = (sl_date){2024, 6, 1};
            o.policy_rate = rates[r];
            sl_money max;
            CODE_OK(sl_capacity_max_loan(&max, NULL, NULL, &h, &o, NULL), "max loan rate");
            sl_money pay, interest;
            CODE_OK(sl_capacity_payment_at(&pay, &interest, money[i], rates[r], &o, NULL),
                    "payment at");
        }
        int first = 0, last = 0;
        sl_tax_years(&first, &last);
        for (int y = first; y <= last; y++) {
            sl_tax_rules rules;
            REQUIRE(sl_tax_rules_for_year(&rules, y, NULL) == SL_OK, "rules %d", y);
            sl_tax_estimate est;
            sl_money d;
            CODE_OK(sl_tax_estimate_wage(&est, money[i], &rules, NULL), "tax");
            CODE_OK(sl_tax_interest_deduction(&d, money[i], &rules, NULL), "deduction");
        }
    }
}
END_TEST


/* Texts at and past every limit: years far outside 1..9999, rates with more
 * decimals or digits than allowed, amounts past int64, empty and NUL-cut
 * values. The data-file parsers, the book's columns and events, and the audit
 * and portfolio with extreme rows: a status, never a crash or UB. */
static const char *const texts[] = {"",
                                    "0",
                                    "-0",
                                    "-1",
                                    "1",
                                    "4.640",
                                    "4,640 %",
                                    "100",
                                    "1000001",
                                    "0.0000000000001",
                                    "99999999999999999999",
                                    "-99999999999999999999",
                                    "92233720368547758.07",
                                    "92233720368547758.08",
                                    "-92233720368547758.08",
                                    "1000000000000",
                                    "1000000000000.01",
                                    "9223372036854775807",
                                    "2147483648",
                                    "-2147483649",
                                    "0001-01-01",
                                    "9999-12-31",
                                    "10000-01-01",
                                    "2147483647-12-31",
                                    "31.12.9999",
                                    "29.02.2023",
                                    "annuitet",
                                    "serielån",
                                    "act365",
                                    "kr 1 469,33",
                                    "gap",
                                    "\x01\x7f"};
#define N_TEXTS (sizeof texts / sizeof texts[0])

START_TEST(texts_books_and_audits)
{
    char buf[512];
    for (size_t i = 0; i < N_TEXTS; i++)
        for (size_t j = 0; j < N_TEXTS; j++) {
            sl_error err;
            snprintf(buf, sizeof buf, "%s %s\n2024-07-01 4.640\n", texts[i], texts[j]);
            sl_rate_history *h = NULL;
            CODE_OK(sl_rate_history_parse(&h, buf, "sweep", &err), "history '%s'", buf);
            if (h) {
                for (size_t d = 0; d < N_DATES; d++) {
                    sl_rate r;
                    CODE_OK(sl_rate_history_at(&r, h, dates[d], &err), "history at");
                }
                sl_rate_history_free(h);
            }
            snprintf(buf, sizeof buf, "%s %s 13100 6600 3850 3950 5150\n", texts[i], texts[j]);
            sl_guideline_table *g = NULL;
            CODE_OK(sl_guideline_table_parse(&g, buf, &err), "guideline '%s'", buf);
            sl_guideline_table_free(g);
            snprintf(buf, sizeof buf, "valid-from %s\npayout-rate %s\n", texts[i], texts[j]);
            sl_housing_allowance_rules rules;
            sl_housing_allowance_rules_init(&rules);
            CODE_OK(sl_housing_allowance_rules_parse(&rules, buf, &err), "allowance '%s'", buf);
            sl_book_event ev;
            CODE_OK(sl_book_event_parse(&ev, texts[i], "extra", texts[j], &err), "event");
            CODE_OK(sl_book_event_parse(&ev, texts[j], "rate-change", texts[i], &err), "event");
        }
    for (int f = 0; f < SL_BOOK_FIELD_COUNT; f++)
        for (size_t i = 0; i < N_TEXTS; i++) {
            sl_book_loan *loan = NULL;
            REQUIRE(sl_book_loan_new(&loan) == SL_OK, "book loan");
            sl_error err;
            int rc = SL_OK;
            const char *base[SL_BOOK_FIELD_COUNT] = {0};
            base[SL_BOOK_AMOUNT] = "2000000";
            base[SL_BOOK_RATE] = "4.64";
            base[SL_BOOK_TERMS] = "300";
            base[SL_BOOK_PAYOUT_DATE] = "2024-07-01";
            for (int b = 0; b < SL_BOOK_FIELD_COUNT && rc == SL_OK; b++)
                if (base[b] && b != f)
                    rc = sl_book_loan_set(loan, (sl_book_field)b, base[b], &err);
            REQUIRE(rc == SL_OK, "book base field");
            CODE_OK(sl_book_loan_set(loan, (sl_book_field)f, texts[i], &err), "book field %d", f);
            for (size_t d = 0; d < N_DATES; d += 2) {
                const sl_loan_terms *t = NULL;
                if (sl_book_loan_terms(&t, loan, dates[d], &err) == SL_OK && t) {
                    sl_loan_figures fig;
                    CODE_OK(sl_loan_figures_compute(&fig, t, dates[d], dates[(d + 5) % N_DATES],
                                                    dates[d], &err),
                            "figures");
                }
            }
            sl_book_loan_free(loan);
        }
    sl_portfolio_totals *tot = NULL;
    REQUIRE(sl_portfolio_totals_new(&tot) == SL_OK, "totals");
    for (size_t i = 0; i < N_MONEY; i++) {
        sl_loan_figures fig;
        memset(&fig, 0, sizeof fig);
        fig.balance = fig.interest = fig.principal = money[i];
        fig.term_fees = fig.establishment_fee = fig.fees = money[N_MONEY - 1 - i];
        for (int k = 0; k < 3; k++)
            sl_portfolio_totals_add(tot, &fig);
    }
    for (int item = 0; item < 6; item++) {
        sl_money m;
        CODE_OK(sl_portfolio_totals_get(&m, tot, (sl_portfolio_item)item), "totals get");
        LENGTH_OK(sl_portfolio_totals_format(buf, sizeof buf, tot, (sl_portfolio_item)item), "totals format");
    }
    sl_portfolio_totals_free(tot);
    sl_loan_terms terms;
    sl_loan_terms_init(&terms);
    terms.principal = 100000;
    terms.nominal_rate = (sl_rate){5, 100};
    terms.terms = 12;
    sl_audit *a = NULL;
    REQUIRE(sl_audit_new(&a, &terms, NULL, NULL) == SL_OK, "audit");
    for (size_t i = 0; i < N_MONEY; i++) {
        sl_plan_row row;
        memset(&row, 0, sizeof row);
        row.term = counts[i % N_COUNTS];
        row.due_date = dates[i % N_DATES];
        row.opening_balance = row.interest = money[i];
        row.principal = row.fee = money[N_MONEY - 1 - i];
        row.payment = row.closing_balance = money[(i * 7) % N_MONEY];
        CODE_OK(sl_audit_add_row(a, &row), "audit row");
    }
    sl_audit_summary sum;
    CODE_OK(sl_audit_finish(a, &sum), "audit finish");
    sl_audit_free(a);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sweep");
    TCase *tc_money_and_rounding = tcase_create("money_and_rounding");
    tcase_set_timeout(tc_money_and_rounding, 900);
    tcase_add_test(tc_money_and_rounding, money_and_rounding);
    suite_add_tcase(s, tc_money_and_rounding);
    TCase *tc_rate_values = tcase_create("rate_values");
    tcase_set_timeout(tc_rate_values, 900);
    tcase_add_test(tc_rate_values, rate_values);
    suite_add_tcase(s, tc_rate_values);
    TCase *tc_date_values = tcase_create("date_values");
    tcase_set_timeout(tc_date_values, 900);
    tcase_add_test(tc_date_values, date_values);
    suite_add_tcase(s, tc_date_values);
    TCase *tc_annuity_interest_conversions = tcase_create("annuity_interest_conversions");
    tcase_set_timeout(tc_annuity_interest_conversions, 900);
    tcase_add_test(tc_annuity_interest_conversions, annuity_interest_conversions);
    suite_add_tcase(s, tc_annuity_interest_conversions);
    TCase *tc_plans = tcase_create("plans");
    tcase_set_timeout(tc_plans, 900);
    tcase_add_test(tc_plans, plans);
    suite_add_tcase(s, tc_plans);
    TCase *tc_apr_flows = tcase_create("apr_flows");
    tcase_set_timeout(tc_apr_flows, 900);
    tcase_add_test(tc_apr_flows, apr_flows);
    suite_add_tcase(s, tc_apr_flows);
    TCase *tc_rent_to_own_and_part_own = tcase_create("rent_to_own_and_part_own");
    tcase_set_timeout(tc_rent_to_own_and_part_own, 900);
    tcase_add_test(tc_rent_to_own_and_part_own, rent_to_own_and_part_own);
    suite_add_tcase(s, tc_rent_to_own_and_part_own);
    TCase *tc_grant = tcase_create("grant");
    tcase_set_timeout(tc_grant, 900);
    tcase_add_test(tc_grant, grant);
    suite_add_tcase(s, tc_grant);
    TCase *tc_capacity_and_tax = tcase_create("capacity_and_tax");
    tcase_set_timeout(tc_capacity_and_tax, 900);
    tcase_add_test(tc_capacity_and_tax, capacity_and_tax);
    TCase *tc_texts = tcase_create("texts_books_and_audits");
    tcase_set_timeout(tc_texts, 900);
    tcase_add_test(tc_texts, texts_books_and_audits);
    suite_add_tcase(s, tc_texts);
    suite_add_tcase(s, tc_capacity_and_tax);
    return run_suite(s);
}
