/* The program carried to musl together with its own glibc. */
#include <stdio.h>

int main(void) {
    puts("hello from the C library");
    return 0;
}
