# Link the unwinder as a shared library, as gcc does for C++ on Alpine.
# Debian's musl-gcc does not search glibc's library folder, so the file is
# named directly; its own needs (glibc's libc.so.6) are left unresolved on
# purpose with --allow-shlib-undefined: the run never gets that far.
libgcc_s=/usr/lib/x86_64-linux-gnu/libgcc_s.so.1
$CC $CFLAGS -o "$OUT/$NAME" libgcc-s.c "$libgcc_s" -Wl,--allow-shlib-undefined $LDFLAGS
