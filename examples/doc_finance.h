/* The whole purchase's financing as a document (sl-finance --format pdf):
 * kilder og bruk, each loan's payments and the total, the month after the
 * interest deduction, the household's budget with both loans at their
 * stressed rates, the surplus, and the largest price when asked. */
#ifndef SL_DOC_FINANCE_H
#define SL_DOC_FINANCE_H

#include "doc_capacity.h"

typedef struct doc_finance {
    const sl_finance_options *options;
    const sl_finance_result *result;
    int have_max; /* --max-price */
    sl_money max_price, price_step;
    const sl_finance_result *at_max, *over; /* the largest price and one step more */
    int have_grant_need;                    /* the grant need (tilskuddsbehov) */
    sl_money grant_need, largest_loan;
    const sl_finance_result *shocked; /* --rate-shock (NULL: none) */
    sl_rate shock;
    sl_money shocked_max_price;
    sl_date made;
} doc_finance;

void doc_finance_pdf(const char *path, const doc_finance *f);

#endif
