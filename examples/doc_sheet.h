/* The one-page documents a family takes home (the capacity budget, the
 * financing, the rent-to-own timeline): a statement drawn down the page
 * line by line (label, sign, amount), a new page when it runs out of room,
 * a panel with the answer in large type, the month's money as one bar, and
 * a footnote with the assumptions. */
#ifndef SL_DOC_SHEET_H
#define SL_DOC_SHEET_H

#include "doc.h"

/* Where the next line goes: x and the width of the statement (amounts are
 * right-aligned at x + w), y moving down. */
typedef struct doc_sheet {
    doc *d;
    double x, y, w;
} doc_sheet;

/* A new page (with the running header); the statement starts at its top. */
void doc_sheet_page(doc_sheet *s, double w);
/* Room for h points more, else a new page. */
void doc_sheet_room(doc_sheet *s, double h);
/* The title (17 pt) and a grey line under it. */
void doc_sheet_title(doc_sheet *s, const char *title, const char *subtitle);
/* A section's heading (11 pt bold), on a new page unless the next two
 * lines fit under it. */
void doc_sheet_heading(doc_sheet *s, const char *text);
/* The same, kept on one page with the next `lines` lines (a short block:
 * its lines and the result under them). */
void doc_sheet_section(doc_sheet *s, const char *text, int lines);
/* One line: the label, then the sign ("+", "−", "=" or "") and the amount
 * in kroner at the right; on a new page unless a result fits under it. */
void doc_sheet_line(doc_sheet *s, const char *label, const char *sign, sl_money amount);
/* A line with a text value (a rate, a number of terms). */
void doc_sheet_text(doc_sheet *s, const char *label, const char *value);
/* Two amounts a line (first term and typical term; today and with a rate
 * shock): the columns' headings, then the lines; bold: a total with a rule. */
void doc_sheet_pair_head(doc_sheet *s, const char *a, const char *b);
void doc_sheet_pair(doc_sheet *s, const char *label, sl_money a, sl_money b, int bold);
/* A detail under a line: indented, small and grey. */
void doc_sheet_detail(doc_sheet *s, const char *label, sl_money amount);
/* A result: a rule above, bold. */
void doc_sheet_result(doc_sheet *s, const char *label, const char *sign, sl_money amount);
/* A paragraph across the statement's width (font: body or small). */
void doc_sheet_para(doc_sheet *s, doc_font font, unsigned rgb, const char *text);
/* Some space. */
void doc_sheet_gap(doc_sheet *s, double h);

/* The panel with the answer: on a shaded box of height h across the page,
 * the label (grey) and the value in large type in rgb at the left; returns
 * the x where the right part of the panel (key figures) may start. */
double doc_sheet_panel(doc_sheet *s, double h, const char *label, const char *value,
                       unsigned rgb);

/* One part of the month's money. */
typedef struct doc_part {
    const char *label;
    sl_money amount; /* >= 0; parts of 0 are left out */
    unsigned rgb;
} doc_part;

/* The month's income as one bar split into its parts (costs, the loans, the
 * surplus), with a legend of the amounts; a part beyond the income (a
 * shortfall) makes the bar longer than the income's mark. */
void doc_sheet_bar(doc_sheet *s, const char *title, sl_money income, const doc_part *parts,
                   int n);

/* The footnote at the foot of the last page (a new page when no room). */
void doc_sheet_footnote(doc_sheet *s, const char *text);

#define DOC_GREEN 0x2e7d4f

#endif
