/* Private: what rent-to-own (rent_to_own.c) and part ownership (part_own.c)
 * check the same way. */
#ifndef SL_RTO_INTERNAL_H
#define SL_RTO_INTERNAL_H

#include "startlan/error.h"
#include "startlan/rent_to_own.h"

/* The price rule and its fields, whatever the rule: index_rate 0 .. 100 %
 * and 0 unless SL_PRICE_INDEXED; appraisal 0 .. 1e12 kr, above 0 for
 * SL_PRICE_APPRAISAL and 0 otherwise. 0 or SL_EINVAL/SL_ERANGE naming the field. */
int sl__check_price_rule(sl_error *err, sl_price_rule rule, sl_rate index_rate,
                         sl_money appraisal);

#endif
