/*
 * qsort_r passes an extra pointer to the comparison function, so it needs no
 * global variable. It is a GNU and BSD extension (POSIX 2024 adopted the GNU
 * argument order). Does each library have it?
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b, void *dir) {
    int x = *(const int *)a, y = *(const int *)b;
    return *(int *)dir * ((x > y) - (x < y));
}

int main(void) {
    int v[] = { 3, 1, 2 };
    int descending = -1;
    qsort_r(v, 3, sizeof v[0], cmp, &descending);
    printf("qsort_r descending: %d %d %d\n", v[0], v[1], v[2]);
    return 0;
}
