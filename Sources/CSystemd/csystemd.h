#ifndef CSYSTEMD_H
#define CSYSTEMD_H
/* libsystemd's sd-journal API (Debian: libsystemd-dev), for reading journal files. */
#include <systemd/sd-journal.h>
#endif
