#ifndef KIOSQUE_CLIBXML2_SHIM_H
#define KIOSQUE_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU, whose types clash with the ICU
// that Foundation ships; kiosque never needs libxml2's ICU entry points.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <stdlib.h>
#include <string.h>

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void kiosque_xmlFree(void *p) { xmlFree(p); }

// ---------------------------------------------------------------------------
// Error capture. The C side keeps only what kiosque reports (the first fatal
// error, else the first error) so that Swift never has to name libxml2's
// callback types, whose constness changed between libxml2 2.9 and 2.12.

typedef struct kiosque_xml_errors {
    int count;        // errors and fatal errors seen (warnings are ignored)
    int code;         // xmlParserErrors code of the kept error
    int level;        // xmlErrorLevel of the kept error
    int line;         // its line, in the document itself when known
    char *message;    // libxml2's English message, for the fallback reason
    char *str1;
    char *str2;
    int line_is_nested; // the kept line came from inside an entity's text
} kiosque_xml_errors;

static inline char *kiosque_strdup_or_null(const char *s) {
    return s == NULL ? NULL : strdup(s);
}

static inline void kiosque_xml_errors_clear(kiosque_xml_errors *sink) {
    free(sink->message);
    free(sink->str1);
    free(sink->str2);
    memset(sink, 0, sizeof *sink);
}

static inline void kiosque_xml_errors_record(void *user, xmlErrorPtr error) {
    kiosque_xml_errors *sink = (kiosque_xml_errors *)user;
    if (sink == NULL || error == NULL || error->level < XML_ERR_ERROR) return;
    // An entity's replacement text is parsed in a nested context whose line
    // numbers start again at 1; only the outer context knows the real line.
    xmlParserCtxtPtr context = (xmlParserCtxtPtr)error->ctxt;
    int nested = context != NULL && context->depth > 0;
    sink->count += 1;
    int replace = sink->count == 1
        || (error->level == XML_ERR_FATAL && sink->level != XML_ERR_FATAL);
    if (replace) {
        free(sink->message);
        free(sink->str1);
        free(sink->str2);
        sink->code = error->code;
        sink->level = error->level;
        sink->line = error->line;
        sink->message = kiosque_strdup_or_null(error->message);
        sink->str1 = kiosque_strdup_or_null(error->str1);
        sink->str2 = kiosque_strdup_or_null(error->str2);
        sink->line_is_nested = nested;
    } else if (sink->line_is_nested && !nested) {
        sink->line = error->line;
        sink->line_is_nested = 0;
    }
}

static inline void kiosque_reader_capture_errors(xmlTextReaderPtr reader, kiosque_xml_errors *sink) {
    xmlTextReaderSetStructuredErrorHandler(reader, (xmlStructuredErrorFunc)kiosque_xml_errors_record, sink);
}

// ---------------------------------------------------------------------------
// Silence. libxml2 prints to stderr through per-thread handlers unless told
// otherwise; kiosque reports errors itself, so every thread that parses
// installs no-op handlers first.

static inline void kiosque_ignore_generic_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}

static inline void kiosque_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

static inline void kiosque_silence_libxml2(void) {
    xmlSetGenericErrorFunc(NULL, kiosque_ignore_generic_error);
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)kiosque_ignore_structured_error);
}

// ---------------------------------------------------------------------------
// External entities and DTDs are never loaded, whatever the options say: the
// loader is process-wide and kiosque has no use for any external resource.

static inline xmlParserInputPtr kiosque_refuse_external_entity(const char *url, const char *id,
                                                               xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

static inline void kiosque_refuse_external_entities(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(kiosque_refuse_external_entity);
}

// ---------------------------------------------------------------------------
// Entity declarations of the internal subset, walked without the hash table.

static inline xmlEntityPtr kiosque_entity_from_node(xmlNodePtr node) {
    return (node != NULL && node->type == XML_ENTITY_DECL) ? (xmlEntityPtr)node : NULL;
}

#endif
