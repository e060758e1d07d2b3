/* The files sl-portfolio reads beside the book, held in memory sorted by
 * loan id (the book itself streams): the loans' dated events
 * (id,date,kind,amount) and a ledger export of balances (id,balance).
 * Memory grows with these files, not with the book. Each entry remembers
 * its line and the book line of the loan that claimed it, so an id the book
 * does not have, or a book with one id twice, is found. */
#ifndef SL_BOOK_FILES_H
#define SL_BOOK_FILES_H

#include <startlan.h>

#include "table_reader.h"

typedef struct book_entry {
    char *id;
    long line;      /* in its file */
    long book_line; /* the book's line of the loan that claimed it; 0: none yet */
    sl_book_event event;
    sl_money balance;
} book_entry;

typedef struct book_file {
    const char *path;
    book_entry *entries; /* sorted by id, then line */
    size_t count;
    long date_column; /* events: the date's column number, for messages */
} book_file;

/* A refusal: where and what. */
typedef struct book_file_error {
    long line, column;
    char value[128];
    char message[600];
} book_file_error;

/* Read an events file (every row an event; an id may have many) or a ledger
 * (one balance per id; an id twice is an error). 0, or -1 with err filled. */
int book_events_load(book_file *out, const char *path, book_file_error *err);
int book_ledger_load(book_file *out, const char *path, book_file_error *err);
void book_file_free(book_file *f);

/* The entries of id: *first and the count (0 when none). */
size_t book_file_find(book_file *f, const char *id, book_entry **first);

/* The entries no loan claimed, in line order: a fresh array (free it) and
 * its length in *n. */
book_entry **book_file_unclaimed(const book_file *f, size_t *n);

#endif
