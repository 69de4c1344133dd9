/*
 * Prints one line. The interesting part is not this program but what a
 * shell says when the kernel cannot start it: its ELF interpreter (the
 * loader named inside the file) is missing. The variants start a musl build
 * where there is no musl loader, and a glibc build where there is no glibc
 * loader, through the shells those systems have.
 */
#include <stdio.h>

int main(void) {
    puts("started");
    return 0;
}
