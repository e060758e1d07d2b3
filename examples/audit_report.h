/* sl-audit's report, written as the audit goes (memory stays flat whatever
 * the plan's length): the divergences first, each with the differences that
 * follow from it counted (listed with --all), then the notes, the totals and
 * an honest verdict. Fields are named by the file's own headers. */
#ifndef SL_AUDIT_REPORT_H
#define SL_AUDIT_REPORT_H

#include <stdio.h>

#include "cli.h"

/* How many divergences and notes are listed without --all. */
#define REPORT_MAX_DIVERGENCES 20
#define REPORT_MAX_NOTES 20

/* What the report needs to know about the input and the contract. */
typedef struct report_setup {
    const char *path;
    const char *encoding;      /* "UTF-8", "CP1252", ... */
    char delimiter;
    int json;
    int csv;                   /* one line per difference listed (as JSON's) */
    int all;                   /* --all: every difference listed */
    int terms_given;
    int terms_per_year;        /* for implied rates */
    sl_money tolerance;
    const char *field_names[SL_AUDIT_FIELD_ROW + 1]; /* the file's headers, or a description */
    const char *derived;       /* "" or a sentence: which fields were derived and how */
    sl_date history_end;       /* year 0: none, or the plan does not run past it */
    sl_rate history_rate;      /* the rate assumed after it (before the margin) */
    const char *history_name;
} report_setup;

typedef struct report report;

/* Start a report written to out (a temporary file the caller copies to
 * stdout once the whole input was read, so nothing partial reaches stdout). */
report *report_start(FILE *out, const report_setup *setup);
/* The differences of one row (or of the end checks), in the library's
 * order; line is the file line of the row (0: none). */
void report_add(report *r, const sl_audit_difference *d, long line);
/* Call after each row: writes what the row added. */
void report_row_done(report *r);
/* A row due on or after the history's end (counted for the verdict). */
void report_row_after_history(report *r);
/* The totals and the verdict; frees r. */
void report_finish(report *r, const sl_audit_summary *s);

#endif
