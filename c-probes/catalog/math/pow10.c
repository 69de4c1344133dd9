/*
 * exp10 (10 to the power x) is a GNU extension adopted by C23; pow10 was
 * its older GNU name, removed from glibc 2.27. Built with
 * -Werror=implicit-function-declaration (gcc 14's default).
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>

int main(void) {
    volatile double x = 3.0;
    printf("exp10(3) = %g\n", exp10(x));
    printf("pow10(3) = %g\n", pow10(x));
    return 0;
}
