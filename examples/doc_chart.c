/* The plan's charts: axes with round steps in kroner and years, a balance
 * line per plan, stacked bars per year. */
#include "doc_chart.h"

/* The smallest round step (1, 2 or 5 × 10^k kroner) that covers max in at
 * most five steps; max in øre. */
static sl_money round_step(sl_money max)
{
    sl_money kr = max / 100 + 1, unit = 1;
    for (;;) {
        static const int f[3] = {1, 2, 5};
        for (int i = 0; i < 3; i++)
            if (unit * f[i] * 5 >= kr)
                return unit * f[i] * 100;
        if (unit > INT64_MAX / 100)
            return max; /* not reached for the amounts a plan holds */
        unit *= 10;
    }
}

/* A step in years for the x axis: about six labels. */
static int year_step(int years)
{
    static const int steps[] = {1, 2, 5, 10};
    for (int i = 0; i < 4; i++)
        if (years / steps[i] <= 6)
            return steps[i];
    return 10;
}

typedef struct plot {
    double x, y, w, h; /* the plot area inside the axes */
    sl_money ymax;     /* top of the y axis, øre */
    double years;      /* width of the x axis in years */
} plot;

static double px(const plot *p, double year)
{
    return p->x + p->w * (year / p->years);
}

static double py(const plot *p, sl_money v)
{
    return p->y + p->h - p->h * ((double)v / (double)p->ymax);
}

/* Title, y grid with kroner labels; returns the plot area. */
static plot frame(doc *d, double x, double y, double w, double h, const char *title,
                  sl_money max, double years)
{
    doc_color(d, DOC_INK);
    double th = doc_text(d, x, y, w, DOC_FONT_BOLD, DOC_LEFT, title);
    sl_money step = round_step(max > 0 ? max : 100);
    int nsteps = (int)((max + step - 1) / step);
    if (nsteps < 1)
        nsteps = 1;
    char label[DOC_CELL];
    double labelw = doc_text_width(d, DOC_FONT_SMALL, doc_kroner(label, step * nsteps));
    plot p = {x + labelw + 6, y + th + 18, w - labelw - 10, h - th - 34, step * nsteps, years};
    for (int i = 0; i <= nsteps; i++) {
        double gy = py(&p, step * i);
        doc_line(d, p.x, gy, p.x + p.w, gy, i ? 0.3 : 0.8, i ? DOC_RULE : DOC_GREY);
        doc_color(d, DOC_GREY);
        doc_text(d, p.x - 4, gy - 4.5, 0, DOC_FONT_SMALL, DOC_RIGHT, doc_kroner(label, step * i));
    }
    doc_color(d, DOC_GREY);
    doc_text(d, p.x, y + th + 4, 0, DOC_FONT_SMALL, DOC_LEFT, "kr");
    return p;
}

static void legend(doc *d, double x, double y, unsigned rgb, const char *label)
{
    doc_rect(d, x, y + 2, 7, 7, rgb);
    doc_color(d, DOC_INK);
    doc_text(d, x + 10, y, 0, DOC_FONT_SMALL, DOC_LEFT, label);
}

void doc_chart_picture(doc *d, double *w, double *h)
{
    cairo_scale(d->cr, DOC_PICTURE_SCALE, DOC_PICTURE_SCALE);
    pango_cairo_update_layout(d->cr, d->layout);
    *w = d->width / DOC_PICTURE_SCALE;
    *h = d->height / DOC_PICTURE_SCALE;
}

void doc_chart_balance(doc *d, double x, double y, double w, double h, const char *title,
                       const doc_balance_line *lines, int nlines)
{
    sl_money max = 0;
    double years = 1;
    for (int l = 0; l < nlines; l++) {
        for (int i = 0; i <= lines[l].count; i++)
            if (lines[l].balance[i] > max)
                max = lines[l].balance[i];
        double ly = (double)lines[l].count / lines[l].terms_per_year;
        if (ly > years)
            years = ly;
    }
    int ystep = year_step((int)years);
    /* whole steps of years on the axis */
    years = ystep * (double)(int)((years + ystep - 0.001) / ystep);
    plot p = frame(d, x, y, w, h, title, max, years);
    cairo_t *cr = d->cr;
    for (int l = 0; l < nlines; l++) {
        const doc_balance_line *ln = &lines[l];
        cairo_new_path(cr);
        cairo_move_to(cr, px(&p, 0), py(&p, ln->balance[0]));
        for (int i = 1; i <= ln->count; i++)
            cairo_line_to(cr, px(&p, (double)i / ln->terms_per_year), py(&p, ln->balance[i]));
        /* the area under the first line, lightly shaded */
        if (l == 0) {
            cairo_line_to(cr, px(&p, (double)ln->count / ln->terms_per_year), py(&p, 0));
            cairo_line_to(cr, px(&p, 0), py(&p, 0));
            cairo_close_path(cr);
            doc_color(d, 0xdbe7f3);
            cairo_fill_preserve(cr);
            cairo_new_path(cr);
            cairo_move_to(cr, px(&p, 0), py(&p, ln->balance[0]));
            for (int i = 1; i <= ln->count; i++)
                cairo_line_to(cr, px(&p, (double)i / ln->terms_per_year),
                              py(&p, ln->balance[i]));
        }
        doc_color(d, ln->rgb);
        cairo_set_line_width(cr, 1.6);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    char label[16];
    doc_color(d, DOC_GREY);
    for (int yr = 0; yr <= (int)years; yr += ystep) {
        snprintf(label, sizeof label, "%d", yr);
        doc_text(d, px(&p, yr), p.y + p.h + 3, 0, DOC_FONT_SMALL, DOC_CENTER, label);
    }
    doc_text(d, p.x + p.w, p.y + p.h + 12, 0, DOC_FONT_SMALL, DOC_RIGHT, _("years"));
    double lx = p.x;
    for (int l = 0; l < nlines; l++)
        if (lines[l].label) {
            legend(d, lx, p.y + p.h + 12, lines[l].rgb, lines[l].label);
            lx += doc_text_width(d, DOC_FONT_SMALL, lines[l].label) + 24;
        }
}

/* The years under the bars: the first, then every step-th. */
static void year_labels(doc *d, const plot *p, const doc_year *years, int nyears)
{
    double slot = p->w / (nyears > 0 ? nyears : 1);
    int step = year_step(nyears);
    char label[16];
    doc_color(d, DOC_GREY);
    for (int i = 0; i < nyears; i++)
        if (i == 0 || (i + 1) % step == 0) {
            snprintf(label, sizeof label, "%d", years[i].year);
            doc_text(d, p->x + slot * (i + 0.5), p->y + p->h + 3, 0, DOC_FONT_SMALL, DOC_CENTER,
                     label);
        }
}

void doc_chart_years(doc *d, double x, double y, double w, double h, const char *title,
                     const doc_year *years, int nyears)
{
    sl_money max = 0;
    for (int i = 0; i < nyears; i++)
        if (years[i].interest + years[i].principal > max)
            max = years[i].interest + years[i].principal;
    plot p = frame(d, x, y, w, h, title, max, nyears > 0 ? nyears : 1);
    double slot = p.w / (nyears > 0 ? nyears : 1), bw = slot * 0.72;
    for (int i = 0; i < nyears; i++) {
        double bx = p.x + slot * i + (slot - bw) / 2;
        double yi = py(&p, years[i].interest);
        double yt = py(&p, years[i].interest + years[i].principal);
        doc_rect(d, bx, yi, bw, p.y + p.h - yi, DOC_ORANGE);
        doc_rect(d, bx, yt, bw, yi - yt, DOC_BLUE);
    }
    year_labels(d, &p, years, nyears);
    legend(d, p.x, p.y + p.h + 12, DOC_BLUE, _("principal (avdrag)"));
    legend(d, p.x + doc_text_width(d, DOC_FONT_SMALL, _("principal (avdrag)")) + 24,
           p.y + p.h + 12, DOC_ORANGE, _("interest (renter)"));
}

void doc_chart_years_pair(doc *d, double x, double y, double w, double h, const char *title,
                          const doc_year *a, int na, const doc_year *b, int nb,
                          const char *label_a, const char *label_b)
{
    int n = na > nb ? na : nb;
    sl_money max = 0;
    for (int i = 0; i < na; i++)
        if (a[i].paid > max)
            max = a[i].paid;
    for (int i = 0; i < nb; i++)
        if (b[i].paid > max)
            max = b[i].paid;
    plot p = frame(d, x, y, w, h, title, max, n > 0 ? n : 1);
    double slot = p.w / (n > 0 ? n : 1), bw = slot * 0.4;
    for (int i = 0; i < n; i++) {
        double bx = p.x + slot * i + slot * 0.1;
        if (i < na) {
            double ya = py(&p, a[i].paid);
            doc_rect(d, bx, ya, bw, p.y + p.h - ya, DOC_BLUE);
        }
        if (i < nb) {
            double yb = py(&p, b[i].paid);
            doc_rect(d, bx + bw, yb, bw, p.y + p.h - yb, DOC_ORANGE);
        }
    }
    year_labels(d, &p, na >= nb ? a : b, n);
    legend(d, p.x, p.y + p.h + 12, DOC_BLUE, label_a);
    legend(d, p.x + doc_text_width(d, DOC_FONT_SMALL, label_a) + 24, p.y + p.h + 12, DOC_ORANGE,
           label_b);
}
