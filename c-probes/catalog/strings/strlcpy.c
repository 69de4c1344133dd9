/*
 * strlcpy copies a string with truncation and always terminates it. BSD has
 * had it for decades and musl for years; glibc added it only in 2.38.
 * On an older glibc this does not compile: the function is not declared.
 * Built with -Werror=implicit-function-declaration, gcc 14's default.
 */
#include <stdio.h>
#include <string.h>

int main(void) {
    char small[8];
    size_t wanted = strlcpy(small, "a longer string", sizeof small);
    printf("copied=\"%s\" wanted=%zu\n", small, wanted);
    return 0;
}
