#ifndef ATOM_AUDIT_CCMARK_SHIM_H
#define ATOM_AUDIT_CCMARK_SHIM_H
#include <cmark.h>
#endif
