/*
 * dlopen() of a library with an undefined function, then (with the
 * argument "call") a call to the function that needs it. With RTLD_LAZY the
 * load succeeds on both libraries. glibc binds a function at its first call
 * and, finding nothing, stops the program with a message naming the symbol.
 * musl has no lazy binding: it leaves the missing function unresolved (in
 * case a later dlopen provides it), and the call jumps nowhere. With
 * RTLD_NOW (the argument "now") both refuse the library at load time.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *path = "/probe/libneedy.so";
    int now = argc > 1 && strcmp(argv[1], "now") == 0;
    void *h = dlopen(path, now ? RTLD_NOW : RTLD_LAZY);
    if (!h) { printf("dlopen(%s) failed: %s\n", now ? "RTLD_NOW" : "RTLD_LAZY", dlerror()); return 1; }
    int (*often)(void) = (int (*)(void))dlsym(h, "often_used");
    printf("dlopen(%s) ok; often_used() = %d\n", now ? "RTLD_NOW" : "RTLD_LAZY", often());
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "call") == 0) {
        void (*rarely)(void) = (void (*)(void))dlsym(h, "rarely_used");
        printf("calling rarely_used()\n");
        fflush(stdout);
        rarely();
        printf("rarely_used() returned\n");
    }
    return 0;
}
