/*
 * A minimal system-call tracer (no strace in the environments): it starts the
 * program named on its command line under ptrace and prints each system call
 * it makes, in order, then the total. Names cover the calls a hello world
 * makes on x86-64; anything else is printed by number.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *name(long nr) {
    switch (nr) {
    case 0: return "read";        case 1: return "write";        case 2: return "open";
    case 3: return "close";       case 4: return "stat";         case 5: return "fstat";
    case 8: return "lseek";       case 9: return "mmap";         case 10: return "mprotect";
    case 11: return "munmap";     case 12: return "brk";         case 13: return "rt_sigaction";
    case 14: return "rt_sigprocmask"; case 16: return "ioctl";   case 17: return "pread64";
    case 20: return "writev";     case 21: return "access";      case 28: return "madvise";
    case 39: return "getpid";     case 59: return "execve";      case 60: return "exit";
    case 63: return "uname";      case 89: return "readlink";    case 158: return "arch_prctl";
    case 202: return "futex";     case 218: return "set_tid_address"; case 231: return "exit_group";
    case 257: return "openat";    case 262: return "newfstatat"; case 273: return "set_robust_list";
    case 302: return "prlimit64"; case 318: return "getrandom";  case 334: return "rseq";
    default: return NULL;
    }
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: trace PROGRAM [ARGS]\n"); return 2; }
    pid_t child = fork();
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, NULL, NULL);
        raise(SIGSTOP);
        execv(argv[1], argv + 1);
        perror("execv");
        _exit(127);
    }
    int status, calls = 0, entering = 1, started = 0;
    waitpid(child, &status, 0);
    ptrace(PTRACE_SETOPTIONS, child, NULL, (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
    for (;;) {
        if (ptrace(PTRACE_SYSCALL, child, NULL, NULL) != 0) { perror("ptrace"); return 1; }
        if (waitpid(child, &status, 0) < 0 || WIFEXITED(status) || WIFSIGNALED(status)) break;
        if (!(WIFSTOPPED(status) && WSTOPSIG(status) == (SIGTRAP | 0x80))) continue;
        if (entering) {
            struct user_regs_struct regs;
            ptrace(PTRACE_GETREGS, child, NULL, &regs);
            long nr = (long)regs.orig_rax;
            /* Count from the program's execve on: what comes before is the tracer's own child set-up. */
            if (nr == 59) started = 1;
            if (started) {
                const char *n = name(nr);
                /* stderr, so the traced program's own output stays apart on stdout */
                if (n) fprintf(stderr, "%s\n", n); else fprintf(stderr, "syscall_%ld\n", nr);
                calls++;
            }
        }
        entering = !entering;
    }
    fprintf(stderr, "syscalls=%d\n", calls);
    return 0;
}
