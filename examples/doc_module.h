/* The document module (startlan-doc.so): the drawing of every document
 * (PDF, SVG, PNG) with cairo and pango, which the programs load with dlopen
 * only when a document is asked for. A table, text and JSON answer then
 * starts without the 30 libraries the drawing needs (docs/web.md: their
 * loading was a third of a JSON answer's instructions).
 *
 * The programs call doc_plan_pdf, doc_capacity_pdf, … as declared in the
 * documents' headers; in a program these are the wrappers of doc_module.c,
 * which load the module on first use and call its function. The module
 * resolves the programs' helpers (cli_*) from the program itself, which
 * exports them (one copy of their state: the language, the program's name). */
#ifndef SL_DOC_MODULE_H
#define SL_DOC_MODULE_H

#include "doc_finance.h"
#include "doc_sef.h"

/* The module's file name: next to the program in the build tree, in
 * LIBDIR/startlan when installed. */
#define DOC_MODULE_NAME "startlan-doc.so"
/* The symbol of its table. */
#define DOC_MODULE_TABLE "doc_module_table"

typedef struct doc_module {
    const char *version; /* SL_VERSION_STRING of the build: a program uses its own build's module */
    size_t size;         /* sizeof (doc_module) */
    void (*plan_pdf)(const char *path, const doc_plan *p, const doc_plan *shocked,
                     sl_rate points, sl_date made);
    void (*plan_charts)(const char *path, doc_format format, const doc_plan *p, sl_date made);
    void (*sef_pdf)(const char *path, const doc_sef *s);
    void (*capacity_pdf)(const char *path, const doc_capacity *c);
    void (*finance_pdf)(const char *path, const doc_finance *f);
} doc_module;

/* The loaded module; on failure exits 1 with one line naming where it was
 * looked for. */
const doc_module *doc_module_load(void);

#endif
