# musl run environment without a registry: nothing but musl's loader/libc,
# busybox and the probe runner. There is no glibc anywhere in it, so a
# glibc-linked program fails here exactly as it does on Alpine.
ARG BUILD
FROM ${BUILD} AS parts
RUN mkdir -p /out/lib /out/bin /out/usr/bin /out/usr/local/bin /out/etc /out/tmp \
 && cp /usr/lib/x86_64-linux-musl/libc.so /out/lib/ld-musl-x86_64.so.1 \
 && ln -s ld-musl-x86_64.so.1 /out/lib/libc.musl-x86_64.so.1 \
 && ln -s /lib/ld-musl-x86_64.so.1 /out/usr/bin/ldd \
 && cp /bin/busybox /out/bin/busybox \
 && cp /usr/local/lib/lab-run.musl /out/usr/local/bin/lab-run \
 && printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' > /out/etc/passwd \
 && printf 'root:x:0:\nnogroup:x:65534:\n' > /out/etc/group \
 && chmod 1777 /out/tmp

FROM scratch
COPY --from=parts /out/ /
# Busybox provides sh, ls, cat... as links, the way Alpine's base image does.
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["/bin/sh"]
