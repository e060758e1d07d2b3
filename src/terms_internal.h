/* Private helpers shared by the contract (terms.c) and the engine (plan.c):
 * reading a version-1 or -2 contract, the due-date schedule, rule findings. */
#ifndef SL_TERMS_INTERNAL_H
#define SL_TERMS_INTERNAL_H

#include <stddef.h>

#include "startlan/plan.h"

/* A full version-2 copy of in (version 1: the later fields get their
 * defaults; nothing past version 1's fields is read). in->version must be
 * 1 or 2. */
void sl__terms_upgrade(sl_loan_terms *out, const sl_loan_terms *in);

/* The contract an options struct refers to (`in`, may be NULL) as a full
 * version-2 copy: NULL gives the defaults with `default_terms` monthly terms;
 * an unknown version is kept so that sl_loan_terms_check refuses it. */
void sl__terms_or_default(sl_loan_terms *out, const sl_loan_terms *in, int default_terms);

/* sl_loan_terms_check for a contract whose rate changes are known to pass
 * its tests, which are not run again: in strictly increasing date order,
 * each date valid, after the payout date and no later than the last due
 * date, each rate plus the margin from 0 to 100 % (a rate history's
 * changes from the payout on: sl__rate_history_slice and
 * sl__rate_history_margin_ok). Everything else is checked. */
int sl__loan_terms_check_known_changes(const sl_loan_terms *terms, sl_error *err);

/* Number of terms of the plan: terms, plus the interest-only windows' terms
 * when they move the end. */
int sl__terms_count(const sl_loan_terms *t);

/* The latest term the plan may reach: the term count, or 50 years of terms
 * when rate changes keep the payment. */
int sl__terms_limit(const sl_loan_terms *t);

/* The first due date (convention 8); t has a payout date. */
int sl__first_due(sl_date *out, const sl_loan_terms *t);

/* The day of month due dates keep (clamped to shorter months' ends). */
int sl__anchor_day(const sl_loan_terms *t);

/* Due date of term k >= 1, given the first due date. */
int sl__due_date(sl_date *out, const sl_loan_terms *t, sl_date first, int k);

/* 1 if the plan's term k lies in an interest-only window (or the version-1
 * interest_only_terms at the start). */
int sl__interest_only(const sl_loan_terms *t, int k);

/* Write the rule findings of a valid contract into out (room for max);
 * returns how many there are. */
size_t sl__terms_findings(const sl_loan_terms *t, sl_finding *out, size_t max);

#define SL__MAX_FINDINGS 8

/* yes/no as exports write it (yes, ja, 1, true; no, nei, 0, false; any
 * letter case): 0 and *out 1 or 0, or SL_ESYNTAX. */
int sl__yes_no_parse(int *out, const char *text);

#endif
