/*
 * The portable fix: ask for the stack you need.
 *
 *   set-stack-size USE_KIB STACK_KIB
 *
 * Same work as the sweep (USE_KIB of stack in a new thread), but the thread is
 * created with pthread_attr_setstacksize(STACK_KIB), which every POSIX C
 * library honours.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *use_stack(void *arg) {
    size_t bytes = (size_t)arg;
    volatile char buffer[bytes];
    for (size_t i = bytes; i > 0; i -= 4096 < i ? 4096 : i)
        buffer[i - 1] = 1;
    buffer[0] = 1;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: set-stack-size USE_KIB STACK_KIB\n");
        return 2;
    }
    size_t use = strtoul(argv[1], NULL, 10), stack = strtoul(argv[2], NULL, 10);
    setvbuf(stdout, NULL, _IONBF, 0);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    int err = pthread_attr_setstacksize(&attr, stack * 1024);
    if (err != 0) {
        printf("pthread_attr_setstacksize(%zu KiB): %s\n", stack, strerror(err));
        return 1;
    }
    printf("thread stack set to %zu KiB, thread will use %zu KiB\n", stack, use);

    pthread_t t;
    err = pthread_create(&t, &attr, use_stack, (void *)(use * 1024));
    if (err != 0) {
        printf("pthread_create: %s\n", strerror(err));
        return 1;
    }
    pthread_join(t, NULL);
    printf("thread finished\n");
    return 0;
}
