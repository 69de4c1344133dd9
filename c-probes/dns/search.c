/*
 * Looks up a name with two dots, "api.example.test", under a Kubernetes-style
 * resolv.conf: three search domains and ndots:5. A name with fewer than 5 dots
 * is tried with each search domain appended before it is tried as written, so
 * the log shows every query the library made before the answer (or the error).
 */
#include "lookup.h"

int main(int argc, char **argv) {
    const char *name = argc > 1 ? argv[1] : "api.example.test";
    double start = now_ms();
    int rc = lookup(name, AF_INET, 0);
    printf("elapsed_ms=%.1f\n", now_ms() - start);
    return rc ? 1 : 0;
}
