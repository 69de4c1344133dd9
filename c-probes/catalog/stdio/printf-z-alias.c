/*
 * Old or non-standard length modifiers: %Zu (an ancient glibc spelling of
 * %zu) and %qd (BSD's "quad", i.e. long long). Portable code uses %zu and %lld.
 * printf returns the number of bytes written, or a negative value on error.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void) {
    size_t size = 42;
    long long big = 1234567890123LL;
    int r;

    errno = 0;
    r = printf("Zu=[%Zu]\n", size);
    printf("  returned %d, errno=%s\n", r, r < 0 ? strerror(errno) : "-");
    errno = 0;
    r = printf("qd=[%qd]\n", big);
    printf("  returned %d, errno=%s\n", r, r < 0 ? strerror(errno) : "-");
    r = printf("zu=[%zu] lld=[%lld]\n", size, big);
    return r < 0;
}
