/* Reading the programs' documents back as a person sees them, with
 * poppler-utils: the text of pages (pdftotext), the page count (pdfinfo),
 * and how much of a rendered box (pdftoppm) is drawn in colour. The test
 * sets the tools' paths in pdftotext, pdfinfo and pdftoppm. */
#ifndef SL_TEST_CLI_PDF_H
#define SL_TEST_CLI_PDF_H

#include <dirent.h>

#include "cli_run.h"

static char *pdftotext, *pdfinfo, *pdftoppm;

/* A whole file (NUL-terminated; *len its length). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END); /* exec_slurp reads up to the current position */
    char *text = exec_slurp(f, len);
    fclose(f);
    return text;
}

/* The text of pages first..last of a PDF (layout kept). */
static void pdf_text(cli_result *r, const char *pdf, int first, int last)
{
    char f[16], l[16];
    snprintf(f, sizeof f, "%d", first);
    snprintf(l, sizeof l, "%d", last);
    char *argv[] = {pdftotext, "-layout", "-f", f, "-l", l, (char *)pdf, "-", NULL};
    cli_run(r, argv, NULL);
    ck_assert_msg(r->status == 0, "pdftotext failed: %s", r->err);
    /* Norwegian groups amounts with no-break spaces; a reader sees spaces */
    char *o = r->out;
    for (const char *i = r->out; *i; i++) {
        if ((unsigned char)i[0] == 0xc2 && (unsigned char)i[1] == 0xa0) {
            *o++ = ' ';
            i++;
        } else {
            *o++ = *i;
        }
    }
    *o = '\0';
}

static int pdf_pages(const char *pdf)
{
    static cli_result r;
    char *argv[] = {pdfinfo, (char *)pdf, NULL};
    cli_run(&r, argv, NULL);
    ck_assert_msg(r.status == 0, "pdfinfo failed: %s", r.err);
    const char *p = strstr(r.out, "Pages:");
    ck_assert_ptr_nonnull(p);
    return atoi(p + 6);
}

/* The PPM of page `page` at 72 dpi (one pixel a point) as base.ppm. */
static void pdf_render(const char *pdf, int page, const char *base)
{
    static cli_result r;
    char p[16];
    snprintf(p, sizeof p, "%d", page);
    char *argv[] = {pdftoppm, "-f", p, "-l", p, "-r", "72", "-singlefile", (char *)pdf,
                    (char *)base, NULL};
    cli_run(&r, argv, NULL);
    ck_assert_msg(r.status == 0, "%s", r.err);
}

/* A JSON amount ("1392453.48") as the document prints it ("1 392 453,48 kr"). */
static void norwegian_kr(char *buf, size_t size, const char *plain)
{
    char m[SL_MONEY_BUFSIZE];
    sl_money_format(m, sizeof m, M(plain), SL_MONEY_NORWEGIAN);
    snprintf(buf, size, "%s kr", m);
}

/* A word as pdftotext -bbox places it, in points from the page's top left. */
typedef struct pdf_word {
    double x0, y0, x1, y1;
    char text[48];
} pdf_word;

/* No two words on a page overlap or touch on the same line (a label run into
 * its value, a column heading over the next): every pair of words whose
 * heights overlap by more than half is at least 1 pt apart. Page by page,
 * every page of the file. */
static void pdf_assert_words_apart(const char *pdf)
{
    static cli_result r;
    static pdf_word w[4096];
    int pages = pdf_pages(pdf);
    for (int page = 1; page <= pages; page++) {
        char p[16];
        snprintf(p, sizeof p, "%d", page);
        char *argv[] = {pdftotext, "-bbox", "-f", p, "-l", p, (char *)pdf, "-", NULL};
        cli_run(&r, argv, NULL);
        ck_assert_msg(r.status == 0, "pdftotext -bbox failed: %s", r.err);
        int n = 0;
        for (const char *at = r.out; (at = strstr(at, "<word ")) != NULL && n < 4096; at++) {
            pdf_word *x = &w[n];
            int used = 0;
            if (sscanf(at, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%n",
                       &x->x0, &x->y0, &x->x1, &x->y1, &used) != 4)
                continue;
            const char *end = strstr(at + used, "</word>");
            size_t len = end ? (size_t)(end - (at + used)) : 0;
            if (len >= sizeof x->text)
                len = sizeof x->text - 1;
            memcpy(x->text, at + used, len);
            x->text[len] = '\0';
            n++;
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                const pdf_word *a = &w[i], *b = &w[j];
                double over = (a->y1 < b->y1 ? a->y1 : b->y1) - (a->y0 > b->y0 ? a->y0 : b->y0);
                double ha = a->y1 - a->y0, hb = b->y1 - b->y0;
                if (over <= 0.5 * (ha < hb ? ha : hb))
                    continue; /* not on the same line */
                double gap = a->x0 < b->x0 ? b->x0 - a->x1 : a->x0 - b->x1;
                ck_assert_msg(gap >= 1.0, "%s page %d: '%s' and '%s' %.1f pt apart", pdf, page,
                              a->text, b->text, gap);
            }
    }
}

/* Share of coloured (not grey or white) pixels of a PPM in a box. */
static double coloured_share(const char *ppm, int x0, int y0, int x1, int y1)
{
    FILE *f = fopen(ppm, "rb");
    ck_assert_ptr_nonnull(f);
    int w, h, max;
    ck_assert_int_eq(fscanf(f, "P6 %d %d %d", &w, &h, &max), 3);
    fgetc(f);
    unsigned char *px = malloc((size_t)w * h * 3);
    ck_assert_uint_eq(fread(px, 3, (size_t)w * h, f), (size_t)w * h);
    fclose(f);
    ck_assert(x1 <= w && y1 <= h);
    long coloured = 0, all = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const unsigned char *p = px + ((size_t)y * w + x) * 3;
            int lo = p[0] < p[1] ? p[0] : p[1], hi = p[0] > p[1] ? p[0] : p[1];
            lo = p[2] < lo ? p[2] : lo;
            hi = p[2] > hi ? p[2] : hi;
            coloured += hi - lo > 20;
            all++;
        }
    free(px);
    return (double)coloured / (double)all;
}

/* No file named name* in folder (no document, no temporary file beside it). */
static void pdf_nothing_written(const char *folder, const char *name)
{
    DIR *d = opendir(folder);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    size_t n = strlen(name);
    while ((e = readdir(d)))
        ck_assert_msg(strncmp(e->d_name, name, n) != 0, "left behind: %s", e->d_name);
    closedir(d);
}

/* The tests' documents go to a fresh folder (size >= 32), removed after. */
static void pdf_folder_make(char *folder, size_t size, const char *stem)
{
    snprintf(folder, size, "/tmp/%s-XXXXXX", stem);
    if (!mkdtemp(folder)) {
        perror("mkdtemp");
        exit(1);
    }
}

static void pdf_folder_remove(const char *folder)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", folder);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", folder);
}

/* The height of the smallest text in a picture cairo wrote as SVG, in the
 * picture's units (a picture 560 wide shown 560 px wide: pixels). Each font
 * is a set of glyph symbols "glyphF-G" (G 0: the missing-glyph box); a font's
 * tallest glyph is at least its digits' height, 0.73 of its size. */
static double svg_smallest_text(const char *svg)
{
    double tallest[64] = {0};
    int nfonts = 0;
    const char *tag = "<symbol overflow=\"visible\" id=\"glyph";
    for (const char *p = strstr(svg, tag); p; p = strstr(p + 1, tag)) {
        int font, glyph;
        if (sscanf(p + strlen(tag), "%d-%d", &font, &glyph) != 2 || font < 0 || font >= 64 ||
            glyph == 0)
            continue;
        const char *d = strstr(p, " d=\"");
        ck_assert_ptr_nonnull(d);
        d += 4;
        double lo = 1e9, hi = -1e9;
        int k = 0; /* numbers alternate x, y */
        while (*d && *d != '"') {
            char *end;
            double v = strtod(d, &end);
            if (end == d) {
                d++;
                continue;
            }
            if (k++ % 2 == 1) {
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
            }
            d = end;
        }
        if (hi > lo && hi - lo > tallest[font])
            tallest[font] = hi - lo;
        if (font + 1 > nfonts)
            nfonts = font + 1;
    }
    double least = 1e9;
    for (int f = 0; f < nfonts; f++)
        if (tallest[f] > 0 && tallest[f] < least)
            least = tallest[f];
    return least;
}

#endif
