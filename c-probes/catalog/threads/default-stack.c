/*
 * The stack size of a thread created with default attributes (see the
 * Threads lesson for the whole story). The main thread's stack limit is
 * the usual 8 MiB in this run.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static void *report(void *unused) {
    pthread_attr_t a;
    size_t size = 0;
    (void)unused;
    pthread_getattr_np(pthread_self(), &a);
    pthread_attr_getstacksize(&a, &size);
    printf("thread_stack_kib=%zu\n", size / 1024);
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, report, NULL);
    pthread_join(t, NULL);
    return 0;
}
