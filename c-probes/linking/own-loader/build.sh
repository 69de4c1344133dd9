# Build hello against glibc and copy glibc's loader and C library beside it:
# the program can then be started by that loader wherever it is copied.
$CC $CFLAGS -o "$OUT/$NAME" hello.c $LDFLAGS
loader=$($CC -print-file-name=ld-linux-x86-64.so.2)
libc=$($CC -print-file-name=libc.so.6)
cp -L "$loader" "$OUT/ld-linux-x86-64.so.2"
cp -L "$libc" "$OUT/libc.so.6"
