# A 32-bit build with the 64-bit compiler: -m32 makes i386 code, and -nostdlib
# leaves out the C library and its start files, which these images have only
# in their 64-bit form. $CC is not used: musl-gcc has no 32-bit musl to offer.
gcc -m32 -nostdlib -ffreestanding -O2 $CFLAGS -o "$OUT/$NAME" "$NAME.c" $LDFLAGS
