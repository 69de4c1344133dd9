# The library with the constructor, then a program linked against it that
# finds it beside itself at run time ($ORIGIN).
$CC $CFLAGS -shared -fPIC -o "$OUT/libctor.so" libctor.c
$CC $CFLAGS -o "$OUT/$NAME" ctor-args.c -L"$OUT" -lctor -Wl,-rpath,'$ORIGIN' $LDFLAGS
