/* Fix 1: the caller compiled against the header of the library it loads.
 * The fifth argument is now part of the call, so the register is set. */
#include "v27/memtype.h"
#include "last-call.h"

int main(int argc, char **argv) {
    uint64_t min = last_libc_call(argc > 1 ? argv[1] : "printf");
    memtype *t = memtype_new(min, false, 0, false, false);
    printf("caller: built against memtype.h %d; memtype_new returned %s\n",
           MEMTYPE_HEADER_VERSION, t ? "a memory type" : "NULL");
    return 0;
}
