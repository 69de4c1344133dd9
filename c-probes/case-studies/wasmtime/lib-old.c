/* The library up to version 26: four arguments. Built twice, as version 22
 * (what the bindings were written for) and 26 (the "last good" release). */
#include <stdio.h>
#include <stdlib.h>
#include "v22/memtype.h"

struct memtype { uint64_t min, max; bool max_present, is_64; };

memtype *memtype_new(uint64_t min, bool max_present, uint64_t max, bool is_64) {
    memtype *t = malloc(sizeof *t);
    *t = (memtype){ min, max, max_present, is_64 };
    printf("lib %d: memtype_new(min=%llu, max_present=%d, max=%llu, is_64=%d) -> ok\n",
           LIB_VERSION, (unsigned long long)min, max_present, (unsigned long long)max, is_64);
    return t;
}

int memtype_version(void) { return LIB_VERSION; }
