#ifndef GLOSS_CPOPPLER_SHIM_H
#define GLOSS_CPOPPLER_SHIM_H

/* poppler-glib (GPL-2.0-or-later) for the gloss executable's PDF reader; never linked by GlossCore.
   The functions below keep GLib's types (GBytes, GError, GList) on this side: Swift sees plain C. */
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

/* Why a document could not be opened: 1 encrypted (a password is needed), 2 damaged or not a PDF. */
typedef struct {
    int code;
    char message[200];
} gloss_pdf_failure;

static inline PopplerDocument *gloss_pdf_open(const char *bytes, size_t length, gloss_pdf_failure *failure) {
    GBytes *data = g_bytes_new(bytes, length);
    GError *error = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &error);
    g_bytes_unref(data);
    if (document == NULL) {
        failure->code = (error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED) ? 1 : 2;
        strncpy(failure->message, error != NULL && error->message != NULL ? error->message : "", sizeof failure->message - 1);
        failure->message[sizeof failure->message - 1] = 0;
        if (error != NULL) g_error_free(error);
    }
    return document;
}

static inline void gloss_pdf_close(PopplerDocument *document) {
    g_object_unref(document);
}

/* A string poppler returned, copied by the caller, then freed here (NULL stays NULL). */
static inline void gloss_pdf_free(void *pointer) {
    g_free(pointer);
}

/* A page's glyphs: the text in poppler's order (UTF-8), one box per character of it, and runs of
   characters sharing a font (size, and flags: 1 bold, 2 italic, 4 monospace, from the font's name). */
typedef struct {
    int start;
    int end;
    double size;
    int flags;
} gloss_pdf_run;

typedef struct {
    char *text;
    PopplerRectangle *boxes;
    unsigned box_count;
    gloss_pdf_run *runs;
    unsigned run_count;
    double width;
    double height;
} gloss_pdf_page;

static inline int gloss_pdf_font_flags(const char *name) {
    if (name == NULL) return 0;
    char lower[128];
    size_t i = 0;
    for (; name[i] != 0 && i < sizeof lower - 1; i++) lower[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
    lower[i] = 0;
    int flags = 0;
    if (strstr(lower, "bold") || strstr(lower, "black") || strstr(lower, "heavy") || strstr(lower, "semibold") || strstr(lower, "demi")) flags |= 1;
    if (strstr(lower, "italic") || strstr(lower, "oblique")) flags |= 2;
    if (strstr(lower, "mono") || strstr(lower, "courier") || strstr(lower, "consol") || strstr(lower, "code")) flags |= 4;
    return flags;
}

/* Reads page `index`; returns 0 when the page cannot be had. Free with gloss_pdf_page_free. */
static inline int gloss_pdf_page_read(PopplerDocument *document, int index, gloss_pdf_page *out) {
    memset(out, 0, sizeof *out);
    PopplerPage *page = poppler_document_get_page(document, index);
    if (page == NULL) return 0;
    poppler_page_get_size(page, &out->width, &out->height);
    out->text = poppler_page_get_text(page);
    if (!poppler_page_get_text_layout(page, &out->boxes, &out->box_count)) {
        out->boxes = NULL;
        out->box_count = 0;
    }
    GList *attributes = poppler_page_get_text_attributes(page);
    unsigned count = g_list_length(attributes);
    out->runs = count > 0 ? (gloss_pdf_run *)calloc(count, sizeof(gloss_pdf_run)) : NULL;
    unsigned filled = 0;
    for (GList *item = attributes; item != NULL && out->runs != NULL; item = item->next) {
        PopplerTextAttributes *attribute = (PopplerTextAttributes *)item->data;
        out->runs[filled].start = attribute->start_index;
        out->runs[filled].end = attribute->end_index;
        out->runs[filled].size = attribute->font_size;
        out->runs[filled].flags = gloss_pdf_font_flags(attribute->font_name);
        filled++;
    }
    out->run_count = filled;
    poppler_page_free_text_attributes(attributes);
    g_object_unref(page);
    return 1;
}

static inline void gloss_pdf_page_free(gloss_pdf_page *page) {
    g_free(page->text);
    g_free(page->boxes);
    free(page->runs);
    memset(page, 0, sizeof *page);
}

/* The document information dictionary's fields (NULL when absent; free with gloss_pdf_free). */
static inline char *gloss_pdf_title(PopplerDocument *document) { return poppler_document_get_title(document); }
static inline char *gloss_pdf_author(PopplerDocument *document) { return poppler_document_get_author(document); }
static inline char *gloss_pdf_subject(PopplerDocument *document) { return poppler_document_get_subject(document); }
/* Dates as seconds since 1970, -1 when absent. */
static inline long long gloss_pdf_created(PopplerDocument *document) { return (long long)poppler_document_get_creation_date(document); }
static inline long long gloss_pdf_modified(PopplerDocument *document) { return (long long)poppler_document_get_modification_date(document); }

#endif
