/*
 * Name lookups in a statically linked program. glibc answers getpwnam and
 * getaddrinfo through NSS modules, which a static binary may have to dlopen
 * at run time; the linker warns about it. This asks for a user both
 * environments list in /etc/passwd, and for "localhost".
 */
#include <netdb.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

int main(void) {
    struct passwd *pw = getpwnam("root");
    printf("getpwnam(\"root\"): %s\n", pw ? pw->pw_dir : "not found");

    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    int rc = getaddrinfo("localhost", NULL, &hints, &res);
    printf("getaddrinfo(\"localhost\"): %s\n", rc == 0 ? "found" : gai_strerror(rc));
    if (res) freeaddrinfo(res);
    return pw ? 0 : 1;
}
