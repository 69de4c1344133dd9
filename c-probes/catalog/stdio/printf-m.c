/*
 * %m prints strerror(errno) without an argument. It is a GNU extension of
 * printf (syslog() has it in POSIX). Does musl's printf know it?
 */
#include <stdio.h>
#include <errno.h>

int main(void) {
    errno = ENOENT;
    printf("with %%m: [%m]\n");
    return 0;
}
