/*
 * getopt prints its own message for an unknown option or a missing argument
 * (unless opterr is 0 or the option string starts with ':'). The wording is
 * the library's. Run as:  ./error-message -x -o
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int c;
    while ((c = getopt(argc, argv, "o:")) != -1)
        printf("getopt returned '%c'\n", c);
    return 0;
}
