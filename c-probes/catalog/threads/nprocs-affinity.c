/*
 * How many CPUs may this program use? Thread pools often size themselves
 * with sysconf(_SC_NPROCESSORS_ONLN). Here the program first restricts
 * itself to one CPU (as taskset or a container cpuset would), then asks.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) { perror("sched_setaffinity"); return 1; }
    cpu_set_t now;
    sched_getaffinity(0, sizeof now, &now);
    printf("allowed_cpus=%d\n", CPU_COUNT(&now));
    printf("nprocessors_onln=%ld\n", sysconf(_SC_NPROCESSORS_ONLN));
    printf("onln_equals_allowed=%s\n", sysconf(_SC_NPROCESSORS_ONLN) == CPU_COUNT(&now) ? "yes" : "no");
    return 0;
}
