/*
 * iconv converts text between character sets. Three conversions:
 * UTF-8 to ASCII with //TRANSLIT (replace what ASCII lacks with look-alikes),
 * UTF-8 to ISO-8859-1 for text with a character Latin-1 lacks (the euro
 * sign), and ISO-8859-1 back to UTF-8. glibc's transliteration uses the
 * LC_CTYPE locale, so the locale name is the first argument.
 */
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static void convert(const char *to, const char *from, const char *text) {
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) { printf("%s <- %s: iconv_open failed (%s)\n", to, from, strerror(errno)); return; }
    char out[256], *in = (char *)text, *o = out;
    size_t inleft = strlen(text), outleft = sizeof out - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    int err = errno;
    *o = 0;
    printf("%s <- %s: ", to, from);
    if (r == (size_t)-1) printf("stopped (%s) after %zu bytes, ", err == EILSEQ ? "EILSEQ" : strerror(err), strlen(text) - inleft);
    else printf("ok, %zu irreversible, ", r);
    printf("output: [");
    for (unsigned char *p = (unsigned char *)out; *p; p++)
        if (*p < 0x80) putchar(*p); else printf("\\x%02X", *p);   /* show non-ASCII bytes as hex */
    printf("]\n");
    iconv_close(cd);
}

int main(int argc, char **argv) {
    const char *want = argc > 1 ? argv[1] : "C";
    const char *got = setlocale(LC_ALL, want);
    printf("setlocale(\"%s\") -> %s\n", want, got ? got : "NULL (still C)");
    const char *text = "Gr\xC3\xBC\xC3\x9F" "e, caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9Cquoted\xE2\x80\x9D 5\xE2\x82\xAC";
    convert("ASCII//TRANSLIT", "UTF-8", text);          /* Grüße, café – “quoted” 5€ */
    convert("ISO-8859-1", "UTF-8", "caf\xC3\xA9 5\xE2\x82\xAC");   /* café 5€ */
    convert("UTF-8", "ISO-8859-1", "caf\xE9");          /* café in Latin-1 */
    return 0;
}
