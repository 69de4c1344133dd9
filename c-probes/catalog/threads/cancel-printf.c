/*
 * Thread cancellation acts at "cancellation points". POSIX lets stdio
 * functions like printf be cancellation points, but does not require it.
 * A thread is cancelled while it prints: is the cancel acted on inside printf
 * (which writes to a pipe), or only at the next required cancellation point?
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int lines;

static void *chatter(void *unused) {
    (void)unused;
    for (;;) {
        /* stderr is unbuffered: each fprintf is a write(2). */
        fprintf(stderr, ".");
        lines++;
        if (lines == 1000) {
            /* After the cancel request, spin without any required cancellation point */
            for (volatile long i = 0; i < 300000000; i++) ;
        }
    }
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, chatter, NULL);
    while (lines < 1000) usleep(100);
    pthread_cancel(t);
    pthread_join(t, NULL);
    printf("\ncancelled after %s\n", lines == 1000 ? "the spin, inside fprintf" : "more lines");
    return 0;
}
