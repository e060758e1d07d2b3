/* Private limits of the guideline tables. */
#ifndef SL_GUIDELINE_INTERNAL_H
#define SL_GUIDELINE_INTERNAL_H

#include "startlan/money.h"

/* Largest amount in a table: 1 000 000 000 kr per month. Sums over a
 * household (at most SL_CAPACITY_MAX_CHILDREN children) then fit in int64. */
#define SL_GUIDELINE_MAX_AMOUNT ((sl_money)100000000000LL)
/* Largest file read: 16 MiB. */
#define SL_GUIDELINE_MAX_FILE ((size_t)16 << 20)

#endif
