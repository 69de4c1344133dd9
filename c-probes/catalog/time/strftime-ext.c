/*
 * strftime conversions beyond C's: %k %l (blank-padded hours), %P
 * (lower-case am/pm), %s (seconds since the epoch), and the GNU flags
 * "-" (no padding), "_" (blank padding), "^" (upper case).
 * An unknown conversion prints as the library chooses.
 */
#include <stdio.h>
#include <time.h>

int main(void) {
    struct tm tm = { .tm_year = 124, .tm_mon = 6, .tm_mday = 1, .tm_hour = 7,
                     .tm_min = 5, .tm_sec = 9, .tm_wday = 1, .tm_yday = 182 };
    const char *fmts[] = { "%k|%l", "%P", "%-d/%-m %-H:%M", "%_m|%_d", "%^a %^b", "%s", "%Q" };
    for (int i = 0; i < 7; i++) {
        char out[64];
        size_t n = strftime(out, sizeof out, fmts[i], &tm);
        printf("%-16s -> [%s] (%zu bytes)\n", fmts[i], out, n);
    }
    return 0;
}
