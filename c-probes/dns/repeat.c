/*
 * Looks up the same name six times in a row (IPv4 only, so each lookup is
 * one query if nothing is cached) and prints the first and last answers. The
 * scenario server counts what arrives: six queries means the C library keeps
 * no cache of its own.
 */
#include "lookup.h"

int main(void) {
    double start = now_ms();
    int failures = 0;
    for (int i = 0; i < 6; i++) failures += lookup("app.lab.test", AF_INET, i > 0 && i < 5) != 0;
    printf("lookups=6\nfailures=%d\nelapsed_ms=%.1f\n", failures, now_ms() - start);
    return failures ? 1 : 0;
}
