/*
 * strerror's wording is the library's own. Programs that compare error
 * strings, or tests that match them, see the difference.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void) {
    int codes[] = { 0, ENOENT, EAGAIN, ENOTSUP, EOPNOTSUPP, ENOTTY, EILSEQ, ETIMEDOUT, 9999 };
    const char *names[] = { "0", "ENOENT", "EAGAIN", "ENOTSUP", "EOPNOTSUPP", "ENOTTY", "EILSEQ", "ETIMEDOUT", "9999" };
    for (int i = 0; i < 9; i++)
        printf("%-10s (%4d) %s\n", names[i], codes[i], strerror(codes[i]));
    return 0;
}
