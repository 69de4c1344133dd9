/*
 * Looks up a name with 60 IPv4 addresses: about 1 KiB of answer, twice what
 * a plain UDP answer may carry. The server sends what fits with the TC bit
 * set; a resolver that retries over TCP gets all 60.
 */
#include "lookup.h"

int main(void) {
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    double start = now_ms();
    int rc = getaddrinfo("big.lab.test", NULL, &hints, &res);
    double took = now_ms() - start;
    int n = 0;
    for (struct addrinfo *p = res; p; p = p->ai_next) n++;
    printf("big.lab.test: %s \"%s\"\naddresses=%d\nelapsed_ms=%.1f\n", eai_name(rc), rc ? gai_strerror(rc) : "ok", n, took);
    if (res) freeaddrinfo(res);
    return rc ? 1 : 0;
}
