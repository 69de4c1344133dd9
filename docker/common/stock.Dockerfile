# The glibc image as a distribution ships it: without the locale data (locales-all)
# and without the musl packages (the offline build image has them for musl-gcc) that
# the main glibc image adds. Lessons use it to show what a stock container does.
ARG BASE
FROM ${BASE}
RUN dpkg --purge locales-all \
 && if dpkg -s musl >/dev/null 2>&1; then dpkg --purge musl-tools musl-dev musl; fi \
 && test ! -e /lib/ld-musl-x86_64.so.1
