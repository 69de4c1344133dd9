/*
 * Sorting words with strcoll, which compares by the rules of the current
 * locale's LC_COLLATE, versus strcmp, which compares bytes.
 * The locale name is the first argument.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_strcoll(const void *a, const void *b) {
    return strcoll(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    const char *want = argc > 1 ? argv[1] : "C";
    const char *got = setlocale(LC_ALL, want);
    printf("setlocale(\"%s\") -> %s\n", want, got ? got : "NULL (still C)");
    char *w[] = { "zebra", "Zoo", "apple", "Apple", "banana", "Äpfel",
                  "eclair", "éclair", "Eclair", "ecru", "ångström", "a-b", "ab" };
    size_t n = sizeof w / sizeof w[0];
    qsort(w, n, sizeof w[0], by_strcoll);
    printf("order:");
    for (size_t i = 0; i < n; i++) printf(" %s", w[i]);
    printf("\n");
    return 0;
}
