/*
 * lab-enter: the first program of every sandbox run (bubblewrap backend).
 *
 *   lab-enter [-u UID:GID] [-r RESOURCE=SOFT[:HARD]]... [-S COMMAND]... -- PROGRAM [ARGS...]
 *
 * bubblewrap starts it as PID 1 of a fresh pid namespace (--as-pid-1). It
 * does what Docker does before it starts a container's command, then execs
 * PROGRAM (lab-run) in its own place, so lab-run is PID 1 exactly as in a
 * container:
 *   -S  starts COMMAND (with /bin/sh -c) in the background first, as the
 *       sandbox's root: a sidecar, e.g. a DNS server, that shares the run's
 *       network namespace and dies with it (when PID 1 exits, the kernel kills
 *       every process of the namespace);
 *   -r  sets a resource limit (stack, as, nproc, nofile; "unlimited" allowed);
 *   -u  when running as root, drops to UID:GID with no supplementary groups,
 *       so the program runs as nobody the way Docker's --user does;
 * and it asks for SIGKILL when bubblewrap (its parent) dies: a credential
 * change clears the parent-death signal bubblewrap set, so it is set again
 * after the drop. That is what lets the runner's timeout kill the whole tree.
 *
 * Statically linked, like lab-run, so one binary works in every root.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

static int fail(const char *what, const char *detail) {
    fprintf(stderr, "lab-enter: %s%s%s: %s\n", what, detail ? " " : "", detail ? detail : "", strerror(errno));
    return 125;
}

static int parse_limit(const char *text, rlim_t *out) {
    if (strcmp(text, "unlimited") == 0) {
        *out = RLIM_INFINITY;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || (*end && *end != ':')) return -1;
    *out = (rlim_t)v;
    return 0;
}

static int set_limit(const char *spec) {
    static const struct { const char *name; int resource; } names[] = {
        { "stack", RLIMIT_STACK }, { "data", RLIMIT_DATA }, { "nproc", RLIMIT_NPROC }, { "nofile", RLIMIT_NOFILE },
    };
    const char *eq = strchr(spec, '=');
    if (!eq) return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strncmp(spec, names[i].name, (size_t)(eq - spec)) != 0 || names[i].name[eq - spec] != '\0') continue;
        struct rlimit lim;
        if (parse_limit(eq + 1, &lim.rlim_cur) != 0) return -1;
        const char *colon = strchr(eq + 1, ':');
        lim.rlim_max = lim.rlim_cur;
        if (colon && parse_limit(colon + 1, &lim.rlim_max) != 0) return -1;
        return setrlimit(names[i].resource, &lim);
    }
    errno = EINVAL;
    return -1;
}

int main(int argc, char **argv) {
    const char *user = NULL;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (i + 1 >= argc) break;
        const char *opt = argv[i], *val = argv[++i];
        if (strcmp(opt, "-u") == 0) user = val;
        else if (strcmp(opt, "-r") == 0) {
            if (set_limit(val) != 0) return fail("cannot set limit", val);
        } else if (strcmp(opt, "-S") == 0) {
            pid_t pid = fork();
            if (pid < 0) return fail("fork", NULL);
            if (pid == 0) {
                execl("/bin/sh", "sh", "-c", val, (char *)NULL);
                _exit(127);
            }
        } else {
            fprintf(stderr, "lab-enter: unknown option %s\n", opt);
            return 125;
        }
    }
    if (i >= argc - 1) {
        fprintf(stderr, "usage: lab-enter [-u UID:GID] [-r RESOURCE=SOFT[:HARD]]... [-S COMMAND]... -- PROGRAM [ARGS...]\n");
        return 125;
    }
    if (user && getuid() == 0) {
        unsigned uid, gid;
        if (sscanf(user, "%u:%u", &uid, &gid) != 2) {
            fprintf(stderr, "lab-enter: -u takes UID:GID, not %s\n", user);
            return 125;
        }
        if (setgroups(0, NULL) != 0) return fail("setgroups", NULL);
        if (setgid(gid) != 0) return fail("setgid", user);
        if (setuid(uid) != 0) return fail("setuid", user);
    }
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return fail("prctl", NULL);
    /* Like a container's command, a bare name is looked up in PATH. */
    execvp(argv[i + 1], argv + i + 1);
    return fail("cannot execute", argv[i + 1]);
}
