/* Valgrind 3.19 (Debian 12) crashes when a program passes rt_sigsuspend a signal mask
 * that lives in read-only memory, which libdispatch's dispatchMain() does (the main
 * thread of an AsyncParsableCommand parks there). Preloading this copies the mask onto
 * the stack first. Only for profiling under valgrind: Benchmarks/profile/profile.sh. */
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
