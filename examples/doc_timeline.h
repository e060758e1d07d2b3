/* The rent-to-own and part-own timeline as a document (sl-rent-to-own
 * --format pdf): the phases (renting, the purchase, the loan) on a band,
 * what the household pays each month and its equity over time as charts,
 * the purchase or the shares bought line by line, then one line a year. */
#ifndef SL_DOC_TIMELINE_H
#define SL_DOC_TIMELINE_H

#include "doc_sheet.h"

/* One month of the timeline, as the household lives it. */
typedef struct doc_month {
    int month;
    sl_date date;      /* SL_DATE_NONE without --start */
    int renting;       /* rent-to-own: the rent phase */
    sl_money rent;     /* the month's rent (the rented share's, in part-own) */
    sl_money loan;     /* the month's loan payments with fees */
    sl_money balance;  /* the loans' balance after the month */
    sl_money equity;   /* the household's equity after the month (with has_value) */
    sl_money savings;  /* savings after the month (rent-to-own) */
    sl_money bought;   /* part-own: the price of a share bought at the month's end */
    sl_rate owned;     /* part-own: the share owned during the month */
} doc_month;

typedef struct doc_timeline {
    int part_own;
    int before_own;                /* leie før eie (else leie til eie) */
    const doc_month *months;
    int count;
    int has_value;                 /* market value and equity are known */
    const sl_rto_options *options; /* rent-to-own / rent-before-own: the contract, */
    const sl_rto_result *rto;      /* the purchase, */
    const sl_rto_lapse *lapse;     /* and not buying */
    /* part-own: the first share */
    sl_rate share;
    sl_money price, share_price, own_funds, loan, cash;
    int have_cost;
    sl_plan_cost cost;             /* the first loan's effective rate and totals */
    /* --rate-shock */
    int have_shock;
    sl_rate shock;
    sl_money shocked_first_payment;
    sl_date made;
} doc_timeline;

void doc_timeline_pdf(const char *path, const doc_timeline *t);
/* --format svg|png: the two charts (payments, what is owed and owned) as
 * one picture, one above the other, as sl-plan draws its charts. */
void doc_timeline_charts(const char *path, doc_format format, const doc_timeline *t);

#endif
