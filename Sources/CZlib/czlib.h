#ifndef LOGSTAT_CZLIB_H
#define LOGSTAT_CZLIB_H
#include <stddef.h>
#include <zlib.h>

/* inflateInit2 is a macro in zlib.h; Swift cannot call function-like macros. */
static inline int czlib_inflate_init2(z_streamp stream, int window_bits) {
  return inflateInit2(stream, window_bits);
}

/* deflateInit2 is a macro too; tests use it to make gzip data in-process. */
static inline int czlib_deflate_init2(z_streamp stream, int level, int window_bits) {
  return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}

/* memrchr (last occurrence of a byte) is a GNU extension that Swift's Glibc
   module does not export; declare it here so the line reader can use it. */
static inline void *czlib_memrchr(const void *bytes, int value, size_t count) {
  extern void *memrchr(const void *, int, size_t);
  return memrchr(bytes, value, count);
}
#endif
