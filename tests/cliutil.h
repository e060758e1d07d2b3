/* Run an example program and capture its exit status, stdout and stderr. */
#ifndef SL_CLIUTIL_H
#define SL_CLIUTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct cli_run {
    int status; /* exit status, or 128 + signal */
    char *out;  /* stdout, NUL-terminated (malloc'd) */
    char *err;  /* stderr, NUL-terminated (malloc'd) */
} cli_run;

static char *slurp_fd(int fd)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ssize_t n;
    while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)n;
        if (cap - len < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* Run argv (argv[0] is the program path) with stdin from `input` (NULL: empty). */
static inline cli_run cli_exec(char *const argv[], const char *input)
{
    cli_run r = {0, NULL, NULL};
    char out_path[] = "/tmp/sl-cli-out-XXXXXX", err_path[] = "/tmp/sl-cli-err-XXXXXX",
         in_path[] = "/tmp/sl-cli-in-XXXXXX";
    int out = mkstemp(out_path), err = mkstemp(err_path), in = mkstemp(in_path);
    if (input && write(in, input, strlen(input)) < 0)
        r.status = -1;
    lseek(in, 0, SEEK_SET);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int ws = 0;
    waitpid(pid, &ws, 0);
    r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    lseek(out, 0, SEEK_SET);
    lseek(err, 0, SEEK_SET);
    r.out = slurp_fd(out);
    r.err = slurp_fd(err);
    close(out);
    close(err);
    close(in);
    unlink(out_path);
    unlink(err_path);
    unlink(in_path);
    return r;
}

static inline void cli_run_free(cli_run *r)
{
    free(r->out);
    free(r->err);
}

/* Number of lines in text. */
static inline int count_lines(const char *text)
{
    int n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

#endif
