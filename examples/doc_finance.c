/* The financing of a home purchase on one page: the answer (what the family
 * pays a month), kilder og bruk side by side with the sources as a bar, the
 * payments of each loan, the month after the interest deduction, the budget
 * at the stressed rates, the largest price. Every amount is
 * sl_finance_compute's or sl_finance_max_price's. */
#include "doc_finance.h"

static const char *loan_text(char *buf, size_t size, const sl_loan_terms *t)
{
    char r[DOC_CELL], m[DOC_CELL];
    if (t->margin.num)
        snprintf(buf, size, _("%s + %s, %d years"), cli_percent_human(r, t->nominal_rate, -1),
                 cli_percent_human(m, t->margin, -1), t->terms / 12);
    else
        snprintf(buf, size, _("%s, %d years"), cli_percent_human(r, t->nominal_rate, -1),
                 t->terms / 12);
    return buf;
}

static void uses_and_sources(doc_sheet *s, const doc_finance *f)
{
    const sl_finance_result *r = f->result;
    const sl_finance_options *o = f->options;
    char label[160], a[DOC_CELL];
    double top = s->y, half = (s->d->width - 2 * DOC_MARGIN - 24) / 2;
    doc_sheet u = {s->d, s->x, top, half};
    doc_sheet_heading(&u, _("Uses (bruk)"));
    doc_sheet_line(&u, _("Price (kjøpesum)"), "", r->price);
    doc_sheet_line(&u, o->tenure == SL_TENURE_SELVEIER ? _("Document tax, 2.5 percent")
                                                       : _("Document tax (none)"),
                   "+", r->document_tax);
    snprintf(label, sizeof label, _("Registration, %d × %s"), r->documents,
             doc_amount(a, r->registration_fee));
    doc_sheet_line(&u, label, "+", r->registration_fees);
    doc_sheet_line(&u, _("Establishment fees"), "+", r->establishment_fees);
    doc_sheet_result(&u, _("Total need"), "=", r->total_need);
    if (r->common_debt)
        doc_sheet_detail(&u, _("common debt, paid through the felleskostnader"), r->common_debt);

    doc_sheet k = {s->d, s->x + half + 24, top, half};
    doc_sheet_heading(&k, _("Sources (kilder)"));
    doc_sheet_line(&k, _("Own funds (egenkapital)"), "", r->own_funds);
    doc_sheet_line(&k, _("Bank loan"), "+", r->bank_loan);
    doc_sheet_line(&k, _("Start loan (startlån)"), "+", r->start_loan);
    doc_sheet_line(&k, _("Grant (tilskudd)"), "+", r->grant);
    doc_sheet_result(&k, _("Total"), "=", r->own_funds + r->bank_loan + r->start_loan + r->grant);
    s->y = (u.y > k.y ? u.y : k.y) + 4;

    doc_part parts[] = {
        {_("Own funds"), r->own_funds, DOC_GREEN},
        {_("Bank loan"), r->bank_loan, DOC_ORANGE},
        {_("Start loan"), r->start_loan, DOC_BLUE},
        {_("Grant"), r->grant, 0x8fa8c4},
    };
    doc_sheet_bar(s, _("How the purchase is paid for"), r->total_need, parts,
                  (int)(sizeof parts / sizeof parts[0]));
}

static void payments(doc_sheet *s, const doc_finance *f)
{
    const sl_finance_result *r = f->result;
    const sl_finance_options *o = f->options;
    char label[160], t[96];
    doc_sheet_section(s, _("Payments a month"),
                      2 + (o->bank && r->bank_loan) + (o->start && r->start_loan) +
                          (r->common_costs != 0));
    doc_sheet_pair_head(s, _("first month"), _("a usual month"));
    if (o->bank && r->bank_loan) {
        snprintf(label, sizeof label, _("Bank loan, %s"), loan_text(t, sizeof t, o->bank));
        doc_sheet_pair(s, label, r->first_payment_bank, r->typical_payment_bank, 0);
    }
    if (o->start && r->start_loan) {
        snprintf(label, sizeof label, _("Start loan, %s"), loan_text(t, sizeof t, o->start));
        doc_sheet_pair(s, label, r->first_payment_start_loan, r->typical_payment_start_loan, 0);
    }
    if (r->common_costs)
        doc_sheet_pair(s, _("Common costs (felleskostnader)"), r->common_costs, r->common_costs, 0);
    doc_sheet_pair(s, _("Total a month"), r->first_payment_total, r->typical_payment_total, 1);

    snprintf(label, sizeof label, _("After the interest deduction (22 %% of the interest, tax rules of %d)"),
             r->tax_year);
    doc_sheet_section(s, label, 5);
    doc_sheet_line(s, _("Interest in the first month, both loans"), "", r->first_interest_total);
    doc_sheet_line(s, _("Tax deduction, 22 percent"), "−", r->tax_deduction_first_month);
    doc_sheet_result(s, _("The first month after the deduction"), "=",
                     r->monthly_after_tax_deduction);
    doc_sheet_detail(s, _("interest in the first 12 months"), r->first_year_interest);
    doc_sheet_detail(s, _("tax deduction for those 12 months"), r->tax_deduction_first_year);
}

static void capacity(doc_sheet *s, const doc_finance *f)
{
    const sl_finance_result *r = f->result;
    char label[160], p[DOC_CELL];
    if (!r->have_capacity)
        return;
    doc_budget_lines(s, f->options->household, &r->budget);
    doc_sheet_section(s, _("Both loans at the stressed rates"),
                      2 + (r->common_costs != 0) + (r->bank_loan != 0) + (r->start_loan != 0));
    doc_sheet_line(s, _("Available for housing (til disposisjon)"), "", r->available);
    if (r->common_costs)
        doc_sheet_line(s, _("Common costs (felleskostnader)"), "−", r->common_costs);
    if (r->bank_loan) {
        snprintf(label, sizeof label, _("Bank loan at %s (stressed)"),
                 cli_percent_human(p, r->bank_stressed_rate, -1));
        doc_sheet_line(s, label, "−", r->stressed_payment_bank);
    }
    if (r->start_loan) {
        snprintf(label, sizeof label, _("Start loan at %s (stressed)"),
                 cli_percent_human(p, r->start_stressed_rate, -1));
        doc_sheet_line(s, label, "−", r->stressed_payment_start_loan);
    }
    doc_sheet_result(s, r->fits ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "=",
                     r->fits ? r->surplus : -r->surplus);
}

static void largest_price(doc_sheet *s, const doc_finance *f)
{
    char a[DOC_CELL], b[DOC_CELL], text[256];
    if (!f->have_max)
        return;
    snprintf(text, sizeof text, _("The largest price (in steps of %s kr)"),
             doc_amount(a, f->price_step));
    doc_sheet_section(s, text, 4);
    if (f->max_price == 0) {
        doc_sheet_para(s, DOC_FONT_BODY, DOC_RED,
                       _("No price fits with these own funds and terms."));
        return;
    }
    doc_sheet_line(s, _("Largest price that fits"), "", f->max_price);
    doc_sheet_line(s, _("Start loan at that price"), "", f->at_max->start_loan);
    doc_sheet_line(s, _("Surplus at that price"), "", f->at_max->surplus);
    if (f->over->price > f->max_price) {
        snprintf(text, sizeof text, _("One step more, %s kr: %s kr short a month."),
                 doc_amount(a, f->over->price), doc_amount(b, -f->over->surplus));
        doc_sheet_para(s, DOC_FONT_SMALL, DOC_GREY, text);
    }
}

static void shock(doc_sheet *s, const doc_finance *f)
{
    const sl_finance_result *b = f->result, *x = f->shocked;
    char pts[SL_RATE_BUFSIZE], head[128], col[64];
    if (!x)
        return;
    doc_points(pts, (sl_rate){f->shock.num < 0 ? -f->shock.num : f->shock.num, f->shock.den});
    snprintf(head, sizeof head,
             f->shock.num < 0 ? _("If the rate falls by %s percentage points")
                              : _("If the rate rises by %s percentage points"), pts);
    doc_sheet_section(s, head, 3 + 2 * b->have_capacity + f->have_max);
    snprintf(col, sizeof col, "%s%s %s", f->shock.num < 0 ? "−" : "+", pts, _("points"));
    doc_sheet_pair_head(s, _("Today"), col);
    doc_sheet_pair(s, _("Total a month"), b->first_payment_total, x->first_payment_total, 0);
    doc_sheet_pair(s, _("The first month after the deduction"), b->monthly_after_tax_deduction,
                   x->monthly_after_tax_deduction, 0);
    if (b->have_capacity) {
        doc_sheet_pair(s, _("Both loans at the stressed rates"), b->stressed_payment_total,
                       x->stressed_payment_total, 0);
        doc_sheet_pair(s, _("Surplus (negative: shortfall)"), b->surplus, x->surplus, 0);
    }
    if (f->have_max)
        doc_sheet_pair(s, _("Largest price that fits"), f->max_price, f->shocked_max_price, 0);
}

static void draw(doc *d, const void *arg)
{
    const doc_finance *f = arg;
    const sl_finance_result *r = f->result;
    const sl_finance_options *o = f->options;
    char sub[256], a[DOC_CELL], b[DOC_CELL];
    doc_sheet s = {d, 0, 0, 0};
    doc_sheet_page(&s, d->width - 2 * DOC_MARGIN);
    snprintf(sub, sizeof sub, _("%s · price %s kr · dated %s"),
             o->tenure == SL_TENURE_SELVEIER    ? _("freehold (selveier)")
             : o->tenure == SL_TENURE_BORETTSLAG ? _("housing cooperative (borettslag)")
                                                 : _("shares (aksjebolig)"),
             doc_amount(a, r->price), cli_date_human(b, o->date));
    doc_sheet_title(&s, _("Financing the home (kilder og bruk)"), sub);

    double top = s.y, ph = 84;
    double kx = doc_sheet_panel(&s, ph, _("You pay in the first month, both loans and "
                                          "felleskostnader"),
                                doc_kr(a, r->first_payment_total), DOC_BLUE);
    doc_sheet k = {d, kx, top + 14, DOC_MARGIN + (d->width - 2 * DOC_MARGIN) - 14 - kx};
    doc_sheet_line(&k, _("The first month after the deduction"), "", r->monthly_after_tax_deduction);
    doc_sheet_line(&k, _("Bank loan"), "", r->bank_loan);
    doc_sheet_line(&k, _("Start loan (startlån)"), "", r->start_loan);
    if (r->have_capacity)
        doc_sheet_line(&k, r->fits ? _("Surplus at the stressed rates")
                                   : _("Shortfall at the stressed rates"),
                       "", r->fits ? r->surplus : -r->surplus);
    s.y = top + ph + 8;
    if (r->have_capacity) {
        if (r->fits)
            snprintf(sub, sizeof sub, _("Both loans fit: %s kr a month to spare at the stressed "
                                        "rates."), doc_amount(a, r->surplus));
        else
            snprintf(sub, sizeof sub, _("Both loans do not fit: the household is %s kr short "
                                        "every month at the stressed rates."),
                     doc_amount(a, -r->surplus));
        doc_sheet_para(&s, DOC_FONT_BOLD, r->fits ? DOC_INK : DOC_RED, sub);
    }

    uses_and_sources(&s, f);
    payments(&s, f);
    capacity(&s, f);
    if (f->have_grant_need) {
        doc_sheet_section(&s, _("The grant need (tilskuddsbehov)"), 2);
        doc_sheet_line(&s, _("Largest start loan the household can carry"), "", f->largest_loan);
        doc_sheet_result(&s, _("Grant need"), "=", f->grant_need);
    }
    largest_price(&s, f);
    shock(&s, f);
    doc_sheet_footnote(&s, _("How this is computed: dokumentavgift is 2.5 percent of the price for a "
                             "selveier, none for a borettslag or aksjebolig; tinglysing is the "
                             "fee per document registered. The payments are the engine's, to "
                             "the øre; the interest deduction is 22 percent of the interest (the tax "
                             "rules of the year). The budget tests the bank loan at its rate "
                             "plus 3 points (utlånsforskriften) and the start loan at the "
                             "policy rate plus 2.5 points (Husbanken's kalkulasjonsrente), "
                             "with the living costs never below the state's guideline rates."));
}

void doc_finance_pdf(const char *path, const doc_finance *f)
{
    doc_write_pdf(path, _("Financing the home (kilder og bruk)"), f->made, draw, f);
}
