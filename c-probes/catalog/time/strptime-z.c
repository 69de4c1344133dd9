/*
 * strptime parses a time string. Does it understand the time zone offset
 * %z ("+0200") and the zone name %Z, and does it store the offset in the
 * struct tm (tm_gmtoff, a BSD/GNU field)?
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>

static void parse(const char *text, const char *fmt) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    char *end = strptime(text, fmt, &tm);
    if (!end) { printf("%-28s %-18s -> failed\n", text, fmt); return; }
    printf("%-28s %-18s -> %02d:%02d gmtoff=%ld rest=\"%s\"\n", text, fmt, tm.tm_hour, tm.tm_min, tm.tm_gmtoff, end);
}

/* Each line is out before the next parse: if a parse crashes, the lines before it still show. */
static void parse_line(const char *text, const char *fmt) {
    parse(text, fmt);
    fflush(stdout);
}

int main(int argc, char **argv) {
    /* "tzset": set up the time-zone names (tzname) before parsing, as a program that used localtime() already has. */
    if (argc > 1 && strcmp(argv[1], "tzset") == 0) tzset();
    parse_line("2024-07-01 12:00 +0200", "%Y-%m-%d %H:%M %z");
    parse_line("2024-07-01 12:00 +02:00", "%Y-%m-%d %H:%M %z");
    parse_line("2024-07-01 12:00 CEST", "%Y-%m-%d %H:%M %Z");
    return 0;
}
