/*
 * %Ld is not a valid conversion for an integer: L belongs to long double
 * (%Lf). glibc accepts %Ld as another spelling of %lld. musl rejects the
 * conversion (errno EINVAL) and the text stays empty; the runs show what
 * each returns. The musl wiki lists this among its functional differences.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[64] = "";
    errno = 0;
    int n = snprintf(buf, sizeof buf, "%Ld", 42LL);
    printf("snprintf(\"%%Ld\", 42LL) = %d, text [%s], errno %s\n", n, buf, errno ? strerror(errno) : "0");
    return 0;
}
