/*
 * Does a thread survive using N KiB of stack?
 *
 *   sweep N
 *
 * A new thread, created with default attributes, reserves an N KiB buffer on
 * its stack and writes to every page of it, from the top down, the way a large
 * local array or deep recursion would. If N KiB do not fit, the write lands in
 * the guard page below the stack and the kernel delivers SIGSEGV: the whole
 * process dies, not only the thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *use_stack(void *arg) {
    size_t bytes = (size_t)arg;
    volatile char buffer[bytes]; /* a variable-length array: N KiB of stack */
    for (size_t i = bytes; i > 0; i -= 4096 < i ? 4096 : i)
        buffer[i - 1] = 1; /* touch each page, top to bottom */
    buffer[0] = 1;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: sweep KIB\n");
        return 2;
    }
    size_t kib = strtoul(argv[1], NULL, 10);
    /* Unbuffered, so the first line survives a crash of the process. */
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("thread will use %zu KiB of its stack\n", kib);

    pthread_t t;
    if (pthread_create(&t, NULL, use_stack, (void *)(kib * 1024)) != 0) {
        perror("pthread_create");
        return 1;
    }
    pthread_join(t, NULL);
    printf("thread finished\n");
    return 0;
}
