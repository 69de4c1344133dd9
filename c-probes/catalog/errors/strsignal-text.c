/*
 * strsignal: the description of a signal number, as shells print when a
 * child dies. Standard signals, a real-time one, and a number that is no
 * signal at all.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <signal.h>

int main(void) {
    int sigs[] = { SIGSEGV, SIGABRT, SIGUSR1, SIGRTMIN, SIGRTMIN + 1, 99 };
    for (int i = 0; i < 6; i++)
        printf("%2d %s\n", sigs[i], strsignal(sigs[i]));
    return 0;
}
