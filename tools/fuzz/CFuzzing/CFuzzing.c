// The declaration in include/CFuzzing.h is all this module holds; SwiftPM needs one source file.
#include "CFuzzing.h"
