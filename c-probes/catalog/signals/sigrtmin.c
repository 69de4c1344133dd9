/*
 * SIGRTMIN is not a constant: each C library keeps the first real-time
 * signals for itself (thread cancellation, set*id across threads, timers)
 * and starts SIGRTMIN after them. Code that hard-codes "34" for the first
 * free real-time signal, or sends SIGRTMIN+n between programs built
 * against different libraries, disagrees with the other side.
 */
#include <signal.h>
#include <stdio.h>

int main(void) {
    printf("SIGRTMIN=%d SIGRTMAX=%d free=%d\n", SIGRTMIN, SIGRTMAX, SIGRTMAX - SIGRTMIN + 1);
    return 0;
}
