/* Run an example program with arguments and optional stdin text, capturing
 * its stdout, stderr and exit status (for the CLI contract tests). */
#ifndef SL_TEST_CLI_RUN_H
#define SL_TEST_CLI_RUN_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* posix_spawn, mkstemp */
#endif

#include "cli_exec.h"
#include "testutil.h"

typedef struct cli_result {
    int status;      /* exit status, or -1 when killed */
    char out[1 << 20]; /* stdout (declare results static) */
    char err[8192];  /* stderr */
} cli_result;

/* argv[0] is the program; the list ends with NULL. input may be NULL. */
static inline void cli_run(cli_result *r, char *const argv[], const char *input)
{
    exec_result e = exec_run_text(input, argv);
    r->status = e.status;
    exec_copy(r->out, sizeof r->out, e.out);
    exec_copy(r->err, sizeof r->err, e.err);
    exec_free(&e);
}

#endif
