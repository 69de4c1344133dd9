/*
 * O_RDWR is defined in <fcntl.h>. On glibc, <sys/file.h> (for flock)
 * includes <fcntl.h>, so code that includes only <sys/file.h> gets O_RDWR
 * and open() by accident. musl's <sys/file.h> declares flock and its
 * LOCK_* constants and nothing more: the build stops at O_RDWR.
 * The fix is to include <fcntl.h> for open() and O_*.
 */
#include <sys/file.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int fd = open("/tmp/lockfile", O_RDWR | O_CREAT, 0600);
    if (fd < 0) { perror("open"); return 1; }
    printf("flock: %d\n", flock(fd, LOCK_EX));
    close(fd);
    return 0;
}
