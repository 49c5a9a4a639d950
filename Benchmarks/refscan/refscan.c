/*
 * refscan: the minimal C version of logstat's essential work on a Postfix log, as the
 * yardstick compare.sh measures logstat against (one core, no threads).
 *
 *   cc -O2 -o refscan refscan.c -lz
 *   refscan FILE            plain or gzip (told by the magic bytes 1f 8b), or - for stdin
 *
 * Per line: memchr for the newline; skip the classic stamp (`Nov 20 00:00:00 `) and the
 * host; read the program tag up to `[` or `:`; for Postfix delivery agents (smtp, lmtp,
 * local, virtual, error, pipe, discard, retry) skip the queue ID, then read `to=<...@domain>`
 * and the `status=` word and count (domain, status) in a small open-addressing table. Every
 * other line costs the stamp and tag only. Prints lines, delivery lines and the per-status
 * totals (so a run can be checked against logstat's counts), then the table size.
 *
 * Input is read with read(2) (plain) or zlib's gzread (gzip) into a 4 MiB buffer; a line
 * cut by the buffer end is moved to the front before the next read.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK (4u << 20)
#define MAXLINE (1u << 20)

enum { SENT, DEFERRED, BOUNCED, EXPIRED, OTHER, NSTATUS };
static const char *status_names[NSTATUS] = {"sent", "deferred", "bounced", "expired", "other"};

struct slot {
  const char *name; /* owned copy, NUL-terminated; NULL when free */
  uint32_t len;
  uint64_t hash;
  uint64_t count[NSTATUS];
};

static struct slot *table;
static size_t table_cap = 1024, table_used;
static uint64_t lines, deliveries, totals[NSTATUS];

static uint64_t hash_bytes(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
  return h;
}

static void grow(void) {
  size_t cap = table_cap * 2;
  struct slot *t = calloc(cap, sizeof *t);
  if (!t) { perror("calloc"); exit(2); }
  for (size_t i = 0; i < table_cap; i++) {
    if (!table[i].name) continue;
    size_t k = table[i].hash & (cap - 1);
    while (t[k].name) k = (k + 1) & (cap - 1);
    t[k] = table[i];
  }
  free(table);
  table = t;
  table_cap = cap;
}

static void count(const char *domain, size_t len, int status) {
  uint64_t h = hash_bytes(domain, len);
  size_t k = h & (table_cap - 1);
  while (table[k].name) {
    if (table[k].hash == h && table[k].len == len && memcmp(table[k].name, domain, len) == 0) {
      table[k].count[status]++;
      return;
    }
    k = (k + 1) & (table_cap - 1);
  }
  char *copy = malloc(len + 1);
  if (!copy) { perror("malloc"); exit(2); }
  memcpy(copy, domain, len);
  copy[len] = 0;
  table[k].name = copy;
  table[k].len = (uint32_t)len;
  table[k].hash = h;
  table[k].count[status] = 1;
  if (++table_used * 4 > table_cap * 3) grow();
}

static int is_delivery_agent(const char *p, size_t n) {
  switch (n) {
  case 4: return !memcmp(p, "smtp", 4) || !memcmp(p, "lmtp", 4) || !memcmp(p, "pipe", 4);
  case 5: return !memcmp(p, "local", 5) || !memcmp(p, "error", 5) || !memcmp(p, "retry", 5);
  case 7: return !memcmp(p, "virtual", 7) || !memcmp(p, "discard", 7);
  default: return 0;
  }
}

static int status_of(const char *p, const char *end) {
  size_t n = 0;
  while (p + n < end && p[n] != ' ' && p[n] != ',') n++;
  if (n == 4 && !memcmp(p, "sent", 4)) return SENT;
  if (n == 8 && !memcmp(p, "deferred", 8)) return DEFERRED;
  if (n == 7 && !memcmp(p, "bounced", 7)) return BOUNCED;
  if (n == 7 && !memcmp(p, "expired", 7)) return EXPIRED;
  return OTHER;
}

/* One line, without its newline. */
static void line(const char *p, const char *end) {
  lines++;
  /* "Nov 20 00:00:00 " is 16 bytes; then the host up to a space. */
  if (end - p < 17) return;
  const char *s = p + 16;
  const char *host = memchr(s, ' ', end - s);
  if (!host) return;
  const char *tag = host + 1;
  if (end - tag < 9 || memcmp(tag, "postfix", 7) != 0) return;
  const char *t = tag + 7;
  const char *stop = t;
  while (stop < end && *stop != '[' && *stop != ':') stop++;
  if (stop >= end) return;
  const char *daemon = stop;
  while (daemon > t && daemon[-1] != '/') daemon--;
  if (!is_delivery_agent(daemon, stop - daemon)) return;
  const char *body = memchr(stop, ' ', end - stop); /* after "[pid]:" */
  if (!body) return;
  body++;
  const char *qid = memchr(body, ' ', end - body); /* after "QUEUEID:" */
  if (!qid || qid[-1] != ':') return;
  const char *to = qid + 1;
  if (end - to < 5 || memcmp(to, "to=<", 4) != 0) return;
  const char *gt = memchr(to + 4, '>', end - to - 4);
  if (!gt) return;
  const char *at = gt;
  while (at > to + 4 && at[-1] != '@') at--;
  const char *st = NULL;
  for (const char *q = gt; q + 7 <= end; q++) {
    q = memchr(q, 's', end - q);
    if (!q || end - q < 7) break;
    if (!memcmp(q, "status=", 7) && q[-1] == ' ') { st = q + 7; break; }
  }
  if (!st) return;
  deliveries++;
  int status = status_of(st, end);
  totals[status]++;
  count(at, gt - at, status);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: refscan FILE (plain or gzip; - for stdin)\n");
    return 2;
  }
  int fd = strcmp(argv[1], "-") == 0 ? 0 : open(argv[1], O_RDONLY);
  if (fd < 0) { perror(argv[1]); return 2; }
  unsigned char magic[2];
  ssize_t m = pread(fd, magic, 2, 0);
  int gz = m == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  gzFile zf = NULL;
  if (gz) {
    zf = gzdopen(fd, "rb");
    if (!zf) { fprintf(stderr, "gzdopen failed\n"); return 2; }
    gzbuffer(zf, 1u << 20);
  }
  table = calloc(table_cap, sizeof *table);
  char *buf = malloc(CHUNK + MAXLINE);
  if (!table || !buf) { perror("malloc"); return 2; }
  size_t held = 0;
  for (;;) {
    long got = gz ? gzread(zf, buf + held, CHUNK) : read(fd, buf + held, CHUNK);
    if (got < 0) { fprintf(stderr, "read error\n"); return 2; }
    size_t have = held + (size_t)got;
    const char *p = buf, *end = buf + have;
    for (;;) {
      const char *nl = memchr(p, '\n', end - p);
      if (!nl) break;
      line(p, nl);
      p = nl + 1;
    }
    held = end - p;
    if (got == 0) {
      if (held) line(p, end);
      break;
    }
    if (held > MAXLINE) { line(p, p + MAXLINE); held = 0; continue; } /* cut an overlong line */
    memmove(buf, p, held);
  }
  printf("lines %llu deliveries %llu", (unsigned long long)lines, (unsigned long long)deliveries);
  for (int s = 0; s < NSTATUS; s++) printf(" %s %llu", status_names[s], (unsigned long long)totals[s]);
  printf(" domains %zu\n", table_used);
  return 0;
}
