/* Fix 4: version 27 with a new name for the new signature. memtype_new keeps
 * its four arguments and meaning; the five-argument constructor is
 * memtype_new2. Old programs cannot call the new function by mistake. */
#define memtype_new memtype_new2
#include "lib-v27.c"
#undef memtype_new

memtype *memtype_new(uint64_t min, bool max_present, uint64_t max, bool is_64) {
    printf("lib 27: memtype_new called, the four-argument function kept under its old name\n");
    return memtype_new2(min, max_present, max, is_64, false);
}
