/*
 * Looks up a name that only /etc/hosts knows. The query log shows whether DNS
 * was asked at all; glibc reads the order of sources from nsswitch.conf, musl
 * always reads /etc/hosts first and never reads nsswitch.conf.
 */
#include "lookup.h"

int main(void) {
    double start = now_ms();
    int rc = lookup("only-in-hosts.lab.test", AF_INET, 0);
    printf("elapsed_ms=%.1f\n", now_ms() - start);
    return rc ? 1 : 0;
}
