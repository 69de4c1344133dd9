/* memtype.h as the old bindings knew it: the constructor takes four arguments.
 * Models wasmtime_memorytype_new() up to Wasmtime 26 (wasmtime/memory.h). */
#ifndef MEMTYPE_H
#define MEMTYPE_H
#include <stdbool.h>
#include <stdint.h>

#define MEMTYPE_HEADER_VERSION 22

typedef struct memtype memtype;

memtype *memtype_new(uint64_t min, bool max_present, uint64_t max, bool is_64);

/* The version of the library actually loaded, for a start-up check. */
int memtype_version(void);
#endif
