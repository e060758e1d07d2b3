/* Streaming CSV reader for exported tables, over libcsv (see table_reader.h). */
#include "table_reader.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_i18n.h"
#include "table_decode.h"

#include <startlan.h>

#define HEADER_TEXT 128 /* bytes kept of each wanted column's header */

struct table_reader {
    FILE *in;
    int close_in;
    char encoding[16];  /* as detected or named */
    table_decoder *decoder;
    char *headers;      /* the file's header text of each wanted column */
    struct csv_parser parser;
    char delim;
    long line_no;      /* physical lines read so far */
    long record_line;  /* first line of the record being read */
    size_t record_bytes;
    int in_record;
    int record_done;
    int too_many_fields;
    long nul_line;     /* line of the record's first NUL byte, 0 when none */
    long nul_field;    /* 1-based field holding it */
    /* current record: fields stored NUL-separated in arena */
    char *arena;
    size_t arena_len;
    size_t offsets[TABLE_MAX_FIELDS];
    size_t nfields;
    /* wanted column -> file field index (or -1) */
    const table_column *columns;
    size_t ncolumns;
    long map[TABLE_MAX_FIELDS];
    size_t header_fields;
    /* the current physical line */
    char *line;
    size_t line_len;
    /* read buffer */
    char buf[65536];
    size_t buf_pos, buf_len;
    int eof;
    char eol;           /* what ends a line: '\n' (also CRLF), or '\r' alone (a Mac CSV); 0: not known yet */
};

static int fail(table_error *err, long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* fmt is marked N_(): the message in the output's language and in English.
 * Header names and values in the arguments stay as in the file. */
static int fail(table_error *err, long line, long column, const char *fmt, ...)
{
    if (err) {
        err->recoverable = 0;
        err->usage = 0;
        err->line = line;
        err->column = column;
        va_list ap, copy;
        va_start(ap, fmt);
        va_copy(copy, ap);
        vsnprintf(err->english, sizeof err->english, fmt, ap);
        vsnprintf(err->message, sizeof err->message, _(fmt), copy);
        va_end(copy);
        va_end(ap);
    }
    return -1;
}

/* An option's value is wrong (--columns, --encoding): a usage error. */
static int usage_fail(table_error *err, const char *why)
{
    fail(err, 0, 0, "%s", why);
    if (err)
        err->usage = 1;
    return -1;
}

void table_fold(char *buf, size_t size, const char *name)
{
    (void)sl_table_header_fold(buf, size, name); /* too long: a terminated prefix */
}

int table_plan_header(const char *header)
{
    sl_audit_field f;
    return sl_audit_field_parse(&f, header, NULL) == SL_OK ? (int)f : -1;
}

int table_book_header(const char *header)
{
    sl_book_field f;
    return sl_book_field_parse(&f, header, NULL) == SL_OK ? (int)f : -1;
}

/* ---- raw lines ---- */

/* Which byte ends the lines of a file, from its first bytes: "\r" alone
 * ends a line in Excel for Mac's "CSV (Macintosh)" (a carriage return not
 * followed by a line feed, and no line feed before it); "\n" otherwise, a
 * "\r" before it dropped (CRLF). A first line longer than the buffer, or a
 * "\r" as its last byte, keeps "\n". */
static char line_end(const char *buf, size_t len)
{
    const char *cr = memchr(buf, '\r', len), *lf = memchr(buf, '\n', len);
    if (cr && (!lf || cr < lf) && (size_t)(cr - buf) + 1 < len && cr[1] != '\n')
        return '\r';
    return '\n';
}

/* Read the next physical line (without its end: "\n" and a "\r" before it,
 * or a lone "\r") into r->line. Returns 1, 0 at end of file, -1 on error. */
static int read_line(table_reader *r, table_error *err)
{
    r->line_len = 0;
    int got = 0;
    for (;;) {
        if (r->buf_pos == r->buf_len) {
            if (r->eof)
                break;
            r->buf_len = fread(r->buf, 1, sizeof r->buf, r->in);
            r->buf_pos = 0;
            if (r->buf_len == 0) {
                if (ferror(r->in))
                    return fail(err, r->line_no + 1, 0,
                                errno == EILSEQ
                                    ? N_("read error: %s (read as %s; name the encoding with "
                                         "--encoding)")
                                    : N_("read error: %s (read as %s)"),
                                strerror(errno), r->encoding);
                r->eof = 1;
                break;
            }
            if (!r->eol)
                r->eol = line_end(r->buf, r->buf_len);
        }
        got = 1;
        char *start = r->buf + r->buf_pos;
        size_t avail = r->buf_len - r->buf_pos;
        char *nl = memchr(start, r->eol ? r->eol : '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        if (r->line_len + take > TABLE_MAX_LINE)
            return fail(err, r->line_no + 1, 0, N_("line longer than %d bytes"), TABLE_MAX_LINE);
        memcpy(r->line + r->line_len, start, take);
        r->line_len += take;
        r->buf_pos += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!got)
        return 0;
    r->line_no++;
    if (r->eol != '\r' && r->line_len && r->line[r->line_len - 1] == '\r')
        r->line_len--;
    r->line[r->line_len] = '\0';
    return 1;
}

/* ---- libcsv callbacks ---- */

static void on_field(void *data, size_t len, void *ctx)
{
    table_reader *r = ctx;
    /* A NUL would end the field as a C string and silently drop the rest. */
    if (len && !r->nul_field && memchr(data, '\0', len))
        r->nul_field = (long)r->nfields + 1;
    if (r->nfields >= TABLE_MAX_FIELDS) {
        r->too_many_fields = 1;
        return;
    }
    /* the arena is as large as a record may be, plus a NUL per field */
    if (r->arena_len + len + 1 > TABLE_MAX_LINE + TABLE_MAX_FIELDS + 1) {
        r->too_many_fields = 1;
        return;
    }
    r->offsets[r->nfields++] = r->arena_len;
    if (len)
        memcpy(r->arena + r->arena_len, data, len);
    r->arena_len += len;
    r->arena[r->arena_len++] = '\0';
}

static void on_record(int c, void *ctx)
{
    (void)c;
    table_reader *r = ctx;
    r->record_done = 1;
}

static int is_lf(unsigned char c)
{
    return c == '\n';
}

static const char *field_at(const table_reader *r, size_t i)
{
    return r->arena + r->offsets[i];
}

/* Only spaces and tabs (a NUL byte is not blank: it is data to refuse). */
static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* The record just read holds a NUL byte: a bad row (the record itself was
 * read to its end, so reading may go on). */
static int nul_error(table_reader *r, table_error *err)
{
    fail(err, r->nul_line, r->nul_field ? r->nul_field : 1, N_("a NUL byte in the field"));
    if (err)
        err->recoverable = 1;
    return -1;
}

/* The current line as one record of unquoted fields. 1 or -1. */
static int split_line(table_reader *r, table_error *err)
{
    const char *p = r->line, *end = r->line + r->line_len;
    for (;;) {
        const char *q = memchr(p, r->delim, (size_t)(end - p));
        on_field((void *)p, q ? (size_t)(q - p) : (size_t)(end - p), r);
        if (!q)
            break;
        p = q + 1;
    }
    if (r->too_many_fields)
        return fail(err, r->record_line, 0, N_("more than %d fields or a record over %d bytes"),
                    TABLE_MAX_FIELDS, TABLE_MAX_LINE);
    r->record_done = 1;
    return 1;
}

/* Feed physical lines until one record is complete. 1, 0 (EOF) or -1. */
static int next_record(table_reader *r, table_error *err, int first)
{
    r->nfields = 0;
    r->arena_len = 0;
    r->record_done = 0;
    r->too_many_fields = 0;
    r->nul_line = 0;
    r->nul_field = 0;
    r->in_record = 0;
    r->record_bytes = 0;
    for (;;) {
        int rc = first ? 1 : read_line(r, err);
        first = 0;
        if (rc < 0)
            return rc;
        if (rc == 0) {
            if (csv_fini(&r->parser, on_field, on_record, r) != 0)
                return fail(err, r->record_line, 0, N_("unterminated quoted field: %s"),
                            csv_strerror(csv_error(&r->parser)));
            if (r->too_many_fields)
                return fail(err, r->record_line, 0, N_("more than %d fields or a record over %d bytes"),
                            TABLE_MAX_FIELDS, TABLE_MAX_LINE);
            if (r->record_done && r->nul_line)
                return nul_error(r, err);
            return r->record_done ? 1 : 0;
        }
        if (!r->in_record) {
            if (blank(r->line, r->line_len))
                continue;
            r->in_record = 1;
            r->record_line = r->line_no;
            /* a line without quotes or NUL bytes is a record by itself:
             * split it at the delimiter without the byte-by-byte parser */
            if (!memchr(r->line, '"', r->line_len) && !memchr(r->line, '\0', r->line_len))
                return split_line(r, err);
        }
        if (!r->nul_line && memchr(r->line, '\0', r->line_len))
            r->nul_line = r->line_no;
        r->record_bytes += r->line_len + 1;
        if (r->record_bytes > TABLE_MAX_LINE)
            return fail(err, r->record_line, 0, N_("record longer than %d bytes"), TABLE_MAX_LINE);
        r->line[r->line_len] = '\n';
        size_t fed = csv_parse(&r->parser, r->line, r->line_len + 1, on_field, on_record, r);
        r->line[r->line_len] = '\0';
        if (fed != r->line_len + 1)
            return fail(err, r->line_no, 0, N_("malformed quoting: %s"),
                        csv_strerror(csv_error(&r->parser)));
        if (r->too_many_fields)
            return fail(err, r->record_line, 0, N_("more than %d fields or a record over %d bytes"),
                        TABLE_MAX_FIELDS, TABLE_MAX_LINE);
        if (r->record_done)
            return r->nul_line ? nul_error(r, err) : 1;
    }
}

static char detect_delimiter(const char *line)
{
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (const char *p = line; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ',')
            comma++;
        else if (!quoted && *p == ';')
            semi++;
        else if (!quoted && *p == '\t')
            tab++;
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

/* Whether the mapping names the header of wanted column `name` itself. */
static int mapping_names(const char *mapping, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = mapping; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len > n && p[n] == '=' && strncmp(p, name, n) == 0)
            return 1;
        p += len + (comma ? 1 : 0);
    }
    return 0;
}

/* Find which wanted column a folded header names. -1 if none. A column the
 * mapping names is found only under the header given there: the explicit
 * mapping wins over the built-in name and aliases (a Norwegian export may
 * have both "Renter" and "Rente"). */
static long match_column(const table_reader *r, const char *header, const char *folded,
                         const char *mapping)
{
    if (mapping) {
        const char *p = mapping;
        while (*p) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            const char *eq = memchr(p, '=', len);
            if (eq) {
                char name[128], header[256], fh[256];
                size_t nl = (size_t)(eq - p), hl = len - nl - 1;
                if (nl < sizeof name && hl < sizeof header) {
                    memcpy(name, p, nl);
                    name[nl] = '\0';
                    memcpy(header, eq + 1, hl);
                    header[hl] = '\0';
                    table_fold(fh, sizeof fh, header);
                    if (strcmp(fh, folded) == 0)
                        for (size_t i = 0; i < r->ncolumns; i++)
                            if (strcmp(r->columns[i].name, name) == 0)
                                return (long)i;
                }
            }
            p += len + (comma ? 1 : 0);
        }
    }
    for (size_t i = 0; i < r->ncolumns; i++) {
        if (mapping_names(mapping, r->columns[i].name))
            continue;
        char fn[128];
        table_fold(fn, sizeof fn, r->columns[i].name);
        if (strcmp(fn, folded) == 0)
            return (long)i;
        if (r->columns[i].aliases)
            for (const char *const *a = r->columns[i].aliases; *a; a++)
                if (strcmp(*a, folded) == 0)
                    return (long)i;
        if (r->columns[i].header_field &&
            r->columns[i].header_field(header) == r->columns[i].field)
            return (long)i;
    }
    return -1;
}

static int check_mapping(const table_reader *r, const char *mapping, table_error *err)
{
    const char *p = mapping;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        int known = 0;
        if (eq)
            for (size_t i = 0; i < r->ncolumns; i++)
                if (strlen(r->columns[i].name) == (size_t)(eq - p) &&
                    strncmp(r->columns[i].name, p, (size_t)(eq - p)) == 0)
                    known = 1;
        if (!known) {
            char why[400];
            snprintf(why, sizeof why, _("--columns '%.*s': expected NAME=HEADER with a known NAME"),
                     (int)(len > 200 ? 200 : len), p);
            return usage_fail(err, why);
        }
        p += len + (comma ? 1 : 0);
    }
    return 0;
}

int table_open(table_reader **out, const char *path, const table_column *columns, size_t ncolumns,
               const char *mapping, int allow_unknown, table_error *err)
{
    return table_open_ex(out, path, columns, ncolumns, mapping, allow_unknown, NULL, err);
}

int table_open_ex(table_reader **out, const char *path, const table_column *columns,
                  size_t ncolumns, const char *mapping, int allow_unknown, const char *encoding,
                  table_error *err)
{
    *out = NULL;
    if (ncolumns > TABLE_MAX_FIELDS)
        return fail(err, 0, 0, N_("too many columns"));
    table_reader *r = calloc(1, sizeof *r);
    if (!r)
        return fail(err, 0, 0, N_("out of memory"));
    r->line = malloc(TABLE_MAX_LINE + 2);
    r->arena = malloc(TABLE_MAX_LINE + TABLE_MAX_FIELDS + 2);
    r->headers = calloc(ncolumns ? ncolumns : 1, HEADER_TEXT);
    if (!r->line || !r->arena || !r->headers) {
        free(r->line);
        free(r->arena);
        free(r->headers);
        free(r);
        return fail(err, 0, 0, N_("out of memory"));
    }
    r->columns = columns;
    r->ncolumns = ncolumns;
    if (strcmp(path, "-") == 0) {
        r->in = stdin;
    } else {
        r->in = fopen(path, "rb");
        if (!r->in) {
            int e = errno;
            free(r->line);
            free(r->arena);
            free(r->headers);
            free(r);
            return fail(err, 0, 0, N_("cannot open (%s)"), strerror(e));
        }
        r->close_in = 1;
    }
    char why[256];
    r->decoder = table_decoder_new();
    int decoded = -1;
    if (!r->decoder || (decoded = table_decode(&r->in, r->decoder, !r->close_in, encoding,
                                               r->encoding, why, sizeof why)) < 0) {
        if (!r->decoder)
            snprintf(why, sizeof why, "%s", _("out of memory"));
        table_close(r);
        return decoded == -2 ? usage_fail(err, why) : fail(err, 0, 0, "%s", why);
    }
    r->close_in = 1; /* the decoding stream; it leaves stdin open */
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        table_close(r);
        return fail(err, 0, 0, N_("out of memory"));
    }
    csv_set_term_func(&r->parser, is_lf);
    *out = r;
    if (mapping && check_mapping(r, mapping, err) < 0)
        goto bad;

    /* header: the first non-blank line */
    int rc;
    for (;;) {
        rc = read_line(r, err);
        if (rc < 0)
            goto bad;
        if (rc == 0) {
            fail(err, 0, 0, N_("empty file: no header line"));
            goto bad;
        }
        if (r->line_no == 1 && r->line_len >= 3 && memcmp(r->line, "\xEF\xBB\xBF", 3) == 0) {
            memmove(r->line, r->line + 3, r->line_len - 3 + 1);
            r->line_len -= 3;
        }
        if (!blank(r->line, r->line_len))
            break;
    }
    r->delim = detect_delimiter(r->line);
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    rc = next_record(r, err, 1);
    if (rc < 0)
        goto bad;
    if (rc == 0) {
        fail(err, 1, 0, N_("empty file: no header line"));
        goto bad;
    }
    r->header_fields = r->nfields;
    for (size_t i = 0; i < ncolumns; i++)
        r->map[i] = -1;
    for (size_t f = 0; f < r->nfields; f++) {
        char raw[256], folded[256];
        snprintf(raw, sizeof raw, "%s", field_at(r, f));
        table_fold(folded, sizeof folded, trim(raw));
        long c = match_column(r, trim(raw), folded, mapping);
        if (c < 0) {
            if (!allow_unknown) {
                fail(err, r->record_line, (long)f + 1, N_("unknown column '%s'"), field_at(r, f));
                goto bad;
            }
            continue;
        }
        if (r->map[c] >= 0) {
            fail(err, r->record_line, (long)f + 1, N_("column '%s' given twice (also column %ld)"),
                 columns[c].name, r->map[c] + 1);
            goto bad;
        }
        r->map[c] = (long)f;
        snprintf(r->headers + (size_t)c * HEADER_TEXT, HEADER_TEXT, "%s", trim(raw));
    }
    for (size_t i = 0; i < ncolumns; i++)
        if (columns[i].required && r->map[i] < 0) {
            fail(err, r->record_line, 0, mapping ? N_("the header has no column '%s'")
                         : N_("the header has no column '%s' (name it with --columns)"),
                 columns[i].name);
            goto bad;
        }
    return 0;
bad:
    table_close(r);
    *out = NULL;
    return -1;
}

int table_next(table_reader *r, table_error *err)
{
    int rc = next_record(r, err, 0);
    if (rc <= 0)
        return rc;
    if (r->nfields != r->header_fields) {
        fail(err, r->record_line,
             (long)(r->nfields < r->header_fields ? r->nfields + 1 : r->header_fields + 1),
             r->delim == ',' && r->nfields > r->header_fields
                 ? N_("%zu fields where the header has %zu (a decimal comma in an unquoted "
                      "field? quote it or use ';')")
                 : N_("%zu fields where the header has %zu"),
             r->nfields, r->header_fields);
        if (err)
            err->recoverable = 1;
        return -1;
    }
    for (size_t f = 0; f < r->nfields; f++) {
        char *s = r->arena + r->offsets[f];
        char *t = trim(s);
        if (t != s)
            memmove(s, t, strlen(t) + 1);
    }
    return 1;
}

const char *table_field(const table_reader *r, size_t i)
{
    if (i >= r->ncolumns || r->map[i] < 0 || (size_t)r->map[i] >= r->nfields)
        return NULL;
    return field_at(r, (size_t)r->map[i]);
}

long table_field_column(const table_reader *r, size_t i)
{
    return i < r->ncolumns && r->map[i] >= 0 ? r->map[i] + 1 : 0;
}

long table_line(const table_reader *r)
{
    return r->record_line;
}

char table_delimiter(const table_reader *r)
{
    return r->delim;
}

void table_close(table_reader *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    if (r->close_in && r->in)
        fclose(r->in);
    free(r->line);
    free(r->arena);
    free(r->headers);
    table_decoder_free(r->decoder);
    free(r);
}

const char *table_header(const table_reader *r, size_t i)
{
    if (i >= r->ncolumns || r->map[i] < 0)
        return NULL;
    return r->headers + i * HEADER_TEXT;
}

const char *table_encoding(const table_reader *r)
{
    return r->encoding;
}
