/* Text in columns: widths count characters as a terminal shows them (UTF-8
 * code points), not bytes, so that labels with å, ø, × or − line up with
 * the ASCII ones. printf's "%-40s" counts bytes and pads such a label one
 * column short per extra byte. */
#include "cli.h"

int cli_text_width(const char *text)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80) /* not a continuation byte */
            w++;
    return w;
}

void cli_pad(FILE *f, const char *text, int width)
{
    int fill = (width < 0 ? -width : width) - cli_text_width(text);
    if (width < 0)
        for (; fill > 0; fill--)
            fputc(' ', f);
    fputs(text, f);
    if (width > 0)
        for (; fill > 0; fill--)
            fputc(' ', f);
}
