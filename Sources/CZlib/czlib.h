#ifndef LOGSTAT_CZLIB_H
#define LOGSTAT_CZLIB_H
#include <zlib.h>

/* inflateInit2 is a macro in zlib.h; Swift cannot call function-like macros. */
static inline int czlib_inflate_init2(z_streamp stream, int window_bits) {
  return inflateInit2(stream, window_bits);
}
#endif
