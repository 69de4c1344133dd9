/*
 * __res_init is glibc's internal name for res_init(): <resolv.h> on glibc
 * turns "res_init()" into a call to __res_init, so every glibc program that
 * re-reads resolv.conf imports that name. musl exports res_init only, so
 * the glibc build stops at start-up under musl's loader; rebuilt on musl,
 * the same source is fine.
 */
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>

int main(void) {
    int rc = res_init();   /* on glibc: a macro for __res_init() */
    printf("res_init() = %d\n", rc);
    return rc != 0;
}
