/* Stand-in for the C library header while the public headers are turned
 * into declarations for cffi, which knows the fixed-width types itself. */
