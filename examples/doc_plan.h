/* The payment plan as a document (sl-plan --format pdf|svg|png): the key
 * figures and charts on page 1, the yearly summary, then the whole plan,
 * paged; the rate-shock comparison when asked for. */
#ifndef SL_DOC_PLAN_H
#define SL_DOC_PLAN_H

#include "doc_chart.h"

/* A plan's rows and what the documents show of it, read once from the engine. */
typedef struct doc_plan {
    sl_loan_terms terms; /* the contract (its arrays are the caller's) */
    sl_plan_row *rows;
    int count;
    sl_money *balance; /* before the first term, then after each: count + 1 */
    doc_year *years;
    int nyears;
    sl_plan_totals totals;
    int have_cost;     /* the effective rate exists */
    sl_plan_cost cost; /* with have_cost: the certified effective rate and costs */
    char no_cost[256]; /* without: why not */
} doc_plan;

/* Read every row of plan (freshly made from terms) and sum the years;
 * cost may be NULL (no effective rate: why_not says why). Exits 1 when the
 * engine fails. */
void doc_plan_read(doc_plan *p, sl_plan *plan, const sl_loan_terms *terms,
                   const sl_plan_cost *cost, const char *why_not);
void doc_plan_free(doc_plan *p);

/* Rows of the whole plan on one page, years of the summary on one page. */
#define DOC_PLAN_ROWS_PER_PAGE 56
#define DOC_PLAN_YEARS_PER_PAGE 44

/* The number of pages doc_plan_pdf writes. */
int doc_plan_pages(const doc_plan *p, int with_shock);
/* The document. shocked (NULL for none): the same contract with every rate
 * moved by points, compared side by side on page 2. */
void doc_plan_pdf(const char *path, const doc_plan *p, const doc_plan *shocked, sl_rate points,
                  sl_date made);
/* The two charts as one picture (format DOC_SVG or DOC_PNG). */
void doc_plan_charts(const char *path, doc_format format, const doc_plan *p, sl_date made);

/* Text for the contract's lines on the documents. */
const char *doc_loan_type(const sl_loan_terms *t);
/* "300 terms, 12 a year (25 years)" */
const char *doc_terms_text(char *buf, size_t size, int terms, int terms_per_year);
/* The contract and the assumptions (rounding, day count, fees, the effective rate). */
const char *doc_assumptions(char *buf, size_t size, const doc_plan *p);

#endif
