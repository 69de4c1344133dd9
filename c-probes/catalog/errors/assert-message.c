/*
 * A failed assert() prints a message to stderr and calls abort(). C says the
 * message holds the expression, file, line and function, but not how.
 */
#include <assert.h>
#include <stdio.h>

static int check_ratio(int num, int den) {
    assert(den != 0 && "denominator must not be zero");
    return num / den;
}

int main(void) {
    printf("%d\n", check_ratio(6, 3));
    fflush(stdout);
    printf("%d\n", check_ratio(1, 0));
    return 0;
}
