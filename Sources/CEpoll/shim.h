// epoll and eventfd are Linux-only and not part of Swift's Glibc module, so they come in through this map.
#ifndef DATELINE_CEPOLL_SHIM_H
#define DATELINE_CEPOLL_SHIM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
