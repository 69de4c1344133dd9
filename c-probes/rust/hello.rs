// Prints a greeting and resolves "localhost" through the standard library.
// std's ToSocketAddrs calls the C library's getaddrinfo, so even this small
// program needs the libc it was linked against, like any C program would.
use std::net::ToSocketAddrs;

fn main() {
    println!("hello from Rust");
    match ("localhost", 80).to_socket_addrs() {
        Ok(addrs) => println!("localhost resolves to {} address(es)", addrs.count()),
        Err(e) => println!("localhost: {}", e),
    }
}
