/* Fix 2: the old caller, plus a check at start-up. The header says which
 * version the program was compiled for, the library says which version was
 * loaded; a mismatch stops the program before its first real call. */
#include "v22/memtype.h"
#include "last-call.h"

int main(int argc, char **argv) {
    int loaded = memtype_version();
    if (loaded != MEMTYPE_HEADER_VERSION) {
        fprintf(stderr, "checked-caller: compiled against libmemtype %d but loaded libmemtype %d; "
                        "refusing to start. Load version %d, or rebuild against the %d header.\n",
                MEMTYPE_HEADER_VERSION, loaded, MEMTYPE_HEADER_VERSION, loaded);
        return 2;
    }
    uint64_t min = last_libc_call(argc > 1 ? argv[1] : "printf");
    memtype *t = memtype_new(min, false, 0, false);
    printf("caller: versions match (%d); memtype_new returned %s\n", loaded, t ? "a memory type" : "NULL");
    return 0;
}
