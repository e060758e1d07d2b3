/* The standard European information sheet (SEF, standardisert europeisk
 * opplysningsskjema; ESIS in Directive 2014/17/EU Annex II) for a startlån
 * offer: sl-plan --format sef-pdf|sef-json --lender NAME. The sections and
 * their sources: docs/sef.md. Every figure is the engine's or the certified
 * APR's. */
#ifndef SL_DOC_SEF_H
#define SL_DOC_SEF_H

#include "doc_plan.h"

/* One line of the repayment table: a term, a subtotal or a year's sums. */
typedef struct sef_line {
    int number; /* the term (first year) or the loan's year (later) */
    sl_money payment, interest, fee, principal, balance;
} sef_line;

/* The table: first-year terms, their subtotal, the later years, the total.
 * Loan years (the first terms_per_year terms are year 1), as the directive
 * counts "the first repayment year". lines has room for count + 2 years. */
typedef struct sef_table {
    sef_line *first; /* first-year terms */
    int nfirst;
    sef_line subtotal;
    sef_line *years; /* years 2, 3, … */
    int nyears;
    sef_line total;
} sef_table;

void sef_table_make(sef_table *t, const doc_plan *p);
void sef_table_free(sef_table *t);

typedef struct doc_sef {
    const char *lender;  /* långiver: the kommune's name */
    const char *contact; /* its address, phone, e-mail (NULL: not given) */
    const doc_plan *plan; /* with its cost (have_cost) */
    sl_rate rise;         /* the significant rise of the floating rate */
    sl_rate risen_rate;   /* the first term's rate, risen */
    sl_plan_cost risen;   /* the effective rate and costs with every rate risen */
    sl_money risen_first_payment;
    sl_date made;
} doc_sef;

/* The default rise of the floating rate for the additional effective rate:
 * 3 percentage points (docs/sef.md). --rate-shock PTS sets another. */
#define DOC_SEF_DEFAULT_RISE ((sl_rate){3, 100})

/* The sheet's figures as JSON on stdout. */
void doc_sef_json(const doc_sef *s);
/* The sheet as a PDF (3 pages). */
void doc_sef_pdf(const char *path, const doc_sef *s);

#endif
