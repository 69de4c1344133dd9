/* Fix 3: the same old caller, linked against a version 22 library that
 * versioned its symbols from the start (memtype-22.map), so the program
 * records which version of memtype_new it wants: memtype_new@MEMTYPE_22. */
#include "old-caller.c"
