/*
 * GNU extensions in basic regular expressions (the kind grep and sed use
 * by default): \| for alternation, \+ and \? as in ERE, and \w for a word
 * character. POSIX leaves backslash before ordinary characters undefined.
 */
#include <stdio.h>
#include <regex.h>

static void try(const char *pattern, const char *text) {
    regex_t re;
    int err = regcomp(&re, pattern, REG_NOSUB);      /* BRE: no REG_EXTENDED */
    if (err) {
        char msg[80];
        regerror(err, &re, msg, sizeof msg);
        printf("%-12s compile error: %s\n", pattern, msg);
        return;
    }
    printf("%-12s vs %-6s %s\n", pattern, text, regexec(&re, text, 0, 0, 0) == 0 ? "match" : "no match");
    regfree(&re);
}

int main(void) {
    try("cat\\|dog", "dog");
    try("ab\\+c", "abbbc");
    try("colou\\?r", "color");
    try("\\w\\w", "ab");
    try("\\bfoo\\b", "a foo b");
    return 0;
}
