/* Run an example program with arguments and optional stdin text, capturing
 * its stdout, stderr and exit status (for the CLI contract tests). */
#ifndef SL_TEST_CLI_RUN_H
#define SL_TEST_CLI_RUN_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* fork, mkstemp */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

typedef struct cli_result {
    int status;      /* exit status, or -1 when killed */
    char out[1 << 20]; /* stdout (declare results static) */
    char err[8192];  /* stderr */
} cli_result;

static inline void slurp(char *buf, size_t size, FILE *f)
{
    rewind(f);
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* argv[0] is the program; the list ends with NULL. input may be NULL. */
static inline void cli_run(cli_result *r, char *const argv[], const char *input)
{
    FILE *in = tmpfile(), *out = tmpfile(), *err = tmpfile();
    ck_assert(in && out && err);
    if (input)
        fputs(input, in);
    fflush(in);
    rewind(in);
    pid_t pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(fileno(in), 0);
        dup2(fileno(out), 1);
        dup2(fileno(err), 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    ck_assert(waitpid(pid, &st, 0) == pid);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    fclose(in);
    slurp(r->out, sizeof r->out, out);
    slurp(r->err, sizeof r->err, err);
}

#endif
