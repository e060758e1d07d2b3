/* The CSV table reader of sl-audit and sl-portfolio, in process: the bytes
 * are a file (the first line of the input, up to a ';;' mark, is a --columns
 * mapping when it starts with "map:"), read with sl-audit's columns (unknown
 * columns allowed) and with sl-portfolio's (refused). Every row is a record
 * whose fields hold no NUL and fit the record, or an error with a line;
 * amounts and dates in the fields are parsed as the programs parse them. */
#define _GNU_SOURCE
#include "fuzz_input.h"
#include "table_reader.h"

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static const table_column audit_columns[] = {
    {"term", NULL, 0, table_plan_header, SL_AUDIT_FIELD_TERM},
    {"due_date", NULL, 0, table_plan_header, SL_AUDIT_FIELD_DUE_DATE},
    {"opening_balance", NULL, 1, table_plan_header, SL_AUDIT_FIELD_OPENING_BALANCE},
    {"interest", NULL, 1, table_plan_header, SL_AUDIT_FIELD_INTEREST},
    {"principal", NULL, 1, table_plan_header, SL_AUDIT_FIELD_PRINCIPAL},
    {"fee", NULL, 0, table_plan_header, SL_AUDIT_FIELD_FEE},
    {"payment", NULL, 1, table_plan_header, SL_AUDIT_FIELD_PAYMENT},
    {"closing_balance", NULL, 1, table_plan_header, SL_AUDIT_FIELD_CLOSING_BALANCE},
};
static const char *const a_id[] = {"lanenr", NULL};
static const table_column portfolio_columns[] = {
    {"id", a_id, 1, NULL, 0},
    {"amount", NULL, 1, table_book_header, SL_BOOK_AMOUNT},
    {"rate", NULL, 1, table_book_header, SL_BOOK_RATE},
    {"terms", NULL, 1, table_book_header, SL_BOOK_TERMS},
    {"terms_per_year", NULL, 1, table_book_header, SL_BOOK_TERMS_PER_YEAR},
    {"type", NULL, 1, table_book_header, SL_BOOK_TYPE},
    {"payout_date", NULL, 1, table_book_header, SL_BOOK_PAYOUT_DATE},
    {"term_fee", NULL, 0, table_book_header, SL_BOOK_TERM_FEE},
};

static void read_table(const char *path, const table_column *cols, size_t n, const char *mapping,
                       int allow_unknown)
{
    table_reader *r;
    table_error err;
    if (table_open(&r, path, cols, n, mapping, allow_unknown, &err) != 0) {
        FUZZ_REQUIRE(err.message[0] != '\0');
        return;
    }
    int rc;
    long rows = 0, last_line = 0;
    while ((rc = table_next(r, &err)) != 0) {
        FUZZ_REQUIRE(++rows < 10000000);
        if (rc < 0) {
            FUZZ_REQUIRE(err.line > 0);
            if (!err.recoverable)
                break;
            continue;
        }
        FUZZ_REQUIRE(table_line(r) > last_line);
        last_line = table_line(r);
        for (size_t i = 0; i < n; i++) {
            const char *v = table_field(r, i);
            if (!v)
                continue;
            FUZZ_REQUIRE(strlen(v) <= TABLE_MAX_LINE);
            FUZZ_REQUIRE(table_field_column(r, i) > 0);
            sl_money m;
            sl_date d;
            sl_error e;
            if (sl_money_parse(&m, v, cols[i].name, &e) != SL_OK)
                FUZZ_REQUIRE(e.code < 0);
            if (sl_date_parse(&d, v, cols[i].name, &e) == SL_OK)
                FUZZ_REQUIRE(sl_date_is_valid(d));
        }
    }
    table_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("fuzz-table", 0);
        if (fd < 0)
            abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    char *mapping = NULL;
    if (size > 4 && memcmp(data, "map:", 4) == 0) {
        const uint8_t *end = memmem(data, size, ";;", 2);
        if (end) {
            size_t len = (size_t)(end - data) - 4;
            mapping = malloc(len + 1);
            memcpy(mapping, data + 4, len);
            mapping[len] = '\0';
            size -= (size_t)(end - data) + 2;
            data = end + 2;
        }
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    read_table(path, audit_columns, sizeof audit_columns / sizeof audit_columns[0], mapping, 1);
    read_table(path, portfolio_columns, sizeof portfolio_columns / sizeof portfolio_columns[0],
               mapping, 0);
    free(mapping);
    return 0;
}
