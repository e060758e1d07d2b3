/* sl-plan writes its rows' JSON directly (examples/cli_json_rows.c) instead
 * of through jansson's tree: the text must be byte for byte what jansson
 * writes for the tree (cli_row_json), for every kind of row (dates or none,
 * every event, any amount and rate, no rows at all) and around any other
 * member of the output (nested, escaped, non-ASCII). */
#include <jansson.h>

#include "cli.h"
#include "testutil.h"

static uint64_t seed;

/* jansson's text of root (as cli_json_print writes it, without the newline). */
static char *tree_text(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    ck_assert_ptr_nonnull(text);
    return text;
}

static void random_row(test_rng *g, sl_plan_row *r, int term)
{
    memset(r, 0, sizeof *r);
    r->term = term;
    if (rng_range(g, 0, 2)) {
        r->due_date = (sl_date){(int)rng_range(g, 1900, 9999), (int)rng_range(g, 1, 12),
                                (int)rng_range(g, 1, 28)};
        r->days = (int)rng_range(g, 0, 400);
    }
    static const int64_t dens[] = {1, 100, 1000, 100000, 3, 7, 1000000000000};
    r->rate = (sl_rate){rng_range(g, 0, 3000000), dens[rng_range(g, 0, 6)]};
    sl_money *m[] = {&r->opening_balance, &r->interest, &r->principal, &r->fee, &r->payment,
                     &r->closing_balance};
    for (int i = 0; i < 6; i++)
        *m[i] = rng_range(g, 0, 3) ? rng_range(g, 0, 500000000) : rng_range(g, -100, INT64_MAX / 2);
    r->events = rng_range(g, 0, 1) ? 0 : (unsigned)rng_next(g);
}

/* The other members: a contract-like object, nested arrays, and strings that
 * need escaping. */
static json_t *other(test_rng *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "amount", json_string("2000000.00"));
    json_object_set_new(o, "terms", json_integer(rng_range(g, 0, 600)));
    json_object_set_new(o, "none", json_null());
    json_t *a = json_array();
    for (int i = 0, n = (int)rng_range(g, 0, 3); i < n; i++) {
        json_t *inner = json_object();
        json_object_set_new(inner, "text\t\"q\"", json_string("linje\nto \\ \x01 æøå /"));
        json_object_set_new(inner, "empty", json_array());
        json_array_append_new(a, inner);
    }
    json_object_set_new(o, "list", a);
    json_object_set_new(o, "flag", json_true());
    return o;
}

START_TEST(rows_as_jansson_writes_them)
{
    test_rng g = {seed};
    for (int c = 0; c < 300; c++) {
        int n = c == 0 ? 0 : (int)rng_range(&g, 1, c % 10 == 0 ? 600 : 30);
        json_t *tree = json_object(), *mine = json_object();
        json_t *before = other(&g), *after = other(&g);
        json_object_set(tree, "loan", before);
        json_object_set(mine, "loan", before);
        json_t *rows = json_array();
        cli_rows_json w;
        cli_rows_json_begin(&w);
        for (int i = 0; i < n; i++) {
            sl_plan_row r;
            random_row(&g, &r, i + 1);
            if (i > 0 && rng_range(&g, 0, 3))
                r.rate = (sl_rate){w.rate.num, w.rate.den}; /* runs of one rate */
            json_array_append_new(rows, cli_row_json(&r));
            cli_rows_json_add(&w, &r);
        }
        cli_rows_json_end(&w);
        json_object_set_new(tree, "schedule", rows);
        json_object_set_new(mine, "schedule", json_null());
        if (c % 3) {
            /* a key that needs escaping, at the level the writer writes keys */
            const char *key = c % 2 ? "totals" : "t\t\"q\" \\ \x01\x1f/æ";
            json_object_set(tree, key, after);
            json_object_set(mine, key, after);
        }
        json_decref(before);
        json_decref(after);
        char *want = tree_text(tree), *got = cli_json_dumps_with(mine, "schedule", w.text.s);
        ck_assert_msg(strcmp(want, got) == 0, "case %d (%d rows) differs (seed %llu)", c, n,
                      (unsigned long long)seed);
        free(want);
        free(got);
        cli_text_free(&w.text);
        json_decref(tree);
        json_decref(mine);
    }
}
END_TEST

/* A real 30-year plan, and the object with nothing but the rows. */
START_TEST(a_plan_as_jansson_writes_it)
{
    sl_loan_terms t;
    sl_loan_terms_init(&t);
    t.principal = 200000000;
    t.nominal_rate = (sl_rate){464, 10000};
    t.terms = 360;
    t.term_fee = 3000;
    sl_plan *plan;
    sl_error err;
    ck_assert_int_eq(sl_plan_new(&plan, &t, &err), SL_OK);
    json_t *rows = json_array();
    cli_rows_json w;
    cli_rows_json_begin(&w);
    sl_plan_row r;
    while (sl_plan_next(plan, &r) == 1) {
        json_array_append_new(rows, cli_row_json(&r));
        cli_rows_json_add(&w, &r);
    }
    cli_rows_json_end(&w);
    sl_plan_free(plan);
    ck_assert_int_eq(w.rows, 360);
    json_t *tree = json_object(), *mine = json_object();
    json_object_set_new(tree, "schedule", rows);
    json_object_set_new(mine, "schedule", json_null());
    char *want = tree_text(tree), *got = cli_json_dumps_with(mine, "schedule", w.text.s);
    ck_assert_str_eq(got, want);
    free(want);
    free(got);
    json_decref(tree);
    /* an empty object stays "{}" */
    json_object_clear(mine);
    got = cli_json_dumps_with(mine, "schedule", w.text.s);
    ck_assert_str_eq(got, "{}");
    free(got);
    json_decref(mine);
    cli_text_free(&w.text);
}
END_TEST

int main(void)
{
    seed = test_seed("cli-json-rows");
    Suite *s = suite_create("cli-json-rows");
    TCase *tc = tcase_create("rows");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, rows_as_jansson_writes_them);
    tcase_add_test(tc, a_plan_as_jansson_writes_it);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
