/*
 * dlopen of a library that does not exist: the message from dlerror() is
 * what users see in "failed to load plugin" errors.
 */
#include <stdio.h>
#include <dlfcn.h>

int main(void) {
    void *h = dlopen("libplugin-that-is-not-there.so", RTLD_NOW);
    printf("handle=%s\n", h ? "non-null" : "NULL");
    printf("dlerror: %s\n", h ? "-" : dlerror());
    h = dlopen(NULL, RTLD_NOW);                       /* the program itself */
    void *sym = dlsym(h, "no_such_symbol");
    printf("dlsym: %s\n", sym ? "found" : dlerror());
    return 0;
}
