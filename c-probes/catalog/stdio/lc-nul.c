/*
 * printf's %lc converts a wide character. C says %lc of L'\0' writes one
 * (null) byte, like %c of '\0'. snprintf's return value counts what it wrote;
 * the bytes are printed in hex so the null byte is visible.
 */
#include <stdio.h>
#include <wchar.h>

int main(void) {
    char buf[16] = { 0 };
    int n = snprintf(buf, sizeof buf, "[%lc]", (wint_t)L'\0');
    printf("snprintf(\"[%%lc]\", L'\\0') returned %d; bytes:", n);
    for (int i = 0; i < n && i < (int)sizeof buf; i++) printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
    return 0;
}
