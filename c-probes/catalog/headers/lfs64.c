/*
 * The "LFS64" names: stat64, struct stat64 and off64_t, from the days when
 * 32-bit programs needed separate 64-bit file interfaces. On 64-bit Linux
 * they are the same as stat and off_t, and much older code still spells
 * them out. Which feature macro (if any) makes a C library declare them is
 * what this probe asks; the variants add -D_GNU_SOURCE or
 * -D_LARGEFILE64_SOURCE. Implicit declarations are errors, as in C99 and gcc 14.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

int main(void) {
    struct stat64 st;
    off64_t size;
    if (stat64("/", &st) != 0) {
        perror("stat64");
        return 1;
    }
    size = st.st_size;
    printf("stat64(\"/\") ok, sizeof(off64_t)=%zu, directory=%s\n", sizeof size, S_ISDIR(st.st_mode) ? "yes" : "no");
    return 0;
}
