/*
 * printf("%s", NULL): undefined behaviour in C, but what happens?
 *
 * The same source is built twice (see the variants): once with -fno-builtin,
 * so every printf call reaches the C library, and once without it, so gcc may
 * rewrite printf("%s\n", s) into puts(s), which does not check for NULL.
 * stdout is flushed after each line so that output survives a crash.
 */
#include <stdio.h>

int main(void) {
    const char *name = NULL;          /* e.g. a lookup that found nothing */
    printf("labelled: name=%s\n", name);
    fflush(stdout);
    printf("%s\n", name);             /* the shape gcc turns into puts(name) */
    fflush(stdout);
    printf("survived\n");
    return 0;
}
