/*
 * basename() comes in two flavours. POSIX's, from <libgen.h>, strips
 * trailing slashes ("/usr/lib/" -> "lib"). GNU's, which glibc declares in
 * <string.h> when _GNU_SOURCE is defined and <libgen.h> is NOT included,
 * returns what follows the last slash ("/usr/lib/" -> "").
 * This program includes only <string.h>, as much GNU-targeted code does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *paths[] = { "/usr/lib", "/usr/lib/", "file.txt", "/" };
    for (int i = 0; i < 4; i++) {
        char copy[64];
        strcpy(copy, paths[i]);          /* POSIX basename may modify its argument */
        printf("basename(\"%s\")=\"%s\"\n", paths[i], basename(copy));
    }
    return 0;
}
