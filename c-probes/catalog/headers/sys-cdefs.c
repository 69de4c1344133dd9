/*
 * <sys/cdefs.h> is an internal glibc (and BSD) header with macros such as
 * __BEGIN_DECLS and __THROW. Some portable-looking code includes it
 * directly, or uses the macros without including it.
 */
#include <sys/cdefs.h>
#include <stdio.h>

__BEGIN_DECLS
int answer(void) __THROW;
__END_DECLS

int answer(void) { return 42; }

int main(void) {
    printf("answer=%d\n", answer());
    return 0;
}
