/*
 * Loads a plugin, calls it twice, closes it, and does the same again.
 * If dlclose() really unloads the library, its destructor runs at the
 * first close, the constructor runs again at the second open, and its
 * static counter starts from zero again. If dlclose() does nothing (musl),
 * the counter carries on and the destructor runs only when the program
 * exits. Plugins that keep state in static variables notice the difference.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/probe/libplugin.so";
    for (int round = 1; round <= 2; round++) {
        printf("round %d: dlopen\n", round);
        fflush(stdout);
        void *h = dlopen(path, RTLD_NOW);
        if (!h) { printf("dlopen failed: %s\n", dlerror()); return 1; }
        int (*call)(void) = (int (*)(void))dlsym(h, "plugin_call");
        call();
        printf("round %d: calls=%d\n", round, call());
        printf("round %d: dlclose\n", round);
        fflush(stdout);
        dlclose(h);
    }
    printf("main returns\n");
    fflush(stdout);
    return 0;
}
