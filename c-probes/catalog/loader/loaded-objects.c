/*
 * Which shared objects are in a running program? dl_iterate_phdr walks the
 * loader's list: the program itself (empty name), the C library, the dynamic
 * loader, and the kernel's vDSO.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <link.h>

static int show(struct dl_phdr_info *info, size_t size, void *count) {
    (void)size;
    printf("object %d: \"%s\"\n", (*(int *)count)++, info->dlpi_name);
    return 0;
}

int main(void) {
    int count = 0;
    dl_iterate_phdr(show, &count);
    return 0;
}
