/* The capacity budget as a one-page document (sl-capacity --format pdf):
 * the household's month as the adviser explains it (income, living costs,
 * housing and other costs, what is left for housing), the loan's payment at
 * the stressed rate and the surplus or shortfall. The budget statement is
 * shared with the financing page (doc_finance.c). */
#ifndef SL_DOC_CAPACITY_H
#define SL_DOC_CAPACITY_H

#include "doc_sheet.h"

typedef struct doc_capacity {
    const sl_household *household;
    const sl_capacity_options *options; /* the date, policy rate and add-on, step */
    const sl_loan_terms *loan;          /* the stressed plan's terms */
    const sl_capacity_result *result;
    const sl_capacity_result *next; /* --max-loan: one step more (== result: none) */
    int max_loan;
    const sl_capacity_income_end *ends; /* the budget again when incomes end */
    size_t end_count;
    int have_lasting;
    sl_money lasting_max;
    const sl_capacity_result *shocked; /* --rate-shock (NULL: none) */
    sl_rate shock;
    sl_date made;
} doc_capacity;

void doc_capacity_pdf(const char *path, const doc_capacity *c);

/* The budget statement: the income (each item), the living costs (the
 * guideline rates, the floor, the actual costs, the one used) and the other
 * costs, down to what is left for housing (til disposisjon). */
void doc_budget_lines(doc_sheet *s, const sl_household *h, const sl_capacity_budget *b);
/* "a couple, 1 child" */
const char *doc_household_text(char *buf, size_t size, const sl_household *h);
/* An income item's kind for people ("child benefit (barnetrygd)"). */
const char *doc_income_kind(sl_income_kind kind);

#endif
