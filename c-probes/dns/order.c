/*
 * One lookup of a name with an IPv4 and an IPv6 address (AF_UNSPEC, as most
 * programs ask), against a nameserver that waits 300 ms per answer. The time
 * shows whether the A and AAAA queries went out together or one after the
 * other; the output shows the order of the addresses returned.
 */
#include "lookup.h"

int main(void) {
    double start = now_ms();
    int rc = lookup("dual.lab.test", AF_UNSPEC, 0);
    printf("elapsed_ms=%.1f\n", now_ms() - start);
    return rc ? 1 : 0;
}
