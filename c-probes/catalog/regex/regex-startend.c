/*
 * REG_STARTEND (BSD, glibc; POSIX 2024) lets regexec search a buffer that is
 * not NUL-terminated, or a part of one, given by pmatch[0]. Tools such as git
 * use it to search binary data.
 */
#include <regex.h>
#include <stdio.h>

int main(void) {
    const char buf[] = "xxx\0needle";             /* a NUL in the middle */
    regex_t re;
    regcomp(&re, "needle", REG_EXTENDED);
    regmatch_t m[1] = { { .rm_so = 0, .rm_eo = sizeof buf - 1 } };
    int r = regexec(&re, buf, 1, m, REG_STARTEND);
    printf("REG_STARTEND search past a NUL: %s\n", r == 0 ? "found" : "not found");
    return 0;
}
