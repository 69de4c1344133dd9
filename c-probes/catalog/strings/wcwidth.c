/*
 * wcwidth: how many terminal columns a character takes. Terminals, editors
 * and table printers rely on it. Each library ships its own copy of the
 * Unicode width tables, from the Unicode version it was built with.
 */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <locale.h>
#include <wchar.h>

int main(void) {
    if (!setlocale(LC_CTYPE, "C.UTF-8")) { printf("no C.UTF-8 locale\n"); return 1; }
    struct { unsigned cp; const char *what; } c[] = {
        { 0x00E9, "e-acute" },        { 0x00AD, "soft-hyphen" },
        { 0x200B, "zero-width-space" },{ 0x0301, "combining-acute" },
        { 0x4E2D, "cjk-ideograph" },  { 0x1F600, "emoji-grinning" },
        { 0x1FAE0, "emoji-melting-face-unicode14" }, { 0x1160, "hangul-jungseong-filler" },
        { 0x0007, "bell-control" },   { 0xE000, "private-use" },
    };
    for (unsigned i = 0; i < sizeof c / sizeof c[0]; i++)
        printf("U+%04X %-30s wcwidth=%d\n", c[i].cp, c[i].what, wcwidth((wchar_t)c[i].cp));
    return 0;
}
