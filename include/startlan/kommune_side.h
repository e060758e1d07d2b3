/* startlan: the kommune's side of leie til eie ("kommunen kjøper først",
 * Husbanken's Veiviseren): the kommune buys the home in year 0 with
 * Husbanken's loan for rental housing (lån til utleieboliger) and the
 * tilskudd til utleieboliger, lets it at a cost rent for M months, and sells
 * it to the tenant at the end of month M.
 *
 * Rules and sources (docs/rent-to-own.md, "The kommune's side"):
 *  - Loan: loan_share of (price + purchase costs), rounded to the øre half up
 *    ("Låneutmålingen er inntil 85 prosent av prosjektkostnad/kjøpesum",
 *    husbanken.no, lån til utleieboliger); never more than the cost less the
 *    tilskudd. Its plan comes from the plan engine (sl_plan_new), paid out at
 *    the start, first term one period later.
 *  - Tilskudd: grant_per_m2 × min(area, max_area) (forskrift om tilskudd til
 *    utleieboliger § 9: a rate per m² P-ROM by kommune group, at most 80 m²;
 *    Holmestrand's group 9 600 kr/m², at most 768 000 kr), written down by
 *    3.3 % of the amount per completed year from payout over 30 years (§ 10),
 *    the part not written down repaid on a sale (§ 11) — in full, not capped
 *    by the sale's surplus. The write-down is sl_grant_remaining's.
 *  - Cost rent (kostnadsleie, selvkost) = the loan's first payment (term fee
 *    included) as a monthly amount (× terms per year / 12, rounded to the
 *    øre half up) + FDV (forvaltning, drift, vedlikehold) + kommunale
 *    avgifter a month.
 *  - Month m (1..M): rent received in advance; FDV and kommunale avgifter
 *    paid; the loan's term paid when one falls due in the month (monthly
 *    terms: every month). Cash position = −own capital + the months' nets.
 *  - Sale at the end of month M: the sale proceeds (what the family pays the
 *    kommune) in, the loan balance after month M's term and the tilskudd not
 *    written down after ⌊M / 12⌋ completed years out. The kommune's result
 *    over the whole deal is the cash position after the sale, which is also
 *      (sale proceeds − price − purchase costs) + rents − interest − fees
 *      − FDV − kommunale avgifter + (tilskudd − tilskudd repaid).
 *  - Lapse (the tenant does not buy): no sale; the kommune keeps the home
 *    with the loan balance and the tilskudd not written down (which is not
 *    repaid while the home is let to vanskeligstilte).
 *
 * Thread-safety: pure functions, no global state. */
#ifndef STARTLAN_KOMMUNE_SIDE_H
#define STARTLAN_KOMMUNE_SIDE_H

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of sl_kommune_options this header declares (its `version` field). */
#define SL_KOMMUNE_OPTIONS_VERSION 1
/* Longest rent phase (the same as rent_to_own.h's). */
#define SL_KOMMUNE_MAX_MONTHS 600
/* The kommune's loan without loan terms: 30 years, monthly (Husbanken's
 * normal term; up to 50 years for rental housing). */
#define SL_KOMMUNE_DEFAULT_TERMS 360

/* Inputs. Initialise with SL_KOMMUNE_OPTIONS_INIT and set the fields.
 * Amounts: price, purchase_costs, sale_price, grant_per_m2 × area at most
 * 1 000 000 000 000 kr; fdv, municipal_fees, rent and each rents[i] at most
 * 1 000 000 000 kr a month. Below the limit is SL_EINVAL, above SL_ERANGE,
 * err naming the field. */
typedef struct sl_kommune_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money price;            /* the kommune's purchase price (kjøpesum) in year 0, > 0 */
    sl_money purchase_costs;   /* the kommune's own dokumentavgift and tinglysing, >= 0 */
    sl_rate loan_share;        /* lån til utleieboliger as a share of price + purchase
                                  costs, 0 .. 100 %; default 85 % */
    const sl_loan_terms *loan; /* rate, terms, fees of that loan (principal, payout_date
                                  computed; the caller's, copied); NULL: 30 years monthly
                                  annuity at 0 % */
    sl_money grant_per_m2;     /* tilskudd til utleieboliger per m² P-ROM, >= 0 */
    int area_m2;               /* the home's P-ROM in whole m², 0 .. 10 000 */
    int max_area_m2;           /* the largest area the tilskudd is measured on; default 80 */
    sl_rate grant_writedown;   /* per completed year, 0 .. 100 %; default 3.3 % */
    int grant_years;           /* write-down period, 1 .. 100; default 30 */
    sl_money fdv;              /* forvaltning, drift, vedlikehold a month, >= 0 */
    sl_money municipal_fees;   /* kommunale avgifter a month (covered by the rent), >= 0 */
    int rent_months;           /* M, 0 .. SL_KOMMUNE_MAX_MONTHS */
    sl_money rent;             /* the rent a month when rents is NULL and rent_at_cost 0 */
    const sl_money *rents;     /* the rent of each of the M months (e.g. KPI-adjusted,
                                  rent_index.h), or NULL */
    int rent_at_cost;          /* 1: every month's rent is the cost rent (rent, rents unused) */
    sl_money sale_price;       /* what the family pays the kommune at the end of month M
                                  (the purchase price less any rent credit), >= 0 */
    sl_date start;             /* first rent month and the loan's payout; SL_DATE_NONE: no dates */
} sl_kommune_options;

/* Every field of sl_kommune_options at its default, as an initialiser. */
#define SL_KOMMUNE_OPTIONS_INIT                                                              \
    {SL_KOMMUNE_OPTIONS_VERSION, 0, 0, {85, 100}, NULL, 0, 0, 80, {33, 1000}, 30, 0, 0, 0,   \
     0, NULL, 0, 0, SL_DATE_NONE}

/* Set *options to SL_KOMMUNE_OPTIONS_INIT. NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_kommune_options_init(sl_kommune_options *options);

/* The deal's figures, all in øre. */
typedef struct sl_kommune_result {
    sl_money purchase_total;  /* price + purchase costs */
    sl_money loan_amount;     /* Husbanken's loan */
    sl_money grant;           /* tilskudd til utleieboliger */
    sl_money own_capital;     /* purchase_total − loan − grant (the kommune's own money) */
    sl_money first_payment;   /* the loan's first term, fee included */
    sl_money capital_cost;    /* first_payment as a monthly amount */
    sl_money cost_rent;       /* capital_cost + fdv + municipal_fees */
    sl_money rent_received;   /* over the M months */
    sl_money interest_paid;   /* over the M months */
    sl_money principal_paid;  /* over the M months */
    sl_money fees_paid;       /* term fees and the establishment fee */
    sl_money running_costs;   /* (fdv + municipal_fees) × M */
    sl_money sale_proceeds;   /* sale_price */
    sl_money loan_repaid;     /* the loan balance after month M */
    int grant_years_completed; /* ⌊M / 12⌋ */
    sl_money grant_repaid;    /* the tilskudd not written down after those years */
    sl_money kommune_result;  /* the whole deal, sold at the end of month M */
    sl_money lapse_cash;      /* the cash position after month M without a sale */
    sl_money lapse_loan_balance;     /* the kommune keeps the home with this loan … */
    sl_money lapse_grant_remaining;  /* … and this tilskudd not written down */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_kommune_result;

/* One month of the kommune's side. */
typedef struct sl_kommune_row {
    int month;                /* 1 .. M */
    sl_date date;             /* the first day of the month's rent; SL_DATE_NONE without dates */
    sl_money rent;            /* received */
    sl_money interest;        /* the loan's term falling in the month (0 when none does) */
    sl_money principal;       /* of that term */
    sl_money fee;             /* of that term (term fee; the establishment fee in month 1) */
    sl_money running_costs;   /* fdv + municipal_fees */
    sl_money net;             /* rent − interest − principal − fee − running_costs */
    sl_money loan_balance;    /* after the month */
    sl_money grant_remaining; /* tilskudd not written down at the end of the month */
    sl_money cash;            /* the cash position: −own capital + the nets so far */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_kommune_row;

/* Compute the deal. rows (may be NULL) receives one row per rent month:
 * room for rows_cap rows, and rows_cap must be at least rent_months when
 * rows is given (SL_EINVAL "rows" otherwise). 0, SL_EINVAL, SL_ERANGE,
 * SL_EVERSION, SL_ENULL or SL_ENOMEM.
 * @param out receives the kommune's result
 * @param rows the caller's array for the monthly rows, may be NULL
 * @param rows_cap the room in rows
 * @param opt the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL, SL_ERANGE, SL_EVERSION, SL_ENULL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_kommune_compute(sl_kommune_result *out, sl_kommune_row *rows,
                                             size_t rows_cap, const sl_kommune_options *opt,
                                             sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
