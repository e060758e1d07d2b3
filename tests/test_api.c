/* The rules of the whole API (docs/api.md): one code for a NULL required
 * pointer, the error record reset on entry, one version check, and the
 * _init functions equal to the _INIT macros. */
#include "testutil.h"

/* A record as an uninitialised or reused one looks: every byte set. */
static void dirty(sl_error *err)
{
    memset(err, 0x41, sizeof *err);
    err->field[sizeof err->field - 1] = '\0';
    err->value[sizeof err->value - 1] = '\0';
    err->message[sizeof err->message - 1] = '\0';
    err->line = 4702111234474983745LL;
    err->column = 77;
}

START_TEST(null_outputs_are_one_code)
{
    sl_date d = {2025, 1, 31};
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.amount = M("100000");
    g.date = d;
    sl_error err;
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(12);
    t.principal = M("1000");
    /* The calls the review crashed or saw succeed (issue 12, defect 9). */
    ck_assert_int_eq(sl_money_add(NULL, 1, 2), SL_ENULL);
    ck_assert_int_eq(sl_money_sub(NULL, 1, 2), SL_ENULL);
    ck_assert_int_eq(sl_money_mul(NULL, 1, 2), SL_ENULL);
    ck_assert_int_eq(sl_date_add_months(NULL, d, 1, 31), SL_ENULL);
    ck_assert_int_eq(sl_date_add_days(NULL, d, 1), SL_ENULL);
    ck_assert_int_eq(sl_grant_repayment_on_sale(NULL, &g, d, M("5000"), &err), SL_ENULL);
    ck_assert_str_eq(err.field, "out");
    ck_assert_int_eq(sl_plan_totals_for(NULL, &t, &err), SL_ENULL);
    ck_assert_int_eq(err.code, SL_ENULL);
    /* And the rest of the outputs and required inputs. */
    ck_assert_int_eq(sl_money_parse(NULL, "1", "amount", NULL), SL_ENULL);
    sl_money m;
    ck_assert_int_eq(sl_money_parse(&m, NULL, "amount", &err), SL_ENULL);
    ck_assert_str_eq(err.field, "amount");
    ck_assert_int_eq(sl_rate_parse_percent(NULL, "1", NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_date_parse(NULL, "2025-01-01", NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_rate_add(NULL, (sl_rate){1, 2}, (sl_rate){1, 2}), SL_ENULL);
    ck_assert_int_eq(sl_rate_from_fraction(NULL, 1, 2), SL_ENULL);
    ck_assert_int_eq(sl_money_format(NULL, 10, 1, SL_MONEY_PLAIN), SL_ENULL);
    ck_assert_int_eq(sl_plan_new(NULL, &t, NULL), SL_ENULL);
    sl_plan *plan = NULL;
    ck_assert_int_eq(sl_plan_new(&plan, NULL, &err), SL_ENULL);
    ck_assert_str_eq(err.field, "terms");
    ck_assert_int_eq(sl_plan_next(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_plan_finish(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_plan_settlement(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_loan_terms_check(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_plan_cost_compute(NULL, &t, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_apr(NULL, NULL, 0, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_audit_new(NULL, NULL, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_audit_add_row(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_audit_finish(NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_rto_compute(NULL, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_part_own_new(NULL, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_capacity_compute(NULL, NULL, 0, NULL, NULL), SL_ENULL);
    ck_assert_int_eq(sl_guideline_table_parse(NULL, "", NULL), SL_ENULL);
    ck_assert_int_eq(sl_portfolio_totals_new(NULL), SL_ENULL);
    ck_assert_int_eq(sl_loan_type_parse(NULL, "annuity"), SL_ENULL);
    ck_assert_int_eq(sl_round_mode_parse(NULL, "up"), SL_ENULL);
    ck_assert_str_eq(sl_strerror(SL_ENULL), "a required argument is NULL");
}
END_TEST

START_TEST(state_means_out_of_order_only)
{
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(12);
    t.principal = M("1000");
    sl_plan *plan = NULL;
    ck_assert_int_eq(sl_plan_new(&plan, &t, NULL), SL_OK);
    sl_settlement s;
    ck_assert_int_eq(sl_plan_settlement(plan, &s), SL_ESTATE); /* no repayment reached */
    sl_plan_free(plan);
    sl_audit *a = NULL;
    ck_assert_int_eq(sl_audit_new(&a, NULL, NULL, NULL), SL_OK);
    ck_assert_int_eq(sl_audit_finish(a, NULL), SL_OK);
    ck_assert_int_eq(sl_audit_finish(a, NULL), SL_ESTATE); /* finished twice */
    sl_audit_free(a);
}
END_TEST

START_TEST(error_record_reset_on_entry)
{
    sl_error err;
    /* A success leaves a clean record. */
    dirty(&err);
    sl_money m;
    ck_assert_int_eq(sl_money_parse(&m, "12,50", "amount", &err), SL_OK);
    ck_assert_int_eq(err.code, SL_OK);
    ck_assert_str_eq(err.message, "");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    /* A failure outside a file has no line or column (issue 12, defect 10). */
    dirty(&err);
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(0);
    t.principal = M("1000");
    sl_plan *plan = NULL;
    ck_assert_int_ne(sl_plan_new(&plan, &t, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    ck_assert_str_eq(err.field, "terms");
    /* A guideline-file error, then a plan error with the same record. */
    sl_guideline_table *table = NULL;
    ck_assert_int_ne(sl_guideline_table_parse(&table, "# x\n2024-01-01 1 2 3 4 5 x\n", &err),
                     SL_OK);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_ne(sl_plan_new(&plan, &t, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    /* Every other checking entry point resets too. */
    dirty(&err);
    sl_rate r;
    ck_assert_int_eq(sl_rate_parse_percent(&r, "4,5", NULL, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    dirty(&err);
    sl_date d;
    ck_assert_int_eq(sl_date_parse(&d, "2025-01-01", NULL, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    dirty(&err);
    sl_plan_totals totals;
    t.terms = 12;
    ck_assert_int_eq(sl_plan_totals_for(&totals, &t, &err), SL_OK);
    ck_assert_str_eq(err.message, "");
}
END_TEST

START_TEST(one_version_rule)
{
    sl_error err;
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(12);
    t.principal = M("1000");
    t.version = SL_LOAN_TERMS_VERSION + 1;
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_EVERSION);
    ck_assert_str_eq(err.field, "version");
    t.version = 1; /* every known version is read */
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_OK);
    t.version = 0;
    ck_assert_int_eq(sl_loan_terms_check(&t, &err), SL_EVERSION);

    sl_apr_options ao = SL_APR_OPTIONS_INIT;
    ao.version = SL_APR_OPTIONS_VERSION + 1;
    sl_apr_flow f[2] = {{0, 1, 1000}, {1, 1, -1100}};
    sl_apr_result ar;
    ck_assert_int_eq(sl_apr(&ar, f, 2, &ao, &err), SL_EVERSION);
    sl_audit_options uo = SL_AUDIT_OPTIONS_INIT;
    uo.version = SL_AUDIT_OPTIONS_VERSION + 1;
    sl_audit *a = NULL;
    ck_assert_int_eq(sl_audit_new(&a, NULL, &uo, &err), SL_EVERSION);
    sl_grant_terms g = SL_GRANT_TERMS_INIT;
    g.version = SL_GRANT_TERMS_VERSION + 1;
    sl_money m;
    ck_assert_int_eq(sl_grant_remaining(&m, &g, 1, &err), SL_EVERSION);
    /* Version 1 of these held the loan terms by value: a layout no longer read. */
    sl_capacity_options co = SL_CAPACITY_OPTIONS_INIT;
    co.version = 1;
    ck_assert_int_eq(sl_capacity_options_check(&co, &err), SL_EVERSION);
    sl_rto_options ro = SL_RTO_OPTIONS_INIT;
    ro.version = 1;
    sl_rto_result rr;
    ck_assert_int_eq(sl_rto_compute(&rr, &ro, &err), SL_EVERSION);
    sl_part_own_options po = SL_PART_OWN_OPTIONS_INIT;
    po.version = SL_PART_OWN_OPTIONS_VERSION + 1;
    sl_part_own *p = NULL;
    ck_assert_int_eq(sl_part_own_new(&p, &po, &err), SL_EVERSION);
}
END_TEST

/* The newest modules (tax, finance, housing allowance, book, rate history,
 * rate changes, loan figures) follow the same rules: SL_ENULL naming the
 * argument, never SL_ESTATE; the record reset on entry; one version check. */
#define NULL_NAMED(call, name)                                                             \
    do {                                                                                   \
        sl_error e_;                                                                       \
        dirty(&e_);                                                                        \
        sl_error *err = &e_;                                                               \
        (void)err;                                                                         \
        ck_assert_int_eq((call), SL_ENULL);                                                \
        ck_assert_int_eq(e_.code, SL_ENULL);                                               \
        ck_assert_str_eq(e_.field, name);                                                  \
        ck_assert_int_eq(e_.line, 0);                                                      \
    } while (0)

START_TEST(newest_modules_null_is_enull)
{
    sl_tax_rules tr;
    ck_assert_int_eq(sl_tax_rules_for_year(&tr, 2025, NULL), SL_OK);
    sl_tax_estimate te;
    sl_money m;
    NULL_NAMED(sl_tax_rules_for_year(NULL, 2025, err), "out");
    NULL_NAMED(sl_tax_rules_check(NULL, err), "rules");
    NULL_NAMED(sl_tax_estimate_wage(NULL, M("500000"), &tr, err), "out");
    NULL_NAMED(sl_tax_estimate_wage(&te, M("500000"), NULL, err), "rules");
    NULL_NAMED(sl_tax_interest_deduction(NULL, M("1000"), &tr, err), "out");

    sl_tenure tn;
    sl_finance_options fo = SL_FINANCE_OPTIONS_INIT;
    sl_finance_result fr;
    ck_assert_int_eq(sl_tenure_parse(NULL, "selveier"), SL_ENULL);
    ck_assert_int_eq(sl_tenure_parse(&tn, NULL), SL_ENULL);
    NULL_NAMED(sl_registration_fee_on(NULL, (sl_date){2025, 1, 1}, err), "out");
    NULL_NAMED(sl_finance_compute(NULL, &fo, err), "out");
    NULL_NAMED(sl_finance_compute(&fr, NULL, err), "options");
    NULL_NAMED(sl_finance_max_price(NULL, NULL, NULL, &fo, 0, err), "out");
    NULL_NAMED(sl_finance_max_price(&m, NULL, NULL, NULL, 0, err), "options");

    sl_rate_history *h = NULL;
    sl_rate r;
    sl_rate_change *ch;
    size_t n;
    NULL_NAMED(sl_rate_history_parse(NULL, "2024-01-01 4.5\n", NULL, err), "out");
    NULL_NAMED(sl_rate_history_parse(&h, NULL, NULL, err), "text");
    NULL_NAMED(sl_rate_history_load(&h, NULL, err), "path");
    NULL_NAMED(sl_rate_history_builtin(NULL, "husbanken-floating", err), "out");
    NULL_NAMED(sl_rate_history_builtin(&h, NULL, err), "name");
    NULL_NAMED(sl_rate_history_at(&r, NULL, (sl_date){2025, 1, 1}, err), "history");
    NULL_NAMED(sl_rate_history_changes(&ch, &n, NULL, (sl_date){2025, 1, 1},
                                       (sl_date){2026, 1, 1}, err),
               "history");
    NULL_NAMED(sl_rate_history_changes(&ch, NULL, h, (sl_date){2025, 1, 1},
                                       (sl_date){2026, 1, 1}, err),
               "count");
    ck_assert_int_eq(sl_rate_history_parse(&h, "2024-01-01 4.5\n", NULL, NULL), SL_OK);
    sl_rate_history_entry he;
    ck_assert_int_eq(sl_rate_history_get(NULL, h, 0), SL_ENULL);
    ck_assert_int_eq(sl_rate_history_get(&he, NULL, 0), SL_ENULL);
    ck_assert_int_eq(sl_rate_history_get(&he, h, 1), SL_ERANGE);
    ck_assert_int_eq(sl_rate_history_get(&he, h, 0), SL_OK);

    sl_book_loan *bl = NULL;
    sl_book_field bf;
    sl_book_event ev;
    const sl_loan_terms *bt;
    ck_assert_int_eq(sl_book_loan_new(NULL), SL_ENULL);
    ck_assert_int_eq(sl_book_field_lookup(NULL, "amount"), SL_ENULL);
    ck_assert_int_eq(sl_book_field_lookup(&bf, NULL), SL_ENULL);
    NULL_NAMED(sl_book_loan_set(NULL, SL_BOOK_AMOUNT, "1000", err), "loan");
    NULL_NAMED(sl_book_event_parse(NULL, "2025-01-01", "extra", "1000", err), "out");
    NULL_NAMED(sl_book_loan_terms(NULL, bl, (sl_date)SL_DATE_NONE, err), "out");
    NULL_NAMED(sl_book_loan_terms(&bt, NULL, (sl_date)SL_DATE_NONE, err), "loan");
    ck_assert_int_eq(sl_book_loan_new(&bl), SL_OK);
    ck_assert_int_eq(sl_book_loan_set_rate_history(bl, NULL, "x"), SL_ENULL);
    ck_assert_int_eq(sl_book_loan_set_rate_history(NULL, h, "x"), SL_ENULL);
    ck_assert_int_eq(sl_book_loan_add_event(bl, NULL), SL_ENULL);
    ck_assert_int_eq(sl_book_event_parse(&ev, "2025-01-01", "extra", "1000", NULL), SL_OK);
    ck_assert_int_eq(sl_book_loan_add_event(NULL, &ev), SL_ENULL);
    sl_book_loan_free(bl);

    sl_rate_change_spec spec;
    sl_rate_change rc1;
    sl_loan_terms t = SL_LOAN_TERMS_INIT_WITH_TERMS(12);
    t.principal = M("1000");
    NULL_NAMED(sl_rate_change_parse(NULL, "2025-01-01:4.5", NULL, err), "out");
    NULL_NAMED(sl_rate_change_parse(&spec, NULL, NULL, err), "text");
    NULL_NAMED(sl_rate_changes_resolve(NULL, &spec, 1, t.nominal_rate, err), "out");
    NULL_NAMED(sl_rate_changes_resolve(&rc1, NULL, 1, t.nominal_rate, err), "in");
    NULL_NAMED(sl_loan_terms_shift_rates(NULL, NULL, &t, (sl_rate){1, 100}, err), "out");
    sl_loan_terms shifted;
    NULL_NAMED(sl_loan_terms_shift_rates(&shifted, NULL, NULL, (sl_rate){1, 100}, err), "terms");
    sl_rate_change one = {{2025, 6, 1}, {5, 100}};
    t.rate_changes = &one;
    t.rate_change_count = 1;
    NULL_NAMED(sl_loan_terms_shift_rates(&shifted, NULL, &t, (sl_rate){1, 100}, err), "changes");

    sl_loan_figures lf;
    sl_period per = {{2025, 1, 1}, {2025, 12, 31}};
    NULL_NAMED(sl_loan_figures_periods(NULL, &t, &per, 1, err), "out");
    NULL_NAMED(sl_loan_figures_periods(&lf, NULL, &per, 1, err), "terms");
    NULL_NAMED(sl_loan_figures_periods(&lf, &t, NULL, 1, err), "periods");
    sl_rate_history_free(h);
}
END_TEST

START_TEST(newest_modules_reset_and_version)
{
    sl_error err;
    sl_tax_rules tr;
    dirty(&err);
    ck_assert_int_eq(sl_tax_rules_for_year(&tr, 2025, &err), SL_OK);
    ck_assert_int_eq(err.code, SL_OK);
    ck_assert_str_eq(err.message, "");
    ck_assert_int_eq(err.line, 0);
    sl_tax_estimate te;
    dirty(&err);
    ck_assert_int_eq(sl_tax_estimate_wage(&te, M("500000"), &tr, &err), SL_OK);
    ck_assert_str_eq(err.field, "");
    ck_assert_int_eq(err.column, 0);
    tr.version = SL_TAX_RULES_VERSION + 1;
    ck_assert_int_eq(sl_tax_rules_check(&tr, &err), SL_EVERSION);
    ck_assert_str_eq(err.field, "version");
    ck_assert_ptr_nonnull(strstr(err.message, "sl_tax_rules"));

    dirty(&err);
    sl_finance_options fo = SL_FINANCE_OPTIONS_INIT;
    fo.version = SL_FINANCE_OPTIONS_VERSION + 1;
    sl_finance_result fr;
    ck_assert_int_eq(sl_finance_compute(&fr, &fo, &err), SL_EVERSION);
    ck_assert_ptr_nonnull(strstr(err.message, "sl_finance_options"));
    fo.version = 0;
    ck_assert_int_eq(sl_finance_compute(&fr, &fo, &err), SL_EVERSION);

    sl_rate_history *h = NULL;
    dirty(&err);
    ck_assert_int_eq(sl_rate_history_builtin(&h, "husbanken-floating", &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.message, "");
    sl_rate r;
    dirty(&err);
    ck_assert_int_eq(sl_rate_history_at(&r, h, (sl_date){2024, 8, 1}, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.value, "");
    sl_rate_history_free(h);

    sl_book_event ev;
    dirty(&err);
    ck_assert_int_eq(sl_book_event_parse(&ev, "2025-01-01", "extra", "1000", &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.message, "");
    sl_book_loan *bl = NULL;
    ck_assert_int_eq(sl_book_loan_new(&bl), SL_OK);
    dirty(&err);
    ck_assert_int_eq(sl_book_loan_set(bl, SL_BOOK_AMOUNT, "1000000", &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.message, "");
    sl_book_loan_free(bl);

    sl_rate_change_spec spec;
    dirty(&err);
    ck_assert_int_eq(sl_rate_change_parse(&spec, "2025-01-01:4.5", NULL, &err), SL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.message, "");

    sl_housing_allowance_input in = SL_HOUSING_ALLOWANCE_INPUT_INIT;
    sl_housing_allowance_rules hr = SL_HOUSING_ALLOWANCE_RULES_INIT;
    hr.version = SL_HOUSING_ALLOWANCE_RULES_VERSION + 1;
    sl_housing_allowance ha;
    ck_assert_int_eq(sl_housing_allowance_estimate(&ha, &in, &hr, &err), SL_EVERSION);
    ck_assert_str_eq(err.field, "version");
}
END_TEST

/* Each _init function gives exactly its _INIT macro (both start from zeroed
 * bytes, so padding compares equal). */
#define SAME_AS_MACRO(type, macro, init_fn)                                                \
    do {                                                                                   \
        type by_macro, by_fn;                                                              \
        memset(&by_macro, 0, sizeof by_macro);                                             \
        memset(&by_fn, 0, sizeof by_fn);                                                   \
        by_macro = (type)macro;                                                            \
        init_fn(&by_fn);                                                                   \
        ck_assert_msg(memcmp(&by_macro, &by_fn, sizeof by_fn) == 0,                        \
                      #init_fn " differs from " #macro);                                   \
        init_fn(NULL);                                                                     \
    } while (0)

START_TEST(init_functions_match_macros)
{
    SAME_AS_MACRO(sl_loan_terms, SL_LOAN_TERMS_INIT, sl_loan_terms_init);
    SAME_AS_MACRO(sl_household, SL_HOUSEHOLD_INIT, sl_household_init);
    SAME_AS_MACRO(sl_capacity_options, SL_CAPACITY_OPTIONS_INIT, sl_capacity_options_init);
    SAME_AS_MACRO(sl_apr_options, SL_APR_OPTIONS_INIT, sl_apr_options_init);
    SAME_AS_MACRO(sl_audit_options, SL_AUDIT_OPTIONS_INIT, sl_audit_options_init);
    SAME_AS_MACRO(sl_rto_options, SL_RTO_OPTIONS_INIT, sl_rto_options_init);
    SAME_AS_MACRO(sl_part_own_options, SL_PART_OWN_OPTIONS_INIT, sl_part_own_options_init);
    SAME_AS_MACRO(sl_grant_terms, SL_GRANT_TERMS_INIT, sl_grant_terms_init);
    SAME_AS_MACRO(sl_tax_rules, SL_TAX_RULES_INIT, sl_tax_rules_init);
    SAME_AS_MACRO(sl_finance_options, SL_FINANCE_OPTIONS_INIT, sl_finance_options_init);
    SAME_AS_MACRO(sl_housing_allowance_rules, SL_HOUSING_ALLOWANCE_RULES_INIT,
                  sl_housing_allowance_rules_init);
    SAME_AS_MACRO(sl_housing_allowance_input, SL_HOUSING_ALLOWANCE_INPUT_INIT,
                  sl_housing_allowance_input_init);
}
END_TEST

/* What a linking system reads from text: the contract's enums, with the
 * Norwegian words, any ASCII letter case; unknown words refused. */
START_TEST(text_to_enums)
{
    sl_loan_type lt;
    ck_assert_int_eq(sl_loan_type_parse(&lt, "annuitet"), SL_OK);
    ck_assert_int_eq(lt, SL_LOAN_ANNUITY);
    ck_assert_int_eq(sl_loan_type_parse(&lt, "Serielån"), SL_OK);
    ck_assert_int_eq(lt, SL_LOAN_SERIAL);
    ck_assert_int_eq(sl_loan_type_parse(&lt, "serie"), SL_OK);
    ck_assert_int_eq(lt, SL_LOAN_SERIAL);
    sl_day_count dc = SL_DAY_COUNT_EQUAL;
    ck_assert_int_eq(sl_day_count_parse(&dc, "ACT365"), SL_OK);
    ck_assert_int_eq(dc, SL_DAY_COUNT_ACT365);
    ck_assert_str_eq(sl_day_count_name(dc), "act365");
    ck_assert_int_eq(sl_day_count_parse(&dc, "act366"), SL_ESYNTAX);
    ck_assert_int_eq(dc, SL_DAY_COUNT_ACT365);
    sl_borrower b;
    ck_assert_int_eq(sl_borrower_parse(&b, "Borettslag"), SL_OK);
    ck_assert_int_eq(b, SL_BORROWER_BORETTSLAG);
    ck_assert_int_eq(sl_borrower_parse(&b, "husstand"), SL_OK);
    ck_assert_int_eq(b, SL_BORROWER_HOUSEHOLD);
    ck_assert_str_eq(sl_borrower_name(SL_BORROWER_KOMMUNE), "kommune");
    sl_price_rule pr;
    ck_assert_int_eq(sl_price_rule_parse(&pr, "takst"), SL_OK);
    ck_assert_int_eq(pr, SL_PRICE_APPRAISAL);
    ck_assert_int_eq(sl_price_rule_parse(&pr, "Fastpris"), SL_OK);
    ck_assert_int_eq(pr, SL_PRICE_FIXED);
    sl_property_type pt;
    ck_assert_int_eq(sl_property_type_parse(&pt, "borettslag"), SL_OK);
    ck_assert_int_eq(pt, SL_PROPERTY_BORETTSLAG);
    sl_rto_model m;
    ck_assert_int_eq(sl_rto_model_parse(&m, "leie-før-eie"), SL_OK);
    ck_assert_int_eq(m, SL_RTO_RENT_BEFORE_OWN);
    ck_assert_str_eq(sl_rto_model_name(SL_RTO_RENT_TO_OWN), "rent-to-own");
    ck_assert_ptr_null(sl_rto_model_name((sl_rto_model)9));
    ck_assert_int_eq(sl_rto_model_parse(NULL, "leie-til-eie"), SL_ENULL);
    ck_assert_int_eq(sl_price_rule_parse(&pr, ""), SL_ESYNTAX);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, null_outputs_are_one_code);
    tcase_add_test(tc, state_means_out_of_order_only);
    tcase_add_test(tc, error_record_reset_on_entry);
    tcase_add_test(tc, one_version_rule);
    tcase_add_test(tc, newest_modules_null_is_enull);
    tcase_add_test(tc, newest_modules_reset_and_version);
    tcase_add_test(tc, init_functions_match_macros);
    tcase_add_test(tc, text_to_enums);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
