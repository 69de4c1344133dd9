/*
 * Does printf round decimal output according to the current floating-point
 * rounding mode (fesetround)? 0.125 is exact in binary, so "%.2f" has to
 * round a true tie: to nearest-even gives 0.12, upward 0.13, downward 0.12.
 * The musl wiki says musl's conversions honour the rounding mode; the runs
 * show what each library does in each mode.
 */
#include <fenv.h>
#include <stdio.h>

static void show(int mode, const char *name) {
    volatile double x = 0.125, y = -0.125;
    fesetround(mode);
    char a[32], b[32];
    snprintf(a, sizeof a, "%.2f", x);
    snprintf(b, sizeof b, "%.2f", y);
    fesetround(FE_TONEAREST);
    printf("%-11s 0.125 -> %s, -0.125 -> %s\n", name, a, b);
}

int main(void) {
    show(FE_TONEAREST, "to nearest");
    show(FE_UPWARD, "upward");
    show(FE_DOWNWARD, "downward");
    show(FE_TOWARDZERO, "toward zero");
    return 0;
}
