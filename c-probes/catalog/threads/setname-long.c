/*
 * pthread_setname_np names a thread (shown by top, gdb, /proc). Linux allows
 * 15 bytes plus the terminator. What happens with a longer name?
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *names[] = { "worker-1", "a-much-longer-thread-name" };
    for (int i = 0; i < 2; i++) {
        int err = pthread_setname_np(pthread_self(), names[i]);
        char now[32] = "";
        pthread_getname_np(pthread_self(), now, sizeof now);
        printf("set \"%s\": %s; name now \"%s\"\n", names[i], err ? strerror(err) : "ok", now);
    }
    return 0;
}
