/* The SEF (ESIS) for a startlån offer: the sections of Directive 2014/17/EU
 * Annex II Part A that the contract settles, numbered as there, with the
 * illustrative repayment table of Part B section 7 (every instalment of the
 * first year and their subtotal, then one line a year, then the total). */
#include "doc_sef.h"

#include <stdlib.h>
#include <string.h>

/* One line of the repayment table: a term, a subtotal or a year's sums. */
typedef struct sef_line {
    int number; /* the term (first year) or the loan's year (later) */
    sl_money payment, interest, fee, principal, balance;
} sef_line;

static void add_row(sef_line *l, const sl_plan_row *r)
{
    l->payment += r->payment;
    l->interest += r->interest;
    l->fee += r->fee;
    l->principal += r->principal;
    l->balance = r->closing_balance;
}

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

static void sef_table_make(sef_table *t, const doc_plan *p)
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

static void sef_table_free(sef_table *t)
{
    free(t->first);
    free(t->years);
}

/* ---- JSON ---- */

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

/* ---- PDF ---- */

static double heading(doc *d, double y, const char *text)
{
    y += 8;
    doc_color(d, DOC_BLUE);
    y += doc_text(d, DOC_MARGIN, y, 0, DOC_FONT_HEADING, DOC_LEFT, text) + 2;
    doc_line(d, DOC_MARGIN, y, d->width - DOC_MARGIN, y, 0.5, DOC_RULE);
    return y + 5;
}

static double paragraph(doc *d, double y, const char *text)
{
    doc_color(d, DOC_INK);
    return y + doc_text(d, DOC_MARGIN, y, d->width - 2 * DOC_MARGIN, DOC_FONT_BODY, DOC_LEFT,
                        text) + 4;
}

static double line(doc *d, double y, const char *label, const char *value, doc_font font)
{
    return doc_figure(d, DOC_MARGIN, y, d->width - 2 * DOC_MARGIN, label, value, font);
}

static void page_one(doc *d, const doc_sef *s)
{
    const doc_plan *p = s->plan;
    const sl_loan_terms *t = &p->terms;
    char a[DOC_CELL], b[DOC_CELL], txt[900];
    double y = DOC_TOP;
    doc_color(d, DOC_INK);
    y += doc_text(d, DOC_MARGIN, y, 0, DOC_FONT_TITLE, DOC_LEFT,
                  _("Standardised European Information Sheet (SEF)")) + 6;
    snprintf(txt, sizeof txt,
             _("This sheet was made on %s for a start loan (startlån) offered by %s. It gives "
               "the loan's main figures before an agreement is made; it does not bind either "
               "side to make one. Every figure is computed from the contract below."),
             cli_date_human(a, s->made), s->lender);
    y = paragraph(d, y, txt);

    y = heading(d, y, _("1. Lender"));
    y = line(d, y, _("Lender"), s->lender, DOC_FONT_BOLD);
    if (s->contact)
        y = line(d, y, _("Contact"), s->contact, DOC_FONT_BODY);

    y = heading(d, y, _("3. Main features of the loan"));
    y = line(d, y, _("Amount and currency of the loan"), doc_kr(a, t->principal), DOC_FONT_BOLD);
    char terms[96];
    y = line(d, y, _("Duration of the loan"),
             doc_terms_text(terms, sizeof terms, p->count, t->terms_per_year), DOC_FONT_BODY);
    y = line(d, y, _("Type of loan"), doc_loan_type(t), DOC_FONT_BODY);
    if (t->fixed.years) {
        snprintf(txt, sizeof txt, _("fixed for %d years, then floating"), t->fixed.years);
        y = line(d, y, _("Type of interest rate"), txt, DOC_FONT_BODY);
    } else {
        y = line(d, y, _("Type of interest rate"), _("floating (flytende rente)"), DOC_FONT_BODY);
    }
    y = line(d, y, _("Total amount to be repaid"), doc_kr(a, p->cost.total_payable),
             DOC_FONT_BOLD);
    y = line(d, y, _("Security"), _("mortgage on the home (pant i boligen)"), DOC_FONT_BODY);

    y = heading(d, y, _("4. Interest rate and other costs"));
    y = line(d, y, _("Borrowing rate (nominal)"),
             cli_percent_human(a, p->count ? p->rows[0].rate : t->nominal_rate, -1),
             DOC_FONT_BODY);
    y = line(d, y, _("Annual percentage rate of charge (effektiv rente)"),
             cli_percent_human(a, p->cost.apr.rate, 2), DOC_FONT_BOLD);
    y = line(d, y, _("Total cost of credit (kredittkostnad)"), doc_kr(a, p->cost.total_cost),
             DOC_FONT_BOLD);
    y = line(d, y, _("of which interest"), doc_kr(a, p->totals.interest), DOC_FONT_BODY);
    y = line(d, y, _("Establishment fee (etableringsgebyr), once"),
             doc_kr(a, t->establishment_fee), DOC_FONT_BODY);
    snprintf(txt, sizeof txt, _("%s a term, %s in all"), doc_kr(a, t->term_fee),
             doc_kr(b, p->totals.term_fees));
    y = line(d, y, _("Term fee (termingebyr)"), txt, DOC_FONT_BODY);
    y = paragraph(d, y + 2,
                  _("The effective rate shows the total cost as a yearly percentage of the "
                    "amount, so that offers can be compared. It counts the interest, the "
                    "establishment fee (deducted from the payout) and every term fee, and "
                    "assumes the borrowing rate stays at its level today for the whole term."));
    char r2[DOC_CELL], pts[SL_RATE_BUFSIZE];
    if (!t->fixed.years || p->count > t->fixed.years * t->terms_per_year) {
        snprintf(txt, sizeof txt,
                 _("The rate is floating and can change. If the borrowing rate rose by %s "
                   "percentage points, to %s, the effective rate would be %s, the payment "
                   "%s a term and the total to be repaid %s."),
                 doc_points(pts, s->rise), cli_percent_human(a, s->risen_rate, -1),
                 cli_percent_human(r2, s->risen.apr.rate, 2), doc_kr(b, s->risen_first_payment),
                 doc_kr(terms, s->risen.total_payable));
        doc_rect(d, DOC_MARGIN, y, d->width - 2 * DOC_MARGIN,
                 doc_text_height(d, d->width - 2 * DOC_MARGIN - 16, DOC_FONT_BOLD, txt) + 12,
                 0xf8eee4);
        doc_color(d, DOC_INK);
        y += doc_text(d, DOC_MARGIN + 8, y + 6, d->width - 2 * DOC_MARGIN - 16, DOC_FONT_BOLD,
                      DOC_LEFT, txt) + 16;
    }

    y = heading(d, y, _("5. Frequency and number of payments"));
    snprintf(txt, sizeof txt, "%d", t->terms_per_year);
    y = line(d, y, _("Payments a year"), txt, DOC_FONT_BODY);
    snprintf(txt, sizeof txt, "%d", p->count);
    y = line(d, y, _("Number of payments"), txt, DOC_FONT_BODY);

    y = heading(d, y, _("6. Amount of each instalment"));
    y = line(d, y, _("First payment (terminbeløp)"), doc_kr(a, p->count ? p->rows[0].payment : 0),
             DOC_FONT_BOLD);
    paragraph(d, y + 2,
              t->type == SL_LOAN_SERIAL
                  ? _("A serial loan repays the same principal every term; the payment falls as "
                      "the interest falls. It changes when the rate changes.")
                  : _("An annuity loan has the same payment every term (interest, principal and "
                      "term fee); the last term pays the rest. It changes when the rate "
                      "changes."));
}

static void table_page(doc *d, const doc_sef *s)
{
    const doc_column cols[] = {
        {_("Repayment"), 60},     {_("Instalment"), 150}, {_("Interest"), 230},
        {_("Fees"), 290},         {_("Capital repaid"), 380},
        {_("Outstanding capital"), 499},
    };
    enum { NC = sizeof cols / sizeof cols[0] };
    char cells[NC][DOC_CELL];
    sef_table tab;
    sef_table_make(&tab, s->plan);
    const double row_h = 10.4;
    double y = doc_table_page(d, _("7. Illustrative repayment table"), cols, NC, row_h);
    for (int part = 0; part < 4; part++) {
        int n = part == 0 ? tab.nfirst : part == 2 ? tab.nyears : 1;
        for (int i = 0; i < n; i++) {
            const sef_line *l = part == 0 ? &tab.first[i] : part == 1 ? &tab.subtotal
                                : part == 2 ? &tab.years[i] : &tab.total;
            doc_font font = part == 0 || part == 2 ? DOC_FONT_SMALL : DOC_FONT_SMALL_BOLD;
            if (part == 1 || part == 3) {
                doc_line(d, DOC_MARGIN, y - 1, d->width - DOC_MARGIN, y - 1, 0.6, DOC_GREY);
                snprintf(cells[0], DOC_CELL, "%s", part == 1 ? _("Year 1") : _("Total"));
            } else if (part == 0) {
                snprintf(cells[0], DOC_CELL, _("Term %d"), l->number);
            } else {
                snprintf(cells[0], DOC_CELL, _("Year %d"), l->number);
            }
            doc_amount(cells[1], l->payment);
            doc_amount(cells[2], l->interest);
            doc_amount(cells[3], l->fee);
            doc_amount(cells[4], l->principal);
            if (part == 3)
                cells[5][0] = '\0';
            else
                doc_amount(cells[5], l->balance);
            doc_color(d, DOC_INK);
            doc_table_row(d, y, cols, cells, NC, font);
            y += row_h + (part == 1 ? 3 : 0);
        }
    }
    char txt[400], a[DOC_CELL], b[DOC_CELL], c[DOC_CELL];
    snprintf(txt, sizeof txt,
             _("The instalments add up to %s; with the establishment fee of %s, deducted "
               "from the payout, the total cost of credit is %s. The table assumes the "
               "borrowing rate stays as it is today."),
             doc_kr(a, tab.total.payment), doc_kr(b, s->plan->terms.establishment_fee),
             doc_kr(c, s->plan->cost.total_cost));
    doc_color(d, DOC_INK);
    doc_text(d, DOC_MARGIN, y + 6, d->width - 2 * DOC_MARGIN, DOC_FONT_BOLD, DOC_LEFT, txt);
    sef_table_free(&tab);
}

static void last_page(doc *d, const doc_sef *s)
{
    const sl_loan_terms *t = &s->plan->terms;
    doc_page(d);
    double y = DOC_TOP - 8;
    y = heading(d, y, _("9. Early repayment"));
    y = paragraph(d, y,
                  _("You may repay the loan in full or in part at any time. On a floating "
                    "rate there is no charge for it. In a fixed-rate period the kommune "
                    "settles over- or underkurs: the difference between the loan's fixed rate "
                    "and the rate for the rest of the period, which you pay when rates have "
                    "fallen and are credited when they have risen; an extra payment in a "
                    "fixed-rate period is at least 30 000 kr."));
    y = paragraph(d, y,
                  _("An extra payment lowers the payment and keeps the end date, unless you "
                    "ask to keep the payment and shorten the loan."));
    y = heading(d, y, _("10. Flexible features: fixed-rate options"));
    char txt[400], a[DOC_CELL];
    if (t->fixed.years)
        snprintf(txt, sizeof txt,
                 _("This offer has a fixed rate of %s for %d years. Husbanken's fixed rate is "
                   "offered for 3, 5, 10 or 20 years, never longer than the loan's remaining "
                   "term."),
                 cli_percent_human(a, t->fixed.rate, -1), t->fixed.years);
    else
        snprintf(txt, sizeof txt, "%s",
                 _("This offer has a floating rate, which Husbanken may change every second "
                   "month. A fixed rate is offered for 3, 5, 10 or 20 years, never longer "
                   "than the loan's remaining term, and may be chosen later."));
    y = paragraph(d, y, txt);
    y = heading(d, y, _("How the figures are computed"));
    char note[1400];
    doc_assumptions(note, sizeof note, s->plan);
    y = paragraph(d, y, note);
    paragraph(d, y,
              _("Sources of this sheet's sections: Directive 2014/17/EU Annex II (ESIS, "
                "parts A and B), in Norwegian law through finansavtaleloven (2020) and "
                "finansavtaleforskriften (FOR-2022-09-19-1612, § 1-5 for the effective "
                "rate of a home loan); Husbanken's guidance on SEF for startlån; the terms "
                "of the startlån in forskrift om lån fra Husbanken. See docs/sef.md."));
}

void doc_sef_pdf(const char *path, const doc_sef *s)
{
    doc d;
    doc_open(&d, DOC_PDF, path, DOC_A4_WIDTH, DOC_A4_HEIGHT,
             _("Standardised European Information Sheet (SEF), start loan"), s->made);
    d.pages = 3;
    doc_page(&d);
    page_one(&d, s);
    table_page(&d, s);
    last_page(&d, s);
    doc_close(&d);
}
