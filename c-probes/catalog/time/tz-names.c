/*
 * localtime() under the TZ environment variable (set per run, see the
 * variants): a zone name looked up in /usr/share/zoneinfo, a POSIX rule
 * string that needs no files, and a name that does not exist. The time is
 * fixed: 2024-07-01 12:00:00 UTC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
    time_t t = 1719835200;            /* 2024-07-01T12:00:00Z */
    tzset();
    struct tm tm;
    localtime_r(&t, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z (%z)", &tm);
    printf("TZ=%s -> %s\n", getenv("TZ") ? getenv("TZ") : "(unset)", buf);
    printf("tzname = %s / %s\n", tzname[0], tzname[1]);
    return 0;
}
