/* The traced program: one line through stdio. */
#include <stdio.h>

int main(void) {
    puts("hello from the C library");
    return 0;
}
