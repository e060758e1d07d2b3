/* Amounts as exported tables write them (Norwegian Excel, loan systems):
 * "1469.33", "1 469,33", "kr 1 469,33", "1 469,33 kr", "1.469,33",
 * "380.000,00", "1,469.33", "-1 469,33", "(1 469,33)" (negative), with
 * spaces or no-break spaces between groups of three. Read exactly, never
 * rounded; anything that could mean two amounts ("1.469": 1 469 kr or 1,469
 * kr?) or that breaks the grouping is refused with the reason. */
#ifndef SL_TABLE_AMOUNT_H
#define SL_TABLE_AMOUNT_H

#include <stddef.h>

#include <startlan.h>

/* 0 with *out in øre, or -1 with why filled (a short reason, no value). */
int table_amount(sl_money *out, const char *text, char *why, size_t why_size);

#endif
