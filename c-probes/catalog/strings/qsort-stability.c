/*
 * qsort is not required to be stable: elements that compare equal may come
 * out in any order. Here records are sorted by key only; their letters show
 * whether equal keys kept their original order.
 */
#include <stdio.h>
#include <stdlib.h>

struct rec { int key; char tag; };

static int by_key(const void *a, const void *b) {
    const struct rec *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

int main(void) {
    struct rec r[] = {
        {2,'a'},{1,'b'},{2,'c'},{1,'d'},{2,'e'},{1,'f'},{2,'g'},{1,'h'},
        {2,'i'},{1,'j'},{2,'k'},{1,'l'},{2,'m'},{1,'n'},{2,'o'},{1,'p'},
    };
    size_t n = sizeof r / sizeof r[0];
    qsort(r, n, sizeof r[0], by_key);
    printf("sorted=");
    for (size_t i = 0; i < n; i++) printf("%d%c ", r[i].key, r[i].tag);
    printf("\n");
    /* Stable means: within each key, the letters are still in a..p order. */
    int stable = 1;
    for (size_t i = 1; i < n; i++)
        if (r[i].key == r[i-1].key && r[i].tag < r[i-1].tag) stable = 0;
    printf("stable=%s\n", stable ? "yes" : "no");
    return 0;
}
