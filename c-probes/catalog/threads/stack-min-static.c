/*
 * PTHREAD_STACK_MIN used where C needs a constant: the size of a static
 * array. Since glibc 2.34, under _GNU_SOURCE or _DYNAMIC_STACK_SIZE_SOURCE,
 * glibc defines PTHREAD_STACK_MIN as a sysconf() call (the minimum depends
 * on the CPU's signal frame size), so this no longer compiles there.
 * Without those macros it is still the constant. musl's is always a constant.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>

static char stack[PTHREAD_STACK_MIN];   /* needs a compile-time constant */

int main(void) {
    printf("static stack of %zu bytes\n", sizeof stack);
    return 0;
}
