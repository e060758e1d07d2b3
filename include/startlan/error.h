/* startlan: error codes and the caller-owned error record.
 *
 * Every function returns 0 (SL_OK) or a negative SL_E... code. Functions that
 * check input also take an optional `sl_error *` (may be NULL) which they fill
 * with the field, the offending value and a sentence a person can read.
 * The library never prints or exits. Out of memory: where the library
 * allocates itself it returns SL_ENOMEM, but GMP and MPFR, which it uses
 * for exact arithmetic, abort the process when their own allocation fails
 * (they have no error return); every input has a documented maximum, which
 * keeps what a call asks of them small.
 *
 * The rules of the whole API (docs/api.md):
 *  - a function that takes an `sl_error *` resets it on entry (as
 *    sl_error_clear does), so after any call it describes that call only;
 *  - a NULL pointer where the function needs one (an output, a handle, an
 *    input struct, a text) returns SL_ENULL, and err names the argument; a
 *    pointer documented as optional ("may be NULL") is never an error;
 *  - SL_ESTATE means one thing: a handle used out of order (after finish,
 *    after the callback stopped it, before the row that carries a result);
 *  - SL_EVERSION: a versioned struct whose version is newer than the
 *    library (or older than it can read).
 * Thread-safety: no function here touches shared state. */
#ifndef STARTLAN_ERROR_H
#define STARTLAN_ERROR_H

#include <stdint.h>

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every output struct (rows, totals, summaries, results) ends with
 * `int64_t reserved[SL_RESERVED_FIELDS]`: later versions add fields there, so
 * the struct's size and the offsets of the fields before it never change and
 * a program built against older headers keeps working. The library writes
 * any value there; callers neither read nor set it (docs/api.md). */
#define SL_RESERVED_FIELDS 8

/* The status every function returns: 0 or a negative code. */
typedef enum sl_status {
    SL_OK = 0,
    SL_EINVAL = -1,     /* a value is outside what the rules allow */
    SL_ESYNTAX = -2,    /* text could not be read as the expected value */
    SL_ERANGE = -3,     /* a value is too large for the supported range */
    SL_ENOMEM = -4,     /* out of memory */
    SL_ESTATE = -5,     /* a handle used out of order (see above) */
    SL_ENOROOT = -6,    /* an equation has no root in the searched range */
    SL_EAMBIGUOUS = -7, /* an equation may have several roots */
    SL_EIO = -8,        /* reading or writing a file failed */
    SL_EVERSION = -9,   /* a versioned struct of a version the library cannot read */
    SL_ENULL = -10      /* a required pointer argument is NULL */
} sl_status;

/* Filled by functions that reject input. All strings are NUL-terminated. */
typedef struct sl_error {
    int code;          /* the sl_status returned */
    char field[64];    /* the input field, e.g. "amount", "rate" */
    char value[64];    /* the offending value as given (may be shortened) */
    char message[256]; /* a full sentence naming field and value */
    int64_t line;       /* 1-based line in a file, 0 when not from a file */
    int64_t column;       /* 1-based column or byte position, 0 when unknown */
} sl_error;

/* A short English description of a status code. Never NULL.
 * @param code a status code (any int)
 * @return a static string, never NULL */
SL_API const char *sl_strerror(int code);

/* Clear an error record (all fields empty, code SL_OK). NULL is allowed.
 * @param err the record to clear; NULL is allowed */
SL_API void sl_error_clear(sl_error *err);

#ifdef __cplusplus
}
#endif

#endif
