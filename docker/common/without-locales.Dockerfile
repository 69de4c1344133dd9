# The same glibc image as it ships from the distribution, without the locale data
# (locales-all) that the main glibc image adds: what a stock container has.
ARG BASE
FROM ${BASE}
RUN dpkg --purge locales-all
