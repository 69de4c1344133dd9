/*
 * How this site shows what a program prints: exactly, and never as markup.
 * This program prints an HTML tag, an ANSI colour sequence and a byte that is
 * not valid UTF-8. The page shows the tag as text, the escape character as ␛,
 * and the invalid byte as �, with a note that the output was not valid UTF-8.
 */
#include <stdio.h>

int main(void) {
    printf("<b>this is not bold</b>\n");
    printf("\033[31mthis is not red\033[0m\n");
    printf("an invalid byte: \xff\n");
    return 0;
}
