/*
 * glibc splits its API across several files (libm, libdl, libpthread, librt,
 * libcrypt...); musl puts everything in one libc.so. What does dlopen of the
 * glibc-style names return on each, and which file provides cos()?
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <dlfcn.h>

int main(void) {
    const char *names[] = { "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libc.so.6", "libc.so" };
    for (int i = 0; i < 6; i++) {
        void *h = dlopen(names[i], RTLD_NOW);
        printf("%-16s %s\n", names[i], h ? "loaded" : "NOT FOUND");
        if (h) dlclose(h);
    }
    void *m = dlopen("libm.so.6", RTLD_NOW);
    Dl_info info;
    void *cos_addr = m ? dlsym(m, "cos") : NULL;
    if (cos_addr && dladdr(cos_addr, &info))
        printf("cos comes from %s\n", info.dli_fname);
    return 0;
}
