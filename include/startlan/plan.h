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
 * Version 2 of the contract adds a real startlån's life; with none of it in
 * use the plan is the one above, to the øre. (docs/contracts.md has each rule
 * with a worked example.)
 *  8. Due day (forfallsdag) and first due date: with due_day D the first due
 *     date is the first day D on or after payout + one period; later due
 *     dates are every period after it on day D. A first period that is not
 *     exactly one period long (brutt termin) is charged by actual days,
 *     ACT/365: balance × rate × days / 365; an annuity's principal in it is
 *     that of an equal period (payment − balance × rate / terms per year),
 *     so the extra interest days raise the first payment. Regular terms use
 *     equal periods (rate / terms per year) or, with SL_DAY_COUNT_ACT365,
 *     actual days (the payment holds, the principal takes the difference).
 *  9. Term interest is the sum of its day-pieces (a piece ends where the
 *     rate changes or an extra payment lowers the balance), one exact
 *     rational rounded once to the øre, half up. A piece of d days weighs
 *     d / 365 under ACT/365 (broken first period, a term cut short by full
 *     repayment, SL_DAY_COUNT_ACT365) and d / (days in the term × terms per
 *     year) in an equal-period term, so an unsplit term is convention 1.
 *  10. A rate change on date X applies to the days from X on; one on a due
 *     date therefore applies from the next term. The rate in force at the
 *     start of a term is the one the annuity uses; when it differs from the
 *     rate of the current level payment, the annuity is recomputed for the
 *     balance over the remaining amortising terms (the end date holds); with
 *     rate_change_keeps_payment the payment holds and the last term moves to
 *     the first by which it clears the balance (the annuity is recomputed
 *     only if it cannot within 50 years of terms). Serial loans keep their
 *     instalment. The kommune's margin is added to every nominal rate
 *     (floating and fixed).
 *  11. A fixed-rate period (fastrente) replaces the floating rate from its
 *     start date for 3, 5, 10 or 20 years; then the floating path resumes.
 *  12. Interest-only windows (avdragsfrihet) may lie anywhere; amortisation
 *     is recomputed after a window. By default the end date holds;
 *     interest_only_moves_end adds the windows' terms to the loan instead.
 *  13. An extra payment (ekstraordinær innbetaling) lowers the balance on its
 *     date; it is part of that term's principal and payment. By default the
 *     payment is recomputed from the next term (end date holds); `shorten`
 *     keeps the payment and moves the last term to the first one by which
 *     the kept payment clears the balance.
 *  14. Full early repayment on a date: the term containing it ends on that
 *     date (interest by ACT/365 if it is not a due date), pays the whole
 *     balance and the term fee; sl_plan_settlement gives the amount,
 *     including over-/underkurs when the date lies in a fixed period
 *     (see breakcost.h).
 *
 * Thread-safety: a plan handle may be used by one thread at a time; separate
 * handles are independent. The library keeps no global state. */
#ifndef STARTLAN_PLAN_H
#define STARTLAN_PLAN_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "rate.h"
#include "rounding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How the loan is paid down. */
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

/* The version of sl_loan_terms this header declares (its `version` field). */
#define SL_LOAN_TERMS_VERSION 2

/* Day count of regular terms (rentedager). The broken first period and a
 * term cut short by full repayment are always ACT/365. */
typedef enum sl_day_count {
    SL_DAY_COUNT_EQUAL = 0, /* rate / terms per year each term (default) */
    SL_DAY_COUNT_ACT365 = 1 /* balance × rate × actual days / 365 */
} sl_day_count;

/* Who borrows: half-yearly terms are for kommuner and borettslag only. */
typedef enum sl_borrower {
    SL_BORROWER_HOUSEHOLD = 0, /* privat husstand (default) */
    SL_BORROWER_KOMMUNE = 1,
    SL_BORROWER_BORETTSLAG = 2
} sl_borrower;

/* A change of the floating rate (renteendring): Husbanken's rate from `date`
 * on, before the kommune's margin. */
typedef struct sl_rate_change {
    sl_date date; /* the first day of the new rate */
    sl_rate rate; /* the new nominal rate, before the margin */
} sl_rate_change;

/* An extra payment (ekstraordinær innbetaling) of `amount` on `date`.
 * shorten = 0: keep the end date, lower the payment; 1: keep the payment. */
typedef struct sl_extra_payment {
    sl_date date;    /* the day it is paid */
    sl_money amount; /* > 0 */
    int shorten;     /* 0: lower the payment; 1: keep it, shorten the loan */
} sl_extra_payment;

/* An interest-only window (avdragsfrihet): `terms` terms from term `from_term`
 * (1-based term numbers of the plan). */
typedef struct sl_interest_only_window {
    int from_term; /* the first term without principal, 1-based */
    int terms;     /* the number of terms, >= 1 */
} sl_interest_only_window;

/* A fixed-rate period (fastrente): `rate` (Husbanken's fixed rate, before the
 * margin) for `years` (3, 5, 10 or 20; 0 = none) from `from`
 * (SL_DATE_NONE: not given, the payout date). */
typedef struct sl_fixed_period {
    int years;    /* 3, 5, 10 or 20; 0 = none */
    sl_rate rate; /* the fixed rate, before the margin */
    sl_date from; /* the first day; SL_DATE_NONE: the payout date */
} sl_fixed_period;

/* No fixed-rate period. */
#define SL_FIXED_PERIOD_NONE {0, SL_RATE_ZERO, SL_DATE_NONE}

/* The contract. Initialise with SL_LOAN_TERMS_INIT (or sl_loan_terms_init)
 * and set the fields; the library reads only fields known to `version`. */
typedef struct sl_loan_terms {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money principal;           /* lånebeløp: 1 øre .. SL_PLAN_MAX_PRINCIPAL */
    sl_rate nominal_rate;         /* nominell årsrente: 0 .. 1 (0 .. 100 %) */
    int terms;                    /* antall terminer: 1 .. 50 years' worth */
    int terms_per_year;           /* terminer per år: 12, 4, 2 or 1 */
    sl_loan_type type;            /* annuitet or serie */
    int interest_only_terms;      /* avdragsfrie terminer at the start: 0 .. terms − 1 */
    sl_money term_fee;            /* termingebyr per term, >= 0 */
    sl_money establishment_fee;   /* etableringsgebyr at payout, >= 0 */
    sl_rounding payment_rounding; /* rounding of the annuity level payment */
    sl_date payout_date;          /* utbetalingsdato; SL_DATE_NONE: not given */
    /* ---- version 2. Every date-based field needs payout_date. The arrays
     * are the caller's; sl_plan_new copies them (they may be freed after). */
    int due_day;                  /* forfallsdag 1..28; 0 = the payout's day of month */
    sl_date first_due_date;       /* første forfall; SL_DATE_NONE: not given (derived,
                                     convention 8) */
    sl_day_count day_count;       /* regular terms: equal (default) or ACT/365 */
    const sl_rate_change *rate_changes; /* floating-rate changes, any order */
    size_t rate_change_count;     /* entries in rate_changes */
    sl_fixed_period fixed;        /* fastrenteperiode; years 0 = none */
    const sl_interest_only_window *interest_only_windows; /* besides interest_only_terms */
    size_t interest_only_window_count; /* entries in interest_only_windows */
    int interest_only_moves_end;  /* 0: end date holds (default); 1: windows lengthen the loan */
    const sl_extra_payment *extra_payments; /* any order */
    size_t extra_payment_count;   /* entries in extra_payments */
    sl_date repay_date;           /* innfrielse (full early repayment); SL_DATE_NONE: not given */
    sl_rate market_rate;          /* current rate for the remaining fixed period, for
                                     over-/underkurs on repayment; SL_RATE_NONE: not given */
    sl_rate margin;               /* kommunens påslag, added to every nominal rate */
    int special_case;             /* særlige tilfeller (§ 8-5): over 30 years allowed */
    sl_borrower borrower;         /* for the half-yearly rule */
    int rate_change_keeps_payment; /* 0: a rate change recomputes the annuity, the end date
                                      holds (default); 1: the payment holds and the number
                                      of terms follows (at most 50 years from payout) */
} sl_loan_terms;

/* A contract with every field at its default and `n` terms. */
#define SL_LOAN_TERMS_INIT_WITH_TERMS(n)                                                   \
    {SL_LOAN_TERMS_VERSION, 0, SL_RATE_ZERO, (n), 12, SL_LOAN_ANNUITY, 0, 0, 0,            \
     SL_ROUNDING_DEFAULT, SL_DATE_NONE, 0, SL_DATE_NONE, SL_DAY_COUNT_EQUAL, NULL, 0,      \
     SL_FIXED_PERIOD_NONE, NULL, 0, 0, NULL, 0, SL_DATE_NONE, SL_RATE_NONE, SL_RATE_ZERO, 0,     \
     SL_BORROWER_HOUSEHOLD, 0}
/* A contract with every field at its default (0 terms: set them). */
#define SL_LOAN_TERMS_INIT SL_LOAN_TERMS_INIT_WITH_TERMS(0)

/* Set *terms to SL_LOAN_TERMS_INIT (the same defaults as the macro). NULL is allowed.
 * @param terms the struct to set; NULL is allowed */
SL_API void sl_loan_terms_init(sl_loan_terms *terms);

/* Validate a contract; err names the first field that is wrong and why.
 * A version-1 struct is read only as far as version 1 had fields.
 * 0, SL_EINVAL, SL_ERANGE or SL_EVERSION. Rule findings are not errors:
 * see sl_plan_findings.
 * @param terms the contract, read only
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_EINVAL, SL_ERANGE or SL_EVERSION */
SL_API SL_WARN_UNUSED int sl_loan_terms_check(const sl_loan_terms *terms, sl_error *err);

/* What happened in a term (bit flags in sl_plan_row.events). */
enum {
    SL_EVENT_INTEREST_ONLY = 1u << 0, /* avdragsfri termin */
    SL_EVENT_AMORTISED = 1u << 1,     /* the level payment or instalment was (re)computed here */
    SL_EVENT_LAST = 1u << 2,          /* the term that clears the balance */
    SL_EVENT_RATE_CHANGE = 1u << 3,   /* a floating-rate change takes effect in this term */
    SL_EVENT_EXTRA_PAYMENT = 1u << 4, /* an extra payment is part of this term's principal */
    SL_EVENT_REPAID = 1u << 5,        /* full early repayment (innfrielse) ends the loan here */
    SL_EVENT_BROKEN_PERIOD = 1u << 6, /* broken first period, charged ACT/365 */
    SL_EVENT_FIXED_START = 1u << 7,   /* a fixed-rate period starts in this term */
    SL_EVENT_FIXED_END = 1u << 8      /* a fixed-rate period ends in this term */
};

/* The event's name as sl-plan prints it ("rate-change", …); flag is one bit.
 * NULL for an unknown bit.
 * @param flag one SL_EVENT_* bit
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_event_name(unsigned flag);

/* Husbanken rule findings: not errors, but the caller may treat them so. */
typedef enum sl_finding_code {
    SL_FINDING_TERM_OVER_30_YEARS = 1,     /* > 30 years without special_case (§ 8-5) */
    SL_FINDING_INTEREST_ONLY_OVER_8_YEARS, /* avdragsfrihet over 8 years in all */
    SL_FINDING_MARGIN_OVER_LIMIT,          /* kommune margin over 0.25 pp (§ 8-2) */
    SL_FINDING_HALF_YEARLY_HOUSEHOLD,      /* fewer than 4 terms a year for a household */
    SL_FINDING_FIXED_PAST_MATURITY,        /* fixed period ends after the last due date */
    SL_FINDING_EXTRA_BELOW_FIXED_MINIMUM   /* extra payment under 30 000 kr in a fixed period */
} sl_finding_code;

/* One of Husbanken's rules the contract does not follow (a warning, not an error). */
typedef struct sl_finding {
    sl_finding_code code; /* the rule */
    char field[32];    /* the contract field, e.g. "terms", "margin" */
    char message[200]; /* a full sentence naming the rule and the values */
} sl_finding;

/** The finding's name as the programs print it in JSON ("margin-over-limit",
 * "term-over-30-years", …): stable, English, lower case with hyphens.
 * @param code a finding code
 * @return a static string, or NULL for an unknown code */
SL_API const char *sl_finding_name(sl_finding_code code);

/* Settlement of a full early repayment (innfrielsesbeløp). */
typedef struct sl_settlement {
    sl_date date;        /* the repayment date */
    sl_money balance;    /* restgjeld repaid (after any extra payment that term) */
    sl_money interest;   /* interest accrued in the term up to the date */
    sl_money fee;        /* the term fee */
    sl_money break_cost; /* over-/underkurs: > 0 borrower pays, < 0 credited, 0 outside a
                            fixed period */
    int break_months;    /* whole months left of the fixed period (0 outside one) */
    sl_money total;      /* balance + interest + fee + break_cost */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_settlement;

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
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
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
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_plan_totals;

/* A payment plan being walked (opaque): sl_plan_new, sl_plan_next, sl_plan_free. */
typedef struct sl_plan sl_plan;

/* Validate terms and create a plan positioned before term 1. The plan keeps
 * its own copy of terms. Free with sl_plan_free.
 * 0, SL_ENOMEM or a validation error (err filled).
 * @param out receives the new plan, owned by the caller (free with sl_plan_free)
 * @param terms the contract, copied (with its arrays)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ENOMEM or a validation error (err filled) */
SL_API SL_WARN_UNUSED int sl_plan_new(sl_plan **out, const sl_loan_terms *terms, sl_error *err);

/* Husbanken's "how long does it take with this payment": the plan of terms
 * with the payment held at `payment` (terminbeløp, term fee included) from
 * the first term; the plan ends at the term that clears the balance, which
 * pays what remains (convention 5). terms->terms is the most terms the plan
 * may take (a balance left then is paid in that term). An annuity without
 * interest-only terms, rate changes, fixed period, extra payments or
 * repayment. SL_EINVAL (field "payment") when the payment does not exceed
 * the first term's interest (equal period, margin included) and fee.
 * @param out receives the new plan, owned by the caller (free with sl_plan_free)
 * @param terms the contract, copied (with its arrays)
 * @param payment the payment per term, term fee included
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ENOMEM or a validation error (err filled) */
SL_API SL_WARN_UNUSED int sl_plan_new_with_payment(sl_plan **out, const sl_loan_terms *terms,
                                                   sl_money payment, sl_error *err);

/* Husbanken's "how much can we borrow for this payment": the largest
 * principal, a multiple of step, whose first payment (term fee included) is
 * at most `payment`, for terms (its principal ignored); 0 when none is. The
 * first row at the answer and at the answer plus one step (may be NULL;
 * zeroed when not computed). Every probe is the engine's first row.
 * @param out receives the largest principal
 * @param at_max receives the first row at the answer, may be NULL
 * @param one_step_more receives the first row one step above, may be NULL
 * @param terms the contract, read only (its principal is ignored)
 * @param payment the most the first payment may be
 * @param step the step of the principal
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code (err filled) */
SL_API SL_WARN_UNUSED int sl_plan_max_principal(sl_money *out, sl_plan_row *at_max,
                                                sl_plan_row *one_step_more,
                                                const sl_loan_terms *terms, sl_money payment,
                                                sl_money step, sl_error *err);

/* Free a plan. NULL is allowed.
 * @param plan the plan to free; NULL is allowed */
SL_API void sl_plan_free(sl_plan *plan);

/** A cache shared by the plans of many loans (a book, a portfolio) that
 * follow the same rate histories. It keeps what does not depend on a loan's
 * balance: the annuity factor r / (1 − (1 + r)^−n) of a rate, and each
 * history's periods (due dates, days, rates, the fraction a term with a
 * rate change inside splits its interest by), worked out once per due day
 * and margin and used by every loan whose changes over its life are the
 * history's. The cache only speeds the plans up: every figure is the one
 * without it (each annuity is certified and the exact rational decides when
 * the factor cannot; tests compare every row with the general path).
 * Bounded size: at most 16 histories (times margins) are kept, the one used
 * longest ago making room, so memory stays flat however many loans use it.
 *
 * Thread-safety: a cache is used by one thread at a time; give each thread
 * its own. */
typedef struct sl_plan_cache sl_plan_cache;

/** Create an empty cache.
 * @param out the new cache (the caller owns it; free with sl_plan_cache_free)
 * @return 0, SL_ENULL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_plan_cache_new(sl_plan_cache **out);

/** Free a cache. NULL is allowed. The plans that use it must be freed
 * first (or be given no cache).
 * @param cache the cache */
SL_API void sl_plan_cache_free(sl_plan_cache *cache);

/** Let plan use cache (NULL: none) from its next row on. The plan does not
 * own the cache, which must outlive the plan's use of it.
 * @param plan the plan (NULL is ignored)
 * @param cache the cache, or NULL */
SL_API void sl_plan_use_cache(sl_plan *plan, sl_plan_cache *cache);


/* Compute the next term into row. Returns 1 (row filled), 0 (the plan has
 * ended; row untouched) or a negative code (row's contents unspecified).
 * @param plan the plan
 * @param row receives the row
 * @return 1, 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_plan_next(sl_plan *plan, sl_plan_row *row);

/* Go back to before term 1 (totals reset).
 * @param plan the plan */
SL_API void sl_plan_rewind(sl_plan *plan);

/* Totals of the rows produced so far.
 * @param plan the plan
 * @param out receives the totals */
SL_API void sl_plan_totals_so_far(const sl_plan *plan, sl_plan_totals *out);

/* Walk every remaining row and give the totals of the whole plan.
 * 0 or a negative code.
 * @param plan the plan
 * @param out receives the totals
 * @return 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_plan_finish(sl_plan *plan, sl_plan_totals *out);

/* The validated contract the plan runs, as a version-2 struct whose arrays
 * are the plan's own copies (sorted by date); valid until sl_plan_free.
 * @param plan the plan
 * @return the contract, owned by the plan */
SL_API const sl_loan_terms *sl_plan_terms(const sl_plan *plan);

/* The rule findings of the plan's contract: *out points into the plan (valid
 * until sl_plan_free), *count of them (0: none). NULL arguments are ignored.
 * @param plan the plan
 * @param out receives a pointer to the findings, owned by the plan
 * @param count receives the number of findings */
SL_API void sl_plan_findings(const sl_plan *plan, const sl_finding **out, size_t *count);

/* The settlement of the contract's full early repayment (repay_date), once
 * the row that carries it has been produced. 0, or SL_ESTATE when the plan
 * has no repayment or has not reached it (or ended before it).
 * @param plan the plan
 * @param out receives the settlement
 * @return 0 or SL_ESTATE */
SL_API SL_WARN_UNUSED int sl_plan_settlement(const sl_plan *plan, sl_settlement *out);

/* Convenience: the totals of the whole plan for terms (no handle kept).
 * @param out receives the totals
 * @param terms the contract, read only (not kept)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0 or a negative code, as sl_plan_new and sl_plan_finish */
SL_API SL_WARN_UNUSED int sl_plan_totals_for(sl_plan_totals *out, const sl_loan_terms *terms,
                                             sl_error *err);

/* Parse "annuity" / "serial", or the Norwegian "annuitet", "annuitetslån",
 * "serie", "serielån" (any letter case; "lan" for "lån"). 0 or SL_ESYNTAX.
 * @param out receives the loan type
 * @param text the text to read, NUL-terminated
 * @return 0 or SL_ESYNTAX */
SL_API SL_WARN_UNUSED int sl_loan_type_parse(sl_loan_type *out, const char *text);
/* The English name of a loan type ("annuity", "serial").
 * @param type the loan type
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_loan_type_name(sl_loan_type type);

/* Text → enum for systems that read contracts from text, ASCII letters
 * without case: day count "equal" (also "like") or "act365" ("act/365",
 * "faktiske-dager"); borrower "household" ("husstand", "privat"), "kommune",
 * "borettslag". 0, SL_ESYNTAX (unknown word; *out untouched) or SL_ENULL.
 * The _name functions give the first (English) word; NULL for an unknown
 * value. Thread-safety: pure functions.
 * @param out receives the day count
 * @param text the text to read, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word; *out untouched) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_day_count_parse(sl_day_count *out, const char *text);
/* The first (English) word sl_day_count_parse reads for a day count.
 * @param value the day count
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_day_count_name(sl_day_count value);
/* Text → borrower, as sl_day_count_parse (words above).
 * @param out receives the borrower
 * @param text the text to read, NUL-terminated
 * @return 0, SL_ESYNTAX (an unknown word; *out untouched) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_borrower_parse(sl_borrower *out, const char *text);
/* The first (English) word sl_borrower_parse reads for a borrower.
 * @param value the borrower
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_borrower_name(sl_borrower value);

#ifdef __cplusplus
}
#endif

#endif
