/*
 * Which C library is this program running on? Asked three honest ways:
 * a compile-time macro (glibc defines __GLIBC__; musl deliberately defines
 * nothing), a run-time query only glibc answers (confstr), and the files the
 * process really mapped (/proc/self/maps) plus the loader its ELF header names.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
#ifdef __GLIBC__
    printf("compile time: __GLIBC__=%d __GLIBC_MINOR__=%d\n", __GLIBC__, __GLIBC_MINOR__);
#else
    puts("compile time: __GLIBC__ not defined (and musl defines no macro of its own)");
#endif

    char buf[64];
    size_t n = confstr(_CS_GNU_LIBC_VERSION, buf, sizeof buf);
    if (n > 0) printf("run time: confstr(_CS_GNU_LIBC_VERSION) = \"%s\"\n", buf);
    else puts("run time: confstr(_CS_GNU_LIBC_VERSION) unsupported (returned 0)");

    /* The program headers of this very program: PT_INTERP names its loader. */
    const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
    size_t count = getauxval(AT_PHNUM);
    const char *interp = NULL;
    ElfW(Addr) base = 0;
    for (size_t i = 0; i < count; i++)
        if (ph[i].p_type == PT_PHDR) base = (ElfW(Addr))ph - ph[i].p_vaddr;
    for (size_t i = 0; i < count; i++)
        if (ph[i].p_type == PT_INTERP) interp = (const char *)(base + ph[i].p_vaddr);
    printf("PT_INTERP: %s\n", interp ? interp : "(none: statically linked)");

    /* Every distinct file mapped from a lib folder: the C library and its loader. */
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512], last[256] = "";
    int files = 0;
    long long bytes = 0;
    while (maps && fgets(line, sizeof line, maps)) {
        char *path = strchr(line, '/');
        if (!path || !strstr(path, "/lib")) continue;
        path[strcspn(path, "\n")] = 0;
        if (strcmp(path, last) == 0) continue;
        snprintf(last, sizeof last, "%s", path);
        struct stat st;
        if (stat(path, &st) == 0) {
            printf("mapped: %s (%lld bytes)\n", path, (long long)st.st_size);
            files++;
            bytes += st.st_size;
        }
    }
    /* Totals as name=value lines, so a lesson can quote them. */
    printf("lib_files=%d\nlib_bytes=%lld\n", files, bytes);
    return 0;
}
