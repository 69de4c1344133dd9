// Prints a greeting and turns an address into socket addresses with the
// standard library. std's ToSocketAddrs links the C library's getaddrinfo (a
// numeric address is parsed without calling it), so even this small program
// needs the libc it was linked against, like any C program would.
use std::net::ToSocketAddrs;

fn main() {
    println!("hello from Rust");
    match ("127.0.0.1", 80).to_socket_addrs() {
        Ok(addrs) => println!("127.0.0.1:80 gives {} socket address(es)", addrs.count()),
        Err(e) => println!("127.0.0.1:80: {}", e),
    }
}
