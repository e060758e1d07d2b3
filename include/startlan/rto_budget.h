/* startlan: the family's real monthly budget before and after the purchase
 * in leie til eie / leie før eie, and BSU (boligsparing for ungdom) in the
 * rent phase.
 *
 * Before (a month of the rent phase): rent + own saving + BSU deposits
 * − the BSU tax deduction (its monthly share) − bostøtte. The FDV and
 * kommunale avgifter the rent covered are shown beside it: the family does
 * not pay them while renting, and pays its own share of them after.
 * After (the first month of ownership): the loan payment + the owner's costs
 * (kommunale avgifter, maintenance, insurance, felleskostnader) − the
 * interest deduction (22 % of the term's interest, tax.h, the purchase
 * year's rules) − bostøtte. monthly_change = after − before.
 *
 * BSU (Skatteetaten, "Fradrag for boligsparing for ungdom"): deposits of at
 * most yearly_max a calendar year and total_max in all give a tax deduction
 * of `deduction` of the year's deposits; none for a year at whose end the
 * saver owns a home ("Det gis ikke fradrag når du pr. 31. desember i
 * inntektsåret helt eller delvis eier"), so none in the purchase year.
 * Rules by year, as published: 2021–2022 27 500 kr, 300 000 kr, 20 %;
 * 2023–2025 27 500 kr, 300 000 kr, 10 %. A later year uses the latest
 * published rules (sl_bsu_rules.published_year says which).
 *
 * Thread-safety: pure functions. */
#ifndef STARTLAN_RTO_BUDGET_H
#define STARTLAN_RTO_BUDGET_H

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* BSU (boligsparing for ungdom): the limits and the deduction of a year. */
typedef struct sl_bsu_rules {
    int year;            /* the year asked for */
    int published_year;  /* the year whose published rules these are */
    sl_money yearly_max; /* the most deposited a calendar year */
    sl_money total_max;  /* the most deposited in all */
    sl_rate deduction;   /* skattefradrag, a share of the year's deposits */
} sl_bsu_rules;

/* The rules for year (2021 .. 9999; a year after the last published uses
 * it). 0, SL_EINVAL (a year before 2021; err names "year"), SL_ENULL.
 * @param out receives the rules
 * @param year the year
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_bsu_rules_for_year(sl_bsu_rules *out, int year, sl_error *err);

/* Most calendar years a BSU plan covers (a 600-month rent phase spans 51). */
#define SL_BSU_MAX_YEARS 52

/* One calendar year of a BSU plan. */
typedef struct sl_bsu_year {
    int year;           /* the calendar year */
    sl_money deposits;  /* within yearly_max and what is left of total_max */
    sl_money deduction; /* deduction × deposits, rounded half up to the øre; 0 in the
                           purchase year */
} sl_bsu_year;

/* Monthly BSU deposits and their deductions, year by year. */
typedef struct sl_bsu_plan {
    int years;                      /* calendar years touched */
    sl_bsu_year by_year[SL_BSU_MAX_YEARS]; /* the first `years` entries are filled */
    sl_money deposits;              /* all deposits */
    sl_money deduction;             /* all deductions */
    sl_money monthly_deduction;     /* the first year's deduction rule on a whole year of
                                       the monthly deposit, / 12, rounded half up: the
                                       budget's monthly figure */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_bsu_plan;

/* Deposit `monthly` on the first of each of `months` months from `start`
 * (a deposit that would pass the year's or the total limit is cut to it),
 * with `balance` (0 .. total_max) already deposited. purchase: 1 when the
 * home is bought in the month after the last (no deduction that year).
 * 0, SL_EINVAL (fields "monthly", "months", "start", "balance"), SL_ENULL.
 * @param out receives the plan
 * @param monthly the monthly deposit
 * @param balance the amount already deposited
 * @param start the first month
 * @param months the number of months
 * @param purchase 1 when the home is bought in the month after the last, else 0
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_bsu_plan_compute(sl_bsu_plan *out, sl_money monthly, sl_money balance,
                                              sl_date start, int months, int purchase,
                                              sl_error *err);

/* The version of sl_rto_budget_options this header declares (its `version` field). */
#define SL_RTO_BUDGET_VERSION 1

/* One month before and one after. Amounts a month, 0 .. INT64_MAX / 16 øre (any loan
 * payment the plan engine gives). */
typedef struct sl_rto_budget_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    /* before */
    sl_money rent;             /* the rent (the last of the rent phase) */
    sl_money saving;           /* own saving a month */
    sl_money bsu;              /* BSU deposits a month */
    sl_money bsu_deduction;    /* its deduction a month (sl_bsu_plan.monthly_deduction) */
    sl_money rent_covers;      /* FDV and kommunale avgifter the rent covered (shown) */
    sl_money allowance_before; /* bostøtte while renting */
    /* after */
    sl_money payment;          /* the loan's first payment (all loans) */
    sl_money interest;         /* its interest, <= payment */
    sl_money owner_costs;      /* kommunale avgifter, maintenance, insurance, felleskostnader */
    sl_money allowance_after;  /* bostøtte as owner */
    int tax_year;              /* the interest deduction's rules (tax.h; nearest year) */
} sl_rto_budget_options;

/* Every field of sl_rto_budget_options at its default, as an initialiser. */
#define SL_RTO_BUDGET_OPTIONS_INIT {SL_RTO_BUDGET_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Set *options to SL_RTO_BUDGET_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_rto_budget_options_init(sl_rto_budget_options *options);

/* The family's month before (renting) and after (owning). */
typedef struct sl_rto_budget {
    sl_money before;             /* rent + saving + bsu − bsu_deduction − allowance_before */
    sl_money interest_deduction; /* rentefradrag a month */
    int tax_year;                /* the rules used */
    sl_money after;              /* payment + owner_costs − interest_deduction
                                    − allowance_after */
    sl_money monthly_change;     /* after − before */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_rto_budget;

/* 0, SL_EINVAL or SL_ERANGE naming the field, SL_EVERSION, SL_ENULL.
 * @param out receives the budget before and after
 * @param options the options, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ERANGE naming the field, SL_EVERSION or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_rto_budget_compute(sl_rto_budget *out,
                                                const sl_rto_budget_options *options,
                                                sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
