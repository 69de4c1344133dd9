/*
 * Does dlclose unload a library? We dlopen a library the program does not
 * link against, close it, and check /proc/self/maps for its file.
 * glibc's libm is a separate file; on musl, "libm.so.6" is musl itself,
 * which can never be unloaded. Either way: after dlclose, do not use
 * pointers into the library, and do not count on its destructors running.
 */
#define _GNU_SOURCE            /* for dladdr and Dl_info */
#include <stdio.h>
#include <string.h>
#include <dlfcn.h>

static int mapped(const char *needle) {
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    while (f && fgets(line, sizeof line, f))
        if (strstr(line, needle)) found = 1;
    if (f) fclose(f);
    return found;
}

int main(void) {
    void *h = dlopen("libm.so.6", RTLD_NOW);
    if (!h) { printf("dlopen: %s\n", dlerror()); return 1; }
    Dl_info info;
    dladdr(dlsym(h, "cos"), &info);
    char file[256];
    snprintf(file, sizeof file, "%s", strrchr(info.dli_fname, '/') ? strrchr(info.dli_fname, '/') + 1 : info.dli_fname);
    printf("cos is in %s; mapped before dlclose: %s\n", file, mapped(file) ? "yes" : "no");
    dlclose(h);
    printf("mapped after dlclose: %s\n", mapped(file) ? "yes" : "no");
    return 0;
}
