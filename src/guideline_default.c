/* The guideline tables shipped with the library: the text of
 * data/guidelines.txt, compiled in byte for byte by src/embed_text.py at
 * build time (tests/test_guideline.c checks that they are equal). */
#include "startlan/guideline.h"

extern const char sl__guideline_default_text[];

const char *sl_guideline_default_text(void)
{
    return sl__guideline_default_text;
}
