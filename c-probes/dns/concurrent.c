/*
 * Eight threads each look up a different name at the same moment, against a
 * nameserver that waits 300 ms before every answer. If the C library let the
 * lookups run side by side, the whole batch takes about 300 ms; if it ran
 * them one at a time, about 8 x 300 = 2400 ms.
 */
#include "lookup.h"
#include <pthread.h>
#include <stdlib.h>

#define THREADS 8

static pthread_barrier_t ready;

static void *worker(void *arg) {
    char name[32];
    snprintf(name, sizeof name, "w%d.lab.test", (int)(long)arg + 1);
    pthread_barrier_wait(&ready); /* all threads start their lookup together */
    return (void *)(long)lookup(name, AF_INET, 1);
}

int main(void) {
    pthread_t t[THREADS];
    pthread_barrier_init(&ready, NULL, THREADS + 1);
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    double start = now_ms();
    pthread_barrier_wait(&ready);
    int failures = 0;
    for (int i = 0; i < THREADS; i++) {
        void *rc;
        pthread_join(t[i], &rc);
        failures += rc != NULL;
    }
    printf("threads=%d\nfailures=%d\nelapsed_ms=%.1f\n", THREADS, failures, now_ms() - start);
    return failures ? 1 : 0;
}
