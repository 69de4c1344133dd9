/*
 * A glibc build with _FILE_OFFSET_BITS=64 (the flag most build systems add
 * for large files). Since glibc 2.28 that flag turns every fcntl() call into
 * a call to fcntl64, a name only glibc exports. Started by musl's loader
 * (what gcompat-less Alpine does with a glibc binary), the program stops
 * before main: musl has fcntl, but no fcntl64.
 */
#include <fcntl.h>
#include <stdio.h>

int main(void) {
    int flags = fcntl(1, F_GETFL);   /* compiled as fcntl64(1, F_GETFL) */
    printf("fcntl(1, F_GETFL) = %d\n", flags);
    return flags < 0;
}
