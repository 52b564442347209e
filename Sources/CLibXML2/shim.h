#ifndef GLOSS_CLIBXML2_SHIM_H
#define GLOSS_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, but its headers would then pull in ICU's, which clash with the ICU
   module Foundation brings. Nothing here uses the ICU converter fields, which sit behind pointers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

/* The line the parser has reached: the context's fields are read here, not from Swift. */
static inline int gloss_xml_line(xmlParserCtxtPtr context) {
    return (context != NULL && context->input != NULL) ? context->input->line : 0;
}

#endif
