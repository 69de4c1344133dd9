# Builds libmemtype.so in every version the lesson loads, each in its own
# folder of $OUT with the same soname (as a distribution installs one
# libwasmtime.so), then the program $NAME.c, linked against the library
# whose header it includes. Libraries: -O2; the program: $CFLAGS.
lib() {
  dir=$1; shift
  mkdir -p "$OUT/$dir"
  $CC -O2 -fPIC -shared -Wl,-soname,libmemtype.so -o "$OUT/$dir/libmemtype.so" "$@"
}
lib v22 -DLIB_VERSION=22 lib-old.c
lib v26 -DLIB_VERSION=26 lib-old.c
lib v27 lib-v27.c
lib v27-newname lib-v27-newname.c
lib v22-symver -DLIB_VERSION=22 -Wl,--version-script=memtype-22.map lib-old.c
lib v27-symver -Wl,--version-script=memtype-27.map lib-v27-symver.c

case "$NAME" in
  new-caller) linked=v27 ;;
  symver-caller) linked=v22-symver ;;
  *) linked=v22 ;;
esac
$CC $CFLAGS -o "$OUT/$NAME" "$NAME.c" -L"$OUT/$linked" -lmemtype $LDFLAGS
