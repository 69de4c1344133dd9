/*
 * backtrace() from <execinfo.h> prints the call stack: a glibc extension
 * that crash handlers often use. Where the header does not exist, the build
 * stops here.
 */
#include <stdio.h>
#include <execinfo.h>

int main(void) {
    void *frames[16];
    int n = backtrace(frames, 16);
    printf("backtrace captured %d frames\n", n > 0 ? n : 0);
    return 0;
}
