/* A caller written against the old header (four arguments), like the .NET
 * bindings last updated for Wasmtime 22. Which libmemtype.so it meets is up
 * to the loader at run time (LD_LIBRARY_PATH in these runs). */
#include "v22/memtype.h"
#include "last-call.h"

int main(int argc, char **argv) {
    uint64_t min = last_libc_call(argc > 1 ? argv[1] : "printf");
    /* Record %r8 (where x86-64 passes a fifth integer argument) right before
     * the call: this program never sets it, it has only four arguments. */
    uint64_t r8;
    __asm__ volatile("mov %%r8, %0" : "=r"(r8));
    memtype *t = memtype_new(min, false, 0, false);
    printf("caller: r8 before the call 0x%016llx; memtype_new returned %s\n",
           (unsigned long long)r8, t ? "a memory type" : "NULL");
    /* Two addresses the libc calls above may have left in r8, to compare. */
    printf("caller: stdout is at %p, the end of the heap (sbrk(0)) at %p\n", (void *)stdout, sbrk(0));
    return 0;
}
