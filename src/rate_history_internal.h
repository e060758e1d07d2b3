/* The rate changes of a history without a copy, for the book's loans. */
#ifndef SL_RATE_HISTORY_INTERNAL_H
#define SL_RATE_HISTORY_INTERNAL_H

#include "startlan/rate_history.h"

/* The entries sl_rate_history_changes would copy for (from, to], in place:
 * *first and *count (0: none, *first unset); the same refusals. */
int sl__rate_history_changes_view(const sl_rate_history_entry **first, size_t *count,
                                  const sl_rate_history *h, sl_date from, sl_date to,
                                  sl_error *err);

#endif
