/*
 * How big is a new thread's stack when the program does not say?
 *
 * The thread asks its C library about itself with pthread_getattr_np (a GNU
 * extension that musl also provides) and prints the size of its own stack and
 * guard area. The main thread prints the stack limit it was started with
 * (ulimit -s), since glibc derives its default from it.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>

static void *report(void *unused) {
    pthread_attr_t attr;
    size_t stack = 0, guard = 0;
    (void)unused;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstacksize(&attr, &stack);
    pthread_attr_getguardsize(&attr, &guard);
    pthread_attr_destroy(&attr);
    printf("thread_stack_kib=%zu\n", stack / 1024);
    printf("guard_kib=%zu\n", guard / 1024);
    return NULL;
}

int main(void) {
    struct rlimit rl;
    getrlimit(RLIMIT_STACK, &rl);
    if (rl.rlim_cur == RLIM_INFINITY)
        printf("ulimit_s=unlimited\n");
    else
        printf("ulimit_s_kib=%llu\n", (unsigned long long)rl.rlim_cur / 1024);

    pthread_t t;
    if (pthread_create(&t, NULL, report, NULL) != 0) {
        perror("pthread_create");
        return 1;
    }
    pthread_join(t, NULL);
    return 0;
}
