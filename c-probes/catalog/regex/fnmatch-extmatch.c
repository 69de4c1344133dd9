/*
 * fnmatch with FNM_EXTMATCH: ksh-style patterns such as +(ab) and !(*.o),
 * a GNU extension. FNM_CASEFOLD (also GNU, and in POSIX 2024) ignores case.
 * Where a flag is not defined, the build stops at that line.
 */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>

int main(void) {
    printf("FNM_CASEFOLD *.TXT vs notes.txt: %s\n",
           fnmatch("*.TXT", "notes.txt", FNM_CASEFOLD) == 0 ? "match" : "no match");
    printf("FNM_EXTMATCH +(ab) vs abab: %s\n",
           fnmatch("+(ab)", "abab", FNM_EXTMATCH) == 0 ? "match" : "no match");
    return 0;
}
