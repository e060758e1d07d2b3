/* Private: the rules every public entry point follows (docs/api.md).
 *  - the caller's sl_error is reset on entry (sl__error_reset), so a record
 *    never carries a line, column or message from an earlier call;
 *  - a NULL required pointer returns SL_ENULL and names the argument
 *    (sl__null);
 *  - a versioned struct is accepted from its oldest readable version up to
 *    the library's own, and a newer one is refused with SL_EVERSION
 *    (sl__check_version). */
#ifndef SL_API_INTERNAL_H
#define SL_API_INTERNAL_H

#include "startlan/error.h"

/* Clear err (may be NULL): code SL_OK, empty strings, line and column 0. */
void sl__error_reset(sl_error *err);

/* SL_ENULL with err naming the argument `name` ("no <name> given"). */
int sl__null(sl_error *err, const char *name);

/* 0 when oldest <= version <= newest, else SL_EVERSION with err naming the
 * struct (e.g. "sl_loan_terms") and the version found. */
int sl__check_version(sl_error *err, const char *type, unsigned version, unsigned oldest,
                      unsigned newest);

#endif
