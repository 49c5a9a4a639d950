#ifndef CSTRINGSEARCH_H
#define CSTRINGSEARCH_H
#include <stddef.h>
#include <string.h>

/* glibc declares memmem only under _GNU_SOURCE, which Swift's Glibc module is not built with;
   the function itself is always in the C library (and in macOS's). */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

/* The first occurrence of needle in haystack, or NULL. */
static inline const void *cstringsearch_memmem(
    const void *haystack, size_t haystacklen, const void *needle, size_t needlelen) {
  return memmem(haystack, haystacklen, needle, needlelen);
}
#endif
