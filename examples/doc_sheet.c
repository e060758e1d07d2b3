/* Statements down a page for the one-page documents: lines of label and
 * amount, a panel with the answer, the month's money as a bar, a footnote. */
#include "doc_sheet.h"

#define LINE_H 13.0
#define SIGN_AT 90.0 /* from the right edge: room for "99 999 999,99 kr" */
#define LABEL_ROOM 100.0
#define PAIR_WIDTH 100.0 /* the columns of two amounts */

void doc_sheet_page(doc_sheet *s, double w)
{
    doc_page(s->d);
    s->x = DOC_MARGIN;
    s->y = DOC_TOP;
    s->w = w;
}

void doc_sheet_room(doc_sheet *s, double h)
{
    if (s->y + h > DOC_BOTTOM)
        doc_sheet_page(s, s->w);
}

void doc_sheet_title(doc_sheet *s, const char *title, const char *subtitle)
{
    double w = s->d->width - 2 * DOC_MARGIN;
    doc_color(s->d, DOC_INK);
    s->y += doc_text(s->d, s->x, s->y, w, DOC_FONT_TITLE, DOC_LEFT, title);
    if (subtitle) {
        doc_color(s->d, DOC_GREY);
        s->y += doc_text(s->d, s->x, s->y + 2, w, DOC_FONT_BODY, DOC_LEFT, subtitle) + 2;
    }
    s->y += 12;
}

void doc_sheet_section(doc_sheet *s, const char *text, int lines)
{
    doc_sheet_room(s, 26 + lines * LINE_H + 6); /* the heading and its block together */
    s->y += 6;
    doc_color(s->d, DOC_BLUE);
    s->y += doc_text(s->d, s->x, s->y, s->w, DOC_FONT_HEADING, DOC_LEFT, text) + 4;
    doc_color(s->d, DOC_INK);
}

void doc_sheet_heading(doc_sheet *s, const char *text)
{
    doc_sheet_section(s, text, 2); /* a heading never ends a page */
}

/* Room for a line and a result under it: a result (a sum, the surplus) never
 * stands alone at the top of a page, away from the lines it sums. */
#define LINE_AND_RESULT (2 * LINE_H + 6)

static void amount_at(doc_sheet *s, double y, const char *sign, sl_money amount, doc_font font)
{
    char v[DOC_CELL];
    doc_text(s->d, s->x + s->w, y, 0, font, DOC_RIGHT, doc_kr(v, amount));
    if (sign && sign[0]) {
        doc_color(s->d, DOC_GREY);
        doc_text(s->d, s->x + s->w - SIGN_AT, y, 0, font, DOC_CENTER, sign);
        doc_color(s->d, DOC_INK);
    }
}

void doc_sheet_line(doc_sheet *s, const char *label, const char *sign, sl_money amount)
{
    doc_sheet_room(s, LINE_AND_RESULT);
    doc_color(s->d, DOC_INK);
    doc_text(s->d, s->x, s->y, s->w - LABEL_ROOM, DOC_FONT_BODY, DOC_LEFT, label);
    amount_at(s, s->y, sign, amount, DOC_FONT_BODY);
    s->y += LINE_H;
}

void doc_sheet_text(doc_sheet *s, const char *label, const char *value)
{
    doc_sheet_room(s, LINE_H);
    doc_color(s->d, DOC_INK);
    doc_text(s->d, s->x, s->y, 0, DOC_FONT_BODY, DOC_LEFT, label);
    doc_text(s->d, s->x + s->w, s->y, 0, DOC_FONT_BODY, DOC_RIGHT, value);
    s->y += LINE_H;
}

void doc_sheet_pair_head(doc_sheet *s, const char *a, const char *b)
{
    doc_sheet_room(s, 3 * LINE_H);
    doc_color(s->d, DOC_GREY);
    doc_text(s->d, s->x + s->w - PAIR_WIDTH, s->y, 0, DOC_FONT_SMALL_BOLD, DOC_RIGHT, a);
    doc_text(s->d, s->x + s->w, s->y, 0, DOC_FONT_SMALL_BOLD, DOC_RIGHT, b);
    doc_color(s->d, DOC_INK);
    s->y += LINE_H - 3;
}

void doc_sheet_pair(doc_sheet *s, const char *label, sl_money a, sl_money b, int bold)
{
    char v[DOC_CELL];
    doc_font font = bold ? DOC_FONT_BOLD : DOC_FONT_BODY;
    doc_sheet_room(s, bold ? LINE_H + 4 : LINE_AND_RESULT);
    if (bold) {
        doc_line(s->d, s->x, s->y + 1, s->x + s->w, s->y + 1, 0.6, DOC_GREY);
        s->y += 4;
    }
    doc_color(s->d, DOC_INK);
    doc_text(s->d, s->x, s->y, s->w - 2 * PAIR_WIDTH, font, DOC_LEFT, label);
    doc_text(s->d, s->x + s->w - PAIR_WIDTH, s->y, 0, font, DOC_RIGHT, doc_kr(v, a));
    doc_text(s->d, s->x + s->w, s->y, 0, font, DOC_RIGHT, doc_kr(v, b));
    s->y += LINE_H + (bold ? 2 : 0);
}

void doc_sheet_detail(doc_sheet *s, const char *label, sl_money amount)
{
    char v[DOC_CELL];
    doc_sheet_room(s, LINE_H - 2);
    doc_color(s->d, DOC_GREY);
    doc_text(s->d, s->x + 14, s->y + 1, s->w - 200, DOC_FONT_SMALL, DOC_LEFT, label);
    doc_text(s->d, s->x + s->w - 130, s->y + 1, 0, DOC_FONT_SMALL, DOC_RIGHT, doc_kr(v, amount));
    doc_color(s->d, DOC_INK);
    s->y += LINE_H - 2;
}

void doc_sheet_result(doc_sheet *s, const char *label, const char *sign, sl_money amount)
{
    doc_sheet_room(s, LINE_H + 4);
    doc_line(s->d, s->x, s->y + 1, s->x + s->w, s->y + 1, 0.6, DOC_GREY);
    s->y += 4;
    doc_color(s->d, DOC_INK);
    doc_text(s->d, s->x, s->y, s->w - LABEL_ROOM, DOC_FONT_BOLD, DOC_LEFT, label);
    amount_at(s, s->y, sign, amount, DOC_FONT_BOLD);
    s->y += LINE_H + 2;
}

void doc_sheet_para(doc_sheet *s, doc_font font, unsigned rgb, const char *text)
{
    double w = s->d->width - 2 * DOC_MARGIN;
    double h = doc_text_height(s->d, w, font, text);
    doc_sheet_room(s, h);
    doc_color(s->d, rgb);
    s->y += doc_text(s->d, s->x, s->y, w, font, DOC_LEFT, text) + 3;
    doc_color(s->d, DOC_INK);
}

void doc_sheet_gap(doc_sheet *s, double h)
{
    s->y += h;
}

double doc_sheet_panel(doc_sheet *s, double h, const char *label, const char *value,
                       unsigned rgb)
{
    double w = s->d->width - 2 * DOC_MARGIN;
    doc_sheet_room(s, h);
    doc_rect(s->d, s->x, s->y, w, h, DOC_SHADE);
    doc_color(s->d, DOC_GREY);
    double lh = doc_text(s->d, s->x + 14, s->y + 14, 170, DOC_FONT_BODY, DOC_LEFT, label);
    doc_color(s->d, rgb);
    doc_text(s->d, s->x + 14, s->y + 18 + lh, 0, DOC_FONT_BIG, DOC_LEFT, value);
    doc_color(s->d, DOC_INK);
    return s->x + 210;
}

void doc_sheet_bar(doc_sheet *s, const char *title, sl_money income, const doc_part *parts,
                   int n)
{
    doc *d = s->d;
    double w = d->width - 2 * DOC_MARGIN;
    int shown = 0;
    sl_money total = 0;
    for (int i = 0; i < n; i++)
        if (parts[i].amount > 0) {
            total += parts[i].amount;
            shown++;
        }
    int legend_rows = (shown + 2) / 3;
    doc_sheet_room(s, 46 + 13.0 * legend_rows);
    doc_color(d, DOC_INK);
    s->y += doc_text(d, s->x, s->y, w, DOC_FONT_BOLD, DOC_LEFT, title) + 5;
    sl_money scale = total > income ? total : income;
    if (scale <= 0)
        scale = 1;
    double bx = s->x, bh = 18;
    for (int i = 0; i < n; i++) {
        if (parts[i].amount <= 0)
            continue;
        double pw = w * ((double)parts[i].amount / (double)scale);
        doc_rect(d, bx, s->y, pw, bh, parts[i].rgb);
        bx += pw;
    }
    if (income > 0 && total > income) { /* the income's mark: beyond it, the shortfall */
        double mx = s->x + w * ((double)income / (double)scale);
        doc_line(d, mx, s->y - 3, mx, s->y + bh + 3, 1.4, DOC_INK);
    }
    s->y += bh + 5;
    char v[DOC_CELL], text[160];
    int k = 0;
    double cw = w / 3;
    for (int i = 0; i < n; i++) {
        if (parts[i].amount <= 0)
            continue;
        double lx = s->x + cw * (k % 3), ly = s->y + 13.0 * (k / 3);
        doc_rect(d, lx, ly + 2, 7, 7, parts[i].rgb);
        snprintf(text, sizeof text, "%s %s", parts[i].label, doc_kr(v, parts[i].amount));
        doc_color(d, DOC_INK);
        doc_text(d, lx + 10, ly, cw - 12, DOC_FONT_SMALL, DOC_LEFT, text);
        k++;
    }
    s->y += 13.0 * legend_rows + 6;
}

void doc_sheet_footnote(doc_sheet *s, const char *text)
{
    double w = s->d->width - 2 * DOC_MARGIN;
    double h = doc_text_height(s->d, w, DOC_FONT_SMALL, text);
    if (s->y + 10 + h > DOC_BOTTOM)
        doc_sheet_page(s, s->w);
    double y = DOC_BOTTOM - h;
    doc_line(s->d, s->x, y - 5, s->x + 120, y - 5, 0.5, DOC_GREY);
    doc_color(s->d, DOC_GREY);
    doc_text(s->d, s->x, y, w, DOC_FONT_SMALL, DOC_LEFT, text);
    doc_color(s->d, DOC_INK);
    s->y = DOC_BOTTOM;
}
