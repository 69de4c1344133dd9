# Rust compiles one object file (no std, no Rust runtime) for the only target
# Debian ships, and the environment's C compiler links it: musl-gcc in a musl
# environment, so the program's C library is musl.
rustc -O -C panic=abort --crate-type=lib --emit=obj -o "/tmp/$NAME.o" "$NAME.rs"
$CC -o "$OUT/$NAME" "/tmp/$NAME.o"
