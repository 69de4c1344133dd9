/*
 * getaddrinfo reports failures with EAI_* codes, turned into text by
 * gai_strerror. Nothing here touches the network: we only ask for the words.
 */
#include <stdio.h>
#include <netdb.h>

int main(void) {
    int codes[] = { EAI_NONAME, EAI_AGAIN, EAI_FAIL, EAI_SERVICE, EAI_SYSTEM };
    const char *names[] = { "EAI_NONAME", "EAI_AGAIN", "EAI_FAIL", "EAI_SERVICE", "EAI_SYSTEM" };
    for (int i = 0; i < 5; i++)
        printf("%-11s (%3d) %s\n", names[i], codes[i], gai_strerror(codes[i]));
    return 0;
}
