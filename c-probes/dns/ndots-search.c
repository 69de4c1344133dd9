/*
 * "db.internal" has one dot, as many as ndots (1, the default), so both
 * libraries first ask for the name as written and get NXDOMAIN: it exists
 * only as db.internal.corp.test, under the search domain. glibc then tries
 * the search domains; musl does not: when a name has at least ndots dots,
 * musl never appends a search domain. The query log shows each attempt.
 */
#include "lookup.h"

int main(int argc, char **argv) {
    const char *name = argc > 1 ? argv[1] : "db.internal";
    return lookup(name, AF_INET, 0) ? 1 : 0;
}
