/*
 * strerror_r has two incompatible signatures. POSIX (XSI): it returns an int
 * and fills the buffer. GNU: it returns a char * that may or may not point
 * into the buffer. glibc gives you the GNU one when _GNU_SOURCE is defined;
 * musl only has the POSIX one. This code uses the GNU signature, as much
 * Linux software does. It is built with -Werror=int-conversion, which gcc 14
 * makes the default.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void) {
    char buf[64];
    char *msg = strerror_r(EACCES, buf, sizeof buf);   /* GNU style */
    printf("message=%s\n", msg);
    return 0;
}
