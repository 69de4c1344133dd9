/*
 * A program that walks its own stack with the unwinder from libgcc
 * (_Unwind_Backtrace, the machinery C++ exceptions use).
 * Linked against libgcc_s, it needs libgcc_s.so.1 at run time, as C++ programs
 * built on Alpine do. Alpine's base image does not have that file (it comes
 * with the "libgcc" package), and neither does this lab's musl run image:
 * the loader stops before main. The fix is "apk add libgcc" in the image,
 * or linking with -static-libgcc. (This lab builds musl programs with
 * Debian's musl-gcc, whose libgcc_s is built for glibc: see build.sh.)
 */
#include <stdio.h>
#include <unwind.h>

static _Unwind_Reason_Code count_frame(struct _Unwind_Context *ctx, void *arg) {
    (void)ctx;
    ++*(int *)arg;
    return _URC_NO_REASON;
}

int main(void) {
    int frames = 0;
    _Unwind_Backtrace(count_frame, &frames);
    printf("unwound %d frames\n", frames);
    return 0;
}
