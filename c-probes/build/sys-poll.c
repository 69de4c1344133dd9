/*
 * Old code includes <sys/poll.h>, <sys/errno.h>, <sys/signal.h>,
 * <sys/fcntl.h> or <wait.h>: glibc ships these as aliases. musl ships them
 * too, but each one says "#warning redirecting incorrect #include" first.
 * Under -Werror (common in CI builds) that warning ends the build. The
 * variants pick the header with -DHEADER=...; the fix is the standard name
 * (<poll.h>, <errno.h>, <signal.h>, <fcntl.h>, <sys/wait.h>).
 */
#include HEADER
#include <stdio.h>

int main(void) {
    puts("included " HEADER_NAME);
    return 0;
}
