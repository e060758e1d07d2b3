/* startlan: checking a payment plan (nedbetalingsplan) made by another system,
 * to the øre (revisjon av nedbetalingsplan).
 *
 * Feed the plan's rows one at a time (sl_audit_add_row), in the order they
 * were exported, then call sl_audit_finish. Every difference found is passed
 * to the caller's callback as it is found; the library keeps no list.
 *
 * Consistency checks (always, no loan terms needed):
 *   SL_AUDIT_SUM       payment = interest + principal + fee in each row
 *   SL_AUDIT_BALANCE   closing balance = opening balance − principal
 *   SL_AUDIT_CHAIN     each opening balance is the previous closing balance
 *   SL_AUDIT_SEQUENCE  each term number is the previous one + 1
 *   SL_AUDIT_END       the last closing balance is 0
 *   SL_AUDIT_PRINCIPAL_SUM  the principal sums to the first opening balance
 *   SL_AUDIT_STATED_TOTAL   a totals row given by the plan equals the sums
 *   SL_AUDIT_RATE_JUMP the interest rate implied by the rows changes (a note:
 *                      a floating rate may change; it does not count as a
 *                      difference)
 * Comparison with terms (when sl_audit_new is given loan terms): the plan is
 * recomputed with the plan engine and each row is compared field by field
 * with the engine's row of the same term number (SL_AUDIT_MISMATCH); terms
 * the engine has and the input lacks are SL_AUDIT_MISSING_ROW, rows the
 * engine does not have are SL_AUDIT_EXTRA_ROW, a term given twice is
 * SL_AUDIT_DUPLICATE_ROW.
 *
 * Implied rate: a row with opening balance B and interest I fits every rate
 * per term r with |B·r − I| <= 1 øre + tolerance (any rounding to the øre).
 * The rows since the last change must share one such r (the intersection of
 * their intervals, exact rationals); the first row that does not fit starts a
 * new run and is reported as a rate jump.
 *
 * Tolerance: an amount difference of at most `tolerance` øre is still
 * reported, marked within_tolerance, and does not count as a difference.
 *
 * Divergences and their consequences (follows_from_row): each difference is
 * either a cause, the first sign of an error of its own (follows_from_row
 * 0: a new divergence), or follows arithmetically from the divergence that
 * began in an earlier row (or in the same row) and names that row:
 *  - with terms: a row whose opening balance is off by exactly what the
 *    previous row's closing balance was off (the balance carried forward),
 *    whose interest is the contract's interest on that balance (|I·B' − I'·B|
 *    <= (1 øre + tolerance)·B', where B, I are the recomputed opening balance
 *    and interest, B', I' the file's), whose payment is unchanged (or
 *    recomputed by the contract in that row: a rate change, an extra payment,
 *    the last term) and which adds up, has consequences only;
 *  - in a row that diverges, the fields not named as the cause follow from it
 *    (the principal and the closing balance after a wrong interest);
 *  - one wrong closing balance seen again by the next row (balance or chain
 *    rule, off by minus the same amount) follows from the first;
 *  - the end balance and the principal sum follow from the divergence in
 *    force when the plan ends.
 * A second independent error is a new divergence.
 *
 * Thread-safety: an audit handle is used by one thread at a time; separate
 * handles are independent. */
#ifndef STARTLAN_AUDIT_H
#define STARTLAN_AUDIT_H

#include <stdint.h>

#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The check that found a difference. */
typedef enum sl_audit_check {
    SL_AUDIT_SUM = 0,
    SL_AUDIT_BALANCE,
    SL_AUDIT_CHAIN,
    SL_AUDIT_SEQUENCE,
    SL_AUDIT_END,
    SL_AUDIT_PRINCIPAL_SUM,
    SL_AUDIT_STATED_TOTAL,
    SL_AUDIT_RATE_JUMP,
    SL_AUDIT_MISMATCH,
    SL_AUDIT_MISSING_ROW,
    SL_AUDIT_EXTRA_ROW,
    SL_AUDIT_DUPLICATE_ROW
} sl_audit_check;

/* The field a difference is about. */
typedef enum sl_audit_field {
    SL_AUDIT_FIELD_TERM = 0,
    SL_AUDIT_FIELD_DUE_DATE,
    SL_AUDIT_FIELD_OPENING_BALANCE,
    SL_AUDIT_FIELD_INTEREST,
    SL_AUDIT_FIELD_PRINCIPAL,
    SL_AUDIT_FIELD_FEE,
    SL_AUDIT_FIELD_PAYMENT,
    SL_AUDIT_FIELD_CLOSING_BALANCE,
    SL_AUDIT_FIELD_ROW /* a whole row (missing, extra, duplicate) */
} sl_audit_field;

/* One difference. For amount fields expected/found/difference are øre
 * (difference = found − expected); for SL_AUDIT_FIELD_TERM they are term
 * numbers; for SL_AUDIT_FIELD_DUE_DATE the dates are in the *_date fields
 * and difference is the number of days (found − expected). */
typedef struct sl_audit_difference {
    sl_audit_check check; /* the check that found it */
    sl_audit_field field; /* the field that differs */
    int64_t row;          /* 1-based position in the input; 0 for the whole plan */
    int term;             /* the term number the row carries (or expects, for a missing row) */
    sl_money expected;    /* what the rule or the recomputed plan gives */
    sl_money found;       /* what the audited plan states */
    sl_money difference;  /* found − expected */
    sl_date expected_date; /* SL_AUDIT_FIELD_DUE_DATE: the due date expected */
    sl_date found_date;    /* SL_AUDIT_FIELD_DUE_DATE: the due date stated */
    sl_rate rate_before;  /* SL_AUDIT_RATE_JUMP: rate per term implied by the previous row
                             (its interest / its opening balance) */
    sl_rate rate_after;   /* ... and by this row; expected is then this row's opening
                             balance at rate_before, rounded to the øre half up */
    int within_tolerance; /* 1: |difference| <= tolerance, not counted */
    int64_t follows_from_row; /* 0: a cause (a divergence of its own); otherwise the row of
                              the divergence this difference follows from arithmetically */
} sl_audit_difference;

/* Called for each difference; return 0 to go on, non-zero to stop the audit
 * (sl_audit_add_row / sl_audit_finish then return SL_ESTATE). */
typedef int (*sl_audit_report_fn)(void *ctx, const sl_audit_difference *difference);

/* The version of sl_audit_options this header declares (its `version` field). */
#define SL_AUDIT_OPTIONS_VERSION 1

/* What an audit tolerates and whom it tells. */
typedef struct sl_audit_options {
    unsigned version; /* layout version: set by the _INIT macro or the _init function */
    sl_money tolerance;        /* øre, >= 0; default 0 */
    sl_audit_report_fn report; /* may be NULL: differences are only counted */
    void *report_ctx;          /* passed to report as is (the caller's; kept until free) */
} sl_audit_options;

/* Every field of sl_audit_options at its default, as an initialiser. */
#define SL_AUDIT_OPTIONS_INIT {SL_AUDIT_OPTIONS_VERSION, 0, NULL, NULL}

/* Set *options to SL_AUDIT_OPTIONS_INIT (the same defaults as the macro). NULL is allowed.
 * @param options the struct to set; NULL is allowed */
SL_API void sl_audit_options_init(sl_audit_options *options);

/* What the audit found. */
typedef struct sl_audit_summary {
    int64_t rows;                /* rows fed (the stated totals row not counted) */
    int64_t differences;         /* differences beyond the tolerance */
    int64_t within_tolerance;    /* differences within it */
    int64_t rate_jumps;          /* notes: where the implied rate changes */
    sl_plan_totals found;     /* sums of the rows fed (terms = rows, establishment fee 0) */
    int have_expected;        /* 1 when terms were given */
    sl_plan_totals expected;  /* the recomputed plan's totals */
    int have_stated;          /* 1 when a stated totals row was given */
    sl_plan_totals stated;    /* as given (interest, principal, term_fees, paid) */
    int64_t reserved[SL_RESERVED_FIELDS]; /* room for fields added later (docs/api.md) */
} sl_audit_summary;

/* An audit in progress (opaque): sl_audit_new, rows, sl_audit_finish, sl_audit_free. */
typedef struct sl_audit sl_audit;

/* Start an audit. terms may be NULL (consistency checks only); otherwise they
 * are validated and the plan engine recomputes the plan. options may be NULL
 * (defaults). Free with sl_audit_free. 0, SL_ENOMEM, SL_EVERSION, SL_EINVAL
 * (negative tolerance, bad terms; err filled).
 * @param out receives the new audit, owned by the caller (free with sl_audit_free)
 * @param terms the contract, may be NULL; copied, not kept
 * @param options the options, may be NULL for the defaults; copied (the callback and its context
 *                are kept until sl_audit_free)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ENOMEM, SL_EVERSION or SL_EINVAL (err filled) */
SL_API SL_WARN_UNUSED int sl_audit_new(sl_audit **out, const sl_loan_terms *terms,
                                       const sl_audit_options *options, sl_error *err);

/* Check one row. The fields read are term (0: the row's position), due_date
 * (SL_DATE_NONE: not compared), opening_balance, interest, principal, fee,
 * payment and closing_balance; rate, days and events are ignored.
 * 0, SL_ESTATE (stopped by the callback or called after finish),
 * SL_ERANGE (sums beyond int64) or SL_ENOMEM.
 * @param audit the audit
 * @param row the row as the other system states it, read only (not kept)
 * @return 0, SL_ESTATE, SL_ERANGE or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_audit_add_row(sl_audit *audit, const sl_plan_row *row);

/* The plan's own totals row (sum/total line), if it has one: its interest,
 * principal, fee and payment are compared at finish with the sums of the rows
 * (SL_AUDIT_STATED_TOTAL). Give it at most once. 0 or SL_ESTATE.
 * @param audit the audit
 * @param totals the plan's own totals row, read only (not kept)
 * @return 0 or SL_ESTATE (given twice, or after finish) */
SL_API SL_WARN_UNUSED int sl_audit_stated_totals(sl_audit *audit, const sl_plan_row *totals);

/* The end-of-plan checks (end balance, principal sum, stated totals, missing
 * rows) and the summary. out may be NULL. 0 or a negative code.
 * @param audit the audit; afterwards only sl_audit_free is useful
 * @param out receives the summary, may be NULL
 * @return 0 or a negative code */
SL_API SL_WARN_UNUSED int sl_audit_finish(sl_audit *audit, sl_audit_summary *out);

/* Free an audit. NULL is allowed.
 * @param audit the audit to free; NULL is allowed */
SL_API void sl_audit_free(sl_audit *audit);

/* Short English names: "sum", "balance", "chain", ... ; "term", "due_date",
 * "opening_balance", ... NULL for an unknown value.
 * @param check the check
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_audit_check_name(sl_audit_check check);
/* The short English name of a compared field ("term", "due_date", "opening_balance", …).
 * @param field the field
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_audit_field_name(sl_audit_field field);

/**
 * The field of a plan's column header, as plans are exported: the English
 * name sl_audit_field_name gives ("opening_balance") or a Norwegian or
 * English alias ("Termin", "Forfall", "Restgjeld før", "Renter", "Avdrag",
 * "Gebyr", "Terminbeløp", "Restgjeld", …), compared after folding
 * (table.h: sl_table_header_fold). SL_AUDIT_FIELD_ROW is not a column.
 *
 * @param out     the field; untouched unless 0 is returned
 * @param header  the header text (UTF-8)
 * @param err     optional; on failure field "header", value the header
 * @return 0, SL_ESYNTAX (not a plan column) or SL_ENULL.
 */
SL_API SL_WARN_UNUSED int sl_audit_field_parse(sl_audit_field *out, const char *header,
                                               sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
