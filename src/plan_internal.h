/* Private: hooks of the plan engine for tests and the benchmark. */
#ifndef SL_PLAN_INTERNAL_H
#define SL_PLAN_INTERNAL_H

#include "startlan/plan.h"

/* Make plan take the general per-term path even when its contract has no
 * events (call before the first sl_plan_next): the fast path must give the
 * same rows, and tests prove it. */
void sl__plan_use_general_path(sl_plan *plan);

#endif
