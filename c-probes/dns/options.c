/*
 * Four lookups of one name (IPv4 only). The scenario's resolv.conf carries one
 * option; the query log shows whether the library acted on it: which server
 * each query went to, over UDP or TCP, with or without EDNS.
 */
#include "lookup.h"

int main(void) {
    int failures = 0;
    for (int i = 0; i < 4; i++) failures += lookup("app.lab.test", AF_INET, i > 0) != 0;
    printf("lookups=4\nfailures=%d\n", failures);
    return failures ? 1 : 0;
}
