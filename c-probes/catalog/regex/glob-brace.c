/*
 * glob() expands wildcards in file names, as the shell does. GLOB_BRACE
 * ({a,b}) and GLOB_TILDE (~) are GNU/BSD extensions. We create three files
 * in /tmp and expand {one,two}.txt.
 */
#define _GNU_SOURCE
#include <glob.h>
#include <stdio.h>

int main(void) {
    const char *files[] = { "/tmp/one.txt", "/tmp/two.txt", "/tmp/three.txt" };
    for (int i = 0; i < 3; i++) fclose(fopen(files[i], "w"));
    glob_t g;
    int r = glob("/tmp/{one,two}.txt", GLOB_BRACE, NULL, &g);
    printf("glob returned %d, %zu paths\n", r, r == 0 ? g.gl_pathc : 0);
    for (size_t i = 0; r == 0 && i < g.gl_pathc; i++) printf("  %s\n", g.gl_pathv[i]);
    return 0;
}
