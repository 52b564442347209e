#ifndef GLOSS_CPCRE2_SHIM_H
#define GLOSS_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_ZERO_TERMINATED and PCRE2_UNSET are macros of casts that Swift does not import. */
static inline size_t gloss_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
static inline size_t gloss_pcre2_unset(void) { return PCRE2_UNSET; }

#endif
