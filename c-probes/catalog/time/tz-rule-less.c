/*
 * TZ=EST5EDT names standard and daylight time but gives no dates for the
 * change. POSIX leaves those dates to the implementation. glibc looks for a
 * zoneinfo file of that name first (tzdata ships one, with the history of
 * US rules); musl takes a name followed by a digit as a POSIX rule, never
 * looks for a file, and applies today's US rule (second Sunday of March to
 * first Sunday of November) to every year. For 2024 the two agree; for dates
 * under the US rules before 2007 they need not. The second variant spells
 * the rule out, and the two libraries agree again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void show(time_t t) {
    struct tm utc, local;
    gmtime_r(&t, &utc);
    localtime_r(&t, &local);
    char a[32], b[64];
    strftime(a, sizeof a, "%Y-%m-%d %H:%M UTC", &utc);
    strftime(b, sizeof b, "%Y-%m-%d %H:%M %Z (%z)", &local);
    printf("%s -> %s\n", a, b);
}

int main(void) {
    tzset();
    printf("TZ=%s\n", getenv("TZ") ? getenv("TZ") : "(unset)");
    show(1719835200);   /* 2024-07-01 12:00 UTC: summer under every rule */
    show(1142856000);   /* 2006-03-20 12:00 UTC: before April's change under the old US rule */
    show(1162296000);   /* 2006-10-31 12:00 UTC: after October's change under the old US rule */
    return 0;
}
