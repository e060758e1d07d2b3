/* The rate changes of a history without a copy, for the book's loans. */
#ifndef SL_RATE_HISTORY_INTERNAL_H
#define SL_RATE_HISTORY_INTERNAL_H

#include "startlan/rate_history.h"

/* The changes sl_rate_history_changes would copy for (from, to], in place:
 * *first, their date keys (the year·16 + month)·32 + day of each date) in
 * *keys, and *count (0: none, *first and *keys unset); the same refusals.
 * They lie in the history, which was checked when read: dates valid and
 * strictly increasing, every rate from 0 to 100 % with at most
 * SL_PLAN_MAX_RATE_DENOMINATOR as denominator. */
int sl__rate_history_slice(const sl_rate_change **first, const int **keys, size_t *count,
                           const sl_rate_history *h, sl_date from, sl_date to, sl_error *err);

/* 1 when every rate of the history plus `margin` is from 0 to 100 % with a
 * denominator of at most SL_PLAN_MAX_RATE_DENOMINATOR (the contract's rule
 * for each rate change); 0 when that cannot be told from the history's
 * bounds (each change must then be tested). */
int sl__rate_history_margin_ok(const sl_rate_history *h, sl_rate margin);

#endif
