# A library with an undefined function (allowed for shared libraries),
# then the program that dlopen()s it lazily.
$CC $CFLAGS -shared -fPIC -o "$OUT/libneedy.so" libneedy.c
$CC $CFLAGS -o "$OUT/$NAME" lazy-binding.c $LDFLAGS -ldl
