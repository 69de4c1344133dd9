# A Python program is its source: the build copies it to the output folder.
# A probe with a C extension (EXT set) also compiles EXT.c against this
# environment's Python headers into a module EXT<suffix>.so beside it, as
# setup.py or pip would.
cp "$NAME" "$OUT/$NAME"
if [ -n "${EXT:-}" ]; then
  suffix=$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
  $CC -shared -fPIC -O2 $(python3-config --includes) -o "$OUT/$EXT$suffix" "$EXT.c"
  # Under a fixed name as well, so a readelf or loader command can name it.
  cp "$OUT/$EXT$suffix" "$OUT/$EXT.so"
fi
if [ -n "${MUSL_HELLO:-}" ]; then
  # A tiny musl-linked program: its ELF interpreter is what packaging.tags reads on a musl system.
  printf 'int main(void){return 0;}\n' > /tmp/h.c
  musl-gcc -o "$OUT/musl-hello" /tmp/h.c
fi
if [ -n "${NUMPY_EXT:-}" ]; then
  # NumPy's core extension module as the toolchain image installed it (python3-numpy), under a
  # fixed name so check-binary, readelf and musl's loader can be pointed at it.
  core=$(python3 -c 'import numpy._core._multiarray_umath as m; print(m.__file__)')
  cp "$core" "$OUT/numpy-core.so"
fi
