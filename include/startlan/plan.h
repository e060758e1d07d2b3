/* startlan: the loan contract (lånevilkår) and the plan engine that turns it
 * into a payment plan (nedbetalingsplan), one term at a time.
 *
 * Conventions (the same text is in README.md):
 *  1. Interest for a term = opening balance × nominal rate / terms per year,
 *     rounded to the øre, half up.
 *  2. Annuity (annuitetslån): the level payment (interest + principal, fee
 *     excluded) is the exact annuity of the balance over the amortising terms,
 *     P·r / (1 − (1+r)^−n), an exact rational rounded once to the payment unit
 *     (øre by default, whole kroner optional) by the policy's mode;
 *     principal = payment − interest (never below 0 nor above the balance).
 *  3. Serial (serielån): principal per amortising term = balance / amortising
 *     terms, rounded to the øre, half up; the same every term.
 *  4. Interest-only terms (avdragsfrihet) come first and pay only interest and
 *     fee; amortisation runs over the remaining terms.
 *  5. The last term's principal is whatever balance remains, so the balance
 *     ends at exactly 0. (If rounding the payment up makes the balance reach 0
 *     earlier, the plan ends at that term.)
 *  6. The term fee (termingebyr) is added to each term's payment; the
 *     establishment fee (etableringsgebyr) is paid at payout and counted in
 *     the totals, not in any term.
 *  7. A 0 % rate works: the annuity is balance / n with the same rounding.
 *  Due dates (with a payout date) fall every 12 / terms-per-year months after
 *  payout on the payout's day of month, clamped to the month's end.
 *
 * Thread-safety: a plan handle may be used by one thread at a time; separate
 * handles are independent. The library keeps no global state. */
#ifndef STARTLAN_PLAN_H
#define STARTLAN_PLAN_H

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum sl_loan_type {
    SL_LOAN_ANNUITY = 0, /* annuitetslån: level payment */
    SL_LOAN_SERIAL = 1   /* serielån: level principal */
} sl_loan_type;

/* Largest principal the engine accepts: 1 000 000 000 000.00 kr. Every total
 * of a valid contract then fits in int64 øre. */
#define SL_PLAN_MAX_PRINCIPAL ((sl_money)100000000000000LL)
/* Longest loan: 50 years (Husbanken's special cases). */
#define SL_PLAN_MAX_YEARS 50
/* Largest rate denominator accepted in a contract (any typed percent fits). */
#define SL_PLAN_MAX_RATE_DENOMINATOR ((int64_t)1000000000000000LL)

#define SL_LOAN_TERMS_VERSION 1

/* The contract. Initialise with SL_LOAN_TERMS_INIT (or sl_loan_terms_init)
 * and set the fields; the library reads only fields known to `version`. */
typedef struct sl_loan_terms {
    unsigned version;
    sl_money principal;           /* lånebeløp: 1 øre .. SL_PLAN_MAX_PRINCIPAL */
    sl_rate nominal_rate;         /* nominell årsrente: 0 .. 1 (0 .. 100 %) */
    int terms;                    /* antall terminer: 1 .. 50 years' worth */
    int terms_per_year;           /* terminer per år: 12, 4, 2 or 1 */
    sl_loan_type type;            /* annuitet or serie */
    int interest_only_terms;      /* avdragsfrie terminer at the start: 0 .. terms − 1 */
    sl_money term_fee;            /* termingebyr per term, >= 0 */
    sl_money establishment_fee;   /* etableringsgebyr at payout, >= 0 */
    sl_rounding payment_rounding; /* rounding of the annuity level payment */
    sl_date payout_date;          /* utbetalingsdato; SL_DATE_NONE for none */
} sl_loan_terms;

#define SL_LOAN_TERMS_INIT                                                                 \
    {SL_LOAN_TERMS_VERSION, 0, SL_RATE_ZERO, 0, 12, SL_LOAN_ANNUITY, 0, 0, 0,              \
     SL_ROUNDING_DEFAULT, SL_DATE_NONE}

SL_API void sl_loan_terms_init(sl_loan_terms *terms);

/* Validate a contract; err names the first field that is wrong and why.
 * 0, SL_EINVAL, SL_ERANGE or SL_EVERSION. */
SL_API SL_WARN_UNUSED int sl_loan_terms_check(const sl_loan_terms *terms, sl_error *err);

/* What happened in a term (bit flags in sl_plan_row.events). */
enum {
    SL_EVENT_INTEREST_ONLY = 1u << 0, /* avdragsfri termin */
    SL_EVENT_AMORTISED = 1u << 1,     /* the level payment or instalment was (re)computed here */
    SL_EVENT_LAST = 1u << 2           /* the term that clears the balance */
};

/* One term (termin) of the plan. payment = interest + principal + fee and
 * closing_balance = opening_balance − principal, always. */
typedef struct sl_plan_row {
    int term;                 /* 1-based */
    sl_date due_date;         /* forfallsdato; SL_DATE_NONE without payout date */
    int days;                 /* days since the previous due date (or payout); 0 without dates */
    sl_rate rate;             /* nominal annual rate applied */
    sl_money opening_balance; /* restgjeld før */
    sl_money interest;        /* renter */
    sl_money principal;       /* avdrag */
    sl_money fee;             /* termingebyr */
    sl_money payment;         /* terminbeløp */
    sl_money closing_balance; /* restgjeld etter */
    unsigned events;          /* SL_EVENT_* */
} sl_plan_row;

/* Sums over the rows produced so far (and the establishment fee). */
typedef struct sl_plan_totals {
    int terms;                  /* rows produced */
    sl_money interest;          /* sum of interest */
    sl_money principal;         /* sum of principal */
    sl_money term_fees;         /* sum of term fees */
    sl_money establishment_fee; /* paid at payout */
    sl_money fees;              /* term_fees + establishment_fee */
    sl_money paid;              /* interest + principal + fees */
} sl_plan_totals;

typedef struct sl_plan sl_plan;

/* Validate terms and create a plan positioned before term 1. The plan keeps
 * its own copy of terms. Free with sl_plan_free.
 * 0, SL_ENOMEM or a validation error (err filled). */
SL_API SL_WARN_UNUSED int sl_plan_new(sl_plan **out, const sl_loan_terms *terms, sl_error *err);

/* Free a plan. NULL is allowed. */
SL_API void sl_plan_free(sl_plan *plan);

/* Compute the next term into row. Returns 1 (row filled), 0 (the plan has
 * ended; row untouched) or a negative code. */
SL_API SL_WARN_UNUSED int sl_plan_next(sl_plan *plan, sl_plan_row *row);

/* Go back to before term 1 (totals reset). */
SL_API void sl_plan_rewind(sl_plan *plan);

/* Totals of the rows produced so far. */
SL_API void sl_plan_totals_so_far(const sl_plan *plan, sl_plan_totals *out);

/* Walk every remaining row and give the totals of the whole plan.
 * 0 or a negative code. */
SL_API SL_WARN_UNUSED int sl_plan_finish(sl_plan *plan, sl_plan_totals *out);

/* The validated contract the plan runs. */
SL_API const sl_loan_terms *sl_plan_terms(const sl_plan *plan);

/* Convenience: the totals of the whole plan for terms (no handle kept). */
SL_API SL_WARN_UNUSED int sl_plan_totals_for(sl_plan_totals *out, const sl_loan_terms *terms,
                                             sl_error *err);

/* Parse "annuity" / "serial" (also "annuitet", "serie"). 0 or SL_ESYNTAX. */
SL_API SL_WARN_UNUSED int sl_loan_type_parse(sl_loan_type *out, const char *text);
SL_API const char *sl_loan_type_name(sl_loan_type type);

#ifdef __cplusplus
}
#endif

#endif
