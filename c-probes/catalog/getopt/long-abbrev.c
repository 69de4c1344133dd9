/*
 * getopt_long accepts unambiguous prefixes of long options: --verb for
 * --verbose. What about an ambiguous prefix (--ver: --verbose or --version?)
 * and an exact match that is also a prefix of another option?
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <getopt.h>

int main(int argc, char **argv) {
    static const struct option opts[] = {
        { "verbose", no_argument, 0, 'v' },
        { "version", no_argument, 0, 'V' },
        { "col",     no_argument, 0, 'c' },
        { "color",   no_argument, 0, 'C' },
        { 0, 0, 0, 0 },
    };
    opterr = 0;                       /* we print the result ourselves */
    for (int i = 1; i < argc; i++) {
        char *one[] = { argv[0], argv[i], 0 };
        optind = 1;
        int c = getopt_long(2, one, "", opts, 0);
        printf("%-10s -> %s%c\n", argv[i], c == '?' ? "error " : "", c == '?' ? ' ' : c);
    }
    return 0;
}
