// Only the reentrant GEOS API: the global one has a variadic message handler unusable from Swift.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
