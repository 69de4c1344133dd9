/*
 * glibc's allocator has a tuning and statistics API in <malloc.h>:
 * mallopt, malloc_trim, mallinfo2. Code that calls them only builds where
 * they exist. Built with -Werror=implicit-function-declaration (gcc 14's
 * default), so a missing declaration is an error, not a warning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>

int main(void) {
    mallopt(M_ARENA_MAX, 2);          /* fewer per-thread arenas */
    void *p = malloc(1 << 20);
    free(p);
    int released = malloc_trim(0);    /* give free memory back to the kernel */
    struct mallinfo2 mi = mallinfo2();
    printf("malloc_trim released=%d, arena bytes=%zu\n", released, mi.arena);
    return 0;
}
