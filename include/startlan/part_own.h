/* startlan: part ownership (deleie): the household buys a share s of a home
 * of price P with a startlån and own funds, rents the rest (market rent ×
 * (1 − s)), and buys further shares later, each financed by a top-up loan.
 *
 * Formulas (docs/rent-to-own.md, "Deleie"):
 *  - a share's price = price in force × share, rounded to the øre half up;
 *    the price in force at month k follows price_rule: fixed P, indexed
 *    P · (1+i)^y · (1 + i·m/12) for k = 12y + m rounded to the krone half up
 *    (as in rent_to_own.h), or the appraisal V from month 1 on;
 *  - discount on a further purchase (LeieEie: 0.75 % of the total price per
 *    tenth bought) = (price in force + fellesgjeld) × discount_per_tenth × 10
 *    × share bought, rounded to the øre half up (a borettslag unit: shares
 *    priced on the innskudd, the discount on the total price, BATE DelEie); not given on the first purchase unless
 *    discount_first_share (version 3), when the first share's discount is
 *    taken off its price before own funds and the first loan;
 *  - first loan = first share's price − own funds, floored at 0;
 *    top-up loan = share's price − discount;
 *  - rent in a month = market rent × (1 − share owned), rounded to the øre
 *    half up;
 *  - ownership share from money: (own equity + own loan) / price, exact.
 * Every loan is a plan from the plan engine with the same terms (loan).
 *
 * Thread-safety: no global state; a part-own handle is used by one thread at
 * a time, separate handles from any threads. */
#ifndef STARTLAN_PART_OWN_H
#define STARTLAN_PART_OWN_H

#include <stddef.h>

#include "export.h"
#include "plan.h"
#include "rent_to_own.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Version 2: the loans' terms by pointer instead of by value. Version 3:
 * discount_first_share. Version 4: fellesgjeld. Older versions are read with
 * the later fields at their defaults. */
#define SL_PART_OWN_OPTIONS_VERSION 4
/* The most further purchases (buy_count). */
#define SL_PART_OWN_MAX_BUYS 100

/* Buy `share` more of the home at the end of month `month` (1-based). */
typedef struct sl_part_buy {
    int month;     /* the month, 1-based; bought at its end */
    sl_rate share; /* the share of the whole home bought, 0 < share <= 1 */
} sl_part_buy;

/* Deleie (part ownership): buy a share, rent the rest, buy more later. */
typedef struct sl_part_own_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money price;            /* P, the whole home's price */
    sl_rate share;             /* s, first share, 0 < s <= 1 */
    sl_money own_funds;        /* egenkapital at the first purchase */
    sl_money market_rent;      /* the whole home's monthly market rent */
    sl_price_rule price_rule;  /* for further shares */
    sl_rate index_rate;        /* SL_PRICE_INDEXED */
    sl_money appraisal;        /* SL_PRICE_APPRAISAL */
    sl_rate discount_per_tenth; /* of the price per tenth bought; 0 = none */
    const sl_part_buy *buys;   /* further purchases, by month (copied) */
    size_t buy_count;          /* entries in buys, 0 .. SL_PART_OWN_MAX_BUYS */
    sl_rate value_growth;      /* SL_RATE_NONE: not given (the price rule's price is the value) */
    sl_date start;             /* first month; SL_DATE_NONE: not given (no dates) */
    const sl_loan_terms *loan; /* terms of every loan, the caller's (copied by
                                  sl_part_own_new); NULL: as for sl_rto_options;
                                  principal computed */
    /* ---- version 3 */
    int discount_first_share;  /* 1: the discount per tenth applies to the first share too
                                  (LeieEie: "umiddelbart 7,5 % i rabatt av den andelen du
                                  kjøper", leieeie.no); 0: further shares only (default) */
    /* ---- version 4 */
    sl_money fellesgjeld;      /* a borettslag unit's share of the common debt, 0 .. 1e12 kr;
                                  price is then the innskudd: shares are priced on it, the
                                  discount on the total price innskudd + fellesgjeld (BATE
                                  DelEie: innskudd 1 200 000 + fellesgjeld 2 800 000, 0.75 %
                                  → 30 000 per tenth). 0: a selveier price (default) */
} sl_part_own_options;

/* Every field of sl_part_own_options at its default, as an initialiser. */
#define SL_PART_OWN_OPTIONS_INIT                                                             \
    {SL_PART_OWN_OPTIONS_VERSION, 0, {1, 2}, 0, 0, SL_PRICE_FIXED, SL_RATE_ZERO, 0,          \
     SL_RATE_ZERO, NULL, 0, SL_RATE_NONE, SL_DATE_NONE, NULL, 0, 0}

/* Set *options to SL_PART_OWN_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_part_own_options_init(sl_part_own_options *options);

/* Ownership share (eierandel) = (equity + loan) / price, exact (reduced).
 * 0 or SL_EINVAL (price <= 0, negative amounts, share over 1).
 * @param out receives the share, a fraction of one
 * @param equity egenkapital
 * @param loan the loan
 * @param price the price (> 0)
 * @return 0 or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_part_ownership_share(sl_rate *out, sl_money equity, sl_money loan,
                                                  sl_money price);

/* price × share rounded to the øre half up. 0, SL_EINVAL or SL_ERANGE.
 * @param out receives the share's price
 * @param price the whole home's price
 * @param share the share, 0 .. 1
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_part_share_price(sl_money *out, sl_money price, sl_rate share);

/* One month of a part-ownership timeline. */
typedef struct sl_part_row {
    int month;             /* 1-based from the start */
    sl_date date;          /* start + month − 1 months */
    sl_rate owned;         /* share owned during the month */
    sl_money rent;         /* market rent × (1 − owned) */
    sl_money loan_payment; /* sum of this month's payments on all loans (incl. fees) */
    sl_money housing_cost; /* rent + loan_payment */
    sl_money loan_balance; /* sum of the loans' balances after the month */
    sl_money bought;       /* price paid for a share bought at the end of this month (after discount) */
    sl_money discount;     /* discount on it */
    sl_money value;        /* the whole home's value */
    sl_money equity;       /* value × owned (øre, half up) − loan balance */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_part_row;

/* A part-ownership timeline (opaque): sl_part_own_new, _next, _free; one thread at a time. */
typedef struct sl_part_own sl_part_own;

/* Validate and start; the first loan is paid out at the start (its first
 * payment falls in month 1). 0 or an error (err names the field).
 * @param out receives the new handle, owned by the caller (free with sl_part_own_free)
 * @param opt the options, copied (with the buys and loan terms they point to)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err names the field) */
SL_API SL_WARN_UNUSED int sl_part_own_new(sl_part_own **out, const sl_part_own_options *opt,
                                          sl_error *err);
/* The first share's price, the first loan and the cash left.
 * @param po the handle
 * @param share_price receives the first share's price, may be NULL
 * @param loan receives the first loan, may be NULL
 * @param cash_left receives the cash left, may be NULL */
SL_API void sl_part_own_first(const sl_part_own *po, sl_money *share_price, sl_money *loan,
                              sl_money *cash_left);
/* Next month: 1, 0 (all loans paid and every purchase made) or a negative code.
 * @param po the handle
 * @param row receives the month
 * @return 1 (row filled), 0 (ended) or a negative code */
SL_API SL_WARN_UNUSED int sl_part_own_next(sl_part_own *po, sl_part_row *row);
/* Free a part-own handle. NULL is allowed.
 * @param po the handle to free; NULL is allowed */
SL_API void sl_part_own_free(sl_part_own *po);

#ifdef __cplusplus
}
#endif

#endif
