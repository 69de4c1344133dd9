/*
 * Converting FROM and TO three East Asian character sets. musl's iconv can
 * read (decode) EUC-KR, GB18030 and BIG5, but has no tables to write
 * (encode) them, so iconv_open(to=EUC-KR, from=UTF-8) fails while
 * iconv_open(to=UTF-8, from=EUC-KR) works. glibc does both directions.
 * Each line shows the bytes in and the bytes out, in hex.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

static void hex(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) printf("%02X", (unsigned char)s[i]);
}

static void convert(const char *to, const char *from, const char *in, size_t n) {
    printf("%s -> %s: ", from, to);
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) { printf("iconv_open failed (%s)\n", strerror(errno)); return; }
    char out[64], *ip = (char *)in, *op = out;
    size_t inleft = n, outleft = sizeof out;
    size_t r = iconv(cd, &ip, &inleft, &op, &outleft);
    hex(in, n);
    printf(" -> ");
    hex(out, sizeof out - outleft);
    printf(r == (size_t)-1 ? " (stopped: %s)\n" : "\n", strerror(errno));
    iconv_close(cd);
}

int main(void) {
    /* U+AC00 HANGUL SYLLABLE GA; U+4E2D CJK "middle" (in GB18030 and BIG5) */
    convert("UTF-8", "EUC-KR", "\xB0\xA1", 2);
    convert("UTF-8", "GB18030", "\xD6\xD0", 2);
    convert("UTF-8", "BIG5", "\xA4\xA4", 2);
    convert("EUC-KR", "UTF-8", "\xEA\xB0\x80", 3);
    convert("GB18030", "UTF-8", "\xE4\xB8\xAD", 3);
    convert("BIG5", "UTF-8", "\xE4\xB8\xAD", 3);
    return 0;
}
