/*
 * error() from <error.h>: prints "program: message: strerror(errnum)" and
 * optionally exits. GNU coreutils-style code uses it everywhere.
 */
#include <stdio.h>
#include <errno.h>
#include <error.h>

int main(void) {
    error(0, ENOENT, "cannot open %s", "config.ini");
    printf("error() returned\n");
    return 0;
}
