/*
 * How does %p print a null pointer, and a non-null one?
 * The C standard leaves the text of %p to the implementation.
 */
#include <stdio.h>

int main(void) {
    void *none = NULL;
    void *some = (void *)0x1000;
    printf("null=[%p]\n", none);
    printf("nonnull=[%p]\n", some);
    printf("padded=[%12p]\n", none);
    return 0;
}
