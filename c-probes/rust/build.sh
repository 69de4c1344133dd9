# Builds one Rust program with the suite's rustc (no cargo, no crates: only the
# standard library Debian ships). RUSTFLAGS comes from the manifest's
# "compile.env", e.g. "-C target-feature=+crt-static" or "--target ...".
rustc -O ${RUSTFLAGS:-} -o "$OUT/$NAME" "$NAME.rs"
