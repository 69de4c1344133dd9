/*
 * One lookup per kind of failure, each printed with its EAI_* name, number
 * and gai_strerror() text: what a program (and its log) gets to see.
 */
#include "lookup.h"

int main(void) {
    const char *names[] = {"nxdomain.lab.test", "nodata.lab.test", "servfail.lab.test", "refused.lab.test", "drop.lab.test"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
        double start = now_ms();
        lookup(names[i], AF_INET, 0);
        printf("  took %.0f ms\n", now_ms() - start);
    }
    return 0;
}
