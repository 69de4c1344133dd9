# glibc environment without a registry: a Debian suite (bookworm, trixie or sid),
# its root filesystem made by make-rootfs.sh and imported as BASE. It is also
# the musl environment's build image: Debian's musl-gcc wrapper targets musl.
ARG BASE
FROM ${BASE}
COPY reaper/lab-run.c /usr/local/src/lab-run.c
RUN gcc -O2 -static -o /usr/local/bin/lab-run /usr/local/src/lab-run.c \
 && musl-gcc -O2 -static -o /usr/local/lib/lab-run.musl /usr/local/src/lab-run.c
ENV LANG=C.UTF-8
CMD ["/bin/sh"]
