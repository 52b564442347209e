#ifndef GLOSS_CZLIB_SHIM_H
#define GLOSS_CZLIB_SHIM_H

/* zlib, for inflating the parts of office and e-book archives (ZipPackage) and their checksums. */
#include <zlib.h>

/* inflateInit2 is a macro Swift cannot call; raw deflate data (no zlib header), as ZIP stores it. */
static inline int gloss_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
