/*
 * Options after the first non-option argument.
 * Run as:  ./permute input.txt -v -o out.txt
 * POSIX getopt stops at the first non-option ("input.txt"), so -v and -o are
 * left as operands. GNU getopt reorders argv and finds them, unless
 * POSIXLY_CORRECT is set or the option string starts with '+'.
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int c;
    while ((c = getopt(argc, argv, "vo:")) != -1) {
        if (c == 'v') printf("option -v\n");
        else if (c == 'o') printf("option -o %s\n", optarg);
        else printf("error\n");
    }
    for (int i = optind; i < argc; i++) printf("operand %s\n", argv[i]);
    return 0;
}
