/* Rent-to-own, rent-before-own, part ownership (deleie), the grant and the
 * capacity budget with options decoded from the bytes: each either refuses
 * its input with an error or gives figures that add up (the loan needed is
 * never negative, the timeline's months run in order, what is left of a
 * grant is between 0 and the grant, a fitting loan's surplus is >= 0). */
#include "fuzz_input.h"

static void rent_to_own(fuzz_input *in)
{
    sl_rto_options o = SL_RTO_OPTIONS_INIT;
    fuzz_contract c;
    sl_loan_terms loan;
    fuzz_loan_terms(in, &loan, &c);
    o.loan = fuzz_u8(in) % 8 ? &loan : NULL;
    o.model = (sl_rto_model)(fuzz_u8(in) % 3);
    o.price = fuzz_money(in);
    o.rent_months = fuzz_small(in, 0, 120);
    o.rent = fuzz_int(in, 0, 5000000);
    o.cost_rent = fuzz_int(in, 0, 5000000);
    o.credit_surplus = fuzz_u8(in) % 2;
    o.saving = fuzz_int(in, 0, 1000000);
    o.saving_rate = fuzz_rate(in);
    o.price_rule = (sl_price_rule)(fuzz_u8(in) % 4);
    o.index_rate = fuzz_rate(in);
    o.appraisal = fuzz_money(in);
    o.buyer_share_of_rise = fuzz_rate(in);
    o.property = (sl_property_type)(fuzz_u8(in) % 3);
    o.own_funds = fuzz_money(in);
    o.grant = fuzz_money(in);
    if (fuzz_u8(in) % 2)
        o.registration_fee = fuzz_money(in);
    o.documents = fuzz_small(in, 0, 4);
    if (fuzz_u8(in) % 2)
        o.value_growth = fuzz_rate(in);
    o.start = fuzz_date_or_none(in);
    sl_rto_result r;
    sl_error err;
    if (sl_rto_compute(&r, &o, &err) == SL_OK) {
        FUZZ_REQUIRE(r.loan_amount >= 0 && r.cash_left >= 0);
        FUZZ_REQUIRE(r.loan_amount == 0 || r.cash_left == 0);
        FUZZ_REQUIRE(r.transaction_costs == r.document_tax + r.registration_fees);
        FUZZ_REQUIRE(r.transition_month == o.rent_months + 1);
    }
    sl_rto_timeline *tl;
    if (sl_rto_timeline_new(&tl, &o, &err) != SL_OK)
        return;
    sl_rto_row row;
    int rc, month = 0;
    while ((rc = sl_rto_timeline_next(tl, &row)) == 1) {
        FUZZ_REQUIRE(row.month == ++month);
        FUZZ_REQUIRE(month <= SL_RTO_MAX_RENT_MONTHS + SL_PLAN_MAX_YEARS * 12 + 12);
    }
    sl_rto_timeline_free(tl);
}

static void part_own(fuzz_input *in)
{
    sl_part_own_options o = SL_PART_OWN_OPTIONS_INIT;
    fuzz_contract c;
    sl_loan_terms terms;
    fuzz_loan_terms(in, &terms, &c);
    o.loan = fuzz_u8(in) % 8 ? &terms : NULL;
    sl_part_buy buys[6];
    o.price = fuzz_money(in);
    o.share = fuzz_rate(in);
    o.own_funds = fuzz_money(in);
    o.market_rent = fuzz_int(in, 0, 5000000);
    o.price_rule = (sl_price_rule)(fuzz_u8(in) % 4);
    o.index_rate = fuzz_rate(in);
    o.appraisal = fuzz_money(in);
    o.discount_per_tenth = fuzz_rate(in);
    o.buy_count = fuzz_u8(in) % 7;
    for (size_t i = 0; i < o.buy_count; i++)
        buys[i] = (sl_part_buy){fuzz_small(in, 0, 400), fuzz_rate(in)};
    o.buys = o.buy_count ? buys : NULL;
    if (fuzz_u8(in) % 2)
        o.value_growth = fuzz_rate(in);
    o.start = fuzz_date_or_none(in);
    sl_part_own *po;
    sl_error err;
    if (sl_part_own_new(&po, &o, &err) != SL_OK)
        return;
    sl_money share_price, loan, cash_left;
    sl_part_own_first(po, &share_price, &loan, &cash_left);
    FUZZ_REQUIRE(share_price >= 0 && loan >= 0 && cash_left >= 0);
    sl_part_row row;
    int rc, month = 0;
    while ((rc = sl_part_own_next(po, &row)) == 1) {
        FUZZ_REQUIRE(row.month == ++month);
        FUZZ_REQUIRE(row.housing_cost == row.rent + row.loan_payment);
        FUZZ_REQUIRE(row.loan_balance >= 0 && row.rent >= 0);
        FUZZ_REQUIRE(month <= 400 + SL_PLAN_MAX_YEARS * 12 * 7 + 12);
    }
    sl_part_own_free(po);
}

static void grant(fuzz_input *in)
{
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = fuzz_money(in);
    if (fuzz_u8(in) % 2)
        g.writedown_per_year = fuzz_rate(in);
    if (fuzz_u8(in) % 2)
        g.years = fuzz_small(in, 0, 101);
    g.date = fuzz_date_or_none(in);
    sl_error err;
    sl_money left, repaid;
    int years = fuzz_small(in, -1, 120);
    if (sl_grant_remaining(&left, &g, years, &err) == SL_OK)
        FUZZ_REQUIRE(left >= 0 && left <= g.amount);
    sl_date on = fuzz_date(in);
    (void)sl_grant_completed_years(g.date, on);
    if (sl_grant_remaining_at(&left, &g, on, &err) == SL_OK)
        FUZZ_REQUIRE(left >= 0 && left <= g.amount);
    sl_money surplus = fuzz_int(in, -100000000, 10000000000LL);
    if (sl_grant_repayment_on_sale(&repaid, &g, on, surplus, &err) == SL_OK)
        FUZZ_REQUIRE(repaid >= 0 && repaid <= g.amount && (surplus < 0 || repaid <= surplus));
}

static void capacity(fuzz_input *in)
{
    sl_household h = SL_HOUSEHOLD_INIT;
    h.adults = (sl_adults)fuzz_small(in, 1, 3);
    h.children_0_5 = fuzz_small(in, 0, 4);
    h.children_6_10 = fuzz_small(in, 0, 4);
    h.children_11_17 = fuzz_small(in, 0, 4);
    h.income = fuzz_int(in, 0, 20000000);
    h.fixed_costs = fuzz_int(in, 0, 5000000);
    h.maintenance = fuzz_int(in, 0, 1000000);
    h.actual_living_costs = fuzz_u8(in) % 2 ? 0 : fuzz_int(in, 0, 5000000);
    if (fuzz_u8(in) % 2) {
        h.energy = fuzz_int(in, 0, 500000);
        h.common_costs = fuzz_int(in, 0, 1000000);
        h.other_debt_payments = fuzz_int(in, 0, 5000000);
        h.credit_limits = fuzz_int(in, 0, 50000000);
        h.living_costs_basis = (sl_living_costs_basis)fuzz_small(in, 0, 3);
    }
    sl_capacity_options o = SL_CAPACITY_OPTIONS_INIT;
    fuzz_contract c;
    sl_loan_terms terms;
    if (fuzz_u8(in) % 2) {
        fuzz_loan_terms(in, &terms, &c);
        o.loan = &terms;
    }
    o.date = fuzz_date(in);
    o.policy_rate = fuzz_rate(in);
    if (fuzz_u8(in) % 2)
        o.stress_add = fuzz_rate(in);
    o.cofinancing_payment = fuzz_int(in, 0, 2000000);
    if (fuzz_u8(in) % 2)
        o.step = fuzz_int(in, 0, 10000000);
    sl_error err;
    sl_capacity_result r, more;
    sl_money loan = fuzz_money(in);
    if (sl_capacity_compute(&r, &h, loan, &o, &err) == SL_OK) {
        FUZZ_REQUIRE(r.fits == (r.surplus >= 0));
        FUZZ_REQUIRE(r.loan == loan);
    }
    if (fuzz_u8(in) % 4 == 0) {
        sl_money max;
        if (sl_capacity_max_loan(&max, &r, &more, &h, &o, &err) == SL_OK) {
            FUZZ_REQUIRE(max >= 0);
            FUZZ_REQUIRE(max == 0 || r.fits);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    switch (fuzz_u8(&in) % 4) {
    case 0:
        rent_to_own(&in);
        break;
    case 1:
        part_own(&in);
        break;
    case 2:
        grant(&in);
        break;
    default:
        capacity(&in);
        break;
    }
    return 0;
}
