/* --csv-style excel-no: the programs write their machine CSV as always; it is
 * held back in a temporary file and rewritten at the end for a Norwegian
 * spreadsheet: `;` between fields, decimal comma, no grouping, UTF-8 with a
 * byte-order mark, CRLF. Numbers are the machine CSV's fields of the shape
 * -?digits(.digits)?; every other field is text (quoted when it holds ; " or
 * a line break; a formula sign at its start is defused with '). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cli_csv_style style = CLI_CSV_MACHINE;
static int saved_fd = -1;
static FILE *held;

cli_csv_style cli_csv_style_parse(const char *text)
{
    if (strcmp(text, "machine") == 0)
        return CLI_CSV_MACHINE;
    if (strcmp(text, "excel-no") == 0)
        return CLI_CSV_EXCEL_NO;
    cli_die(CLI_EXIT_USAGE, _("--csv-style '%s': must be machine or excel-no"), text);
}

void cli_csv_style_set(cli_csv_style s)
{
    style = s;
}

cli_format cli_csv_format(cli_format format)
{
    if (style == CLI_CSV_MACHINE)
        return format;
    if (format == CLI_JSON)
        cli_usage_error(_("--csv-style excel-no: writes CSV, not --format json"));
    return CLI_CSV;
}

static int is_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    size_t digits = i;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (i == digits)
        return 0;
    if (i < n && s[i] == '.') {
        size_t frac = ++i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        if (i == frac)
            return 0;
    }
    return i == n;
}

static void put_field(FILE *out, const char *s, size_t n)
{
    if (is_number(s, n)) {
        for (size_t i = 0; i < n; i++)
            fputc(s[i] == '.' ? ',' : s[i], out);
        return;
    }
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ';' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    int defuse = n > 0 && strchr("=+-@", s[0]) != NULL;
    if (quote)
        fputc('"', out);
    if (defuse)
        fputc('\'', out);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', out);
        fputc(s[i], out);
    }
    if (quote)
        fputc('"', out);
}

/* Rewrite the machine CSV in `in` (RFC 4180: fields separated by ',',
 * quoted with '"', records ended by LF or CRLF) to `out`. */
static void rewrite(FILE *in, FILE *out)
{
    fputs("\xEF\xBB\xBF", out);
    char *field = NULL;
    size_t len = 0, cap = 0;
    int c, quoted = 0, in_quotes = 0, any = 0;
    for (;;) {
        c = fgetc(in);
        if (in_quotes) {
            if (c == EOF)
                in_quotes = 0; /* unterminated: take what there is */
            else if (c == '"') {
                int d = fgetc(in);
                if (d == '"')
                    goto add;
                in_quotes = 0;
                if (d != EOF)
                    ungetc(d, in);
                continue;
            } else
                goto add;
        }
        if (c == '"' && len == 0 && !quoted) {
            in_quotes = quoted = 1;
            any = 1;
            continue;
        }
        if (c == ',' || c == '\n' || c == EOF) {
            if (c == EOF && !any && len == 0)
                break;
            if (len && field[len - 1] == '\r' && c == '\n' && !quoted)
                len--;
            put_field(out, field ? field : "", len);
            len = 0;
            quoted = 0;
            if (c == ',') {
                fputc(';', out);
                any = 1;
                continue;
            }
            fputs("\r\n", out);
            any = 0;
            if (c == EOF)
                break;
            continue;
        }
        any = 1;
    add:
        if (len + 1 >= cap) {
            size_t ncap = cap ? 2 * cap : 256;
            char *p = realloc(field, ncap);
            if (!p)
                cli_die(1, _("out of memory"));
            field = p;
            cap = ncap;
        }
        field[len++] = (char)c;
    }
    free(field);
}

void cli_csv_begin(void)
{
    if (style == CLI_CSV_MACHINE || saved_fd >= 0)
        return;
    fflush(stdout);
    held = tmpfile();
    if (!held)
        cli_die(1, _("could not create a temporary file for the output"));
    saved_fd = dup(STDOUT_FILENO);
    if (saved_fd < 0 || dup2(fileno(held), STDOUT_FILENO) < 0)
        cli_die(1, _("could not hold the output back"));
}

void cli_csv_end(void)
{
    if (saved_fd < 0)
        return;
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    if (dup2(saved_fd, STDOUT_FILENO) < 0)
        cli_die(1, _("could not restore the output"));
    close(saved_fd);
    saved_fd = -1;
    rewind(held);
    rewrite(held, stdout);
    fclose(held);
    held = NULL;
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
}
