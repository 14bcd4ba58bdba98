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

// xmlFree is a global function pointer, which Swift cannot call directly.
static inline void kiosque_xmlFree(void *p) { xmlFree(p); }

#endif
