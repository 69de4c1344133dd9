/*
 * getaddrinfo_a() resolves names in the background; it is a GNU extension
 * that lives in glibc's libanl (-lanl). musl has neither the function nor
 * the library, so the GNU-only link flag and the GNU-only function both
 * stop the build. The lookup itself is of "localhost" from /etc/hosts.
 */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    struct gaicb req, *list[1] = { &req };
    memset(&req, 0, sizeof req);
    req.ar_name = "localhost";
    int rc = getaddrinfo_a(GAI_WAIT, list, 1, NULL);
    printf("getaddrinfo_a: %s\n", rc == 0 ? "ok" : gai_strerror(rc));
    return rc != 0;
}
