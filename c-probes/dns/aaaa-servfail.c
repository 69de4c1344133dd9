/*
 * An IPv4-and-IPv6 lookup (AF_UNSPEC, what most programs ask for) of a name
 * whose A query succeeds while its AAAA query fails with SERVFAIL. glibc
 * returns the IPv4 address it got; musl sends both queries at once and
 * fails the whole lookup when either answer is an error. The IPv4-only
 * variant shows that the name itself resolves on both.
 */
#include <stdlib.h>
#include "lookup.h"

int main(int argc, char **argv) {
    int family = argc > 1 && strcmp(argv[1], "inet") == 0 ? AF_INET : AF_UNSPEC;
    printf("family: %s\n", family == AF_INET ? "AF_INET" : "AF_UNSPEC");
    return lookup("app.lab.test", family, 0) ? 1 : 0;
}
