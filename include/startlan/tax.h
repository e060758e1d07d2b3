/* startlan: an estimate of the income tax on wage income (skatt på
 * lønnsinntekt) for one person, from the year's published rules, and the
 * interest deduction (rentefradrag) on a loan's interest.
 *
 * The estimate (skatteloven; the year's Stortingets skattevedtak):
 *
 *   minimum deduction  minstefradrag = min(rate × gross, maximum)
 *   ordinary income    alminnelig inntekt = gross − minstefradrag
 *                      − personfradrag, at least 0
 *   ordinary tax       22 % × alminnelig inntekt
 *   social security    trygdeavgift = rate × gross, but 0 up to the lower
 *                      limit and at most 25 % (opptrappingssats) of the
 *                      gross above it
 *   bracket tax        trinnskatt = Σ rate_k × (part of gross in step k)
 *   net                gross − (ordinary tax + trygdeavgift + trinnskatt)
 *
 * Rounding: each of minstefradrag, ordinary tax, trygdeavgift and
 * trinnskatt (its steps summed exactly, then rounded once) is rounded to the
 * øre, half up; the monthly net is the yearly net / 12 rounded down to the
 * øre (never more than the year gives). It is an estimate: wage income
 * only, tax class 1, no other deductions (fagforening, foreldrefradrag,
 * reiser), no wealth tax, no Finnmark rules.
 *
 * The interest deduction is the ordinary rate (22 %) of the interest paid,
 * rounded half up to the øre.
 *
 * The rules for each year are data with their sources (sl_tax_rules_for_year;
 * docs/finance.md lists them); a caller may fill sl_tax_rules for another year.
 *
 * Thread-safety: pure functions of their arguments, safe from any thread. */
#ifndef STARTLAN_TAX_H
#define STARTLAN_TAX_H

#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Most steps of the bracket tax (trinnskatt has 5 since 2016). */
#define SL_TAX_MAX_STEPS 8

/* The version of sl_tax_rules this header declares (its `version` field). */
#define SL_TAX_RULES_VERSION 1

/* One income year's rules for wage income (satser for inntektsåret). */
typedef struct sl_tax_rules {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    int year;                       /* inntektsår */
    sl_rate ordinary_rate;          /* skatt på alminnelig inntekt (22 %) */
    sl_money personal_allowance;    /* personfradrag, klasse 1 */
    sl_rate minimum_deduction_rate; /* minstefradrag i lønn: sats */
    sl_money minimum_deduction_max; /* minstefradrag i lønn: øvre grense */
    sl_rate social_security_rate;   /* trygdeavgift på lønn */
    sl_money social_security_floor; /* nedre grense for trygdeavgift */
    sl_rate social_security_phase_in; /* opptrappingssats (25 %) */
    int steps;                      /* trinn in use, 1 .. SL_TAX_MAX_STEPS */
    sl_money step_from[SL_TAX_MAX_STEPS]; /* innslagspunkt, increasing */
    sl_rate step_rate[SL_TAX_MAX_STEPS];  /* sats */
    const char *source;             /* where the figures were read (static text) */
} sl_tax_rules;

/* Rules of the current version with every rate and amount 0 and no steps
 * (no tax at all): fill them in, or start from sl_tax_rules_for_year for a
 * shipped year. */
#define SL_TAX_RULES_INIT                                                                  \
    {SL_TAX_RULES_VERSION, 0, SL_RATE_ZERO, 0, SL_RATE_ZERO, 0, SL_RATE_ZERO, 0, SL_RATE_ZERO, \
     0, {0}, {SL_RATE_ZERO}, NULL}

/* The same as SL_TAX_RULES_INIT, for callers that cannot use the macro.
 * @param rules the struct to set; NULL is allowed */
SL_API void sl_tax_rules_init(sl_tax_rules *rules);

/* The rules of a year shipped with the library (2024, 2025, 2026).
 * SL_EINVAL (field "year") for a year without rules, naming the years known.
 * @param out receives the rules
 * @param year the income year
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_tax_rules_for_year(sl_tax_rules *out, int year, sl_error *err);
/* The first and last year with shipped rules.
 * @param first receives the first year, may be NULL
 * @param last receives the last year, may be NULL */
SL_API void sl_tax_years(int *first, int *last);

/* Validate rules (fields "ordinary_rate", "personal_allowance", …, "steps",
 * "step_from"). 0, SL_EINVAL or SL_EVERSION.
 * @param rules the rules, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_tax_rules_check(const sl_tax_rules *rules, sl_error *err);

/* The estimate's steps, for one person's yearly gross wage income. */
typedef struct sl_tax_estimate {
    int year;                      /* the income year of the rules */
    sl_money gross;                /* bruttolønn per år */
    sl_money minimum_deduction;    /* minstefradrag */
    sl_money personal_allowance;   /* personfradrag */
    sl_money ordinary_income;      /* alminnelig inntekt, >= 0 */
    sl_money ordinary_tax;         /* skatt på alminnelig inntekt */
    sl_money social_security;      /* trygdeavgift */
    sl_money bracket_tax;          /* trinnskatt (the steps summed, rounded once) */
    int steps;                     /* as in the rules */
    sl_money step_base[SL_TAX_MAX_STEPS]; /* the part of gross in each step */
    sl_money total_tax;            /* sum of the three taxes */
    sl_money net_yearly;           /* gross − total_tax */
    sl_money net_monthly;          /* net_yearly / 12, rounded down to the øre */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_tax_estimate;

/* The estimate for gross (0 .. 1 000 000 000 kr a year). 0, SL_EINVAL
 * (field "gross" or a rules field) or SL_ERANGE.
 * @param out receives the estimate and its steps
 * @param gross the gross yearly wage
 * @param rules the year's rules, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_tax_estimate_wage(sl_tax_estimate *out, sl_money gross,
                                               const sl_tax_rules *rules, sl_error *err);

/* Rentefradrag: the ordinary rate (22 %) of interest (>= 0), rounded half
 * up to the øre. 0, SL_EINVAL or SL_ERANGE.
 * @param out receives the deduction
 * @param interest the interest paid (>= 0)
 * @param rules the year's rules, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL or SL_ERANGE */
SL_API SL_WARN_UNUSED int sl_tax_interest_deduction(sl_money *out, sl_money interest,
                                                    const sl_tax_rules *rules, sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
