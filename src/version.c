/* The run-time version string. */
#include "startlan/version.h"

const char *sl_version(void)
{
    return SL_VERSION_STRING;
}
