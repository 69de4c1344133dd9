/* The library from version 27: a fifth argument, "shared". Like Wasmtime's
 * MemoryTypeBuilder::build().unwrap(), it aborts when a shared memory has no
 * maximum. It also shows the raw register the fifth argument arrives in. */
#include <stdio.h>
#include <stdlib.h>
#include "v27/memtype.h"

struct memtype { uint64_t min, max; bool max_present, is_64, shared; };

memtype *memtype_new(uint64_t min, bool max_present, uint64_t max, bool is_64, bool shared) {
    /* x86-64 SysV passes the fifth integer argument in %r8. Read it before
     * anything else can reuse the register: a four-argument caller never set it. */
    uint64_t r8;
    __asm__ volatile("mov %%r8, %0" : "=r"(r8));
    printf("lib 27: fifth argument register r8=0x%016llx, so shared=%s\n",
           (unsigned long long)r8, shared ? "true" : "false");
    /* The x86-64 ABI gives a bool argument meaning in its lowest byte (%r8b) only. */
    printf("r8_low_byte=%u\n", (unsigned)(r8 & 0xff));
    fflush(stdout);
    if (shared && !max_present) {
        fprintf(stderr, "panicked: called `Result::unwrap()` on an `Err` value: "
                        "shared memories must have a maximum size\n");
        abort(); /* a Rust panic cannot unwind out of an extern "C" function */
    }
    memtype *t = malloc(sizeof *t);
    *t = (memtype){ min, max, max_present, is_64, shared };
    printf("lib 27: memtype_new(min=%llu, max_present=%d, max=%llu, is_64=%d, shared=%d) -> ok\n",
           (unsigned long long)min, max_present, (unsigned long long)max, is_64, shared);
    return t;
}

int memtype_version(void) { return 27; }
