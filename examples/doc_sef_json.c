/* The SEF's figures as JSON (sl-plan --format sef-json), and its repayment
 * table, which the PDF shows too: linked into the program, so that the JSON
 * needs no document module. */
#include "doc_sef.h"

#include <stdlib.h>
#include <string.h>

static void add_row(sef_line *l, const sl_plan_row *r)
{
    l->payment += r->payment;
    l->interest += r->interest;
    l->fee += r->fee;
    l->principal += r->principal;
    l->balance = r->closing_balance;
}

void sef_table_make(sef_table *t, const doc_plan *p)
{
    memset(t, 0, sizeof *t);
    int tpy = p->terms.terms_per_year;
    t->first = calloc((size_t)p->count + 1, sizeof *t->first);
    t->years = calloc((size_t)p->count + 1, sizeof *t->years);
    if (!t->first || !t->years)
        cli_die(1, "out of memory");
    for (int i = 0; i < p->count; i++) {
        const sl_plan_row *r = &p->rows[i];
        if (i < tpy) {
            sef_line *l = &t->first[t->nfirst++];
            l->number = r->term;
            add_row(l, r);
            t->subtotal.number = 1;
            add_row(&t->subtotal, r);
        } else {
            int year = i / tpy + 1;
            if (t->nyears == 0 || t->years[t->nyears - 1].number != year)
                t->years[t->nyears++].number = year;
            add_row(&t->years[t->nyears - 1], r);
        }
        add_row(&t->total, r);
    }
}

void sef_table_free(sef_table *t)
{
    free(t->first);
    free(t->years);
}

static json_t *line_json(const sef_line *l, const char *key, int with_balance)
{
    json_t *o = json_object();
    if (key)
        json_object_set_new(o, key, json_integer(l->number));
    json_object_set_new(o, "payment", cli_json_money(l->payment));
    json_object_set_new(o, "interest", cli_json_money(l->interest));
    json_object_set_new(o, "fee", cli_json_money(l->fee));
    json_object_set_new(o, "principal", cli_json_money(l->principal));
    if (with_balance)
        json_object_set_new(o, "balance", cli_json_money(l->balance));
    return o;
}

static json_t *rate_fixed_json(sl_rate rate)
{
    char buf[SL_RATE_BUFSIZE];
    return json_string(cli_rate_fixed(buf, rate, 2, '.'));
}

void doc_sef_json(const doc_sef *s)
{
    const doc_plan *p = s->plan;
    const sl_loan_terms *t = &p->terms;
    char d[SL_DATE_BUFSIZE];
    json_t *sef = json_object();
    json_object_set_new(sef, "made", json_string(cli_date_text(d, s->made)));

    json_t *lender = json_object();
    json_object_set_new(lender, "name", json_string(s->lender));
    json_object_set_new(lender, "contact", s->contact ? json_string(s->contact) : json_null());
    json_object_set_new(sef, "lender", lender);

    json_t *loan = json_object();
    json_object_set_new(loan, "amount", cli_json_money(t->principal));
    json_object_set_new(loan, "currency", json_string("NOK"));
    json_object_set_new(loan, "terms", json_integer(p->count));
    json_object_set_new(loan, "terms_per_year", json_integer(t->terms_per_year));
    json_object_set_new(loan, "years", json_integer(p->count / t->terms_per_year));
    json_object_set_new(loan, "extra_terms", json_integer(p->count % t->terms_per_year));
    json_object_set_new(loan, "type", json_string(sl_loan_type_name(t->type)));
    json_object_set_new(loan, "rate_type", json_string(t->fixed.years ? "fixed" : "floating"));
    json_object_set_new(loan, "fixed_years", json_integer(t->fixed.years));
    json_object_set_new(loan, "secured_by", json_string("mortgage"));
    json_object_set_new(sef, "loan", loan);

    json_t *rates = json_object();
    json_object_set_new(rates, "nominal", cli_json_rate(p->count ? p->rows[0].rate : t->nominal_rate));
    json_object_set_new(rates, "effective_rate", rate_fixed_json(p->cost.apr.rate));
    json_object_set_new(sef, "rates", rates);

    json_t *costs = json_object();
    json_object_set_new(costs, "interest", cli_json_money(p->totals.interest));
    json_object_set_new(costs, "establishment_fee", cli_json_money(t->establishment_fee));
    json_object_set_new(costs, "term_fee", cli_json_money(t->term_fee));
    json_object_set_new(costs, "term_fees", cli_json_money(p->totals.term_fees));
    json_object_set_new(costs, "total_cost", cli_json_money(p->cost.total_cost));
    json_object_set_new(costs, "total_payable", cli_json_money(p->cost.total_payable));
    json_object_set_new(sef, "costs", costs);

    json_t *inst = json_object();
    json_object_set_new(inst, "first_payment", cli_json_money(p->count ? p->rows[0].payment : 0));
    json_object_set_new(inst, "terms", json_integer(p->count));
    json_object_set_new(inst, "terms_per_year", json_integer(t->terms_per_year));
    json_object_set_new(sef, "instalments", inst);

    sef_table tab;
    sef_table_make(&tab, p);
    json_t *table = json_object(), *first = json_array(), *years = json_array();
    for (int i = 0; i < tab.nfirst; i++)
        json_array_append_new(first, line_json(&tab.first[i], "term", 1));
    for (int i = 0; i < tab.nyears; i++)
        json_array_append_new(years, line_json(&tab.years[i], "year", 1));
    json_object_set_new(table, "first_year", first);
    json_object_set_new(table, "first_year_subtotal", line_json(&tab.subtotal, NULL, 1));
    json_object_set_new(table, "years", years);
    json_object_set_new(table, "total", line_json(&tab.total, NULL, 0));
    json_object_set_new(sef, "repayment_table", table);
    sef_table_free(&tab);

    json_t *rise = json_object();
    json_object_set_new(rise, "points", cli_json_rate(s->rise));
    json_object_set_new(rise, "nominal", cli_json_rate(s->risen_rate));
    json_object_set_new(rise, "effective_rate", rate_fixed_json(s->risen.apr.rate));
    json_object_set_new(rise, "first_payment", cli_json_money(s->risen_first_payment));
    json_object_set_new(rise, "total_cost", cli_json_money(s->risen.total_cost));
    json_object_set_new(rise, "total_payable", cli_json_money(s->risen.total_payable));
    json_object_set_new(sef, "rate_rise", rise);

    json_t *early = json_object();
    json_object_set_new(early, "allowed", json_true());
    json_object_set_new(early, "floating_rate_charge", cli_json_money(0));
    json_object_set_new(early, "fixed_rate_charge", json_string("break_cost"));
    json_object_set_new(early, "fixed_rate_minimum_extra", cli_json_money(3000000));
    json_object_set_new(sef, "early_repayment", early);

    json_t *fixed = json_object(), *periods = json_array();
    static const int offered[] = {3, 5, 10, 20};
    for (int i = 0; i < 4; i++)
        json_array_append_new(periods, json_integer(offered[i]));
    json_object_set_new(fixed, "years_offered", periods);
    json_object_set_new(fixed, "current_years", json_integer(t->fixed.years));
    json_object_set_new(sef, "fixed_rate_options", fixed);

    json_t *root = json_object();
    json_object_set_new(root, "sef", sef);
    cli_json_print(root);
}

