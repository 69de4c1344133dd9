/*
 * strtol with base 0 reads "0x1f" as hexadecimal. C23 adds "0b101" as
 * binary. glibc's headers redirect strtol to __isoc23_strtol when C23 (or
 * -std=c2x) features are on, so the binary references a symbol only newer
 * glibc has, and musl's loader, which stands in for glibc's when running a
 * glibc build, looks for it too.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *inputs[] = { "0x1f", "0b101" };
    for (int i = 0; i < 2; i++) {
        char *end;
        long v = strtol(inputs[i], &end, 0);
        printf("strtol(\"%s\", 0) = %ld, rest \"%s\"\n", inputs[i], v, end);
    }
    return 0;
}
