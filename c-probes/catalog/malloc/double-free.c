/*
 * Freeing the same block twice is undefined behaviour. Modern allocators
 * detect many cases and stop the program: how, and with what message?
 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *p = malloc(32);
    printf("freeing once\n");
    fflush(stdout);
    free(p);
    printf("freeing twice\n");
    fflush(stdout);
    free(p);
    printf("still running\n");
    return 0;
}
