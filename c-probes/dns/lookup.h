/*
 * Helpers shared by the DNS probes: a monotonic clock, and one getaddrinfo()
 * call printed the way the lesson reads it (the EAI_* name, gai_strerror's
 * text, then each address in the order the library returned them).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The symbolic name of a getaddrinfo() error, as the headers spell it. */
static const char *eai_name(int rc) {
    switch (rc) {
    case 0: return "0";
    case EAI_NONAME: return "EAI_NONAME";
    case EAI_AGAIN: return "EAI_AGAIN";
    case EAI_FAIL: return "EAI_FAIL";
    case EAI_FAMILY: return "EAI_FAMILY";
    case EAI_SERVICE: return "EAI_SERVICE";
    case EAI_MEMORY: return "EAI_MEMORY";
    case EAI_SYSTEM: return "EAI_SYSTEM";
#ifdef EAI_NODATA
    case EAI_NODATA: return "EAI_NODATA";
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return "EAI_ADDRFAMILY";
#endif
    default: return "other";
    }
}

/* One lookup; prints "name: ..." lines unless quiet. Returns getaddrinfo's code. */
static int lookup(const char *name, int family, int quiet) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM; /* one entry per address, not one per socket type */
    int rc = getaddrinfo(name, NULL, &hints, &res);
    if (quiet) {
        if (res) freeaddrinfo(res);
        return rc;
    }
    if (rc != 0) {
        printf("%s: %s (%d) \"%s\"\n", name, eai_name(rc), rc, gai_strerror(rc));
        return rc;
    }
    int n = 0;
    for (struct addrinfo *p = res; p; p = p->ai_next) n++;
    printf("%s: %d address%s\n", name, n, n == 1 ? "" : "es");
    for (struct addrinfo *p = res; p; p = p->ai_next) {
        char text[INET6_ADDRSTRLEN];
        const void *addr = p->ai_family == AF_INET
                               ? (const void *)&((struct sockaddr_in *)p->ai_addr)->sin_addr
                               : (const void *)&((struct sockaddr_in6 *)p->ai_addr)->sin6_addr;
        inet_ntop(p->ai_family, addr, text, sizeof text);
        printf("  %s %s\n", p->ai_family == AF_INET ? "A   " : "AAAA", text);
    }
    freeaddrinfo(res);
    return rc;
}
