/* startlan: a home purchase financed by a bank loan and a startlån, in one
 * composition: sources and uses (kilder og bruk), each loan's payments from
 * the plan engine, the monthly cost after the interest deduction, the
 * capacity check over both loans at stressed rates, and the largest price.
 *
 * The rules (docs/finance.md has the worked family):
 *
 *   dokumentavgift     2.5 % of the price for selveier, rounded to the
 *                      krone half up; none for borettslag and aksje
 *   tinglysing         registration_fee × documents; the fee by date
 *                      (500 kr from 2024, 545 kr from 2025, Kartverket);
 *                      documents default: one transfer (not for aksje) and
 *                      one mortgage deed per loan and for a grant
 *   total need         price + dokumentavgift + tinglysing + the loans'
 *                      establishment fees (paid out of the payouts)
 *   bank loan          bank_share × price rounded down to the krone, or
 *                      the amount given; with establishment_fee_financed its
 *                      fee is added to it (lånebeløp = amount + fee)
 *   startlån           the amount given, or what remains: total need − own
 *                      funds − bank loan − grant
 *   identity           own funds + bank loan + startlån + grant = total need,
 *                      to the øre (anything else is an error naming the
 *                      options)
 *   first payment      each loan's first term from the plan engine (monthly
 *                      loans); total = both + felleskostnader
 *   typical payment    the second term (the first after a broken period)
 *   after deduction    first payment total − 22 % of both loans' first-term
 *                      interest (rentefradrag, the date's tax year), each
 *                      rounded half up to the øre
 *   stress             bank: max(bank rate + bank_stress_add (3 points,
 *                      utlånsforskriften § 5), bank_stress_min); startlån:
 *                      policy rate + start_stress_add (2.5 points,
 *                      Husbanken's kalkulasjonsrente, the kommune's margin
 *                      included); each loan's first amortising payment at its
 *                      stressed rate (capacity.h)
 *   surplus            available − felleskostnader − stressed bank payment
 *                      − stressed startlån payment
 *
 * Thread-safety: pure functions of their arguments, safe from any thread. */
#ifndef STARTLAN_FINANCE_H
#define STARTLAN_FINANCE_H

#include "capacity.h"
#include "date.h"
#include "error.h"
#include "export.h"
#include "guideline.h"
#include "money.h"
#include "plan.h"
#include "rate.h"
#include "tax.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Eierform. */
typedef enum sl_tenure {
    SL_TENURE_SELVEIER = 0,   /* freehold: dokumentavgift */
    SL_TENURE_BORETTSLAG = 1, /* housing co-op share: no dokumentavgift */
    SL_TENURE_AKSJE = 2       /* aksjeleilighet: shares, no dokumentavgift, no transfer deed */
} sl_tenure;

/* Text → tenure, ASCII letters without case, like the other enum parsers
 * (sl_day_count_parse): "selveier", "borettslag" (also "obos", "andel"),
 * "aksje".
 * @param out receives the tenure (untouched on error)
 * @param text the word, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_tenure_parse(sl_tenure *out, const char *text);
/* The first word sl_tenure_parse reads for a tenure ("selveier", …).
 * @param tenure the tenure
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_tenure_name(sl_tenure tenure);

/* Kartverket's tinglysingsgebyr per document on date: 500 kr from
 * 2024-01-01, 545 kr from 2025-01-01. SL_EINVAL (field "registration_fee")
 * before 2024: give the fee.
 * @param out receives the fee per document
 * @param date the date of registration
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_registration_fee_on(sl_money *out, sl_date date, sl_error *err);

/* The version of sl_finance_options this header declares (its `version` field). */
#define SL_FINANCE_OPTIONS_VERSION 1
/* 3 points (utlånsforskriften § 5, from 2023). */
#define SL_FINANCE_BANK_STRESS_ADD_DEFAULT {3, 100}
/* 10 000 kr. */
#define SL_FINANCE_PRICE_STEP_DEFAULT ((sl_money)1000000)

/* The purchase and its financing. Initialise with SL_FINANCE_OPTIONS_INIT.
 * Amounts >= 0 and at most SL_PLAN_MAX_PRINCIPAL. */
typedef struct sl_finance_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money price;               /* kjøpesum (borettslag: without the common debt) */
    sl_tenure tenure;             /* eierform: selveier pays dokumentavgift */
    sl_money common_debt;         /* andel fellesgjeld: shown, serviced by felleskostnader */
    sl_money common_costs;        /* felleskostnader per month */
    sl_money own_funds;           /* egenkapital */
    sl_money grant;               /* tilskudd */
    sl_date date;                 /* kjøpsdato (required): fee and tax year */
    const sl_loan_terms *bank;    /* NULL: no bank loan. Its principal is the amount unless
                                     bank_share is given; monthly terms */
    sl_rate bank_share;           /* of the price; SL_RATE_NONE: not given */
    const sl_loan_terms *start;   /* NULL: no startlån. principal 0 = the remainder;
                                     nominal_rate is Husbanken's rate, margin the kommune's */
    sl_money registration_fee;    /* per document; -1: not given (by date) */
    int documents;                /* -1: not given (the default count) */
    int establishment_fee_financed; /* 1: the bank's establishment fee is added to its
                                       loan instead of deducted from its payout (the
                                       startlån, the remainder, covers its own fee either way) */
    /* capacity (all optional; household NULL = no check) */
    const sl_household *household;
    const sl_guideline_table *guidelines; /* NULL: the shipped tables */
    sl_rate policy_rate;          /* styringsrente; required with a household and a startlån */
    sl_rate start_stress_add;     /* 2.5 points */
    sl_rate bank_stress_add;      /* 3 points */
    sl_rate bank_stress_min;      /* lowest stressed bank rate (0: none) */
    const sl_tax_rules *tax;      /* NULL: the shipped rules of the date's year (nearest) */
} sl_finance_options;

/* Every field of sl_finance_options at its default, as an initialiser. */
#define SL_FINANCE_OPTIONS_INIT                                                            \
    {SL_FINANCE_OPTIONS_VERSION, 0, SL_TENURE_SELVEIER, 0, 0, 0, 0, SL_DATE_NONE, NULL,     \
     SL_RATE_NONE, NULL, -1, -1, 0, NULL, NULL, SL_RATE_ZERO, SL_CAPACITY_STRESS_ADD_DEFAULT,     \
     SL_FINANCE_BANK_STRESS_ADD_DEFAULT, SL_RATE_ZERO, NULL}

/* Set *options to SL_FINANCE_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_finance_options_init(sl_finance_options *options);

/* Everything one run answers; amounts in øre. */
typedef struct sl_finance_result {
    /* bruk (uses) */
    sl_money price;               /* kjøpesum */
    sl_money common_debt;         /* andel fellesgjeld, as given */
    sl_money document_tax;        /* dokumentavgift */
    sl_money registration_fee;    /* per document */
    int documents;                /* documents registered (deed and each mortgage) */
    sl_money registration_fees;   /* tinglysing */
    sl_money transaction_costs;   /* document_tax + registration_fees */
    sl_money establishment_fees;  /* both loans' etableringsgebyr */
    sl_money total_need;          /* price + transaction_costs + establishment_fees */
    /* kilder (sources) */
    sl_money own_funds;           /* egenkapital */
    sl_money bank_loan;           /* the bank's loan */
    sl_money start_loan;          /* startlån: the remainder of the need */
    sl_money grant;               /* tilskudd */
    /* payments per month */
    sl_money first_payment_bank;   /* term 1 of the bank's plan */
    sl_money first_payment_start_loan; /* term 1 of the startlån's plan */
    sl_money common_costs;         /* felleskostnader */
    sl_money first_payment_total;  /* both loans + felleskostnader */
    sl_money typical_payment_bank; /* term 2 of the bank's plan (term 1 may be broken) */
    sl_money typical_payment_start_loan; /* term 2 of the startlån's plan */
    sl_money typical_payment_total; /* both loans + felleskostnader */
    sl_money first_interest_total; /* both loans' first-term interest */
    int tax_year;                  /* the rules used for the deduction */
    sl_money tax_deduction_first_month; /* 22 % of first_interest_total */
    sl_money monthly_after_tax_deduction; /* first_payment_total − the deduction */
    sl_money first_year_interest;  /* both loans' first 12 terms */
    sl_money tax_deduction_first_year; /* 22 % of first_year_interest */
    /* capacity (have_capacity = 0 without a household) */
    int have_capacity;
    sl_capacity_budget budget;     /* the household's budget (sl-capacity's) */
    sl_money available;            /* left for housing a month (budget.available) */
    sl_rate bank_stressed_rate;    /* the bank loan's rate + the stress add */
    sl_rate start_stressed_rate;   /* the policy rate + the startlån's stress add */
    sl_money stressed_payment_bank; /* the bank loan's payment at its stressed rate */
    sl_money stressed_payment_start_loan; /* the startlån's at its stressed rate */
    sl_money stressed_payment_total; /* both loans, per month */
    sl_money surplus;                /* available − common costs − stressed total */
    int fits;                        /* 1: the household carries both loans stressed */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_finance_result;

/* Compute the purchase. Inconsistent financing (sources above or below the
 * need, a bank share over 100 %, a bank loan above the price, a negative
 * remainder for the startlån) is SL_EINVAL with the field named
 * ("own_funds", "bank_share", "bank", "start", "grant", …). 0 or a negative
 * code.
 * @param out receives the purchase's figures
 * @param options the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_finance_compute(sl_finance_result *out,
                                             const sl_finance_options *options, sl_error *err);

/* The largest price, a multiple of step (>= 1 øre), whose financing is
 * consistent and fits the household at the stressed rates, with the
 * options' own funds, grant, bank share (or amount) and terms, the startlån
 * covering the remainder. Found with the engine: the answer fits and the
 * answer plus one step does not (at_max and one_step_more, may be NULL).
 * 0 when none fits. Needs a household and the startlån as the remainder.
 * 0 or a negative code.
 * @param out receives the largest price that fits
 * @param at_max receives the purchase at the answer, may be NULL
 * @param one_step_more receives it one step above, may be NULL
 * @param options the options, read only (not kept); its price is ignored
 * @param step the step of the price (>= 1 øre)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_finance_max_price(sl_money *out, sl_finance_result *at_max,
                                               sl_finance_result *one_step_more,
                                               const sl_finance_options *options, sl_money step,
                                               sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
