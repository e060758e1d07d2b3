/* Charts of a plan for the documents: the balance over time (one or two
 * plans) and each year's interest and principal. Figures come from the
 * engine's rows; doubles are used only for positions on the page. */
#ifndef SL_DOC_CHART_H
#define SL_DOC_CHART_H

#include "doc.h"

/* One year of a plan: the sums of its rows, and the balance at its end. */
typedef struct doc_year {
    int year; /* the calendar year of the due dates, or the loan's year 1, 2, … */
    int terms;
    sl_money paid, interest, principal, fees, balance;
} doc_year;

/* A balance line: the balance before the first term, then after each term. */
typedef struct doc_balance_line {
    const sl_money *balance; /* count + 1 values */
    int count;               /* terms */
    int terms_per_year;
    unsigned rgb;
    const char *label; /* in the legend; NULL for none */
} doc_balance_line;

/* The charts as a picture (--format svg|png) are shown about 560 px wide
 * (sl-web's page): they are drawn this many times the PDF's size, so the
 * smallest labels (7 pt) read as 12 px there, not 7. */
#define DOC_PICTURE_SCALE 1.75

/* Start drawing a picture of charts at DOC_PICTURE_SCALE (after doc_page);
 * *w and *h receive the size to draw in. */
void doc_chart_picture(doc *d, double *w, double *h);

/* The balance over time in the box (x, y, w, h), title above the plot. */
void doc_chart_balance(doc *d, double x, double y, double w, double h, const char *title,
                       const doc_balance_line *lines, int nlines);
/* Each year's interest (orange) and principal (blue), stacked bars. */
void doc_chart_years(doc *d, double x, double y, double w, double h, const char *title,
                     const doc_year *years, int nyears);
/* What is paid each year (payments and fees) under two plans, side by side
 * bars (a blue, b orange), for the rate-shock comparison. */
void doc_chart_years_pair(doc *d, double x, double y, double w, double h, const char *title,
                          const doc_year *a, int na, const doc_year *b, int nb,
                          const char *label_a, const char *label_b);

#endif
