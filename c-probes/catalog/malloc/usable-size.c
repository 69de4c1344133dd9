/*
 * malloc_usable_size: how many bytes a block really has. Programs must not
 * rely on the slack, but some do (and some allocator-aware code prints it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>

int main(void) {
    size_t sizes[] = { 0, 1, 24, 25, 100, 1000, 5000 };
    for (int i = 0; i < 7; i++) {
        void *p = malloc(sizes[i]);
        printf("malloc(%zu) usable=%zu\n", sizes[i], malloc_usable_size(p));
        free(p);
    }
    return 0;
}
