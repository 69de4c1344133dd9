/*
 * A 32-bit x86 program that needs no C library at all: it writes one line and
 * exits through the kernel's 32-bit system-call entry (int $0x80, call 4 is
 * write and 1 is exit on i386). Whether it starts on an x86-64 machine is the
 * kernel's decision, not the libc's: kernels built with IA32 emulation run
 * 32-bit programs beside 64-bit ones. Linked statically it needs nothing
 * else; linked as a dynamic program it names glibc's 32-bit loader,
 * /lib/ld-linux.so.2, which a 64-bit image does not have.
 */
static const char message[] = "a 32-bit x86 program is running\n";

void _start(void) {
    int written;
    __asm__ volatile("int $0x80" : "=a"(written) : "a"(4), "b"(1), "c"(message), "d"(sizeof message - 1) : "memory");
    __asm__ volatile("int $0x80" : : "a"(1), "b"(written == (int)sizeof message - 1 ? 0 : 1));
    for (;;) {
    }
}
