/*
 * Simulating a stock Debian/Ubuntu image on the glibc environment.
 *
 * Our glibc image carries locale data (the locales-all package). A stock
 * image has only the C.utf8 locale that libc-bin installs in
 * /usr/lib/locale. When the run sets LAB_STOCK_LOCALES=1, we point glibc's
 * LOCPATH at a directory that holds only that one locale, so setlocale sees
 * exactly what a stock image has. (glibc reads LOCPATH on every setlocale
 * call; musl ignores it: its variable is MUSL_LOCPATH.)
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void simulate_stock_image_if_asked(void) {
    const char *flag = getenv("LAB_STOCK_LOCALES");
    if (!flag || *flag != '1') return;
    mkdir("/tmp/stock-locales", 0755);
    symlink("/usr/lib/locale/C.utf8", "/tmp/stock-locales/C.utf8");
    setenv("LOCPATH", "/tmp/stock-locales", 1);
}
