/* The payment plan as a document: page 1 (key figures, the charts, the
 * contract and assumptions), the rate-shock comparison, the yearly summary,
 * the whole plan. Every figure is the engine's or the certified APR's. */
#include "doc_plan.h"

#include <stdlib.h>
#include <string.h>

static int pages_for(int n, int per_page)
{
    return n <= 0 ? 1 : (n + per_page - 1) / per_page;
}

int doc_plan_pages(const doc_plan *p, int with_shock)
{
    return 1 + (with_shock ? 1 : 0) + pages_for(p->nyears + 1, DOC_PLAN_YEARS_PER_PAGE) +
           pages_for(p->count, DOC_PLAN_ROWS_PER_PAGE);
}

const char *doc_loan_type(const sl_loan_terms *t)
{
    return t->type == SL_LOAN_SERIAL ? _("serial loan (serielån)")
                                     : _("annuity loan (annuitetslån)");
}

const char *doc_terms_text(char *buf, size_t size, int terms, int terms_per_year)
{
    int y = terms / terms_per_year, m = terms % terms_per_year;
    if (m)
        snprintf(buf, size, _("%d terms, %d a year (%d years and %d terms)"), terms,
                 terms_per_year, y, m);
    else
        snprintf(buf, size, _("%d terms, %d a year (%d years)"), terms, terms_per_year, y);
    return buf;
}

const char *doc_assumptions(char *buf, size_t size, const doc_plan *p)
{
    const sl_loan_terms *t = &p->terms;
    char fee[DOC_CELL], est[DOC_CELL];
    const char *unit = t->payment_rounding.unit == SL_ROUND_UNIT_KRONE ? _("whole kroner")
                                                                 : _("the øre");
    const char *day = t->day_count == SL_DAY_COUNT_ACT365
                          ? _("balance × rate × actual days / 365")
                          : _("balance × rate / terms per year (equal terms)");
    int n = snprintf(buf, size,
                     _("Contract and assumptions: %s. The payment is rounded to %s (%s); "
                          "each term's interest is %s, rounded to the øre half up; the last "
                          "term pays the rest. Term fee %s kr in every payment; establishment "
                          "fee %s kr deducted from the payout. "),
                     doc_loan_type(t), unit, sl_round_mode_name(t->payment_rounding.mode), day,
                     doc_amount(fee, t->term_fee), doc_amount(est, t->establishment_fee));
    if (n < 0 || (size_t)n >= size)
        return buf;
    if (p->have_cost)
        snprintf(buf + n, size - (size_t)n, "%s",
                 _("Effective rate (finansavtaleforskriften § 1-5, Directive 2014/17/EU "
                      "Annex I): certified to the decimal shown, payments at equal months, the "
                      "nominal rate assumed to stay at its level at signing; the total cost is "
                      "interest and every fee, the total payable the amount plus that cost."));
    else
        snprintf(buf + n, size - (size_t)n, _("Effective rate not computed: %s."), p->no_cost);
    return buf;
}

/* The key figures in a list of width w from (x, y); returns the next y. */
static double key_figures(doc *d, double x, double y, double w, const doc_plan *p)
{
    const sl_loan_terms *t = &p->terms;
    char v[DOC_CELL], s[96];
    y = doc_figure(d, x, y, w, _("Loan amount (lånebeløp)"), doc_kr(v, t->principal), DOC_FONT_BOLD);
    y = doc_figure(d, x, y, w, _("Nominal rate"), cli_percent_human(v, t->nominal_rate, -1),
               DOC_FONT_BODY);
    y = doc_figure(d, x, y, w, _("Type"), doc_loan_type(t), DOC_FONT_BODY);
    y = doc_figure(d, x, y, w, _("Terms"), doc_terms_text(s, sizeof s, p->count, t->terms_per_year),
               DOC_FONT_BODY);
    y = doc_figure(d, x, y, w, _("First payment (terminbeløp)"),
               doc_kr(v, p->count ? p->rows[0].payment : 0), DOC_FONT_BOLD);
    char a[DOC_CELL], b[DOC_CELL];
    snprintf(s, sizeof s, "%s / %s", doc_kr(a, t->term_fee), doc_kr(b, t->establishment_fee));
    y = doc_figure(d, x, y, w, _("Term fee / establishment fee"), s, DOC_FONT_BODY);
    if (p->have_cost) {
        y = doc_figure(d, x, y, w, _("Effective rate (effektiv rente)"),
                   cli_percent_human(v, p->cost.apr.rate, 2), DOC_FONT_BOLD);
        y = doc_figure(d, x, y, w, _("Total cost of credit (kredittkostnad)"),
                   doc_kr(v, p->cost.total_cost), DOC_FONT_BODY);
        y = doc_figure(d, x, y, w, _("Total payable (totalt å betale)"),
                   doc_kr(v, p->cost.total_payable), DOC_FONT_BOLD);
    } else {
        y = doc_figure(d, x, y, w, _("Effective rate (effektiv rente)"), _("not computed"),
                   DOC_FONT_BODY);
        y = doc_figure(d, x, y, w, _("Interest and fees"),
                   doc_kr(v, p->totals.interest + p->totals.fees), DOC_FONT_BODY);
        y = doc_figure(d, x, y, w, _("Total paid"), doc_kr(v, p->totals.paid), DOC_FONT_BOLD);
    }
    return y;
}

static void balance_line(doc_balance_line *l, const doc_plan *p, unsigned rgb, const char *label)
{
    *l = (doc_balance_line){p->balance, p->count, p->terms.terms_per_year, rgb, label};
}

static void page_one(doc *d, const doc_plan *p)
{
    const sl_loan_terms *t = &p->terms;
    double x = DOC_MARGIN, w = d->width - 2 * DOC_MARGIN, y = DOC_TOP;
    char a[DOC_CELL], r[DOC_CELL], s[512];
    doc_color(d, DOC_INK);
    y += doc_text(d, x, y, w, DOC_FONT_TITLE, DOC_LEFT, _("Payment plan for a start loan"));
    snprintf(s, sizeof s, _("%s kr at %s nominal rate, %s"), doc_kroner(a, t->principal),
             cli_percent_human(r, t->nominal_rate, -1), doc_loan_type(t));
    doc_color(d, DOC_GREY);
    y += doc_text(d, x, y + 2, w, DOC_FONT_BODY, DOC_LEFT, s) + 14;

    /* The panel: what the family pays, large, and the key figures beside it. */
    double panel_h = 170;
    doc_rect(d, x, y, w, panel_h, DOC_SHADE);
    double lx = x + 14, ly = y + 14;
    doc_color(d, DOC_GREY);
    doc_text(d, lx, ly, 0, DOC_FONT_BODY, DOC_LEFT,
             t->terms_per_year == 12 ? _("You pay each month") : _("You pay each term"));
    doc_color(d, DOC_BLUE);
    char v[DOC_CELL];
    doc_text(d, lx, ly + 14, 0, DOC_FONT_BIG, DOC_LEFT, doc_kr(v, p->count ? p->rows[0].payment : 0));
    doc_color(d, DOC_GREY);
    doc_text(d, lx, ly + 36, 150, DOC_FONT_SMALL, DOC_LEFT,
             t->type == SL_LOAN_SERIAL ? _("the first payment; it falls as the loan is repaid")
                                       : _("interest, principal and term fee"));
    if (p->have_cost) {
        doc_text(d, lx, ly + 70, 0, DOC_FONT_BODY, DOC_LEFT, _("Effective rate"));
        doc_color(d, DOC_BLUE);
        char e[DOC_CELL];
        doc_text(d, lx, ly + 84, 0, DOC_FONT_BIG, DOC_LEFT,
                 cli_percent_human(e, p->cost.apr.rate, 2));
    }
    double fx = x + 190;
    key_figures(d, fx, ly, x + w - 14 - fx, p);
    y += panel_h + 10;

    if (p->have_cost && cli_cost_sentence(s, sizeof s, &p->cost) > 0) {
        doc_color(d, DOC_GREY);
        doc_text(d, x, y, 0, DOC_FONT_SMALL, DOC_LEFT, _("Representative example"));
        doc_color(d, DOC_INK);
        y += 10 + doc_text(d, x, y + 10, w, DOC_FONT_BOLD, DOC_LEFT, s) + 12;
    }

    double cw = (w - 24) / 2, ch = 270;
    doc_balance_line line;
    balance_line(&line, p, DOC_BLUE, NULL);
    doc_chart_balance(d, x, y, cw, ch, _("What you owe (restgjeld), year by year"), &line, 1);
    doc_chart_years(d, x + cw + 24, y, cw, ch, _("What you pay each year"), p->years,
                    p->nyears);
    y += ch + 14;

    if (p->nyears > 0) {
        const doc_year *first = &p->years[0];
        char i1[DOC_CELL], p1[DOC_CELL];
        if (p->rows[0].due_date.year)
            snprintf(s, sizeof s,
                     _("In %d, the first year, you pay %s kr in interest and %s kr off the "
                          "loan."),
                     first->year, doc_kroner(i1, first->interest),
                     doc_kroner(p1, first->principal));
        else
            snprintf(s, sizeof s,
                     _("In the first year you pay %s kr in interest and %s kr off the loan."),
                     doc_kroner(i1, first->interest), doc_kroner(p1, first->principal));
        doc_color(d, DOC_INK);
        y += doc_text(d, x, y, w, DOC_FONT_BODY, DOC_LEFT, s) + 4;
        if (p->totals.principal > 0) {
            char ti[DOC_CELL];
            snprintf(s, sizeof s,
                     _("Over the whole loan the interest comes to %s kr."),
                     doc_kroner(ti, p->totals.interest));
            y += doc_text(d, x, y, w, DOC_FONT_BODY, DOC_LEFT, s);
        }
    }

    /* The contract and assumptions, as a footnote at the foot of the page. */
    char note[1400];
    doc_assumptions(note, sizeof note, p);
    double nh = doc_text_height(d, w, DOC_FONT_SMALL, note);
    double ny = DOC_BOTTOM - nh;
    if (ny < y + 6)
        ny = y + 6;
    doc_line(d, x, ny - 5, x + 120, ny - 5, 0.5, DOC_GREY);
    doc_color(d, DOC_GREY);
    doc_text(d, x, ny, w, DOC_FONT_SMALL, DOC_LEFT, note);
}

static void summary_pages(doc *d, const doc_plan *p)
{
    const doc_column cols[] = {
        {_("Year"), 40},       {_("Terms"), 85},      {_("Paid"), 170},
        {_("Interest"), 250},  {_("Principal"), 330}, {_("Fees"), 395},
        {_("Balance at year end"), 499},
    };
    enum { NC = sizeof cols / sizeof cols[0] };
    char cells[NC][DOC_CELL];
    const double row_h = 14;
    int i = 0;
    do {
        double y = doc_table_page(d, _("Year by year"), cols, NC, row_h);
        for (int k = 0; k < DOC_PLAN_YEARS_PER_PAGE && i <= p->nyears; k++, i++) {
            if (i == p->nyears) { /* the total row */
                doc_line(d, DOC_MARGIN, y - 1, d->width - DOC_MARGIN, y - 1, 0.6, DOC_GREY);
                snprintf(cells[0], sizeof cells[0], "%s", _("Total"));
                snprintf(cells[1], sizeof cells[1], "%d", p->totals.terms);
                doc_amount(cells[2], p->totals.paid - p->totals.establishment_fee);
                doc_amount(cells[3], p->totals.interest);
                doc_amount(cells[4], p->totals.principal);
                doc_amount(cells[5], p->totals.term_fees);
                cells[6][0] = '\0';
                doc_table_row(d, y + 2, cols, cells, NC, DOC_FONT_SMALL_BOLD);
                y += row_h + 2;
                continue;
            }
            const doc_year *yr = &p->years[i];
            doc_table_stripe(d, y, row_h, k);
            snprintf(cells[0], sizeof cells[0], "%d", yr->year);
            snprintf(cells[1], sizeof cells[1], "%d", yr->terms);
            doc_amount(cells[2], yr->paid);
            doc_amount(cells[3], yr->interest);
            doc_amount(cells[4], yr->principal);
            doc_amount(cells[5], yr->fees);
            doc_amount(cells[6], yr->balance);
            doc_color(d, DOC_INK);
            doc_table_row(d, y, cols, cells, NC, DOC_FONT_BODY);
            y += row_h;
        }
        if (i > p->nyears && p->totals.establishment_fee) {
            char s[200], m[DOC_CELL];
            snprintf(s, sizeof s,
                     _("Paid is the sum of the payments; the establishment fee of %s kr is "
                          "deducted from the payout."),
                     doc_amount(m, p->totals.establishment_fee));
            doc_color(d, DOC_GREY);
            doc_text(d, DOC_MARGIN, y + 6, d->width - 2 * DOC_MARGIN, DOC_FONT_SMALL, DOC_LEFT,
                     s);
        }
    } while (i <= p->nyears);
}

static void plan_pages(doc *d, const doc_plan *p)
{
    int dated = p->count && p->rows[0].due_date.year;
    const doc_column cols[] = {
        {_("Term"), 24},
        {dated ? _("Due date") : "", 80},
        {_("Opening balance"), 155},
        {_("Interest"), 215},
        {_("Principal"), 275},
        {_("Fee"), 315},
        {_("Payment"), 375},
        {_("Closing balance"), 450},
        {_("Rate"), 499},
    };
    enum { NC = sizeof cols / sizeof cols[0] };
    char cells[NC][DOC_CELL];
    const double row_h = 12;
    int i = 0;
    do {
        double y = doc_table_page(d, _("The whole plan (nedbetalingsplan)"), cols, NC, row_h);
        for (int k = 0; k < DOC_PLAN_ROWS_PER_PAGE && i < p->count; k++, i++) {
            const sl_plan_row *r = &p->rows[i];
            if (r->due_date.year && r->due_date.month == 1 && k)
                doc_line(d, DOC_MARGIN, y - 1.5, d->width - DOC_MARGIN, y - 1.5, 0.4, DOC_RULE);
            else if (!r->due_date.year && i % p->terms.terms_per_year == 0 && k)
                doc_line(d, DOC_MARGIN, y - 1.5, d->width - DOC_MARGIN, y - 1.5, 0.4, DOC_RULE);
            snprintf(cells[0], sizeof cells[0], "%d", r->term);
            cli_date_human(cells[1], r->due_date);
            doc_amount(cells[2], r->opening_balance);
            doc_amount(cells[3], r->interest);
            doc_amount(cells[4], r->principal);
            doc_amount(cells[5], r->fee);
            doc_amount(cells[6], r->payment);
            doc_amount(cells[7], r->closing_balance);
            cli_percent_human(cells[8], r->rate, -1);
            doc_color(d, DOC_INK);
            doc_table_row(d, y, cols, cells, NC, DOC_FONT_SMALL);
            y += row_h;
        }
    } while (i < p->count);
}

/* One side of the rate-shock comparison: its lines, then their height. */
typedef struct shock_side {
    int n;
    const char *label[8];
    char value[8][96];
    doc_font font[8];
} shock_side;

static void shock_add(shock_side *c, const char *label, const char *value, doc_font font)
{
    c->label[c->n] = label;
    snprintf(c->value[c->n], sizeof c->value[c->n], "%s", value);
    c->font[c->n++] = font;
}

static void shock_side_fill(shock_side *c, const doc_plan *p, const doc_plan *base)
{
    char v[DOC_CELL], t[96];
    c->n = 0;
    shock_add(c, _("Nominal rate"),
              cli_percent_human(v, p->count ? p->rows[0].rate : p->terms.nominal_rate, -1),
              DOC_FONT_BODY);
    shock_add(c, _("First payment (terminbeløp)"), doc_kr(v, p->count ? p->rows[0].payment : 0),
              DOC_FONT_BOLD);
    shock_add(c, _("Terms"), doc_terms_text(t, sizeof t, p->count, p->terms.terms_per_year),
              DOC_FONT_BODY);
    shock_add(c, _("Interest"), doc_kr(v, p->totals.interest), DOC_FONT_BODY);
    shock_add(c, _("Total paid"), doc_kr(v, p->totals.paid), DOC_FONT_BOLD);
    if (p->have_cost)
        shock_add(c, _("Effective rate (effektiv rente)"),
                  cli_percent_human(v, p->cost.apr.rate, 2), DOC_FONT_BOLD);
    if (base && base->count && p->count) {
        sl_money diff = p->rows[0].payment - base->rows[0].payment;
        snprintf(t, sizeof t, _("%s%s kr a term"), diff >= 0 ? "+" : "−",
                 doc_amount(v, diff >= 0 ? diff : -diff));
        shock_add(c, _("Change a term"), t, DOC_FONT_BOLD);
    }
}

static double shock_side_height(doc *d, const shock_side *c, double w)
{
    double h = 0;
    for (int i = 0; i < c->n; i++)
        h += doc_figure_height(d, w, c->label[i], c->value[i], c->font[i]);
    return h;
}

static void shock_page(doc *d, const doc_plan *b, const doc_plan *s, sl_rate points)
{
    double x = DOC_MARGIN, w = d->width - 2 * DOC_MARGIN, y = DOC_TOP;
    char head[96], side_head[96], n[DOC_CELL];
    doc_page(d);
    sl_rate up = {points.num < 0 ? -points.num : points.num, points.den};
    doc_points(n, up);
    snprintf(head, sizeof head,
             points.num < 0 ? _("If the rate falls by %s percentage points")
                            : _("If the rate rises by %s percentage points"), n);
    snprintf(side_head, sizeof side_head,
             points.num < 0 ? _("Rate %s points lower") : _("Rate %s points higher"), n);
    doc_color(d, DOC_INK);
    y += doc_text(d, x, y, w, DOC_FONT_TITLE, DOC_LEFT, head) + 4;
    doc_color(d, DOC_GREY);
    y += doc_text(d, x, y, w, DOC_FONT_BODY, DOC_LEFT,
                  _("The same loan with every rate moved, side by side: what the family "
                       "pays today and what it would pay.")) + 12;
    double cw = (w - 24) / 2, fw = cw - 20;
    shock_side side[2];
    shock_side_fill(&side[0], b, NULL);
    shock_side_fill(&side[1], s, b);
    double h0 = shock_side_height(d, &side[0], fw), h1 = shock_side_height(d, &side[1], fw);
    double card_h = 30 + (h0 > h1 ? h0 : h1) + 8;
    doc_rect(d, x, y, cw, card_h, DOC_SHADE);
    doc_rect(d, x + cw + 24, y, cw, card_h, 0xf8eee4);
    doc_color(d, DOC_INK);
    doc_text(d, x + 10, y + 8, 0, DOC_FONT_HEADING, DOC_LEFT, _("Today"));
    doc_text(d, x + cw + 34, y + 8, 0, DOC_FONT_HEADING, DOC_LEFT, side_head);
    for (int k = 0; k < 2; k++) {
        double fx = x + k * (cw + 24) + 10, fy = y + 30;
        for (int i = 0; i < side[k].n; i++) {
            int change = k == 1 && i == side[k].n - 1 && b->count && s->count;
            fy = doc_figure_rgb(d, fx, fy, fw, side[k].label[i], side[k].value[i],
                                side[k].font[i], change ? DOC_RED : DOC_INK);
        }
    }
    y += card_h + 20;
    /* Two charts share the rest of the page: the balances, and what is paid each year. */
    double ch = (DOC_BOTTOM - y - 28) / 2;
    doc_balance_line lines[2];
    balance_line(&lines[0], b, DOC_BLUE, _("today"));
    balance_line(&lines[1], s, DOC_ORANGE, side_head);
    doc_chart_balance(d, x, y, w, ch, _("What you owe (restgjeld), year by year"), lines, 2);
    y += ch + 16;
    doc_chart_years_pair(d, x, y, w, ch, _("What you pay each year"), b->years, b->nyears,
                         s->years, s->nyears, _("today"), side_head);
}

void doc_plan_pdf(const char *path, const doc_plan *p, const doc_plan *shocked, sl_rate points,
                  sl_date made)
{
    doc d;
    doc_open(&d, DOC_PDF, path, DOC_A4_WIDTH, DOC_A4_HEIGHT,
             _("Payment plan (nedbetalingsplan), start loan"), made);
    d.pages = doc_plan_pages(p, shocked != NULL);
    doc_page(&d);
    page_one(&d, p);
    if (shocked)
        shock_page(&d, p, shocked, points);
    summary_pages(&d, p);
    plan_pages(&d, p);
    doc_close(&d);
}

void doc_plan_charts(const char *path, doc_format format, const doc_plan *p, sl_date made)
{
    doc d;
    doc_open(&d, format, path, 560, 600, _("Payment plan (nedbetalingsplan), start loan"),
             made);
    doc_page(&d);
    double w, h;
    doc_chart_picture(&d, &w, &h);
    double m = 9, ch = (h - 2 * m - 8) / 2; /* two charts, one above the other */
    doc_balance_line line;
    balance_line(&line, p, DOC_BLUE, NULL);
    doc_chart_balance(&d, m, m, w - 2 * m, ch, _("What you owe (restgjeld), year by year"), &line,
                      1);
    doc_chart_years(&d, m, m + ch + 8, w - 2 * m, ch, _("What you pay each year"), p->years,
                    p->nyears);
    doc_close(&d);
}
