/*
 * %a prints a floating-point value exactly, in hexadecimal. For long double
 * (x87 80-bit on x86-64) C does not fix which hex digit comes before the
 * point, so the same value can be spelled differently. strtold reads both.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    volatile long double one = 1.0L, tenth = 0.1L;
    printf("1.0L -> %La\n", one);
    printf("0.1L -> %La\n", tenth);
    printf("1.0  -> %a (double)\n", (double)one);
    char text[64];
    snprintf(text, sizeof text, "%La", tenth);
    printf("round trip through strtold: %s\n", strtold(text, NULL) == tenth ? "exact" : "different");
    return 0;
}
