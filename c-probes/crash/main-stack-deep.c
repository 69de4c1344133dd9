/*
 * How deep can the MAIN thread recurse? The kernel grows the main thread's
 * stack on demand up to the stack limit (ulimit -s), whichever C library
 * is in use. This recursion uses about N KiB of stack (argument 1) on the
 * main thread; new threads (see the thread-stack lesson) are another story.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int depth(int kib) {
    volatile char frame[1024];          /* one KiB per call */
    memset((char *)frame, kib & 0xff, sizeof frame);
    return kib <= 1 ? frame[0] : depth(kib - 1) + frame[1];
}

int main(int argc, char **argv) {
    int kib = argc > 1 ? atoi(argv[1]) : 4096;
    printf("recursing through about %d KiB on the main thread\n", kib);
    fflush(stdout);
    int r = depth(kib);
    printf("done (%d)\n", r & 1);
    return 0;
}
