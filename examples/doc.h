/* Printable documents for the programs (not part of the library): A4 pages
 * in PDF, and pictures in SVG or PNG, drawn with cairo and laid out with
 * pango. The file is written to a temporary file beside --output and renamed
 * when complete, so a failed run leaves no partial file behind.
 *
 * Output is deterministic: the PDF's creation date is the date the document
 * says it was made (midnight UTC; today, or SL_TODAY=YYYY-MM-DD), and cairo
 * writes nothing else that depends on the clock or the machine. */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cli.h"
#include "cli_i18n.h"

/* The document formats, as bits for the set a program offers. */
typedef enum doc_format {
    DOC_NONE = 0,
    DOC_PDF = 1 << 0,      /* the document (sl-plan: the plan with charts) */
    DOC_SVG = 1 << 1,      /* the charts as a picture */
    DOC_PNG = 1 << 2,
    DOC_SEF_PDF = 1 << 3,  /* the standard European information sheet */
    DOC_SEF_JSON = 1 << 4, /* its figures as JSON on stdout */
} doc_format;

/* --format: a text format (table, csv, json) into *text_format, or one of
 * the document formats in `offered` (returned). Anything else: one line
 * naming every format the program offers, exit 2. */
doc_format doc_format_option(const char *text, unsigned offered, cli_format *text_format);
/* A text option printed on a document (a name, an address): non-empty,
 * UTF-8, no control characters, at most 200 bytes; otherwise exit 2. */
const char *doc_text_option(const char *option, const char *value);
/* After the options: --output is required by the file formats (PDF, SVG,
 * PNG) and refused with the others; exit 2 with one line otherwise. */
void doc_output_check(doc_format format, const char *output);


/* Room for one figure with its unit ("3 392 453,48 kr", "4,640 %"). */
#define DOC_CELL CLI_HUMAN_BUFSIZE

typedef enum doc_font {
    DOC_FONT_BODY,    /* 9 pt */
    DOC_FONT_SMALL,   /* 7 pt: tables of the full plan, footnotes */
    DOC_FONT_BOLD,    /* 9 pt bold */
    DOC_FONT_TITLE,   /* 17 pt bold */
    DOC_FONT_HEADING, /* 11 pt bold */
    DOC_FONT_BIG,     /* 15 pt bold: the payment */
    DOC_FONT_SMALL_BOLD,
    DOC_FONT_COUNT
} doc_font;

typedef enum doc_align { DOC_LEFT, DOC_RIGHT, DOC_CENTER } doc_align;

typedef struct doc {
    doc_format format;
    char *tmp_path;   /* the temporary file, renamed to path on success */
    const char *path; /* --output */
    FILE *file;
    int write_failed;
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *fonts[DOC_FONT_COUNT];
    double width, height; /* points (PDF, SVG) or pixels (PNG) */
    int page, pages;      /* the page being drawn (1-based) and how many there are */
    const char *header;   /* the running header, left; "page N of M" on the right */
    char made[64];        /* "Made 01.12.2026 with startlan 0.2.0" */
} doc;

/* A4 in points, and the margins of every page. */
#define DOC_A4_WIDTH 595.276
#define DOC_A4_HEIGHT 841.89
#define DOC_MARGIN 48.0
#define DOC_TOP 72.0       /* first line under the running header */
#define DOC_BOTTOM 790.0   /* last line above the footer */

/* Open path for format (PDF: A4 pages; SVG and PNG: one picture of
 * width × height). An unwritable path: one line naming --output, exit 2.
 * made is the date written on the pages and into the PDF's metadata. */
void doc_open(doc *d, doc_format format, const char *path, double width, double height,
              const char *title, sl_date made);
/* A document of A4 pages written by draw(d, arg), which starts every page
 * with doc_page: drawn once to count the pages (nothing written), then into
 * the file at path. For layouts whose length depends on the figures. */
void doc_write_pdf(const char *path, const char *title, sl_date made,
                   void (*draw)(doc *d, const void *arg), const void *arg);
/* A new page with the running header (header, page N of M) and footer. */
void doc_page(doc *d);
/* Finish the file and rename it to --output; exits 1 with one line when
 * the file cannot be written (the temporary file is removed). */
void doc_close(doc *d);

/* Text at (x, y) (top of the text) in a box of width w; returns its height.
 * w <= 0: no wrapping. */
double doc_text(doc *d, double x, double y, double w, doc_font font, doc_align align,
                const char *text);
/* A text's width in the font, without drawing it. */
double doc_text_width(doc *d, doc_font font, const char *text);
/* The height of a text wrapped in width w, without drawing it. */
double doc_text_height(doc *d, double w, doc_font font, const char *text);

void doc_color(doc *d, unsigned rgb);
void doc_rect(doc *d, double x, double y, double w, double h, unsigned rgb);
void doc_line(doc *d, double x1, double y1, double x2, double y2, double width, unsigned rgb);

/* One label–value line of a list of width w (value right-aligned in font);
 * a value too wide to keep a clear gap from its label goes right-aligned on
 * the line below. Returns the next line's y. */
double doc_figure(doc *d, double x, double y, double w, const char *label, const char *value,
                  doc_font font);
/* The same with the value in colour rgb. */
double doc_figure_rgb(doc *d, double x, double y, double w, const char *label,
                      const char *value, doc_font font, unsigned rgb);
/* The height doc_figure takes for that line: one line or two. */
double doc_figure_height(doc *d, double w, const char *label, const char *value, doc_font font);

/* A table's column: its header and its right edge from the left margin
 * (cells are right-aligned). */
typedef struct doc_column {
    const char *header;
    double right;
} doc_column;

void doc_table_header(doc *d, double y, const doc_column *cols, int n, double row_h);
void doc_table_row(doc *d, double y, const doc_column *cols, char (*cells)[DOC_CELL], int n,
                   doc_font font);
/* The light band behind every second row (row k odd) of a table at y. */
void doc_table_stripe(doc *d, double y, double row_h, int k);
/* A new page of a table: its heading and the column headers; returns the
 * first row's y. */
double doc_table_page(doc *d, const char *heading, const doc_column *cols, int n, double row_h);

/* Colours used throughout: the plan's principal and balance, its interest. */
#define DOC_INK 0x1a1a1a
#define DOC_GREY 0x6b6b6b
#define DOC_RULE 0xc8c8c8
#define DOC_SHADE 0xeef3f8
#define DOC_BLUE 0x1f5f99
#define DOC_ORANGE 0xd9822b
#define DOC_RED 0xb03030

/* Numbers and dates as the documents show them: the programs' helpers for
 * people (examples/cli_i18n.h: no-break spaces and dd.mm.yyyy in Norwegian),
 * and our own. */
/* A rate in percentage points, with as few decimals as it needs: "3", "0,5". */
const char *doc_points(char buf[SL_RATE_BUFSIZE], sl_rate rate);
/* Amounts as cli_amount, cli_kr and cli_kroner write them, but a negative
 * one with the typographic minus (U+2212) a printed page uses, not the
 * hyphen of the terminal and the files. */
const char *doc_amount(char buf[DOC_CELL], sl_money amount);
const char *doc_kr(char buf[DOC_CELL], sl_money amount);
const char *doc_kroner(char buf[DOC_CELL], sl_money amount);

#endif
