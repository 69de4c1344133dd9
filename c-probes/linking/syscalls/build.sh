# The tracer, and the hello world it traces, linked dynamically and statically.
$CC $CFLAGS -o "$OUT/$NAME" trace.c $LDFLAGS
$CC $CFLAGS -o "$OUT/hello-dynamic" hello.c
$CC $CFLAGS -static -o "$OUT/hello-static" hello.c
