/* The document options every program with documents reads (--format,
 * --output, the texts printed on a document): linked into the programs, so
 * that they check their options without loading the document module. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include "doc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
    const char *name;
    doc_format format;
} format_names[] = {
    {"pdf", DOC_PDF}, {"svg", DOC_SVG}, {"png", DOC_PNG}, {"sef-pdf", DOC_SEF_PDF},
    {"sef-json", DOC_SEF_JSON},
};

doc_format doc_format_option(const char *text, unsigned offered, cli_format *text_format)
{
    if (strcmp(text, "table") == 0 || strcmp(text, "csv") == 0 || strcmp(text, "json") == 0) {
        *text_format = cli_format_parse(text);
        return DOC_NONE;
    }
    char list[128] = "table, csv, json";
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (!(offered & format_names[i].format))
            continue;
        if (strcmp(text, format_names[i].name) == 0)
            return format_names[i].format;
        strcat(list, ", ");
        strcat(list, format_names[i].name);
    }
    cli_die(CLI_EXIT_USAGE, "--format '%s': must be one of %s", text, list);
}

/* Refuse an --output that cannot be written before any work (and any
 * warning) is done: a folder, or a folder that does not exist or cannot be
 * written to. doc_open's mkstemp is the final word. */
static void output_writable(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        cli_die(CLI_EXIT_USAGE, "--output '%s': is a directory", path);
    const char *slash = strrchr(path, '/');
    char *folder = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!folder)
        cli_die(1, "out of memory");
    int ok = access(folder, W_OK | X_OK) == 0;
    int err = errno;
    free(folder);
    if (!ok)
        cli_die(CLI_EXIT_USAGE, "--output '%s': cannot write there (%s)", path, strerror(err));
}

void doc_output_check(doc_format format, const char *output)
{
    int file = format == DOC_PDF || format == DOC_SVG || format == DOC_PNG ||
               format == DOC_SEF_PDF;
    if (file && !output)
        cli_usage_error("--format %s: give the file to write with --output FILE",
                        format == DOC_SVG ? "svg" : format == DOC_PNG ? "png"
                        : format == DOC_SEF_PDF ? "sef-pdf" : "pdf");
    if (!file && output)
        cli_usage_error("--output '%s': only with --format pdf, svg, png or sef-pdf "
                        "(the other formats go to standard output)", output);
    if (file && output[0] == '\0')
        cli_usage_error("--output '': an empty file name");
    if (file)
        output_writable(output);
}

/* 1 if s[0..n) is UTF-8 as RFC 3629 defines it: shortest forms only, no
 * surrogates, nothing above U+10FFFF. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
        if (!len || n - i < len)
            return 0;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        unsigned c1 = len > 1 ? s[i + 1] : 0;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return 0;
        i += len;
    }
    return 1;
}

const char *doc_text_option(const char *option, const char *value)
{
    size_t n = strlen(value);
    if (n == 0)
        cli_usage_error("%s '': empty", option);
    if (n > 200)
        cli_usage_error("%s '%.40s…': longer than 200 bytes", option, value);
    if (!valid_utf8((const unsigned char *)value, n))
        cli_usage_error("%s '%s': not UTF-8 text", option, value);
    for (const char *p = value; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            cli_usage_error("%s '%s': a control character", option, value);
    return value;
}
