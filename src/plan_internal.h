/* Private: hooks of the plan engine for tests and the benchmark. */
#ifndef SL_PLAN_INTERNAL_H
#define SL_PLAN_INTERNAL_H

#include "startlan/plan.h"

/* Make plan take the general per-term path even when its contract has no
 * events (call before the first sl_plan_next): the fast path must give the
 * same rows, and tests prove it. */
void sl__plan_use_general_path(sl_plan *plan);

/* sl_plan_new for a contract that has passed sl_loan_terms_check (it is
 * not checked again). With change_keys (may be NULL: the plan copies the
 * changes and works their keys out, as sl_plan_new does), the contract's
 * rate changes are in strictly increasing date order with those date keys
 * ((year·16 + month)·32 + day), and the plan refers to both instead of
 * copying them: they must outlive it (a rate history's, which the book's
 * loans share: sl_book_loan_plan). */
int sl__plan_new_checked(sl_plan **out, const sl_loan_terms *terms, const int *change_keys,
                         sl_error *err);

/* The plan's next row due on or after date key `key` ((year·16 + month)·32
 * + day) into *row: the rows due before it are taken as sl_plan_next takes
 * them (the plan's totals count them) without being handed out, and
 * *last_closing is the closing balance of the last of them (unchanged when
 * there is none). 1, 0 when the plan ends first, or a negative code. For
 * dated plans (undated rows have no due date to compare). */
int sl__plan_next_due_from(sl_plan *plan, int key, sl_plan_row *row, sl_money *last_closing);

#endif
