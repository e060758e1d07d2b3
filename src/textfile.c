/* Reading a whole text file, bounded, for the data parsers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith_internal.h"
#include "textfile_internal.h"

int sl__read_text_file(char **out, const char *path, size_t max, sl_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return sl__fail(err, SL_EIO, "path", path, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    int rc = SL_OK;
    while (buf) {
        if (len + 1 >= cap) {
            if (cap > max) {
                rc = sl__fail(err, SL_ERANGE, "path", path, "%s: larger than %zu MiB", path,
                              max >> 20);
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - 1 - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (!buf || (rc == SL_OK && len + 1 >= cap))
        rc = sl__fail(err, SL_ENOMEM, "path", path, "%s: out of memory", path);
    if (rc == SL_OK && ferror(f))
        rc = sl__fail(err, SL_EIO, "path", path, "%s: read error", path);
    fclose(f);
    if (rc == SL_OK) {
        buf[len] = '\0';
        if (memchr(buf, '\0', len))
            rc = sl__fail(err, SL_ESYNTAX, "path", path, "%s: not a text file", path);
        else if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
            memmove(buf, buf + 3, len - 2); /* Notepad's UTF-8 byte-order mark, and the NUL */
    }
    if (rc != SL_OK) {
        free(buf);
        return rc;
    }
    *out = buf;
    return SL_OK;
}

size_t sl__text_line(const char *p, const char **next)
{
    size_t len = strcspn(p, "\r\n");
    const char *end = p + len;
    if (*end == '\r')
        end += end[1] == '\n' ? 2 : 1;
    else if (*end == '\n')
        end++;
    *next = end;
    return len;
}
