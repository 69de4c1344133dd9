/* The program every fix below is tried on: one line of output through the C library. */
#include <stdio.h>

int main(void) {
    puts("hello from the C library");
    return 0;
}
