/* The smallest probe: print a line and exit successfully. */
#include <stdio.h>

int main(void) {
    puts("hello from the C library");
    return 0;
}
