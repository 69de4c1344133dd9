/* gnu_get_libc_version exists only in glibc: a glibc-only function, used on purpose. */
#include <gnu/libc-version.h>
#include <stdio.h>

int main(void) {
    printf("glibc version: %s\n", gnu_get_libc_version());
    return 0;
}
