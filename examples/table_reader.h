/* A streaming reader for the CSV tables people export (shared by sl-audit and
 * sl-portfolio), on top of libcsv.
 *
 * - Delimiter ',' ';' or tab, detected from the header line (the one that
 *   occurs most often outside quotes; ',' on a tie).
 * - UTF-8 (a byte-order mark before the header is skipped), UTF-16 with a
 *   byte-order mark and cp1252/ISO-8859-1, detected (table_decode.h); CRLF
 *   and LF line ends; quoted fields ("..." with "" for a quote) may hold the delimiter.
 * - Header names are matched after folding: ASCII letters to lower case,
 *   æ/ø/å (either case) to ae/o/a, spaces, '_', '-', '.' and '/' removed, so
 *   "Restgjeld før" matches "restgjeldfor" and "opening_balance" matches
 *   "openingbalance". A mapping "name=Header,name=Header" (--columns)
 *   names the header of a column explicitly; a column named there is found
 *   only under that header (the mapping wins over the built-in aliases).
 * - Each line is at most TABLE_MAX_LINE bytes and each record at most
 *   TABLE_MAX_LINE bytes; longer input is an error, so memory stays bounded.
 * - Rows with a different number of fields from the header are errors, and
 *   so is a NUL byte anywhere in a record (never a field cut short at it).
 * Errors carry the 1-based line and column (field number) of the problem.
 * Memory: one line buffer and one record's fields, whatever the file size. */
#ifndef SL_TABLE_READER_H
#define SL_TABLE_READER_H

#include <stddef.h>

#ifndef TABLE_MAX_LINE /* the fuzz build (-Dfuzz=true) makes it small to reach the limit */
#define TABLE_MAX_LINE (1024 * 1024)
#endif
#define TABLE_MAX_FIELDS 256

/* One column the program wants. */
typedef struct table_column {
    const char *name;          /* canonical name, e.g. "opening_balance" */
    const char *const *aliases; /* folded header names also accepted; NULL-terminated, may be NULL */
    int required;
    /* The library's reader of the table's headers (sl_audit_field_parse,
     * sl_book_field_parse): the field a header names, -1 for none; the column
     * is found under every header that names `field`. NULL: name and aliases only. */
    int (*header_field)(const char *header);
    int field;
} table_column;

typedef struct table_error {
    long line;    /* 1-based, 0 when not about a line */
    long column;  /* 1-based field number, 0 when unknown */
    int recoverable; /* 1: only this row is bad (e.g. ragged); reading may go on */
    int usage;       /* 1: about an option's value (--columns, --encoding), not the file */
    char message[512]; /* in the output's language (gettext), for people */
    char english[512]; /* the same in English, for JSON and CSV output */
} table_error;

typedef struct table_reader table_reader;

/* Open path ("-" for stdin), read the header and match the columns.
 * mapping: "name=Header,..." or NULL. allow_unknown: 0 makes a header column
 * that matches no wanted column an error. Returns 0 or -1 (err filled). */
int table_open(table_reader **out, const char *path, const table_column *columns, size_t ncolumns,
               const char *mapping, int allow_unknown, table_error *err);

/* table_open with the file's text encoding named (NULL or "auto": detected;
 * see table_decode.h): UTF-8 with or without a byte-order mark, UTF-16 with
 * one, cp1252/ISO-8859-1; the text is converted to UTF-8 as it streams. */
int table_open_ex(table_reader **out, const char *path, const table_column *columns,
                  size_t ncolumns, const char *mapping, int allow_unknown, const char *encoding,
                  table_error *err);

/* The file's own header text of wanted column i (trimmed, as converted to
 * UTF-8), or NULL when the column is not in the file. */
const char *table_header(const table_reader *r, size_t i);
/* The encoding the file was read in: "UTF-8", "UTF-16LE", "UTF-16BE",
 * "CP1252" or "ISO-8859-1". */
const char *table_encoding(const table_reader *r);

/* Read the next record. Returns 1 (a row), 0 (end of file) or -1 (err
 * filled: a read or parse error, a ragged row or an over-long line). */
int table_next(table_reader *r, table_error *err);

/* The value of wanted column i in the current row (trimmed of surrounding
 * spaces), or NULL when the column is not in the file. Valid until the next
 * table_next. */
const char *table_field(const table_reader *r, size_t i);
/* 1-based field number of wanted column i in the file, 0 if absent. */
long table_field_column(const table_reader *r, size_t i);
/* 1-based line where the current row starts. */
long table_line(const table_reader *r);
/* The delimiter found. */
char table_delimiter(const table_reader *r);

void table_close(table_reader *r);

/* header_field readers over the library's column names: the sl_audit_field
 * of a plan's header (sl_audit_field_parse: Termin, Renter, …) and the
 * sl_book_field of a book's (sl_book_field_parse: Lånebeløp, …); -1 for none. */
int table_plan_header(const char *header);
int table_book_header(const char *header);

/* Fold a header name as described above into buf (the library's
 * sl_table_header_fold; a name too long for buf is cut). */
void table_fold(char *buf, size_t size, const char *name);

#endif
