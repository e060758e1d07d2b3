/* The document module's one exported symbol: its functions, looked up by
 * the programs (doc_module.c). Everything else in the module is hidden, so
 * that its calls bind to its own functions and not to the programs'
 * wrappers of the same names. */
#include "doc_module.h"

__attribute__((visibility("default"))) extern const doc_module doc_module_table;

const doc_module doc_module_table = {
    .version = SL_VERSION_STRING,
    .size = sizeof(doc_module),
    .plan_pdf = doc_plan_pdf,
    .plan_charts = doc_plan_charts,
    .sef_pdf = doc_sef_pdf,
    .capacity_pdf = doc_capacity_pdf,
    .finance_pdf = doc_finance_pdf,
};
