/* memtype.h from version 27: the constructor gained a fifth argument, "shared",
 * under the same name. Models wasmtime_memorytype_new() in Wasmtime 27. */
#ifndef MEMTYPE_H
#define MEMTYPE_H
#include <stdbool.h>
#include <stdint.h>

#define MEMTYPE_HEADER_VERSION 27

typedef struct memtype memtype;

memtype *memtype_new(uint64_t min, bool max_present, uint64_t max, bool is_64, bool shared);

/* The version of the library actually loaded, for a start-up check. */
int memtype_version(void);
#endif
