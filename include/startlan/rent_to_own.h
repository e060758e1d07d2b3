/* startlan: from renting to owning — leie til eie (rent-to-own, Husbanken's
 * Veiviseren model and the developer variant) and leie før eie
 * (rent-before-own): a rent phase of M months, then an ownership phase whose
 * loan is a startlån plan from the plan engine, on one monthly timeline.
 *
 * Formulas (docs/rent-to-own.md has a worked example of each):
 *  - Savings (oppsparing): month by month, interest on the opening balance
 *    at saving_rate / 12 rounded to the øre half up, then the deposit S.
 *  - Rent credit (leiekreditt): M × (R − C) when credit_surplus is set, else 0.
 *  - Purchase price: fixed P0; indexed P0 · (1+i)^y · (1 + i·m/12) for M =
 *    12y + m months (whole years compound, linear within the year), one exact
 *    rational rounded to the krone half up; appraisal
 *    P0 + (1 − share) × max(0, V − P0), the second term rounded to the øre
 *    half up.
 *  - Transaction costs: dokumentavgift 2.5 % (selveier only) of the market
 *    value at transfer (the appraisal V, else the value path at month M when
 *    value_growth is given, else the price; document_tax_base PRICE: the
 *    price), rounded to the krone half up; plus registration_fee × documents
 *    (tinglysingsgebyr).
 *  - Loan needed = price − rent credit + costs − savings − own funds − grant,
 *    floored at 0; a negative value is reported as cash_left.
 *  - Market value with value growth g: P0 · (1+g)^y · (1 + g·m/12) after
 *    12y + m months from the start, rounded to the krone half up.
 *
 * Thread-safety: no global state; a timeline handle is used by one thread at
 * a time. */
#ifndef STARTLAN_RENT_TO_OWN_H
#define STARTLAN_RENT_TO_OWN_H

#include "apr.h"
#include "plan_cost.h"
#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Version 2: the loan's terms by pointer instead of by value. Version 3:
 * document_tax_base, the providers' credit rules (credit_rent_share,
 * credit_principal, saving_in_rent), equity_requirement and credit_on_lapse.
 * A version-2 struct is still read (the new fields take their defaults). */
#define SL_RTO_OPTIONS_VERSION 3
/* Longest rent phase accepted (over 60 months is a finding for a borettslag unit,
 * see SL_RTO_FINDING_RENT_OVER_60_MONTHS). */
#define SL_RTO_MAX_RENT_MONTHS 600
/* Longest growth sl_rto_grow computes (1000 years): bounds the exact power. */
#define SL_RTO_MAX_GROW_MONTHS 12000
/* Tinglysingsgebyr per document, 2025: 545 kr. */
#define SL_RTO_REGISTRATION_FEE_DEFAULT ((sl_money)54500)

/* The scheme the household is in. */
typedef enum sl_rto_model {
    SL_RTO_RENT_TO_OWN = 0,     /* leie til eie */
    SL_RTO_RENT_BEFORE_OWN = 1  /* leie før eie: the same 3-5-year option with saving
                                   (Veiviseren, Gjøvik kommune, TOBB); the name the
                                   scheme is offered under */
} sl_rto_model;

/* How the purchase price is set (formula above). */
typedef enum sl_price_rule {
    SL_PRICE_FIXED = 0,    /* fastpris: P0 */
    SL_PRICE_INDEXED = 1,  /* P0 indexed by index_rate a year */
    SL_PRICE_APPRAISAL = 2 /* takst V; the buyer keeps buyer_share_of_rise of V − P0 */
} sl_price_rule;

/* The base of dokumentavgift (docs/rent-to-own.md, "Dokumentavgift").
 * Kartverket charges 2.5 % of the market value at registration, not the
 * purchase sum (HR-2008-1588-A); in an ordinary sale the price is taken as the
 * value. */
typedef enum sl_tax_base {
    SL_TAX_BASE_VALUE = 0, /* the market value at transfer: the appraisal (price rule
                              appraisal), else the value path (value_growth) at the
                              transfer, else the purchase price (default) */
    SL_TAX_BASE_PRICE = 1  /* the purchase price, where Kartverket accepts it as the value */
} sl_tax_base;

/* What becomes of the credit when the option lapses (the household does not buy). */
typedef enum sl_credit_on_lapse {
    SL_LAPSE_CREDIT_LOST = 0,    /* the credit falls away (LeieEie/BATE: "faller det oppsparte
                                    beløpet bort"; default) */
    SL_LAPSE_CREDIT_PAID_OUT = 1 /* the credit is paid out to the household */
} sl_credit_on_lapse;

/* Selveier or borettslag: decides dokumentavgift. */
typedef enum sl_property_type {
    SL_PROPERTY_SELVEIER = 0,  /* selveier: dokumentavgift 2.5 % */
    SL_PROPERTY_BORETTSLAG = 1 /* borettslag: no dokumentavgift */
} sl_property_type;

/* Text → enum, ASCII letters without case: price rule "fixed" ("fastpris"),
 * "indexed" ("indeksert"), "appraisal" ("takst"); property "selveier"
 * ("freehold") or "borettslag" ("cooperative"); model "rent-to-own"
 * ("leie-til-eie") or "rent-before-own" ("leie-før-eie", "leie-for-eie").
 * 0, SL_ESYNTAX (unknown word; *out untouched) or SL_ENULL. The _name
 * functions give the first word; NULL for an unknown value.
 * @param out receives the price rule
 * @param text the text to read, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word; *out untouched) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_price_rule_parse(sl_price_rule *out, const char *text);
/* The first word sl_price_rule_parse reads for a price rule.
 * @param value the price rule
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_price_rule_name(sl_price_rule value);
/* Text → property type (words above).
 * @param out receives the property type
 * @param text the text to read, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word; *out untouched) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_property_type_parse(sl_property_type *out, const char *text);
/* The first word sl_property_type_parse reads for a property type.
 * @param value the property type
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_property_type_name(sl_property_type value);
/* Text → model (words above).
 * @param out receives the model
 * @param text the text to read, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word; *out untouched) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_rto_model_parse(sl_rto_model *out, const char *text);
/* The first word sl_rto_model_parse reads for a model.
 * @param value the model
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_rto_model_name(sl_rto_model value);

/* Rule findings of a scenario (bit flags in sl_rto_result.findings). */
enum {
    /* More than 60 rent months on a borettslag unit: outside the conditions Prop. 158 L
       (2024-2025) ch. 5, a bill, proposes for a leie-til-eie agreement under the new
       right to own up to 30 % of the units in a borettslag or eierseksjonssameie (a
       right to buy within a fixed period of up to five years, counted from signing).
       Never set for a selveier home: the bill caps nothing for a kommune's own home. */
    SL_RTO_FINDING_RENT_OVER_60_MONTHS = 1u << 0,
    /* The loan's payments have no effective rate (e.g. an establishment fee
       above the loan, or one so large the rate cannot be stated): cost.apr is
       zero, the other cost figures are the plan's totals. */
    SL_RTO_FINDING_NO_EFFECTIVE_RATE = 1u << 1,
    /* The equity at the purchase is below the banks' requirement (equity_required):
       a bank loan alone cannot finance it; a startlån may (Husbanken). */
    SL_RTO_FINDING_EQUITY_SHORT = 1u << 2
};

/* Inputs. Initialise with SL_RTO_OPTIONS_INIT and set the fields.
 * Limits (checked whatever the other fields say; below is SL_EINVAL, above
 * SL_ERANGE): price, appraisal, own_funds, grant at most 1 000 000 000 000 kr;
 * rent, cost_rent, saving, registration_fee at most 1 000 000 000 kr a month
 * (or document). A field the chosen rule does not use must keep its default
 * (index_rate 0 unless SL_PRICE_INDEXED; appraisal 0 and buyer_share_of_rise
 * 100 % unless SL_PRICE_APPRAISAL): a value that would be ignored is refused. */
typedef struct sl_rto_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_rto_model model;         /* the name of the scheme; the formulas are the same
                                   (docs/rent-to-own.md); checked to be one of the two */
    sl_money price;             /* P0, year-0 price, > 0 */
    int rent_months;            /* M, 0 .. SL_RTO_MAX_RENT_MONTHS */
    sl_money rent;              /* R, monthly rent, >= 0 */
    sl_money cost_rent;         /* C, kostnadsleie, 0 .. R when credited */
    int credit_surplus;         /* 1: M × (R − C) is credited against the price */
    sl_money saving;            /* S, monthly own saving, >= 0 */
    sl_rate saving_rate;        /* yearly savings rate, 0 .. 1 */
    sl_price_rule price_rule;   /* how the purchase price is set (default fixed) */
    sl_rate index_rate;         /* yearly index for SL_PRICE_INDEXED, 0 .. 1 */
    sl_money appraisal;         /* V for SL_PRICE_APPRAISAL (also the dokumentavgift base) */
    sl_rate buyer_share_of_rise; /* 0 .. 1; default 1 (the whole rise is the buyer's) */
    sl_property_type property;  /* selveier (default) or borettslag */
    sl_money own_funds;         /* E, egenkapital, >= 0 */
    sl_money grant;             /* G, tilskudd, >= 0 */
    sl_money registration_fee;  /* per document, default 545 kr */
    int documents;              /* default 2: transfer (skjøte) and mortgage (pantedokument) */
    sl_rate value_growth;       /* yearly growth of the market value; SL_RATE_NONE: not given */
    sl_date start;              /* first rent month; SL_DATE_NONE: not given (no dates) */
    const sl_loan_terms *loan;  /* the startlån, the caller's (copied by the functions that
                                   keep it); NULL: 25 years, monthly annuity at 0 %, no fees.
                                   principal is computed (ignored here); payout_date
                                   defaults to start + M months */
    /* ---- version 3 */
    sl_tax_base document_tax_base; /* dokumentavgift on the value at transfer (default) or
                                      on the purchase price */
    /* The providers' credit rules (docs/rent-to-own.md, "Credit rules"); at most one of
       credit_surplus, credit_rent_share and credit_principal. */
    sl_rate credit_rent_share;  /* share of each month's rent credited against the price,
                                   0 .. 1 (LeieEie/BATE: about 40 %); 0: none */
    sl_money credit_principal;  /* principal (avdrag) paid through the rent by the purchase,
                                   deducted from the price (BATE Goagarden); at most the
                                   rent paid; 0: none */
    int saving_in_rent;         /* 1: the saving is part of the rent, one monthly sum
                                   (Gjøvik); saving + the monthly credit must fit in it */
    sl_rate equity_requirement; /* the banks' equity requirement on the price to pay; den 0
                                   (default): by the purchase date, 15 % before 2025-01-01,
                                   10 % from (utlånsforskriften), none without dates;
                                   {0, 1}: not checked */
    sl_credit_on_lapse credit_on_lapse; /* the credit when the option lapses */
} sl_rto_options;

/* Every field of sl_rto_options at its default, as an initialiser. */
#define SL_RTO_OPTIONS_INIT                                                                  \
    {SL_RTO_OPTIONS_VERSION, SL_RTO_RENT_TO_OWN, 0, 0, 0, 0, 0, 0, SL_RATE_ZERO,            \
     SL_PRICE_FIXED, SL_RATE_ZERO, 0, {1, 1}, SL_PROPERTY_SELVEIER, 0, 0,                   \
     SL_RTO_REGISTRATION_FEE_DEFAULT, 2, SL_RATE_NONE, SL_DATE_NONE, NULL, SL_TAX_BASE_VALUE,      \
     SL_RATE_ZERO, 0, 0, {0, 0}, SL_LAPSE_CREDIT_LOST}
/* The number of terms of the default loan (loan NULL): 25 years, monthly. */
#define SL_RTO_DEFAULT_TERMS 300

/* Set *options to SL_RTO_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_rto_options_init(sl_rto_options *options);

/* The figures of a scenario, all in øre. */
typedef struct sl_rto_result {
    sl_money purchase_price;    /* kjøpesum by the price rule */
    sl_money rent_paid;         /* M × R */
    sl_money rent_credit;       /* M × (R − C) or 0 */
    sl_money savings;           /* savings balance at the transition */
    sl_money savings_interest;  /* the interest part of it */
    sl_money document_tax;      /* dokumentavgift */
    sl_money registration_fees; /* registration_fee × documents */
    sl_money transaction_costs; /* document_tax + registration_fees */
    sl_money loan_amount;       /* startlån needed, >= 0 */
    sl_money cash_left;         /* surplus when the need is negative, else 0 */
    sl_money last_rent;         /* R, the housing cost before */
    sl_money first_payment;     /* first loan payment incl. term fee (0 without a loan) */
    int transition_month;       /* first month of the ownership phase: M + 1 */
    sl_date transition_date;    /* the purchase (payout) date; SL_DATE_NONE without dates */
    int has_loan;               /* 1 when loan_amount > 0 and cost is filled (without
                                   cost.apr under SL_RTO_FINDING_NO_EFFECTIVE_RATE) */
    sl_plan_cost cost;          /* effective rate, total cost and payable of the loan */
    unsigned findings;          /* SL_RTO_FINDING_* */
    sl_money document_tax_base; /* the amount dokumentavgift is 2.5 % of (0 for borettslag) */
    sl_money principal_credit;  /* the part of rent_credit that is principal paid through the
                                   rent (credit_principal) */
    sl_money equity_required;   /* requirement × (purchase price − principal credit), rounded
                                   up to the øre; 0 when not checked */
    sl_money equity_at_purchase; /* rent credit other than principal + savings + own funds +
                                    grant + the option value when positive */
    sl_money option_value;      /* market value at transfer − purchase price (may be negative;
                                   0 when no value is known) */
    int64_t reserved[SL_RESERVED_FIELDS - 5]; /* room for fields added later (docs/api.md) */
} sl_rto_result;

/* Compute a scenario. Validates opt (err names the field); the loan's
 * figures come from the plan engine (sl_plan_new, sl_plan_cost_compute).
 * A result outside the limits (an indexed price or savings over 1e12 kr, a
 * loan over SL_PLAN_MAX_PRINCIPAL) is SL_ERANGE naming the field that drives
 * it ("index_rate", "saving", "price"), never a wrapped number.
 * 0, SL_EINVAL, SL_ERANGE, SL_EVERSION, SL_ENULL or SL_ENOMEM.
 * @param out receives the scenario's figures
 * @param opt the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or the negative code named above */
SL_API SL_WARN_UNUSED int sl_rto_compute(sl_rto_result *out, const sl_rto_options *opt,
                                         sl_error *err);

/* The purchase price by the rule after `months` months (formula above).
 * 0 or an error.
 * @param out receives the price
 * @param opt the options, read only
 * @param months months from the start
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_rto_price_at(sl_money *out, const sl_rto_options *opt, int months,
                                          sl_error *err);

/* base · (1+g)^y · (1 + g·m/12) for months = 12y + m, rounded once to the
 * krone half up (exact rational, GMP). base >= 0, g above -100 % (values may
 * fall), months 0 ..
 * SL_RTO_MAX_GROW_MONTHS. 0, SL_EINVAL or SL_ERANGE (the result is over int64).
 * @param out receives the grown amount
 * @param base the amount today (>= 0)
 * @param yearly the yearly growth g
 * @param months months, 0 .. SL_RTO_MAX_GROW_MONTHS
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_rto_grow(sl_money *out, sl_money base, sl_rate yearly, int months);

/* The option lapses: the household rents M months and does not buy
 * (docs/rent-to-own.md, "Not buying"). */
typedef struct sl_rto_lapse {
    sl_money rent_paid;       /* M × R */
    sl_money credit_earned;   /* the rent credit the purchase would have used */
    sl_money credit_paid_out; /* credit_earned with SL_LAPSE_CREDIT_PAID_OUT, else 0 */
    sl_money credit_lost;     /* credit_earned with SL_LAPSE_CREDIT_LOST, else 0 */
    sl_money savings;         /* the household's own savings, kept */
    sl_money option_value;    /* value − price at month M given up (0 when not known) */
    sl_money household_keeps; /* savings + credit paid out */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_rto_lapse;

/* What the household keeps and loses when the option lapses at the end of
 * the rent phase. 0 or the errors of sl_rto_compute.
 * @param out receives the figures at the lapse
 * @param opt the options, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or the errors of sl_rto_compute */
SL_API SL_WARN_UNUSED int sl_rto_lapse_compute(sl_rto_lapse *out, const sl_rto_options *opt,
                                               sl_error *err);

/* The phase a month of the timeline falls in. */
typedef enum sl_rto_phase {
    SL_RTO_PHASE_RENT = 0, /* leiefase */
    SL_RTO_PHASE_OWN = 1   /* eierfase */
} sl_rto_phase;

/* One month of the timeline. */
typedef struct sl_rto_row {
    int month;                /* 1-based from the first rent month */
    sl_date date;             /* start + month − 1 months (rent), the loan's due date (own) */
    sl_rto_phase phase;       /* renting or owning */
    sl_money housing_cost;    /* rent, or the loan payment incl. term fee */
    sl_money savings_balance; /* after this month's deposit; 0 after the purchase */
    sl_money loan_balance;    /* restgjeld after the month; 0 in the rent phase */
    sl_money grant_remaining; /* tilskudd not yet written down (0 in the rent phase) */
    int has_value;            /* 1 when value_growth is given */
    sl_money market_value;    /* P0 grown to the end of the month */
    sl_money equity;          /* rent: savings + credit so far + the option value when
                                 positive; own: value − loan − grant remaining (0 without
                                 value growth) */
    sl_money credit_balance;  /* rent: the credit earned so far (0 in the own phase) */
    sl_money option_value;    /* rent: market value − the price in force that month (may be
                                 negative; 0 without value growth) */
    int64_t reserved[SL_RESERVED_FIELDS - 2]; /* room for fields added later (docs/api.md) */
} sl_rto_row;

/* A rent-to-own timeline (opaque): sl_rto_timeline_new, _next, _free; one thread at a time. */
typedef struct sl_rto_timeline sl_rto_timeline;

/* Create a timeline handle for opt (copied). Free with sl_rto_timeline_free.
 * Every row is computed once here, so a timeline that would leave the limits
 * (a market value over int64 øre) fails now with SL_ERANGE naming the field
 * ("value_growth"), and sl_rto_timeline_next never fails later.
 * 0 or the errors of sl_rto_compute.
 * @param out receives the new timeline, owned by the caller (free with sl_rto_timeline_free)
 * @param opt the options, copied
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or the errors of sl_rto_compute */
SL_API SL_WARN_UNUSED int sl_rto_timeline_new(sl_rto_timeline **out, const sl_rto_options *opt,
                                              sl_error *err);
/* Next month: 1 (row filled), 0 (ended) or a negative code. The rent phase
 * has M rows, then one row per loan term (none without a loan).
 * @param tl the timeline
 * @param row receives the month
 * @return 1, 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_rto_timeline_next(sl_rto_timeline *tl, sl_rto_row *row);
/* The scenario's figures (valid until free).
 * @param tl the timeline
 * @return the figures, owned by the timeline */
SL_API const sl_rto_result *sl_rto_timeline_result(const sl_rto_timeline *tl);
/* Free a timeline. NULL is allowed.
 * @param tl the timeline to free; NULL is allowed */
SL_API void sl_rto_timeline_free(sl_rto_timeline *tl);

#ifdef __cplusplus
}
#endif

#endif
