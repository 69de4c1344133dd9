# The plugin (a shared library), then the program that loads it twice.
$CC $CFLAGS -shared -fPIC -o "$OUT/libplugin.so" libplugin.c
$CC $CFLAGS -o "$OUT/$NAME" dlclose-twice.c $LDFLAGS -ldl
