/* Private helpers shared by the capacity files. */
#ifndef SL_CAPACITY_INTERNAL_H
#define SL_CAPACITY_INTERNAL_H

#include "startlan/capacity.h"

/* The first amortising row (the first term, or the one after the
 * interest-only terms) of the plan for principal with terms (whose
 * nominal_rate is the rate wanted). 0 or a negative code. */
int sl__capacity_amortising_row(sl_plan_row *out, sl_loan_terms terms, sl_money principal,
                                sl_error *err);

#endif
