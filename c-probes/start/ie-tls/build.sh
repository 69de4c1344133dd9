# The library with initial-exec TLS, then the program that dlopen()s it.
$CC $CFLAGS -shared -fPIC -o "$OUT/libietls.so" libietls.c
$CC $CFLAGS -o "$OUT/$NAME" ie-tls.c $LDFLAGS -ldl
