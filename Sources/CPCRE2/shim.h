// PCRE2 is built for several code-unit widths; leaktriage reads bytes, so it
// uses the 8-bit library. The width must be fixed before pcre2.h is included.
#ifndef LEAKTRIAGE_CPCRE2_SHIM_H
#define LEAKTRIAGE_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
