#!/usr/bin/env bash
# Builds a Debian root filesystem (bookworm, trixie or sid) with debootstrap and
# streams it as a tar archive on stdout, ready for `docker import`. Used where no
# container registry is reachable: Debian's package archive is the only source.
#   bash docker/offline/make-rootfs.sh PACKAGES [SUITE] > rootfs.tar
# The mirror is the one this machine's apt already uses (MUSL_LAB_DEBIAN_MIRROR overrides it).
set -euo pipefail
packages=${1:?usage: make-rootfs.sh comma,separated,packages [bookworm|trixie|sid]}
suite=${2:-bookworm}
case "$suite" in bookworm|trixie|sid) ;; *) echo "make-rootfs: unknown suite \"$suite\" (bookworm, trixie or sid)" >&2; exit 2 ;; esac

if [ "$(id -u)" != 0 ]; then
  echo "make-rootfs: debootstrap needs root; run as root (or build the images once with sudo npm run images)" >&2
  exit 2
fi
command -v debootstrap >/dev/null || { echo "make-rootfs: debootstrap is missing; apt-get install -y debootstrap" >&2; exit 2; }

mirror=${MUSL_LAB_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
  # First "debian" archive URI from deb822 or one-line sources, skipping the security archive.
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v -- '-security' | grep -E '/debian/?$' | head -n1 || true)
fi
if [ -z "$mirror" ]; then
  echo "make-rootfs: no Debian mirror found in /etc/apt/sources*; set MUSL_LAB_DEBIAN_MIRROR to one" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "make-rootfs: debootstrap $suite from $mirror with: $packages" >&2
debootstrap --variant=minbase --include="$packages" "$suite" "$work/root" "$mirror" >&2
# Package lists and caches only make the image bigger; results must not depend on them.
rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*
tar --numeric-owner -C "$work/root" -c .
