# glibc environment where a registry is reachable: Ubuntu 24.04 LTS (glibc 2.39).
FROM ubuntu:24.04
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev binutils file locales-all \
 && rm -rf /var/lib/apt/lists/*
COPY reaper/lab-run.c /usr/local/src/lab-run.c
RUN gcc -O2 -static -o /usr/local/bin/lab-run /usr/local/src/lab-run.c
ENV LANG=C.UTF-8
CMD ["/bin/sh"]
