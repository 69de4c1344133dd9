/*
 * pthread_mutex_clocklock (glibc 2.30, POSIX 2024) waits for a mutex with a
 * deadline on a chosen clock, e.g. CLOCK_MONOTONIC, so that changing the
 * wall clock does not shorten or stretch the wait. Built with
 * -Werror=implicit-function-declaration (gcc 14's default).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&m);                       /* held: the wait must time out */
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_nsec += 10 * 1000 * 1000;          /* 10 ms */
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec++; deadline.tv_nsec -= 1000000000; }
    int err = pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &deadline);
    printf("pthread_mutex_clocklock: %s\n", err ? strerror(err) : "locked");
    return 0;
}
