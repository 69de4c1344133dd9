/*
 * backtrace() (from <execinfo.h>) is a glibc function. A glibc build that
 * prints its own stack on a crash imports it; musl has neither the header
 * nor the function, so the build fails on musl and the glibc binary stops
 * at start-up under musl's loader.
 */
#include <execinfo.h>
#include <stdio.h>

int main(void) {
    void *frames[16];
    int n = backtrace(frames, 16);
    printf("backtrace found %d frames\n", n);
    return n > 0 ? 0 : 1;
}
