/*
 * getcontext/makecontext/swapcontext switch between stacks in user space:
 * coroutine and green-thread libraries use them. POSIX removed them in 2008,
 * but glibc implements them. Where the functions are missing, the declaration
 * or the link fails.
 */
#include <stdio.h>
#include <ucontext.h>

static ucontext_t main_ctx, co_ctx;
static char co_stack[64 * 1024];

static void coroutine(void) {
    printf("in the coroutine\n");
    swapcontext(&co_ctx, &main_ctx);
}

int main(void) {
    getcontext(&co_ctx);
    co_ctx.uc_stack.ss_sp = co_stack;
    co_ctx.uc_stack.ss_size = sizeof co_stack;
    co_ctx.uc_link = &main_ctx;
    makecontext(&co_ctx, coroutine, 0);
    swapcontext(&main_ctx, &co_ctx);
    printf("back in main\n");
    return 0;
}
