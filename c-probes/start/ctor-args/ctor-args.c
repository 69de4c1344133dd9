/*
 * Links against libctor.so, whose constructor expects (argc, argv, envp),
 * and runs with two arguments: argc is 3 in main. What did the library's
 * constructor receive?
 */
#include <stdio.h>

int ctor_lib_loaded(void);

int main(int argc, char **argv) {
    (void)argv;
    printf("main: argc=%d, library loaded=%d\n", argc, ctor_lib_loaded());
    return 0;
}
