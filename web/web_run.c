/* Running a program for a request (web_run.h). fork + execve rather than
 * posix_spawn, to set the child's CPU limit between the two; the child calls
 * only async-signal-safe functions before execve. Every pipe is close-on-exec,
 * so a child started by one thread never holds another request's pipe. */
#define _GNU_SOURCE
#include "web_run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int web_buf_append(web_buf *b, const char *data, size_t len)
{
    char *p = realloc(b->data, b->len + len + 1);
    if (!p)
        return -1;
    memcpy(p + b->len, data, len);
    b->data = p;
    b->len += len;
    p[b->len] = '\0';
    return 0;
}

void web_buf_free(web_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

void web_result_free(web_result *res)
{
    web_buf_free(&res->out);
    web_buf_free(&res->err);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Read what is there from fd into b; closes fd at end of file. Returns 1
 * when b passed max. */
static int drain(int *fd, web_buf *b, size_t max)
{
    char chunk[16384];
    ssize_t n = read(*fd, chunk, sizeof chunk);
    if (n > 0) {
        if (b->len + (size_t)n > max || web_buf_append(b, chunk, (size_t)n) != 0)
            return 1;
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        close_fd(fd);
    }
    return 0;
}

int web_run(web_result *res, const char *path, char *const argv[], char *const env[],
            const char *input, size_t input_len, const web_run_limits *limits)
{
    memset(res, 0, sizeof *res);
    res->status = -1;
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0)
        return -1;
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]), close(in[1]);
        return -1;
    }
    if (pipe2(err, O_CLOEXEC) != 0) {
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        return -1;
    }
    double start = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit cpu = {(rlim_t)limits->cpu_seconds, (rlim_t)limits->cpu_seconds + 1};
        setrlimit(RLIMIT_CPU, &cpu);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0)
            _exit(127);
        execve(path, argv, env);
        _exit(127);
    }
    close(in[0]), close(out[1]), close(err[1]);
    if (pid < 0) {
        close(in[1]), close(out[0]), close(err[0]);
        return -1;
    }
    int fd_in = in[1], fd_out = out[0], fd_err = err[0];
    fcntl(fd_in, F_SETFL, O_NONBLOCK);
    size_t written = 0;
    if (!input || input_len == 0)
        close_fd(&fd_in);
    double deadline = start + limits->timeout_ms;
    while (fd_out >= 0 || fd_err >= 0) {
        struct pollfd p[3];
        int n = 0, i_out = -1, i_err = -1, i_in = -1;
        if (fd_out >= 0)
            p[i_out = n++] = (struct pollfd){fd_out, POLLIN, 0};
        if (fd_err >= 0)
            p[i_err = n++] = (struct pollfd){fd_err, POLLIN, 0};
        if (fd_in >= 0)
            p[i_in = n++] = (struct pollfd){fd_in, POLLOUT, 0};
        double left = deadline - now_ms();
        if (left <= 0) {
            res->timed_out = 1;
            break;
        }
        int r = poll(p, (nfds_t)n, (int)left + 1);
        if (r < 0 && errno != EINTR)
            break;
        if (r <= 0)
            continue;
        if (i_out >= 0 && p[i_out].revents && drain(&fd_out, &res->out, limits->max_output)) {
            res->too_large = 1;
            break;
        }
        if (i_err >= 0 && p[i_err].revents && drain(&fd_err, &res->err, limits->max_output)) {
            res->too_large = 1;
            break;
        }
        if (i_in >= 0 && p[i_in].revents) {
            ssize_t w = (p[i_in].revents & POLLOUT)
                            ? write(fd_in, input + written, input_len - written)
                            : -1;
            if (w > 0)
                written += (size_t)w;
            if (w < 0 && errno != EAGAIN && errno != EINTR)
                close_fd(&fd_in); /* the program stopped reading */
            else if (written == input_len)
                close_fd(&fd_in);
        }
    }
    close_fd(&fd_in), close_fd(&fd_out), close_fd(&fd_err);
    int wstatus = 0;
    if (res->timed_out || res->too_large)
        kill(pid, SIGKILL);
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    res->ms = now_ms() - start;
    /* over its CPU time (RLIMIT_CPU): as over its wall-clock time */
    if (WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGXCPU)
        res->timed_out = 1;
    if (!res->timed_out && !res->too_large && WIFEXITED(wstatus))
        res->status = WEXITSTATUS(wstatus);
    if (!res->out.data)
        web_buf_append(&res->out, "", 0);
    if (!res->err.data)
        web_buf_append(&res->err, "", 0);
    return 0;
}
