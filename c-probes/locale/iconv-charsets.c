/*
 * Which character sets can iconv_open convert to and from UTF-8?
 * glibc loads converters as modules (gconv); musl has a fixed built-in set.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *sets[] = { "UTF-16", "UTF-32LE", "WINDOWS-1252", "CP1252", "KOI8-R",
                           "SHIFT_JIS", "EUC-KR", "GB18030", "BIG5", "ISO-2022-JP",
                           "UTF-7", "IBM037", "no-such-charset" };
    for (unsigned i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        iconv_t cd = iconv_open(sets[i], "UTF-8");
        printf("%-16s %s\n", sets[i], cd == (iconv_t)-1 ? strerror(errno) : "supported");
        if (cd != (iconv_t)-1) iconv_close(cd);
    }
    return 0;
}
