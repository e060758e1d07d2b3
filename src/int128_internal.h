/* Private: whether the 128-bit shortcuts are used. They need the compiler's
 * __int128; defining SL_PORTABLE_ARITH turns them off, so the portable paths
 * (GMP, 64-bit) that a compiler without __int128 would take are built and
 * tested on every machine (tests/meson.build, the "portable" suite). */
#ifndef SL_INT128_INTERNAL_H
#define SL_INT128_INTERNAL_H

#if defined(__SIZEOF_INT128__) && !defined(SL_PORTABLE_ARITH)
#define SL_HAVE_INT128 1
#endif

#endif
