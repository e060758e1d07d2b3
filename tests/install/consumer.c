/* A program outside the tree, built against the installed library with
 * `pkg-config --cflags --libs startlan`: the first payment of the README's
 * example loan. Exits 0 only when the figure is the documented one. */
#include <stdio.h>
#include <string.h>

#include <startlan.h>

int main(void)
{
    sl_loan_terms terms = SL_LOAN_TERMS_INIT;
    sl_error err;
    if (sl_money_parse(&terms.principal, "2 000 000", "amount", &err) != SL_OK ||
        sl_rate_parse_percent(&terms.nominal_rate, "4,640", "rate", &err) != SL_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    terms.terms = 300;
    terms.term_fee = 3000; /* 30 kr in øre */

    sl_plan *plan;
    if (sl_plan_new(&plan, &terms, &err) != SL_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    sl_plan_row row;
    char text[SL_MONEY_BUFSIZE] = "";
    if (sl_plan_next(plan, &row) == 1)
        sl_money_format(text, sizeof text, row.payment, SL_MONEY_NORWEGIAN);
    sl_plan_free(plan);
    printf("startlan %s: first payment %s kr\n", sl_version(), text);
    return strcmp(text, "11 306,17") == 0 && SL_VERSION_CHECK(0, 1, 0) ? 0 : 1;
}
