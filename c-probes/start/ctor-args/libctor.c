/*
 * A library constructor written for glibc: glibc calls every ELF
 * constructor with (argc, argv, envp), so some libraries read the command
 * line there. The ELF specification and musl call constructors with no
 * arguments: whatever happens to be in the argument registers arrives as
 * argc and argv. This one only prints argc and whether argv looks sane, to
 * stay safe when it does not.
 */
#include <stdio.h>

__attribute__((constructor)) static void init(int argc, char **argv, char **envp) {
    (void)envp;
    printf("constructor: argc=%d\n", argc);
    if (argc >= 1 && argc < 100 && argv)
        printf("constructor: argv[0] looks like %s\n", argv[0] && argv[0][0] == '/' ? "a path" : "something else");
    else
        printf("constructor: argv is not usable\n");
}

int ctor_lib_loaded(void) { return 1; }
