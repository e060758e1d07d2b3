/* Reading a whole text file for the parsers of shipped data (guideline
 * tables, rate histories). */
#ifndef SL_TEXTFILE_INTERNAL_H
#define SL_TEXTFILE_INTERNAL_H

#include <stddef.h>

#include "startlan/error.h"

/* The file at path as a NUL-terminated string in *out (free() it; NULL on
 * error), without a leading UTF-8 byte-order mark (Windows editors write one).
 * At most max bytes (SL_ERANGE beyond); a NUL byte in the file is
 * SL_ESYNTAX ("not a text file"); SL_EIO, SL_ENOMEM. err's field is "path". */
int sl__read_text_file(char **out, const char *path, size_t max, sl_error *err);

/* The length of the line that starts at p, up to its end, and in *next
 * where the following line starts: a line ends at "\n", "\r\n", a "\r"
 * alone (Excel for Mac's "CSV (Macintosh)", and classic Mac editors) or
 * the NUL ending the text (then *next points at that NUL). */
size_t sl__text_line(const char *p, const char **next);

#endif
