/*
 * Do math functions set errno? C lets a library report domain and range
 * errors through errno, floating-point exceptions, or both; the macro
 * math_errhandling says which (1 = MATH_ERRNO, 2 = MATH_ERREXCEPT).
 * -fno-builtin keeps gcc from computing these calls at compile time.
 */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void report(const char *what, double r) {
    int e = errno;
    printf("%-10s = %-5g errno=%-7s FE_DIVBYZERO|FE_INVALID|FE_OVERFLOW raised=%s\n", what, r,
           e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : e == 0 ? "0" : "other",
           fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW) ? "yes" : "no");
}

int main(void) {
    volatile double zero = 0.0, minus1 = -1.0, big = 1000.0;
    printf("math_errhandling=%d\n", math_errhandling);
    errno = 0; feclearexcept(FE_ALL_EXCEPT); report("log(0)", log(zero));
    errno = 0; feclearexcept(FE_ALL_EXCEPT); report("sqrt(-1)", sqrt(minus1));
    errno = 0; feclearexcept(FE_ALL_EXCEPT); report("exp(1000)", exp(big));
    return 0;
}
