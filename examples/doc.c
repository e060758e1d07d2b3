/* Printable documents: the file (temporary, then renamed), the surface, the
 * pages with their running header and footer, and text with pango. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fchmod */
#include "doc.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file of the document being written, removed at exit unless
 * it was renamed: a run that stops on bad input leaves nothing behind. */
static char *pending_tmp;

static void remove_pending(void)
{
    if (pending_tmp)
        unlink(pending_tmp);
}

/* Pango's font map and fontconfig's cache live until the process ends; drop
 * the font map at exit so that leak checkers (ASan, valgrind) see only our
 * own. Not cairo_debug_reset_static_data() or FcFini(): while pango's font
 * map still holds cairo's scaled fonts (its release is not synchronous) they
 * assert and abort the program, about one SVG run in six. */
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    doc *d = closure;
    if (fwrite(data, 1, length, d->file) != length) {
        d->write_failed = 1;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

/* The temporary file beside path, with the permissions a new file gets. */
static void open_tmp(doc *d, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        cli_die(CLI_EXIT_USAGE, "--output '%s': is a directory", path);
    size_t n = strlen(path);
    d->tmp_path = malloc(n + 8);
    if (!d->tmp_path)
        cli_die(1, "out of memory");
    memcpy(d->tmp_path, path, n);
    memcpy(d->tmp_path + n, ".XXXXXX", 8);
    int fd = mkstemp(d->tmp_path);
    if (fd < 0)
        cli_die(CLI_EXIT_USAGE, "--output '%s': cannot write there (%s)", path, strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(d->file = fdopen(fd, "wb"))) {
        close(fd);
        unlink(d->tmp_path);
        cli_die(CLI_EXIT_USAGE, "--output '%s': cannot write there (%s)", path, strerror(errno));
    }
    static int registered;
    if (!registered) {
        atexit(release_fonts);
        atexit(remove_pending);
        registered = 1;
    }
    pending_tmp = d->tmp_path;
}

static const char *const font_specs[DOC_FONT_COUNT] = {
    [DOC_FONT_BODY] = "DejaVu Sans 9",
    [DOC_FONT_SMALL] = "DejaVu Sans 7",
    [DOC_FONT_BOLD] = "DejaVu Sans Bold 9",
    [DOC_FONT_TITLE] = "DejaVu Sans Bold 17",
    [DOC_FONT_HEADING] = "DejaVu Sans Bold 11",
    [DOC_FONT_BIG] = "DejaVu Sans Bold 15",
    [DOC_FONT_SMALL_BOLD] = "DejaVu Sans Bold 7",
};

/* The drawing context, pango's layout and the fonts on d->surface. */
static void start_drawing(doc *d)
{
    d->cr = cairo_create(d->surface);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS)
        cli_die(1, "--output '%s': the document could not be started (%s)",
                d->path ? d->path : "", cairo_status_to_string(cairo_status(d->cr)));
    if (d->format == DOC_PNG) {
        cairo_scale(d->cr, 2, 2);
        doc_rect(d, 0, 0, d->width, d->height, 0xffffff);
    }
    d->layout = pango_cairo_create_layout(d->cr);
    PangoContext *pc = pango_layout_get_context(d->layout);
    pango_cairo_context_set_resolution(pc, 72); /* font sizes in points = user units */
    /* Metrics unhinted: the same line breaks in the PDF, the SVG and the PNG. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(d->layout);
    for (int i = 0; i < DOC_FONT_COUNT; i++)
        d->fonts[i] = pango_font_description_from_string(font_specs[i]);
}

void doc_open(doc *d, doc_format format, const char *path, double width, double height,
              const char *title, sl_date made)
{
    memset(d, 0, sizeof *d);
    d->format = format;
    d->path = path;
    d->width = width;
    d->height = height;
    d->header = title;
    open_tmp(d, path);
    char date[CLI_HUMAN_BUFSIZE];
    snprintf(d->made, sizeof d->made, _("Made %s with startlan %s"), cli_date_human(date, made),
             sl_version());
    if (format == DOC_SVG) {
        d->surface = cairo_svg_surface_create_for_stream(write_out, d, width, height);
    } else if (format == DOC_PNG) {
        /* PNG at 2 pixels a point: sharp on a screen, the same layout as the SVG. */
        d->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(width * 2),
                                                (int)(height * 2));
    } else {
        d->surface = cairo_pdf_surface_create_for_stream(write_out, d, width, height);
        char iso[32];
        snprintf(iso, sizeof iso, "%04d-%02d-%02dT00:00:00Z", made.year, made.month, made.day);
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
        char creator[64];
        snprintf(creator, sizeof creator, "startlan %s", sl_version());
        cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, creator);
    }
    start_drawing(d);
}

static void stop_drawing(doc *d)
{
    g_object_unref(d->layout);
    for (int i = 0; i < DOC_FONT_COUNT; i++)
        pango_font_description_free(d->fonts[i]);
    cairo_destroy(d->cr);
}

void doc_write_pdf(const char *path, const char *title, sl_date made,
                   void (*draw)(doc *d, const void *arg), const void *arg)
{
    /* First drawn nowhere (a recording surface) to count the pages, so that
     * every page can say "page N of M". */
    doc count;
    memset(&count, 0, sizeof count);
    count.format = DOC_PDF;
    count.width = DOC_A4_WIDTH;
    count.height = DOC_A4_HEIGHT;
    count.header = title;
    count.surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    start_drawing(&count);
    count.pages = 1;
    draw(&count, arg);
    int pages = count.page;
    stop_drawing(&count);
    cairo_surface_destroy(count.surface);

    doc d;
    doc_open(&d, DOC_PDF, path, DOC_A4_WIDTH, DOC_A4_HEIGHT, title, made);
    d.pages = pages;
    draw(&d, arg);
    doc_close(&d);
}

void doc_page(doc *d)
{
    if (d->page > 0 && d->format != DOC_SVG && d->format != DOC_PNG)
        cairo_show_page(d->cr);
    d->page++;
    if (d->format == DOC_SVG || d->format == DOC_PNG)
        return;
    char n[64];
    snprintf(n, sizeof n, _("Page %d of %d"), d->page, d->pages);
    doc_color(d, DOC_GREY);
    doc_text(d, DOC_MARGIN, 40, 0, DOC_FONT_SMALL, DOC_LEFT, d->header);
    doc_text(d, d->width - DOC_MARGIN, 40, 0, DOC_FONT_SMALL, DOC_RIGHT, n);
    doc_line(d, DOC_MARGIN, 52, d->width - DOC_MARGIN, 52, 0.5, DOC_RULE);
    doc_line(d, DOC_MARGIN, 800, d->width - DOC_MARGIN, 800, 0.5, DOC_RULE);
    doc_color(d, DOC_GREY);
    doc_text(d, DOC_MARGIN, 804, 0, DOC_FONT_SMALL, DOC_LEFT, d->made);
    doc_color(d, DOC_INK);
}

void doc_close(doc *d)
{
    cairo_status_t st = cairo_status(d->cr);
    stop_drawing(d);
    if (st == CAIRO_STATUS_SUCCESS && d->format == DOC_PNG)
        st = cairo_surface_write_to_png_stream(d->surface, write_out, d);
    cairo_surface_finish(d->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    int failed = st != CAIRO_STATUS_SUCCESS || d->write_failed;
    int err = errno;
    if (fflush(d->file) != 0)
        failed = 1, err = errno;
    if (fclose(d->file) != 0)
        failed = 1, err = errno;
    if (!failed && rename(d->tmp_path, d->path) != 0)
        failed = 1, err = errno;
    if (failed) {
        /* remove_pending removes the temporary file at exit */
        if (st != CAIRO_STATUS_SUCCESS && !d->write_failed)
            cli_die(1, "--output '%s': the document could not be written (%s)", d->path,
                    cairo_status_to_string(st));
        cli_die(1, "--output '%s': could not be written (%s)", d->path, strerror(err));
    }
    pending_tmp = NULL;
    free(d->tmp_path);
    d->tmp_path = NULL;
}

static void set_text(doc *d, double w, doc_font font, doc_align align, const char *text)
{
    pango_layout_set_font_description(d->layout, d->fonts[font]);
    pango_layout_set_width(d->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
    pango_layout_set_wrap(d->layout, PANGO_WRAP_WORD);
    pango_layout_set_alignment(d->layout, align == DOC_RIGHT    ? PANGO_ALIGN_RIGHT
                                          : align == DOC_CENTER ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_LEFT);
    pango_layout_set_text(d->layout, text, -1);
}

double doc_text_width(doc *d, doc_font font, const char *text)
{
    set_text(d, 0, font, DOC_LEFT, text);
    int w, h;
    pango_layout_get_size(d->layout, &w, &h);
    return (double)w / PANGO_SCALE;
}

double doc_text_height(doc *d, double w, doc_font font, const char *text)
{
    set_text(d, w, font, DOC_LEFT, text);
    int lw, lh;
    pango_layout_get_size(d->layout, &lw, &lh);
    return (double)lh / PANGO_SCALE;
}

double doc_text(doc *d, double x, double y, double w, doc_font font, doc_align align,
                const char *text)
{
    set_text(d, w, font, align, text);
    int lw, lh;
    pango_layout_get_size(d->layout, &lw, &lh);
    double tw = (double)lw / PANGO_SCALE;
    /* Without a box, x is the left edge, the right edge or the centre. */
    if (w <= 0 && align == DOC_RIGHT)
        x -= tw;
    else if (w <= 0 && align == DOC_CENTER)
        x -= tw / 2;
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, d->layout);
    return (double)lh / PANGO_SCALE;
}

void doc_color(doc *d, unsigned rgb)
{
    cairo_set_source_rgb(d->cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0);
}

void doc_rect(doc *d, double x, double y, double w, double h, unsigned rgb)
{
    doc_color(d, rgb);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
    doc_color(d, DOC_INK);
}

void doc_line(doc *d, double x1, double y1, double x2, double y2, double width, unsigned rgb)
{
    doc_color(d, rgb);
    cairo_set_line_width(d->cr, width);
    cairo_move_to(d->cr, x1, y1);
    cairo_line_to(d->cr, x2, y2);
    cairo_stroke(d->cr);
    doc_color(d, DOC_INK);
}

const char *doc_points(char buf[SL_RATE_BUFSIZE], sl_rate rate)
{
    cli_rate_text(buf, rate, ',');
    char *comma = strchr(buf, ',');
    if (comma) {
        char *end = buf + strlen(buf);
        while (end > comma + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == comma + 1)
            *comma = '\0';
    }
    return buf;
}

#define MINUS "\xE2\x88\x92" /* U+2212 */

static const char *minus(char buf[DOC_CELL])
{
    size_t n = strlen(buf);
    if (buf[0] == '-' && n + 2 < DOC_CELL) {
        memmove(buf + 3, buf + 1, n); /* with the NUL */
        memcpy(buf, MINUS, 3);
    }
    return buf;
}

const char *doc_amount(char buf[DOC_CELL], sl_money amount)
{
    cli_amount(buf, amount);
    return minus(buf);
}

const char *doc_kr(char buf[DOC_CELL], sl_money amount)
{
    cli_kr(buf, amount);
    return minus(buf);
}

const char *doc_kroner(char buf[DOC_CELL], sl_money amount)
{
    cli_kroner(buf, amount);
    return minus(buf);
}

/* A value that would come closer than this to its label goes on the next
 * line instead. */
#define FIGURE_GAP 12.0
#define FIGURE_LINE 15.0

double doc_figure_height(doc *d, double w, const char *label, const char *value, doc_font font)
{
    double need = doc_text_width(d, DOC_FONT_BODY, label) + FIGURE_GAP +
                  doc_text_width(d, font, value);
    return need > w ? 2 * FIGURE_LINE : FIGURE_LINE;
}

double doc_figure_rgb(doc *d, double x, double y, double w, const char *label,
                      const char *value, doc_font font, unsigned rgb)
{
    double h = doc_figure_height(d, w, label, value, font);
    doc_color(d, DOC_INK);
    doc_text(d, x, y, 0, DOC_FONT_BODY, DOC_LEFT, label);
    doc_color(d, rgb);
    doc_text(d, x + w, y + h - FIGURE_LINE, 0, font, DOC_RIGHT, value);
    doc_color(d, DOC_INK);
    return y + h;
}

double doc_figure(doc *d, double x, double y, double w, const char *label, const char *value,
                  doc_font font)
{
    return doc_figure_rgb(d, x, y, w, label, value, font, DOC_INK);
}

void doc_table_header(doc *d, double y, const doc_column *cols, int n, double row_h)
{
    doc_rect(d, DOC_MARGIN, y - 2, d->width - 2 * DOC_MARGIN, row_h + 3, 0xdde6ef);
    doc_color(d, DOC_INK);
    for (int i = 0; i < n; i++)
        doc_text(d, DOC_MARGIN + cols[i].right, y, 0, DOC_FONT_SMALL_BOLD, DOC_RIGHT,
                 cols[i].header);
}

void doc_table_stripe(doc *d, double y, double row_h, int k)
{
    if (k % 2)
        doc_rect(d, DOC_MARGIN, y - 2, d->width - 2 * DOC_MARGIN, row_h, 0xf5f7fa);
}

void doc_table_row(doc *d, double y, const doc_column *cols, char (*cells)[DOC_CELL],
                      int n, doc_font font)
{
    for (int i = 0; i < n; i++)
        doc_text(d, DOC_MARGIN + cols[i].right, y, 0, font, DOC_RIGHT, cells[i]);
}

double doc_table_page(doc *d, const char *heading, const doc_column *cols, int n, double row_h)
{
    doc_page(d);
    double y = DOC_TOP;
    doc_color(d, DOC_INK);
    y += doc_text(d, DOC_MARGIN, y, 0, DOC_FONT_HEADING, DOC_LEFT, heading) + 7;
    doc_table_header(d, y, cols, n, row_h);
    return y + row_h + 4;
}
