/* Fix 3: version 27 with symbol versions. The new constructor becomes the
 * default memtype_new@@MEMTYPE_27; programs linked against version 22 asked
 * for memtype_new@MEMTYPE_22 and get a four-argument compatibility function. */
#define memtype_new memtype_new_27
#include "lib-v27.c"
#undef memtype_new

memtype *memtype_new_22(uint64_t min, bool max_present, uint64_t max, bool is_64) {
    printf("lib 27: memtype_new@MEMTYPE_22 called, the four-argument compatibility version\n");
    return memtype_new_27(min, max_present, max, is_64, false);
}

__asm__(".symver memtype_new_22, memtype_new@MEMTYPE_22");
__asm__(".symver memtype_new_27, memtype_new@@MEMTYPE_27");
