/* The caller's last libc call before the constructor, chosen by its first
 * argument. Whatever that call left in the registers a function may clobber
 * (on x86-64: rax, rcx, rdx, rsi, rdi, r8-r11) is still there afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>

/* Returns the minimum size (1 page) the caller then asks for. */
static uint64_t last_libc_call(const char *which) {
    if (strcmp(which, "strtoull") == 0)          /* e.g. a size read from a config file */
        return strtoull("1", NULL, 10);
    if (strcmp(which, "write") == 0) {            /* a log line, written directly */
        write(STDOUT_FILENO, "caller: last call write()\n", 26);
        return 1;
    }
    printf("caller: last call printf()\n");      /* a log line through stdio */
    return 1;
}
