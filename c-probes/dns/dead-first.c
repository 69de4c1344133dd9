/*
 * One lookup, with two nameservers in resolv.conf: the first never answers.
 * How long it takes shows whether the library waits for the first server to
 * time out (timeout:1 in this scenario) before asking the second, or asks
 * both at once.
 */
#include "lookup.h"

int main(void) {
    double start = now_ms();
    int rc = lookup("app.lab.test", AF_INET, 0);
    printf("elapsed_ms=%.1f\n", now_ms() - start);
    return rc ? 1 : 0;
}
