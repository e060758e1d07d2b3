/* The capacity budget on one page: who the household is, the answer in
 * large type, the month's income as a bar, the budget line by line, the
 * stress test, the loan and what is left; the assumptions at the foot.
 * Every amount is the library's (sl_capacity_check / _max_loan). */
#include "doc_capacity.h"

#include <string.h>

const char *doc_income_kind(sl_income_kind kind)
{
    switch (kind) {
    case SL_INCOME_WAGES: return _("Wages (lønn)");
    case SL_INCOME_CHILD_BENEFIT: return _("Child benefit (barnetrygd)");
    case SL_INCOME_CASH_FOR_CARE: return _("Cash-for-care (kontantstøtte)");
    case SL_INCOME_CHILD_SUPPORT: return _("Child support (barnebidrag)");
    case SL_INCOME_TRANSITIONAL_BENEFIT: return _("Transitional benefit (overgangsstønad)");
    case SL_INCOME_DISABILITY: return _("Disability benefit (uføretrygd)");
    case SL_INCOME_WORK_ASSESSMENT: return _("Work assessment allowance (AAP)");
    case SL_INCOME_INTRODUCTION: return _("Introduction benefit (introduksjonsstønad)");
    case SL_INCOME_PENSION: return _("Pension (pensjon)");
    case SL_INCOME_RENTAL: return _("Rental income, 10 of 12 months (leieinntekt)");
    case SL_INCOME_HOUSING_ALLOWANCE: return _("Housing allowance (bostøtte)");
    case SL_INCOME_OTHER: break;
    }
    return _("Other income (annen inntekt)");
}

const char *doc_household_text(char *buf, size_t size, const sl_household *h)
{
    int children = h->children_0_5 + h->children_6_10 + h->children_11_17;
    const char *adults = h->adults == SL_ADULTS_COUPLE    ? _("a couple")
                         : h->adults == SL_ADULTS_SHARING ? _("one adult sharing a home")
                                                          : _("one adult");
    if (children)
        snprintf(buf, size, "%s, %d %s", adults, children, children == 1 ? _("child") : _("children"));
    else
        snprintf(buf, size, "%s", adults);
    return buf;
}

static void child_detail(doc_sheet *s, int n, const char *band, sl_money rate)
{
    char label[96], a[DOC_CELL];
    if (n == 0)
        return;
    snprintf(label, sizeof label, "%d %s %s × %s", n, n == 1 ? _("child") : _("children"), band,
             doc_amount(a, rate));
    doc_sheet_detail(s, label, rate * n);
}

void doc_budget_lines(doc_sheet *s, const sl_household *h, const sl_capacity_budget *b)
{
    char label[160], a[DOC_CELL], d[DOC_CELL];
    doc_sheet_heading(s, _("Income a month, after tax"));
    if (h->income_item_count == 0) {
        doc_sheet_line(s, _("Net income after tax (netto inntekt)"), "", b->income);
    } else {
        if (h->income)
            doc_sheet_line(s, _("Net income, not itemised"), "", h->income);
        for (size_t i = 0; i < h->income_item_count; i++) {
            const sl_income_item *it = &h->income_items[i];
            if (it->until.year)
                snprintf(label, sizeof label, _("%s, until %s"), doc_income_kind(it->kind),
                         cli_date_human(d, it->until));
            else
                snprintf(label, sizeof label, "%s", doc_income_kind(it->kind));
            doc_sheet_line(s, label, "+", sl_income_item_counted(it));
        }
        doc_sheet_result(s, _("Net income"), "=", b->income);
    }

    doc_sheet_heading(s, _("Costs a month"));
    int guideline_only = h->living_costs_basis == SL_LIVING_COSTS_GUIDELINE;
    doc_sheet_line(s, _("Living costs (levekostnader)"), "−", b->living_costs);
    doc_sheet_detail(s, h->adults == SL_ADULTS_COUPLE    ? _("a couple")
                        : h->adults == SL_ADULTS_SHARING ? _("an adult sharing a home")
                                                         : _("a single adult"),
                     b->guideline_adults);
    child_detail(s, h->children_0_5, _("aged 0-5"), b->guideline.child_0_5);
    child_detail(s, h->children_6_10, _("aged 6-10"), b->guideline.child_6_10);
    child_detail(s, h->children_11_17, _("aged 11-17"), b->guideline.child_11_17);
    doc_sheet_detail(s, _("the state's guideline rates (statens satser), in all"),
                     b->guideline_living_costs);
    if (b->living_costs_floor != b->guideline_living_costs) {
        if (h->energy)
            doc_sheet_detail(s, _("+ energy (strøm og oppvarming)"), h->energy);
        if (h->insurance)
            doc_sheet_detail(s, _("+ insurance (bolig- og innboforsikring)"), h->insurance);
        if (h->furniture)
            doc_sheet_detail(s, _("+ furniture and equipment (innbo og utstyr)"), h->furniture);
        doc_sheet_detail(s, _("the lowest the budget may use (the floor)"), b->living_costs_floor);
    }
    if (h->actual_living_costs && !guideline_only)
        doc_sheet_detail(s, _("actual living costs, as given"), h->actual_living_costs);
    doc_sheet_para(s, DOC_FONT_SMALL, DOC_GREY,
                   b->living_costs > b->living_costs_floor
                       ? _("The budget uses the family's actual living costs: they are higher "
                           "than the guideline rates.")
                       : _("The budget uses the state's guideline rates: the family's own "
                           "costs are not lower than these."));
    if (h->common_costs)
        doc_sheet_line(s, _("Common costs (felleskostnader)"), "−", h->common_costs);
    if (h->municipal_fees)
        doc_sheet_line(s, _("Municipal fees (kommunale avgifter)"), "−", h->municipal_fees);
    if (h->maintenance)
        doc_sheet_line(s, _("Maintenance (vedlikehold)"), "−", h->maintenance);
    if (h->other_debt_payments)
        doc_sheet_line(s, _("Other debt payments (annen gjeld)"), "−", h->other_debt_payments);
    if (h->credit_limits) {
        snprintf(label, sizeof label, _("Credit limits %s × 3 %% (kredittramme)"),
                 doc_amount(a, h->credit_limits));
        doc_sheet_line(s, label, "−", b->credit_limit_payment);
    }
    if (h->childcare)
        doc_sheet_line(s, _("Childcare (barnehage/SFO)"), "−", h->childcare);
    if (h->transport)
        doc_sheet_line(s, _("Transport"), "−", h->transport);
    if (h->fixed_costs)
        doc_sheet_line(s, _("Other fixed costs (faste utgifter)"), "−", h->fixed_costs);
    doc_sheet_result(s, _("Available for housing (til disposisjon)"), "=", b->available);
}

static void loan_lines(doc_sheet *s, const doc_capacity *c, const sl_capacity_result *r,
                       const char *label)
{
    char what[96];
    if (label) /* NULL: the loan is the one just shown above */
        doc_sheet_line(s, label, "", r->loan);
    char pct[CLI_HUMAN_BUFSIZE];
    if (!label) { /* the line names its rate, which no line above shows */
        cli_percent_human(pct, r->stressed_rate, -1);
        snprintf(what, sizeof what, _("Payment a month at %s"), pct);
    } else if (c->loan->interest_only_terms)
        snprintf(what, sizeof what, _("payment from term %d at the stressed rate"),
                 c->loan->interest_only_terms + 1);
    else
        snprintf(what, sizeof what, "%s", _("Payment a month at the stressed rate"));
    doc_sheet_line(s, what, "−", r->stressed_monthly);
}

static void surplus_line(doc_sheet *s, const sl_capacity_result *r)
{
    doc_sheet_result(s, r->fits ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "=",
                     r->fits ? r->surplus : -r->surplus);
}

static void draw(doc *d, const void *arg)
{
    const doc_capacity *c = arg;
    const sl_household *h = c->household;
    const sl_capacity_result *r = c->result;
    const sl_capacity_budget *b = &r->budget;
    const sl_capacity_options *o = c->options;
    char s1[256], s2[160], a[DOC_CELL], e[DOC_CELL], rate[DOC_CELL];
    doc_sheet s = {d, 0, 0, 0};
    doc_sheet_page(&s, 380);

    snprintf(s1, sizeof s1, _("%s · dated %s · the state's guideline rates from %s"),
             doc_household_text(s2, sizeof s2, h), cli_date_human(a, o->date),
             cli_date_human(e, b->guideline.valid_from));
    doc_sheet_title(&s, c->max_loan ? _("How large a start loan can the household carry?")
                                    : _("Can the household carry the start loan?"),
                    s1);

    /* the answer */
    double top = s.y, ph = 84;
    double kx;
    doc_sheet k = {d, 0, top + 14, 0};
    if (c->max_loan) {
        kx = doc_sheet_panel(&s, ph, _("The largest start loan the household can carry"),
                             doc_kr(a, r->loan), r->loan > 0 ? DOC_BLUE : DOC_RED);
        k.x = kx;
        k.w = DOC_MARGIN + (d->width - 2 * DOC_MARGIN) - 14 - kx;
        doc_sheet_line(&k, r->fits ? _("Surplus (overskudd)") : _("Shortfall (underskudd)"), "",
                       r->fits ? r->surplus : -r->surplus);
    } else {
        kx = doc_sheet_panel(&s, ph, r->fits ? _("Left over each month at the stressed rate")
                                             : _("Missing each month at the stressed rate"),
                             doc_kr(a, r->fits ? r->surplus : -r->surplus),
                             r->fits ? DOC_GREEN : DOC_RED);
        k.x = kx;
        k.w = DOC_MARGIN + (d->width - 2 * DOC_MARGIN) - 14 - kx;
        doc_sheet_line(&k, _("Start loan (startlån)"), "", r->loan);
    }
    doc_sheet_text(&k, _("Stressed rate"), cli_percent_human(rate, r->stressed_rate, -1));
    doc_sheet_line(&k, _("Stressed payment"), "", r->stressed_monthly);
    doc_sheet_line(&k, _("Available for housing (til disposisjon)"), "", b->available);
    s.y = top + ph + 8;
    if (c->max_loan && r->loan == 0 && !r->fits)
        snprintf(s1, sizeof s1, _("No start loan fits: the household is %s kr short every month "
                                  "before any loan."), doc_amount(a, -r->surplus));
    else if (c->max_loan)
        snprintf(s1, sizeof s1, _("The household can carry a start loan of %s kr at the stressed "
                                  "rate."), doc_amount(a, r->loan));
    else if (r->fits)
        snprintf(s1, sizeof s1, _("The loan fits: %s kr a month to spare at the stressed rate."),
                 doc_amount(a, r->surplus));
    else
        snprintf(s1, sizeof s1, _("The loan does not fit: the household is %s kr short every "
                                  "month at the stressed rate."), doc_amount(a, -r->surplus));
    doc_sheet_para(&s, DOC_FONT_BOLD, r->fits ? DOC_INK : DOC_RED, s1);
    doc_sheet_gap(&s, 6);

    /* where the month's income goes */
    sl_money rest = b->available - r->cofinancing_payment - r->stressed_monthly;
    doc_part parts[] = {
        {_("Living costs"), b->living_costs, 0x8fa8c4},
        {_("Housing costs"), b->housing_costs, 0xb9c7d6},
        {_("Other costs"), b->other_costs, 0xd3c7b5},
        {_("Bank loan"), r->cofinancing_payment, DOC_ORANGE},
        {_("Start loan, stressed"), r->stressed_monthly, DOC_BLUE},
        {_("Left over"), rest > 0 ? rest : 0, DOC_GREEN},
    };
    doc_sheet_bar(&s, _("Where the month's income goes"), b->income, parts,
                  (int)(sizeof parts / sizeof parts[0]));

    doc_budget_lines(&s, h, b);
    if (r->cofinancing_payment) {
        doc_sheet_line(&s, _("Co-financing bank loan, monthly payment"), "−",
                       r->cofinancing_payment);
        doc_sheet_result(&s, _("Left for the start loan"), "=",
                         b->available - r->cofinancing_payment);
    }

    doc_sheet_section(&s, c->max_loan ? _("The largest loan, at the stressed rate")
                                      : _("The loan, at the stressed rate"),
                      7 + (r->cofinancing_payment != 0));
    doc_sheet_line(&s, _("Available for housing (til disposisjon)"), "", b->available);
    if (r->cofinancing_payment)
        doc_sheet_line(&s, _("Co-financing bank loan, monthly payment"), "−",
                       r->cofinancing_payment);
    char p1[DOC_CELL], p2[DOC_CELL];
    snprintf(s1, sizeof s1, "%s + %s = %s", cli_percent_human(p1, o->policy_rate, -1),
             cli_percent_human(p2, o->stress_add, -1),
             cli_percent_human(rate, r->stressed_rate, -1));
    doc_sheet_text(&s, _("Stressed rate (policy rate + add-on)"), s1);
    const sl_loan_terms *t = c->loan;
    snprintf(s1, sizeof s1, _("%s, %d terms, %d a year (%d years)"),
             t->type == SL_LOAN_SERIAL ? _("serial loan (serielån)")
                                       : _("annuity loan (annuitetslån)"),
             t->terms, t->terms_per_year, t->terms / t->terms_per_year);
    doc_sheet_para(&s, DOC_FONT_SMALL, DOC_GREY, s1);
    loan_lines(&s, c, r, c->max_loan ? _("Largest loan") : _("Start loan (startlån)"));
    surplus_line(&s, r);
    if (c->max_loan && c->next != r) {
        snprintf(s1, sizeof s1, _("One step more, %s kr: the payment %s kr, short %s kr a month."),
                 doc_amount(a, c->next->loan), doc_amount(e, c->next->stressed_monthly),
                 doc_amount(rate, c->next->fits ? 0 : -c->next->surplus));
        doc_sheet_para(&s, DOC_FONT_SMALL, DOC_GREY, s1);
    }

    if (c->end_count) {
        doc_sheet_heading(&s, _("When incomes end"));
        for (size_t i = 0; i < c->end_count; i++) {
            const sl_capacity_income_end *en = &c->ends[i];
            snprintf(s1, sizeof s1, _("From %s, net income"), cli_date_human(a, en->date));
            doc_sheet_line(&s, s1, "", en->income);
            doc_sheet_detail(&s, en->result.fits ? _("surplus (overskudd)")
                                                 : _("shortfall (underskudd)"),
                             en->result.fits ? en->result.surplus : -en->result.surplus);
        }
        if (c->have_lasting)
            doc_sheet_line(&s, _("Largest loan that fits after every income ends"), "",
                           c->lasting_max);
    }

    if (c->shocked) {
        char pts[SL_RATE_BUFSIZE];
        snprintf(s1, sizeof s1, _("If the rate rises by %s percentage points"),
                 doc_points(pts, (sl_rate){c->shock.num < 0 ? -c->shock.num : c->shock.num,
                                           c->shock.den}));
        if (c->shock.num < 0)
            snprintf(s1, sizeof s1, _("If the rate falls by %s percentage points"), pts);
        doc_sheet_section(&s, s1, 3 + c->max_loan);
        if (c->max_loan) /* without it the rate stands in the payment's line */
            doc_sheet_text(&s, _("Stressed rate"),
                           cli_percent_human(rate, c->shocked->stressed_rate, -1));
        loan_lines(&s, c, c->shocked, c->max_loan ? _("Largest loan") : NULL);
        surplus_line(&s, c->shocked);
    }

    doc_sheet_footnote(&s, _("How this is computed: the income is the household's net income "
                             "after tax a month. The living costs are the higher of the "
                             "family's actual costs and the state's guideline rates for the "
                             "household (statens satser for livsopphold, with energy, "
                             "insurance and furniture added when given), as Husbanken's guide "
                             "for startlån asks. The loan's payment is tested at the policy "
                             "rate plus the add-on (Husbanken's kalkulasjonsrente), the first "
                             "payment that repays the loan, a month. All amounts are exact to "
                             "the øre."));
}

void doc_capacity_pdf(const char *path, const doc_capacity *c)
{
    doc_write_pdf(path, _("Debt-service capacity (betjeningsevne)"), c->made, draw, c);
}
