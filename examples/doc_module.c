/* The programs' side of the document module (doc_module.h): find it, load
 * it once, and the wrappers the programs call. Looked for, in order: next to
 * the program (the build tree), at the install's libdir relative to the
 * program (an installed tree moved as a whole: $HOME/.local, a package
 * unpacked elsewhere), at the install's libdir. */
#define _POSIX_C_SOURCE 200809L /* readlink */
#include "doc_module.h"

#include <dlfcn.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#ifndef SL_DOC_MODULE_DIR
#error "SL_DOC_MODULE_DIR: the install's module directory (examples/meson.build)"
#endif
#ifndef SL_DOC_MODULE_FROM_BIN
#define SL_DOC_MODULE_FROM_BIN "" /* libdir is not under the prefix: no relative path */
#endif

static const doc_module *loaded;

/* path = the program's directory + "/" + rest, or 0 when it cannot be known. */
static int beside_program(char *path, size_t size, const char *rest)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return 0;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    int len = snprintf(path, size, "%s/%s", self, rest);
    return len > 0 && (size_t)len < size;
}

static const doc_module *open_module(const char *path)
{
    /* Lazy: the functions of cairo, pango and the rest are bound when first
     * called, as when a program links them (binding all of them up front
     * cost an SVG 1.9 million instructions more, 2.5 %); a module of
     * another build is refused below before any of its functions runs. */
    void *h = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
    if (!h)
        cli_die(1, _("the document module could not be loaded: %s"), dlerror());
    const doc_module *m = dlsym(h, DOC_MODULE_TABLE);
    if (!m || m->size != sizeof(doc_module) || strcmp(m->version, SL_VERSION_STRING) != 0)
        cli_die(1, _("the document module %s is not this program's (version %s, the program %s): "
                     "install startlan's programs again"),
                path, m ? m->version : "?", SL_VERSION_STRING);
    return m;
}

const doc_module *doc_module_load(void)
{
    if (loaded)
        return loaded;
    char path[PATH_MAX];
    if (beside_program(path, sizeof path, DOC_MODULE_NAME) && access(path, F_OK) == 0)
        return loaded = open_module(path);
    if (SL_DOC_MODULE_FROM_BIN[0] &&
        beside_program(path, sizeof path, SL_DOC_MODULE_FROM_BIN "/" DOC_MODULE_NAME) &&
        access(path, F_OK) == 0)
        return loaded = open_module(path);
    snprintf(path, sizeof path, "%s/%s", SL_DOC_MODULE_DIR, DOC_MODULE_NAME);
    if (access(path, F_OK) == 0)
        return loaded = open_module(path);
    cli_die(1, _("documents (PDF, SVG, PNG) need the document module %s, found neither next to "
                 "the program nor in %s: install startlan's programs again"),
            DOC_MODULE_NAME, SL_DOC_MODULE_DIR);
}

void doc_plan_pdf(const char *path, const doc_plan *p, const doc_plan *shocked, sl_rate points,
                  sl_date made)
{
    doc_module_load()->plan_pdf(path, p, shocked, points, made);
}

void doc_plan_charts(const char *path, doc_format format, const doc_plan *p, sl_date made)
{
    doc_module_load()->plan_charts(path, format, p, made);
}

void doc_sef_pdf(const char *path, const doc_sef *s)
{
    doc_module_load()->sef_pdf(path, s);
}

void doc_capacity_pdf(const char *path, const doc_capacity *c)
{
    doc_module_load()->capacity_pdf(path, c);
}

void doc_finance_pdf(const char *path, const doc_finance *f)
{
    doc_module_load()->finance_pdf(path, f);
}
