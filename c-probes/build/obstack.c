/*
 * <obstack.h> (GNU "object stacks", used by old GNU code and some
 * compilers' runtimes) is part of glibc, not of musl. On Alpine the
 * musl-obstack package provides it separately.
 */
#include <obstack.h>
#include <stdio.h>
#include <stdlib.h>

#define obstack_chunk_alloc malloc
#define obstack_chunk_free free

int main(void) {
    struct obstack ob;
    obstack_init(&ob);
    char *s = obstack_copy0(&ob, "hello", 5);
    printf("obstack copy: %s\n", s);
    obstack_free(&ob, NULL);
    return 0;
}
