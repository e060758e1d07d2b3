/* startlan: debt-service capacity (betjeningsevne): can a household carry a
 * start loan at a stressed rate, and how large a loan can it carry.
 *
 * The rule (Husbanken, "Beregne betjeningsevnen" and "Kalkulasjonsrente"):
 *
 *   living costs      = max(actual living costs, the state's guideline rate
 *                       for the household on the chosen date)   (guideline.h)
 *   available         = net income − living costs − other fixed costs
 *                       − maintenance                     (per month)
 *   stressed rate     = policy rate (styringsrente) + stress add-on
 *                       (2.5 percentage points by default)
 *   stressed payment  = the payment (interest + principal + term fee) of the
 *                       first amortising term (after any interest-only
 *                       terms: never an interest-only payment) of the plan
 *                       for the loan at the stressed rate, computed by the
 *                       plan engine (plan.h)
 *   per month         = stressed payment × terms per year / 12, rounded up
 *                       to the øre (exact for monthly terms)
 *   surplus           = available − co-financing payment − per month
 *                       (negative: a shortfall); the loan fits when >= 0.
 *
 * The co-financing bank loan (when a bank lends part of the price) enters as
 * its monthly payment, as the bank computed it under its own stress test:
 * the library does not know the bank's terms.
 *
 * The largest loan is the largest multiple of a step (1 000 kr by default)
 * whose stressed payment fits. It starts from the exact inverse of the first
 * payment (GMP rationals; the payment is linear in the principal apart from
 * rounding) and is then verified with the plan engine: the answer fits and
 * the answer plus one step does not.
 *
 * Thread-safety: pure functions of their arguments, safe from any thread;
 * a shared guideline table is only read. */
#ifndef STARTLAN_CAPACITY_H
#define STARTLAN_CAPACITY_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "guideline.h"
#include "money.h"
#include "plan.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The adults of a household, as the guideline rates distinguish them. */
typedef enum sl_adults {
    SL_ADULTS_SINGLE = 1,  /* enslig: one adult */
    SL_ADULTS_COUPLE = 2,  /* ektepar / samboere: two adults */
    SL_ADULTS_SHARING = 3  /* person i bofellesskap: one adult sharing a home */
} sl_adults;

/* Most children in one age band. */
#define SL_CAPACITY_MAX_CHILDREN 100

/* Where a net monthly income comes from (inntektskilde). */
typedef enum sl_income_kind {
    SL_INCOME_WAGES = 1,            /* lønn, netto */
    SL_INCOME_CHILD_BENEFIT,        /* barnetrygd */
    SL_INCOME_CASH_FOR_CARE,        /* kontantstøtte */
    SL_INCOME_CHILD_SUPPORT,        /* barnebidrag mottatt */
    SL_INCOME_TRANSITIONAL_BENEFIT, /* overgangsstønad */
    SL_INCOME_DISABILITY,           /* uføretrygd */
    SL_INCOME_WORK_ASSESSMENT,      /* arbeidsavklaringspenger (AAP) */
    SL_INCOME_INTRODUCTION,         /* introduksjonsstønad */
    SL_INCOME_PENSION,              /* pensjon */
    SL_INCOME_RENTAL,               /* leieinntekt: counted for at most 10 months a year */
    SL_INCOME_OTHER,                /* annen inntekt */
    SL_INCOME_HOUSING_ALLOWANCE     /* bostøtte (Husbanken counts a stable one as income) */
} sl_income_kind;

/* Which living costs the kommune uses (Husbanken's guide, "Vurdere
 * utgifter"); the guideline floor applies under each. */
typedef enum sl_living_costs_basis {
    SL_LIVING_COSTS_AUTO = 0,  /* actual when given (> 0), else the guideline */
    SL_LIVING_COSTS_GUIDELINE, /* the floor: guideline rate + energy, insurance, furniture */
    SL_LIVING_COSTS_ACTUAL,    /* max(actual, floor); actual required */
    SL_LIVING_COSTS_SIFO       /* SIFO's reference budget: not shipped (docs/capacity.md) */
} sl_living_costs_basis;

/* A credit or card limit (kredittramme) counts as a monthly payment of this
 * many percent of the limit, rounded up to the øre, as if drawn in full. */
#define SL_CREDIT_LIMIT_PERCENT 3

/* Rental income counts for this many months of twelve: the monthly rent
 * × 10 / 12, rounded down to the øre (a let room stands empty some months). */
#define SL_RENTAL_MONTHS_COUNTED 10

/* One net income per month, and until when it lasts. */
typedef struct sl_income_item {
    sl_income_kind kind; /* what the income is (rental income counts 10 months of 12) */
    sl_money amount; /* per month, after tax, 0 .. SL_PLAN_MAX_PRINCIPAL */
    sl_date until;   /* the first day without it (stønaden opphører); SL_DATE_NONE:
                        not given (lasts) */
} sl_income_item;

/* The short English name of a kind ("wages", "child-benefit", "cash-for-care",
 * "child-support", "transitional-benefit", "disability", "aap",
 * "introduction", "pension", "rental", "other", "housing-allowance"); NULL for
 * an unknown kind.
 * @param kind the kind
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_income_kind_name(sl_income_kind kind);
/* The kind for a name: the English names above or the Norwegian ones
 * ("lonn"/"lønn", "barnetrygd", "kontantstotte"/"kontantstøtte",
 * "barnebidrag", "overgangsstonad"/"overgangsstønad", "uforetrygd"/"uføretrygd",
 * "introduksjonsstonad"/"introduksjonsstønad", "pensjon", "leieinntekt",
 * "annet"), case-insensitive. 0 or SL_ESYNTAX for an unknown word, as every
 * word parser (err names field "kind").
 * @param out receives the kind
 * @param name the English or Norwegian name
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX (an unknown word; err names field "kind") or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_income_kind_parse(sl_income_kind *out, const char *name,
                                               sl_error *err);
/* What an income item adds to the monthly budget: the amount, or for rental
 * income amount × 10 / 12 rounded down to the øre.
 * @param item the income item, read only
 * @return the amount the budget counts, in øre */
SL_API sl_money sl_income_item_counted(const sl_income_item *item);

/* The version of sl_household this header declares (its `version` field). */
#define SL_HOUSEHOLD_VERSION 2

/* The household's monthly budget (husholdningsbudsjett), amounts per month,
 * each from 0 to SL_PLAN_MAX_PRINCIPAL. Initialise with SL_HOUSEHOLD_INIT.
 * Version 1 ended at actual_living_costs; a version-1 struct is read only
 * that far (the rest counts as 0). */
typedef struct sl_household {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_adults adults;             /* one or two adults */
    int children_0_5;             /* barn 0–5 år */
    int children_6_10;            /* barn 6–10 år */
    int children_11_17;           /* barn 11–17 år */
    sl_money income;              /* netto inntekt etter skatt per måned, not itemised
                                     (added to the income items) */
    sl_money fixed_costs;         /* andre faste utgifter without a line of their own
                                     (bidrag betalt, …) */
    sl_money maintenance;         /* vedlikehold of the home */
    sl_money actual_living_costs; /* faktiske levekostnader, including strøm, insurance
                                     and furniture; 0 when not known */
    /* version 2 */
    sl_money energy;              /* strøm og oppvarming */
    sl_money insurance;           /* bolig- og innboforsikring */
    sl_money furniture;           /* innbo og utstyr */
    sl_money common_costs;        /* felleskostnader */
    sl_money municipal_fees;      /* kommunale avgifter */
    sl_money other_debt_payments; /* other loans, studielån, kredittkort (see capacity.md) */
    sl_money childcare;           /* barnehage og SFO */
    sl_money transport;           /* transport the living costs do not cover (a car
                                     needed for work, …) */
    sl_money credit_limits;       /* unused credit and card limits, summed; counted as
                                     SL_CREDIT_LIMIT_PERCENT % a month */
    const sl_income_item *income_items; /* NULL or income_item_count items (caller owns) */
    size_t income_item_count;     /* at most SL_CAPACITY_MAX_INCOME_ITEMS */
    sl_living_costs_basis living_costs_basis; /* which living costs count */
} sl_household;

/* Most income items in a household. */
#define SL_CAPACITY_MAX_INCOME_ITEMS 64

/* Every field of sl_household at its default, as an initialiser. */
#define SL_HOUSEHOLD_INIT                                                                  \
    {SL_HOUSEHOLD_VERSION, SL_ADULTS_SINGLE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   \
     0, NULL, 0, SL_LIVING_COSTS_AUTO}

/* The household's side of the check: living costs and what is left. */
typedef struct sl_capacity_budget {
    sl_guideline_rates guideline;    /* the table in force on the date */
    sl_money guideline_adults;       /* the adults' rate */
    sl_money guideline_children;     /* the children's rates, summed */
    sl_money guideline_living_costs; /* adults + children (statens satser) */
    sl_money living_costs;           /* max(actual, floor) */
    sl_money available;              /* til disposisjon for bolig; may be negative */
    sl_money income;                 /* income + the income items counted on the date */
    sl_money living_costs_floor;     /* guideline + energy + insurance + furniture: the
                                        guideline rates leave these out */
    sl_money housing_costs;          /* common costs + municipal fees + maintenance */
    sl_money credit_limit_payment;   /* credit_limits × 3 %, rounded up */
    sl_money other_costs;            /* other debt + credit-limit payment + childcare
                                        + transport + fixed costs */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_capacity_budget;

/* Version 2: the plan's terms by pointer (loan) instead of by value. */
#define SL_CAPACITY_OPTIONS_VERSION 2
/* 2.5 percentage points. */
#define SL_CAPACITY_STRESS_ADD_DEFAULT {1, 40}
/* 1 000 kr. */
#define SL_CAPACITY_STEP_DEFAULT ((sl_money)100000)

/* How the loan is stressed. Initialise with SL_CAPACITY_OPTIONS_INIT. */
typedef struct sl_capacity_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    const sl_guideline_table *guidelines; /* NULL: the tables shipped with the library */
    sl_date date;                /* which guideline table (required) */
    sl_rate policy_rate;         /* styringsrente, 0 .. 100 % (required; 0 % allowed) */
    sl_rate stress_add;          /* påslag, >= 0; default 2.5 pp */
    const sl_loan_terms *loan;   /* the plan's terms, the caller's (read during the call);
                                    NULL: 30 years, monthly annuity, no interest-only
                                    terms, no fees. principal and nominal_rate are ignored:
                                    the library sets them to the loan and the stressed rate */
    sl_money cofinancing_payment; /* the co-financing bank loan's monthly payment, >= 0 */
    sl_money step;               /* the largest loan is a multiple of this (default 1 000 kr) */
} sl_capacity_options;

/* Every field of sl_capacity_options at its default, as an initialiser. */
#define SL_CAPACITY_OPTIONS_INIT                                                           \
    {SL_CAPACITY_OPTIONS_VERSION, NULL, SL_DATE_NONE, SL_RATE_ZERO,                        \
     SL_CAPACITY_STRESS_ADD_DEFAULT,                                                       \
     NULL, 0, SL_CAPACITY_STEP_DEFAULT}
/* The number of terms of the default plan (loan NULL): 30 years, monthly. */
#define SL_CAPACITY_DEFAULT_TERMS 360

/* Result of a check for one loan. */
typedef struct sl_capacity_result {
    sl_capacity_budget budget;    /* the household's budget on options->date */
    sl_money cofinancing_payment; /* as given */
    sl_money loan;                /* the start loan checked (0: none) */
    sl_rate stressed_rate;        /* policy rate + stress add-on */
    sl_money stressed_payment;    /* the first amortising term's terminbeløp at the
                                     stressed rate (0 without loan) */
    sl_money stressed_monthly;    /* the same per month: × terms per year / 12, rounded up */
    sl_money surplus;             /* overskudd (>= 0) or underskudd (< 0) per month */
    int fits;                     /* 1 when surplus >= 0 */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_capacity_result;

/* Set *household to SL_HOUSEHOLD_INIT (the same defaults as the macro). NULL is allowed.
 * @param household the struct to set; NULL is allowed */
SL_API void sl_household_init(sl_household *household);
/* Set *options to SL_CAPACITY_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_capacity_options_init(sl_capacity_options *options);

/* Validate a household; err names the first bad field ("adults",
 * "children_0_5", "income", "fixed_costs", "maintenance",
 * "actual_living_costs", "energy", "insurance", "furniture", "common_costs",
 * "municipal_fees", "other_debt_payments", "childcare", "transport",
 * "credit_limits", "living_costs_basis" (SIFO, or actual without actual
 * costs), "income_items"; for an item "income_items[i].kind" or
 * "income_items[i].amount"). 0, SL_EINVAL, SL_ERANGE or SL_EVERSION.
 * @param household the household, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL, SL_ERANGE or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_household_check(const sl_household *household, sl_error *err);

/* Validate options (fields "date", "policy_rate", "stress_add",
 * "cofinancing_payment", "step", or a loan-terms field as in
 * sl_loan_terms_check). 0 or a negative code.
 * @param options the options, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_capacity_options_check(const sl_capacity_options *options,
                                                    sl_error *err);

/* The household's budget on date:
 *   floor        = guideline rate + energy + insurance + furniture (the
 *                  guideline rates leave housing, strøm/oppvarming, insurance
 *                  and furniture out: Rundskriv A-3/2023)
 *   living costs = max(actual living costs, floor), or the floor alone with
 *                  SL_LIVING_COSTS_GUIDELINE (or AUTO without actual costs)
 *   available    = income counted on date − living costs − housing costs
 *                  − other costs.
 * An income item counts while date is before its until date; an item that
 * has already ended on date is an error (field "income_items[i].until").
 * table NULL: the shipped tables. Exact (sums of øre; rental income rounded
 * down). 0 or a negative code (err filled; a date before the first table is
 * SL_EINVAL with field "date").
 * @param out receives the budget
 * @param household the household, read only (not kept)
 * @param table the guideline tables, read only (not kept)
 * @param date the date the budget is for
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_capacity_budget_compute(sl_capacity_budget *out,
                                                     const sl_household *household,
                                                     const sl_guideline_table *table, sl_date date,
                                                     sl_error *err);

/* Check one start loan (0 .. SL_PLAN_MAX_PRINCIPAL; 0 = no loan, only the
 * budget and the co-financing payment). The stressed payment comes from the
 * plan engine's first amortising row; the per-month figure is rounded up to the øre.
 * 0 or a negative code (err filled; field "loan" for a bad amount).
 * @param out receives the budget, the stressed payment and whether it fits
 * @param household the household, read only (not kept)
 * @param loan the start loan, 0 .. SL_PLAN_MAX_PRINCIPAL
 * @param options the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_capacity_compute(sl_capacity_result *out,
                                              const sl_household *household, sl_money loan,
                                              const sl_capacity_options *options, sl_error *err);

/* The largest loan, a multiple of options->step, whose stressed payment
 * fits (0 when none does), capped at SL_PLAN_MAX_PRINCIPAL rounded down to
 * the step. at_max (may be NULL) receives the check for the answer and
 * one_step_more (may be NULL) the check for the answer plus one step, which
 * never fits unless the cap was reached. 0 or a negative code.
 * @param out receives the largest loan that fits
 * @param at_max receives the check at the answer, may be NULL
 * @param one_step_more receives the check one step above it, may be NULL
 * @param household the household, read only (not kept)
 * @param options the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_capacity_max_loan(sl_money *out, sl_capacity_result *at_max,
                                               sl_capacity_result *one_step_more,
                                               const sl_household *household,
                                               const sl_capacity_options *options, sl_error *err);

/* The budget again from the day an income ends (midlertidig inntekt). */
typedef struct sl_capacity_income_end {
    sl_date date;              /* the first day without one or more income items */
    sl_money income;           /* the income counted from that day */
    sl_capacity_result result; /* the check for the same loan from that day */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_capacity_income_end;

/* The check for loan again at each distinct date where an income item ends
 * (ascending): the same budget as on options->date (the same guideline
 * table, today's costs: no projection of prices) without the incomes ended
 * by then. out must have room for household->income_item_count entries;
 * *count receives the number filled (0 when no item ends). 0 or a negative
 * code, as sl_capacity_compute.
 * @param out the caller's array, room for household->income_item_count entries
 * @param count receives the number of entries filled
 * @param household the household, read only (not kept)
 * @param loan the start loan
 * @param options the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code, as sl_capacity_compute */
SL_API SL_WARN_UNUSED int sl_capacity_income_ends(sl_capacity_income_end *out, size_t *count,
                                                  const sl_household *household, sl_money loan,
                                                  const sl_capacity_options *options,
                                                  sl_error *err);

/* ---- After the check: the grant need and the comparison with renting ---- */

/* The grant need (tilskuddsbehov), as Husbanken's "lånebeløp og
 * tilskuddsbehov" calculator answers it:
 *   price + transaction costs − own funds − bank loan − largest start loan,
 * never below 0. Each amount 0 .. SL_PLAN_MAX_PRINCIPAL (fields "price",
 * "transaction_costs", "own_funds", "bank_loan", "largest_loan").
 * @param out receives the grant need, >= 0
 * @param price the purchase price
 * @param transaction_costs the costs of the purchase
 * @param own_funds egenkapital
 * @param bank_loan the bank's loan
 * @param largest_loan the largest start loan the household can carry
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL naming the field */
SL_API SL_WARN_UNUSED int sl_capacity_grant_need(sl_money *out, sl_money price,
                                                 sl_money transaction_costs, sl_money own_funds,
                                                 sl_money bank_loan, sl_money largest_loan,
                                                 sl_error *err);

/* The payment and interest of the first amortising term of the loan at
 * rate (not stressed): what the owner pays today. options->loan gives the
 * plan's terms. 0 or a negative code (fields "loan", "rate").
 * @param payment receives the first amortising payment
 * @param interest receives its interest
 * @param loan the loan
 * @param rate the nominal rate
 * @param options the options whose loan terms give the plan, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (fields "loan", "rate") */
SL_API SL_WARN_UNUSED int sl_capacity_payment_at(sl_money *payment, sl_money *interest,
                                                 sl_money loan, sl_rate rate,
                                                 const sl_capacity_options *options,
                                                 sl_error *err);

/* The tax deduction for interest on a home loan: 22 % (Skatteetaten,
 * alminnelig inntekt), rounded half up to the øre. */
#define SL_INTEREST_DEDUCTION_RATE {22, 100}

/* Renting today against owning (Husbanken's guide: compare with alternative
 * rents), per month. */
typedef struct sl_rent_comparison {
    sl_money rent;              /* today's rent (husleie) */
    sl_money allowance_renting; /* bostøtte received today */
    sl_money net_rent;          /* rent − allowance_renting */
    sl_money payment;           /* the loan's payment today */
    sl_money interest;          /* its interest */
    sl_money deduction;         /* 22 % of the interest, half up */
    sl_money other_costs;       /* felleskostnader, kommunale avgifter, vedlikehold */
    sl_money allowance_owning;  /* bostøtte estimated as owner (0 when none) */
    sl_money owner_net;         /* payment − deduction + other costs − allowance_owning */
    sl_money change;            /* owner_net − net_rent: more (+) or less (−) a month */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_rent_comparison;

/* Fill the comparison; every amount 0 .. SL_PLAN_MAX_PRINCIPAL, interest at
 * most the payment (fields "rent", "allowance_renting", "payment",
 * "interest", "other_costs", "allowance_owning"). Exact but for the one
 * rounding of the deduction.
 * @param out receives the comparison
 * @param rent today's monthly rent
 * @param allowance_renting bostøtte a month while renting
 * @param payment the loan's monthly payment
 * @param interest the interest in that payment
 * @param other_costs the owner's other monthly costs
 * @param allowance_owning bostøtte a month as owner
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL naming the field */
SL_API SL_WARN_UNUSED int sl_capacity_rent_comparison(sl_rent_comparison *out, sl_money rent,
                                                      sl_money allowance_renting, sl_money payment,
                                                      sl_money interest, sl_money other_costs,
                                                      sl_money allowance_owning, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
