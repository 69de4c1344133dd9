/*
 * dlopen() a library that uses initial-exec TLS (see libietls.c). glibc keeps
 * a little spare room in the static TLS block for such libraries, so the
 * load usually succeeds. musl reserves no spare room: its loader refuses the
 * library. Such libraries exist because -ftls-model=initial-exec is faster;
 * they are meant to be linked, not dlopen()ed.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/probe/libietls.so";
    void *h = dlopen(path, RTLD_NOW);
    if (!h) {
        printf("dlopen failed: %s\n", dlerror());
        return 1;
    }
    int (*bump)(void) = (int (*)(void))dlsym(h, "bump");
    printf("dlopen ok; bump() = %d\n", bump());
    return 0;
}
