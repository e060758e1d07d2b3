/* Events and ledger files beside the book: read, sorted by id, looked up. */
#define _POSIX_C_SOURCE 200809L
#include "book_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_i18n.h"

enum { E_ID, E_DATE, E_KIND, E_AMOUNT, E_COUNT };
static const char *const a_id[] = {"lanenr", "lannr", "lannummer", "lanenummer", NULL};
static const char *const a_date[] = {"dato", "hendelsesdato", NULL};
static const char *const a_kind[] = {"type", "hendelse", "art", NULL};
static const char *const a_amount[] = {"belop", "verdi", "value", NULL};
static const table_column event_columns[E_COUNT] = {
    {"id", a_id, 1, NULL, 0},
    {"date", a_date, 1, NULL, 0},
    {"kind", a_kind, 1, NULL, 0},
    {"amount", a_amount, 0, NULL, 0},
};

enum { L_ID, L_BALANCE, L_COUNT };
static const char *const a_balance[] = {"saldo", "restgjeld", "balanse", "restgjeldetter",
                                        "belop", NULL};
static const table_column ledger_columns[L_COUNT] = {
    {"id", a_id, 1, NULL, 0},
    {"balance", a_balance, 1, NULL, 0},
};

static int fail(book_file_error *err, long line, long column, const char *value, const char *fmt,
                const char *why)
{
    err->line = line;
    err->column = column;
    snprintf(err->value, sizeof err->value, "%s", value ? value : "");
    snprintf(err->message, sizeof err->message, fmt, why);
    return -1;
}

static int by_id(const void *a, const void *b)
{
    const book_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int by_line(const void *a, const void *b)
{
    const book_entry *x = *(book_entry *const *)a, *y = *(book_entry *const *)b;
    return (x->line > y->line) - (x->line < y->line);
}

/* Read every row of path with columns; each row through fill. */
static int load(book_file *out, const char *path, const table_column *columns, size_t ncolumns,
                int (*fill)(book_entry *, const table_reader *, book_file_error *),
                book_file_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    table_error terr;
    table_reader *t;
    if (table_open(&t, path, columns, ncolumns, NULL, 1, &terr) < 0)
        return fail(err, terr.line, terr.column, "", "%s", terr.message);
    out->date_column = table_field_column(t, 1);
    size_t cap = 0;
    int rc;
    while ((rc = table_next(t, &terr)) != 0) {
        if (rc < 0) {
            table_close(t);
            return fail(err, terr.line, terr.column, "", "%s", terr.message);
        }
        if (out->count == cap) {
            cap = cap ? cap * 2 : 256;
            book_entry *p = realloc(out->entries, cap * sizeof *p);
            if (!p) {
                table_close(t);
                return fail(err, table_line(t), 0, "", "%s", _("out of memory"));
            }
            out->entries = p;
        }
        book_entry *e = &out->entries[out->count];
        memset(e, 0, sizeof *e);
        e->line = table_line(t);
        const char *id = table_field(t, 0);
        if (!id || !*id) {
            long col = table_field_column(t, 0);
            table_close(t);
            return fail(err, e->line, col, "", "%s", _("empty loan id"));
        }
        if (fill(e, t, err) < 0) {
            table_close(t);
            return -1;
        }
        e->id = strdup(id);
        if (!e->id) {
            table_close(t);
            return fail(err, e->line, 0, "", "%s", _("out of memory"));
        }
        out->count++;
    }
    table_close(t);
    if (out->count)
        qsort(out->entries, out->count, sizeof *out->entries, by_id);
    return 0;
}

static const char *reason(const sl_error *e)
{
    const char *r = strstr(e->message, ": ");
    return r ? r + 2 : e->message;
}

static int fill_event(book_entry *e, const table_reader *t, book_file_error *err)
{
    sl_error se;
    const char *date = table_field(t, E_DATE), *kind = table_field(t, E_KIND),
               *amount = table_field(t, E_AMOUNT);
    if (sl_book_event_parse(&e->event, date, kind, amount, &se) == SL_OK) {
        e->event.line = e->line;
        return 0;
    }
    int col = strcmp(se.field, "date") == 0 ? E_DATE : strcmp(se.field, "kind") == 0 ? E_KIND
                                                                                      : E_AMOUNT;
    const char *v = table_field(t, (size_t)col);
    char why[400];
    snprintf(why, sizeof why, "%s (%s)", reason(&se), event_columns[col].name);
    return fail(err, e->line, table_field_column(t, (size_t)col), v, "%s", why);
}

static int fill_balance(book_entry *e, const table_reader *t, book_file_error *err)
{
    sl_error se;
    const char *v = table_field(t, L_BALANCE);
    if (!v || !*v)
        return fail(err, e->line, table_field_column(t, L_BALANCE), "", "%s", _("balance: empty"));
    /* as the ledger's export writes it: "kr 1 693 928,46", "1.693.928,46" */
    if (sl_money_parse(&e->balance, v, "balance", NULL) != SL_OK &&
        sl_money_parse_export(&e->balance, v, "balance", &se) != SL_OK)
        return fail(err, e->line, table_field_column(t, L_BALANCE), v, _("balance: %s"), reason(&se));
    return 0;
}

int book_events_load(book_file *out, const char *path, book_file_error *err)
{
    return load(out, path, event_columns, E_COUNT, fill_event, err);
}

int book_ledger_load(book_file *out, const char *path, book_file_error *err)
{
    if (load(out, path, ledger_columns, L_COUNT, fill_balance, err) < 0)
        return -1;
    for (size_t i = 1; i < out->count; i++)
        if (strcmp(out->entries[i - 1].id, out->entries[i].id) == 0) {
            char why[300];
            snprintf(why, sizeof why, _("loan id twice in the ledger (also line %ld)"),
                     out->entries[i - 1].line);
            return fail(err, out->entries[i].line, 1, out->entries[i].id, "%s", why);
        }
    return 0;
}

void book_file_free(book_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->count; i++)
        free(f->entries[i].id);
    free(f->entries);
    memset(f, 0, sizeof *f);
}

size_t book_file_find(book_file *f, const char *id, book_entry **first)
{
    size_t lo = 0, hi = f->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(f->entries[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < f->count && strcmp(f->entries[lo + n].id, id) == 0)
        n++;
    *first = n ? &f->entries[lo] : NULL;
    return n;
}

book_entry **book_file_unclaimed(const book_file *f, size_t *n)
{
    *n = 0;
    book_entry **list = malloc((f->count ? f->count : 1) * sizeof *list);
    if (!list)
        return NULL;
    for (size_t i = 0; i < f->count; i++)
        if (!f->entries[i].book_line)
            list[(*n)++] = &f->entries[i];
    if (*n)
        qsort(list, *n, sizeof *list, by_line);
    return list;
}
