/*
 * Parsing a second argument vector with getopt needs a reset. glibc's
 * documented way is optind = 0; BSD has optreset. Here we parse "-ab" twice,
 * resetting with optind = 1 (the POSIX value) the second time: does getopt
 * forget that it was in the middle of "-ab"?
 */
#include <stdio.h>
#include <unistd.h>

static void parse(int argc, char **argv) {
    int c;
    printf("parse:");
    while ((c = getopt(argc, argv, "ab")) != -1) printf(" %c", c);
    printf("\n");
}

int main(void) {
    char *first[] = { "prog", "-ab", 0 };
    char *second[] = { "prog", "-ab", 0 };
    opterr = 0;
    /* Stop the first parse half-way through "-ab". */
    int c = getopt(2, first, "ab");
    printf("first parse got %c, then stopped\n", c);
    optind = 1;
    parse(2, second);
    optind = 0;
    parse(2, second);
    return 0;
}
