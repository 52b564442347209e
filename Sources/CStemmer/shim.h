#ifndef GLOSS_CSTEMMER_SHIM_H
#define GLOSS_CSTEMMER_SHIM_H

/* Snowball's libstemmer (Debian: libstemmer-dev), which ships no pkg-config file. */
#include <libstemmer.h>

#endif
