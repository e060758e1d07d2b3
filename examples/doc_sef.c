/* The SEF (ESIS) for a startlån offer: the sections of Directive 2014/17/EU
 * Annex II Part A that the contract settles, numbered as there, with the
 * illustrative repayment table of Part B section 7 (every instalment of the
 * first year and their subtotal, then one line a year, then the total). */
#include "doc_sef.h"

#include <stdlib.h>
#include <string.h>

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
