/*
 * <argp.h> is glibc's command-line parser (used by elfutils, many GNU
 * tools). It is not part of POSIX and not part of musl: on Alpine it comes
 * from a separate package (argp-standalone) that the build must link.
 */
#include <argp.h>
#include <stdio.h>

static struct argp parser = { 0 };

int main(int argc, char **argv) {
    int rc = argp_parse(&parser, argc, argv, 0, 0, 0);
    printf("argp_parse = %d\n", rc);
    return rc;
}
