/*
 * Character classes and multibyte decoding in a locale (first argument).
 * MB_CUR_MAX is the longest character in bytes. iswupper/towupper classify
 * wide characters. mbrtowc decodes bytes: it returns the byte count, or
 * (size_t)-1 with EILSEQ for an invalid sequence.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static void decode(const char *label, const char *bytes, size_t len) {
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc = 0;
    size_t r = mbrtowc(&wc, bytes, len, &st);
    if (r == (size_t)-1) printf("  mbrtowc %-22s -> -1 (%s)\n", label, errno == EILSEQ ? "EILSEQ" : "other");
    else if (r == (size_t)-2) printf("  mbrtowc %-22s -> -2 (incomplete)\n", label);
    else printf("  mbrtowc %-22s -> %zu byte(s), U+%04lX\n", label, r, (unsigned long)wc);
}

int main(int argc, char **argv) {
    const char *want = argc > 1 ? argv[1] : "C";
    const char *got = setlocale(LC_ALL, want);
    printf("setlocale(\"%s\") -> %s\n", want, got ? got : "NULL (still C)");
    printf("MB_CUR_MAX=%zu\n", MB_CUR_MAX);
    printf("iswupper(U+00C9 E-acute)=%s\n", iswupper(0xC9) ? "yes" : "no");
    printf("towupper(U+00E9 e-acute)=U+%04lX\n", (unsigned long)towupper(0xE9));
    printf("towupper('i')=U+%04lX\n", (unsigned long)towupper(L'i'));
    decode("C3 A9 (UTF-8 e-acute)", "\xC3\xA9", 2);
    decode("E9 (Latin-1 e-acute)", "\xE9", 1);
    decode("C3 28 (bad 2nd byte)", "\xC3\x28", 2);
    decode("C0 80 (overlong NUL)", "\xC0\x80", 2);
    decode("ED A0 80 (surrogate)", "\xED\xA0\x80", 3);
    decode("F0 9F 98 (truncated)", "\xF0\x9F\x98", 3);
    return 0;
}
