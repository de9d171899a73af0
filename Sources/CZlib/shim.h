// zlib for gzip responses and gzip request bodies. deflateInit2 and inflateInit2 are function-like macros
// (they pass the library version and the stream's size), which Swift cannot call, so they are wrapped here.
#ifndef DATELINE_CZLIB_SHIM_H
#define DATELINE_CZLIB_SHIM_H
#include <zlib.h>

/// A deflate stream that writes the gzip wrapper (RFC 1952): `window_bits` (9 to 15), plus 16 for gzip.
static inline int czlib_deflate_init_gzip(z_streamp stream, int level, int window_bits, int mem_level) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits + 16, mem_level, Z_DEFAULT_STRATEGY);
}

/// An inflate stream that reads the gzip wrapper only (window bits 15, plus 16), not raw or zlib data.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
