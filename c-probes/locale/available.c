/*
 * Which locale names does setlocale accept?
 *
 * C has no call that lists locales, so we ask for each name in turn:
 * setlocale returns the name of the locale it switched to, or NULL when it
 * cannot. For each accepted name we also print the character set
 * (nl_langinfo(CODESET)) that programs get. First, we count the compiled
 * locales in /usr/lib/locale, where glibc looks for them (musl reads no
 * locale files unless MUSL_LOCPATH names a directory).
 */
#include <langinfo.h>
#include <locale.h>
#include <dirent.h>
#include <stdio.h>

int main(void) {
    int n = 0;
    DIR *d = opendir("/usr/lib/locale");
    for (struct dirent *e; d && (e = readdir(d)); )
        if (e->d_name[0] != '.') n++;
    if (d) closedir(d);
    printf("/usr/lib/locale: %s\n", d ? "present" : "absent");
    printf("locale_dirs=%d\n", n);
    const char *names[] = {
        "C", "POSIX", "C.UTF-8", "C.utf8", "en_US.UTF-8", "de_DE.UTF-8",
        "tr_TR.UTF-8", "en_US", "en_US.ISO-8859-1",
        "xx_YY.UTF-8", "klingon", "",          /* made up; "" = from the environment (LANG) */
    };
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *got = setlocale(LC_ALL, names[i]);
        printf("%-18s -> %-20s", *names[i] ? names[i] : "\"\" (LANG)", got ? got : "NULL");
        if (got) printf(" codeset=%s", nl_langinfo(CODESET));
        printf("\n");
        setlocale(LC_ALL, "C");
    }
    return 0;
}
