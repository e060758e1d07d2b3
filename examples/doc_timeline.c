/* The rent-to-own and part-own timeline as a document: page 1 with the
 * phases on a band, the answer (the month after the purchase) and the two
 * charts, the purchase line by line; then the years. Every amount is the
 * library's timeline (sl_rto_timeline_next, sl_part_own_next) as the
 * program's other formats print it. */
#include "doc_timeline.h"

#include <stdlib.h>

#include "cli_rent.h"
#include "doc_chart.h"

#define YEARS_PER_PAGE 44


typedef struct tl_year {
    int year, months;
    sl_money rent, loan, balance, equity, savings, bought;
    sl_rate owned;
} tl_year;

/* The months summed by calendar year (the loan's dates), else by the
 * timeline's years 1, 2, … */
static int sum_years(tl_year *out, const doc_timeline *t)
{
    int n = 0;
    for (int i = 0; i < t->count; i++) {
        const doc_month *m = &t->months[i];
        int year = m->date.year ? m->date.year : (m->month - 1) / 12 + 1;
        if (n == 0 || out[n - 1].year != year)
            out[n++] = (tl_year){.year = year};
        tl_year *y = &out[n - 1];
        y->months++;
        y->rent += m->rent;
        y->loan += m->loan;
        y->bought += m->bought;
        y->balance = m->balance;
        y->equity = m->equity;
        y->savings = m->savings;
        y->owned = m->owned;
    }
    return n;
}

/* The phases as a band across the page: renting (orange), owning (blue). */
static void phase_band(doc_sheet *s, const doc_timeline *t)
{
    const sl_rto_result *r = t->rto;
    doc *d = s->d;
    double w = d->width - 2 * DOC_MARGIN, h = 16;
    int rent = r->transition_month - 1, all = t->count > 0 ? t->count : 1;
    double rw = w * rent / all;
    doc_sheet_room(s, 60);
    doc_rect(d, s->x, s->y, rw, h, DOC_ORANGE);
    doc_rect(d, s->x + rw, s->y, w - rw, h, DOC_BLUE);
    doc_line(d, s->x + rw, s->y - 4, s->x + rw, s->y + h + 1, 1.5, DOC_INK);
    char text[200], a[DOC_CELL], b[DOC_CELL];
    double y = s->y + h + 5; /* under the mark, not through it */
    snprintf(text, sizeof text, _("1. Renting: %d months, %s kr a month"), rent,
             doc_amount(a, r->last_rent));
    doc_color(d, DOC_INK);
    /* a long rent label wraps (nynorsk's is): the purchase goes under it */
    double rent_h = doc_text(d, s->x, y, rw > 150 ? rw - 4 : 150, DOC_FONT_SMALL, DOC_LEFT, text);
    double below = 10 + rent_h - doc_text_height(d, 0, DOC_FONT_SMALL, text);
    if (r->transition_date.year)
        snprintf(text, sizeof text, _("2. The purchase, %s"), cli_date_human(a, r->transition_date));
    else
        snprintf(text, sizeof text, _("2. The purchase, month %d"), r->transition_month);
    /* under the mark, but never past the page's margins */
    double tw = doc_text_width(d, DOC_FONT_SMALL_BOLD, text), tx = s->x + rw - tw / 2;
    if (tx < s->x)
        tx = s->x;
    if (tx + tw > s->x + w)
        tx = s->x + w - tw;
    doc_text(d, tx, y + below, 0, DOC_FONT_SMALL_BOLD, DOC_LEFT, text);
    if (t->count > rent) { /* none when the purchase needs no loan */
        snprintf(text, sizeof text, _("3. The loan: %d months, %s kr a month"), t->count - rent,
                 doc_amount(b, r->first_payment));
        doc_text(d, s->x + w, y, 0, DOC_FONT_SMALL, DOC_RIGHT, text);
    }
    s->y = y + below + 20;
}

/* The two charts: what the household pays each month in the box at (x1, y1),
 * what it owes and owns at (x2, y2), each w × h. */
static void draw_charts(doc *d, const doc_timeline *t, double x1, double y1, double x2,
                        double y2, double w, double h)
{
    sl_money *cost = malloc(sizeof *cost * ((size_t)t->count + 1));
    sl_money *bal = malloc(sizeof *bal * ((size_t)t->count + 1));
    sl_money *eq = malloc(sizeof *eq * ((size_t)t->count + 1));
    if (!cost || !bal || !eq)
        cli_die(1, "out of memory");
    for (int i = 0; i < t->count; i++) {
        const doc_month *m = &t->months[i];
        cost[i + 1] = m->rent + m->loan;
        bal[i + 1] = m->balance;
        eq[i + 1] = m->equity > 0 ? m->equity : 0;
    }
    cost[0] = t->count ? cost[1] : 0;
    bal[0] = t->part_own ? t->loan : 0;
    eq[0] = t->part_own ? t->own_funds : 0;
    doc_balance_line c = {cost, t->count, 12, DOC_ORANGE, NULL};
    doc_chart_balance(d, x1, y1, w, h, _("What you pay each month (rent and loan)"), &c, 1);
    doc_balance_line lines[2] = {
        {bal, t->count, 12, DOC_BLUE, _("the loan")},
        {eq, t->count, 12, DOC_GREEN, _("your equity")},
    };
    doc_chart_balance(d, x2, y2, w, h,
                      t->has_value ? _("What you owe and what you own")
                                   : _("What you owe (restgjeld), year by year"),
                      lines, t->has_value ? 2 : 1);
    free(cost);
    free(bal);
    free(eq);
}

/* The charts side by side across page 1. */
static void charts(doc_sheet *s, const doc_timeline *t)
{
    double w = s->d->width - 2 * DOC_MARGIN, cw = (w - 24) / 2, ch = 230;
    doc_sheet_room(s, ch);
    draw_charts(s->d, t, s->x, s->y, s->x + cw + 24, s->y, cw, ch);
    s->y += ch + 10;
}

static void purchase_lines(doc_sheet *s, const doc_timeline *t)
{
    const sl_rto_result *r = t->rto;
    const sl_rto_options *o = t->options;
    char text[1024], a[DOC_CELL];
    doc_sheet_heading(s, _("The purchase"));
    doc_sheet_line(s, _("Purchase price (kjøpesum)"), "", r->purchase_price);
    doc_sheet_line(s, _("Document tax (dokumentavgift)"), "+", r->document_tax);
    if (r->document_tax && r->document_tax_base != r->purchase_price)
        doc_sheet_detail(s, _("2.5 percent of the market value at the purchase"), r->document_tax_base);
    doc_sheet_line(s, _("Registration fees (tinglysing)"), "+", r->registration_fees);
    if (r->rent_credit)
        doc_sheet_line(s, _("Rent credit (leiekreditt)"), "−", r->rent_credit);
    if (r->savings)
        doc_sheet_line(s, _("Savings (oppsparing)"), "−", r->savings);
    if (o->own_funds)
        doc_sheet_line(s, _("Own funds (egenkapital)"), "−", o->own_funds);
    if (o->grant)
        doc_sheet_line(s, _("Grant (tilskudd)"), "−", o->grant);
    doc_sheet_result(s, _("Start loan needed (startlån)"), "=", r->loan_amount);
    if (r->cash_left)
        doc_sheet_line(s, _("Cash left after the purchase"), "", r->cash_left);
    if (r->has_loan) {
        if (!(r->findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE))
            doc_sheet_text(s, _("Effective rate (effektiv rente)"),
                           cli_percent_human(a, r->cost.apr.rate, 2));
        doc_sheet_line(s, _("Total payable (totalt å betale)"), "", r->cost.total_payable);
    }
    if (r->option_value)
        doc_sheet_line(s, _("Option value at transfer (value - price)"), "", r->option_value);
    if (r->equity_required) {
        doc_sheet_line(s, _("Equity at the purchase"), "", r->equity_at_purchase);
        doc_sheet_line(s, _("Banks' equity requirement"), "", r->equity_required);
        if (r->findings & SL_RTO_FINDING_EQUITY_SHORT) {
            snprintf(text, sizeof text,
                     _("Equity short by %s kr: a bank loan alone cannot finance the purchase (a "
                       "startlån may)."),
                     doc_amount(a, r->equity_required - r->equity_at_purchase));
            doc_sheet_para(s, DOC_FONT_BOLD, DOC_RED, text);
        }
    }
    doc_sheet_gap(s, 4);
    cli_lapse_text(text, sizeof text, t->lapse);
    doc_sheet_para(s, DOC_FONT_SMALL, DOC_GREY, text);
}

static void part_lines(doc_sheet *s, const doc_timeline *t)
{
    char label[160], a[DOC_CELL], b[DOC_CELL];
    doc_sheet_heading(s, _("The first share"));
    snprintf(label, sizeof label, _("%s of %s kr"), cli_percent_human(a, t->share, 2),
             doc_amount(b, t->price));
    doc_sheet_line(s, label, "", t->share_price);
    doc_sheet_line(s, _("Own funds (egenkapital)"), "−", t->own_funds);
    doc_sheet_result(s, _("Start loan (startlån)"), "=", t->loan);
    if (t->cash)
        doc_sheet_line(s, _("Cash left after the purchase"), "", t->cash);
    if (t->have_cost) {
        doc_sheet_text(s, _("Effective rate (effektiv rente)"),
                       cli_percent_human(a, t->cost.apr.rate, 2));
        doc_sheet_line(s, _("Total payable (totalt å betale)"), "", t->cost.total_payable);
    }
    int any = 0;
    for (int i = 0; i < t->count; i++) {
        const doc_month *m = &t->months[i];
        if (!m->bought)
            continue;
        if (!any++)
            doc_sheet_heading(s, _("Shares bought later"));
        const doc_month *next = i + 1 < t->count ? &t->months[i + 1] : m;
        if (m->date.year)
            snprintf(label, sizeof label, _("%s: up to %s owned"), cli_date_human(a, m->date),
                     cli_percent_human(b, next->owned, 2));
        else
            snprintf(label, sizeof label, _("Month %d: up to %s owned"), m->month,
                     cli_percent_human(b, next->owned, 2));
        doc_sheet_line(s, label, "", m->bought);
    }
}

/* The years' table, page by page; returns the y under its last row. */
static double years_pages(doc *d, const doc_timeline *t)
{
    tl_year *ys = malloc(sizeof *ys * ((size_t)t->count + 1));
    if (!ys)
        cli_die(1, "out of memory");
    int n = sum_years(ys, t);
    doc_column cols[] = {
        {_("Year"), 40},
        {_("Months"), 85},
        {_("Rent"), 165},
        {_("Loan paid"), 245},
        {_("Balance"), 335},
        {t->has_value ? _("Equity") : "", 420},
        {t->part_own ? _("Owned") : _("Savings"), 499},
    };
    enum { NC = sizeof cols / sizeof cols[0] };
    char cells[NC][DOC_CELL];
    const double row_h = 14;
    int i = 0;
    double y;
    sl_money rent = 0, loan = 0;
    do {
        y = doc_table_page(d, _("Year by year"), cols, NC, row_h);
        for (int k = 0; k < YEARS_PER_PAGE && i <= n; k++, i++) {
            if (i == n) { /* the total row */
                doc_line(d, DOC_MARGIN, y - 1, d->width - DOC_MARGIN, y - 1, 0.6, DOC_GREY);
                for (int c = 0; c < NC; c++)
                    cells[c][0] = '\0';
                snprintf(cells[0], sizeof cells[0], "%s", _("Total"));
                snprintf(cells[1], sizeof cells[1], "%d", t->count);
                doc_amount(cells[2], rent);
                doc_amount(cells[3], loan);
                doc_table_row(d, y + 2, cols, cells, NC, DOC_FONT_SMALL_BOLD);
                y += row_h;
                continue;
            }
            const tl_year *yr = &ys[i];
            rent += yr->rent;
            loan += yr->loan;
            doc_table_stripe(d, y, row_h, k);
            snprintf(cells[0], sizeof cells[0], "%d", yr->year);
            snprintf(cells[1], sizeof cells[1], "%d", yr->months);
            doc_amount(cells[2], yr->rent);
            doc_amount(cells[3], yr->loan);
            doc_amount(cells[4], yr->balance);
            if (t->has_value)
                doc_amount(cells[5], yr->equity);
            else
                cells[5][0] = '\0';
            if (t->part_own)
                cli_percent_human(cells[6], yr->owned, 2);
            else
                doc_amount(cells[6], yr->savings);
            doc_color(d, DOC_INK);
            doc_table_row(d, y, cols, cells, NC, DOC_FONT_BODY);
            y += row_h;
        }
    } while (i <= n);
    free(ys);
    return y;
}

static const char *title_of(const doc_timeline *t)
{
    return t->part_own     ? _("Part ownership (deleie)")
           : t->before_own ? _("Renting with an option to buy (leie før eie)")
                           : _("From renting to owning (leie til eie)");
}

/* How the figures are made and where the rules come from, at the foot of
 * the last page (docs/rent-to-own.md has the details). */
static void footnote(doc_sheet *s, const doc_timeline *t)
{
    if (t->part_own)
        doc_sheet_footnote(
            s, _("How this is computed: the household owns the share it has paid for (own funds "
                 "and the start loan) and pays market rent for the rest; each later share is "
                 "financed by a new start loan with the same terms, paid out at the end of the "
                 "month of purchase. Equity is the value times the share owned less the loans. "
                 "Every loan payment is the engine's, to the øre, at the rate entered (assumed "
                 "to stay); the effective rate is the first loan's (finansavtaleforskriften "
                 "§ 1-5). Sources: OBOS Deleie; LeieEie/Bate."));
    else
        doc_sheet_footnote(
            s, _("How this is computed: rent is paid in advance, loan terms in arrears (the "
                 "first one month after the purchase). The purchase price is the one agreed; "
                 "the rent credit and the savings are taken off it; dokumentavgift is 2.5 "
                 "percent of the market value at the transfer (Kartverket), tinglysing the "
                 "fee per document. Every loan payment is the engine's, to the øre, at the rate "
                 "entered (assumed to stay); effective rate per finansavtaleforskriften § 1-5. "
                 "Equity: while renting, the savings, the credit earned and the option value; "
                 "after the purchase, the market value less the loan and the grant not yet "
                 "written down (with value growth only). Sources: Husbanken's Veiviseren (leie til eie), "
                 "Prop. 158 L (2024–2025) ch. 5."));
}

static void draw(doc *d, const void *arg)
{
    const doc_timeline *t = arg;
    char sub[320], a[DOC_CELL], b[DOC_CELL];
    doc_sheet s = {d, 0, 0, 0};
    doc_sheet_page(&s, 380);
    const char *title = title_of(t);
    if (t->part_own)
        snprintf(sub, sizeof sub, _("The home's price %s kr · first share %s · %d months"),
                 doc_amount(a, t->price), cli_percent_human(b, t->share, 2), t->count);
    else
        snprintf(sub, sizeof sub, _("Price %s kr · %d months renting · %d months in all"),
                 doc_amount(a, t->options->price), t->options->rent_months, t->count);
    doc_sheet_title(&s, title, sub);

    double top = s.y, ph = 84;
    sl_money first = t->part_own ? (t->count ? t->months[0].rent + t->months[0].loan : 0)
                                 : t->rto->first_payment;
    double kx = doc_sheet_panel(&s, ph, t->part_own ? _("You pay in the first month, rent and loan")
                                                    : _("You pay each month after the purchase"),
                                doc_kr(a, first), DOC_BLUE);
    doc_sheet k = {d, kx, top + 14, DOC_MARGIN + (d->width - 2 * DOC_MARGIN) - 14 - kx};
    if (t->part_own) {
        doc_sheet_line(&k, _("Start loan (startlån)"), "", t->loan);
        if (t->count) {
            doc_sheet_line(&k, _("Rent (for the share you do not own)"), "", t->months[0].rent);
            doc_sheet_line(&k, _("Loan payment"), "", t->months[0].loan);
        }
    } else {
        doc_sheet_line(&k, _("Rent before the purchase"), "", t->rto->last_rent);
        doc_sheet_line(&k, _("Start loan needed (startlån)"), "", t->rto->loan_amount);
        if (t->rto->has_loan && !(t->rto->findings & SL_RTO_FINDING_NO_EFFECTIVE_RATE))
            doc_sheet_text(&k, _("Effective rate (effektiv rente)"),
                           cli_percent_human(b, t->rto->cost.apr.rate, 2));
    }
    if (t->have_shock) {
        char pts[SL_RATE_BUFSIZE], label[96];
        snprintf(label, sizeof label, t->shock.num < 0 ? _("Rate %s points lower")
                                                       : _("Rate %s points higher"),
                 doc_points(pts, (sl_rate){t->shock.num < 0 ? -t->shock.num : t->shock.num,
                                           t->shock.den}));
        doc_sheet_line(&k, label, "", t->shocked_first_payment);
    }
    s.y = top + ph + 8;
    if (!t->part_own) {
        doc_sheet_para(&s, DOC_FONT_BOLD, DOC_INK, cli_change_text(sub, sizeof sub, t->rto));
        doc_sheet_gap(&s, 4);
        phase_band(&s, t);
    } else {
        doc_sheet_gap(&s, 6);
    }
    charts(&s, t);
    if (t->part_own)
        part_lines(&s, t);
    else
        purchase_lines(&s, t);
    s.y = years_pages(d, t);
    footnote(&s, t);
}

void doc_timeline_pdf(const char *path, const doc_timeline *t)
{
    doc_write_pdf(path, title_of(t), t->made, draw, t);
}

void doc_timeline_charts(const char *path, doc_format format, const doc_timeline *t)
{
    doc d;
    doc_open(&d, format, path, 560, 600, title_of(t), t->made);
    doc_page(&d);
    double w, h;
    doc_chart_picture(&d, &w, &h);
    double m = 9, ch = (h - 2 * m - 8) / 2; /* two charts, one above the other */
    draw_charts(&d, t, m, m, m, m + ch + 8, w - 2 * m, ch);
    doc_close(&d);
}
