/*
 * PTHREAD_STACK_MIN is the smallest stack size pthread_attr_setstacksize
 * accepts. Code that asks for "PTHREAD_STACK_MIN plus a little" gets very
 * different stacks on each library.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("PTHREAD_STACK_MIN=%ld\n", (long)PTHREAD_STACK_MIN);
    pthread_attr_t a;
    pthread_attr_init(&a);
    int err = pthread_attr_setstacksize(&a, 4096);
    printf("setstacksize(4096): %s\n", err ? strerror(err) : "accepted");
    return 0;
}
