/*
 * How can code tell which C library it is built against? glibc defines
 * __GLIBC__ (via <features.h>, pulled in by any standard header). musl
 * deliberately defines no macro of its own: its authors want feature tests,
 * not library checks.
 */
#include <stdio.h>

int main(void) {
#ifdef __GLIBC__
    printf("__GLIBC__ defined: %d.%d\n", __GLIBC__, __GLIBC_MINOR__);
#else
    printf("__GLIBC__ not defined\n");
#endif
#ifdef __MUSL__
    printf("__MUSL__ defined\n");
#else
    printf("__MUSL__ not defined\n");
#endif
#ifdef __linux__
    printf("__linux__ defined\n");
#endif
    return 0;
}
