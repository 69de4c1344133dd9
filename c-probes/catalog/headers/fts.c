/*
 * fts_open/fts_read walk a directory tree (BSD, in glibc too). Where
 * <fts.h> is missing, the build stops here (musl users link libfts from the
 * musl-fts package instead).
 */
#include <stdio.h>
#include <fts.h>

int main(void) {
    char *roots[] = { "/proc/self/fdinfo", 0 };
    FTS *t = fts_open(roots, FTS_PHYSICAL | FTS_NOCHDIR, 0);
    if (!t) { perror("fts_open"); return 1; }
    int n = 0;
    for (FTSENT *e; (e = fts_read(t)); ) n++;
    fts_close(t);
    printf("fts visited %d entries\n", n > 0 ? 1 : 0);
    return 0;
}
