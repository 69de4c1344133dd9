/*
 * Two nameservers in resolv.conf that disagree. The first knows the name but
 * answers after 200 ms; the second answers NXDOMAIN at once. glibc asks the
 * first nameserver and waits for it (it moves on only after a timeout or a
 * failure). musl asks every nameserver at the same time and takes the first
 * answer that is not a server failure: here the fast NXDOMAIN wins, and the
 * name "does not exist".
 */
#include "lookup.h"

int main(void) {
    double start = now_ms();
    int rc = lookup("app.lab.test", AF_INET, 0);
    printf("elapsed_ms=%.1f\n", now_ms() - start);
    return rc ? 1 : 0;
}
