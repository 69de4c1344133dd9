/*
 * Neither glibc nor musl promises correctly rounded results for most math
 * functions; each documents or implies some error in "ulps" (units in the
 * last place). The same call can give different last bits. %a prints the
 * exact binary value, so any difference shows.
 */
#include <math.h>
#include <stdio.h>

int main(void) {
    volatile double x = 0.5, y = 10.5, z = 1e22, w = 2.5;
    printf("tgamma(0.5) = %a\n", tgamma(x));
    printf("lgamma(10.5)= %a\n", lgamma(y));
    printf("sin(1e22)   = %a\n", sin(z));
    printf("erfc(2.5)   = %a\n", erfc(w));
    printf("j0(10.5)    = %a\n", j0(y));
    printf("cbrt(10.5)  = %a\n", cbrt(y));
    return 0;
}
