/* A plan's rows and yearly sums as the documents read them, once from the
 * engine: linked into the program (sl-plan --format sef-json needs them, and
 * the document module receives them). */
#include "doc_plan.h"

#include <stdlib.h>
#include <string.h>

static void *grow(void *p, size_t n, size_t size)
{
    void *q = realloc(p, n * size);
    if (!q)
        cli_die(1, "out of memory");
    return q;
}

void doc_plan_read(doc_plan *p, sl_plan *plan, const sl_loan_terms *terms,
                   const sl_plan_cost *cost, const char *why_not)
{
    memset(p, 0, sizeof *p);
    p->terms = *terms;
    int cap = terms->terms + 16;
    p->rows = grow(NULL, (size_t)cap, sizeof *p->rows);
    sl_plan_row r;
    int rc;
    while ((rc = sl_plan_next(plan, &r)) == 1) {
        if (p->count == cap) /* a plan made longer by its contract's rules */
            p->rows = grow(p->rows, (size_t)(cap *= 2), sizeof *p->rows);
        p->rows[p->count++] = r;
    }
    if (rc < 0)
        cli_die(1, "the plan could not be computed: %s", sl_strerror(rc));
    sl_plan_totals_so_far(plan, &p->totals);
    p->balance = grow(NULL, (size_t)p->count + 1, sizeof *p->balance);
    p->balance[0] = p->count ? p->rows[0].opening_balance : terms->principal;
    p->years = grow(NULL, (size_t)p->count + 1, sizeof *p->years);
    for (int i = 0; i < p->count; i++) {
        const sl_plan_row *row = &p->rows[i];
        p->balance[i + 1] = row->closing_balance;
        /* Calendar years when the plan has dates (as the tax return counts
         * them), else the loan's years. */
        int year = row->due_date.year ? row->due_date.year : i / terms->terms_per_year + 1;
        if (p->nyears == 0 || p->years[p->nyears - 1].year != year)
            p->years[p->nyears++] = (doc_year){.year = year};
        doc_year *y = &p->years[p->nyears - 1];
        y->terms++;
        y->paid += row->payment;
        y->interest += row->interest;
        y->principal += row->principal;
        y->fees += row->fee;
        y->balance = row->closing_balance;
    }
    if (cost) {
        p->have_cost = 1;
        p->cost = *cost;
    } else {
        snprintf(p->no_cost, sizeof p->no_cost, "%s", why_not ? why_not : "");
    }
}

void doc_plan_free(doc_plan *p)
{
    free(p->rows);
    free(p->balance);
    free(p->years);
    memset(p, 0, sizeof *p);
}
