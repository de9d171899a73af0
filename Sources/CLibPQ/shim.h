// libpq, PostgreSQL's C client. On Debian the header lives in /usr/include/postgresql; pkg-config (libpq)
// gives that path to the compiler, so it is included by its bare name here.
#ifndef DATELINE_CLIBPQ_SHIM_H
#define DATELINE_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
