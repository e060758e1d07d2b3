/* Reading the programs' JSON in the CLI contract tests. */
#ifndef SL_TEST_CLI_JSON_H
#define SL_TEST_CLI_JSON_H

#include <jansson.h>

#include "testutil.h"

/* The string member key of obj (amounts are strings with two decimals);
 * fails the test when it is missing or not a string. */
static inline const char *json_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "key %s missing or not a string", key);
    return json_string_value(v);
}

#endif
