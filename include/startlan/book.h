/* startlan: a kommune's book as its loan systems export it (utlånsregister):
 * one loan's row of text values and its dated events (from a second file)
 * turned into a validated contract for the plan engine.
 *
 * The values are read as Norwegian exports write them: amounts as
 * sl_money_parse reads them ("2 000 000,50", "kr 1 469,33"), percents as
 * sl_rate_parse_percent ("4,640"), dates as sl_date_parse_norwegian
 * ("2021-03-07" or "07.03.2021") and loan types as sl_loan_type_parse
 * ("Annuitet", "Serielån", "serie").
 *
 * A floating-rate loan names a rate history (rate_history.h: Husbanken's
 * floating rate, or a kommune's own file); the caller reads it once and
 * hands the same history to every loan that names it
 * (sl_book_loan_set_rate_history). The rate in force at the payout date is
 * the loan's first rate, and the history's later changes are its rate
 * changes; the loan's own rate-change events come on top (an event on the
 * same date as a history change wins). A payout before the history starts or
 * in a gap, or a gap met before the date the figures are needed to, is
 * refused: no rate is guessed.
 *
 * Thread-safety: a book loan handle is used by one thread at a time;
 * separate handles are independent. */
#ifndef STARTLAN_BOOK_H
#define STARTLAN_BOOK_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "export.h"
#include "money.h"
#include "plan.h"
#include "rate.h"
#include "rate_history.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A loan's columns in the book (the names are the CSV header names). */
typedef enum sl_book_field {
    SL_BOOK_AMOUNT = 0,          /* "amount": lånebeløp */
    SL_BOOK_RATE,                /* "rate": nominal rate in percent (empty with a rate history) */
    SL_BOOK_TERMS,               /* "terms": antall terminer */
    SL_BOOK_TERMS_PER_YEAR,      /* "terms_per_year": 12, 4, 2 or 1 */
    SL_BOOK_TYPE,                /* "type": annuitet / serie */
    SL_BOOK_PAYOUT_DATE,         /* "payout_date": utbetalingsdato */
    SL_BOOK_TERM_FEE,            /* "term_fee": termingebyr (empty: 0) */
    SL_BOOK_ESTABLISHMENT_FEE,   /* "establishment_fee": etableringsgebyr (empty: 0) */
    SL_BOOK_INTEREST_ONLY_TERMS, /* "interest_only_terms": avdragsfrie terminer at the start */
    SL_BOOK_MARGIN,              /* "margin": kommunens påslag in percentage points */
    SL_BOOK_DUE_DAY,             /* "due_day": forfallsdag 1..28 (empty: the payout's day) */
    SL_BOOK_FIRST_DUE_DATE,      /* "first_due_date": første forfall */
    SL_BOOK_DAY_COUNT,           /* "day_count": equal or act365 */
    SL_BOOK_FIXED_YEARS,         /* "fixed_years": fastrente 3, 5, 10 or 20 years */
    SL_BOOK_FIXED_RATE,          /* "fixed_rate": the fixed rate in percent (before the margin) */
    SL_BOOK_FIXED_FROM,          /* "fixed_from": start of the fixed period (empty: payout) */
    SL_BOOK_INTEREST_ONLY,       /* "interest_only": avdragsfrihet by term number, FROM:TERMS
                                    ("13:12"; several separated by spaces or commas), as
                                    sl-plan's --interest-only */
    SL_BOOK_RATE_CHANGE_KEEPS_PAYMENT, /* "rate_change_keeps_payment": yes/no (ja/nei, 1/0,
                                          true/false; empty: no): at a rate change the
                                          payment holds and the number of terms follows */
    SL_BOOK_BORROWER,            /* "borrower": household, kommune or borettslag
                                    (sl_borrower_parse; empty: household) */
    SL_BOOK_ROUND_TO,            /* "round_to": the annuity payment rounded to ore or krone
                                    (øre, kr; empty: ore), as sl-plan's --round-to */
    SL_BOOK_ROUNDING,            /* "rounding": half-up, half-even, down or up (halv-opp,
                                    ned, opp; empty: half-up), as sl-plan's --rounding */
    SL_BOOK_INTEREST_ONLY_MOVES_END, /* "interest_only_moves_end": yes/no (empty: no): the
                                        interest-only windows lengthen the loan instead of
                                        the end date holding */
    SL_BOOK_MARKET_RATE,         /* "market_rate": markedsrente in percent for the rest of a
                                    fixed period, needed by a full repayment inside it
                                    (over-/underkurs; no row's figures depend on it) */
    SL_BOOK_SPECIAL_CASE,        /* "special_case": særlige tilfeller yes/no (empty: no):
                                    over 30 years is no finding (forskrift § 8-5) */
    SL_BOOK_YEARS,               /* "years": løpetid in whole years; the terms are years ×
                                    terms_per_year (a terms column that disagrees is refused) */
    SL_BOOK_FIELD_COUNT
} sl_book_field;

/* The column name of a field ("amount", "payout_date", …); NULL if unknown.
 * @param field the field
 * @return a static string (not to be freed), or NULL for an unknown value */
SL_API const char *sl_book_field_name(sl_book_field field);
/* The field of a column name as sl_book_field_name spells it. 0, SL_EINVAL
 * or SL_ENULL.
 * @param out receives the field
 * @param name the column name
 * @return 0, SL_EINVAL (no such column) or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_book_field_lookup(sl_book_field *out, const char *name);

/* What a dated event of a loan is (the events file's "kind" column). */
typedef enum sl_book_event_kind {
    SL_BOOK_EVENT_EXTRA = 0,     /* "extra" / "ekstra": extra payment, the payment is lowered */
    SL_BOOK_EVENT_EXTRA_SHORTEN, /* "extra-shorten" / "ekstra-forkort": the loan is shortened */
    SL_BOOK_EVENT_RATE_CHANGE,   /* "rate-change" / "renteendring": the loan's rate from the date */
    SL_BOOK_EVENT_INTEREST_ONLY, /* "interest-only" / "avdragsfrihet": a window of terms */
    SL_BOOK_EVENT_REPAY_ALL,     /* "repay-all" / "innfrielse": full repayment on the date */
    SL_BOOK_EVENT_RATE_MOVE      /* a rate change written with a sign ("+0,5", "-0.25"): the
                                    rate moves by that many points from the rate in force
                                    before the date, as sl-plan's --rate-change D:+PTS */
} sl_book_event_kind;

/* One dated event. The value read depends on the kind: amount (extra
 * payments, > 0), rate (rate change, percent before the margin; rate move,
 * the points of any sign), terms
 * (interest-only: that many terms from the first term due on or after the
 * date), nothing (repay-all). line: where it was read (0: unknown), copied
 * into the error record when the event does not fit the loan. */
typedef struct sl_book_event {
    sl_book_event_kind kind; /* what happens */
    sl_date date;            /* when */
    sl_money amount;         /* extra payments: the amount, > 0 */
    sl_rate rate;            /* rate changes: the new rate before the margin; rate
                                moves: the points added (any sign) */
    int terms;               /* interest-only: the number of terms */
    int64_t line;            /* where it was read, 0: unknown */
} sl_book_event;

/* Parse an event from its text columns (kind names in any letter case, with
 * or without '-', '_' or spaces). err->field is "date", "kind" or "amount"
 * (the value column). 0, SL_ESYNTAX or SL_EINVAL.
 * @param out receives the event (its line is 0: set it)
 * @param date the date column ("YYYY-MM-DD")
 * @param kind the kind column
 * @param value the value column (amount, rate or terms by kind; may be empty for repay-all)
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_book_event_parse(sl_book_event *out, const char *date,
                                              const char *kind, const char *value,
                                              sl_error *err);

/* One loan of a book as read from its row (opaque): sl_book_loan_new, _set, _terms, _free. */
typedef struct sl_book_loan sl_book_loan;

/* An empty book loan (every field at its default). Free with
 * sl_book_loan_free. 0, SL_ENULL or SL_ENOMEM.
 * @param out receives the new loan, owned by the caller (free with sl_book_loan_free)
 * @return 0, SL_ENULL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_book_loan_new(sl_book_loan **out);
/* Free a book loan and everything it holds. NULL is allowed.
 * @param loan the loan to free; NULL is allowed */
SL_API void sl_book_loan_free(sl_book_loan *loan);
/* Forget the loan (fields, history, events) for the next row; keeps memory.
 * @param loan the loan; NULL is allowed (nothing is done) */
SL_API void sl_book_loan_clear(sl_book_loan *loan);

/* Set one field from its text; empty text (or NULL) leaves the default.
 * err->field is the field's column name. 0, SL_ESYNTAX or SL_EINVAL.
 * @param loan the loan
 * @param field the column to set
 * @param text the column's text (copied), may be NULL or empty for the default
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, SL_ESYNTAX or SL_EINVAL */
SL_API SL_WARN_UNUSED int sl_book_loan_set(sl_book_loan *loan, sl_book_field field,
                                           const char *text, sl_error *err);

/* The loan follows `history` (kept by pointer until the next clear; shared
 * between loans), called `name` in messages. 0 or SL_ENULL.
 * @param loan the loan
 * @param history the history, the caller's: it must outlive the loan or the next
 *                sl_book_loan_clear
 * @param name the history's name in messages (copied), may be NULL
 * @return 0 or SL_ENULL */
SL_API SL_WARN_UNUSED int sl_book_loan_set_rate_history(sl_book_loan *loan,
                                                        const sl_rate_history *history,
                                                        const char *name);

/* Add one of the loan's events (copied). 0, SL_ENULL or SL_ENOMEM.
 * @param loan the loan
 * @param event the event, copied
 * @return 0, SL_ENULL or SL_ENOMEM */
SL_API SL_WARN_UNUSED int sl_book_loan_add_event(sl_book_loan *loan, const sl_book_event *event);

/* The contract: the fields, the rate history from the payout on, and the
 * events. Every field and every event is checked here against the loan
 * (an error names the column in err->field, or "events" with the event's
 * line in err->line, or "rate_history"). `until` is the last date the
 * caller needs rows for (SL_DATE_NONE: the whole loan): the history's
 * changes are taken up to it, so a gap after it does not matter; after the
 * end of the history (sl_rate_history_end) its last rate holds.
 * *out points into loan and stays valid until the next call on loan.
 * 0, SL_EINVAL, SL_ERANGE, SL_ENOMEM or SL_ENULL.
 * @param out receives a pointer to the contract, owned by the loan and valid until the next call
 *            on it
 * @param loan the loan
 * @param until the last date rows are needed for, or SL_DATE_NONE for the whole loan
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or SL_EINVAL / SL_ESYNTAX / SL_ERANGE / SL_ENOMEM naming the column */
SL_API SL_WARN_UNUSED int sl_book_loan_terms(const sl_loan_terms **out, sl_book_loan *loan,
                                             sl_date until, sl_error *err);

/** The loan's plan: its contract as sl_book_loan_terms makes it (the same
 * checks, errors and `until`), as a plan positioned before term 1, the
 * contract checked once (sl_plan_new would check it again). The rate
 * history's changes are not copied: the plan refers to them where they lie
 * in the history, which must outlive the plan; everything else the plan
 * copies, so the loan may be cleared and read again while the plan lives.
 * Free with sl_plan_free; figures from it: loan_figures.h, sl_plan_figures.
 * 0, SL_EINVAL, SL_ESYNTAX, SL_ERANGE, SL_ENOMEM or SL_ENULL.
 * @param out receives the new plan, owned by the caller (free with sl_plan_free)
 * @param loan the loan
 * @param until the last date rows are needed for, or SL_DATE_NONE for the whole loan
 * @param err error record, may be NULL: reset on entry, names the field and value on failure
 * @return 0, or SL_EINVAL / SL_ESYNTAX / SL_ERANGE / SL_ENOMEM naming the column */
SL_API SL_WARN_UNUSED int sl_book_loan_plan(sl_plan **out, sl_book_loan *loan, sl_date until,
                                            sl_error *err);

/**
 * The field of a book's column header, as loan systems export it: the name
 * sl_book_field_name gives ("payout_date") or a Norwegian or English alias
 * ("Lånebeløp", "Rente", "Antall terminer", "Terminer per år", "Lånetype",
 * "Utbetalingsdato", "Termingebyr", "Etableringsgebyr", "Påslag",
 * "Forfallsdag", "Første forfall", "Dagberegning", "Fastrente", "Låntaker",
 * "Avrunding", "Markedsrente", "Løpetid (år)", …), compared after folding (table.h: sl_table_header_fold). The loan's
 * id and rate-history columns are the caller's.
 *
 * @param out     the field; untouched unless 0 is returned
 * @param header  the header text (UTF-8)
 * @param err     optional; on failure field "header", value the header
 * @return 0, SL_ESYNTAX (not a book column) or SL_ENULL.
 */
SL_API SL_WARN_UNUSED int sl_book_field_parse(sl_book_field *out, const char *header,
                                              sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
