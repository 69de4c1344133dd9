// No standard library: Debian ships Rust's std (and core) only for the GNU
// target, but an object that uses neither std nor Rust's runtime follows the
// same C calling convention on both libcs, so the C toolchain of the
// environment (musl-gcc on musl) can link it against its own C library.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

extern "C" {
    fn puts(s: *const u8) -> i32;
}

#[no_mangle]
pub extern "C" fn main() -> i32 {
    unsafe { puts(b"hello from no_std Rust, linked by the C compiler\0".as_ptr()) };
    0
}

#[panic_handler]
fn panic(_: &PanicInfo) -> ! {
    loop {}
}
