/*
 * What does pthread_getattr_np() say about the MAIN thread's stack? Garbage
 * collectors, language runtimes (JVM, Ruby, Rust's std) and stack-overflow
 * detectors call it to learn how deep the main thread may go. glibc answers
 * with the stack limit (ulimit -s). musl finds how much of the stack is
 * mapped right now, which is far less: a runtime that trusts that number
 * sets its own limit (or guard) much too low. The program also prints
 * the limit it runs under.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    struct rlimit rl;
    getrlimit(RLIMIT_STACK, &rl);
    if (pthread_getattr_np(pthread_self(), &attr) != 0) { puts("pthread_getattr_np failed"); return 1; }
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    printf("rlimit_kib=%lld\n", rl.rlim_cur == RLIM_INFINITY ? -1LL : (long long)(rl.rlim_cur / 1024));
    printf("main_stack_kib=%zu\n", size / 1024);
    return 0;
}
