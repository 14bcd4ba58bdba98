// The setting is an inline function of the header: this file only gives
// the package's C target the source file it must have.
#include "MallocSettings.h"
