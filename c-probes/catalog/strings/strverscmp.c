/*
 * strverscmp (a GNU extension) compares strings the way `ls -v` sorts file
 * names: digit sequences by their numeric value. Each line is one pair and
 * the sign of the result (<, = or >).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *pairs[][2] = {
        { "file9", "file10" }, { "1.9", "1.10" }, { "0.9", "0.10" }, { "a1", "a" },
        { "1a", "1" }, { "item1", "item#1" }, { "x9y", "x10" }, { "009", "01" },
        { "abc", "abc1" }, { "1", "a" }, { "v1.2", "v1.2a" }, { "a0", "a." },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        int r = strverscmp(pairs[i][0], pairs[i][1]);
        printf("%-6s %c %s\n", pairs[i][0], r < 0 ? '<' : r > 0 ? '>' : '=', pairs[i][1]);
    }
    return 0;
}
