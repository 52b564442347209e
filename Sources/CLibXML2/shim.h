#ifndef GLOSS_CLIBXML2_SHIM_H
#define GLOSS_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, but its headers would then pull in ICU's, which clash with the ICU
   module Foundation brings. Nothing here uses the ICU converter fields, which sit behind pointers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

/* The line the parser has reached: the context's fields are read here, not from Swift. */
static inline int gloss_xml_line(xmlParserCtxtPtr context) {
    return (context != NULL && context->input != NULL) ? context->input->line : 0;
}

/* The first error a streaming read of an XML part met (warnings are not kept). */
typedef struct {
    int code;
    int line;
    char message[200];
} gloss_xml_error;

static inline void gloss_xml_keep_error(void *data, xmlErrorPtr error) {
    gloss_xml_error *kept = (gloss_xml_error *)data;
    if (kept == NULL || error == NULL || kept->code != 0 || error->level < XML_ERR_ERROR) return;
    kept->code = error->code;
    kept->line = error->line;
    snprintf(kept->message, sizeof kept->message, "%s", error->message != NULL ? error->message : "malformed XML");
}

/* Nothing from outside a document is ever loaded: no DTDs, no external entities, no network. */
static inline xmlParserInputPtr gloss_xml_refuse_external(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/* Once per process, before any parse on any thread. */
static inline void gloss_xml_initialize(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(gloss_xml_refuse_external);
}

/* A reader over bytes that stay alive and unmoved while it reads. Options: no network, no entity
   substitution (XML_PARSE_NOENT is left out), no DTD loading or validation, CDATA as text; the
   parser's own limits (nesting depth 256, entity amplification) stay on (no XML_PARSE_HUGE). */
static inline xmlTextReaderPtr gloss_xml_reader(const char *bytes, int size, gloss_xml_error *kept) {
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (reader != NULL) xmlTextReaderSetStructuredErrorHandler(reader, gloss_xml_keep_error, kept);
    return reader;
}

#endif
