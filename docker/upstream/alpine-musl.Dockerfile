# musl environment where a registry is reachable: Alpine 3.22 (musl 1.2.5).
FROM alpine:3.22
RUN apk add --no-cache gcc musl-dev binutils file
COPY reaper/lab-run.c /usr/local/src/lab-run.c
RUN gcc -O2 -static -o /usr/local/bin/lab-run /usr/local/src/lab-run.c
CMD ["/bin/sh"]
