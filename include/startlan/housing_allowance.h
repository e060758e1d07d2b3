/* startlan: an estimate of Husbanken's housing allowance (bostøtte), as the
 * kommune may count it as income in the capacity budget.
 *
 * The rule (bustøttelova § 6, forskrift om bustøtte §§ 1–4, 7 and 13):
 *
 *   weighted income  = gross yearly income / (1 + 0.13 per person after the
 *                      first), rounded to the nearest krone (§ 7)
 *   own share        = minimum own share
 *                      + p1 × (weighted income − threshold 1), when above it
 *                      + the progressive part, when above threshold 2:
 *                        p2 × (1 + ⌊(W − threshold 2 − 1) / step⌋) × W  (§ 4)
 *   approved costs   = the housing costs a year (+ the flat operating costs
 *                      for an owner without common costs, § 2 c), at most the
 *                      ceiling for the household size plus the kommune
 *                      group's addition (§ 3)
 *   allowance        = payout rate (73.7 %) × (approved − own share), per
 *                      month: / 12, rounded down to whole kroner; 0 below the
 *                      minimum payout (§ 1, § 13)
 *
 * Every figure (ceilings, own-share parameters, payout rate, minimum) is a
 * rule set the caller gives: Husbanken changes them every year and the
 * library ships none (docs/capacity.md says why). It is an estimate: the
 * income limits, wealth additions, young disabled and pensioner rules are
 * left out.
 *
 * Thread-safety: pure functions of their arguments, safe from any thread. */
#ifndef STARTLAN_HOUSING_ALLOWANCE_H
#define STARTLAN_HOUSING_ALLOWANCE_H

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Kommune groups for the ceiling (forskrift om bustøtte § 3). */
#define SL_KOMMUNE_GROUPS 4   /* 1 Oslo; 2 Bergen, Trondheim, Tromsø, Stavanger, Bærum;
                                 3 the kommuner listed in § 3 c; 4 the rest of the country */
/* Household sizes with a ceiling of their own (5: five or more persons). */
#define SL_ALLOWANCE_SIZES 5

/* The version of sl_housing_allowance_rules this header declares (its `version` field). */
#define SL_HOUSING_ALLOWANCE_RULES_VERSION 1

/* One period's rules, yearly amounts in øre. Initialise with
 * SL_HOUSING_ALLOWANCE_RULES_INIT, then fill every field (or parse a file). */
typedef struct sl_housing_allowance_rules {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_date valid_from;            /* first day the rules apply (required) */
    sl_date valid_until;           /* first day they no longer apply; SL_DATE_NONE: not
                                      given (open) */
    sl_rate payout_rate;           /* dekningsprosent, e.g. 73.7 % */
    sl_rate weight_other;          /* each person after the first, e.g. 0.13 */
    sl_money min_own_share;        /* minste egenandel a year */
    sl_money own_share_threshold;  /* weighted income above which p1 applies */
    sl_rate own_share_rate;        /* p1, e.g. 16.44 % */
    sl_money progressive_threshold; /* weighted income above which p2 applies */
    sl_rate progressive_rate;      /* p2, e.g. 0.27 % (and 0.27 points more a step) */
    sl_money progressive_step;     /* the step in weighted income, e.g. 1 205 kr */
    sl_money ceiling[SL_ALLOWANCE_SIZES];          /* boutgiftstak for 1..5+ persons */
    sl_money group_addition[SL_KOMMUNE_GROUPS];    /* added to the ceiling; group 4: 0 */
    sl_money owner_operating_costs; /* driftsutgifter for an owner without common costs */
    sl_money minimum_payout;       /* a month; less is not paid */
} sl_housing_allowance_rules;

/* Every field of sl_housing_allowance_rules at its default, as an initialiser. */
#define SL_HOUSING_ALLOWANCE_RULES_INIT                                                     \
    {SL_HOUSING_ALLOWANCE_RULES_VERSION, SL_DATE_NONE, SL_DATE_NONE, SL_RATE_ZERO,          \
     SL_RATE_ZERO, 0, 0, SL_RATE_ZERO, 0, SL_RATE_ZERO, 0, {0, 0, 0, 0, 0}, {0, 0, 0, 0}, 0, 0}

/* Set *rules to SL_HOUSING_ALLOWANCE_RULES_INIT (the same defaults as the macro). NULL is
 * allowed.
 * @param rules the struct to set; NULL is allowed */
SL_API void sl_housing_allowance_rules_init(sl_housing_allowance_rules *rules);

/* Parse a rule file: '#' starts a comment, every other line is "key value"
 * with the keys valid-from, valid-until (optional), payout-rate (percent),
 * weight-other (percent of the first person's weight, e.g. 13),
 * min-own-share, own-share-threshold, own-share-rate (percent),
 * progressive-threshold, progressive-rate (percent), progressive-step,
 * ceiling-1 … ceiling-5, group-1-addition … group-4-addition,
 * owner-operating-costs (kroner a year) and minimum-payout (kroner a month).
 * Every key but valid-until is required, each once. Lines end in LF, CRLF
 * or a CR alone (Excel for Mac); a UTF-8 byte-order mark at the start is
 * skipped. A bad line sets
 * err->line and names the key. 0, SL_ESYNTAX or SL_EINVAL.
 * @param out receives the rules
 * @param text the rule file's text, NUL-terminated (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX, SL_EINVAL or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_housing_allowance_rules_parse(sl_housing_allowance_rules *out,
                                                           const char *text, sl_error *err);

/* The version of sl_housing_allowance_input this header declares (its `version` field). */
#define SL_HOUSING_ALLOWANCE_INPUT_VERSION 1

/* The household and its housing costs. */
typedef struct sl_housing_allowance_input {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_date date;                /* the month estimated; must lie in the rules' period */
    int persons;                 /* everyone living there, 1 .. 100 */
    int kommune_group;           /* 1 .. 4 */
    sl_money gross_income_yearly; /* the household's gross income a year (children's
                                     income left out) */
    sl_money housing_costs_yearly; /* husleie, or felleskostnader + renter og avdrag,
                                      or renter og avdrag + kommunale avgifter +
                                      eiendomsskatt */
    int owner_without_common_costs; /* adds owner_operating_costs (§ 2 c) */
} sl_housing_allowance_input;

/* Every field of sl_housing_allowance_input at its default, as an initialiser. */
#define SL_HOUSING_ALLOWANCE_INPUT_INIT                                                     \
    {SL_HOUSING_ALLOWANCE_INPUT_VERSION, SL_DATE_NONE, 1, 4, 0, 0, 0}

/* Set *input to SL_HOUSING_ALLOWANCE_INPUT_INIT (the same defaults as the macro). NULL is
 * allowed.
 * @param input the struct to set; NULL is allowed */
SL_API void sl_housing_allowance_input_init(sl_housing_allowance_input *input);

/* The steps of the estimate, yearly unless named monthly. */
typedef struct sl_housing_allowance {
    sl_money weighted_income;  /* omregnet inntekt, whole kroner (in øre) */
    sl_money own_share;        /* egenandel, to the øre (half up) */
    sl_money costs;            /* housing costs + the owners' flat amount */
    sl_money ceiling;          /* boutgiftstak for the size and group */
    sl_money approved;         /* min(costs, ceiling) */
    sl_money basis;            /* max(0, approved − own share), to the øre */
    sl_money monthly;          /* the allowance a month, whole kroner; 0 below the minimum */
    int below_minimum;         /* 1 when a positive amount under the minimum payout was dropped */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_housing_allowance;

/* The estimate. 0 or a negative code (err names the field: "persons",
 * "kommune_group", "gross_income_yearly", "housing_costs_yearly", "date"
 * for a date outside the rules' period, or a rules field).
 * @param out receives the estimate and its steps
 * @param input the household and its housing, read only
 * @param rules the rules, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_housing_allowance_estimate(sl_housing_allowance *out,
                                                        const sl_housing_allowance_input *input,
                                                        const sl_housing_allowance_rules *rules,
                                                        sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
