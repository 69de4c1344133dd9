/*
 * POSIX says a match is leftmost-longest, and then each subexpression,
 * left to right, is itself as long as possible. Backtracking engines often
 * pick different submatches. Which parts of "abcd" do the groups get?
 */
#include <stdio.h>
#include <regex.h>

static void show(const char *pattern, const char *text) {
    regex_t re;
    regmatch_t m[4];
    if (regcomp(&re, pattern, REG_EXTENDED)) { printf("%s: compile error\n", pattern); return; }
    if (regexec(&re, text, 4, m, 0)) { printf("%s: no match\n", pattern); return; }
    printf("%-24s on %s:", pattern, text);
    for (int i = 0; i < 4; i++) {
        if (m[i].rm_so < 0) printf(" [%d]=unset", i);
        else printf(" [%d]=\"%.*s\"", i, (int)(m[i].rm_eo - m[i].rm_so), text + m[i].rm_so);
    }
    printf("\n");
    regfree(&re);
}

int main(void) {
    show("(a|ab)(c|bcd)(d*)", "abcd");
    show("(a*)(ab)*(b*)", "ab");
    show("(.*)(.*)", "xy");
    return 0;
}
