/*
 * nl_langinfo(CODESET) names the character set of the current locale.
 * Programs (Python, Perl, terminal tools) compare it with strings such as
 * "ANSI_X3.4-1968" to decide whether the C locale means ASCII. In the C
 * locale the two libraries give different names; in C.UTF-8 both say UTF-8.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>

int main(int argc, char **argv) {
    const char *want = argc > 1 ? argv[1] : "C";
    const char *got = setlocale(LC_ALL, want);
    printf("setlocale(\"%s\") -> %s\n", want, got ? got : "NULL");
    printf("CODESET=%s\n", nl_langinfo(CODESET));
    return 0;
}
