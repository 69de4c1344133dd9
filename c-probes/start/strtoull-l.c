/*
 * strtoull_l parses a number under an explicit locale. glibc has it (and
 * libstdc++ built for glibc calls it); musl does not. Built on glibc and
 * started by musl's loader, the program stops before main; built on musl,
 * the compiler finds no declaration.
 */
#define _GNU_SOURCE
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    unsigned long long v = strtoull_l("18446744073709551615", NULL, 10, c);
    printf("strtoull_l = %llu\n", v);
    freelocale(c);
    return 0;
}
