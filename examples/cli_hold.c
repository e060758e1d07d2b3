/* Standard output held back until the program knows it succeeded: a run
 * that stops on bad input leaves nothing on stdout, however much it had
 * written. The output goes to an unlinked temporary file (memory stays flat
 * for output of any size) and is copied to the real stdout at the end. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static int saved_fd = -1;
static FILE *held;

void cli_hold_stdout(void)
{
    fflush(stdout);
    held = tmpfile();
    if (!held)
        cli_die(1, _("could not create a temporary file for the output"));
    saved_fd = dup(STDOUT_FILENO);
    if (saved_fd < 0 || dup2(fileno(held), STDOUT_FILENO) < 0)
        cli_die(1, _("could not hold the output back"));
}

void cli_release_stdout(void)
{
    if (saved_fd < 0)
        return;
    if (fflush(stdout) != 0)
        cli_die(1, _("could not write the output"));
    int fd = fileno(held);
    if (lseek(fd, 0, SEEK_SET) < 0)
        cli_die(1, _("could not read the held output"));
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cli_die(1, _("could not read the held output"));
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(saved_fd, buf + off, (size_t)(n - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                cli_die(1, _("could not write the output"));
            off += w;
        }
    }
    if (dup2(saved_fd, STDOUT_FILENO) < 0)
        cli_die(1, _("could not restore the output"));
    close(saved_fd);
    saved_fd = -1;
    fclose(held);
    held = NULL;
}
