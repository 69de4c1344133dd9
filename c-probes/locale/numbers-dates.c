/*
 * Number and date formatting in a locale (first argument).
 * The ' flag of printf asks for thousands grouping; localeconv() says which
 * separators the locale uses; strftime's %c, %x and %A %B are localised.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    const char *want = argc > 1 ? argv[1] : "C";
    const char *got = setlocale(LC_ALL, want);
    printf("setlocale(\"%s\") -> %s\n", want, got ? got : "NULL (still C)");
    struct lconv *lc = localeconv();
    printf("decimal_point=\"%s\" thousands_sep=\"%s\"\n", lc->decimal_point, lc->thousands_sep);
    printf("%%'d of 1234567    -> [%'d]\n", 1234567);
    printf("%%'.2f of 1234567.5 -> [%'.2f]\n", 1234567.5);
    printf("strtod(\"1,5\")      -> %g\n", strtod("1,5", NULL));
    struct tm tm = { .tm_year = 124, .tm_mon = 6, .tm_mday = 1, .tm_hour = 14,
                     .tm_min = 30, .tm_wday = 1, .tm_yday = 182 };
    const char *fmts[] = { "%c", "%x", "%X", "%A %d %B %Y", "%p" };
    for (int i = 0; i < 5; i++) {
        char out[128];
        strftime(out, sizeof out, fmts[i], &tm);
        printf("strftime %-12s -> [%s]\n", fmts[i], out);
    }
    return 0;
}
