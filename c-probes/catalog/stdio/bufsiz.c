/*
 * BUFSIZ, and how many bytes a FILE really buffers.
 *
 * BUFSIZ is only the size setbuf() assumes; the buffer fopen() allocates is
 * the library's choice. We write to a file one byte at a time and watch its
 * size on disk: it grows when stdio flushes its buffer with write(2).
 */
#include <stdio.h>
#include <sys/stat.h>

int main(void) {
    printf("BUFSIZ=%d\n", BUFSIZ);
    FILE *f = fopen("/tmp/buffered.txt", "w");
    if (!f) { perror("fopen"); return 1; }
    struct stat st;
    long n = 0;
    do {
        fputc('.', f);
        n++;
        fstat(fileno(f), &st);          /* size of what reached the kernel */
    } while (st.st_size == 0 && n < (1L << 20));
    printf("file_buffer_bytes=%ld\n", n - 1);   /* the byte that triggered the flush is not counted */
    fclose(f);
    return 0;
}
