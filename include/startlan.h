/* startlan: exact Norwegian start loans (startlån) and rent-to-own.
 *
 * Umbrella header. Money is an exact integer of øre (money.h), rates are
 * exact rationals (rate.h), every rounding is explicit (rounding.h), and the
 * plan engine (plan.h) turns a contract into rows one term at a time.
 *
 * The library keeps no global state, never prints, exits or aborts, and is
 * safe to use from several threads on separate objects.
 * Link with: pkg-config --cflags --libs startlan */
#ifndef STARTLAN_H
#define STARTLAN_H

#include "startlan/export.h"
#include "startlan/version.h"
#include "startlan/error.h"
#include "startlan/rounding.h"
#include "startlan/money.h"
#include "startlan/rate.h"
#include "startlan/date.h"
#include "startlan/annuity.h"
#include "startlan/plan.h"
#include "startlan/rate_change.h"
#include "startlan/guideline.h"
#include "startlan/capacity.h"
#include "startlan/housing_allowance.h"
#include "startlan/breakcost.h"
#include "startlan/effective.h"
#include "startlan/apr.h"
#include "startlan/plan_cost.h"
#include "startlan/audit.h"
#include "startlan/loan_figures.h"
#include "startlan/portfolio.h"
#include "startlan/book.h"
#include "startlan/table.h"
#include "startlan/grant.h"
#include "startlan/kommune_side.h"
#include "startlan/rent_index.h"
#include "startlan/rent_to_own.h"
#include "startlan/rto_budget.h"
#include "startlan/part_own.h"
#include "startlan/rate_history.h"
#include "startlan/tax.h"
#include "startlan/finance.h"

#endif
