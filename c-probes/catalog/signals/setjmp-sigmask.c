/*
 * Does longjmp() restore the signal mask that was in effect at setjmp()?
 * POSIX leaves it unspecified for setjmp; sigsetjmp(env, 1) asks for it
 * explicitly. The program blocks SIGUSR1 after setjmp, jumps back, and
 * checks whether SIGUSR1 is still blocked. Code that longjmps out of a
 * signal handler relies on the answer: if the mask is not restored, the
 * signal stays blocked for the rest of the program.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf env;
static sigjmp_buf senv;

static int usr1_blocked(void) {
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, SIGUSR1);
}

static void block_usr1(void) {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, NULL);
}

static void unblock_usr1(void) {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
}

int main(void) {
    if (setjmp(env) == 0) { block_usr1(); longjmp(env, 1); }
    printf("setjmp/longjmp: SIGUSR1 %s after the jump\n", usr1_blocked() ? "still blocked" : "unblocked again (mask restored)");
    unblock_usr1();
    if (sigsetjmp(senv, 1) == 0) { block_usr1(); siglongjmp(senv, 1); }
    printf("sigsetjmp(env, 1)/siglongjmp: SIGUSR1 %s after the jump\n", usr1_blocked() ? "still blocked" : "unblocked again (mask restored)");
    return 0;
}
