// libnghttp2 (HTTP/2 framing, HPACK, flow control) for HTTPServer's h2c and DatelineTesting's HTTP/2 client.
#ifndef DATELINE_CNGHTTP2_SHIM_H
#define DATELINE_CNGHTTP2_SHIM_H
#include <nghttp2/nghttp2.h>
#endif
