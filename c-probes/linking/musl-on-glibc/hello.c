/* hello world again, built against musl and carried to glibc systems. */
#include <stdio.h>

int main(void) {
    puts("hello from the C library");
    return 0;
}
