/*
 * How big is a program, and the C library it needs?
 *
 *   size
 *
 * The program looks at its own memory map (/proc/self/maps) and prints the
 * size on disk of every file mapped into it: the program itself and, when it
 * is dynamically linked, the C library and the dynamic loader. Its own code
 * is tiny, so its size is mostly what the toolchain and the library add to
 * any program. Compiled with -s (symbols stripped), as programs are shipped.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(void) {
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps) {
        perror("/proc/self/maps");
        return 1;
    }
    char line[512], seen[16][256];
    int files = 0;
    double binary_kib = 0, libs_kib = 0;
    while (fgets(line, sizeof line, maps) && files < 16) {
        char *path = strchr(line, '/');
        if (!path) continue; /* anonymous memory, [stack], [vdso] ... */
        path[strcspn(path, "\n")] = '\0';
        int dup = 0;
        for (int i = 0; i < files; i++) dup |= strcmp(seen[i], path) == 0;
        if (dup) continue;
        snprintf(seen[files], sizeof seen[files], "%s", path);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        double kib = (double)st.st_size / 1024.0;
        printf("# %-48s %8.1f KiB%s\n", path, kib, files == 0 ? " (this program)" : "");
        if (files == 0) binary_kib = kib;
        else libs_kib += kib;
        files++;
    }
    fclose(maps);
    printf("binary_kib=%.1f\n", binary_kib);
    printf("libs_kib=%.1f\n", libs_kib);
    printf("total_kib=%.1f\n", binary_kib + libs_kib);
    printf("mapped_files=%d\n", files);
    return 0;
}
