/*
 * With optimisation and _FORTIFY_SOURCE, glibc's headers turn printf into
 * __printf_chk, a checking variant that only glibc exports. The binary then
 * needs that symbol from whatever C library loads it.
 */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("%s was started with %d argument(s)\n", argv[0], argc - 1);
    return 0;
}
