/*
 * The "LFS64" names from the days of 32-bit file offsets: struct stat64,
 * stat64(), off64_t, lseek64(). glibc declares them under _GNU_SOURCE (or
 * _LARGEFILE64_SOURCE). musl's off_t has always been 64 bits; it kept these
 * names only as macros for the standard ones, and since musl 1.2.4 it
 * defines them only under _LARGEFILE64_SOURCE, not under _GNU_SOURCE. The
 * variants set the feature macro.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

int main(void) {
    struct stat64 st;
    if (stat64("/", &st) != 0) { perror("stat64"); return 1; }
    off64_t end = lseek64(0, 0, SEEK_CUR);
    printf("stat64(\"/\") ok, sizeof(off64_t)=%zu, lseek64 on stdin=%lld\n", sizeof(off64_t), (long long)end);
    return 0;
}
