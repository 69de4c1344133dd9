/*
 * %m prints strerror(errno) without an argument. It is a GNU extension of
 * printf (syslog() has it in POSIX). Does musl's printf know it? Each
 * argument is an errno value to print with %m (default: ENOENT); the texts
 * are each library's strerror() texts, which differ for some codes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        errno = ENOENT;
        printf("with %%m: [%m]\n");
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        errno = atoi(argv[i]);
        printf("errno %s: [%m]\n", argv[i]);
    }
    return 0;
}
