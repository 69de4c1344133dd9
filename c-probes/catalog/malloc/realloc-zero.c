/*
 * realloc(p, 0): C17 made it implementation-defined and C23 undefined.
 * Does it free p and return NULL, or return a new minimal block?
 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    void *p = malloc(16);
    void *q = realloc(p, 0);
    printf("realloc(p, 0) returned %s\n", q ? "a non-null pointer" : "NULL");
    free(q);                          /* correct in both cases */
    void *z = malloc(0);
    printf("malloc(0) returned %s\n", z ? "a non-null pointer" : "NULL");
    free(z);
    return 0;
}
