/* The fast paths give bit for bit what the exact definitions give:
 *  - the engine's straight path for contracts without events against its
 *    general per-term path, row by row, over random contracts; and its
 *    steady and floating-rate paths for contracts with rate changes, margins
 *    and other events against the general path;
 *  - convention-1 interest by a prepared 64-bit division against the exact
 *    quotient, including balances past the bound where it hands over;
 *  - the annuity decided by certain interval bounds against the exact GMP
 *    rational, including exact ties where the bounds must hand over;
 *  - a book on one rate history with the annuity factors shared in a cache
 *    (sl_plan_cache) against the general path, and the cached annuity
 *    against the exact rational. */
#include "annuity_internal.h"
#include "interest_internal.h"
#include "plan_cache_internal.h"
#include "plan_internal.h"
#include "plan_track_internal.h"
#include "fixed128_internal.h"
#include "testutil.h"

static void random_simple_terms(test_rng *g, sl_loan_terms *t)
{
    static const int per_year[] = {12, 4, 2, 1};
    sl_loan_terms_init(t);
    t->terms_per_year = per_year[rng_range(g, 0, 3)];
    t->terms = (int)rng_range(g, 1, SL_PLAN_MAX_YEARS * t->terms_per_year);
    t->principal = rng_range(g, 0, 4) ? rng_range(g, 10000000, 500000000)
                                      : rng_range(g, 1, SL_PLAN_MAX_PRINCIPAL);
    REQUIRE(sl_rate_from_fraction(&t->nominal_rate, rng_range(g, 0, 9) ? rng_range(g, 0, 15000)
                                                                          : rng_range(g, 0, 100000),
                                  100000) == SL_OK, "rate");
    if (rng_range(g, 0, 7) == 0) /* twelve decimals: the 64-bit interest bound is a few
                                    thousand kroner, so the plan hands over mid-way */
        REQUIRE(sl_rate_from_fraction(&t->nominal_rate, rng_range(g, 1, 15000000000000LL),
                                      100000000000000LL) == SL_OK, "rate");
    t->type = rng_range(g, 0, 1) ? SL_LOAN_SERIAL : SL_LOAN_ANNUITY;
    t->interest_only_terms = rng_range(g, 0, 3) == 0 ? (int)rng_range(g, 0, t->terms - 1) : 0;
    t->term_fee = rng_range(g, 0, 1) ? rng_range(g, 0, 10000) : 0;
    t->establishment_fee = rng_range(g, 0, 100000);
    t->payment_rounding.unit = rng_range(g, 0, 3) == 0 ? SL_ROUND_UNIT_KRONE : SL_ROUND_UNIT_ORE;
    t->payment_rounding.mode = (sl_round_mode)rng_range(g, 0, 3);
    if (rng_range(g, 0, 1)) {
        t->payout_date.year = (int)rng_range(g, 2000, 2030);
        t->payout_date.month = (int)rng_range(g, 1, 12);
        t->payout_date.day = (int)rng_range(
            g, 1, sl_date_days_in_month(t->payout_date.year, t->payout_date.month));
        if (rng_range(g, 0, 3) == 0) /* due on another day (the first period may break) */
            t->due_day = (int)rng_range(g, 1, 28);
    }
}

/* The plan of t on its fast paths and on its general path give the same
 * rows and totals so far (also in the middle of a run of steady rows), and
 * rewound the same rows again. 0 when t is not a contract. */
static int require_paths_equal_cached(const sl_loan_terms *t, sl_plan_cache *cache,
                                      uint64_t seed, int i)
{
    sl_plan *fast, *general;
    if (sl_plan_new(&fast, t, NULL) != SL_OK)
        return 0;
    sl_plan_use_cache(fast, cache);
    REQUIRE(sl_plan_new(&general, t, NULL) == SL_OK, "seed %llu loan %d", (unsigned long long)seed, i);
    sl__plan_use_general_path(general);
    for (int pass = 0; pass < 2; pass++) {
        sl_plan_row a, b;
        int ra, rb;
        sl_plan_totals ta, tb;
        do {
            ra = sl_plan_next(fast, &a);
            rb = sl_plan_next(general, &b);
            REQUIRE(ra == rb && (ra != 1 || rows_equal(&a, &b)), "seed %llu loan %d term %d%s",
                    (unsigned long long)seed, i, b.term, pass ? " (rewound)" : "");
            sl_plan_totals_so_far(fast, &ta);
            sl_plan_totals_so_far(general, &tb);
            REQUIRE(totals_equal(&ta, &tb), "totals: seed %llu loan %d term %d",
                    (unsigned long long)seed, i, b.term);
        } while (ra == 1);
        sl_plan_rewind(fast);
        sl_plan_rewind(general);
    }
    sl_plan_free(fast);
    sl_plan_free(general);
    return 1;
}

static int require_paths_equal(const sl_loan_terms *t, uint64_t seed, int i)
{
    return require_paths_equal_cached(t, NULL, seed, i);
}

START_TEST(straight_path_equals_general_path)
{
    uint64_t seed = test_seed("engine paths");
    test_rng g = {seed};
    for (int i = 0; i < 3000; i++) {
        sl_loan_terms t;
        random_simple_terms(&g, &t);
        REQUIRE(require_paths_equal(&t, seed, i), "seed %llu loan %d", (unsigned long long)seed, i);
    }
}
END_TEST

/* A random dated contract with the events a floating-rate startlån has: a
 * rate history (monthly, every other month on the 1st, or on random days),
 * a margin, extra payments, interest-only windows, a fixed period, a full
 * repayment, a kept payment; some with one of them, most with several. The
 * arrays live in the caller's buffers. */
enum { MAX_EVENTS = 200 };
typedef struct event_buffers {
    sl_rate_change changes[MAX_EVENTS];
    sl_extra_payment extras[8];
    sl_interest_only_window windows[3];
} event_buffers;

static sl_date add_days(sl_date d, int64_t days)
{
    sl_date out = d;
    REQUIRE(sl_date_add_days(&out, d, days) == SL_OK, "date");
    return out;
}

static void random_event_terms(test_rng *g, sl_loan_terms *t, event_buffers *b)
{
    random_simple_terms(g, t);
    if (!t->payout_date.year) {
        t->payout_date = (sl_date){(int)rng_range(g, 2000, 2030), (int)rng_range(g, 1, 12), 1};
        t->payout_date.day = (int)rng_range(g, 1, 28);
    }
    if (t->terms > 30 * t->terms_per_year)
        t->terms = (int)rng_range(g, 1, 30 * t->terms_per_year);
    if (t->interest_only_terms >= t->terms)
        t->interest_only_terms = 0;
    int64_t span = (int64_t)t->terms * 365 / t->terms_per_year; /* about the loan's days */
    sl_date first = add_days(t->payout_date, 1);
    /* rate changes */
    size_t n = 0;
    int kind = (int)rng_range(g, 0, 3);
    if (kind == 1 || kind == 2) { /* on the 1st of every (other) month, like a history */
        sl_date d = {t->payout_date.year, t->payout_date.month, 1};
        int step = kind == 1 ? 1 : 2, count = (int)rng_range(g, 1, MAX_EVENTS);
        for (int i = 0; i < count && n < MAX_EVENTS; i++) {
            REQUIRE(sl_date_add_months(&d, d, step, 1) == SL_OK, "date");
            if (sl_date_diff_days(t->payout_date, d) > span)
                break;
            b->changes[n].date = d;
            REQUIRE(sl_rate_from_fraction(&b->changes[n].rate, rng_range(g, 500, 9000), 1000 * 100) ==
                        SL_OK, "rate");
            n++;
        }
    } else if (kind == 3) { /* random days, any order, some on due dates */
        int count = (int)rng_range(g, 1, 40);
        for (int i = 0; i < count; i++) {
            sl_date d = add_days(first, rng_range(g, 0, span));
            int dup = 0;
            for (size_t j = 0; j < n; j++)
                dup |= sl_date_compare(b->changes[j].date, d) == 0;
            if (dup)
                continue;
            b->changes[n].date = d;
            REQUIRE(sl_rate_from_fraction(&b->changes[n].rate, rng_range(g, 0, 150000),
                                          1000000 * (rng_range(g, 0, 3) ? 1 : 7)) == SL_OK,
                    "rate");
            n++;
        }
    }
    t->rate_changes = b->changes;
    t->rate_change_count = n;
    if (rng_range(g, 0, 2) == 0) /* a margin up to 0.5 percentage points */
        REQUIRE(sl_rate_from_fraction(&t->margin, rng_range(g, 1, 500), 100000) == SL_OK, "m");
    if (rng_range(g, 0, 3) == 0) { /* extra payments */
        size_t x = (size_t)rng_range(g, 1, 8);
        for (size_t i = 0; i < x; i++) {
            b->extras[i].date = add_days(first, rng_range(g, 0, span));
            b->extras[i].amount = rng_range(g, 1, t->principal / 4 + 1);
            b->extras[i].shorten = (int)rng_range(g, 0, 1);
        }
        t->extra_payments = b->extras;
        t->extra_payment_count = x;
    }
    if (rng_range(g, 0, 5) == 0) { /* an interest-only window */
        b->windows[0].from_term = (int)rng_range(g, 1, t->terms);
        b->windows[0].terms = (int)rng_range(g, 1, 24);
        t->interest_only_windows = b->windows;
        t->interest_only_window_count = 1;
        t->interest_only_moves_end = (int)rng_range(g, 0, 1);
    }
    if (rng_range(g, 0, 7) == 0) { /* a fixed period */
        static const int years[] = {3, 5, 10, 20};
        t->fixed.years = years[rng_range(g, 0, 3)];
        REQUIRE(sl_rate_from_fraction(&t->fixed.rate, rng_range(g, 1000, 8000), 100000) ==
                    SL_OK, "fixed");
        if (rng_range(g, 0, 1))
            t->fixed.from = add_days(first, rng_range(g, 0, span / 2));
    }
    if (rng_range(g, 0, 7) == 0)
        t->repay_date = add_days(first, rng_range(g, 0, span));
    if (rng_range(g, 0, 7) == 0)
        t->rate_change_keeps_payment = 1;
    if (rng_range(g, 0, 7) == 0)
        t->day_count = SL_DAY_COUNT_ACT365;
}

/* The engine's fast paths (steady runs between events, floating-rate rows
 * with the annuity recomputed at each change, split interest in 128 bits)
 * against its general path (split interest as a GMP rational), row by row,
 * over random contracts with rate changes, margins and the other events. */
START_TEST(fast_paths_equal_general_path_with_events)
{
    uint64_t seed = test_seed("engine paths with events");
    test_rng g = {seed};
    int planned = 0, changed = 0;
    sl_plan_cache *cache;
    ck_assert_int_eq(sl_plan_cache_new(&cache), SL_OK);
    for (int i = 0; i < 6000; i++) {
        sl_loan_terms t;
        event_buffers b;
        random_event_terms(&g, &t, &b);
        /* every other loan with the cache, shared by them all */
        if (!require_paths_equal_cached(&t, i % 2 ? cache : NULL, seed, i))
            continue; /* e.g. an event after the last due date */
        planned++;
        changed += t.rate_change_count > 0;
    }
    sl_plan_cache_free(cache);
    /* the generator must give contracts the engine accepts, most with changes */
    REQUIRE(planned >= 3000 && changed >= planned / 2, "seed %llu: %d planned, %d with changes",
            (unsigned long long)seed, planned, changed);
}
END_TEST

static sl_money exact_annuity(sl_money p, sl_rate r, int k, int n, sl_rounding ro);

/* A book on one rate history, as sl-portfolio computes it: many loans, every
 * one following the same generated floating rate (three decimals, changed on
 * the 1st of every other month, sometimes monthly), some with a kommune
 * margin, monthly or quarterly, annuity or serial, paid out on any day;
 * each plan with the annuity factors shared in one cache against the
 * general path (split interest as a GMP rational, every annuity certified
 * afresh), row by row and in its totals. */
enum { HISTORY_CHANGES = 200 };

/* A generated floating rate (three decimals, changed on the 1st of every
 * other month from 2000, sometimes monthly). */
static void make_history(test_rng *g, sl_rate_change *history)
{
    sl_date d = {2000, 1, 1};
    int64_t pct = 4000; /* thousandths of a percent */
    for (int i = 0; i < HISTORY_CHANGES; i++) {
        pct += rng_range(g, 0, 500) - 250;
        pct = pct < 0 ? 0 : pct > 12000 ? 12000 : pct;
        history[i].date = d;
        REQUIRE(sl_rate_from_fraction(&history[i].rate, pct, 100000) == SL_OK, "rate");
        REQUIRE(sl_date_add_months(&d, d, rng_range(g, 0, 5) ? 2 : 1, 1) == SL_OK, "date");
    }
}

/* A loan of a book on that history, as the book gives it: the changes after
 * its payout date up to its last due date, the rate in force at the payout
 * its first rate; monthly or quarterly, annuity or serial, paid out on any
 * day, some with a kommune margin (margin_max: the largest, in 1/100 000),
 * some with interest-only terms first. */
static void book_loan(test_rng *g, const sl_rate_change *history, sl_loan_terms *t,
                      int64_t margin_max)
{
    sl_loan_terms_init(t);
    t->terms_per_year = rng_range(g, 0, 4) ? 12 : 4;
    t->terms = (int)rng_range(g, 5, 30) * t->terms_per_year;
    t->principal = rng_range(g, 10000000, 500000000);
    t->type = rng_range(g, 0, 3) ? SL_LOAN_ANNUITY : SL_LOAN_SERIAL;
    t->term_fee = 3000;
    t->payout_date = (sl_date){(int)rng_range(g, 2000, 2024), (int)rng_range(g, 1, 12),
                               (int)rng_range(g, 1, 28)};
    if (rng_range(g, 0, 3) == 0)
        REQUIRE(sl_rate_from_fraction(&t->margin, rng_range(g, 1, margin_max), 100000) == SL_OK,
                "margin");
    if (rng_range(g, 0, 7) == 0) /* avdragsfrie terminer first */
        t->interest_only_terms = (int)rng_range(g, 1, 24);
    size_t first = 0;
    while (first < HISTORY_CHANGES && sl_date_compare(history[first].date, t->payout_date) <= 0)
        first++;
    t->nominal_rate = first ? history[first - 1].rate : history[0].rate;
    sl_date last;
    REQUIRE(sl_date_add_months(&last, t->payout_date, t->terms * 12 / t->terms_per_year,
                               t->payout_date.day) == SL_OK, "date");
    size_t count = 0;
    while (first + count < HISTORY_CHANGES &&
           sl_date_compare(history[first + count].date, last) < 0)
        count++;
    t->rate_changes = history + first;
    t->rate_change_count = count;
}

/* A book on one rate history, as sl-portfolio computes it: many loans, every
 * one following the same generated floating rate, each plan with the
 * annuity factors and the history's periods shared in one cache against the
 * general path (split interest as a GMP rational, every annuity certified
 * afresh), row by row and in its totals. */
START_TEST(book_on_one_history_equals_general_path)
{
    uint64_t seed = test_seed("book on one rate history");
    test_rng g = {seed};
    static sl_rate_change history[HISTORY_CHANGES];
    make_history(&g, history);
    sl_plan_cache *cache;
    ck_assert_int_eq(sl_plan_cache_new(&cache), SL_OK);
    int planned = 0;
    for (int i = 0; i < 1500; i++) {
        sl_loan_terms t;
        /* margins from few (a track each) to many (more tracks than are kept) */
        book_loan(&g, history, &t, i < 750 ? 3 : 250);
        REQUIRE(require_paths_equal_cached(&t, cache, seed, i), "seed %llu loan %d: refused",
                (unsigned long long)seed, i);
        planned++;
    }
    sl_plan_cache_free(cache);
    ck_assert_int_eq(planned, 1500);
}
END_TEST

/* The general-path twin of plan `fast` (made from t), fast put on cache. */
static void pair_with_general(sl_plan **general, sl_plan *fast, const sl_loan_terms *t,
                              sl_plan_cache *cache, uint64_t seed, int i)
{
    REQUIRE(sl_plan_new(general, t, NULL) == SL_OK, "seed %llu plan %d", (unsigned long long)seed,
            i);
    sl_plan_use_cache(fast, cache);
    sl__plan_use_general_path(*general);
}

/* Many plans on one cache computed side by side, a row of each in turn, as
 * a caller holding several loans open might: with more margins than the
 * cache keeps tracks, each plan's track is often replaced by another's
 * between two of its rows, and every row must still be the general path's. */
START_TEST(plans_side_by_side_on_one_cache_equal_general_path)
{
    uint64_t seed = test_seed("plans side by side");
    test_rng g = {seed};
    static sl_rate_change history[HISTORY_CHANGES];
    make_history(&g, history);
    sl_plan_cache *cache;
    ck_assert_int_eq(sl_plan_cache_new(&cache), SL_OK);
    enum { PLANS = 40 };
    for (int round = 0; round < 5; round++) {
        sl_plan *fast[PLANS], *general[PLANS];
        int done[PLANS] = {0}, left = PLANS;
        for (int i = 0; i < PLANS; i++) {
            sl_loan_terms t;
            book_loan(&g, history, &t, 250);
            if (i % 2) /* every other one without a margin: they share a track */
                t.margin = (sl_rate){0, 1};
            REQUIRE(sl_plan_new(&fast[i], &t, NULL) == SL_OK, "seed %llu plan %d",
                    (unsigned long long)seed, i);
            pair_with_general(&general[i], fast[i], &t, cache, seed, i);
        }
        while (left > 0)
            for (int i = 0; i < PLANS; i++) {
                if (done[i])
                    continue;
                sl_plan_row a, b;
                int ra = sl_plan_next(fast[i], &a), rb = sl_plan_next(general[i], &b);
                REQUIRE(ra == rb && (ra != 1 || rows_equal(&a, &b)),
                        "seed %llu round %d plan %d term %d", (unsigned long long)seed, round, i,
                        b.term);
                if (ra != 1) {
                    done[i] = 1;
                    left--;
                }
            }
        for (int i = 0; i < PLANS; i++) {
            sl_plan_totals ta, tb;
            sl_plan_totals_so_far(fast[i], &ta);
            sl_plan_totals_so_far(general[i], &tb);
            REQUIRE(totals_equal(&ta, &tb), "totals: seed %llu round %d plan %d",
                    (unsigned long long)seed, round, i);
            sl_plan_free(fast[i]);
            sl_plan_free(general[i]);
        }
    }
    sl_plan_cache_free(cache);
}
END_TEST

/* A date as the plan engine keys it. */
static int key_of(sl_date d)
{
    return (d.year * 16 + d.month) * 32 + d.day;
}

/* Rows taken without being handed out (sl__plan_next_due_from, as the
 * portfolio figures skip the years before their period) leave the plan
 * where handing them out would: the first row due on or after the date is
 * the general path's, the balance before it and the totals so far are, and
 * so is every row after it. Book loans on one history with a shared cache
 * (several plans side by side, so a track is replaced between two skips),
 * and random contracts with and without events; dates before the payout,
 * inside the plan, on a due date, after the end. */
START_TEST(rows_taken_quietly_leave_the_plan_where_rows_handed_out_do)
{
    uint64_t seed = test_seed("rows taken quietly");
    test_rng g = {seed};
    static sl_rate_change history[HISTORY_CHANGES];
    make_history(&g, history);
    sl_plan_cache *cache;
    ck_assert_int_eq(sl_plan_cache_new(&cache), SL_OK);
    enum { PLANS = 8 };
    for (int round = 0; round < 250; round++) {
        sl_plan *fast[PLANS], *general[PLANS];
        int done[PLANS] = {0}, left = PLANS;
        sl_date at[PLANS];
        for (int i = 0; i < PLANS; i++) {
            sl_loan_terms t;
            do { /* mostly book loans; some random dated contracts */
                if (round % 5 == 4)
                    random_simple_terms(&g, &t);
                else
                    book_loan(&g, history, &t, 250);
            } while (t.payout_date.year == 0 || sl_plan_new(&fast[i], &t, NULL) != SL_OK);
            pair_with_general(&general[i], fast[i], &t, cache, seed, i);
            at[i] = t.payout_date;
        }
        while (left > 0)
            for (int i = 0; i < PLANS; i++) {
                if (done[i])
                    continue;
                /* from a year before the last row's due date (at the start:
                 * the payout date) to four years after, sometimes decades */
                sl_plan_row a, b;
                sl_date d;
                REQUIRE(sl_date_add_months(&d, at[i], (int)rng_range(&g, 0, 60) - 12,
                                           rng_range(&g, 0, 1) ? at[i].day /* a due date */
                                                               : (int)rng_range(&g, 1, 31)) == SL_OK,
                        "date");
                int key = key_of(d) + (rng_range(&g, 0, 9) ? 0 : (int)rng_range(&g, 1, 30) * 512);
                sl_money quiet = -1, want = -1;
                int ra = sl__plan_next_due_from(fast[i], key, &a, &quiet), rb;
                while ((rb = sl_plan_next(general[i], &b)) == 1 && key_of(b.due_date) < key)
                    want = b.closing_balance;
                REQUIRE(ra == rb && (ra != 1 || rows_equal(&a, &b)) && quiet == want,
                        "seed %llu round %d plan %d term %d", (unsigned long long)seed, round, i,
                        b.term);
                sl_plan_totals ta, tb;
                sl_plan_totals_so_far(fast[i], &ta);
                sl_plan_totals_so_far(general[i], &tb);
                REQUIRE(totals_equal(&ta, &tb), "totals: seed %llu round %d plan %d",
                        (unsigned long long)seed, round, i);
                if (ra != 1) {
                    done[i] = 1;
                    left--;
                } else
                    at[i] = b.due_date;
            }
        for (int i = 0; i < PLANS; i++) {
            sl_plan_free(fast[i]);
            sl_plan_free(general[i]);
        }
    }
    sl_plan_cache_free(cache);
}
END_TEST

/* The annuity with its factor from a cache, over a few hundred rates met
 * again and again (hits) and fresh ones (misses), against the exact rational
 * rounded by the policy; ties and balances past 2^53 øre hand over. */
START_TEST(cached_annuity_equals_exact)
{
    uint64_t seed = test_seed("cached annuity");
    test_rng g = {seed};
    sl_plan_cache *cache;
    ck_assert_int_eq(sl_plan_cache_new(&cache), SL_OK);
    sl_rate rates[300];
    for (int i = 0; i < 300; i++)
        REQUIRE(sl_rate_from_fraction(&rates[i], rng_range(&g, 0, 15000), 100000) == SL_OK, "rate");
    for (int i = 0; i < 30000; i++) {
        sl_money p = rng_range(&g, 0, 9) ? rng_range(&g, 1, 500000000)
                                         : rng_range(&g, 1, SL_PLAN_MAX_PRINCIPAL);
        sl_rate r = rates[rng_range(&g, 0, 299)];
        if (rng_range(&g, 0, 9) == 0)
            REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 0, 100000000), 100000000) == SL_OK,
                    "rate");
        int k = (int)(12 / (1 << rng_range(&g, 0, 2)));
        int n = (int)rng_range(&g, 1, 600);
        sl_rounding ro = {rng_range(&g, 0, 1) ? SL_ROUND_UNIT_ORE : SL_ROUND_UNIT_KRONE,
                          (sl_round_mode)rng_range(&g, 0, 3)};
        sl_money got = -1, want = exact_annuity(p, r, k, n, ro);
        REQUIRE(sl__annuity_payment_cached(&got, cache, p, r, k, n, ro) == SL_OK,
                "seed %llu case %d", (unsigned long long)seed, i);
        REQUIRE(got == want, "seed %llu case %d: %lld, exact %lld", (unsigned long long)seed, i,
                (long long)got, (long long)want);
    }
    /* exact ties (r = 1/2 a term, one term: 1.5 P) must reach the rational */
    sl_rate half;
    ck_assert_int_eq(sl_rate_from_fraction(&half, 6, 1), SL_OK);
    for (int mode = 0; mode < 4; mode++)
        for (sl_money p = 1; p <= 9; p++) {
            sl_rounding ro = {SL_ROUND_UNIT_ORE, (sl_round_mode)mode};
            sl_money got = -1;
            ck_assert_int_eq(sl__annuity_payment_cached(&got, cache, p, half, 12, 1, ro), SL_OK);
            ck_assert_int_eq(got, exact_annuity(p, half, 12, 1, ro));
        }
    sl_plan_cache_free(cache);
}
END_TEST

/* A track's table of annuity factors gives, bit for bit, the factor worked
 * out afresh from the rate's double rate: filled in any order, read again,
 * over term counts inside and past the table, for rates a double cannot
 * hold too. */
START_TEST(track_factors_equal_the_factor_worked_out)
{
    uint64_t seed = test_seed("track factors");
    test_rng g = {seed};
    for (int i = 0; i < 200; i++) {
        sl__track_rate x = {0};
        int64_t a = rng_range(&g, 0, 15000), b = 1200000;
        if (rng_range(&g, 0, 9) == 0)
            a = rng_range(&g, 0, INT64_MAX - 1), b = rng_range(&g, 1, INT64_MAX);
        x.annuity_double = sl__annuity_double_rate(&x.r_hat, &x.log1p_r, a, b);
        if (!x.annuity_double)
            continue;
        for (int j = 0; j < 2000; j++) {
            int n = (int)rng_range(&g, -1, SL__TRACK_FACTORS + 100);
            double want = 0, got = 0;
            int wok = sl__annuity_double_factor_of(&want, x.r_hat, x.log1p_r, n);
            int gok = sl__track_factor(&x, n, &got);
            REQUIRE(gok == wok && (!wok || memcmp(&got, &want, sizeof got) == 0),
                    "seed %llu rate %lld/%lld n %d: %d %.17g, worked out %d %.17g",
                    (unsigned long long)seed, (long long)a, (long long)b, n, gok, got, wok,
                    want);
        }
        free(x.factors);
    }
}
END_TEST

START_TEST(prepared_interest_equals_exact_quotient)
{
    uint64_t seed = test_seed("term interest");
    test_rng g = {seed};
    static const int per_year[] = {12, 4, 2, 1};
    for (int i = 0; i < 20000; i++) {
        sl_rate r;
        int64_t den = rng_range(&g, 0, 1) ? 100000 : rng_range(&g, 1, SL_PLAN_MAX_RATE_DENOMINATOR);
        REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 0, den), den) == SL_OK, "rate");
        int k = per_year[rng_range(&g, 0, 3)];
        sl__term_interest ti;
        sl__term_interest_init(&ti, r, k);
        for (int j = 0; j < 50; j++) {
            /* balances on both sides of the 64-bit bound, and at it */
            int64_t bal = j == 0   ? SL_PLAN_MAX_PRINCIPAL
                          : j == 1 ? 0
#ifdef SL_HAVE_FASTDIV
                          : j == 2 && ti.max_balance < (uint64_t)INT64_MAX ? (int64_t)ti.max_balance
                          : j == 3 && ti.max_balance < (uint64_t)INT64_MAX ? (int64_t)ti.max_balance + 1
#endif
                                   : rng_range(&g, 0, SL_PLAN_MAX_PRINCIPAL);
            int64_t fast = -1, exact = -2;
            REQUIRE(sl__term_interest_of(&ti, bal, &fast) == SL_OK, "%lld", (long long)bal);
            REQUIRE(sl__muldiv_round(&exact, NULL, bal, r.num, r.den, k, 1, SL_ROUND_HALF_UP) ==
                        SL_OK, "%lld", (long long)bal);
            REQUIRE(fast == exact, "seed %llu: %lld × %lld / (%lld × %d): %lld, exact %lld",
                    (unsigned long long)seed, (long long)bal, (long long)r.num, (long long)r.den,
                    k, (long long)fast, (long long)exact);
        }
    }
}
END_TEST

/* The exact annuity rounded by the policy (the definition). */
static sl_money exact_annuity(sl_money p, sl_rate r, int k, int n, sl_rounding ro)
{
    mpq_t a;
    mpq_init(a);
    REQUIRE(sl_annuity_exact(a, p, r, k, n) == SL_OK, "annuity");
    mpz_t q;
    mpz_init(q);
    REQUIRE(sl__mpz_round_quotient(q, NULL, mpq_numref(a), mpq_denref(a), ro.unit, ro.mode) ==
                SL_OK,
            "rounding");
    int64_t v = 0;
    REQUIRE(sl__mpz_get_i64(&v, q) == SL_OK, "range");
    mpz_clear(q);
    mpq_clear(a);
    return v;
}

START_TEST(annuity_bounds_are_certain)
{
    uint64_t seed = test_seed("annuity bounds");
    test_rng g = {seed};
    int decided = 0, by_double = 0, total = 0;
    for (int i = 0; i < 20000; i++) {
        sl_money p = rng_range(&g, 0, 3) ? rng_range(&g, 10000000, 500000000)
                                         : rng_range(&g, 1, SL_PLAN_MAX_PRINCIPAL);
        sl_rate r;
        REQUIRE(sl_rate_from_fraction(&r, rng_range(&g, 1, 100000), 100000) == SL_OK, "rate");
        int k = (int)(12 / (1 << rng_range(&g, 0, 2)));
        int n = (int)rng_range(&g, 1, 600);
        sl_rounding ro = {rng_range(&g, 0, 1) ? SL_ROUND_UNIT_ORE : SL_ROUND_UNIT_KRONE,
                          (sl_round_mode)rng_range(&g, 0, 3)};
        sl_money want = exact_annuity(p, r, k, n, ro), got = -1;
        int64_t b = r.den * k, a = r.num, x = a, y = b;
        while (y) {
            int64_t t = x % y;
            x = y;
            y = t;
        }
        total++;
        if (sl__annuity_by_bounds(&got, p, a / x, b / x, n, ro.unit, ro.mode)) {
            decided++;
            REQUIRE(got == want, "seed %llu case %d", (unsigned long long)seed, i);
        }
        got = -1;
        if (sl__annuity_by_double(&got, p, a / x, b / x, n, ro.unit, ro.mode)) {
            by_double++;
            REQUIRE(got == want, "double: seed %llu case %d: %lld, exact %lld",
                    (unsigned long long)seed, i, (long long)got, (long long)want);
        }
        sl_money pub = -1;
        REQUIRE(sl_annuity_payment(&pub, p, r, k, n, ro) == SL_OK && pub == want,
                "seed %llu case %d", (unsigned long long)seed, i);
    }
    /* the double with its error bound decides nearly all (not the
     * balances past 2^53 øre) */
    ck_assert_int_ge(by_double, total * 9 / 10);
#ifdef SL_HAVE_FIXED128
    /* the bounds decide all but a vanishing share */
    ck_assert_int_ge(decided, total - total / 1000);
#else
    /* the portable build has no bounds: every case takes the exact rational */
    ck_assert_int_eq(decided, 0);
#endif
}
END_TEST

START_TEST(annuity_ties_hand_over)
{
    /* One term at 600 % a year, monthly (r = 1/2): A = P·(1 + r) = 1.5 · P
     * exactly. For P = 1 øre, A = 1.5 øre: a tie. Half-up → 2, half-even → 2,
     * down → 1, up → 2; for P = 3 øre, A = 4.5: half-even → 4. */
    sl_rate r;
    ck_assert_int_eq(sl_rate_from_fraction(&r, 6, 1), SL_OK);
    static const struct {
        sl_money p;
        sl_round_mode mode;
        sl_money want;
    } cases[] = {{1, SL_ROUND_HALF_UP, 2}, {1, SL_ROUND_HALF_EVEN, 2}, {1, SL_ROUND_DOWN, 1},
                 {1, SL_ROUND_UP, 2},      {3, SL_ROUND_HALF_EVEN, 4}, {3, SL_ROUND_HALF_UP, 5},
                 {2, SL_ROUND_UP, 3}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_rounding ro = {SL_ROUND_UNIT_ORE, cases[i].mode};
        sl_money got;
        ck_assert_int_eq(sl_annuity_payment(&got, cases[i].p, r, 12, 1, ro), SL_OK);
        ck_assert_int_eq(got, cases[i].want);
        ck_assert_int_eq(got, exact_annuity(cases[i].p, r, 12, 1, ro));
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fastpath");
    TCase *tc = tcase_create("fastpath");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, straight_path_equals_general_path);
    tcase_add_test(tc, fast_paths_equal_general_path_with_events);
    tcase_add_test(tc, book_on_one_history_equals_general_path);
    tcase_add_test(tc, plans_side_by_side_on_one_cache_equal_general_path);
    tcase_add_test(tc, rows_taken_quietly_leave_the_plan_where_rows_handed_out_do);
    tcase_add_test(tc, cached_annuity_equals_exact);
    tcase_add_test(tc, track_factors_equal_the_factor_worked_out);
    tcase_add_test(tc, prepared_interest_equals_exact_quotient);
    tcase_add_test(tc, annuity_bounds_are_certain);
    tcase_add_test(tc, annuity_ties_hand_over);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
